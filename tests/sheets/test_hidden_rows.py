"""Hidden rows (Excel's Hide, a filter, a collapsed group) are read as firms, and one warning names those that
hold a firm: in .xlsx, .xls and .ods alike."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess.cli.main import main
from ovop_assess.messages import render
from ovop_assess.sheets import cell_name, read_firms
from ovop_assess.sheets.hidden_rows import hidden_rows_warning, xlsx_hidden_rows
from ovop_assess.sheets.ods_repeats import RepeatScan

HEADER = ["Nama Usaha", "Peran", "Pembina"]
ROWS = [
    HEADER,
    ["Usaha A", "penggerak", None],
    ["Usaha B", "binaan", "Usaha A"],  # row 3: hidden
    ["Usaha C", "binaan", "Usaha A"],
    ["Usaha D", "binaan", "Usaha A"],  # row 5: hidden
    ["Usaha E", "binaan", "Usaha A"],  # row 6: hidden
]


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


def _hidden_said(path: Path) -> list[tuple[str, str, dict[str, object]]]:
    found = read_firms(path)
    assert found.errors == ()
    assert [firm["name"] for firm in found.firms] == [row[0] for row in ROWS[1:]]  # every row read
    return [
        (w.message.id, cell_name(w.location.line, w.location.column), dict(w.message.values))
        for w in found.warnings
        if w.message.id == "sheet.hidden_rows"
    ]


EXPECTED = [("sheet.hidden_rows", "A3", {"count": 3, "rows": "3, 5-6"})]


def test_xlsx_hidden_rows_are_read_and_named(make_xlsx: Callable[..., Path]) -> None:
    def build(book: Any, sheet: Any) -> None:
        for row in (2, 4, 5, 30):  # 0-based; row 31 holds no firm
            sheet.set_row(row, None, None, {"hidden": True})

    assert _hidden_said(make_xlsx({"Daftar UMKM": ROWS}, build=build)) == EXPECTED


def test_xls_hidden_rows_are_read_and_named(make_xls: Callable[..., Path]) -> None:
    def build(sheet: Any) -> None:
        for row in (2, 4, 5, 30):
            sheet.row(row).hidden = True

    assert _hidden_said(make_xls({"Daftar UMKM": ROWS}, build=build)) == EXPECTED


def test_ods_hidden_and_filtered_rows_are_read_and_named(
    make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    rows = [ods_row(*row) for row in ROWS]
    rows[2] = rows[2].replace("<table:table-row>", '<table:table-row table:visibility="collapse">')
    # Rows 5 and 6 alike, as one run of two filtered rows would be: each written, the second repeated by 1.
    rows[4] = rows[4].replace("<table:table-row>", "<table:table-row table:visibility='filter'>")
    rows[5] = rows[5].replace("<table:table-row>", '<table:table-row table:visibility = "filter">')
    body = (
        '<table:table table:name="Daftar UMKM">'
        '<table:table-column table:visibility="collapse"/>'  # a hidden column: no row hidden by it
        + "".join(rows)
        + '<table:table-row table:visibility="collapse" table:number-rows-repeated="1048570"><table:table-cell/>'
        "</table:table-row></table:table>"
    )
    assert _hidden_said(make_ods(body)) == EXPECTED


def test_a_hidden_column_alone_sends_no_ods_to_the_walk(
    make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    body = '<table:table table:name="D"><table:table-column table:visibility="collapse"/>'
    body += "".join(ods_row(*row) for row in ROWS) + "</table:table>"
    scan = RepeatScan(lambda rows, columns: None)
    scan.feed(body.encode())
    scan.close()
    assert not scan.hidden and not scan.may_have_cells
    assert not [w for w in read_firms(make_ods(body)).warnings if w.message.id == "sheet.hidden_rows"]


def test_no_warning_without_a_hidden_firm_row(make_xlsx: Callable[..., Path]) -> None:
    def build(book: Any, sheet: Any) -> None:
        sheet.set_row(40, None, None, {"hidden": True})
        sheet.set_column(5, 5, None, None, {"hidden": True})

    assert _hidden_said(make_xlsx({"Daftar UMKM": ROWS}, build=build)) == []


def test_the_warning_in_json_and_in_indonesian(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def build(book: Any, sheet: Any) -> None:
        sheet.set_row(2, None, None, {"hidden": True})

    path = make_xlsx({"Daftar UMKM": ROWS}, build=build)
    region = tmp_path / "r.yaml"
    region.write_text(
        "format: ovop-region/1\nregion: {name: Laweyan, level: kelurahan, city: Kota Surakarta, "
        f"province: Jawa Tengah}}\nfirms: {{file: {path.name}}}\n",
        encoding="utf-8",
    )
    main(["assess", str(region), "--format", "json", "--lang", "id"])
    warnings = json.loads(capsys.readouterr().out)["results"][0]["warnings"]
    [said] = [w for w in warnings if w["id"] == "sheet.hidden_rows"]
    assert (said["sheet"], said["cell"]) == ("Daftar UMKM", "A3")
    assert said["message"].startswith("1 baris usaha disembunyikan di lembar kerja (baris 3)")


def test_the_rows_are_named_in_runs_and_a_long_run_is_looked_up() -> None:
    firm_rows = [2, 3, *range(5, 40, 2), 1_000_000]
    said = hidden_rows_warning([(1, 1), (4, 1_000_000)], firm_rows)  # rows 2 and 5 to 1,000,004 hidden
    assert said is not None and said.location is not None and said.location.line == 2
    assert said.message.values["count"] == 1 + 18 + 1
    assert said.message.values["rows"] == "2, 5, 7, 9, 11, 13, 15, 17, … (+12)"
    assert render(said.message).startswith("20 firm row(s) are hidden in the sheet (rows 2, 5, 7")
    assert hidden_rows_warning([(100, 5)], firm_rows) is None


def test_xlsx_hidden_rows_whatever_the_markup() -> None:
    xml = (
        b'<x:row r="3" hidden="1"><x:c r="A3"/></x:row>'
        b"<row spans='1:2' hidden = 'true' r='7'/>"
        b'<row r="8" customHeight="1" ht="0"/>'  # height 0 but not hidden: Excel shows it so
        b'<row r="9" hidden="0"/><row hidden="1"/><col min="1" max="1" hidden="1"/>'
        b'<c r="A10"><v>hidden="1"</v></c>'  # a value's text, not a row's attribute
    )
    assert xlsx_hidden_rows(xml) == {3, 7}
    assert xlsx_hidden_rows(b'<row r="3"/>') == set()


def test_xlsx_hidden_with_spaces_in_its_value_is_hidden() -> None:
    """``hidden=" 1 "`` is a valid XML boolean (spaces collapsed)."""
    assert xlsx_hidden_rows(b'<row r="4" hidden=" 1 "/><row r="5" hidden="0"/>') == {4}
