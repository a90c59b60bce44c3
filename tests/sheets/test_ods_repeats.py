"""The .ods byte bound (``ods_repeats``) is never below the exact count (``ods_extent``), the exact count never
below what calamine allocates, and the bound is the same wherever the pieces are cut."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ovop_assess.sheets.expat_walk import Unreadable
from ovop_assess.sheets.ods_extent import allocation
from ovop_assess.sheets.ods_repeats import RepeatScan

_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
    b"<office:automatic-styles>" + b'<style:style style:name="ce1"/>' * 0 + b"</office:automatic-styles>"
    b"<office:body><office:spreadsheet>"
)
_TAIL = b"<table:named-expressions/></office:spreadsheet></office:body></office:document-content>"
_EMPTY_CELLS = b'<table:table-cell table:number-columns-repeated="16374"/>'
_EMPTY_ROWS = (
    b'<table:table-row table:style-name="ro1" table:number-rows-repeated="1048553">'
    b'<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
)
_UNLIMITED = 1 << 62


def _cell(text: str, repeat: int = 1) -> bytes:
    attribute = b' table:number-columns-repeated="%d"' % repeat if repeat > 1 else b""
    return (
        b'<table:table-cell office:value-type="string"'
        + attribute
        + b"><text:p>"
        + text.encode()
        + b"</text:p></table:table-cell>"
    )


def _row(*cells: bytes, repeat: int = 1) -> bytes:
    attribute = b' table:number-rows-repeated="%d"' % repeat if repeat > 1 else b""
    return b'<table:table-row table:style-name="ro1"' + attribute + b">" + b"".join(cells) + b"</table:table-row>"


def _sheet(*rows: bytes, name: str = "D") -> bytes:
    return (
        b'<table:table table:name="'
        + name.encode()
        + b'"><table:table-column table:number-columns-repeated="16384"/>'
        + b"".join(rows)
        + b"</table:table>"
    )


def _content(*sheets: bytes) -> bytes:
    return _HEAD + b"".join(sheets) + _TAIL


def _scan(content: bytes, cuts: list[int] = (), check: list[tuple[int, int]] | None = None) -> RepeatScan:
    scan = RepeatScan(lambda rows, columns: (check if check is not None else []).append((rows, columns)))
    at = 0
    for cut in sorted({min(max(cut, 0), len(content)) for cut in cuts}):
        scan.feed(content[at:cut])
        at = cut
    scan.feed(content[at:])
    scan.close()
    return scan


def _calamine_cells(content: bytes) -> int:
    """What calamine allocates for every sheet: each one's rectangle."""
    import python_calamine

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue()))
    return sum(book.get_sheet_by_name(name).height * book.get_sheet_by_name(name).width for name in book.sheet_names)


def test_a_libreoffice_sheet_is_bounded_tightly_and_its_empty_runs_cost_nothing() -> None:
    empty = b"<table:table-cell/>"
    rows = [_row(_cell(f"Usaha {i}"), _cell("binaan"), empty, _cell("Ya"), _EMPTY_CELLS) for i in range(300)]
    content = _content(_sheet(*rows, _EMPTY_ROWS))
    scan = _scan(content)
    assert scan.bound() is not None and scan.bound() <= 301 * 30
    assert allocation(content, _UNLIMITED) == 300 * 4 == _calamine_cells(content)
    assert not scan.may_have_cells


def test_libreoffice_s_empty_rows_after_a_list_converted_from_xlsx_cost_nothing() -> None:
    # LibreOffice writes the empty rest of such a sheet as a run and one more row, and its conditional formats
    # after the rows; calamine keeps none of it. The pieces may cut anywhere in it.
    last_empty = _row(b'<table:table-cell table:number-columns-repeated="4"/>')
    formats = (
        b'<calcext:conditional-formats><calcext:conditional-format calcext:target-range-address="D.B2:D.B9">'
        b'<calcext:condition calcext:value="duplicate"/></calcext:conditional-format></calcext:conditional-formats>'
    )
    rows = [_row(_cell(f"Usaha {i}"), _cell("binaan")) for i in range(300)]
    content = _content(_sheet(*rows, _EMPTY_ROWS, last_empty, formats), _sheet(_row(_cell("x")), name="Lain"))
    for cuts in ([], list(range(50, len(content), 97))):
        bound = _scan(content, cuts).bound()
        assert bound is not None and bound < 10_000, cuts
    # Not so when a value, or a table (in a cell: its end is not the sheet's), comes after the empty rows.
    for after in (_row(_cell("late")), _row(b'<table:table-cell><table:table table:name="in"/></table:table-cell>')):
        late = _content(_sheet(*rows, _EMPTY_ROWS, after))
        bound = _scan(late, list(range(50, len(late), 97))).bound()
        assert bound is not None and bound > 1_000_000


