"""The comparison as JSON, for scripts (``compare --format json``): plain values, ISO dates, decimal points.

One indented document: ``tool``, ``before`` and ``after`` (each side: its
file, region, criteria set, date, verdict, assurance, score), the overall
``change``, ``criteria`` (per criterion both states and the three lists of
missing items), ``notes`` and ``summary``; every field in docs/json-report.md
("The comparison"). Missing items and notes are in the run's language; ids,
statuses and changes are not.
"""

from __future__ import annotations

import json
from typing import Any

from ..comparison import Assessment, Change, Comparison, CriterionChange, CriterionState
from ..messages import Lang, render
from .comparison_rows import item_text


def _side(side: Assessment) -> dict[str, Any]:
    region = side.region
    return {
        "file": side.file,
        "source": side.source.value,
        "entry": side.entry,
        "region": {
            "name": region.name,
            "level": region.level,
            "district": region.district,
            "city": region.city,
            "code": region.code,
        },
        "proposal_year": region.proposal_year,
        "criteria_set": {"id": side.criteria_set.id, "version": side.criteria_set.version},
        "as_of": side.as_of.isoformat() if side.as_of is not None else None,
        "verdict": side.verdict.value,
        "assurance": side.assurance.value if side.assurance is not None else None,
        "score": side.score,
    }


def _state(state: CriterionState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "status": state.status.value,
        "score": state.score,
        "assurance": state.assurance.value if state.assurance is not None else None,
    }


def _criterion(change: CriterionChange, lang: Lang) -> dict[str, Any]:
    return {
        "id": change.id,
        "name": change.name,
        "change": change.change.value,
        "before": _state(change.before),
        "after": _state(change.after),
        "added": [item_text(item, lang) for item in change.added],
        "still_missing": [item_text(item, lang) for item in change.still_missing],
        "newly_missing": [item_text(item, lang) for item in change.newly_missing],
        "waived": [item_text(item, lang) for item in change.waived],
    }


def render_comparison_json(document: Comparison, lang: Lang = "en") -> str:
    criteria = document.criteria
    value = {
        "tool": {"name": "ovop-assess", "version": document.tool_version},
        "before": _side(document.before),
        "after": _side(document.after),
        "change": document.change.value,
        "criteria": [_criterion(c, lang) for c in criteria],
        "notes": [{"id": note.id, "message": render(note, lang)} for note in document.notes],
        "summary": {
            **{change.value: document.count(change) for change in Change},
            "added": sum(len(c.added) for c in criteria),
            "still_missing": sum(len(c.still_missing) for c in criteria),
            "newly_missing": sum(len(c.newly_missing) for c in criteria),
            "waived": sum(len(c.waived) for c in criteria),
        },
    }
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"
