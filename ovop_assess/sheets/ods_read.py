"""An ``.ods`` read: calamine's read of the chosen sheet, with the byte checks of ``content.xml`` before it or
beside it.

Calamine expands every sheet of an ``.ods`` as it opens it, so the checks
(``ods_checks``: about half of calamine's own time for 10,000 rows) bound
what it allocates. Where a child's memory is capped by the system
(``isolated.capped``: Linux), calamine's read starts at once in a capped
reader process kept from one file to the next (``warm_reader``), and the
checks run meanwhile in this process, on another core: what the user waits
for is the longer of the two, not their sum. The cap, not the checks, is
then what keeps a hostile file from ending the run; the checks still
refuse it, with the limit named, and end the reader. Content the checks
cannot vouch for is read again as they need: its exact count, then
calamine, in a new child. Where the cap is not enforced (macOS) the checks
come first and a child reads after them; where there is no fork (Windows),
both run in the process.

The cells calamine does not report (formulas without a saved result, merged
ranges, cells showing an error, hidden rows: ``ods_cells``) are looked for
while the reader reads, by a second capped reader kept for them, in the
sheet asked for or else the first table of the content; if calamine chose
another sheet (the first one hidden, a name asked for in another case),
they are looked for again in that one. A read beside the scan is stopped as
soon as the scan shows the content will be refused or counted first.
"""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING

from .limits import SheetLimits, SheetRefused, check_merged
from .ods_checks import ods_sheet_cells

if TYPE_CHECKING:
    from .ods_checks import Found, OdsContent
    from .warm_reader import ServedRead
    from .workbook import Read

# The first table's name as LibreOffice writes it; a guess only (another prefix, a reference in the name: no
# guess), checked against the sheet calamine chose.
_FIRST_TABLE = re.compile(rb'<table:table[ \t\r\n][^<>]*?table:name="([^"&<]*)"')


def ods_read(raw: bytes, sheet: str | None, limits: SheetLimits, archive: zipfile.ZipFile) -> Read:
    """The chosen sheet read as ``workbook.read_book`` reads it, after (or beside) ``ods_precheck``."""
    from . import isolated
    from .ods_checks import ods_precheck
    from .workbook import _ALLOCATION_FACTOR, read_book

    def read(content: OdsContent | None) -> Read:
        return read_book(raw, ".ods", sheet, limits, archive, None, content)

    if not isolated.AVAILABLE:
        return read(ods_precheck(archive, limits))
    memory = isolated.memory_for(limits.max_cells, limits.max_unpacked_bytes, _ALLOCATION_FACTOR)
    if not isolated.capped():
        content = ods_precheck(archive, limits)
        return isolated.run_isolated(lambda: read(content), memory)
    from .warm_reader import started_read

    with started_read(raw, sheet, limits, memory) as reader:
        # The read beside is stopped as soon as the scan shows the content will be refused or counted first:
        # a hostile file costs the child no more than the scan so far.
        content = ods_precheck(archive, limits, reader.stop if reader is not None else None)
        if reader is None:  # no reader to be had: the read follows the checks here
            return read(content)
        if content is None:  # no cell calamine does not report, and the bound vouched for
            return reader.result()
        if not content.uncounted:
            return _with_cells(reader, raw, content, sheet, memory)
    # The bound could not vouch for the content: its exact count before calamine reads it, in a new child.
    return isolated.run_isolated(lambda: read(content), memory)


def _with_cells(reader: ServedRead, raw: bytes, content: OdsContent, sheet: str | None, memory: int) -> Read:
    """The reader's read, with the cells calamine does not report looked for meanwhile by a second capped
    reader (``warm_reader.started_walk``): on hostile content the walk can cost as much as calamine's read
    (2.5 million merged ranges: 1.5 GB and 29 s), and the caps hold for both."""
    from .warm_reader import started_walk

    guess = sheet if sheet is not None else _first_table(content.xml)
    if guess is None:
        return _settled(reader.result(), raw, content, None, memory)
    with started_walk(raw, content, guess, memory) as walker:
        read = reader.result()
        early = _answer(walker, content, guess) if read[0][0] == guess else None
    return _settled(read, raw, content, early, memory)


def _settled(read: Read, raw: bytes, content: OdsContent, early: Found | SheetRefused | None, memory: int) -> Read:
    """``read`` (made without ``content``) with the cells calamine does not report put in, as
    ``workbook._read_chosen`` puts them in when it has the content."""
    from .cell_errors import settle_cells
    from .warm_reader import started_walk

    (name, warnings, merged, _, _, others), data = read
    try:
        if early is None:
            with started_walk(raw, content, name, memory) as walker:
                early = _answer(walker, content, name)
        if isinstance(early, SheetRefused):
            raise early
        formulas, ods_merged, errors, hidden = early
        settle_cells(data, name, formulas, errors)
        merged = merged or ods_merged
        check_merged(len(merged))
    except SheetRefused as exc:  # about the chosen sheet, with what choosing it said (as _calamine_read says it)
        raise SheetRefused(exc.findings, sheet=name, warnings=tuple(warnings)) from None
    return (name, warnings, merged, formulas, hidden, others), data


def _answer(walker: ServedRead | None, content: OdsContent, sheet: str) -> Found | SheetRefused:
    """The walk's answer, from its reader (or here, where no reader can be had); its refusal kept to be raised
    once the sheet is known to be the one read."""
    try:
        return walker.result()[0] if walker is not None else ods_sheet_cells(content, sheet)
    except SheetRefused as exc:
        return exc


def _first_table(xml: bytes) -> str | None:
    found = _FIRST_TABLE.search(xml)
    if found is None:
        return None
    try:
        return found.group(1).decode("utf-8")
    except UnicodeDecodeError:
        return None
