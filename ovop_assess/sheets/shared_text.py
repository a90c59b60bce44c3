"""The text an ``.xlsx`` sheet's cells hold once calamine has copied each shared string into every cell using it.

A shared string is stored once, in ``xl/sharedStrings.xml``, and named by
its index in each cell that shows it; calamine gives every such cell a copy
of its own, and python-calamine a Python string of its own again. So one
text of 32,767 characters used by 40,000 cells, in a 413 KB workbook, took
5 GB, and aborted the run under a memory cap (an adversarial review): no
check of the cells' extent or of the archive's size sees it. The text the
sheet comes to is held to ``--max-unpacked-bytes`` before calamine reads it.

Cheap for the usual sheet: the longest shared string (its bytes from one
``<si`` to the next, markup and all: never less than its text) times the
most cells the sheet's bytes can hold (a string cell is at least
``<c t='s'><v>0</v></c>``, 21 bytes) is a bound, far within the limit for
10,000 names. Only past it is every value naming a string looked at, each
counted at its string's length (a number's value too, as if it named one:
more, never less); a value calamine reads as string 0 (not plain digits) at
string 0's, one written with a reference or CDATA at the longest's.
Strings the split cannot vouch for (a comment, CDATA or other ``<!``
markup, whose text may hold what looks like a tag) count each at the whole
member's size.
"""

from __future__ import annotations

import re
import zipfile
from itertools import zip_longest

from .archive_checks import shared_strings

_SI_START = re.compile(rb"<(?:[\w.-]+:)?si[\s>/]")
# Every value element, its text up to the next tag, and whether that tag is markup (CDATA, a comment).
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v(?:\s[^<>]*)?(?:/>|>([^<]*)(<!)?)")
_SMALLEST_CELL = len(b"<c t='s'><v>0</v></c>")
_LONGEST_INDEX = 12
"""Digits of an index read as such; calamine reads any value that is not plain digits (a space, a sign, a
decimal point, too many digits, none) as string 0 (``atoi_simd``'s failure taken as 0: an adversarial review)."""


def shared_text(sheet: bytes, archive: zipfile.ZipFile, limit: int) -> int | None:
    """The bytes of text the sheet's cells come to with every shared string copied into each cell naming it
    (an upper bound), when that is over ``limit``; ``None`` when it is within."""
    members = shared_strings(archive)
    if not members:
        return None
    # Cut at plain "<si>" tags alone, a piece is one string or more (a prefixed or spaced tag not cut at):
    # never less than the longest string, and one C split for the usual table of 40,000 strings.
    longest = max(len(data) if _markup(data) else max(map(len, data.split(b"<si>"))) for data in members)
    if len(sheet) // _SMALLEST_CELL * longest <= limit:
        return None
    lengths = _lengths(members)
    count, first = len(lengths), lengths[0] if lengths else 0
    total = 0
    for text, markup in _VALUE.findall(sheet):
        if markup or b"&" in text:  # an index written as CDATA or a character reference (&#49;): any string
            total += longest
        elif text.isdigit() and len(text) <= _LONGEST_INDEX and int(text) < count:
            total += lengths[int(text)]
        else:
            total += first
    return total if total > limit else None


def _lengths(members: list[bytes]) -> list[int]:
    """Each shared string's bytes at most, by index, over the members (markup the split cannot vouch for: each
    string as long as its member)."""
    lengths: list[int] = []
    for data in members:
        pieces = _SI_START.split(data)
        found = [len(data)] * (len(pieces) - 1) if _markup(data) else [len(piece) for piece in pieces[1:]]
        lengths = [max(pair) for pair in zip_longest(lengths, found, fillvalue=0)]
    return lengths


def _markup(data: bytes) -> bool:
    """Whether the strings may hold a comment, CDATA or a declaration (``<!``), which may hide an ``<si>``: the
    search for the one byte ``!`` first (a search for a single byte is many times quicker than for two)."""
    return b"!" in data and b"<!" in data
