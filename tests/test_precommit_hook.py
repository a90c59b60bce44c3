"""The pre-commit hook definition points at a real command and a real file filter."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ovop_assess.cli.main import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "ovop-assess" and hook["language"] == "python"
    program, command = hook["entry"].split()
    assert program == "ovop-assess" and command in COMMANDS
    assert hook["types"] == ["yaml"]


def test_the_hook_says_why_a_file_fails(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """What pre-commit runs (the hook's entry and the staged files, output to its log) names the failing criteria."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    _, command = hook["entry"].split()
    staged = sorted(str(path) for path in (ROOT / "examples" / "regions").glob("*.yaml"))
    monkeypatch.delenv("OVOP_LANG", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    assert main([command, *staged, "--as-of", "2026-11-28"]) == 1
    lines = capsys.readouterr().out.splitlines()
    why = [line for line in lines if line.startswith(("✗ ", "? "))]
    assert [line.split(" (")[0] for line in why] == ["✗ Bangli", "✗ Cepogo", "? Rajapolah", "? Kadipiro"]
    assert why[0].endswith("bangli-bamboo-weaving.yaml): C2 fail: 4 more firm(s) of category bamboo-weaving")
    assert (
        "C7 fail: main raw material Lembaran tembaga (copper sheet) must be available from an accepted source (local)"
        in (why[1])
    )
    assert why[3].count(" unknown: ") == 5
