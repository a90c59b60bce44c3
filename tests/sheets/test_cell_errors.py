"""Cells showing an error (#N/A, #DIV/0!, Err:502) in an .xlsx or .ods sheet, which calamine reads as empty:
the sheet is refused naming each such cell in the header row or a firm column, as for an .xls."""

from __future__ import annotations

import json
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess.cli.main import main
from ovop_assess.messages import render
from ovop_assess.sheets import cell_name, read_firms
from ovop_assess.sheets.cell_errors import CellError, xlsx_errors
from ovop_assess.sheets.ods_cells import ods_cells, walk
from ovop_assess.sheets.ods_errors_scan import error_hits, scan_errors

REGION = """format: ovop-region/1
region: {{name: Laweyan, level: kelurahan, city: Kota Surakarta, province: Jawa Tengah}}
firms: {{file: {file}}}
"""

HEADER = ["Nama Usaha", "Peran", "Pembina", "Bersedia Menjadi Penggerak", "Tenaga Kerja", "Alamat"]


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


def _said(found: Any) -> list[tuple[str, str, dict[str, object]]]:
    return [(f.message.id, cell_name(f.location.line, f.location.column), dict(f.message.values)) for f in found.errors]


def _changed(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    members[member] = change(members[member])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _xlsx_errors(book: Any, sheet: Any) -> None:
    """Errors as Excel saves them: each formula's error result in a cell of type "e"."""
    sheet.write_formula("C3", '=VLOOKUP("Usaha X",A1:A2,1,FALSE)', None, "#N/A")  # a mentor looked up, not found
    sheet.write_formula("D4", "=1/0", None, "#DIV/0!")  # an optional yes/no
    sheet.write_formula("E3", "=E2+#REF!", None, "#REF!")  # an optional number
    sheet.write_formula("F3", '=VLOOKUP("x",A1:A2,2,FALSE)', None, "#N/A")  # an address: no firm column
    sheet.write_formula("G1", "=foo()", None, "#NAME?")  # the header row: a column name missing
    sheet.write_formula("E4", "=NA()", None, "#N/A")  # the <f> taken out below: an error typed as a value


def _xlsx(make_xlsx: Callable[..., Path]) -> Path:
    rows = [HEADER, ["Usaha A", "penggerak", None, "Ya", 4, "Jl. 1"], ["Usaha B", "binaan"], ["Usaha C", "anggota"]]
    path = make_xlsx({"Daftar UMKM": rows}, build=_xlsx_errors)
    return _changed(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"<f>NA()</f>", b""))


def test_an_xlsx_cell_showing_an_error_is_refused_at_its_cell(make_xlsx: Callable[..., Path]) -> None:
    found = read_firms(_xlsx(make_xlsx))
    assert found.firms == ()
    assert _said(found) == [
        ("sheet.header_formula_error", "G1", {"error": "#NAME?"}),
        ("sheet.formula_error", "C3", {"error": "#N/A", "column": "Pembina", "field": "mentor"}),
        ("sheet.formula_error", "E3", {"error": "#REF!", "column": "Tenaga Kerja", "field": "workers"}),
        (
            "sheet.formula_error",
            "D4",
            {"error": "#DIV/0!", "column": "Bersedia Menjadi Penggerak", "field": "willing_to_lead"},
        ),
        ("sheet.cell_error", "E4", {"error": "#N/A", "column": "Tenaga Kerja", "field": "workers"}),
    ]
    # As an .xls's: the sheet is refused, each cell below the header at its firm's field, as a read sheet's.
    paths = [f.location.path for f in found.errors if f.location is not None]
    assert paths == ["firms", "firms[1].mentor", "firms[1].workers", "firms[2].willing_to_lead", "firms[2].workers"]
    typed = found.errors[-1].message
    assert render(typed) == "the Tenaga Kerja (workers) cell holds the error #N/A instead of a value; type the value"
    assert render(typed, "id") == "sel Tenaga Kerja (workers) berisi kesalahan #N/A, bukan nilai; ketik nilainya"
    header = found.errors[0].message
    assert render(header) == (
        "the column name in this cell is a formula that gives the error #NAME?; correct the formula or type the "
        "column name"
    )


