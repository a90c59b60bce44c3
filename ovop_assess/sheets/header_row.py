"""Why a sheet's first row names none of the firm columns, told apart for the office that made it.

The header must be row 1 (the region format says so), and a sheet whose
row 1 names no column is refused; "the sheet is empty" is kept for a sheet
with nothing in it. The usual causes each get their own finding, at the
cell that shows it: a title above the list (merged over the columns, an
empty row, then the header on row 3), the names of a CSV file opened with
the wrong separator all in cell A1, and a sheet that is not the firm list
(notes, a guide) named by mistake. Only the first rows are looked at, and
only once a sheet is refused, so a good sheet costs nothing here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from ..results import Finding, Location, Message
from .columns import FIELDS, HEADERS_ID, cell_name, column_letters, field_of, one_line, shown

LOOKED_AT: Final = 10
"""Rows looked at for the column names, row 1 among them: a title block is a few rows high."""

_JOINERS: Final[dict[str, str]] = {
    ";": "sheet.separator.semicolon",
    ",": "sheet.separator.comma",
    "\t": "sheet.separator.tab",
}
_SHOWN_CELLS: Final = 3
_CELL_TEXT: Final = 40


def no_column_names(
    header: Sequence[object],
    body: Sequence[Sequence[object]],
    count: int,
    header_row: int = 1,
    other_sheets: Sequence[Message | str] = (),
) -> list[Finding]:
    """Why ``header`` (the first row) names no firm column, as findings located by cell.

    ``body[i]`` holds column ``i`` below the header (``count`` rows), as
    :func:`.table.firms_from_columns` gets it. ``other_sheets``: the workbook's sheets, when this one was
    read for want of a name; a sheet that is not the firm list then names them, to choose from.
    """
    below = min(count, LOOKED_AT - 1)
    rows: list[Sequence[object]] = [header]
    if below:
        tops = [column[:below] for column in body]
        rows += [[top[offset] if offset < len(top) else "" for top in tops] for offset in range(below)]
    columns = ", ".join(HEADERS_ID[field] for field in FIELDS)
    for offset, row in enumerate(rows):
        number = header_row + offset
        named = _named(row)
        if offset and len(named) >= 2:
            return [_below(header, number, header_row, min(named.values()))]
        joined = _joined(row)
        if joined is not None:
            index, joiner, text = joined
            found = [
                Finding(
                    Message(
                        "sheet.header_joined",
                        {
                            "cell": cell_name(number, index + 1),
                            "separator": Message(_JOINERS[joiner], {}),
                            "text": _quoted(text),
                            "column": column_letters(index),
                        },
                    ),
                    Location("firms", number, index + 1),
                )
            ]
            return [_below(header, number, header_row, index), *found] if offset else found
    filled = _filled(header)
    if filled:
        first = filled[0][0] + 1
        said = {"columns": columns, "text": _holds(header, header_row)}
        if other_sheets:
            message = Message("sheet.no_header_sheets", {**said, "sheets": tuple(other_sheets)})
        else:
            message = Message("sheet.no_header", said)
        return [Finding(message, Location("firms", header_row, first))]
    at = Location("firms", header_row, 1)
    if any(cell is not None and cell != "" for column in body for cell in column):
        return [Finding(Message("sheet.first_row_empty", {"columns": columns}), at)]
    return [Finding(Message("sheet.empty", {"columns": columns}), at)]


def _named(row: Sequence[object]) -> dict[str, int]:
    """The firm fields a row names, each at its first (0-based) column."""
    named: dict[str, int] = {}
    for index, cell in enumerate(row):
        field = field_of(cell)
        if field is not None:
            named.setdefault(field, index)
    return named


def _joined(row: Sequence[object]) -> tuple[int, str, str] | None:
    """The first cell of ``row`` whose text names two firm fields or more between ``;``, ``,`` or tabs:
    its 0-based column, the separator that names the most, and the text."""
    for index, cell in enumerate(row):
        if not isinstance(cell, str):
            continue
        counts = {joiner: len({field_of(part) for part in cell.split(joiner)} - {None}) for joiner in _JOINERS}
        best = max(counts, key=lambda joiner: counts[joiner])
        if counts[best] >= 2:
            return index, best, cell
    return None


def _below(header: Sequence[object], row: int, header_row: int, index: int) -> Finding:
    """The column names found on ``row`` below the first: the rows above them must go."""
    above = row - header_row
    rows = Message("sheet.rows_one", {}) if above == 1 else Message("sheet.rows_first", {"last": row - 1})
    return Finding(
        Message("sheet.header_below", {"row": row, "rows": rows, "text": _holds(header, header_row)}),
        Location("firms", row, index + 1),
    )


def _filled(cells: Iterable[object]) -> list[tuple[int, object]]:
    return [(index, cell) for index, cell in enumerate(cells) if cell is not None and cell != ""]


def _holds(row: Sequence[object], number: int) -> Message:
    """What a row holds, as a reader recognises it: its first few filled cells, each named and shortened."""
    filled = _filled(row)
    if not filled:
        return Message("sheet.row_empty", {})
    shown_cells = [f"{cell_name(number, index + 1)} {_quoted(shown(cell))}" for index, cell in filled[:_SHOWN_CELLS]]
    more = ", …" if len(filled) > _SHOWN_CELLS else ""
    return Message("sheet.row_holds", {"cells": ", ".join(shown_cells) + more})


def _quoted(text: str) -> str:
    """A cell's text on one line, shortened, in quotes (other control characters are made visible by whatever
    prints the message)."""
    return f'"{one_line(text, _CELL_TEXT)}"'
