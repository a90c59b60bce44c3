"""Property: PlainTable prints what rich's Table prints without colours, whatever the cells and the width.

The round's table goes to files and pipes through PlainTable and to terminals
through rich (ovop_assess/cli/plain_table.py says why); the two must never
differ. Cells mix words, long unbreakable runs, blank lines, spaces, wide and
zero-width characters, emoji with joiners, tabs and control codes.
"""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from rich.text import Text

from ovop_assess.cli.plain_table import Column, PlainTable, rich_table

_PIECES = st.sampled_from(
    [" ", "  ", "\n", "\t", "a", "kecamatan", "Kabupaten/kota", "x" * 40, "—", "✗", "?", "日本", "é", "e\u0301"]
    + ["\u200d", "👩\u200d👧", "\ufe0f", "\u00a0", "\u2028", "\u3000", "\r", "\x07", "1.00", "(KBLI 13134)"]
)
_CELLS = st.lists(_PIECES, max_size=12).map("".join)
_COLUMNS = st.builds(
    Column,
    header=_CELLS,
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


@given(
    columns=st.lists(_COLUMNS, min_size=1, max_size=8),
    data=st.data(),
    width=st.integers(5, 220),
)
def test_plain_table_prints_what_rich_prints(columns: list[Column], data: st.DataObject, width: int) -> None:
    rows = data.draw(st.lists(st.lists(_CELLS, min_size=len(columns), max_size=len(columns)), max_size=6))
    expected = _printed(rich_table(columns, ([Text(cell) for cell in row] for row in rows)), width)
    assert _printed(PlainTable(columns, rows), width) == expected
