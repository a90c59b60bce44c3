"""The rule-case helper itself: it reports wrong expectations, rejects bad files, and covers every rule."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from ovop_assess import rules as registry
from ovop_assess import testing
from ovop_assess.results import Outcome, Status
from ovop_assess.rules.base import NoParams, RuleSpec
from ovop_assess.testing import CaseFileError, case_ids, check_case, criteria_for, load_cases, run_case

CASES_DIR = Path(__file__).parent / "cases"


def write(tmp_path: Path, text: str, name: str = "X.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


GOOD = """\
    rule: C5
    cases:
      - name: body-listed
        region:
          organizations: [{type: koperasi, name: Koperasi Sentra}]
        expect: {status: pass, score: 1, reasons: [c5.ok], warnings: []}
    """


# --- loading ------------------------------------------------------------------


def test_load_merges_default_base_and_case(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        rule: C2
        base:
          product: {name: Batik, category: batik}
          firms: []
        cases:
          - name: firms-removed
            region: {firms: null, access: {public_transport: [bus]}}
            expect: {status: unknown}
        """,
    )
    [case] = load_cases(path)
    assert case.id == "C2::firms-removed"
    assert list(case.document) == ["format", "region", "product", "access"]
    assert case.document["format"] == "ovop-region/1"
    assert "firms" not in case.text()
    assert case.expect.status is Status.UNKNOWN
    assert case.expect.reasons is None
    assert case.line == 6


def test_case_ids() -> None:
    cases = load_cases(CASES_DIR / "C2.yaml")
    ids = case_ids(cases)
    assert "C2::exactly-at-threshold" in ids
    assert len(ids) == len(set(ids))


# --- reporting mismatches -------------------------------------------------------


def test_good_case_holds(tmp_path: Path) -> None:
    [case] = load_cases(write(tmp_path, GOOD))
    outcome = check_case(case)
    assert outcome.ok
    assert outcome.criterion is not None and outcome.criterion.status is Status.PASS


@pytest.mark.parametrize(
    ("expect", "complaint"),
    [
        ("{status: fail}", "status: expected fail, got pass"),
        ("{status: pass, score: 0.5}", "score: expected 0.5, got 1"),
        ("{status: pass, reasons: [c5.empty]}", "reasons: expected c5.empty among them, got c5.ok"),
        ("{status: pass, warnings: [c1.capacity_not_largest]}", "warnings: expected c1.capacity_not_largest"),
        ("{status: pass, missing: [missing.c5]}", "missing: expected missing.c5 among them, got none"),
        ("{status: pass, line: 99}", "line: expected the first reason at line 99, got line 8"),
    ],
)
def test_wrong_expectation_raises_naming_the_case(tmp_path: Path, expect: str, complaint: str) -> None:
    path = write(
        tmp_path,
        f"""\
        rule: C5
        cases:
          - name: deliberately-wrong
            region:
              organizations: [{{type: koperasi, name: Koperasi Sentra}}]
            expect: {expect}
        """,
    )
    [case] = load_cases(path)
    assert not run_case(case).ok
    with pytest.raises(AssertionError) as raised:
        check_case(case)
    text = str(raised.value)
    assert "C5::deliberately-wrong" in text
    assert f"{path}:3" in text
    assert complaint in text
    assert "region text:" in text and "organizations:" in text


def test_empty_list_means_none(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        rule: C5
        cases:
          - name: expects-no-reasons
            expect: {status: unknown, reasons: []}
        """,
    )
    [case] = load_cases(path)
    with pytest.raises(AssertionError, match=r"reasons: expected none, got c5\.absent"):
        check_case(case)


def test_invalid_region_is_reported_not_crashed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        rule: C5
        cases:
          - name: typo-in-region
            region: {organisations: []}
            expect: {status: fail}
        """,
    )
    [case] = load_cases(path)
    with pytest.raises(AssertionError, match=r"the region is invalid, so the rule did not run: schema\.unknown_key"):
        check_case(case)


def test_error_status_of_a_crashing_rule(tmp_path: Path) -> None:
    def check(facts: object, params: object) -> Outcome:
        raise RuntimeError("plugin bug")

    crashing = SimpleNamespace(ID="X9", NAME="crashes", TITLE={"en": "x", "id": "x"}, Params=NoParams, check=check)
    path = write(
        tmp_path,
        """\
        rule: X9
        cases:
          - name: crashes
            expect: {status: error, reasons: [rule.crashed]}
        """,
    )
    [case] = load_cases(path)
    assert check_case(case, rule=crashing).ok
    assert check_case(case, rule=RuleSpec.from_object(crashing, "test")).ok


