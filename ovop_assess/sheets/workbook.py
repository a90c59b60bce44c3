"""Workbooks (``.xlsx``, ``.xls``, ``.ods``) through python-calamine, after the checks it cannot make itself.

Calamine reads cell values and the results formulas last had, never
computing a formula or running a macro. It does not say which empty cells
hold a formula without a saved result, so the ``.xlsx`` sheet's XML is
looked at for those (only when it holds a formula at all); for an ``.ods``
neither those nor merged cells, so its ``content.xml`` is walked for both
(only when it holds either at all: ``ods_cells``). Files written by
Excel or LibreOffice always save results; files made by scripts may not.
Nor does it say which cells show an error (``#N/A``): ``cell_errors``.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..results import Finding
from ..sizes import fmt_bytes, grouped_count
from .cell_errors import CellError, readable_errors, settle_cells, xlsx_errors
from .chosen_sheet import Listed, choose
from .firm_rows import Places
from .hidden_rows import Run, hidden_rows_warning, xlsx_hidden_rows
from .limits import SheetLimits, SheetRefused, check_merged, counted, merged_tags
from .quiet_panic import panic_output_hidden
from .shared_text import shared_text
from .table import SheetFirms, firms_from_rows
from .xlsx_formulas import refuse_zero_text, sheet_formulas
from .zip_members import INFLATE_ERRORS as _INFLATE_ERRORS
from .zip_members import corrupt as _corrupt
from .zip_members import member as _member
from .zip_members import refuse as _refuse

if TYPE_CHECKING:
    from .ods_checks import OdsContent
    from .xls_extent import XlsSheets

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A cell reference attribute (``r="C12"``) of a <c> element, whatever the attribute order or namespace prefix.
# Any letters and digits, not only Excel's own XFD1048576: a hand-made sheet may write ZZZZ99999999 (or a
# lower-case a99999999, which calamine reads too), and calamine would allocate its rectangle all the same.
_CELL_REF = re.compile(rb'\sr="([A-Za-z]+)([0-9]+)"')
# A cell tag whose first attribute is not r=" (with a namespace prefix: the second pattern), each a search for
# a literal ("<c", ":c") the regex engine skips ahead by.
_UNPLACED = re.compile(rb'<c(?! r=")[\s/>]')
_UNPLACED_PREFIXED = re.compile(rb':c(?! r=")[\s/>]')
# An r attribute written otherwise than ` r="` (after a tab or a line break, spaced, in ' quotes), anywhere:
# calamine takes a tag's last r, so a second one so written, after a plain first, names the cell's place.
_ODD_R = re.compile(rb"r(?:(?<=[\t\n\r]r)\s*=|(?<=\sr)(?:\s+=|=\s*'|=\s+))")
_CELL_COLUMN = re.compile(rb' r="([A-Za-z]+)[0-9]+"')
_BEYOND_Z = re.compile(rb' r="[A-Za-z]{2}')
_CELL_ROW = re.compile(rb' r="[A-Za-z]+([0-9]+)"')
# What follows a cell's r="…" in a tag that holds nothing: plain attributes (a style), then "/>". calamine keeps
# no cell for it, so borders drawn down to row 60,000 below a list of 50 do not make 60,000 rows. Anything else
# (a ">" inside a quoted value, a child element) may hold a value, and counts.
_EMPTY_REST = re.compile(rb'(?:\s+[A-Za-z_:][-\w.:]*="[^"<>]*")*\s*/>')


Read = tuple[tuple[str, list[Finding], Any, set[tuple[int, int]], list[Run], Listed], list[list[Any]]]
"""What a read gives: the sheet's name, the warnings in choosing it, its merged ranges, formulas without a
result, hidden rows and the workbook's sheets (``_calamine_read``); and its cells."""


