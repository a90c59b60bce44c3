"""One field's column of cells turned into ``firms[]`` values at once: the shortcuts of a long sheet's read.

A column is converted as a whole where it can be (one call in C, or one
comprehension), and each shortcut gives exactly what the field's converter
(:data:`.columns.CONVERT`) gives cell by cell: tests compare the two on
generated columns.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Sequence
from typing import Any, Final, cast

from .columns import CONVERT, DASHES, MAX_DIGITS, NIB_DIGITS, Rejected


def field_column(
    field: str, cells: Sequence[object], text_only: bool = False
) -> tuple[Sequence[object], set[type], frozenset[object] | None]:
    """One field's cells as ``firms[]`` values: None for "no value", :class:`Rejected` for a cell in error;
    the types among the values, which spare every later check on the column a pass to ask; and, for a
    column turned from a few distinct texts with none in error, those texts' values (else None).
    A column turned at once is a tuple, so :attr:`SheetFirms.values` holds it without a copy.

    A column whose every cell is of the usual kind is turned at once, in C
    (a CSV column is all text: names stripped, NIBs and counts of ASCII
    digits); otherwise the usual cell of each field takes a path without a
    call: a name's text, a NIB of digits, a number cell; the few words of a
    role or yes/no column (and the repeated names of mentors) are converted
    once per distinct text. Every other cell goes through the field's
    converter, which decides alone; the shortcuts give what it gives.
    """
    convert = CONVERT[field]
    kinds = _TEXT if text_only or _all_text(cells) else set(map(type, cells))
    if kinds == _TEXT:
        text = cast("Sequence[str]", cells)
        if field == "name" and DASHES.isdisjoint(stripped := tuple(map(str.strip, text))):
            if "" in stripped:
                return [value or None for value in stripped], {str, _NONE}, None
            return stripped, {str}, None
        if field == "nib" and _digit_column(text) and set(map(len, text)) <= _NIB_LENGTHS:
            return ([cell or None for cell in text], {str, _NONE}, None) if "" in text else (tuple(text), {str}, None)
        if field in _NUMBERS:
            number: Callable[[str], object] = int if field == "workers" else float
            distinct = set(text)
            if len(distinct) * 2 < len(text):  # a few counts repeated (workers 1 to 40): each text turned once
                if _digit_column(distinct, MAX_DIGITS):
                    known = {cell: number(cell) if cell else None for cell in distinct}
                    return _few(known, text)
            elif _digit_column(text, MAX_DIGITS):
                if "" in text:
                    return [number(cell) if cell else None for cell in text], {type(number("0")), _NONE}, None
                return tuple(map(number, text)), {type(number("0"))}, None
        if field in _WORDS:
            # role, category, mentor, willing_to_lead: few distinct texts among many cells (a mentor's
            # name, a text field, stripped without a call: a thousand mentors in 10,000 rows).
            distinct = set(text)
            if convert is CONVERT["mentor"]:
                known = {cell: cell.strip() or None for cell in distinct}
                if not DASHES.isdisjoint(known.values()):  # "-" for no mentor: its own message, as cell by cell
                    known = {cell: convert(cell) for cell in distinct}
            else:
                known = {cell: convert(cell) for cell in distinct}
            if all(value is cell for cell, value in known.items()):  # a category: every text is its own value
                return tuple(text), {str}, frozenset(known)
            return _few(known, text)
    values = mixed_cells(field, convert, cells, kinds)
    if field in _NUMBERS and (kinds == _INT or (kinds == _FLOAT and field == "monthly_capacity")):
        # Turned at once by _cells into the field's own type: no pass to ask each value's.
        return values, {float} if field == "monthly_capacity" else {int}, None
    return values, set(map(type, values)), None


def _all_text(cells: Sequence[object]) -> bool:
    """Whether ``cells`` (one at least) are all text, asked by a join in C that stops at the first cell that
    is not: a quarter of the time of the set of their types. (A subclass of ``str`` would pass too: the
    library gives ``str`` itself.)"""
    if not cells:
        return False
    try:
        "".join(cast("Sequence[str]", cells))
    except TypeError:
        return False
    return True


def _few(known: dict[str, object], text: Sequence[str]) -> tuple[Sequence[object], set[type], frozenset[object] | None]:
    """:func:`field_column` of a column of texts whose values ``known`` holds (each distinct text's)."""
    kinds = set(map(type, known.values()))
    return _looked_up(known, text), kinds, None if Rejected in kinds else frozenset(known.values())


def _looked_up(known: dict[str, object], text: Sequence[str]) -> tuple[object, ...]:
    """Each text's value in ``known``, by one call in C: a quarter less than a lookup per cell through ``map``."""
    if len(text) < 2:  # an itemgetter of one key gives its value alone, of none is an error
        return tuple(map(known.__getitem__, text))
    looked_up: tuple[object, ...] = operator.itemgetter(*text)(known)
    return looked_up


def mixed_cells(
    field: str, convert: Callable[[object], object], cells: Sequence[object], types: Collection[type] | None = None
) -> list[object]:
    """:func:`field_column` for a column of mixed cells (whose ``types`` the caller may know): the usual cell
    of each field without a call."""
    if field == "name":
        return [
            (text or None) if cell.__class__ is str and (text := cell.strip()) not in DASHES else convert(cell)
            for cell in cells
        ]
    if field == "nib":
        return [
            cell
            if cell.__class__ is str and len(cell) == NIB_DIGITS and cell.isdigit() and cell.isascii()
            else (None if cell is None else convert(cell))
            for cell in cells
        ]
    if field in _NUMBERS:
        number: Callable[[Any], object] = int if field == "workers" else float
        types = set(map(type, cells)) if types is None else types
        if types == _FLOAT and (number is float or all(map(float.is_integer, cast("Sequence[float]", cells)))):
            return list(map(number, cells))
        if types == _INT:  # the whole numbers of an .xls (calamine gives ints): the converter's float, or its int
            whole = cast("Sequence[int]", cells)
            if number is int and min(whole) >= -_EXACT and max(whole) <= _EXACT:
                return list(whole)  # int(float(n)) is n itself up to 2 ** 53
            floats = map(float, whole)
            return list(floats if number is float else map(int, floats))
        return [
            number(cell)
            if (cell.__class__ is float and cell.is_integer())
            or (cell.__class__ is str and len(cell) <= MAX_DIGITS and cell.isascii() and cell.isdigit())
            else (None if cell is None else convert(cell))
            for cell in cells
        ]
    # Only text is memoised: 1 == 1.0 == True as keys, and a number cell is no yes/no.
    known = {cell: convert(cell) for cell in set(cells) if cell.__class__ is str}
    return [known[cell] if cell.__class__ is str else (None if cell is None else convert(cell)) for cell in cells]


_NONE: Final = type(None)
_TEXT: Final[frozenset[type]] = frozenset({str})
_FLOAT: Final[frozenset[type]] = frozenset({float})
_INT: Final[frozenset[type]] = frozenset({int})
_NIB_LENGTHS: Final = frozenset({0, NIB_DIGITS})
_EXACT: Final = 2**53
"""Every int up to this is a float exactly."""


def _digit_column(cells: Collection[str], longest: int | None = None) -> bool:
    """Whether every cell is empty or ASCII digits (at most ``longest`` of them): asked of the joined column, in C."""
    joined = "".join(cells)
    if not joined:
        return True
    # ASCII text asked as bytes: bytes.isdigit looks each character up in a small table, str.isdigit in
    # the Unicode database (five times the time: 0.2 ms for 10,000 NIBs).
    return joined.isascii() and joined.encode().isdigit() and (longest is None or max(map(len, cells)) <= longest)


_NUMBERS = frozenset({"monthly_capacity", "workers"})
_WORDS = frozenset({"role", "category", "mentor", "willing_to_lead"})
