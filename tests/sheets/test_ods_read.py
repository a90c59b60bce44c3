"""An .ods read with calamine beside the byte checks gives what the checks-first orders give, and ends its child."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess.sheets import SheetLimits, isolated, ods_checks, read_firms, warm_reader
from ovop_assess.sheets.ods_repeats import RepeatScan

pytestmark = pytest.mark.skipif(not isolated.capped(), reason="calamine reads beside the checks on Linux alone")

_STYLES = (
    '<office:automatic-styles xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">'
    '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/>'
    '</style:style><style:style style:name="ta2" style:family="table">'
    '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
)


def _cell(text: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{text}</text:p></table:table-cell>'


def _row(*cells: str, extra: str = "") -> str:
    return f"<table:table-row{extra}>{''.join(cells)}</table:table-row>"


_HEAD = _row(_cell("Nama Usaha"), _cell("Peran"), _cell("Tenaga Kerja"))
_NO_RESULT = '<table:table-cell table:formula="of:=2+3"/>'
_RESULT = '<table:table-cell table:formula="of:=2+3" office:value-type="float" office:value="5"/>'
_ERROR = (
    '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value=""'
    ' calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>'
)


def _table(name: str, *rows: str, style: str = "") -> str:
    styled = f' table:style-name="{style}"' if style else ""
    return f'<table:table table:name="{name}"{styled}>{"".join(rows)}</table:table>'


# (body, the sheet asked for): each a reason the cells calamine does not report are looked for, or not.
CASES: dict[str, tuple[str, str | None]] = {
    "plain": (_table("D", _HEAD, _row(_cell("A"), _cell("penggerak"))), None),
    "a formula with its result": (_table("D", _HEAD, _row(_cell("A"), _cell("penggerak"), _RESULT)), None),
    "a formula without a result": (_table("D", _HEAD, _row(_cell("A"), _cell("penggerak"), _NO_RESULT)), None),
    "a cell showing an error": (_table("D", _HEAD, _row(_cell("A"), _cell("penggerak"), _ERROR)), None),
    "a merged range": (
        _table("D", _HEAD, _row(_cell("A", ' table:number-columns-spanned="2"'), "<table:covered-table-cell/>")),
        None,
    ),
    "a hidden row": (
        _table("D", _HEAD, _row(_cell("A"), _cell("penggerak"), extra=' table:visibility="collapse"')),
        None,
    ),
    # The first table is hidden: the walk guessed for it is done again for the sheet calamine chose.
    "the first sheet hidden": (
        _table("Lama", _HEAD, _row(_cell("Z"), _cell("penggerak"), _NO_RESULT), style="ta2")
        + _table("Daftar", _HEAD, _row(_cell("A"), _cell("penggerak"), _NO_RESULT), _row(_cell("B"), _NO_RESULT)),
        None,
    ),
    # Asked for in another case: calamine's own name is the one looked for.
    "the sheet asked for in another case": (
        _table("Lain", _HEAD, _row(_NO_RESULT))
        + _table("Daftar UMKM", _HEAD, _row(_cell("A"), _cell("penggerak", ' table:number-rows-spanned="2"'))),
        " daftar umkm",
    ),
    "a sheet not there": (_table("D", _HEAD, _row(_cell("A"), _cell("penggerak"), _NO_RESULT)), "Tidak Ada"),
}


def _outcome(found: Any) -> tuple[object, ...]:
    return (found.sheet, found.firms, found.errors, found.warnings, found.rows)


@pytest.mark.parametrize("case", CASES)
def test_beside_after_and_in_process_give_the_same(
    make_ods: Callable[..., Path], case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    body, sheet = CASES[case]
    path = make_ods(body, styles=_STYLES)
    beside = read_firms(path, sheet=sheet)
    monkeypatch.setattr(isolated, "capped", lambda: False)
    after = read_firms(path, sheet=sheet)
    monkeypatch.setattr(isolated, "AVAILABLE", False)
    in_process = read_firms(path, sheet=sheet)
    assert _outcome(beside) == _outcome(after) == _outcome(in_process)
    assert beside.firms or beside.errors  # (each case reads a sheet, or is refused)


def test_the_guessed_sheet_is_walked_once_in_its_own_child_when_calamine_chose_it(
    make_ods: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = make_ods(_table("D", _HEAD, _row(_cell("A"), _cell("penggerak"), _NO_RESULT)))
    log = tmp_path / "walked.txt"  # (the walk runs in a child: what it did is written down, not appended)
    real = ods_checks.ods_sheet_cells

    def counted(content: Any, sheet: str) -> Any:
        with log.open("a") as out:
            out.write(f"{sheet} {os.getpid()}\n")
        return real(content, sheet)

    monkeypatch.setattr(ods_checks, "ods_sheet_cells", counted)  # (the walk's reader starts after: its code)

    def walked() -> list[list[str]]:
        lines = [line.split() for line in log.read_text().splitlines()]
        log.write_text("")
        return lines

    found = read_firms(path)
    assert [f.message.id for f in found.errors] == ["sheet.formula_no_value"]
    (walk,) = walked()
    assert walk[0] == "D" and int(walk[1]) != os.getpid()  # capped as calamine's read is
    read_firms(make_ods(CASES["the first sheet hidden"][0], "hidden.ods", styles=_STYLES))
    # The walk guessed for the hidden first table may be stopped before it starts; the chosen sheet's runs last.
    assert [sheet for sheet, _ in walked()] in (["Lama", "Daftar"], ["Daftar"])


def test_the_read_beside_stops_as_soon_as_the_scan_shows_a_refusal(
    make_ods: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A million rows of values at the start, then more content: the bound is past the limit from the first
    # piece on, and the child is stopped then, not when the scan ends.
    cell = '<table:table-cell office:value-type="float" office:value="1"/>'
    filler = _row(_cell("x" * 200)) * 2000
    body = _table("D", _HEAD, _row(cell * 50, extra=' table:number-rows-repeated="1000"') * 40 + filler)
    path = make_ods(body)
    stopped_at: list[int] = []
    real_stop = warm_reader.ServedRead.stop

    def stop(self: warm_reader.ServedRead) -> None:
        stopped_at.append(len(stopped_at))
        real_stop(self)

    pieces: list[int] = []
    real_feed = RepeatScan.feed

    def feed(self: Any, piece: bytes) -> None:
        pieces.append(len(piece))
        if len(pieces) == 2:
            assert stopped_at, "the child still read after the first piece showed the bound past the limit"
        real_feed(self, piece)

    monkeypatch.setattr(warm_reader.ServedRead, "stop", stop)
    monkeypatch.setattr(RepeatScan, "feed", feed)
    found = read_firms(path, limits=SheetLimits(max_cells=10_000))
    assert [f.message.id for f in found.errors] == ["sheet.ods_book_too_many_cells"]
    assert len(pieces) > 2 and stopped_at


def test_a_refusal_of_the_checks_ends_the_child_reading_beside_them(make_ods: Callable[..., Path]) -> None:
    # A row of values repeated 60,000 times, past --max-rows: the checks refuse it, naming the limit.
    cell = '<table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/>'
    body = _table("D", _HEAD, _row(cell, extra=' table:number-rows-repeated="60000"'))
    found = read_firms(make_ods(body), limits=SheetLimits(max_rows=50_000))
    assert [f.message.id for f in found.errors] == ["sheet.too_many_rows"]
    assert not isolated._reading
    with pytest.raises(ChildProcessError):  # no child left, running or unreaped
        os.waitpid(-1, os.WNOHANG)


def test_a_ctrl_c_during_the_checks_ends_the_child(
    make_ods: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_ods(_table("D", _HEAD, _row(_cell("A"), _cell("penggerak"))))

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("ovop_assess.sheets.ods_checks.ods_precheck", interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_firms(path)
    assert not isolated._reading
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_content_the_bound_cannot_vouch_for_is_counted_before_calamine_reads_it(
    make_ods: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A comment leaves the byte bound unsure: the exact count runs, in a new child, before calamine.
    body = _table("D", _HEAD, "<!-- catatan -->", _row(_cell("A"), _cell("penggerak"), _NO_RESULT))
    path = make_ods(body)
    beside = read_firms(path)
    monkeypatch.setattr(isolated, "AVAILABLE", False)
    assert _outcome(beside) == _outcome(read_firms(path))
    assert [f.message.id for f in beside.errors] == ["sheet.formula_no_value"]