def workbook_firms(label: str, raw: bytes, suffix: str, sheet: str | None, limits: SheetLimits) -> SheetFirms:
    archive = _checked_archive(raw, suffix, limits) if suffix in (".xlsx", ".ods") else None
    xls = _xls_precheck(raw, limits) if suffix == ".xls" else None
    if suffix == ".ods" and archive is not None:
        # Calamine expands every sheet of an .ods as it opens it: the byte checks come first, or beside its
        # read in a child whose memory is capped (``ods_read``).
        from .ods_read import ods_read

        (name, warnings, merged, formulas, hidden, others), data = ods_read(raw, sheet, limits, archive)
    else:
        (name, warnings, merged, formulas, hidden, others), data = read_book(raw, suffix, sheet, limits, archive, xls)
    found = firms_from_rows(
        label, name, data, merged=merged, formula_cells=formulas, warnings=warnings, other_sheets=others
    )
    said = hidden_rows_warning(hidden, found.rows) if hidden else None
    return found._replace(warnings=(*found.warnings, said)) if said is not None else found


def read_book(
    raw: bytes,
    suffix: str,
    sheet: str | None,
    limits: SheetLimits,
    archive: zipfile.ZipFile | None,
    xls: XlsSheets | None = None,
    content: OdsContent | None = None,
) -> Read:
    """Calamine's read of the chosen sheet, after the checks it cannot make (``content``: an .ods's, from
    ``ods_checks``; its exact count runs here, where calamine will read)."""
    from .ods_checks import ods_count

    ods_count(content, limits)  # (Python code over every element: in the capped child too)
    try:
        with panic_output_hidden():
            name, warnings, data, merged, formulas, hidden, others = _calamine_read(
                raw, suffix, sheet, limits, archive, xls, content
            )
    except BaseException as exc:
        # A Rust panic in calamine (a truncated .xls makes it slice past its buffer) reaches Python as
        # pyo3's PanicException, a BaseException no ``except Exception`` catches: the file is damaged.
        if type(exc).__name__ != "PanicException":
            raise
        raise _corrupt(suffix) from None
    return (name, warnings, merged, formulas, hidden, others), data


def _calamine_read(
    raw: bytes,
    suffix: str,
    sheet: str | None,
    limits: SheetLimits,
    archive: zipfile.ZipFile | None,
    xls: XlsSheets | None,
    content: OdsContent | None,
) -> tuple[str, list[Finding], list[list[Any]], Any, set[tuple[int, int]], list[Run], Listed]:
    """The chosen sheet's name, the warnings in choosing it, its cells, merged ranges, formulas without a
    result, hidden rows and the workbook's sheets when the first was taken for want of a name (``chosen_sheet``);
    ``content``: an .ods's content.xml when it may hold merged ranges, formulas or
    hidden rows (``ods_checks``)."""
    import python_calamine  # only now: reading YAML firms loads none of it

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except python_calamine.PasswordError:
        raise _refuse("sheet.encrypted") from None
    except (python_calamine.CalamineError, ValueError, OSError):
        raise _corrupt(suffix) from None
    with book:
        metas = book.sheets_metadata
        if len({meta.name for meta in metas}) < len(metas):  # calamine reads the first of a name, whichever was chosen
            raise _corrupt(suffix, "sheet.reason.sheet_named_twice")
        name, warnings, others = choose(metas, sheet)
        try:
            data, merged, formulas, hidden = _read_chosen(book, name, suffix, limits, archive, xls, content)
        except SheetRefused as exc:
            # From here on a refusal is about the chosen sheet: named even when none was asked for, and
            # with what choosing it said (the hidden sheets passed over).
            raise SheetRefused(exc.findings, sheet=name, warnings=tuple(warnings)) from None
    return name, warnings, data, merged, formulas, hidden, others


