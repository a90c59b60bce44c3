"""compare OLD NEW: the comparison of two assessments of one sentra, its sides, its formats and the command."""

from __future__ import annotations

import datetime
import importlib.util
import itertools
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ovop_assess.cli.main import main
from ovop_assess.comparison import (
    Assessment,
    Change,
    CriterionState,
    SetRef,
    Source,
    check_same_sentra,
    compare,
    mismatch,
    pair,
    read_report,
)
from ovop_assess.errors import UsageError
from ovop_assess.messages import render
from ovop_assess.render import comparison_rows
from ovop_assess.results import Assurance, Message, RegionInfo, Status, Verdict

ROOT = Path(__file__).resolve().parents[1]
OLD_FILE = ROOT / "examples" / "compare" / "kauman-batik-2011.yaml"
NEW_FILE = ROOT / "examples" / "regions" / "kauman-batik.yaml"
AS_OF = "2026-11-28"
KAUMAN = RegionInfo("Kauman", "kelurahan", "Kota Surakarta", code="33.72.03.1009", proposal_year=2012)
DAY = datetime.date(2026, 11, 28)
DEFAULT_SET = SetRef("default", "2026.1")
OLD_NAME = Message("help.metavar.old", {})
NEW_NAME = Message("help.metavar.new", {})


def _state(
    cid: str,
    status: Status,
    score: float | None = None,
    assurance: Assurance | None = None,
    missing: tuple[str, ...] = (),
) -> CriterionState:
    if score is None:
        score = 1.0 if status in (Status.PASS, Status.WAIVED) else 0.0
    if assurance is None and status is Status.PASS:
        assurance = Assurance.DECLARED
    return CriterionState(cid, cid.lower(), status, score, assurance, missing)


def _side(
    *criteria: CriterionState,
    region: RegionInfo = KAUMAN,
    verdict: Verdict = Verdict.ELIGIBLE,
    score: float = 1.0,
    assurance: Assurance | None = Assurance.DECLARED,
    criteria_set: SetRef = DEFAULT_SET,
    as_of: datetime.date | None = DAY,
    file: str = "kauman.yaml",
) -> Assessment:
    return Assessment(file, Source.REGION_FILE, None, region, criteria_set, as_of, verdict, score, assurance, criteria)


def _changes(old: Assessment, new: Assessment) -> dict[str, Change]:
    return {c.id: c.change for c in compare(old, new, tool_version="t").criteria}


# --- which way a criterion moved -------------------------------------------


def test_a_status_that_rises_is_improved_and_one_that_falls_is_worse() -> None:
    old = _side(_state("C1", Status.FAIL), _state("C2", Status.PASS), _state("C3", Status.UNKNOWN))
    new = _side(_state("C1", Status.PASS), _state("C2", Status.UNKNOWN), _state("C3", Status.FAIL))
    assert _changes(old, new) == {"C1": Change.IMPROVED, "C2": Change.WORSE, "C3": Change.WORSE}


def test_the_status_order_is_fail_error_unknown_waived_pass() -> None:
    order = [Status.FAIL, Status.ERROR, Status.UNKNOWN, Status.WAIVED, Status.PASS]
    for lower, higher in itertools.pairwise(order):
        old, new = _side(_state("C1", lower)), _side(_state("C1", higher))
        assert _changes(old, new) == {"C1": Change.IMPROVED}, (lower, higher)
        assert _changes(new, old) == {"C1": Change.WORSE}, (higher, lower)


def test_between_two_passes_the_assurance_decides_then_the_score() -> None:
    declared = _side(_state("C1", Status.PASS, assurance=Assurance.DECLARED))
    verified = _side(_state("C1", Status.PASS, assurance=Assurance.VERIFIED))
    assert _changes(declared, verified) == {"C1": Change.IMPROVED}
    assert _changes(verified, declared) == {"C1": Change.WORSE}
    partial = _side(_state("C1", Status.FAIL, score=0.5))
    less = _side(_state("C1", Status.FAIL, score=0.2))
    assert _changes(partial, less) == {"C1": Change.WORSE}
    assert _changes(less, partial) == {"C1": Change.IMPROVED}
    assert _changes(partial, partial) == {"C1": Change.UNCHANGED}