def test_an_xlsx_error_is_said_in_json_with_its_file_sheet_and_cell(
    make_xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _xlsx(make_xlsx)
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(file=path.name), encoding="utf-8")
    assert main(["assess", str(region), "--format", "json"]) == 3
    errors = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    said = [(e["id"], Path(e["file"]).name, e["sheet"], e["cell"]) for e in errors]
    assert said[1] == ("sheet.formula_error", path.name, "Daftar UMKM", "C3")
    assert [e["cell"] for e in errors] == ["G1", "C3", "E3", "D4", "E4"]


def test_an_xlsx_error_outside_the_firm_columns_is_left_alone(make_xlsx: Callable[..., Path]) -> None:
    def build(book: Any, sheet: Any) -> None:
        sheet.write_formula("F2", '=VLOOKUP("x",A1:A2,2,FALSE)', None, "#N/A")

    found = read_firms(make_xlsx({"D": [HEADER, ["Usaha A", "penggerak", None, "Ya", 4]]}, build=build))
    assert found.errors == () and found.firms[0]["name"] == "Usaha A"


def test_the_xlsx_error_cells_are_read_whatever_the_attributes_look_like() -> None:
    xml = (
        b"<x:sheetData>"
        b"<x:c t = 'e' r='b7'><x:v>#NULL!</x:v></x:c>"  # quoted otherwise, lower-case reference
        b'<x:c r="C7" t="e"/>'  # no value at all: a formula without its result, said as such elsewhere
        b'<x:c r="D7" t="e"><x:f>1/0</x:f><x:v></x:v></x:c>'
        b'<x:c r="E7" s="1" t="e"><x:f t="shared" si="0"/><x:v>' + b"#" * 60 + b"</x:v></x:c>"
        b'<x:c r="F7" t="str"><x:f>"#"&amp;A1</x:f><x:v>#1</x:v></x:c>'  # a text that starts with #
        b'<x:c r="G7" t="inlineStr"><x:is><x:t>#2</x:t></x:is></x:c>'
        b'<x:c r="H7" t="e"><x:f>#REF!+1</x:f><x:v>#REF!</x:v></x:c>'
        b"</x:sheetData>"
    )
    assert xlsx_errors(xml) == {
        (6, 1): CellError("#NULL!", False),
        (6, 4): CellError("#" * 39 + "…", True),
        (6, 7): CellError("#REF!", True),
    }
    assert xlsx_errors(b'<c r="A1" t="n"><v>1</v></c>') == {} and xlsx_errors(b"#<v>#N/A</v>") == {}


