"""Each spreadsheet mistake that a CSV file can hold, and the OpenDocument zip bomb, located as for workbooks."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path
from ovop_assess.firm_sheet import import_firms
from ovop_assess.messages import LANGS, render
from ovop_assess.sheets import cell_name, read_firms
from ovop_assess.sheets.columns import ROLE_WORDS
from ovop_assess.sizes import fmt_bytes
from ovop_assess.yaml_source import Limits

from ..work import inflated_bytes


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize("sep", [";", ","])
def test_csv_yes_no_words(tmp_path: Path, sep: str) -> None:
    words = ["Ya", "Tidak", "ya", "tidak", "Y", "T", "TRUE", "FALSE", "mungkin"]
    lines = [f"Nama Usaha{sep}Peran{sep}Bersedia Menjadi Penggerak"]
    lines += [f"Usaha {i}{sep}penggerak{sep}{word}" for i, word in enumerate(words)]
    found = read_firms(_write(tmp_path / "daftar.csv", "\r\n".join(lines) + "\r\n"))
    assert [f.get("willing_to_lead") for f in found.firms] == [True, False, True, False, True, False, True, False, None]
    assert [(f.message.id, cell_name(f.location.line, f.location.column)) for f in found.errors] == [
        ("sheet.not_yes_no", "C10")
    ]


def test_csv_nib_and_thousands_as_excel_exports_them_among_good_rows(tmp_path: Path) -> None:
    text = (
        "\ufeffNama Usaha;Peran;NIB;Kapasitas per Bulan;Alamat\r\n"
        "Usaha A;penggerak;0812345678901;1500;Jl. 1, Desa\r\n"
        "Usaha B;binaan;8,12346E+12;1.500;Jl. 2\r\n"
        "Usaha C;binaan;0812345678903;2,5;Jl. 3\r\n"
    )
    found = read_firms(_write(tmp_path / "daftar.csv", text))
    assert [(f.message.id, f.location.path, cell_name(f.location.line, f.location.column)) for f in found.errors] == [
        ("sheet.nib_in_csv", "firms[1].nib", "C3"),
        ("sheet.thousands_separator", "firms[1].monthly_capacity", "D3"),
    ]
    assert found.errors[0].message.values["problem"].id == "sheet.nib_scientific"  # (and that it comes back)
    assert found.firms[2] == {"name": "Usaha C", "role": "mentee", "nib": "0812345678903", "monthly_capacity": 2.5}


def test_csv_nib_with_the_apostrophe_a_spreadsheet_keeps_text_by_is_told_to_lose_it(tmp_path: Path) -> None:
    text = "Nama Usaha;Peran;NIB\nUsaha A;penggerak;'0812345678901\nUsaha B;binaan;'\n"
    found = read_firms(_write(tmp_path / "daftar.csv", text))
    assert [(f.message.id, dict(f.message.values)) for f in found.errors] == [
        ("sheet.nib_apostrophe", {"value": "'0812345678901", "nib": "0812345678901"}),
        ("sheet.nib_format", {"value": "'"}),  # no NIB behind it: what it reads
    ]


def test_csv_the_reader_refuses_is_located_by_line(tmp_path: Path) -> None:
    text = "Nama Usaha;Peran\nUsaha A;anggota\n" + "Usaha B;" + "x" * 200_000 + "\n"
    found = read_firms(_write(tmp_path / "daftar.csv", text))
    assert [f.message.id for f in found.errors] == ["sheet.csv_unreadable"] and found.firms == ()
    assert found.errors[0].location.line == 3


def test_ods_zip_bomb_is_refused_from_the_central_directory(
    tmp_path: Path, calamine_never_opens: Callable[[], None]
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", bytes(256 * 1024 * 1024))
    path = tmp_path / "bom.ods"
    path.write_bytes(out.getvalue())
    # Nothing was inflated, counted: not a byte by zipfile, and calamine (which inflates out of sight) never
    # sees the file.
    calamine_never_opens()
    with inflated_bytes() as inflated:
        found = read_firms(path)
    assert inflated.n == 0
    assert [f.message.id for f in found.errors] == ["sheet.unpacked_too_large"]


def test_csv_cells_beyond_the_header_are_ignored_with_one_warning(tmp_path: Path) -> None:
    text = (
        "Nama Usaha;Peran;Kategori\r\n"
        "Usaha A;penggerak;batik;\r\n"  # a trailing separator: an empty extra cell, nothing dropped
        "Usaha B;binaan;batik\r\n"
        "Usaha C;binaan;batik;;Jl. Pasar 3;0812\r\n"
        "Usaha D;binaan;batik;catatan\r\n"
    )
    found = read_firms(_write(tmp_path / "daftar.csv", text))
    assert [f["name"] for f in found.firms] == ["Usaha A", "Usaha B", "Usaha C", "Usaha D"]
    assert not found.errors
    beyond = [w for w in found.warnings if w.message.id == "sheet.cells_beyond_header"]
    assert len(beyond) == 1
    assert beyond[0].message.values == {"row": 4, "cell": "E4"}
    assert (beyond[0].location.line, beyond[0].location.column) == (4, 5)


def test_csv_without_cells_beyond_the_header_has_no_such_warning(tmp_path: Path) -> None:
    found = read_firms(_write(tmp_path / "daftar.csv", "Nama Usaha;Peran;\r\nUsaha A;penggerak;\r\n"))
    assert [w.message.id for w in found.warnings] == []


def test_a_file_that_grew_after_its_size_was_asked_is_read_on_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from ovop_assess.sheets import SheetLimits
    from ovop_assess.sheets import read as reader

    path = _write(tmp_path / "daftar.csv", "Nama Usaha;Peran\n" + "Usaha A;anggota\n" * 100)
    real = os.stat(path)
    told = os.stat_result((*real[:6], 20, *real[7:]))  # st_size as it was when the file held 20 bytes
    monkeypatch.setattr(reader.os, "stat", lambda _: told)
    assert len(read_firms(path).firms) == 100  # all of it, not the 20 bytes first told
    refused = read_firms(path, limits=SheetLimits(max_bytes=1000))
    assert [f.message.id for f in refused.errors] == ["sheet.too_large"]
    assert refused.errors[0].message.values == {"size": fmt_bytes(1001), "limit": fmt_bytes(1000)}


def test_an_unknown_role_is_named_in_the_sheets_words_with_what_the_cell_says(tmp_path: Path) -> None:
    """The template's Peran drop-down offers penggerak/binaan/anggota: an error listing only the YAML words
    (champion, mentee, member) would send an office looking for words its sheet never shows."""
    text = "Nama Usaha;Peran;Pembina\nUsaha A;penggerak;\nUsaha B;pengerak;\nUsaha C;binaan;Usaha A\nUsaha D; Ketua ;\n"
    found = import_firms(_write(tmp_path / "daftar.csv", text), None, Limits())
    assert [(f.message.id, f.message.values, f.location.path, f.location.cell) for f in found.errors] == [
        ("sheet.not_a_role", {"value": "pengerak"}, "firms[1].role", "B3"),
        ("sheet.not_a_role", {"value": "Ketua"}, "firms[3].role", "B5"),
    ]
    for lang in LANGS:
        text = render(found.errors[0].message, lang)
        assert all(word in text for word in ROLE_WORDS) and "pengerak" in text


def test_an_unknown_role_in_a_yaml_file_keeps_the_formats_words(tmp_path: Path) -> None:
    region = tmp_path / "region.yaml"
    region.write_text("firms:\n  - {name: Usaha A, role: pengerak}\n", encoding="utf-8")
    errors = assess_path(region, criteria_sets.load("default"), as_of=datetime.date(2026, 12, 1)).errors
    role = [f for f in errors if f.location is not None and f.location.path == "firms[0].role"]
    assert [f.message.id for f in role] == ["schema.one_of"]


def test_rows_with_values_only_in_ignored_columns_are_skipped_with_one_warning(tmp_path: Path) -> None:
    # A line written with "," in a ";" file lands whole in the first column, ignored; a firm whose name was
    # forgotten keeps only its address: both were skipped as empty rows without a word.
    path = tmp_path / "campur.csv"
    path.write_text(
        "No;Nama Usaha;Peran;Alamat\n1;Batik A;penggerak;Jl. 1\n2,Batik B,binaan,Jl. 2\n;;;\n3;;;Jl. 3\n"
        "4;Batik D;binaan;\n",
        encoding="utf-8",
    )
    found = read_firms(path)
    assert [firm["name"] for firm in found.firms] == ["Batik A", "Batik D"]
    ignored = [w for w in found.warnings if w.message.id == "sheet.rows_only_ignored"]
    assert len(ignored) == 1 and (ignored[0].location.line, ignored[0].location.column) == (3, 1)
    assert render(ignored[0].message, "en") == (
        "2 row(s) have values only in ignored columns and are skipped as empty, the first row 3"
        " (A3: 2,Batik B,binaan,Jl. 2); if a firm is meant there, fill in its name and role"
    )
    assert "2 baris hanya berisi nilai pada kolom yang diabaikan" in render(ignored[0].message, "id")
    plain = tmp_path / "rapi.csv"
    plain.write_text("No;Nama Usaha;Peran\n1;Batik A;penggerak\n;;\n2;Batik B;binaan\n", encoding="utf-8")
    assert not [w for w in read_firms(plain).warnings if w.message.id == "sheet.rows_only_ignored"]


def test_a_spreadsheets_error_saved_into_a_csv_file_is_an_error_at_its_cell(tmp_path: Path) -> None:
    # A VLOOKUP that found nothing shows #N/A; saved as CSV, "#N/A" was read as the firm's category.
    path = tmp_path / "galat.csv"
    path.write_text(
        "Nama Usaha;Peran;Kategori;Pembina\nBatik A;penggerak;batik;\nBatik B;binaan;#N/A;Batik A\n"
        "Batik #1;binaan;batik; Err:502\nBatik C;binaan;#div/0!;Batik A\n",
        encoding="utf-8",
    )
    found = read_firms(path)
    assert [(f.message.id, f.location.path, cell_name(f.location.line, f.location.column)) for f in found.errors] == [
        ("sheet.csv_error_text", "firms[1].category", "C3"),
        ("sheet.csv_error_text", "firms[2].mentor", "D4"),
        ("sheet.csv_error_text", "firms[3].category", "C5"),
    ]
    assert found.firms[2] == {"name": "Batik #1", "role": "mentee", "category": "batik"}
    assert render(found.errors[1].message, "en").startswith("the cell reads Err:502: the error a spreadsheet shows")
    imported = import_firms(path, None, Limits())
    assert [f.message.id for f in imported.errors] == ["sheet.csv_error_text"] * 3  # no "names no champion" after it


def test_an_error_text_in_a_number_or_a_nib_column_is_one_error(tmp_path: Path) -> None:
    """#N/A in a number column was two errors for the one cell: "a number, reads #N/A" and the error text's
    own (a review). The error's words say why, once."""
    path = tmp_path / "galat.csv"
    path.write_text(
        "Nama Usaha;Peran;Kapasitas per Bulan;Tenaga Kerja;NIB\nBatik A;penggerak;#N/A;Err:502;#REF!\n"
        "Batik B;binaan;12;x;0812000000001\n",
        encoding="utf-8",
    )
    found = read_firms(path)
    assert [(f.message.id, cell_name(f.location.line, f.location.column)) for f in found.errors] == [
        ("sheet.csv_error_text", "C2"),
        ("sheet.csv_error_text", "D2"),
        ("sheet.csv_error_text", "E2"),
        ("sheet.not_a_number", "D3"),  # (a refusal of another cell of the column stays)
    ]