def test_new_and_dropped_criteria_keep_the_sets_order() -> None:
    old = _side(_state("C1", Status.PASS), _state("C2", Status.PASS), _state("C3", Status.FAIL, missing=("x",)))
    new = _side(_state("C1", Status.PASS), _state("C3", Status.PASS), _state("C9", Status.UNKNOWN, missing=("y",)))
    result = compare(old, new, tool_version="t")
    assert [(c.id, c.change) for c in result.criteria] == [
        ("C1", Change.UNCHANGED),
        ("C2", Change.DROPPED_CRITERION),
        ("C3", Change.IMPROVED),
        ("C9", Change.NEW_CRITERION),
    ]
    dropped, new_one = result.criteria[1], result.criteria[3]
    assert dropped.after is None and dropped.before is not None and not dropped.newly_missing
    assert new_one.before is None and new_one.newly_missing == ("y",)
    assert result.criteria[2].added == ("x",)


def test_missing_items_added_still_missing_and_newly_missing() -> None:
    old = _side(_state("C1", Status.FAIL, missing=("a champion", "3 mentees", "a letter")))
    new = _side(_state("C1", Status.FAIL, missing=("3  Mentees", "a letter", "an NIB")))
    (change,) = compare(old, new, tool_version="t").criteria
    assert change.added == ("a champion",)
    assert change.still_missing == ("3  Mentees", "a letter")  # matched whatever the case and spacing
    assert change.newly_missing == ("an NIB",)


def test_items_a_waiver_cleared_are_waived_never_added() -> None:
    old = _side(_state("C7", Status.FAIL, missing=("a local raw material",)))
    new = _side(_state("C7", Status.WAIVED, score=1.0))
    (change,) = compare(old, new, tool_version="t").criteria
    assert change.change is Change.IMPROVED
    assert (change.added, change.waived, change.still_missing) == ((), ("a local raw material",), ())


def test_a_message_and_the_same_text_from_a_report_are_the_same_item() -> None:
    item = Message("compare.nothing", {})
    old = _side(_state("C1", Status.FAIL, missing=(render(item, "id"),)))
    new = _side(CriterionState("C1", "c1", Status.FAIL, 0.0, None, (item,)))
    (change,) = compare(old, new, tool_version="t", lang="id").criteria
    assert change.still_missing == (item,) and not change.added and not change.newly_missing


def test_the_overall_change_reads_the_verdict_then_the_assurance_then_the_score() -> None:
    def overall(old: Assessment, new: Assessment) -> Change:
        return compare(old, new, tool_version="t").change

    not_eligible = _side(verdict=Verdict.NOT_ELIGIBLE, score=0.9, assurance=Assurance.VERIFIED)
    incomplete = _side(verdict=Verdict.INCOMPLETE, score=0.5, assurance=None)
    eligible = _side(verdict=Verdict.ELIGIBLE, score=1.0)
    assert overall(not_eligible, incomplete) is Change.IMPROVED  # the verdict first, whatever the score
    assert overall(eligible, incomplete) is Change.WORSE
    assert overall(eligible, _side(assurance=Assurance.DOCUMENTED)) is Change.IMPROVED
    assert overall(incomplete, incomplete._replace(score=0.4)) is Change.WORSE
    assert overall(eligible, eligible) is Change.UNCHANGED


def test_the_scores_are_written_with_the_decimals_that_tell_them_apart() -> None:
    """0.8833 → 0.875 read "0,88 → 0,88: memburuk", as if the tool were wrong (a new user's walkthrough)."""
    from ovop_assess.render.comparison_rows import overall

    old = _side(verdict=Verdict.NOT_ELIGIBLE, score=0.88333, assurance=None)
    said = overall(compare(old, old._replace(score=0.875), tool_version="t"), "id")
    assert "skor total 0,883 → 0,875: ↓ memburuk" in said
    assert "skor total 0,50 → 0,50: = tetap" in overall(
        compare(old._replace(score=0.5), old._replace(score=0.5), tool_version="t"), "id"
    )
    # Written as the change is decided (on four places), and rounded half up as every score is written:
    # 0.125 → 0.13 is no "0.13 → 0.13: improved", 0.8749999 → 0.875 no "0.87 → 0.88: unchanged" (reviews).
    assert "0.125 → 0.130: ↑" in overall(
        compare(old._replace(score=0.125), old._replace(score=0.13), tool_version="t"), "en"
    )
    same = overall(compare(old._replace(score=0.8749999), old._replace(score=0.875), tool_version="t"), "en")
    assert "total score 0.88 → 0.88: = unchanged" in same


