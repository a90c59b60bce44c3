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
tag it skipped). No tree is built: a ``workbook.xml`` of 30 million empty
elements took 2.9 GB in ElementTree; the scan keeps nothing but the tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

# A tag's attributes: anything but ">" outside quotes (a quoted value may hold ">").
_ATTRIBUTES = rb"""((?>[^>"']+|"[^"]*"|'[^']*')*)>"""
_ATTRIBUTE = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z]+);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@cache
def _tags(local: bytes) -> re.Pattern[bytes]:
    """Start (or empty) tags whose local name is ``local``: after a prefix of no colon, as quick-xml splits a
    name at its first colon; spaces after ``<`` allowed too (calamine takes no such tag: more, never less)."""
    return re.compile(rb"<\s*(?:[^\s<>/=:\"']*:)?" + local + rb"(?=[\s/>])" + _ATTRIBUTES)


def _attributes(text: bytes) -> list[tuple[bytes, bytes]]:
    return [(key, double if double is not None else single) for key, double, single in _ATTRIBUTE.findall(text)]


def _unescaped(raw: bytes) -> str:
    """An attribute's value as calamine gives a sheet's name: its references replaced (one it cannot read is
    left as written, and then the names differ: the file is refused)."""
    return _REFERENCE.sub(_reference, raw.decode("utf-8", "replace"))


def _reference(found: re.Match[str]) -> str:
    name = found.group(1)
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
        return chr(code) if 0 < code <= 0x10FFFF else found.group(0)
    return _NAMED.get(name, found.group(0))


def sheet_part(book: bytes, rels: bytes, names: Sequence[str], position: int) -> str | None:
    """The member calamine reads for the ``position``-th of the sheets it lists as ``names``; ``None`` where
    the relationships give it none. :class:`Ambiguous` where the scan and calamine may not agree."""
    sheets: list[tuple[str, bytes | None]] = []
    for found in _tags(b"sheet").finditer(book):
        name, rid = "", None
        for key, value in _attributes(found.group(1)):
            if key == b"name":
                name = _unescaped(value)
            elif key in (b"r:id", b"relationships:id"):
                rid = value  # (each one looked up by calamine; the last one read)
        sheets.append((name, rid))
    if [name for name, _ in sheets] != list(names):
        raise Ambiguous
    targets: dict[bytes, bytes] = {}
    for found in _tags(b"Relationship").finditer(rels):
        pairs = dict(reversed(_attributes(found.group(1))))
        rid = pairs.get(b"Id", b"")
        if rid in targets:
            raise Ambiguous
        targets[rid] = pairs.get(b"Target", b"")
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
