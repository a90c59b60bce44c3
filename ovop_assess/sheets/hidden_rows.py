"""Rows hidden in a firm sheet (Excel's Hide, a filter, a collapsed group): read as firms, and said so.

An office may hide the row of a firm that left the sentra instead of deleting
it, or filter the list down to one category and save it so. Calamine reads
every row, hidden or not, and the list counts them all; which of the two the
office meant, the tool does not guess (its own reading): one warning names
the hidden rows that hold a firm, so that the analyst decides. Where the
rows come from: an ``.xlsx`` sheet's ``<row r="12" hidden="1">``; an
``.ods`` row's ``table:visibility="collapse"`` or ``"filter"`` (``ods_cells``'
walk places it); an ``.xls`` ROW record whose height is zero
(``xls_extent``). A CSV file hides nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence

from ..results import Finding, Location, Message

Run = tuple[int, int]
"""Hidden rows: the first (0-based) and how many."""

# A row start tag that hides its row, whole: one search in C passes every other row (a sheet whose columns or
# a few rows are hidden would else cost a Python step per row tag: 26 s for 5 million rows of a 296 KB file).
_HIDDEN_ROW = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?row\s[^<>]*?(?<![\w:.-])hidden\s*=\s*[\"']\s*(?:1|true)\s*[\"'][^<>]*>"
)
_NUMBER = re.compile(rb"(?<![\w:.-])r\s*=\s*[\"']([0-9]{1,7})[\"']")
_SHOWN = 8
"""Runs of hidden rows named in the warning; past them, how many more there are."""


def xlsx_hidden_rows(xml: bytes) -> set[int]:
    """The 1-based numbers of the rows an ``.xlsx`` sheet's XML marks hidden (a row without its number, which
    Excel and LibreOffice always write, is not looked for)."""
    if b"hidden" not in xml:  # (one search: the usual sheet hides nothing)
        return set()
    found: set[int] = set()
    for tag in _HIDDEN_ROW.finditer(xml):
        number = _NUMBER.search(tag.group())
        if number is not None:
            found.add(int(number.group(1)))
    return found


def hidden_rows_warning(runs: Iterable[Run], firm_rows: Sequence[int]) -> Finding | None:
    """The warning for the firm rows (1-based, ascending) among the hidden ``runs`` (0-based first row, how
    many), at the first of them; None when no firm row is hidden. A run may be a million rows long (every row
    below the list hidden): each is looked up, never walked."""
    hidden: set[int] = set()
    for start, count in runs:
        hidden.update(firm_rows[bisect_left(firm_rows, start + 1) : bisect_left(firm_rows, start + 1 + count)])
    if not hidden:
        return None
    first = min(hidden)
    return Finding(
        Message("sheet.hidden_rows", {"count": len(hidden), "rows": _runs_text(hidden)}), Location("firms", first, 1)
    )


def _runs_text(rows: Collection[int]) -> str:
    """``5, 9-12, 20`` for rows 5, 9, 10, 11, 12 and 20; past ``_SHOWN`` runs, ``… (+N)``."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    shown = [str(first) if first == last else f"{first}-{last}" for first, last in runs[:_SHOWN]]
    more = sum(last - first + 1 for first, last in runs[_SHOWN:])
    return ", ".join(shown) + (f", … (+{more})" if more else "")
