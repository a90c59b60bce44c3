"""Two assessments of the same sentra side by side: what improved, what got worse, what is still missing.

Each side is an :class:`Assessment`: a region file assessed now
(:func:`from_result`) or one result of a JSON report written by ``assess
--format json`` (:func:`read_report`, then :func:`_pick`). :func:`compare`
sets them side by side, criterion by criterion, in the criteria set's order.

Which way a criterion moved is decided in this order: its status (``fail``
< ``error`` < ``unknown`` < ``waived`` < ``pass``), then, for two passes,
its assurance (declared < documented < verified), then its score. The
overall change reads the verdict the same way (not eligible < incomplete <
eligible), then the assurance, then the score.

Missing items are compared by their wording, in the language of the report
when a side is a report (its header says which) and in the run's language
when both are region files: an item
missing before and not now is *added*; one missing on both sides is *still
missing*; one missing only now is *newly missing*. An item whose wording
holds a number that changed (``7 firms, at least 10 needed``) therefore
shows as added and newly missing at once, which is what happened to it.

Everything here is a plain value; the renderers only word it.
"""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from .errors import UsageError
from .messages import Lang, render
from .results import (
    Assurance,
    CriterionResult,
    FileResult,
    Message,
    RegionInfo,
    SetInfo,
    Status,
    Verdict,
    assurance_rank,
    file_label,
)
from .same_sentra import mismatch
from .selection_round import json_number, read_report_rows
from .selection_round import json_text as _text
from .yaml_source.clip import clip


class Source(StrEnum):
    """Where a side comes from."""

    REGION_FILE = "region_file"  # assessed by this run
    REPORT = "report"  # read from a JSON report


class Change(StrEnum):
    IMPROVED = "improved"
    WORSE = "worse"
    UNCHANGED = "unchanged"
    NEW_CRITERION = "new_criterion"  # only the new assessment has it
    DROPPED_CRITERION = "dropped_criterion"  # only the old one has it


#: A missing item: a message (from a region file assessed now) or the text a report holds.
Item = Message | str


class CriterionState(NamedTuple):
    """One criterion of one side."""

    id: str
    name: str
    status: Status
    score: float
    assurance: Assurance | None
    missing: tuple[Item, ...]


class SetRef(NamedTuple):
    id: str
    version: str


class Assessment(NamedTuple):
    """One side of the comparison."""

    file: str  # the region file, or the JSON report, as given
    source: Source
    entry: str | None  # for a report: the region file its result names
    region: RegionInfo
    criteria_set: SetRef
    as_of: datetime.date | None
    verdict: Verdict
    score: float
    assurance: Assurance | None
    criteria: tuple[CriterionState, ...]
    text_lang: Lang | None = None  # the language of a report's texts; None for a region file (any language)
    sheet_files: tuple[str, ...] = ()  # the firm spreadsheets a region file reads (a report's are not known)


class CriterionChange(NamedTuple):
    id: str
    name: str
    change: Change
    before: CriterionState | None  # None: a new criterion
    after: CriterionState | None  # None: a dropped criterion
    added: tuple[Item, ...]  # missing before, not any more
    still_missing: tuple[Item, ...]
    newly_missing: tuple[Item, ...]
    waived: tuple[Item, ...] = ()  # missing before and not supplied since: the criterion is waived now


class Comparison(NamedTuple):
    tool_version: str
    before: Assessment
    after: Assessment
    change: Change  # overall: improved, worse or unchanged
    criteria: tuple[CriterionChange, ...]
    notes: tuple[Message, ...]  # differences that do not stop the comparison (criteria sets, dates)

    def count(self, change: Change) -> int:
        return sum(1 for c in self.criteria if c.change is change)


_STATUS_ORDER = {Status.FAIL: 0, Status.ERROR: 1, Status.UNKNOWN: 2, Status.WAIVED: 3, Status.PASS: 4}
_VERDICT_ORDER = {Verdict.NOT_ELIGIBLE: 0, Verdict.INCOMPLETE: 1, Verdict.ELIGIBLE: 2}


# --- the two sides ---------------------------------------------------------


def from_result(result: FileResult, info: SetInfo, as_of: datetime.date) -> Assessment:
    """A region file assessed now (valid: an invalid file has nothing to compare)."""
    if result.region is None:
        raise ValueError(f"{result.file} is invalid: nothing to compare")
    return Assessment(
        file=result.file,
        source=Source.REGION_FILE,
        entry=None,
        region=result.region,
        criteria_set=SetRef(info.id, info.version),
        as_of=as_of,
        verdict=result.verdict,
        score=result.score,
        assurance=result.assurance,
        criteria=tuple(_state(c) for c in result.criteria),
        sheet_files=result.sheet_files,
    )


