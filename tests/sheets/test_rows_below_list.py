"""What an office sheet holds besides its firms: a signature block or a total row below the list (said once per
row: sheets/stray_rows.py), merged ranges left empty below it, and a merged range inside it (said once, not
again for each cell it left empty: sheets/merged_ranges.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess import messages
from ovop_assess.cli.main import main
from ovop_assess.firm_sheet import import_firms
from ovop_assess.sheets import cell_name, read_firms
from ovop_assess.yaml_source import Limits

REGION = """format: ovop-region/1
region: {{name: Rajapolah, level: kecamatan, city: Kabupaten Tasikmalaya, province: Jawa Barat}}
firms: {{file: {file}}}
"""

HEADER = ["No", "Nama Usaha", "Peran", "Kategori", "Kapasitas per Bulan", "NIB", "Tenaga Kerja"]
FIRMS = [
    [1, "Anyaman Jaya", "penggerak", "anyaman", 200, "0812000000001", 3],
    [2, "Anyaman Dua", "binaan", "anyaman", 150, "0812000000002", 2],
    [3, "Anyaman Tiga", "binaan", "anyaman", 120, "0812000000003", 4],
]
SIGNATURE = [
    [],
    [None, None, None, None, None, "Tasikmalaya, 5 Januari 2026"],  # row 6
    [None, None, None, None, None, "Kepala Dinas Koperasi dan UKM"],  # row 7
    [],
    [None, None, None, None, None, "Drs. H. Asep Sutisna, M.Si"],  # row 9
    [None, None, None, None, None, "NIP. 196805121994031005"],  # row 10
]
TOTAL = [[], ["JUMLAH", None, None, None, 470, None, 9]]  # row 6: JUMLAH in the No column, sums below the numbers


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


def _said(findings: Any) -> list[tuple[str, str, str]]:
    return [
        (f.message.id, f.location.cell or cell_name(f.location.line, f.location.column), f.location.path)
        for f in findings
    ]


def test_a_signature_block_below_the_list_is_one_error_per_row(make_xlsx: Callable[..., Path]) -> None:
    """Not "the NIB reads Tasikmalaya, 5 Januari 2026", "Nama Usaha empty", "Peran empty": one error a row, at
    its first cell holding something; the firms above are read."""
    path = make_xlsx({"Daftar UMKM": [HEADER, *FIRMS, *SIGNATURE]})
    found = read_firms(path)
    assert [firm["name"] for firm in found.firms] == ["Anyaman Jaya", "Anyaman Dua", "Anyaman Tiga"]
    assert found.rows == (2, 3, 4)
    expected = [("sheet.not_a_firm", cell, "firms") for cell in ("F6", "F7", "F9", "F10")]
    assert _said(found.errors) == expected
    imported = import_firms(path, None, Limits())
    assert _said(imported.errors) == expected  # and nothing more from the validation of the firms
    said = found.errors[0].message
    assert messages.render(said) == (
        "row 6 is not a firm (no Nama Usaha and no Peran): a note, a signature or a total below the list? Delete "
        "the row, or move it to another sheet; if it is a firm, fill in its Nama Usaha and Peran"
    )
    assert messages.render(said, "id") == (
        "baris 6 bukan data usaha (Nama Usaha dan Peran tidak diisi): apakah ini catatan, tanda tangan, atau "
        "baris jumlah di bawah daftar? Hapus baris tersebut atau pindahkan ke lembar lain; jika baris itu memang "
        "usaha, isi Nama Usaha dan Perannya"
    )


def test_a_merged_total_row_is_one_error_at_its_first_cell(make_xlsx: Callable[..., Path]) -> None:
    """JUMLAH merged over A6:D6 (the No column's cell first), sums in the number columns: one error for the
    row, at A6, and none for its merged range."""

    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("A6:D6", "JUMLAH")

    found = read_firms(make_xlsx({"Daftar UMKM": [HEADER, *FIRMS, *TOTAL]}, build=merge))
    assert len(found.firms) == 3
    assert _said(found.errors) == [("sheet.not_a_firm", "A6", "firms")]
    assert [w.message.id for w in found.warnings] == ["sheet.unknown_columns"]  # no row skipped without a word


def test_a_total_row_written_by_formulas_without_results_is_one_error(make_xlsx: Callable[..., Path]) -> None:
    """=SUM() saved without its result (as scripts write it) under the number columns: still one error for the
    row, at its first formula (left of the row's text), not one per formula."""

    def sums(book: Any, sheet: Any) -> None:
        sheet.write_formula("E6", "=SUM(E2:E4)", None, "")
        sheet.write_formula("G6", "=SUM(G2:G4)", None, "")

    rows = [HEADER, *FIRMS, [], [None, None, None, None, None, "jumlah"]]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}, build=sums))
    assert _said(found.errors) == [("sheet.not_a_firm", "E6", "firms")]


