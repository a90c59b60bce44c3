"""A header of two rows, as offices draw one: refused once, with the fix, in every format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ovop_assess.messages import render
from ovop_assess.sheets import cell_name, read_firms
from ovop_assess.sheets.two_row_header import two_row_header

_FIRMS = [["Batik Sekar", "penggerak", 5], ["Batik Melati", "binaan", 3]]


def _located(found: Any) -> list[tuple[str, str]]:
    return [(f.message.id, cell_name(f.location.line, f.location.column)) for f in found.errors]


def _two_rows(book: Any, sheet: Any) -> None:
    """Row 1 merged down over row 2, but for a group title over two names written in row 2."""
    for column in "ABC":
        sheet.merge_range(f"{column}1:{column}2", {"A": "No", "B": "Nama Usaha", "C": "Peran"}[column])
    sheet.merge_range("D1:E1", "Usaha")
    sheet.write("D2", "Tenaga Kerja")
    sheet.write("E2", "Kapasitas per Bulan")


def test_a_header_merged_down_over_two_rows_is_one_error_that_says_the_fix(make_xlsx: Callable[..., Path]) -> None:
    rows: list[list[Any]] = [[], [], *[[i + 1, *firm, 100] for i, firm in enumerate(_FIRMS)]]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}, build=_two_rows))
    assert found.firms == () and _located(found) == [("sheet.two_row_header", "A1")]
    assert render(found.errors[0].message) == (
        "the column names take two rows (merged down: A1:A2, B1:B2, C1:C2): a firm list names its columns in"
        " row 1 only, and its firms start in row 2; unmerge the header's cells, write each column's name in row 1"
        " (move Tenaga Kerja, Kapasitas per Bulan up to D1, E1), then delete row 2"
    )
    assert render(found.errors[0].message, "id") == (
        "nama kolom memakai dua baris (sel digabung ke bawah: A1:A2, B1:B2, C1:C2): daftar usaha menuliskan nama"
        " kolom di baris 1 saja, dan usahanya mulai baris 2; pisahkan gabungan sel judul, tulis nama setiap kolom"
        " di baris 1 (pindahkan Tenaga Kerja, Kapasitas per Bulan ke D1, E1), lalu hapus baris 2"
    )
    # Said instead of what reading row 2 as a firm's row gave: an error for each merged range, a warning
    # naming No and Usaha as ignored columns, and one that row 2, holding only those, was skipped unread.
    assert found.warnings == ()
    assert "sheet.merged" not in {f.message.id for f in found.errors}


def test_one_header_cell_merged_over_an_empty_second_row(make_xlsx: Callable[..., Path]) -> None:
    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("C1:C2", "Tenaga Kerja")

    found = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"], [], *_FIRMS]}, build=merge))
    assert _located(found) == [("sheet.two_row_header", "C1")]
    assert found.errors[0].message.values["moves"] == ""
    assert "(merged down: C1:C2)" in render(found.errors[0].message)


def test_a_csv_header_carried_on_in_row_2(tmp_path: Path) -> None:
    lines = ["Nama Usaha;Peran;Usaha", ";;Tenaga Kerja", "Batik Sekar;penggerak;5", "Batik Melati;binaan;3"]
    path = tmp_path / "daftar.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    found = read_firms(path)
    assert _located(found) == [("sheet.two_row_header", "C1")]
    assert found.errors[0].message.values["merged"] == ""
    assert render(found.errors[0].message).endswith(
        "write each column's name in row 1 (move Tenaga Kerja up to C1), then delete row 2"
    )


def test_an_xls_header_of_two_rows(make_xls: Callable[..., Path]) -> None:
    def merge(sheet: Any) -> None:
        sheet.write_merge(0, 1, 0, 0, "Nama Usaha")
        sheet.write_merge(0, 1, 1, 1, "Peran")

    found = read_firms(make_xls({"Daftar": [[], [], *_FIRMS]}, build=merge))
    assert _located(found) == [("sheet.two_row_header", "A1")]


def test_what_is_not_a_header_of_two_rows(make_xlsx: Callable[..., Path]) -> None:
    def beside(book: Any, sheet: Any) -> None:
        sheet.merge_range("E1:E4", "Catatan: data 2026")  # a note's box beside the list, over an empty row 2

    assert read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"], [], *_FIRMS]}, build=beside)).errors == ()

    def into_a_firm(book: Any, sheet: Any) -> None:
        sheet.merge_range("B1:B2", "Peran")  # the header merged into a firm's row: that firm lost its role

    found = read_firms(
        make_xlsx({"D": [["Nama Usaha"], ["Batik Sekar"], ["Batik Melati", "binaan"]]}, build=into_a_firm)
    )
    assert _located(found) == [("sheet.merged", "B1")]


def test_the_check_alone() -> None:
    body = [["Batik Sekar"], ["penggerak"]]
    assert two_row_header(["Nama Usaha", "Peran"], body, 1, {"name": 1, "role": 2}, [((0, 1), (1, 1))]) is None
    assert two_row_header(["Nama Usaha", "Peran"], [[], []], 0, {"name": 1, "role": 2}, []) is None
    # No name column, and nothing in row 2 naming one: the missing column is the error, not this.
    assert two_row_header(["Peran"], [[""]], 1, {"role": 1}, [((0, 0), (1, 0))]) is None
    many = [((0, column), (1, column)) for column in range(7)]
    found = two_row_header(["Nama Usaha", "Peran"], [[""], [""]], 1, {"name": 1, "role": 2}, many)
    assert found is not None and found.message.values["merged"].values["cells"] == (
        "A1:A2, B1:B2, C1:C2, D1:D2, E1:E2, …"
    )
