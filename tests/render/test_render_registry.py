"""The registry of renderers: every format of every command, its capabilities as data, lazy loading."""

from __future__ import annotations

import ast
import subprocess
import sys
import types
from pathlib import Path

import pytest

from ovop_assess import __version__
from ovop_assess.render import registry
from ovop_assess.render.json_report import render_json
from ovop_assess.render.registry import PerFile, Renderer, formats_for, load, lookup
from ovop_assess.results import Report

RENDER = Path(registry.__file__).parent


def test_formats_per_command_default_first() -> None:
    assert formats_for("assess") == ("table", "json", "junit", "github", "csv", "markdown", "xlsx")
    assert formats_for("checklist") == ("markdown", "html")
    assert formats_for("area") == ("table", "json")
    assert formats_for("round") == ("table", "json", "markdown", "html", "xlsx")
    assert formats_for("compare") == ("table", "markdown", "json")
    assert formats_for("rules") == ()


@pytest.mark.parametrize("name", [r.name for r in registry.RENDERERS if r.command == "assess" and not r.binary])
def test_every_assess_format_renders_text_ending_in_a_newline(name: str, report: Report) -> None:
    for lang in ("en", "id"):
        out = lookup("assess", name).render(report, lang)
        assert isinstance(out, str) and out.endswith("\n")
        assert "eligible.yaml" in out


def test_json_is_the_reference_renderer(report: Report) -> None:
    assert lookup("assess", "json").render(report, "id") == render_json(report, "id")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_json_streamed_per_file_is_the_whole_report(report: Report, lang: str) -> None:
    json = lookup("assess", "json")
    assert json.per_file is not None
    encode = json.encoder(lang)  # type: ignore[arg-type]
    entries = [encode(result) for result in report.results]
    assert [e.verdict for e in entries] == [r.verdict for r in report.results]
    streamed = "".join(json.stream(__version__, report.criteria_set, entries, lang))  # type: ignore[arg-type]
    assert streamed == render_json(report, lang)  # type: ignore[arg-type]


def test_a_whole_report_format_has_no_stream() -> None:
    with pytest.raises(ValueError, match="not streamed per file"):
        lookup("assess", "csv").encoder("en")


def test_the_tables_are_the_only_terminal_formats() -> None:
    assert [(r.command, r.name) for r in registry.RENDERERS if r.terminal] == [
        ("assess", "table"),
        ("area", "table"),
        ("round", "table"),
        ("compare", "table"),
    ]
    assert [(r.command, r.name) for r in registry.RENDERERS if r.binary] == [("assess", "xlsx"), ("round", "xlsx")]


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("assess", "xml"),
        ("assess", ""),
        ("assess", "JUNIT"),
        ("assess", "html"),
        ("checklist", "json"),
        ("checklist", "table"),
        ("rules", "table"),
    ],
)
def test_unknown_format_is_a_value_error_naming_the_known_ones(command: str, name: str) -> None:
    with pytest.raises(ValueError, match="unknown output format") as caught:
        lookup(command, name)
    assert (", ".join(formats_for(command)) or "none") in str(caught.value)


def test_every_registered_function_resolves_and_its_module_says_what_a_consumer_gets() -> None:
    for renderer in registry.RENDERERS:
        paths = [renderer.function, *(renderer.per_file or ())]
        for path in paths:
            assert callable(load(path)), path
            module = sys.modules[path.partition(":")[0]]
            assert module.__doc__, f"{module.__name__} needs a module docstring"


def test_registering_a_binary_format_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a future xlsx needs: a module with one function, and a Renderer naming it."""
    module = types.ModuleType("ovop_fake_workbook")
    module.render_book = lambda report, lang: f"{report}:{lang}".encode()  # type: ignore[attr-defined]
    module.render_text = lambda report, lang: f"{report}:{lang}"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    book = Renderer("round", "xlsx", "ovop_fake_workbook:render_book", binary=True)
    assert book.render("R", "id") == b"R:id"
    with pytest.raises(ValueError, match="binary"):
        book.render_text("R", "id")
    # The declared kind is checked: a writer takes bytes and text differently.
    with pytest.raises(TypeError, match="returned str, not bytes"):
        Renderer("round", "xlsx", "ovop_fake_workbook:render_text", binary=True).render("R", "en")
    with pytest.raises(TypeError, match="returned bytes, not str"):
        Renderer("round", "html", "ovop_fake_workbook:render_book").render("R", "en")


def test_per_file_paths_are_data() -> None:
    json = lookup("assess", "json")
    assert json.per_file == PerFile(
        "ovop_assess.render.json_report:json_entry", "ovop_assess.render.json_report:stream_json_entries"
    )


def test_library_renderers_know_nothing_of_rich_or_typer() -> None:
    for path in sorted(RENDER.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert not any(m.split(".")[0] in {"rich", "typer", "click"} for m in imported), path.name
        assert ast.get_docstring(tree), f"{path.name} needs a module docstring"


def test_the_registry_loads_only_the_renderer_a_run_uses(tmp_path: Path) -> None:
    """Importing the registry imports no renderer; a library format never loads rich, typer or the CLI."""
    code = """
import sys
from ovop_assess.render import registry
renderers = [m for m in sys.modules if m.startswith("ovop_assess.render.") and m != "ovop_assess.render.registry"]
assert renderers == [], renderers
import datetime
from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path, make_report
criteria = criteria_sets.load("default")
report = make_report(criteria, [assess_path(sys.argv[1], criteria, as_of=datetime.date(2026, 11, 28))])
registry.lookup("assess", "csv").render(report, "en")
assert "ovop_assess.render.csv_report" in sys.modules and "ovop_assess.render.junit" not in sys.modules
for name in registry.formats_for("assess"):
    if not registry.lookup("assess", name).terminal:
        registry.lookup("assess", name).render(report, "en")
outside = {"rich", "typer", "click"}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in outside or m.startswith("ovop_assess.cli"))
assert loaded == [], loaded
registry.lookup("assess", "table").render(report, "en")
assert "rich" in sys.modules
"""
    example = Path(__file__).resolve().parents[2] / "examples" / "regions" / "kauman-batik.yaml"
    done = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
