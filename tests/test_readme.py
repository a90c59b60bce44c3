"""The README's worked example and commands are what the tool really prints and runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_worked_example_output_is_current(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    command = r"\$ ovop-assess (examples/regions/\S+\.yaml --as-of \S+)"
    block = re.search(rf"```console\n{command}\n(.*?)\n\$ echo \$\?\n(\d+)\n```", README, re.S)
    assert block, "worked example not found in README"
    args, shown, code = block.group(1).split(), block.group(2), int(block.group(3))
    monkeypatch.chdir(ROOT)
    assert main(args) == code
    printed = "\n".join(line.rstrip() for line in capsys.readouterr().out.rstrip("\n").splitlines())
    assert printed == shown


def test_readme_commands_match_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ci.strip().splitlines()[-1]
    assert test_command in README, "the README's test command and .ci/run must be the same"
    assert "pip install -q . && .venv/bin/ovop-assess examples/regions/" in README


def test_assurance_examples_are_current(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each `$ ovop-assess … | tail -1` line of the README is followed by the last line the tool really prints."""
    pairs = re.findall(r"^\$ ovop-assess (.+?) \| tail -1\n(.+)$", README, re.M)
    assert len(pairs) >= 5, "the assurance examples (English and Indonesian) are not in the README"
    # The user docs show such lines too: they must not go stale either.
    docs = [(page.name, page.read_text(encoding="utf-8")) for page in sorted((ROOT / "docs").glob("*.md"))]
    in_docs = [
        (name, pair)
        for name, page in docs
        for pair in re.findall(r"^\$ ovop-assess (.+?) \| tail -1\n(.+)$", page, re.M)
    ]
    assert len(in_docs) >= 2, "docs/criteria.md's assurance examples are gone"
    monkeypatch.chdir(ROOT)
    for where, (args, shown) in [("README", pair) for pair in pairs] + in_docs:
        main(args.split())
        last = capsys.readouterr().out.rstrip("\n").splitlines()[-1].rstrip()
        assert last == shown, f"{where}: ovop-assess {args}"
