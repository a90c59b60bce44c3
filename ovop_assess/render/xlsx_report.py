"""A workbook for the office (``--format xlsx`` of ``assess`` and ``round``), in the reader's language.

Two sheets:

1. **candidates** (*Calon* in Indonesian): a row per region file — for the
   round its rank first — with the area names and code, product and KBLI,
   proposal year, verdict, assurance, the score as a number (format
   ``0.00``; the spreadsheet shows the reader's decimal sign), a column per
   criterion holding its status, and the file. The header row is frozen
   and filtered; verdicts and statuses are coloured.
2. **details** (*Rincian*): a row per (file, criterion): status, score,
   role, assurance, reasons, what is still missing, warnings; a row per
   problem of an invalid file, and one per warning about a file's firm
   spreadsheet (a sheet with no firm rows yet).

Every text is written as text (``write_string``), never as a formula, so a
name starting with ``=`` stays a name. The workbook's dates are fixed so
the same report gives the same bytes.
"""

from __future__ import annotations

import datetime
import functools
import io
from collections.abc import Sequence
from typing import Any

from ..messages import Lang, level_word, text
from ..results import Assurance, FileResult, Report, Status, Verdict
from ..selection_round import Round
from .area_marks import AREA_MARK, area_disputed, area_warnings
from .criterion import criterion_ids, role
from .reader import say
from .sheet_place import sheet_place, sheet_warnings

_COLOURS = {  # font, fill: as the HTML pages colour them
    Status.PASS.value: ("#1E7B3C", "#E3F2E8"),
    Status.FAIL.value: ("#B42318", "#FBE6E4"),
    Status.UNKNOWN.value: ("#9A5B00", "#FFF3DC"),
    Status.WAIVED.value: ("#3450A8", "#E7ECFA"),
    Status.ERROR.value: ("#8A1C5C", "#F6E3EE"),
    Verdict.ELIGIBLE.value: ("#1E7B3C", "#E3F2E8"),
    Verdict.NOT_ELIGIBLE.value: ("#B42318", "#FBE6E4"),
    Verdict.INCOMPLETE.value: ("#9A5B00", "#FFF3DC"),
    Verdict.INVALID.value: ("#8A1C5C", "#F6E3EE"),
}
_FIXED = datetime.datetime(2026, 1, 1)  # the workbook's own dates: the same report, the same bytes


def render_assess_xlsx(report: Report, lang: Lang) -> bytes:
    """``assess --format xlsx``: the files in the report's order."""
    return _workbook([(None, result) for result in report.results], lang, ranked=False)


def render_round_xlsx(document: Round, lang: Lang) -> bytes:
    """``round --format xlsx``: the candidates in rank order, the rank first; under them the legend (what
    ``⚠`` by a code means, among the rest) and the edition of the official area table, as the page has them."""
    from .round_rows import legend, made_with

    notes = (legend(lang, marks=False), made_with(document, lang))
    return _workbook([(c.rank, c.result) for c in document.candidates], lang, ranked=True, notes=notes)


def _workbook(
    rows: list[tuple[int | None, FileResult]], lang: Lang, *, ranked: bool, notes: Sequence[str] = ()
) -> bytes:
    import xlsxwriter  # type: ignore[import-untyped]  # only when a workbook is written; it ships no types

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": _FIXED, "title": text("xlsx.title", lang)})
    header = book.add_format({"bold": True, "bg_color": "#F1F3F6", "bottom": 1, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    score = book.add_format({"num_format": "0.00", "valign": "top"})
    coloured = {
        key: book.add_format({"font_color": font, "bg_color": fill, "bold": True, "valign": "top"})
        for key, (font, fill) in _COLOURS.items()
    }
    results = [result for _, result in rows]
    ids = criterion_ids(results)
    candidates = book.add_worksheet(text("xlsx.sheet_candidates", lang))
    _candidates(candidates, rows, ids, lang, ranked, header, wrap, score, coloured)
    for offset, note in enumerate(notes):  # below the filtered rows, a blank row between: not a candidate
        candidates.write_string(len(rows) + 2 + offset, 0, note)
    _details(book.add_worksheet(text("xlsx.sheet_details", lang)), results, lang, header, wrap, score, coloured)
    book.close()
    return buffer.getvalue()


def _word_widths(lang: Lang) -> tuple[int, int]:
    """A status column and an assurance column as wide as their longest word in the reader's language
    ("belum diketahui", "baru dinyatakan"): sized for English, the Indonesian words were cut."""
    status_width = max(9, *(len(_word(status.message.id, lang)) + 2 for status in Status))
    assurance_width = max(14, *(len(_word(level.short_message.id, lang)) + 2 for level in Assurance))
    return status_width, assurance_width


def _code(result: FileResult) -> str | None:
    """The region's code, marked as the round's other formats mark it when the official table disagrees."""
    code = result.region.code if result.region is not None else None
    if not area_disputed(result):
        return code
    return f"{code or '—'} {AREA_MARK}"


@functools.lru_cache(maxsize=256)
def _word(key: str, lang: Lang) -> str:
    """A fixed word of the catalogue (a status, a verdict, a level): a round of 500 writes 20,000 of them."""
    return text(key, lang)


def _assurance(result_assurance: Any, lang: Lang) -> str:
    return _word(result_assurance.short_message.id, lang) if result_assurance is not None else ""


def _candidates(
    sheet: Any,
    rows: list[tuple[int | None, FileResult]],
    ids: list[str],
    lang: Lang,
    ranked: bool,
    header: Any,
    wrap: Any,
    score: Any,
    coloured: dict[str, Any],
) -> None:
    keys = [
        *(["round.col_rank"] if ranked else []),
        "xlsx.col_name",
        "xlsx.col_level",
        "round.col_district",
        "round.col_city",
        "round.col_code",
        "xlsx.col_product",
        "xlsx.col_kbli",
        "round.col_year",
        "round.col_verdict",
        "round.col_assurance",
        "round.col_score",
    ]
    headings = [*(text(key, lang) for key in keys), *ids, text("ui.file", lang)]
    for column, heading in enumerate(headings):
        sheet.write_string(0, column, heading, header)
    first_status = len(keys)
    for line, (rank, result) in enumerate(rows, start=1):
        region = result.region
        values: list[str | int | float | None] = [
            *([rank] if ranked else []),
            region.name if region else None,
            _word(level_word(region.level).id, lang) if region else None,
            region.district if region else None,
            region.city if region else None,
            _code(result) if ranked else (region.code if region else None),
            region.product if region else None,
            region.kbli if region else None,
            region.proposal_year if region else None,
        ]
        for column, value in enumerate(values):
            if isinstance(value, int):
                sheet.write_number(line, column, value)
            elif value is not None:
                sheet.write_string(line, column, value)
        column = len(values)
        sheet.write_string(line, column, _word(result.verdict.message.id, lang), coloured[result.verdict.value])
        sheet.write_string(line, column + 1, _assurance(result.assurance, lang))
        if result.verdict is not Verdict.INVALID:
            sheet.write_number(line, column + 2, result.score, score)
        statuses = {c.id: c.status for c in result.criteria}
        for offset, cid in enumerate(ids):
            status = statuses.get(cid)
            if status is not None:
                sheet.write_string(line, first_status + offset, _word(status.message.id, lang), coloured[status.value])
        sheet.write_string(line, first_status + len(ids), result.file)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headings) - 1)
    status_width, assurance_width = _word_widths(lang)
    widths = [
        *([9] if ranked else []),
        *(22, 11, 16, 22, 15, 26, 8, 9, 14, assurance_width, 7),
        *(status_width for _ in ids),
        40,
    ]
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.set_row(0, 30)


