"""Whatever an .xls's records say, reading it within the envelope gives what reading it record by record
gives: the same firms, errors and warnings, refusal for refusal and number for number, under any limits."""

from __future__ import annotations

import io
import itertools
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import olefile  # type: ignore[import-untyped]
import pytest
import python_calamine
import xlwt  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ovop_assess.sheets import SheetLimits, read_firms, xls_extent
from ovop_assess.sheets.limits import SheetRefused
from ovop_assess.sheets.quiet_panic import panic_output_hidden
from ovop_assess.sheets.workbook import _xls_precheck
from ovop_assess.sheets.xls_extent import envelope_for
from ovop_assess.sheets.xls_stream import workbook_stream

# The values a --max-rows or --max-cells option may set, at the edges of the envelope's blocks of 256 rows.
LIMITS = [1, 2, 255, 256, 257, 511, 512, 600, 5_000, 65_536, 1_000_000, 2**31]


@pytest.mark.parametrize(("max_rows", "max_cells"), list(itertools.product(LIMITS, LIMITS)))
def test_the_envelope_alone_refuses_nothing(max_rows: int, max_cells: int) -> None:
    """Within the rows allowed, whole blocks of 256 rows, and two of it within the cells allowed."""
    envelope = envelope_for(max_rows, max_cells)
    if envelope is None:  # every run walked record by record
        assert max_rows < 256 or max_cells < 2 * 256 * (max_rows // 256 if max_rows < 16_384 else 64)
        return
    assert 0 < envelope.rows <= min(max_rows, 16_384) and envelope.rows % 256 == 0
    assert 0 < envelope.columns <= 32 and 2 * envelope.rows * envelope.columns <= max_cells


def _base() -> bytes:
    """Two sheets of firms, one with a formula and a merged range, as xlwt writes them, and a column numbered
    by =ROW()-1 formulas whose saved results are the numbers (as Excel saves them; xlwt saves none)."""
    book = xlwt.Workbook(encoding="utf-8")
    for name in ("Daftar", "Lama"):
        sheet = book.add_sheet(name)
        for column, title in enumerate(["Nama Usaha", "Peran", "Tenaga Kerja", "No"]):
            sheet.write(0, column, title)
        for row in range(1, 40):
            sheet.write(row, 0, f"Usaha {row}")
            sheet.write(row, 1, "anggota" if row > 1 else "penggerak")
            sheet.write(row, 2, row)
            sheet.write(row, 3, xlwt.Formula("ROW()-1"))
        sheet.write(40, 0, xlwt.Formula('"Usaha "&"Z"'))
        sheet.write_merge(42, 43, 1, 1, "binaan")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def numbered_results(raw: bytes) -> bytes:
    """The workbook with each formula of column D saving its row's number as its result."""
    stream = workbook_stream(raw)
    at = raw.index(stream)
    changed = bytearray(raw)
    position = 0
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        if kind == 0x0006 and struct.unpack_from("<H", stream, position + 6)[0] == 3:
            row = struct.unpack_from("<H", stream, position + 4)[0]
            struct.pack_into("<d", changed, at + position + 10, float(row))
        position += 4 + size
    return bytes(changed)


AS_XLWT_SAVES = _base()
BASE = numbered_results(AS_XLWT_SAVES)
STREAM = workbook_stream(BASE)
STREAM_AT = BASE.index(STREAM)
_ALIGNED: list[int] = []
_position = 0
while _position + 4 <= len(STREAM):
    _ALIGNED.append(_position)
    _position += 4 + struct.unpack_from("<H", STREAM, _position + 2)[0]
# Where a change means most: a record's kind, its size, a cell's row and column, and the bytes after.
PLACES = sorted({at + offset for at in _ALIGNED for offset in (0, 2, 4, 6, 8, 10) if at + offset + 2 <= len(STREAM)})
KINDS = [0x0809, 0x000A, 0x0203, 0x00FD, 0x027E, 0x0201, 0x0205, 0x0208, 0x003C, 0x0200, 0x0085, 0x002F, 0x00BD]
VALUE = st.one_of(
    st.sampled_from([*KINDS, 0, 1, 6, 8, 10, 14, 16, 255, 256, 0x3FFF, 0x4000, 0xC34F, 0xFFFE, 0xFFFF]),
    st.integers(0, 0xFFFF),
)
CHANGE = st.tuples(st.sampled_from(PLACES), VALUE)
LIMIT = st.sampled_from(LIMITS)


def _read(path: Path, limits: SheetLimits, sheet: str | None) -> Any:
    found = read_firms(path, sheet=sheet, limits=limits)
    return found._replace(file="")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(CHANGE, min_size=1, max_size=4),
    st.sampled_from([SheetLimits(), SheetLimits(max_rows=300, max_cells=5_000)]),
    st.tuples(LIMIT, LIMIT),
    st.booleans(),
    st.sampled_from([None, "Lama"]),
)
def test_a_changed_xls_reads_within_the_envelope_as_record_by_record(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    assert_walks_agree: Callable[[bytes], None],
    changes: list[tuple[int, int]],
    limits: SheetLimits,
    odd_limits: tuple[int, int],
    use_odd: bool,
    sheet: str | None,
) -> None:
    raw = bytearray(BASE)
    for place, value in changes:
        struct.pack_into("<H", raw, STREAM_AT + place, value)
    path = tmp_path / "berubah.xls"
    path.write_bytes(raw)
    stream = workbook_stream(bytes(raw))  # the changes are inside the stream: the container is as written
    with olefile.OleFileIO(io.BytesIO(raw), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        assert stream == ole.openstream("Workbook").read()
    assert_walks_agree(stream)  # every walk within an envelope finds what the exact walk finds, but bounds
    if use_odd:  # limits an option may set; cells kept to 2,000,000, what calamine may then be given here
        limits = limits._replace(max_rows=odd_limits[0], max_cells=min(odd_limits[1], 2_000_000))
    fast = _read(path, limits, sheet)
    with monkeypatch.context() as exact:
        exact.setattr(xls_extent, "envelope_for", lambda max_rows, max_cells: None)
        assert _read(path, limits, sheet) == fast
    _assert_calamine_kept_within(bytes(raw), limits)


def _assert_calamine_kept_within(raw: bytes, limits: SheetLimits) -> None:
    """A file the checks let through gives calamine no sheet, nor sheets together, past the limits (its
    sheets as it reads them, from A1 to their last cell)."""
    try:
        _xls_precheck(raw, limits)
    except SheetRefused:
        return
    try:
        with panic_output_hidden(), python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw)) as book:
            ends = [book.get_sheet_by_index(index).end for index in range(len(book.sheet_names))]
    except (python_calamine.CalamineError, ValueError):
        return
    except BaseException as exc:  # a panic: the file is refused as damaged
        if type(exc).__name__ != "PanicException":
            raise
        return
    cells = [(end[0] + 1) * (end[1] + 1) for end in ends if end is not None]
    assert all(end[0] + 1 <= limits.max_rows for end in ends if end is not None)
    assert sum(cells) <= limits.max_cells


