"""A header of two rows (or more), as offices draw one: refused once, with the fix, in every format; and the
rows it is not (a firm whose name is missing, a note's box beside the list)."""

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
    assert found.firms == () and _located(found) == [("sheet.two_row_header", "B1")]
    assert render(found.errors[0].message) == (
        "the column names take rows 1 and 2 (merged down: A1:A2, B1:B2, C1:C2): a firm list names its columns in"
        " row 1 only, and its firms start in row 2; unmerge the column-name cells, write each column's name in"
        " row 1 (move Tenaga Kerja, Kapasitas per Bulan up to D1, E1), then delete row 2"
    )
    assert render(found.errors[0].message, "id") == (
        "nama kolom memakai baris 1 dan 2 (sel digabung ke bawah: A1:A2, B1:B2, C1:C2): daftar usaha menuliskan"
        " nama kolom di baris 1 saja, dan usahanya mulai baris 2; pisahkan sel nama kolom yang digabung, tulis nama"
        " setiap kolom di baris 1 (pindahkan Tenaga Kerja, Kapasitas per Bulan ke D1, E1), lalu hapus baris 2"
    )
    # Said instead of what reading row 2 as a firm's row gave: an error for each merged range, a warning
    # naming No and Usaha as ignored columns, and one that row 2, holding only those, was skipped unread.
    assert found.warnings == ()


def test_a_count_split_under_its_name_and_a_header_of_three_rows(make_xlsx: Callable[..., Path]) -> None:
    def split(book: Any, sheet: Any) -> None:
        for column, name in zip("ABC", ["No", "Nama Usaha", "Peran"], strict=True):
            sheet.merge_range(f"{column}1:{column}3", name)
        sheet.merge_range("D1:F1", "Tenaga Kerja")
        for column, name in zip("DEF", ["L", "P", "Jumlah"], strict=True):
            sheet.merge_range(f"{column}2:{column}3", name)

    rows: list[list[Any]] = [[], [], [], [1, "Batik Sekar", "penggerak", 2, 3, 5]]
    found = read_firms(make_xlsx({"D": rows}, build=split))
    assert _located(found) == [("sheet.two_row_header", "B1")]
    # Unmerged and named D1 alone, Tenaga Kerja read 2 (the men), the total in F unread without a word.
    assert render(found.errors[0].message) == (
        "the column names take rows 1 to 3 (merged down: A1:A3, B1:B3, C1:C3): a firm list names its columns in"
        " row 1 only, and its firms start in row 2; unmerge the column-name cells, write each column's name in"
        " row 1; Tenaga Kerja spans D1:F1 over L, P, Jumlah: give only one of them the name Tenaga Kerja, the one"
        " holding each firm's total (the others are not read), then delete rows 2 and 3"
    )


def test_columns_left_without_a_name_are_said(make_xlsx: Callable[..., Path]) -> None:
    rows = [["Nama Usaha", "Peran", "Tenaga Kerja", None, None, "NIB"], ["Batik Sekar", "penggerak", 2, 3, 5, None]]
    found = read_firms(make_xlsx({"D": rows}))
    assert found.firms == ({"name": "Batik Sekar", "role": "champion", "workers": 2},)
    assert [(w.message.id, cell_name(w.location.line, w.location.column)) for w in found.warnings] == [
        ("sheet.unnamed_columns", "D1")
    ]
    assert render(found.warnings[0].message) == (
        "column(s) D, E hold values but no name in row 1: they are ignored; if any is meant for the firm list,"
        " write its name in row 1"
    )
    # A spacer column holding spaces only holds nothing.
    spaced = [["Nama Usaha", None, "Peran"], ["Batik Sekar", " ", "penggerak"], ["Batik Melati", "\u200b", "binaan"]]
    assert read_firms(make_xlsx({"D": spaced}, name="spaced.xlsx")).warnings == ()


def test_one_header_cell_merged_over_an_empty_second_row(make_xlsx: Callable[..., Path]) -> None:
    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("C1:C2", "Tenaga Kerja")

    found = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"], [], *_FIRMS]}, build=merge))
    assert _located(found) == [("sheet.two_row_header", "C1")]
    assert found.errors[0].message.values["moves"] == ""
    assert "(merged down: C1:C2)" in render(found.errors[0].message)


def test_the_empty_workbook_of_an_office_with_a_header_of_two_rows(make_xlsx: Callable[..., Path]) -> None:
    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("A1:A2", "Nama Usaha")
        sheet.merge_range("B1:B2", "Peran")

    found = read_firms(make_xlsx({"D": [[]]}, build=merge))
    assert _located(found) == [("sheet.two_row_header", "A1")]


def test_a_csv_header_carried_on_in_row_2(tmp_path: Path) -> None:
    lines = ["Nama Usaha;Peran;Usaha", ";;Tenaga Kerja", "Batik Sekar;penggerak;5", "Batik Melati;binaan;3"]
    path = tmp_path / "daftar.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    found = read_firms(path)
    assert _located(found) == [("sheet.two_row_header", "C1")]
    assert found.errors[0].message.values["merged"] == "" and found.errors[0].message.values["unmerge"] == ""
    assert render(found.errors[0].message).endswith(
        "; write each column's name in row 1 (move Tenaga Kerja up to C1), then delete row 2"
    )


def test_an_xls_header_of_two_rows_its_ranges_in_the_sheets_order(make_xls: Callable[..., Path]) -> None:
    def merge(sheet: Any) -> None:
        sheet.write_merge(0, 1, 1, 1, "Peran")
        sheet.write_merge(0, 1, 0, 0, "Nama Usaha")

    found = read_firms(make_xls({"Daftar": [[], [], *_FIRMS]}, build=merge))
    assert _located(found) == [("sheet.two_row_header", "A1")]
    assert found.errors[0].message.values["merged"].values["cells"] == "A1:A2, B1:B2"


