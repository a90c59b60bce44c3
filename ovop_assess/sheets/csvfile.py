"""A CSV file as rows of text cells: UTF-8 with or without a BOM, ``,``, ``;`` or tab separated.

Excel in an Indonesian locale writes ``;`` between fields (the comma is the
decimal mark there), in English ``,``; the separator is the one of these the
header line uses most, outside quotes. Excel's own ``sep=;`` first line is
honoured. Any encoding other than UTF-8 (Excel's plain "CSV" is Windows-1252,
its "Unicode text" UTF-16) is refused with how to save it as UTF-8: guessing
an 8-bit encoding would silently change letters in names.
"""

from __future__ import annotations

import csv
import io
import itertools

from ..results import Finding, Location, Message
from .limits import SheetLimits, SheetRefused

_SEPARATORS = (";", ",", "\t")


def _refuse(key: str, where: Location, **values: object) -> SheetRefused:
    return SheetRefused((Finding(Message(key, values), where),))


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        raise _refuse("sheet.csv_not_utf8", Location("", 1, 1))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _refuse("sheet.csv_not_utf8", Location("", line, None)) from None


def separator(line: str) -> str:
    """The separator the header line uses most outside quotes (``,`` when it has none)."""
    counts = dict.fromkeys(_SEPARATORS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def csv_rows(raw: bytes, limits: SheetLimits) -> list[list[str]]:
    """The rows of the file, header first (Excel hides a ``sep=`` line, so the header stays row 1)."""
    text = decode(raw)
    first_end = text.find("\n")
    first = (text if first_end < 0 else text[:first_end]).rstrip("\r")
    if first.lower().startswith("sep=") and len(first) == 5:
        sep = first[4]
        text = text[first_end + 1 :] if first_end >= 0 else ""
    else:
        sep = separator(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[list[str]] = []
    cells = 0
    try:
        # A thousand rows at a time, read in C: the limits are checked as they are reached,
        # so a file of nothing but separators never holds more than max_cells cells (plus one chunk).
        while chunk := list(itertools.islice(reader, _CHUNK)):
            rows += chunk
            cells += sum(map(len, chunk))
            if len(rows) > limits.max_rows:
                raise _refuse(
                    "sheet.too_many_rows", Location("", None, None), rows=f"{limits.max_rows}+", limit=limits.max_rows
                )
            if cells > limits.max_cells:
                raise _refuse(
                    "sheet.too_many_cells",
                    Location("", None, None),
                    cells=f"{limits.max_cells}+",
                    limit=limits.max_cells,
                )
    except csv.Error as exc:
        raise _refuse("sheet.csv_unreadable", Location("", reader.line_num, None), reason=str(exc)) from None
    return rows


_CHUNK = 1000
