"""Firm lists from .xlsx workbooks written as offices write them: values, cells, and each spreadsheet mistake."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ovop_assess import messages
from ovop_assess.region import Firm
from ovop_assess.sheets import SheetLimits, cell_name, read_firms, xlsx_formulas
from ovop_assess.sheets.limits import MOST_MERGED, counted
from ovop_assess.sheets.xlsx_formulas import MAY_LACK_OR_ZERO, formula_results
from ovop_assess.sizes import fmt_bytes

XlsxFactory = Callable[..., Path]
OFFICE_HEADERS = ["Nama Usaha", "Peran", "Alamat", "Pembina", "Bersedia Menjadi Penggerak", "NIB", "Telepon"]


def text(message: Any, lang: messages.Lang = "en") -> str:
    return messages.render(message, lang)


def _ids(findings: Any) -> list[str]:
    return [f.message.id for f in findings]


def _cells(findings: Any) -> list[str]:
    return [cell_name(f.location.line, f.location.column) for f in findings]


def test_office_sheet_reads_as_yaml_firms_with_cells(make_xlsx: XlsxFactory) -> None:
    rows = [
        [
            "  nama   USAHA ",
            "PERAN",
            "Alamat",
            "pembina",
            "Bersedia menjadi penggerak",
            "nib",
            "Telepon",
            "Tenaga Kerja",
        ],
        ["Batik Sekar", "Penggerak", "Jl. Mawar 1", None, "Ya", "0812345678901", "0812-1111", 12],
        ["Batik Melati", "binaan", "Jl. Mawar 2", "Batik Sekar", None, "0912345678901", "0812-2222", 4],
        [None, None, "Jl. Kosong (no firm here)"],
        ["Batik Kenanga", "anggota", None, None, None, None, None, 2],
    ]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}))
    assert found.sheet == "Daftar UMKM" and found.errors == ()
    assert found.firms == (
        {"name": "Batik Sekar", "role": "champion", "willing_to_lead": True, "nib": "0812345678901", "workers": 12},
        {"name": "Batik Melati", "role": "mentee", "mentor": "Batik Sekar", "nib": "0912345678901", "workers": 4},
        {"name": "Batik Kenanga", "role": "member", "workers": 2},
    )
    assert all(Firm.model_validate(firm) for firm in found.firms)  # the region format's own model accepts them
    # The empty row 4 is skipped; the third firm keeps its real row.
    assert found.rows == (2, 3, 5)
    assert found.cell(("firms", 2, "workers")) == "H5"
    assert found.cell(("firms", 1, "mentor")) == "D3"
    where = found.location(("firms", 0, "nib"))
    assert (where.path, where.line, where.column) == ("firms[0].nib", 2, 6)
    assert found.value(("firms", 2)).line == 5 and found.key(("firms",)).line == 1
    # One warning names every column that is not the firm list's; one more the row with an address alone.
    assert _ids(found.warnings) == ["sheet.unknown_columns", "sheet.rows_only_ignored"]
    assert text(found.warnings[0].message) == "columns not part of the firm list, ignored: Alamat (C), Telepon (G)"
    assert _cells(found.warnings[1:]) == ["C4"]


def test_english_keys_in_any_order(make_xlsx: XlsxFactory) -> None:
    rows = [
        ["workers", "Monthly_Capacity", "role", "name", "willing to lead", "category"],
        [3, 1500, "Champion", "Batik A", True, "batik"],
    ]
    found = read_firms(make_xlsx({"Sheet1": rows}))
    assert found.errors == () and found.warnings == ()
    assert found.firms == (
        {
            "workers": 3,
            "monthly_capacity": 1500.0,
            "role": "champion",
            "name": "Batik A",
            "willing_to_lead": True,
            "category": "batik",
        },
    )


def test_yes_no_words_and_booleans_are_accepted(make_xlsx: XlsxFactory) -> None:
    words = ["Ya", "tidak", "Y", "T", "ya", "TIDAK", True, False, "TRUE", "false", "yes", "No", "Iya", "Tdk"]
    rows = [["Nama Usaha", "Peran", "Bersedia Menjadi Penggerak"]]
    rows += [[f"Usaha {i}", "penggerak", word] for i, word in enumerate(words)]
    found = read_firms(make_xlsx({"Daftar": rows}))
    assert found.errors == ()
    assert [f["willing_to_lead"] for f in found.firms] == [
        True, False, True, False, True, False, True, False, True, False, True, False, True, False,
    ]  # fmt: skip


def test_a_word_that_is_not_yes_or_no_is_an_error_at_its_cell(make_xlsx: XlsxFactory) -> None:
    rows = [["Nama Usaha", "Peran", "Bersedia Menjadi Penggerak"], ["Usaha A", "penggerak", "mungkin"]]
    found = read_firms(make_xlsx({"Daftar": rows}))
    assert _ids(found.errors) == ["sheet.not_yes_no"] and _cells(found.errors) == ["C2"]
    assert found.errors[0].location.path == "firms[0].willing_to_lead"
    assert "willing_to_lead" not in found.firms[0]  # reported once, not again by the region validation
    assert "mungkin" in text(found.errors[0].message, "id")


def test_nib_stored_as_a_number_is_an_error(make_xlsx: XlsxFactory) -> None:
    rows = [
        ["Nama Usaha", "Peran", "NIB"],
        ["Usaha A", "penggerak", 812345678901],  # the leading zero is already gone
        ["Usaha B", "anggota", "8.12E+12"],  # what a CSV export or a retyped cell shows
        ["Usaha C", "anggota", "0812345678901"],
    ]
    found = read_firms(make_xlsx({"Daftar": rows}))
    assert _ids(found.errors) == ["sheet.nib_number_lost_zero", "sheet.nib_scientific"]
    assert _cells(found.errors) == ["C2", "C3"]
    assert [f.location.path for f in found.errors] == ["firms[0].nib", "firms[1].nib"]
    assert found.errors[0].message.values == {"value": "812345678901"}
    assert found.errors[1].message.values == {"value": "8.12E+12"}
    assert "format the NIB column as Text" in text(found.errors[0].message)
    assert "Teks" in text(found.errors[1].message, "id")
    assert found.firms[2]["nib"] == "0812345678901"


def test_thousands_separator_is_an_error_with_the_corrected_number(make_xlsx: XlsxFactory) -> None:
    rows = [
        ["Nama Usaha", "Peran", "Kapasitas per Bulan", "Tenaga Kerja"],
        ["Usaha A", "penggerak", "1.500", "1,200"],
        ["Usaha B", "anggota", "1500", "12"],  # numbers kept as text are read
        ["Usaha C", "anggota", "2,5", 3.0],  # a decimal comma is no thousands separator
        ["Usaha D", "anggota", "1.234.567,5", "dua"],
    ]
    found = read_firms(make_xlsx({"Daftar": rows}))
    assert [(f.message.id, dict(f.message.values)) for f in found.errors] == [
        ("sheet.thousands_separator", {"value": "1.500", "plain": {"en": "1500", "id": "1500"}}),
        ("sheet.thousands_separator", {"value": "1,200", "plain": {"en": "1200", "id": "1200"}}),
        # in the reader's decimal mark: Indonesian Excel reads 1234567,5 (and so does the tool)
        ("sheet.thousands_separator", {"value": "1.234.567,5", "plain": {"en": "1234567.5", "id": "1234567,5"}}),
        ("sheet.not_a_number", {"value": "dua"}),
    ]
    assert _cells(found.errors) == ["C2", "D2", "C5", "D5"]
    assert found.firms[1] == {"name": "Usaha B", "role": "member", "monthly_capacity": 1500.0, "workers": 12}
    assert found.firms[2]["monthly_capacity"] == 2.5 and found.firms[2]["workers"] == 3


def test_formula_without_saved_result_is_an_error_and_one_with_a_result_is_read(make_xlsx: XlsxFactory) -> None:
    def formulas(book: Any, sheet: Any) -> None:
        sheet.write_formula("A3", '="Usaha "&"B"', None, "")  # no result saved, as scripts write them
        sheet.write_formula("D2", "=2+3", None, 5)  # the result Excel saved

    rows = [["Nama Usaha", "Peran", "Alamat", "Tenaga Kerja"], ["Usaha A", "penggerak"], [None, "anggota"]]
    found = read_firms(make_xlsx({"Daftar": rows}, build=formulas))
    assert _ids(found.errors) == ["sheet.formula_no_value"] and _cells(found.errors) == ["A3"]
    assert found.errors[0].location.path == "firms[1].name"
    assert found.firms[0]["workers"] == 5
    assert found.sheet == "Daftar"  # none asked for: the first sheet, named as every finding's place


def test_a_zero_saved_by_a_writer_that_computes_nothing_is_no_result(make_xlsx: XlsxFactory, tmp_path: Path) -> None:
    """XlsxWriter saves 0 for a formula given no result and asks the spreadsheet to compute every formula on
    opening (fullCalcOnLoad): that 0 is no result, where it was read as a firm named "0" and a capacity of 0."""

    def formulas(book: Any, sheet: Any) -> None:
        sheet.write_formula("A3", '="Usaha "&"B"')  # XlsxWriter saves <v>0</v>
        sheet.write_formula("C3", "=A2")
        sheet.write_formula("D3", "=D2*2")
        sheet.write_formula("D4", "=D2+1", None, 11)  # a result the script gave: read
        sheet.write_formula("A4", '="Usaha "&"C"', None, "Usaha C")

    rows = [
        ["Nama Usaha", "Peran", "Pembina", "Kapasitas per Bulan"],
        ["Usaha A", "penggerak", None, 10],
        [None, "binaan"],
        [None, "binaan", "Usaha A"],
    ]
    written = make_xlsx({"Daftar": rows}, build=formulas)
    found = read_firms(written)
    assert _ids(found.errors) == ["sheet.formula_no_value"] * 3 and _cells(found.errors) == ["A3", "C3", "D3"]
    assert found.firms[2] == {"name": "Usaha C", "role": "mentee", "mentor": "Usaha A", "monthly_capacity": 11}
    # Saved by LibreOffice without recalculating, the request is gone and the 0s stay: a 0 is then a result
    # like any other (a capacity of 0), but never a name or a mentor.
    saved = tmp_path / "disimpan.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(saved, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                assert b'fullCalcOnLoad="1"' in data
                data = data.replace(b' fullCalcOnLoad="1"', b"")
            target.writestr(info, data)
    again = read_firms(saved)
    assert _ids(again.errors) == ["sheet.formula_zero_text"] * 2 and _cells(again.errors) == ["A3", "C3"]
    assert again.sheet == "Daftar" and "Recalculate Hard" in text(again.errors[0].message)
    names = tmp_path / "tanpa-nama.xlsx"
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(names, "w") as target:
        for info in source.infolist():  # the name and mentor formulas typed over: the capacity's 0 is read
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<c r="A3"><f>.*?</c>', b'<c r="A3" t="inlineStr"><is><t>Usaha B</t></is></c>', data)
                data = re.sub(rb'<c r="C3"><f>.*?</c>', b'<c r="C3" t="inlineStr"><is><t>Usaha A</t></is></c>', data)
            target.writestr(info, data)
    typed = read_firms(names)
    assert typed.errors == () and typed.firms[1] == {
        "name": "Usaha B",
        "role": "mentee",
        "mentor": "Usaha A",
        "monthly_capacity": 0,
    }


def test_an_array_formula_s_other_cells_hold_xlsxwriter_s_zero_too(make_xlsx: XlsxFactory) -> None:
    """XlsxWriter fills the cells of an array formula's range but its first with 0, and no formula."""

    def formulas(book: Any, sheet: Any) -> None:
        sheet.write_array_formula("B2:B3", "{=D2:D3*2}", None, 20)  # the first given, the second a 0

    rows = [
        ["Nama Usaha", "Kapasitas per Bulan", "Peran", "x"],
        ["Usaha A", None, "penggerak", 10],
        ["Usaha B", None, "anggota", 5],
    ]
    found = read_firms(make_xlsx({"Daftar": rows}, build=formulas))
    assert _ids(found.errors) == ["sheet.formula_no_value"] and _cells(found.errors) == ["B3"]
    assert found.firms[0]["monthly_capacity"] == 20


