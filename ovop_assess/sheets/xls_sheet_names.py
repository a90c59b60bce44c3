"""A sheet's name as an ``.xls`` workbook lists it (its BOUNDSHEET record), read before calamine opens the file.

Only to say which sheet a refusal is about: a workbook is refused as a whole
when any of its sheets reaches past the limits (calamine reads every sheet
as it opens the file), and the office must be told which one to shorten.
"""

from __future__ import annotations


def sheet_name(data: bytes, position: int, size: int, biff8: bool) -> str | None:
    """The name of the BOUNDSHEET record at ``position`` (its header included), or None where it is cut short.

    BIFF8: the sheet's offset (4 bytes), its state and type (1 each), then a
    short Unicode string (a count of characters, a flags byte whose bit 0
    marks two bytes a character). BIFF5: the count, then one byte a
    character in the workbook's code page (read here as Latin-1: a name
    to show, not to match).
    """
    start, end = position + 4, position + 4 + size
    if biff8:
        if size < 8:
            return None
        count, wide = data[start + 6], data[start + 7] & 1
        text = data[start + 8 : min(end, start + 8 + count * (2 if wide else 1))]
        return text.decode("utf-16-le" if wide else "latin-1", "replace") if len(text) == count * (1 + wide) else None
    if size < 7:
        return None
    count = data[start + 6]
    text = data[start + 7 : min(end, start + 7 + count)]
    return text.decode("latin-1") if len(text) == count else None