def test_the_text_calamine_copies_for_each_repeat_is_counted() -> None:
    text = _cell("x" * 1000, repeat=10)  # a 1,000-byte text in 10 columns, in a row repeated 5 times
    content = _content(_sheet(_row(_cell("Nama")), _row(text, repeat=5)))
    # calamine holds the text 50 times: 49 copies more than the content writes, each of 1,000 bytes.
    assert _scan(content).text_bytes() == _scan(content, list(range(100, len(content), 333))).text_bytes()
    assert len(content) + 49 * 1000 <= _scan(content).text_bytes() <= len(content) + 49 * len(text)
    plain = _content(_sheet(*[_row(_cell(f"Usaha {i}"), _EMPTY_CELLS) for i in range(100)], _EMPTY_ROWS))
    assert _scan(plain).text_bytes() == len(plain)  # nothing repeated that holds a value


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # The review's file: a hundred rows repeated 1,000 times, each a value repeated 1,000 columns.
        ([_row(_cell("x", repeat=1000), repeat=1000)] * 100, 100_000 * 1000),
        # No repeat at all: one row of 5,000 cells among 5,000 rows of one cell.
        ([_row(*[_cell("x")] * 5000)] + [_row(_cell("y"))] * 5000, 5001 * 5000),
        # Empty cells repeated before a value: calamine keeps them all.
        ([_row(b'<table:table-cell table:number-columns-repeated="9000"/>', _cell("v"))] * 500, 500 * 9001),
        # A value without a value type, repeated to the row's end: kept, not an empty run.
        ([_row(b'<table:table-cell office:value="1" table:number-columns-repeated="9000"/>')] * 500, 500 * 9000),
        # Empty rows between two rows are kept; only those ending the sheet are not.
        ([_row(*[_cell("x")] * 300), _row(b"<table:table-cell/>", repeat=60_000), _row(_cell("y"))], 60_002 * 300),
    ],
)
def test_what_calamine_would_allocate_is_bounded(rows: list[bytes], expected: int) -> None:
    content = _content(_sheet(*rows))
    bound = _scan(content).bound()
    assert bound is not None and bound >= allocation(content, _UNLIMITED) == expected


def test_a_run_carrying_a_value_is_checked_alone_and_an_empty_one_ending_its_row_is_not() -> None:
    checked: list[tuple[int, int]] = []
    content = _content(
        _sheet(
            _row(_cell("Nama"), b'<table:table-cell office:value-type="float" table:number-columns-repeated="5000"/>'),
            _row(_cell("A"), _cell("anggota"), repeat=2_000_000),
            _row(b"<table:table-cell/>", repeat=3000),
            _row(_cell("B"), _EMPTY_CELLS),
            _EMPTY_ROWS,
        )
    )
    _scan(content, check=checked)
    assert sorted(set(checked)) == [(1, 5000), (2_000_000, 1)]


@pytest.mark.parametrize(
    "odd",
    [
        b"<table:table-row table:number-rows-repeated='1000000'>" + _cell("x") + b"</table:table-row>",
        b'<table:table-row table:number-rows-repeated = "1000000">' + _cell("x") + b"</table:table-row>",
        b'<table:table-row table:number-rows-repeated="&#49;000000">' + _cell("x") + b"</table:table-row>",
        b'<table:table-row table:number-rows-repeated="+1000000">' + _cell("x") + b"</table:table-row>",
        b'<table:table-row table:number-rows-repeated="1' + b"0" * 20 + b'">' + _cell("x") + b"</table:table-row>",
        # A row inside a cell: calamine skips it, and a row end read there would cut the outer row in two.
        _row(
            _cell("a"),
            b'<table:table-cell office:value-type="string"><table:table-row>'
            + _cell("b")
            + b"</table:table-row></table:table-cell>",
            _cell("c"),
        ),
        _row(_cell("a")) + b"<!-- " + _row(_cell("b")) + b" -->",
        _row(_cell("a")) + b"<?pi " + _row(_cell("b")) + b" ?>",
    ],
)
def test_what_the_bytes_cannot_vouch_for_goes_to_the_exact_count(odd: bytes) -> None:
    content = _content(_sheet(_row(_cell("Nama Usaha")), odd))
    assert _scan(content).bound() is None
    assert allocation(content, _UNLIMITED) >= 1


def test_libreoffice_s_page_breaks_row_groups_and_second_sheets_are_read_as_rows() -> None:
    first = _sheet(
        b"<table:table-header-rows>" + _row(_cell("Nama Usaha")) + b"</table:table-header-rows>",
        b"<table:soft-page-break/>" + _row(_cell("a")),
        b'<table:table-row-group table:display="false">' + _row(_cell("b")) + b"</table:table-row-group>",
        _row(_cell("c")),
    )
    content = _content(first, _sheet(_row(_cell("x")), name="Lain"))
    assert _scan(content).bound() is not None
    assert _calamine_cells(content) == allocation(content, _UNLIMITED) == 5