def test_a_row_with_a_name_or_a_role_is_still_a_firm(make_xlsx: Callable[..., Path]) -> None:
    """Only a row with neither is no firm: a firm missing one of them is said as before, at its cell."""
    rows = [HEADER, *FIRMS, [4, "Anyaman Empat", None, "anyaman"], [5, None, "binaan", "anyaman"]]
    imported = import_firms(make_xlsx({"Daftar UMKM": rows}), None, Limits())
    assert _said(imported.errors) == [
        ("sheet.cell_required", "C5", "firms[3].role"),
        ("sheet.cell_required", "B6", "firms[4].name"),
    ]


def test_a_row_holding_only_other_columns_or_nothing_is_skipped_as_before(make_xlsx: Callable[..., Path]) -> None:
    """Nothing in a firm column: skipped (with the warning of a row holding only ignored columns), never a
    row that is no firm."""
    rows = [HEADER, *FIRMS, [], ["Catatan: data sementara"]]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}))
    assert found.errors == () and len(found.firms) == 3
    assert [w.message.id for w in found.warnings] == ["sheet.unknown_columns", "sheet.rows_only_ignored"]


@pytest.mark.parametrize(
    "word", ["JUMLAH", "Jumlah :", "Jumlah\uff1a", "  total ", "TOTAL KESELURUHAN", "Jml.", "Sub Total"]
)
def test_a_total_in_the_name_column_is_a_total_row_not_a_firm_without_a_role(
    word: str, make_xlsx: Callable[..., Path]
) -> None:
    """JUMLAH typed in Nama Usaha, sums beside it, no Peran: it was read as a firm told to fill in its Peran,
    which would have counted it (a review). It is one error for the row, said as a total row."""
    rows = [HEADER, *FIRMS, [None, word, None, None, 470, None, 9]]
    imported = import_firms(make_xlsx({"Daftar UMKM": rows}), None, Limits())
    assert _said(imported.errors) == [("sheet.total_row", "B5", "firms")]
    assert [firm["name"] for firm in imported.firms] == ["Anyaman Jaya", "Anyaman Dua", "Anyaman Tiga"]
    said = imported.errors[0].message
    assert said.values == {"row": 5, "value": word.strip()}
    assert messages.render(said).startswith(f"row 5 is a total row ({word.strip()} as its Nama Usaha, no Peran)")
    assert messages.render(said, "id").startswith(f"baris 5 adalah baris jumlah ({word.strip()} sebagai Nama Usaha")


def test_a_total_row_is_said_at_its_name_cell_whatever_is_left_of_it(make_xlsx: Callable[..., Path]) -> None:
    """A number in the No column left of JUMLAH: the error is at the JUMLAH (B5), where the word that makes
    the row a total is, not at the row's first cell."""
    rows = [HEADER, *FIRMS, [4, "JUMLAH", None, None, 470, None, 9]]
    assert _said(read_firms(make_xlsx({"Daftar UMKM": rows})).errors) == [("sheet.total_row", "B5", "firms")]


