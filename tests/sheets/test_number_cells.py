"""A number column's cells the reader refuses, said with what the cell holds (sheets/columns.py): a fraction in
the whole-number column Tenaga Kerja."""

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
    ("cell", "shown"),
    [("2,5", "2,5"), ("2.5", "2.5"), (" 2,5 ", "2,5"), (2.5, "2.5"), ("-1,5", "-1,5")],
)
def test_a_fraction_of_workers_is_said_with_the_cells_value(cell: object, shown: str) -> None:
    assert _texts(cell) == (
        f"expected a whole number, found {shown}",
        f"harus berupa bilangan bulat, tertulis {shown}",
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
    path = tmp_path / "daftar.csv"
    path.write_text("Nama Usaha;Peran;Tenaga Kerja\nA;penggerak;2,5\n", encoding="utf-8")
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(firms="{file: daftar.csv}"), encoding="utf-8")
    assert main(["--lang", "id", "assess", str(region), "--format", "json"]) == 3
    [error] = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert (error["id"], error["cell"], error["path"]) == ("sheet.not_whole_number", "C2", "firms[0].workers")
    assert error["message"].endswith("harus berupa bilangan bulat, tertulis 2,5")
