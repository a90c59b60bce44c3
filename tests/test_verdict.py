"""Verdict and total score (spec: criteria.md, "Verdict")."""

from __future__ import annotations

import itertools

import pytest

from ovop_assess.results import CriterionResult, Status, Verdict
from ovop_assess.verdict import counts_against, keeps_open, total_score, verdict_of

P, F, U, W, E = Status.PASS, Status.FAIL, Status.UNKNOWN, Status.WAIVED, Status.ERROR


def crit(
    status: Status, *, score: float | None = None, required: bool = True, group: str | None = None, weight: float = 1
) -> CriterionResult:
    if score is None:
        score = 1.0 if status is P else 0.0
    return CriterionResult("X", "x", status, score, required, group, weight, (), (), ())


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([P, P, P], Verdict.ELIGIBLE),
        ([P, F, P], Verdict.NOT_ELIGIBLE),
        ([P, U, P], Verdict.INCOMPLETE),
        ([F, U], Verdict.NOT_ELIGIBLE),  # a failure decides, whatever is unknown
        ([W, P], Verdict.ELIGIBLE),  # waived counts as passed
        ([E, P], Verdict.INCOMPLETE),  # error counts as unknown
    ],
)
def test_required_rules(statuses: list[Status], expected: Verdict) -> None:
    assert verdict_of([crit(s) for s in statuses]) is expected


def test_advisory_rules_never_change_the_verdict() -> None:
    assert verdict_of([crit(P), crit(F, required=False), crit(U, required=False)]) is Verdict.ELIGIBLE


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ([P, F], Verdict.ELIGIBLE),
        ([F, F], Verdict.NOT_ELIGIBLE),
        ([F, U], Verdict.INCOMPLETE),
        ([U, U], Verdict.INCOMPLETE),
        ([W, F], Verdict.ELIGIBLE),
        ([E, F], Verdict.INCOMPLETE),
    ],
)
def test_alternative_groups(members: list[Status], expected: Verdict) -> None:
    results = [crit(P), *(crit(s, group="route") for s in members)]
    assert verdict_of(results) is expected


@pytest.mark.parametrize(
    ("members", "against"),
    [
        ([F, F], [True, True]),  # the group fails as a whole: each member decides
        ([F, U], [False, False]),  # U may still pass the group: incomplete, nothing counts against
        ([F, E], [False, False]),  # an error counts as unknown
        ([F, P], [False, False]),
        ([F, W], [False, False]),  # waived counts as passed
        ([F, F, U], [False, False, False]),
    ],
)
def test_a_group_member_counts_against_only_when_the_group_fails(members: list[Status], against: list[bool]) -> None:
    results = [crit(P), *(crit(s, group="route") for s in members)]
    assert [counts_against(results, r) for r in results[1:]] == against


def _pairs() -> list[list[CriterionResult]]:
    """Every pair of statuses, grouped or not, the first required or advisory, beside a passed criterion."""
    statuses = [P, F, U, W, E]
    return [
        [crit(a, group=group, required=required), crit(b, group=group), crit(P)]
        for a, b, group, required in itertools.product(statuses, statuses, (None, "route"), (True, False))
    ]


def test_counts_against_is_the_verdict_rule() -> None:
    """A failure counts against the region exactly when the verdict is not eligible because of it."""
    for results in _pairs():
        counted = any(counts_against(results, r) for r in results)
        assert counted == (verdict_of(results) is Verdict.NOT_ELIGIBLE), results


def test_required_alone_and_advisory() -> None:
    results = [crit(F), crit(F, required=False), crit(F, required=False, group="route"), crit(U)]
    assert [counts_against(results, r) for r in results] == [True, False, False, False]


@pytest.mark.parametrize(
    ("members", "open_"),
    [
        ([F, U], [False, True]),  # the unknown member keeps the group open, not the failed one
        ([F, E], [False, True]),  # an error counts as unknown
        ([U, U], [True, True]),
        ([U, P], [False, False]),  # the group passed
        ([U, W], [False, False]),  # waived counts as passed
        ([F, F], [False, False]),  # the group failed: decided, not open
    ],
)
def test_a_group_member_keeps_the_verdict_open_only_when_the_group_is_open(
    members: list[Status], open_: list[bool]
) -> None:
    results = [crit(P), *(crit(s, group="route") for s in members)]
    assert [keeps_open(results, r) for r in results[1:]] == open_


def test_keeps_open_is_the_verdict_rule() -> None:
    """Without a failure that counts against it, a region is incomplete exactly when a criterion keeps it open."""
    for results in _pairs():
        if verdict_of(results) is Verdict.NOT_ELIGIBLE:
            continue
        held = any(keeps_open(results, r) for r in results)
        assert held == (verdict_of(results) is Verdict.INCOMPLETE), results


def test_advisory_rules_never_keep_the_verdict_open() -> None:
    results = [crit(U, required=False), crit(E, required=False, group="route"), crit(U)]
    assert [keeps_open(results, r) for r in results] == [False, False, True]


def test_total_score_weighted_mean() -> None:
    results = [crit(P, weight=2), crit(F, score=0.5, weight=1), crit(U, weight=1)]
    assert total_score(results) == pytest.approx((2 * 1 + 0.5 + 0) / 4)


def test_waived_scores_one_and_error_zero() -> None:
    assert total_score([crit(W, score=0.0), crit(E, score=0.7)]) == 0.5


def test_all_pass_scores_one() -> None:
    assert total_score([crit(P) for _ in range(8)]) == 1.0
