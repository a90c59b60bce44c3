"""Formula results in an .xls as spreadsheet programs save them: text, TRUE/FALSE, errors, and the 0 that
LibreOffice saves for a text result it has not computed since the file was opened (what every file it
converts holds). xlwt saves no result at all, so each formula's records are written here with the result
a program saves and the records it writes after the formula (STRING, SHRFMLA, CONTINUE)."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import xlwt  # type: ignore[import-untyped]

from ovop_assess.messages import render
from ovop_assess.sheets import cell_name, read_firms
from ovop_assess.sheets.xls_extent import walk

ZERO = bytes(8)  # the number 0: what LibreOffice saves for a text result it did not compute again
TEXT_RESULT = b"\x00" + bytes(5) + b"\xff\xff"  # a text result, held by the STRING record that follows


def _number(value: float) -> bytes:
    return struct.pack("<d", value)


def _boolean(value: bool) -> bytes:
    return bytes([1, 0, value]) + bytes(3) + b"\xff\xff"


def _error(code: int) -> bytes:
    return bytes([2, 0, code]) + bytes(3) + b"\xff\xff"


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _tokens(formula: str | bytes) -> bytes:
    """A formula's tokens with their size first, as a FORMULA record holds them (xlwt compiles a text)."""
    return xlwt.Formula(formula).rpn() if isinstance(formula, str) else struct.pack("<H", len(formula)) + formula


def _formula(row: int, column: int, formula: str | bytes, result: bytes) -> bytes:
    """A FORMULA record: the cell, its format (15, the default), the saved result, flags, then the tokens."""
    return _record(0x0006, struct.pack("<HHH", row, column, 15) + result + bytes(6) + _tokens(formula))


def _string(text: str, wide: bool = False) -> bytes:
    """A STRING record: a formula's text result, in one byte a character or two (UTF-16)."""
    return _record(0x0207, struct.pack("<HB", len(text), wide) + text.encode("utf-16-le" if wide else "latin-1"))


def _shared(first: tuple[int, int], last_row: int, formula: str) -> bytes:
    """A SHRFMLA record: the range's rows and column, then the formula its cells share."""
    return _record(0x04BC, struct.pack("<HHBBBB", first[0], last_row, first[1], first[1], 0, 2) + _tokens(formula))


def _array(first: tuple[int, int], formula: str) -> bytes:
    """An ARRAY record: the range (one cell here), flags and a word unused, then the array formula."""
    return _record(0x0221, struct.pack("<HHBBHI", first[0], first[0], first[1], first[1], 0, 0) + _tokens(formula))


def _shares(row: int, column: int) -> bytes:
    """The tokens of a cell of a shared range: a ptgExp naming the range's first cell."""
    return struct.pack("<BHH", 0x01, row, column)


