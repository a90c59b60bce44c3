"""The shipped examples and their golden JSON reports.

Each ``examples/regions/<stem>.yaml`` has a golden ``tests/golden/<stem>.json``: the
exact stdout of ``ovop-assess assess examples/regions/<stem>.yaml --format json
--as-of 2026-11-28`` run from the repository root. When a report changes on
purpose, regenerate with ``.venv/bin/python tests/update_golden.py`` and
review the diff; a changed verdict must also be changed in ``EXPECTED``.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path, make_report
from ovop_assess.cli.main import main
from ovop_assess.criteria_sets import CriteriaSet
from ovop_assess.render.json_report import render_json
from ovop_assess.results import Assurance, Verdict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "regions"
GOLDEN = ROOT / "tests" / "golden"
AS_OF = datetime.date(2026, 11, 28)
REGENERATE = "if the change is intended, run `.venv/bin/python tests/update_golden.py` and review the diff"

# Expected verdict of every example: (default criteria set, routes criteria set), and why.
EXPECTED: dict[str, tuple[str, str, str]] = {
    "kauman-batik": (
        "eligible",
        "eligible",
        "all criteria pass except C7 (cloth and wax from outside the city), which is waived",
    ),
    "sambi-kadipiro-paper-craft": (
        "incomplete",
        "incomplete",
        "only the source's facts: firms, spatial plan, access and the raw material's origin still to collect",
    ),
    "boyolali-copper-craft": (
        "not_eligible",
        "not_eligible",
        "everything passes except C7: copper sheet comes from outside the kabupaten",
    ),
    "bayat-pottery": (
        "eligible",
        "eligible",
        "every criterion passes; the firms come from a workbook (bayat-pottery-firms.xlsx, sheet Daftar UMKM)",
    ),
    "rajapolah-weaving": (
        "incomplete",
        "incomplete",
        "the firms come from a ;-separated CSV file; access by public transport (C8) is not surveyed yet",
    ),
    "bangli-bamboo-weaving": (
        "not_eligible",
        "eligible",
        "a champion with 3 mentees (C1) but only 6 of 10 similar firms (C2): routes accepts C1 alone",
    ),
    "bantul-kasongan-pottery": (
        "eligible",
        "eligible",
        "every criterion passes, its nine documents are on hand and the office's verification covers it",
    ),
}


def _example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


EXAMPLE_FILES = _example_files()


def _label(example: Path) -> str:
    return example.relative_to(ROOT).as_posix()


def _golden(example: Path) -> bytes:
    path = GOLDEN / f"{example.stem}.json"
    assert path.is_file(), f"no golden report {path.relative_to(ROOT)}: {REGENERATE}"
    return path.read_bytes()


def _render(example: Path, criteria: CriteriaSet) -> bytes:
    result = assess_path(example, criteria, as_of=AS_OF, label=_label(example))
    return render_json(make_report(criteria, [result], AS_OF), "en").encode("utf-8")


def _verdict(example: Path, criteria: CriteriaSet) -> str:
    return assess_path(example, criteria, as_of=AS_OF, label=_label(example)).verdict.value


@pytest.fixture(scope="module")
def default_set() -> CriteriaSet:
    return criteria_sets.load("default")


@pytest.fixture(scope="module")
def routes_set() -> CriteriaSet:
    return criteria_sets.load("routes")


examples = pytest.mark.parametrize("example", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])


def test_examples_exist() -> None:
    assert EXAMPLE_FILES, f"no examples in {EXAMPLES}"


def test_every_example_has_an_expected_verdict() -> None:
    stems = {p.stem for p in EXAMPLE_FILES}
    assert stems - set(EXPECTED) == set(), "add the new example(s) to EXPECTED in tests/test_examples.py"
    assert set(EXPECTED) - stems == set(), "EXPECTED names example(s) that no longer exist"


def test_goldens_match_examples() -> None:
    goldens = {p.stem for p in GOLDEN.glob("*.json")}
    stems = {p.stem for p in EXAMPLE_FILES}
    orphans, missing = sorted(goldens - stems), sorted(stems - goldens)
    message = f"goldens without example: {orphans}; examples without golden: {missing}; {REGENERATE}"
    assert not orphans and not missing, message


@examples
def test_library_output_equals_golden(example: Path, default_set: CriteriaSet) -> None:
    actual = _render(example, default_set)
    expected = _golden(example)
    assert actual.decode("utf-8") == expected.decode("utf-8"), f"{example.name}: report differs; {REGENERATE}"
    assert actual == expected


@examples
def test_cli_output_equals_golden(
    example: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("OVOP_LANG", raising=False)
    code = main(["assess", _label(example), "--format", "json", "--as-of", AS_OF.isoformat()])
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.encode("utf-8") == _golden(example), f"{example.name}: CLI output differs from the golden"
    verdict = json.loads(captured.out)["results"][0]["verdict"]
    assert code == (0 if verdict == "eligible" else 1), f"{example.name}: exit code {code} for verdict {verdict}"


@examples
def test_report_is_deterministic(example: Path) -> None:
    first = _render(example, criteria_sets.load("default"))
    second = _render(example, criteria_sets.load("default"))
    assert first == second


@examples
def test_golden_names_the_file_and_its_verdict(example: Path) -> None:
    report = json.loads(_golden(example))
    (result,) = report["results"]
    assert result["file"] == f"examples/regions/{example.name}"
    assert report["criteria_set"]["id"] == "default"
    default, _, why = EXPECTED[example.stem]
    assert result["verdict"] == default, (
        f"{example.name}: golden verdict {result['verdict']}, expected {default} ({why})"
    )


@examples
def test_verdict_with_default_set(example: Path, default_set: CriteriaSet) -> None:
    expected, _, why = EXPECTED[example.stem]
    actual = _verdict(example, default_set)
    assert actual == expected, f"{example.name}: verdict {actual} with the default set, expected {expected} ({why})"


@examples
def test_verdict_with_routes_set(example: Path, routes_set: CriteriaSet) -> None:
    _, expected, why = EXPECTED[example.stem]
    actual = _verdict(example, routes_set)
    assert actual != Verdict.INVALID.value, f"{example.name} is invalid with --criteria routes"
    assert actual == expected, f"{example.name}: verdict {actual} with the routes set, expected {expected} ({why})"


@examples
def test_cli_accepts_example_with_routes_set(
    example: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("OVOP_LANG", raising=False)
    code = main(["assess", _label(example), "--criteria", "routes", "--format", "json", "--as-of", AS_OF.isoformat()])
    report = json.loads(capsys.readouterr().out)
    assert report["criteria_set"]["id"] == "routes"
    assert report["results"][0]["verdict"] == EXPECTED[example.stem][1]
    assert code in (0, 1), f"{example.name}: exit code {code} with --criteria routes"


def test_examples_cover_every_verdict(default_set: CriteriaSet) -> None:
    seen = {_verdict(example, default_set) for example in EXAMPLE_FILES}
    wanted = {Verdict.ELIGIBLE.value, Verdict.NOT_ELIGIBLE.value, Verdict.INCOMPLETE.value}
    assert wanted <= seen, f"the examples should show every verdict; missing: {sorted(wanted - seen)}"


def test_examples_cover_every_assurance(default_set: CriteriaSet) -> None:
    """The examples show a verdict backed by declarations only and one backed by the office's verification."""
    levels = {example.stem: assess_path(example, default_set, as_of=AS_OF).assurance for example in EXAMPLE_FILES}
    assert levels["kauman-batik"] is Assurance.DECLARED
    assert levels["bantul-kasongan-pottery"] is Assurance.VERIFIED


