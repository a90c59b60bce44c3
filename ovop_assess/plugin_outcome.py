"""What a plugin's rule returns, checked and copied into plain values, under the rule's time limit.

A plugin is third-party code: its ``check()`` may print, or return
something that is not a well-formed :class:`~ovop_assess.results.Outcome`,
or values (a ``str`` subclass with its own ``__format__``) whose code would
run later, when the result is rendered or pickled. :func:`checked_outcome`
runs the check with its output swallowed, refuses a malformed outcome
(:func:`outcome_problem`, a ``TypeError`` naming the problem) and returns a
copy made of exact built-in values (:func:`plain_outcome`).
"""

from __future__ import annotations

import contextlib
import io
import math
import re
from collections.abc import Mapping
from types import MappingProxyType

from . import messages
from .results import Finding, Location, Message, Outcome, Status
from .rules.base import Facts, RuleSpec


def checked_outcome(spec: RuleSpec, facts: Facts, params: object) -> Outcome:
    """``spec.check(facts, params)``, its printing swallowed, checked and copied (``TypeError`` if malformed)."""
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
    for name, value in (("file", location.file), ("sheet", location.sheet), ("cell", location.cell)):
        if value is not None and not isinstance(value, str):
            return f"a location's {name} must be text or None, not {type(value).__name__}"
        if value is not None and not str.__len__(value):  # (str's own methods: no code of a str subclass runs)
            return f"a location's {name} must be None, not empty text"
    # A place in a firm spreadsheet is in its file (facts.finding and facts.absent give all three).
    if location.file is None and (location.sheet is not None or location.cell is not None):
        return "a location's sheet or cell needs its file"
    cell = None if location.cell is None else str.__str__(location.cell)
    if cell is not None and _CELL.fullmatch(cell) is None:
        return f"a location's cell must be a cell name such as C12, not {cell[:20]!r}"
    return None


_CELL = re.compile(r"[A-Z]+[1-9][0-9]*")  # (a CSV file's columns go past ZZZ: AAAB3)


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
        if where is not None:  # (a firm of a spreadsheet: its file, sheet and cell kept, as a built-in rule's)
            in_sheet = (
                None if value is None else _plain_text(value) for value in (where.file, where.sheet, where.cell)
            )
            where = Location(_plain_text(where.path), _plain_int(where.line), _plain_int(where.column), *in_sheet)
        return Finding(_plain_message(item.message), where)

    status = Status(outcome.status)
    # A pass scores 1 and an unknown 0, as rules.base.result() makes them: a plugin building its Outcome itself
    # would otherwise show a score the total does not count.
    score = 1.0 if status is Status.PASS else 0.0 if status is Status.UNKNOWN else float.__float__(float(outcome.score))
    return Outcome(
        status,
        score,
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