class _Records:
    """Cell records written as given where xlwt writes a cell."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def get_biff_data(self) -> bytes:
        return self.data


def _put(sheet: Any, row: int, column: int, records: bytes) -> None:
    sheet.write(row, column, "")  # a blank cell first, so that the row and the sheet's dimensions count it
    sheet._cell_overwrite_ok = True
    sheet.row(row).insert_cell(column, _Records(records))


def _cells(findings: Any) -> list[str]:
    return [cell_name(f.location.line, f.location.column) for f in findings]


HEADER = ["Nama Usaha", "Peran", "Pembina", "NIB", "Tenaga Kerja", "Alamat"]
ROWS = [
    HEADER,
    ["Batik Laweyan", "penggerak", None, "0812000000001", 4, "Jl. Sidoluhur 1"],
    ["Batik Rumus", "binaan", "Batik Laweyan", "0812000000002", 3, "Jl. Sidoluhur 2"],
    ["Batik Binaan", "binaan", "Batik Laweyan", "0812000000003", 2, "Jl. Sidoluhur 3"],
]


def _sheet(make_xls: Callable[..., Path], formulas: dict[tuple[int, int], bytes], rows: Any = None) -> Path:
    """The firm list with the cells of ``formulas`` written as those records (0-based row and column)."""
    rows = [list(row) for row in (rows or ROWS)]
    for row, column in formulas:
        rows[row][column] = None

    def build(sheet: Any) -> None:
        if sheet.name == "Daftar":
            for (row, column), records in formulas.items():
                _put(sheet, row, column, records)

    return make_xls({"Daftar": rows}, build=build)


def test_a_text_result_libreoffice_saved_as_0_is_refused_at_its_cell(make_xls: Callable[..., Path]) -> None:
    """LibreOffice writes 0 where the text result goes, and no STRING record: the text is not in the file.
    calamine reads the 0, which became the name '0', the role '0' and a NIB stored as a number."""
    path = _sheet(
        make_xls,
        {
            (1, 3): _formula(1, 3, '"0812"&"000000099"', ZERO),  # a NIB
            (2, 0): _formula(2, 0, 'CONCATENATE("Batik ","Rumus")', ZERO),  # a name
            (3, 1): _formula(3, 1, '"Bin"&"aan"', ZERO),  # a role
            (3, 2): _formula(3, 2, "A2", ZERO),  # a mentor naming the champion's cell: text, or a real 0?
            (3, 5): _formula(3, 5, '"Jl. "&"Sidoluhur 3"', ZERO),  # an address: not a firm column
        },
    )
    found = read_firms(path)
    assert found.firms == ()
    assert [f.message.id for f in found.errors] == ["sheet.xls_formula_text_lost"] * 4
    assert _cells(found.errors) == ["D2", "A3", "B4", "C4"]
    shown = render(found.errors[0].message)
    assert "saved the result of this cell's formula as 0, as LibreOffice does" in shown
    assert "save the workbook as .xlsx or .ods" in shown
    assert "sebagai 0, seperti yang dilakukan LibreOffice" in render(found.errors[0].message, "id")


def test_a_shared_text_formula_saved_as_0_is_refused_in_every_cell(make_xls: Callable[..., Path]) -> None:
    """A formula filled down is one SHRFMLA record after the range's first cell; each cell names it."""
    path = _sheet(
        make_xls,
        {
            (2, 0): _formula(2, 0, _shares(2, 0), ZERO) + _shared((2, 0), 3, '"Batik "&F3'),
            (3, 0): _formula(3, 0, _shares(2, 0), ZERO),
        },
    )
    found = read_firms(path)
    assert [f.message.id for f in found.errors] == ["sheet.xls_formula_text_lost"] * 2
    assert _cells(found.errors) == ["A3", "A4"]


def test_a_text_formula_saved_as_0_outside_the_firm_columns_is_left_alone(make_xls: Callable[..., Path]) -> None:
    path = _sheet(make_xls, {(1, 5): _formula(1, 5, '"Jl. "&"Sidoluhur 1"', ZERO)})
    found = read_firms(path)
    assert found.errors == () and [firm["name"] for firm in found.firms] == [row[0] for row in ROWS[1:]]


def test_a_header_saved_as_0_is_refused_at_its_cell(make_xls: Callable[..., Path]) -> None:
    """A header is text: a column named by a formula LibreOffice saved as 0 would be a column named 0."""
    found = read_firms(_sheet(make_xls, {(0, 5): _formula(0, 5, '"Ala"&"mat"', ZERO)}))
    assert [f.message.id for f in found.errors] == ["sheet.xls_formula_text_lost"] and _cells(found.errors) == ["F1"]


def test_a_text_formula_saved_as_0_on_another_sheet_is_left_alone(make_xls: Callable[..., Path]) -> None:
    def build(sheet: Any) -> None:
        if sheet.name == "Lama":
            _put(sheet, 1, 0, _formula(1, 0, '"Batik "&"Lama"', ZERO))

    path = make_xls({"Daftar": ROWS, "Lama": [HEADER, [None, "anggota"]]}, build=build)
    assert read_firms(path).errors == ()
    assert [f.message.id for f in read_firms(path, sheet="Lama").errors] == ["sheet.xls_formula_text_lost"]


