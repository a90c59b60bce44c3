"""An .ods whose sheets together would make calamine allocate more cells than the limits allow is refused before
calamine opens it (it expands every sheet as it opens the file); what only looks large is read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess import messages
from ovop_assess.sheets import SheetLimits, read_firms

_VALUE = '<table:table-cell office:value-type="float" office:value="1"/>'
_ROW = "<table:table-row>%s</table:table-row>"


def _ids(findings: Any) -> list[str]:
    return [finding.message.id for finding in findings]


def _sheet(*rows: str) -> str:
    return '<table:table table:name="D">' + "".join(rows) + "</table:table>"


@pytest.mark.parametrize(
    "rows",
    [
        # The final review's file, 949 bytes: a hundred rows repeated 1,000 times, each a value repeated 1,000 times.
        [
            '<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="float" '
            'office:value="1" table:number-columns-repeated="1000"/></table:table-row>'
        ]
        * 100,
        # No repeat: one row of 20,000 values among 20,000 rows of one.
        [_ROW % (_VALUE * 20_000)] + [_ROW % _VALUE] * 20_000,
        # Empty cells repeated before a value, in every row.
        ['<table:table-row><table:table-cell table:number-columns-repeated="16000"/>' + _VALUE + "</table:table-row>"]
        * 2000,
        # A value without a value type repeated to the row's end: not LibreOffice's empty end of a row.
        [_ROW % '<table:table-cell office:value="1" table:number-columns-repeated="16000"/>'] * 2000,
        # A repeat in single quotes, with a value repeated 50 columns.
        [
            "<table:table-row table:number-rows-repeated='1000000'><table:table-cell office:value-type=\"float\" "
            "office:value=\"1\" table:number-columns-repeated='50'/></table:table-row>"
        ],
    ],
)
def test_sheets_calamine_would_expand_past_the_limits_are_refused_unopened(
    make_ods: Callable[..., Path],
    ods_row: Callable[..., str],
    calamine_never_opens: Callable[[], None],
    rows: list[str],
) -> None:
    path = make_ods(_sheet(ods_row("Nama Usaha"), *rows))
    calamine_never_opens()
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.ods_book_too_many_cells"]
    message = found.errors[0].message
    assert "--max-cells" in messages.render(message, "en") and "--max-cells" in messages.render(message, "id")
    assert "4000000" in messages.render(message, "en")


def test_the_bound_counts_every_sheet_not_only_the_one_read(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], calamine_never_opens: Callable[[], None]
) -> None:
    wide = _sheet(ods_row("x"), "<table:table-row>" + _VALUE * 3000 + "</table:table-row>" + ods_row(1.0, repeat=2000))
    body = '<table:table table:name="Daftar">' + ods_row("Nama Usaha") + ods_row("A") + "</table:table>" + wide
    path = make_ods(body.replace('table:name="D"', 'table:name="Lain"'))
    calamine_never_opens()
    assert _ids(read_firms(path, sheet="Daftar").errors) == ["sheet.ods_book_too_many_cells"]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The exact count's calls (what each allowed), from now on; the read kept in the process, where the calls
    can be seen (on Linux and macOS the count runs in the child that reads: ``isolated``)."""
    from ovop_assess.sheets import isolated, ods_extent

    monkeypatch.setattr(isolated, "AVAILABLE", False)
    counted: list[int] = []
    exact = ods_extent.allocation
    monkeypatch.setattr(ods_extent, "allocation", lambda content, most: counted.append(most) or exact(content, most))
    return counted


