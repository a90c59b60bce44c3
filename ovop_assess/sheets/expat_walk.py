"""The one way an ``.ods``'s ``content.xml`` is walked with expat (``ods_cells``, ``ods_extent``).

A document type declaration is refused outright (an OpenDocument file never
has one, so no entity can be declared, expanded or fetched), and so is
content nesting elements more than :data:`DEEPEST` deep (each walk's
handlers count); the content is fed 64 KiB at a time; what expat cannot
read is :class:`Unreadable`.
"""

from __future__ import annotations

from xml.parsers import expat

_CHUNK = 1 << 16
DEEPEST = 256
"""Elements open at once past which content is refused: a spreadsheet's run about ten deep, and expat keeps
every open element (a 123 KB file of 42 million unclosed tags took 5.4 GB and 35 s before this)."""


class Unreadable(Exception):
    """content.xml is not well-formed, or declares a document type: the reason's catalogue id (``args[0]``),
    for the "corrupt" message."""


def too_deep() -> Unreadable:
    return Unreadable("sheet.reason.too_deep")


def _refuse_doctype(*_: object) -> None:
    raise Unreadable("sheet.reason.doctype")


def new_parser(namespace_separator: str | None = None) -> expat.XMLParserType:
    """A parser refusing any document type; the caller sets its element handlers."""
    parser = expat.ParserCreate(namespace_separator=namespace_separator)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def walk(parser: expat.XMLParserType, content: bytes) -> None:
    """Feed ``content`` to ``parser`` whole; an exception a handler raises goes through as it is."""
    try:
        view = memoryview(content)
        for at in range(0, len(content), _CHUNK):
            parser.Parse(bytes(view[at : at + _CHUNK]), False)
        parser.Parse(b"", True)
    except (expat.ExpatError, LookupError):  # LookupError: an XML declaration naming an unknown encoding
        raise Unreadable("sheet.reason.damaged") from None
