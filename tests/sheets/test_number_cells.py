"""A number column's cells the reader refuses, said with what the cell holds (sheets/columns.py): a fraction in
the whole-number column Tenaga Kerja; a number written with a unit word, Rp or juta, with the number to type."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_assess import messages
from ovop_assess.cli.main import main
from ovop_assess.sheets import read_firms
from ovop_assess.sheets.columns import CONVERT, Rejected

REGION = """format: ovop-region/1
region: {{name: Laweyan, level: kelurahan, city: Kota Surakarta, province: Jawa Tengah}}
firms: {firms}
"""


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


def _texts(cell: object, field: str = "workers") -> tuple[str, str]:
    found = CONVERT[field](cell)
    assert isinstance(found, Rejected)
    return messages.render(found.message, "en"), messages.render(found.message, "id")


@pytest.mark.parametrize(
    ("cell", "shown", "shown_id"),
    [
        ("2,5", "2,5", "2,5"),
        ("2.5", "2.5", "2.5"),  # a text cell: as it is written
        (" 2,5 ", "2,5", "2,5"),
        (2.5, "2.5", "2,5"),  # a number cell: as the sheet shows it in each language
        ("-1,5", "-1,5", "-1,5"),
    ],
)
def test_a_fraction_of_workers_is_said_with_the_cells_value(cell: object, shown: str, shown_id: str) -> None:
    assert _texts(cell) == (
        f"expected a whole number, found {shown}",
        f"harus berupa bilangan bulat, tertulis {shown_id}",
    )


def test_a_long_fraction_is_shortened_in_the_message() -> None:
    english, indonesian = _texts("2," + "5" * 500)
    assert english == "expected a whole number, found 2," + "5" * 57 + "…"
    assert indonesian.endswith("5…") and len(indonesian) < 100


def test_whole_numbers_are_read_as_before() -> None:
    assert [CONVERT["workers"](cell) for cell in ("5", "5,0", 5.0, 5, " 12 ")] == [5, 5, 5, 5, 12]
    assert CONVERT["monthly_capacity"]("2,5") == 2.5  # a capacity may be a fraction


def test_a_fraction_of_workers_in_a_workbook_and_a_csv_file(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["Nama Usaha", "Peran", "Tenaga Kerja"],
        ["A", "penggerak", 2.5],
        ["B", "binaan", "2,5"],
        ["C", "anggota", 3],
    ]
    found = read_firms(make_xlsx({"D": rows}))
    assert [(f.message.id, f.location.path, messages.render(f.message)) for f in found.errors] == [
        ("sheet.not_whole_number", "firms[0].workers", "expected a whole number, found 2.5"),
        ("sheet.not_whole_number", "firms[1].workers", "expected a whole number, found 2,5"),
    ]
    assert found.firms[2]["workers"] == 3 and "workers" not in found.firms[0]
    # The number cell as Indonesian Excel shows it (2,5), where it said 2.5; the text cell as it is written.
    assert [messages.render(f.message, "id") for f in found.errors] == [
        "harus berupa bilangan bulat, tertulis 2,5",
        "harus berupa bilangan bulat, tertulis 2,5",
    ]
    path = tmp_path / "daftar.csv"
    path.write_text("Nama Usaha;Peran;Tenaga Kerja\nA;penggerak;2,5\n", encoding="utf-8")
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(firms="{file: daftar.csv}"), encoding="utf-8")
    assert main(["--lang", "id", "assess", str(region), "--format", "json"]) == 3
    [error] = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert (error["id"], error["cell"], error["path"]) == ("sheet.not_whole_number", "C2", "firms[0].workers")
    assert error["message"].endswith("harus berupa bilangan bulat, tertulis 2,5")


# --- a number written with a unit, Rp or a word: the number alone suggested, the cell still refused ---------


@pytest.mark.parametrize(
    ("cell", "field", "english", "indonesian"),
    [
        (
            "5 orang",
            "workers",
            "expected a number alone, found 5 orang: type 5, without 'orang'",
            "harus berupa angka saja, tertulis 5 orang: ketik 5, tanpa 'orang'",
        ),
        (
            "1.500 unit",
            "monthly_capacity",
            "expected a number alone, found 1.500 unit: type 1500, without 'unit'",
            "harus berupa angka saja, tertulis 1.500 unit: ketik 1500, tanpa 'unit'",
        ),
        (
            "20 Pcs/bulan",
            "monthly_capacity",
            "expected a number alone, found 20 Pcs/bulan: type 20, without 'Pcs/bulan'",
            "harus berupa angka saja, tertulis 20 Pcs/bulan: ketik 20, tanpa 'Pcs/bulan'",
        ),
        (
            "2,5 kodi",
            "monthly_capacity",
            "expected a number alone, found 2,5 kodi: type 2.5, without 'kodi'",
            "harus berupa angka saja, tertulis 2,5 kodi: ketik 2,5, tanpa 'kodi'",
        ),
        (
            "Rp 1.500",
            "monthly_capacity",
            "expected a number alone, found Rp 1.500: no column of the firm list is an amount of rupiah; "
            "if 1500 is meant, type it without Rp",
            "harus berupa angka saja, tertulis Rp 1.500: tidak ada kolom daftar usaha yang berisi jumlah rupiah; "
            "jika yang dimaksud 1500, ketik tanpa Rp",
        ),
        (
            "1,5 juta",
            "monthly_capacity",
            "expected a number in digits alone, without words, found 1,5 juta: type 1500000",
            "harus berupa angka saja, tanpa kata, tertulis 1,5 juta: ketik 1500000",
        ),
    ],
)
def test_a_number_with_a_unit_or_rp_is_refused_with_the_number_to_type(
    cell: str, field: str, english: str, indonesian: str
) -> None:
    assert _texts(cell, field) == (english, indonesian)


@pytest.mark.parametrize(
    ("cell", "field"),
    [
        ("5-6 orang", "workers"),  # a range: which number is meant is no reading of the tool's
        ("sekitar 5", "workers"),
        ("5 rumah", "workers"),  # a word not among the units
        ("2,5 orang", "workers"),  # a fraction where a whole number is wanted: no suggestion to refuse next
        ("500 m", "monthly_capacity"),  # metres or miliar
        ("Rp 1,500", "monthly_capacity"),  # one and a half, or fifteen hundred
        ("1" * 40 + " pcs", "monthly_capacity"),
    ],
)
def test_no_number_is_suggested_where_it_would_be_a_guess(cell: str, field: str) -> None:
    found = CONVERT[field](cell)
    assert isinstance(found, Rejected) and found.message.id == "sheet.not_a_number"


def test_a_number_with_a_unit_in_a_sheet_stays_an_error(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["Nama Usaha", "Peran", "Tenaga Kerja", "Kapasitas per Bulan"],
        ["A", "penggerak", "5 orang", "Rp 1.500"],
        ["B", "binaan", 4, "1.500 unit"],
    ]
    path = make_xlsx({"D": rows})
    found = read_firms(path)
    assert [(f.message.id, f.location.path) for f in found.errors] == [
        ("sheet.number_with_unit", "firms[0].workers"),
        ("sheet.number_rupiah", "firms[0].monthly_capacity"),
        ("sheet.number_with_unit", "firms[1].monthly_capacity"),
    ]
    assert found.firms == ({"name": "A", "role": "champion"}, {"name": "B", "role": "mentee", "workers": 4})
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(firms=f"{{file: {path.name}}}"), encoding="utf-8")
    assert main(["assess", str(region), "--format", "json"]) == 3
    errors = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert [(e["id"], e["cell"]) for e in errors] == [
        ("sheet.number_with_unit", "C2"),
        ("sheet.number_rupiah", "D2"),
        ("sheet.number_with_unit", "D3"),
    ]
    assert errors[0]["message"].endswith("expected a number alone, found 5 orang: type 5, without 'orang'")