@pytest.mark.parametrize(
    ("calc", "placeholder"),
    [
        (b'<calcPr calcId="124519" fullCalcOnLoad="1"/>', True),
        (b"<x:calcPr fullCalcOnLoad = 'true' calcId='1'/>", True),
        (b'<calcPr calcId="191029"/>', False),
        (b'<calcPr fullCalcOnLoad="0"/>', False),
        (b'<calcPr note="fullCalcOnLoad=1"/>', False),
        (b'<!-- <calcPr fullCalcOnLoad="1"/> --><calcPr calcId="191029"/>', False),  # a comment says nothing
        (b"", False),
    ],
)
def test_a_workbook_computed_on_opening_is_told_from_its_calc_properties(calc: bytes, placeholder: bool) -> None:
    from ovop_assess.sheets.xlsx_formulas import computed_on_open

    assert computed_on_open(b"<workbook><sheets/>" + calc + b"</workbook>") is placeholder


def test_merged_cells_over_firm_columns_are_an_error(make_xlsx: XlsxFactory) -> None:
    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("D3:D4", "Usaha A")  # one mentor for two mentees
        sheet.merge_range("C2:C4", "Desa Sukamaju")  # an address block beside the list is fine

    rows = [["Nama Usaha", "Peran", "Alamat", "Pembina"], ["Usaha A", "penggerak"], ["B", "binaan"], ["C", "binaan"]]
    found = read_firms(make_xlsx({"Daftar": rows}, build=merge))
    assert _ids(found.errors) == ["sheet.merged"]
    assert found.errors[0].message.values == {"cells": "D3:D4"}
    assert found.errors[0].location.path == "firms[1].mentor" and _cells(found.errors) == ["D3"]