def test_notes_say_the_criteria_sets_differ_and_old_is_later() -> None:
    old = _side(criteria_set=SetRef("default", "2025.1"), as_of=datetime.date(2027, 1, 1))
    new = _side(criteria_set=SetRef("routes", "2026.1"))
    notes = compare(old, new, tool_version="t").notes
    assert [n.id for n in notes] == ["compare.note_sets_differ", "compare.note_old_is_later"]
    said = render(notes[0], "en")
    assert "default 2025.1" in said and "routes 2026.1" in said
    assert "2027-01-01" in render(notes[1], "id")  # as JSON writes it
    document = compare(old, new, tool_version="t")
    assert "1 Januari 2027" in comparison_rows.notes(document, "id")[1]  # as people read it
    assert "1 January 2027" in comparison_rows.notes(document, "en")[1]
    assert not compare(_side(), _side(), tool_version="t").notes


# --- the same sentra ----------------------------------------------------------


def test_the_same_sentra_by_code_else_by_name_and_city() -> None:
    other_code = KAUMAN._replace(code="33.72.03.1010")
    why = mismatch(KAUMAN, other_code)
    assert why is not None and why.id == "compare.why_code"
    assert mismatch(KAUMAN, KAUMAN._replace(code="3372031009", name="Kauman Baru")) is None  # the code decides
    no_code = KAUMAN._replace(code=None)
    assert mismatch(no_code, KAUMAN._replace(name="KAUMAN", city="Surakarta, Kota")) is not None
    assert mismatch(no_code, KAUMAN._replace(name="kauman", city="kota surakarta")) is None
    assert mismatch(no_code, KAUMAN._replace(name="Kelurahan Kauman", code=None)) is None  # a prefix is no name
    named = mismatch(no_code, KAUMAN._replace(name="Laweyan", code=None))
    assert named is not None and named.id == "compare.why_name"
    city = mismatch(no_code, KAUMAN._replace(city="Kabupaten Sukoharjo", code=None))
    assert city is not None and city.id == "compare.why_city"
    level = mismatch(no_code, KAUMAN._replace(level="kecamatan", code=None))
    assert level is not None and level.id == "compare.why_level"
    assert mismatch(no_code, KAUMAN._replace(level="desa", code=None)) is None  # a desa may become a kelurahan


def test_two_different_sentra_are_a_usage_error_naming_both_and_why() -> None:
    old = _side(file="a.yaml")
    new = _side(region=KAUMAN._replace(code="33.72.03.1010", name="Kampung Baru"), file="b.yaml")
    with pytest.raises(UsageError) as caught:
        check_same_sentra(old, new)
    said = render(caught.value.message, "en")
    assert "not the same sentra" in said
    assert "Kauman (kelurahan, Kota Surakarta, 33.72.03.1009) in a.yaml" in said
    assert "Kampung Baru (kelurahan, Kota Surakarta, 33.72.03.1010) in b.yaml" in said
    assert "area codes differ" in said
    assert "bukan sentra yang sama" in render(caught.value.message, "id")
    assert caught.value.exit_code == 2
    with pytest.raises(UsageError):
        compare(old, new, tool_version="t")


