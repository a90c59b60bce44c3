"""Spreadsheets an office gets wrong, read through a region file's ``firms: {file: …}``.

Each case stops only its own region file: a located error (exit 3), in both
languages, and the other files of the run still assessed. Every file is built here.
"""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter  # type: ignore[import-untyped]
import xlwt  # type: ignore[import-untyped]
import yaml

from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "regions" / "kauman-batik.yaml"
AS_OF = "2026-11-28"
REGION = """format: ovop-region/1
region: {{name: Kauman, level: kelurahan, city: Kota Surakarta, province: Jawa Tengah}}
firms: {{file: {file}}}
"""


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


def _region(folder: Path, sheet: str, data: bytes) -> Path:
    (folder / sheet).write_bytes(data)
    path = folder / f"r-{Path(sheet).stem}.yaml"
    path.write_text(REGION.format(file=sheet), encoding="utf-8")
    return path


def _assess(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    code = main(["assess", *args, "--format", "json", "--as-of", AS_OF])
    return code, json.loads(capsys.readouterr().out)["results"]


CSV_MISTAKES = {
    "short.csv": (b"Nama Usaha,Peran\nA\n", "firms[0].role", "B2"),  # the empty Peran cell
    "short2.csv": (b"Nama Usaha,Peran\nA\nB,binaan\n", "firms[0].role", "B2"),
    "open-quote.csv": (b'Nama Usaha,Peran\n"unterminated,penggerak\n', "firms", "A2"),
    "open-quote-later.csv": (b'Nama Usaha;Peran\nA;penggerak\n"B;binaan\nC;binaan\n', "firms", "A3"),
    "nib.csv": (b"Nama Usaha;Peran;NIB\nA;penggerak;0123456789012\nB;binaan;123456789012\n", "firms[1].nib", "C3"),
    "twice.csv": (b"sep=;\nNama Usaha;Peran;Nama Usaha\nA;penggerak;X\n", "firms", "C1"),
    "empty.csv": (b"", "firms", None),
    "latin1.csv": ("Nama Usaha;Peran\nCafé;penggerak\n".encode("latin-1"), "firms", None),
}


@pytest.mark.parametrize("name", sorted(CSV_MISTAKES))
def test_a_csv_mistake_stops_only_its_region_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, path, cell = CSV_MISTAKES[name]
    bad = _region(tmp_path, name, data)
    code, results = _assess(capsys, str(bad), str(GOOD))
    assert code == 3
    assert [r["verdict"] for r in results] == ["invalid", "eligible"]
    [error] = results[0]["errors"]
    assert (error["path"], error["line"], error["file"], error.get("cell")) == (path, 3, str(tmp_path / name), cell)


def test_an_open_quote_is_named_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _region(tmp_path, "q.csv", b'Nama Usaha,Peran\n"unterminated,penggerak\n')
    assert main(["assess", str(bad), "--as-of", AS_OF, "--format", "github"]) == 3
    assert 'cell A2: this cell opens a quote (") that is never closed' in capsys.readouterr().out
    assert main(["--lang", "id", "assess", str(bad), "--as-of", AS_OF, "--format", "github"]) == 3
    assert 'sel A2: sel ini dibuka dengan tanda kutip (") yang tidak pernah ditutup' in capsys.readouterr().out


def test_a_quoted_line_break_in_the_last_cell_is_no_open_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "f.csv").write_bytes(b'Nama Usaha,Peran,Kategori\nA,penggerak,"batik\ntulis"\n')
    assert main(["import", str(tmp_path / "f.csv")]) == 0
    out = capsys.readouterr().out
    assert "name: A" in out and "tulis" in out


def test_a_nul_byte_in_a_utf8_csv_is_named_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _region(tmp_path, "nul.csv", "Nama Usaha\tPeran\nCafé\x00B\tpenggerak\n".encode())
    code, results = _assess(capsys, str(bad), str(GOOD))
    assert code == 3 and [r["verdict"] for r in results] == ["invalid", "eligible"]
    said = "the file holds a NUL byte (a zero byte) at line 2: it is probably not a CSV text file"
    assert said in results[0]["errors"][0]["message"] and "UTF-8 text" not in results[0]["errors"][0]["message"]
    assert main(["--lang", "id", "import", str(tmp_path / "nul.csv")]) == 3
    err = capsys.readouterr().err
    said_id = "berkas memuat bita NUL (bita bernilai nol) pada baris 2: kemungkinan berkas ini bukan berkas teks CSV"
    assert said_id in err


