"""A cell's mistake said once, in the sheet's words: NIBs (sheets/columns.py), a formula cell without its
result in a required column (sheets/table.py, firm_sheet.py), a sheet named for a CSV file (sheets/read.py)."""

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
from ovop_assess.sheets.columns import CONVERT, Rejected
from ovop_assess.yaml_source import Limits

REGION = """format: ovop-region/1
region: {{name: Laweyan, level: kelurahan, city: Kota Surakarta, province: Jawa Tengah}}
firms: {firms}
"""


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


def _said(findings: Any) -> list[tuple[str, str | None, str]]:
    return [
        (f.message.id, f.location.cell or cell_name(f.location.line, f.location.column), messages.render(f.message))
        for f in findings
    ]


_EN_DASHED = "0812\u20130000\u201300001"


@pytest.mark.parametrize(
    ("cell", "said_id", "values"),
    [
        ("812000000003", "sheet.nib_lost_zero", {"value": "812000000003"}),  # a number cell's digits, as text
        ("081200000002", "sheet.nib_length", {"value": "081200000002", "count": 12}),  # its 0 kept: a digit lost
        (" 08120000000021 ", "sheet.nib_length", {"value": "08120000000021", "count": 14}),
        # Its 13 digits grouped: the NIB to write is said, not a cell format that has nothing to do with it.
        ("0812-0000-00001", "sheet.nib_separated", {"value": "0812-0000-00001", "nib": "0812000000001"}),
        ("0812 0000 00001", "sheet.nib_separated", {"value": "0812 0000 00001", "nib": "0812000000001"}),
        ("0812.0000.0000/1", "sheet.nib_separated", {"value": "0812.0000.0000/1", "nib": "0812000000001"}),
        (_EN_DASHED, "sheet.nib_separated", {"value": _EN_DASHED, "nib": "0812000000001"}),  # a word processor's dash
        ("0812-0000-0001", "sheet.nib_format", {"value": "0812-0000-0001"}),  # 12 digits: no NIB to offer
        ("NIB 0812000000001", "sheet.nib_format", {"value": "NIB 0812000000001"}),
        ("\u0660" * 13, "sheet.nib_format", {"value": "\u0660" * 13}),  # digits, but not the ASCII ones a NIB has
        ("8.12E+12", "sheet.nib_scientific", {"value": "8.12E+12"}),
        (8120000000000.0, "sheet.nib_number", {"value": "8120000000000"}),
    ],
)
def test_a_nib_a_cell_gets_wrong_is_said_with_its_value(cell: object, said_id: str, values: dict[str, Any]) -> None:
    found = CONVERT["nib"](cell)
    assert isinstance(found, Rejected) and (found.message.id, dict(found.message.values)) == (said_id, values)
    for lang in messages.LANGS:
        text = messages.render(found.message, lang)
        assert "quote" not in text and "kutip" not in text  # a cell cannot be quoted: that is YAML's advice
        assert str(values["value"]) in text


def test_a_good_nib_is_read_as_written() -> None:
    assert CONVERT["nib"](" 0812000000001 ") == "0812000000001" and CONVERT["nib"]("  ") is None


def test_the_nib_messages_say_what_each_can_tell() -> None:
    """A number cell keeps its digits but no leading zero (calamine gives no display format); only a text
    cell reading 8.12E+12 has lost digits."""
    number = messages.render(CONVERT["nib"](8120000000031.0).message)  # type: ignore[union-attr]
    assert number.startswith("the NIB is stored as a number (8120000000031), not as text: a spreadsheet keeps no")
    assert "digits are lost" not in number
    short = messages.render(CONVERT["nib"](812000000003.0).message)  # type: ignore[union-attr]
    assert short.startswith("the NIB is stored as a number (812000000003): 12 digits")
    assert "most likely with a 0 in front" in short
    scientific = messages.render(CONVERT["nib"]("8,12E+12").message)  # type: ignore[union-attr]
    assert "as text" in scientific and "digits are lost" in scientific
    lost = messages.render(CONVERT["nib"]("812000000003").message)  # type: ignore[union-attr]
    assert "12 digits" in lost and "lost its leading zero" in lost
    assert "retype the NIB as its NIB document writes it" in lost