def _state(criterion: CriterionResult) -> CriterionState:
    return CriterionState(
        criterion.id, criterion.name, criterion.status, criterion.score, criterion.assurance, criterion.missing
    )


def read_report(path: Path) -> tuple[Assessment, ...]:
    """Every assessed region of a JSON report of ``assess``, in its order; a usage error for anything else.

    A round report (``round --format json``) is refused: it keeps only each
    candidate's open criteria, not every criterion's status and score.
    """
    label = file_label(path)
    data, rows = read_report_rows(path, "compare.not_a_report")
    if "candidates" in data:
        raise UsageError(Message("compare.round_report", {"path": label}))
    lang: Lang | None = data.get("lang") if data.get("lang") in ("en", "id") else None  # older reports: unknown
    try:
        criteria_set = SetRef(_text(data["criteria_set"]["id"]), _text(data["criteria_set"]["version"]))
        as_of = _date(data.get("as_of"))
        sides = tuple(_side(label, row, criteria_set, as_of)._replace(text_lang=lang) for row in rows if _assessed(row))
    except ScoreOutOfRange as exc:  # a report of assess, changed by hand: said so, not "no report"
        raise UsageError(exc.message(label)) from None
    except (KeyError, TypeError, ValueError):
        raise UsageError(Message("compare.not_a_report", {"path": label})) from None
    if not sides:
        raise UsageError(Message("compare.report_empty", {"path": label}))
    return sides


def _assessed(row: Any) -> bool:
    """An entry of an invalid file names no region and has no criteria: nothing to compare."""
    return isinstance(row, dict) and row.get("region") is not None and row.get("verdict") != Verdict.INVALID.value


def _side(label: str, row: dict[str, Any], criteria_set: SetRef, as_of: datetime.date | None) -> Assessment:
    entry = _text(row["file"])
    try:
        return _assessment(label, entry, row, criteria_set, as_of)
    except ScoreOutOfRange as exc:
        exc.entry = entry
        raise


def _assessment(
    label: str, entry: str, row: dict[str, Any], criteria_set: SetRef, as_of: datetime.date | None
) -> Assessment:
    region = row["region"]
    return Assessment(
        file=label,
        source=Source.REPORT,
        entry=entry,
        region=RegionInfo(
            name=_text(region["name"]),
            level=_text(region["level"]),
            city=_text(region["city"]),
            district=_optional_text(region.get("district")),
            code=_optional_text(region.get("code")),
            proposal_year=_optional_int(region.get("proposal_year", row.get("proposal_year"))),
        ),
        criteria_set=criteria_set,
        as_of=as_of,
        verdict=Verdict(row["verdict"]),
        score=_score(row["score"]),
        assurance=_assurance(row.get("assurance")),
        criteria=_criteria(row["criteria"]),
    )


def _criteria(value: Any) -> tuple[CriterionState, ...]:
    criteria = tuple(_criterion(c) for c in _list(value))
    if len({c.id for c in criteria}) != len(criteria):  # a hand-edited report: which one counts would be a guess
        raise ValueError("a criterion is listed twice")
    return criteria


def _criterion(entry: Any) -> CriterionState:
    if not isinstance(entry, dict):
        raise TypeError("a criterion is an object")
    criterion = _text(entry["id"])
    try:
        score = _score(entry["score"])
    except ScoreOutOfRange as exc:
        exc.criterion = criterion
        raise
    return CriterionState(
        id=criterion,
        name=_text(entry.get("name", entry["id"])),
        status=Status(entry["status"]),
        score=score,
        assurance=_assurance(entry.get("assurance")),
        missing=tuple(_text(m) for m in _list(entry.get("missing", []))),
    )


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _optional_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("a whole number expected")
    return value


def _number(value: Any) -> float:
    number = json_number(value)
    if isinstance(value, float) and not math.isfinite(value):  # NaN, Infinity: no number this tool writes
        raise TypeError("a number expected")
    return number


def _score(value: Any) -> float:
    """A score: 0 to 1 (a hand-edited -3 showed as "pass -3.00"; 1.0000000001 is past 1 too; a hand-typed
    integer of 400 digits too, as infinity)."""
    score = _number(value)
    if not 0.0 <= score <= 1.0:
        raise ScoreOutOfRange(value)
    return score


