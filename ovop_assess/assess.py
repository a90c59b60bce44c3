"""Assess region files against a criteria set: the library's main entry point.

``assess_path`` never raises for a bad region file: whatever is wrong with
it becomes an ``invalid`` result with every problem listed. It raises only
for things that stop the whole run (a bad criteria set, raised earlier by
:mod:`ovop_assess.criteria_sets`).
"""

from __future__ import annotations

import contextlib
import datetime
import io
import math
import os
import traceback
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from . import __version__, messages
from . import rules as registry
from .criteria_sets import ActiveRule, CriteriaSet
from .region import Region, Waiver
from .results import (
    AppliedWaiver,
    Crash,
    CriterionResult,
    FileResult,
    Finding,
    Message,
    Outcome,
    RegionInfo,
    Report,
    Status,
    UnknownEvidenceKey,
    Verdict,
    file_label,
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
        # A document of a rule the set switches off is not a typo: no unknown-key warning.
        evidence_keys=criteria.evidence_keys() | set(criteria.disabled_evidence or ()),
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
    return assess_with_region(path, criteria, as_of=as_of, limits=limits, label=label)[0]


def assess_with_region(
    path: Path,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    limits: Limits | None = None,
    label: str | None = None,
) -> tuple[FileResult, Region | None]:
    """Like :func:`assess_path`, also returning the validated region (None when invalid)."""
    label = label if label is not None else file_label(path)
    try:
        loaded = load_file(path, limits or Limits())
    except LoadError as exc:
        return _invalid(label, exc.findings), None
    return _assess(loaded, criteria, as_of=as_of, label=label)


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


def _assess(
    loaded: Loaded, criteria: CriteriaSet, *, as_of: datetime.date, label: str
) -> tuple[FileResult, Region | None]:
    checked = validate(loaded, rule_ids(criteria))
    if checked.region is None:
        return _invalid(label, list(checked.errors), checked.warnings, checked.unknown_evidence), None
    facts = Facts(checked.region, loaded.positions)
    results = tuple(_run(rule, facts, as_of) for rule in criteria.rules)
    errors = tuple(finding for result in results if result.status is Status.ERROR for finding in result.reasons)
    place = checked.region.region
    product = checked.region.product
    result = FileResult(
        file=label,
        region=RegionInfo(
            place.name,
            place.level,
            place.city,
            place.district,
            place.code,
            place.proposal_year,
            product.name if product is not None else None,
            product.kbli if product is not None else None,
        ),
        verdict=verdict_of(results),
        score=total_score(results),
        criteria=results,
        errors=errors,
        warnings=checked.warnings,
        unknown_evidence=checked.unknown_evidence,
    )
    return result, checked.region


def _invalid(
    label: str,
    findings: list[Finding],
    warnings: tuple[Finding, ...] = (),
    unknown_evidence: tuple[UnknownEvidenceKey, ...] = (),
) -> FileResult:
    return FileResult(label, None, Verdict.INVALID, 0.0, (), tuple(findings), warnings, unknown_evidence)


def _run(rule: ActiveRule, facts: Facts, as_of: datetime.date) -> CriterionResult:
    spec = rule.spec
    crash: Crash | None = None
    if isinstance(spec, RuleSpec):
        checked = _check(rule, spec, facts)
        if isinstance(checked, Crash):
            crash = checked
            outcome = _error(Message("rule.crashed", {"rule": rule.id, "error": crash.error}))
        else:
            outcome = checked
        name = spec.name
    else:
        crash = Crash(spec.error)
        outcome = _error(Message("rule.unavailable", {"rule": rule.id, "error": spec.error}))
        name = rule.id
    outcome, waiver = _apply_waivers(rule.id, outcome, facts, as_of)
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
        waiver=waiver,
        crash=crash,
    )


def _check(rule: ActiveRule, spec: RuleSpec, facts: Facts) -> Outcome | Crash:
    """Run one rule; whatever goes wrong inside it becomes that rule's :class:`Crash`.

    A plugin is third-party code: it may raise, call ``sys.exit()``, print,
    or return something that is not a well-formed Outcome. None of that may
    take the run down or reach a renderer, so plugin outcomes are checked
    here, once, and plugin output to stdout is kept out of the report.
    """
    builtin = spec.origin == "built-in"
    try:
        if builtin:
            outcome = spec.check(facts, rule.params)
        else:
            with contextlib.redirect_stdout(io.StringIO()):
                outcome = spec.check(facts, rule.params)
            problem = outcome_problem(outcome)
            if problem is not None:
                raise TypeError(problem)
    except (Exception, SystemExit) as exc:  # a rule's bug is that rule's error, not the run's
        detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
        return Crash(detail, "".join(traceback.format_exception(exc)))
    return outcome


