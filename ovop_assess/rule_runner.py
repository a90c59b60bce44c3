"""One rule run on one region: its outcome, a crash turned into that rule's ``error``, a waiver applied.

A built-in rule runs as it is; a plugin's rule runs under the time limit of
:mod:`.rule_guard`, and what it returns is checked and copied into plain
values (:mod:`.plugin_outcome`). Whatever goes wrong inside a rule is that
rule's :class:`~ovop_assess.results.Crash`, never the run's.
"""

from __future__ import annotations

import datetime
import traceback

from . import rule_guard
from .criteria_sets import ActiveRule
from .plugin_outcome import checked_outcome
from .plugin_sandbox import kept_process_state
from .region import Waiver
from .results import AppliedWaiver, Crash, CriterionResult, Finding, Message, Outcome, Status
from .rules.base import Facts, RuleSpec, fmt_seconds


def run_rule(rule: ActiveRule, facts: Facts, as_of: datetime.date, rule_timeout: float | None) -> CriterionResult:
    """The rule's result on the region, after the region's waivers of it."""
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
        with kept_process_state():
            return rule_guard.limited(lambda: checked_outcome(spec, facts, rule.params), timeout)
    except rule_guard.RuleTimedOut as exc:
        return Crash(Message("rule.timed_out", {"seconds": fmt_seconds(exc.seconds)}))
    except BaseException as exc:  # anything a plugin raises is its error...
        stop = rule_guard.stop_requested()
        if stop is not None:  # ... but SIGTERM or Ctrl-C, even one the plugin caught, stops the run
            raise stop from None
        return _plugin_crash(exc, timeout)


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


def described_crash(exc: BaseException) -> Crash:
    """The crash of an exception of the tool's own: its one line and traceback, each writable as UTF-8 (a lone
    surrogate from a file's name shown as its escape); the type alone when its text raises."""
    try:
        return Crash(_describe(exc), _text("".join(traceback.format_exception(exc))))
    except Exception:
        name = _text(getattr(type(exc), "__qualname__", "exception"))
        return Crash(f"{name} (its text could not be shown)")


def _describe(exc: BaseException) -> str:
    return _text(f"{type(exc).__name__}: {exc}".strip().rstrip(":"))


def _text(value: str) -> str:
    """Exact ``str``, encodable as UTF-8 (a lone surrogate is shown as its escape), one paragraph."""
    value = str.__str__(value)
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


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
        values["expires"] = waiver.expires  # a date: JSON says it ISO, documents for people in full
    return Message("waiver.expired", values)
