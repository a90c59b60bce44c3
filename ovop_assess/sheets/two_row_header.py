"""A header that takes more than one row: row 1's column names merged down, or carried on in row 2.

Offices often head a list with two rows: ``Nama Usaha`` merged over rows 1
and 2, and a group title (``Usaha``) over ``Tenaga Kerja`` and ``Kapasitas
per Bulan`` written in row 2; or ``Tenaga Kerja`` over ``L``, ``P`` and
``Jumlah``. The format reads the column names from row 1 and the firms from
row 2 on, so such a sheet is refused once, with the fix (this tool's own
reading of the layout). Read as it is, it got one "merged cells" error per
column, whose advice (fill in every cell) would put column names into a
firm's row, and the names in row 2 went unread.

Told only when row 2 holds no firm's value: each of its cells under a firm
column is empty, covered by a range merged down from row 1, or a column
name itself; and either a range merged down from row 1 covers a firm column,
or a text in row 2, under a column row 1 gives no firm name, names a firm
column. A row 2 with a role, a count or a name under a firm column is a
firm's, whatever else is missing from it: its cells are told one by one.
Only the rows of the header are looked at: a good sheet costs a few tests.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from typing import Final

from ..results import Finding, Location, Message
from .columns import CONVERT, FIELDS, Rejected, cell_name, field_of, one_line
from .firm_rows import held

Range = tuple[tuple[int, int], tuple[int, int]]  # 0-based ((first row, first column), (last row, last column))

_LISTED: Final = len(FIELDS)
"""Ranges and names listed in the message, past which an ellipsis: the format has no more columns than this."""


def two_row_header(
    header: Sequence[object],
    body: Sequence[Sequence[object]],
    count: int,
    columns: Mapping[str, int],
    merged: Collection[Range],
    header_row: int = 1,
) -> Finding | None:
    """The error for a header that goes on into the rows below it, or None.

    ``body[i]`` holds column ``i`` below the header (``count`` rows), ``columns`` each field's 1-based column
    as the header names it; ``merged`` as :func:`.table.firms_from_rows` takes them.
    """
    top = header_row - 1  # the header's 0-based row
    # A range merged down from row 1 is the header's only above the first firm's row: one reaching into it (a
    # Pembina merged down over a blank row 2 and the firms) is the ordinary merged range it always was.
    first_firm = _first_firm_offset(body, columns, count)
    firm_row = top + 1 + first_firm if first_firm is not None else math.inf
    down = sorted({(first, last) for first, last in merged if first[0] <= top < last[0] < firm_row})
    firm_columns = {column - 1 for column in columns.values()}
    over_list = [(first, last) for first, last in down if any(first[1] <= c <= last[1] for c in firm_columns)]
    below = [column[0] if count and column else "" for column in body]
    covered = {c for first, last in over_list for c in range(first[1], last[1] + 1)}
    # Under a count's title merged across columns in row 1 (Tenaga Kerja over L, P, Jumlah), a text that is no
    # count is a sub-heading; under a name, a role or a category, a text is a firm's (a name merged for width).
    grouped = _count_groups(merged, top, columns)
    field_at = {column - 1: field for field, column in columns.items()}
    for column in firm_columns:
        cell = below[column] if column < len(below) else ""
        if column in covered or not held(cell) or field_of(cell) is not None:
            continue
        if not (isinstance(cell, str) and _sub_heading(cell, field_at[column], column in grouped)):
            return None  # a firm's value (a role, a count, a name) under a firm column: the header is one row
    moved = [
        (index, one_line(cell.strip()))
        for index, cell in enumerate(below)
        if isinstance(cell, str)
        and (field := field_of(cell)) is not None
        and field not in columns
        and field_of(header[index] if index < len(header) else None) is None
    ]
    split = _split(header, below, grouped)
    if not moved and not over_list and not split:
        return None
    # The header's last row: the lowest a range over the list reaches (a box beside the list, merged down past
    # the header, is not the header's), row 2 at least when row 2 holds names.
    last = max([last[0] for _, last in over_list] + [top + 1])
    ranges = [(first, end) for first, end in down if end[0] <= last]
    spans = [first[1] for first, _ in over_list] + [index for index, _ in moved]
    leftmost = min(spans) if spans else min(grouped)
    values: dict[str, object] = {
        "row": header_row,
        "next": header_row + 1,
        "rows": Message(
            "sheet.rows_pair" if last == top + 1 else "sheet.rows_span", {"first": header_row, "last": last + 1}
        ),
        "deleted": (
            Message(
                "sheet.rows_span" if last > top + 2 else "sheet.rows_pair", {"first": header_row + 1, "last": last + 1}
            )
            if last > top + 1
            else Message("sheet.row_one", {"row": header_row + 1})
        ),
        "merged": (
            Message("sheet.two_row_header.merged", {"cells": _listed([_span(*each) for each in ranges])})
            if ranges
            else ""
        ),
        "unmerge": Message("sheet.two_row_header.unmerge", {}) if ranges or _across(merged, top) else "",
        "moves": (
            Message(
                "sheet.two_row_header.moves",
                {
                    "names": _listed([name for _, name in moved]),
                    "cells": _listed([cell_name(header_row, index + 1) for index, _ in moved]),
                },
            )
            if moved
            else ""
        ),
        "split": split,
    }
    return Finding(Message("sheet.two_row_header", values), Location("firms", header_row, leftmost + 1))


def _count_groups(merged: Collection[Range], top: int, columns: Mapping[str, int]) -> dict[int, Range]:
    """The ranges of the header's row merged across columns from a count's column (``Tenaga Kerja``, ``Kapasitas
    per Bulan``), by that column."""
    counts = {columns[field] - 1 for field in _COUNTS if field in columns}
    return {
        first[1]: (first, last)
        for first, last in merged
        if first[0] == top == last[0] and last[1] > first[1] and first[1] in counts
    }


def _split(header: Sequence[object], below: Sequence[object], grouped: Mapping[int, Range]) -> Message | str:
    """A count's name in row 1 merged across columns that row 2 names each (``Tenaga Kerja`` over ``L``, ``P``,
    ``Jumlah``): only one of them can keep the name, or the firm's count is read from the first alone."""
    for column, (first, last) in sorted(grouped.items()):
        names = [one_line(str(cell).strip()) for cell in below[first[1] : last[1] + 1] if held(cell)]
        if len(names) > 1:
            title = header[column] if column < len(header) else ""
            # L and P alone: neither holds the firm's count, which a column of its own must give
            total = any(name.casefold().rstrip(".:") in _TOTALS for name in names)
            return Message(
                "sheet.two_row_header.split" if total else "sheet.two_row_header.split_total",
                {"header": one_line(str(title).strip()), "cells": _span(first, last), "names": _listed(names)},
            )
    return ""


