"""Rich renderings for people: the per-region table, the summary table and ``rules`` (``explain``: explain_page).

The ``table`` format of ``assess`` is :func:`render_table`, registered in
:mod:`ovop_assess.render.registry` by its path: the library names it there
but never imports it, so rich stays out of every other format's run.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from typing import Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..criteria_sets import CriteriaSet
from ..messages import Lang, render, text
from ..render.criterion import STATUS_MARKS, assurance_word, backing, criterion_ids, role, version_words
from ..render.reader import decimal, say, short_decimal
from ..render.sheet_place import sheet_place
from ..render.sheet_place import sheet_warnings as warnings_in_sheets
from ..results import CriterionResult, FileResult, Finding, Message, Report, Status, Verdict
from ..rules import known_ids, registry_title
from ..rules.base import RuleSpec
from ..verdict import counts_against, keeps_open
from .terminal import one_line, shown

_STATUS_STYLE = {
    Status.PASS: "green",
    Status.FAIL: "red",
    Status.UNKNOWN: "yellow",
    Status.WAIVED: "cyan",
    Status.ERROR: "magenta",
}
_VERDICT_STYLE = {
    Verdict.ELIGIBLE: "bold green",
    Verdict.NOT_ELIGIBLE: "bold red",
    Verdict.INCOMPLETE: "bold yellow",
    Verdict.INVALID: "bold magenta",
}


def _console(to_terminal: bool, width: int | None = None) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    width = width or _width(to_terminal)
    console = Console(
        file=buffer, force_terminal=to_terminal, width=width, highlight=False, emoji=False, soft_wrap=False
    )
    return console, buffer


def _width(to_terminal: bool) -> int:
    """The terminal's width; elsewhere ``COLUMNS`` when set (a pager, a hook's log), else 120."""
    if to_terminal:
        return shutil.get_terminal_size((120, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 20 else 120


class _OneLine(Text):
    """A line that stays one line when the output goes to a file or a log (a pre-commit hook's), for grep."""


def _print(renderables: list[RenderableType], to_terminal: bool, width: int | None = None) -> str:
    console, buffer = _console(to_terminal, width)
    for item in renderables:
        console.print(item, soft_wrap=isinstance(item, _OneLine) and not to_terminal)
    if to_terminal:
        return buffer.getvalue()
    # rich pads a table's lines to the width: in a file, trailing spaces are noise to diff and grep.
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _status(status: Status, lang: Lang) -> Text:
    return Text(f"{STATUS_MARKS[status]} {render(status.message, lang)}", style=_STATUS_STYLE[status])


def _verdict(verdict: Verdict, lang: Lang) -> Text:
    return Text(render(verdict.message, lang), style=_VERDICT_STYLE[verdict])


def _status_cell(result: CriterionResult, lang: Lang) -> Text:
    """The status, and under a pass how far it is backed (declared only, documented, verified)."""
    cell = _status(result.status, lang)
    if result.assurance is not None:
        cell.append(f"\n{assurance_word(result.assurance, lang)}", style="dim")
    return cell


def _say(message: Message, lang: Lang) -> str:
    return one_line(say(message, lang))


def _reason_cell(result: CriterionResult, lang: Lang) -> Text:
    cell = Text()
    for finding in result.reasons:
        line = _say(finding.message, lang)
        if finding.location is not None and finding.location.line is not None:
            at = f"line {finding.location.line}" if lang == "en" else f"baris {finding.location.line}"
            place = sheet_place(finding.location, lang)
            line += f" ({at}; {shown(place)})" if place else f" ({at})"
        cell.append(line + "\n")
    if result.missing:
        items = "; ".join(_say(m, lang) for m in result.missing)
        cell.append(f"{text('ui.still_missing', lang)}: {items}\n", style="italic")
    for finding in result.warnings:
        cell.append(f"⚠ {_say(finding.message, lang)}\n", style="yellow")
    cell.rstrip()
    return cell


def _region_table(result: FileResult, report: Report, lang: Lang) -> list[RenderableType]:
    region = result.region
    heading = Text(one_line(f"{region.name} ({region.level}, {region.city})") if region else "", style="bold")
    heading.append(one_line(f" — {result.file}" if region else result.file), style="dim")
    if result.verdict is Verdict.INVALID:
        return [heading, *_errors(result, lang)]
    table = Table(box=box.SIMPLE_HEAVY, show_lines=False, expand=False)
    table.add_column(text("ui.criterion", lang), no_wrap=False, max_width=34, overflow="fold")
    table.add_column(text("ui.status", lang), no_wrap=True)
    table.add_column(text("ui.score", lang), justify="right", no_wrap=True)
    table.add_column(text("ui.reason", lang), ratio=1, overflow="fold")  # a long word wraps, never cut
    for c in result.criteria:
        title = registry_title(c.id, lang)
        table.add_row(
            Text(one_line(f"{c.id} {title}") + "\n") + Text(role(c, lang), style="dim"),
            _status_cell(c, lang),
            decimal(c.score, lang),
            _reason_cell(c, lang),
        )
    info = report.criteria_set
    # The criteria set above the verdict, so the verdict line stays one line (and `| tail -1` shows it).
    footer = Text()
    footer.append(
        one_line(text("ui.criteria_set", lang, id=info.id, version=version_words(info.version, lang))) + "\n",
        style="dim",
    )
    footer.append(f"{text('ui.verdict', lang)}: ")
    footer.append(_verdict(result.verdict, lang))
    backed = backing(result, lang)
    if backed:  # "eligible" never stands bare: how far it is backed follows it
        footer.append(f" — {shown(backed)}")
    footer.append(f"   {text('ui.total_score', lang)} {decimal(result.score, lang)}")
    parts: list[RenderableType] = [heading, table, footer]
    parts += [_OneLine(_warning_line(result, finding, lang), style="yellow") for finding in result.warnings]
    return parts


def _warning_line(result: FileResult, finding: Finding, lang: Lang) -> str:
    """``⚠ file:line: file, sheet, cell: message``: a warning under a file's table or its errors."""
    loc = finding.location
    where = f"{shown(result.file)}:{loc.line}: " if loc and loc.line else ""
    place = sheet_place(loc, lang)
    where += f"{shown(place)}: " if place else ""
    return f"⚠ {where}{_say(finding.message, lang)}"


def _errors(result: FileResult, lang: Lang) -> list[RenderableType]:
    """The file's errors, then its warnings: one line each, kept whole in a file or a log (``file:line:col``)."""
    heading = shown(text("ui.errors_in", lang, count=len(result.errors), file=result.file))
    out: list[RenderableType] = [Text(heading, style="bold magenta")]
    for finding in result.errors:
        loc = finding.location
        where = shown(result.file)
        if loc is not None and loc.line is not None:
            where += f":{loc.line}" + (f":{loc.column}" if loc.column else "")
        field = f" {shown(loc.path)}:" if loc is not None and loc.path else ""
        place = sheet_place(loc, lang)
        field += f" {shown(place)}:" if place else ""
        out.append(_OneLine(f"  {where}:{field} {_say(finding.message, lang)}"))
    for finding in result.warnings:  # with the errors too: a column ignored may be why one is "missing"
        out.append(_OneLine(f"  {_warning_line(result, finding, lang)}", style="yellow"))
    return out


# The summary table's columns besides the region: a box edge each side, one space between columns
# and one of padding each side of every cell (box.SIMPLE_HEAVY).
_EDGES = 2
_PAD = 2


def _summary(report: Report, lang: Lang, width: int, *, sheet_warnings: bool = True) -> list[RenderableType]:
    """One row per file, fitted to ``width`` without ever cutting the region's name, the verdict or the score.

    What gives way when the terminal is narrow, in order: the file's path (its
    folders, then the path line itself, which the reasons under the table
    name again), then the criteria columns, folded into one column of marks
    (``✓✗✓?``). The region's name wraps at spaces rather than being cut.
    """
    ids = criterion_ids(report.results)
    # The verdict and, under it, how far it is backed: never a bare "eligible" (docs/criteria.md, "Assurance").
    verdict_title = text("ui.verdict", lang)
    verdicts = [_verdict_and_backing(r, lang) for r in report.results]
    scores = [decimal(r.score, lang) if r.verdict is not Verdict.INVALID else "—" for r in report.results]
    verdict_width = max(cell_len(line) for v in [Text(verdict_title), *verdicts] for line in v.plain.split("\n"))
    score_width = max([cell_len(text("ui.score", lang)), *map(len, scores)])
    fixed = _EDGES + (verdict_width + _PAD + 1) + (score_width + _PAD + 1) + _PAD
    names = [shown(r.region.name) if r.region else "—" for r in report.results]
    name_width = max([cell_len(text("ui.region", lang)), *map(cell_len, names)])
    per_id = sum(cell_len(i) + _PAD + 1 for i in ids)
    marks_title = f"{ids[0]}\N{EN DASH}{ids[-1]}" if ids else ""
    marks_width = max(len(ids), cell_len(marks_title))
    # One column per criterion while the region column keeps room for the names and the files' names.
    base_width = max((cell_len(shown(os.path.basename(r.file))) for r in report.results), default=0)
    compact = len(ids) > 1 and width - fixed - per_id < max(name_width, base_width)
    room = width - fixed - (marks_width + _PAD + 1 if compact else per_id)
    region_width = max(room, 8)
    paths = _paths_that_fit([r.file for r in report.results], region_width, unique=len(set(names)) == len(names))
    table = Table(box=box.SIMPLE_HEAVY)
    table.add_column(text("ui.region", lang), overflow="fold", max_width=region_width)
    if compact:
        table.add_column(marks_title, no_wrap=True, min_width=marks_width)
    else:
        for rule_id in ids:
            table.add_column(rule_id, justify="center", no_wrap=True, min_width=cell_len(rule_id))
    table.add_column(verdict_title, no_wrap=True, min_width=verdict_width)
    table.add_column(text("ui.score", lang), justify="right", no_wrap=True, min_width=score_width)
    for result, name_text, path, verdict, score in zip(report.results, names, paths, verdicts, scores, strict=True):
        name = Text(name_text)
        if path:
            name.append(f"\n{path}", style="dim")
        by_id = {c.id: c for c in result.criteria}
        cells = [
            Text(STATUS_MARKS[by_id[i].status], style=_STATUS_STYLE[by_id[i].status]) if i in by_id else Text(" ")
            for i in ids
        ]
        marks = [Text("").join(cells)] if compact else cells
        table.add_row(name, *marks, verdict, score)
    parts: list[RenderableType] = [table]
    parts.extend(_why_lines(report, lang))
    for result in report.results:
        if result.verdict is Verdict.INVALID:
            parts.extend(_errors(result, lang))
    if sheet_warnings:
        parts.extend(_sheet_warnings(report, lang))
    info = report.criteria_set
    parts.append(
        Text(text("ui.criteria_set", lang, id=info.id, version=version_words(info.version, lang)), style="dim")
    )
    return parts


def _verdict_and_backing(result: FileResult, lang: Lang) -> Text:
    cell = _verdict(result.verdict, lang)
    documents = result.documents
    backing = [assurance_word(result.assurance, lang) if result.assurance is not None else ""]
    if documents is not None:
        backing.append(f"{documents.on_hand}/{documents.needed}")
    line = " ".join(part for part in backing if part)
    if line:
        cell.append(f"\n{line}", style="dim")
    return cell


def _paths_that_fit(files: list[str], width: int, *, unique: bool) -> list[str]:
    """The files' paths if all fit on one line of the region column, else their names (folders dropped).

    Names too long for the column wrap when the regions' names alone would not
    tell the rows apart; otherwise they are left out: the lines under the
    table name the file of every region that needs attention.
    """
    full = [shown(file) for file in files]
    if all(cell_len(path) <= width for path in full):
        return full
    names = [shown(os.path.basename(file)) for file in files]
    if not unique or all(cell_len(name) <= width for name in names):
        return names
    return ["" for _ in files]


def _why_lines(report: Report, lang: Lang) -> list[RenderableType]:
    """Under the summary, one line per region not eligible or incomplete: which criteria, and what is missing first.

    The criteria the verdict itself rests on: for a region not eligible those
    that count against it, for an incomplete one those that keep it open
    (:mod:`ovop_assess.verdict`); never an advisory rule, nor a failed member
    of a group another member passed.
    """
    lines: list[RenderableType] = []
    for result in report.results:
        if result.verdict is Verdict.NOT_ELIGIBLE:
            decides = counts_against
        elif result.verdict is Verdict.INCOMPLETE:
            decides = keeps_open
        else:
            continue
        items = [
            text(
                "ui.why_criterion",
                lang,
                id=c.id,
                status=render(c.status.message, lang),
                first=_say(c.missing[0], lang) if c.missing else _say(c.reasons[0].message, lang) if c.reasons else "—",
            )
            for c in result.criteria
            if decides(result.criteria, c)
        ]
        region = shown(result.region.name) if result.region else "—"
        line = _OneLine(f"{STATUS_MARKS[Status.FAIL if result.verdict is Verdict.NOT_ELIGIBLE else Status.UNKNOWN]} ")
        line.append(text("ui.why_region", lang, region=region, file=shown(result.file)), style="bold")
        line.append(" " + "; ".join(items))
        lines.append(line)
    return lines


def _sheet_warnings(report: Report, lang: Lang) -> list[RenderableType]:
    """Under the summary, the warnings about the firm spreadsheets its regions read (a hidden row still
    counted, a sheet with no firm rows yet, columns ignored): what no reading of the region files shows.
    A region file's own warnings stay in its table (``--details``, or the file alone)."""
    return [
        _OneLine(_warning_line(result, finding, lang), style="yellow")
        for result in report.results
        if result.verdict is not Verdict.INVALID  # (its errors' list has its warnings)
        for finding in warnings_in_sheets(result)
    ]


def _summary_line(report: Report, lang: Lang) -> Text:
    counts = {v.value: report.count(v) for v in Verdict}
    return Text(text("ui.summary", lang, files=len(report.results), **counts), style="bold")


def render_table(
    report: Report, lang: Lang, *, to_terminal: bool, width: int | None = None, details: bool = False
) -> str:
    """One region's full table; for several, the summary (and with ``details`` every region's table after it)."""
    parts: list[RenderableType]
    width = width or _width(to_terminal)
    if len(report.results) == 1:
        parts = _region_table(report.results[0], report, lang)
    else:
        # The spreadsheets' warnings under the summary; with the details, under each region's table.
        parts = [*_summary(report, lang, width, sheet_warnings=not details), _summary_line(report, lang)]
        if details:
            for result in report.results:
                if result.verdict is not Verdict.INVALID:  # its errors are listed under the summary already
                    parts.extend([Text(""), *_region_table(result, report, lang)])
    return _print(parts, to_terminal, width)


_NARROW_RULES = 100
"""Below this width ``rules`` puts how a rule counts and its weight under its title (80 columns: the columns of
its table left five letters a line to the titles)."""
_PARAMETERS_ROOM = 40
"""Columns a parameter needs beside a whole rule name (``max_stop_distance_m: 1000.0`` and the table's edges)."""


def render_rules(criteria: CriteriaSet, lang: Lang, *, to_terminal: bool) -> str:
    info = criteria.info
    # Text from a criteria set or a plugin: Text cells (never rich markup), controls and breaks escaped.
    heading = Text(f"{one_line(info.title.get(lang, info.id))}\n", style="bold")
    heading.append(
        one_line(text("ui.criteria_set", lang, id=info.id, version=version_words(info.version, lang))), style="dim"
    )
    if info.source:
        heading.append(f"\n{one_line(info.source)}", style="dim")
    if criteria.description:
        heading.append(f"\n{one_line(criteria.description.get(lang) or criteria.description.get('en', ''))}")
    if criteria.min_assurance is not None:
        heading.append(f"\n{text('ui.min_assurance', lang, level=criteria.min_assurance.message)}")
    table = Table(box=box.SIMPLE_HEAVY)
    # A rule's name and parameters are read to be typed (`explain`, a criteria set): folded, never cut short.
    # The name with the criterion's title under it, and a parameter a line: on 80 columns a column of titles
    # beside them had five letters a line, and the names and parameters broke mid-word. Below 100 columns
    # how the rule counts and its weight go under the title too.
    width = _width(to_terminal)
    narrow = width < _NARROW_RULES
    fold: Literal["fold"] = "fold"
    longest = max((len(rule.spec.name) for rule in criteria.rules if isinstance(rule.spec, RuleSpec)), default=10)
    # Too narrow for a column of parameters beside whole names: everything in one column, folded, never cut
    # (a name's minimum width with a second column beside it made rich cut lines at the edge: "…firms: 1").
    single = width < longest + _PARAMETERS_ROOM
    table.add_column(text("ui.id", lang), no_wrap=True)
    table.add_column(
        f"{text('ui.name', lang)}\n{text('ui.criterion', lang)}", overflow=fold, min_width=None if single else longest
    )
    for column in () if narrow else ("ui.role", "ui.weight"):  # ("Dihitung sebagai": the heading on two lines)
        table.add_column(text(column, lang).replace(" ", "\n", 1))
    if not single:
        table.add_column(text("ui.parameters", lang), overflow=fold)
    for rule in criteria.rules:
        spec = rule.spec
        name = (
            spec.name if isinstance(spec, RuleSpec) else text("rule.unavailable", lang, rule=rule.id, error=spec.error)
        )
        title = spec.title.get(lang, "") if isinstance(spec, RuleSpec) else ""
        given = rule.params.model_dump(mode="json") if rule.params else {}
        params = Text(
            "\n".join(one_line(f"{key}: {json.dumps(value, ensure_ascii=False)}") for key, value in given.items())
        )
        named = Text(one_line(name), style="bold")
        named.append(f"\n{one_line(title)}" if title else "")
        weight = short_decimal(rule.weight, lang)
        if single:
            named.append(f"\n{one_line(role(rule, lang))} · {text('ui.weight', lang).lower()} {weight}", style="dim")
            table.add_row(Text(rule.id), named + Text("\n") + params if params else named)
        elif narrow:
            named.append(f"\n{one_line(role(rule, lang))} · {text('ui.weight', lang).lower()} {weight}", style="dim")
            table.add_row(Text(rule.id), named, params or Text("—"))
        else:
            table.add_row(Text(rule.id), named, Text(one_line(role(rule, lang))), Text(weight), params or Text("—"))
    parts: list[RenderableType] = [heading, table]
    # Each with the set's own parameters: its numbers and lists in words, never a parameter's name.
    readings = [
        text("ui.reading_line", lang, rule=rule.id, reading=reading)
        for rule in criteria.rules
        if isinstance(rule.spec, RuleSpec) and (reading := rule.spec.reading_for(rule.params)) is not None
    ]
    if readings:
        # What the rules decide that the source does not say: never presented as the source's.
        parts.append(Text("\n".join([text("ui.readings", lang), *readings])))
    if criteria.disabled:
        parts.append(Text(one_line(text("ui.disabled", lang, ids=", ".join(criteria.disabled))), style="dim"))
    in_set = {r.id for r in criteria.rules} | set(criteria.disabled)
    others = [rule_id for rule_id in known_ids() if rule_id not in in_set]
    if others:
        parts.append(Text(one_line(text("ui.other_rules", lang, ids=", ".join(others))), style="dim"))
    return _print([Group(*parts)], to_terminal)