def test_a_column_named_twice_is_said_with_it(make_xlsx: Callable[..., Path]) -> None:
    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("A1:A2", "Nama Usaha")

    found = read_firms(make_xlsx({"D": [[None, "Peran", "Peran"], [], *_FIRMS]}, build=merge))
    assert _located(found) == [("sheet.duplicate_column", "C1"), ("sheet.two_row_header", "A1")]


def test_what_is_not_a_header_of_two_rows(make_xlsx: Callable[..., Path]) -> None:
    def beside(book: Any, sheet: Any) -> None:
        sheet.merge_range("E1:E4", "Catatan: data 2026")  # a note's box beside the list, over an empty row 2

    assert read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"], [], *_FIRMS]}, build=beside)).errors == ()

    def into_a_firm(book: Any, sheet: Any) -> None:
        sheet.merge_range("B1:B2", "Peran")  # the header merged into a firm's row: that firm lost its role

    rows = [["Nama Usaha"], ["Batik Sekar"], ["Batik Melati", "binaan"]]
    assert _located(read_firms(make_xlsx({"D": rows}, build=into_a_firm))) == [("sheet.merged", "B1")]

    def counted(book: Any, sheet: Any) -> None:
        sheet.merge_range("C1:C2", "Tenaga Kerja")

    # A firm whose name was forgotten, its role a column's name (Pembina, the opposite of binaan) or a count
    # beside it: its cells are told, and nothing says to delete the row.
    for row in (["", "Pembina", 5], ["", "binaan"]):
        found = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran", "Tenaga Kerja"], row, *_FIRMS]}))
        assert "sheet.two_row_header" not in {f.message.id for f in found.errors}

    # A name merged across two columns for width (the owner beside it): the first firm's name is no sub-heading.
    def wide(book: Any, sheet: Any) -> None:
        sheet.merge_range("A1:B1", "Nama Usaha")

    rows = [[None, None, "Peran", "Tenaga Kerja"], ["Batik Sekar", "Bu Sri"], ["Batik Melati", "Bu Ani", "binaan", 3]]
    assert "sheet.two_row_header" not in {f.message.id for f in read_firms(make_xlsx({"D": rows}, build=wide)).errors}
    found = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"], ["", "binaan"], *_FIRMS]}, build=counted))
    assert _located(found) == [("sheet.merged", "C1")]  # (and the empty name, as the region's validation says)


def test_the_check_alone() -> None:
    body = [["Batik Sekar"], ["penggerak"]]
    assert two_row_header(["Nama Usaha", "Peran"], body, 1, {"name": 1, "role": 2}, [((0, 1), (1, 1))]) is None
    assert two_row_header(["Nama Usaha", "Peran"], [[], []], 0, {"name": 1, "role": 2}, []) is None
    # A box beside the list, merged down past the header: neither the cause nor listed.
    box = [((0, 4), (5, 5))]
    assert two_row_header(["Nama Usaha", "Peran"], [[""], [""]], 1, {"name": 1, "role": 2}, box) is None
    found = two_row_header(["Nama Usaha", "Peran"], [[""], [""]], 1, {"name": 1, "role": 2}, [*box, ((0, 1), (1, 1))])
    assert found is not None and found.message.values["merged"].values["cells"] == "B1:B2"
    many = [((0, column), (1, column)) for column in range(10)]
    found = two_row_header(["Nama Usaha", "Peran"], [[""], [""]], 1, {"name": 1, "role": 2}, many)
    assert found is not None and found.message.values["merged"].values["cells"] == (
        "A1:A2, B1:B2, C1:C2, D1:D2, E1:E2, F1:F2, G1:G2, H1:H2, …"
    )


def test_a_range_reaching_into_the_firms_is_no_header_and_no_advice_deletes_a_firm(
    make_xlsx: Callable[..., Path],
) -> None:
    def down(book: Any, sheet: Any) -> None:
        sheet.merge_range("C1:C3", "Pembina")  # over a blank row 2 and the first firm's row 3

    rows = [["Nama Usaha", "Peran"], [], ["Batik A", "penggerak"], ["Batik B", "binaan"]]
    found = read_firms(make_xlsx({"D": rows}, build=down))
    assert _located(found) == [("sheet.merged", "C1")]  # not "delete rows 2 and 3", which held Batik A


def test_a_count_split_without_a_total_and_a_row_of_units(make_xlsx: Callable[..., Path]) -> None:
    def split(book: Any, sheet: Any) -> None:
        sheet.merge_range("A1:A2", "Nama Usaha")
        sheet.merge_range("B1:B2", "Peran")
        sheet.merge_range("C1:D1", "Tenaga Kerja")

    found = read_firms(make_xlsx({"D": [[], [None, None, "L", "P"], ["Batik A", "penggerak", 2, 3]]}, build=split))
    # Named L alone, the count would be the men's: a total's column is asked for.
    assert render(found.errors[0].message).endswith(
        "; Tenaga Kerja spans C1:D1 over L, P, none of them a total: add a column holding each firm's total and"
        " give only it the name Tenaga Kerja (the others are not read), then delete row 2"
    )

    def units(book: Any, sheet: Any) -> None:
        sheet.merge_range("A1:A2", "Nama Usaha")
        sheet.merge_range("B1:B2", "Peran")

    rows: list[list[Any]] = [[None, None, "Tenaga Kerja"], [None, None, "(orang)"], ["Batik A", "penggerak", 2]]
    assert _located(read_firms(make_xlsx({"D": rows}, name="u.xlsx", build=units))) == [("sheet.two_row_header", "A1")]
