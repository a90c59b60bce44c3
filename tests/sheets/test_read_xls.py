"""Excel 97-2003 workbooks (.xls), built in code with xlwt as an office's old Excel saves them."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import xlwt  # type: ignore[import-untyped]
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ovop_assess import messages
from ovop_assess.firm_sheet import import_firms
from ovop_assess.messages import render
from ovop_assess.sheets import SheetLimits, cell_name, read_firms
from ovop_assess.sheets.limits import counted
from ovop_assess.sheets.xls_extent import Envelope, Extent, Saved, walk
from ovop_assess.yaml_source import Limits

from ..work import peak_memory


def _ids(findings: Any) -> list[str]:
    return [f.message.id for f in findings]


def _cells(findings: Any) -> list[str]:
    return [cell_name(f.location.line, f.location.column) for f in findings]


OFFICE = [
    ["Nama Usaha", "Peran", "Alamat", "Pembina", "Bersedia Menjadi Penggerak", "NIB", "Tenaga Kerja"],
    ["Tenun Ikat Sumba", "Penggerak", "Desa Prailiu", None, "Ya", "0812345678901", 14],
    ["Tenun Lambanapu", "binaan", "Desa Lambanapu", "Tenun Ikat Sumba", "Tidak", 812345678902, 5],
    [None, None, "(baris kosong)"],
    ["Tenun Kawangu", "binaan", "Desa Kawangu", "Tenun Ikat Sumba", "T", "0812345678903", 3],
]


def test_office_xls_end_to_end(make_xls: Callable[..., Path]) -> None:
    path = make_xls({"Daftar UMKM": OFFICE})
    found = read_firms(path)
    assert found.sheet == "Daftar UMKM" and found.rows == (2, 3, 5)
    assert [f.get("willing_to_lead") for f in found.firms] == [True, False, False]
    assert found.firms[0] == {
        "name": "Tenun Ikat Sumba",
        "role": "champion",
        "willing_to_lead": True,
        "nib": "0812345678901",
        "workers": 14,
    }
    # The NIB typed as a number in row 3 is located by its cell.
    assert _ids(found.errors) == ["sheet.nib_number_lost_zero"] and _cells(found.errors) == ["F3"]
    assert found.errors[0].location.path == "firms[1].nib"
    assert messages.render(found.errors[0].message, "id").startswith("NIB tersimpan sebagai angka (812345678902)")
    assert _ids(found.warnings) == ["sheet.unknown_columns", "sheet.rows_only_ignored"]  # row 4: an address alone
    imported = import_firms(path, None, Limits())
    assert [(f.location.sheet, f.location.cell) for f in imported.errors] == [("Daftar UMKM", "F3")]


def test_xls_limits_apply_before_the_workbook_is_opened(make_xls: Callable[..., Path]) -> None:
    rows = [["Nama Usaha", "Peran"]] + [[f"U{i}", "anggota"] for i in range(30)]
    path = make_xls({"D": rows})
    assert read_firms(path, limits=SheetLimits(max_rows=31)).errors == ()
    assert _ids(read_firms(path, limits=SheetLimits(max_rows=30)).errors) == ["sheet.too_many_rows"]
    assert _ids(read_firms(path, limits=SheetLimits(max_cells=61)).errors) == ["sheet.too_many_cells"]
    assert _ids(read_firms(path, limits=SheetLimits(max_bytes=1000)).errors) == ["sheet.too_large"]


def test_far_cells_on_many_sheets_are_refused_without_allocating_them(
    make_xls: Callable[..., Path], calamine_never_opens: Callable[[], None]
) -> None:
    # calamine reads every sheet of an .xls on opening it, each as its full rectangle: this 6 KB file
    # would cost it over 500 MB a sheet.
    def far(sheet: Any) -> None:
        sheet.write(65535, 255, "x")

    path = make_xls({f"S{i}": [["Nama Usaha", "Peran"]] for i in range(3)}, build=far)
    calamine_never_opens()
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.too_many_rows"]
    assert dict(found.errors[0].message.values) == {"rows": 65536, "limit": 50_000, "counted": counted(".xls")}


def test_sheets_adding_up_past_the_cell_limit_are_refused(make_xls: Callable[..., Path]) -> None:
    def corner(sheet: Any) -> None:
        sheet.write(999, 99, "x")  # 100,000 cells a sheet

    path = make_xls({f"S{i}": [["Nama Usaha", "Peran"]] for i in range(11)}, build=corner)
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.book_too_many_cells"]
    assert dict(found.errors[0].message.values) == {"cells": 1_100_000, "limit": 1_000_000}
    assert "tidak dibuka" in messages.render(found.errors[0].message, "id")
    # About every sheet together: no sheet is named, not even the one asked for.
    assert read_firms(path).sheet is None and read_firms(path, "S3").sheet is None


def test_another_sheet_past_the_limits_is_the_one_named(make_xls: Callable[..., Path]) -> None:
    """An .xls is refused whole when any sheet reaches past the limits (calamine reads every sheet as it opens
    the file): the refusal names that sheet, not the firm list asked for (an adversarial review: bordered
    empty cells down to row 65,000 of a "Rekap" sheet were blamed on "Daftar UMKM", of 13 rows)."""
    bordered = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin")

    def borders(sheet: Any) -> None:
        if sheet.name == "Rekap":
            for row in range(1, 60_000):
                sheet.write(row, 0, None, bordered)  # a format alone: a cell to an .xls

    rows = [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"]]
    path = make_xls({"Daftar UMKM": rows, "Rekap": [["Rekap per dusun"]]}, build=borders)
    for asked in ("Daftar UMKM", None):
        found = read_firms(path, asked)
        assert _ids(found.errors) == ["sheet.too_many_rows"] and found.sheet == "Rekap"
        assert dict(found.errors[0].message.values)["rows"] == 60_000
    assert "on every sheet (an .xls file is read whole)" in messages.render(found.errors[0].message, "en")


def test_xls_merged_cells_and_hidden_or_missing_sheets(make_xls: Callable[..., Path]) -> None:
    def merge(sheet: Any) -> None:
        if sheet.name == "Daftar":
            sheet.write_merge(2, 3, 2, 2, "Usaha A")  # one mentor for two mentees
        else:
            sheet.visibility = 1  # hidden

    rows = [["Nama Usaha", "Peran", "Pembina"], ["Usaha A", "penggerak"], ["B", "binaan"], ["C", "binaan"]]
    path = make_xls({"Daftar": rows, "Lama": [["Nama Usaha", "Peran"], ["X", "anggota"]]}, build=merge)
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.merged"] and _cells(found.errors) == ["C3"]
    assert found.errors[0].message.values == {"cells": "C3:C4"}
    hidden = read_firms(path, sheet="Lama")
    assert hidden.firms == ({"name": "X", "role": "member"},) and _ids(hidden.warnings) == ["sheet.hidden"]
    missing = read_firms(path, sheet="Daftar UMKM")
    assert _ids(missing.errors) == ["sheet.not_found"]
    assert messages.render(missing.errors[0].message) == (
        "the workbook has no sheet named Daftar UMKM; its sheets are: Daftar, Lama (hidden)"
    )


def test_xls_formula_without_saved_result_is_an_error(make_xls: Callable[..., Path]) -> None:
    def formulas(sheet: Any) -> None:
        sheet.write(2, 0, xlwt.Formula('"Usaha "&"B"'))  # xlwt, like any script, saves no result

    rows = [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"], [None, "anggota"]]
    found = read_firms(make_xls({"Daftar": rows}, build=formulas))
    assert [(f.message.id, f.location.path) for f in found.errors] == [("sheet.formula_no_value", "firms[1].name")]
    assert _cells(found.errors) == ["A3"]


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _formula(row: int, column: int, result: bytes) -> bytes:
    return _record(0x0006, struct.pack("<HHH", row, column, 0) + result + bytes(6))


def test_xls_walk_reads_saved_results_as_biff_defines_them() -> None:
    text, empty, number = b"\x00" + bytes(5) + b"\xff\xff", b"\x03" + bytes(5) + b"\xff\xff", struct.pack("<d", 5.0)
    sheet_at = len(_record(0x0809, bytes(16)) + _record(0x0085, bytes(10)) + _record(0x000A, b""))
    stream = (
        _record(0x0809, bytes(16))
        + _record(0x0085, struct.pack("<I", sheet_at) + b"\x00\x00\x02\x00ab")  # the sheet "ab", at its BOF
        + _record(0x000A, b"")
        + _record(0x0809, bytes(16))
        + _formula(1, 0, text)
        + _record(0x0207, b"\x01\x00\x00x")  # the text result saved
        + _formula(2, 0, text)  # a text result promised, none saved
        + _formula(3, 1, empty)
        + _formula(4, 2, number)
        + _record(0x000A, b"")
    )
    found = walk(stream)
    assert found.extents == [Extent(5, 3)] and found.starts == [sheet_at]
    assert found.formulas_of(0) == {(2, 0), (3, 1)} and found.formulas_of(1) == set()


def test_password_protected_xls_is_refused(make_xls: Callable[..., Path]) -> None:
    path = make_xls({"D": [["Nama Usaha", "Peran"]]})
    raw = path.read_bytes()
    # Excel marks a workbook with a password to open by a FILEPASS record among the workbook globals:
    # the WRITEACCESS record xlwt writes there becomes one, of the same length.
    at = raw.index(b"\x5c\x00\x70\x00")
    path.write_bytes(raw[:at] + b"\x2f\x00\x70\x00\x01\x00" + raw[at + 6 :])
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.encrypted"]


def test_xls_cells_as_offices_mistype_them(make_xls: Callable[..., Path]) -> None:
    rows = [
        ["Nama Usaha", "Peran", "NIB", "Kapasitas per Bulan"],
        ["Usaha A", "penggerak", "8.12E+12", "1.500"],
        ["Usaha B", "anggota", "0812345678901", 1500],
    ]
    found = read_firms(make_xls({"Daftar": rows}))
    assert [(f.message.id, c) for f, c in zip(found.errors, _cells(found.errors), strict=True)] == [
        ("sheet.nib_scientific", "C2"),
        ("sheet.thousands_separator", "D2"),
    ]
    assert found.firms[1] == {"name": "Usaha B", "role": "member", "nib": "0812345678901", "monthly_capacity": 1500.0}


def test_xls_stream_claiming_more_than_the_file_is_refused_unread(
    make_xls: Callable[..., Path], calamine_never_opens: Callable[[], None]
) -> None:
    path = make_xls({"D": [["Nama Usaha", "Peran"]]})
    raw = bytearray(path.read_bytes())
    entry = raw.index("Workbook".encode("utf-16-le"))  # its directory entry; the stream size is at byte 120
    struct.pack_into("<I", raw, entry + 120, 0x7FFFFF00)
    path.write_bytes(bytes(raw))
    # Unread, counted: calamine never sees the file, and nothing near the 2 GiB claimed is read or set
    # aside for it (the refusal takes some kilobytes, a first import of olefile half a megabyte).
    calamine_never_opens()
    with peak_memory() as memory:
        found = read_firms(path)
    assert memory.n < 4 * 1024 * 1024
    assert _ids(found.errors) == ["sheet.corrupt"]
    assert "claims more bytes than the file holds" in render(found.errors[0].message)


@pytest.mark.parametrize("cut", [8, 64, 200])
def test_a_truncated_xls_that_makes_calamine_panic_is_refused(make_xls: Callable[..., Path], cut: int) -> None:
    """A copy cut short (its last sector gone): calamine's Rust code panics, which Python sees as a
    BaseException; the file is refused as damaged, never a traceback."""
    path = make_xls({"Daftar": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]})
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - cut])
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.corrupt"] and found.firms == ()


def test_calamine_s_panic_is_not_printed(make_xls: Callable[..., Path], tmp_path: Path) -> None:
    """The Rust panic message (and its backtrace) goes to descriptor 2 before Python sees the panic:
    the reader gets the tool's "damaged" message only, from the command line too."""
    path = make_xls({"Daftar": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]})
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - 64])
    env = {**os.environ, "RUST_BACKTRACE": "1", "OVOP_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "ovop_assess", "import", str(path)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 3
    assert "panicked" not in done.stderr and "backtrace" not in done.stderr
    assert "workbook cannot be read; it is damaged" in done.stderr
    assert done.stderr.count("\n") == 2  # the count of problems, then the one problem


@pytest.mark.parametrize("first_row", [3, 88, 0xFFFFFFFF])
def test_an_xls_whose_dimensions_start_after_they_end_is_refused(
    make_xls: Callable[..., Path], first_row: int, calamine_never_opens: Callable[[], None]
) -> None:
    """A sheet's DIMENSIONS record whose first row lies past the row after its last: calamine works out
    the sheet's size from them and asks for hundreds of gigabytes, which aborts the whole process."""
    path = make_xls({"Daftar": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]})
    raw = bytearray(path.read_bytes())
    body = raw.index(struct.pack("<HH", 0x0200, 14)) + 4  # the sheet's DIMENSIONS (BIFF8): rows as u32
    assert struct.unpack_from("<II", raw, body) == (0, 2)
    struct.pack_into("<I", raw, body, first_row)
    path.write_bytes(bytes(raw))
    calamine_never_opens()
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.corrupt"] and found.firms == ()


