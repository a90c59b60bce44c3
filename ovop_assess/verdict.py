"""Combine criterion results into a verdict and a total score (spec: criteria.md, "Verdict")."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from .results import CriterionResult, Status, Verdict

# How each status counts for the verdict: waived counts as passed, error as unknown.
_EFFECTIVE = {
    Status.PASS: Status.PASS,
    Status.WAIVED: Status.PASS,
    Status.FAIL: Status.FAIL,
    Status.UNKNOWN: Status.UNKNOWN,
    Status.ERROR: Status.UNKNOWN,
}


def verdict_of(results: Sequence[CriterionResult]) -> Verdict:
    """eligible / not_eligible / incomplete from the required rules and the alternative groups.

    Advisory rules (``required: false``) never change the verdict; rules that
    share a ``group`` are alternatives: one passing member is enough, and the
    group fails only when every member fails (:func:`_group_outcome`).
    """
    outcomes: list[Status] = []
    groups: dict[str, list[Status]] = {}
    for result in results:
        if not result.required:
            continue
        status = _EFFECTIVE[result.status]
        if result.group is None:
            outcomes.append(status)
        else:
            groups.setdefault(result.group, []).append(status)
    outcomes.extend(_group_outcome(members) for members in groups.values())
    if Status.FAIL in outcomes:
        return Verdict.NOT_ELIGIBLE
    if Status.UNKNOWN in outcomes:
        return Verdict.INCOMPLETE
    return Verdict.ELIGIBLE


def counts_against(results: Sequence[CriterionResult], criterion: CriterionResult) -> bool:
    """Whether ``criterion`` is what makes the region not eligible: the verdict's own rule, per criterion.

    True exactly for a failed required rule that is alone, or a member of a
    group that fails as a whole (every member failed). A failed member of a
    group where another passed, was waived, or is still unknown does not
    decide the verdict (the group is passed or still open), and neither does
    an advisory rule. ``results`` are the file's criteria. The renderers ask
    this to choose between a failure and a note, so CI reports turn red
    exactly when the verdict is not eligible.
    """
    return _decides(results, criterion, Status.FAIL)


def keeps_open(results: Sequence[CriterionResult], criterion: CriterionResult) -> bool:
    """Whether ``criterion`` is what keeps the region's verdict open (incomplete): the verdict's rule, per criterion.

    True exactly for a required rule still unknown (or in error) that is
    alone, or a member of a group still open: no member passed (or was
    waived) and not every member failed. The failed members of an open group
    do not keep it open (the unknown ones decide it), and an advisory rule
    never does. ``results`` are the file's criteria. What the summary lists
    under an incomplete region, as :func:`counts_against` is under a region
    not eligible.
    """
    return _decides(results, criterion, Status.UNKNOWN)


def _decides(results: Sequence[CriterionResult], criterion: CriterionResult, outcome: Status) -> bool:
    """Whether ``criterion`` (required, effectively ``outcome``) gives the verdict that outcome: alone, or as a
    member of a group whose own outcome it is."""
    if not criterion.required or _EFFECTIVE[criterion.status] is not outcome:
        return False
    if criterion.group is None:
        return True
    # (the criterion itself counted too, should a caller pass one not among ``results``: twice changes nothing)
    members = (_EFFECTIVE[r.status] for r in (criterion, *results) if r.required and r.group == criterion.group)
    return _group_outcome(members) is outcome


def _group_outcome(members: Iterable[Status]) -> Status:
    """An alternative group's effective status: pass with one passing member, fail when every member fails."""
    seen = set(members)
    if Status.PASS in seen:
        return Status.PASS
    if seen == {Status.FAIL}:
        return Status.FAIL
    return Status.UNKNOWN


def total_score(results: Sequence[CriterionResult]) -> float:
    """Weighted mean of the enabled rules' scores; unknown and error count 0, waived 1.

    Weights are scaled by the largest first, so weights near the float limit
    never sum to infinity (and the mean to NaN); when every weight is 0 the
    rules count alike, so an all-pass region still scores 1.0.
    """
    if not results:
        return 0.0
    top = max(r.weight for r in results)
    weights = [r.weight / top for r in results] if top > 0 else [1.0] * len(results)
    total = 0.0
    for r, weight in zip(results, weights, strict=True):
        if r.status is Status.WAIVED:
            score = 1.0
        elif r.status in (Status.UNKNOWN, Status.ERROR):
            score = 0.0
        else:
            score = r.score
        total += weight * score
    mean = total / sum(weights)
    return round(mean, 4) if math.isfinite(mean) else 0.0
