"""The pre-commit hook definition points at a real command and a real file filter."""

from __future__ import annotations

from pathlib import Path

import yaml

from ovop_assess.cli.main import COMMANDS

ROOT = Path(__file__).resolve().parents[1]


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "ovop-assess" and hook["language"] == "python"
    program, command = hook["entry"].split()
    assert program == "ovop-assess" and command in COMMANDS
    assert hook["types"] == ["yaml"]