def test_the_verified_example_meets_the_highest_bar(default_set: CriteriaSet) -> None:
    example = EXAMPLES / "bantul-kasongan-pottery.yaml"
    strict = criteria_sets.with_min_assurance(default_set, "verified")
    result = assess_path(example, strict, as_of=AS_OF)
    assert result.verdict is Verdict.ELIGIBLE
    assert {c.assurance for c in result.criteria} == {Assurance.VERIFIED}
    assert result.documents is not None and (result.documents.on_hand, result.documents.needed) == (9, 9)
    # Before the office's field visit (2026-10-20) only the documents back it: the bar is not met.
    earlier = assess_path(example, strict, as_of=datetime.date(2026, 10, 1))
    assert earlier.verdict is Verdict.INCOMPLETE
    assert {c.status.value for c in earlier.criteria} == {"unknown"}
    assert sum(1 for w in earlier.warnings if w.message.id == "warn.verification_after_as_of") == 2


def _load_update_script() -> ModuleType:
    path = ROOT / "tests" / "update_golden.py"
    spec = importlib.util.spec_from_file_location("update_golden", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_update_script_finds_goldens_current(capsys: pytest.CaptureFixture[str]) -> None:
    update = _load_update_script()
    assert update.main(["--check"]) == 0, capsys.readouterr().out
    for example in EXAMPLE_FILES:
        assert update.render_example(example).encode("utf-8") == _golden(example)


# --- the examples say what is invented ---------------------------------------------


def _lines_with(example: str, text: str) -> list[str]:
    return [line for line in (EXAMPLES / example).read_text(encoding="utf-8").splitlines() if text in line]


def test_kaumans_waiver_is_illustrative_not_the_real_dinas() -> None:
    import yaml

    data = yaml.safe_load((EXAMPLES / "kauman-batik.yaml").read_text(encoding="utf-8"))
    [waiver] = data["waivers"]
    assert waiver["reason"].startswith("Illustrative waiver, not a decision of the real Dinas")
    assert "Dinas" not in waiver["approved_by"] and "illustrative" in waiver["approved_by"]
    # the tulis/cap wording and the main materials bought outside the city are marked
    text = (EXAMPLES / "kauman-batik.yaml").read_text(encoding="utf-8")
    assert "# illustrative: the source names batik in Kauman, not how it is made" in text
    assert all("illustrative" in line for line in _lines_with("kauman-batik.yaml", "    main: true"))


def test_kaumans_perda_is_the_one_in_force_for_2012() -> None:
    [line] = _lines_with("kauman-batik.yaml", "  regulation:")
    assert "Perda Kota Surakarta No. 1 Tahun 2012" in line
    assert _lines_with("kauman-batik.yaml", "replaced by Perda No. 4 Tahun 2021")


def test_sambis_uniqueness_text_is_marked_as_not_from_the_source() -> None:
    lines = (EXAMPLES / "sambi-kadipiro-paper-craft.yaml").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("raw_material: Made from"))
    assert lines[at - 2].strip().startswith("# illustrative: the source names the product")
    assert not _lines_with("sambi-kadipiro-paper-craft.yaml", "No value in this file is invented")


def test_the_illustrative_perdas_say_why_they_warn() -> None:
    for example in ("boyolali-copper-craft.yaml", "bangli-bamboo-weaving.yaml"):
        assert _lines_with(example, "# illustrative: named without its number and year")
