"""The summary as GitHub-flavoured Markdown, for pull-request comments.

What a consumer gets, in ``lang``:

1. a bold line counting the files per verdict;
2. a table with a row per region file (region name, file), a column per
   criterion id in the criteria set's order holding ✅ pass, ❌ fail,
   ❔ unknown, a heavy minus (U+2796) waived or ⚠️ error, then the verdict,
   its assurance (declared only, documented, verified), the documents on
   hand of those the set asks for (``0/9``) and the total score (two
   decimals, with a comma in Indonesian). An invalid file's row has ``—``
   for name and score and empty criterion, assurance and documents cells;
3. the legend of the marks and the criteria set (id and version);
4. for each invalid file, its problems: ``file:line — field: message``.

Text from region files is escaped by :mod:`.markdown_text`, the rule every
Markdown output shares: ``|`` and Markdown's inline punctuation get a
backslash, so a name can neither break the table nor turn into markup or
HTML; line breaks become spaces.
"""

from __future__ import annotations

from typing import Final

from ..messages import Lang, render, text
from ..results import FileResult, Finding, Report, Status, Verdict
from .bidi import isolate, isolated
from .criterion import assurance_word, criterion_ids, version_words
from .markdown_text import escape_markdown as escape
from .reader import decimal, say
from .sheet_place import sheet_place, sheet_warnings

MARKS: Final[dict[Status, str]] = {
    Status.PASS: "✅",
    Status.FAIL: "❌",
    Status.UNKNOWN: "❔",
    Status.WAIVED: "\N{HEAVY MINUS SIGN}",
    Status.ERROR: "⚠️",
}


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _region_row(result: FileResult, ids: list[str], lang: Lang) -> str:
    name = escape(isolate(result.region.name)) if result.region is not None else "—"
    verdict = render(result.verdict.message, lang)
    if result.verdict is Verdict.INVALID:
        return _row([name, escape(isolate(result.file)), *("" for _ in ids), verdict, "", "", "—"])
    marks = {c.id: MARKS[c.status] for c in result.criteria}
    documents = result.documents
    backed = [
        assurance_word(result.assurance, lang),
        f"{documents.on_hand}/{documents.needed}" if documents is not None else "",
    ]
    return _row(
        [
            name,
            escape(isolate(result.file)),
            *(marks.get(i, "") for i in ids),
            verdict,
            *backed,
            decimal(result.score, lang),
        ]
    )


def _problem(file: str, finding: Finding, lang: Lang) -> str:
    loc = finding.location
    where = f"{file}:{loc.line}" if loc is not None and loc.line is not None else file
    field = f"{loc.path}: " if loc is not None and loc.path else ""
    place = sheet_place(loc, lang)
    field += f"{isolate(place)}: " if place else ""
    return f"- {escape(isolate(where))} — {escape(field + say(isolated(finding.message), lang))}"


def _sheet_warnings(result: FileResult, lang: Lang) -> list[str]:
    """The warnings about the firm spreadsheet a region file reads: the table's ❔ for C1 and C2 may be theirs
    (a sheet with no firm rows yet), and the sheet is not in the region file for the reader to look at."""
    found = sheet_warnings(result)
    if not found:
        return []
    heading = text("ui.sheet_warnings_in", lang, count=len(found), file=isolate(result.file))
    return ["", f"**{escape(heading)}**", "", *(_problem(result.file, finding, lang) for finding in found)]


def render_markdown(report: Report, lang: Lang = "en") -> str:
    """The summary table, the invalid files' problems and the other files' firm-sheet warnings,
    ending with a newline."""
    ids = criterion_ids(report.results)
    counts = {v.value: report.count(v) for v in Verdict}
    lines = [f"**{text('ui.summary', lang, files=len(report.results), **counts)}**", ""]
    header = [
        text("ui.region", lang),
        text("ui.file", lang),
        *ids,
        text("ui.verdict", lang),
        text("ui.assurance", lang),
        text("ui.documents", lang),
        text("ui.score", lang),
    ]
    lines.append(_row(header))
    lines.append(_row(["---", "---", *(":-:" for _ in ids), "---", "---", "--:", "--:"]))
    lines += [_region_row(result, ids, lang) for result in report.results]
    legend = " · ".join(f"{mark} {render(status.message, lang)}" for status, mark in MARKS.items())
    info = report.criteria_set
    lines += [
        "",
        f"{legend} — {escape(text('ui.criteria_set', lang, id=info.id, version=version_words(info.version, lang)))}",
    ]
    for result in report.results:
        if result.verdict is not Verdict.INVALID:
            lines += _sheet_warnings(result, lang)
            continue
        lines += [
            "",
            f"**{escape(text('ui.errors_in', lang, count=len(result.errors), file=isolate(result.file)))}**",
            "",
        ]
        lines += [_problem(result.file, finding, lang) for finding in result.errors]
        lines += _sheet_warnings(result, lang)  # a column ignored may be why a column is "missing"
    return "\n".join(lines) + "\n"
