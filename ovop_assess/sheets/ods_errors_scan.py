"""The cells showing an error in an ``.ods`` sheet found by a scan of the bytes, as ``ods_cells.walk`` finds them.

LibreOffice writes such a cell as
``<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value=""
calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>``. Each place where ``error`` is
the value of a ``value-type`` attribute (``hits``) has its tag read as ``ods_cells_scan`` reads a hit's,
and a table cell whose ``calcext:value-type`` is ``error`` is placed by the same replay of the walk's rows
and columns. The scan answers ``None`` (the walk reads the content) for anything it cannot be sure of, as
``ods_cells_scan.scan`` does, and for a cell whose content is not one paragraph of plain text (a comment,
a span, a reference): what the walk reads as the error's text.
"""

from __future__ import annotations

import re

from .cell_errors import CellError, shortened
from .ods_cells_scan import _ROOT, Interesting, _has_markup, _Replay, number, read_root
from .ods_tags import TAG, Unsure, checked, decoded, value
from .ods_tags import attributes as tag_attributes

Cell = tuple[int, int]
CALCEXT_URI = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
TEXT_URI = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_MOST_REPEATED = 16_384  # as the walk's


def error_hits(content: bytes) -> list[int]:
    """Where ``error`` is the value of an attribute named ``…value-type`` (quoted either way, spaces around
    ``=``): one search for ``error``, then a look at each place it occurs."""
    hits = []
    at = content.find(b"error")
    while at != -1:
        quote = content[at - 1 : at]
        if quote in (b'"', b"'") and content[at + 5 : at + 6] == quote:
            before = content[max(0, at - 40) : at - 1].rstrip(b" \t\r\n")
            if before.endswith(b"=") and before[:-1].rstrip(b" \t\r\n").endswith(b"value-type"):
                hits.append(at)
        at = content.find(b"error", at + 5)
    return hits


def scan_errors(content: bytes, sheet: str, hits: list[int]) -> dict[Cell, CellError] | None:
    """The walk's errors for ``sheet``, or ``None`` when unsure."""
    try:
        root, declaration_end = read_root(content)
        root_tag = _ROOT.match(content, declaration_end)
        if root_tag is None:
            raise Unsure
        declared = tag_attributes(root_tag)
        bindings = {name[6:]: decoded(quoted) for name, quoted in declared.items() if name.startswith(b"xmlns:")}
        calc = [prefix for prefix, uri in bindings.items() if uri == CALCEXT_URI]
        text = [prefix for prefix, uri in bindings.items() if uri == TEXT_URI]
        if len(calc) != 1 or len(text) != 1:
            raise Unsure
        paragraph = re.compile(
            rb"<"
            + re.escape(text[0])
            + rb":p>([^<&\r]*)</"
            + re.escape(text[0])
            + rb":p></"
            + re.escape(root.table)
            + rb":table-cell>"
        )
        cells: list[tuple[Interesting, int, bool, str]] = []
        last = root.end
        for hit in hits:
            start = content.rfind(b"<", root.end, hit)
            if cells and start == cells[-1][0].start:  # a second hit in one tag (office:value-type="error" too)
                continue
            tag = TAG.match(content, start) if start != -1 else None
            if tag is None or tag.end() <= hit:  # no tag, or "value-type='error'" in a text: not followed
                raise Unsure
            attributes = checked(root.bound, tag)
            last = max(last, tag.end())
            if tag.group(1) != root.table + b":table-cell" or value(attributes, calc[0] + b":value-type") != "error":
                continue
            shown = ""
            if not tag.group(3):
                found = paragraph.match(content, tag.end())
                if found is None:
                    raise Unsure
                shown = found.group(1).decode("utf-8")
                last = max(last, found.end())
            repeat = number(value(attributes, root.table + b":number-columns-repeated"))
            formula = root.table + b":formula" in attributes
            cells.append((Interesting(start, 1, 1, False), repeat, formula, shown))
        if _has_markup(content, b"!", 0, last) or _has_markup(content, b"?", declaration_end, last):
            return None
        if content.find(b"xmlns", root.end, last) != -1:
            return None
        errors: dict[Cell, CellError] = {}
        if not cells:
            return errors
        placed = _Replay(content, root, sheet).positions([cell for cell, _, _, _ in cells])
        by_start = {cell.start: (repeat, formula, shown) for cell, repeat, formula, shown in cells}
        for cell, (row, column) in placed:
            repeat, formula, shown = by_start[cell.start]
            error = CellError(shortened(shown.strip()), formula)
            errors.update(dict.fromkeys(((row, column + k) for k in range(min(repeat, _MOST_REPEATED))), error))
        return errors
    except (Unsure, UnicodeDecodeError):
        return None
