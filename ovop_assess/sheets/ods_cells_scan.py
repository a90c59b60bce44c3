"""The fast path of ``ods_cells``: ``content.xml`` scanned as bytes, giving what the expat walk gives or ``None``.

1. The prolog and the root start tag are read (``read_root``): UTF-8, the
   table and office namespaces each bound to one prefix, on the root only.
2. Every ``:formula`` and ``s-spanned`` occurrence is a hit. A formula whose
   tag holds its saved result is passed over by a pattern (in LibreOffice's
   order, by the search itself). Every other hit has its tag parsed: a table
   cell spanning more than one cell or holding a formula without a result is
   *interesting*, the only kind of cell that needs a position.
3. The positions come from replaying the walk's state (``_Replay``) over
   the table tags and the row tags up to the last interesting cell, and
   counting the cells of a row before each interesting cell.

Whatever would make a byte search misread the document (``ods_cells``'
docstring lists it) raises ``_Unsure``: ``scan`` returns ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple
from xml.parsers import expat

Cell = tuple[int, int]
Range = tuple[Cell, Cell]

TABLE_URI = b"urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_URI = b"urn:oasis:names:tc:opendocument:xmlns:office:1.0"

_WS = rb"[ \t\r\n]"
_NAME = rb"[^ \t\r\n=/<>\"']+"  # a superset of XML names: nothing that ends one
_VALUE = rb"\"[^\"<]*\"|'[^'<]*'"
_ATTR = re.compile(_WS + rb"+(" + _NAME + rb")" + _WS + rb"*=" + _WS + rb"*(" + _VALUE + rb")")
_ATTRS = _WS + rb"+" + _NAME + _WS + rb"*=" + _WS + rb"*(?:" + _VALUE + rb")"
_TAG = re.compile(rb"<(" + _NAME + rb")((?:" + _ATTRS + rb")*)" + _WS + rb"*(/?)>")
_END_OF_DOCUMENT = re.compile(rb"</(" + _NAME + rb")" + _WS + rb"*>" + _WS + rb"*\Z")
_DECLARATION = re.compile(
    rb"<\?xml" + _WS + rb"+version" + _WS + rb"*=" + _WS + rb"*([\"'])1\.0\1"
    rb"(?:" + _WS + rb"+encoding" + _WS + rb"*=" + _WS + rb"*([\"'])([A-Za-z][A-Za-z0-9._-]*)\2)?"
    rb"(?:" + _WS + rb"+standalone" + _WS + rb"*=" + _WS + rb"*([\"'])(?:yes|no)\4)?" + _WS + rb"*\?>"
)
_ROOT = re.compile(_WS + rb"*" + _TAG.pattern)  # the same groups as _TAG
_SPANNED = b"s-spanned"  # number-columns-spanned, number-rows-spanned (and the matrix ones, classified away)
_MARKUP_SCAN = 4096  # "!" or "?" bytes looked at one by one before a search for "<!"/"<?" takes over

# A formula's saved result, as the walk's ``_has_result`` reads it (local names in the office namespace).
_RESULT_VALUES = (b"value", b"date-value", b"time-value", b"boolean-value", b"string-value")
_RESULT = rb"(?:" + b"|".join(_RESULT_VALUES) + rb")"


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


class _Unsure(Exception):
    """The scan cannot be sure of the walk's answer: the caller walks with expat."""


def scan(content: bytes, sheet: str) -> tuple[list[Range], set[Cell]] | None:
    """The walk's merged ranges and formulas without a result for ``sheet``, or ``None`` when unsure."""
    try:
        root, declaration_end = read_root(content)
        cells, last_in_tag, last_passed = _interesting(content, root)
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
    except _Unsure:
        return None


