"""The archive member calamine reads for an ``.xlsx`` sheet, found the way calamine finds it.

calamine (quick-xml) takes the sheet list of ``xl/workbook.xml`` and the
relationships of ``xl/_rels/workbook.xml.rels`` by their tags' local names
(``o:sheet`` is a sheet, whatever namespace ``o`` names), their attributes
by the names as written (``r:id`` or ``relationships:id``, ``Id``,
``Target``, whatever namespace a prefix names), their ids and targets as
written (no entity replaced), and a relationship whose ``Id`` comes twice by
its last entry. The checks before calamine must look at the member calamine
will read: a parse by namespaces looked at another one (a ``<sheet>`` of a
foreign namespace listed first, ``x:id`` bound to the relationships'
namespace where ``r:id`` names another, a second ``Relationship`` of one
``Id``), and a cell at XFD1048576 in the member calamine read aborted the
process (an adversarial review).

So the tags are found by a scan of the bytes that finds every tag calamine
takes and more (one inside a comment or a CDATA section too), and the file
is refused as damaged where the more could matter: a relationship ``Id``
found twice, or a sheet list other than the one calamine gives (a sheet
tag it skipped). Every place a tag of the name may start is found (after
the last ``<`` before it, a prefix of anything but a space or a colon:
quick-xml ends a name only at a space, a tab or a line break, and splits it
at its first colon, so ``<a=b:sheet`` is a sheet to it, and one of ``a"x>y"b``
too), and each must then read as a plain tag (a prefix of name characters,
attributes ``name="value"`` apart by spaces), or the file is refused: the
scan never reads a tag otherwise than calamine does (a second review). No
tree is built: a ``workbook.xml`` of 30 million empty elements took 2.9 GB
in ElementTree; the scan keeps nothing but the tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

_ATTRIBUTE = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z]+);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


# A start tag's prefix as quick-xml reads one: its name runs to a space, a tab or a line break and splits at its
# first colon, so ``<a</b:sheet``, ``<:sheet`` and a form feed in a prefix are sheets to it (a code review).
START_PREFIX = rb"<(?![/!?])(?:[^ \t\r\n>:]*:)?"
# A start tag's name holding a quote: quick-xml reads a quoted stretch whole, ">" and all, so such a name may hide
# a tag no scan can place (``<a"x>y"b:sheet``). No name of a well-formed part holds one.
QUOTED_NAME = re.compile(rb"""<(?![/!?])[^ \t\r\n>"']*["']""")


@cache
def _places(local: bytes) -> re.Pattern[bytes]:
    """Every place a tag whose local name is ``local`` may start: more than calamine takes, never less (an end
    tag, ``</x:sheet>``, is none)."""
    return re.compile(START_PREFIX + local + rb"(?=[ \t\r\n>/])")


@cache
def _plain(local: bytes) -> re.Pattern[bytes]:
    """A plain start or empty tag of that local name, its attributes (``name="value"`` or with ``'``, spaces
    between) in group 1."""
    attribute = rb"""[ \t\r\n]+[^\s=<>"'/]+[ \t\r\n]*=[ \t\r\n]*(?:"[^"<]*"|'[^'<]*')"""
    return re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?" + local + rb"((?:" + attribute + rb")*)[ \t\r\n]*/?>")


def _tags(data: bytes, local: bytes) -> list[bytes]:
    """The attributes of each tag of ``data`` whose local name is ``local``; :class:`Ambiguous` where one may
    start that is no plain tag."""
    if QUOTED_NAME.search(data) is not None:
        raise Ambiguous
    plain = _plain(local)
    found = []
    for place in _places(local).finditer(data):
        tag = plain.match(data, place.start())
        if tag is None:
            raise Ambiguous
        found.append(tag.group(1))
    return found


def _attributes(text: bytes) -> list[tuple[bytes, bytes]]:
    # Each value in either quotes (findall would give b"" for the quote not used: a fuzzer's find, 'rId2' read as "").
    return [(found[1], found[2] if found[2] is not None else found[3]) for found in _ATTRIBUTE.finditer(text)]


def _names_a_relationship(key: bytes) -> bool:
    """Whether calamine takes the attribute ``key`` of a sheet tag for its relationship's id: ``id`` itself or
    any name ending ``:id`` (``r:id``, ``x:id``, ``a:b:id``, measured on calamine 0.37: a fuzzer's find), the
    last one read deciding."""
    return key == b"id" or key.endswith(b":id")


def _unescaped(raw: bytes) -> str:
    """An attribute's value as calamine gives a sheet's name: its references replaced (one it cannot read is
    left as written, and then the names differ: the file is refused)."""
    return _REFERENCE.sub(_reference, raw.decode("utf-8", "replace"))


def _reference(found: re.Match[str]) -> str:
    name = found.group(1)
    if name.startswith("#"):
        hexadecimal = name[1:2] in ("x", "X")
        digits = name[2:] if hexadecimal else name[1:]
        digits = digits.lstrip("0") or "0"
        if len(digits) > 7:  # past U+10FFFF whatever they say (int() refuses 4,300 digits: a code review)
            return found.group(0)
        code = int(digits, 16 if hexadecimal else 10)
        return chr(code) if 0 < code <= 0x10FFFF else found.group(0)
    return _NAMED.get(name, found.group(0))


def sheet_part(book: bytes, rels: bytes, names: Sequence[str], position: int) -> str | None:
    """The member calamine reads for the ``position``-th of the sheets it lists as ``names``; ``None`` where
    the relationships give it none. :class:`Ambiguous` where the scan and calamine may not agree."""
    sheets: list[tuple[str, bytes | None]] = []
    for attributes in _tags(book, b"sheet"):
        name, rids = "", set()
        for key, value in _attributes(attributes):
            if key == b"name":
                name = _unescaped(value)
            elif _names_a_relationship(key):
                rids.add(value)
        if len(rids) > 1:  # two ids of a sheet: which one calamine ends on is not a thing to count on
            raise Ambiguous
        sheets.append((name, rids.pop() if rids else None))
    if [name for name, _ in sheets] != list(names):
        raise Ambiguous
    targets: dict[bytes, bytes] = {}
    for attributes in _tags(rels, b"Relationship"):
        pairs = _attributes(attributes)
        # Id and Target as written, and nothing calamine could take for them (x:Id: none measured, but no file of
        # Excel's or LibreOffice's has one).
        if any(key.rpartition(b":")[2] in (b"Id", b"Target") and b":" in key for key, _ in pairs):
            raise Ambiguous
        named = dict(reversed(pairs))
        key = named.get(b"Id", b"")
        if key in targets:
            raise Ambiguous
        targets[key] = named.get(b"Target", b"")
    rid = sheets[position][1] if position < len(sheets) else None
    target = targets.get(rid) if rid is not None else None
    if target is None:
        return None
    path = target.decode("utf-8", "replace")
    # As calamine joins it: "/xl/…" and "xl/…" are the archive's own path, anything else is under xl/.
    if path.startswith("/xl/"):
        return path[1:]
    return path if path.startswith("xl/") else f"xl/{path}"


class Ambiguous(Exception):
    """The sheet list or the relationships can be read in two ways: the file is refused as damaged."""