def test_a_csv_nib_column_says_each_bad_nib_and_reads_the_good_ones(tmp_path: Path) -> None:
    """LibreOffice's CSV export of a NIB column that was numbers: what the cells display (numnib-shown.csv)."""
    path = tmp_path / "nib.csv"
    path.write_text(
        "Nama Usaha;Peran;NIB\nA;penggerak;0812000000001\nB;binaan;812000000003\nC;binaan;8.12E+12\nD;anggota;\n",
        encoding="utf-8",
    )
    imported = import_firms(path, None, Limits())
    assert [(i, c) for i, c, _ in _said(imported.errors)] == [("sheet.nib_in_csv", "C3"), ("sheet.nib_in_csv", "C4")]
    # Each said as a workbook's cell would be, and that in a CSV file it comes back at each opening in Excel.
    assert [e.message.values["problem"].id for e in imported.errors] == ["sheet.nib_lost_zero", "sheet.nib_scientific"]
    assert imported.firms[0]["nib"] == "0812000000001" and "nib" not in imported.firms[1]


def test_a_short_nib_from_a_workbook_gets_the_sheets_message_in_import_and_in_a_region(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["Nama Usaha", "Peran", "NIB"], ["A", "penggerak", "0812000000001"], ["B", "anggota", "081200000002"]]
    path = make_xlsx({"Daftar UMKM": rows})
    assert main(["import", str(path)]) == 3
    err = capsys.readouterr().err
    assert "cell C3: firms[1].nib: the NIB reads 081200000002: 12 digits, but a NIB is exactly 13 digits" in err
    assert "quotes" not in err
    # Read as text: telling it to format the column as Text would send the office to fix what is right already.
    assert "retype it as the 13 digits on the firm's NIB document" in err and "as Text" not in err
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(firms=f"{{file: {path.name}}}"), encoding="utf-8")
    assert main(["assess", str(region), "--format", "json"]) == 3
    [error] = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert (error["id"], error["cell"], error["path"]) == ("sheet.nib_length", "C3", "firms[1].nib")


def test_a_quoted_yaml_nib_of_12_digits_is_checked_against_its_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(firms='[{name: A, role: champion, nib: "081200000002"}]'), encoding="utf-8")
    assert main(["assess", str(region), "--format", "json"]) == 3
    [error] = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert (
        error["id"] == "schema.nib_length_quoted"  # quoted already: checked against the firm's NIB document
        and "NIB document" in error["message"]
        and "(12 digits)" in error["message"]
    )


def _formula_name(book: Any, sheet: Any) -> None:
    sheet.write_formula("A3", '="Usaha "&"B"', None, "")  # no result saved, as scripts write them
    sheet.write_formula("B4", '="bin"&"aan"', None, "")


