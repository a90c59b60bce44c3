"""The JSON report: the stable contract for scripts (spec: cli.md, "JSON report")."""

# No ``from __future__ import annotations`` here: NamedTuple (and pydantic) would compile each
# field's annotation from its text at start-up (6 µs each); written as objects, they are taken as they are.
import datetime
import json
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from ..areas.table import edition
from ..messages import Lang, render
from ..results import (
    CriterionResult,
    Documents,
    FileResult,
    Finding,
    Location,
    RegionInfo,
    Report,
    RuleCrash,
    SetInfo,
    Verdict,
    rule_crashes,
)


def location(loc: Location) -> dict[str, Any]:
    return {"path": loc.path, "line": loc.line, **_in_sheet(loc)}


def _in_sheet(loc: Location | None) -> dict[str, Any]:
    """``file``, ``sheet`` and ``cell`` of a place in a firm spreadsheet; nothing for a place in the region file."""
    if loc is None or loc.file is None:
        return {}
    return {"file": loc.file, "sheet": loc.sheet, "cell": loc.cell}


def error(finding: Finding, lang: Lang) -> dict[str, Any]:
    loc = finding.location
    return {
        "path": loc.path if loc else "",
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
        **_in_sheet(loc),
        "id": finding.message.id,
        "message": render(finding.message, lang),
    }


def criterion(result: CriterionResult, lang: Lang) -> dict[str, Any]:
    return {
        "id": result.id,
        "name": result.name,
        "status": result.status.value,
        "score": result.score,
        "required": result.required,
        "group": result.group,
        "weight": result.weight,
        "reasons": [render(f.message, lang) for f in result.reasons],
        "warnings": [render(f.message, lang) for f in result.warnings],
        "missing": [render(m, lang) for m in result.missing],
        "locations": [location(loc) for loc in result.locations],
        "assurance": result.assurance.value if result.assurance is not None else None,
    }


def file_result(result: FileResult, lang: Lang) -> dict[str, Any]:
    region = result.region
    return {
        "file": result.file,
        "region": _region(region) if region else None,
        "verdict": result.verdict.value,
        "assurance": result.assurance.value if result.assurance is not None else None,
        "documents": _documents(result.documents),
        "score": result.score,
        "criteria": [criterion(c, lang) for c in result.criteria],
        "errors": [error(f, lang) for f in result.errors],
        "warnings": [error(f, lang) for f in result.warnings],
    }


def _region(region: RegionInfo) -> dict[str, Any]:
    # Code and year let a later run (compare, round --previous) find this sentra again; null when not given.
    return {
        "name": region.name,
        "level": region.level,
        "city": region.city,
        "district": region.district,
        "code": region.code,
        "proposal_year": region.proposal_year,
        "product": region.product,
        "kbli": region.kbli,
    }


def _documents(documents: Documents | None) -> dict[str, int] | None:
    return {"on_hand": documents.on_hand, "needed": documents.needed} if documents is not None else None


def _header(tool_version: str, info: SetInfo, lang: Lang, as_of: datetime.date | None) -> dict[str, Any]:
    header: dict[str, Any] = {
        "tool": {"name": "ovop-assess", "version": tool_version},
        "lang": lang,  # the language of every text below (reasons, missing items, messages)
        "criteria_set": {
            "id": info.id,
            "version": info.version,
            "title": info.title.get(lang, info.id),
            "source": info.source,
        },
        "area_table": edition(),
    }
    if as_of is not None:  # (a report built without one, by a library caller, has none)
        header["as_of"] = as_of.isoformat()
    return header


def _summary(verdicts: list[Verdict]) -> dict[str, int]:
    return {"files": len(verdicts), **{v.value: sum(1 for x in verdicts if x is v) for v in Verdict}}


class JsonEntry(NamedTuple):
    """One file's result, already encoded: what a batch keeps per file for the JSON report.

    Workers (``--jobs``) encode their own results, so the parent neither
    unpickles nor encodes full result values, and a batch holds the report
    text and little more.
    """

    verdict: Verdict
    score: float
    text: str
    crashes: tuple[RuleCrash, ...] = ()
    sheet_files: tuple[str, ...] = ()  # FileResult.sheet_files: inputs the report may not replace
    evidence_files: tuple[str, ...] = ()  # FileResult.evidence_files: the same


def json_entry(result: FileResult, lang: Lang) -> JsonEntry:
    text = _dumps(file_result(result, lang))
    crashes = rule_crashes(result)
    return JsonEntry(result.verdict, result.score, text, crashes, result.sheet_files, result.evidence_files)


def render_json(report: Report, lang: Lang = "en") -> str:
    """The report as JSON text: one line for the header, one line per file result, one for the summary.

    One JSON document (``json.loads`` gives header, ``results`` and
    ``summary``), laid out so that a batch report stays greppable and
    diffable line by line and is encoded by the C encoder (``indent`` would
    force the much slower pure-Python one).
    """
    entries = [json_entry(r, lang) for r in report.results]
    return render_json_entries(report.tool_version, report.criteria_set, entries, lang, as_of=report.as_of)


def render_json_entries(
    tool_version: str,
    info: SetInfo,
    entries: Iterable[JsonEntry],
    lang: Lang = "en",
    as_of: datetime.date | None = None,
) -> str:
    return "".join(stream_json_entries(tool_version, info, entries, lang, as_of=as_of))


def stream_json_entries(
    tool_version: str,
    info: SetInfo,
    entries: Iterable[JsonEntry],
    lang: Lang = "en",
    as_of: datetime.date | None = None,
) -> Iterator[str]:
    """The JSON report in pieces, as the entries arrive: a batch never holds the whole text."""
    head = _dumps(_header(tool_version, info, lang, as_of))[:-1]  # drop the closing brace: results follow
    yield f'{head}, "results": ['
    verdicts: list[Verdict] = []
    pending: str | None = None  # one entry is held back: only the last has no comma
    for entry in entries:
        verdicts.append(entry.verdict)
        if pending is not None:
            yield f"\n{pending},"
        pending = entry.text
    if pending is not None:
        yield f"\n{pending}"
    yield f'\n], "summary": {_dumps(_summary(verdicts))}}}\n'


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
