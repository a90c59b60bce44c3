"""Where calamine places the cells of an .xlsx sheet whose cells do not all name their place.

A cell's ``r="C12"`` is optional in the format: calamine then places it
after the cell before it in its row (column A for a row's first), and a row
without ``r`` after the row before it; a cell naming its place moves the
column on from there, not the row (measured on python-calamine 0.9.1). So a
sheet of rows without ``r``, under one far cell of the header (``XFD1``),
made calamine allocate 45,001 x 16,384 cells from an 11 KB file, where the
places the cells name showed one row. For such a sheet (any cell tag not
beginning ``<c r="``: no ``r``, ``r`` after another attribute, quoted with
``'``, spaced, a namespace prefix) every row and cell tag is read here, in
Python, and placed as calamine places it: slower than the plain sheet's
searches, and only for the few files written so. Attribute values are read
whole, quotes and all, so a ``>`` inside one hides no ``r`` after it.
"""

from __future__ import annotations

import re

from .xlsx_parts import QUOTED_NAME, START_PREFIX

# Where a start or end tag of a row or a cell may begin, whatever its prefix as quick-xml reads one (``xlsx_parts``:
# <a=b:row> is a row to calamine; a file whose 60,000 such rows went uncounted aborted the process: an adversarial
# review). Then the whole tag, its attributes (quoted values whole) in group 3, which must read as a plain tag: a
# prefix of name characters, or the sheet is not read. No part of a tag may hold a "<" (XML allows none in a
# value): each match ends by the next "<", so the reading stays linear in the sheet's size whatever its quotes.
_START = re.compile(START_PREFIX + rb"(?:c|row)(?=[ \t\r\n>/])|</(?:[^ \t\r\n>:]*:)?row(?=[ \t\r\n>])")
_TAG = re.compile(rb"""<(/?)(?:[\w.-]+:)?(c|row)(?=[\s/>])((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>""")


class Unreadable(ValueError):
    """A row or cell tag that is no tag (a quote left open, a "<" in a value): the sheet cannot be placed."""


_R = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL_NAME = re.compile(rb"\s*([A-Za-z]+)([0-9]+)\s*")
_MOST = 2**32
"""Rows and columns counted at most: thousands of digits or letters make no huge number (calamine's are 32 bits)."""


def placed_extent(xml: bytes, most_cells: int = _MOST * _MOST) -> tuple[int, int]:
    """Rows and columns from A1 to the farthest cell calamine places (each at most ``_MOST``); ``Unreadable``
    for a row or cell tag that cannot be read. The walk stops at the cell tag past ``most_cells`` of them
    (:class:`Past`): the sheet spans more cells than that, and 31 million cell tags in 123 KB had taken 100 s of
    Python."""
    if QUOTED_NAME.search(xml) is not None:  # (a name that may hide a row or a cell)
        raise Unreadable
    rows = columns = placed = 0
    row, column = -1, -1  # the row a cell without r goes in, and the column of the cell before it
    for start in _START.finditer(xml):
        tag = _TAG.match(xml, start.start())
        if tag is None:
            raise Unreadable
        closing, name, attributes = tag.groups()
        if closing:
            continue
        given = _R.findall(attributes)  # calamine takes the last r a tag gives
        value = None if not given else given[-1][0] if given[-1][0] else given[-1][1]
        if name == b"row":
            digits = value.strip() if value is not None else b""
            row = _number(digits) - 1 if digits.isdigit() else row + 1
            column = -1
            continue
        named = _CELL_NAME.fullmatch(value) if value is not None else None
        if named is not None:
            column = column_number(named[1].upper()) - 1
            rows, columns = max(rows, _number(named[2])), max(columns, column + 1)
        else:
            column += 1
            rows, columns = max(rows, max(row, 0) + 1), max(columns, column + 1)
        placed += 1
        if placed > most_cells:
            raise Past(rows, columns)
    return rows, columns


class Past(ValueError):
    """The extent the walk had reached when it passed a limit (the sheet's own is larger still)."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__(rows, columns)
        self.rows, self.columns = rows, columns


def _number(digits: bytes) -> int:
    digits = digits.lstrip(b"0") or b"0"
    return int(digits) if len(digits) <= 12 else _MOST


def column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = min(number * 26 + char - 64, _MOST)
    return number
