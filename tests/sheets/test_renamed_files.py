"""A workbook whose name has another format's ending is said to be one, with the ending to give it."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from ovop_assess.sheets import read_firms


def _xlsx_bytes(tmp_path: Path, make_xlsx: Callable[..., Path]) -> bytes:
    return make_xlsx({"D": [["Nama Usaha", "Peran"], ["Usaha A", "penggerak"]]}).read_bytes()


def test_an_xlsx_named_ods_is_said_to_be_an_xlsx(tmp_path: Path, make_xlsx: Callable[..., Path]) -> None:
    path = tmp_path / "daftar.ods"
    path.write_bytes(_xlsx_bytes(tmp_path, make_xlsx))
    assert [e.message.id for e in read_firms(path).errors] == ["sheet.xlsx_named_ods"]


def test_a_zip_without_content_xml_is_still_damaged(tmp_path: Path) -> None:
    path = tmp_path / "daftar.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    [error] = read_firms(path).errors
    assert error.message.values["reason"].id == "sheet.reason.no_content_xml"


def test_a_workbook_named_csv_is_said_to_be_a_workbook(tmp_path: Path, make_xlsx: Callable[..., Path]) -> None:
    path = tmp_path / "daftar.csv"
    path.write_bytes(_xlsx_bytes(tmp_path, make_xlsx))
    assert [e.message.id for e in read_firms(path).errors] == ["sheet.csv_is_workbook"]


def test_an_ods_named_xlsx_is_refused_before_calamine_opens_it(
    tmp_path: Path, make_ods: Callable[..., Path], ods_row: Callable[..., str], calamine_never_opens: Callable[[], None]
) -> None:
    # calamine tells the kind from the contents: an .ods named .xlsx would expand past the checks an .xlsx gets.
    run = '<table:table-row table:number-rows-repeated="1000000">' + ods_row("x")[len("<table:table-row>") :]
    ods = make_ods('<table:table table:name="D">' + ods_row("Nama Usaha", "Peran") + run + "</table:table>")
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(ods.read_bytes())
    calamine_never_opens()
    assert [e.message.id for e in read_firms(path).errors] == ["sheet.ods_named_xlsx"]


def test_an_xlsx_or_ods_named_xls_is_said_to_be_one(
    tmp_path: Path, make_xlsx: Callable[..., Path], make_ods: Callable[..., Path]
) -> None:
    """Saved under an .xls name (an office's common mistake), it was called damaged: save it again, for a file
    that is whole (a new user's walkthrough)."""
    path = tmp_path / "daftar.xls"
    path.write_bytes(_xlsx_bytes(tmp_path, make_xlsx))
    assert [e.message.id for e in read_firms(path).errors] == ["sheet.xlsx_named_xls"]
    path.write_bytes(make_ods('<table:table table:name="D"></table:table>').read_bytes())
    assert [e.message.id for e in read_firms(path).errors] == ["sheet.ods_named_xls"]
    path.write_bytes(b"PK\x03\x04" + bytes(40))  # a zip's start, and nothing readable: damaged
    assert [e.message.id for e in read_firms(path).errors] == ["sheet.corrupt"]
