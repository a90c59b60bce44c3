"""Rich renderings for people: the per-region table, the summary table, ``rules`` and ``explain``.

The ``table`` format of ``assess`` is :func:`render_table`, registered in
:mod:`ovop_assess.render.registry` by its path: the library names it there
but never imports it, so rich stays out of every other format's run.
"""

from __future__ import annotations

import io
import json
import shutil
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..criteria_sets import CriteriaSet
from ..messages import Lang, render, text
from ..render.criterion import criterion_ids, role
from ..render.reader import decimal
from ..results import CriterionResult, FileResult, Message, Report, Status, Verdict
from ..rules import known_ids, registry_title
from ..rules.base import RuleSpec
from .terminal import shown

_STATUS_STYLE = {
    Status.PASS: "green",
    Status.FAIL: "red",
    Status.UNKNOWN: "yellow",
    Status.WAIVED: "cyan",
    Status.ERROR: "magenta",
}
_STATUS_MARK = {Status.PASS: "✓", Status.FAIL: "✗", Status.UNKNOWN: "?", Status.WAIVED: "~", Status.ERROR: "!"}
_VERDICT_STYLE = {
    Verdict.ELIGIBLE: "bold green",
    Verdict.NOT_ELIGIBLE: "bold red",
    Verdict.INCOMPLETE: "bold yellow",
    Verdict.INVALID: "bold magenta",
}