def test_first_visible_sheet_is_the_default_and_hidden_sheets_are_named(make_xlsx: XlsxFactory) -> None:
    header = ["Nama Usaha", "Peran"]
    path = make_xlsx(
        {"Lama": [header, ["Usaha Lama", "anggota"]], "Daftar UMKM": [header, ["Usaha Baru", "penggerak"]]},
        hidden=["Lama"],
    )
    found = read_firms(path)
    assert found.sheet == "Daftar UMKM" and found.firms == ({"name": "Usaha Baru", "role": "champion"},)
    assert _ids(found.warnings) == ["sheet.hidden_skipped"]
    assert text(found.warnings[0].message) == (
        "hidden sheets skipped: Lama; the firms are read from Daftar UMKM, the first visible sheet"
    )
    hidden = read_firms(path, sheet="Lama")
    assert hidden.firms == ({"name": "Usaha Lama", "role": "member"},)
    assert _ids(hidden.warnings) == ["sheet.hidden"]
    missing = read_firms(path, sheet="Daftar Usaha")
    assert missing.firms == () and _ids(missing.errors) == ["sheet.not_found"]
    assert text(missing.errors[0].message) == (
        "the workbook has no sheet named Daftar Usaha; its sheets are: Lama (hidden), Daftar UMKM"
    )
    assert "Lama (tersembunyi)" in text(missing.errors[0].message, "id")
    assert read_firms(path, sheet="daftar umkm").sheet == "Daftar UMKM"  # case and spacing as typed in a region file


def test_header_problems(make_xlsx: XlsxFactory) -> None:
    no_role = read_firms(make_xlsx({"D": [["Nama Usaha", "Alamat"], ["Usaha A", "Jl. 1"]]}, name="a.xlsx"))
    assert _ids(no_role.errors) == ["sheet.missing_column"] and no_role.firms == ()
    assert "Peran" in text(no_role.errors[0].message)
    twice = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran", "name"], ["A", "anggota", "B"]]}, name="b.xlsx"))
    assert _ids(twice.errors) == ["sheet.duplicate_column"] and _cells(twice.errors) == ["C1"]
    assert twice.firms == ({"name": "A", "role": "member"},)
    empty = read_firms(make_xlsx({"D": []}, name="c.xlsx"))
    assert _ids(empty.errors) == ["sheet.empty"]


def test_an_unknown_role_is_left_for_the_region_validation_a_bad_nib_is_said_in_the_sheets_words(
    make_xlsx: XlsxFactory,
) -> None:
    """A NIB of the wrong length is the reader's to say, with its value and the spreadsheet's fix: the
    region validation's advice (quotes) is for YAML, and a cell cannot be quoted."""
    rows = [["Nama Usaha", "Peran", "NIB"], ["Usaha A", "ketua", "12345"]]
    found = read_firms(make_xlsx({"D": rows}))
    assert found.firms == ({"name": "Usaha A", "role": "ketua"},)
    assert _ids(found.errors) == ["sheet.nib_length"]
    assert found.errors[0].message.values == {"value": "12345", "count": 5}
    assert found.refused == frozenset({(0, "nib")})


def test_ten_thousand_rows(make_xlsx: XlsxFactory) -> None:
    rows: list[list[Any]] = [OFFICE_HEADERS]
    for i in range(10_000):
        rows.append(
            [
                f"Usaha {i}",
                "penggerak" if i == 0 else "binaan",
                f"Jl. {i}",
                None if i == 0 else "Usaha 0",
                None,
                f"{i:013d}",
            ]
        )
    found = read_firms(make_xlsx({"Daftar UMKM": rows}))
    assert found.errors == () and len(found.firms) == 10_000
    assert found.rows[-1] == 10_001 and found.cell(("firms", 9_999, "nib")) == "F10001"
    assert [Firm.model_validate(firm).nib for firm in found.firms[-2:]] == ["0000000009998", "0000000009999"]


def test_rows_and_cells_limits(make_xlsx: XlsxFactory, tmp_path: Path) -> None:
    rows = [["Nama Usaha", "Peran"]] + [[f"U{i}", "anggota"] for i in range(30)]
    path = make_xlsx({"D": rows})
    assert read_firms(path, limits=SheetLimits(max_rows=31)).errors == ()
    refused = read_firms(path, limits=SheetLimits(max_rows=30))
    assert _ids(refused.errors) == ["sheet.too_many_rows"] and refused.errors[0].message.values["limit"] == 30
    cells = read_firms(path, limits=SheetLimits(max_cells=61))
    assert _ids(cells.errors) == ["sheet.too_many_cells"]
    assert dict(cells.errors[0].message.values) == {"cells": 62, "limit": 61, "counted": counted(".xlsx")}
    small = read_firms(path, limits=SheetLimits(max_bytes=100))
    assert _ids(small.errors) == ["sheet.too_large"] and small.errors[0].message.values["limit"] == fmt_bytes(100)


@pytest.mark.parametrize("limit", [100, 5_000, 9_999])
def test_a_sheet_over_the_row_limit_is_refused_with_its_own_row_count(make_xlsx: XlsxFactory, limit: int) -> None:
    # The count was the first row found with more digits than the limit (1000 for a limit of 100, 10000 for
    # 5000): the message names the sheet's last row, 10,001 here, whichever way the limit is checked.
    rows = [["Nama Usaha", "Peran"]] + [[f"U{i}", "anggota"] for i in range(10_000)]
    found = read_firms(make_xlsx({"D": rows}), limits=SheetLimits(max_rows=limit))
    assert _ids(found.errors) == ["sheet.too_many_rows"]
    assert dict(found.errors[0].message.values) == {"rows": 10_001, "limit": limit, "counted": counted(".xlsx")}


def test_one_cell_far_away_is_refused_before_the_reader_allocates_it(make_xlsx: XlsxFactory) -> None:
    # calamine allocates the whole rectangle up to the last cell: 16384 x 1048576 cells would abort the process.
    def far(book: Any, sheet: Any) -> None:
        sheet.write_string(1_048_575, 16_383, "x")

    found = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"]]}, build=far))
    assert _ids(found.errors) == ["sheet.too_many_rows"]
    assert dict(found.errors[0].message.values) == {"rows": 1_048_576, "limit": 50_000, "counted": counted(".xlsx")}

    def wide(book: Any, sheet: Any) -> None:
        sheet.write_string(40_000, 16_383, "x")

    wide_found = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"]]}, name="wide.xlsx", build=wide))
    assert _ids(wide_found.errors) == ["sheet.too_many_cells"]
    assert dict(wide_found.errors[0].message.values) == {
        "cells": 40_001 * 16_384,
        "limit": 1_000_000,
        "counted": counted(".xlsx"),
    }


