"""What a workbook's zip archive must pass before calamine opens it, beyond its sizes (``workbook``): its members'
names as calamine reads them, and an ``.xlsx``'s shared-strings table."""

from __future__ import annotations

import re
import struct
import weakref
import zipfile

_STRINGS: weakref.WeakKeyDictionary[zipfile.ZipFile, list[bytes]] = weakref.WeakKeyDictionary()
_UNICODE_PATH = 0x7075
_FIELD = struct.Struct("<HH")

# As calamine's XML reader names the attribute: in this case only (ignoring case cost 8 ms for 10,000 names).
_UNIQUE_COUNT = re.compile(rb"""uniqueCount[ \t\r\n]*=[ \t\r\n]*["'][ \t\r\n]*\+?([0-9]+)""")


def shared_strings_lie(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> bool:
    """Whether the shared strings declare more strings than their member could hold.

    calamine reserves room for the ``uniqueCount`` an ``sst`` start tag
    declares before reading a string: 4294967295 asks for 100 GB and aborts
    the process. It reads the member named ``xl/sharedStrings.xml`` in any
    case, and takes the attribute from any ``sst`` tag in it, whatever
    comes before (a comment, a long attribute, a wrapping element). So the
    whole of every member of that name is searched, and every such
    attribute is held to a fifth of the member's size (a string is at least
    ``<si/>``, five bytes): more is a lie.
    """
    for info, data in zip(_named_strings(members), shared_strings(archive), strict=True):
        # Every one, in a tag or not: telling a tag from text takes a parser (a ">" may sit in a value), and a
        # string that spells out such an attribute is not a firm's name.
        most = info.file_size // 5
        if any(len(found[1]) > 18 or int(found[1]) > most for found in _UNIQUE_COUNT.finditer(data)):
            return True
    return False


def shared_strings(archive: zipfile.ZipFile) -> list[bytes]:
    """Every member calamine may read as the shared strings (``xl/sharedStrings.xml`` in any case), inflated
    within its declared size once for the archive (``shared_text`` reads them again)."""
    kept = _STRINGS.get(archive)
    if kept is None:
        from .zip_members import member_bytes  # (a damaged member is refused there)

        kept = _STRINGS[archive] = [member_bytes(archive, info, ".xlsx") for info in _named_strings(archive.infolist())]
    return kept


def _named_strings(members: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    return [
        info for info in members if info.filename.replace("\\", "/").lower().rpartition("/")[2] == "sharedstrings.xml"
    ]


def renamed_members(members: list[zipfile.ZipInfo]) -> bool:
    """Whether a member carries another name in an Info-ZIP Unicode Path field (0x7075) of the central directory:
    zipfile ignores the field, calamine's zip reader takes the name from it, so a member zipfile knows as
    ``xl/decoy.bin`` was read as the shared strings, past every check (an adversarial review: an abort). Excel and
    LibreOffice write ASCII names and no such field; a zip tool that writes one gives the same name."""
    for info in members:
        extra, at = info.extra, 0
        while at + _FIELD.size <= len(extra):
            kind, size = _FIELD.unpack_from(extra, at)
            body = extra[at + _FIELD.size : at + _FIELD.size + size]
            if kind == _UNICODE_PATH and body[5:].decode("utf-8", "replace") != info.filename:
                return True
            at += _FIELD.size + size
    return False
