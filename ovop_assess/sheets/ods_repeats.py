"""How many cells calamine may allocate for an ``.ods``, bounded while ``content.xml`` is inflated.

Calamine reads every sheet of an ``.ods`` when it opens the file, and gives
each the rectangle from its first to its last row and to its widest row's
last value: a sheet of ten thousand one-cell rows and one row of ten
thousand cells costs a hundred million cells, 18 KB zipped; runs of
repeated rows or columns (``number-rows-repeated="1000"``) cost what they
repeat, however small each run. So before calamine opens the file this scan
bounds the rows and the width of every sheet together, from the bytes:

- rows: every ``<table:table-row`` start, plus what each repeated row adds,
  save a run of empty rows that ends its sheet (LibreOffice's million empty
  rows below the list, which calamine does not keep); a row runs from its
  start to the next row's start;
- width: the most cells of a row, its bytes divided by the shortest a cell
  can be written (``<table:table-cell/>``, 19 bytes), or for a row longer
  than 4 KiB its cell tags counted (a long text makes no cell), plus what
  its repeated cells add, save the empty run LibreOffice ends a row with
  (``number-columns-repeated="16374"/></table:table-row>``: nothing follows
  it, calamine keeps none of it).

:meth:`RepeatScan.vouches` says whether rows times width stays within what
the caller allows; when it does not, or when the scan cannot vouch for its
reading of the bytes, ``ods_extent`` counts calamine's cells exactly with
expat, which refuses what is not well-formed XML. The scan cannot vouch for
a row start that does not follow a row's end (a row inside a cell, which
calamine skips, would otherwise cut its row in two), a comment, CDATA or
processing instruction (``<!``, ``<?``), a repeat not written
``="digits"``, a repeat in a tag it cannot read as an XML parser does (a
``<`` inside a value), or a row longer than ``_LONGEST_ROW``.

What it does not catch (the tool's own reading, not closed): content that
is not well-formed XML in a way quick-xml, calamine's parser, lets through
and the scan does not look for. A row end written inside a cell that
calamine skips (``</table:table-row>`` with no row open there, followed by
a row start) cuts a row in two for the scan but not for calamine; such a
file of a thousand bytes can still make calamine allocate gigabytes.
Checking every file with an XML parser would close it, at about the cost
of calamine's own read. The bound is checked against calamine's allocation
on generated well-formed contents by tests/sheets/test_ods_repeats.py.

A run of more than a thousand rows or columns that carries a value is also
checked alone (``check(rows, columns)``), so that its message names it.

The content comes in pieces as it is inflated (a 10,000-row sheet's
``content.xml`` is 12 MB: a piece is scanned while it is in the processor's
cache); each piece is scanned up to its last row start, the rest carried
into the next. Every pass over a piece is one C search (``split``, ``count``, a
compiled pattern), and Python runs only for the repeats, spans and odd row
ends found, so a 10,000-row sheet costs about as the one-run-at-a-time check
it replaced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate, compress, filterfalse
from operator import methodcaller

_ROW_END = b"</table:table-row>"
_ROW_START = b"<table:table-row"
_TABLE_END_TAG = re.compile(rb"</table:table[ \t\r\n]*>")  # as XML allows: spaces before the ">"
_TABLE_START_TAG = re.compile(rb"<table:table[ \t\r\n>/]")
_CELL_BYTES = len(b"<table:table-cell/>")
_COUNTED_PAST = 4096
"""A row longer than this in bytes has its cell tags counted, not its bytes divided (a long note in a cell)."""
_FORMULA = b":formula"
_MOST_EMPTY = 1000
"""A run of this many or fewer is not checked alone (the bound counts it)."""
_LONGEST_ROW = 4 << 20
"""A row (or the start of the content before the first row start) longer than this is left to the exact count:
carrying it from piece to piece would copy it again for each piece."""

# A row start tag is its part's first bytes: LibreOffice's longest (a style, a repeat, a cell style, then the
# visibility) is about a hundred. Searched within those alone (5.5 ms for 10,000 rows, against 8 ms for a
# search of the whole content): a visibility further into a hand-made tag is not seen, and its rows are read
# without the warning (the tool's own reading).
_VISIBILITY_IN_TAG = methodcaller("find", b"visibility", 0, 192)
_ENDS_ROW = methodcaller("endswith", (_ROW_END, _ROW_END + b"<table:soft-page-break/>"))
# Every "number-" but LibreOffice's empty end of a row: any other repeat, a span, or a style's "number-".
_NOT_ROW_TAIL = re.compile(
    rb'number-(?:(?<!<table:table-cell table:number-)|(?!columns-repeated="[0-9]{1,9}"/></table:table-row>))'
)
_RUN = re.compile(rb'number-(rows|columns)-(repeated|spanned)(?:="([0-9]{1,18})")?')
_CELL, _COVERED_CELL, _ROW = b"table:table-cell", b"table:covered-table-cell", b"table:table-row"
_SPACE = rb"[ \t\r\n]"
_ATTRIBUTE = _SPACE + rb"+[^\s/<>=\"']+" + _SPACE + rb"*=" + _SPACE + rb"*(?:\"[^\"<]*\"|'[^'<]*')"
_BEFORE_ATTRIBUTE = re.compile(rb"<([^\s/<>=\"']+)(?:" + _ATTRIBUTE + rb")*" + _SPACE + rb"+(?:[^\s/<>=\"':]*:)?")
_AFTER_ATTRIBUTE = re.compile(rb"(?:" + _ATTRIBUTE + rb")*" + _SPACE + rb"*(/?)>")
_SPACES_NAME = b"text:c"
_SPACES = re.compile(rb"text:c" + _SPACE + rb"*=" + _SPACE + rb"*(?:([\"'])([^\"'<]*)\1)?")
_NO_END = 1 << 62
_TAIL_VALUES = (b"office:", b"formula", b"<table:table ", b"<table:table>")
_VALUES = (b"value", b"formula")  # office:value, value-type, string-value…; table:formula: what calamine keeps


class RepeatScan:
    """Feed :meth:`feed` the content's pieces in order, then call :meth:`close`; then ask :meth:`vouches`.

    ``check(rows, columns)`` is called for each run of more than a thousand
    rows or columns that carries a value, and refuses the file by raising.
    ``may_have_cells`` tells whether the content may hold a merged range,
    a formula or a hidden row (a cheap test, which may over-report);
    ``hidden`` whether a row start tag may set its visibility.
    """

    def __init__(self, check: Callable[[int, int], None]) -> None:
        self._check = check
        self._carry = b""
        self._first = True  # the next region starts the content (no row start before it)
        self._rows = 0
        self._width = 0
        self._unsure = False
        self._pending = 0  # empty repeated rows whose sheet had not ended where their region did
        self._bytes = 0  # the content's bytes
        self._copied = 0  # the bytes the repeats of cells and rows holding values add, as written
        self.may_have_cells = False
        self.spans = False  # whether a merged range's span was seen (or may have been, in a row too long to look at)
        self.hidden = False  # whether a row start tag may set its visibility (a hidden or filtered row)
        self.unclosed = False  # (after close) the last sheet is never closed: calamine reads on for ever

    def feed(self, piece: bytes) -> None:
        self._bytes += len(piece)
        data = self._carry + piece if self._carry else piece
        cut = data.rfind(_ROW_START)
        if cut <= 0:
            self._carry = data
            if len(data) > _LONGEST_ROW:  # left to the exact count; what it holds is not looked for
                self._unsure, self.may_have_cells, self.spans, self.hidden = True, True, True, True
                self._carry = data[-len(_ROW_START) :]
            return
        self._carry = data[cut:]
        self._region(data[:cut], last=False)

    def close(self) -> None:
        tail = self._carry
        self._region(tail, last=True)
        self._carry = b""
        self.unclosed = _last_table_unclosed(tail)

    def bound(self) -> int | None:
        """The most cells calamine can allocate for all the sheets together, or ``None`` when the scan cannot
        vouch for its reading (after :meth:`close`)."""
        return None if self._unsure else self._rows * self._width

    def text_bytes(self) -> int:
        """The content's bytes with every repeat of a cell or row that holds a value written out: what bounds
        the text calamine copies for each repeat (a cell's 20 KB text repeated a thousand columns in a row
        repeated a thousand times: 20 GB from 905 bytes), and each run of spaces ``<text:s text:c="N"/>`` as
        the N bytes calamine writes it out to."""
        return self._bytes + self._copied

    def doubtful(self, most: int, text: int) -> bool:
        """Whether the scan so far already rules out vouching for ``most`` cells and ``text`` bytes (the bound
        and the text only grow): the content will be refused or counted exactly, whatever follows."""
        return self._unsure or self._rows * self._width > most or self.text_bytes() > text

    def vouches(self, most: int) -> bool:
        """Whether calamine allocates at most ``most`` cells, as far as the scan can tell; ``False`` sends the
        content to the exact count."""
        bound = self.bound()
        return bound is not None and bound <= most

    def _region(self, region: bytes, last: bool) -> None:
        """Bound ``region``: whole rows, each from its start to the next row's start (or to the content's end,
        ``last``); the first region starts with what comes before the first row."""
        first, self._first = self._first, False
        if not self.may_have_cells:
            self.may_have_cells = _FORMULA in region
        if self._pending:
            tail = _empty_to_sheet_end(region, 0)
            if tail is not None or last:  # decided: the sheet ended with no value (free), or with one
                self._rows += 0 if tail else self._pending
                self._pending = 0
        self._markup(region, first)
        spaces = _spaces(region, 0, len(region)) if _SPACES_NAME in region else 0
        self._copied += spaces  # a run of spaces written as one (<text:s text:c="N"/>): N bytes once read
        rows = region.split(_ROW_START)
        del rows[0]  # before the first row start: the content's start, or nothing (a region starts at a row)
        self._rows += len(rows)
        # A row start must come after a row's end: else it is a row inside a cell (calamine skips it), which
        # cuts its row in two here. Row groups and runs of rows (<table:table-row-group, <table:table-rows)
        # start with the same bytes and end no row.
        followed = rows if not last else rows[:-1]
        for odd in filterfalse(_ENDS_ROW, followed) if not self._unsure else ():
            if _ROW_END not in odd and not odd.startswith((b"-group", b"s>", b"s ", b"s\t", b"s\r", b"s\n")):
                self._unsure = True
                break  # (one is enough: 7 million nested row starts took 11 s to look at one by one)
        if not self.hidden and rows and max(map(_VISIBILITY_IN_TAG, rows)) >= 0:
            self.hidden = self.may_have_cells = True  # (ods_cells' walk places the hidden rows)
        lengths = list(map(len, rows))
        longest = max(lengths, default=0)
        if longest > _LONGEST_ROW:
            self._unsure = True
        # A row's cells: its bytes over the shortest a cell can be written, or for a long row (a long text in
        # a cell, say) its cell tags counted: text makes no cell.
        cells: dict[int, int] = {}
        if longest > _COUNTED_PAST:  # (rare: the usual region has none, and costs no more than its max)
            long = compress(range(len(rows)), map(_COUNTED_PAST.__lt__, lengths))
            cells = {i: rows[i].count(b"<table:table-cell") + rows[i].count(b"<table:covered-table-cell") for i in long}
            longest = max(filter(_COUNTED_PAST.__ge__, lengths), default=0)
        width = max(longest // _CELL_BYTES, *cells.values(), 0) + 1
        if _NOT_ROW_TAIL.search(region) is not None:
            added = self._runs(region, spaces)
            if added:  # each repeat adds its cells to the row it is in, and its text (see text_bytes)
                starts = list(accumulate(len(part) + len(_ROW_START) for part in region.split(_ROW_START)))
                cells_of: dict[int, int] = {}
                bytes_of: dict[int, int] = {}
                repeat_of: dict[int, int] = {}
                for at, count, cell_bytes in added:
                    row: int = bisect_right(starts, at) - 1  # rows[i] is the part after starts[i]
                    if row < 0:
                        continue  # a cell before the first row: calamine reads none
                    if count < 0:
                        repeat_of[row] = -count
                    else:
                        cells_of[row] = cells_of.get(row, 0) + count
                        bytes_of[row] = bytes_of.get(row, 0) + count * cell_bytes
                for row, count in cells_of.items():
                    width = max(width, cells.get(row, lengths[row] // _CELL_BYTES) + 1 + count)
                for row in bytes_of.keys() | repeat_of.keys():
                    written = lengths[row] + (spaces and _spaces(rows[row], 0, lengths[row]))
                    self._copied += (written + bytes_of.get(row, 0)) * (1 + repeat_of.get(row, 0)) - written
        self._width = max(self._width, width)

    def _runs(self, region: bytes, spaces: int) -> list[tuple[int, int, int]]:
        """Check the runs of ``region`` and count the rows they add; return where each repeat of cells or rows
        is, how many cells (columns) or rows it adds (rows: negative), and how many bytes the cell is written in
        (calamine copies its text for each repeat)."""
        added: list[tuple[int, int, int]] = []
        for match in _RUN.finditer(region):
            kind, what, digits = match.groups()
            if what == b"spanned":
                self.may_have_cells = self.spans = True
                continue
            if digits is None:
                self._unsure = True  # '…', = "…", &#…;, +…, or more digits than a run can hold
                continue
            count = int(digits)
            if count <= 1:
                continue
            # The tag around the repeat, read as an XML parser reads it: a name, attributes with quoted values
            # holding no "<", then this one. Anything else (a "<" inside a value, which calamine's parser reads
            # as text) leaves the scan unsure.
            opened = region.rfind(b"<", 0, match.start())
            before = _BEFORE_ATTRIBUTE.fullmatch(region, opened, match.start()) if opened >= 0 else None
            after = _AFTER_ATTRIBUTE.match(region, match.end())
            if before is None or after is None:
                self._unsure = True
                continue
            if before.group(1) not in ((_CELL, _COVERED_CELL) if kind == b"columns" else (_ROW,)):
                continue  # a column's style repeated, say: calamine reads repeats on cells and rows alone
            tag = region[opened : after.end()]
            if kind == b"columns":
                if after.group(1) and region.startswith(_ROW_END, after.end()) and not _valued(tag):
                    continue  # an empty run ending its row: calamine keeps none of it
                content_end = after.end() if after.group(1) else region.find(b"</table:", after.end())
                content_end = content_end if content_end >= 0 else len(region)
                cell_bytes = content_end - opened + (spaces and _spaces(region, opened, content_end))
                added.append((match.start(), count - 1, cell_bytes))
                if count > _MOST_EMPTY:
                    self._check(1, count)
                continue
            # The row is everything up to the next row's start: a row end before that may be inside a cell.
            row_end = region.find(_ROW_START, after.end())
            row = region[opened : row_end if row_end >= 0 else len(region)]
            last_end = row.rfind(_ROW_END)
            if _valued(row):
                self._rows += count - 1
                added.append((match.start(), -(count - 1), 0))  # its text copied for each repeat
                if count > _MOST_EMPTY:
                    self._check(count, 1)
            elif last_end < 0:
                self._rows += count - 1
            else:  # empty rows: calamine keeps them between rows, not after a sheet's last value
                tail = _empty_to_sheet_end(region, opened + last_end + len(_ROW_END))
                if tail is None:
                    self._pending += count - 1  # the sheet goes on in the next region
                elif not tail:
                    self._rows += count - 1
        return added

    def _markup(self, region: bytes, first: bool) -> None:
        """A comment, CDATA or processing instruction (the XML declaration at the start apart)."""
        start = 0
        if first and region.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")):
            start = region.find(b"?>") + 2
        for mark in (b"!", b"?"):
            at = region.find(mark, start)
            while at >= 0 and not self._unsure:
                if at > 0 and region[at - 1] == 0x3C:  # "<"
                    self._unsure = True
                at = region.find(mark, at + 1)


def _last_table_unclosed(tail: bytes) -> bool:
    """Whether a sheet opened in ``tail`` (the content from its last row start on) has no end tag after it: a
    misspelt ``</table:table>`` made calamine read on past the content's end and never return (5 minutes of
    the child's CPU; an adversarial review). A table opened further up and never closed is not looked for;
    the child's CPU cap stops that one."""
    closed = max((found.start() for found in _TABLE_END_TAG.finditer(tail)), default=-1)
    opened = max((found.start() for found in _TABLE_START_TAG.finditer(tail)), default=-1)
    if opened > closed:  # a sheet started after the last end: unclosed, unless written <table:table …/>
        return tail.find(b"/>", opened) != tail.find(b">", opened) - 1
    return closed < 0 and tail.startswith(_ROW_START)  # a last row, and no sheet's end after it


def _empty_to_sheet_end(region: bytes, start: int) -> bool | None:
    """Whether nothing calamine reads as a value comes after ``start`` up to the sheet's end: ``None`` when the
    region ends first. A table starting there (one inside a cell: its end is not the sheet's) counts as a
    value; so does anything in the ``office`` namespace (a value attribute, an annotation), conservatively."""
    end = region.find(b"</table:table>", start)
    stretch = region[start : end if end >= 0 else len(region)]
    if any(marker in stretch for marker in _TAIL_VALUES):
        return False
    return True if end >= 0 else None


def _spaces(data: bytes, start: int, end: int) -> int:
    """The spaces written as runs (``<text:s text:c="N"/>``) in ``data[start:end]``: calamine writes each run
    out. A count not written as plain digits (``&#49;…``) counts as more than any limit."""
    total = 0
    for match in _SPACES.finditer(data, start, end):
        value = match.group(2)
        if value is not None:  # (no quoted value: no attribute, the words in a text)
            total += int(value) if value.isdigit() and len(value) <= 18 else _NO_END
    return total


def _valued(text: bytes) -> bool:
    return any(marker in text for marker in _VALUES)