def test_utf16_without_a_bom_is_still_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "u16.csv").write_bytes("Nama Usaha\tPeran\nA\tpenggerak\n".encode("utf-16-le"))
    assert main(["import", str(tmp_path / "u16.csv")]) == 3
    assert "the CSV file is not UTF-8 text" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "data", "en", "id_"),
    [
        (
            "rusak.xlsx",
            b"PK\x03\x04 not really a zip" * 50,
            "the Excel (.xlsx) workbook cannot be read; it is damaged or not a spreadsheet"
            " (it is not a zip archive, as every .xlsx and .ods file is)",
            "buku kerja Excel (.xlsx) tidak dapat dibaca; berkas rusak atau bukan lembar kerja"
            " (berkas ini bukan arsip zip, padahal setiap berkas .xlsx dan .ods berupa arsip zip)",
        ),
        (
            "palsu.xls",
            b"no OLE",
            "the Excel 97-2003 (.xls) workbook cannot be read; it is damaged or not a spreadsheet"
            " (it does not begin as an Excel 97-2003 file does)",
            "buku kerja Excel 97-2003 (.xls) tidak dapat dibaca; berkas rusak atau bukan lembar kerja"
            " (awal berkas tidak seperti berkas Excel 97-2003)",
        ),
    ],
)
def test_a_corrupt_workbook_is_told_from_the_catalogue_in_the_readers_language(
    name: str, data: bytes, en: str, id_: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _region(tmp_path, name, data)
    code, results = _assess(capsys, str(bad), str(GOOD))
    assert code == 3 and [r["verdict"] for r in results] == ["invalid", "eligible"]
    assert en in results[0]["errors"][0]["message"] and " a Excel" not in results[0]["errors"][0]["message"]
    assert main(["--lang", "id", "assess", str(bad), "--as-of", AS_OF, "--format", "github"]) == 3
    out = capsys.readouterr().out
    assert id_ in out
    for python_words in ("File is not a zip file", "zip file", "Error"):
        assert python_words not in out


def test_a_csv_cell_over_the_readers_limit_is_told_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "long.csv").write_bytes(b'Nama Usaha;Peran\nA;"' + b"x" * 200_000 + b'"\n')
    assert main(["import", str(tmp_path / "long.csv")]) == 3
    assert "the CSV file cannot be read: a cell holds more than 131072 characters" in capsys.readouterr().err
    assert main(["--lang", "id", "import", str(tmp_path / "long.csv")]) == 3
    assert "berkas CSV tidak dapat dibaca: ada sel yang memuat lebih dari 131072 karakter" in capsys.readouterr().err


# --- a sheet with its header row and no firm rows: not filled in yet -----------------------------

KAUMAN_FIRMS_LINE = "firms: {file: daftar-usaha.xlsx}\n"


@pytest.fixture
def untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The Kauman example with its firms in the workbook ``init --firms-sheet`` writes, left as written."""
    assert main(["init", "--firms-sheet", str(tmp_path / "daftar-usaha.xlsx")]) == 0
    capsys.readouterr()
    lines = GOOD.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("firms:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "#", "\n"))
    path = tmp_path / "kauman.yaml"
    path.write_text("".join([*lines[:start], KAUMAN_FIRMS_LINE, *lines[end:]]), encoding="utf-8")
    return path


def _firms_line(path: Path) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(KAUMAN_FIRMS_LINE.strip()) + 1


SAID_EN = "the sheet has its header row but no firm rows yet, so the firms count as not listed"
SAID_ID = (
    "lembar sudah memiliki baris nama kolom tetapi belum ada baris usaha, sehingga daftar usaha dianggap belum diisi"
)


def test_the_untouched_firm_workbook_leaves_the_firms_unknown(
    untouched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, [result] = _assess(capsys, str(untouched))
    assert code == 1 and result["verdict"] == "incomplete"
    status = {c["id"]: c["status"] for c in result["criteria"]}
    assert status["C1"] == status["C2"] == "unknown"
    [warning] = [w for w in result["warnings"] if w["id"] == "sheet.no_firm_rows"]
    assert warning["line"] == _firms_line(untouched) and warning["path"] == "firms"
    assert (warning["file"], warning["sheet"]) == (str(untouched.parent / "daftar-usaha.xlsx"), "Daftar Usaha")
    assert SAID_EN in warning["message"]


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("output_format", ["table", "github", "junit", "markdown", "xlsx"])
def test_every_format_says_the_sheet_is_not_filled_in(
    untouched: Path, output_format: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.out"
    args = ["--lang", lang, "assess", str(untouched), "-f", output_format, "-o", str(out), "--as-of", AS_OF]
    assert main(args) == 1
    capsys.readouterr()
    if output_format == "xlsx":
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_path(str(out))
        said = "\n".join(
            str(cell) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python() for cell in row
        )
    else:
        said = " ".join(out.read_text(encoding="utf-8").split())
    assert (SAID_EN if lang == "en" else SAID_ID) in said.replace("\\", "")
    assert "daftar-usaha.xlsx" in said and "Daftar Usaha" in said


def test_the_checklist_says_the_sheet_is_not_filled_in(untouched: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "id", "checklist", str(untouched), "--as-of", AS_OF]) == 0
    assert SAID_ID in " ".join(capsys.readouterr().out.split())


def test_a_csv_with_a_header_only_is_not_filled_in_and_import_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _region(tmp_path, "kosong.csv", b"Nama Usaha;Peran;Pembina\r\n")
    code, [result] = _assess(capsys, str(bad))
    assert result["verdict"] != "invalid" and code == 1
    assert "firms" not in {e["path"] for e in result["errors"]}
    assert [w["id"] for w in result["warnings"] if w.get("file")] == ["sheet.no_firm_rows"]
    # Import prints no `firms: []`, which pasted would say "no firms" (not eligible): a comment saying the
    # sheet lists none yet, so the pasted file keeps its firms not listed (incomplete), as the sheet means.
    assert main(["import", str(tmp_path / "kosong.csv")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# The sheet lists no firm yet, so no firms: list is written here: firms: [] would say")
    assert all(line.startswith("# ") for line in out.splitlines()) and yaml.safe_load(out) is None
    assert SAID_EN in err
    output = tmp_path / "firms.yaml"
    assert main(["--lang", "id", "import", str(tmp_path / "kosong.csv"), "-o", str(output)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and output.read_text(encoding="utf-8").startswith("# Lembar belum memuat satu pun usaha")
    assert f"{tmp_path / 'kosong.csv'} belum memuat satu pun usaha: {output} hanya berisi komentar" in err
    pasted = tmp_path / "pasted.yaml"
    pasted.write_text(
        bad.read_text(encoding="utf-8").replace("firms: {file: kosong.csv}\n", output.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    code, [result] = _assess(capsys, str(pasted))
    assert result["verdict"] == "incomplete" and code == 1


def test_a_written_empty_list_still_means_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = GOOD.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("firms:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "#", "\n"))
    path = tmp_path / "none.yaml"
    path.write_text("".join([*lines[:start], "firms: []\n", *lines[end:]]), encoding="utf-8")
    code, [result] = _assess(capsys, str(path))
    assert code == 1 and result["verdict"] == "not_eligible"


# --- a sheet refused at its cells, when the region file names no sheet: the first sheet, named -----------

_XLWT_RESULT = struct.pack("<Q", 0xFFFF000000000003)  # the result xlwt saves for every formula: an empty one


def _xls(path: Path, cell: tuple[int, int], formula: str, result: bytes) -> None:
    """An .xls whose sheets are "Daftar Usaha" (the first) and "Lama", with ``formula`` at ``cell`` of the
    first saved with ``result``: as a spreadsheet program saves it (xlwt saves none), the bytes put in its place."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Daftar Usaha")
    for r, row in enumerate([["Nama Usaha", "Peran", "Tenaga Kerja"], ["Batik A", "penggerak", 3], [None, "anggota"]]):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    sheet.write(*cell, xlwt.Formula(formula))
    book.add_sheet("Lama").write(0, 0, "Nama Usaha")
    out = io.BytesIO()
    book.save(out)
    assert out.getvalue().count(_XLWT_RESULT) == 1
    path.write_bytes(out.getvalue().replace(_XLWT_RESULT, result))


