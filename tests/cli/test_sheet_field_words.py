"""A firm of a spreadsheet is spoken of in the sheet's words: its column's header and the cell of that column.

An office that keeps its firms in a workbook (``firms: {file: daftar.xlsx}``)
never sees a YAML key: a champion whose willingness is not stated is
located at the empty cell of the willingness column (``E2``, not the row's
first cell ``A2``), and what is missing names that column
(``kolom Bersedia Menjadi Penggerak``), not ``willing_to_lead``. Firms
written in YAML keep their key. A header typo (``Nama UMKM``) is located at
its own cell, where the near-header warning also points.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ovop_assess.cli.main import main

from .test_firm_sheets import AS_OF, HEADERS, REGION, region, write_xlsx

WILLING = {
    "en": "state whether champion Gerabah 01 is willing to lead the sentra ({field})",
    "id": "nyatakan apakah champion Gerabah 01 bersedia menjadi penggerak sentra ({field})",
}
COLUMN = {"en": "column {header}", "id": "kolom {header}"}
ABSENT = {
    "en": "Champion Gerabah 01 has not stated whether it is willing to lead.",
    "id": "Champion Gerabah 01 belum menyatakan kesediaan menjadi penggerak.",
}


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


def _rows(headers: list[str]) -> list[list[Any]]:
    """A champion (penggerak) whose willingness cell is empty, and two binaan."""
    firms = [
        [1, "Gerabah 01", "penggerak", "", "", 900, "0912000000000", "Dukuh 1"],
        [2, "Gerabah 02", "binaan", "Gerabah 01", "", 800, "0912000000001", "Dukuh 2"],
        [3, "Gerabah 03", "binaan", "Gerabah 01", "", 700, "0912000000002", "Dukuh 3"],
    ]
    return [headers, *firms]


def _c1(capsys: pytest.CaptureFixture[str], path: Path, lang: str) -> dict[str, Any]:
    main(["--lang", lang, "assess", str(path), "--format", "json", "--as-of", AS_OF])
    result = json.loads(capsys.readouterr().out)["results"][0]
    return next(c for c in result["criteria"] if c["id"] == "C1")


def _reason_place(c1: dict[str, Any], reason: str) -> dict[str, Any]:
    index = c1["reasons"].index(reason)
    return dict(c1["locations"][index])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_sheet_firms_missing_willingness_names_its_column_and_cell(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_xlsx(tmp_path / "daftar.xlsx", _rows(HEADERS))
    path = region(tmp_path, "{file: daftar.xlsx}")
    c1 = _c1(capsys, path, lang)
    field = COLUMN[lang].format(header="Bersedia Menjadi Penggerak")
    assert WILLING[lang].format(field=field) in c1["missing"]
    assert not any("willing_to_lead" in item for item in c1["missing"])
    place = _reason_place(c1, ABSENT[lang])
    assert (Path(place["file"]).name, place["sheet"], place["cell"]) == ("daftar.xlsx", "Daftar UMKM", "E2")
    assert place["path"] == "firms[0].willing_to_lead"
    monkeypatch.setenv("COLUMNS", "300")  # the table says the same: the cell and the column
    main(["--lang", lang, "assess", str(path), "--as-of", AS_OF])
    table = capsys.readouterr().out
    cell = "sel E2" if lang == "id" else "cell E2"
    assert cell in table and field in table and "willing_to_lead" not in table


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_column_is_named_as_the_sheet_heads_it(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = [h if h != "Bersedia Menjadi Penggerak" else "willing_to_lead" for h in HEADERS]
    write_xlsx(tmp_path / "daftar.xlsx", _rows(headers))
    c1 = _c1(capsys, region(tmp_path, "{file: daftar.xlsx}"), lang)
    assert WILLING[lang].format(field=COLUMN[lang].format(header="willing_to_lead")) in c1["missing"]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_sheet_without_the_column_names_the_templates_header(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [[cell for i, cell in enumerate(row) if i != 4] for row in _rows(HEADERS)]  # no column E
    write_xlsx(tmp_path / "daftar.xlsx", rows)
    c1 = _c1(capsys, region(tmp_path, "{file: daftar.xlsx}"), lang)
    field = COLUMN[lang].format(header="Bersedia Menjadi Penggerak")
    assert WILLING[lang].format(field=field) in c1["missing"]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_yaml_firms_keep_their_key(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    firms = "\n  - {name: Gerabah 01, role: champion}" + "".join(
        f"\n  - {{name: Gerabah 0{i}, role: mentee, mentor: Gerabah 01}}" for i in (2, 3)
    )
    path = tmp_path / "melikan.yaml"
    path.write_text(REGION.format(firms=firms), encoding="utf-8")
    c1 = _c1(capsys, path, lang)
    assert WILLING[lang].format(field="willing_to_lead") in c1["missing"]
    place = _reason_place(c1, ABSENT[lang])
    assert place["path"] == "firms[0].willing_to_lead" and "cell" not in place
    assert (
        place["line"]
        == path.read_text(encoding="utf-8").splitlines().index("  - {name: Gerabah 01, role: champion}") + 1
    )


@pytest.mark.parametrize(("lang", "said"), [("en", "the first row has no column Nama Usaha"), ("id", "baris pertama")])
def test_a_misspelt_required_header_is_located_at_its_own_cell(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = [h if h != "Nama Usaha" else "Nama UMKM" for h in HEADERS]  # column B
    write_xlsx(tmp_path / "daftar.xlsx", _rows(headers))
    path = region(tmp_path, "{file: daftar.xlsx}")
    assert main(["--lang", lang, "assess", str(path), "--format", "json", "--as-of", AS_OF]) == 3
    (error,) = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert error["id"] == "sheet.missing_column" and said in error["message"]
    assert error["cell"] == "B1"  # where the warning about "Nama UMKM" points, not A1 ("No")
    # No header seems meant for it: the header row as a whole, no cell (A1 holds "No", which is not wrong).
    headers = [h if h != "Nama Usaha" else "Usaha Kecil" for h in HEADERS]
    write_xlsx(tmp_path / "daftar.xlsx", _rows(headers))
    assert main(["--lang", lang, "assess", str(path), "--format", "json", "--as-of", AS_OF]) == 3
    (error,) = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert error["id"] == "sheet.missing_column" and error["cell"] is None and error["sheet"] == "Daftar UMKM"
