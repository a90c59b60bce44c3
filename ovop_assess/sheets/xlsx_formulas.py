"""Formulas without a saved result in an .xlsx sheet's XML, which calamine reads as empty cells.

A workbook written by a program that computes no formula (XlsxWriter,
openpyxl) asks the spreadsheet to compute every formula when it opens the
file (``<calcPr fullCalcOnLoad="1"/>`` in workbook.xml; Excel drops it when
it saves). openpyxl then saves no result, and XlsxWriter saves 0 for each,
which calamine reads as the number 0 (a firm named "0", a capacity of 0).
In such a workbook a saved 0 is read as no result (the tool's own reading:
a formula whose result really is 0 is refused too, until the file is saved
by a spreadsheet).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .columns import field_of
from .firm_rows import Places
from .limits import SheetRefused
from .xlsx_positions import column_number

_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
# A cell whole: its attributes (quoted values whole, none holding "<", as XML allows none), then its body,
# which never runs past the next cell's start: each match ends by then, so the reading stays linear (a body
# allowed to run to the next </c> anywhere rescanned the sheet's rest for every cell left open).
_CELL = re.compile(
    rb"""<(?:\w+:)?c\s((?:[^<>"']|"[^"<]*"|'[^'<]*')*?)(/>|>((?:[^<]|<(?!(?:\w+:)?c[\s/>]))*?)</(?:\w+:)?c>)"""
)
# Every r attribute of a cell, in either quotes and any case (calamine reads a0 as A0): the last one counts.
_REF = re.compile(rb"""(?:^|\s)r\s*=\s*["']\s*([A-Za-z]{1,3})([0-9]{1,7})\s*["']""")
_EMPTY_VALUE = re.compile(rb"<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>")
_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)[\s>/]")
# Excel saves a formula whose result is the empty text as t="str" and an empty value (<v></v> or <v/>); a script
# that computes nothing writes no type (openpyxl) or a number's.
_TEXT_RESULT = re.compile(rb"""(?:^|\s)t\s*=\s*["']str["']""")
# A formula element not followed at once by a value with something in it (``<f>ROW()-1</f><v>1</v>``, or a
# shared formula's ``<f t="shared" si="0"/><v>2</v>``, as Excel and LibreOffice save every formula): a cell
# that may lack its result. The pattern starts at the letter "f", rare in a sheet's XML but in formulas, so
# the regex engine skips to each formula and passes over one with its value without a Python call; a
# sheet numbering its rows with 10,000 formulas cost 60 ms more when each cell was looked at in Python.
# Possessive (Python 3.11): with plain quantifiers, a formula of 80,000 spaces followed by no value took 52 s,
# each split of the spaces between [^<]* and \s* tried (an adversarial review); each part can only end at a "<".
# The optional end tag is an atomic group, not possessive (?+): before Python 3.11.5 a possessive repeat of a
# group that can backtrack may match what it must not (CPython gh-106052).
# A value of 0 counts as none: a placeholder where the workbook is computed on opening (computed_on_open), a
# number where text is expected elsewhere (refuse_zero_text).
# An array formula too (t="array"): the cells of its range but the first hold no formula of their own.
MAY_LACK_OR_ZERO = re.compile(
    rb"f(?<=<f|:f)(?:\s(?=(?:[^<>]*?\s)?t\s*=\s*[\"']array)|"
    rb"[\s>/](?![^<]*+(?>(?:</(?:\w+:)?f>)?)\s*+<(?:\w+:)?v>\s*+(?!0\s*+<)[^<\s]))"
)
_COMPUTED_ON_OPEN = re.compile(
    rb"""<(?:\w+:)?calcPr\s(?:[^<>"']|"[^"<]*"|'[^'<]*')*?(?<=\s)fullCalcOnLoad\s*=\s*["']\s*(?:1|true)\s*["']"""
)
_ZERO_VALUE = re.compile(rb"<(?:\w+:)?v>\s*0\s*</(?:\w+:)?v>")
_FORMULA_TAG = re.compile(rb"""<(?:\w+:)?f((?:\s(?:[^<>"']|"[^"<]*"|'[^'<]*')*)?)/?>""")
_ARRAY_TYPE = re.compile(rb"""(?:^|\s)t\s*=\s*["']array["']""")
_RANGE = re.compile(
    rb"""(?:^|\s)ref\s*=\s*["']\s*([A-Za-z]{1,3})([0-9]{1,7})(?::([A-Za-z]{1,3})([0-9]{1,7}))?\s*["']"""
)
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_TEXT_FIELDS = frozenset({"name", "mentor", "category"})
_MOST_ARRAYS = 100
"""Array formulas whose ranges a 0 is looked up in; past them every 0 without a formula is taken for one of
their results (a firm list has none or a few: looking each 0 up in thousands of ranges would be quadratic)."""
Cell = tuple[int, int]
_TYPED = re.compile(rb"""(?:^|\s)t\s*=\s*["'](?!n["'])""")  # a type but a number's (t="n", or none)


def sheet_formulas(xml: bytes, book: bytes | None) -> tuple[set[Cell], set[Cell]]:
    """The formula cells of a sheet's XML (``xml``) whose result is not saved, and those that saved the number 0
    (:func:`formula_results`); ``book``: workbook.xml, which may ask for every formula to be computed on opening.

    Every cell is looked at only when some formula may lack its result or saved 0 (files written by scripts,
    which save no results, or 0 for each), or is an array formula, which may fill other cells with 0: the
    cell's value is then read as calamine reads it, exactly."""
    if MAY_LACK_OR_ZERO.search(xml) is None:
        return set(), set()
    return formula_results(xml, computed_on_open(book))


def computed_on_open(book: bytes | None) -> bool:
    """Whether workbook.xml (``book``) asks the spreadsheet to compute every formula when it opens the file:
    its saved results are then a writer's placeholders."""
    return book is not None and _COMPUTED_ON_OPEN.search(_COMMENT.sub(b"", book)) is not None


def formula_results(xml: bytes, zero_is_none: bool) -> tuple[set[Cell], set[Cell]]:
    """The 0-based (row, column) of the cells holding a formula but no saved value, and of those whose formula
    saved the number 0; ``zero_is_none``: a saved 0 is no value either (a workbook computed on opening,
    :func:`computed_on_open`), and the second set is empty. A cell of an array
    formula's range but its first holds no formula of its own: its 0 counts as the formula's."""
    found: set[Cell] = set()
    zeros: set[Cell] = set()
    arrays: list[tuple[int, int, int, int]] = []  # 0-based first row, first column, last row, last column
    for match in _CELL.finditer(xml):
        body = match.group(3) or b""
        formula = _HAS_FORMULA.search(body)
        zero = _ZERO_VALUE.search(body) is not None and not _TYPED.search(match.group(1))
        if formula is None and not (arrays and zero):
            continue
        place = _place(match.group(1))
        if place is None:
            continue
        if formula is None:  # a 0 in a cell without a formula: one of an array formula's results?
            inside = (top <= place[0] <= bottom and left <= place[1] <= right for top, left, bottom, right in arrays)
            if len(arrays) > _MOST_ARRAYS or any(inside):  # (past that many, each such 0 counted as one: linear)
                (found if zero_is_none else zeros).add(place)
            continue
        spanned = _array_range(body)
        if spanned is not None:
            arrays.append(spanned)
        if zero and zero_is_none:
            found.add(place)
        elif _HAS_VALUE.search(body) and (not _EMPTY_VALUE.search(body) or _TEXT_RESULT.search(match.group(1))):
            if zero:  # a result saved; an empty one of type str is the empty text (=IF(…;"Batik A";""))
                zeros.add(place)
        else:
            found.add(place)
    return found, zeros


def _place(attributes: bytes) -> Cell | None:
    refs = _REF.findall(attributes)
    if not refs:
        return None
    letters, digits = refs[-1]
    return int(digits) - 1, column_number(letters.upper()) - 1


def _array_range(body: bytes) -> tuple[int, int, int, int] | None:
    """The range an array formula (``<f t="array" ref="D3:D4">``) fills, 0-based, or None."""
    tag = _FORMULA_TAG.search(body)
    if tag is None or not _ARRAY_TYPE.search(tag.group(1)):
        return None
    spanned = _RANGE.search(tag.group(1))
    if spanned is None:
        return None
    first_letters, first_row, last_letters, last_row = spanned.groups()
    top, left = int(first_row) - 1, column_number(first_letters.upper()) - 1
    if last_letters is None:
        return top, left, top, left
    return top, left, int(last_row) - 1, column_number(last_letters.upper()) - 1


def refuse_zero_text(
    zeros: set[Cell], cells: Sequence[Sequence[object]], sheet: str, formulas: Collection[Cell] = ()
) -> None:
    """Refuse the sheet named ``sheet`` if a formula saved the number 0 in a column of text (a name, a mentor, a
    category: ``cells[0]`` names the columns), naming each such cell: a firm named "0" is never meant. Excel's
    lookup of an empty cell gives 0, and LibreOffice saving a workbook it did not compute keeps the 0 a writer
    put for each formula (XlsxWriter), dropping its request to compute them. (``formulas``: as for
    ``cell_errors.refuse_errors``, to place each cell at its firm.)"""
    header = cells[0] if cells else ()
    text = {index for index, title in enumerate(header) if field_of(title) in _TEXT_FIELDS}
    refused = sorted((row, column) for row, column in zeros if row > 0 and column in text)
    if refused:
        places = Places(cells, {*formulas, *zeros})
        raise SheetRefused(tuple(places.located("sheet.formula_zero_text", {}, cell) for cell in refused), sheet)
