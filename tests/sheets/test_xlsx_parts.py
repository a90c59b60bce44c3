"""The member calamine reads for an .xlsx sheet, found as calamine finds it (an adversarial review's files)."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from ovop_assess.sheets import read_firms
from ovop_assess.sheets.xlsx_parts import Ambiguous, sheet_part

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


SMALL = (
    f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{_cell("A1", "Nama Usaha")}{_cell("B1", "Peran")}</row>'
    f'<row r="2">{_cell("A2", "Usaha A")}{_cell("B2", "penggerak")}</row></sheetData></worksheet>'
)
FAR = SMALL.replace("</sheetData>", f'<row r="1048576">{_cell("XFD1048576", "x")}</row></sheetData>')


def _relationship(rid: str, target: str, tag: str = "Relationship") -> str:
    return f'<{tag} Id="{rid}" Type="{RELS}/worksheet" Target="worksheets/{target}"/>'


def _workbook(path: Path, sheets: str, rels: str, namespaces: str, book_extra: str = "") -> Path:
    """A workbook of two members, ``small.xml`` (a firm) and ``far.xml`` (a firm and a cell at XFD1048576)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE}"><Relationship Id="r" Type="{RELS}/officeDocument"'
            ' Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml", f'<workbook xmlns="{MAIN}" {namespaces}><sheets>{sheets}</sheets>{book_extra}</workbook>'
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PACKAGE}" xmlns:o="urn:o">{rels}</Relationships>'
        )
        archive.writestr("xl/worksheets/small.xml", SMALL)
        archive.writestr("xl/worksheets/far.xml", FAR)
    return path


NAMESPACES = f'xmlns:r="{RELS}" xmlns:o="urn:o"'
TRICKS = {
    # a <sheet> of a foreign namespace listed first: calamine lists it (by its local name), a parse by namespace not
    "foreign sheet first": (
        '<o:sheet name="Big" sheetId="2" r:id="rId2"/><sheet name="S" sheetId="1" r:id="rId1"/>',
        _relationship("rId1", "small.xml") + _relationship("rId2", "far.xml"),
        NAMESPACES,
    ),
    # a second Relationship of one Id, in a foreign namespace: calamine keeps the last one
    "one Id twice": (
        '<sheet name="S" sheetId="1" r:id="rId1"/>',
        _relationship("rId1", "small.xml") + _relationship("rId1", "far.xml", "o:Relationship"),
        NAMESPACES,
    ),
    # the prefix r: bound to another namespace, x: to the relationships one: calamine reads the literal r:id
    "r:id of another namespace": (
        '<sheet name="S" sheetId="1" x:id="rId1" r:id="rId2"/>',
        _relationship("rId1", "small.xml") + _relationship("rId2", "far.xml"),
        f'xmlns:x="{RELS}" xmlns:r="urn:o"',
    ),
}