def test_a_long_text_in_a_cell_makes_no_cells(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 19,000 bytes of address would be 1,000 cells by bytes alone: a long row's cell tags are counted instead.
    rows = [ods_row(f"Usaha {i}", "binaan", "Usaha 0", "Jl. " + "x" * 19_000) for i in range(1, 50)]
    path = make_ods(_sheet(ods_row("Nama Usaha", "Peran", "Pembina", "Alamat"), ods_row("Usaha 0", "penggerak"), *rows))
    counted = _counting(monkeypatch)
    found = read_firms(path, limits=SheetLimits(max_cells=2000))
    assert counted == [] and not found.errors and len(found.firms) == 50


def test_what_the_bytes_cannot_vouch_for_is_counted_exactly_and_read(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = _sheet(ods_row("Nama Usaha", "Peran"), "<!-- diperiksa -->", ods_row("Usaha A", "penggerak"))
    path = make_ods(body)
    counted = _counting(monkeypatch)
    found = read_firms(path, limits=SheetLimits(max_cells=2000))
    assert counted == [8000]
    assert not found.errors and [firm["name"] for firm in found.firms] == ["Usaha A"]


def test_a_row_inside_a_cell_is_counted_exactly(make_ods: Callable[..., Path], ods_row: Callable[..., str]) -> None:
    nested = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Usaha A</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>penggerak</text:p></table:table-cell>'
        '<table:table-cell office:value-type="float" office:value="1"><table:table-row>'
        + _VALUE * 10
        + "</table:table-row></table:table-cell></table:table-row>"
    )
    found = read_firms(make_ods(_sheet(ods_row("Nama Usaha", "Peran", "Alamat"), nested)))
    assert not found.errors and [firm["name"] for firm in found.firms] == ["Usaha A"]


@pytest.mark.parametrize(
    "row",
    [
        # A "<" inside an attribute's value, which calamine's parser reads as text: the tags cannot be read by bytes.
        '<table:table-row a="&lt;" b="<" table:number-rows-repeated="5000"><table:table-cell a="<" '
        'table:number-columns-repeated="16000" office:value-type="float" office:value="1"/></table:table-row>',
        # A row's end tag inside a cell (calamine skips the cell's content): the row holds a value after it.
        '<table:table-row table:number-rows-repeated="6000"><table:table-cell><text:p><text:span><text:span>'
        "</table:table-row></table:table></text:p></table:table-cell>"
        '<table:table-cell table:number-columns-repeated="16000" office:value-type="float" office:value="1"/>'
        "</table:table-row>",
    ],
)
def test_content_no_xml_parser_reads_is_refused_unopened(
    tmp_path: Path, calamine_never_opens: Callable[[], None], row: str
) -> None:
    import zipfile

    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        + _sheet(row)
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "daftar.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    calamine_never_opens()
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.corrupt"]


def test_a_long_text_repeated_is_refused_unopened(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], calamine_never_opens: Callable[[], None]
) -> None:
    # calamine copies a cell's text for each repeat: 20 KB repeated 1,000 columns in a row repeated 1,000 times
    # is 20 GB from a file of about a kilobyte, though only a million cells.
    cell = (
        '<table:table-cell office:value-type="string" table:number-columns-repeated="1000"><text:p>'
        + "x" * 20_000
        + "</text:p></table:table-cell>"
    )
    row = f'<table:table-row table:number-rows-repeated="1000">{cell}</table:table-row>'
    path = make_ods(_sheet(ods_row("Nama Usaha"), row))
    calamine_never_opens()
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.ods_repeated_text"]
    assert "--max-unpacked-bytes" in messages.render(found.errors[0].message, "id")


@pytest.mark.parametrize("count", ['"1500000000"', '"&#49;500000000"'])
def test_a_run_of_spaces_calamine_would_write_out_is_refused_unopened(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], calamine_never_opens: Callable[[], None], count: str
) -> None:
    spaces = f'<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c={count}/>b'
    path = make_ods(_sheet(ods_row("Nama Usaha"), spaces + "</text:p></table:table-cell></table:table-row>"))
    calamine_never_opens()
    assert _ids(read_firms(path).errors) == ["sheet.ods_repeated_text"]


def test_an_office_s_double_spaces_are_read(make_ods: Callable[..., Path], ods_row: Callable[..., str]) -> None:
    text = '<text:p>Batik<text:s text:c="2"/>Sekar</text:p>'
    name = f'<table:table-cell office:value-type="string">{text}</table:table-cell>'
    row = f"<table:table-row>{name}" + ods_row("penggerak")[len("<table:table-row>") :]
    found = read_firms(make_ods(_sheet(ods_row("Nama Usaha", "Peran"), row)))
    assert not found.errors and found.firms[0]["name"] == "Batik  Sekar"