def _read_chosen(
    book: Any,
    name: str,
    suffix: str,
    limits: SheetLimits,
    archive: zipfile.ZipFile | None,
    xls: XlsSheets | None,
    content: OdsContent | None,
) -> tuple[list[list[Any]], Any, set[tuple[int, int]], list[Run]]:
    """The chosen sheet's cells, merged ranges, formulas without a result and hidden rows (0-based first row,
    how many: ``hidden_rows``), after the checks calamine cannot make."""
    import python_calamine

    formulas: set[tuple[int, int]] = set()
    zeros: set[tuple[int, int]] = set()  # (.xlsx) formulas that saved 0: refused in a column of text
    ods_merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
    errors: Mapping[tuple[int, int], CellError] = {}  # cells showing an error (.xlsx, .ods: cell_errors)
    hidden: list[Run] = []
    if archive is not None and suffix == ".xlsx":
        names = book.sheet_names
        formulas, zeros, errors, hidden = _xlsx_precheck(archive, names, names.index(name), limits)
    elif content is not None and content.cells:
        from .ods_checks import ods_sheet_cells

        formulas, ods_merged, errors, hidden = ods_sheet_cells(content, name)
    elif xls is not None:
        formulas = xls.formulas_of(book.sheet_names.index(name))
        hidden = xls.hidden_of(book.sheet_names.index(name))
    try:
        found = book.get_sheet_by_name(name)
    except python_calamine.CalamineError:
        found = _errors_made_readable(archive, book.sheet_names, name) if errors else None
        if found is None:
            raise _corrupt(suffix) from None
    end = found.end
    rows, columns = (end[0] + 1, end[1] + 1) if end is not None else (0, 0)
    _check_extent(rows, columns, limits, suffix)
    data = found.to_python(skip_empty_area=False)
    settle_cells(data, name, formulas, errors)
    refuse_zero_text(zeros, data, name, formulas)
    if xls is not None:  # formula results calamine reads otherwise than saved: put right, or refused
        from .columns import field_of
        from .xls_extent import settle

        firm = {index for index, title in enumerate(data[0] if data else ()) if field_of(title) is not None}
        saved = xls.saved_of(book.sheet_names.index(name))
        unread = settle(saved, data, lambda row, column: row == 0 or column in firm)
        if unread:  # each cell located, in the sheet's order
            places = Places(data, {*formulas, *(cell for cell, _, _ in unread)})
            raise SheetRefused(tuple(places.located(key, values, cell) for cell, key, values in unread))
    merged = found.merged_cell_ranges or ods_merged
    check_merged(len(merged))
    return data, merged, formulas, hidden


def _errors_made_readable(archive: zipfile.ZipFile | None, names: Sequence[str], name: str) -> Any | None:
    """The sheet ``name`` read from a copy of the workbook in which the error values calamine cannot read
    (Excel 365's ``#SPILL!``, ``#CALC!``…: ``cell_errors.readable_errors``) are written ``#N/A``: else a
    valid workbook would be called damaged for one such cell, even in a column the list does not use. Each
    cell's own error was found before, and is said with its own text. ``None`` when there is nothing to
    rewrite or calamine still cannot read the sheet (the file is damaged)."""
    import python_calamine

    path = _xlsx_sheet_path(archive, names, names.index(name)) if archive is not None else None
    xml = _member(archive, path, ".xlsx") if archive is not None and path is not None else None
    rewritten = readable_errors(xml) if xml is not None else None
    if archive is None or rewritten is None:
        return None
    # Each name once, from its last entry (the one zipfile and calamine read): a name repeated N times is not
    # copied N times. Copied a megabyte at a time, deflated: the copy takes about what the file does.
    entries = {info.filename: info for info in archive.infolist()}
    copy = io.BytesIO()
    try:
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for member, info in entries.items():
                if member == path:
                    out.writestr(member, rewritten)
                    continue
                with archive.open(info) as source, out.open(member, "w", force_zip64=True) as target:
                    shutil.copyfileobj(source, target, 1 << 20)
    except _INFLATE_ERRORS:
        raise _corrupt(".xlsx") from None
    copy.seek(0)
    try:
        with python_calamine.CalamineWorkbook.from_filelike(copy) as book:
            return book.get_sheet_by_name(name)
    except (python_calamine.CalamineError, ValueError, OSError):
        return None