def test_criteria_for_holds_one_rule_with_params() -> None:
    criteria = criteria_for("C2", {"min_similar_firms": 15})
    [active] = criteria.rules
    assert active.id == "C2" and active.required and active.group is None
    assert active.params is not None and active.params.model_dump() == {"min_similar_firms": 15}


# --- malformed files and cases ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("rule: C5\n", r"X\.yaml:1: cases: 'cases' is required"),
        ("rule: C5\ncases: []\n", r"X\.yaml:2: cases: give at least one case"),
        (
            "rule: C5\nrules: {}\ncases: [{name: a, expect: {status: pass}}]\n",
            r"X\.yaml:2: rules: unknown key; known here: rule, base, cases",
        ),
        ("- just a list\n", r"X\.yaml: a case file is a mapping"),
        (
            "rule: C5\ncases:\n  - name: a\n    expect: {status: passes}\n",
            r":4: cases\[0\]\.expect\.status \(case 'a'\): status must be one of",
        ),
        (
            "rule: C5\ncases:\n  - name: a\n    expect: {status: pass}\n    regoin: {}\n",
            r":5: cases\[0\]\.regoin \(case 'a'\): unknown key; known here: name, description, params",
        ),
        (
            "rule: C5\ncases:\n  - name: a\n    region: {}\n",
            r":3: cases\[0\]\.expect \(case 'a'\): 'expect' is required",
        ),
        (
            "rule: C5\ncases:\n  - name: two words\n    expect: {status: pass}\n",
            r"cases\[0\]\.name .*a case name is letters",
        ),
        ("rule: C5\ncases:\n  - name: a\n    expect: {status: pass, score: high}\n", r":4: cases\[0\]\.expect\.score"),
        (
            "rule: C5\ncases:\n  - name: a\n    expect: {status: pass}\n  - name: a\n    expect: {status: fail}\n",
            r"X\.yaml:5: case name 'a' is used twice \(first at line 3\)",
        ),
        ("rule: C5\nrule: C6\ncases: []\n", r"X\.yaml:2: .*rule"),
        ("rule: [C5\n", r"X\.yaml:\d+: "),
    ],
)
def test_malformed_case_file_is_rejected_clearly(tmp_path: Path, text: str, complaint: str) -> None:
    path = tmp_path / "X.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError, match=complaint):
        load_cases(path)


def test_missing_case_file(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="not found"):
        load_cases(tmp_path / "nope.yaml")


def test_unknown_rule_and_bad_params_name_the_case(tmp_path: Path) -> None:
    unknown = write(tmp_path, "rule: C99\ncases:\n  - name: a\n    expect: {status: pass}\n", "U.yaml")
    [case] = load_cases(unknown)
    with pytest.raises(CaseFileError, match=r"U\.yaml:3: case C99::a: unknown rule 'C99'; known rules: C1, C2"):
        run_case(case)
    bad = write(
        tmp_path, "rule: C2\ncases:\n  - name: b\n    params: {min_firms: 3}\n    expect: {status: pass}\n", "P.yaml"
    )
    [case] = load_cases(bad)
    with pytest.raises(CaseFileError, match=r"case C2::b: rule C2, parameter 'min_firms'"):
        run_case(case)


# --- coverage of the built-in rules -----------------------------------------------


@pytest.mark.parametrize("rule_id", sorted(registry.BUILTIN))
def test_every_builtin_rule_has_pass_fail_and_unknown_cases(rule_id: str) -> None:
    path = CASES_DIR / f"{rule_id}.yaml"
    assert path.is_file(), f"no case file for built-in rule {rule_id}"
    cases = load_cases(path)
    assert {case.rule for case in cases} == {rule_id}
    statuses = Counter(case.expect.status for case in cases)
    for status in (Status.PASS, Status.FAIL, Status.UNKNOWN):
        assert statuses[status] >= 1, f"{path.name} has no {status.value} case"


@pytest.mark.parametrize("rule_id", sorted(registry.BUILTIN))
def test_every_rule_with_params_has_a_case_with_other_params(rule_id: str) -> None:
    spec = registry.BUILTIN[rule_id]
    if not spec.params.model_fields:
        pytest.skip(f"{rule_id} has no parameters")
    defaults = spec.params().model_dump()
    cases = load_cases(CASES_DIR / f"{rule_id}.yaml")
    assert any(case.params and {**defaults, **case.params} != defaults for case in cases)


# --- usable without pytest -----------------------------------------------------------


def test_module_does_not_import_pytest() -> None:
    tree = ast.parse(Path(testing.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.split(".")[0] == "pytest" for name in imported)
    done = subprocess.run(
        [sys.executable, "-c", "import sys, ovop_assess.testing; sys.exit('pytest' in sys.modules)"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