@pytest.mark.parametrize(
    ("formula", "result", "read"),
    [
        ("2*2", _number(4), 4),  # a number result, as every program saves it
        ("0*5", ZERO, 0),  # a formula that gives only numbers: its 0 is a real one
        ("LEN(A2)", ZERO, 0),
        ("SUM(E3:E4)", ZERO, 0),
        ("VLOOKUP(A2,A1:E4,5)", _number(3), 3),  # a look-up's number
    ],
)
def test_a_number_result_is_read(make_xls: Callable[..., Path], formula: str, result: bytes, read: int) -> None:
    found = read_firms(_sheet(make_xls, {(1, 4): _formula(1, 4, formula, result)}))
    assert found.errors == () and found.firms[0]["workers"] == read


def test_a_look_up_s_0_cannot_be_told_from_a_lost_text_and_is_refused(make_xls: Callable[..., Path]) -> None:
    """A look-up gives what it finds: LibreOffice's 0 for a text it found and a real 0 look the same."""
    found = read_firms(_sheet(make_xls, {(1, 4): _formula(1, 4, "VLOOKUP(A2,A1:E4,5)", ZERO)}))
    assert [f.message.id for f in found.errors] == ["sheet.xls_formula_text_lost"] and _cells(found.errors) == ["E2"]


@pytest.mark.parametrize(
    ("result", "read"),
    [
        (_number(1), True),  # LibreOffice: TRUE saved as the number 1, which calamine reads as 1.0
        (ZERO, False),
        (_boolean(True), True),  # a TRUE/FALSE result, as Excel saves it
        (_boolean(False), False),
    ],
)
def test_a_true_or_false_result_is_read(make_xls: Callable[..., Path], result: bytes, read: bool) -> None:
    rows = [[*HEADER, "Bersedia Menjadi Penggerak"], *([*row, None] for row in ROWS[1:])]
    found = read_firms(_sheet(make_xls, {(1, 6): _formula(1, 6, "E2>3", result)}, rows))
    assert found.errors == () and found.firms[0]["willing_to_lead"] is read


def test_text_results_saved_as_excel_saves_them_are_read(make_xls: Callable[..., Path]) -> None:
    """The result in a STRING record after the formula (after a SHRFMLA for the first cell of a shared
    formula), in one byte a character or in UTF-16."""
    path = _sheet(
        make_xls,
        {
            (1, 0): _formula(1, 0, '"Batik "&"Laweyan"', TEXT_RESULT) + _string("Batik Laweyan"),
            (2, 0): _formula(2, 0, _shares(2, 0), TEXT_RESULT) + _shared((2, 0), 3, "F3") + _string("Jl. Rumus"),
            (3, 0): _formula(3, 0, _shares(2, 0), TEXT_RESULT) + _string("Batik Ungu Ñ ∞", wide=True),
            (3, 1): _formula(3, 1, '"Bin"&"aan"', TEXT_RESULT) + _string("Binaan"),
            (2, 3): _formula(2, 3, '"0812"&"000000002"', TEXT_RESULT) + _string("0812000000002"),
        },
    )
    found = read_firms(path)
    assert found.errors == ()
    assert [firm["name"] for firm in found.firms] == ["Batik Laweyan", "Jl. Rumus", "Batik Ungu Ñ ∞"]
    assert found.firms[2]["role"] == "mentee" and found.firms[1]["nib"] == "0812000000002"


def _long_string(text: str, split: int, declared: int | None = None) -> bytes:
    """A STRING record of ``text`` whose first ``split`` characters (one byte each) fill the record and
    the rest go on in a CONTINUE record, in UTF-16 there: as Excel and LibreOffice write a long text."""
    first = struct.pack("<HB", declared or len(text), 0) + text[:split].encode("latin-1")
    return _record(0x0207, first) + _record(0x003C, b"\x01" + text[split:].encode("utf-16-le"))


def test_a_text_result_going_on_in_a_continue_record_is_read_whole(make_xls: Callable[..., Path]) -> None:
    """calamine keeps the characters of the STRING record alone (8,221 at most): the walk reads the rest."""
    name = "Batik " + "é" * 8215 + "Ω" * 779
    path = _sheet(make_xls, {(1, 0): _formula(1, 0, '"Batik "&"Panjang"', TEXT_RESULT) + _long_string(name, 8221)})
    found = read_firms(path)
    assert found.errors == () and found.firms[0]["name"] == name