@pytest.mark.parametrize(
    "limits",
    [SheetLimits(), SheetLimits(max_rows=1000), SheetLimits(max_cells=600_000), SheetLimits(max_cells=150)],
)
def test_borders_drawn_far_below_the_list_are_no_rows(make_xlsx: XlsxFactory, limits: SheetLimits) -> None:
    """Formats without a value (borders drawn to row 60,000 and column AZ under 50 firms) make no cell calamine
    keeps: they were counted by the checks before it, so a list was refused under some limits (naming
    --max-rows for --max-cells) and read under others."""

    def bordered(book: Any, sheet: Any) -> None:
        border = book.add_format({"border": 1})
        for row in range(51, 60_000):
            sheet.write_blank(row, 0, None, border)
        sheet.write_blank(59_999, 51, None, border)

    rows = [["Nama Usaha", "Peran"]] + [[f"U{i}", "anggota"] for i in range(50)]
    found = read_firms(make_xlsx({"D": rows}, build=bordered), limits=limits)
    assert found.errors == () and len(found.firms) == 50


@pytest.mark.parametrize(
    "ref",
    [
        # A ">" inside a quoted value does not close the tag: the cell holds its value and is counted.
        ' r="A99999999" x="a/>b"',
        ' r="ZZZZ99999999"',  # past Excel's three letters and seven digits
        '\tr="A99999999"',  # an attribute after a tab, read the exact way
        ' r="A' + "9" * 5000 + '"',  # more digits than int() reads
        '\tr="A' + "9" * 5000 + '"',
        ' r="a99999999"',  # lower case, which calamine reads too
        " r='A99999999'",  # in single quotes, which the searches for r=" missed
        ' r = "A99999999"',  # spaced
        # A second r: calamine takes a tag's last one, whichever way it is written.
        ' r="A2" r="A99999999"',
        " r=\"A2\" r='A99999999'",
        ' r="A2"\tr="A99999999"',
        ' r="A2" r = "A99999999"',
        " r='A2' r='A99999999'",
    ],
)
def test_a_cell_reference_past_excels_own_limits_is_refused_before_the_reader_allocates_it(
    make_xlsx: XlsxFactory, tmp_path: Path, ref: str, calamine_reads_no_sheet: Callable[[], None]
) -> None:
    """A hand-made sheet may write any reference: calamine takes it at its word and asks for gigabytes
    (the process aborts), or int() refuses thousands of digits; each is refused as too many rows."""
    written = make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]})
    with zipfile.ZipFile(written) as book:
        members = {name: book.read(name) for name in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert b' r="A2"' in members[sheet]
    members[sheet] = members[sheet].replace(b' r="A2"', ref.encode(), 1)
    path = tmp_path / "hand-made.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        for name, data in members.items():
            book.writestr(name, data)
    calamine_reads_no_sheet()  # refused before calamine reads the sheet, where it allocates the rectangle
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.too_many_rows"] and found.firms == ()


def _rewritten(path: Path, target: Path, name: str, old: bytes, new: bytes) -> Path:
    """A copy of the workbook at ``path`` with ``old`` replaced by ``new`` once in its member ``name``."""
    with zipfile.ZipFile(path) as book:
        members = {member: book.read(member) for member in book.namelist()}
    assert old in members[name]
    members[name] = members[name].replace(old, new, 1)
    with zipfile.ZipFile(target, "w") as book:
        for member, data in members.items():
            book.writestr(member, data)
    return target


@pytest.mark.parametrize("count", [b"4294967295", b"+4294967296", b"9" * 5000])
def test_shared_strings_claiming_more_than_their_member_holds_are_refused(
    make_xlsx: XlsxFactory, tmp_path: Path, count: bytes, calamine_never_opens: Callable[[], None]
) -> None:
    """calamine reserves room for the uniqueCount the shared strings declare: 4294967295 asks for
    100 GB and aborts the process. Each string takes bytes of the member, so a larger count is a lie."""
    written = make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]})
    with zipfile.ZipFile(written) as book:
        declared = re.search(rb'uniqueCount="[0-9]+"', book.read("xl/sharedStrings.xml"))
    assert declared is not None
    path = _rewritten(
        written, tmp_path / "hand-made.xlsx", "xl/sharedStrings.xml", declared[0], b'uniqueCount="' + count + b'"'
    )
    calamine_never_opens()  # refused before calamine opens the file, where it reserves the room
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.corrupt"] and found.firms == ()


@pytest.mark.parametrize(
    ("placed", "member"),
    [
        (lambda sst: b"<!--" + b"x" * 5000 + b"-->" + sst, "xl/sharedStrings.xml"),  # past a long comment
        (lambda sst: sst.replace(b"<sst ", b'<sst a="' + b"x" * 5000 + b'" ', 1), "xl/sharedStrings.xml"),
        (lambda sst: sst.replace(b"<sst ", b'<sst a=">" ', 1), "xl/sharedStrings.xml"),  # a ">" in a value
        (lambda sst: b"<wrapper>" + sst + b"</wrapper>", "xl/sharedStrings.xml"),  # not the root
        (lambda sst: sst, "xl/sharedStrings.XML"),  # calamine finds the member in any case
        (lambda sst: sst.replace(b"uniqueCount=", b"uniqueCount \n= ", 1), "xl/sharedStrings.xml"),
    ],
    ids=["after-comment", "after-long-attribute", "after-gt-in-value", "wrapped", "upper-case-name", "spaced"],
)
def test_a_huge_unique_count_is_refused_wherever_calamine_would_read_it(
    make_xlsx: XlsxFactory,
    tmp_path: Path,
    placed: Callable[[bytes], bytes],
    member: str,
    calamine_never_opens: Callable[[], None],
) -> None:
    """Each of these aborted the process (an adversarial review): calamine takes the count from any sst tag of
    the member, whatever comes before it, and finds the member whatever the case of its name."""
    written = make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]})
    with zipfile.ZipFile(written) as book:
        members = {name: book.read(name) for name in book.namelist()}
    strings = re.sub(rb'uniqueCount="[0-9]+"', b'uniqueCount="4294967295"', members.pop("xl/sharedStrings.xml"))
    declaration = strings.index(b"?>") + 2
    members[member] = strings[:declaration] + placed(strings[declaration:])
    path = tmp_path / "hand-made.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        for name, data in members.items():
            book.writestr(name, data)
    calamine_never_opens()
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.corrupt"] and found.firms == ()


@pytest.mark.parametrize(
    ("stored", "refused"), [("xl/decoy.bin", True), ("xl/sharedStrings.xml", False)], ids=["renamed", "same-name"]
)
def test_a_member_renamed_in_a_unicode_path_field_is_refused(
    make_xlsx: XlsxFactory, tmp_path: Path, stored: str, refused: bool, calamine_never_opens: Callable[[], None]
) -> None:
    """zipfile ignores the Info-ZIP Unicode Path field (0x7075); calamine's zip reader names the member by it, so
    shared strings stored as xl/decoy.bin were read past the check, and aborted the process (an adversarial
    review). A field naming the member as zipfile does changes nothing."""
    import struct
    import zlib

    written = make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]})
    with zipfile.ZipFile(written) as book:
        members = {name: book.read(name) for name in book.namelist()}
    strings = members.pop("xl/sharedStrings.xml")
    body = b"\x01" + struct.pack("<I", zlib.crc32(stored.encode())) + b"xl/sharedStrings.xml"
    info = zipfile.ZipInfo(stored)
    info.extra = struct.pack("<HH", 0x7075, len(body)) + body
    path = tmp_path / "hand-made.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        for name, data in members.items():
            book.writestr(name, data)
        book.writestr(info, strings)
    if refused:
        calamine_never_opens()
    found = read_firms(path)
    assert _ids(found.errors) == (["sheet.corrupt"] if refused else [])


