"""The sheets an .xls lists are the sheets its extents were counted for.

calamine reads each sheet from the stream offset its BOUNDSHEET record gives
(``&stream[pos..]``) to the first EOF record after it, or to the stream's
end; the walk counts each BOF..EOF substream in stream order. Wherever the
two could part (an offset into the workbook globals, into a record's bytes,
twice at one sheet, a last sheet with no EOF), a far cell there would reach
calamine uncounted: each such file is refused before calamine opens it, as
the exact walk refuses it.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess.sheets import read_firms, xls_extent
from ovop_assess.sheets.xls_extent import Extent, walk
from ovop_assess.sheets.xls_stream import workbook_stream

HEADER = ["Nama Usaha", "Peran", "Alamat"]
ROWS = [HEADER, ["Usaha A", "penggerak", "Desa A"], ["Usaha B", "anggota", "Desa B"]]
BOF, EOF, NUMBER, BOUNDSHEET, WRITEACCESS = 0x0809, 0x000A, 0x0203, 0x0085, 0x005C


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _number(row: int, column: int) -> bytes:
    return _record(NUMBER, struct.pack("<HHHd", row, column, 0x0F, 1.0))


def _records(stream: bytes) -> list[tuple[int, int, int]]:
    """(offset, kind, size) of each whole record, one after another."""
    found, position = [], 0
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        if position + 4 + size > len(stream):
            break
        found.append((position, kind, size))
        position += 4 + size
    return found


def _offsets(stream: bytes, kind: int) -> list[int]:
    return [at for at, found, _ in _records(stream) if found == kind]


def _with_stream(raw: bytes, change: Callable[[bytearray], None]) -> bytes:
    """The file with its Workbook stream changed in place (xlwt writes it in consecutive sectors)."""
    stream = workbook_stream(raw)
    at = raw.index(stream)
    changed = bytearray(stream)
    change(changed)
    assert len(changed) == len(stream)
    return raw[:at] + bytes(changed) + raw[at + len(stream) :]


def _listed_at(changed: bytearray, sheet: int, position: int) -> None:
    struct.pack_into("<I", changed, _offsets(bytes(changed), BOUNDSHEET)[sheet] + 4, position)


def _at_the_globals(changed: bytearray) -> None:
    """A far cell among the workbook globals (in WRITEACCESS's place, as long), the sheet listed there."""
    (access,) = _offsets(bytes(changed), WRITEACCESS)
    size = struct.unpack_from("<H", changed, access + 2)[0]
    cell = _number(65535, 255)
    changed[access : access + 4 + size] = cell + _record(0x00EF, bytes(size - len(cell)))
    _listed_at(changed, 0, 0)


def _inside_a_record(changed: bytearray) -> None:
    """After the last EOF, a record of no known kind whose bytes hold a sheet with a far cell; the sheet
    listed at those bytes (the walk passes the record whole)."""
    stream = bytes(changed)
    end = _offsets(stream, EOF)[-1] + 4
    bof = stream[_offsets(stream, BOF)[1] :][:20]
    hidden = _record(0x1234, bof + _number(0, 0) + _number(65535, 255) + _record(EOF, b""))
    changed[end : end + len(hidden)] = hidden
    _listed_at(changed, 0, end + 4)


def _without_its_eof(changed: bytearray) -> None:
    """The last sheet's EOF made a record of no known kind, as long as makes the zero bytes xlwt pads the
    stream with whole records of four bytes up to its very end, which calamine reads through."""
    last = _offsets(bytes(changed), EOF)[-1]
    size = (len(changed) - last - 4) % 4
    assert not any(changed[last + 4 :])
    changed[last : last + 4] = struct.pack("<HH", 0, size)


def _twice(changed: bytearray) -> None:
    """The second sheet listed at the first: calamine reads the first one twice."""
    first = struct.unpack_from("<I", changed, _offsets(bytes(changed), BOUNDSHEET)[0] + 4)[0]
    _listed_at(changed, 1, first)


def _far(row: int, column: int) -> Callable[[Any], None]:
    def write(sheet: Any) -> None:
        if sheet.name == "S0":
            sheet.write(row, column, 1.0)

    return write


DAMAGED = [("sheet.corrupt", "sheet.reason.damaged")]
CASES: list[tuple[str, int, Callable[[Any], None] | None, Callable[[bytearray], None], list[Any]]] = [
    ("listed at the workbook globals", 1, None, _at_the_globals, DAMAGED),
    ("listed inside a record", 1, None, _inside_a_record, DAMAGED),
    ("listed twice", 2, _far(2_999, 255), _twice, DAMAGED),  # 768,000 cells, read twice
    ("its last sheet without an EOF", 1, _far(40_000, 200), _without_its_eof, [("sheet.too_many_cells", 8_040_201)]),
]


@pytest.mark.parametrize(("sheets", "build", "change", "refusal"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
@pytest.mark.parametrize("envelope", [True, False], ids=["envelope", "exact"])
def test_a_sheet_calamine_would_read_uncounted_is_refused_before_it_opens_the_file(
    make_xls: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    calamine_never_opens: Callable[[], None],
    sheets: int,
    build: Callable[[Any], None] | None,
    change: Callable[[bytearray], None],
    refusal: list[Any],
    envelope: bool,
) -> None:
    path = make_xls({f"S{i}": ROWS for i in range(sheets)}, build=build)
    if build is None:
        assert len(read_firms(path).firms) == 2  # the file as written is read
    path.write_bytes(_with_stream(path.read_bytes(), change))
    if not envelope:
        monkeypatch.setattr(xls_extent, "envelope_for", lambda max_rows, max_cells: None)
    calamine_never_opens()
    found = read_firms(path)
    assert found.firms == ()
    got = [
        (f.message.id, f.message.values["reason"].id if "reason" in f.message.values else f.message.values["cells"])
        for f in found.errors
    ]
    assert got == refusal


def test_a_last_sheet_without_an_eof_is_counted_to_the_stream_s_end() -> None:
    sheet_at = len(_record(BOF, bytes(16)) + _record(BOUNDSHEET, bytes(9)) + _record(EOF, b""))
    listed = _record(BOUNDSHEET, struct.pack("<I", sheet_at) + b"\x00\x00\x01\x00a")
    stream = _record(BOF, bytes(16)) + listed + _record(EOF, b"") + _record(BOF, bytes(16)) + _number(4, 2)
    found = walk(stream + _number(9, 1))
    assert found.extents == [Extent(10, 3)] and found.starts == [sheet_at]
    assert walk(stream + _number(9, 1)[:-1]).extents == [Extent(5, 3)]  # a record cut short: counted so far
