"""The usage line of a command with an optional argument shows it in one pair of brackets, in both languages."""

from __future__ import annotations

import re

import pytest
import typer

from ovop_assess.cli.app import _FORMAT_COMMANDS, make_app
from ovop_assess.cli.main import main
from ovop_assess.messages import Lang
from ovop_assess.render.registry import RENDERERS, default_format, formats_for


@pytest.mark.parametrize(
    ("lang", "usage"),
    [("en", "Usage: ovop-assess init [OPTIONS] [FILE]\n"), ("id", "Penggunaan: ovop-assess init [OPSI] [BERKAS]\n")],
)
def test_init_help_shows_its_optional_file_in_one_pair_of_brackets(
    lang: str, usage: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["--lang", lang, "init", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(usage)
    assert "[[" not in out and "]]" not in out


# --- --format: its help names the registry's formats, and says the default once --------------------------

ALL_FORMATS = frozenset(renderer.name for renderer in RENDERERS)


def _format_option(command: str, lang: Lang) -> typer.core.TyperOption:
    group = typer.main.get_command(make_app(lang, only=command))
    assert isinstance(group, typer.core.TyperGroup)
    found = group.commands[command]
    [option] = [p for p in found.params if isinstance(p, typer.core.TyperOption) and "--format" in p.opts]
    return option


def test_the_commands_with_formats_are_the_registry_s() -> None:
    assert set(_FORMAT_COMMANDS) == {renderer.command for renderer in RENDERERS}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("command", _FORMAT_COMMANDS)
def test_format_help_names_every_format_offered_and_no_other(command: str, lang: Lang) -> None:
    option = _format_option(command, lang)
    said = set(re.findall(r"[a-z]+", option.help or "")) & ALL_FORMATS
    assert said == set(formats_for(command)), (command, lang, option.help)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("command", _FORMAT_COMMANDS)
def test_format_help_says_the_default_once(
    command: str, lang: Lang, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)
    assert main(["--lang", lang, command, "--help"]) == 0
    page = " ".join(capsys.readouterr().out.split())  # as read, whatever the line breaks
    start = page.index("--format")
    end = re.compile(r" --?[a-z]").search(page, start + len("--format"))
    entry = page[start : end.start() if end else None]  # the option's line, up to the next option
    default = default_format(command)
    said = re.findall(rf"{default} \((?:default|bawaan)\)|\[(?:default|bawaan): {default}\]", entry)
    assert len(said) == 1, entry
    assert not re.search(r"\((?:default|bawaan)\)|(?:default|bawaan):", entry.replace(said[0], "")), entry


@pytest.mark.parametrize(("lang", "placeholder"), [("en", "SECONDS"), ("id", "<detik>")])
def test_rule_timeout_placeholder_in_the_reader_s_language(
    lang: str, placeholder: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert f"--rule-timeout {placeholder} " in _help(lang, "assess", capsys, monkeypatch)


@pytest.mark.parametrize(("lang", "placeholder"), [("en", "YYYY-MM-DD"), ("id", "<tanggal>")])
def test_round_as_of_has_the_date_placeholder(
    lang: str, placeholder: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert f"--as-of {placeholder} " in _help(lang, "round", capsys, monkeypatch)


def _help(lang: str, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("OVOP_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["--lang", lang, command, "--help"]) == 0
    return capsys.readouterr().out