def test_a_unique_count_within_the_member_is_read(make_xlsx: XlsxFactory) -> None:
    """The count Excel writes (the strings the table holds) is within a fifth of the member's bytes."""
    found = read_firms(make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]}))
    assert not found.errors and [firm["name"] for firm in found.firms] == ["Usaha A"]


@pytest.mark.parametrize("empty", [b"<v></v>", b"<v/>"])
def test_a_formula_whose_saved_result_is_the_empty_text_reads_as_empty(
    make_xlsx: XlsxFactory, tmp_path: Path, empty: bytes
) -> None:
    """Excel saves =IF(Peran="binaan";"Batik A";"") giving "" as t="str" with an empty value: a result saved,
    not missing (an adversarial review: saving again in Excel, as the error said, changed nothing). Without the
    type (openpyxl's formulas, never computed) it is still a formula without its result."""

    def formulas(book: Any, sheet: Any) -> None:
        sheet.write_formula(1, 2, '=IF(B2="binaan","Batik A","")', None, "")
        sheet.write_formula(2, 2, '=IF(B3="binaan","Batik A","")', None, "Batik A")

    rows = [["Nama Usaha", "Peran", "Pembina"], ["Batik A", "penggerak"], ["Batik B", "binaan"]]
    written = make_xlsx({"D": rows}, build=formulas)
    unsaved = b'<c r="C2"><f>IF(B2="binaan","Batik A","")</f><v></v></c>'
    assert _ids(read_firms(written).errors) == ["sheet.formula_no_value"]
    saved = unsaved.replace(b'<c r="C2">', b'<c r="C2" t="str">').replace(b"<v></v>", empty)
    found = read_firms(_rewritten(written, tmp_path / "excel.xlsx", "xl/worksheets/sheet1.xml", unsaved, saved))
    assert not found.errors
    assert [(firm["name"], firm.get("mentor")) for firm in found.firms] == [("Batik A", None), ("Batik B", "Batik A")]


def test_a_workbook_declaring_an_unknown_encoding_is_read_as_calamine_reads_it(
    make_xlsx: XlsxFactory, tmp_path: Path
) -> None:
    """An XML declaration naming no known encoding made ElementTree raise LookupError (not ParseError), once a
    traceback. The sheet list is now found in the bytes as calamine finds it (``xlsx_parts``): calamine reads
    these UTF-8 bytes, and so does the tool. A list the scan cannot read as calamine does (UTF-16 bytes) is
    refused as damaged, never read from another member."""
    written = make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "champion"]]})
    path = _rewritten(written, tmp_path / "hand-made.xlsx", "xl/workbook.xml", b'encoding="UTF-8"', b'encoding="A0"')
    found = read_firms(path)
    assert not found.errors and [firm["name"] for firm in found.firms] == ["Usaha A"]
    with zipfile.ZipFile(written) as archive:
        book = archive.read("xl/workbook.xml").decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    wide = tmp_path / "wide.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(wide, "w") as target:
        for info in source.infolist():
            data = book.encode("utf-16") if info.filename == "xl/workbook.xml" else source.read(info)
            target.writestr(info.filename, data)
    assert _ids(read_firms(wide).errors) == ["sheet.corrupt"]


def test_cells_beyond_the_header_are_ignored_with_one_warning_in_both_languages(make_xlsx: XlsxFactory) -> None:
    rows = [
        ["Nama Usaha", "Peran"],
        ["Usaha A", "penggerak"],
        ["Usaha B", "binaan", None, 0],
        ["Usaha C", "binaan", "catatan"],
    ]
    found = read_firms(make_xlsx({"Daftar": rows}))
    assert [f["name"] for f in found.firms] == ["Usaha A", "Usaha B", "Usaha C"]
    assert _ids(found.warnings) == ["sheet.cells_beyond_header"]
    assert _cells(found.warnings) == ["D3"]
    assert text(found.warnings[0].message) == (
        "row 3 has cells beyond the header's last column (from D3): they are ignored"
    )
    assert text(found.warnings[0].message, "id") == (
        "baris 3 memiliki sel di luar kolom terakhir baris nama kolom (mulai D3): sel tersebut diabaikan"
    )