def _console(to_terminal: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    width = shutil.get_terminal_size((120, 24)).columns if to_terminal else 120
    console = Console(
        file=buffer, force_terminal=to_terminal, width=width, highlight=False, emoji=False, soft_wrap=False
    )
    return console, buffer


def _print(renderables: list[RenderableType], to_terminal: bool) -> str:
    console, buffer = _console(to_terminal)
    for item in renderables:
        console.print(item)
    return buffer.getvalue()


def _status(status: Status, lang: Lang) -> Text:
    return Text(f"{_STATUS_MARK[status]} {text('status.' + status.value, lang)}", style=_STATUS_STYLE[status])


def _verdict(verdict: Verdict, lang: Lang) -> Text:
    return Text(text("verdict." + verdict.value, lang), style=_VERDICT_STYLE[verdict])


def _say(message: Message, lang: Lang) -> str:
    return shown(render(message, lang))


def _reason_cell(result: CriterionResult, lang: Lang) -> Text:
    cell = Text()
    for finding in result.reasons:
        line = _say(finding.message, lang)
        if finding.location is not None and finding.location.line is not None:
            line += f" (line {finding.location.line})" if lang == "en" else f" (baris {finding.location.line})"
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
    heading = Text(shown(f"{region.name} ({region.level}, {region.city})") if region else "", style="bold")
    heading.append(shown(f" — {result.file}" if region else result.file), style="dim")
    if result.verdict is Verdict.INVALID:
        return [heading, _errors(result, lang)]
    table = Table(box=box.SIMPLE_HEAVY, show_lines=False, expand=False)
    table.add_column(text("ui.criterion", lang), no_wrap=False, max_width=34)
    table.add_column(text("ui.status", lang), no_wrap=True)
    table.add_column(text("ui.score", lang), justify="right", no_wrap=True)
    table.add_column(text("ui.reason", lang), ratio=1)
    for c in result.criteria:
        title = registry_title(c.id, lang)
        table.add_row(
            Text(f"{c.id} {title}\n") + Text(role(c, lang), style="dim"),
            _status(c.status, lang),
            decimal(c.score, lang),
            _reason_cell(c, lang),
        )
    info = report.criteria_set
    footer = Text(f"{text('ui.verdict', lang)}: ")
    footer.append(_verdict(result.verdict, lang))
    footer.append(f"   {text('ui.total_score', lang)} {decimal(result.score, lang)}   ")
    footer.append(text("ui.criteria_set", lang, id=info.id, version=info.version), style="dim")
    parts: list[RenderableType] = [heading, table, footer]
    for finding in result.warnings:
        loc = finding.location
        where = f"{shown(result.file)}:{loc.line}: " if loc and loc.line else ""
        parts.append(Text(f"⚠ {where}{_say(finding.message, lang)}", style="yellow"))
    return parts


def _errors(result: FileResult, lang: Lang) -> Text:
    out = Text()
    heading = shown(text("ui.errors_in", lang, count=len(result.errors), file=result.file))
    out.append(heading + "\n", style="bold magenta")
    for finding in result.errors:
        loc = finding.location
        where = shown(result.file)
        if loc is not None and loc.line is not None:
            where += f":{loc.line}" + (f":{loc.column}" if loc.column else "")
        field = f" {shown(loc.path)}:" if loc is not None and loc.path else ""
        out.append(f"  {where}:{field} {_say(finding.message, lang)}\n")
    out.rstrip()
    return out


def _summary(report: Report, lang: Lang) -> list[RenderableType]:
    ids = criterion_ids(report)
    table = Table(box=box.SIMPLE_HEAVY)
    table.add_column(text("ui.region", lang), min_width=18, overflow="fold")
    for rule_id in ids:
        table.add_column(rule_id, justify="center", no_wrap=True)
    table.add_column(text("ui.verdict", lang), no_wrap=True)
    table.add_column(text("ui.score", lang), justify="right", no_wrap=True)
    for result in report.results:
        name = Text(shown(result.region.name) if result.region else "—")
        name.append(f"\n{shown(result.file)}", style="dim")
        by_id = {c.id: c for c in result.criteria}
        cells = [
            Text(_STATUS_MARK[by_id[i].status], style=_STATUS_STYLE[by_id[i].status]) if i in by_id else Text("")
            for i in ids
        ]
        table.add_row(name, *cells, _verdict(result.verdict, lang), decimal(result.score, lang))
    parts: list[RenderableType] = [table]
    for result in report.results:
        if result.verdict is Verdict.INVALID:
            parts.append(_errors(result, lang))
    info = report.criteria_set
    parts.append(Text(text("ui.criteria_set", lang, id=info.id, version=info.version), style="dim"))
    return parts


def _summary_line(report: Report, lang: Lang) -> Text:
    counts = {v.value: report.count(v) for v in Verdict}
    return Text(text("ui.summary", lang, files=len(report.results), **counts), style="bold")


def render_table(report: Report, lang: Lang, *, to_terminal: bool) -> str:
    parts: list[RenderableType]
    if len(report.results) == 1:
        parts = _region_table(report.results[0], report, lang)
    else:
        parts = [*_summary(report, lang), _summary_line(report, lang)]
    return _print(parts, to_terminal)


def render_rules(criteria: CriteriaSet, lang: Lang, *, to_terminal: bool) -> str:
    info = criteria.info
    heading = Text(f"{info.title.get(lang, info.id)}\n", style="bold")
    heading.append(text("ui.criteria_set", lang, id=info.id, version=info.version), style="dim")
    if info.source:
        heading.append(f"\n{info.source}", style="dim")
    if criteria.description:
        heading.append(f"\n{criteria.description.get(lang) or criteria.description.get('en', '')}")
    table = Table(box=box.SIMPLE_HEAVY)
    columns = ("ui.id", "ui.name", "ui.criterion", "ui.role", "ui.weight", "ui.parameters")
    for column in columns:
        table.add_column(text(column, lang))
    for rule in criteria.rules:
        spec = rule.spec
        name = (
            spec.name if isinstance(spec, RuleSpec) else text("rule.unavailable", lang, rule=rule.id, error=spec.error)
        )
        title = spec.title.get(lang, "") if isinstance(spec, RuleSpec) else ""
        params = json.dumps(rule.params.model_dump(mode="json"), ensure_ascii=False) if rule.params else "{}"
        table.add_row(rule.id, name, title, role(rule, lang), f"{rule.weight:g}", params if params != "{}" else "—")
    parts: list[RenderableType] = [heading, table]
    if criteria.disabled:
        parts.append(Text(text("ui.disabled", lang, ids=", ".join(criteria.disabled)), style="dim"))
    in_set = {r.id for r in criteria.rules} | set(criteria.disabled)
    others = [rule_id for rule_id in known_ids() if rule_id not in in_set]
    if others:
        parts.append(Text(text("ui.other_rules", lang, ids=", ".join(others)), style="dim"))
    return _print([Group(*parts)], to_terminal)


def render_explain(spec: RuleSpec, lang: Lang) -> str:
    title = spec.title.get(lang, spec.title.get("en", ""))
    fields = spec.params.model_fields
    params = (
        "\n".join(text("ui.param_default", lang, name=name, default=_default(field)) for name, field in fields.items())
        or f"  {text('ui.none', lang)}"
    )
    return f"{spec.id} {spec.name}: {title}\n\n{spec.documentation(lang)}\n\n{text('ui.parameters', lang)}:\n{params}\n"


def _default(field: Any) -> str:
    value = field.get_default(call_default_factory=True)
    return json.dumps(value, ensure_ascii=False, default=str)
