"""No rule is quadratic in the number of firms (issue 11): thousands of mentees, each its own category, no product."""

from __future__ import annotations

import datetime

from ovop_assess import criteria_sets
from ovop_assess.assess import rule_ids
from ovop_assess.region import Region
from ovop_assess.rule_runner import run_rule
from ovop_assess.rules.base import Facts, best_category_count
from ovop_assess.validate import validate
from ovop_assess.yaml_source import Limits, parse_text

from ..work import Compared, counted_calls


def _region(mentees: int) -> str:
    firms = "".join(f"  - {{name: M{i}, role: mentee, category: k{i}}}\n" for i in range(mentees))
    return (
        "format: ovop-region/1\nregion: {name: X, level: desa, city: C, province: P}\nfirms:\n"
        f"  - {{name: Champ, role: champion, willing_to_lead: true}}\n{firms}"
    )


def _compared(region: Region) -> Region:
    """The region with each firm's name, category and mentor :class:`Compared`: every comparison of two
    of them a rule makes is a Python call. (Validation makes text plain ``str``, so this comes after it.)"""

    def text(value: str | None) -> str | None:
        return None if value is None else Compared(value)

    firms = [
        firm.model_copy(update={"name": text(firm.name), "category": text(firm.category), "mentor": text(firm.mentor)})
        for firm in region.firms
    ]
    return region.model_copy(update={"firms": firms})


def test_the_most_favourable_category_is_counted_in_one_pass() -> None:
    assert best_category_count([]) == 0
    assert best_category_count([None, None]) == 2
    assert best_category_count(["a", "b", "a", None]) == 3
    categories: list[str | None] = [Compared(f"k{i}") for i in range(200_000)]
    # Work counted, not timed: every comparison of two categories is a Python call here. One pass makes
    # a few calls a category at most; comparing every category with every other (the quadratic count
    # this replaced) makes 40 billion, and the budget stops it at once.
    with counted_calls(budget=3 * len(categories)):
        assert best_category_count([*categories, None]) == 2


def test_12400_mentees_of_distinct_categories_cost_about_what_one_does() -> None:
    default = criteria_sets.load("default")
    with counted_calls() as reading:
        loaded = parse_text(_region(12_400), Limits(max_nodes=1_000_000, max_bytes=100_000_000))
        checked = validate(loaded, rule_ids(default))
    assert checked.region is not None
    facts = Facts(_compared(checked.region), checked.positions or loaded.positions)
    # Reading and validating 12,400 firms is linear; the rules must add no more than that does (the
    # quadratic count took 29 s against 2.4 s). Work counted, not timed: Python calls, comparisons of
    # names and categories among them. Reading makes about 34 a firm, the rules 2; comparing every
    # firm's category with every other's made 150 million, and the budget stops that at once.
    with counted_calls(budget=reading.n):
        results = [run_rule(rule, facts, datetime.date(2026, 11, 28), None) for rule in default.rules]
    assert [r.id for r in results if r.crash is not None] == []
