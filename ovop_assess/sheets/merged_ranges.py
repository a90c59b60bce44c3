"""Merged ranges over the firm columns: one error each, where they hide a firm's values.

A merged range keeps its value in its first cell only, so every other cell
of it reads as empty: a Peran merged over C6:C20 leaves fourteen firms
without a role. The range is the mistake, said once at its first cell; the
cells it left empty are not said again (they are returned as refused, as a
cell the reader refused is). A range that hides nothing is no error: one
whose every cell is empty (xlwt and LibreOffice files keep such ranges
below a list), or one over rows that are no firm (a signature, a total row:
said once as a row by ``stray_rows``).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from ..results import Finding, Location, Message
from .columns import cell_name
from .firm_rows import held

Range = tuple[tuple[int, int], tuple[int, int]]  # 0-based ((first row, first column), (last row, last column))


def merged_findings(
    ranges: Iterable[Range],
    columns: Mapping[str, int],
    header_row: int,
    firm_rows: Sequence[int],
    firms: Sequence[Mapping[str, Any]],
    header: Sequence[object],
    body: Sequence[Sequence[object]],
    formula_cells: Collection[tuple[int, int]] = (),
) -> tuple[list[Finding], frozenset[tuple[int, str]]]:
    """The error for each range over the firm columns that spans the header row or a firm's row (a range
    written twice, once), and the (firm index, field) of each firm cell such a range left empty.

    ``columns`` are 1-based, as ``firm_rows`` (ascending); ``body[i]`` is column ``i`` below the header."""
    ranges = list(dict.fromkeys(ranges))
    if not ranges:
        return [], frozenset()
    used = sorted(columns.values())
    by_row = {row: i for i, row in enumerate(firm_rows)}
    by_column = {column: field for field, column in columns.items()}
    found = []
    covered: dict[str, list[tuple[int, int]]] = {}  # field: 1-based (first, last) rows a range left empty
    for (top, left), (bottom, right) in ranges:
        if bottom + 1 < header_row or not any(left + 1 <= c <= right + 1 for c in used):
            continue  # beside the firm list (an address block, a title): not ours to judge
        if not _spans_list(top + 1, bottom + 1, header_row, firm_rows):
            continue
        if _empty(((top, left), (bottom, right)), header, body, header_row, formula_cells):
            continue
        row, column = top + 1, left + 1
        cells = f"{cell_name(row, column)}:{cell_name(bottom + 1, right + 1)}"
        field = by_column.get(column)
        index = by_row.get(row)
        path = f"firms[{index}].{field}" if index is not None and field else "firms"
        found.append(Finding(Message("sheet.merged", {"cells": cells}), Location(path, row, column)))
        # The firm columns it spans, not every column it names: a hand-made range B3:ZZZZZZ3 spans millions.
        for spanned in (used_column for used_column in used if left + 1 <= used_column <= right + 1):
            named = by_column[spanned]  # (the first cell holds the range's value: not left empty by it)
            covered.setdefault(named, []).append((row + (spanned == column), bottom + 1))
    return found, _left_empty(covered, firm_rows, firms)


def _spans_list(first: int, last: int, header_row: int, firm_rows: Sequence[int]) -> bool:
    """Whether the 1-based rows ``first`` to ``last`` take in the header row or a firm's row."""
    if first <= header_row <= last:
        return True
    at = bisect.bisect_left(firm_rows, first)
    return at < len(firm_rows) and firm_rows[at] <= last


def _empty(
    spanned: Range,
    header: Sequence[object],
    body: Sequence[Sequence[object]],
    header_row: int,
    formula_cells: Collection[tuple[int, int]],
) -> bool:
    """Whether every cell of the range is empty (no value, no formula): cells above the header are not
    given, so a range reaching above it is not."""
    (top, left), (bottom, right) = spanned
    if top < header_row - 1:
        return False
    if top == header_row - 1 and any(held(cell) for cell in header[left : right + 1]):
        return False
    start, stop = max(top - header_row, 0), bottom - header_row + 1
    for column in range(left, min(right + 1, len(body))):
        if any(map(held, body[column][start:stop])):
            return False
    if (bottom - top + 1) * (right - left + 1) <= len(formula_cells):
        return not any(
            (row, column) in formula_cells for row in range(top, bottom + 1) for column in range(left, right + 1)
        )
    return not any(top <= row <= bottom and left <= column <= right for row, column in formula_cells)


def _left_empty(
    covered: Mapping[str, list[tuple[int, int]]], firm_rows: Sequence[int], firms: Sequence[Mapping[str, Any]]
) -> frozenset[tuple[int, str]]:
    """The (firm index, field) of each firm without the field whose cell lies in the rows ``covered`` gives
    for it; ranges that overlap are joined first, so each firm is asked once."""
    left: set[tuple[int, str]] = set()
    for field, spans in covered.items():
        joined: list[tuple[int, int]] = []
        for first, last in sorted(spans):
            if joined and first <= joined[-1][1] + 1:
                joined[-1] = (joined[-1][0], max(joined[-1][1], last))
            else:
                joined.append((first, last))
        for first, last in joined:
            for index in range(bisect.bisect_left(firm_rows, first), bisect.bisect_right(firm_rows, last)):
                if field not in firms[index]:
                    left.add((index, field))
    return frozenset(left)