def test_the_exact_count_refuses_a_document_type_and_what_expat_cannot_read() -> None:
    with pytest.raises(Unreadable, match="doctype"):
        allocation(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', _UNLIMITED)
    with pytest.raises(Unreadable, match="damaged"):
        allocation(_content(_sheet(_row(b'<table:table-cell a="</table:table-row>"/>'))), _UNLIMITED)


def test_the_exact_count_stops_once_past_what_is_allowed() -> None:
    content = _content(_sheet(*[_row(_cell("x", repeat=100))] * 1000))
    assert 1000 < allocation(content, 1000) < 100_000 == allocation(content, _UNLIMITED)


_CELLS = st.sampled_from(
    [
        _cell("Usaha"),
        b"<table:table-cell/>",
        _EMPTY_CELLS,
        b'<table:table-cell table:number-columns-repeated="3"/>',
        b'<table:table-cell table:number-columns-repeated="1001"/>',
        _cell("y", repeat=25),
        b'<table:covered-table-cell table:number-columns-repeated="12"/>',
        b'<table:table-cell table:number-columns-repeated="7" office:value-type="float" office:value="2"/>',
        b'<table:table-cell office:value="3"/>',
        b'<table:table-cell table:formula="of:=1"/>',
        b'<table:table-cell table:style-name="ce1" table:number-columns-repeated="40"/>',
        b'<table:table-cell office:value-type="string"><text:p>a</text:p><text:p>b</text:p></table:table-cell>',
        _cell("t" * 5000),  # a long text: its row's cell tags are counted, not its bytes divided
        # Rows inside a cell, which calamine skips (and the bytes cannot tell from the sheet's own).
        b'<table:table-cell office:value-type="float" office:value="1"><table:table-row-group><table:table-row>'
        + _cell("n", repeat=50)
        + b"</table:table-row></table:table-row-group></table:table-cell>",
        b'<table:table-cell office:value-type="string"><table:table table:name="in"><table:table-row>'
        + _cell("m")
        + b"</table:table-row></table:table><text:p>t</text:p></table:table-cell>",
    ]
)


@st.composite
def _contents(draw: st.DrawFn) -> bytes:
    sheets = []
    for number in range(draw(st.integers(1, 2))):
        rows = []
        for _ in range(draw(st.integers(0, 6))):
            row = _row(*draw(st.lists(_CELLS, max_size=5)), repeat=draw(st.sampled_from([1, 1, 2, 30, 1001])))
            between = draw(st.sampled_from([b"", b"", b"<table:soft-page-break/>", b" "]))
            rows.append(between + row)
        if draw(st.booleans()):
            rows.append(_EMPTY_ROWS)
        sheets.append(_sheet(*rows, name=f"S{number}"))
    return _content(*sheets)


@settings(max_examples=200, deadline=None)
@given(_contents(), st.lists(st.integers(0, 4000), max_size=6))
def test_the_bound_holds_and_is_the_same_wherever_the_pieces_are_cut(content: bytes, cuts: list[int]) -> None:
    whole = _scan(content)
    pieces = _scan(content, cuts)
    assert (pieces.bound(), pieces.may_have_cells) == (whole.bound(), whole.may_have_cells)
    assert not whole.unclosed and not pieces.unclosed  # (well-formed: every sheet closed)
    exact = allocation(content, _UNLIMITED)
    assert whole.bound() is None or whole.bound() >= exact
    assert exact >= _calamine_cells(content)


_SHEETS = _sheet(_row(_cell("Nama Usaha")), _row(_cell("Usaha A"))) + _sheet(_row(_cell("x")), name="E")


@pytest.mark.parametrize(
    ("content", "unclosed"),
    [
        (_content(_SHEETS), False),
        (_content(_SHEETS + b'<table:table table:name="F"/>'), False),  # an empty sheet, self-closed
        (_content(_SHEETS + b'<table:table table:name="F"></table:table>'), False),
        (_content(_SHEETS.replace(b"</table:table>", b"</table:tabel>")), True),  # (an adversarial review's)
        (_content(_SHEETS[: _SHEETS.rindex(b"</table:table>")]), True),  # the last sheet's end left out
        (_content(_SHEETS + b'<table:table table:name="F">'), True),
        (_content(_SHEETS.replace(b"</table:table>", b"</table:ta 99999999 ble>")), True),
        (_content(_SHEETS + b'<table:table\ttable:name="F">'), True),  # a tab or CR after the name, as XML allows
        (_content(_SHEETS + b'<table:table\rtable:name="F">'), True),
        (_content(_SHEETS.replace(b"</table:table>", b"</table:table >")), False),  # well-formed: calamine reads it
        (_content(_SHEETS.replace(b"</table:table>", b"</table:table\n>")), False),
    ],
)
def test_a_last_sheet_never_closed_is_found_wherever_the_pieces_are_cut(content: bytes, unclosed: bool) -> None:
    """calamine read on past the content's end of a 1 KB sheet whose end tag was misspelt, and never returned
    (the capped child stopped it after 5 minutes)."""
    for cuts in ([], [len(content) // 3], list(range(0, len(content), 7))):
        assert _scan(content, cuts).unclosed is unclosed
