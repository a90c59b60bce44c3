"""The fast path of ``ods_cells``: ``content.xml`` scanned as bytes, giving what the expat walk gives or ``None``.

1. The prolog and the root start tag are read (``read_root``): UTF-8, the
   table and office namespaces each bound to one prefix, on the root only.
2. Every ``:formula`` and ``s-spanned`` occurrence is a hit. A formula whose
   tag holds its saved result is passed over by a pattern (in LibreOffice's
   order, by the search itself). Every other hit has its tag parsed
   (``ods_tags``: read as expat reads it, or not at all): a table cell
   spanning more than one cell or holding a formula without a result is
   *interesting*, the only kind of cell that needs a position.
3. The positions come from replaying the walk's state (``_Replay``) over
   the table tags and the row tags up to the last interesting cell, and
   counting the cells of a row before each interesting cell.

Whatever would make a byte search misread the document (``ods_cells``'
docstring lists it) raises ``Unsure`` (``ods_tags``): ``scan`` returns ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from .ods_tags import (
    RESULT_VALUES,
    TAG,
    Unsure,
    attributes,
    checked,
    decoded,
    formula_pattern,
    saved_result_pattern,
    tag_pattern,
    value,
)

Cell = tuple[int, int]
Range = tuple[Cell, Cell]

TABLE_URI = b"urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_URI = b"urn:oasis:names:tc:opendocument:xmlns:office:1.0"

_WS = rb"[ \t\r\n]"
_END_OF_DOCUMENT = re.compile(rb"</([^ \t\r\n=/<>\"']+)" + _WS + rb"*>" + _WS + rb"*\Z")
_DECLARATION = re.compile(
    rb"<\?xml" + _WS + rb"+version" + _WS + rb"*=" + _WS + rb"*([\"'])1\.0\1"
    rb"(?:" + _WS + rb"+encoding" + _WS + rb"*=" + _WS + rb"*([\"'])([A-Za-z][A-Za-z0-9._-]*)\2)?"
    rb"(?:" + _WS + rb"+standalone" + _WS + rb"*=" + _WS + rb"*([\"'])(?:yes|no)\4)?" + _WS + rb"*\?>"
)
_ROOT = re.compile(_WS + rb"*" + TAG.pattern)  # the same groups as TAG
_SPANNED = b"s-spanned"  # number-columns-spanned, number-rows-spanned (and the matrix ones, classified away)
_MARKUP_SCAN = 4096  # "!" or "?" bytes looked at one by one before a search for "<!"/"<?" takes over


class Root(NamedTuple):
    """The root start tag: where it ends, its name, and the prefixes it binds."""

    end: int
    name: bytes
    table: bytes
    office: bytes
    bound: frozenset[bytes]


class Interesting(NamedTuple):
    """A table cell that needs a position: where its tag starts, its spans, whether a formula lacks a result."""

    start: int
    rows: int
    columns: int
    formula: bool


def scan(content: bytes, sheet: str, spans: bool = True) -> tuple[list[Range], set[Cell]] | None:
    """The walk's merged ranges and formulas without a result for ``sheet``, or ``None`` when unsure;
    ``spans`` false: the content is known to hold no merged range's span, which is not searched for."""
    try:
        root, declaration_end = read_root(content)
        cells, last_in_tag, last_passed = _interesting(content, root, spans)
        last = max(last_in_tag, last_passed)
        if _has_markup(content, b"!", 0, last) or _has_markup(content, b"?", declaration_end, last):
            return None
        if content.find(b"xmlns", root.end, last_in_tag) != -1 or (
            last_passed > last_in_tag and content.find(b"xmlns:" + root.office, root.end, last_passed) != -1
        ):
            return None
        if not cells:
            return [], set()
        return _Replay(content, root, sheet).place(cells)
    except Unsure:
        return None


def read_root(content: bytes) -> tuple[Root, int]:
    """The root start tag, and where the XML declaration (if any) ends; ``Unsure`` for anything unusual."""
    at = 3 if content.startswith(b"\xef\xbb\xbf") else 0
    if content.startswith(b"<?xml", at) and content[at + 5 : at + 6] in (b" ", b"\t", b"\r", b"\n"):
        declaration = _DECLARATION.match(content, at)
        encoding = declaration.group(3) if declaration else None
        if declaration is None or (encoding is not None and encoding.lower() != b"utf-8"):
            raise Unsure
        at = declaration.end()
    declaration_end = at
    tag = _ROOT.match(content, at)
    if tag is None or tag.group(3):
        raise Unsure
    by_name = attributes(tag)
    defaults = [quoted for name, quoted in by_name.items() if name == b"xmlns"]
    bindings = {name[6:]: decoded(quoted) for name, quoted in by_name.items() if name.startswith(b"xmlns:")}
    table = [prefix for prefix, uri in bindings.items() if uri == TABLE_URI.decode()]
    office = [prefix for prefix, uri in bindings.items() if uri == OFFICE_URI.decode()]
    if len(table) != 1 or len(office) != 1 or any(decoded(quoted) == TABLE_URI.decode() for quoted in defaults):
        raise Unsure
    if any(prefix in (b"xml", b"xmlns") or not uri for prefix, uri in bindings.items()):  # expat refuses those
        raise Unsure
    root = Root(tag.end(), tag.group(1), table[0], office[0], frozenset(bindings) | {b"xml"})
    checked(root.bound, tag, declares=True)
    if tag.group(1).startswith(root.table + b":"):
        raise Unsure
    last = content.rfind(b"<")
    end = _END_OF_DOCUMENT.match(content, last) if last >= root.end else None
    if end is None or end.group(1) != root.name:
        raise Unsure
    return root, declaration_end