class ScoreOutOfRange(ValueError):
    """A report's score outside 0 to 1: the report is one of assess's, changed after it was written, and is
    refused with the score and where it is (the result's ``entry``, its ``criterion`` or its total)."""

    def __init__(self, score: float) -> None:
        super().__init__("a score is from 0 to 1")
        self.score = score
        self.entry = ""
        self.criterion: str | None = None

    def message(self, path: str) -> Message:
        said = clip(str(self.score))  # as the report writes it: 1.0000000001, -3
        if self.criterion is None:
            return Message("compare.total_score_out_of_range", {"path": path, "file": self.entry, "score": said})
        values = {"path": path, "file": self.entry, "criterion": self.criterion, "score": said}
        return Message("compare.score_out_of_range", values)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("a list expected")
    return value


def _assurance(value: Any) -> Assurance | None:
    return None if value is None else Assurance(value)


def _date(value: Any) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(_text(value))


# --- the same sentra -------------------------------------------------------


def pair(
    olds: Sequence[Assessment], news: Sequence[Assessment], *, old_name: Message, new_name: Message
) -> tuple[Assessment, Assessment]:
    """The two results to compare: a side of several (a report of a folder) gives the one that matches the other.

    A side of one result is taken as it is: whether it is the same sentra as
    the other is checked after (:func:`check_same_sentra`), with its reason.
    ``old_name`` and ``new_name`` are how errors name the sides (OLD, NEW).
    """
    if len(olds) == 1 and len(news) == 1:
        return olds[0], news[0]
    if len(olds) == 1:
        return olds[0], _pick(news, olds[0], new_name)
    if len(news) == 1:
        return _pick(olds, news[0], old_name), news[0]
    pairs = [(o, n) for o in olds for n in news if mismatch(o.region, n.region) is None]
    if len(pairs) == 1:
        return pairs[0]
    key = "compare.reports_several" if pairs else "compare.reports_none"
    raise UsageError(Message(key, {"old": olds[0].file, "new": news[0].file, "count": len(pairs)}))


_LISTED = 10


def _pick(sides: Sequence[Assessment], other: Assessment, which: Message) -> Assessment:
    """The one result of ``sides`` that is the sentra ``other`` assesses; none or several: a usage error."""
    matching = [side for side in sides if mismatch(side.region, other.region) is None]
    if len(matching) == 1:
        return matching[0]
    shown = matching or sides
    listed = "; ".join(f"{describe(side.region)} ({side.entry})" for side in shown[:_LISTED])
    if len(shown) > _LISTED:  # a report of 20,000 regions: a line to read, not a megabyte
        listed += f"; … (+{len(shown) - _LISTED})"
    key = "compare.report_several" if matching else "compare.report_none"
    values = {"which": which, "path": sides[0].file, "region": describe(other.region), "candidates": listed}
    raise UsageError(Message(key, values))


def describe(region: RegionInfo) -> str:
    """``Kauman (kelurahan, Kota Surakarta, 33.72.03.1009)``: a region as the errors name it."""
    parts = [region.level, region.city, *([region.code] if region.code else [])]
    return f"{region.name} ({', '.join(parts)})"


def check_same_sentra(old: Assessment, new: Assessment) -> None:
    """A usage error naming both regions and why they differ, unless they are the same sentra."""
    why = mismatch(old.region, new.region)
    if why is not None:
        values = {"old": describe(old.region), "old_file": old.file, "new": describe(new.region), "new_file": new.file}
        raise UsageError(Message("compare.not_same_sentra", {**values, "why": why}))


# --- the comparison --------------------------------------------------------


def compare(old: Assessment, new: Assessment, *, tool_version: str, lang: Lang = "en") -> Comparison:
    """The two sides compared; missing items are compared in a report's language, else in ``lang``."""
    check_same_sentra(old, new)
    run_lang, lang = lang, old.text_lang or new.text_lang or lang
    before = {c.id: c for c in old.criteria}
    after = {c.id: c for c in new.criteria}
    changes = []
    for criterion_id in _union([c.id for c in old.criteria], [c.id for c in new.criteria]):
        changes.append(_criterion_change(before.get(criterion_id), after.get(criterion_id), lang))
    overall = _direction(_overall_key(old), _overall_key(new))
    return Comparison(tool_version, old, new, overall, tuple(changes), _notes(old, new, run_lang))