@pytest.mark.parametrize("trick", TRICKS)
def test_the_member_calamine_reads_is_the_one_checked(tmp_path: Path, trick: str) -> None:
    """Each file aborted the process in calamine (exit 134, no message) before: now refused, in a child too."""
    path = _workbook(tmp_path / "daftar.xlsx", *TRICKS[trick])
    found = read_firms(path)
    assert not found.firms and [e.message.id for e in found.errors] in (["sheet.too_many_rows"], ["sheet.corrupt"])
    # The whole command, where an abort would end the process: a located refusal, exit 3.
    command = [sys.executable, "-m", "ovop_assess", "import", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 3 and "Traceback" not in done.stderr, done.stderr


def test_a_well_formed_workbook_gives_its_own_members() -> None:
    book = f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId7"/>'
    book += '<sheet name="Kedua" sheetId="2" r:id="rId8"/></sheets></workbook>'
    rels = f'<Relationships xmlns="{PACKAGE}">' + _relationship("rId7", "sheet1.xml")
    rels += '<Relationship Id="rId8" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId9" Target="xl/x.xml"/>'
    rels += "</Relationships>"
    assert sheet_part(book.encode(), rels.encode(), ["A & B", "Kedua"], 0) == "xl/worksheets/sheet1.xml"
    assert sheet_part(book.encode(), rels.encode(), ["A & B", "Kedua"], 1) == "xl/worksheets/sheet2.xml"
    with pytest.raises(Ambiguous):  # a sheet calamine does not list (or lists otherwise): not certain which is which
        sheet_part(book.encode(), rels.encode(), ["Kedua"], 0)


def test_a_sheet_tag_inside_a_comment_makes_the_list_uncertain() -> None:
    """quick-xml skips a comment; the scan does not: a list that differs from calamine's is refused, never shifted."""
    book = f'<workbook xmlns:r="{RELS}"><sheets><!-- <sheet name="X" r:id="rId2"/> --><sheet name="S" r:id="rId1"/>'
    rels = _relationship("rId1", "small.xml")
    with pytest.raises(Ambiguous):
        sheet_part(book.encode(), rels.encode(), ["S"], 0)
    assert sheet_part(book.replace("<!-- ", "").replace(" -->", "").encode(), rels.encode(), ["X", "S"], 1)


def test_a_long_workbook_part_is_scanned_without_a_tree() -> None:
    """30 million empty elements in workbook.xml took ElementTree 2.9 GB; the scan holds none of them."""
    filler = b"<x/>" * 2_000_000  # 8 MB
    book = f'<workbook xmlns:r="{RELS}"><sheets><sheet name="S" r:id="rId1"/></sheets><extLst>'.encode()
    book += filler + b"</extLst></workbook>"
    tracemalloc.start()
    try:
        assert sheet_part(book, _relationship("rId1", "small.xml").encode(), ["S"], 0) == "xl/worksheets/small.xml"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, peak


def _members(path: Path, members: list[tuple[str, str]]) -> Path:
    """An archive of these members as given (a name twice, in another case or with ``\\``, is written so)."""
    import warnings

    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as archive:
        warnings.simplefilter("ignore")  # (zipfile warns of a name written twice: the point here)
        for name, text in members:
            archive.writestr(name, text)
    return path


BOOK = (
    f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
BOOK_RELS = f'<Relationships xmlns="{PACKAGE}">{_relationship("rId1", "sheet1.xml")}</Relationships>'
ROOT_RELS = (
    f'<Relationships xmlns="{PACKAGE}"><Relationship Id="r" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


@pytest.mark.parametrize(
    "members",
    [
        # calamine takes the last member of a name in any case or with "\": here the far one, after the exact name
        [("xl/worksheets/sheet1.xml", SMALL), ("XL/worksheets/sheet1.xml", FAR)],
        [("xl/worksheets/sheet1.xml", SMALL), ("xl\\worksheets\\sheet1.xml", FAR)],
        [("xl/worksheets/sheet1.xml", FAR), ("xl/worksheets/sheet1.xml", SMALL)],  # one exact name twice
        # the same with the sheet list and the relationships: a decoy naming another member
        [("xl/worksheets/sheet1.xml", SMALL), ("XL/Workbook.xml", BOOK)],
        [("xl/worksheets/sheet1.xml", SMALL), ("xl\\_rels\\workbook.xml.rels", BOOK_RELS)],
    ],
    ids=["case", "backslash", "twice", "workbook", "relationships"],
)
def test_a_member_named_twice_in_any_case_or_slash_is_a_damaged_file(
    tmp_path: Path, members: list[tuple[str, str]]
) -> None:
    """Each aborted the process in calamine (a second adversarial review): the checks took the exact name."""
    base = [("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", BOOK), ("xl/_rels/workbook.xml.rels", BOOK_RELS)]
    path = _members(tmp_path / "daftar.xlsx", [*base, *members])
    assert [e.message.id for e in read_firms(path).errors] == ["sheet.corrupt"]


@pytest.mark.parametrize(
    ("book", "rels"),
    [
        # quick-xml ends a name only at a space and splits it at its first colon: <a=b:sheet> is a sheet to it
        ('<sheet\x0cx="" name="S" r:id="rId1"/><a=b:sheet name="S" r:id="rId2"/>', None),
        ('<a/b:sheet name="S" r:id="rId2"/>', None),
        ('<sheet name="S" r:id="rId1"/>', '<a=b:Relationship Id="rId1" Target="worksheets/far.xml"/>'),
        # a code review's: an empty prefix, a form feed or a "<" in one, a quoted stretch holding ">"
        ('<sheet name="S" r:id="rId1"/>', '<:Relationship Id="rId1" Target="worksheets/far.xml"/>'),
        ('<sheet name="S" r:id="rId1"/>', '<a\x0cb:Relationship Id="rId1" Target="worksheets/far.xml"/>'),
        ('<sheet name="S" r:id="rId1"/>', '<a</b:Relationship Id="rId1" Target="worksheets/far.xml"/>'),
        ('<!--<sheet name="S" r:id="rId1"/>--><:sheet name="S" r:id="rId2"/>', None),
        ('<a"x>y"b:sheet name="S" r:id="rId2"/>', None),
    ],
    ids=[
        "a=b: sheet",
        "a/b: sheet",
        "a=b: relationship",
        ": relationship",
        "form feed: relationship",
        "a</b: relationship",
        "comment, then : sheet",
        "quoted name",
    ],
)
def test_a_tag_of_an_odd_prefix_makes_the_lists_uncertain(book: str, rels: str | None) -> None:
    """The scan's prefix took name characters only and missed these; calamine read far.xml (an abort)."""
    listed = f'<workbook xmlns:r="{RELS}"><sheets>{book}</sheets></workbook>'.encode()
    relationships = _relationship("rId1", "small.xml") + _relationship("rId2", "far.xml") + (rels or "")
    with pytest.raises(Ambiguous):
        sheet_part(listed, relationships.encode(), ["S"], 0)


def test_a_reference_of_thousands_of_digits_is_read_without_an_error() -> None:
    """int() refuses 4,300 digits: "&#000…065;" in a sheet's name was an internal error (a code review). Its
    leading zeros are passed over, as quick-xml does ("A"); past U+10FFFF it is left as written, and a name
    that then differs from calamine's makes the file refused as damaged."""
    rels = _relationship("rId1", "small.xml").encode()
    book = f'<workbook xmlns:r="{RELS}"><sheets><sheet name="&#{"0" * 5000}65;" r:id="rId1"/></sheets></workbook>'
    assert sheet_part(book.encode(), rels, ["A"], 0) == "xl/worksheets/small.xml"
    huge = book.replace("0" * 5000 + "65", "9" * 5000)
    with pytest.raises(Ambiguous):
        sheet_part(huge.encode(), rels, ["A"], 0)


@pytest.mark.parametrize("prefix", ["a=b:", ":", "a\x0cb:", "a</b:"])
def test_a_far_cell_of_an_odd_prefix_is_no_plain_tag(prefix: str) -> None:
    """After a cell without r (the walk placing cells then decides alone), ``<:c r="XFD1048576">`` went uncounted
    and calamine allocated its rectangle (a code review: an abort)."""
    from ovop_assess.sheets.xlsx_positions import Unreadable, placed_extent

    rows = f'<row r="1"><c><v>1</v></c><{prefix}c r="XFD1048576"><v>1</v></{prefix}c></row>'
    with pytest.raises(Unreadable):
        placed_extent(rows.encode())


def test_rows_and_cells_of_an_odd_prefix_are_no_plain_tags(tmp_path: Path) -> None:
    """60,000 rows <a=b:row><a=b:c> under a header reaching XFD1: calamine placed each (an abort), the walk
    placing cells without r saw none of them. Now the sheet is refused as damaged, as any tag it cannot read."""
    from ovop_assess.sheets.xlsx_positions import Unreadable, placed_extent

    rows = (
        '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>' + "<a=b:row><a=b:c><v>1</v></a=b:c></a=b:row>"
    )
    with pytest.raises(Unreadable):
        placed_extent(rows.encode())
    sheet = SMALL.replace("</sheetData>", "<a=b:row><a=b:c><v>1</v></a=b:c></a=b:row>" * 3 + "</sheetData>")
    base = [("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", BOOK), ("xl/_rels/workbook.xml.rels", BOOK_RELS)]
    path = _members(tmp_path / "daftar.xlsx", [*base, ("xl/worksheets/sheet1.xml", sheet)])
    assert [e.message.id for e in read_firms(path).errors] == ["sheet.corrupt"]


def test_two_sheets_of_one_name_are_a_damaged_file(tmp_path: Path) -> None:
    """A hidden "Firms" before a visible "Firms": the visible one was chosen, calamine read the first of the
    name, and the hidden sheet's firms were printed under a warning that they were skipped."""
    book = f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets><sheet name="S" state="hidden" r:id="rId1"/>'
    book += '<sheet name="S" r:id="rId2"/></sheets></workbook>'
    rels = f'<Relationships xmlns="{PACKAGE}">' + _relationship("rId1", "small.xml")
    rels += _relationship("rId2", "other.xml") + "</Relationships>"
    members = [("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", rels)]
    members += [("xl/worksheets/small.xml", SMALL), ("xl/worksheets/other.xml", SMALL.replace("Usaha A", "Usaha B"))]
    [error] = read_firms(_members(tmp_path / "daftar.xlsx", members)).errors
    assert error.message.id == "sheet.corrupt"
    assert error.message.values["reason"].id == "sheet.reason.sheet_named_twice"


@pytest.mark.parametrize("other", ['foo:id="rId2"', 'id="rId2"', 'x:id="rId2"', 'a:b:id="rId2"'])
def test_a_sheet_naming_two_relationships_is_uncertain(other: str) -> None:
    """calamine 0.37 takes ``id`` and any attribute ending ``:id`` for the sheet's relationship, the last one
    deciding: ``r:id="rId1" foo:id="rId2"`` made it read far.xml (a fuzzer's find, an abort)."""
    book = f'<workbook xmlns:r="{RELS}"><sheets><sheet name="S" r:id="rId1" {other}/></sheets></workbook>'
    rels = _relationship("rId1", "small.xml") + _relationship("rId2", "far.xml")
    with pytest.raises(Ambiguous):
        sheet_part(book.encode(), rels.encode(), ["S"], 0)
    # One id, whichever attribute names it, is the one read.
    alone = book.replace('r:id="rId1" ', "")
    assert sheet_part(alone.encode(), rels.encode(), ["S"], 0) == "xl/worksheets/far.xml"


def test_values_in_single_quotes_are_read() -> None:
    """Every value in ' quotes was read as empty: ``r:id='rId2'`` resolved to the relationship of an empty Id,
    and a second ``Id='rId1'`` went unseen (a fuzzer's finds: aborts)."""
    book = f"<workbook xmlns:r='{RELS}'><sheets><sheet name='S' r:id='rId2'/></sheets></workbook>"
    rels = '<Relationship Id="" Target="worksheets/small.xml"/>' + _relationship("rId2", "far.xml")
    assert sheet_part(book.encode(), rels.encode(), ["S"], 0) == "xl/worksheets/far.xml"
    twice = _relationship("rId2", "small.xml") + "<Relationship Id='rId2' Target='worksheets/far.xml'/>"
    with pytest.raises(Ambiguous):
        sheet_part(book.encode(), twice.encode(), ["S"], 0)


def test_a_prefixed_id_or_target_of_a_relationship_is_uncertain() -> None:
    """``x:Id`` or ``x:Target`` beside the plain ones: calamine was not seen to take them, and no file of Excel's
    or LibreOffice's has one; refused rather than counted on."""
    book = f'<workbook xmlns:r="{RELS}"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'
    for odd in ('x:Id="rId1"', 'x:Target="worksheets/far.xml"'):
        rels = f'<Relationship Id="rId1" Target="worksheets/small.xml" {odd}/>'
        with pytest.raises(Ambiguous):
            sheet_part(book.encode(), rels.encode(), ["S"], 0)