def _details(
    sheet: Any,
    results: Sequence[FileResult],
    lang: Lang,
    header: Any,
    wrap: Any,
    score: Any,
    coloured: dict[str, Any],
) -> None:
    keys = [
        "ui.file",
        "xlsx.col_name",
        "ui.criterion",
        "xlsx.col_rule",
        "ui.status",
        "ui.score",
        "xlsx.col_role",
        "round.col_assurance",
        "ui.reason",
        "ui.still_missing",
        "ui.warning",
    ]
    for column, key in enumerate(keys):
        sheet.write_string(0, column, text(key, lang).capitalize(), header)
    line = 0
    for result in results:
        name = result.region.name if result.region else ""
        for criterion in result.criteria:
            line += 1
            sheet.write_string(line, 0, result.file, wrap)
            sheet.write_string(line, 1, name, wrap)
            sheet.write_string(line, 2, criterion.id)
            sheet.write_string(line, 3, criterion.name)
            sheet.write_string(line, 4, _word(criterion.status.message.id, lang), coloured[criterion.status.value])
            sheet.write_number(line, 5, criterion.score, score)
            sheet.write_string(line, 6, role(criterion, lang))
            sheet.write_string(line, 7, _assurance(criterion.assurance, lang))
            cells = (
                (8, [f.message for f in criterion.reasons]),
                (9, criterion.missing),
                (10, [f.message for f in criterion.warnings]),
            )
            for column, messages in cells:
                if messages:  # (none: the cell stays empty, rather than blank with a format, which costs time only)
                    sheet.write_string(line, column, "\n".join(say(m, lang) for m in messages), wrap)
        for problem in result.errors if result.verdict is Verdict.INVALID else ():
            line += 1
            where = problem.location
            sheet.write_string(line, 0, result.file, wrap)
            sheet.write_string(line, 4, _word(Verdict.INVALID.message.id, lang), coloured[Verdict.INVALID.value])
            place = f"{where.path}, {text('ui.at_line', lang, line=where.line)}: " if where and where.line else ""
            cell = sheet_place(where, lang)  # a firm of a spreadsheet: its file, sheet and cell, as every format says
            place += f"{cell}: " if cell else ""
            sheet.write_string(line, 8, place + say(problem.message, lang), wrap)
        for warning in area_warnings(result):  # the area's code or names against the official table
            line += 1
            sheet.write_string(line, 0, result.file, wrap)
            sheet.write_string(line, 1, name, wrap)
            at = warning.location
            place = f"{at.path}, {text('ui.at_line', lang, line=at.line)}: " if at and at.path and at.line else ""
            sheet.write_string(line, 10, place + say(warning.message, lang), wrap)
        for warning in sheet_warnings(result):
            # A firm sheet's warning (no firm rows yet: why C1 and C2 are unknown; a column ignored whose header
            # only looks like one of the list's: why "no Peran column"), under Warning, for an invalid file too.
            line += 1
            sheet.write_string(line, 0, result.file, wrap)
            sheet.write_string(line, 1, name, wrap)
            said = f"{sheet_place(warning.location, lang)}: {say(warning.message, lang)}"
            sheet.write_string(line, 10, said, wrap)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(line, 1), len(keys) - 1)
    status_width, assurance_width = _word_widths(lang)
    for column, width in enumerate([30, 18, 6, 24, status_width, 7, 18, assurance_width, 60, 50, 40]):
        sheet.set_column(column, column, width)
