"""The JSON report: the stable contract for scripts (spec: cli.md, "JSON report")."""

from __future__ import annotations

import json
from typing import Any

from ..messages import Lang, render
from ..results import CriterionResult, FileResult, Finding, Location, Report, Verdict


def location(loc: Location) -> dict[str, Any]:
    return {"path": loc.path, "line": loc.line}


def error(finding: Finding, lang: Lang) -> dict[str, Any]:
    loc = finding.location
    return {
        "path": loc.path if loc else "",
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
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
    }


def file_result(result: FileResult, lang: Lang) -> dict[str, Any]:
    region = result.region
    return {
        "file": result.file,
        "region": {"name": region.name, "level": region.level, "city": region.city} if region else None,
        "verdict": result.verdict.value,
        "score": result.score,
        "criteria": [criterion(c, lang) for c in result.criteria],
        "errors": [error(f, lang) for f in result.errors],
        "warnings": [error(f, lang) for f in result.warnings],
    }


def report_dict(report: Report, lang: Lang = "en") -> dict[str, Any]:
    info = report.criteria_set
    return {
        "tool": {"name": "ovop-assess", "version": report.tool_version},
        "criteria_set": {
            "id": info.id,
            "version": info.version,
            "title": info.title.get(lang, info.id),
            "source": info.source,
        },
        "results": [file_result(r, lang) for r in report.results],
        "summary": {
            "files": len(report.results),
            **{v.value: report.count(v) for v in Verdict},
        },
    }


def render_json(report: Report, lang: Lang = "en") -> str:
    """The report as JSON text: one line for the header, one line per file result, one for the summary.

    Same document as ``json.dumps(report_dict(report))``, laid out so that a
    batch report stays greppable and diffable line by line and is encoded by
    the C encoder (``indent`` would force the much slower pure-Python one).
    """
    document = report_dict(report, lang)
    results = document.pop("results")
    summary = document.pop("summary")
    head = _dumps(document)[:-1]  # drop the closing brace: results follow
    lines = [f'{head}, "results": [']
    last = len(results) - 1
    lines.extend(_dumps(result) + ("," if i < last else "") for i, result in enumerate(results))
    lines.append(f'], "summary": {_dumps(summary)}}}')
    return "\n".join(lines) + "\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
