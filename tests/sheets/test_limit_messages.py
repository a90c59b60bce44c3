"""The row and cell limits' refusals say how the file's own format counts (sheets/limits.py ``counted``): a cell
holding only a format counts in an .xls, not in an .xlsx or an .ods; a CSV file's rows are its lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import xlwt  # type: ignore[import-untyped]

from ovop_assess import messages
from ovop_assess.sheets import SheetLimits, read_firms
from ovop_assess.sheets.read import SUFFIXES

_FEW_ROWS = SheetLimits(max_rows=10)
_FORMAT_NOT_COUNTED = {
    "en": "rows and columns are counted from A1 to the last cell holding anything, a space too; a cell holding only "
    "a format (a border, a fill colour) is not counted: if the list is shorter, delete the rows below it",
    "id": "baris dan kolom dihitung dari A1 sampai sel terakhir yang berisi apa pun, juga spasi; sel yang hanya "
    "berisi format (garis tepi, warna isian) tidak dihitung: jika daftarnya lebih pendek, hapus baris di bawahnya",
}


def _said(path: Path, limits: SheetLimits = _FEW_ROWS) -> dict[str, str]:
    [error] = read_firms(path, limits=limits).errors
    return {lang: messages.render(error.message, lang) for lang in messages.LANGS}


def test_every_format_read_says_how_it_counts() -> None:
    for suffix in SUFFIXES:
        assert f"sheet.counted{suffix}" in messages.CATALOGUE


def test_an_xlsx_counts_no_cell_holding_only_a_format(make_xlsx: Callable[..., Path]) -> None:
    def borders(book: Any, sheet: Any) -> None:  # borders drawn far below the list: no row of it
        framed = book.add_format({"border": 1})
        for row in range(2, 40):
            sheet.write_blank(row, 0, None, framed)

    framed = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"], ["A", "anggota"]]}, build=borders), limits=_FEW_ROWS)
    assert not framed.errors and len(framed.firms) == 1
    rows = [["Nama Usaha", "Peran"], ["A", "anggota"], *[[None]] * 20, ["B", "anggota"]]
    said = _said(make_xlsx({"D": rows}, name="long.xlsx"))
    assert said == {
        "en": f"the sheet has 23 rows, over the limit of 10 rows (--max-rows); {_FORMAT_NOT_COUNTED['en']}",
        "id": f"lembar memiliki 23 baris, melebihi batas 10 baris (--max-rows); {_FORMAT_NOT_COUNTED['id']}",
    }
    assert "a format too" not in said["en"] and ".xls" not in said["en"]


def test_an_ods_counts_no_cell_holding_only_a_format(
    make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    framed = '<table:table-row><table:table-cell table:style-name="ce1"/></table:table-row>' * 20
    head = '<table:table table:name="D">' + ods_row("Nama Usaha", "Peran") + ods_row("A", "anggota")
    found = read_firms(make_ods(head + framed + "</table:table>"), limits=_FEW_ROWS)
    assert not found.errors and len(found.firms) == 1
    said = _said(make_ods(head + framed + ods_row("B", "anggota") + "</table:table>", name="long.ods"))
    assert said["en"].endswith(_FORMAT_NOT_COUNTED["en"]) and said["id"].endswith(_FORMAT_NOT_COUNTED["id"])


def test_an_xls_counts_a_cell_holding_only_a_format(tmp_path: Path) -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("D")
    for column, value in enumerate(("Nama Usaha", "Peran")):
        sheet.write(0, column, value)
        sheet.write(1, column, ("A", "anggota")[column])
    for row in range(2, 30):
        sheet.write(row, 0, None, xlwt.easyxf("borders: left thin"))
    path = tmp_path / "daftar.xls"
    book.save(str(path))
    assert _said(path) == {
        "en": "the sheet has 30 rows, over the limit of 10 rows (--max-rows); rows and columns are counted from A1 "
        "to the last cell holding anything, a space too, and in an .xls file a cell holding only a format (a border, "
        "a fill colour) too, on every sheet (an .xls file is read whole): if the list is shorter, delete the rows "
        "below it",
        "id": "lembar memiliki 30 baris, melebihi batas 10 baris (--max-rows); baris dan kolom dihitung dari A1 "
        "sampai sel terakhir yang berisi apa pun, juga spasi, dan pada berkas .xls juga sel yang hanya berisi format "
        "(garis tepi, warna isian), di setiap lembar (berkas .xls dibaca utuh): jika daftarnya lebih pendek, hapus "
        "baris di bawahnya",
    }


@pytest.mark.parametrize("separators", ["", ";"])  # an empty line, or Excel's line of separators only
def test_a_csv_file_counts_its_lines(tmp_path: Path, separators: str) -> None:
    path = tmp_path / "daftar.csv"
    path.write_text("Nama Usaha;Peran\nA;anggota\n" + f"{separators}\n" * 12, encoding="utf-8")
    assert _said(path) == {
        "en": "the sheet has 14 rows, over the limit of 10 rows (--max-rows); every line of the file is a row, an "
        "empty line or a line of separators only (;;;) too, and every field of a line a cell: if the list is "
        "shorter, delete the rows below it",
        "id": "lembar memiliki 14 baris, melebihi batas 10 baris (--max-rows); setiap baris dalam berkas dihitung "
        "sebagai baris, juga baris kosong atau baris yang hanya berisi pemisah (;;;), dan setiap isian dalam baris "
        "sebagai sel: jika daftarnya lebih pendek, hapus baris di bawahnya",
    }


def test_the_cell_limit_says_so_too(make_xlsx: Callable[..., Path]) -> None:
    path = make_xlsx({"D": [["Nama Usaha", "Peran", None, None, None, "x"], ["A", "anggota"]]})
    said = _said(path, SheetLimits(max_cells=10))
    assert said["en"] == (
        "the sheet spans 12 cells, over the limit of 10 cells (--max-cells); rows and columns are counted from A1 "
        "to the last cell holding anything, a space too; a cell holding only a format (a border, a fill colour) is "
        "not counted: if the list is smaller, delete the rows below it and the columns beside it"
    )
    assert said["id"].startswith("lembar mencakup 12 sel, melebihi batas 10 sel (--max-cells); baris dan kolom")