def test_a_formula_without_its_result_in_a_required_column_is_said_once(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "required field 'name' is missing" after it: the reader said why the cell has no value."""
    rows = [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"], [None, "anggota"], ["Usaha C", None]]
    path = make_xlsx({"Daftar UMKM": rows}, build=_formula_name)
    found = read_firms(path)
    assert found.refused == frozenset({(1, "name"), (2, "role")})
    imported = import_firms(path, None, Limits())
    expected = [("sheet.formula_no_value", "A3"), ("sheet.formula_no_value", "B4")]
    assert [(i, c) for i, c, _ in _said(imported.errors)] == expected
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(firms=f"{{file: {path.name}}}"), encoding="utf-8")
    assert main(["assess", str(region), "--format", "json"]) == 3
    errors = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert [(e["id"], e["cell"], e["path"]) for e in errors] == [
        ("sheet.formula_no_value", "A3", "firms[1].name"),
        ("sheet.formula_no_value", "B4", "firms[2].role"),
    ]


def test_a_required_cell_left_empty_is_still_missing(make_xlsx: Callable[..., Path]) -> None:
    path = make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"], ["Usaha B", None]]})
    imported = import_firms(path, None, Limits())
    assert [(i, c) for i, c, _ in _said(imported.errors)] == [("sheet.cell_required", "B3")]


def test_a_sheet_named_for_a_csv_file_is_a_warning_in_import_and_in_a_region(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "daftar.csv"
    path.write_text("Nama Usaha;Peran\nUsaha A;penggerak\n", encoding="utf-8")
    found = read_firms(path, "Daftar UMKM")
    assert found.errors == () and len(found.firms) == 1
    assert [(w.message.id, messages.render(w.message)) for w in found.warnings] == [
        (
            "sheet.csv_no_sheets",
            "a CSV file has no sheets, so the sheet named (Daftar UMKM) is ignored: the file's one table is read",
        )
    ]
    assert read_firms(path).warnings == ()
    assert main(["import", str(path), "--sheet", "Foo"]) == 0
    out, err = capsys.readouterr()
    assert "name: Usaha A" in out and "a CSV file has no sheets, so the sheet named (Foo) is ignored" in err
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(firms="{file: daftar.csv, sheet: Foo}"), encoding="utf-8")
    main(["--lang", "id", "assess", str(region), "--format", "json"])
    [warning] = [w for w in json.loads(capsys.readouterr().out)["results"][0]["warnings"] if w.get("file")]
    assert warning["id"] == "sheet.csv_no_sheets" and warning["line"] == 3
    assert warning["message"].startswith("berkas CSV tidak memiliki lembar, sehingga nama lembar yang disebut (Foo)")


def _dates(book: Any, sheet: Any) -> None:
    import datetime

    shown = book.add_format({"num_format": "d-mmm"})
    sheet.write_datetime("A3", datetime.datetime(2026, 3, 1), shown)  # "1-3" typed as a name: Excel's date
    sheet.write_datetime("C4", datetime.datetime(1899, 12, 31, 3, 15), book.add_format({"num_format": "h.mm"}))


def test_a_date_in_a_text_column_is_refused_with_its_fix_and_a_number_kept_as_its_digits(
    make_xlsx: Callable[..., Path],
) -> None:
    """A date's text would be the date's, not what was typed; a number's digits are what was typed."""
    rows = [
        ["Nama Usaha", "Peran", "Pembina"],
        ["Usaha A", "penggerak", None],
        [None, "anggota", "Usaha A"],
        [212, "anggota", None],
    ]
    imported = import_firms(make_xlsx({"Daftar UMKM": rows}, build=_dates), None, Limits())
    said = _said(imported.errors)
    assert [(i, c) for i, c, _ in said] == [("sheet.date_for_text", "A3"), ("sheet.date_for_text", "C4")]
    assert "2026-03-01" in said[0][2] and "format the column as Text" in said[0][2]
    assert [firm.get("name") for firm in imported.firms] == ["Usaha A", None, "212"]


@pytest.mark.parametrize("field", ["name", "category", "mentor", "role"])
def test_every_text_field_refuses_a_date_and_keeps_a_numbers_digits(field: str) -> None:
    import datetime

    found = CONVERT[field](datetime.date(2026, 3, 1))
    assert isinstance(found, Rejected) and found.message.id == "sheet.date_for_text"
    assert CONVERT[field](2024.0) == "2024"


def test_the_problems_not_shown_start_at_a_cell(
    make_xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every problem of a sheet is on the region file's firms: line, and import has no line at all: the count of
    those not shown says the cell they start at (an adversarial review: "from this line on" named nothing)."""
    rows = [["Nama Usaha", "Peran", "NIB"], *([f"U{i}", "anggota", 812345] for i in range(120))]
    path = make_xlsx({"Daftar UMKM": rows})
    assert main(["import", str(path)]) == 3
    err = capsys.readouterr().err
    assert "cell C102: 20 more problems are not shown (from this cell on, row by row)" in err
    assert main(["--lang", "id", "import", str(path)]) == 3
    assert "sel C102: 20 masalah lain tidak ditampilkan (mulai sel ini, baris demi baris)" in capsys.readouterr().err


def test_firms_not_listed_yet_point_at_the_firms_line_of_a_sheet(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sheet with its header row and no firm yet: C1 and C2 say the firms are not listed, at the region file's
    firms: line (and the sheet), where a GitHub annotation can point (an adversarial review: line 1)."""
    path = make_xlsx({"Daftar UMKM": [["Nama Usaha", "Peran"]]})
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(firms=f"{{file: {path.name}}}"), encoding="utf-8")
    main([str(region), "--format", "json"])
    criteria = {c["id"]: c for c in json.loads(capsys.readouterr().out)["results"][0]["criteria"]}
    for rule in ("C1", "C2"):
        assert criteria[rule]["status"] == "unknown"
        [where] = [at for at in criteria[rule]["locations"] if at["path"] == "firms"]
        assert (where["line"], where["sheet"]) == (3, "Daftar UMKM"), criteria[rule]
    main([str(region), "--format", "github"])
    assert "::warning file=" + str(region) + ",line=3,title=C2 similar-firms" in capsys.readouterr().out