def _cell(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


LIBREOFFICE = 'office:value-type="string" office:string-value="" '


def _error(text: str, formula: str = "of:=1/0", value: str = LIBREOFFICE) -> str:
    """A cell showing an error, as LibreOffice saves it (``value``: the office value written, if any)."""
    return (
        f"<table:table-cell table:formula=\"{formula}\" {value}calcext:value-type='error'>"
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def _row(*cells: str) -> str:
    return f"<table:table-row>{''.join(cells)}</table:table-row>"


def _ods_body() -> str:
    annotated = (
        '<table:table-cell table:formula="of:=[.A9]" office:value-type="string" office:string-value="" '
        'calcext:value-type="error"><office:annotation><text:p>cek lagi</text:p></office:annotation>'
        "<text:p>#REF!</text:p></table:table-cell>"
    )
    return (
        '<table:table table:name="Daftar UMKM">'
        + _row(*map(_cell, HEADER), _error("#NAME?", "of:=FOO()"))
        + _row(_cell("Usaha A"), _cell("penggerak"), "<table:table-cell/>", _cell("Ya"), annotated)
        + _row(_cell("Usaha B"), _cell("binaan"), _error("#N/A", "of:=VLOOKUP(&quot;x&quot;;[.A1:.A2];1;0)"))
        # No office value type: calamine reads no cell. A string type without its value: calamine reads the text.
        + _row(_cell("Usaha C"), _cell("anggota"), _cell("Usaha A"), _error("Err:502", value=""))
        + _row(
            _cell("Usaha D"),
            _cell("anggota"),
            _cell("Usaha A"),
            _cell("Ya"),
            _error("#DIV/0!", value='office:value-type="string" '),
        )
        + _row(_cell("Usaha E"), _cell("anggota"), _cell("Usaha A"), _cell("Ya"), _cell("3"), _error("#N/A"))
        + "</table:table>"
    )


def test_an_ods_cell_showing_an_error_is_refused_at_its_cell(make_ods: Callable[..., Path]) -> None:
    found = read_firms(make_ods(_ods_body()))
    assert found.firms == ()
    workers = {"column": "Tenaga Kerja", "field": "workers"}
    assert _said(found) == [
        ("sheet.header_formula_error", "G1", {"error": "#NAME?"}),
        ("sheet.formula_error", "E2", {"error": "#REF!", **workers}),  # the cell's text, not its comment's
        ("sheet.formula_error", "C3", {"error": "#N/A", "column": "Pembina", "field": "mentor"}),
        (
            "sheet.formula_error",
            "D4",
            {"error": "Err:502", "column": "Bersedia Menjadi Penggerak", "field": "willing_to_lead"},
        ),
        ("sheet.formula_error", "E5", {"error": "#DIV/0!", **workers}),
    ]  # F6: an address, no firm column
    paths = [f.location.path for f in found.errors if f.location is not None]
    assert paths == ["firms", "firms[0].workers", "firms[1].mentor", "firms[2].willing_to_lead", "firms[3].workers"]


def test_an_ods_error_is_said_in_json_with_its_file_sheet_and_cell(
    make_ods: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_ods(_ods_body())
    region = tmp_path / "r.yaml"
    region.write_text(REGION.format(file=path.name), encoding="utf-8")
    assert main(["--lang", "id", "assess", str(region), "--format", "json"]) == 3
    errors = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert [(e["id"], Path(e["file"]).name, e["sheet"], e["cell"]) for e in errors][2] == (
        "sheet.formula_error",
        path.name,
        "Daftar UMKM",
        "C3",
    )
    assert errors[2]["path"] == "firms[1].mentor"
    assert errors[2]["message"].startswith(
        "rumus di sel Pembina (mentor) menghasilkan kesalahan #N/A sehingga sel tidak bernilai"
    )


def test_an_ods_error_repeated_across_columns_is_named_in_each() -> None:
    content = (
        b'<o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        b'xmlns:x="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        b'xmlns:c="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
        b'<t:table t:name="D"><t:table-row t:number-rows-repeated="2"><t:table-cell/>'
        b'<t:table-cell t:number-columns-repeated="3" c:value-type = "error"><x:p>#N/<x:span>A</x:span></x:p>'
        b"</t:table-cell></t:table-row></t:table></o:document-content>"
    )
    assert error_hits(content) and scan_errors(content, "D", error_hits(content)) is None  # a span in the text
    found = walk(content, "D")
    assert found.errors == {(0, column): CellError("#N/A", False) for column in (1, 2, 3)}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'<c calcext:value-type="error"/>', True),
        (b"<c a:value-type\n=\n'error'/>", True),
        (b"<p>error</p><c office:value-type='string' style='error-style'/>", False),
        (b'<c x="error" value-type="float"/>', False),
        (b"", False),
    ],
)
def test_only_a_value_type_of_error_makes_an_ods_content_walked_for_errors(content: bytes, expected: bool) -> None:
    assert bool(error_hits(content)) is expected


