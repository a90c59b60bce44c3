"""The selection round of one office: every candidate of the year ranked, with what each still lacks.

A kabupaten/kota proposes one sentra a year out of several candidates. The
round orders them for the decision: eligible candidates first, the better
backed before the merely declared (assurance verified, then documented,
then declared) and then by score; then the incomplete ones, then the not
eligible ones, each by score; invalid files last, unranked. Ties keep the
order the files were given in.

``--previous`` names last round's JSON report (of ``round`` or of
``assess``): each candidate found in it (by area code, else by name and
kabupaten/kota) carries its verdict and score of then (:class:`Since`).
"""

from __future__ import annotations

import datetime
import json
import math
import os
import stat
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .errors import UsageError
from .office import OfficeProfile
from .results import (
    Assurance,
    CriterionResult,
    FileResult,
    Message,
    RegionInfo,
    SetInfo,
    Status,
    Verdict,
    file_label,
)

#: How many of a candidate's missing items a row shows (the checklist lists them all).
MISSING_SHOWN = 3
_OPEN = (Status.FAIL, Status.UNKNOWN, Status.ERROR)
_VERDICT_ORDER = {Verdict.ELIGIBLE: 0, Verdict.INCOMPLETE: 1, Verdict.NOT_ELIGIBLE: 2, Verdict.INVALID: 3}
_ASSURANCE_ORDER = {Assurance.VERIFIED: 0, Assurance.DOCUMENTED: 1, Assurance.DECLARED: 2, None: 3}


class Since(NamedTuple):
    """The candidate in last round's report: its verdict and score then (``found`` False: new this round)."""

    found: bool
    verdict: Verdict | None = None
    score: float | None = None


class Candidate(NamedTuple):
    """One row of the round."""

    rank: int | None  # 1, 2, …; None for an invalid file
    result: FileResult
    open_criteria: tuple[CriterionResult, ...]  # those that fail, are unknown or crashed
    missing: tuple[Message, ...]  # the first MISSING_SHOWN things still missing, in criteria order
    missing_total: int
    since: Since | None = None  # with --previous only


class Round(NamedTuple):
    tool_version: str
    criteria_set: SetInfo
    as_of: datetime.date
    year: int
    office: OfficeProfile | None
    candidates: tuple[Candidate, ...]
    previous: str | None = None  # the label of --previous

    def count(self, verdict: Verdict) -> int:
        return sum(1 for c in self.candidates if c.result.verdict is verdict)


def rank_key(result: FileResult) -> tuple[int, int, float]:
    """The sort key of a candidate: verdict group, then (eligible only) assurance, then score, best first."""
    assurance = _ASSURANCE_ORDER[result.assurance] if result.verdict is Verdict.ELIGIBLE else 0
    return (_VERDICT_ORDER[result.verdict], assurance, -result.score)


def make_round(
    tool_version: str,
    criteria_set: SetInfo,
    results: Iterable[FileResult],
    *,
    as_of: datetime.date,
    year: int | None = None,
    office: OfficeProfile | None = None,
    previous: PreviousRound | None = None,
) -> Round:
    """The ranked round. ``year`` names it; without one, the proposal year most candidates give, else ``as_of``'s."""
    ordered = sorted(results, key=rank_key)  # stable: ties keep the given order
    candidates = []
    rank = 0
    for result in ordered:
        if result.verdict is not Verdict.INVALID:
            rank += 1
        opened = tuple(c for c in result.criteria if c.status in _OPEN)
        missing = tuple(m for c in result.criteria for m in c.missing)
        since = previous.find(result.region) if previous is not None else None
        candidates.append(
            Candidate(
                rank if result.verdict is not Verdict.INVALID else None,
                result,
                opened,
                missing[:MISSING_SHOWN],
                len(missing),
                since,
            )
        )
    return Round(
        tool_version,
        criteria_set,
        as_of,
        year if year is not None else _usual_year(ordered, as_of),
        office,
        tuple(candidates),
        previous.label if previous is not None else None,
    )


def _usual_year(results: Sequence[FileResult], as_of: datetime.date) -> int:
    years = Counter(r.region.proposal_year for r in results if r.region is not None and r.region.proposal_year)
    return years.most_common(1)[0][0] if years else as_of.year


def match_key(region: RegionInfo | dict[str, Any]) -> tuple[str, ...]:
    """How two reports name the same sentra: its area code, else its name and kabupaten/kota (any case)."""
    code: object
    name: object
    city: object
    if isinstance(region, RegionInfo):
        code, name, city = region.code, region.name, region.city
    else:
        code, name, city = region.get("code"), region.get("name"), region.get("city")  # from JSON: any type
    if code:
        return ("code", str(code))
    return ("name", str(name or "").casefold().strip(), str(city or "").casefold().strip())


class PreviousRound(NamedTuple):
    """Last round's report, reduced to what the "since last round" column needs."""

    label: str
    by_code: dict[tuple[str, ...], Since]
    by_name: dict[tuple[str, ...], Since]

    def find(self, region: RegionInfo | None) -> Since | None:
        if region is None:
            return None
        key = match_key(region)
        named = ("name", region.name.casefold().strip(), region.city.casefold().strip())
        # A report of `assess` names regions without their code: fall back on the name.
        return self.by_code.get(key) or self.by_name.get(named) or Since(found=False)


def read_previous(path: Path) -> PreviousRound:
    """Last round's JSON report (``round --format json`` or ``assess --format json``); a usage error if it is none."""
    label = file_label(path)
    _, rows = read_report_rows(path, "round.previous_unreadable")
    by_code: dict[tuple[str, ...], Since] = {}
    by_name: dict[tuple[str, ...], Since] = {}
    for row in rows:
        region = row.get("region") if isinstance(row, dict) else None
        if not isinstance(region, dict):
            continue
        try:
            score = float(row.get("score", 0.0))
            since = Since(True, Verdict(row.get("verdict")), score)
        except (TypeError, ValueError):
            continue
        if not math.isfinite(score):  # 1e999 reads as infinity, which no JSON report may carry
            continue
        key = match_key(region)
        (by_code if key[0] == "code" else by_name)[key] = since
        by_name.setdefault(("name", *match_key({**region, "code": None})[1:]), since)
    return PreviousRound(label, by_code, by_name)


#: A report of 10,000 candidates is a few megabytes; a larger file is no report of this tool's.
MAX_REPORT_BYTES = 256 * 1024 * 1024


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def read_report_rows(path: Path, unreadable: str) -> tuple[dict[str, Any], list[Any]]:
    """A JSON report of ``round`` or ``assess``: the document and its rows (``candidates`` or ``results``).

    Anything else (no file, not JSON, JSON of another shape) is a usage error
    with the message ``unreadable``, which names the file as ``{path}``.
    """
    label = file_label(path)
    try:
        # Never blocking (a FIFO), a regular file only, and bounded: the report is read whole.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UsageError(Message("file.not_found", {}), file=label) from None
    except (OSError, ValueError):
        raise UsageError(Message(unreadable, {"path": label})) from None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_REPORT_BYTES:
            raise UsageError(Message(unreadable, {"path": label}))
        raw = handle.read(MAX_REPORT_BYTES + 1)
    try:
        # NaN and Infinity are no JSON: a report holding them was not written by this tool.
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # RecursionError: a document nested thousands deep
        raise UsageError(Message(unreadable, {"path": label})) from None
    rows = data.get("candidates", data.get("results")) if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(rows, list):
        raise UsageError(Message(unreadable, {"path": label}))
    return data, rows
