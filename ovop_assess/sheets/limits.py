"""What one spreadsheet may cost, and the checks made before a library opens it.

A workbook (``.xlsx``, ``.ods``) is a zip archive: a few kilobytes can claim
gigabytes of XML (a zip bomb), and a single cell far down and right makes a
reader allocate the whole rectangle up to it (calamine's ranges are dense: a
6 KB file with cells in A1 and XFD1048576 aborts the process). So the zip's
central directory is inspected first, and the extent of the sheet's cells
after that, each against a limit that names itself in the refusal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..results import Message


class SheetLimits(NamedTuple):
    """Limits for one spreadsheet. A sentra lists tens to hundreds of firms; these leave ample room."""

    max_bytes: int = 16 * 1024 * 1024
    """Size of the file on disk."""
    max_unpacked_bytes: int = 128 * 1024 * 1024
    """Total size a workbook's archive declares for its unpacked members."""
    max_rows: int = 50_000
    """Rows of the sheet, the header row included."""
    max_cells: int = 1_000_000
    """Rows times columns of the sheet's used rectangle (from A1)."""


class SheetRefused(Exception):
    """A spreadsheet that is not read at all; carries the findings that say why, and the name of the sheet
    they are about once one was chosen (None: the file as a whole, or the sheet asked for, as it was asked)
    with the warnings choosing it gave."""

    def __init__(
        self, findings: tuple[object, ...], sheet: str | None = None, warnings: tuple[object, ...] = ()
    ) -> None:
        super().__init__(len(findings))
        self.findings = findings
        self.sheet = sheet  # the sheet whose cells the findings name, once one was chosen
        self.warnings = warnings
        self.whole_file = False  # about every sheet together (an .xls's total): no sheet named, not even one asked


def counted(suffix: str) -> Message:
    """How the row and cell limits count in a file of this kind (``.xlsx``, ``.xls``, ``.ods``, ``.csv``), the
    ``{counted}`` of their refusals: the catalogue words it per format (``sheet.counted.xls``), since an
    ``.xls`` keeps a cell holding only a format and an ``.xlsx`` or ``.ods`` does not."""
    from ..results import Message

    return Message(f"sheet.counted{suffix}", {})


MOST_MERGED = 10_000
"""Merged ranges a sheet may hold (the tool's own limit, not an option): a firm list has a few (a title, a
heading over two columns). Past it the sheet is refused before its ranges become Python values: 5 million
copies of one ``<mergeCell>`` in a 293 KB file took 4.7 GB and 90 s (an adversarial review)."""


def merged_tags(xml: bytes) -> int:
    """The ``<mergeCell`` tags of an ``.xlsx`` sheet's XML (prefixed or not): one search when there are few (a
    text never holds the word many times), the tags alone, ``<mergeCells`` around them taken away, when many."""
    count = xml.count(b"mergeCell")
    if count > MOST_MERGED:
        count = (
            xml.count(b"<mergeCell") + xml.count(b":mergeCell") - xml.count(b"<mergeCells") - xml.count(b":mergeCells")
        )
    return count


def check_merged(count: int) -> None:
    """Refuse a sheet of more than :data:`MOST_MERGED` merged ranges."""
    if count > MOST_MERGED:
        from ..results import Finding, Location, Message

        said = Message("sheet.too_many_merged", {"count": count, "limit": MOST_MERGED})
        raise SheetRefused((Finding(said, Location("", None, None)),))
