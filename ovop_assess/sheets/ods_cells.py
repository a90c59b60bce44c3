"""Merged cells and formulas without a saved result in an ``.ods`` sheet, which calamine does not report.

``content.xml`` is walked with expat, one element at a time (no tree is
built), and a document type declaration is refused outright: an
OpenDocument file never has one, so no entity can be declared, expanded or
fetched. Rows and columns are counted as LibreOffice writes them, with
their ``number-rows-repeated``/``number-columns-repeated`` runs, and a
covered cell (the rest of a merged range) takes its place like any other.
"""

from __future__ import annotations

from typing import NamedTuple
from xml.parsers import expat

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SHEET = f"{_TABLE} table"
_ROW = f"{_TABLE} table-row"
_CELL = f"{_TABLE} table-cell"
_COVERED = f"{_TABLE} covered-table-cell"
_NAME = f"{_TABLE} name"
_ROWS_REPEATED = f"{_TABLE} number-rows-repeated"
_COLUMNS_REPEATED = f"{_TABLE} number-columns-repeated"
_ROWS_SPANNED = f"{_TABLE} number-rows-spanned"
_COLUMNS_SPANNED = f"{_TABLE} number-columns-spanned"
_FORMULA = f"{_TABLE} formula"
_VALUE_TYPE = f"{_OFFICE} value-type"
# A formula's saved result: a value attribute for each type, or the text of a string result.
_VALUES = tuple(f"{_OFFICE} {name}" for name in ("value", "date-value", "time-value", "boolean-value", "string-value"))

Range = tuple[tuple[int, int], tuple[int, int]]


class OdsCells(NamedTuple):
    """0-based (row, column) from A1, as calamine numbers cells: merged ranges and formulas without a result."""

    merged: list[Range]
    formulas: set[tuple[int, int]]


class Unreadable(Exception):
    """content.xml is not well-formed, or declares a document type: the reason's catalogue id (``args[0]``),
    for the "corrupt" message."""


def ods_cells(content: bytes, sheet: str) -> OdsCells:
    """The merged ranges and the formulas without a saved result of the sheet named ``sheet``."""
    merged: list[Range] = []
    formulas: set[tuple[int, int]] = set()
    state = {"inside": 0, "row": 0, "column": 0, "repeat": 1}

    def number(attributes: dict[str, str], name: str) -> int:
        try:
            return max(1, int(attributes.get(name, "1")))
        except ValueError:
            return 1

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag == _SHEET:
            state["inside"] = 1 if attributes.get(_NAME) == sheet and state["inside"] == 0 else -1
            state["row"] = 0
        elif state["inside"] != 1:
            return
        elif tag == _ROW:
            state["repeat"] = number(attributes, _ROWS_REPEATED)
            state["column"] = 0
        elif tag in (_CELL, _COVERED):
            row, column = state["row"], state["column"]
            state["column"] = column + number(attributes, _COLUMNS_REPEATED)
            if tag == _COVERED:
                return
            rows, columns = number(attributes, _ROWS_SPANNED), number(attributes, _COLUMNS_SPANNED)
            if rows > 1 or columns > 1:
                merged.append(((row, column), (row + rows - 1, column + columns - 1)))
            if _FORMULA in attributes and not _has_result(attributes):
                formulas.add((row, column))

    def end(tag: str) -> None:
        if tag == _SHEET:
            state["inside"] = 2 if state["inside"] == 1 else 0  # 2: the sheet is read, the rest is not ours
        elif tag == _ROW and state["inside"] == 1:
            state["row"] += state["repeat"]

    def refuse_doctype(*_: object) -> None:
        raise Unreadable("sheet.reason.doctype")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        view = memoryview(content)
        for at in range(0, len(content), _CHUNK):
            parser.Parse(bytes(view[at : at + _CHUNK]), False)
        parser.Parse(b"", True)
    except (expat.ExpatError, LookupError):  # LookupError: an XML declaration naming an unknown encoding
        raise Unreadable("sheet.reason.damaged") from None
    return OdsCells(merged, formulas)


_CHUNK = 1 << 16


def _has_result(attributes: dict[str, str]) -> bool:
    """Whether a formula cell carries the result it last had (a string result may be its text alone)."""
    kind = attributes.get(_VALUE_TYPE)
    return kind is not None and (kind == "string" or any(name in attributes for name in _VALUES))