def read_root(content: bytes) -> tuple[Root, int]:
    """The root start tag, and where the XML declaration (if any) ends; ``_Unsure`` for anything unusual."""
    at = 3 if content.startswith(b"\xef\xbb\xbf") else 0
    if content.startswith(b"<?xml", at) and content[at + 5 : at + 6] in (b" ", b"\t", b"\r", b"\n"):
        declaration = _DECLARATION.match(content, at)
        encoding = declaration.group(3) if declaration else None
        if declaration is None or (encoding is not None and encoding.lower() != b"utf-8"):
            raise _Unsure
        at = declaration.end()
    declaration_end = at
    tag = _ROOT.match(content, at)
    if tag is None or tag.group(3):
        raise _Unsure
    attributes = _attributes(tag)
    defaults = [value for name, value in attributes.items() if name == b"xmlns"]
    bindings = {name[6:]: _decoded(value) for name, value in attributes.items() if name.startswith(b"xmlns:")}
    table = [prefix for prefix, uri in bindings.items() if uri == TABLE_URI.decode()]
    office = [prefix for prefix, uri in bindings.items() if uri == OFFICE_URI.decode()]
    if len(table) != 1 or len(office) != 1 or any(_decoded(value) == TABLE_URI.decode() for value in defaults):
        raise _Unsure
    if any(prefix in (b"xml", b"xmlns") or not uri for prefix, uri in bindings.items()):  # expat refuses those
        raise _Unsure
    root = Root(tag.end(), tag.group(1), table[0], office[0], frozenset(bindings) | {b"xml"})
    _check_prefixes(root, tag.group(1), attributes, declares=True)
    if tag.group(1).startswith(root.table + b":"):
        raise _Unsure
    last = content.rfind(b"<")
    end = _END_OF_DOCUMENT.match(content, last) if last >= root.end else None
    if end is None or end.group(1) != root.name:
        raise _Unsure
    return root, declaration_end


def _interesting(content: bytes, root: Root) -> tuple[list[Interesting], int, int]:
    """The interesting cells in document order, the end of the last tag a hit was classified in, and the end of
    the last formula passed over as having its result."""
    cells: dict[int, Interesting | None] = {}
    last_in_tag = root.end
    last_passed = root.end
    hits: list[int] = []
    at = content.find(_SPANNED, root.end)
    while at != -1:
        hits.append(at)
        at = content.find(_SPANNED, at + len(_SPANNED))
    first = content.find(b":formula", root.end)
    if first != -1:
        saved = _saved_result_pattern(re.escape(root.table), re.escape(root.office))
        for match in _formula_pattern(root.office).finditer(content, first):
            start = content.rfind(b"<", root.end, match.start())
            if start == -1 or saved.match(content, start) is None:  # the result may come before the formula
                hits.append(match.start())
        # The check for a declaration must cover the whole tag of the last formula the pattern passed over:
        # the last formula of all stands for it (one search back from the end).
        last = content.rfind(b":formula", first)
        start = content.rfind(b"<", root.end, last)
        tag = _TAG.match(content, start) if start != -1 else None
        last_passed = tag.end() if tag is not None and tag.end() > last else len(content)
    hits.sort()
    for hit in hits:
        start = content.rfind(b"<", root.end, hit)
        if start == -1 or start in cells:
            continue
        if content[start + 1 : start + 2] == b"/":  # an end tag holds no attribute: the hit is in text after it
            if not 0 <= content.find(b">", start, hit) < hit:
                raise _Unsure
            continue
        tag = _TAG.match(content, start)
        if tag is None:
            raise _Unsure
        if tag.end() <= hit:  # in the text after the tag
            continue
        found = _classify(root, content[start : tag.end()])
        cells[start] = Interesting(start, *found) if found is not None else None
        last_in_tag = max(last_in_tag, tag.end())
    return [cell for _, cell in sorted(cells.items()) if cell is not None], last_in_tag, last_passed