def test_a_report_of_several_regions_gives_the_one_that_matches() -> None:
    kauman = _side(region=KAUMAN._replace(code=None), file="r.json")._replace(entry="kauman.yaml")
    laweyan = _side(region=KAUMAN._replace(name="Laweyan", code=None), file="r.json")._replace(entry="laweyan.yaml")
    now = _side()
    assert pair([laweyan, kauman], [now], old_name=OLD_NAME, new_name=NEW_NAME) == (kauman, now)
    assert pair([now], [kauman, laweyan], old_name=OLD_NAME, new_name=NEW_NAME) == (now, kauman)
    with pytest.raises(UsageError) as none:
        pair([laweyan, laweyan], [now], old_name=OLD_NAME, new_name=NEW_NAME)
    said = render(none.value.message, "en")
    assert said.startswith("OLD (r.json) holds several regions and none of them is Kauman")
    assert "Laweyan (kelurahan, Kota Surakarta) (laweyan.yaml)" in said
    with pytest.raises(UsageError) as several:
        pair([now], [kauman, kauman], old_name=OLD_NAME, new_name=NEW_NAME)
    assert render(several.value.message, "id").startswith("BARU (r.json) memuat lebih dari satu hasil")
    # two reports of several regions: the one pair that matches, else an error
    elsewhere = _side(region=KAUMAN._replace(city="Kabupaten Sleman", code=None))
    assert pair([laweyan, kauman], [elsewhere, now], old_name=OLD_NAME, new_name=NEW_NAME) == (kauman, now)
    with pytest.raises(UsageError) as no_pair:
        pair([laweyan, laweyan], [now, now], old_name=OLD_NAME, new_name=NEW_NAME)
    assert no_pair.value.message.id == "compare.reports_none"
    with pytest.raises(UsageError) as two_pairs:
        pair([laweyan, kauman], [kauman, now], old_name=OLD_NAME, new_name=NEW_NAME)
    assert two_pairs.value.message.id == "compare.reports_several"


# --- reading a report -------------------------------------------------------


def _assess_json(tmp_path: Path, *files: Path, name: str = "report.json") -> Path:
    target = tmp_path / name
    args = ["assess", *map(str, files), "--as-of", AS_OF, "--format", "json", "--output", str(target)]
    assert main(args) in (0, 1, 3)
    return target


