"""Shell completion: ``--show-completion``, ``--install-completion`` and the shell's requests, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovop_assess.cli.main import main


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)
    monkeypatch.delenv("_OVOP_ASSESS_COMPLETE", raising=False)


@pytest.fixture
def named_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shell named on the command line rather than detected from the parent process (typer's test switch)."""
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")


def test_show_completion_prints_the_script(named_shell: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--show-completion", "bash"]) == 0
    out = capsys.readouterr().out
    assert "_ovop_assess_completion()" in out and "_OVOP_ASSESS_COMPLETE=complete_bash" in out
    assert "complete -o default -F _ovop_assess_completion ovop-assess" in out
    assert main(["--lang", "id", "--show-completion", "zsh"]) == 0
    assert "#compdef ovop-assess" in capsys.readouterr().out


def test_install_completion_writes_the_script_where_the_shell_reads_it(
    named_shell: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["--install-completion", "bash"]) == 0
    script = tmp_path / ".bash_completions" / "ovop-assess.sh"
    assert "_ovop_assess_completion" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    assert "bash completion installed in" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("ovop-assess chec", "1", ["checklist"]),
        ("ovop-assess checklist --fo", "2", ["--format"]),
        ("ovop-assess checklist --format ", "3", ["markdown", "html"]),
        ("ovop-assess assess --sort ", "3", ["file", "score"]),
    ],
)
def test_the_shell_gets_commands_options_and_choices(
    words: str, cword: str, expected: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("_OVOP_ASSESS_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", cword)
    assert main([]) == 0
    assert capsys.readouterr().out.split() == expected


def test_the_options_are_in_the_app_help_in_the_reader_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "--install-completion" in out and "Install completion of commands and options" in out
    assert main(["--lang", "id", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Memasang pelengkapan otomatis" in out and "Menampilkan skrip pelengkapan otomatis" in out
    assert main(["assess", "--help"]) == 0  # a command's own help: its options only
    assert "--install-completion" not in capsys.readouterr().out
