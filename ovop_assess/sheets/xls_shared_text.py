"""The text an ``.xls`` workbook's cells hold once calamine has copied each shared string into every cell using it.

An ``.xls`` (BIFF8) keeps each text once, in the workbook's shared string
table (SST, with the CONTINUE records after it), and a text cell (LABELSST)
names it by its index. Calamine gives every such cell a copy of its own, in
every sheet as it opens the file, and python-calamine a Python string of its
own again: one text of 30,000 characters in 100,000 cells, a 1.5 MB file,
took 3 GB and aborted the run under a memory cap (no check of the cells'
extent or of the file's size sees it). So, as for an ``.xlsx``
(``shared_text``), the text the cells come to is held to
``--max-unpacked-bytes`` before calamine opens the file.

Counted as the UTF-8 bytes calamine's text may take, at most: three a
character, six for a two-byte one (read through a code page other than
UTF-16, it becomes two characters). An upper bound, never less.

Cheap for the usual workbook: the strings of fewer than 256 characters are
passed over by one regular expression (in C: 2 ms for 40,000 strings), the
few others one by one in Python; the longest string times the text cells
the stream can hold (14 bytes each) is a bound, far within the limit for
50,000 rows of names. Only past it is each string's length taken and each
cell counted at its string's (every place a LABELSST record could start:
more cells, never fewer).

The table is read as the BIFF8 format describes it (a string's count of
characters and flags, its characters continuing in the next CONTINUE record
after a flags byte of their own, its rich-text runs and phonetic data), as
calamine reads it; a table that ends early counts the strings read. A
workbook with more than one table has each index counted at its longest
over them (calamine keeps the last).
"""

from __future__ import annotations

import functools
import re
import struct
from array import array
from collections.abc import Iterator
from itertools import zip_longest

_SST, _CONTINUE, _EOF = 0x00FC, 0x003C, 0x000A
_HEADER = struct.Struct("<HH")
_STRING = struct.Struct("<HB")  # a string's count of characters, its flags
_HIGH_BYTE, _PHONETIC, _RICH = 0x01, 0x04, 0x08
# The UTF-8 bytes a character may come to in calamine: a one-byte character through the workbook's code page
# (1252: 0x80 is the euro sign, 3 bytes); a two-byte one read through a code page other than UTF-16 as two
# characters (an adversarial review: 65,535 counted characters became 393,210 bytes).
_NARROW_BYTES, _WIDE_BYTES = 3, 6
_TEXT_CELL = b"\xfd\x00"  # LABELSST's kind, as the stream writes it
_SMALLEST_CELL = 14  # its header (4 bytes), row, column, format (2 each) and string index (4)
_ISST = re.compile(rb"(?=\xfd\x00..(?:.{6})(.{4}))", re.DOTALL)  # every place one may start; its string's index


def _flags(wide: int) -> bytes:
    """A class of the flags bytes of a plain string, one byte (0) or two (1) a character: the other bits but
    phonetic data and rich text (a writer's unused bit, which calamine reads past) allowed. The bytes as they
    are, not escaped: none is one a class gives a meaning to (``]``, ``\\``, ``^``, ``-``), and parsing 512
    classes of escapes took half of the pattern's compiling (30 ms, in every process that reads an .xls)."""
    flags = bytes(flags for flags in range(256) if flags & 0x0D == wide)
    assert not set(flags) & set(b"]\\^-")
    return b"[" + flags + b"]"


# One branch per length below 256, one byte or two a character (the empty group marks that two-byte strings
# were passed): the strings a table of names holds, passed over in C. Atomic: never given back (a possessive
# repeat misreads before Python 3.11.5). (A literal flags byte in a first set of branches compiled faster, but
# sent each string of another flags byte through all of them first: five times slower on a hostile table.)
_NARROW_FLAGS, _WIDE_FLAGS = _flags(0), _flags(1)
_ONE_SHORT = (
    b"|".join(b"\\x%02x\\x00%s.{%d}" % (n, _NARROW_FLAGS, n) for n in range(256))
    + b"|(?:"
    + b"|".join(b"\\x%02x\\x00%s.{%d}" % (n, _WIDE_FLAGS, 2 * n) for n in range(256))
    + b")()"
)
_SHORT = re.compile(b"(?>(?:" + _ONE_SHORT + b")*)", re.DOTALL)


@functools.cache
def _each() -> re.Pattern[bytes]:
    """One short string (compiled when first needed: only a table over the quick bound asks)."""
    return re.compile(_ONE_SHORT, re.DOTALL)


_SHORT_MOST = 255