def test_a_text_result_its_records_end_before_is_refused_at_its_cell(make_xls: Callable[..., Path]) -> None:
    name = "Batik " + "é" * 8215 + "Ω" * 10
    records = _formula(1, 0, '"Batik "&"Panjang"', TEXT_RESULT) + _long_string(name, 8221, declared=9000)
    found = read_firms(_sheet(make_xls, {(1, 0): records}))
    assert [f.message.id for f in found.errors] == ["sheet.xls_text_unreadable"] and _cells(found.errors) == ["A2"]


def test_an_error_result_is_refused_at_its_cell(make_xls: Callable[..., Path]) -> None:
    """calamine reads an error result as an empty cell: a mentor left out, a count missing."""
    path = _sheet(
        make_xls,
        {
            (2, 2): _formula(2, 2, "VLOOKUP(A3,A1:C2,1)", _error(0x2A)),
            (3, 4): _formula(3, 4, "1/0", _error(0x07)),
            (1, 5): _formula(1, 5, "1/0", _error(0x07)),  # an address: not a firm column
        },
    )
    found = read_firms(path)
    assert [f.message.id for f in found.errors] == ["sheet.formula_error"] * 2
    assert _cells(found.errors) == ["C3", "E4"]
    assert [f.message.values for f in found.errors] == [
        {"error": "#N/A", "column": "Pembina", "field": "mentor"},
        {"error": "#DIV/0!", "column": "Tenaga Kerja", "field": "workers"},
    ]
    assert [f.location.path for f in found.errors if f.location is not None] == ["firms[1].mentor", "firms[2].workers"]
    assert render(found.errors[0].message) == (
        "the Pembina (mentor) cell's formula gives the error #N/A, so the cell has no value; correct the formula "
        "or type the value"
    )


def test_a_sheet_refused_at_its_cells_is_named_as_the_workbook_names_it(make_xls: Callable[..., Path]) -> None:
    """Every finding names the file, the sheet and the cell: the sheet read is named when the reader refuses
    it at a cell too, the first one when none was asked for, and as the workbook spells it when asked for
    otherwise (as a sheet read is)."""
    path = _sheet(make_xls, {(2, 4): _formula(2, 4, "1/0", _error(0x07))})
    for asked in (None, " daftar"):
        found = read_firms(path, sheet=asked)
        assert found.sheet == "Daftar" and _cells(found.errors) == ["E3"]
    assert read_firms(path, sheet="Lain").sheet == "Lain"  # no such sheet: named as asked for, to say so


def _stream(*sheet: bytes, version: int = 0x0600) -> bytes:
    """A Workbook stream of one sheet holding ``sheet``'s records, its BOF of BIFF ``version``."""
    bof = _record(0x0809, struct.pack("<HH", version, 0x10) + bytes(12))
    sheet_at = len(bof + _record(0x0085, bytes(10)) + _record(0x000A, b""))
    listed = _record(0x0085, struct.pack("<I", sheet_at) + b"\x00\x00\x02\x00ab")
    globals_ = _record(0x0809, struct.pack("<HH", 0x0600, 0x05) + bytes(12)) + listed + _record(0x000A, b"")
    return globals_ + bof + b"".join(sheet) + _record(0x000A, b"")