@pytest.mark.parametrize("error", ["#SPILL!", "#CALC!", "#BUSY!", "#PYTHON!", "#EXTERNAL!", "#GETTING_DATA"])
def test_an_excel_365_error_saved_into_a_csv_file_is_an_error_at_its_cell(tmp_path: Path, error: str) -> None:
    path = tmp_path / "galat.csv"
    path.write_text(f"Nama Usaha;Peran;Kategori\nBatik A;penggerak;{error}\n", encoding="utf-8")
    found = read_firms(path)
    assert [(f.message.id, f.message.values["error"]) for f in found.errors] == [("sheet.csv_error_text", error)]


def test_a_nib_excel_made_a_number_in_a_csv_file_is_told_that_it_comes_back(tmp_path: Path) -> None:
    # Retyped as text and saved, the NIB of a CSV file is a number again the next time Excel opens the file.
    lines = [
        "Nama Usaha;Peran;NIB",
        "Usaha A;penggerak;8,12E+12",
        "Usaha B;binaan;812345678901",
        "Usaha C;binaan;0812-3456-78901",
    ]
    found = read_firms(_write(tmp_path / "daftar.csv", "\n".join(lines) + "\n"))
    assert [f.message.id for f in found.errors] == ["sheet.nib_in_csv", "sheet.nib_in_csv", "sheet.nib_separated"]
    said = render(found.errors[1].message, "en")
    assert said.startswith("the NIB reads 812345678901: 12 digits") and said.endswith(
        "keep the list as an .xlsx workbook, or open the CSV file through Data > From Text/CSV with the NIB column"
        " set to Text before saving it again"
    )
    assert "Dalam berkas CSV hal ini terulang" in render(found.errors[0].message, "id")
