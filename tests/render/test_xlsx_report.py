"""--format xlsx of assess and round: opened with python-calamine and checked cell by cell."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import python_calamine

from ovop_assess.cli import commands
from ovop_assess.cli.main import main

REGIONS = Path(__file__).resolve().parents[2] / "examples" / "regions"


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_round_workbook_in_indonesian(tmp_path: Path) -> None:
    target = tmp_path / "rekap.xlsx"
    args = ["round", str(REGIONS), "--as-of", "2026-12-01", "-f", "xlsx", "-o", str(target)]
    assert main(["--lang", "id", *args]) == 0
    sheets = _sheets(target)
    assert list(sheets) == ["Calon", "Rincian"]
    head, *rows = sheets["Calon"]
    blank = next(i for i, row in enumerate(rows) if not any(row))
    rows, notes = rows[:blank], [row[0] for row in rows[blank + 1 :]]
    # Under the candidates, after a blank row: the legend and the edition of the area table, as on the page.
    assert notes[0].startswith("Calon yang layak didahulukan") and "⚠ pada kode" in notes[0]
    # The criteria columns say each status in words: the page's marks (✗, ?, !, ~) are not explained here.
    assert "✗" not in notes[0] and "~ dikecualikan" not in notes[0]
    assert notes[1].startswith("Dibuat dengan ovop-assess") and "idn-area-data" in notes[1]
    assert head[:3] == ["Peringkat", "Desa/kelurahan atau kecamatan", "Tingkat"]
    assert "Hasil penilaian" in head and "Skor" in head and "C1" in head and "C8" in head
    score, verdict = head.index("Skor"), head.index("Hasil penilaian")
    # Eligible first, the verified one before those declared only; then incomplete; then not eligible.
    names = ["Bangunjiwo", "Melikan", "Kauman", "Rajapolah", "Kadipiro", "Bangli", "Cepogo"]
    assert [row[1] for row in rows] == names
    assert [row[0] for row in rows] == list(range(1, len(names) + 1))
    assert rows[0][verdict] == "layak" and rows[-1][verdict] == "tidak layak"
    assert rows[-1][score] == pytest.approx(0.875)  # a number, not text
    kauman = rows[names.index("Kauman")]
    assert kauman[head.index("Kode wilayah")] == "33.72.03.1009"
    assert kauman[head.index("C7")] == "dikecualikan"
    details_head, *details = sheets["Rincian"]
    assert details_head[:5] == ["Berkas", "Desa/kelurahan atau kecamatan", "Kriteria", "Aturan", "Status"]
    # A row per criterion, then one per warning of the official area table (the code five of the examples leave
    # out) and one per warning about a firm spreadsheet (columns the sheet has beside the firms).
    assert len(details) == len(names) * 8 + 5 + 2
    area_rows = [row for row in details if not row[2] and "kode tidak diisi" in str(row[10])]
    assert [row[1] for row in area_rows] == ["Melikan", "Rajapolah", "Kadipiro", "Bangli", "Cepogo"]
    assert str(area_rows[-1][10]).startswith("region, baris 25: kode tidak diisi; nama-nama ini menunjuk Cepogo")
    sheet_rows = [row for row in details if not row[2] and row not in area_rows]
    assert [row[1] for row in sheet_rows] == ["Melikan", "Rajapolah"]
    assert (
        "bayat-pottery-firms.xlsx, lembar Daftar UMKM, sel A1: kolom yang bukan bagian daftar usaha"
        in sheet_rows[0][10]
    )
    assert "rajapolah-weaving-firms.csv" in str(sheet_rows[1][10])
    cepogo_c7 = next(row for row in details if row[1] == "Cepogo" and row[2] == "C7")
    assert cepogo_c7[4] == "tidak dipenuhi" and "lokal" in str(cepogo_c7[9])


def test_the_workbook_has_a_frozen_filtered_header_and_a_number_format(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    assert main(["assess", str(REGIONS), "-f", "xlsx", "-o", str(target)]) == 1
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    assert 'state="frozen"' in sheet and "<autoFilter" in sheet
    assert 'formatCode="0.00"' in styles or 'numFmtId="2"' in styles
    head = _sheets(target)["Candidates"][0]
    assert head[0] == "Desa/kelurahan or kecamatan"  # assess has no rank
    assert head[-1] == "File"


def test_text_from_a_region_file_is_never_a_formula(tmp_path: Path) -> None:
    region = tmp_path / "evil.yaml"
    source = (REGIONS / "kauman-batik.yaml").read_text(encoding="utf-8")
    region.write_text(source.replace("  name: Kauman ", '  name: "=HYPERLINK(\\"x\\")" ', 1), encoding="utf-8")
    target = tmp_path / "report.xlsx"
    main(["assess", str(region), "-f", "xlsx", "-o", str(target)])
    with zipfile.ZipFile(target) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    assert _sheets(target)["Candidates"][1][0] == '=HYPERLINK("x")'


def test_a_workbook_is_refused_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(commands, "_writes_to_terminal", lambda: True)
    assert main(["round", str(REGIONS), "-f", "xlsx"]) == 2
    assert main(["assess", str(REGIONS), "-f", "xlsx"]) == 2
    assert "add --output FILE.xlsx" in capsys.readouterr().err


def test_the_same_report_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    main(["round", str(REGIONS), "--as-of", "2026-12-01", "-f", "xlsx", "-o", str(first)])
    main(["round", str(REGIONS), "--as-of", "2026-12-01", "-f", "xlsx", "-o", str(second)])
    assert first.read_bytes() == second.read_bytes()
    assert zipfile.is_zipfile(io.BytesIO(first.read_bytes()))


def test_a_firm_spreadsheets_problem_names_its_file_sheet_and_cell(tmp_path: Path) -> None:
    """As every other format does: the region file's line, then the spreadsheet's cell."""
    region = tmp_path / "rajapolah.yaml"
    sheet = tmp_path / "rajapolah-weaving-firms.csv"
    region.write_text((REGIONS / "rajapolah-weaving.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    text = (REGIONS / "rajapolah-weaving-firms.csv").read_bytes().decode("utf-8-sig")
    sheet.write_text(text.replace(";Binaan;", ";Ketua;", 1), encoding="utf-8")
    out = tmp_path / "hasil.xlsx"
    assert main(["--lang", "id", str(region), "--format", "xlsx", "-o", str(out)]) == 3
    details = [" ".join(str(cell) for cell in row) for rows in _sheets(out).values() for row in rows]
    assert any("rajapolah-weaving-firms.csv, sel B3: " in row and "tertulis Ketua" in row for row in details)


def test_a_status_column_is_as_wide_as_its_words_in_indonesian(tmp_path: Path) -> None:
    """ "belum diketahui" and "tidak dipenuhi" are whole in their column, not cut at the English width (a new
    user's walkthrough); a code the official table does not have is marked as on the round's page."""
    source = (REGIONS / "kauman-batik.yaml").read_text(encoding="utf-8")
    region = tmp_path / "kauman.yaml"
    region.write_text(source.replace('"33.72.03.1009"', '"33.72.03.1019"'), encoding="utf-8")
    target = tmp_path / "rekap.xlsx"
    assert main(["--lang", "id", "round", str(region), "-f", "xlsx", "-o", str(target)]) == 0
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    head, row, *_ = _sheets(target)["Calon"]
    assert row[head.index("Kode wilayah")] == "33.72.03.1019 ⚠"
    first = head.index("C1") + 1  # the <col> elements count from 1
    widths = {int(m[0]): float(m[1]) for m in re.findall(r'<col min="(\d+)" max="\d+" width="([\d.]+)"', sheet)}
    assert widths[first] >= len("belum diketahui") + 1
    target_assess = tmp_path / "hasil.xlsx"
    main(["--lang", "id", "assess", str(region), "-f", "xlsx", "-o", str(target_assess)])
    head, row = _sheets(target_assess)["Calon"]
    assert row[head.index("Kode wilayah")] == "33.72.03.1019"  # the mark is the round's, which has its legend
