"""How far each passing criterion is backed: declared, documented, verified (docs/criteria.md, "Assurance").

A criterion that passes is ``declared`` (the file says so), ``documented``
when every evidence document the criteria set lists for its rule is on hand
as a regular file (the checklist's own evidence check), and ``verified``
when, also, a ``verification`` entry of the file covers it, dated on or
before the assessment date. With a bar (``--min-assurance`` or the set's
``min_assurance``), a criterion passing below it becomes ``unknown``: the
facts may be right, but the office has not yet backed them as asked; its
score is then 0, as every unknown criterion's is, so that its line agrees
with the total.

A file's assurance is the lowest among the criteria that pass on the facts:
those that pass, and those a bar made ``unknown`` only for want of
assurance. Leaving the latter out would let a file headed "verified" hold
criteria not even documented, the very ones that keep it from being
eligible; a headline names the weakest backing of what the file claims,
whatever the bar.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from .criteria_sets import CriteriaSet
from .evidence import EvidenceCheck, evidence_checks, path_hints
from .region import Region, Verification
from .results import Assurance, CriterionResult, Documents, Finding, Message, Status, assurance_above, assurance_rank
from .yaml_source import Positions

# _backed sets a result's assurance as its last field.
assert CriterionResult._fields[-1] == "assurance"


class Assured(NamedTuple):
    """The criteria with their assurance (and the bar applied), and what the file as a whole has."""

    criteria: tuple[CriterionResult, ...]
    assurance: Assurance | None
    documents: Documents
    warnings: tuple[Finding, ...]  # verification entries dated after the assessment; document paths mistyped


def assure(
    results: Sequence[CriterionResult],
    criteria: CriteriaSet,
    region: Region,
    positions: Positions,
    *,
    base_dir: Path,
    as_of: datetime.date,
) -> Assured:
    """Each criterion's assurance, the bar applied, and the file's: the lowest among those passing on the facts."""
    given: Mapping[str, str] = region.evidence or {}
    counted, warnings = _counted(region.verification or (), positions, as_of)
    rules = {rule.id: rule for rule in criteria.rules}
    out: list[CriterionResult] = []
    reached: list[Assurance] = []  # each pass's level before the bar: the file's assurance is the lowest
    on_hand = needed = 0
    for result in results:
        rule = rules.get(result.id)
        checks = evidence_checks(rule, given, base_dir) if rule is not None and rule.evidence else ()
        if given:  # (with no document given, none is on hand)
            on_hand += sum(1 for check in checks if check.done)
        needed += len(checks)
        if result.status is not Status.PASS:
            out.append(result)  # waived, failed, unknown and crashed criteria have no assurance
            continue
        # With no document given, only a rule that lists none has all of its documents.
        documented = not checks if not given else all(check.done for check in checks)
        verified = documented and bool(counted) and any(entry.covers(result.id) for entry in counted)
        level = _level(documented, verified)
        reached.append(level)
        out.append(_backed(result, level, checks, criteria.min_assurance, as_of))
    lowest = min(reached, key=assurance_rank) if reached else None
    hints = path_hints(given, positions, base_dir)
    return Assured(tuple(out), lowest, Documents(on_hand, needed), (*warnings, *hints))


def _level(documented: bool, verified: bool) -> Assurance:
    """A passing criterion's assurance: whether all its documents are on hand, whether a verification covers it."""
    if not documented:
        return Assurance.DECLARED
    return Assurance.VERIFIED if verified else Assurance.DOCUMENTED


def lacking(
    rule_id: str,
    checks: Sequence[EvidenceCheck],
    level: Assurance,
    bar: Assurance,
    as_of: datetime.date,
    *,
    keys: bool = True,
) -> tuple[Message, ...]:
    """What a criterion at ``level`` still lacks to reach ``bar``: documents not on hand, a verification.

    ``keys=False`` leaves out the evidence keys, for a page that goes into a letter (``--office``).
    """
    if assurance_rank(level) >= assurance_rank(bar):
        return ()
    items = [
        Message("missing.assurance_document", {"document": dict(check.title), "key": check.key})
        if keys
        else Message("missing.assurance_document_letter", {"document": dict(check.title)})
        for check in checks
        if not check.done
    ]
    if bar is Assurance.VERIFIED:
        items.append(Message("missing.assurance_verification", {"rule": rule_id, "as_of": as_of}))
    return tuple(items)


def next_level(
    rule_id: str, checks: Sequence[EvidenceCheck], level: Assurance, as_of: datetime.date, *, keys: bool = True
) -> tuple[Message, ...]:
    """What would raise a passing criterion one level (nothing once it is verified)."""
    target = assurance_above(level)
    return lacking(rule_id, checks, level, target, as_of, keys=keys) if target is not None else ()


def _counted(
    entries: Sequence[Verification], positions: Positions, as_of: datetime.date
) -> tuple[list[Verification], tuple[Finding, ...]]:
    """The entries dated on or before the assessment; each later one is a warning and does not count."""
    counted: list[Verification] = []
    warnings: list[Finding] = []
    for index, entry in enumerate(entries):
        if entry.date <= as_of:
            counted.append(entry)
            continue
        message = Message("warn.verification_after_as_of", {"date": entry.date, "as_of": as_of})
        warnings.append(Finding(message, positions.value(("verification", index, "date"))))
    return counted, tuple(warnings)


def _backed(
    result: CriterionResult,
    level: Assurance,
    checks: Sequence[EvidenceCheck],
    bar: Assurance | None,
    as_of: datetime.date,
) -> CriterionResult:
    """A passing criterion at ``level``; below a bar, an unknown one scoring 0 that says what it still lacks."""
    if bar is None or assurance_rank(level) >= assurance_rank(bar):
        # result._replace(assurance=level) (the last field) without _replace's generic work: half the time.
        return CriterionResult(*result[:-1], level)
    below = Finding(Message("assurance.below_bar", {"level": level.message, "bar": bar.message}))
    return result._replace(
        status=Status.UNKNOWN,
        score=0.0,
        reasons=(*result.reasons, below),
        missing=(*result.missing, *lacking(result.id, checks, level, bar, as_of)),
    )