def _lo(*rows: str, sheet: str = "D") -> bytes:
    """content.xml as LibreOffice lays it out, the namespaces on the root."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">'
        '<office:body><office:spreadsheet><table:table table:name="Lain">' + _row(_error("#N/A")) + "</table:table>"
        f'<table:table table:name="{sheet}">' + "".join(rows) + "</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    ).encode()


REPEATED = (
    '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2"/>'
    '<table:table-cell table:formula="of:=#N/A" table:number-columns-repeated="2" office:value-type="string" '
    'office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell></table:table-row>'
)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([_row(_cell("a"), _error("#N/A")), _row(_error("Err:502", value=""))], {(0, 1): "#N/A", (1, 0): "Err:502"}),
        (
            [_row(_cell("a")), REPEATED, _row(_cell("b"), _error("#REF!"))],
            {(1, 2): "#N/A", (1, 3): "#N/A", (4, 1): "#REF!"},
        ),
        ([_row(_cell("value-type='error'"))], {}),  # text, not an attribute: not followed, the walk reads it
        ([_row(_cell("a"), _error("#N/A &amp; more"))], {(0, 1): "#N/A & more"}),  # a reference: walked
        ([_row("<table:table-cell calcext:value-type='error'/>")], {(0, 0): "Err"}),  # no formula, no text
        ([_row(_cell("x"))], {}),
        ([_row(_error("#N/A", value='office:value-type="error" '))], {(0, 0): "#N/A"}),  # two hits in one tag
    ],
)
def test_the_scan_finds_errors_as_the_walk_does(rows: list[str], expected: dict[tuple[int, int], str]) -> None:
    content = _lo(*rows)
    walked = walk(content, "D")
    assert {cell: error.text for cell, error in walked.errors.items()} == expected
    assert ods_cells(content, "D") == walked
    found = scan_errors(content, "D", error_hits(content))
    assert found is None or found == walked.errors
    if b"&amp;" not in content and b"value-type='error'<" not in content:
        assert found is not None  # LibreOffice's layout: the scan answers


def _excel_365_errors(book: Any, sheet: Any) -> None:
    """Errors Excel for Microsoft 365 saves, which calamine refuses to read: written as #N/A, changed after."""
    # (No dynamic-array function: XlsxWriter would write the cell as a text.)
    sheet.write_formula("F2", "=A1+1", None, "#N/A")  # the address, not a firm column: #CALC! below
    sheet.write_formula("E3", "=E2*A2", None, "#N/A")  # a firm column (Tenaga Kerja): #SPILL! below


def _xlsx_365(make_xlsx: Callable[..., Path], rows: list[list[Any]]) -> Path:
    path = make_xlsx({"Daftar UMKM": rows}, build=_excel_365_errors)
    return _changed(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"<v>#N/A</v>", b"<v>#CALC!</v>", 1).replace(b"<v>#N/A</v>", b"<v>#SPILL!</v>", 1),
    )


def test_an_excel_365_error_is_said_at_its_cell_never_as_a_damaged_file(make_xlsx: Callable[..., Path]) -> None:
    """Calamine refuses a sheet holding #SPILL! or #CALC!: the sheet is read from a copy where they are #N/A,
    and each cell in a firm column is said with its own error; the address column's is left alone."""
    rows = [HEADER, ["Usaha A", "penggerak", None, "Ya", 4, "Jl. 1"], ["Usaha B", "binaan", "Usaha A"]]
    path = _xlsx_365(make_xlsx, rows)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b"<v>#SPILL!</v>" in sheet and b"<v>#CALC!</v>" in sheet
    found = read_firms(path)
    assert _said(found) == [
        ("sheet.formula_error", "E3", {"error": "#SPILL!", "column": "Tenaga Kerja", "field": "workers"})
    ]


def test_an_excel_365_error_outside_the_firm_columns_leaves_the_list_read(make_xlsx: Callable[..., Path]) -> None:
    def build(book: Any, sheet: Any) -> None:
        sheet.write_formula("F2", "=A1+1", None, "#N/A")  # the address: #CALC! below
        sheet.write_formula("G3", "=A2+1", None, "#N/A")  # a helper column beside the list: #SPILL! below

    rows = [HEADER, ["Usaha A", "penggerak", None, "Ya", 4, "Jl. 1"], ["Usaha B", "binaan", "Usaha A", None, 3]]
    path = make_xlsx({"Daftar UMKM": rows}, build=build)
    change = lambda xml: xml.replace(b"<v>#N/A</v>", b"<v>#CALC!</v>", 1).replace(b"<v>#N/A</v>", b"<v>#SPILL!</v>")  # noqa: E731
    found = read_firms(_changed(path, "xl/worksheets/sheet1.xml", change))
    assert found.errors == ()
    assert [firm["name"] for firm in found.firms] == ["Usaha A", "Usaha B"]


