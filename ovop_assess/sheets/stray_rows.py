"""Rows of the list that cannot be firms: neither a Nama Usaha nor a Peran, yet something in them.

Indonesian office sheets end in a signature block ("Tasikmalaya, 5 Januari
2026", "Kepala Dinas …", "NIP …") or a total row (``JUMLAH``, merged over the
first columns, sums below the numbers). Read as firms, each such row gave an
error per cell, with advice for a firm ("retype the NIB", "Nama Usaha
empty"). Such a row is one error instead, at its first cell holding
something: the sheet is still read strictly (a row is never skipped without
a word), but what it says fits what the row is. A row holding nothing in the
firm columns is skipped, as before, whatever other columns hold.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Collection, Mapping, Sequence
from typing import Any, Final

from ..results import Finding, Location, Message
from .firm_rows import held

_NONE: Final = type(None)


def stray_rows(
    names: Sequence[object],
    roles: Sequence[object],
    kinds: tuple[Collection[type], Collection[type]],
    firms: Sequence[Mapping[str, Any]],
    flagged: Collection[int],
    keys_said: Collection[int],
) -> frozenset[int]:
    """The offsets of the rows holding something in a firm column (a value, or a cell the reader refused:
    ``flagged``) with no name and no role. ``kinds``: the types of ``names`` and ``roles`` (no row lacks
    both unless both may be None); ``keys_said``: rows whose name or role cell the reader refused (a formula
    without its result, a CSV file's error text): something is there, so the row is a firm."""
    if _NONE not in kinds[0] or _NONE not in kinds[1]:
        return frozenset()
    # The rows without a name, found in C: a long list has none, or a few.
    nameless = itertools.compress(itertools.count(), map(operator.is_, names, itertools.repeat(None)))
    return frozenset(
        offset
        for offset in nameless
        if roles[offset] is None and (firms[offset] or offset in flagged) and offset not in keys_said
    )


def stray_findings(
    strays: Collection[int],
    body: Sequence[Sequence[object]],
    formula_cells: Collection[tuple[int, int]],
    header_row: int,
) -> list[Finding]:
    """One error per stray row, at its first cell holding something (in any column, so a total row is
    pointed at its ``JUMLAH``), in the sheet's order. ``body[i]`` is column ``i`` below the header."""
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
        found.append(Finding(Message("sheet.not_a_firm", {"row": row}), Location("firms", row, column + 1)))
    return found
