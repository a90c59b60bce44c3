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
from types import MappingProxyType

from . import __version__, messages, rule_guard
from . import rules as registry
from .assurance import assure
from .criteria_sets import ActiveRule, CriteriaSet
from .region import Region, Waiver
from .results import (
    AppliedWaiver,
    Crash,
    CriterionResult,
    FileResult,
    Finding,
    Location,
    Message,
    Outcome,
    RegionInfo,
    Report,
    Status,
    UnknownEvidenceKey,
    Verdict,
    file_label,
)
from .rule_guard import DEFAULT_RULE_TIMEOUT
from .rules.base import Facts, RuleSpec, fmt_number
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
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> FileResult:
    """Read, validate and assess one region file.

    ``rule_timeout``: seconds a plugin rule may take on the file before it is
    that rule's ``error`` (None: no limit; see :mod:`.rule_guard`).
    """
    return assess_with_region(path, criteria, as_of=as_of, limits=limits, label=label, rule_timeout=rule_timeout)[0]


def assess_with_region(
    path: Path,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    limits: Limits | None = None,
    label: str | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> tuple[FileResult, Region | None]:
    """Like :func:`assess_path`, also returning the validated region (None when invalid)."""
    label = label if label is not None else file_label(path)
    limits = limits or Limits()
    try:
        loaded = load_file(path, limits)
    except LoadError as exc:
        return _invalid(label, exc.findings), None
    if names_a_sheet(loaded.data):
        from .firm_sheet import with_sheet_firms  # the spreadsheet reader loads only for a region that names one

        loaded = with_sheet_firms(loaded, path, limits, label)
    return _assess(loaded, criteria, as_of=as_of, label=label, base_dir=Path(path).parent, rule_timeout=rule_timeout)


def names_a_sheet(data: object) -> bool:
    """Whether loaded region data keeps its firms in a spreadsheet (``firms: {file: …}``)."""
    return isinstance(data, dict) and isinstance(data.get("firms"), dict)


def assess_text(
    text: str,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    label: str = "<text>",
    limits: Limits | None = None,
    base_dir: Path | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> FileResult:
    """Assess a region document given as text (handy for tests and plugins).

    Evidence paths are relative to ``base_dir`` (default: the current folder).
    """
    try:
        loaded = parse_text(text, limits or Limits())
    except LoadError as exc:
        return _invalid(label, exc.findings)
    return assess_loaded(loaded, criteria, as_of=as_of, label=label, base_dir=base_dir, rule_timeout=rule_timeout)


def assess_loaded(
    loaded: Loaded,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    label: str,
    base_dir: Path | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> FileResult:
    return _assess(loaded, criteria, as_of=as_of, label=label, base_dir=base_dir or Path(), rule_timeout=rule_timeout)[
        0
    ]


def _assess(
    loaded: Loaded,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    label: str,
    base_dir: Path,
    rule_timeout: float | None,
) -> tuple[FileResult, Region | None]:
    checked = validate(loaded, rule_ids(criteria))
    if checked.region is None:
        return _invalid(label, list(checked.errors), checked.warnings, checked.unknown_evidence), None
    facts = Facts(checked.region, checked.positions or loaded.positions)
    ran = tuple(_run(rule, facts, as_of, rule_timeout) for rule in criteria.rules)
    assured = assure(ran, criteria, checked.region, facts.positions, base_dir=base_dir, as_of=as_of)
    results = assured.criteria
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
        warnings=(*checked.warnings, *assured.warnings),
        unknown_evidence=checked.unknown_evidence,
        assurance=assured.assurance,
        documents=assured.documents,
    )
    return result, checked.region


def _invalid(
    label: str,
    findings: list[Finding],
    warnings: tuple[Finding, ...] = (),
    unknown_evidence: tuple[UnknownEvidenceKey, ...] = (),
) -> FileResult:
    return FileResult(label, None, Verdict.INVALID, 0.0, (), tuple(findings), warnings, unknown_evidence)


def _run(rule: ActiveRule, facts: Facts, as_of: datetime.date, rule_timeout: float | None) -> CriterionResult:
    spec = rule.spec
    crash: Crash | None = None
    if isinstance(spec, RuleSpec):
        checked = _check(rule, spec, facts, rule_timeout)
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


def _check(rule: ActiveRule, spec: RuleSpec, facts: Facts, timeout: float | None) -> Outcome | Crash:
    """Run one rule; whatever goes wrong inside it becomes that rule's :class:`Crash`.

    A plugin is third-party code: it may raise anything (``SystemExit``,
    ``GeneratorExit``, a ``BaseException`` of its own), loop or sleep, print,
    or return something that is not a well-formed Outcome. None of that may
    take the run down or reach a renderer. A plugin's call, the check of its
    outcome and the copy of it into plain values (text, numbers) all run
    under the time limit (:mod:`.rule_guard`), so no value of the plugin's
    is formatted, pickled or encoded later, outside it.
    """
    if spec.origin == "built-in":
        try:
            return spec.check(facts, rule.params)
        except (Exception, SystemExit) as exc:  # a rule's bug is that rule's error, not the run's
            return Crash(_describe(exc), "".join(traceback.format_exception(exc)))
    try:
        return rule_guard.limited(lambda: _plugin_outcome(spec, facts, rule.params), timeout)
    except rule_guard.RuleTimedOut as exc:
        return Crash(Message("rule.timed_out", {"seconds": fmt_number(exc.seconds)}))
    except BaseException as exc:  # anything a plugin raises is its error...
        stop = rule_guard.stop_requested()
        if stop is not None:  # ... but SIGTERM or Ctrl-C, even one the plugin caught, stops the run
            raise stop from None
        return _plugin_crash(exc, timeout)


def _plugin_outcome(spec: RuleSpec, facts: Facts, params: object) -> Outcome:
    with contextlib.redirect_stdout(io.StringIO()):
        outcome = spec.check(facts, params)
        problem = outcome_problem(outcome)
        if problem is not None:
            raise TypeError(problem)
        plain = plain_outcome(outcome)
        problem = outcome_problem(plain)  # the copy's messages are filled again: text a plugin's values gave
    if problem is not None:
        raise TypeError(problem)
    return plain


def _plugin_crash(exc: BaseException, timeout: float | None) -> Crash:
    """The crash of a plugin's exception, its text got under the time limit (a ``__str__`` may never return)."""
    try:
        return rule_guard.limited(
            lambda: Crash(_describe(exc), _text("".join(traceback.format_exception(exc)))), timeout
        )
    except BaseException:  # its text loops or raises: the type must do
        if rule_guard.stop_requested() is not None:
            raise
        name = _text(getattr(type(exc), "__qualname__", "exception"))
        return Crash(f"{name} (its text could not be shown)")


def _describe(exc: BaseException) -> str:
    return _text(f"{type(exc).__name__}: {exc}".strip().rstrip(":"))


def _text(value: str) -> str:
    """Exact ``str``, encodable as UTF-8 (a lone surrogate is shown as its escape), one paragraph."""
    value = str.__str__(value)
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


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
            problem = _message_problem(finding.message) or _location_problem(finding.location)
            if problem is not None:
                return problem
    if not isinstance(outcome.missing, tuple | list) or not all(isinstance(m, Message) for m in outcome.missing):
        return "missing must be Message values (use msg(...))"
    for message in outcome.missing:
        problem = _message_problem(message)
        if problem is not None:
            return problem
    return None


def _location_problem(location: object) -> str | None:
    if location is None:
        return None
    if not isinstance(location, Location) or not isinstance(location.path, str):
        return "a finding's location must be a Location (use facts.finding(...) or facts.at(...))"
    for name, number in (("line", location.line), ("column", location.column)):
        if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 0):
            return f"a location's {name} must be a whole number or None, not {type(number).__name__}"
    return None


def _message_problem(message: object) -> str | None:
    if not isinstance(message, Message) or not isinstance(message.id, str) or not isinstance(message.values, Mapping):
        return "a reason's message must be a Message (use facts.finding(...) or msg(...))"
    entry = messages.CATALOGUE.get(message.id)
    if entry is None:
        return f"message {message.id!r} is not in the catalogue (give it in the rule's MESSAGES)"
    for lang in messages.LANGS:
        try:
            entry[lang].format_map(dict(message.values)).encode("utf-8")
        except Exception as exc:  # a missing value, a bad format spec, a value that cannot be shown or encoded
            return f"message {message.id!r} ({lang}) cannot be filled: {type(exc).__name__} {exc}"
    return None


def plain_outcome(outcome: Outcome) -> Outcome:
    """A copy of a well-formed outcome made of exact built-in values only.

    A plugin's values (a ``str`` or ``int`` subclass with its own
    ``__format__``) are turned into exact text or numbers here, once, so
    nothing of the plugin's runs when the result is rendered, pickled to the
    parent process or written; any other value raises.
    """

    def finding(item: Finding) -> Finding:
        where = item.location
        if where is not None:
            where = Location(_plain_text(where.path), _plain_int(where.line), _plain_int(where.column))
        return Finding(_plain_message(item.message), where)

    return Outcome(
        Status(outcome.status),
        float.__float__(float(outcome.score)),
        tuple(finding(f) for f in outcome.reasons),
        tuple(finding(f) for f in outcome.warnings),
        tuple(_plain_message(m) for m in outcome.missing),
    )


def _plain_message(message: Message) -> Message:
    values = {_plain_text(key): _plain(value) for key, value in dict(message.values).items()}
    return Message(_plain_text(message.id), MappingProxyType(values))


def _plain(value: object) -> object:
    if value is None or type(value) is bool:
        return value
    if isinstance(value, Message):  # a message nested as a value is rendered in each language
        return _plain_message(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return _plain_text(value)
    if isinstance(value, tuple | list):  # a list of values, shown joined by commas
        return tuple(_plain(item) for item in value)
    # Anything else would be shown by its own code, at render time, in another process: refused.
    kind = type(value).__name__
    raise TypeError(f"a message value must be text, a number, true/false, a Message or a list of them, not {kind}")


def _plain_text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"text expected, not {type(value).__name__}")
    text = str.__str__(value)
    text.encode("utf-8")  # a lone surrogate cannot be written: the rule's error, not the writer's
    return text


def _plain_int(value: int | None) -> int | None:
    return None if value is None else int.__int__(value)


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

    # A symlinked subfolder is followed; one that leads back into itself (a loop) is listed
    # itself, so assessing it reports it rather than skipping it; one reached twice is walked once.
    visited: set[tuple[int, int]] = set()
    # os.walk lists folders (a folder named x.yaml too) apart from files: names are files.
    for parent, dirs, names in os.walk(folder, onerror=note, followlinks=True):
        try:
            status = os.stat(parent)
        except OSError as error:
            note(error)
            dirs[:] = []
            continue
        key = (status.st_dev, status.st_ino)
        if key in visited:
            if _inside_itself(Path(parent), folder, key):  # a loop: reported; else reached twice: walked once
                unreadable.append(Path(parent))
            dirs[:] = []
            continue
        visited.add(key)
        found.extend(Path(parent) / n for n in names if n.endswith((".yaml", ".yml")))
    return sorted([*found, *unreadable]) or [folder]


def _inside_itself(path: Path, top: Path, key: tuple[int, int]) -> bool:
    """Whether a folder between ``top`` and ``path`` (its parent, grandparent...) is ``path`` itself."""
    for above in path.parents:
        try:
            status = os.stat(above)
        except OSError:
            return False
        if (status.st_dev, status.st_ino) == key:
            return True
        if above == top:
            return False
    return False


def make_report(criteria: CriteriaSet, results: Iterable[FileResult], as_of: datetime.date | None = None) -> Report:
    return Report(__version__, criteria.info, tuple(results), as_of)
