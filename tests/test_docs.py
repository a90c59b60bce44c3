"""The user documentation (README.md, docs/*.md) stays whole and in step with the command line.

Links must lead somewhere a clone of the repository has; the commands and
options are taken from the app itself, so a command or option added later
fails here until docs/cli.md describes it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import typer

from ovop_assess.cli.app import make_app
from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [ROOT / "README.md", *DOCS]
CLI_DOC = ROOT / "docs" / "cli.md"

# [text](target) outside code; images too. Code blocks and spans are dropped first.
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def _prose(text: str) -> str:
    return _CODE_SPAN.sub("", _FENCE.sub("", text))


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower().replace("`", "")
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    found: set[str] = set()
    counts: dict[str, int] = {}
    for line in _FENCE.sub("", page.read_text(encoding="utf-8")).splitlines():
        match = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not match:
            continue
        slug = _slug(match.group(1))
        seen = counts.get(slug, 0)
        counts[slug] = seen + 1
        found.add(slug if seen == 0 else f"{slug}-{seen}")
    return found


def _links(page: Path) -> list[str]:
    return _LINK.findall(_prose(page.read_text(encoding="utf-8")))


def test_the_docs_exist() -> None:
    names = {page.name for page in DOCS}
    assert {"region-format.md", "criteria.md", "cli.md", "json-report.md", "internals.md", "plugins.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_lead_to_files_and_headings(page: Path) -> None:
    links = _links(page)
    assert links, f"{page.name} links nowhere"
    broken = []
    for link in links:
        if re.match(r"[a-z][a-z0-9+.-]*:", link):  # https:, mailto: ... are not checked offline
            continue
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        if not path.exists() or not path.resolve().is_relative_to(ROOT):
            broken.append(f"{link}: no such file in the repository")
        elif anchor and (path.suffix != ".md" or anchor not in _anchors(path)):
            broken.append(f"{link}: no heading with anchor #{anchor}")
    assert not broken, f"{page.name}: " + "; ".join(broken)


def test_anchor_slugs_follow_github() -> None:
    assert _slug("C4 government-commitment") == "c4-government-commitment"
    assert _slug("`government_commitment`") == "government_commitment"
    assert _slug("Mulai cepat (Bahasa Indonesia)") == "mulai-cepat-bahasa-indonesia"
    assert _slug("Writing a rule (plugins)") == "writing-a-rule-plugins"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_page_sends_users_to_the_developers_folder(page: Path) -> None:
    # A user's clone has no shared/ folder: the documentation must stand on its own.
    assert "shared/" not in page.read_text(encoding="utf-8")


def _listed_commands(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    section = out.split("Commands:", 1)[1]
    return re.findall(r"^  ([a-z][a-z0-9-]*)\b", section, re.M)


def test_every_listed_command_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _listed_commands(capsys)
    assert {"assess", "checklist"} <= set(commands)
    doc = CLI_DOC.read_text(encoding="utf-8")
    headings = {line[3:].strip() for line in doc.splitlines() if line.startswith("## ")}
    undocumented = [name for name in commands if name not in headings]
    assert not undocumented, f"docs/cli.md has no section '## NAME' for: {undocumented}"
    for name in commands:
        assert f"ovop-assess {name}" in doc, name


def _command(name: str) -> Any:
    """The click command typer builds for ``name`` (typer ships its own copy of click, hence no click types)."""
    commands: dict[str, Any] = typer.main.get_command(make_app("en")).commands  # type: ignore[attr-defined]
    return commands[name]


@pytest.mark.parametrize("name", ["assess", "checklist", "compare"])
def test_every_option_is_documented(name: str) -> None:
    params = _command(name).params
    options = [opt for param in params if param.param_type_name == "option" for opt in param.opts]
    assert "--criteria" in options and "--lang" in options
    doc = CLI_DOC.read_text(encoding="utf-8")
    section = doc.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
    # Written as code: `--sort file|score`, `-f`, ... and in the command's own section.
    missing = [opt for opt in options if not re.search(rf"`{re.escape(opt)}[`\s=,]", section)]
    assert not missing, f"docs/cli.md, section '{name}', does not describe {missing}"
