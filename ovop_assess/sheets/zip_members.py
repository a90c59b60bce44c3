"""A workbook archive's members read within their declared sizes, and the refusals every workbook check shares."""

from __future__ import annotations

import zipfile
import zlib
from typing import Any

from ..results import Finding, Location, Message
from .limits import SheetRefused

_NOWHERE = Location("", None, None)
_KINDS = {".xlsx": "Excel (.xlsx)", ".xls": "Excel 97-2003 (.xls)", ".ods": "OpenDocument (.ods)"}
# What inflating a member may raise for a damaged archive: zlib's own error among them (a few zeroed bytes in
# the deflated data: "invalid distance too far back"), which zipfile lets through.
INFLATE_ERRORS = (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError, RuntimeError)


def note(key: str, **values: Any) -> Message:
    return Message(key, values)


def refuse(key: str, where: Location = _NOWHERE, **values: Any) -> SheetRefused:
    return SheetRefused((Finding(note(key, **values), where),))


def corrupt(suffix: str, reason: str = "sheet.reason.damaged") -> SheetRefused:
    """The file is no workbook of its kind; ``reason`` a catalogue id (a library's own words are never shown)."""
    return refuse("sheet.corrupt", kind=_KINDS[suffix], reason=Message(reason, {}))


def member(archive: zipfile.ZipFile, name: str, suffix: str) -> bytes | None:
    """A member's bytes, inflating no more than the size the archive declares for it; ``None`` when there is
    none of that name.

    ``ZipFile.read`` inflates a member whole before it compares the size, so
    a member lying about its size would be inflated in full; a bounded read
    stops at the declared size, and the CRC then fails. calamine takes a
    member whose name differs only in case, or in ``\\`` for ``/``
    (``worksheets/Sheet1.xml`` named by workbook.xml.rels: every check of the
    sheet was passed over, and a cell at XFD1048576 aborted the process, an
    adversarial review), and of several such the last one, even where one has
    the exact name (a second review: ``XL/worksheets/sheet1.xml`` after
    ``xl/worksheets/sheet1.xml``). So this takes the one member of that name
    in any case and either slash, and several such are a damaged file.
    """
    wanted = name.lower()
    named = [info for info in archive.infolist() if info.filename.replace("\\", "/").lower() == wanted]
    if len(named) > 1:
        raise corrupt(suffix)
    return member_bytes(archive, named[0], suffix) if named else None


def member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo, suffix: str) -> bytes:
    try:
        with archive.open(info) as opened:
            return opened.read(info.file_size)
    except INFLATE_ERRORS:
        raise corrupt(suffix) from None
