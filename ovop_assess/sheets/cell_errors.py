"""Cells holding an error value (``#N/A``, ``#DIV/0!``, ``Err:502``) in an ``.xlsx`` or ``.ods`` sheet.

Calamine reads such a cell as an empty one, so a look-up that found nothing
would make an optional yes/no or number "not filled in" without a word. The
sheet's XML says which cells hold an error: in an ``.xlsx`` a cell of type
``e`` (``<c r="C3" t="e"><f>VLOOKUP(…)</f><v>#N/A</v></c>``; without
``<f>`` when the error was typed or pasted as a value); in an ``.ods``
LibreOffice's ``calcext:value-type="error"`` on a formula's cell, read by
``ods_cells``. As for an ``.xls`` (``xls_extent.settle``), the sheet is
refused naming each such cell in the header row or in a firm column.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import NamedTuple

from ..results import Finding
from .columns import field_of
from .firm_rows import Cell, Places
from .limits import SheetRefused


class CellError(NamedTuple):
    """An error a cell shows: its text (``#N/A``, ``Err:502``), and whether a formula gives it."""

    text: str
    formula: bool


_LONGEST = 40
"""Characters of an error's text kept for the message (a hand-made file may write anything there)."""

READABLE = frozenset({b"#DIV/0!", b"#N/A", b"#NAME?", b"#NULL!", b"#NUM!", b"#REF!", b"#VALUE!"})
"""The error values calamine reads (as an empty cell). It refuses a sheet holding any other, such as those of
Excel for Microsoft 365 (``#SPILL!`` of a FILTER or UNIQUE whose results are blocked, ``#CALC!``, ``#FIELD!``,
``#BLOCKED!``, ``#CONNECT!``, ``#BUSY!``, ``#UNKNOWN!``, ``#PYTHON!``, ``#TIMEOUT!``, ``#EXTERNAL!``,
``#GETTING_DATA``): :func:`readable_errors`."""

# Only a sheet holding a "#" is searched cell by cell: every error value starts with one, and a search
# for one byte is cheap: 0.4 million instructions for the 3.5 MB of 10,000 rows (11 million for '"e"').
# Compiled when a sheet first holds a "#" (compiling them costs more than most sheets' search for one).
_PATTERNS = {
    "value": rb"<(?:\w+:)?v(?:\s[^<>]*)?>",
    "formula": rb"</?(?:\w+:)?f[\s>/]",
    "cell": rb"<(?:\w+:)?c\s([^<>]*?)/?>",
    "error_type": rb"(?<![\w:.-])t\s*=\s*[\"']e[\"']",
    "position": rb"(?<![\w:.-])r\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']",
}
_STEPS_BACK = 4
"""Tags looked at back from a value to its cell's start tag: ``<f>``, its text's end ``</f>``, ``<v>``."""


def xlsx_errors(xml: bytes) -> dict[Cell, CellError]:
    """The cells of an ``.xlsx`` sheet's XML that hold an error value, with it.

    Each ``#`` is looked at: one that starts the text of a ``<v>`` whose
    cell (a ``<c>`` before it, with a ``<f>`` between or not) is of type
    ``e`` is an error, read where the cell's ``r`` places it. A cell with no
    ``r`` (its place implied by the one before) is not looked for, as for
    the formulas without a result: Excel and LibreOffice always write one.
    """
    return {cell: error for _, (cell, error, _) in _errors_in(xml)}


def _errors_in(xml: bytes) -> Iterator[tuple[int, tuple[Cell, CellError, int]]]:
    """Each error value of the sheet's XML: where it starts, and what :func:`_error_at` says of it.

    After a ``#`` that follows a ``>`` and starts no error value, the rest up to the next ``<`` is passed
    over: a later ``#`` there would be read against the same tag, which did not qualify. (Else a text of
    ``>#>#…`` made each ``#`` search back to the text's start: quadratic, 17 s for a 7 KB file.)"""
    at = xml.find(b"#")
    while at != -1:
        error = _error_at(xml, at)
        if error is not None:
            yield at, error
        elif xml[at - 1 : at] == b">":
            close = xml.find(b"<", at)
            at = close if close != -1 else len(xml)
        at = xml.find(b"#", at + 1)


def readable_errors(xml: bytes) -> bytes | None:
    """The sheet's XML with each error value calamine cannot read (not in :data:`READABLE`: Excel 365's
    ``#SPILL!``, say) written ``#N/A``, which it reads as an empty cell as it reads the others; ``None`` when
    there is none. Only the value of a cell that :func:`xlsx_errors` finds is rewritten (a text that starts
    with ``#`` is left alone); the message for the cell still names its own error, found before."""
    pieces: list[bytes] = []
    done = 0
    for at, error in _errors_in(xml):
        if xml[at : error[2]] not in READABLE:
            pieces += [xml[done:at], b"#N/A"]
            done = error[2]
    return b"".join([*pieces, xml[done:]]) if pieces else None


@functools.cache
def _pattern(name: str) -> re.Pattern[bytes]:
    return re.compile(_PATTERNS[name])


def _error_at(xml: bytes, at: int) -> tuple[Cell, CellError, int] | None:
    """The cell and error whose value starts at ``at``, and where the value ends, if that is where an error
    cell's value starts."""
    if xml[at - 1 : at] != b">":
        return None
    start = xml.rfind(b"<", 0, at)
    if start == -1 or _pattern("value").fullmatch(xml, start, at) is None:
        return None
    formula = False
    for _ in range(_STEPS_BACK):
        end, start = start, xml.rfind(b"<", 0, start)
        if start == -1:
            return None
        cell = _pattern("cell").fullmatch(xml, start, xml.find(b">", start, end) + 1)
        if cell is not None:
            break
        if _pattern("formula").match(xml, start) is None:
            return None
        formula = True
    else:
        return None
    places = list(_pattern("position").finditer(cell.group(1)))
    position = places[-1] if places else None  # a tag naming its cell twice (no Excel file): the last, as calamine
    if position is None or _pattern("error_type").search(cell.group(1)) is None:
        return None
    close = xml.find(b"<", at)
    close = close if close != -1 else len(xml)
    text = xml[at:close].decode("utf-8", errors="replace").strip()
    return (int(position.group(2)) - 1, _column_index(position.group(1))), CellError(shortened(text), formula), close


def _column_index(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + char - 64
    return number - 1


def shortened(text: str) -> str:
    """An error's text for the message: LibreOffice's ``Err:`` alone when it wrote none."""
    if not text:
        return "Err"
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"


def refuse_errors(
    errors: Mapping[Cell, CellError], cells: Sequence[Sequence[object]], sheet: str, formulas: Collection[Cell] = ()
) -> None:
    """Refuse the sheet named ``sheet`` if an error is in its header row or in a firm column (as named in
    ``cells[0]``), naming each such cell in the sheet's order; an error elsewhere (a helper column) is left
    alone. A cell of a firm column is said with its column and, in a firm's row, at its field's path
    (``formulas``: the cells holding a formula without a saved result, which make a row a firm too).

    Whatever calamine read there (an empty cell; a text or a 0 for a hand-made
    ``.ods``) is not what the spreadsheet shows.
    """
    if not errors:
        return
    firm = {index for index, title in enumerate(cells[0] if cells else ()) if field_of(title) is not None}
    refused = sorted((row, column) for row, column in errors if row == 0 or column in firm)
    if refused:
        places = Places(cells, {*errors, *formulas})
        raise SheetRefused(tuple(_finding(cell, errors[cell], places) for cell in refused), sheet)


def _finding(cell: Cell, error: CellError, places: Places) -> Finding:
    if cell[0] == 0:  # a column's name: no field yet
        key = "sheet.header_formula_error" if error.formula else "sheet.header_cell_error"
    else:
        key = "sheet.formula_error" if error.formula else "sheet.cell_error"
    return places.located(key, {"error": error.text}, cell)


def settle_cells(data: list[list[object]], name: str, formulas: set[Cell], errors: Mapping[Cell, CellError]) -> None:
    """The formulas without a saved result emptied in ``data``, and the sheet refused if a cell shows an error."""
    for row, column in formulas:  # no result: a placeholder 0 (xlsx_formulas) read as calamine reads none
        if row < len(data) and column < len(data[row]):
            data[row][column] = ""
    refuse_errors(errors, data, name, formulas)