@lru_cache(maxsize=4096)  # the same tag row after row (a formula copied down) is classified once
def _classify(root: Root, text: bytes) -> tuple[int, int, bool] | None:
    """The spans of the cell the start tag ``text`` opens, and whether its formula lacks a result, if it is
    interesting as the walk's ``start`` handler decides."""
    tag = _TAG.fullmatch(text)
    if tag is None:
        raise _Unsure
    attributes = _attributes(tag)
    _check_prefixes(root, tag.group(1), attributes)
    if tag.group(1) != root.table + b":table-cell":
        return None
    table = root.table + b":"
    rows = number(_value(attributes, table + b"number-rows-spanned"))
    columns = number(_value(attributes, table + b"number-columns-spanned"))
    office = root.office + b":"
    kind = _value(attributes, office + b"value-type")  # a saved result, as the walk's _has_result decides
    result = kind is not None and (kind == "string" or any(office + name in attributes for name in _RESULT_VALUES))
    formula = table + b"formula" in attributes and not result
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
    clean too. Otherwise the row tags are read one by one.
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
        self.tables = _tag_pattern(prefix, b"table")
        self.rows = _tag_pattern(prefix, b"table-row")  # not table-rows or table-row-group: the walk ignores those
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
        at, first = self.root.end, 0
        while first < len(cells):
            self._tables(at, starts[first])
            at = starts[first]
            if self.inside != 1:
                first += 1
                continue
            # The cells read before the next table tag (usually all the rest) are placed together.
            following = starts[-1] + 1
            if self._may_have_table_tag(at, starts[-1]) and (found := self.tables.search(self.content, at, following)):
                following = found.start()
            last = bisect_left(starts, following, first + 1)
            placed.extend(zip(cells[first:last], self._run(starts[first:last]), strict=True))
            at, first = starts[last - 1], last
        return placed

    def _run(self, cells: list[int]) -> list[Cell]:
        """The positions of cells read with no table tag between them (their tags' starts given, in order)."""
        rows, lower = [], self.clean
        for cell in cells:
            lower = self._last_row_start(lower, cell)
            rows.append(lower)
        placed = []
        for cell, row_start in zip(cells, rows, strict=True):
            self.row += self._count_rows(self.clean, row_start)
            self.clean = row_start
            placed.append(self._in_row(row_start, cell))
        return placed

    def _tables(self, start: int, end: int) -> None:
        """Replay the table start and end tags between; a start read makes its tag's end the clean point."""
        at = start
        while at < end:
            if self.inside == 1 and not self._may_have_table_tag(at, end):
                return
            found = self.tables.search(self.content, at, end)
            if found is None:
                return
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
        tag = _TAG.match(self.content, found.start() - 1)
        if tag is None:
            raise _Unsure
        attributes = _attributes(tag)
        _check_prefixes(self.root, tag.group(1), attributes)
        name = _value(attributes, self.root.table + b":name")
        self.inside = 1 if name == self.sheet and self.inside == 0 else -1
        self.row, self.clean = 0, tag.end()
        if tag.group(3):
            self.inside = 2 if self.inside == 1 else 0
        return tag.end()

    def _last_row_start(self, start: int, end: int) -> int:
        """The last row start tag between: the row the cell is in (``_Unsure`` for a cell in none)."""
        at = self.content.rfind(self.row_start, start, end)
        while at != -1 and self.content[at + len(self.row_start)] not in b" \t\r\n/>":
            at = self.content.rfind(self.row_start, start, at)
        if at == -1:
            raise _Unsure
        return at

    def _count_rows(self, start: int, end: int) -> int:
        """What the walk adds to the row between two clean points (``end`` proven clean, or ``_Unsure``). A row
        that repeats (a run of blank rows, say) counts its repeat if it is clean and holds no row."""
        added, at, content = 0, start, self.content
        while (found := content.find(b"rows-repeated", at, end)) != -1:
            row = content.rfind(self.row_start, at, found)
            tag = _TAG.match(content, row) if row != -1 else None
            if tag is None or not tag.start(2) <= found < tag.end(2) or tag.group(1) != self.row_start[1:]:
                break  # not a row's attribute (a cell's text, say): read the rows one by one
            counted = self._counted(at, row)
            if counted is None:
                break
            repeat = number(_value(_attributes(tag), self.root.table + b":number-rows-repeated"))
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
            raise _Unsure
        return added

    def _in_row(self, start: int, end: int) -> tuple[int, int]:
        """The walk's row and column at ``end``, in the row whose start tag is at ``start``."""
        repeat, closed, after = self._row_tag(start)
        if self.content.find(self.row_end, after, end) != -1:  # the row ended before the cell: rare, not followed
            raise _Unsure
        return self.row + (repeat if closed else 0), self._columns(after, end)

    def _row_tag(self, start: int) -> tuple[int, bool, int]:
        """A row start tag's repeat, whether it closes itself, and where it ends."""
        tag = _TAG.match(self.content, start)
        if tag is None:
            raise _Unsure
        repeat = 1
        if b"rows-repeated" in tag.group(2):
            repeat = number(_value(_attributes(tag), self.root.table + b":number-rows-repeated"))
        return repeat, bool(tag.group(3)), tag.end()

    def _columns(self, start: int, end: int) -> int:
        """The walk's column at ``end``: the cells started since the row's start tag, with their repeats."""
        if self.content.find(b"columns-repeated", start, end) == -1:
            return len(self.cell_starts.findall(self.content, start, end))
        repeated = self.root.table + b":number-columns-repeated"
        column = 0
        for found in self.cell_starts.finditer(self.content, start, end):
            tag = _TAG.match(self.content, found.start())
            if tag is None:
                raise _Unsure
            column += number(_value(_attributes(tag), repeated))
        return column


