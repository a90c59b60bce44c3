"""The shortcuts of an .xls read (runs of cells passed within an envelope, the Workbook stream read in
stretches of sectors) give what the plain read gives, refusal for refusal and number for number."""

from __future__ import annotations

import io
import itertools
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import olefile  # type: ignore[import-untyped]
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ovop_assess.messages import render
from ovop_assess.sheets import SheetLimits, read_firms, xls_extent
from ovop_assess.sheets.xls_extent import Envelope, Extent, envelope_for, walk
from ovop_assess.sheets.xls_stream import NotReadable, sector_chain, workbook_stream

HEADER = ["Nama Usaha", "Peran", "Alamat"]
DEFAULT = envelope_for(SheetLimits().max_rows, SheetLimits().max_cells)


def _rows(count: int) -> list[list[Any]]:
    return [HEADER] + [[f"Usaha {i}", "anggota", i * 1.5] for i in range(count)]


def _stream(path: Path) -> bytes:
    return workbook_stream(path.read_bytes())


def _refusal(path: Path, limits: SheetLimits) -> list[tuple[str, dict[str, object]]]:
    return [(f.message.id, dict(f.message.values)) for f in read_firms(path, limits=limits).errors]


def test_the_envelope_follows_the_limits() -> None:
    assert envelope_for(50_000, 1_000_000) == Envelope(16_384, 30)  # 491,520 cells: two of it fit 1,000,000
    assert envelope_for(300, 1_000_000) == Envelope(256, 32)
    assert envelope_for(100_000, 100_000) == Envelope(16_384, 3)
    assert envelope_for(255, 1_000_000) is None and envelope_for(100, 1_000_000) is None  # not one block of 256 rows
    assert envelope_for(50_000, 32_767) is None  # not one column: 32,767 < 2 x 16,384


def test_a_plain_sheet_is_passed_by_runs(make_xls: Callable[..., Path]) -> None:
    stream = _stream(make_xls({"Daftar UMKM": _rows(200)}))
    fast = walk(stream, DEFAULT)
    assert fast.bounded and fast.extents == [Extent(16_384, 30)]
    assert walk(stream).extents == [Extent(201, 3)] and not walk(stream).bounded


def test_a_sheet_longer_than_one_match_of_the_run_is_passed_by_several(make_xls: Callable[..., Path]) -> None:
    # 1,500 rows of 3 cells and a ROW record each: more records than one match passes (xls_extent._RUN_MOST),
    # so the walk matches again where each match ends, and reads the sheet as the exact walk bounds it.
    stream = _stream(make_xls({"Daftar UMKM": _rows(1500), "Lain": _rows(2)}))
    run = xls_extent._run_pattern(DEFAULT)
    assert run.pattern.endswith(b"{1,%d})" % xls_extent._RUN_MOST) and xls_extent._RUN_MOST < 1500 * 4
    fast = walk(stream, DEFAULT)
    assert fast.bounded and fast.extents == [Extent(16_384, 30), Extent(16_384, 30)]
    assert walk(stream).extents == [Extent(1501, 3), Extent(3, 3)]


@pytest.mark.parametrize(
    ("cells", "limits", "extent", "refusal"),
    [
        # Out of the envelope: counted exactly, the rest raised to the bound; a failed check on the bound
        # walks again, and the exact extent (40,000 x 3 cells) is within the limits.
        ([(39_999, 1)], SheetLimits(), Extent(40_000, 30), []),
        ([(5, 200)], SheetLimits(), Extent(16_384, 201), []),
        ([(39_999, 0), (5, 199)], SheetLimits(), Extent(40_000, 200), [("sheet.too_many_cells", 8_000_000)]),
        ([(50_000, 0)], SheetLimits(), Extent(50_001, 30), [("sheet.too_many_rows", 50_001)]),
        ([(270, 0)], SheetLimits(max_rows=300), Extent(271, 32), []),  # 300 rows: an envelope of 256 x 32
        ([(310, 0)], SheetLimits(max_rows=300), Extent(311, 32), [("sheet.too_many_rows", 311)]),
    ],
)
def test_a_cell_out_of_the_envelope_is_counted_exactly(
    make_xls: Callable[..., Path],
    cells: list[tuple[int, int]],
    limits: SheetLimits,
    extent: Extent,
    refusal: list[tuple[str, int]],
) -> None:
    def far(sheet: Any) -> None:
        for row, column in cells:
            sheet.write(row, column, "x")

    path = make_xls({"Daftar UMKM": _rows(20)}, build=far)
    bounded = walk(_stream(path), envelope_for(limits.max_rows, limits.max_cells))
    assert bounded.bounded and bounded.extents == [extent]
    found = _refusal(path, limits)
    assert [(key, values.get("cells", values.get("rows"))) for key, values in found] == refusal