def _xls_precheck(raw: bytes, limits: SheetLimits) -> XlsSheets:
    """Refuse an .xls whose sheets reach past the limits, before calamine reads (and allocates) every sheet;
    return what the walk found (the formulas without a saved result, which calamine reads as empty).

    The walk first passes over runs of plain cells within an envelope
    (``xls_extent.envelope_for``), which may leave an extent an upper bound;
    when a check fails on such a walk, the stream is walked again record
    by record, so that a file is refused only on its exact extents, with
    their numbers."""
    from .xls_extent import envelope_for, walk
    from .xls_formula_spaces import FORMULA_SPACES, formula_spaces
    from .xls_shared_text import xls_shared_text
    from .xls_stream import NotReadable, workbook_stream

    if not raw.startswith(_CFB):
        if raw.startswith(b"PK\x03\x04"):  # a zip: an .xlsx or .ods saved under an .xls name (an office's mistake)
            try:
                names = zipfile.ZipFile(io.BytesIO(raw)).NameToInfo
            except Exception:  # (whatever zipfile raises on a directory it cannot read: damaged, as said below)
                names = {}
            for member, said in (("xl/workbook.xml", "sheet.xlsx_named_xls"), ("content.xml", "sheet.ods_named_xls")):
                if member in names:
                    raise _refuse(said)
        raise _corrupt(".xls", "sheet.reason.no_xls_header")
    try:
        stream = workbook_stream(raw, padding=4)
    except NotReadable as exc:
        raise _corrupt(".xls", exc.args[0]) from None
    text = xls_shared_text(stream, len(stream) - 4, limits.max_unpacked_bytes)  # shared strings in every cell
    if text is not None:
        raise _refuse(
            "sheet.xls_shared_text_too_large", size=fmt_bytes(text), limit=fmt_bytes(limits.max_unpacked_bytes)
        )
    found = walk(stream, envelope_for(limits.max_rows, limits.max_cells), padding=4)
    # Calamine lays a formula's spaces out one at a time; looked for where the walk met a formula (a search of
    # the whole stream costs 3 ms of a 10,000-row read).
    spaces = formula_spaces(stream, len(stream) - 4) if found.any_formula else None
    if spaces is not None:
        raise _refuse("sheet.xls_formula_spaces", count=grouped_count(spaces), limit=grouped_count(FORMULA_SPACES))
    try:
        _check_xls(found, limits)
    except SheetRefused:
        if not found.bounded:
            raise
        # A bound failed a check: the exact extents decide, and name the numbers (rare: a real cell out of
        # the envelope, or three sheets and more bounded by it).
        found = walk(stream, padding=4)
        _check_xls(found, limits)
    return found


def _check_xls(found: XlsSheets, limits: SheetLimits) -> None:
    if found.encrypted:
        raise _refuse("sheet.encrypted")
    total = 0
    names = dict(zip(found.starts, found.names, strict=False))
    for extent, start in zip(found.extents, found.counted or [None] * len(found.extents), strict=True):
        try:
            _check_extent(extent.rows, extent.columns, limits, ".xls")
        except SheetRefused as exc:  # about that sheet, whichever was asked for: it is the one to shorten
            named = SheetRefused(exc.findings, sheet=names.get(start) if start is not None else None)
            named.whole_file = named.sheet is None  # its name unread (cut short): no sheet named, not the one asked
            raise named from None
        total += extent.rows * extent.columns
        if total > limits.max_cells:
            refused = _refuse("sheet.book_too_many_cells", cells=total, limit=limits.max_cells)
            refused.whole_file = True
            raise refused
    if found.inverted or found.astray:
        raise _corrupt(".xls")


def _check_extent(rows: int, columns: int, limits: SheetLimits, suffix: str, more: str = "") -> None:
    if rows > limits.max_rows:
        shown = f"{rows}{more}" if more else rows
        raise _refuse("sheet.too_many_rows", rows=shown, limit=limits.max_rows, counted=counted(suffix))
    if rows * columns > limits.max_cells:
        cells = rows * columns
        shown = f"{cells}{more}" if more else cells
        raise _refuse("sheet.too_many_cells", cells=shown, limit=limits.max_cells, counted=counted(suffix))