def test_read_report_gives_each_assessed_region(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: ovop-region/1\nregion: {level: Desa}\n", encoding="utf-8")
    report = _assess_json(tmp_path, OLD_FILE, ROOT / "examples" / "regions" / "bantul-kasongan-pottery.yaml", bad)
    sides = read_report(report)
    assert [s.region.name for s in sides] == ["Kauman", "Bangunjiwo"]  # the invalid file is left out
    first = sides[0]
    assert first.source is Source.REPORT and first.file == str(report) and first.entry == str(OLD_FILE)
    assert first.verdict is Verdict.NOT_ELIGIBLE and first.as_of == DAY
    assert first.criteria_set == SetRef("default", "2026.1")
    c2 = first.criteria[1]
    assert (c2.id, c2.status, c2.score, c2.assurance) == ("C2", Status.FAIL, 0.8, None)
    assert c2.missing == ("2 more firm(s) of category batik",)


@pytest.mark.parametrize(
    ("content", "message_id"),
    [
        ("not json", "compare.not_a_report"),
        ("[1, 2]", "compare.not_a_report"),
        ('{"results": "no"}', "compare.not_a_report"),
        ('{"criteria_set": {"id": "d", "version": "1"}, "results": [{"region": {"name": 1}}]}', "compare.not_a_report"),
        ('{"criteria_set": {"id": "d", "version": "1"}, "results": []}', "compare.report_empty"),
        ('{"criteria_set": {"id": "d", "version": "1"}, "candidates": []}', "compare.round_report"),
    ],
)
def test_a_json_file_that_is_no_assess_report_is_a_usage_error(tmp_path: Path, content: str, message_id: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_report(path)
    assert caught.value.message.id == message_id
    assert str(path) in render(caught.value.message, "en")


@pytest.mark.parametrize(
    ("edit", "message_id"),
    [
        (lambda row: row["criteria"][1].update(score=-3), "compare.score_out_of_range"),  # showed as "pass -3.00"
        (lambda row: row.update(score=57), "compare.total_score_out_of_range"),
        (lambda row: row.update(score=1.0000000001), "compare.total_score_out_of_range"),
        (lambda row: row.update(score=10**400), "compare.total_score_out_of_range"),  # was an internal error
        (lambda row: row["criteria"][0].update(score=-(10**400)), "compare.score_out_of_range"),
        (lambda row: row["criteria"][0].update(score=float("inf")), "compare.not_a_report"),  # Infinity: no JSON
        (lambda row: row["criteria"][0].update(score="0.5"), "compare.not_a_report"),
        # the last one silently won
        (lambda row: row["criteria"].append(dict(row["criteria"][0], status="fail")), "compare.not_a_report"),
    ],
)
def test_a_hand_edited_report_out_of_shape_is_refused(tmp_path: Path, edit: Any, message_id: str) -> None:
    report = _assess_json(tmp_path, OLD_FILE)
    data = json.loads(report.read_text(encoding="utf-8"))
    edit(data["results"][0])
    report.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_report(report)
    assert caught.value.message.id == message_id


def test_a_score_just_past_1_is_said_as_a_score_out_of_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _assess_json(tmp_path, OLD_FILE)
    data = json.loads(report.read_text(encoding="utf-8"))
    data["results"][0]["criteria"][2]["score"] = 1.0000000001
    report.write_text(json.dumps(data), encoding="utf-8")
    assert main(["compare", str(report), str(OLD_FILE), "--as-of", AS_OF]) == 2
    assert capsys.readouterr().err == (
        f"ovop-assess: {report} gives criterion C3 of {OLD_FILE} a score of 1.0000000001, but a score is a number "
        "from 0 to 1: the report was changed after ovop-assess wrote it; write it again with ovop-assess assess "
        "--format json, or compare the region file itself\n"
    )
    data["results"][0]["criteria"][2]["score"] = 1
    data["results"][0]["score"] = -3
    report.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--lang", "id", "compare", str(report), str(OLD_FILE), "--as-of", AS_OF]) == 2
    assert capsys.readouterr().err == (
        f"ovop-assess: {report} memberi {OLD_FILE} skor total -3, padahal skor adalah angka dari 0 sampai 1: "
        "laporan itu diubah setelah ditulis ovop-assess; tulis ulang dengan ovop-assess assess --format json, "
        "atau bandingkan berkas wilayahnya langsung\n"
    )


# --- the command ------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compare", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_shipped_pair_in_a_table(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, err = _run(capsys, str(OLD_FILE), str(NEW_FILE), "--as-of", AS_OF)
    assert code == 0 and not err
    assert "What changed: Kauman (kelurahan, Kota Surakarta, 33.72.03.1009)" in out
    assert "proposal year 2011" in out and "proposal year 2012" in out and "28 November 2026" in out
    assert "Verdict: not eligible → eligible" in out and "0.60 → 1.00: ↑ improved" in out
    assert "Criteria: 4 improved, 0 worse, 4 unchanged" in out
    assert "C2: 2 more firm(s) of category batik" in out
    assert "Still missing:\n  nothing" in out


def test_the_table_in_indonesian(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = _run(capsys, str(OLD_FILE), str(NEW_FILE), "--as-of", AS_OF, "--lang", "id")
    assert code == 0
    assert "Perbandingan penilaian: Kauman" in out
    assert "Hasil penilaian: tidak layak → layak" in out and "skor total 0,60 → 1,00: ↑ membaik" in out
    assert "tahun usulan 2011" in out and "dinilai pada 28 November 2026" in out
    assert "Sudah dilengkapi" in out and "Masih kurang:\n  tidak ada" in out
    assert "✗ tidak dipenuhi" in out and "↑ membaik" in out


def test_a_narrow_terminal_keeps_ids_states_and_changes_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = _run(capsys, str(OLD_FILE), str(NEW_FILE), "--as-of", AS_OF)
    assert code == 0
    one_line = ("What changed:", "Before:", "Now:", "Verdict:")  # kept whole for grep, as assess's verdict line
    assert max(len(line) for line in out.splitlines() if not line.startswith(one_line)) <= 60
    for cid in ("C1", "C2", "C5", "C8"):
        assert any(line.lstrip().startswith(cid) for line in out.splitlines()), cid
    assert out.count("↑ improved") == 5 and out.count("= unchanged") == 4  # four criteria and the overall line
    assert "? unknown" in out and "~ waived" in out and "✗ fail 0.80" in out
    # below 64 columns each criterion is three short lines: its id and change, before, now
    assert "C2 ↑ improved\n  Before: ✗ fail 0.80\n  Now: ✓ pass 1.00 · declared only\n" in out
    monkeypatch.setenv("COLUMNS", "64")
    code, out, _ = _run(capsys, str(OLD_FILE), str(NEW_FILE), "--as-of", AS_OF)
    table = [line for line in out.splitlines() if line.startswith(" ")]
    assert table and max(len(line) for line in table) <= 64
    assert any("✗ fail 0.80" in line and "↑ improved" in line for line in table)  # one row: no column dropped


@pytest.mark.parametrize(("output_format", "lang"), [("markdown", "en"), ("markdown", "id"), ("json", "en")])
def test_each_format_writes_the_comparison(capsys: pytest.CaptureFixture[str], output_format: str, lang: str) -> None:
    code, out, _ = _run(capsys, str(OLD_FILE), str(NEW_FILE), "--as-of", AS_OF, "-f", output_format, "--lang", lang)
    assert code == 0
    if output_format == "json":
        data = json.loads(out)
        assert data["change"] == "improved"
        assert [c["change"] for c in data["criteria"]].count("improved") == 4
        assert data["before"]["proposal_year"] == 2011 and data["after"]["region"]["code"] == "33.72.03.1009"
        assert data["summary"]["added"] == 3 and data["summary"]["newly_missing"] == 0
        assert data["summary"]["waived"] == 1  # C7: waived in the new file, its raw material never supplied
    else:
        assert out.startswith("# ")
        assert ("| C5 A sentra management body | ? unknown 0.00 |" in out) == (lang == "en")
        assert ("| C5 Pengurus sentra | ? belum diketahui 0,00 |" in out) == (lang == "id")


def test_a_report_against_a_region_file_gives_the_same_comparison(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bantul = ROOT / "examples" / "regions" / "bantul-kasongan-pottery.yaml"
    old_report = _assess_json(tmp_path, bantul, OLD_FILE, name="last-year.json")
    code, out, _ = _run(capsys, str(old_report), str(NEW_FILE), "--as-of", AS_OF, "-f", "json")
    assert code == 0
    mixed = json.loads(out)
    _, out, _ = _run(capsys, str(OLD_FILE), str(NEW_FILE), "--as-of", AS_OF, "-f", "json")
    direct = json.loads(out)
    assert mixed["before"]["source"] == "report" and mixed["before"]["entry"] == str(OLD_FILE)
    assert mixed["criteria"] == direct["criteria"] and mixed["change"] == direct["change"]
    # and the other way round: this year's file against last year's, the sides swapped
    new_report = _assess_json(tmp_path, NEW_FILE, name="this-year.json")
    code, out, _ = _run(capsys, str(old_report), str(new_report), "-f", "json")
    assert code == 0 and json.loads(out)["criteria"] == direct["criteria"]


def test_an_indonesian_report_against_an_english_run_matches_items_in_the_reports_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tahun-lalu.json"
    args = ["--lang", "id", "assess", str(OLD_FILE), "--as-of", AS_OF, "-f", "json", "-o", str(target)]
    assert main(args) == 1
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["lang"] == "id" and report["results"][0]["region"]["code"] == "33.72.03.1009"
    # Last year's Indonesian report against the same, unchanged file assessed in English: nothing was
    # added, everything is still missing (matched in the report's language, shown in the run's).
    code, out, _ = _run(capsys, str(target), str(OLD_FILE), "--as-of", AS_OF, "-f", "json")
    assert code == 0
    criteria = json.loads(out)["criteria"]
    assert all(c["added"] == [] and c["newly_missing"] == [] for c in criteria)
    still = [item for c in criteria for item in c["still_missing"]]
    assert "2 more firm(s) of category batik" in still and len(still) >= 3
    # What the report lists stays in its words: a note says so, in the run's language.
    notes = json.loads(out)["notes"]
    assert notes == [
        {
            "id": "compare.note_report_language",
            "message": f"{target} was written in Indonesian: the missing items it lists are shown as it wrote them.",
        }
    ]
    code, out, _ = _run(capsys, "--lang", "id", str(target), str(OLD_FILE), "--as-of", AS_OF)
    assert code == 0 and "ditulis dalam" not in out  # the same language: nothing to say


def test_two_reports_in_different_languages_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    assert main(["--lang", "id", "assess", str(OLD_FILE), "--as-of", AS_OF, "-f", "json", "-o", str(old)]) == 1
    new = _assess_json(tmp_path, NEW_FILE, name="new.json")
    code, out, _ = _run(capsys, str(old), str(new), "-f", "json")
    assert code == 0 and "different languages (Indonesian, English)" in json.dumps(json.loads(out)["notes"])


def test_two_different_sentra_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    other = ROOT / "examples" / "regions" / "bantul-kasongan-pottery.yaml"
    code, out, err = _run(capsys, str(OLD_FILE), str(other), "--as-of", AS_OF)
    assert code == 2 and not out
    assert "not the same sentra" in err and "Kauman" in err and "Bangunjiwo" in err
    assert "area codes differ: 33.72.03.1009 and 34.02.16.2001" in err
    code, _, err = _run(capsys, str(OLD_FILE), str(other), "--lang", "id")
    assert code == 2 and "LAMA dan BARU bukan sentra yang sama" in err


def test_an_invalid_region_file_exits_3_with_its_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: ovop-region/1\nregion:\n  name: Kauman\n  level: Desa\n", encoding="utf-8")
    output = tmp_path / "out.md"
    code, out, err = _run(capsys, str(bad), str(NEW_FILE), "--output", str(output))
    assert code == 3 and not out and not output.exists()
    assert "bad.yaml" in err and "region.level" in err and ":4" in err  # each problem with its line


def test_an_unreadable_or_foreign_json_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = _run(capsys, str(broken), str(NEW_FILE))
    assert code == 2 and "broken.json is neither a region file" in err
    code, _, err = _run(capsys, str(tmp_path / "absent.json"), str(NEW_FILE), "--lang", "id")
    assert code == 2 and err.endswith("absent.json: berkas tidak ditemukan\n")


def test_output_may_not_be_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(capsys, str(OLD_FILE), str(NEW_FILE), "--output", str(OLD_FILE))
    assert code == 2


def test_help_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--help"]) == 0
    said = capsys.readouterr().out
    assert "OLD" in said and "NEW" in said and "--as-of" in said
    assert main(["--lang", "id", "--help"]) == 0
    assert "Menampilkan perbandingan dua penilaian" in capsys.readouterr().out
    assert main(["--lang", "id", "compare", "--help"]) == 0
    said = capsys.readouterr().out
    assert "LAMA" in said and "BARU" in said


def _update_golden() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_golden", ROOT / "tests" / "update_golden.py")
    assert spec is not None and spec.loader is not None
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    return update


@pytest.mark.parametrize("name", ["compare.json", "compare.id.json", "compare.md", "compare.id.md"])
def test_the_shipped_pair_matches_its_golden_output(name: str) -> None:
    update = _update_golden()
    golden = update.COMPARE_GOLDEN / name
    assert golden.is_file(), "run .venv/bin/python tests/update_golden.py"
    assert update.render_comparison(*update.COMPARE_OUTPUTS[name]) == golden.read_bytes(), (
        "if the change is intended, run `.venv/bin/python tests/update_golden.py` and review the diff"
    )


def test_a_criterion_only_one_side_has_and_the_note_on_the_sets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    without_c8 = tmp_path / "without-c8.yaml"
    without_c8.write_text(
        'id: without-c8\nversion: "1"\nextends: default\nrules:\n  C8: {enabled: false}\n', encoding="utf-8"
    )
    report = tmp_path / "old.json"
    args = ["assess", str(OLD_FILE), "--criteria", str(without_c8), "--as-of", AS_OF, "-f", "json", "-o", str(report)]
    assert main(args) == 1
    code, out, _ = _run(capsys, str(report), str(NEW_FILE), "--as-of", AS_OF, "-f", "json")
    assert code == 0
    data = json.loads(out)
    c8 = data["criteria"][-1]
    assert (c8["id"], c8["change"], c8["before"]) == ("C8", "new_criterion", None)
    assert c8["after"] == {"status": "pass", "score": 1.0, "assurance": "declared"}
    assert data["summary"]["new_criterion"] == 1
    assert [n["id"] for n in data["notes"]] == ["compare.note_sets_differ"]
    assert "without-c8 1 before, default 2026.1 now" in data["notes"][0]["message"]
    # the other way round: NEW assessed without C8 drops it
    old_report = _assess_json(tmp_path, OLD_FILE, name="default.json")
    code, out, _ = _run(capsys, str(old_report), str(NEW_FILE), "--criteria", str(without_c8), "-f", "markdown")
    assert code == 0
    assert (
        "| C8 Access by public transport | ✓ pass 1.00<br>declared only | not assessed | \\- no longer assessed |"
        in out
    )
    assert "## Notes" in out and "different criteria sets" in out
    code, out, _ = _run(capsys, str(old_report), str(NEW_FILE), "--criteria", str(without_c8), "--lang", "id")
    assert code == 0
    assert "tidak dinilai" in out and "- tidak lagi dinilai" in out
    assert "Catatan:" in out and "kumpulan kriteria yang berbeda" in out


def test_a_folder_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, str(NEW_FILE), str(OLD_FILE.parent))
    assert code == 2 and "is a folder: compare takes two files" in err


def test_sides_the_wrong_way_round_get_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(NEW_FILE), str(OLD_FILE), "--as-of", AS_OF, "-f", "json")
    notes = [note["id"] for note in json.loads(out)["notes"]]
    assert code == 0 and notes == ["compare.note_old_year_is_later"]


@pytest.mark.parametrize("output_format", ["table", "markdown", "json"])
def test_a_lone_surrogate_in_a_report_is_shown_escaped(
    output_format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Valid JSON may hold ``"\\ud800"``, which no UTF-8 output can carry: it is written as ``\\ud800``."""
    report = _assess_json(tmp_path, NEW_FILE)
    data = json.loads(report.read_text(encoding="utf-8"))
    data["results"][0]["criteria"][0]["missing"] = ["champion \ud800 letter"]
    data["results"][0]["region"]["city"] = "Kota Surakarta\udfff"
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="ascii")  # json.dumps escapes the surrogate: valid JSON
    args = ["compare", str(old), str(report), "--format", output_format]
    assert main(args) == 0
    assert "champion \\ud800 letter" in capsys.readouterr().out.replace("\\\\", "\\")
    out = tmp_path / f"comparison.{output_format}"
    assert main([*args, "-o", str(out)]) == 0
    assert "champion \\ud800 letter" in out.read_text(encoding="utf-8").replace("\\\\", "\\")
    assert read_report(old)[0].region.city == "Kota Surakarta\\udfff"


_SHEET_REGION = """format: ovop-region/1
region: {{name: Melikan, level: desa, city: Kabupaten Klaten, province: Jawa Tengah, proposal_year: {year}}}
firms: {{file: {sheet}}}
"""
_SHEET = "Nama Usaha;Peran;Bersedia Menjadi Penggerak\nGerabah 01;Penggerak;Ya\nGerabah 02;Binaan;\n"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_two_region_files_reading_one_spreadsheet_are_told_so(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An office that updates its firm workbook in place and points last year's region file at it compares
    this year's firms with themselves: said in a note (a review), which names the spreadsheet once."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "daftar.csv").write_text(_SHEET, encoding="utf-8")
    (tmp_path / "2025.yaml").write_text(_SHEET_REGION.format(year=2025, sheet="./data/daftar.csv"))
    (tmp_path / "2026.yaml").write_text(_SHEET_REGION.format(year=2026, sheet="data/daftar.csv"))
    old, new = str(tmp_path / "2025.yaml"), str(tmp_path / "2026.yaml")
    assert main(["--lang", lang, "compare", old, new, "--as-of", AS_OF, "--format", "json"]) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert [n["id"] for n in notes] == ["compare.note_same_sheet"]
    assert notes[0]["message"].count("daftar.csv") == 1
    # One region file compared with itself, by two paths: no note (nothing is older than the other).
    other_path = str(tmp_path / "data" / ".." / "2026.yaml")
    assert main(["--lang", lang, "compare", new, other_path, "--as-of", AS_OF, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []
    # Each year's list in a file of its own: no note.
    (tmp_path / "data" / "daftar-2025.csv").write_text(_SHEET, encoding="utf-8")
    (tmp_path / "2025.yaml").write_text(_SHEET_REGION.format(year=2025, sheet="data/daftar-2025.csv"))
    assert main(["--lang", lang, "compare", old, new, "--as-of", AS_OF, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []
