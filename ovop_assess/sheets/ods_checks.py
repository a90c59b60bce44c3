"""The checks an ``.ods`` gets before calamine opens it, and the cells calamine does not report after.

Calamine expands every sheet of an ``.ods`` when it opens the file, so the
cells it would allocate are bounded first (``ods_repeats``: from the bytes,
a piece at a time as ``content.xml`` is inflated; ``ods_extent``: counted
exactly, when the bound is too large or cannot be vouched for). Then the
chosen sheet's formulas without a saved result, merged ranges and error
cells are looked for (``ods_cells``), when the content holds any formula or
merged range at all.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Mapping
from typing import NamedTuple

from .cell_errors import CellError
from .limits import SheetLimits, check_merged

_PIECE = 1 << 16
"""How much of content.xml is inflated and scanned at a time (a piece stays in the processor's cache)."""

Cell = tuple[int, int]


class OdsContent(NamedTuple):
    """content.xml, kept when it may hold a formula, a merged range or a hidden row (``cells``), or when its
    cells must be counted exactly before calamine opens it (``uncounted``: :func:`ods_count`); ``spans``:
    whether it may hold a merged range (the search for spans is skipped when not); ``hidden``: whether a row
    may be hidden (the walk then places the hidden rows)."""

    xml: bytes
    spans: bool
    cells: bool = True
    uncounted: bool = False
    text_bytes: int = 0  # (see RepeatScan.text_bytes: held to --max-unpacked-bytes after the count)
    hidden: bool = False


def ods_precheck(
    archive: zipfile.ZipFile, limits: SheetLimits, on_doubt: Callable[[], None] | None = None
) -> OdsContent | None:
    """Refuse content for which calamine would allocate more cells than the limits allow, all sheets
    together, as far as its bytes tell; return content.xml if it may hold a merged range or a formula, or if
    its cells are still to be counted exactly (:func:`ods_count`, which the caller runs where calamine will
    read: in the child process whose memory is capped, ``isolated``).

    Inflated and scanned a piece at a time (zipfile stops a member at the
    size the archive declares for it, and its checksum then fails), each
    piece let go once scanned, so the next is inflated into memory already
    in use. The pieces are kept when the first shows a formula or a merged
    range (a numbered column, a merged title), whose cells are then looked
    for in the whole content; else the content is inflated again whole when
    it is needed: a formula further down, or the exact count.

    ``on_doubt`` is called once, as soon as the pieces scanned show that the
    content will be refused or counted exactly (``RepeatScan.doubtful``):
    a read of it started beside the scan is then of no use (``ods_read``).
    """
    from .ods_repeats import RepeatScan
    from .workbook import _ALLOCATION_FACTOR, _check_extent
    from .zip_members import INFLATE_ERRORS as _INFLATE_ERRORS
    from .zip_members import corrupt as _corrupt
    from .zip_members import refuse as _refuse

    def check(rows: int, columns: int) -> None:
        _check_extent(rows, columns, limits, ".ods")

    try:
        info = archive.getinfo("content.xml")
    except KeyError:
        # An Excel workbook named .ods (saved as .xlsx, renamed): said so, with what to do.
        if "xl/workbook.xml" in archive.NameToInfo:
            raise _refuse("sheet.xlsx_named_ods") from None
        raise _corrupt(".ods", "sheet.reason.no_content_xml") from None
    scan = RepeatScan(check)
    most = _ALLOCATION_FACTOR * limits.max_cells
    pieces: list[bytes] | None = []  # kept from the first piece on only when that piece shows a formula or span
    try:
        with archive.open(info) as member:
            # Not checked against its CRC-32 here (4 ms for 12 MB): calamine inflates the same bytes, checks the
            # checksum itself, and refuses the file if it fails; the bound holds for the bytes either way.
            member._expected_crc = None  # type: ignore[attr-defined]  # zipfile's own switch (no CRC known)
            while piece := member.read(_PIECE):
                scan.feed(piece)
                if on_doubt is not None and scan.doubtful(most, limits.max_unpacked_bytes):
                    on_doubt()
                    on_doubt = None
                if pieces is not None and scan.may_have_cells:
                    pieces.append(piece)
                else:
                    pieces = None  # not needed but for the exact count: inflated again then (rare)
    except _INFLATE_ERRORS:
        raise _corrupt(".ods") from None
    scan.close()
    if scan.unclosed:  # not well-formed, and calamine would never return from it
        raise _corrupt(".ods")
    vouched = scan.vouches(most)
    if vouched:
        _check_text(scan.text_bytes(), limits)
        if not scan.may_have_cells:
            return None
    content = b"".join(pieces) if pieces is not None and scan.may_have_cells else _whole(archive, info)
    return OdsContent(content, scan.spans, scan.may_have_cells, not vouched, scan.text_bytes(), scan.hidden)


def _check_text(size: int, limits: SheetLimits) -> None:
    from ..sizes import fmt_bytes
    from .zip_members import refuse as _refuse

    if size > limits.max_unpacked_bytes:  # calamine copies a repeated cell's text for each repeat
        raise _refuse("sheet.ods_repeated_text", size=fmt_bytes(size), limit=fmt_bytes(limits.max_unpacked_bytes))


def ods_count(content: OdsContent | None, limits: SheetLimits) -> None:
    """Count exactly the cells calamine would allocate, when the byte bound could not vouch for them, and
    refuse the file past four times ``--max-cells`` (or as damaged if expat cannot read it)."""
    if content is not None and content.uncounted:
        from .workbook import _ALLOCATION_FACTOR

        _check_allocation(content.xml, _ALLOCATION_FACTOR * limits.max_cells, limits)
        _check_text(content.text_bytes, limits)


def inflated(archive: zipfile.ZipFile, spans: bool, hidden: bool) -> OdsContent:
    """content.xml inflated whole (its checksum checked), to be walked for cells (``ods_sheet_cells``) where the
    scan found they may be: ``spans`` and ``hidden`` as it found them."""
    from .zip_members import corrupt as _corrupt

    try:
        info = archive.getinfo("content.xml")
    except KeyError:
        raise _corrupt(".ods", "sheet.reason.no_content_xml") from None
    return OdsContent(_whole(archive, info), spans, hidden=hidden)


def _whole(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    from .zip_members import INFLATE_ERRORS as _INFLATE_ERRORS
    from .zip_members import corrupt as _corrupt

    try:
        with archive.open(info) as member:
            return member.read(info.file_size)
    except _INFLATE_ERRORS:
        raise _corrupt(".ods") from None


def _check_allocation(content: bytes, most: int, limits: SheetLimits) -> None:
    from .expat_walk import Unreadable
    from .ods_extent import allocation
    from .workbook import _ALLOCATION_FACTOR
    from .zip_members import corrupt as _corrupt
    from .zip_members import refuse as _refuse

    try:
        cells = allocation(content, most)
    except Unreadable as exc:
        raise _corrupt(".ods", exc.args[0]) from None
    if cells > most:
        raise _refuse(
            "sheet.ods_book_too_many_cells",
            cells=cells,
            limit=most,
            factor=_ALLOCATION_FACTOR,
            max_cells=limits.max_cells,
        )


Found = tuple[set[Cell], list[tuple[Cell, Cell]], Mapping[Cell, CellError], list[tuple[int, int]]]


def ods_sheet_cells(content: OdsContent, sheet: str) -> Found:
    """The formulas without a saved result, the merged ranges, the cells showing an error and the hidden rows
    (0-based first row, how many) of an .ods sheet (calamine reports none of them); the sheet refused past
    the limit of merged ranges where they are found (sent back from a child, 2.5 million took the parent 1 GB)."""
    from .expat_walk import Unreadable
    from .ods_cells import ods_cells
    from .zip_members import corrupt as _corrupt

    try:
        found = ods_cells(content.xml, sheet, spans=content.spans, hidden=content.hidden)
    except Unreadable as exc:
        raise _corrupt(".ods", exc.args[0]) from None
    check_merged(len(found.merged))
    return found.formulas, found.merged, found.errors, list(found.hidden)
