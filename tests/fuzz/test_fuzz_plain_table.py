"""Property: PlainTable prints what rich's Table prints without colours, whatever the cells and the width.

The round's table goes to files and pipes through PlainTable and to terminals
through rich (ovop_assess/cli/plain_table.py says why); the two must never
differ. Cells mix words, long unbreakable runs, blank lines, spaces, wide and
zero-width characters, emoji with joiners, tabs and control codes.
"""

from __future__ import annotations

import io

from hypothesis import given, reject
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from rich.text import Text

from ovop_assess.cli.plain_table import Column, PlainTable, rich_table

# Words and spaces; then what rich measures otherwise: wide and zero-width characters, a tab, separators
# of lines and words, control codes that Text drops; and emoji joined by U+200D or U+FE0F, which send the
# whole table to rich (drawn apart, so that most tables are laid out by PlainTable itself).
_PIECES = st.sampled_from(
    [" ", "  ", "\n", "a", "kecamatan", "Kabupaten/kota", "x" * 40, "—", "✗", "?", "1.00", "(KBLI 13134)"]
)
_AWKWARD = st.sampled_from(["\t", "日本", "é", "e\u0301", "\u00a0", "\u2028", "\u3000", "\r", "\x07"])
_JOINED = st.sampled_from(["\u200d", "👩\u200d👧", "\ufe0f"])


def _columns(cells: st.SearchStrategy[str]) -> st.SearchStrategy[Column]:
    return st.builds(
        Column,
        header=cells,
        justify=st.sampled_from(["left", "right"]),
        no_wrap=st.booleans(),
        overflow=st.sampled_from(["fold", "ellipsis"]),
        min_width=st.one_of(st.none(), st.integers(0, 20)),
    )


def _printed(renderable: RenderableType, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False, width=width, highlight=False, emoji=False, soft_wrap=False)
    console.print(renderable)
    return buffer.getvalue()


def _check(columns: list[Column], rows: list[list[str]], width: int) -> None:
    expected = _printed(rich_table(columns, ([Text(cell) for cell in row] for row in rows)), width)
    assert _printed(PlainTable(columns, rows), width) == expected


_CELLS = st.lists(st.one_of(_PIECES, _AWKWARD), max_size=12).map("".join)
_ANY_CELLS = st.lists(st.one_of(_PIECES, _AWKWARD, _JOINED), max_size=12).map("".join)


@given(columns=st.lists(_columns(_CELLS), min_size=1, max_size=8), data=st.data(), width=st.integers(5, 220))
def test_plain_table_prints_what_rich_prints(columns: list[Column], data: st.DataObject, width: int) -> None:
    rows = data.draw(st.lists(st.lists(_CELLS, min_size=len(columns), max_size=len(columns)), max_size=6))
    _check(columns, rows, width)


@given(columns=st.lists(_columns(_ANY_CELLS), min_size=1, max_size=4), data=st.data(), width=st.integers(5, 120))
def test_joined_emoji_print_what_rich_prints(columns: list[Column], data: st.DataObject, width: int) -> None:
    rows = data.draw(st.lists(st.lists(_ANY_CELLS, min_size=len(columns), max_size=len(columns)), max_size=3))
    try:
        _printed(rich_table(columns, ([Text(cell) for cell in row] for row in rows)), width)
    except IndexError:  # rich 15 itself fails to fold "\u200d\u200d日本" into 3 cells (rich.cells._split_text)
        reject()
    _check(columns, rows, width)
