"""Merged cells, formulas without a saved result and cells showing an error (``#N/A``, ``Err:502``) in an
``.ods`` sheet, which calamine does not report (errors: ``ods_errors_scan`` first, as for the rest).

Two readings give the same answer. ``walk`` is the reference: ``content.xml``
walked with expat, one element at a time (no tree is built), a document type
declaration refused outright (an OpenDocument file never has one, so no
entity can be declared, expanded or fetched). Rows and columns are counted as
LibreOffice writes them, with their ``number-rows-repeated``/
``number-columns-repeated`` runs, and a covered cell (the rest of a merged
range) takes its place like any other.

A Python call per element makes the walk cost about a second for a 10,000-row
sheet, and it runs as soon as a sheet has one merged title or one formula
column. So ``ods_cells`` first tries ``ods_cells_scan.scan``: the bytes
searched with ``bytes.find``/``count`` and compiled patterns, Python run per
span or formula attribute found and per cell that needs a position (merged,
or a formula without a result); a formula with its saved result, as
LibreOffice and Excel write them, is passed over by the pattern itself. Each
search over the content is one pass (some milliseconds for 12 MB): a merged
title costs two, a merge at the bottom of the list about eight; no search
runs again from a tag's or a row's start for each hit or cell, so the bytes
looked at grow with the content alone. The scan answers only when sure of
giving what the walk gives, and hands the content to the walk (``None``) on
any of:

- ``<!`` (a DOCTYPE, comment or CDATA section) or ``<?`` (a processing
  instruction) after the XML declaration, up to the last hit: markup a byte
  search would misread; the walk then refuses the DOCTYPE as before;
- an XML declaration other than version 1.0 in UTF-8 (a BOM allowed), or
  a document in UTF-16;
- a root that binds the table or the office namespace to no prefix or to
  two, makes the table namespace its default, or is itself a table element;
- ``xmlns`` anywhere between the root's start tag and the last tag a hit
  was read in, or ``xmlns:`` and the office prefix before the last formula
  passed over: a declaration could change what a prefix means there;
- in a tag read (a hit's, a table's, a row's holding an interesting cell,
  a repeated row's, a repeated cell's before an interesting one):
  attributes the pattern cannot cut, one given twice, a name that is no
  plain ASCII XML name, a prefix the root does not bind, a value with a
  reference expat would refuse, with bytes that are no UTF-8 or with a
  character XML forbids (``ods_tags.checked``);
- an interesting cell read outside any row, or after its row's end tag;
- rows inside rows where they would change the count;
- content not ending with the root's end tag (a cut-off file).

A sheet name with references (``&amp;``, ``&#38;``) or line breaks is
compared as expat decodes it; another table before the sheet, a sub-table,
a second table of the same name (the walk reads one again after another
table), row groups and header rows are followed as the walk follows them.
The conformance of both readings is tested on generated contents
(tests/sheets/test_ods_cells_scan.py).

The scan does not check well-formedness where it does not look: a
``content.xml`` broken there (a mismatched end tag in a cell's text, say) is
read as calamine reads it, as every ``.ods`` without a span or a formula
always was (the repeat scan's hints, ``ods_repeats``, keep both readings
from running). Where the
walk runs, what expat refuses is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from .cell_errors import CellError, shortened
from .expat_walk import DEEPEST, new_parser, too_deep
from .expat_walk import walk as expat_walk
from .ods_cells_scan import number, scan
from .ods_errors_scan import error_hits, scan_errors

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SHEET = f"{_TABLE} table"
_ROW = f"{_TABLE} table-row"
_CELL = f"{_TABLE} table-cell"
_COVERED = f"{_TABLE} covered-table-cell"
_NAME = f"{_TABLE} name"
_ROWS_REPEATED = f"{_TABLE} number-rows-repeated"
_VISIBILITY = f"{_TABLE} visibility"
_COLUMNS_REPEATED = f"{_TABLE} number-columns-repeated"
_ROWS_SPANNED = f"{_TABLE} number-rows-spanned"
_COLUMNS_SPANNED = f"{_TABLE} number-columns-spanned"
_FORMULA = f"{_TABLE} formula"
_VALUE_TYPE = f"{_OFFICE} value-type"
# A formula's saved result: a value attribute for each type, or the text of a string result.
_VALUES = tuple(f"{_OFFICE} {name}" for name in ("value", "date-value", "time-value", "boolean-value", "string-value"))
# LibreOffice's own value type, beside the office one: "error" for a formula whose result is an error.
_CALC_VALUE_TYPE = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0 value-type"
_PARAGRAPH = "urn:oasis:names:tc:opendocument:xmlns:text:1.0 p"
_MOST_REPEATED = 16_384
"""An error cell repeated across columns is named in this many at most (LibreOffice's widest sheet)."""

Range = tuple[tuple[int, int], tuple[int, int]]


class OdsCells(NamedTuple):
    """0-based (row, column) from A1, as calamine numbers cells: merged ranges and formulas without a result."""

    merged: list[Range]
    formulas: set[tuple[int, int]]
    # Cells showing an error (in the first row of a repeated run: enough to refuse the sheet), and the error.
    errors: Mapping[tuple[int, int], CellError] = MappingProxyType({})
    hidden: tuple[tuple[int, int], ...] = ()  # rows hidden or filtered out: (first row, how many)


def ods_cells(content: bytes, sheet: str, spans: bool = True, hidden: bool = False) -> OdsCells:
    """The merged ranges, the formulas without a saved result and the cells showing an error of the sheet
    named ``sheet``: the scans' answer when both are sure of theirs, else the walk's. ``spans`` false: the
    content holds no ``number-rows-spanned``/``number-columns-spanned`` (``ods_repeats`` saw none).
    ``hidden``: a row may be hidden (``ods_repeats`` saw a row tag with a ``visibility``): only the walk
    places hidden rows (slower: the scans are made for what every numbered list has, not for this)."""
    if hidden:
        return walk(content, sheet)
    hits = error_hits(content)
    found = scan(content, sheet, spans)
    errors = scan_errors(content, sheet, hits) if hits and found is not None else {}
    if found is not None and errors is not None:
        return OdsCells(*found, errors)
    return walk(content, sheet)


def walk(content: bytes, sheet: str) -> OdsCells:
    """``ods_cells`` by walking every element with expat: the reference the scan is held to.

    The state: ``inside`` (a table start makes it 1 when the table is named
    ``sheet`` and it was 0, else -1; a table end makes 1 into 2 and anything
    else into 0), the row (0 at a table start), the column, and the repeat of
    the last row started. While ``inside`` is 1, a row start sets the repeat
    and makes the column 0, a row end adds the repeat to the row, and a cell
    or covered cell adds its repeat to the column after its position is read.
    A cell showing an error has its first paragraph's text read (``#N/A``,
    ``Err:502``): ``error`` holds it while the cell is open.
    """
    merged: list[Range] = []
    formulas: set[tuple[int, int]] = set()
    errors: dict[tuple[int, int], CellError] = {}
    hidden: list[tuple[int, int]] = []
    state = {"inside": 0, "row": 0, "column": 0, "repeat": 1, "depth": 0}
    error = _OpenError()

    def repeat(attributes: dict[str, str], name: str) -> int:
        return number(attributes.get(name))

    def start(tag: str, attributes: dict[str, str]) -> None:
        state["depth"] += 1
        if state["depth"] > DEEPEST:
            raise too_deep()
        if error.cells:
            error.depth += 1
            if error.depth == 1 and tag == _PARAGRAPH and error.text is None:
                error.text = []
                parser.CharacterDataHandler = error.text.append
        if tag == _SHEET:
            state["inside"] = 1 if attributes.get(_NAME) == sheet and state["inside"] == 0 else -1
            state["row"] = 0
        elif state["inside"] != 1:
            return
        elif tag == _ROW:
            state["repeat"] = repeat(attributes, _ROWS_REPEATED)
            state["column"] = 0
            if attributes.get(_VISIBILITY, "visible") != "visible":  # "collapse" (hidden) or "filter"
                hidden.append((state["row"], state["repeat"]))
        elif tag in (_CELL, _COVERED):
            row, column = state["row"], state["column"]
            state["column"] = column + repeat(attributes, _COLUMNS_REPEATED)
            if tag == _COVERED:
                return
            rows, columns = repeat(attributes, _ROWS_SPANNED), repeat(attributes, _COLUMNS_SPANNED)
            if rows > 1 or columns > 1:
                merged.append(((row, column), (row + rows - 1, column + columns - 1)))
            if _FORMULA in attributes and not _has_result(attributes):
                formulas.add((row, column))
            if attributes.get(_CALC_VALUE_TYPE) == "error" and not error.cells:
                count = min(state["column"] - column, _MOST_REPEATED)
                error.open([(row, column + offset) for offset in range(count)], _FORMULA in attributes)

    def end(tag: str) -> None:
        state["depth"] -= 1
        if error.cells:
            if error.depth == 0:  # the cell's own end
                found = CellError(shortened("".join(error.text or ()).strip()), error.formula)
                errors.update(dict.fromkeys(error.cells, found))
                error.cells = []
            else:
                if error.depth == 1 and tag == _PARAGRAPH:
                    parser.CharacterDataHandler = None
                error.depth -= 1
        if tag == _SHEET:
            state["inside"] = 2 if state["inside"] == 1 else 0  # 2: the sheet is read, the rest is not ours
        elif tag == _ROW and state["inside"] == 1:
            state["row"] += state["repeat"]

    parser = new_parser(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    expat_walk(parser, content)
    return OdsCells(merged, formulas, errors, tuple(hidden))


class _OpenError:
    """The walk's state in a cell showing an error: its cells (none: in no such cell), its formula, the depth
    of the element the walk is in below it, and its first paragraph's text (``None`` before it)."""

    def __init__(self) -> None:
        self.cells: list[tuple[int, int]] = []
        self.formula = False
        self.depth = 0
        self.text: list[str] | None = None

    def open(self, cells: list[tuple[int, int]], formula: bool) -> None:
        self.cells, self.formula, self.depth, self.text = cells, formula, 0, None


def _has_result(attributes: dict[str, str]) -> bool:
    """Whether a formula cell carries the result it last had (a string result may be its text alone).
    ``ods_cells_scan._classify`` decides the same on qualified names."""
    kind = attributes.get(_VALUE_TYPE)
    return kind is not None and (kind == "string" or any(name in attributes for name in _VALUES))