@pytest.mark.parametrize(
    ("sheets", "far_row"),
    [
        (3, None),  # three bounds of 491,520 cells: 1,474,560
        (2, 20_000),  # the first sheet bounded at 20,001 x 30: 600,030 + 491,520
    ],
)
def test_sheets_whose_bounds_add_up_past_the_limit_are_read(
    make_xls: Callable[..., Path], sheets: int, far_row: int | None
) -> None:
    def far(sheet: Any) -> None:
        if far_row is not None and sheet.name == "S0":
            sheet.write(far_row, 0, "x")

    path = make_xls({f"S{i}": _rows(10) for i in range(sheets)}, build=far)
    stream = _stream(path)
    assert sum(e.rows * e.columns for e in walk(stream, DEFAULT).extents) > SheetLimits().max_cells
    assert sum(e.rows * e.columns for e in walk(stream).extents) <= SheetLimits().max_cells
    found = read_firms(path, sheet="S1")
    assert found.errors == () and len(found.firms) == 10


def _far_corners(sheet: Any) -> None:
    sheet.write(65535, 255, "x")


def _corner(sheet: Any) -> None:
    sheet.write(999, 99, "x")


def _invert_dimensions(raw: bytes) -> bytes:
    data = bytearray(raw)
    body = data.index(struct.pack("<HH", 0x0200, 14)) + 4  # the sheet's DIMENSIONS: first row past the last
    struct.pack_into("<I", data, body, 88)
    return bytes(data)


HOSTILE: list[tuple[str, dict[str, Any], Callable[[bytes], bytes] | None, SheetLimits]] = [
    ("far corners", {"sheets": 3, "build": _far_corners}, None, SheetLimits()),
    ("far corners, 300 rows", {"sheets": 3, "build": _far_corners}, None, SheetLimits(max_rows=300)),
    ("far corners, 100 rows", {"sheets": 3, "build": _far_corners}, None, SheetLimits(max_rows=100)),
    ("eleven sheets of 100,000 cells", {"sheets": 11, "build": _corner}, None, SheetLimits()),
    ("dimensions inverted", {"sheets": 1}, _invert_dimensions, SheetLimits()),
    ("31 rows, 30 allowed", {"sheets": 1, "rows": 30}, None, SheetLimits(max_rows=30)),
    ("300 rows, 61 cells allowed", {"sheets": 1, "rows": 299}, None, SheetLimits(max_rows=300, max_cells=61)),
    ("300 rows of 3 cells, 299 allowed", {"sheets": 1, "rows": 299}, None, SheetLimits(max_rows=299)),
]