def _plain_walk(
    stream: bytes,
) -> tuple[list[Extent], list[int], dict[int, set[tuple[int, int]]], Any, bool, bool, frozenset[int]]:
    """The walk as BIFF reads, one record after another with nothing skipped: what the fast walk must give
    (what its formulas saved with the cells of its long texts only; its last item: a sheet listed at no
    substream of its own)."""
    position, depth, rows, columns, start, seen_globals = 0, 0, 0, 0, 0, False
    extents: list[Extent] = []
    counted: list[int] = []
    starts: list[int] = []
    formulas: dict[int, set[tuple[int, int]]] = {}
    saved: dict[int, Saved] = {}
    computed: set[int] = set()  # where a formula saved a result other than the empty text
    biff8, last = False, (-1, -1)
    records = []
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        if position + 4 + size > len(stream):
            break
        records.append((position, kind, stream[position + 4 : position + 4 + size]))
        position += 4 + size
    for index, (at, kind, body) in enumerate(records):
        if kind in {0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6} and len(body) >= 4:
            row, column = struct.unpack_from("<HH", body)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        if kind == 0x0006 and len(body) >= 14:
            cell, result = struct.unpack_from("<HH", body), body[6:14]
            text = index + 1
            while text < len(records) and records[text][1] in {0x04BC, 0x0221, 0x0236}:  # SHRFMLA, ARRAY, TABLE
                text += 1
            if result[6:] != b"\xff\xff" or result[0] in (1, 2):
                computed.add(start)
            if result[6:] == b"\xff\xff":
                if result[0] == 0 and text < len(records) and records[text][1] == 0x0207:
                    computed.add(start)
                    if text + 1 < len(records) and records[text + 1][1] == 0x003C:  # CONTINUE
                        saved.setdefault(start, Saved({}, {}, {}, {}, {})).long_texts[cell] = "(its text)"
                elif result[0] in (0, 3):
                    formulas.setdefault(start, set()).add(cell)
                    if result[0] == 3:
                        count = struct.unpack_from("<H", body, 20)[0] if len(body) >= 22 else 0
                        tokens = body[22 : 22 + count] if biff8 and 22 + count <= len(body) else None
                        saved.setdefault(start, Saved({}, {}, {}, {}, {})).empty_texts[cell] = tokens
                elif result[0] == 2:
                    saved.setdefault(start, Saved({}, {}, {}, {}, {})).errors[cell] = result[2]
            elif result in (bytes(8), struct.pack("<d", 1)):
                count = struct.unpack_from("<H", body, 20)[0] if len(body) >= 22 else 0
                tokens = body[22 : 22 + count] if biff8 and 22 + count <= len(body) else None
                saved.setdefault(start, Saved({}, {}, {}, {}, {})).numbers[cell] = (result != bytes(8), tokens)
        if kind == 0x0006:
            last = struct.unpack_from("<HH", body) if len(body) >= 4 else (-1, -1)
        elif kind in {0x04BC, 0x0221}:
            skip = 10 if kind == 0x04BC else 14
            count = struct.unpack_from("<H", body, skip - 2)[0] if len(body) >= skip else len(body)
            if biff8 and skip + count <= len(body):
                shared = saved.setdefault(start, Saved({}, {}, {}, {}, {})).shared
                shared.setdefault((struct.unpack_from("<H", body)[0], body[4]), body[skip : skip + count])
                shared.setdefault(last, body[skip : skip + count])
        elif kind == 0x0809:
            depth += 1
            if depth == 1:
                rows, columns, start = 0, 0, at
                biff8, last = body[:2] == b"\x00\x06", (-1, -1)
        elif kind == 0x000A:
            depth -= 1
            if depth == 0:
                if seen_globals:
                    extents.append(Extent(rows, columns))
                    counted.append(start)
                seen_globals = True
            depth = max(depth, 0)
        elif kind == 0x002F and not seen_globals:
            return [], [], {}, {}, True, False, frozenset()
        elif kind == 0x0085 and len(body) >= 4 and not seen_globals:
            starts.append(struct.unpack_from("<I", body)[0])
        elif kind in {0x00BD, 0x00BE} and len(body) >= 6:
            rows = max(rows, struct.unpack_from("<H", body)[0] + 1)
            columns = max(columns, struct.unpack_from("<H", body, len(body) - 2)[0] + 1)
        elif kind == 0x0200 and len(body) >= 14:
            rows, columns = max(rows, struct.unpack_from("<I", body, 4)[0]), max(columns, body[10] + 256 * body[11])
        elif kind == 0x0200 and len(body) >= 8:
            rows, columns = max(rows, struct.unpack_from("<H", body, 2)[0]), max(columns, body[6] + 256 * body[7])
    if depth > 0 and seen_globals:  # a sheet the stream ends in, which calamine reads to the end
        extents.append(Extent(rows, columns))
        counted.append(start)
    astray = any(starts.count(at) > 1 or at not in counted for at in starts)
    return extents, starts, formulas, _long_texts_named(saved), False, astray, frozenset(computed)


