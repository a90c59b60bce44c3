"""Spreadsheets built in code, as offices write them."""

from __future__ import annotations

import contextlib
import io
import re
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import olefile  # type: ignore[import-untyped]
import pytest
import xlsxwriter  # type: ignore[import-untyped]
import xlwt  # type: ignore[import-untyped]

from ovop_assess.sheets import xls_shared_text
from ovop_assess.sheets.xls_extent import Envelope, Extent, envelope_for, walk
from ovop_assess.sheets.xls_stream import workbook_stream


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write an .xlsx: ``sheets`` maps a sheet name to its rows (strings stay text, numbers numbers)."""

    def make(
        sheets: dict[str, Sequence[Sequence[Any]]],
        name: str = "daftar-usaha.xlsx",
        hidden: Sequence[str] = (),
        build: Callable[[Any, Any], None] | None = None,
    ) -> Path:
        path = tmp_path / name
        book = xlsxwriter.Workbook(str(path))
        for sheet_name, rows in sheets.items():
            sheet = book.add_worksheet(sheet_name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is None:
                        continue
                    if isinstance(value, str):
                        sheet.write_string(r, c, value)
                    else:
                        sheet.write(r, c, value)
            if sheet_name in hidden:
                sheet.hide()
            elif not any(sheet.name not in hidden for sheet in book.worksheets()[:-1]):
                sheet.activate()  # Excel cannot hide the active sheet
            if build is not None and sheet_name == next(iter(sheets)):
                build(book, sheet)
        book.close()
        return path

    return make


@pytest.fixture
def make_ods(tmp_path: Path) -> Callable[..., Path]:
    """Write a minimal .ods whose <office:spreadsheet> holds ``body``. Every content built is checked to give
    for each of its sheets what the expat walk gives, when the scan of ``ods_cells`` answers at all."""

    def make(body: str, name: str = "daftar-usaha.ods", manifest_extra: str = "", styles: str = "") -> Path:
        path = tmp_path / name
        path.write_bytes(_ods_bytes(body, manifest_extra, styles))
        _assert_ods_scan_agrees(_ods_content(body, styles))
        _assert_ods_bound_holds(_ods_content(body, styles).encode())
        return path

    return make


@pytest.fixture
def make_unchecked_ods(tmp_path: Path) -> Callable[..., Path]:
    """Write a minimal .ods as ``make_ods`` does, for content not well-formed XML that calamine reads all the
    same (the walks it is checked against refuse it)."""

    def make(body: str, name: str = "daftar-usaha.ods") -> Path:
        path = tmp_path / name
        path.write_bytes(_ods_bytes(body))
        return path

    return make


@pytest.fixture
def ods_row() -> Callable[..., str]:
    return _ods_row


def _ods_bytes(content_body: str, manifest_extra: str = "", styles: str = "") -> bytes:
    """A minimal OpenDocument spreadsheet: ``content_body`` is the XML inside <office:spreadsheet>,
    ``styles`` any <office:automatic-styles> before the body."""
    import io

    content = _ods_content(content_body, styles)
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest_extra}'
        "</manifest:file-entry></manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _ods_content(content_body: str, styles: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.2">'
        f"{styles}<office:body><office:spreadsheet>{content_body}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )


def _assert_ods_scan_agrees(content: str) -> None:
    from html import unescape

    from ovop_assess.sheets.ods_cells import walk
    from ovop_assess.sheets.ods_cells_scan import scan

    for name in set(re.findall(r'<table:table [^>]*table:name="([^"]*)"', content)):
        found = scan(content.encode(), unescape(name))
        if found is not None:
            expected = walk(content.encode(), unescape(name))
            assert found == (expected.merged, expected.formulas)


def _assert_ods_bound_holds(content: bytes) -> None:
    """The byte bound of the cells calamine allocates is never below the exact count (when it vouches)."""
    from ovop_assess.sheets.expat_walk import Unreadable
    from ovop_assess.sheets.ods_extent import allocation
    from ovop_assess.sheets.ods_repeats import RepeatScan

    scan = RepeatScan(lambda rows, columns: None)
    scan.feed(content)
    scan.close()
    bound = scan.bound()
    if bound is not None:
        with contextlib.suppress(Unreadable):  # the reader refuses it as damaged
            assert bound >= allocation(content, bound)


def _ods_row(*cells: str | float | None, repeat: int = 1) -> str:
    parts = []
    for cell in cells:
        if cell is None:
            parts.append("<table:table-cell/>")
        elif isinstance(cell, str):
            parts.append(f'<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>')
        else:
            parts.append(
                f'<table:table-cell office:value-type="float" office:value="{cell}">'
                f"<text:p>{cell}</text:p></table:table-cell>"
            )
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{''.join(parts)}</table:table-row>"


@pytest.fixture
def make_xls(tmp_path: Path) -> Callable[..., Path]:
    """Write an .xls with xlwt, as an office's old Excel saves it; ``build`` is called with each sheet.
    Every file built is checked to read the same through the fast paths as through the plain ones."""

    def make(
        sheets: dict[str, Sequence[Sequence[Any]]],
        name: str = "daftar-usaha.xls",
        build: Callable[[Any], None] | None = None,
    ) -> Path:
        book = xlwt.Workbook(encoding="utf-8")
        for sheet_name, rows in sheets.items():
            sheet = book.add_sheet(sheet_name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is not None:
                        sheet.write(r, c, value)
            if build is not None:
                build(sheet)
        path = tmp_path / name
        book.save(str(path))
        assert_xls_fast_paths_agree(path.read_bytes())
        return path

    return make


def assert_xls_fast_paths_agree(raw: bytes) -> None:
    """The Workbook stream as olefile reads it, and the walk with an envelope as without (see below)."""
    with olefile.OleFileIO(io.BytesIO(raw), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        stream = workbook_stream(raw)
        assert stream == ole.openstream("Workbook").read()
    assert workbook_stream(raw, padding=4) == stream + bytes(4)  # the same copy, four zeros after it
    _assert_walks_agree(stream)
    for segments in xls_shared_text._tables(stream, len(stream)):  # the short strings passed in C: a bound
        lengths = list(xls_shared_text._lengths(segments))
        assert max([765, *lengths]) <= xls_shared_text._longest(segments) <= max([1530, *lengths])


@pytest.fixture
def assert_walks_agree() -> Callable[[bytes], None]:
    return _assert_walks_agree


def _assert_walks_agree(stream: bytes) -> None:
    """The walk with an envelope finds what the exact walk finds, but for extents: each either the exact
    one or the exact one raised to the envelope (a bound)."""
    exact = walk(stream)
    assert not exact.bounded
    assert walk(stream + bytes(4), padding=4) == exact  # the padding a caller made is not walked
    envelopes = [envelope_for(50_000, 1_000_000), envelope_for(300, 1_000_000), envelope_for(1000, 5000)]
    for bounds in [*envelopes, Envelope(256, 2)]:
        assert bounds is not None
        fast = walk(stream, bounds)
        assert walk(stream + bytes(4), bounds, padding=4) == fast
        assert (fast.starts, fast.formulas, fast.saved, fast.encrypted, fast.inverted, fast.astray, fast.hidden) == (
            exact.starts,
            exact.formulas,
            exact.saved,
            exact.encrypted,
            exact.inverted,
            exact.astray,
            exact.hidden,
        )
        raised = [Extent(max(e.rows, bounds.rows), max(e.columns, bounds.columns)) for e in exact.extents]
        assert len(fast.extents) == len(exact.extents)
        assert all(e in (x, r) for e, x, r in zip(fast.extents, exact.extents, raised, strict=True))
        assert fast.bounded or fast.extents == exact.extents


class _Calamine:
    """python_calamine as the reader imports it, but for how a workbook is opened (``from_filelike``)."""

    def __init__(self, real: ModuleType, from_filelike: Callable[[Any], Any]) -> None:
        self._real = real  # the module itself: importing it here would find this stand-in
        self.CalamineWorkbook = SimpleNamespace(from_filelike=from_filelike)

    def __getattr__(self, name: str) -> Any:  # the exceptions and enums the reader names
        return getattr(self._real, name)


@pytest.fixture
def calamine_never_opens(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it, and any file that reaches calamine fails the test: for files that must be refused unread."""
    import python_calamine

    def opened(_: object) -> None:
        raise AssertionError("calamine opened a file the checks before it should have refused")

    return lambda: monkeypatch.setitem(sys.modules, "python_calamine", _Calamine(python_calamine, opened))


class _SheetsUnread:
    """A calamine workbook whose sheets are listed as ever, and reading one fails the test."""

    def __init__(self, book: Any) -> None:
        self._book = book

    def __enter__(self) -> _SheetsUnread:
        self._book.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._book.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:  # sheets_metadata, sheet_names
        return getattr(self._book, name)

    def get_sheet_by_name(self, name: str) -> None:
        raise AssertionError(f"calamine read sheet {name!r}, which the checks before it should have refused")

    get_sheet_by_index = get_sheet_by_name


@pytest.fixture
def calamine_reads_no_sheet(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it, and calamine opens a workbook as ever, but reading a sheet's cells fails the test: for a
    sheet that must be refused before calamine allocates its whole rectangle (it does so on reading it)."""
    import python_calamine

    def opened(filelike: Any) -> _SheetsUnread:
        return _SheetsUnread(python_calamine.CalamineWorkbook.from_filelike(filelike))

    return lambda: monkeypatch.setitem(sys.modules, "python_calamine", _Calamine(python_calamine, opened))
