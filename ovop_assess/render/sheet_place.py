"""Where in a firm spreadsheet a finding lies, in words: the one wording every text renderer uses.

A finding about firms read from a spreadsheet (``firms: {file: …}``) has
its region-file line (the ``firms:`` key) like any other, plus the
spreadsheet's file, sheet and cell (:class:`~ovop_assess.results.Location`).
Renderers show the line as they always do and add this text beside it.
"""

from __future__ import annotations

from ..messages import Lang, text
from ..results import FileResult, Finding, Location, file_label
from .reader import say


def sheet_place(location: Location | None, lang: Lang) -> str | None:
    """``daftar-usaha.xlsx, sheet Daftar UMKM, cell C12`` (``lembar``/``sel`` in Indonesian), or None."""
    if location is None or location.file is None:
        return None
    if location.sheet is None:  # a CSV file has no sheets
        return (
            text("sheet.at_csv_cell", lang, file=location.file, cell=location.cell) if location.cell else location.file
        )
    if location.cell is None:
        return text("sheet.at_sheet", lang, file=location.file, sheet=location.sheet)
    return text("sheet.at_cell", lang, file=location.file, sheet=location.sheet, cell=location.cell)


def finding_place(finding: Finding, lang: Lang) -> str | None:
    return sheet_place(finding.location, lang)


def sheet_warnings(result: FileResult) -> list[Finding]:
    """The warnings located in the firm spreadsheet ``result``'s region file reads (a sheet with no firm rows
    yet, columns ignored): for the formats that list no file warnings otherwise (Markdown, xlsx)."""
    return [w for w in result.warnings if w.location is not None and w.location.file]


def sheet_warning_lines(result: FileResult, lang: Lang) -> list[str]:
    """``region.yaml: daftar-usaha.xlsx, sheet …, cell …: message`` for each of :func:`sheet_warnings`: what
    ``round`` says on stderr, as its page has no room for a file's warnings."""
    return [
        f"{file_label(result.file)}: {sheet_place(finding.location, lang)}: {say(finding.message, lang)}"
        for finding in sheet_warnings(result)
    ]
