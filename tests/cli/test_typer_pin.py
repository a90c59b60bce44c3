"""The Indonesian help reaches into typer (its vendored click, ``type_descriptor``): pinned, and tested at the pin."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_typer_is_pinned_to_a_minor_range_and_installed_within_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [spec] = [d for d in project["dependencies"] if d.startswith("typer")]
    found = re.fullmatch(r"typer>=(?P<low>[\d.]+),<(?P<high>[\d.]+)", spec)
    assert found, f"typer must have a lower and an upper bound: {spec}"
    low, high = _release(found["low"]), _release(found["high"])
    assert high[0] == low[0] and high[1] == low[1] + 1, "one minor series: the one the tests ran on"
    assert low <= _release(version("typer")) < high


def test_the_internals_the_indonesian_help_uses_are_there() -> None:
    import typer

    from ovop_assess.cli.app import make_app

    command = typer.main.get_command(make_app("id", only="assess"))
    assess = command.commands["assess"]  # type: ignore[attr-defined]
    lang = next(p for p in assess.params if "--lang" in p.opts)
    assert [c.value for c in lang.type_descriptor.choices] == ["en", "id"]
