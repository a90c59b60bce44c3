"""The cells calamine allocates for an ``.ods``, counted exactly with expat before calamine opens the file.

``ods_repeats`` bounds them from the bytes; where that bound is too large
or the bytes are not plain enough for it to vouch for, this walk counts
what calamine's reader does with every sheet (``read_table``, ``read_row``
and ``get_range`` in calamine's ``ods.rs``), by the same literal element
and attribute names:

- in a row, a cell's repeat is added to the cells kept; an empty cell's
  repeat only once another cell follows it in the row (an empty run that
  ends its row costs nothing);
- a cell is empty without an ``office:*value`` attribute, a string value
  type or a formula;
- a sheet keeps the rectangle from its first row holding a value to its
  last, each row counted as many times as it is repeated, as wide as the
  farthest value of any row.

Where the walk is unsure it counts more: a row or cell at any depth counts
(calamine skips a row inside a cell), and the rectangle starts at column 0.
It counts one rectangle per sheet, or the cells kept while reading if more;
calamine builds a second rectangle beside the first for the formulas (no
larger), and both live with the cells kept for a moment: the caller's
allowance (four times ``--max-cells``) is what absorbs that.
A document type is refused (an OpenDocument file never has one: no entity
can be declared), and so is what expat cannot read, as a damaged file: a
``<`` inside an attribute's value, say, which calamine would read.

A Python call per element makes it cost about a second for 10,000 rows; it
runs only for what the byte bound cannot vouch for.
"""

from __future__ import annotations

from .expat_walk import DEEPEST, new_parser, too_deep, walk

_SHEET = "table:table"
_ROW = "table:table-row"
_CELLS = ("table:table-cell", "table:covered-table-cell")
_ROWS_REPEATED = "table:number-rows-repeated"
_COLUMNS_REPEATED = "table:number-columns-repeated"
_VALUES = ("office:value", "office:string-value", "office:date-value", "office:time-value", "office:boolean-value")


class _Over(Exception):
    """The count passed what the caller allows: the walk stops there."""


def _repeat(attributes: dict[str, str], name: str) -> int:
    try:
        return max(1, int(attributes.get(name, "1")))
    except ValueError:  # calamine cannot read it either, and stops at it with an error
        return 1


def _valued(attributes: dict[str, str]) -> bool:
    return (
        any(name in attributes for name in _VALUES)
        or attributes.get("office:value-type") == "string"
        or bool(attributes.get("table:formula"))
    )


class _Row:
    """A row being read: its repeat, the cells kept, an empty run not kept yet, the column after its last value."""

    __slots__ = ("cells", "empty", "last", "repeat")

    def __init__(self, repeat: int) -> None:
        self.repeat, self.cells, self.empty, self.last = repeat, 0, 0, 0


class _Count:
    """The walk's state: the cells kept so far by the rows read, and the current sheet's rectangle.

    Rows inside a row (in a cell) and sheets inside a sheet count with the
    outer one: calamine skips them, and counting them more is safe.
    """

    def __init__(self, most: int) -> None:
        self.most = most
        self.kept = 0  # cells calamine keeps while reading the rows of every sheet (before the rectangles)
        self.rectangles = 0  # the rectangles of the sheets read to their end
        self.sheets = 0  # sheets open (one inside another counts with the outer one)
        self.open: list[_Row] = []
        self._start_sheet()

    def _start_sheet(self) -> None:
        self.rows_before = 0  # empty rows read since the sheet's last row holding a value
        self.rows = 0  # rows from the sheet's first row holding a value to its last
        self.width = 0
        self.started = False

    def sheet_start(self) -> None:
        self.sheets += 1

    def sheet_end(self) -> None:
        self.sheets = max(0, self.sheets - 1)
        if self.sheets == 0:
            self.rectangles += self.rows * self.width
            self._start_sheet()
            self._over()

    def row_start(self, repeat: int) -> None:
        self.open.append(_Row(repeat))

    def cell(self, repeat: int, valued: bool) -> None:
        if not self.open:
            return  # a cell outside any row: calamine never reads it
        row = self.open[-1]
        row.cells += row.empty
        row.empty = 0
        if valued:
            row.cells += repeat
            row.last = row.cells
        else:
            row.empty = repeat

    def row_end(self) -> None:
        if not self.open:
            return
        row = self.open.pop()
        self.kept += row.cells
        if row.last:
            self.rows += self.rows_before + row.repeat if self.started else row.repeat
            self.rows_before = 0
            self.started = True
            self.width = max(self.width, row.last)
        elif self.started:
            self.rows_before += row.repeat
        self._over()

    def total(self) -> int:
        return max(self.kept, self.rectangles + self.rows * self.width)

    def _over(self) -> None:
        if self.total() > self.most:
            raise _Over


def allocation(content: bytes, most: int) -> int:
    """The cells calamine keeps for the sheets of ``content``: exact, or the first count past ``most`` (the
    walk stops there). Raises :class:`Unreadable` for content expat refuses."""
    count = _Count(most)
    depth = [0]

    def start(tag: str, attributes: dict[str, str]) -> None:
        depth[0] += 1
        if depth[0] > DEEPEST:
            raise too_deep()
        if tag == _SHEET:
            count.sheet_start()
        elif tag == _ROW:
            count.row_start(_repeat(attributes, _ROWS_REPEATED))
        elif tag in _CELLS:
            count.cell(_repeat(attributes, _COLUMNS_REPEATED), _valued(attributes))

    def end(tag: str) -> None:
        depth[0] -= 1
        if tag == _ROW:
            count.row_end()
        elif tag == _SHEET:
            count.sheet_end()

    parser = new_parser()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        walk(parser, content)
    except _Over:
        return count.total()
    count.sheets = 1
    count.sheet_end()  # rows after the last sheet's end (calamine reads none of them; counted all the same)
    return count.total()
