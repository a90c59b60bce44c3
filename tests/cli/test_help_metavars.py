"""The usage line of a command with an optional argument shows it in one pair of brackets, in both languages."""

from __future__ import annotations

import pytest

from ovop_assess.cli.main import main


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
