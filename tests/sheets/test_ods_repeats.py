"""The .ods repeat scan fed in pieces decides as a scan of the whole content does, wherever the pieces are cut."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ovop_assess.sheets.ods_repeats import RepeatScan

_REPEAT = re.compile(rb'number-(rows|columns)-repeated="([0-9]+)"')


def _whole(content: bytes) -> set[tuple[int, int]]:
    """The runs the reader checked when it scanned content.xml in one buffer (its code before the pieces)."""
    checked = set()
    for match in _REPEAT.finditer(content):
        count = int(match.group(2))
        if count <= 1000:
            continue
        end = content.find(b">", match.end())
        closes = content[end - 1 : end] == b"/"
        if match.group(1) == b"columns":
            tag = content[content.rfind(b"<", 0, match.start()) : end]
            if closes and b"value-type" not in tag:
                continue
            checked.add((1, count))
        else:
            row_end = content.find(b"</table:table-row>", end)
            row = content[end:row_end]
            if b"value-type" not in row and b"<text:p" not in row:
                continue
            checked.add((count, 1))
    return checked


def _pieces(content: bytes, cuts: list[int]) -> tuple[set[tuple[int, int]], bool]:
    checked: set[tuple[int, int]] = set()
    scan = RepeatScan(lambda rows, columns: checked.add((rows, columns)))
    at = 0
    for cut in sorted({min(cut, len(content)) for cut in cuts}):
        scan.feed(content[at:cut])
        at = cut
    scan.feed(content[at:])
    scan.close()
    return checked, scan.may_have_cells


_EMPTY_CELLS = b'<table:table-cell table:number-columns-repeated="16374"/>'
_EMPTY_ROWS = (
    b'<table:table-row table:style-name="ro1" table:number-rows-repeated="1048553">'
    b'<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
)


def _cell(text: str) -> bytes:
    return (
        b'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>'
        + text.encode()
        + b"</text:p></table:table-cell>"
    )


def _row(*cells: bytes, repeat: int = 1) -> bytes:
    attribute = b' table:number-rows-repeated="%d"' % repeat if repeat > 1 else b""
    return b'<table:table-row table:style-name="ro1"' + attribute + b">" + b"".join(cells) + b"</table:table-row>"


def _content(*rows: bytes) -> bytes:
    return b'<office:body><table:table table:name="D">' + b"".join(rows) + b"</table:table></office:body>"


def test_libreoffice_s_empty_runs_are_never_checked_in_any_pieces() -> None:
    content = _content(*[_row(_cell(f"Usaha {i}"), _cell("binaan"), _EMPTY_CELLS) for i in range(300)], _EMPTY_ROWS)
    for size in (1, 7, 50, 4096, len(content)):
        assert _pieces(content, list(range(size, len(content), size))) == (set(), False)


def test_runs_that_carry_a_value_are_checked_wherever_the_pieces_cut_them() -> None:
    valued_cells = (
        b'<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="5000"/>'
    )
    text_cells = b'<table:table-cell table:number-columns-repeated="4000"><text:p>x</text:p></table:table-cell>'
    content = _content(
        _row(_cell("Nama Usaha"), valued_cells),
        _row(text_cells),
        _row(_cell("A"), _cell("anggota"), repeat=2_000_000),
        _row(b"<table:table-cell/>", repeat=3000),  # an empty run of rows
        _EMPTY_ROWS,
    )
    expected = {(1, 5000), (1, 4000), (2_000_000, 1)}
    assert _whole(content) == expected
    for cut in range(1, len(content)):
        assert _pieces(content, [cut])[0] == expected, cut
    assert _pieces(content, list(range(3, len(content), 3)))[0] == expected


def test_a_repeated_row_whose_value_comes_pieces_later_is_checked() -> None:
    late = _row(*[b"<table:table-cell/>"] * 2000, _cell("x"), repeat=60_000)
    content = _content(late)
    assert _pieces(content, list(range(100, len(content), 100)))[0] == {(60_000, 1)}


def test_a_merged_range_or_a_formula_is_noticed_across_a_cut() -> None:
    for marker in (b'table:number-columns-spanned="2"', b'table:formula="of:=1+1"', b'table:number-rows-spanned = "2"'):
        content = _content(_row(b"<table:table-cell " + marker + b"/>"))
        at = content.index(marker) + 12
        assert _pieces(content, [at])[1] and _pieces(content, [])[1]


def test_a_tag_whose_start_is_lost_is_checked_as_carrying_a_value() -> None:
    # Only a tag longer than the 64 KiB carried and a piece can lose its start: it is checked, not passed over.
    long_tag = b'<table:table-cell table:style-name="' + b"s" * 200_000 + b'" table:number-columns-repeated="9000"/>'
    content = _content(_row(long_tag))
    assert _whole(content) == set()
    assert _pieces(content, list(range(30_000, len(content), 30_000)))[0] == {(1, 9000)}


_TAGS = st.sampled_from(
    [
        _cell("Usaha"),
        b"<table:table-cell/>",
        _EMPTY_CELLS,
        b'<table:table-cell table:number-columns-repeated="1001"/>',
        b'<table:table-cell office:value-type="string" table:number-columns-repeated="2500"><text:p>y</text:p>'
        b"</table:table-cell>",
        b'<table:covered-table-cell table:number-columns-repeated="1200"/>',
        b'<table:table-cell table:number-columns-repeated="999" office:value-type="float" office:value="2"/>',
        b"<text:p>z</text:p>",
        b'<table:table-cell table:number-columns-repeated="3000" office:value-type="float" office:value="2"/>',
    ]
)


@st.composite
def _sheets(draw: st.DrawFn) -> bytes:
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(_TAGS, max_size=5))
        repeat = draw(st.sampled_from([1, 2, 1000, 1001, 70_000]))
        rows.append(_row(*cells, repeat=repeat))
    return _content(*rows)


@settings(max_examples=300, deadline=None)
@given(_sheets(), st.lists(st.integers(0, 3000), max_size=8))
def test_pieces_decide_as_the_whole_content_does(content: bytes, cuts: list[int]) -> None:
    assert _pieces(content, cuts)[0] == _whole(content)