def _checked_archive(raw: bytes, suffix: str, limits: SheetLimits) -> zipfile.ZipFile:
    """The zip archive, once its central directory shows it unpacks within the limit and is not encrypted."""
    if raw.startswith(_CFB):
        # Excel saves a workbook with a password to open as an OLE container holding the encrypted package.
        if "EncryptionInfo".encode("utf-16-le") in raw or "EncryptedPackage".encode("utf-16-le") in raw:
            raise _refuse("sheet.encrypted")
        from .xls_stream import holds_workbook_stream

        if holds_workbook_stream(raw):  # an old Excel workbook saved under this name
            raise _refuse("sheet.xls_named_other", suffix=suffix)
        raise _corrupt(suffix, "sheet.reason.ole")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except zipfile.BadZipFile:
        raise _corrupt(suffix, "sheet.reason.not_zip") from None
    except Exception:  # whatever zipfile's parser raises on a directory it cannot read:
        # LargeZipFile, NotImplementedError (one byte of "version needed" changed), struct.error, ValueError…
        raise _corrupt(suffix) from None
    from .archive_checks import renamed_members, shared_strings_lie

    if renamed_members(members):  # calamine would read a member under a name no check here looks at
        raise _corrupt(suffix)
    # The sizes the archive declares bound what calamine inflates: its zip reader stops a member
    # that grows past its declared size ("larger than its declared uncompressed size").
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unpacked_bytes:
        raise _refuse("sheet.unpacked_too_large", size=fmt_bytes(unpacked), limit=fmt_bytes(limits.max_unpacked_bytes))
    if suffix == ".xlsx":
        # calamine tells the kind from the contents, not the name: an .ods or .xlsb named .xlsx would be read
        # past the checks an .xlsx gets (an .ods's repeats expand as it opens: an abort).
        if "xl/workbook.xml" not in archive.NameToInfo:
            named = archive.NameToInfo
            if "content.xml" in named:
                raise _refuse("sheet.ods_named_xlsx")
            if "xl/workbook.bin" in named:
                raise _refuse("sheet.xlsb_named_xlsx")
            raise _corrupt(suffix, "sheet.reason.no_workbook_xml")
        if shared_strings_lie(archive, members):  # calamine would reserve room for them: an abort
            raise _corrupt(suffix)
    if suffix == ".ods":
        manifest = _member(archive, "META-INF/manifest.xml", suffix)
        if manifest is not None and b"encryption-data" in manifest:
            raise _refuse("sheet.encrypted")
    return archive


def _xlsx_sheet_path(
    archive: zipfile.ZipFile, names: Sequence[str], position: int, book: bytes | None = None
) -> str | None:
    """The archive member calamine reads for the ``position``-th of the sheets it lists as ``names``
    (``xlsx_parts``: found as calamine finds it; a file where that is not certain is damaged); ``book``:
    workbook.xml's bytes when the caller has read them."""
    from .xlsx_parts import Ambiguous, sheet_part

    book = book if book is not None else _member(archive, "xl/workbook.xml", ".xlsx")
    rels = _member(archive, "xl/_rels/workbook.xml.rels", ".xlsx")
    if book is None or rels is None:
        return None
    try:
        return sheet_part(book, rels, names, position)
    except Ambiguous:
        raise _corrupt(".xlsx") from None


def _xlsx_precheck(
    archive: zipfile.ZipFile, names: Sequence[str], position: int, limits: SheetLimits
) -> tuple[set[tuple[int, int]], set[tuple[int, int]], dict[tuple[int, int], CellError], list[Run]]:
    """Refuse a sheet whose cells span more than the limits; return its formulas without a saved result and
    those that saved 0 (``xlsx_formulas.sheet_formulas``), its cells showing an error and its hidden rows.

    Calamine allocates the whole rectangle from A1 to the last cell, so a file
    with one cell far away would exhaust memory before any check on the read
    sheet could run.
    """
    book = _member(archive, "xl/workbook.xml", ".xlsx")  # (inflated once: the sheet's path, its formulas)
    path = _xlsx_sheet_path(archive, names, position, book)
    xml = _member(archive, path, ".xlsx") if path else None
    if xml is None:  # a sheet calamine may find where no check looks: not read
        raise _corrupt(".xlsx")
    _check_bound(xml, limits)
    check_merged(merged_tags(xml))  # before calamine lists them
    text = shared_text(xml, archive, limits.max_unpacked_bytes)  # shared strings copied into every cell
    if text is not None:
        raise _refuse("sheet.shared_text_too_large", size=fmt_bytes(text), limit=fmt_bytes(limits.max_unpacked_bytes))
    formulas, zeros = sheet_formulas(xml, book)
    return formulas, zeros, xlsx_errors(xml), [(row - 1, 1) for row in sorted(xlsx_hidden_rows(xml))]


_ALLOCATION_FACTOR = 4
"""How far past ``max_cells`` the rectangle calamine allocates may be before its exact extent is checked."""


