"""Which rows of a sheet are firms, and where a cell refused before the sheet is read belongs.

A row is a firm when its Nama Usaha or Peran cell holds something: a value,
or a formula whose result cannot be read; but not a total row (``JUMLAH`` as
its name, no Peran). A row holding only other values
cannot be one (a signature, a total or a note below the list: ``stray_rows``).
The same rule numbers the firms of a sheet refused at a cell (an error value,
a formula's lost text), so that such a cell's finding carries the field path
(``firms[18].category``) and the column a read sheet's findings carry.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Collection, Mapping, Sequence
from typing import Any, Final

from ..results import Finding, Location, Message
from .columns import HEADERS_ID, REQUIRED, field_of

Cell = tuple[int, int]  # 0-based (row, column), as calamine numbers cells
_NONE: Final = type(None)


# What an office writes in the name column of the row that sums the list up (a total row), casefolded, with its
# spaces and colons (full-width too) as one space: "JUMLAH", "Jumlah :", "TOTAL KESELURUHAN". Such a row with no
# Peran is no firm (``stray_rows``); with a Peran it is read as written.
_TOTALS = frozenset(
    {
        "jumlah",
        "jml",
        "jml.",
        "jumlah total",
        "jumlah keseluruhan",
        "total",
        "total jumlah",
        "total keseluruhan",
        "grand total",
        "subtotal",
        "sub total",
        "sub-total",
    }
)


def reads_as_total(cell: object) -> bool:
    """Whether a Nama Usaha cell is the word of a total row (``JUMLAH``, ``Total``), not a firm's name."""
    if not isinstance(cell, str):
        return False
    return " ".join(cell.replace(":", " ").replace("\uff1a", " ").split()).casefold() in _TOTALS


def with_values(columns: Sequence[Sequence[object]], kinds: Sequence[Collection[type]]) -> list[int]:
    """The offsets of the rows with a value (not None) in any of the converted firm ``columns`` (``kinds``:
    the types each may hold, ``NoneType`` if some row may lack it): every row when a column is filled in
    every row, else found column by column in C."""
    count = len(columns[0]) if columns else 0
    if any(_NONE not in found for found in kinds):
        return list(range(count))
    empty = [map(operator.is_, column, itertools.repeat(None)) for column in columns]
    return list(itertools.compress(itertools.count(), map(operator.not_, map(all, zip(*empty, strict=True)))))


def held(cell: object) -> bool:
    """Whether a cell holds a value: not empty, nor only spaces (which every field reads as no value)."""
    if cell is None or cell == "":
        return False
    return not isinstance(cell, str) or bool(cell.strip())


class Places:
    """The firm each row of a sheet (``rows[0]`` its header, on row 1) would be, found before the sheet is read.

    ``marked``: cells holding a formula whose value calamine read as empty (no saved result, an error):
    they hold something all the same.
    """

    __slots__ = ("_fields", "_first", "_index")

    def __init__(self, rows: Sequence[Sequence[object]], marked: Collection[Cell] = ()) -> None:
        header = rows[0] if rows else ()
        self._fields = {index: field for index, title in enumerate(header) if (field := field_of(title)) is not None}
        self._first: dict[str, int] = {}
        for index, field in self._fields.items():
            self._first.setdefault(field, index)
        keys = [index for field, index in self._first.items() if field in REQUIRED]
        name, role = self._first.get("name"), self._first.get("role")
        self._index: dict[int, int] = {}
        for row in range(1, len(rows)):
            cells = rows[row]
            if not any((c < len(cells) and held(cells[c])) or (row, c) in marked for c in keys):
                continue
            if (
                name is not None
                and role is not None
                and name < len(cells)
                and reads_as_total(cells[name])
                and not (role < len(cells) and held(cells[role]))
                and (row, role) not in marked
            ):
                continue  # a total row (JUMLAH, no Peran): no firm, as stray_rows says
            self._index[row] = len(self._index)

    def located(self, key: str, values: Mapping[str, Any], cell: Cell) -> Finding:
        """The finding ``key`` about ``cell``: below the header, in a firm column, with the column named
        (``column``, ``field``) and, in a firm's row, at the field's path."""
        row, column = cell
        field = self._fields.get(column) if row else None
        index = self._index.get(row)
        said = dict(values)
        path = "firms"
        if field is not None:
            said |= {"column": HEADERS_ID[field], "field": field}
            if index is not None and self._first[field] == column:  # (a second column of a name is not read)
                path = f"firms[{index}].{field}"
        return Finding(Message(key, said), Location(path, row + 1, column + 1))
