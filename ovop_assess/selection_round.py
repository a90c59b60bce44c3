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
import re
import stat
import sys
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
from .same_sentra import code_key, mismatch, name_key
from .yaml_source.clip import clip

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
    waived: tuple[CriterionResult, ...] = ()  # those a waiver in the file excuses: an office signing must see them


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
        # An item two criteria give in the same words is said once.
        missing = tuple({repr(m): m for c in result.criteria for m in c.missing}.values())
        since = previous.find(result.region) if previous is not None else None
        candidates.append(
            Candidate(
                rank if result.verdict is not Verdict.INVALID else None,
                result,
                opened,
                missing[:MISSING_SHOWN],
                len(missing),
                since,
                tuple(c for c in result.criteria if c.status is Status.WAIVED),
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
    top = years.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):  # none given, or a tie: no year most give
        return as_of.year
    return top[0][0]


class PreviousRound(NamedTuple):
    """Last round's report, reduced to what the "since last round" column needs."""

    label: str
    by_code: dict[str, Since]
    by_name: dict[tuple[str, str], list[tuple[RegionInfo, Since]]]
    warnings: tuple[Message, ...] = ()  # entries not taken for a score outside 0 to 1 (a hand-edited report)

    def find(self, region: RegionInfo | None) -> Since | None:
        """The candidate's entry, found as ``compare`` finds the same sentra: by code, else by name and city."""
        if region is None:
            return None
        code = code_key(region)
        if code is not None and code in self.by_code:
            return self.by_code[code]
        for earlier, since in self.by_name.get(name_key(region), ()):
            if mismatch(earlier, region) is None:  # two different codes never match by name
                return since
        return Since(found=False)


def read_previous(path: Path) -> PreviousRound:
    """Last round's JSON report (``round --format json`` or ``assess --format json``); a usage error if it is none."""
    label = file_label(path)
    _, rows = read_report_rows(path, "round.previous_unreadable")
    by_code: dict[str, Since] = {}
    by_name: dict[tuple[str, str], list[tuple[RegionInfo, Since]]] = {}
    warnings: list[Message] = []
    for row in rows:
        region = row.get("region") if isinstance(row, dict) else None
        if not isinstance(region, dict):
            continue
        written = row.get("score", 0.0)
        try:
            score = json_number(written)
        except TypeError:  # true (Python's 1) or "0.5": no score this tool wrote, said as out of range
            score = math.nan
        try:
            since = Since(True, Verdict(row.get("verdict")), score)
            info = RegionInfo(
                name=json_text(region.get("name")),
                level=json_text(region.get("level", "")),
                city=json_text(region.get("city")),
                code=json_text(region["code"]) if region.get("code") is not None else None,
            )
        except (TypeError, ValueError):
            continue
        if not 0.0 <= score <= 1.0:  # a hand-edited 57 showed as "was eligible, 57.00": not taken, and said
            region_named = f"{info.name}, {info.city}"
            # As JSON writes it: 57, true, "0.5", Infinity (1e999 read as infinity), 400 digits
            said = {"path": label, "region": region_named, "score": clip(json.dumps(written, ensure_ascii=False))}
            warnings.append(Message("round.previous_score_out_of_range", said))
            continue
        code = code_key(info)
        if code is not None:
            by_code.setdefault(code, since)
        by_name.setdefault(name_key(info), []).append((info, since))
    return PreviousRound(label, by_code, by_name, tuple(warnings))


def json_number(value: object) -> float:
    """A number read from a JSON report, as a float; a TypeError for anything else (``true``, Python's 1, or
    ``"0.5"``). An integer too large for a float (400 digits typed by hand) is infinity: ``float()`` raised
    OverflowError, an internal error. ``NaN`` and ``Infinity``, which Python's JSON reads, stay as they are."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("a number expected")
    if isinstance(value, int) and not -_FLOAT_MAX <= value <= _FLOAT_MAX:
        return math.inf if value > 0 else -math.inf
    return float(value)


_FLOAT_MAX = int(sys.float_info.max)


def json_text(value: object) -> str:
    """A text value read from a JSON report; a TypeError for anything else (the caller skips or refuses it)."""
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


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
    if _SURROGATE_ESCAPE.search(raw):
        data = _without_surrogates(data)
    rows = data.get("candidates", data.get("results")) if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(rows, list):
        raise UsageError(Message(unreadable, {"path": label}))
    return data, rows


# JSON may write a lone surrogate (``"\ud800"``), which no UTF-8 output can carry: every text of a report
# holding one is looked at. (A false match, ``"\\ud800"``, only costs that look.)
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _without_surrogates(data: Any) -> Any:
    """``data`` with each lone surrogate of its texts (keys too) written as ``\\udXXX``, as a file name's
    undecodable byte is shown (``file_label``). Walked without recursion: the document may be nested deep."""
    root: list[Any] = [data]
    stack: list[tuple[list[Any] | dict[str, Any], Any]] = [(root, 0)]
    while stack:
        holder, at = stack.pop()
        value = holder[at]
        if isinstance(value, str):
            holder[at] = _surrogates_escaped(value)
        elif isinstance(value, list):
            stack.extend((value, index) for index in range(len(value)))
        elif isinstance(value, dict):
            cleaned = {_surrogates_escaped(key): item for key, item in value.items()}
            holder[at] = cleaned
            stack.extend((cleaned, key) for key in cleaned)
    return root[0]


def _surrogates_escaped(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value