def _same_files(old: Sequence[str], new: Sequence[str]) -> str | None:
    """The first of ``new`` that is also one of ``old`` (the same file, by whatever path), if any: for the
    firm spreadsheets both sides read, the older side's firms are then the file's firms today, not those of
    its year (unless the two sides are one region file, compared with itself)."""
    for before in old:
        for now in new:
            try:
                if os.path.samefile(before, now):
                    return now
            except (OSError, ValueError):  # gone since, or a name no system call takes: not known to be one
                continue
    return None


def _union(old: list[str], new: list[str]) -> list[str]:
    """Both sides' ids in the new set's order, each dropped id right after the id it followed before."""
    merged = list(new)
    for index, criterion_id in enumerate(old):
        if criterion_id in merged:
            continue
        earlier = [i for i in old[:index] if i in merged]
        merged.insert(merged.index(earlier[-1]) + 1 if earlier else 0, criterion_id)
    return merged


def _criterion_change(before: CriterionState | None, after: CriterionState | None, lang: Lang) -> CriterionChange:
    if after is None:
        assert before is not None
        return CriterionChange(before.id, before.name, Change.DROPPED_CRITERION, before, None, (), (), ())
    if before is None:
        return CriterionChange(after.id, after.name, Change.NEW_CRITERION, None, after, (), (), after.missing)
    was = {_key(item, lang) for item in before.missing}
    now = {_key(item, lang) for item in after.missing}
    gone = tuple(item for item in before.missing if _key(item, lang) not in now)
    # A waiver clears a criterion's missing items without anyone supplying them: never call them added.
    waived = after.status is Status.WAIVED
    return CriterionChange(
        after.id,
        after.name,
        _direction(_criterion_key(before), _criterion_key(after)),
        before,
        after,
        added=() if waived else gone,
        waived=gone if waived else (),
        still_missing=tuple(item for item in after.missing if _key(item, lang) in was),
        newly_missing=tuple(item for item in after.missing if _key(item, lang) not in was),
    )


def _key(item: Item, lang: Lang) -> str:
    return " ".join((item if isinstance(item, str) else render(item, lang)).split()).casefold()


def _criterion_key(state: CriterionState) -> tuple[int, int, float]:
    return (_STATUS_ORDER[state.status], _assurance_key(state.assurance), round(state.score, 4))


def _overall_key(side: Assessment) -> tuple[int, int, float]:
    return (_VERDICT_ORDER.get(side.verdict, -1), _assurance_key(side.assurance), round(side.score, 4))


def _assurance_key(level: Assurance | None) -> int:
    return assurance_rank(level) if level is not None else -1


def _direction(before: tuple[int, int, float], after: tuple[int, int, float]) -> Change:
    if after > before:
        return Change.IMPROVED
    if after < before:
        return Change.WORSE
    return Change.UNCHANGED


_LANGUAGE_NAMES = {"en": "compare.language_en", "id": "compare.language_id"}


def _notes(old: Assessment, new: Assessment, run_lang: Lang) -> tuple[Message, ...]:
    notes = []
    if old.criteria_set != new.criteria_set:
        notes.append(
            Message(
                "compare.note_sets_differ",
                {
                    "old": f"{old.criteria_set.id} {old.criteria_set.version}",
                    "new": f"{new.criteria_set.id} {new.criteria_set.version}",
                },
            )
        )
    if old.text_lang and new.text_lang and old.text_lang != new.text_lang:
        names = {
            side: Message(_LANGUAGE_NAMES[lang], {}) for side, lang in (("old", old.text_lang), ("new", new.text_lang))
        }
        notes.append(Message("compare.note_languages_differ", names))
    else:  # a report's texts (the missing items it lists) are shown as it wrote them
        for side in (old, new) if new.file != old.file else (old,):  # (a report compared with itself: said once)
            if side.text_lang is not None and side.text_lang != run_lang:
                language = Message(_LANGUAGE_NAMES[side.text_lang], {})
                notes.append(Message("compare.note_report_language", {"file": side.file, "language": language}))
    shared = None if _same_files([old.file], [new.file]) else _same_files(old.sheet_files, new.sheet_files)
    if shared is not None:
        notes.append(Message("compare.note_same_sheet", {"file": shared}))
    old_year, new_year = old.region.proposal_year, new.region.proposal_year
    if old_year and new_year and old_year > new_year:
        notes.append(Message("compare.note_old_year_is_later", {"old": old_year, "new": new_year}))
    if old.as_of is not None and new.as_of is not None and old.as_of > new.as_of:
        # Dates as values: JSON writes them ISO, the documents for people in full (render/comparison_rows.notes).
        notes.append(Message("compare.note_old_is_later", {"old": old.as_of, "new": new.as_of}))
    return tuple(notes)
