"""OpenDocument sheets: merged cells and formulas without a saved result, as for .xlsx (same messages, same cells)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from ovop_assess.messages import render
from ovop_assess.sheets import cell_name, read_firms


def _cell(text: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{text}</text:p></table:table-cell>'


def _row(*cells: str, repeat: int = 1) -> str:
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{''.join(cells)}</table:table-row>"


COVERED = "<table:covered-table-cell/>"
EMPTY = "<table:table-cell/>"


def _with_content(path: Path, change: Callable[[bytes], bytes], out: Path) -> Path:
    """A copy of the workbook at ``path`` whose content.xml is ``change``d, written to ``out``."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    members["content.xml"] = change(members["content.xml"])
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


def _where(found: object) -> list[tuple[str, str, str]]:
    return [
        (f.message.id, f.location.path, cell_name(f.location.line, f.location.column))
        for f in found.errors  # type: ignore[attr-defined]
    ]


def test_merged_cells_over_firm_columns_are_an_error(make_ods: Callable[..., Path]) -> None:
    body = (
        '<table:table table:name="Lain">'
        + _row(_cell("x", ' table:number-rows-spanned="5"'))  # another sheet's merges are not this one's
        + '</table:table><table:table table:name="Daftar UMKM">'
        + _row(_cell("Nama Usaha"), _cell("Peran"), _cell("Alamat"), _cell("Pembina"))
        + _row(_cell("Usaha A"), _cell("penggerak"), _cell("Desa Sukamaju", ' table:number-rows-spanned="3"'), EMPTY)
        + _row(_cell("B"), _cell("binaan"), COVERED, _cell("Usaha A", ' table:number-rows-spanned="2"'))
        + _row(_cell("C"), _cell("binaan"), COVERED, COVERED)
        + "</table:table>"
    )
    found = read_firms(make_ods(body), sheet="Daftar UMKM")
    # As for .xlsx: one error at the first cell of D3:D4; the address block in column C is beside the list.
    assert _where(found) == [("sheet.merged", "firms[1].mentor", "D3")]
    assert found.errors[0].message.values == {"cells": "D3:D4"}
    assert found.firms[1]["mentor"] == "Usaha A" and "mentor" not in found.firms[2]


def test_a_merge_across_columns_counts_repeated_and_covered_cells(make_ods: Callable[..., Path]) -> None:
    body = (
        '<table:table table:name="D">'
        + _row(_cell("Nama Usaha"), _cell("Alamat"), _cell("Telepon"), _cell("Peran"), _cell("Kategori"))
        + _row(_cell("A"), '<table:table-cell table:number-columns-repeated="2"/>', _cell("anggota"), _cell("batik"))
        + _row(_cell("B"), EMPTY, EMPTY, _cell("anggota", ' table:number-columns-spanned="2"'), COVERED)
        + "</table:table>"
    )
    found = read_firms(make_ods(body))
    assert _where(found) == [("sheet.merged", "firms[1].role", "D3")]
    assert found.errors[0].message.values == {"cells": "D3:E3"}


def test_formula_without_saved_result_is_an_error_and_one_with_a_result_is_read(
    make_ods: Callable[..., Path],
) -> None:
    body = (
        '<table:table table:name="Daftar">'
        + _row(_cell("Nama Usaha"), _cell("Peran"), _cell("Alamat"), _cell("Tenaga Kerja"))
        + _row(
            _cell("Usaha A"),
            _cell("penggerak"),
            EMPTY,
            '<table:table-cell table:formula="of:=2+3" office:value-type="float" office:value="5">'
            "<text:p>5</text:p></table:table-cell>",
        )
        + _row(EMPTY, repeat=2)  # empty rows in the middle are skipped and counted
        + _row('<table:table-cell table:formula="of:=&quot;Usaha &quot;&amp;&quot;B&quot;"/>', _cell("anggota"))
        + "</table:table>"
    )
    found = read_firms(make_ods(body))
    assert _where(found) == [("sheet.formula_no_value", "firms[1].name", "A5")]
    assert found.firms[0]["workers"] == 5 and found.rows == (2, 5)
    assert found.sheet == "Daftar"  # none asked for: the first sheet, named as every finding's place


def test_a_span_written_with_spaces_around_the_equals_sign_is_found(make_ods: Callable[..., Path]) -> None:
    """XML allows white space around ``=``; the first look for a span or a formula once missed it."""
    body = (
        '<table:table table:name="D">'
        + _row(_cell("Nama Usaha"), _cell("Peran"))
        + _row(_cell("Usaha A", ' table:number-columns-spanned = "2"'), COVERED)
        + "</table:table>"
    )
    found = read_firms(make_ods(body))
    assert _where(found) == [("sheet.merged", "firms[0].name", "A2")]


