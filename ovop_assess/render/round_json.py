"""The round as JSON, for scripts: the ranked candidates with plain values (ISO dates, decimal points).

One document: ``tool``, ``criteria_set``, ``round`` (year, assessment date,
the office, the previous report), ``candidates`` in rank order and
``summary``; every field in docs/json-report.md ("The round report").
Texts (missing items) are in the run's language; ids and values are not.
"""

from __future__ import annotations

import json
from typing import Any

from ..messages import Lang, render
from ..results import Verdict
from ..selection_round import Candidate, Round
from .area_marks import area_warnings
from .json_report import _header, _summary, error


def candidate(row: Candidate, lang: Lang) -> dict[str, Any]:
    result = row.result
    region = result.region
    since = row.since
    return {
        "rank": row.rank,
        "file": result.file,
        "region": (
            {
                "name": region.name,
                "level": region.level,
                "district": region.district,
                "city": region.city,
                "code": region.code,
            }
            if region is not None
            else None
        ),
        "product": {"name": region.product, "kbli": region.kbli} if region is not None and region.product else None,
        "proposal_year": region.proposal_year if region is not None else None,
        "verdict": result.verdict.value,
        "assurance": result.assurance.value if result.assurance is not None else None,
        "score": result.score,
        "open_criteria": [{"id": c.id, "status": c.status.value} for c in row.open_criteria],
        "waived_criteria": [c.id for c in row.waived],
        "missing": [render(m, lang) for m in row.missing],
        "missing_total": row.missing_total,
        # The official area table's disagreements (the page marks the code with ⚠): line and sentence each.
        "area_warnings": [
            {
                "path": f.location.path if f.location is not None else None,
                "line": f.location.line if f.location is not None else None,
                "id": f.message.id,
                "message": render(f.message, lang),
            }
            for f in area_warnings(result)
        ],
        # Why an invalid file is invalid, as the assess report gives its errors (stderr says them too).
        "errors": [error(f, lang) for f in result.errors] if result.verdict is Verdict.INVALID else [],
        "since": (
            None
            if since is None
            else {
                "found": since.found,
                "verdict": since.verdict.value if since.verdict is not None else None,
                "score": since.score,
            }
        ),
    }


def render_round_json(document: Round, lang: Lang = "en") -> str:
    office = document.office.office if document.office is not None else None
    value = {
        **_header(document.tool_version, document.criteria_set, lang, document.as_of),
        "round": {
            "year": document.year,
            "as_of": document.as_of.isoformat(),
            "office": office.model_dump(mode="json", exclude={"logo"}) if office is not None else None,
            "previous": document.previous,
        },
        "candidates": [candidate(c, lang) for c in document.candidates],
        "summary": _summary([c.result.verdict for c in document.candidates]),
    }
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"