def test_the_walk_finds_what_each_formula_saved() -> None:
    long_text = "a" * 5 + "Ω" * 3 + "b" * 4
    stream = _stream(
        _formula(0, 0, '"a"&"b"', TEXT_RESULT) + _record(0x0236, bytes(16)) + _string("ab"),  # after a TABLE
        _formula(1, 0, _shares(1, 0), TEXT_RESULT) + _array((1, 0), '"a"&"b"') + _string("ab"),
        _formula(2, 0, '"a"&"b"', TEXT_RESULT) + _record(0x0208, bytes(16)) + _string("ab"),  # a ROW between
        _formula(3, 0, '"a"&"b"', TEXT_RESULT)  # a long text: one byte, two, then one a character again
        + _record(0x0207, struct.pack("<HB", 12, 0) + b"aaaaa")
        + _record(0x003C, b"\x01" + "ΩΩΩ".encode("utf-16-le"))
        + _record(0x003C, b"\x00bbbb"),
        _formula(4, 0, "1/0", _error(0x07)),
        _formula(5, 0, '"a"&"b"', ZERO) + _formula(5, 1, "1=1", _number(1)) + _formula(5, 2, "2*2", _number(4)),
        _formula(6, 0, _shares(6, 0), ZERO) + _shared((6, 0), 7, '"a"&B7'),
    )
    found = walk(stream)
    saved = found.saved_of(0)
    assert found.formulas_of(0) == {(2, 0)}  # a text result with no STRING after it: not saved
    assert saved.long_texts == {(3, 0): long_text} and saved.errors == {(4, 0): 0x07}
    assert saved.numbers == {
        (5, 0): (False, _tokens('"a"&"b"')[2:]),
        (5, 1): (True, _tokens("1=1")[2:]),
        (6, 0): (False, _shares(6, 0)),
    }
    assert saved.shared == {(1, 0): _tokens('"a"&"b"')[2:], (6, 0): _tokens('"a"&B7')[2:]}
    biff5 = walk(_stream(_formula(5, 0, '"a"&"b"', ZERO), version=0x0500)).saved_of(0)
    assert biff5.numbers == {(5, 0): (False, None)}  # BIFF5 tokens differ: not read


EMPTY_TEXT = b"\x03" + bytes(5) + b"\xff\xff"  # the empty text: Excel's result for a formula giving "", xlwt's for any
PEMBINA = 'IF(B{row}="binaan","Batik Laweyan","")'


def test_a_saved_empty_text_reads_as_empty_where_the_sheet_was_computed(make_xls: Callable[..., Path]) -> None:
    """=IF(Peran="binaan";"Batik Laweyan";"") as Excel saves it: "" (type 3) for the champion, the name (a
    STRING record) for each mentee. The empty text is a result saved, not one missing (an adversarial review:
    the error said to save the file again in Excel, which changed nothing)."""
    mentee = TEXT_RESULT
    path = _sheet(
        make_xls,
        {
            (1, 2): _formula(1, 2, PEMBINA.format(row=2), EMPTY_TEXT),
            (2, 2): _formula(2, 2, PEMBINA.format(row=3), mentee) + _string("Batik Laweyan"),
            (3, 2): _formula(3, 2, PEMBINA.format(row=4), mentee) + _string("Batik Laweyan"),
        },
    )
    found = read_firms(path)
    assert not found.errors
    assert [firm.get("mentor") for firm in found.firms] == [None, "Batik Laweyan", "Batik Laweyan"]


@pytest.mark.parametrize(
    ("formula", "others_computed"),
    [
        (PEMBINA.format(row=2), False),  # every formula's result the empty text: nothing computed (xlwt)
        ('"Batik "&"Laweyan"', True),  # no "" in it: it cannot give the empty text
        ("ROW()-1", True),  # a number
    ],
    ids=["nothing-computed", "no-empty-constant", "a-number"],
)
def test_a_saved_empty_text_no_program_would_save_is_a_formula_without_its_result(
    make_xls: Callable[..., Path], formula: str, others_computed: bool
) -> None:
    """xlwt, as a script that computes nothing, saves the empty text for every formula: taken so where nothing
    in the sheet was computed, or where the formula cannot give "" (the tool's own reading)."""
    formulas = {(1, 2): _formula(1, 2, formula, EMPTY_TEXT)}
    if others_computed:
        formulas[(2, 2)] = _formula(2, 2, PEMBINA.format(row=3), TEXT_RESULT) + _string("Batik Laweyan")
    found = read_firms(_sheet(make_xls, formulas))
    assert [f.message.id for f in found.errors] == ["sheet.formula_no_value"]
    assert _cells(found.errors) == ["C2"]