def test_a_total_with_a_role_or_a_firm_named_like_one_is_read_as_written(make_xlsx: Callable[..., Path]) -> None:
    """Only the word alone with no Peran: "Total Batik" is a name, and JUMLAH with a Peran is a firm as written
    (its mentor and the rest checked as any firm's)."""
    rows = [HEADER, *FIRMS, [4, "Total Batik", "binaan", "anyaman"], [5, "Jumlah", "binaan", "anyaman"]]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}))
    assert found.errors == () and [firm["name"] for firm in found.firms][3:] == ["Total Batik", "Jumlah"]


def test_a_total_row_between_firms_keeps_the_firms_numbered_in_a_refused_sheet(
    make_xlsx: Callable[..., Path],
) -> None:
    """A sheet refused at a cell before it is read (an error value) numbers its firms without a total row,
    as a read sheet does: the cell below it is the third firm's."""

    def error_below(book: Any, sheet: Any) -> None:
        sheet.write_formula("D5", "=1/0", None, "#DIV/0!")

    rows = [HEADER, *FIRMS[:2], [None, "JUMLAH", None, None, 350], [3, "Anyaman Tiga", "binaan", None, 120]]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}, build=error_below))
    assert _said(found.errors) == [("sheet.formula_error", "D5", "firms[2].category")]


def test_a_row_that_is_no_firm_between_firms_keeps_the_firms_numbered(make_xlsx: Callable[..., Path]) -> None:
    """A subtotal between two groups: the firms below it keep their rows, and are numbered without it."""
    rows = [HEADER, *FIRMS[:2], ["Subtotal", None, None, None, 350], FIRMS[2]]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}))
    assert _said(found.errors) == [("sheet.not_a_firm", "A4", "firms")]
    assert found.rows == (2, 3, 5) and found.location(("firms", 2, "nib")).line == 5


def test_a_signature_in_a_csv_file_and_an_xls_and_an_ods(
    tmp_path: Path, make_xls: Callable[..., Path], make_ods: Callable[..., Path], ods_row: Any
) -> None:
    csv = tmp_path / "daftar.csv"
    lines = [";".join("" if cell is None else str(cell) for cell in row) for row in [HEADER, *FIRMS, *SIGNATURE]]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    xls = make_xls({"Daftar UMKM": [HEADER, *FIRMS, *SIGNATURE]})
    ods = make_ods(
        '<table:table table:name="Daftar UMKM">'
        + "".join(ods_row(*row) for row in [HEADER, *FIRMS, *SIGNATURE])
        + "</table:table>"
    )
    for path in (csv, xls, ods):
        found = read_firms(path)
        assert [cell for _, cell, _ in _said(found.errors)] == ["F6", "F7", "F9", "F10"], path.suffix
        assert len(found.firms) == 3, path.suffix


def test_an_empty_merged_range_below_the_list_is_no_error(
    make_xlsx: Callable[..., Path], make_xls: Callable[..., Path]
) -> None:
    """xlwt and LibreOffice files keep merged ranges with nothing in them below a list: no error."""

    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("B8:D8", None)

    found = read_firms(make_xlsx({"Daftar UMKM": [HEADER, *FIRMS]}, build=merge))
    assert found.errors == () and len(found.firms) == 3

    def xls_merge(sheet: Any) -> None:
        sheet.merge(7, 7, 1, 3)

    found = read_firms(make_xls({"Daftar UMKM": [HEADER, *FIRMS]}, build=xls_merge))
    assert found.errors == () and len(found.firms) == 3


def test_an_empty_merged_range_inside_the_list_is_no_error_but_its_empty_cells_are(
    make_xlsx: Callable[..., Path],
) -> None:
    """Nothing hidden by the range: the empty cells are the mistake, said as for any empty cell."""

    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("C3:C4", None)

    rows = [HEADER, FIRMS[0], [2, "Anyaman Dua"], [3, "Anyaman Tiga"]]
    imported = import_firms(make_xlsx({"Daftar UMKM": rows}, build=merge), None, Limits())
    assert [said_id for said_id, _, _ in _said(imported.errors)] == ["sheet.cell_required"] * 2


