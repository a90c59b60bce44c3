"""Assess region files against a criteria set: the library's main entry point.

``assess_path`` never raises for a bad region file: whatever is wrong with
it becomes an ``invalid`` result with every problem listed. It raises only
for things that stop the whole run (a bad criteria set, raised earlier by
:mod:`ovop_assess.criteria_sets`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import __version__
from . import rules as registry
from .criteria_sets import ActiveRule, CriteriaSet
from .region import Region, Waiver
from .results import (
    CriterionResult,
    FileResult,
    Finding,
    Message,
    Outcome,
    RegionInfo,
    Report,
    Status,
    Verdict,
)
from .rules.base import Facts, RuleSpec
from .validate import RuleIds, validate
from .verdict import total_score, verdict_of
from .yaml_source import Limits, Loaded, LoadError, load_file, parse_text


def rule_ids(criteria: CriteriaSet) -> RuleIds:
    return RuleIds(
        set_id=criteria.info.id,
        active={rule.id for rule in criteria.rules},
        is_known=lambda rule_id: registry.lookup(rule_id) is not None,
        known_list=registry.known_ids,
        evidence_keys=criteria.evidence_keys(),
    )


def assess_path(
    path: Path,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    limits: Limits | None = None,
    label: str | None = None,
) -> FileResult:
    """Read, validate and assess one region file."""
    label = label if label is not None else str(path)
    try:
        loaded = load_file(path, limits or Limits())
    except LoadError as exc:
        return _invalid(label, exc.findings)
    return assess_loaded(loaded, criteria, as_of=as_of, label=label)


def assess_text(
    text: str, criteria: CriteriaSet, *, as_of: datetime.date, label: str = "<text>", limits: Limits | None = None
) -> FileResult:
    """Assess a region document given as text (handy for tests and plugins)."""
    try:
        loaded = parse_text(text, limits or Limits())
    except LoadError as exc:
        return _invalid(label, exc.findings)
    return assess_loaded(loaded, criteria, as_of=as_of, label=label)


def assess_loaded(loaded: Loaded, criteria: CriteriaSet, *, as_of: datetime.date, label: str) -> FileResult:
    return _assess(loaded, criteria, as_of=as_of, label=label)[0]


def assess_with_region(
    path: Path,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    limits: Limits | None = None,
    label: str | None = None,
) -> tuple[FileResult, Region | None]:
    """Like :func:`assess_path`, also returning the validated region (None when invalid)."""
    label = label if label is not None else str(path)
    try:
        loaded = load_file(path, limits or Limits())
    except LoadError as exc:
        return _invalid(label, exc.findings), None
    return _assess(loaded, criteria, as_of=as_of, label=label)


def _assess(
    loaded: Loaded, criteria: CriteriaSet, *, as_of: datetime.date, label: str
) -> tuple[FileResult, Region | None]:
    checked = validate(loaded, rule_ids(criteria))
    if checked.region is None:
        return _invalid(label, list(checked.errors), checked.warnings), None
    facts = Facts(checked.region, loaded.positions)
    results = tuple(_run(rule, facts, as_of) for rule in criteria.rules)
    errors = tuple(finding for result in results if result.status is Status.ERROR for finding in result.reasons)
    place = checked.region.region
    result = FileResult(
        file=label,
        region=RegionInfo(place.name, place.level, place.city),
        verdict=verdict_of(results),
        score=total_score(results),
        criteria=results,
        errors=errors,
        warnings=checked.warnings,
    )
    return result, checked.region


def _invalid(label: str, findings: list[Finding], warnings: tuple[Finding, ...] = ()) -> FileResult:
    return FileResult(label, None, Verdict.INVALID, 0.0, (), tuple(findings), warnings)


def _run(rule: ActiveRule, facts: Facts, as_of: datetime.date) -> CriterionResult:
    spec = rule.spec
    if isinstance(spec, RuleSpec):
        try:
            outcome = spec.check(facts, rule.params)
            if not isinstance(outcome, Outcome):
                raise TypeError(f"check() returned {type(outcome).__name__}, not Outcome")
        except Exception as exc:  # a plugin's bug is that rule's error, not the run's
            outcome = _error(Message("rule.crashed", {"rule": rule.id, "error": f"{type(exc).__name__}: {exc}"}))
        name = spec.name
    else:
        outcome = _error(Message("rule.unavailable", {"rule": rule.id, "error": spec.error}))
        name = rule.id
    outcome = _apply_waivers(rule.id, outcome, facts.region, facts, as_of)
    return CriterionResult(
        id=rule.id,
        name=name,
        status=outcome.status,
        score=outcome.score,
        required=rule.required,
        group=rule.group,
        weight=rule.weight,
        reasons=outcome.reasons,
        warnings=outcome.warnings,
        missing=outcome.missing,
    )


def _error(message: Message) -> Outcome:
    return Outcome(Status.ERROR, 0.0, (Finding(message),))


def _apply_waivers(rule_id: str, outcome: Outcome, region: Region, facts: Facts, as_of: datetime.date) -> Outcome:
    for index, waiver in enumerate(region.waivers or ()):
        if waiver.rule != rule_id:
            continue
        where = facts.at("waivers", index)
        if waiver.expires is not None and waiver.expires < as_of:
            expired = Finding(_waiver_message("waiver.expired", waiver), where)
            outcome = Outcome(
                outcome.status, outcome.score, outcome.reasons, (*outcome.warnings, expired), outcome.missing
            )
            continue
        applied = Finding(_waiver_message("waiver.applied", waiver), where)
        return Outcome(Status.WAIVED, 1.0, (applied, *outcome.reasons), outcome.warnings, ())
    return outcome


def _waiver_message(kind: str, waiver: Waiver) -> Message:
    if kind == "waiver.applied" and waiver.approved_by:
        return Message("waiver.applied_by", {"reason": waiver.reason, "approved_by": waiver.approved_by})
    values: dict[str, object] = {"reason": waiver.reason}
    if waiver.expires is not None:
        values["expires"] = waiver.expires.isoformat()
    return Message(kind, values)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; a folder means every ``*.yaml``/``*.yml`` below it, in a stable order."""
    for path in paths:
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]
            yield from sorted(found)
        else:
            yield path


def make_report(criteria: CriteriaSet, results: Iterable[FileResult]) -> Report:
    return Report(__version__, criteria.info, tuple(results))
