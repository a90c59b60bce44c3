"""Runs of repeated rows and columns in an ``.ods`` sheet, checked while ``content.xml`` is inflated.

LibreOffice writes the empty rest of a sheet as runs: each row ends with
one empty cell repeated to the sheet's last column (16,374 times for ten
columns), and the sheet with one empty row repeated a million times.
Calamine expands a run into that many cells, so a run of more than a
thousand that carries a value (a ``value-type``, or a ``<text:p>``) is
checked against the limits before calamine reads the sheet; an empty run
costs nothing and is passed over.

The content comes in pieces as it is inflated (:class:`RepeatScan`), and
each piece is scanned while it is in the processor's cache: a 10,000-row
sheet's ``content.xml`` is 12 MB, and inflating it into one buffer took
twice as long as inflating and scanning it piece by piece, in fresh memory.
What a piece ends in the middle of (a tag, a repeated row's content) is
carried into the next one; a run whose tag is cut so that its start is
lost is checked as if it carried a value (only a tag longer than
``_LONGEST_TAG`` and a piece together can lose it; none is written so).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A run of four digits or more (fewer are never more than a thousand), and whether its tag ends right after it,
# as LibreOffice's empty runs do; or a merged range's span. One pass finds both: searching the content for
# each marker on its own costs a pass over its 12 MB each (about 7 ms), and the pattern's literal start,
# "number-", keeps this one as fast as a plain search. A span is an attribute's name only: XML allows spaces
# before its "=" (``spanned = "2"``), which LibreOffice never writes.
_RUNS = re.compile(rb'number-(?:(rows|columns)-repeated="([0-9]{4,})"(/>)?|(?:rows|columns)-spanned)')
_ROW_END = b"</table:table-row>"
_VALUES = (b"value-type", b"<text:p")
_FORMULA = b":formula"
_MOST_EMPTY = 1000
"""A run of this many or fewer is never looked at: it cannot reach the limits' order of size."""
_OVERLAP = max(map(len, (_ROW_END, *_VALUES, _FORMULA, b"number-columns-spanned"))) - 1
"""Bytes kept from a piece's end, so that a marker cut in two by the pieces is found whole in the next."""
_LONGEST_TAG = 1 << 16
"""The most of a piece's end carried for an unfinished tag: a longer one is not waited for (see above)."""


class RepeatScan:
    """Feed :meth:`feed` the content's pieces in order, then call :meth:`close`.

    ``check(rows, columns)`` is called for each run of more than a thousand
    rows or columns that carries a value, and refuses the file by raising;
    it may be called twice for one run (a tag carried into the next piece).
    ``may_have_cells`` tells afterwards whether the content may hold a
    merged range or a formula (a cheap test, which may over-report).
    """

    def __init__(self, check: Callable[[int, int], None]) -> None:
        self._check = check
        self._carry = b""
        self._rows: list[int] = []  # repeated rows whose content is not known yet to carry a value or not
        self.may_have_cells = False

    def feed(self, piece: bytes) -> None:
        self._scan(self._carry + piece if self._carry else piece, final=False)

    def close(self) -> None:
        self._scan(self._carry, final=True)
        self._carry = b""

    def _scan(self, data: bytes, final: bool) -> None:
        if not self.may_have_cells:
            self.may_have_cells = _FORMULA in data
        size = len(data)
        # Carried into the next piece: from the last tag's start (it may be unfinished), and the overlap.
        keep = size if final else max(0, min(_tag_start(data, size), size - _OVERLAP))
        searched = 0  # where the pending rows' markers are looked for from
        for match in _RUNS.finditer(data):
            kind, digits, closed = match.groups()
            if kind is None:
                self.may_have_cells = True
                continue
            if int(digits) <= _MOST_EMPTY:
                continue
            start = match.start()
            if closed and kind == b"columns" and not self._rows:
                # The run LibreOffice ends every row with, 10,000 times in 10,000 rows: passed over at once
                # when no value type comes before it in its tag (what the general case below decides too).
                opened = data.rfind(b"<", 0, start)
                if opened >= 0 and data.find(b"value-type", opened, start) < 0:
                    continue
            searched = self._settle(data, searched, start)
            end = data.find(b">", match.end(2) + 1)  # after the value's closing quote
            if end < 0 and not final:  # the tag goes on in the next piece: carried whole
                keep = min(keep, _tag_start(data, start))
                break
            count = int(digits)
            opened = data.rfind(b"<", 0, start)
            rows = kind == b"rows"
            if end < 0 or opened < 0:  # an unfinished tag at the end, or one whose start is lost
                self._check(*((count, 1) if rows else (1, count)))
            elif not rows:
                if data[end - 1 : end] == b"/" and data.find(b"value-type", opened, end) < 0:
                    continue  # an empty run of cells
                self._check(1, count)
            else:
                # The rows pending before this one see its tag as their content; it sees what follows it.
                self._settle(data, searched, end)
                self._rows.append(count)
                searched = end
        self._settle(data, searched, max(keep, searched))
        self._carry = data[keep:]

    def _settle(self, data: bytes, start: int, end: int) -> int:
        """Decide the pending repeated rows by the first value or row end starting in ``data[start:end]`` (it
        may end past ``end``: one starting before a piece's overlap is whole in it); return ``end``."""
        if not self._rows or start >= end:
            return max(start, end)
        found = [at for at in (data.find(marker, start, end + len(marker) - 1) for marker in _VALUES) if at >= 0]
        closed = data.find(_ROW_END, start, end + len(_ROW_END) - 1)
        if found and (closed < 0 or min(found) < closed):
            for count in self._rows:
                self._check(count, 1)
            self._rows.clear()
        elif closed >= 0:
            self._rows.clear()  # empty runs of rows
        return end


def _tag_start(data: bytes, before: int) -> int:
    """Where the last tag starting before ``before`` starts, looked for within ``_LONGEST_TAG`` bytes."""
    opened = data.rfind(b"<", max(0, before - _LONGEST_TAG), before)
    return opened if opened >= 0 else before
