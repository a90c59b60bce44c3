"""Every note on stderr that carries a file's or a user's text shows its control characters visibly.

A region name, a file name, a query or a plugin's error may hold ESC, CR or a right-to-left override;
raw, they would erase the line, move the cursor or turn the rest of the note around. All notes go through
one writer (:func:`ovop_assess.cli.terminal.note`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ovop_assess.cli.commands import _with_crashes
from ovop_assess.cli.error_handler import run_guarded
from ovop_assess.cli.main import main
from ovop_assess.cli.terminal import note, plain
from ovop_assess.exit_codes import ExitCode
from ovop_assess.results import RuleCrash

ROOT = Path(__file__).resolve().parents[2]
KAUMAN = ROOT / "examples" / "regions" / "kauman-batik.yaml"
RAW = "\x1b[2K\rFAKE\u202e"  # erase the line, back to its start, then reverse what follows
SHOWN = "\\x1b[2K\\x0dFAKE\\u202e"


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)
    monkeypatch.chdir(tmp_path)


def _clean(err: str) -> None:
    assert "\x1b" not in err and "\r" not in err and "\u202e" not in err


def test_the_one_writer_shows_controls_and_bidi(capsys: pytest.CaptureFixture[str]) -> None:
    note(f"a{RAW}")
    assert capsys.readouterr().err == f"ovop-assess: a{SHOWN}\n"
    assert plain("tab\tand\nline") == "tab\tand\nline"  # a note's own layout is kept
    assert plain("Kauman") == "Kauman"


def test_checklist_output_note_shows_the_name_visibly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = KAUMAN.read_text(encoding="utf-8")
    mine = text.replace("  name: Kauman  ", '  name: "Kauman\\e[2K\\rFAKE\\u202e"  ', 1)
    assert mine != text
    region = tmp_path / "k.yaml"
    region.write_text(mine, encoding="utf-8")
    assert main(["checklist", str(region), "-o", "out.md", "--as-of", "2026-11-28"]) == 0
    err = capsys.readouterr().err
    _clean(err)
    assert err.startswith("ovop-assess: ") and f"Kauman{SHOWN}" in err


@pytest.mark.parametrize("lang", ["en", "id"])
def test_area_note_shows_the_query_visibly(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", lang, "area", "qxqxqx\x1b[2Kfake\u202e"]) == 1
    err = capsys.readouterr().err
    _clean(err)
    assert "'qxqxqx\\x1b[2Kfake\\u202e'" in err


def test_a_crashed_rule_note_shows_its_file_and_error_visibly(capsys: pytest.CaptureFixture[str]) -> None:
    crash = RuleCrash(file=f"k{RAW}.yaml", rule="X1", detail=f"ValueError: {RAW}", traceback=f"Traceback\n{RAW}\n")
    assert _with_crashes(ExitCode.OK, [crash], "en", debug=True) == ExitCode.INTERNAL
    err = capsys.readouterr().err
    _clean(err)
    assert err == (f"ovop-assess: k{SHOWN}.yaml: the rule X1 could not run: ValueError: {SHOWN}\nTraceback\n{SHOWN}\n")


def test_init_note_shows_the_file_name_visibly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", f"t{RAW}.yaml"]) == 0
    err = capsys.readouterr().err
    _clean(err)
    assert err.startswith(f"ovop-assess: wrote the region-file template to t{SHOWN}.yaml; ")


def test_an_error_note_shows_a_bidi_control_visibly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--criteria", f"missing{RAW}.yaml"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    _clean(err)
    assert err.startswith("ovop-assess: ") and f"missing{SHOWN}.yaml" in err


@pytest.mark.parametrize(
    ("code", "exit_code", "said"),
    [
        (None, 0, ""),
        (0, 0, ""),
        (5, 5, ""),
        ("bye", 1, "bye\n"),  # as Python itself: the text on stderr, exit 1
        (f"bye{RAW}", 1, f"bye{SHOWN}\n"),
    ],
)
def test_system_exit_ends_as_python_ends_it(
    code: object, exit_code: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def run() -> int:
        raise SystemExit(code)

    assert run_guarded(run, "en", debug=False) == exit_code
    assert capsys.readouterr().err == said


def test_a_note_and_an_import_listing_keep_a_cells_line_break_inside_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Peran cell holding a line break: its error stays one line, as in the table (``\\x0a``)."""
    note("a\nb")
    assert capsys.readouterr().err == "ovop-assess: a\\x0ab\n"
    sheet = tmp_path / "daftar.csv"
    sheet.write_text('Nama Usaha;Peran\nUsaha A;penggerak\nUsaha B;"binaan\nanggota"\n', encoding="utf-8")
    assert main(["import", str(sheet)]) == ExitCode.INVALID
    err = capsys.readouterr().err
    assert "found binaan\\x0aanggota\n" in err and len(err.splitlines()) == 2


def test_a_refused_value_a_user_typed_is_shown_visibly_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("id", "en"):
        assert main(["--lang", lang, "assess", "--format", f"x{RAW}", str(KAUMAN)]) == ExitCode.USAGE
        err = capsys.readouterr().err
        _clean(err)
        assert "Value error" not in err  # typer's pydantic-like wording of a refused choice, taken off


def test_a_table_isolates_a_name_holding_a_bidi_control(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On a terminal that lays out bidi, a raw right-to-left override would turn the rest of the row around."""
    region = tmp_path / "rlo.yaml"
    source = KAUMAN.read_text(encoding="utf-8").replace("  name: Kauman ", '  name: "Kau\\u202eman" ', 1)
    region.write_text(source.replace("evidence/", f"{KAUMAN.parent}/evidence/"), encoding="utf-8")
    main(["assess", str(region), "--format", "table"])
    out = capsys.readouterr().out
    assert "\u202e" in out
    opened = False  # every override inside an isolate (a wrapped message's isolate may span two lines)
    for char in out:
        opened = True if char == "\u2068" else False if char == "\u2069" else opened
        assert char != "\u202e" or opened


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("01-12-2026", "--as-of: expected a date written YYYY-MM-DD: write 2026-12-01, not 01-12-2026 (read day first"),
        ("1 Desember 2026", "--as-of: expected a date written YYYY-MM-DD: write 2026-12-01, not 1 Desember 2026"),
        ("2026-02-30", "--as-of: 2026-02-30 is no date: that month has no such day"),
        ("yesterday", "--as-of must be a date YYYY-MM-DD, not 'yesterday'"),
    ],
)
def test_an_as_of_date_written_otherwise_is_told_the_date_to_write(
    given: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a region file's dates are: a new user's walkthrough typed the date as an Indonesian office writes it."""
    assert main([str(ROOT / "examples" / "regions" / "kauman-batik.yaml"), "--as-of", given]) == 2
    assert said in capsys.readouterr().err