def test_a_merged_range_inside_the_list_is_said_once_not_for_each_cell_it_left_empty(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Peran merged over C3:C12: one error for the range, none for the nine Peran cells it left empty (in
    import and in a region file); a firm below it missing its role is still said."""

    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("C3:C12", "binaan")

    mentees = [[n, f"Anyaman {n}", None, "anyaman"] for n in range(2, 12)]
    rows = [HEADER, FIRMS[0], *mentees, [12, "Anyaman 12", None, "anyaman"]]
    path = make_xlsx({"Daftar UMKM": rows}, build=merge)
    found = read_firms(path)
    assert _said(found.errors) == [("sheet.merged", "C3", "firms[1].role")]
    assert found.refused == frozenset((index, "role") for index in range(2, 11))
    imported = import_firms(path, None, Limits())
    assert _said(imported.errors) == [
        ("sheet.merged", "C3", "firms[1].role"),
        ("sheet.cell_required", "C13", "firms[11].role"),
    ]
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(file=path.name), encoding="utf-8")
    assert main(["assess", str(region), "--format", "json"]) == 3
    errors = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert [(e["id"], e["cell"], e["path"]) for e in errors] == [
        ("sheet.merged", "C3", "firms[1].role"),
        ("sheet.cell_required", "C13", "firms[11].role"),
    ]


def test_rows_below_the_list_in_a_region_file_are_said_once_each(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def merge(book: Any, sheet: Any) -> None:
        sheet.merge_range("A6:D6", "JUMLAH")
        sheet.merge_range("B9:D9", None)  # empty, below the list

    path = make_xlsx({"Daftar UMKM": [HEADER, *FIRMS, *TOTAL]}, build=merge)
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(file=path.name), encoding="utf-8")
    assert main(["--lang", "id", "assess", str(region), "--format", "json"]) == 3
    [error] = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert (error["id"], error["cell"], error["path"], error["line"]) == ("sheet.not_a_firm", "A6", "firms", 3)
    assert error["message"].startswith("baris 6 bukan data usaha (Nama Usaha dan Peran tidak diisi)")


def test_a_merged_range_holding_only_a_formula_or_reaching_above_the_header_is_not_empty() -> None:
    """A formula without its result reads as an empty cell but is something; cells above the header are not
    given, so a range reaching there is judged as before."""
    from ovop_assess.sheets.merged_ranges import merged_findings

    columns = {"name": 1, "role": 2}
    firms = [{"name": "A", "role": "champion"}, {"name": "B"}]
    body = [["A", "B"], ["penggerak", ""]]
    below = (((2, 1), (2, 1)),)  # B3: a firm's row, empty
    assert merged_findings(below, columns, 1, [2, 3], firms, ["Nama Usaha", "Peran"], body) == ([], frozenset())
    for formulas in ({(2, 1)}, {(2, 1), (9, 9), (8, 8)}):  # looked up by cell, or by formula
        found, left = merged_findings(below, columns, 1, [2, 3], firms, ["Nama Usaha", "Peran"], body, formulas)
        assert [f.location.path for f in found if f.location] == ["firms[1].role"] and left == frozenset()
    above = (((0, 0), (1, 1)),)  # A1:B2 with a header below row 1
    found, _ = merged_findings(above, columns, 2, [3, 4], firms, ["Nama Usaha", "Peran"], body)
    assert [f.message.values["cells"] for f in found] == ["A1:B2"]


def test_a_csv_files_stray_rows_are_told_to_be_deleted_not_moved_to_another_sheet(tmp_path: Path) -> None:
    # A CSV file has no other sheet: "move it to another sheet" was advice it could not take.
    path = tmp_path / "daftar.csv"
    lines = ["Nama Usaha;Peran;Tenaga Kerja", "Usaha A;penggerak;5", "JUMLAH;;5", ";;Kepala Dinas"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = read_firms(path)
    assert [(f.message.id, f.location.line) for f in found.errors] == [
        ("sheet.total_row_csv", 3),
        ("sheet.not_a_firm_csv", 4),
    ]
    assert messages.render(found.errors[0].message).endswith(
        ": delete the line; if it is a firm, write its own name and its Peran"
    )
    assert "lembar lain" not in messages.render(found.errors[1].message, "id")
