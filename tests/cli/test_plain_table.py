"""PlainTable prints exactly what rich's Table prints without colours: the round's table, and awkward cells.

rich is the reference: each test prints the same columns and cells both ways
and requires the same text, character for character.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.console import Console, RenderableType
from rich.text import Text

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path
from ovop_assess.cli import round_table
from ovop_assess.cli.main import main
from ovop_assess.cli.plain_table import Column, PlainTable, rich_table
from ovop_assess.messages import Lang, text
from ovop_assess.selection_round import make_round

ROOT = Path(__file__).resolve().parents[2]
ROUND = [str(ROOT / "examples" / "regions"), "--office", str(ROOT / "examples" / "round" / "office.yaml")]
ROUND += ["--as-of", "2026-12-01", "--year", "2027"]


def printed(renderable: RenderableType, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False, width=width, highlight=False, emoji=False, soft_wrap=False)
    console.print(renderable)
    return buffer.getvalue()


def both(columns: Sequence[Column], rows: list[list[str]], width: int) -> tuple[str, str]:
    """The table printed by PlainTable, then by rich."""
    expected = printed(rich_table(columns, ([Text(cell) for cell in row] for row in rows)), width)
    return printed(PlainTable(columns, rows), width), expected


def _rich_instead(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> RenderableType:
    return rich_table(columns, ([Text(cell) for cell in row] for row in rows))


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [100, 117, 120, 140, 160, 200, 260])
def test_the_round_prints_as_rich_prints_it(
    width: int, lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    last = tmp_path / "last.json"
    assert main(["round", *ROUND, "--format", "json", "--output", str(last)]) == 0
    runs = {}
    for previous in ([], ["--previous", str(last)]):  # seven columns, then eight with "since last round"
        for label in ("plain", "rich"):
            if label == "rich":
                monkeypatch.setattr(round_table, "PlainTable", _rich_instead)
            assert main(["--lang", lang, "round", *ROUND, *previous]) == 0
            runs[label, bool(previous)] = capsys.readouterr().out
            monkeypatch.undo()
            monkeypatch.setenv("COLUMNS", str(width))
    for previous in (False, True):
        assert runs["plain", previous] == runs["rich", previous]
    assert "Rajapolah" in runs["plain", True] and runs["plain", True] != runs["plain", False]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_terminal_gets_the_same_table_in_colour(lang: Lang, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")  # what a terminal says its width is, when set
    criteria = criteria_sets.load("default")
    day = datetime.date(2026, 12, 1)
    results = [
        assess_path(path, criteria, as_of=day) for path in sorted((ROOT / "examples" / "regions").glob("*.yaml"))
    ]
    document = make_round("0", criteria.info, results, as_of=day)
    coloured = round_table.render_round_table(document, lang, to_terminal=True)
    eligible = "\x1b[1;32m" + text("verdict.eligible", lang)
    assert eligible in coloured  # the verdict in its colour (bold green)
    plain = round_table.render_round_table(document, lang, to_terminal=False)
    # The same characters; in a file, without the spaces rich pads a terminal's lines with.
    uncoloured = re.sub("\x1b\\[[0-9;]*m", "", coloured)
    assert "\n".join(line.rstrip() for line in uncoloured.split("\n")) == plain


COLUMNS = [
    Column("Rank", justify="right", no_wrap=True),
    Column("Area\nKecamatan\nKabupaten/kota", overflow="fold", min_width=14),
    Column("Verdict\nAssurance", no_wrap=True),
    Column("Still missing", overflow="fold"),
    Column("Since", overflow="ellipsis"),
]
AWKWARD = [
    # words to wrap, a word longer than any column (folded), blank lines, trailing and leading spaces
    ["1", "Desa Sukamaju (desa)\nKecamatan X\nKabupaten Y", "eligible\ndeclared", "a b c " * 30, "new"],
    ["2", "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "not eligible", "x\n\ny\n", "  padded  "],
    # wide characters, a zero-width joiner emoji, a combining accent, a tab, a line separator
    ["3", "日本の村 (desa)\n東京都", "incomplete", "👩\u200d👩\u200d👧 family\tsentra", "e\u0301te\u2028next"],
    # control codes Text drops, a non-breaking space at a line end, an empty cell
    ["10", "Desa\r Bell\x07", "invalid file", "", "nbsp\u00a0"],
    ["—", "—", "—", "—", "—"],
]


@pytest.mark.parametrize("width", [20, 30, 45, 60, 80, 100, 120, 200])
def test_awkward_cells_print_as_rich_prints_them(width: int) -> None:
    plain, expected = both(COLUMNS, AWKWARD, width)
    assert plain == expected


@pytest.mark.parametrize("width", [8, 12, 40])
def test_squeezed_columns_and_an_empty_table_print_as_rich_prints_them(width: int) -> None:
    assert both(COLUMNS, [], width)[0] == both(COLUMNS, [], width)[1]  # the header alone
    assert both(COLUMNS, [AWKWARD[4]], width * 5)[0] == both(COLUMNS, [AWKWARD[4]], width * 5)[1]  # room to spare
    plain, expected = both(COLUMNS, AWKWARD[:2], width)  # some columns narrower than a character: rich's own
    assert plain == expected