def number(value: str | None) -> int:
    """A repeat or span as the walk reads it: at least 1, and 1 for anything ``int`` refuses."""
    try:
        return max(1, int(value if value is not None else "1"))
    except ValueError:
        return 1


def _attributes(tag: re.Match[bytes]) -> dict[bytes, bytes]:
    """The tag's attributes by qualified name, each value with its quotes; ``_Unsure`` for one given twice."""
    found = _ATTR.findall(tag.string, tag.start(2), tag.end(2))
    attributes = dict(found)
    if len(attributes) != len(found):
        raise _Unsure
    return attributes


def _check_prefixes(root: Root, name: bytes, attributes: dict[bytes, bytes], declares: bool = False) -> None:
    """Every prefix in the tag bound on the root (expat refuses an unbound one); no declaration but the root's."""
    if not _prefixes_bound(root.bound, (name, *attributes), declares):
        raise _Unsure


@lru_cache(maxsize=1024)  # tags of one kind repeat their names row after row
def _prefixes_bound(bound: frozenset[bytes], names: tuple[bytes, ...], declares: bool) -> bool:
    for index, qualified in enumerate(names):
        prefix, colon, local = qualified.partition(b":")
        if qualified == b"xmlns" or prefix == b"xmlns":
            if declares and index > 0:
                continue
            return False
        if colon and (prefix not in bound or not local or b":" in local):
            return False
    return True


def _value(attributes: dict[bytes, bytes], name: bytes) -> str | None:
    quoted = attributes.get(name)
    return None if quoted is None else _decoded(quoted)


def _decoded(quoted: bytes) -> str:
    """The value expat gives for a quoted attribute value: references replaced, white space normalised."""
    inner = quoted[1:-1]
    if b"&" not in inner and b"\t" not in inner and b"\n" not in inner and b"\r" not in inner:
        try:
            return inner.decode("utf-8")
        except UnicodeDecodeError:
            raise _Unsure from None
    return _expat_value(quoted)


@lru_cache(maxsize=256)
def _expat_value(quoted: bytes) -> str:
    values: list[str] = []
    parser = expat.ParserCreate("utf-8")
    parser.StartElementHandler = lambda _name, attributes: values.append(attributes["v"])
    try:
        parser.Parse(b"<a v=" + quoted + b"/>", True)
    except expat.ExpatError:
        raise _Unsure from None
    return values[0]


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


def _formula_pattern(office: bytes) -> re.Pattern[bytes]:
    """A ``:formula`` unless its value is followed, in the same tag, by a saved result (no Python per formula
    passed over: a LibreOffice sheet numbered with =ROW()-1 in every row costs the pattern's search alone)."""
    o = re.escape(office)
    # LibreOffice's order first (the type, then its value, right after the formula): ten times cheaper to
    # try than the general form, where the two may come in any order among the tag's other attributes.
    written = rb"=\"[^\"<]*\" " + o + rb":value-type=\"(?:string\"|[^\"<]*\" " + o + rb":" + _RESULT + rb"=\")"
    return re.compile(rb":formula(?!" + written + rb"|=\"[^\"<]*\"" + _saved_result(o) + rb")")


def _saved_result_pattern(prefix: bytes, office: bytes) -> re.Pattern[bytes]:
    """A table cell's start tag holding a saved result, wherever among its attributes (a span still has a hit of
    its own, so a formula passed over here is never a merged cell missed)."""
    return re.compile(rb"<" + prefix + rb":table-cell" + _saved_result(office))


def _saved_result(office: bytes) -> bytes:
    """Lookaheads for a saved result among the attributes that follow: a string type, or a type and a value."""
    before = rb"(?:" + _WS + rb"+" + _NAME + rb"=\"[^\"<]*\")*?" + _WS + rb"+" + office + rb":"
    return (
        rb"(?:(?=" + before + rb"value-type=\"string\")"
        rb"|(?=" + before + rb"value-type=\")(?=" + before + _RESULT + rb"=\"))"
    )


def _tag_pattern(prefix: bytes, local: bytes) -> re.Pattern[bytes]:
    """The start or end tag (group ``end``) of ``prefix:local`` and of nothing longer; the lookbehinds keep
    the long literal prefix that makes the search fast."""
    name = prefix + b":" + local
    return re.compile(name + rb"(?:(?<=</" + name + rb")" + _WS + rb"*(?P<end>>)|(?<=<" + name + rb")(?=[ \t\r\n/>]))")
