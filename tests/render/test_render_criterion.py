"""What every renderer says about a criterion: ids, label, role in words, decisive line, whether it counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovop_assess import criteria_sets
from ovop_assess.render.criterion import criterion_ids, decisive_line, label, role, role_note
from ovop_assess.results import Report, Status
from ovop_assess.verdict import counts_against

from .conftest import AssessFiles


def test_criterion_ids_follow_the_set_and_skip_invalid_files(report: Report) -> None:
    assert criterion_ids(report.results) == [f"C{i}" for i in range(1, 9)]
    invalid_only = Report(report.tool_version, report.criteria_set, report.results[-1:])
    assert criterion_ids(invalid_only.results) == []


def test_decisive_line_is_the_first_located_fact_else_line_1(report: Report) -> None:
    by_file = {r.file: r for r in report.results}
    c2 = next(c for c in by_file["not_eligible.yaml"].criteria if c.id == "C2")
    assert decisive_line(c2) == 16
    unknown = by_file["incomplete.yaml"].criteria[0]
    assert unknown.locations == ()
    assert decisive_line(unknown) == 1


def test_label_is_id_and_rule_name(report: Report) -> None:
    assert [label(c) for c in report.results[0].criteria][:2] == ["C1 resource-champion-mentees", "C2 similar-firms"]


@pytest.mark.parametrize(
    ("required", "group", "en", "id_"),
    [
        (True, None, "required", "wajib"),
        (False, None, "advisory", "tidak wajib (sebagai pertimbangan)"),
        (True, "route", "one of group route", "salah satu dari kelompok route"),
        # An advisory criterion never counts, whatever group it names: advisory it is.
        (False, "route", "advisory", "tidak wajib (sebagai pertimbangan)"),
    ],
)
def test_role_in_words(report: Report, required: bool, group: str | None, en: str, id_: str) -> None:
    criterion = report.results[0].criteria[0]._replace(required=required, group=group)
    assert role(criterion, "en") == en and role(criterion, "id") == id_
    assert role_note(criterion, "en") == (None if en == "required" else en)


def test_role_reads_every_kind_of_criterion() -> None:
    """A set's rules (for ``rules``) give the same words as a result's criteria."""
    routes = criteria_sets.load("routes")
    assert [role(rule, "en") for rule in routes.rules][:3] == ["one of group route", "one of group route", "required"]
    coordination = criteria_sets.load("coordination")
    assert role(coordination.rules[0], "id") == "tidak wajib (sebagai pertimbangan)"
    assert role(routes.rules[0], "en", group="\u2068route\u2069") == "one of group \u2068route\u2069"


def test_a_failure_counts_unless_advisory_or_its_group_passed(
    region_paths: list[Path], assess_files: AssessFiles
) -> None:
    not_eligible = next(p for p in region_paths if p.name == "not_eligible.yaml")
    default = assess_files([not_eligible]).results[0]
    c2 = next(c for c in default.criteria if c.id == "C2")
    assert c2.status is Status.FAIL and counts_against(default.criteria, c2)
    routes = assess_files([not_eligible], "routes").results[0]
    c2 = next(c for c in routes.criteria if c.id == "C2")
    assert c2.group == "route" and not counts_against(routes.criteria, c2)  # C1 passed for the group
    assert not counts_against(default.criteria, c2._replace(required=False))
