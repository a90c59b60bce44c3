"""Combine criterion results into a verdict and a total score (spec: criteria.md, "Verdict")."""

from __future__ import annotations

import math
from collections.abc import Sequence

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
    group fails only when every member fails.
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
    for members in groups.values():
        if Status.PASS in members:
            outcomes.append(Status.PASS)
        elif all(s is Status.FAIL for s in members):
            outcomes.append(Status.FAIL)
        else:
            outcomes.append(Status.UNKNOWN)
    if Status.FAIL in outcomes:
        return Verdict.NOT_ELIGIBLE
    if Status.UNKNOWN in outcomes:
        return Verdict.INCOMPLETE
    return Verdict.ELIGIBLE


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