_COUNTS: Final = ("workers", "monthly_capacity")
_TOTALS: Final = frozenset({"jumlah", "total", "jml", "sub total", "subtotal", "total keseluruhan", "jumlah total"})
"""Words offices head a total's column with, compared in lower case without a closing dot or colon."""


def _first_firm_offset(body: Sequence[Sequence[object]], columns: Mapping[str, int], count: int) -> int | None:
    """The offset below the header of the first row holding a name or a role that is no column's name (None
    when none does): a firm's row, whatever else it lacks."""
    keys = [columns[field] - 1 for field in ("name", "role") if field in columns]
    cells = [body[index] if index < len(body) else () for index in keys]
    for offset in range(count):
        for column in cells:
            cell = column[offset] if offset < len(column) else ""
            if held(cell) and field_of(cell) is None:
                return offset
    return None


def _sub_heading(text: str, field: str, grouped: bool) -> bool:
    """Whether a text in row 2 under a firm column is a heading's, not a firm's value: under a count, one with
    no digit (``(orang)``, ``pcs``) or, under a title merged across columns, one that is no count (``L``)."""
    if field not in _COUNTS:
        return False
    return not any(character.isdigit() for character in text) or (
        grouped and isinstance(CONVERT[field](text), Rejected)
    )


def _across(merged: Collection[Range], top: int) -> bool:
    """Whether a range of the header's row spans columns (a group title): unmerged too before names move up."""
    return any(first[0] == top and last[1] > first[1] for first, last in merged)


def _span(first: tuple[int, int], last: tuple[int, int]) -> str:
    return f"{cell_name(first[0] + 1, first[1] + 1)}:{cell_name(last[0] + 1, last[1] + 1)}"


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:_LISTED])
    return f"{shown}, …" if len(items) > _LISTED else shown