def test_the_changed_files_stay_compound_files() -> None:
    """The changes are made inside the Workbook stream only: olefile opens every changed file."""
    with olefile.OleFileIO(io.BytesIO(BASE), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        assert ole.openstream("Workbook").read() == STREAM
    assert len(PLACES) > 1000 and STREAM_AT % 512 == 0


def test_formulas_saving_their_numbers_are_passed_by_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # A column numbered =ROW()-1 broke every run at each row: one exact step and one more match a row.
    made = xls_extent._run_pattern
    calls = []

    def counting(envelope: Any) -> Any:
        pattern = made(envelope)

        class Counted:
            def match(self, *args: Any) -> Any:
                calls.append(args[1])
                return pattern.match(*args)

        return Counted()

    monkeypatch.setattr(xls_extent, "_run_pattern", counting)
    envelope = envelope_for(50_000, 1_000_000)
    xls_extent.walk(workbook_stream(AS_XLWT_SAVES), envelope)  # no result saved: each formula a step of its own
    unsaved, calls[:] = len(calls), []
    fast = xls_extent.walk(STREAM, envelope)
    assert fast.bounded and unsaved - len(calls) >= 2 * 39  # a match and a step fewer for each numbered row
    assert fast.formulas == xls_extent.walk(STREAM).formulas and len(fast.formulas) == 2  # the text formulas