@pytest.mark.parametrize(("shape", "mutate", "limits"), [case[1:] for case in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_a_hostile_file_is_refused_as_by_the_exact_walk(
    make_xls: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    shape: dict[str, Any],
    mutate: Callable[[bytes], bytes] | None,
    limits: SheetLimits,
) -> None:
    rows = _rows(shape.get("rows", 2))
    path = make_xls({f"S{i}": rows for i in range(shape["sheets"])}, build=shape.get("build"))
    if mutate is not None:
        path.write_bytes(mutate(path.read_bytes()))
    found = _refusal(path, limits)
    assert found  # refused
    bounds = envelope_for(limits.max_rows, limits.max_cells)
    assert bounds is None or walk(_stream(path), bounds).bounded  # refused after the exact walk's second look
    monkeypatch.setattr(xls_extent, "envelope_for", lambda max_rows, max_cells: None)  # no run passed over
    assert found == _refusal(path, limits)


def test_a_stream_cut_inside_a_run_walks_as_the_exact_walk(
    make_xls: Callable[..., Path], assert_walks_agree: Callable[[bytes], None]
) -> None:
    stream = _stream(make_xls({"Daftar UMKM": _rows(50)}))
    middle = stream.index(struct.pack("<HH", 0x00FD, 10), len(stream) // 2)  # a cell of the sheet's run
    eof = struct.pack("<HH", 0x000A, 0)
    for cut in range(middle, middle + 15):  # at a record, inside its header, inside its row and column, after
        for tail in (b"", eof, eof + stream[cut:]):  # cut short; ended there; a record's bytes missing
            assert_walks_agree(stream[:cut] + tail)


ENDOFCHAIN, FREESECT = 0xFFFFFFFE, 0xFFFFFFFF


class _Container:
    """What olefile's OleStream asks of the OleFileIO it belongs to: an open file, and a defect raised."""

    fp = io.BytesIO()

    def _raise_defect(self, level: int, message: str, exception_type: type[Exception] = OSError) -> None:
        raise exception_type(message)


def _olefile_chain(raw: bytes, fat: list[int], first: int, size: int, sector_size: int) -> bytes | None:
    """The stream as olefile reads it sector by sector (its own checks), or None for a defect."""
    try:
        stream = olefile.olefile.OleStream
        read = stream(io.BytesIO(raw), first, size, sector_size, sector_size, fat, len(raw), _Container())
    except OSError:
        return None
    return bytes(read.read())


def _our_chain(raw: bytes, fat: list[int], first: int, size: int, sector_size: int) -> bytes | None:
    try:
        read = sector_chain(raw, fat, first, size, sector_size)
        assert sector_chain(raw, fat, first, size, sector_size, padding=4) == read + bytes(4)
        return read
    except NotReadable as exc:
        assert exc.args == ("sheet.reason.damaged",)
        return None


SECTOR = st.one_of(st.integers(0, 9), st.sampled_from([ENDOFCHAIN, FREESECT, 0xFFFFFFFD]))


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(SECTOR, min_size=1, max_size=9),
    SECTOR,
    st.integers(-40, 24),
    st.integers(0, 9),
    st.integers(0, 15),
    st.booleans(),
)
@example([0], 0, 1, 1, 0, False)  # a chain that loops, one sector more than the FAT has
def test_the_sector_chain_reads_as_olefile_reads(
    fat: list[int], first: int, beyond: int, sectors: int, cut: int, chain: bool
) -> None:
    """Sectors of 16 bytes (the header one too), a file of ``sectors`` of them less ``cut`` bytes, a
    stream declared ``beyond`` bytes past the FAT's reach (negative: short of it); ``chain``: the FAT
    made one chain from the first sector, in an order of its own."""
    size = max(1, 16 * len(fat) + beyond)
    if chain:
        order = sorted(range(len(fat)), key=lambda i: fat[i] if fat[i] < 10 else -1)
        fat = [ENDOFCHAIN] * len(fat)
        for here, following in itertools.pairwise(order):
            fat[here] = following
        first = order[0]
    raw = bytes(range(256))[: 16 * (sectors + 1)]
    raw = raw[: max(16, len(raw) - cut)]
    assert _our_chain(raw, fat, first, size, 16) == _olefile_chain(raw, fat, first, size, 16)


def _fat_entry(raw: bytearray, index: int, value: int) -> None:
    """Set a FAT entry of a small file: its FAT is one sector, the first the header lists (at byte 76)."""
    assert index < 128
    (fat_sector,) = struct.unpack_from("<I", raw, 76)
    struct.pack_into("<I", raw, (fat_sector + 1) * 512 + 4 * index, value)


def _workbook_entry(raw: bytes) -> int:
    return raw.index("Workbook".encode("utf-16-le"))  # its directory entry: first sector at 116, size at 120


def _fragmented(raw: bytes) -> bytes:
    """The Workbook stream's sectors 2 and 5 swapped in the file, its chain 0 1 5 3 4 2 6 7 in the FAT."""
    data = bytearray(raw)
    assert struct.unpack_from("<II", raw, _workbook_entry(raw) + 116) == (0, 4096)  # sectors 0 to 7 in order
    two, five = slice(3 * 512, 4 * 512), slice(6 * 512, 7 * 512)
    data[two], data[five] = raw[five], raw[two]
    for index, value in {1: 5, 5: 3, 4: 2, 2: 6}.items():
        _fat_entry(data, index, value)
    return bytes(data)


def _in_the_mini_stream(raw: bytes) -> bytes:
    """The first 2,048 bytes of the Workbook stream (under the 4,096 cutoff), held in the mini stream:
    the root entry's stream is sectors 0 to 7 (where the Workbook was), a MiniFAT sector appended."""
    data = bytearray(raw)
    root = raw.index("Root Entry".encode("utf-16-le"))
    struct.pack_into("<II", data, root + 116, 0, 4096)
    struct.pack_into("<II", data, _workbook_entry(raw) + 116, 0, 2048)
    minifat_sector = len(raw) // 512 - 1
    struct.pack_into("<II", data, 60, minifat_sector, 1)
    _fat_entry(data, minifat_sector, ENDOFCHAIN)
    return bytes(data) + struct.pack("<32I", *range(1, 32)[:31], ENDOFCHAIN) + bytes(4 * 96)


@pytest.mark.parametrize("rebuild", [_fragmented, _in_the_mini_stream])
def test_a_workbook_stream_in_pieces_or_in_the_mini_stream_reads_as_olefile_reads(
    make_xls: Callable[..., Path], rebuild: Callable[[bytes], bytes]
) -> None:
    path = make_xls({"Daftar UMKM": _rows(5)})
    plain = read_firms(path)
    raw = rebuild(path.read_bytes())
    with olefile.OleFileIO(io.BytesIO(raw), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        read = ole.openstream("Workbook").read()
    assert workbook_stream(raw) == read and read.startswith(_stream(path)[:2048])
    assert workbook_stream(raw, padding=4) == read + bytes(4)
    path.write_bytes(raw)
    found = read_firms(path)
    assert (found.firms, found.errors) == (plain.firms, plain.errors) and len(found.firms) == 5


def _chain_entry(index: int, value: int) -> Callable[[bytes], bytes]:
    def rewrite(raw: bytes) -> bytes:
        data = bytearray(raw)
        _fat_entry(data, index, value)
        return bytes(data)

    return rewrite


def _declared_size(raw: bytes) -> bytes:
    data = bytearray(raw)
    struct.pack_into("<I", data, _workbook_entry(raw) + 120, len(raw))  # within the file, past the FAT's sectors
    return bytes(data)


@pytest.mark.parametrize(
    "damage",
    [_chain_entry(3, ENDOFCHAIN), _chain_entry(3, FREESECT), _chain_entry(3, 40), _declared_size],
    ids=["chain ends early", "free sector in the chain", "sector past the FAT", "more sectors than the FAT"],
)
def test_a_damaged_sector_chain_is_refused(make_xls: Callable[..., Path], damage: Callable[[bytes], bytes]) -> None:
    path = make_xls({"Daftar UMKM": _rows(5)})
    raw = damage(path.read_bytes())
    with olefile.OleFileIO(io.BytesIO(raw), raise_defects=olefile.DEFECT_INCORRECT) as ole, pytest.raises(OSError):
        ole.openstream("Workbook").read()
    path.write_bytes(raw)
    found = read_firms(path)
    assert [f.message.id for f in found.errors] == ["sheet.corrupt"]
    assert "a part of its contents cannot be read" in render(found.errors[0].message)


def _renamed(raw: bytes) -> bytes:
    return raw.replace("Workbook".encode("utf-16-le"), "Workbaak".encode("utf-16-le"))


def _a_storage(raw: bytes) -> bytes:
    data = bytearray(raw)
    data[_workbook_entry(raw) + 66] = 1  # the entry's type: a storage (a folder), not a stream
    return bytes(data)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [(_renamed, "the file holds no Excel workbook"), (_a_storage, "a part of its contents cannot be read")],
)
def test_a_compound_file_without_a_workbook_stream_is_refused(
    make_xls: Callable[..., Path], damage: Callable[[bytes], bytes], reason: str
) -> None:
    path = make_xls({"Daftar UMKM": _rows(5)})
    path.write_bytes(damage(path.read_bytes()))
    found = read_firms(path)
    assert [f.message.id for f in found.errors] == ["sheet.corrupt"] and reason in render(found.errors[0].message)