def _check_bound(xml: bytes, limits: SheetLimits) -> None:
    """Refuse a sheet whose cell references reach beyond the limits, before calamine allocates their rectangle.

    Cheap for the usual sheet: a search for a literal `` r="`` lets the regex
    engine skip ahead, so it asks only whether any row number is longer
    than ``max_rows`` allows and whether any column is past Z; the exact
    extent, read by calamine, is checked afterwards. Only when that bound is
    far larger than ``max_cells`` are the references counted exactly here.
    """
    digits = len(str(limits.max_rows))
    if any(pattern.search(xml) is not None for pattern in (_UNPLACED, _UNPLACED_PREFIXED, _ODD_R)):
        # A cell tag not beginning <c r=": its place may be the cell before it's, which the searches below
        # cannot see (nor an r after a tab, in ' quotes, or spaced). Placed cell by cell as calamine does.
        from .xlsx_positions import Past, Unreadable, placed_extent

        try:
            _check_extent(*placed_extent(xml, limits.max_cells), limits, ".xlsx")
        except Unreadable:
            raise _corrupt(".xlsx") from None
        except Past as past:  # more cell tags than --max-cells: the sheet spans more ("50001+"), or repeats a place
            _check_extent(past.rows, past.columns, limits, ".xlsx", "+")
            cells = f"{limits.max_cells}+"
            raise _refuse(
                "sheet.too_many_cells", cells=cells, limit=limits.max_cells, counted=counted(".xlsx")
            ) from None
        return
    too_far = next(_holding(xml, re.compile(rb' r="[A-Za-z]+([0-9]{%d,})"' % (digits + 1))), None)
    if too_far is not None:
        # The message names the sheet's last row, not the first one found past the limit (rare: one more pass).
        last = _last_row(found.group(2).lstrip(b"0") for found in _holding(xml, _CELL_REF))
        rows = _row_count(last, limits)
        raise _refuse("sheet.too_many_rows", rows=rows, limit=limits.max_rows, counted=counted(".xlsx"))
    columns = 26 if _BEYOND_Z.search(xml) is None else _last_column(xml)  # cells holding nothing too: a bound
    if (10**digits - 1) * columns > _ALLOCATION_FACTOR * limits.max_cells:
        rows = max((int(found.group(1)) for found in _holding(xml, _CELL_ROW)), default=0)
        _check_extent(rows, _last_column(xml, holding=True), limits, ".xlsx")


def _holding(xml: bytes, pattern: re.Pattern[bytes]) -> Iterator[re.Match[bytes]]:
    """The matches of ``pattern`` (ending after a cell's r="…") in cell tags that may hold a value."""
    # The rest of a tag is looked at within _EMPTY_TAIL bytes: a tag of 40,000 r attributes, each looked at to its
    # end, took an hour; a longer rest (no empty cell has one) may hold a value, and counts.
    return (
        found
        for found in pattern.finditer(xml)
        if _EMPTY_REST.match(xml, found.end(), found.end() + _EMPTY_TAIL) is None
    )


_EMPTY_TAIL = 256
"""Bytes after a cell's r="…" within which an empty cell's tag ends (a style, a type: some tens)."""


def _last_row(numbers: Iterable[bytes]) -> bytes:
    """The greatest of row numbers written without leading zeros, compared as numbers (without int():
    a hostile sheet may write thousands of digits)."""
    return max(numbers, key=lambda digits: (len(digits), digits), default=b"0")


def _row_count(digits: bytes, limits: SheetLimits) -> int | str:
    """A row number for the message: past what int() reads (4,300 digits), "more than the limit"."""
    return int(digits) if len(digits) <= 18 else f"{limits.max_rows}+"


def _last_column(xml: bytes, holding: bool = False) -> int:
    """The last column a cell reference names; ``holding``: only cells that may hold a value."""
    found = (match.group(1) for match in _holding(xml, _CELL_COLUMN)) if holding else _CELL_COLUMN.findall(xml)
    letters = {each.upper() for each in found}
    return _column_number(max(letters, key=lambda c: (len(c), c))) if letters else 0


_MOST_COLUMNS = 2**32
"""Columns counted at most (calamine's own count is 32 bits): thousands of letters make no huge number."""


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = min(number * 26 + char - 64, _MOST_COLUMNS)
    return number