_RULE_STATUSES = (Status.PASS, Status.FAIL, Status.UNKNOWN)


def outcome_problem(outcome: object) -> str | None:
    """Why a rule's return value is not a well-formed Outcome, or None when it is."""
    if not isinstance(outcome, Outcome):
        return f"check() returned {type(outcome).__name__}, not Outcome"
    if not isinstance(outcome.status, Status) or outcome.status not in _RULE_STATUSES:
        return f"status {outcome.status!r} is not Status.PASS, Status.FAIL or Status.UNKNOWN"
    score = outcome.score
    if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score) or not 0 <= score <= 1:
        return f"score {score!r} is not a number from 0 to 1"
    for field, items in (("reasons", outcome.reasons), ("warnings", outcome.warnings)):
        if not isinstance(items, tuple | list) or not all(isinstance(f, Finding) for f in items):
            return f"{field} must be Finding values (use facts.finding(...))"
        for finding in items:
            problem = _message_problem(finding.message)
            if problem is not None:
                return problem
    if not isinstance(outcome.missing, tuple | list) or not all(isinstance(m, Message) for m in outcome.missing):
        return "missing must be Message values (use msg(...))"
    for message in outcome.missing:
        problem = _message_problem(message)
        if problem is not None:
            return problem
    return None


def _message_problem(message: object) -> str | None:
    if not isinstance(message, Message) or not isinstance(message.values, Mapping):
        return "a reason's message must be a Message (use facts.finding(...) or msg(...))"
    entry = messages.CATALOGUE.get(message.id)
    if entry is None:
        return f"message {message.id!r} is not in the catalogue (give it in the rule's MESSAGES)"
    for lang in messages.LANGS:
        try:
            entry[lang].format_map(dict(message.values))
        except (KeyError, IndexError, ValueError) as exc:
            return f"message {message.id!r} ({lang}) cannot be filled: {type(exc).__name__} {exc}"
    return None


def _error(message: Message) -> Outcome:
    return Outcome(Status.ERROR, 0.0, (Finding(message),))


def _apply_waivers(
    rule_id: str, outcome: Outcome, facts: Facts, as_of: datetime.date
) -> tuple[Outcome, AppliedWaiver | None]:
    """The outcome after the region's waivers: the first one in force for the rule waives it.

    Expired waivers of the rule met before it are warnings.
    """
    for index, waiver in enumerate(facts.region.waivers or ()):
        if waiver.rule != rule_id:
            continue
        where = facts.at("waivers", index)
        if not waiver.in_force(as_of):
            expired = Finding(_expired_message(waiver), where)
            outcome = Outcome(
                outcome.status, outcome.score, outcome.reasons, (*outcome.warnings, expired), outcome.missing
            )
            continue
        applied = AppliedWaiver(rule_id, waiver.reason, waiver.approved_by or None, waiver.expires, where)
        reasons = (Finding(applied.message, where), *outcome.reasons)
        return Outcome(Status.WAIVED, 1.0, reasons, outcome.warnings, ()), applied
    return outcome, None


def _expired_message(waiver: Waiver) -> Message:
    values: dict[str, object] = {"reason": waiver.reason}
    if waiver.expires is not None:
        values["expires"] = waiver.expires.isoformat()
    return Message("waiver.expired", values)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; a folder means every ``*.yaml``/``*.yml`` below it, in a stable order.

    Nothing is dropped silently: a folder with no region files below it, or
    a subfolder that cannot be read, is yielded itself, and assessing it
    reports it as an invalid entry (so a CI job pointed at the wrong or an
    unreadable folder fails rather than passing on nothing).
    """
    for path in paths:
        yield from _expand(path) if path.is_dir() else (path,)


def _expand(folder: Path) -> list[Path]:
    found: list[Path] = []
    unreadable: list[Path] = []

    def note(error: OSError) -> None:
        unreadable.append(Path(error.filename) if error.filename else folder)

    # os.walk lists folders (a folder named x.yaml too) apart from files: names are files.
    for parent, _dirs, names in os.walk(folder, onerror=note, followlinks=False):
        found.extend(Path(parent) / n for n in names if n.endswith((".yaml", ".yml")))
    return sorted([*found, *unreadable]) or [folder]


def make_report(criteria: CriteriaSet, results: Iterable[FileResult]) -> Report:
    return Report(__version__, criteria.info, tuple(results))
