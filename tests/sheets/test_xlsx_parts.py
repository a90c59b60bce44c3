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
    rels += f'<Relationship Id="rId8" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId9" Target="xl/x.xml"/>'
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
