"""Start tags of ``content.xml`` read from its bytes as expat reads them, for ``ods_cells_scan``.

A tag is cut by one pattern (``TAG``) into its name and attributes, each
value kept with its quotes. ``checked`` gives a tag's attributes when expat
would read the tag the same way, and raises ``Unsure`` when it might not: a
name that is no plain XML name, a prefix the root does not bind, an
attribute given twice, a value with a reference expat refuses, with bytes
that are no UTF-8, or with a character XML forbids. A value is decoded as
expat decodes it (``decoded``): references replaced, white space normalised.
The patterns that find formulas with a saved result and table tags are
here too, built on the same pieces.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.parsers import expat


class Unsure(Exception):
    """The scan cannot be sure of the walk's answer: the caller walks with expat."""


_WS = rb"[ \t\r\n]"
_NAME = rb"[^ \t\r\n=/<>\"']+"  # a superset of XML names: nothing that ends one
_VALUE = rb"\"[^\"<]*\"|'[^'<]*'"
_ATTR = re.compile(_WS + rb"+(" + _NAME + rb")" + _WS + rb"*=" + _WS + rb"*(" + _VALUE + rb")")
_ATTRS = _WS + rb"+" + _NAME + _WS + rb"*=" + _WS + rb"*(?:" + _VALUE + rb")"
TAG = re.compile(rb"<(" + _NAME + rb")((?:" + _ATTRS + rb")*)" + _WS + rb"*(/?)>")
"""A start tag: its name, its attributes (group 2) and ``/`` if it closes itself."""

# A name (prefix and local part) as expat takes it, in the ASCII LibreOffice writes: any other is handed on.
_QNAME = re.compile(rb"[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?")
# Attribute text whose values need no more than an ASCII decode: printable, no reference, no white space
# but the spaces between attributes.
_PLAIN = re.compile(rb"[\x20-\x25\x27-\x7e]*")

# A formula's saved result, as the walk's ``_has_result`` reads it (local names in the office namespace).
RESULT_VALUES = (b"value", b"date-value", b"time-value", b"boolean-value", b"string-value")
_RESULT = rb"(?:" + b"|".join(RESULT_VALUES) + rb")"
_MOST_BEFORE_RESULT = 24
"""Attributes a saved result is looked for across, after a formula or a cell's name (a table cell has fewer
kinds): more, and the cell's tag is read instead. Unbounded, a text of ``x:formula=""`` pairs made every
formula look through all the pairs after it."""


def attributes(tag: re.Match[bytes]) -> dict[bytes, bytes]:
    """The tag's attributes by qualified name, each value with its quotes; ``Unsure`` for one given twice."""
    found = _ATTR.findall(tag.string, tag.start(2), tag.end(2))
    by_name = dict(found)
    if len(by_name) != len(found):
        raise Unsure
    return by_name


def checked(bound: frozenset[bytes], tag: re.Match[bytes], declares: bool = False) -> dict[bytes, bytes]:
    """The attributes of a tag expat reads as the pattern cut it (see the module's docstring), else ``Unsure``.
    ``bound``: the prefixes the root binds; ``declares``: the root's own tag, whose declarations are read."""
    by_name = attributes(tag)
    if not _names_read(bound, (tag.group(1), *by_name), declares):
        raise Unsure
    if not _PLAIN.fullmatch(tag.string, tag.start(2), tag.end(2)):
        for quoted in by_name.values():
            decoded(quoted)
    return by_name


@lru_cache(maxsize=1024)  # tags of one kind repeat their names row after row
def _names_read(bound: frozenset[bytes], names: tuple[bytes, ...], declares: bool) -> bool:
    """Every name a plain XML name whose prefix the root binds (expat refuses an unbound one); no declaration
    but the root's."""
    for index, qualified in enumerate(names):
        if not _QNAME.fullmatch(qualified):
            return False
        prefix, colon, _ = qualified.partition(b":")
        if qualified == b"xmlns" or prefix == b"xmlns":
            if declares and index > 0:
                continue
            return False
        if colon and prefix not in bound:
            return False
    return True


def value(by_name: dict[bytes, bytes], name: bytes) -> str | None:
    quoted = by_name.get(name)
    return None if quoted is None else decoded(quoted)


def decoded(quoted: bytes) -> str:
    """The value expat gives for a quoted attribute value: references replaced, white space normalised
    (``Unsure`` for what expat refuses)."""
    if _PLAIN.fullmatch(quoted, 1, len(quoted) - 1):
        return quoted[1:-1].decode("ascii")
    return _expat_value(quoted)


@lru_cache(maxsize=256)
def _expat_value(quoted: bytes) -> str:
    values: list[str] = []
    parser = expat.ParserCreate("utf-8")
    parser.StartElementHandler = lambda _name, attributes: values.append(attributes["v"])
    try:
        parser.Parse(b"<a v=" + quoted + b"/>", True)
    except expat.ExpatError:
        raise Unsure from None
    return values[0]


def formula_pattern(office: bytes) -> re.Pattern[bytes]:
    """A ``:formula`` unless its value is followed, in the same tag, by a saved result (no Python per formula
    passed over: a LibreOffice sheet numbered with =ROW()-1 in every row costs the pattern's search alone)."""
    o = re.escape(office)
    # LibreOffice's order first (the type, then its value, right after the formula): ten times cheaper to
    # try than the general form, where the two may come in any order among the tag's other attributes.
    written = rb"=\"[^\"<]*\" " + o + rb":value-type=\"(?:string\"|[^\"<]*\" " + o + rb":" + _RESULT + rb"=\")"
    return re.compile(rb":formula(?!" + written + rb"|=\"[^\"<]*\"" + _saved_result(o) + rb")")


def saved_result_pattern(prefix: bytes, office: bytes) -> re.Pattern[bytes]:
    """A table cell's start tag holding a saved result, wherever among its attributes (a span still has a hit of
    its own, so a formula passed over here is never a merged cell missed)."""
    return re.compile(rb"<" + prefix + rb":table-cell" + _saved_result(office))


def _saved_result(office: bytes) -> bytes:
    """Lookaheads for a saved result among the attributes that follow: a string type, or a type and a value."""
    most = str(_MOST_BEFORE_RESULT).encode()
    before = rb"(?:" + _WS + rb"+" + _NAME + rb"=\"[^\"<]*\"){0," + most + rb"}?" + _WS + rb"+" + office + rb":"
    return (
        rb"(?:(?=" + before + rb"value-type=\"string\")"
        rb"|(?=" + before + rb"value-type=\")(?=" + before + _RESULT + rb"=\"))"
    )


def tag_pattern(prefix: bytes, local: bytes) -> re.Pattern[bytes]:
    """The start or end tag (group ``end``) of ``prefix:local`` and of nothing longer; the lookbehinds keep
    the long literal prefix that makes the search fast."""
    name = prefix + b":" + local
    return re.compile(name + rb"(?:(?<=</" + name + rb")" + _WS + rb"*(?P<end>>)|(?<=<" + name + rb")(?=[ \t\r\n/>]))")
