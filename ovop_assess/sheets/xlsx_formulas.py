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
MAY_LACK_VALUE = re.compile(rb"f(?<=<f|:f)[\s>/](?![^<]*+(?:</(?:\w+:)?f>)?+\s*+<(?:\w+:)?v>\s*+[^<\s])")
# The same, where a saved 0 is a placeholder (computed_on_open): a value of 0 counts as none.
MAY_LACK_OR_ZERO = re.compile(rb"f(?<=<f|:f)[\s>/](?![^<]*+(?:</(?:\w+:)?f>)?+\s*+<(?:\w+:)?v>\s*+(?!0\s*+<)[^<\s])")
_COMPUTED_ON_OPEN = re.compile(
    rb"""<(?:\w+:)?calcPr\s(?:[^<>"']|"[^"<]*"|'[^'<]*')*?(?<=\s)fullCalcOnLoad\s*=\s*["']\s*(?:1|true)\s*["']"""
)
_ZERO_VALUE = re.compile(rb"<(?:\w+:)?v>\s*0\s*</(?:\w+:)?v>")
_TYPED = re.compile(rb"""(?:^|\s)t\s*=\s*["'](?!n["'])""")  # a type but a number's (t="n", or none)


def computed_on_open(book: bytes | None) -> bool:
    """Whether workbook.xml (``book``) asks the spreadsheet to compute every formula when it opens the file:
    its saved results are then a writer's placeholders."""
    return book is not None and _COMPUTED_ON_OPEN.search(book) is not None


def formulas_without_value(xml: bytes, zero_is_none: bool = False) -> set[tuple[int, int]]:
    """0-based (row, column) of the cells holding a formula but no saved value; ``zero_is_none``: a saved
    number 0 is no value either (a workbook computed on opening, :func:`computed_on_open`)."""
    found = set()
    for match in _CELL.finditer(xml):
        body = match.group(3) or b""
        if not _HAS_FORMULA.search(body):
            continue
        placeholder = zero_is_none and _ZERO_VALUE.search(body) is not None and not _TYPED.search(match.group(1))
        if (
            _HAS_VALUE.search(body)
            and (not _EMPTY_VALUE.search(body) or _TEXT_RESULT.search(match.group(1)))
            and not placeholder
        ):
            continue  # a result saved; an empty one of type str is the empty text (=IF(…;"Batik A";""))
        refs = _REF.findall(match.group(1))
        if refs:
            letters, digits = refs[-1]
            found.add((int(digits) - 1, column_number(letters.upper()) - 1))
    return found