def test_a_role_cell_that_is_no_text_or_empty_is_named_at_its_cell(make_xlsx: Callable[..., Path]) -> None:
    """A TRUE cell or a number in Peran gets the sheet's words and the value as the office sees it; an
    empty Peran cell is reported at that cell (B), not at the row's first column."""
    from ovop_assess.firm_sheet import import_firms
    from ovop_assess.yaml_source import Limits

    rows = [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"], ["Usaha B", True], ["Usaha C", 42], ["Usaha D", None]]
    found = import_firms(make_xlsx({"Daftar": rows}), None, Limits())
    assert [(f.message.id, dict(f.message.values), f.location.cell) for f in found.errors] == [
        ("sheet.not_a_role", {"value": "TRUE"}, "B3"),
        ("sheet.not_a_role", {"value": "42"}, "B4"),
        ("sheet.cell_required", {"column": "Peran", "field": "role"}, "B5"),
    ]


_FORMULA_CELLS = st.sampled_from(
    [
        b'<c r="A1"><f>ROW()-1</f><v>1</v></c>',
        b'<c r="A1"><f t="shared" ref="A1:A9" si="0">ROW()-1</f><v>1</v></c>',
        b'<c r="A1"><f t="shared" si="0"/><v>2</v></c>',
        b'<x:c r="A1"><x:f>1</x:f><x:v>1</x:v></x:c>',
        b'<c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>',
        b'<c r="A1"><f>ROW()-1</f></c>',
        b'<c r="A1"><f t="shared" si="0"/></c>',
        b'<c r="A1"><f>1</f><v></v></c>',
        b'<c r="A1"><f>1</f><v/></c>',
        b'<c r="A1" t="str"><f>IF(1,"","x")</f><v></v></c>',
        b'<c r="A1" t="str"><f>IF(1,"","x")</f><v/></c>',
        b'<c r="A1" t="str"><f>IF(1,"","x")</f></c>',
        b'<c r="A1"><f>1</f><v> </v></c>',
        b'<c r="A1"><f>1</f>\n<v>3</v></c>',
        b'<c r="A1"><f\n>1</f><v>3</v></c>',
        b'<c r="A1"><f><![CDATA[1]]></f><v>3</v></c>',
        b'<c r="A1" t="inlineStr"><f>1</f><is><t>x</t></is></c>',
        b'<c r="A1" t="s"><v>0</v></c>',
        b'<c r="A1"/>',
        b'<c r="A1"><v>7</v></c>',
        b'<c r="A1"><f>B1</f><v>0</v></c>',
        b'<c r="A1"><f>B1</f><v> 0 </v></c>',
        b'<c r="A1" t="b"><f>1=2</f><v>0</v></c>',
        b'<c r="A1"><f>B1</f><v>0.5</v></c>',
        b'<c r="A1"><v>0</v></c>',
        b"<row>",
        b"</row>",
        b" ",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_FORMULA_CELLS, max_size=8))
def test_a_sheet_passed_over_as_all_its_formulas_have_results_has_none_without(cells: list[bytes]) -> None:
    # The pattern that spares a sheet the look at every cell may send a sheet there needlessly, never miss one.
    xml = b"".join(cells).replace(b'r="A1"', b'r="A2"')
    if MAY_LACK_OR_ZERO.search(xml) is None:
        assert formula_results(xml, False) == formula_results(xml, True) == (set(), set())


def test_a_formula_of_many_spaces_without_a_value_is_found_at_once() -> None:
    """<f> and 100,000 spaces, then no value: the pattern tried every split of the spaces between two of its
    parts (80,000 took 52 s; an adversarial review). Each part now takes what it can and never gives back."""
    xml = b'<row r="2"><c r="J2"><f>' + b" " * 100_000 + b"</f><x/></c></row>"
    assert MAY_LACK_OR_ZERO.search(xml) is not None
    assert formula_results(xml, False)[0] == {(1, 9)}
    assert MAY_LACK_OR_ZERO.search(xml.replace(b"<x/>", b"<v>1</v>")) is None
    assert MAY_LACK_OR_ZERO.search(xml.replace(b"<x/>", b"<v>0</v>")) is not None


def test_a_sheet_numbered_by_formulas_with_results_is_not_looked_at_cell_by_cell(
    make_xlsx: XlsxFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def numbered(book: Any, sheet: Any) -> None:
        for row in range(1, 4):
            sheet.write_formula(row, 3, "=ROW()-1", None, row)

    rows = [
        ["Nama Usaha", "Peran", "Pembina", "No"],
        ["A", "penggerak", ""],
        ["B", "binaan", "A"],
        ["C", "binaan", "A"],
    ]
    path = make_xlsx({"Daftar": rows}, build=numbered)
    looked = []
    monkeypatch.setattr(xlsx_formulas, "formula_results", lambda xml, stale: looked.append(xml) or (set(), set()))
    found = read_firms(path)
    assert not found.errors and [firm["name"] for firm in found.firms] == ["A", "B", "C"] and looked == []


@pytest.mark.parametrize("asked", [None, "daftar umkm"])
def test_a_chosen_sheet_refused_whole_is_named_with_what_choosing_it_said(
    make_xlsx: XlsxFactory, asked: str | None
) -> None:
    # No sheet asked for: the refusal named none, and the hidden sheet passed over went unsaid.
    header = ["Nama Usaha", "Peran"]
    rows = [header] + [[f"U{i}", "anggota"] for i in range(200)]
    path = make_xlsx({"Lama": [header], "Daftar UMKM": rows}, hidden=["Lama"])
    found = read_firms(path, sheet=asked, limits=SheetLimits(max_rows=100))
    assert _ids(found.errors) == ["sheet.too_many_rows"] and found.sheet == "Daftar UMKM"
    assert _ids(found.warnings) == (["sheet.hidden_skipped"] if asked is None else [])


@pytest.mark.parametrize("rows", [60_000, 200])
def test_rows_without_a_place_under_a_far_header_cell_are_counted_before_the_reader_allocates_them(
    make_xlsx: XlsxFactory, tmp_path: Path, rows: int, calamine_reads_no_sheet: Callable[[], None]
) -> None:
    """Cells need not name their place: calamine puts each after the one before it, and each row after the
    row before. An 11 KB sheet of such rows under a header reaching XFD1 made it allocate 45,001 x 16,384
    cells and abort the process, where the places the cells name showed one row."""
    written = make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"]]})
    unplaced = '<row><c t="inlineStr"><is><t>Batik</t></is></c></row>' * rows
    far = '<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>'
    path = _rewritten(written, tmp_path / "tanpa-r.xlsx", "xl/worksheets/sheet1.xml", b"</row>", far.encode())
    path = _rewritten(
        path,
        tmp_path / "tanpa-r2.xlsx",
        "xl/worksheets/sheet1.xml",
        b"</sheetData>",
        (unplaced + "</sheetData>").encode(),
    )
    calamine_reads_no_sheet()
    found = read_firms(path)
    expected = ["sheet.too_many_rows"] if rows > 50_000 else ["sheet.too_many_cells"]
    assert _ids(found.errors) == expected and found.firms == ()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["<row>", '<row r="{r}">', "<row r='{r}'>", "<x:row>"]),
            st.lists(
                st.sampled_from(["<c{a}>", '<c r="{c}"{a}>', "<c {a} r='{c}'>", "<x:c{a}>", '<c s=">" r="{c}">']),
                max_size=4,
            ),
            st.integers(1, 40),
        ),
        max_size=6,
    )
)
def test_cells_are_placed_as_calamine_places_them(rows: list[tuple[str, list[str], int]]) -> None:
    import io

    import python_calamine
    import xlsxwriter  # type: ignore[import-untyped]

    from ovop_assess.sheets.xlsx_positions import placed_extent

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.add_worksheet("D").write_string(0, 0, "Nama Usaha")
    book.close()
    body = ""
    for row_tag, cells, number in rows:
        body += row_tag.format(r=number)
        for at, cell in enumerate(cells):
            body += cell.format(a=' t="inlineStr"', c=f"{'ABCDEFGHIJ'[at + number % 5]}{number + at}")
            body += "<is><t>v</t></is>" + ("</x:c>" if cell.startswith("<x:") else "</c>")
        body += "</x:row>" if row_tag.startswith("<x:") else "</row>"
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f"{body}</sheetData></worksheet>"
    ).encode()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as written:
        members = {name: written.read(name) for name in written.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet
    changed = io.BytesIO()
    with zipfile.ZipFile(changed, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(changed.getvalue())) as read:
        end = read.get_sheet_by_index(0).end
    assert placed_extent(sheet) == ((end[0] + 1, end[1] + 1) if end is not None else (0, 0))


def test_a_cell_tag_with_a_quote_left_open_is_damaged_and_read_in_linear_time(
    make_xlsx: XlsxFactory, tmp_path: Path
) -> None:
    # Read with a pattern that let a value run past "<", 8,000 such tags took 9 s (each tag rescanned the
    # rest of the sheet); 30,000 would take minutes. No value holds a "<": every tag is read to the next one.
    written = make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"]]})
    bad = "<row>" + '<c a="' * 30_000 + "</row></sheetData>"
    path = _rewritten(written, tmp_path / "kutip.xlsx", "xl/worksheets/sheet1.xml", b"</sheetData>", bad.encode())
    assert _ids(read_firms(path).errors) == ["sheet.corrupt"]


@pytest.mark.parametrize(
    ("cell", "place"),
    [
        ('<c r="a2"><f>1</f></c>', (1, 0)),  # lower case, which calamine reads
        ("<c r='A2'><f>1</f></c>", (1, 0)),
        ('<c s=">" r="A2"><f>1</f></c>', (1, 0)),  # a ">" in a value ended the tag too soon
        ('<c r="A2" r="C5"><f>1</f></c>', (4, 2)),  # the last r, as calamine reads it
    ],
)
def test_a_formula_without_its_result_is_placed_however_its_reference_is_written(
    cell: str, place: tuple[int, int]
) -> None:
    # Each was found to lack a result and then not placed: the firm lost its name without a word.
    assert formula_results(f"<row>{cell}</row>".encode(), False)[0] == {place}


def test_the_cells_are_read_in_linear_time_whatever_follows_a_formula_without_its_result() -> None:
    # A body read to the next </c> anywhere rescanned the rest for each "<c " left open: 200 KB of
    # comments after one such formula took 47 s.
    xml = b'<row r="2"><c r="B2"><f>1+1</f></c></row>' + b"<!--<c -->" * 200_000
    assert formula_results(xml, False)[0] == {(1, 1)}


def _with_member(path: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the workbook at ``path`` with the member ``name`` changed."""
    changed = path.with_name("changed-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(changed, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, change(data) if info.filename == name else data)
    return changed


def test_one_long_shared_text_in_many_cells_is_refused_before_it_is_copied_into_each(
    make_xlsx: XlsxFactory,
) -> None:
    """A text stored once and shown in many cells: calamine copies it into each (413 KB took 5 GB; an adversarial
    review). Held to --max-unpacked-bytes, as the text the sheet comes to."""
    long_text = "x" * 5_000
    rows = [["Nama Usaha", "Peran", "Alamat"], *([f"Usaha {i}", "anggota", long_text] for i in range(300))]
    path = make_xlsx({"Daftar": rows})
    found = read_firms(path, limits=SheetLimits(max_unpacked_bytes=1_000_000))
    assert _ids(found.errors) == ["sheet.shared_text_too_large"] and found.firms == () and found.sheet == "Daftar"
    size = found.errors[0].message.values["size"]
    count = int(size.values["count"]["en"].replace(",", ""))  # the exact count, beside the size in KiB
    assert size.id == "size.binary" and 300 * 5_000 <= count < 2 * 300 * 5_000
    assert "--max-unpacked-bytes" in text(found.errors[0].message)
    assert len(read_firms(path).firms) == 300  # within the default limit: read


def test_shared_text_that_a_split_cannot_vouch_for_counts_as_long_as_its_member(make_xlsx: XlsxFactory) -> None:
    rows = [["Nama Usaha", "Peran", "Alamat"], ["Usaha A", "anggota", "y" * 2_000]]
    rows += [[f"Usaha {i}", "anggota"] for i in range(300)]
    path = make_xlsx({"Daftar": rows})
    limits = SheetLimits(max_unpacked_bytes=500_000)  # the text is about 12 KB: within
    assert read_firms(path, limits=limits).errors == ()
    # A comment that writes "<si>" every few bytes would cut a long string short: each counted as its member.
    commented = _with_member(
        path, "xl/sharedStrings.xml", lambda xml: xml.replace(b"</sst>", b"<!--" + b"<si>" * 10 + b"--></sst>")
    )
    assert _ids(read_firms(commented, limits=limits).errors) == ["sheet.shared_text_too_large"]
    # (an index written as a character reference or CDATA: test_a_value_calamine_reads_as_string_0_or_another…)


def test_a_sheet_of_more_merged_ranges_than_a_firm_list_has_is_refused_before_they_are_listed(
    make_xlsx: XlsxFactory,
) -> None:
    """5 million copies of one <mergeCell> in 293 KB took 4.7 GB and 90 s as Python values and findings."""
    path = make_xlsx({"Daftar": [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"], ["Usaha B", "anggota"]]})

    def merged(count: int) -> Path:
        ranges = b'<mergeCell ref="A2:B3"/>' * count
        return _with_member(
            path,
            "xl/worksheets/sheet1.xml",
            lambda xml: xml.replace(b"</sheetData>", b"</sheetData><mergeCells>" + ranges + b"</mergeCells>"),
        )

    many = read_firms(merged(MOST_MERGED + 1))
    assert _ids(many.errors) == ["sheet.too_many_merged"] and many.errors[0].message.values["count"] == MOST_MERGED + 1
    once = read_firms(merged(MOST_MERGED))  # within: the range written 10,000 times is said once
    assert _ids(once.errors) == ["sheet.merged"] and _cells(once.errors) == ["A2"]


def test_the_walk_of_cells_without_a_place_stops_at_the_first_past_the_limits() -> None:
    """31 million <c/> in one row, 123 KB zipped: the walk placed every one (100 s) before the refusal."""
    from ovop_assess.sheets.xlsx_positions import Past, placed_extent

    sheet = b"<sheetData><row>" + b"<c/>" * 200_000 + b"</row></sheetData>"
    with pytest.raises(Past) as past:
        placed_extent(sheet, 1_000)
    assert (past.value.rows, past.value.columns) == (1, 1_001)
    assert placed_extent(sheet) == (1, 200_000)


def _with_a_row_of(make_xlsx: XlsxFactory, tag: bytes) -> Path:
    """A one-header workbook whose sheet ends with a row of 3,000 copies of ``tag``."""
    path = make_xlsx({"Daftar": [["Nama Usaha", "Peran"]]})
    row = b"<row>" + tag * 3_000 + b"</row></sheetData>"
    return _with_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</sheetData>", row))


def test_a_sheet_refused_from_a_walk_cut_short_says_it_spans_more(make_xlsx: XlsxFactory) -> None:
    unplaced = _with_a_row_of(make_xlsx, b"<c/>")
    [error] = read_firms(unplaced, limits=SheetLimits(max_cells=1_000)).errors
    assert error.message.id == "sheet.too_many_cells" and str(error.message.values["cells"]).endswith("+")


def test_a_sheet_named_in_another_case_gets_every_check_calamine_would_read_it_past(make_xlsx: XlsxFactory) -> None:
    """calamine finds a member whose name differs in case from the one workbook.xml.rels names: the checks looked
    for the exact name only, found none, and passed a cell at XFD1048576 (an abort; an adversarial review)."""
    path = make_xlsx({"Daftar": [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"]]})
    far = _with_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    )
    renamed = _with_member(
        far, "xl/_rels/workbook.xml.rels", lambda xml: xml.replace(b"worksheets/sheet1.xml", b"worksheets/Sheet1.xml")
    )
    assert _ids(read_firms(renamed).errors) == ["sheet.too_many_rows"]
    missing = _with_member(
        path, "xl/_rels/workbook.xml.rels", lambda xml: xml.replace(b"worksheets/sheet1.xml", b"worksheets/nowhere.xml")
    )
    assert _ids(read_firms(missing).errors) == ["sheet.corrupt"]


@pytest.mark.parametrize(
    ("value", "long"),
    [
        (b"1", False),  # string 1, the short one
        (b"x", True),  # calamine reads any value that is not plain digits as string 0, the long one here
        (b" 1", True),
        (b"+1", True),
        (b"1.0", True),
        (b"00000000000000001", True),
        (b"", True),
        (b"<![CDATA[1]]>", True),  # CDATA and references: whatever string they write, the longest counted
        (b"&#49;", True),
    ],
)
def test_a_value_calamine_reads_as_string_0_or_another_is_counted_so(value: bytes, long: bool) -> None:
    """A value that is not plain digits had been passed over, and calamine copied string 0 into each such cell
    (a 211 KB file took 2.6 GB; an adversarial review)."""
    from ovop_assess.sheets.shared_text import shared_text

    book = io.BytesIO()
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", b"<sst><si><t>" + b"y" * 20_000 + b"</t></si><si><t>a</t></si></sst>")
    cells = b"".join(b'<c r="A%d" t="s"><v>%s</v></c>' % (row, value) for row in range(1, 3_000))
    with zipfile.ZipFile(book) as archive:
        counted = shared_text(b"<sheetData><row>" + cells + b"</row></sheetData>", archive, 1_000_000)
    assert (counted is not None) is long


def test_a_character_reference_elsewhere_in_the_sheet_counts_nothing_more(make_xlsx: XlsxFactory) -> None:
    """Excel writes a line break in a data-validation prompt as &#xA;: a list was refused for it."""
    rows = [["Nama Usaha", "Peran", "Alamat"], ["Usaha A", "penggerak", "y" * 2_000]]
    rows += [[f"Usaha {i}", "anggota"] for i in range(2, 300)]

    def prompt(book: Any, sheet: Any) -> None:
        sheet.data_validation(
            "B2:B300", {"validate": "list", "source": ["penggerak", "anggota"], "input_message": "Pilih\nperan"}
        )

    path = make_xlsx({"Daftar": rows}, build=prompt)
    with zipfile.ZipFile(path) as book:
        assert b"&#xA;" in book.read("xl/worksheets/sheet1.xml")
    assert read_firms(path, limits=SheetLimits(max_unpacked_bytes=500_000)).errors == ()


def test_zeros_among_many_array_formulas_are_looked_at_in_linear_work() -> None:
    """Each 0 without a formula was looked up in every array formula's range: quadratic in a hostile sheet."""
    from tests.work import counted_calls

    rows = 4_000
    cells = b"".join(
        b'<c r="A%d"><f t="array" ref="A%d">1</f><v>0</v></c><c r="B%d"><v>0</v></c>' % (i, i, i)
        for i in range(1, rows)
    )
    with counted_calls(budget=20 * rows) as work:
        found, zeros = formula_results(b"<row>" + cells + b"</row>", False)
    # (the first hundred B cells are in no range looked at; past a hundred ranges, every 0 is taken for a result)
    assert len(zeros) == 2 * (rows - 1) - 100 and found == set() and work.n < 20 * rows


def test_more_cell_tags_than_the_limit_naming_one_place_are_refused_too(make_xlsx: XlsxFactory) -> None:
    """The walk stops past --max-cells tags; tags repeating one place span one cell, and were passed as such."""
    repeated = _with_a_row_of(make_xlsx, b"<c r='A2'/>")
    [error] = read_firms(repeated, limits=SheetLimits(max_cells=1_000)).errors
    assert (error.message.id, error.message.values["cells"]) == ("sheet.too_many_cells", "1000+")


def test_a_strict_open_xml_workbook_is_read(make_xlsx: XlsxFactory, tmp_path: Path) -> None:
    """Excel's "Strict Open XML Spreadsheet" names the workbook's parts in other namespaces; calamine reads it,
    so must the checks before it (an adversarial review: it was called damaged, and saving it again in the
    same format would not have helped)."""
    rows = [["Nama Usaha", "Peran", "NIB"], ["Batik Sekar", "penggerak", "0812000000001"], ["Batik Asri", "anggota"]]
    plain = make_xlsx({"Daftar UMKM": rows})
    strict = tmp_path / "strict.xlsx"
    transitional = {
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(strict, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            for old, new in transitional.items():
                data = data.replace(old, new)
            target.writestr(info.filename, data)
    assert b"purl.oclc.org/ooxml/spreadsheetml/main" in zipfile.ZipFile(strict).read("xl/workbook.xml")
    found = read_firms(strict)
    assert not found.errors, found.errors
    assert [firm["name"] for firm in found.firms] == ["Batik Sekar", "Batik Asri"]
    assert found.firms[0]["nib"] == "0812000000001"


def test_other_visible_sheets_are_named_when_the_first_is_read(make_xlsx: XlsxFactory, tmp_path: Path) -> None:
    """Firms split over two sheets (a dusun each) were half read without a word, and the verdict changed with
    it (an adversarial review): with no sheet named, the sheets not read are named; naming one says nothing."""
    head = ["Nama Usaha", "Peran"]
    path = make_xlsx(
        {"Dusun Pagerjurang": [head, ["A", "penggerak"]], "Dusun Jarum": [head, ["B", "anggota"]], "Rekap": [["x"]]}
    )
    found = read_firms(path)
    assert [firm["name"] for firm in found.firms] == ["A"]
    [warning] = [w for w in found.warnings if w.message.id == "sheet.other_sheets_unread"]
    assert text(warning.message).startswith(
        "only the first visible sheet, Dusun Pagerjurang, is read; the workbook has other sheets too "
        "(Dusun Jarum, Rekap)"
    )
    many = make_xlsx({f"S{i}": [head, ["A", "penggerak"]] for i in range(50)}, name="many.xlsx")
    [said] = [w for w in read_firms(many).warnings if w.message.id == "sheet.other_sheets_unread"]
    assert said.message.values["sheets"] == (*(f"S{i}" for i in range(1, 11)), "… (+39)")
    assert "sheet.other_sheets_unread" not in _ids(read_firms(path, "Dusun Pagerjurang").warnings)
    hidden = make_xlsx({"Daftar": [head, ["A", "penggerak"]], "Lama": [head]}, name="h.xlsx", hidden=["Lama"])
    assert "sheet.other_sheets_unread" not in _ids(read_firms(hidden).warnings)  # a hidden sheet is said otherwise
    from ovop_assess.sheets.template import write_firms_template

    for lang in ("id", "en"):
        template = tmp_path / f"template-{lang}.xlsx"
        write_firms_template(template, lang)
        assert "sheet.other_sheets_unread" not in _ids(read_firms(template).warnings)  # its guide is no list


def test_a_number_heading_an_ignored_column_is_named_as_shown(make_xlsx: XlsxFactory) -> None:
    """A year or a number over a column (``2026``) is named as the sheet shows it, not as ``2026.0``."""
    path = make_xlsx({"Daftar": [["Nama Usaha", "Peran", 2026, 1], ["A", "penggerak", 5, 6]]})
    [warning] = [w for w in read_firms(path).warnings if w.message.id == "sheet.unknown_columns"]
    assert warning.message.values["columns"] == "2026 (C), 1 (D)"
