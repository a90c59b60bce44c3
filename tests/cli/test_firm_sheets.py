"""Region files whose firms come from a spreadsheet, and the ``import`` and ``init --firms-sheet`` commands.

Every spreadsheet is built here, as Indonesian offices write them:
Indonesian headers, columns beside the firms, NIBs typed as numbers,
``Ya``/``Tidak``, ``;`` separators, a bad row among good ones; and the files
that must be refused without a crash: a zip bomb, a corrupt file, a path
out of the region's folder, a missing file, a folder, a pipe.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter  # type: ignore[import-untyped]
import yaml

from ovop_assess.cli.main import main
from ovop_assess.sheets import read_firms

from ..work import inflated_bytes

AS_OF = "2026-11-28"
HEADERS = ["No", "Nama Usaha", "Peran", "Pembina", "Bersedia Menjadi Penggerak", "Kapasitas per Bulan", "NIB", "Alamat"]
REGION = """format: ovop-region/1
region: {{name: Melikan, level: desa, city: Kabupaten Klaten, province: Jawa Tengah}}
product:
  name: Gerabah
  category: pottery
  export_oriented: true
  uniqueness: {{local_skill: Putaran miring}}
resources: [{{type: skill, description: Pottery}}]
firms: {firms}
organizations: [{{type: paguyuban, name: Paguyuban Gerabah}}]
government_commitment: [{{type: training, description: Pelatihan, status: delivered}}]
spatial_plan: {{regulation: Perda RTRW, conforms: true}}
raw_materials: [{{name: tanah liat, source: local}}]
access: {{public_transport: [angkudes], nearest_stop_m: 300}}
"""
FIRMS_LINE = 9


def office_rows(count: int = 11) -> list[list[Any]]:
    """One champion (penggerak) mentoring three binaan, the rest anggota; NIBs as text with a leading zero."""
    rows: list[list[Any]] = [HEADERS]
    for i in range(count):
        role = "penggerak" if i == 0 else "binaan" if i <= 3 else "anggota"
        rows.append(
            [
                i + 1,
                f"Gerabah {i + 1:02d}",
                role,
                "Gerabah 01" if role == "binaan" else "",
                "Ya" if i == 0 else "Tidak" if i == 4 else "",
                900 - i * 10,
                f"0{912000000000 + i}",
                f"Dukuh Pagerjurang RT {i + 1}",
            ]
        )
    return rows


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], sheet: str = "Daftar UMKM") -> Path:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    book.close()
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], sep: str = ";", bom: bool = True) -> Path:
    text = "\r\n".join(sep.join(str(cell) for cell in row) for row in rows) + "\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def region(folder: Path, firms: str, name: str = "melikan.yaml") -> Path:
    path = folder / name
    path.write_text(REGION.format(firms=firms), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def report(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, "assess", str(path), "--format", "json", "--as-of", AS_OF, *extra)
    return code, json.loads(out)["results"][0]


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


# --- the firms as rules see them ------------------------------------------------------------


def _as_yaml_list(rows: list[list[Any]]) -> str:
    firms = []
    for row in rows[1:]:
        firm: dict[str, Any] = {
            "name": row[1],
            "role": {"penggerak": "champion", "binaan": "mentee"}.get(row[2], "member"),
        }
        if row[3]:
            firm["mentor"] = row[3]
        if row[4]:
            firm["willing_to_lead"] = row[4] == "Ya"
        firm["monthly_capacity"] = row[5]
        firm["nib"] = row[6]
        firms.append(firm)
    return json.dumps(firms)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_rules_see_the_sheet_firms_exactly_as_yaml_firms(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = office_rows()
    sheet = write_xlsx(tmp_path / "daftar.xlsx", rows) if kind == "xlsx" else write_csv(tmp_path / "daftar.csv", rows)
    from_sheet = region(tmp_path, f"{{file: {sheet.name}}}", "sheet.yaml")
    from_yaml = region(tmp_path, _as_yaml_list(rows), "yaml.yaml")
    code_sheet, sheet_result = report(capsys, from_sheet)
    code_yaml, yaml_result = report(capsys, from_yaml)
    assert code_sheet == code_yaml == 0
    assert sheet_result["verdict"] == yaml_result["verdict"] == "eligible"
    for a, b in zip(sheet_result["criteria"], yaml_result["criteria"], strict=True):
        assert (a["id"], a["status"], a["score"], a["reasons"], a["missing"]) == (
            b["id"], b["status"], b["score"], b["reasons"], b["missing"],
        )  # fmt: skip
    c1 = sheet_result["criteria"][0]
    champion = next(loc for loc in c1["locations"] if loc["path"] == "firms[0]")
    assert champion == {
        "path": "firms[0]",
        "line": FIRMS_LINE,
        "file": str(sheet),
        "sheet": "Daftar UMKM" if kind == "xlsx" else None,
        "cell": "B2",
    }
    # The extra columns (No, Alamat) are ignored with one warning naming them.
    [warning] = sheet_result["warnings"]
    assert (
        warning["id"] == "sheet.unknown_columns" and "Alamat" in warning["message"] and "No (A)" in warning["message"]
    )


def _bad_rows() -> list[list[Any]]:
    rows = office_rows()
    rows[5][6] = 912000000004  # a NIB typed into a number cell: row 6, column G
    rows[7][4] = "mungkin"  # not yes/no: E8
    rows[9][3] = "Gerabah 99"  # a mentor naming no champion, but row 9 is anggota: a warning only
    rows[3][3] = "Gerabah 99"  # a binaan whose mentor names no champion: D4
    rows[10][1] = "Gerabah 02"  # a duplicate name: B11 (first in B3)
    return rows


def test_a_bad_row_among_good_ones_is_located_by_file_sheet_cell_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_xlsx(tmp_path / "daftar-usaha.xlsx", _bad_rows())
    path = region(tmp_path, '{file: daftar-usaha.xlsx, sheet: "Daftar UMKM"}')
    code, result = report(capsys, path)
    assert code == 3 and result["verdict"] == "invalid"
    located = [(e["id"], e["path"], e["cell"], e["sheet"], e["file"], e["line"]) for e in result["errors"]]
    assert located == [
        ("check.mentor_unknown", "firms[2].mentor", "D4", "Daftar UMKM", str(sheet), FIRMS_LINE),
        ("sheet.nib_number_lost_zero", "firms[4].nib", "G6", "Daftar UMKM", str(sheet), FIRMS_LINE),
        ("sheet.not_yes_no", "firms[6].willing_to_lead", "E8", "Daftar UMKM", str(sheet), FIRMS_LINE),
        ("sheet.duplicate_firm", "firms[9].name", "B11", "Daftar UMKM", str(sheet), FIRMS_LINE),
    ]
    duplicate = result["errors"][-1]["message"]
    assert "B3" in duplicate and "Gerabah 02" in duplicate
    assert any(w["id"] == "warn.mentor_ignored" and w["cell"] == "D10" for w in result["warnings"])


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("fmt", ["table", "json", "junit", "github", "markdown", "csv"])
def test_every_format_names_the_cell_in_both_languages(
    fmt: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_xlsx(tmp_path / "daftar-usaha.xlsx", _bad_rows())
    path = region(tmp_path, '{file: daftar-usaha.xlsx, sheet: "Daftar UMKM"}')
    code, out, err = run(capsys, "--lang", lang, "assess", str(path), "--format", fmt, "--as-of", AS_OF)
    assert code == 3 and err == ""
    if fmt == "csv":  # a row per file and no problem text, for any file: the verdict says invalid
        assert out.splitlines()[1].split(",")[4] == "invalid"
        return
    sheet_word, cell_word = ("sheet", "cell") if lang == "en" else ("lembar", "sel")
    place = f"daftar-usaha.xlsx, {sheet_word} Daftar UMKM, {cell_word} G6"
    if fmt == "json":
        nib = json.loads(out)["results"][0]["errors"][1]
        assert (nib["cell"], nib["sheet"], nib["path"]) == ("G6", "Daftar UMKM", "firms[4].nib")
        return
    flat = " ".join(out.split())  # the table wraps long lines
    assert place in flat and "firms[4].nib" in flat.replace("\\[", "[").replace("\\]", "]")
    if fmt == "github":
        nib = next(line for line in out.splitlines() if "G6" in line)
        assert nib.startswith(f"::error file={path},line={FIRMS_LINE},")
        assert "firms[4].nib" in nib


def test_a_csv_with_semicolons_bom_yes_no_and_an_empty_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = office_rows()
    rows.insert(6, [""] * len(HEADERS))  # an empty row in the middle: skipped
    rows[1][4] = "YA"
    rows[5][4] = "tidak"
    rows[8][5] = "1.500"  # a thousands separator in a text cell: its own error, at F9
    write_csv(tmp_path / "daftar.csv", rows)
    path = region(tmp_path, "{file: daftar.csv}")
    code, result = report(capsys, path)
    assert code == 3
    [error] = result["errors"]
    assert (error["id"], error["cell"], error["sheet"], error["path"]) == (
        "sheet.thousands_separator", "F9", None, "firms[6].monthly_capacity",
    )  # fmt: skip
    assert "1500" in error["message"]
    rows[8][5] = "1500"
    write_csv(tmp_path / "daftar.csv", rows)
    code, result = report(capsys, path)
    assert code == 0 and result["verdict"] == "eligible"


def test_a_csv_line_longer_than_the_header_is_a_located_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = office_rows()
    rows[4] = [*rows[4], "catatan"]  # row 5: a cell right of the last column name (I5)
    write_csv(tmp_path / "daftar.csv", rows)
    code, result = report(capsys, region(tmp_path, "{file: daftar.csv}"))
    assert code == 0 and result["verdict"] == "eligible"
    [warning] = [w for w in result["warnings"] if w["id"] == "sheet.cells_beyond_header"]
    assert (warning["cell"], warning["file"], warning["sheet"]) == ("I5", str(tmp_path / "daftar.csv"), None)
    assert warning["message"] == "row 5 has cells beyond the header's last column (from I5): they are ignored"


def test_a_csv_in_another_encoding_says_save_as_csv_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = office_rows()
    rows[2][1] = "Gerabah Sé"
    (tmp_path / "daftar.csv").write_bytes("\n".join(";".join(map(str, r)) for r in rows).encode("cp1252"))
    code, result = report(capsys, region(tmp_path, "{file: daftar.csv}"))
    assert code == 3
    [error] = result["errors"]
    assert (
        error["id"] == "sheet.csv_not_utf8_at" and "CSV UTF-8" in error["message"] and "Gerabah Sé" in error["message"]
    )
    assert error["file"] == str(tmp_path / "daftar.csv")


# --- files that are refused, never a crash -----------------------------------------------------


def _zip_bomb(path: Path, size: int) -> Path:
    """A valid-looking .xlsx whose one member unpacks to ``size`` bytes of zeros (a few kilobytes on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return path


def test_a_zip_bomb_is_refused_fast_naming_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = _zip_bomb(tmp_path / "daftar.xlsx", 200 << 20)  # 200 MiB unpacked, over the default 128 MiB
    assert bomb.stat().st_size < 1 << 20
    path = region(tmp_path, "{file: daftar.xlsx}")
    # Refused fast, counted: not a byte inflated (refused from the zip's central directory; that calamine
    # never opens such a file is tested with the readers, tests/sheets).
    with inflated_bytes() as inflated:
        code, result = report(capsys, path)
    assert inflated.n == 0
    assert code == 3
    [error] = result["errors"]
    assert error["id"] == "sheet.unpacked_too_large" and "128 MiB (134,217,728 bytes)" in error["message"]
    assert (error["file"], error["cell"], error["line"]) == (str(bomb), None, FIRMS_LINE)
    # The limit is an option: raised, the same archive is read (and is no workbook).
    code, result = report(capsys, path, "--max-unpacked-bytes", str(300 << 20))
    assert code == 3 and result["errors"][0]["id"] != "sheet.unpacked_too_large"


@pytest.mark.parametrize(
    ("option", "value", "message_id"),
    [("--max-rows", "5", "sheet.too_many_rows"), ("--max-sheet-bytes", "100", "sheet.too_large")],
)
def test_sheet_limits_are_options(
    option: str, value: str, message_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_xlsx(tmp_path / "daftar.xlsx", office_rows())
    code, result = report(capsys, region(tmp_path, "{file: daftar.xlsx}"), option, value)
    assert code == 3 and [e["id"] for e in result["errors"]] == [message_id]
    assert value in result["errors"][0]["message"]


def test_a_corrupt_workbook_is_an_error_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", office_rows()).read_bytes()
    (tmp_path / "daftar.xlsx").write_bytes(good[: len(good) // 2])  # cut off half-way, as a failed download
    (tmp_path / "acak.xlsx").write_bytes(os.urandom(4096))
    for name in ("daftar.xlsx", "acak.xlsx"):
        code, result = report(capsys, region(tmp_path, f"{{file: {name}}}"))
        assert code == 3
        [error] = result["errors"]
        assert error["id"] == "sheet.corrupt" and error["file"] == str(tmp_path / name)


def test_a_sheet_outside_the_region_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "regions"
    folder.mkdir()
    write_xlsx(tmp_path / "daftar.xlsx", office_rows())
    (folder / "link.xlsx").symlink_to(tmp_path / "daftar.xlsx")
    for written in ("../daftar.xlsx", str(tmp_path / "daftar.xlsx"), "link.xlsx"):
        code, result = report(capsys, region(folder, f"{{file: '{written}'}}"))
        assert code == 3
        [error] = result["errors"]
        # A link in the folder is said as one: the analyst sees the file there (a new user's report).
        linked = written == "link.xlsx"
        assert error["id"] == ("sheet.outside_folder_link" if linked else "sheet.outside_folder")
        assert error["path"] == "firms.file"
        assert error["line"] == FIRMS_LINE and written in error["message"]
        assert ("symbolic link" in error["message"]) == linked


def test_a_missing_folder_or_pipe_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "folder.xlsx").mkdir()
    os.mkfifo(tmp_path / "pipe.csv")
    expected = {
        "missing.xlsx": "file.not_found",
        "folder.xlsx": "sheet.is_directory",
        "pipe.csv": "sheet.not_regular",
        "nul\\0.xlsx": "file.not_found",
    }
    for name, message_id in expected.items():
        code, result = report(capsys, region(tmp_path, f'{{file: "{name}"}}'))
        assert code == 3
        [error] = result["errors"]
        assert (error["id"], error["line"]) == (message_id, FIRMS_LINE)
        assert error["file"] == str(tmp_path / name.replace("\\0", "\0"))


@pytest.mark.parametrize(
    ("firms", "message_id", "path"),
    [
        ("{file: 3}", "schema.expected_text_quote", "firms.file"),
        ("{file: daftar.xlsx, sheets: A}", "schema.unknown_key_suggest", "firms.sheets"),
        ("{sheet: A}", "schema.missing", "firms.file"),
        ("{file: daftar.txt}", "sheet.unsupported_type", "firms"),
    ],
)
def test_a_malformed_reference_is_a_located_error(
    firms: str, message_id: str, path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "daftar.txt").write_text("x")
    code, result = report(capsys, region(tmp_path, firms))
    assert code == 3
    assert [(e["id"], e["path"]) for e in result["errors"]] == [(message_id, path)]


def test_a_missing_sheet_lists_the_sheets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_xlsx(tmp_path / "daftar.xlsx", office_rows())
    code, result = report(capsys, region(tmp_path, "{file: daftar.xlsx, sheet: Lembar2}"))
    assert code == 3
    [error] = result["errors"]
    assert error["id"] == "sheet.not_found" and "Daftar UMKM" in error["message"]
    assert error["sheet"] == "Lembar2" and error["cell"] is None


# --- import ---------------------------------------------------------------------------------------


def test_import_prints_the_yaml_list_that_assesses_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = office_rows()
    sheet = write_xlsx(tmp_path / "daftar.xlsx", rows)
    code, out, err = run(capsys, "import", str(sheet))
    assert code == 0
    assert "Alamat" in err  # the ignored columns, as a warning on stderr
    firms = yaml.safe_load(out)["firms"]
    assert firms[0] == {
        "name": "Gerabah 01",
        "role": "champion",
        "willing_to_lead": True,
        "monthly_capacity": 900,
        "nib": "0912000000000",
    }
    assert firms[4]["willing_to_lead"] is False and firms[1]["mentor"] == "Gerabah 01"
    assert '"0912000000000"' in out  # NIBs are quoted
    pasted = region(tmp_path, "\n" + "\n".join("  " + line for line in out.splitlines()[1:]), "pasted.yaml")
    from_sheet = region(tmp_path, "{file: daftar.xlsx}", "sheet.yaml")
    _, a = report(capsys, pasted)
    _, b = report(capsys, from_sheet)
    assert [(c["status"], c["reasons"]) for c in a["criteria"]] == [(c["status"], c["reasons"]) for c in b["criteria"]]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_import_reports_located_errors_and_exits_3(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_xlsx(tmp_path / "daftar-usaha.xlsx", _bad_rows())
    output = tmp_path / "firms.yaml"
    code, out, err = run(capsys, "--lang", lang, "import", str(sheet), "--sheet", "Daftar UMKM", "-o", str(output))
    assert code == 3 and out == "" and not output.exists()
    cell = "sel" if lang == "id" else "cell"
    assert f"daftar-usaha.xlsx, {'lembar' if lang == 'id' else 'sheet'} Daftar UMKM, {cell} G6: firms[4].nib:" in err
    assert f"{cell} D4: firms[2].mentor:" in err and f"{cell} B11: firms[9].name:" in err


@pytest.mark.parametrize("name", ["", "  "])
def test_import_with_an_empty_sheet_name_is_a_usage_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It printed "the workbook has no sheet named ; its sheets are: …" (a new user's report)."""
    sheet = write_xlsx(tmp_path / "daftar-usaha.xlsx", office_rows())
    code, out, err = run(capsys, "import", str(sheet), "--sheet", name)
    assert code == 2 and out == "" and "--sheet was given an empty name" in err
    code, _, err = run(capsys, "--lang", "id", "import", str(sheet), "--sheet", name)
    assert code == 2 and "--sheet diberi nama kosong" in err


def test_import_from_csv_to_a_file_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_csv(tmp_path / "daftar.csv", office_rows(), sep=",", bom=False)
    output = tmp_path / "firms.yaml"
    code, out, err = run(capsys, "import", str(sheet), "--output", str(output))
    assert code == 0 and out == ""
    assert f"11 firm(s) from {sheet} written to {output}" in err
    assert len(yaml.safe_load(output.read_text(encoding="utf-8"))["firms"]) == 11


def test_import_of_a_zip_bomb_or_a_missing_file_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = _zip_bomb(tmp_path / "bom.xlsx", 8 << 20)
    code, out, err = run(capsys, "import", str(bomb), "--max-unpacked-bytes", str(1 << 20))
    assert code == 3 and out == "" and "over the limit of 1 MiB (1,048,576 bytes)" in err
    code, out, err = run(capsys, "import", str(tmp_path / "tidak-ada.ods"))
    assert code == 3 and "file not found" in err


# --- init --firms-sheet -------------------------------------------------------------------------


def test_init_firms_sheet_writes_the_office_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "daftar-usaha.xlsx"
    code, out, err = run(capsys, "--lang", "id", "init", "--firms-sheet", str(target))
    assert code == 0 and out == ""
    assert str(target) in err and "Daftar Usaha" in err
    found = read_firms(target)
    assert found.errors == () and found.firms == () and found.sheet == "Daftar Usaha"
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        assert "penggerak,binaan,anggota" in sheet and "Ya,Tidak" in sheet  # the drop-downs
        assert "Petunjuk" in archive.read("xl/workbook.xml").decode()
    before = target.read_bytes()
    code, _, err = run(capsys, "init", "--firms-sheet", str(target))
    assert code == 2 and "--force" in err and target.read_bytes() == before
    code, _, _ = run(capsys, "init", "--firms-sheet", str(target), "--force")
    assert code == 0
    code, _, err = run(capsys, "init", "--firms-sheet", str(tmp_path / "daftar.csv"))
    assert code == 2 and ".xlsx" in err and not (tmp_path / "daftar.csv").exists()
    code, _, _ = run(capsys, "init", str(tmp_path / "r.yaml"), "--firms-sheet", str(tmp_path / "x.xlsx"))
    assert code == 2 and not (tmp_path / "r.yaml").exists()
    for option in (["--code", "33.10.03.2006"], ["--office"]):
        code, _, err = run(capsys, "init", "--firms-sheet", str(tmp_path / "y.xlsx"), *option)
        assert code == 2 and option[0] in err and not (tmp_path / "y.xlsx").exists()
    # With a FILE too (init --office office.yaml --firms-sheet …): the option is what is named.
    code, _, err = run(capsys, "init", "--office", str(tmp_path / "o.yaml"), "--firms-sheet", str(tmp_path / "y.xlsx"))
    assert code == 2 and "--office is for the office profile" in err


def test_the_template_filled_in_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An office fills the template's rows (the NIB column is text): the region reads them."""
    import python_calamine

    target = tmp_path / "daftar-usaha.xlsx"
    assert main(["init", "--firms-sheet", str(target)]) == 0
    capsys.readouterr()
    with python_calamine.CalamineWorkbook.from_path(target) as book:
        headers = book.get_sheet_by_name("Daftar Usaha").to_python()[0]
    rows = [headers] + [
        [f"Gerabah {i}", "penggerak" if i == 0 else "binaan", "", "", "Ya" if i == 0 else "", 100, f"0{i:012d}", 3]
        for i in range(4)
    ]
    write_xlsx(target, rows, "Daftar Usaha")
    found = read_firms(target)
    assert found.errors == () and len(found.firms) == 4


# --- cold start ------------------------------------------------------------------------------------


def test_no_spreadsheet_library_loads_unless_a_sheet_is_read(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "daftar.xlsx", office_rows())
    yaml_region = region(tmp_path, _as_yaml_list(office_rows()), "yaml.yaml")
    sheet_region = region(tmp_path, "{file: daftar.xlsx}", "sheet.yaml")
    code = """
import sys
from ovop_assess.cli.main import main
heavy = ("python_calamine", "xlsxwriter", "olefile", "ovop_assess.sheets", "ovop_assess.firm_sheet")
main(["assess", sys.argv[1], "--format", "json", "--as-of", "2026-11-28"])
assert not [m for m in heavy if m in sys.modules], [m for m in heavy if m in sys.modules]
main(["assess", sys.argv[2], "--format", "json", "--as-of", "2026-11-28"])
assert "python_calamine" in sys.modules and "xlsxwriter" not in sys.modules and "olefile" not in sys.modules
"""
    done = subprocess.run(
        [sys.executable, "-c", code, str(yaml_region), str(sheet_region)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_reading_a_workbook_twice_gives_the_same_bytes_of_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_xlsx(tmp_path / "daftar.xlsx", _bad_rows())
    path = region(tmp_path, "{file: daftar.xlsx}")
    first = run(capsys, "assess", str(path), "--format", "json", "--as-of", AS_OF)
    second = run(capsys, "assess", str(path), "--format", "json", "--as-of", AS_OF)
    assert first == second


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_checklist_names_the_cell_of_a_sheet_warning(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_xlsx(tmp_path / "daftar.xlsx", office_rows())
    path = region(tmp_path, "{file: daftar.xlsx}")
    code, out, _ = run(capsys, "--lang", "id", "checklist", str(path), "--format", fmt, "--as-of", AS_OF)
    assert code == 0
    assert "daftar.xlsx, lembar Daftar UMKM, sel A1" in out and "Alamat (H)" in out


@pytest.mark.parametrize("output_format", ["table", "markdown", "xlsx"])
def test_a_sheets_warnings_are_shown_with_its_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    """ "No Peran column" and, beside it, why: the column "Peran*" is ignored, with the name to give it."""
    rows = [["Nama Usaha", "Peran*"], ["Usaha A", "penggerak"]]
    path = region(tmp_path, f"{{file: {write_csv(tmp_path / 'daftar.csv', rows).name}}}")
    out_file = tmp_path / "laporan.xlsx"
    extra = ["--format", output_format] + (["--output", str(out_file)] if output_format == "xlsx" else [])
    code, out, _ = run(capsys, "--lang", "id", "assess", str(path), *extra)
    assert code == 3
    if output_format == "xlsx":
        with zipfile.ZipFile(out_file) as archive:
            out = archive.read("xl/sharedStrings.xml").decode()
    assert "tidak dibaca" in out and "beri nama kolom tepat Peran" in out


def test_a_sheet_given_by_number_and_a_windows_path_are_told_what_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").mkdir()
    write_csv(tmp_path / "data" / "daftar.csv", [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"]])
    # sheet: 2 was told to become "2", which then named no sheet.
    code, result = report(capsys, region(tmp_path, "{file: data/daftar.csv, sheet: 2}"))
    assert code == 3 and [e["id"] for e in result["errors"]] == ["schema.sheet_number"]
    assert "chosen by its name, not its number" in result["errors"][0]["message"]
    # data\\daftar.csv, as Windows writes a path: "file not found" alone.
    code, result = report(capsys, region(tmp_path, "{file: 'data\\daftar.csv'}"))
    assert code == 3 and [e["id"] for e in result["errors"]] == ["sheet.not_found_backslash"]
    assert "as data/daftar.csv" in result["errors"][0]["message"]


def test_a_folder_summary_shows_the_spreadsheets_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary of several regions lists no region's warnings, which dropped those about a spreadsheet
    (here its columns ignored) that no reading of the region files shows (a review). They are now under the
    summary, once each; with --details, under each region's own table, once each."""
    write_csv(tmp_path / "daftar.csv", office_rows())
    region(tmp_path, "{file: daftar.csv}", "melikan.yaml")
    region(tmp_path, "{file: daftar.csv}", "melikan-2.yaml")
    said = "daftar.csv, cell A1: columns not part of the firm list, ignored: No (A), Alamat (H)"
    for extra in ((), ("--details",)):
        code, out, _ = run(capsys, "assess", str(tmp_path), "--as-of", AS_OF, *extra)
        flat = " ".join(out.split())
        assert code == 0 and flat.count(said) == 2, out
        assert flat.count("melikan.yaml:9: ") == 1 and flat.count("melikan-2.yaml:9: ") == 1
