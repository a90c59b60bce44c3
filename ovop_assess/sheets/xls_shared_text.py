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

Counted in characters, each at least a byte of calamine's text: a lower
bound of its bytes, so a refusal is never wrong (text of many-byte
characters may come to up to three times the limit, still bounded).

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
calamine reads it; a table that ends early counts the strings read.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator

_SST, _CONTINUE, _EOF = 0x00FC, 0x003C, 0x000A
_HEADER = struct.Struct("<HH")
_STRING = struct.Struct("<HB")  # a string's count of characters, its flags
_HIGH_BYTE, _PHONETIC, _RICH = 0x01, 0x04, 0x08
_TEXT_CELL = b"\xfd\x00"  # LABELSST's kind, as the stream writes it
_SMALLEST_CELL = 14  # its header (4 bytes), row, column, format (2 each) and string index (4)
_ISST = re.compile(rb"(?=\xfd\x00..(?:.{6})(.{4}))", re.DOTALL)  # every place one may start; its string's index
# One branch per length below 256, with flags 0 (one byte a character) or 1 (two): the strings a table of
# names holds, passed over in C. Atomic: never given back (a possessive repeat misreads before Python 3.11.5).
_SHORT = re.compile(
    b"(?>(?:"
    + b"|".join(
        [b"\\x%02x\\x00\\x00.{%d}" % (n, n) for n in range(256)]
        + [b"\\x%02x\\x00\\x01.{%d}" % (n, 2 * n) for n in range(256)]
    )
    + b")*)",
    re.DOTALL,
)
_SHORT_MOST = 255


def xls_shared_text(stream: bytes, end: int, limit: int) -> int | None:
    """The characters the workbook's text cells come to with every shared string copied into each cell naming
    it (at least), when that is over ``limit``; ``None`` when it is within (``stream``: the Workbook stream,
    ``end``: where its records end)."""
    segments = _table(stream, end)
    if segments is None:
        return None
    longest = _longest(segments)
    # The text cells the stream can hold (a LABELSST record takes 14 bytes), then those it may hold (each
    # "FD 00" in it: the record's kind, anywhere), times the longest string: a bound, within the limit for the
    # usual workbook before the second is counted.
    if end // _SMALLEST_CELL * longest <= limit or stream.count(_TEXT_CELL, 0, end) * longest <= limit:
        return None
    lengths = list(_lengths(segments))
    count = len(lengths)
    total = 0
    for found in _ISST.finditer(stream, 0, end):
        index = int.from_bytes(found.group(1), "little")
        if index < count:
            total += lengths[index]
    return total if total > limit else None


def _table(stream: bytes, end: int) -> list[bytes] | None:
    """The SST record's data and its CONTINUE records', from the workbook globals (before their EOF)."""
    position = 0
    while position + 4 <= end:
        kind, size = _HEADER.unpack_from(stream, position)
        if kind == _EOF:
            return None
        position += 4
        if kind == _SST:
            segments = [stream[position + 8 : position + size]]  # after the counts of cells and of strings
            position += size
            while position + 4 <= end:
                kind, size = _HEADER.unpack_from(stream, position)
                if kind != _CONTINUE:
                    break
                segments.append(stream[position + 4 : position + 4 + size])
                position += 4 + size
            return segments
        position += size
    return None


def _longest(segments: list[bytes]) -> int:
    """The most characters of any string of the table."""
    most, index, position = _SHORT_MOST, 0, 0
    while index < len(segments):
        position = _SHORT.match(segments[index], position).end()  # type: ignore[union-attr]  # (* matches)
        if position >= len(segments[index]) and index + 1 >= len(segments):
            break
        one = _one(segments, index, position)
        if one is None:
            break
        characters, index, position = one
        most = max(most, characters)
    return most


def _lengths(segments: list[bytes]) -> Iterator[int]:
    """Each string's count of characters, in the table's order."""
    index, position = 0, 0
    while (one := _one(segments, index, position)) is not None:
        characters, index, position = one
        yield characters


def _one(segments: list[bytes], index: int, position: int) -> tuple[int, int, int] | None:
    """The string at ``position`` of segment ``index``: its count of characters, and where the next starts;
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
    return characters, reader.index, reader.position


class _Reader:
    """Bytes of the table read across its records: plain bytes, or characters, whose continuation in the next
    record starts with a flags byte of its own."""

    def __init__(self, segments: list[bytes], index: int, position: int) -> None:
        self.segments, self.index, self.position = segments, index, position

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