def xls_shared_text(stream: bytes, end: int, limit: int) -> int | None:
    """The bytes the workbook's text cells may come to with every shared string copied into each cell naming
    it (an upper bound), when that is over ``limit``; ``None`` when it is within (``stream``: the Workbook
    stream, ``end``: where its records end)."""
    tables = _tables(stream, end)
    if not tables:
        return None
    longest = max(_longest(segments) for segments in tables)
    # The text cells the stream can hold (a LABELSST record takes 14 bytes), then those it may hold (each
    # "FD 00" in it: the record's kind, anywhere), times the longest string: a bound, within the limit for the
    # usual workbook before the second is counted.
    if end // _SMALLEST_CELL * longest <= limit or stream.count(_TEXT_CELL, 0, end) * longest <= limit:
        return None
    # Each index at its longest over the tables: calamine keeps the last, a check need not know which. (An
    # array: 5 million strings in 16 MB would take 150 MB as a list of ints.)
    lengths = array("q", _lengths(tables[0]))
    for segments in tables[1:]:
        lengths = array("q", (max(pair) for pair in zip_longest(lengths, _lengths(segments), fillvalue=0)))
    count = len(lengths)
    total = 0
    for found in _ISST.finditer(stream, 0, end):
        index = int.from_bytes(found.group(1), "little")
        if index < count:
            total += lengths[index]
    return total if total > limit else None


def _tables(stream: bytes, end: int) -> list[list[bytes]]:
    """Each SST record's data and its CONTINUE records', from the workbook globals (before their EOF): a
    workbook may hold more than one, and calamine reads every one (an adversarial review)."""
    tables: list[list[bytes]] = []
    position = 0
    while position + 4 <= end:
        kind, size = _HEADER.unpack_from(stream, position)
        if kind == _EOF:
            break
        position += 4
        if kind != _SST:
            position += size
            continue
        segments = [stream[position + 8 : position + size]]  # after the counts of cells and of strings
        position += size
        while position + 4 <= end:
            kind, size = _HEADER.unpack_from(stream, position)
            if kind != _CONTINUE:
                break
            segments.append(stream[position + 4 : position + 4 + size])
            position += 4 + size
        tables.append(segments)
    return tables


def _longest(segments: list[bytes]) -> int:
    """The most bytes any string of the table may come to."""
    most, index, position = _SHORT_MOST * _NARROW_BYTES, 0, 0
    while index < len(segments):
        passed = _SHORT.match(segments[index], position)
        assert passed is not None  # (* matches)
        if passed.group(1) is not None:
            most = max(most, _SHORT_MOST * _WIDE_BYTES)
        position = passed.end()
        if position >= len(segments[index]) and index + 1 >= len(segments):
            break
        one = _one(segments, index, position)
        if one is None:
            break
        size, index, position = one
        most = max(most, size)
    return most


def _lengths(segments: list[bytes]) -> Iterator[int]:
    """Each string's bytes at most, in the table's order: a short one matched in C (its characters' bytes,
    one or two a character, times 3), the others read one by one."""
    index, position = 0, 0
    match = _each().match
    while True:
        while (short := match(segments[index], position)) is not None:
            yield 3 * (short.end() - position - 3)
            position = short.end()
        one = _one(segments, index, position)
        if one is None:
            return
        size, index, position = one
        yield size


def _one(segments: list[bytes], index: int, position: int) -> tuple[int, int, int] | None:
    """The string at ``position`` of segment ``index``: the bytes it may come to, and where the next starts;
    ``None`` where the table ends first."""
    reader = _Reader(segments, index, position)
    head = reader.take(3)
    if head is None:
        return None
    characters, flags = _STRING.unpack(head)
    after = 0
    if flags & _RICH:
        runs = reader.take(2)
        if runs is None:
            return None
        after += 4 * int.from_bytes(runs, "little")
    if flags & _PHONETIC:
        phonetic = reader.take(4)
        if phonetic is None:
            return None
        after += int.from_bytes(phonetic, "little")
    if not reader.characters(characters, 2 if flags & _HIGH_BYTE else 1) or not reader.skip(after):
        return None
    return characters * (_WIDE_BYTES if reader.wide else _NARROW_BYTES), reader.index, reader.position


class _Reader:
    """Bytes of the table read across its records: plain bytes, or characters, whose continuation in the next
    record starts with a flags byte of its own."""

    def __init__(self, segments: list[bytes], index: int, position: int) -> None:
        self.segments, self.index, self.position = segments, index, position
        self.wide = False  # some of the characters read were two bytes each

    def _next(self) -> bool:
        if self.index + 1 >= len(self.segments):
            return False
        self.index, self.position = self.index + 1, 0
        return True

    def take(self, count: int) -> bytes | None:
        taken = b""
        while len(taken) < count:
            segment = self.segments[self.index]
            if self.position >= len(segment):
                if not self._next():
                    return None
                continue
            piece = segment[self.position : self.position + count - len(taken)]
            taken += piece
            self.position += len(piece)
        return taken

    def skip(self, count: int) -> bool:
        while count:
            room = len(self.segments[self.index]) - self.position
            if room <= 0:
                if not self._next():
                    return False
                continue
            step = min(room, count)
            self.position += step
            count -= step
        return True

    def characters(self, count: int, width: int) -> bool:
        while count:
            self.wide = self.wide or width == 2
            room = (len(self.segments[self.index]) - self.position) // width
            if room <= 0:
                if not self._next():
                    return False
                segment = self.segments[self.index]
                if segment:
                    width, self.position = (2 if segment[0] & _HIGH_BYTE else 1), 1
                continue
            step = min(room, count)
            self.position += step * width
            count -= step
        return True
