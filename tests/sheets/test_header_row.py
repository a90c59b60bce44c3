"""A sheet whose row 1 names no firm column: why, told apart and located (sheets/header_row.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess import messages
from ovop_assess.cli.main import main
from ovop_assess.sheets import cell_name, read_firms, write_firms_template

HEADER = ["No", "Nama Usaha", "Peran", "Kategori", "Pembina", "NIB", "Alamat"]
FIRMS = [[1, "Batik Laweyan Jaya", "Penggerak", "batik", None, "0812000000001", "Jl. Sidoluhur 1"]]
TITLE = "DAFTAR UMKM KELURAHAN LAWEYAN TAHUN 2026"


def _said(found: Any, lang: messages.Lang = "en") -> list[tuple[str, str, str]]:
    return [
        (f.message.id, cell_name(f.location.line, f.location.column), messages.render(f.message, lang))
        for f in found.errors
    ]


def _title_merged(book: Any, sheet: Any) -> None:
    sheet.merge_range(0, 0, 0, len(HEADER) - 1, TITLE)


def test_a_title_row_above_the_header_names_the_header_row_and_the_rows_to_delete(
    make_xlsx: Callable[..., Path],
) -> None:
    """The usual office list: a title merged over the columns, an empty row, the header on row 3. The header
    stays row 1 (the format says so): nothing is read from row 3, the rows above it are named."""
    found = read_firms(make_xlsx({"Daftar UMKM": [[], [], HEADER, *FIRMS]}, build=_title_merged))
    assert found.firms == ()
    [(said_id, cell, en)] = _said(found)
    assert (said_id, cell) == ("sheet.header_below", "B3")  # the first column name on row 3
    assert en == (
        f'row 1 holds none of the column names (it holds A1 "{TITLE}"); they are on row 3: delete rows 1 to 2 '
        "above them, so that the column names are on row 1 (a title can go in the file name or on another sheet)"
    )
    [(_, _, id_)] = _said(found, "id")
    assert (
        f'baris 1 tidak memuat nama kolom (isinya A1 "{TITLE}"); nama kolom ada di baris 3: hapus baris 1 sampai 2'
        in id_
    )


def test_the_same_title_row_in_an_xls_and_an_ods(
    make_xls: Callable[..., Path], make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    xls = read_firms(make_xls({"Daftar UMKM": [[TITLE], [], HEADER, *FIRMS]}))
    body = '<table:table table:name="Daftar UMKM">' + ods_row(TITLE) + ods_row(None) + ods_row(*HEADER)
    ods = read_firms(make_ods(body + ods_row(*[c if c is not None else None for c in FIRMS[0]]) + "</table:table>"))
    for found in (xls, ods):
        assert [(i, c) for i, c, _ in _said(found)] == [("sheet.header_below", "B3")]
        assert found.errors[0].message.values["row"] == 3


def test_the_header_on_row_2_below_an_empty_row_1(make_xlsx: Callable[..., Path]) -> None:
    found = read_firms(make_xlsx({"D": [[], HEADER, *FIRMS]}))
    [(said_id, cell, en)] = _said(found)
    assert (said_id, cell) == ("sheet.header_below", "B2")
    assert en.startswith("row 1 holds none of the column names (it is empty); they are on row 2: delete row 1 above")


@pytest.mark.parametrize(("joiner", "word"), [(";", "semicolons (;)"), (",", "commas (,)"), ("\t", "tabs")])
def test_the_column_names_in_one_cell_say_split_the_text_into_columns(
    make_xlsx: Callable[..., Path], joiner: str, word: str
) -> None:
    """A CSV file opened with the wrong separator, then saved as a workbook: every line in column A."""
    rows = [[joiner.join(HEADER)], [joiner.join(map(str, FIRMS[0][:4]))]]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}))
    [(said_id, cell, en)] = _said(found)
    assert (said_id, cell) == ("sheet.header_joined", "A1")
    shown = " " if joiner == "\t" else joiner  # the cell's text on one line: a tab reads as a space
    assert en.startswith(f'cell A1 holds several column names at once, separated by {word}: "No{shown}Nama Usaha')
    assert f"select column A and use Data > Text to Columns with {word} as the separator" in en
    assert "Data > Teks ke Kolom" in _said(found, "id")[0][2]
    assert found.errors[0].message.values["text"].endswith('…"')  # shortened to a glance


def test_joined_column_names_below_a_title_say_both(make_xlsx: Callable[..., Path]) -> None:
    found = read_firms(make_xlsx({"D": [[TITLE], [";".join(HEADER)]]}))
    assert [(i, c) for i, c, _ in _said(found)] == [("sheet.header_below", "A2"), ("sheet.header_joined", "A2")]


def test_a_quoted_csv_field_holding_the_names_is_joined_too(tmp_path: Path) -> None:
    path = tmp_path / "satu.csv"
    path.write_text('"Nama Usaha;Peran;NIB"\n"A;penggerak;0812000000001"\n', encoding="utf-8")
    assert [(i, c) for i, c, _ in _said(read_firms(path))] == [("sheet.header_joined", "A1")]


def test_a_notes_sheet_named_by_mistake_shows_what_row_1_holds(make_xlsx: Callable[..., Path]) -> None:
    path = make_xlsx(
        {"Catatan": [["catatan internal", None, "x\ny"], ["jangan dihapus"]], "Daftar UMKM": [HEADER, *FIRMS]},
        hidden=["Catatan"],
    )
    found = read_firms(path, sheet="catatan")
    [(said_id, cell, en)] = _said(found)
    assert (said_id, cell) == ("sheet.no_header", "A1")
    assert 'it holds A1 "catatan internal", C1 "x y". The column names must be on row 1' in en  # on one line
    assert "(Nama Usaha, Peran, Kategori, Pembina, Bersedia Menjadi Penggerak" in en
    assert "name the sheet that is (sheet: in the region file, --sheet for import)" in en
    assert [w.message.id for w in found.warnings] == ["sheet.hidden"]  # the choice's warning is kept


def test_long_and_many_cells_of_row_1_are_shortened(make_xlsx: Callable[..., Path]) -> None:
    found = read_firms(make_xlsx({"D": [["a" * 80, "b", "c", "d"], ["x"]]}))
    [(said_id, _, en)] = _said(found)
    assert said_id == "sheet.no_header"
    assert f'it holds A1 "{"a" * 39}…", B1 "b", C1 "c", …. The column names' in en


def test_the_templates_guide_sheet_is_no_header_below_row_1(tmp_path: Path) -> None:
    """The guide lists one column per row (its Indonesian header and its key): one firm field a row is no
    header row, so the sheet is said not to be the firm list, not to start lower."""
    path = tmp_path / "templat.xlsx"
    write_firms_template(path)
    guide = [name for name in __import__("python_calamine").CalamineWorkbook.from_path(str(path)).sheet_names][1]
    assert [i for i, _, _ in _said(read_firms(path, sheet=guide))] == ["sheet.no_header"]


def test_an_empty_row_1_above_firms_is_not_an_empty_sheet(make_xlsx: Callable[..., Path]) -> None:
    rows: list[list[Any]] = [[] for _ in range(12)] + [["Usaha A", "penggerak"]]
    assert [(i, c) for i, c, _ in _said(read_firms(make_xlsx({"D": rows})))] == [("sheet.first_row_empty", "A1")]


def test_a_really_empty_sheet_is_still_empty(make_xlsx: Callable[..., Path], tmp_path: Path) -> None:
    assert [i for i, _, _ in _said(read_firms(make_xlsx({"D": [], "E": [["x"]]})))] == ["sheet.empty"]
    (tmp_path / "kosong.csv").write_text(";;\n;;\n", encoding="utf-8")
    assert [i for i, _, _ in _said(read_firms(tmp_path / "kosong.csv"))] == ["sheet.empty"]


def test_import_and_a_region_file_give_the_located_message(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_xlsx({"Daftar UMKM": [[], [], HEADER, *FIRMS]}, build=_title_merged)
    assert main(["--lang", "en", "import", str(path)]) == 3
    out, err = capsys.readouterr()
    assert out == "" and "sheet Daftar UMKM, cell B3: row 1 holds none of the column names" in err
    region = tmp_path / "r.yaml"
    region.write_text(
        "format: ovop-region/1\n"
        "region: {name: Laweyan, level: kelurahan, city: Kota Surakarta, province: Jawa Tengah}\n"
        f"firms: {{file: {path.name}}}\n",
        encoding="utf-8",
    )
    assert main(["--lang", "en", "assess", str(region), "--format", "github"]) == 3
    assert "cell B3: row 1 holds none of the column names" in capsys.readouterr().out


INFO = [["Dinas Koperasi dan UKM Kabupaten Tasikmalaya"], ["Data per Januari 2026"]]


def test_a_first_sheet_read_for_want_of_a_name_lists_the_workbooks_sheets(
    make_xlsx: Callable[..., Path], make_xls: Callable[..., Path], make_ods: Callable[..., Path], ods_row: Any
) -> None:
    """A cover sheet first, the list on the second: with no sheet named, the first is read, and what to name
    instead is said by listing the sheets (hidden ones marked), as for a sheet name not found."""
    xlsx = make_xlsx({"Info": INFO, "Lama": [HEADER], "Daftar UMKM 2026": [HEADER, *FIRMS]}, hidden=["Lama"])
    xls = make_xls({"Info": INFO, "Daftar UMKM 2026": [HEADER, *FIRMS]})
    ods = make_ods(
        '<table:table table:name="Info">' + "".join(ods_row(*row) for row in INFO) + "</table:table>"
        '<table:table table:name="Daftar UMKM 2026">' + ods_row(*HEADER) + "</table:table>"
    )
    said = {path.suffix: _said(read_firms(path)) for path in (xlsx, xls, ods)}
    [(said_id, cell, en)] = said[".xlsx"]
    assert (said_id, cell) == ("sheet.no_header_sheets", "A1")
    assert en.endswith(
        "name the sheet that is (sheet: in the region file, --sheet for import); the workbook's sheets are: "
        "Info, Lama (hidden), Daftar UMKM 2026"
    )
    assert said[".xls"][0][2].endswith("the workbook's sheets are: Info, Daftar UMKM 2026")
    assert said[".ods"][0][2].endswith("the workbook's sheets are: Info, Daftar UMKM 2026")
    [(_, _, indonesian)] = _said(read_firms(xlsx), "id")
    assert indonesian.endswith("lembar yang ada dalam buku kerja: Info, Lama (tersembunyi), Daftar UMKM 2026")


def test_a_sheet_named_or_alone_that_is_not_the_list_lists_no_sheets(make_xlsx: Callable[..., Path]) -> None:
    """Named, the sheet is the one meant (a wrong name lists the sheets already); alone, there is no other."""
    two = make_xlsx({"Info": INFO, "Daftar UMKM": [HEADER, *FIRMS]})
    assert [i for i, _, _ in _said(read_firms(two, sheet="Info"))] == ["sheet.no_header"]
    alone = make_xlsx({"Info": INFO}, name="satu.xlsx")
    assert [i for i, _, _ in _said(read_firms(alone))] == ["sheet.no_header"]