def _long_texts_named(saved: dict[int, Saved]) -> dict[int, Saved]:
    """What the formulas saved, each long text replaced by the same words (its decoding is tested on its own)."""
    return {
        start: found._replace(long_texts=dict.fromkeys(found.long_texts, "(its text)"))
        for start, found in saved.items()
    }


RECORD = st.one_of(
    st.tuples(
        st.sampled_from([0x0006, 0x00FD, 0x0201, 0x027E, 0x00BD, 0x0200, 0x0207, 0x0208, 0x0809, 0x000A, 0x0085]),
        st.binary(max_size=24),
    ),
    st.tuples(  # a formula whose saved result is text (0), empty (3), a TRUE/FALSE (1) or an error (2)
        st.just(0x0006),
        st.tuples(st.sampled_from(b"\x00\x03\x01\x02"), st.binary(max_size=1)).map(
            lambda t: bytes(6) + bytes([t[0], 0, *t[1]]) + bytes(4 - len(t[1])) + b"\xff\xff" + bytes(6)
        ),
    ),
    st.tuples(  # a formula whose saved result is 0 or 1, and its tokens (a ptgExp, a text and &, any bytes)
        st.just(0x0006),
        st.tuples(
            st.sampled_from([bytes(8), struct.pack("<d", 1), struct.pack("<d", 2)]),
            st.sampled_from([b"\x01\x00\x00\x00\x00", b"\x17\x01\x00a\x17\x01\x00b\x08", b"\x1e\x00\x00"])
            | st.binary(max_size=6),
            st.integers(0, 8),
        ).map(lambda t: bytes(6) + t[0] + bytes(6) + struct.pack("<H", max(0, len(t[1]) + t[2] - 4)) + t[1]),
    ),
    st.tuples(  # the formula of a shared range or an array (its first cell and its tokens)
        st.sampled_from([0x04BC, 0x0221, 0x0236]),
        st.tuples(st.integers(0, 3), st.binary(max_size=8)).map(
            lambda t: struct.pack("<HHBB", t[0], t[0] + 2, 0, 0) + bytes(2) + struct.pack("<H", len(t[1])) + t[1]
        ),
    ),
    st.tuples(st.just(0x0809), st.sampled_from([b"\x00\x06", b"\x00\x05"]).map(lambda v: v + bytes(14))),  # BIFF8, 5
    st.tuples(st.sampled_from([0x0809, 0x000A, 0x0207, 0x003C]), st.just(b"")),  # substreams, texts going on
    st.tuples(st.just(0x003C), st.binary(max_size=6)),
)
FILEPASS = (0x002F, b"\x01\x00")  # a password to open: put in one stream in four, or it would end most walks


