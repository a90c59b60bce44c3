"""A header that takes two rows: row 1's column names merged down over row 2, or carried on in row 2.

Offices often head a list with two rows: ``Nama Usaha`` merged over rows 1
and 2, and a group title (``Usaha``) over ``Tenaga Kerja`` and ``Kapasitas
per Bulan`` written in row 2. The format reads the column names from row 1
and the firms from row 2 on, so such a sheet is refused once, with the fix
(this tool's own reading of the layout). Read as it is, it got one "merged
cells" error per column, whose advice (fill in every cell) would put column
names into a firm's row, and the names in row 2 went unread.

Told by row 2 holding no firm name, with either a range merged from row 1
down into row 2 or a text in row 2 naming a firm column row 1 does not name.
Only the header's next row is looked at: a good sheet costs one cell's test.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from ..results import Finding, Location, Message
from .columns import cell_name, field_of, one_line
from .firm_rows import held

Range = tuple[tuple[int, int], tuple[int, int]]  # 0-based ((first row, first column), (last row, last column))

_LISTED: Final = 5
"""Merged ranges and moved names each listed in the message; past them, an ellipsis."""


def two_row_header(
    header: Sequence[object],
    body: Sequence[Sequence[object]],
    count: int,
    columns: Mapping[str, int],
    merged: Iterable[Range],
    header_row: int = 1,
) -> Finding | None:
    """The error for a header that goes on into the row below it, or None.

    ``body[i]`` holds column ``i`` below the header (``count`` rows), ``columns`` each field's 1-based column
    as the header names it; ``merged`` as :func:`.table.firms_from_rows` takes them.
    """
    if not count:
        return None
    below = [column[0] if column else "" for column in body]
    name_at = columns.get("name")
    if name_at is not None and name_at <= len(below) and held(below[name_at - 1]):
        return None  # a firm's row (or at least a name): the header is one row
    top = header_row - 1  # the header's 0-based row
    down = [(first, last) for first, last in dict.fromkeys(merged) if first[0] <= top < last[0]]
    over_list = any(first[1] < column <= last[1] + 1 for first, last in down for column in columns.values())
    moved = [
        (index, one_line(cell.strip()))
        for index, cell in enumerate(below)
        if isinstance(cell, str) and (field := field_of(cell)) is not None and field not in columns
    ]
    if not moved and (name_at is None or not over_list):
        # (a range beside the list, a note's box, is not the header's; with no name column and nothing
        # named below it, the missing column is the error)
        return None
    leftmost = min([first[1] for first, _ in down] + [index for index, _ in moved])
    values: dict[str, object] = {"row": header_row, "next": header_row + 1}
    values["merged"] = (
        Message("sheet.two_row_header.merged", {"cells": _listed([_span(first, last) for first, last in down])})
        if down
        else ""
    )
    values["moves"] = (
        Message(
            "sheet.two_row_header.moves",
            {
                "names": _listed([name for _, name in moved]),
                "cells": _listed([cell_name(header_row, index + 1) for index, _ in moved]),
            },
        )
        if moved
        else ""
    )
    return Finding(Message("sheet.two_row_header", values), Location("firms", header_row, leftmost + 1))


def _span(first: tuple[int, int], last: tuple[int, int]) -> str:
    return f"{cell_name(first[0] + 1, first[1] + 1)}:{cell_name(last[0] + 1, last[1] + 1)}"


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:_LISTED])
    return f"{shown}, …" if len(items) > _LISTED else shown