def test_only_the_error_values_calamine_cannot_read_are_rewritten() -> None:
    from ovop_assess.sheets.cell_errors import readable_errors

    xml = (
        b'<c r="A1" t="e"><f>X()</f><v>#SPILL!</v></c>'
        b'<c r="B1" t="e"><v>#N/A</v></c>'  # read by calamine as it is
        b'<c r="C1" t="str"><f>"#SPILL!"</f><v>#SPILL!</v></c>'  # a text, not an error: kept
        b'<c r="D1" t="e"><v>#GETTING_DATA</v></c>'
    )
    assert readable_errors(xml) == (
        b'<c r="A1" t="e"><f>X()</f><v>#N/A</v></c>'
        b'<c r="B1" t="e"><v>#N/A</v></c>'
        b'<c r="C1" t="str"><f>"#SPILL!"</f><v>#SPILL!</v></c>'
        b'<c r="D1" t="e"><v>#N/A</v></c>'
    )
    assert readable_errors(b'<c r="B1" t="e"><v>#N/A</v></c><c r="C1"><v>1</v></c>') is None


def test_a_text_of_many_hashes_after_brackets_is_looked_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``>#>#…`` in a cell's text: each ``#`` once searched back to the text's start (17 s for a 7 KB file)."""
    from ovop_assess.sheets import cell_errors

    xml = (
        b'<row r="2"><c r="G2" t="inlineStr"><is><t>' + b">#" * 50_000 + b'</t></is></c><c r="H2" t="e"><v>#N/A</v></c>'
    )
    calls = 0
    looked = cell_errors._error_at

    def counted(data: bytes, at: int) -> object:
        nonlocal calls
        calls += 1
        return looked(data, at)

    monkeypatch.setattr(cell_errors, "_error_at", counted)
    assert xlsx_errors(xml) == {(1, 7): CellError("#N/A", False)}
    assert calls == 2


def test_a_cell_named_twice_is_placed_where_calamine_places_it() -> None:
    assert xlsx_errors(b'<c r="G3" r="E3" t="e"><v>#SPILL!</v></c>') == {(2, 4): CellError("#SPILL!", False)}


def test_the_copy_reads_a_member_named_many_times_once(make_xlsx: Callable[..., Path]) -> None:
    """A name repeated in the archive, its last entry 20 MiB: the copy made for an Excel 365 error holds it once,
    deflated, never once per entry (a 106 KB file took 3 GB so)."""
    import tracemalloc

    rows = [HEADER, ["Usaha A", "penggerak", None, "Ya", 4, "Jl. 1"]]
    path = make_xlsx({"Daftar UMKM": rows}, build=lambda book, sheet: sheet.write_formula("G2", "=A1", None, "#N/A"))
    path = _changed(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"<v>#N/A</v>", b"<v>#SPILL!</v>"))
    with zipfile.ZipFile(path, "a") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile's "Duplicate name": the point of the file
        for _ in range(4):
            archive.writestr("xl/media/image1.bin", b"x")
        archive.writestr("xl/media/image1.bin", bytes(20 << 20), compress_type=zipfile.ZIP_DEFLATED)
    tracemalloc.start()
    try:
        found = read_firms(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found.errors == () and found.firms[0]["name"] == "Usaha A"
    assert peak < 12 << 20, peak


def test_an_error_cell_carries_its_firms_field_path_and_column(make_xlsx: Callable[..., Path]) -> None:
    """The sheet is refused, but the cell is placed as a read sheet places it: its firm counted past the empty
    rows and the rows that are no firm (a note below the list), its field and the column's header named."""

    def build(book: Any, sheet: Any) -> None:
        sheet.write_formula("C5", '=VLOOKUP("x",A1:A2,1,FALSE)', None, "#N/A")
        sheet.write_formula("E7", "=1/0", None, "#DIV/0!")  # a firm with a role and no name yet: a firm all the same

    rows = [
        HEADER,
        ["Usaha A", "penggerak"],
        [],  # an empty row: no firm
        [None, None, None, None, None, "catatan"],  # only the address: no firm
        ["Usaha B", "binaan"],
        ["Usaha C", "binaan"],
        [None, "anggota"],
    ]
    found = read_firms(make_xlsx({"Daftar UMKM": rows}, build=build))
    said = [(f.message.id, f.location.path, f.location.line, f.location.column) for f in found.errors if f.location]
    assert said == [("sheet.formula_error", "firms[1].mentor", 5, 3), ("sheet.formula_error", "firms[3].workers", 7, 5)]
    assert render(found.errors[0].message, "id") == (
        "rumus di sel Pembina (mentor) menghasilkan kesalahan #N/A sehingga sel tidak bernilai; perbaiki rumusnya "
        "atau ketik nilainya"
    )