class _Opening:
    """The last ``<`` before each of positions asked in increasing order, each byte searched once (one search
    back from every hit made a long text full of hits cost its length for each)."""

    def __init__(self, content: bytes, start: int) -> None:
        self.content = content
        self.searched = start
        self.found = -1

    def before(self, position: int) -> int:
        found = self.content.rfind(b"<", self.searched, position)
        if found != -1:
            self.found = found
        self.searched = position
        return self.found


def _interesting(content: bytes, root: Root, spans: bool = True) -> tuple[list[Interesting], int, int]:
    """The interesting cells in document order, the end of the last tag a hit was classified in, and the end of
    the last formula passed over as having its result."""
    cells: dict[int, Interesting | None] = {}
    last_in_tag = root.end
    last_passed = root.end
    hits: list[int] = []
    at = content.find(_SPANNED, root.end) if spans else -1
    while at != -1:
        hits.append(at)
        at = content.find(_SPANNED, at + len(_SPANNED))
    first = content.find(b":formula", root.end)
    if first != -1:
        saved = saved_result_pattern(re.escape(root.table), re.escape(root.office))
        opening, tried, passed = _Opening(content, root.end), -1, False
        for match in formula_pattern(root.office).finditer(content, first):
            start = opening.before(match.start())
            if start != tried:  # the result may come before the formula: once per tag
                tried, passed = start, start != -1 and saved.match(content, start) is not None
            if not passed:
                hits.append(match.start())
        # The check for a declaration must cover the whole tag of the last formula the pattern passed over:
        # the last formula of all stands for it (one search back from the end).
        last = content.rfind(b":formula", first)
        start = content.rfind(b"<", root.end, last)
        tag = TAG.match(content, start) if start != -1 else None
        last_passed = tag.end() if tag is not None and tag.end() > last else len(content)
    hits.sort()
    opening, text_after = _Opening(content, root.end), -1  # text_after: a tag the hits so far came after
    for hit in hits:
        start = opening.before(hit)
        if start == -1 or start in cells or start == text_after:
            continue
        if content[start + 1 : start + 2] == b"/":  # an end tag holds no attribute: the hit is in text after it
            if not 0 <= content.find(b">", start, hit) < hit:
                raise Unsure
            text_after = start
            continue
        tag = TAG.match(content, start)
        if tag is None:
            raise Unsure
        if tag.end() <= hit:  # in the text after the tag
            text_after = start
            continue
        found = _classify(root, content[start : tag.end()])
        cells[start] = Interesting(start, *found) if found is not None else None
        last_in_tag = max(last_in_tag, tag.end())
    return [cell for _, cell in sorted(cells.items()) if cell is not None], last_in_tag, last_passed


@lru_cache(maxsize=4096)  # the same tag row after row (a formula copied down) is classified once
def _classify(root: Root, text: bytes) -> tuple[int, int, bool] | None:
    """The spans of the cell the start tag ``text`` opens, and whether its formula lacks a result, if it is
    interesting as the walk's ``start`` handler decides."""
    tag = TAG.fullmatch(text)
    if tag is None:
        raise Unsure
    by_name = checked(root.bound, tag)
    if tag.group(1) != root.table + b":table-cell":
        return None
    table = root.table + b":"
    rows = number(value(by_name, table + b"number-rows-spanned"))
    columns = number(value(by_name, table + b"number-columns-spanned"))
    office = root.office + b":"
    kind = value(by_name, office + b"value-type")  # a saved result, as the walk's _has_result decides
    result = kind is not None and (kind == "string" or any(office + name in by_name for name in RESULT_VALUES))
    formula = table + b"formula" in by_name and not result
    return (rows, columns, formula) if rows > 1 or columns > 1 or formula else None


