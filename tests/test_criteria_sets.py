"""Criteria sets: shipped sets, extends chains, overrides and every way a set can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovop_assess import criteria_sets
from ovop_assess.errors import UsageError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_default_requires_all_eight_in_order() -> None:
    cs = criteria_sets.load("default")
    assert [r.id for r in cs.rules] == [f"C{i}" for i in range(1, 9)]
    assert all(r.required and r.group is None and r.weight == 1 for r in cs.rules)
    assert cs.info.id == "default" and cs.info.version and cs.info.source


def test_routes_makes_c1_and_c2_alternatives() -> None:
    cs = criteria_sets.load("routes")
    groups = {r.id: r.group for r in cs.rules}
    assert groups["C1"] == groups["C2"] == "route"
    assert all(groups[f"C{i}"] is None for i in range(3, 9))
    # inherited from default
    assert cs.rules[0].evidence and cs.info.id == "routes"


def test_default_evidence_keys() -> None:
    keys = criteria_sets.load("default").evidence_keys()
    assert {"champion_willingness_letter", "firm_list", "organization_deed", "rtrw_perda", "access_map"} <= keys


def test_shipped_sets_found_from_any_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert "routes" in criteria_sets.shipped_names()
    assert criteria_sets.load("routes").info.id == "routes"


def test_extends_chain_with_overrides(tmp_path: Path) -> None:
    write(
        tmp_path / "base.yaml",
        "id: base\nversion: '1'\nextends: default\nrules:\n  C2: {params: {min_similar_firms: 15}}\n"
        "  C7: {required: false, weight: 0.5}\n",
    )
    child = write(
        tmp_path / "child.yaml",
        "id: child\nextends: base.yaml\nrules:\n  C8: {enabled: false}\n  C2: {group: route}\n",
    )
    cs = criteria_sets.load(str(child))
    by_id = {r.id: r for r in cs.rules}
    assert "C8" not in by_id and cs.disabled == ("C8",)
    assert by_id["C2"].params is not None
    assert by_id["C2"].params.model_dump() == {"min_similar_firms": 15}
    assert by_id["C2"].group == "route"
    assert by_id["C7"].required is False and by_id["C7"].weight == 0.5
    assert cs.info.id == "child" and cs.info.version == "unversioned"  # version describes this set only
    assert cs.info.title["en"] == "child" and cs.info.source is None


def test_params_merge_key_by_key(tmp_path: Path) -> None:
    f = write(
        tmp_path / "s.yaml", "id: s\nextends: default\nrules:\n  C7: {params: {accepted_sources: [local, regional]}}\n"
    )
    c7 = next(r for r in criteria_sets.load(str(f)).rules if r.id == "C7")
    assert c7.params is not None and c7.params.model_dump() == {"accepted_sources": ["local", "regional"]}


@pytest.mark.parametrize(
    ("text", "message_id", "needle"),
    [
        ("id: s\nextends: default\nrules:\n  C9: {}\n", "usage.unknown_rule", "C9"),
        ("id: s\nextends: default\nrules:\n  c6: {required: false}\n", "usage.rule_capitals", "C6"),
        ("id: s\nextends: default\nrules:\n  C2: {params: {min_firms: 3}}\n", "usage.bad_param", "min_firms"),
        (
            "id: s\nextends: default\nrules:\n  C2: {params: {min_similar_firms: ten}}\n",
            "usage.bad_param",
            "min_similar_firms",
        ),
        ("id: s\nextends: nowhere.yaml\n", "usage.extends_not_found", "nowhere"),
        ("id: s\nextends: default\nrules:\n  C2: {requird: true}\n", "usage.bad_option", "requird"),
        ("id: s\nextends: default\nrules:\n  C2: {weight: -1}\n", "usage.bad_option", "weight"),
        ("id: s\nextends: default\nrulez: {}\n", "usage.set_invalid", "rules"),
        (
            "id: s\nextends: default\nrules:\n  C8: {enabled: false}\n  C8: {}\n",  # a rule named twice
            "usage.set_invalid",
            "",
        ),
        (
            "id: s\nextends: default\nrules:\n"
            "  C5: {add_evidence: [{key: organization_deed, title: {en: A, id: A}}]}\n",
            "usage.duplicate_evidence",
            "organization_deed",
        ),
        ("id: s\nrules: [C1]\n", "usage.set_invalid", ""),
    ],
)
def test_broken_sets_are_usage_errors(tmp_path: Path, text: str, message_id: str, needle: str) -> None:
    f = write(tmp_path / "s.yaml", text)
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(f))
    assert caught.value.message.id == message_id
    assert needle in str(caught.value.message.values)
    assert caught.value.file is not None


def test_a_set_over_the_size_limit_names_no_option_to_raise_it(tmp_path: Path) -> None:
    """No command reads a criteria set with --max-bytes: the refusal does not send the user to it."""
    from ovop_assess.messages import render

    f = write(tmp_path / "besar.yaml", "id: besar\nextends: default\n#" + "x" * 1_100_000 + "\n")
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(f))
    [reason] = [value for value in caught.value.message.values.values() if hasattr(value, "id")]
    assert reason.id == "file.too_large_fixed" and "--max-bytes" not in render(caught.value.message, "en")


def test_cycle_is_detected(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "id: a\nextends: b.yaml\n")
    write(tmp_path / "b.yaml", "id: b\nextends: a.yaml\n")
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(tmp_path / "a.yaml"))
    assert caught.value.message.id == "usage.extends_cycle"


def test_unknown_shipped_name_lists_the_shipped_ones() -> None:
    with pytest.raises(UsageError) as caught:
        criteria_sets.load("no-such-set")
    assert "default" in caught.value.message.values["shipped"]


def test_coordination_makes_c1_advisory() -> None:
    cs = criteria_sets.load("coordination")
    by_id = {r.id: r for r in cs.rules}
    assert by_id["C1"].required is False and all(by_id[f"C{i}"].required for i in range(2, 9))
    assert cs.info.source and "Tabel 1" in cs.info.source


def test_every_shipped_set_loads_and_names_its_source() -> None:
    for name in criteria_sets.shipped_names():
        cs = criteria_sets.load(name)
        assert cs.info.id == name and cs.info.source and cs.info.version != "unversioned"


def test_messages_name_the_rule_option_and_allowed_keys(tmp_path: Path) -> None:
    from ovop_assess.messages import render

    cases = {
        "  C2: {wieght: 2}\n": ("rule C2, option 'wieght'", "did you mean 'weight'"),
        "  C2: {params: {min_firms: 15}}\n": ("rule C2, parameter 'min_firms'", "min_similar_firms"),
    }
    for rules, needles in cases.items():
        f = write(tmp_path / "s.yaml", f"id: s\nextends: default\nrules:\n{rules}")
        with pytest.raises(UsageError) as caught:
            criteria_sets.load(str(f))
        text = render(caught.value.message, "en")
        assert all(n in text for n in needles), text
        assert caught.value.location is not None and caught.value.location.line == 4
    f = write(tmp_path / "s.yaml", "id: s\nextends: default\nrulez: {}\n")
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(f))
    assert "did you mean 'rules'" in render(caught.value.message, "en")


def test_a_set_that_enables_nothing_is_a_usage_error(tmp_path: Path) -> None:
    rules = "".join(f"  C{i}: {{enabled: false}}\n" for i in range(1, 9))
    f = write(tmp_path / "s.yaml", f"id: s\nextends: default\nrules:\n{rules}")
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(f))
    assert caught.value.message.id == "usage.no_rules"


def test_a_set_of_advisory_rules_alone_is_a_usage_error(tmp_path: Path) -> None:
    # Nothing required: an untouched template would be "eligible, score 0.00".
    rules = "".join(f"  C{i}: {{required: false}}\n" for i in range(1, 9))
    f = write(tmp_path / "s.yaml", f"id: s\nextends: default\nrules:\n{rules}")
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(f))
    assert caught.value.message.id == "usage.nothing_required"
    grouped = rules.replace("  C1: {required: false}", "  C1: {required: false, group: route}")
    write(tmp_path / "g.yaml", f"id: g\nextends: default\nrules:\n{grouped}")
    assert criteria_sets.load(str(tmp_path / "g.yaml")).rules  # a group decides: allowed


def test_a_set_without_a_version_says_so_in_the_readers_words(tmp_path: Path) -> None:
    from ovop_assess.render.criterion import version_words

    f = write(tmp_path / "s.yaml", "id: s\nextends: default\n")
    info = criteria_sets.load(str(f)).info
    assert info.version == "unversioned"  # what JSON and JUnit carry
    assert (version_words(info.version, "id"), version_words(info.version, "en")) == ("tidak disebut", "not given")
    assert version_words("2026.1", "id") == "2026.1"


@pytest.mark.parametrize("weight", [".inf", ".nan", "-.inf"])
def test_a_weight_must_be_an_ordinary_number(tmp_path: Path, weight: str) -> None:
    """A weight of .inf made the total score nan and the JSON report invalid (bare NaN)."""
    path = tmp_path / "w.yaml"
    path.write_text(f"id: w\nextends: default\nrules:\n  C4: {{weight: {weight}}}\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        criteria_sets.load(str(path))
    assert info.value.location is not None and info.value.location.line == 4


def test_every_problem_of_a_set_is_said_at_once_in_line_order(tmp_path: Path) -> None:
    from ovop_assess.messages import render

    text = (
        "id: s\nextends: default\nrules:\n"
        "  C1:\n    params:\n      min_firms: 3\n      bogus: 1\n"  # lines 6 and 7
        "  C9: {enabled: true}\n"  # line 8: no such rule
        "  C4: {params: {nope: 2}}\n"  # line 9
    )
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(write(tmp_path / "s.yaml", text)))
    error = caught.value
    assert error.message.id == "usage.set_problems" and error.message.values == {"count": 4}
    assert [d.location.line for d in error.details if d.location] == [6, 7, 8, 9]
    said = [render(d.message, "en") for d in error.details]
    assert "parameter 'min_firms'" in said[0] and "parameter 'bogus'" in said[1]
    assert "unknown rule 'C9'" in said[2] and "rule C4, parameter 'nope'" in said[3]
    assert render(error.message, "id").startswith("kumpulan kriteria tidak dapat dipakai: 4 masalah")


def test_every_schema_problem_of_a_set_is_said(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(write(tmp_path / "s.yaml", "id: s\nextends: default\nbogus: 1\nrules: 3\n")))
    assert caught.value.message.values == {"count": 2}
    assert [d.location.line for d in caught.value.details if d.location] == [3, 4]


def test_one_problem_is_said_alone(tmp_path: Path) -> None:
    f = write(tmp_path / "s.yaml", "id: s\nextends: default\nrules:\n  C1: {params: {min_mentees: -1}}\n")
    with pytest.raises(UsageError) as caught:
        criteria_sets.load(str(f))
    assert caught.value.message.id == "usage.bad_param" and caught.value.details == ()
