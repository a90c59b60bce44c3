"""Formulas without a saved result in an .xlsx sheet's XML, which calamine reads as empty cells."""

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


def formulas_without_value(xml: bytes) -> set[tuple[int, int]]:
    """0-based (row, column) of the cells holding a formula but no saved value."""
    found = set()
    for match in _CELL.finditer(xml):
        body = match.group(3) or b""
        if not _HAS_FORMULA.search(body):
            continue
        if _HAS_VALUE.search(body) and (not _EMPTY_VALUE.search(body) or _TEXT_RESULT.search(match.group(1))):
            continue  # a result saved; an empty one of type str is the empty text (=IF(…;"Batik A";""))
        refs = _REF.findall(match.group(1))
        if refs:
            letters, digits = refs[-1]
            found.add((int(digits) - 1, column_number(letters.upper()) - 1))
    return found