class _Replay:
    """The walk's state replayed over table and row tags only (see ``ods_cells.walk`` for the state itself).

    Rows are counted from a *clean point*, a place where no row is open: the
    sheet's start tag, then the start tag of each row holding an interesting
    cell. Between two clean points the walk adds one per row end when no row
    there repeats; and when the row start tags (``<table:table-row`` and
    nothing longer) are as many as the ``</table:table-row>`` end tags, every
    row started there also ended there, none self-closing and none nested in
    an open one, so that count is the rows' count and the next row start is
    clean too. Otherwise the row tags are read one by one. Every search runs
    from the last point read, never from a row's or the sheet's start again:
    the work grows with the content, not with the cells times the row.
    """

    def __init__(self, content: bytes, root: Root, sheet: str) -> None:
        self.content = content
        self.root = root
        self.sheet = sheet
        self.inside = 0
        self.row = 0  # the walk's row at the clean point
        self.clean = root.end
        t = root.table + b":table"
        self.table_tag, self.row_start, self.row_end = t, b"<" + t + b"-row", b"</" + t + b"-row"
        self.row_groups = (b"<" + t + b"-row-group", b"<" + t + b"-rows")
        prefix = re.escape(root.table)
        self.tables = tag_pattern(prefix, b"table")
        self.rows = tag_pattern(prefix, b"table-row")  # not table-rows or table-row-group: the walk ignores those
        self.cell_starts = re.compile(rb"<" + prefix + rb":(?:covered-)?table-cell(?=[ \t\r\n/>])")

    def place(self, cells: list[Interesting]) -> tuple[list[Range], set[Cell]]:
        merged: list[Range] = []
        formulas: set[Cell] = set()
        for cell, (row, column) in self.positions(cells):
            if cell.rows > 1 or cell.columns > 1:
                merged.append(((row, column), (row + cell.rows - 1, column + cell.columns - 1)))
            if cell.formula:
                formulas.add((row, column))
        return merged, formulas

    def positions(self, cells: list[Interesting]) -> list[tuple[Interesting, Cell]]:
        """Those of ``cells`` (in document order) the walk reads in the sheet, each with its row and column."""
        placed: list[tuple[Interesting, Cell]] = []
        starts = [cell.start for cell in cells]
        at, first, searching = self.root.end, 0, False
        while first < len(cells):
            self._tables(at, starts[first])
            at = starts[first]
            if self.inside != 1:
                first += 1
                continue
            # The cells read before the next table tag (usually all the rest) are placed together. The count
            # rules a table tag out at once in the usual case; once it could not, each search runs to the next
            # table tag only (a count to the last cell for every run grew with the runs times the content).
            following = starts[-1] + 1
            if searching or self._may_have_table_tag(at, starts[-1]):
                searching = True
                if found := self.tables.search(self.content, at, following):
                    following = found.start()
            last = bisect_left(starts, following, first + 1)
            placed.extend(zip(cells[first:last], self._run(starts[first:last]), strict=True))
            at, first = starts[last - 1], last
        return placed

    def _run(self, cells: list[int]) -> list[Cell]:
        """The positions of cells read with no table tag between them (their tags' starts given, in order). A
        cell after another with no row start between is in the other's row: its row and columns go on from it."""
        placed: list[Cell] = []
        row = column = 0
        previous = -1  # the end of the cell's row start tag, then the start of the last cell placed
        for cell in cells:
            row_start = self._last_row_start(self.clean if previous == -1 else previous, cell)
            if row_start != -1:
                self.row += self._count_rows(self.clean, row_start)
                self.clean = row_start
                repeat, closed, previous = self._row_tag(row_start, read=True)
                row, column = self.row + (repeat if closed else 0), 0
            elif previous == -1:  # a cell in no row
                raise Unsure
            if self.content.find(self.row_end, previous, cell) != -1:  # the row ended before the cell: rare
                raise Unsure
            column += self._columns(previous, cell)
            placed.append((row, column))
            previous = cell
        return placed

    def _tables(self, start: int, end: int) -> None:
        """Replay the table start and end tags between; a start read makes its tag's end the clean point."""
        if self.inside == 1 and not self._may_have_table_tag(start, end):
            return
        at = start
        while found := self.tables.search(self.content, at, end):
            at = self._table_tag(found)

    def _may_have_table_tag(self, start: int, end: int) -> bool:
        """Whether a table start or end tag may lie between: ``<table:table`` or ``</table:table`` not followed by
        ``-`` (both counts over the same bytes, so never a false "no")."""
        count = self.content.count
        return count(self.table_tag, start, end) != count(self.table_tag + b"-", start, end)

    def _table_tag(self, found: re.Match[bytes]) -> int:
        if found.group("end") is not None:
            self.inside = 2 if self.inside == 1 else 0
            return found.end()
        tag = TAG.match(self.content, found.start() - 1)
        if tag is None:
            raise Unsure
        name = value(checked(self.root.bound, tag), self.root.table + b":name")
        self.inside = 1 if name == self.sheet and self.inside == 0 else -1
        self.row, self.clean = 0, tag.end()
        if tag.group(3):
            self.inside = 2 if self.inside == 1 else 0
        return tag.end()

    def _last_row_start(self, start: int, end: int) -> int:
        """The last row start tag between (-1 for none)."""
        at = self.content.rfind(self.row_start, start, end)
        while at != -1 and self.content[at + len(self.row_start)] not in b" \t\r\n/>":
            at = self.content.rfind(self.row_start, start, at)
        return at

    def _count_rows(self, start: int, end: int) -> int:
        """What the walk adds to the row between two clean points (``end`` proven clean, or ``Unsure``). A row
        that repeats (a run of blank rows, say) counts its repeat if it is clean and holds no row."""
        added, at, content = 0, start, self.content
        while (found := content.find(b"rows-repeated", at, end)) != -1:
            row = content.rfind(self.row_start, at, found)
            tag = TAG.match(content, row) if row != -1 else None
            if tag is None or not tag.start(2) <= found < tag.end(2) or tag.group(1) != self.row_start[1:]:
                break  # not a row's attribute (a cell's text, say): read the rows one by one
            counted = self._counted(at, row)
            if counted is None:
                break
            repeat = number(value(checked(self.root.bound, tag), self.root.table + b":number-rows-repeated"))
            if tag.group(3):
                added, at = added + counted + repeat, tag.end()
                continue
            closing = content.find(self.row_end, tag.end(), end)
            if closing == -1 or not content.startswith(self.row_end + b">", closing):
                break
            if content.find(self.row_start, tag.end(), closing) != -1:
                break  # a row inside the repeated one: its end adds the inner row's repeat, not this one's
            added, at = added + counted + repeat, closing + len(self.row_end) + 1
        else:
            counted = self._counted(at, end)
            if counted is not None:
                return added + counted
        return added + self._rows_one_by_one(at, end)

    def _counted(self, start: int, end: int) -> int | None:
        """The rows ended between two points, the first clean, when none repeats and the count proves the second
        clean too: the row start tags as many as the ``</table:table-row>`` end tags (``None`` otherwise)."""
        content = self.content
        starts, ends = content.count(self.row_start, start, end), content.count(self.row_end + b">", start, end)
        if starts != ends:
            starts -= sum(content.count(group, start, end) for group in self.row_groups)
        return ends if starts == ends else None

    def _rows_one_by_one(self, start: int, end: int) -> int:
        """``_count_rows`` by reading every row tag between."""
        added, repeat, open_rows = 0, 1, 0
        for found in self.rows.finditer(self.content, start, end):
            if found.group("end") is not None:
                added, open_rows = added + repeat, open_rows - 1
                continue
            repeat, closed, _ = self._row_tag(found.start() - 1)
            added, open_rows = (added + repeat, open_rows) if closed else (added, open_rows + 1)
        if open_rows != 0:
            raise Unsure
        return added

    def _row_tag(self, start: int, read: bool = False) -> tuple[int, bool, int]:
        """A row start tag's repeat, whether it closes itself, and where it ends; its attributes checked when it
        repeats or is ``read`` (it holds an interesting cell)."""
        tag = TAG.match(self.content, start)
        if tag is None:
            raise Unsure
        repeat = 1
        if read or b"rows-repeated" in tag.group(2):
            repeat = number(value(checked(self.root.bound, tag), self.root.table + b":number-rows-repeated"))
        return repeat, bool(tag.group(3)), tag.end()

    def _columns(self, start: int, end: int) -> int:
        """The cells started between, with their repeats: what the walk adds to the column."""
        if self.content.find(b"columns-repeated", start, end) == -1:
            return len(self.cell_starts.findall(self.content, start, end))
        repeated = self.root.table + b":number-columns-repeated"
        column = 0
        for found in self.cell_starts.finditer(self.content, start, end):
            tag = TAG.match(self.content, found.start())
            if tag is None:
                raise Unsure
            column += number(value(checked(self.root.bound, tag), repeated))
        return column


def number(value: str | None) -> int:
    """A repeat or span as the walk reads it: at least 1, and 1 for anything ``int`` refuses."""
    try:
        return max(1, int(value if value is not None else "1"))
    except ValueError:
        return 1


def _has_markup(content: bytes, mark: bytes, start: int, end: int) -> bool:
    """Whether ``<`` + ``mark`` occurs between: ``mark`` is found with memchr, then its byte before checked."""
    at = content.find(mark, start, end)
    for _ in range(_MARKUP_SCAN):
        if at == -1:
            return False
        if at > 0 and content[at - 1] == 0x3C:  # "<"
            return True
        at = content.find(mark, at + 1, end)
    return content.find(b"<" + mark, start, end) != -1
