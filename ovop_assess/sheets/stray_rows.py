"""Rows of the list that cannot be firms: neither a Nama Usaha nor a Peran, yet something in them.

Indonesian office sheets end in a signature block ("Tasikmalaya, 5 Januari
2026", "Kepala Dinas …", "NIP …") or a total row (``JUMLAH``, merged over the
first columns, sums below the numbers). Read as firms, each such row gave an
error per cell, with advice for a firm ("retype the NIB", "Nama Usaha
empty"). Such a row is one error instead, at its first cell holding
something: the sheet is still read strictly (a row is never skipped without
a word), but what it says fits what the row is. A row holding nothing in the
firm columns is skipped, as before, whatever other columns hold. A total row
whose word is in the Nama Usaha column (``JUMLAH``, ``Total :``) and whose
Peran is empty is such a row too, said as a total: read as a firm, it was
told to fill in its Peran, which would have counted it.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Collection, Sequence
from typing import Final

from ..results import Finding, Location, Message
from .columns import one_line
from .firm_rows import held, reads_as_total

_NONE: Final = type(None)


def stray_rows(
    names: Sequence[object],
    roles: Sequence[object],
    kinds: tuple[Collection[type], Collection[type]],
    columns: Sequence[Sequence[object]],
    flagged: Collection[int],
    keys_said: Collection[int],
) -> frozenset[int]:
    """The offsets of the rows holding something in a firm column (a value in the converted ``columns``, or
    a cell the reader refused: ``flagged``) with no role, and no name or a total's word for one (``JUMLAH``:
    :func:`.reads_as_total`).
    ``kinds``: the types of ``names`` and ``roles`` (no row lacks a role unless roles may be None);
    ``keys_said``: rows whose name or role cell the reader refused (a formula without its result, a CSV
    file's error text): something is there, so the row is a firm."""
    if _NONE not in kinds[1]:
        return frozenset()
    # The rows without a role, found in C: a long list has none, or a few.
    roleless = itertools.compress(itertools.count(), map(operator.is_, roles, itertools.repeat(None)))
    return frozenset(
        offset
        for offset in roleless
        if (names[offset] is None or reads_as_total(names[offset]))
        and (offset in flagged or any(column[offset] is not None for column in columns))
        and offset not in keys_said
    )


def stray_findings(
    strays: Collection[int],
    body: Sequence[Sequence[object]],
    formula_cells: Collection[tuple[int, int]],
    header_row: int,
    names: tuple[Sequence[object], int] = ((), 0),
    csv: bool = False,
) -> list[Finding]:
    """One error per stray row, at its first cell holding something (in any column, so a total row is
    pointed at its ``JUMLAH``), in the sheet's order. ``body[i]`` is column ``i`` below the header;
    ``names``: the Nama Usaha values by offset and their 0-based column: a stray row with a name (a total's
    word, ``JUMLAH``: :func:`stray_rows`) is said as a total row, at that cell. ``csv``: a CSV file, which has no
    other sheet to move the row to."""
    values, name_column = names
    formulas: dict[int, int] = {}  # 0-based row: its leftmost formula without a result
    for row, column in formula_cells:
        formulas[row] = min(column, formulas.get(row, column))
    found = []
    for offset in sorted(strays):
        first = next(
            (index for index, cells in enumerate(body) if offset < len(cells) and held(cells[offset])), len(body)
        )
        column = min(first, formulas.get(header_row + offset, first))
        row = header_row + 1 + offset
        said = Message("sheet.not_a_firm_csv" if csv else "sheet.not_a_firm", {"row": row})
        word = values[offset] if offset < len(values) else None
        if isinstance(word, str):
            total = "sheet.total_row_csv" if csv else "sheet.total_row"
            said, column = Message(total, {"row": row, "value": one_line(word)}), name_column
        found.append(Finding(said, Location("firms", row, column + 1)))
    return found