@settings(max_examples=1000, deadline=None)
@given(st.lists(RECORD, max_size=24), st.booleans(), st.integers(-30, 30), st.binary(max_size=6))
def test_the_walk_gives_what_a_plain_walk_of_every_record_gives(
    records: list[tuple[int, bytes]], globals_first: bool, filepass_at: int, tail: bytes
) -> None:
    if filepass_at >= 15:
        records.insert(filepass_at - 15, FILEPASS)
    # The workbook globals first, as in a real stream, so that the sheets after them have extents.
    head = _record(0x0809, bytes(16)) + _record(0x000A, b"") if globals_first else b""
    stream = head + b"".join(_record(kind, body) for kind, body in records) + tail  # a tail: a record cut short
    found = walk(stream)
    found_saved = _long_texts_named(found.saved)
    assert (
        found.extents,
        found.starts,
        found.formulas,
        found_saved,
        found.encrypted,
        found.astray,
        found.computed,
    ) == _plain_walk(stream)


RUN_RECORD = st.tuples(  # records a run passes over, their cells within the envelope below or not
    st.sampled_from([(0x00FD, 10), (0x027E, 10), (0x0203, 14), (0x0201, 6), (0x0205, 8), (0x0208, 16)]),
    st.integers(0, 700),
    st.integers(0, 12),
).map(lambda t: (t[0][0], struct.pack("<HH", t[1], t[2]) + bytes(t[0][1] - 4)))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(RECORD, RUN_RECORD, RUN_RECORD), max_size=30), st.booleans(), st.binary(max_size=6))
@example(  # a formula a run passes, then a SHRFMLA naming its tokens by the cell of the formula before it
    [
        (0x0809, b"\x00\x06" + bytes(14)),
        (0x0006, bytes(13) + b"@" + bytes(6) + b"\x05\x00\x17\x01\x00a\x17\x01\x00b\x08"),
        (0x04BC, b"\x00\x00\x02\x00" + bytes(6)),
    ],
    False,
    b"",
)
def test_the_walk_within_an_envelope_gives_what_a_plain_walk_gives_but_bounds(
    records: list[tuple[int, bytes]], globals_first: bool, tail: bytes
) -> None:
    head = _record(0x0809, bytes(16)) + _record(0x000A, b"") if globals_first else b""
    stream = head + b"".join(_record(kind, body) for kind, body in records) + tail
    extents, starts, formulas, saved, encrypted, astray, computed = _plain_walk(stream)
    found = walk(stream, Envelope(512, 8))
    assert (found.starts, found.formulas, _long_texts_named(found.saved), found.encrypted, found.astray) == (
        starts,
        formulas,
        saved,
        encrypted,
        astray,
    )
    assert found.computed == computed
    raised = [Extent(max(e.rows, 512), max(e.columns, 8)) for e in extents]
    assert all(got in (plain, bound) for got, plain, bound in zip(found.extents, extents, raised, strict=True))
    assert len(found.extents) == len(extents) and (found.bounded or found.extents == extents)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_an_xls_saved_under_another_name_is_told_to_be_renamed(
    make_xls: Callable[..., Path], tmp_path: Path, suffix: str
) -> None:
    """As an .xlsx saved under an .xls name is (an adversarial review: this way round it was called damaged)."""
    path = make_xls({"Daftar": [["Nama Usaha", "Peran"], ["A", "penggerak"]]})
    renamed = tmp_path / f"daftar{suffix}"
    renamed.write_bytes(path.read_bytes())
    [error] = read_firms(renamed).errors
    assert (error.message.id, error.message.values) == ("sheet.xls_named_other", {"suffix": suffix})
    assert messages.render(error.message, "id").endswith("ganti namanya menjadi .xls")


def test_an_ole_file_without_a_workbook_stream_is_not_told_it_is_an_xls(tmp_path: Path) -> None:
    """Only a compound file whose directory names a Workbook stream is an .xls saved under another name: a
    Word document mentioning a workbook is not (a review: renaming it .xls only made it "damaged")."""
    import olefile  # type: ignore[import-untyped]

    assert olefile is not None
    raw = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "See the Workbook attached".encode("utf-16-le")
    path = tmp_path / "doc.xlsx"
    path.write_bytes(raw)
    [error] = read_firms(path).errors
    assert error.message.id != "sheet.xls_named_other"
