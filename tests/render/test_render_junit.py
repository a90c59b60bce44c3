"""JUnit XML: parsed back with xml.etree; suites, cases, counts, messages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_assess.messages import Lang
from ovop_assess.render.junit import render_junit
from ovop_assess.results import Report, Status, Verdict

from .conftest import RouteGroup

Suites = dict[str, ET.Element]


def _parse(report: Report, lang: Lang = "en") -> ET.Element:
    out = render_junit(report, lang)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def _suites(root: ET.Element) -> Suites:
    """The suites by file (the class name of their cases)."""
    suites: Suites = {}
    for suite in root.iter("testsuite"):
        case = suite.find("testcase")
        assert case is not None
        suites[case.get("classname", "")] = suite
    return suites


def _case(suite: ET.Element, name: str) -> ET.Element:
    found = [c for c in suite.iter("testcase") if c.get("name") == name]
    assert len(found) == 1, name
    return found[0]


def _kind(case: ET.Element) -> str:
    for tag in ("failure", "error", "skipped"):
        if case.find(tag) is not None:
            return tag
    return "pass"


def test_a_suite_per_file_and_a_case_per_criterion(report: Report) -> None:
    root = _parse(report)
    assert root.tag == "testsuites"
    suites = list(root.iter("testsuite"))
    assert [s.get("name") for s in suites] == [
        'eligible.yaml (Laweyan, "Kampoeng | Batik" 100% Sêmbuh: Solo)',
        "not_eligible.yaml (Kauman)",
        "incomplete.yaml (Desa Tégalwangi)",
        "waived.yaml (Kampung Waiver)",
        "invalid.yaml",
    ]
    for suite, result in zip(suites, report.results, strict=True):
        cases = suite.findall("testcase")
        assert {c.get("classname") for c in cases} == {result.file}
        if result.criteria:
            assert [c.get("name") for c in cases] == [f"{c.id} {c.name}" for c in result.criteria]
    assert _case(suites[1], "C2 similar-firms") is not None


def test_counts_add_up_on_every_suite_and_on_the_root(report: Report) -> None:
    root = _parse(report)
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        kinds = [_kind(c) for c in cases]
        counted = {
            "tests": len(cases),
            "failures": kinds.count("failure"),
            "errors": kinds.count("error"),
            "skipped": kinds.count("skipped"),
        }
        assert {key: int(suite.get(key, "-1")) for key in counted} == counted
        for key, value in counted.items():
            totals[key] += value
    assert {key: int(root.get(key, "-1")) for key in totals} == totals
    assert totals == {"tests": 33, "failures": 1, "errors": 1, "skipped": 8}


def test_statuses_map_to_failure_skipped_error_and_pass(report: Report) -> None:
    suites = _suites(_parse(report))
    assert {_kind(c) for c in suites["eligible.yaml"].iter("testcase")} == {"pass"}
    assert {_kind(c) for c in suites["incomplete.yaml"].iter("testcase")} == {"skipped"}
    not_eligible = [(c.get("name"), _kind(c)) for c in suites["not_eligible.yaml"].iter("testcase")]
    assert [name for name, kind in not_eligible if kind != "pass"] == ["C2 similar-firms"]


def test_failure_gives_reasons_with_lines_and_what_is_missing(report: Report) -> None:
    failure = _case(_suites(_parse(report))["not_eligible.yaml"], "C2 similar-firms").find("failure")
    assert failure is not None
    assert failure.get("type") == "fail"
    message = failure.get("message", "")
    assert message.startswith("line 16: 5 of the 10 firms of category batik needed.")
    assert "still missing: 5 more firm(s) of category batik" in message
    body = failure.text or ""
    assert "not_eligible.yaml:16:1: 5 of the 10 firms" in body
    assert "not_eligible.yaml:31:5: warning: A waiver of this criterion expired on 2020-01-01" in body


def test_unknown_is_skipped_with_a_message(report: Report) -> None:
    case = _case(_suites(_parse(report))["incomplete.yaml"], "C6 spatial-plan")
    skipped = case.find("skipped")
    assert skipped is not None
    assert "Conformity with the Perda RUTR/RTRW is not stated yet." in skipped.get("message", "")
    assert "still missing" in skipped.get("message", "")


def test_waived_passes_and_says_why(report: Report) -> None:
    case = _case(_suites(_parse(report))["waived.yaml"], "C6 spatial-plan")
    assert _kind(case) == "pass"
    out = case.findtext("system-out") or ""
    assert out.startswith("waived: Waived by Dinas Koperasi, UKM: RTRW under revision: 50% done\nsecond line")


def test_invalid_file_is_one_validation_error_listing_every_problem(report: Report) -> None:
    suite = _suites(_parse(report))["invalid.yaml"]
    (case,) = suite.findall("testcase")
    assert (case.get("classname"), case.get("name")) == ("invalid.yaml", "validation")
    error = case.find("error")
    assert error is not None
    assert error.get("message") == "2 problem(s) in invalid.yaml"
    assert (error.text or "").splitlines() == [
        "invalid.yaml:4:10: region.level: must be one of: desa, kelurahan, kecamatan",
        "invalid.yaml:8:21: firms[0].role: must be one of: champion, mentee, member",
    ]
    assert (suite.get("tests"), suite.get("errors")) == ("1", "1")
    # Not scored: no score of 0.0 a dashboard would read as the worst candidate, nor an assurance.
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["verdict"] == "invalid" and "score" not in props and "assurance" not in props


def test_properties_and_suite_output(report: Report) -> None:
    suite = _suites(_parse(report))["not_eligible.yaml"]
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props == {
        "region": "Kauman",
        "level": "kelurahan",
        "city": "Kota Surakarta",
        "verdict": "not_eligible",
        "assurance": "declared",
        "documents_on_hand": "0",
        "documents_needed": "9",
        "score": "0.9375",
        "criteria_set": "default",
        "criteria_set_version": "2026.1",
    }
    out = suite.findall("system-out")[-1].text or ""
    assert out.splitlines()[0] == ("Verdict: not eligible — declared only, 0 of 9 documents on hand; total score 0.94")
    assert "not_eligible.yaml:21:" in out and "mentor is only read for mentee firms" in out


def test_crashed_rule_is_an_error(report: Report, with_crash: Callable[[Report, str, str], Report]) -> None:
    root = _parse(with_crash(report, "eligible.yaml", "C3"))
    case = _case(_suites(root)["eligible.yaml"], "C3 uniqueness")
    error = case.find("error")
    assert error is not None and "ZeroDivisionError: boom" in error.get("message", "")
    assert root.get("errors") == "2"


def test_advisory_failure_says_so(
    write_regions: Callable[[dict[str, str]], list[Path]],
    assess_files: Callable[..., Report],
    eligible_yaml: Callable[..., str],
    tmp_path: Path,
) -> None:
    (tmp_path / "advisory.yaml").write_text("id: advisory\nextends: default\nrules:\n  C8: {required: false}\n")
    paths = write_regions({"no-transport.yaml": eligible_yaml("Ngúter", transport="")})
    root = _parse(assess_files(paths, criteria=str(tmp_path / "advisory.yaml")))
    suite = next(root.iter("testsuite"))
    case = _case(suite, "C8 public-transport")
    assert case.find("failure") is None, "an advisory failure must not turn an eligible region red"
    skipped = case.find("skipped")
    assert skipped is not None
    assert skipped.get("message", "").startswith("(advisory) line 34: No public transport serves the sentra.")
    assert suite.get("failures") == "0"


def test_indonesian_and_control_characters(
    write_regions: Callable[[dict[str, str]], list[Path]],
    assess_files: Callable[..., Report],
    eligible_yaml: Callable[..., str],
) -> None:
    # YAML's "\a" escape gives a BEL character, which XML 1.0 cannot hold even escaped.
    text = eligible_yaml("x").replace("name: 'x'", 'name: "Bel\\a & <Batik> ê"')
    root = _parse(assess_files(write_regions({"bel.yaml": text})), "id")
    suite = next(root.iter("testsuite"))
    assert suite.get("name") == "bel.yaml (Bel\ufffd & <Batik> ê)"
    assert suite.findall("system-out")[-1].text == (
        "Hasil penilaian: layak — baru dinyatakan, 0 dari 9 dokumen tersedia; skor total 1.00"
    )


def test_indonesian_messages(report: Report) -> None:
    failure = _case(_suites(_parse(report, "id"))["not_eligible.yaml"], "C2 similar-firms").find("failure")
    assert failure is not None
    assert failure.get("message", "").startswith("baris 16: Baru 5 UMKM sejenis (batik); minimal 10")
    assert "kekurangan" in failure.get("message", "")


@pytest.mark.parametrize(
    ("c2", "verdict", "c1_kind", "failures"),
    [
        (Status.FAIL, Verdict.NOT_ELIGIBLE, "failure", "2"),  # the whole group fails: both decide
        (Status.UNKNOWN, Verdict.INCOMPLETE, "skipped", "0"),  # C2 may still pass the group: nothing is red yet
        (Status.PASS, Verdict.ELIGIBLE, "skipped", "0"),  # C2 passed the group
    ],
)
def test_a_failed_alternative_is_red_only_when_its_whole_group_fails(
    route_group: RouteGroup, c2: Status, verdict: Verdict, c1_kind: str, failures: str
) -> None:
    report = route_group(Status.FAIL, c2)
    assert report.results[0].verdict is verdict
    root = _parse(report)
    suite = next(root.iter("testsuite"))
    assert _kind(_case(suite, "C1 resource-champion-mentees")) == c1_kind
    assert (suite.get("failures"), root.get("failures")) == (failures, failures)