def test_a_document_type_declaration_is_refused_not_expanded(make_ods: Callable[..., Path], tmp_path: Path) -> None:
    body = '<table:table table:name="D">' + _row(_cell("Nama Usaha", ' table:formula="of:=1"'), _cell("Peran"))
    laughs = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'

    def declare_entities(content: bytes) -> bytes:
        declaration_end = content.index(b"?>") + 2
        return content[:declaration_end] + laughs + content[declaration_end:]

    bad = _with_content(make_ods(body + "</table:table>"), declare_entities, tmp_path / "entitas.ods")
    found = read_firms(bad)
    assert [f.message.id for f in found.errors] == ["sheet.corrupt"] and found.firms == ()
    assert "document type declaration" in render(found.errors[0].message)


def test_a_content_declaring_an_unknown_encoding_is_corrupt(make_ods: Callable[..., Path], tmp_path: Path) -> None:
    """expat raises LookupError (not ExpatError) for an XML declaration naming no known encoding."""
    body = '<table:table table:name="D">' + _row(_cell("Nama Usaha", ' table:formula="of:=1"'), _cell("Peran"))
    bad = _with_content(
        make_ods(body + "</table:table>"),
        lambda content: content.replace(b'encoding="UTF-8"', b'encoding="A0"', 1),
        tmp_path / "encoding.ods",
    )
    found = read_firms(bad)
    assert [f.message.id for f in found.errors] == ["sheet.corrupt"] and found.firms == ()


def test_ods_yes_no_words_and_a_missing_sheet(make_ods: Callable[..., Path]) -> None:
    words = ["Ya", "Tidak", "y", "T", "ya", "tidak"]
    body = (
        '<table:table table:name="Daftar UMKM">'
        + _row(_cell("Nama Usaha"), _cell("Peran"), _cell("Bersedia Menjadi Penggerak"))
        + "".join(_row(_cell(f"Usaha {i}"), _cell("penggerak"), _cell(word)) for i, word in enumerate(words))
        + _row(_cell("Usaha X"), _cell("penggerak"), _cell("mungkin"))
        + "</table:table>"
    )
    path = make_ods(body)
    found = read_firms(path)
    assert [f.get("willing_to_lead") for f in found.firms] == [True, False, True, False, True, False, None]
    assert _where(found) == [("sheet.not_yes_no", "firms[6].willing_to_lead", "C8")]
    missing = read_firms(path, sheet="Lembar 2")
    assert [f.message.id for f in missing.errors] == ["sheet.not_found"]


def test_ods_cells_as_offices_mistype_them(make_ods: Callable[..., Path]) -> None:
    body = (
        '<table:table table:name="D">'
        + _row(_cell("Nama Usaha"), _cell("Peran"), _cell("NIB"))
        + _row(_cell("Usaha A"), _cell("penggerak"), _cell("8,12E+12"))
        + "</table:table>"
    )
    found = read_firms(make_ods(body))
    assert _where(found) == [("sheet.nib_scientific", "firms[0].nib", "C2")]


def test_ods_hidden_sheet_is_skipped_and_named(make_ods: Callable[..., Path]) -> None:
    # LibreOffice hides a sheet through its table style: <style:table-properties table:display="false"/>.
    styles = (
        '<office:automatic-styles xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">'
        '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/>'
        '</style:style><style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
    )
    body = (
        '<table:table table:name="Lama" table:style-name="ta2">'
        + _row(_cell("Nama Usaha"), _cell("Peran"))
        + _row(_cell("Usaha Lama"), _cell("anggota"))
        + '</table:table><table:table table:name="Daftar UMKM" table:style-name="ta1">'
        + _row(_cell("Nama Usaha"), _cell("Peran"))
        + _row(_cell("Usaha Baru"), _cell("penggerak"))
        + "</table:table>"
    )
    path = make_ods(body, styles=styles)
    found = read_firms(path)
    assert found.sheet == "Daftar UMKM" and found.firms == ({"name": "Usaha Baru", "role": "champion"},)
    assert [f.message.id for f in found.warnings] == ["sheet.hidden_skipped"]
    hidden = read_firms(path, sheet="Lama")
    assert [f.message.id for f in hidden.warnings] == ["sheet.hidden"]