def _xlsx(path: Path) -> None:
    """The same sheets as an .xlsx, with a formula in A3 saved without its result (as a script writes it)."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Daftar Usaha")
    for r, row in enumerate([["Nama Usaha", "Peran", "Tenaga Kerja"], ["Batik A", "penggerak", 3], [None, "anggota"]]):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    sheet.write_formula("A3", '="Batik "&"B"', None, "")
    book.add_worksheet("Lama").write(0, 0, "Nama Usaha")
    book.close()


@pytest.mark.parametrize(
    ("name", "said_id", "cell", "path"),
    [
        # LibreOffice's 0 for a text result it did not compute again: the text is not in the file.
        ("teks.xls", "sheet.xls_formula_text_lost", "A3", "firms[1].name"),
        ("galat.xls", "sheet.formula_error", "C3", "firms[1].workers"),  # #DIV/0!, which calamine reads as empty
        ("tanpa-hasil.xlsx", "sheet.formula_no_value", "A3", "firms[1].name"),
    ],
)
def test_a_cell_of_the_first_sheet_is_named_with_the_sheet_when_none_was_named(
    name: str, said_id: str, cell: str, path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every problem names the file, the sheet and the cell, in every format: the sheet read when the region
    file names none too, whether the reader refuses the whole sheet at a cell (.xls) or reads it (.xlsx)."""
    sheet = tmp_path / name
    if name == "teks.xls":
        _xls(sheet, (2, 0), '"Batik "&"B"', bytes(8))
    elif name == "galat.xls":
        _xls(sheet, (2, 2), "1/0", bytes([2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF]))
    else:
        _xlsx(sheet)
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(file=name), encoding="utf-8")
    code, [result] = _assess(capsys, str(region))
    assert code == 3
    [error] = [e for e in result["errors"] if e.get("cell")]
    assert (error["id"], error["file"], error["sheet"], error["cell"], error["path"], error["line"]) == (
        said_id, str(sheet), "Daftar Usaha", cell, path, 3
    )  # fmt: skip
    assert main(["assess", str(region), "--as-of", AS_OF]) == 3
    assert f"{name}, sheet Daftar Usaha, cell {cell}" in " ".join(capsys.readouterr().out.split())
    assert main(["--lang", "id", "import", str(sheet)]) == 3
    assert f"{sheet}, lembar Daftar Usaha, sel {cell}" in capsys.readouterr().err
