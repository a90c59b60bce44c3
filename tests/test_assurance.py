"""Assurance (docs/criteria.md, "Assurance"): declared, documented, verified, and the bar --min-assurance.

Every branch on real files: a region file in a temporary folder, its evidence
documents beside it (or not), its ``verification`` entries, the shipped
default set and sets written for the test.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
import python_calamine

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path, assess_with_region
from ovop_assess.checklist import build_checklist
from ovop_assess.cli.main import main
from ovop_assess.criteria_sets import CriteriaSet
from ovop_assess.errors import UsageError
from ovop_assess.messages import render
from ovop_assess.results import Assurance, FileResult, Status, Verdict
from ovop_assess.verdict import total_score

AS_OF = datetime.date(2026, 11, 28)

PASSING = """\
format: ovop-region/1
region: {name: Desa Uji, level: desa, city: Kabupaten Uji, province: Jawa Tengah}
product:
  name: Gerabah Uji
  category: pottery
  export_oriented: true
  uniqueness: {local_skill: Earthenware shaped by hand on a slow wheel and fired in wood kilns}
resources: [{type: natural, description: Clay dug in the kabupaten}]
firms:
  - {name: F01, role: champion, willing_to_lead: true}
  - {name: F02, role: mentee}
  - {name: F03, role: mentee}
  - {name: F04, role: mentee}
  - {name: F05, role: member}
  - {name: F06, role: member}
  - {name: F07, role: member}
  - {name: F08, role: member}
  - {name: F09, role: member}
  - {name: F10, role: member}
organizations: [{type: kub, name: KUB Gerabah Uji, legal_basis: Akta Nomor 7 Tahun 2015}]
government_commitment: [{type: training, description: Kiln training for the workshops, status: delivered}]
spatial_plan: {regulation: Perda Kabupaten Uji Nomor 2 Tahun 2020 tentang RTRW, conforms: true}
raw_materials: [{name: clay, source: local}]
access: {public_transport: [bus], nearest_stop_m: 250}
"""

KEYS = {
    "C1": ["resource_profile", "champion_willingness_letter"],
    "C2": ["firm_list"],
    "C3": ["uniqueness_statement"],
    "C4": ["government_commitment_letter"],
    "C5": ["organization_deed"],
    "C6": ["rtrw_perda"],
    "C7": ["raw_material_statement"],
    "C8": ["access_map"],
}
ALL_KEYS = [key for keys in KEYS.values() for key in keys]


@pytest.fixture(scope="module")
def default() -> CriteriaSet:
    return criteria_sets.load("default")


def write(folder: Path, *, documents: list[str] = (), extra: str = "") -> Path:  # type: ignore[assignment]
    """A region file in ``folder`` that passes every criterion, with these documents on hand and ``extra`` YAML."""
    (folder / "docs").mkdir(exist_ok=True)
    lines = []
    for key in documents:
        (folder / "docs" / f"{key}.md").write_text("ILLUSTRATIVE placeholder\n", encoding="utf-8")
        lines.append(f"  {key}: docs/{key}.md")
    evidence = "evidence:\n" + "\n".join(lines) + "\n" if lines else ""
    path = folder / "region.yaml"
    path.write_text(PASSING + evidence + extra, encoding="utf-8")
    return path


def verification(criteria: str, date: str = "2026-10-20") -> str:
    return f"verification:\n  - {{criteria: {criteria}, by: Tim Verifikasi Uji, date: {date}, method: field_visit}}\n"


def levels(result: FileResult) -> dict[str, Assurance | None]:
    return {c.id: c.assurance for c in result.criteria}


# --- the three levels ------------------------------------------------------------------


def test_a_pass_without_its_documents_is_declared(tmp_path: Path, default: CriteriaSet) -> None:
    result = assess_path(write(tmp_path), default, as_of=AS_OF)
    assert result.verdict is Verdict.ELIGIBLE
    assert set(levels(result).values()) == {Assurance.DECLARED}
    assert result.assurance is Assurance.DECLARED
    assert result.documents is not None and (result.documents.on_hand, result.documents.needed) == (0, 9)


def test_one_document_short_stays_declared_and_the_others_are_documented(tmp_path: Path, default: CriteriaSet) -> None:
    """C1 needs two documents: with only one of them it stays declared, and the file with it."""
    result = assess_path(write(tmp_path, documents=ALL_KEYS[1:]), default, as_of=AS_OF)
    assert levels(result)["C1"] is Assurance.DECLARED
    assert {levels(result)[i] for i in KEYS if i != "C1"} == {Assurance.DOCUMENTED}
    assert result.assurance is Assurance.DECLARED
    assert result.documents is not None and (result.documents.on_hand, result.documents.needed) == (8, 9)


def test_every_document_on_hand_is_documented(tmp_path: Path, default: CriteriaSet) -> None:
    result = assess_path(write(tmp_path, documents=ALL_KEYS), default, as_of=AS_OF)
    assert set(levels(result).values()) == {Assurance.DOCUMENTED}
    assert result.assurance is Assurance.DOCUMENTED


def test_a_folder_or_a_missing_file_is_no_document(tmp_path: Path, default: CriteriaSet) -> None:
    path = write(tmp_path, documents=ALL_KEYS)
    (tmp_path / "docs" / "firm_list.md").unlink()
    (tmp_path / "docs" / "access_map.md").unlink()
    (tmp_path / "docs" / "access_map.md").mkdir()
    result = assess_path(path, default, as_of=AS_OF)
    assert levels(result)["C2"] is Assurance.DECLARED
    assert levels(result)["C8"] is Assurance.DECLARED
    assert levels(result)["C5"] is Assurance.DOCUMENTED


def test_a_document_path_mistyped_so_is_a_warning_with_the_path_to_write(tmp_path: Path, default: CriteriaSet) -> None:
    """A path written on Windows (``docs\\x.md``) or in another case than the disk's names no file on Linux: the
    documents' count said it was missing, not why. A path that suggests nothing stays said by the count alone."""
    path = write(tmp_path, documents=ALL_KEYS)
    (tmp_path / "docs" / "access_map.md").rename(tmp_path / "docs" / "Access_Map.md")
    text = path.read_text(encoding="utf-8").replace("firm_list: docs/firm_list.md", "firm_list: docs\\firm_list.md")
    path.write_text(text.replace("rtrw_perda: docs/rtrw_perda.md", "rtrw_perda: docs/perda.md"), encoding="utf-8")
    result = assess_path(path, default, as_of=AS_OF)
    assert levels(result)["C2"] is Assurance.DECLARED and levels(result)["C6"] is Assurance.DECLARED
    said = [(w.message.id, w.location.path, w.location.line) for w in result.warnings if w.location is not None]
    line = PASSING.count("\n") + 2
    assert said == [
        ("evidence.path_backslash", "evidence.firm_list", line + ALL_KEYS.index("firm_list")),
        ("evidence.path_similar", "evidence.access_map", line + ALL_KEYS.index("access_map")),
    ]
    assert render(result.warnings[0].message) == (
        "the document docs\\firm_list.md given for firm_list is not found: between folders, write /"
        " (docs/firm_list.md), which every system reads; \\ is read as a folder separator on Windows only"
    )
    assert render(result.warnings[1].message, "id") == (
        "dokumen docs/access_map.md untuk access_map tidak ditemukan; di foldernya ada Access_Map.md: tulis namanya"
        " persis seperti itu, termasuk huruf besar-kecil dan ekstensinya"
    )


def test_a_document_path_hint_is_given_only_where_it_names_a_document(tmp_path: Path, default: CriteriaSet) -> None:
    """A hint whose path would fail again is no hint: written with / it names nothing either, or the name of
    another case is a folder."""
    path = write(tmp_path, documents=["organization_deed"])
    (tmp_path / "docs" / "Lampiran").mkdir()
    extra = "  firm_list: docs\\tidak-ada.md\n  access_map: docs/lampiran\n"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = assess_path(path, default, as_of=AS_OF)
    assert [w.message.id for w in result.warnings if w.message.id.startswith("evidence.")] == []
    # Both at once (\\ and another case): the path that names the document.
    path.write_text(path.read_text(encoding="utf-8") + "  rtrw_perda: DOCS\\Organization_deed.md\n", encoding="utf-8")
    (tmp_path / "DOCS").symlink_to(tmp_path / "docs")
    said = [w for w in assess_path(path, default, as_of=AS_OF).warnings if w.message.id.startswith("evidence.")]
    assert [render(w.message) for w in said] == [
        "the document DOCS\\Organization_deed.md given for rtrw_perda is not found: between folders, write /"
        " (DOCS/organization_deed.md), which every system reads; \\ is read as a folder separator on Windows only"
    ]


def test_documents_are_found_relative_to_the_region_file(
    tmp_path: Path, default: CriteriaSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "sentra"
    folder.mkdir()
    path = write(folder, documents=ALL_KEYS)
    monkeypatch.chdir(tmp_path)
    assert assess_path(Path("sentra/region.yaml"), default, as_of=AS_OF).assurance is Assurance.DOCUMENTED
    assert assess_path(path, default, as_of=AS_OF).assurance is Assurance.DOCUMENTED


def test_documented_and_verified_by_all(tmp_path: Path, default: CriteriaSet) -> None:
    result = assess_path(write(tmp_path, documents=ALL_KEYS, extra=verification("all")), default, as_of=AS_OF)
    assert set(levels(result).values()) == {Assurance.VERIFIED}
    assert result.assurance is Assurance.VERIFIED
    assert result.warnings == ()


def test_a_verification_dated_on_the_assessment_day_counts(tmp_path: Path, default: CriteriaSet) -> None:
    path = write(tmp_path, documents=ALL_KEYS, extra=verification("all", "2026-11-28"))
    assert assess_path(path, default, as_of=AS_OF).assurance is Assurance.VERIFIED


def test_a_verification_covers_only_the_rules_it_names(tmp_path: Path, default: CriteriaSet) -> None:
    path = write(tmp_path, documents=ALL_KEYS, extra=verification("[C5, C6]"))
    result = assess_path(path, default, as_of=AS_OF)
    assert {i for i, level in levels(result).items() if level is Assurance.VERIFIED} == {"C5", "C6"}
    assert result.assurance is Assurance.DOCUMENTED  # the lowest of the passing criteria


def test_a_verification_without_the_documents_is_still_declared(tmp_path: Path, default: CriteriaSet) -> None:
    """Verified builds on documented: the office's check does not stand in for the documents."""
    result = assess_path(write(tmp_path, extra=verification("all")), default, as_of=AS_OF)
    assert set(levels(result).values()) == {Assurance.DECLARED}


def test_a_verification_dated_after_the_assessment_does_not_count(tmp_path: Path, default: CriteriaSet) -> None:
    path = write(tmp_path, documents=ALL_KEYS, extra=verification("all", "2026-12-01"))
    result = assess_path(path, default, as_of=AS_OF)
    assert result.assurance is Assurance.DOCUMENTED
    (warning,) = result.warnings
    assert warning.location is not None and warning.location.path == "verification[0].date"
    assert warning.location.line == PASSING.count("\n") + 1 + 9 + 2  # evidence: + 9 keys, verification:, the entry
    assert render(warning.message) == (
        "this verification is dated 2026-12-01, after the assessment date 2026-11-28: it does not count yet"
    )
    assert "setelah tanggal penilaian 2026-11-28" in render(warning.message, "id")


def test_a_rule_with_no_documents_is_documented_when_it_passes(tmp_path: Path) -> None:
    set_file = tmp_path / "set.yaml"
    set_file.write_text("id: no-documents\nextends: default\nrules:\n  C5: {evidence: []}\n", encoding="utf-8")
    result = assess_path(write(tmp_path), criteria_sets.load(str(set_file)), as_of=AS_OF)
    assert levels(result)["C5"] is Assurance.DOCUMENTED
    assert levels(result)["C6"] is Assurance.DECLARED
    assert result.documents is not None and result.documents.needed == 8


def test_not_passing_has_no_assurance_and_none_passing_leaves_the_file_without(
    tmp_path: Path, default: CriteriaSet
) -> None:
    path = tmp_path / "bare.yaml"
    path.write_text(PASSING.split("product:")[0], encoding="utf-8")
    result = assess_path(path, default, as_of=AS_OF)
    assert {c.status for c in result.criteria} == {Status.UNKNOWN}
    assert set(levels(result).values()) == {None}
    assert result.assurance is None
    failing = (
        write(tmp_path, documents=ALL_KEYS).read_text(encoding="utf-8").replace("conforms: true", "conforms: false")
    )
    path.write_text(failing, encoding="utf-8")
    result = assess_path(path, default, as_of=AS_OF)
    assert levels(result)["C6"] is None
    assert result.assurance is Assurance.DOCUMENTED


def test_a_waived_criterion_has_none_and_does_not_lower_the_file(tmp_path: Path, default: CriteriaSet) -> None:
    """C6 fails and is waived; its document is missing, yet the file is verified by the others."""
    documents = [key for key in ALL_KEYS if key != "rtrw_perda"]
    waiver = "waivers:\n  - {rule: C6, reason: The office decided so}\n"
    text = write(tmp_path, documents=documents, extra=verification("all") + waiver).read_text(encoding="utf-8")
    path = tmp_path / "region.yaml"
    path.write_text(text.replace("conforms: true", "conforms: false"), encoding="utf-8")
    result = assess_path(path, default, as_of=AS_OF)
    c6 = next(c for c in result.criteria if c.id == "C6")
    assert (c6.status, c6.assurance) == (Status.WAIVED, None)
    assert result.verdict is Verdict.ELIGIBLE
    assert result.assurance is Assurance.VERIFIED


# --- validation of verification[] -----------------------------------------------------------


def test_an_unknown_rule_is_an_error_with_its_line(tmp_path: Path, default: CriteriaSet) -> None:
    result = assess_path(write(tmp_path, extra=verification("[C5, X9]")), default, as_of=AS_OF)
    assert result.verdict is Verdict.INVALID
    (error,) = result.errors
    assert error.message.id == "check.verification_unknown_rule"
    assert error.location is not None and error.location.path == "verification[0].criteria[1]"
    assert "'X9'" in render(error.message) and "'X9'" in render(error.message, "id")


def test_a_rule_the_set_does_not_use_is_a_warning(tmp_path: Path) -> None:
    set_file = tmp_path / "set.yaml"
    set_file.write_text("id: no-c8\nextends: default\nrules:\n  C8: {enabled: false}\n", encoding="utf-8")
    result = assess_path(write(tmp_path, extra=verification("[C8]")), criteria_sets.load(str(set_file)), as_of=AS_OF)
    assert result.verdict is Verdict.ELIGIBLE
    assert [w.message.id for w in result.warnings] == ["warn.verification_rule_unused"]


@pytest.mark.parametrize(
    ("entry", "path", "message_id"),
    [
        ("{criteria: C5, by: T, date: 2026-10-20}", "verification[0].criteria", "schema.rule_ids"),
        ("{criteria: [], by: T, date: 2026-10-20}", "verification[0].criteria", "schema.rule_ids"),
        ("{criteria: [C5, 5], by: T, date: 2026-10-20}", "verification[0].criteria", "schema.rule_ids"),
        ("{criteria: all, date: 2026-10-20}", "verification[0].by", "schema.missing"),
        ("{criteria: all, by: T}", "verification[0].date", "schema.missing"),
        ("{criteria: all, by: T, date: 2026-10-20, method: visit}", "verification[0].method", "schema.one_of"),
        ("{criteria: all, by: T, date: 2026-10-20, when: now}", "verification[0].when", "schema.unknown_key"),
    ],
)
def test_each_bad_entry_is_one_error_where_it_is(
    tmp_path: Path, default: CriteriaSet, entry: str, path: str, message_id: str
) -> None:
    result = assess_path(write(tmp_path, extra=f"verification:\n  - {entry}\n"), default, as_of=AS_OF)
    assert result.verdict is Verdict.INVALID
    assert [(e.location.path if e.location else "", e.message.id) for e in result.errors] == [(path, message_id)]


# --- the bar: --min-assurance and min_assurance ----------------------------------------------


def test_below_the_bar_a_pass_becomes_unknown_and_says_what_it_lacks(tmp_path: Path, default: CriteriaSet) -> None:
    documents = [key for key in ALL_KEYS if key != "champion_willingness_letter"]
    bar = criteria_sets.with_min_assurance(default, "documented")
    result = assess_path(write(tmp_path, documents=documents), bar, as_of=AS_OF)
    c1 = result.criteria[0]
    assert (c1.status, c1.assurance, c1.score) == (Status.UNKNOWN, None, 0.0)
    assert [r.message.id for r in c1.reasons] == ["c1.resources_ok", "c1.ok", "assurance.below_bar"]
    assert render(c1.reasons[-1].message) == (
        "It passes on the facts in the file, but is declared only; this assessment asks for at least documented."
    )
    assert [render(m) for m in c1.missing] == [
        "attach the document: The champion firm's signed statement that it will drive the sentra"
        " (evidence key champion_willingness_letter)"
    ]
    assert render(c1.missing[0], "id") == (
        "lampirkan dokumen: Surat pernyataan kesediaan UMKM champion menjadi penggerak sentra"
        " (kunci bukti champion_willingness_letter)"
    )
    assert {c.status for c in result.criteria[1:]} == {Status.PASS}
    assert result.verdict is Verdict.INCOMPLETE
    assert result.score == 0.875
    assert result.assurance is Assurance.DECLARED  # C1's, below the bar


def test_the_verified_bar_asks_for_the_verification(tmp_path: Path, default: CriteriaSet) -> None:
    bar = criteria_sets.with_min_assurance(default, "verified")
    result = assess_path(write(tmp_path, documents=ALL_KEYS, extra=verification("[C5]")), bar, as_of=AS_OF)
    assert [c.id for c in result.criteria if c.status is Status.PASS] == ["C5"]
    assert result.assurance is Assurance.DOCUMENTED  # not verified: the others are documented only
    c6 = next(c for c in result.criteria if c.id == "C6")
    assert [m.id for m in c6.missing] == ["missing.assurance_verification"]
    assert render(c6.missing[0]) == (
        "record the office's check of the facts of C6 under verification, dated on or before 2026-11-28"
    )
    # Declared only: both the documents and the verification are missing.
    declared = assess_path(write(tmp_path, documents=[]), bar, as_of=AS_OF)
    assert [m.id for m in declared.criteria[1].missing] == [
        "missing.assurance_document",
        "missing.assurance_verification",
    ]
    assert declared.verdict is Verdict.INCOMPLETE and declared.assurance is Assurance.DECLARED


def test_the_declared_bar_changes_nothing(tmp_path: Path, default: CriteriaSet) -> None:
    path = write(tmp_path)
    plain = assess_path(path, default, as_of=AS_OF)
    assert assess_path(path, criteria_sets.with_min_assurance(default, "declared"), as_of=AS_OF) == plain


def test_min_assurance_from_the_set_and_through_extends(tmp_path: Path) -> None:
    (tmp_path / "strict.yaml").write_text("id: strict\nextends: default\nmin_assurance: documented\n", encoding="utf-8")
    (tmp_path / "child.yaml").write_text("id: child\nextends: strict.yaml\n", encoding="utf-8")
    path = write(tmp_path)
    for name in ("strict.yaml", "child.yaml"):
        criteria = criteria_sets.load(str(tmp_path / name))
        assert criteria.min_assurance is Assurance.DOCUMENTED
        assert assess_path(path, criteria, as_of=AS_OF).verdict is Verdict.INCOMPLETE
    (tmp_path / "lenient.yaml").write_text("id: l\nextends: strict.yaml\nmin_assurance: declared\n", encoding="utf-8")
    assert criteria_sets.load(str(tmp_path / "lenient.yaml")).min_assurance is Assurance.DECLARED
    assert criteria_sets.load("default").min_assurance is None


def test_the_option_beats_the_set(tmp_path: Path) -> None:
    (tmp_path / "strict.yaml").write_text("id: strict\nextends: default\nmin_assurance: verified\n", encoding="utf-8")
    strict = criteria_sets.load(str(tmp_path / "strict.yaml"))
    path = write(tmp_path)
    assert assess_path(path, strict, as_of=AS_OF).verdict is Verdict.INCOMPLETE
    lowered = criteria_sets.with_min_assurance(strict, "declared")
    assert assess_path(path, lowered, as_of=AS_OF).verdict is Verdict.ELIGIBLE
    assert criteria_sets.with_min_assurance(strict, None).min_assurance is Assurance.VERIFIED


def test_a_bad_min_assurance_in_a_set_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: bad\nextends: default\nmin_assurance: high\n", encoding="utf-8")
    with pytest.raises(UsageError):
        criteria_sets.load(str(tmp_path / "bad.yaml"))


# --- the checklist: what raises each criterion one level --------------------------------------


def test_the_checklist_says_what_raises_each_criterion(tmp_path: Path, default: CriteriaSet) -> None:
    documents = [key for key in ALL_KEYS if key != "firm_list"]
    path = write(tmp_path, documents=documents, extra=verification("[C5]"))
    result, region = assess_with_region(path, default, as_of=AS_OF)
    assert region is not None
    document = build_checklist(result, region, default, base_dir=tmp_path, as_of=AS_OF)
    by_id = {c.id: c for c in document.criteria}
    assert by_id["C2"].assurance is Assurance.DECLARED
    assert [m.values["key"] for m in by_id["C2"].next_level] == ["firm_list"]
    assert by_id["C6"].assurance is Assurance.DOCUMENTED
    assert [m.id for m in by_id["C6"].next_level] == ["missing.assurance_verification"]
    assert (by_id["C5"].assurance, by_id["C5"].next_level) == (Assurance.VERIFIED, ())
    assert document.assurance is Assurance.DECLARED


# --- the command line, in both languages ----------------------------------------------------------


def test_cli_min_assurance_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path)
    assert main([str(path), "--as-of", "2026-11-28"]) == 0
    assert "Verdict: eligible — declared only, 0 of 9 documents on hand" in capsys.readouterr().out
    assert main([str(path), "--as-of", "2026-11-28", "--min-assurance", "documented"]) == 1
    out = capsys.readouterr().out
    assert "Verdict: incomplete — declared only, 0 of 9 documents on hand   total score 0.00" in out
    assert "attach the document" in out
    assert main([str(path), "--as-of", "2026-11-28", "--min-assurance", "documented", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)["results"][0]
    assert (report["verdict"], report["assurance"], report["documents"]) == (
        "incomplete",
        "declared",
        {"on_hand": 0, "needed": 9},
    )
    assert {(c["status"], c["score"]) for c in report["criteria"]} == {("unknown", 0.0)}


def test_cli_min_assurance_in_indonesian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, documents=ALL_KEYS, extra=verification("all"))
    assert main(["--lang", "id", str(path), "--as-of", "2026-11-28", "--min-assurance", "verified"]) == 0
    assert "Hasil penilaian: layak — terverifikasi, 9 dari 9 dokumen tersedia" in capsys.readouterr().out
    assert main(["--lang", "id", str(path), "--as-of", "2026-10-01", "--min-assurance", "verified"]) == 1
    out = capsys.readouterr().out
    assert "Hasil penilaian: belum lengkap — terdokumentasi, 9 dari 9 dokumen tersedia" in out
    assert "catat pemeriksaan dinas atas data C1" in out
    assert "belum diperhitungkan" in out  # the verification dated after the assessment


def test_cli_checklist_shows_assurance_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, documents=[key for key in ALL_KEYS if key != "firm_list"])
    assert main(["checklist", str(path), "--as-of", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert "**eligible** — declared only, 8 of 9 documents on hand" in out
    assert "To raise it to documented:" in out and "To raise it to verified:" in out
    assert main(["--lang", "id", "checklist", str(path), "--as-of", "2026-11-28", "--min-assurance", "documented"]) == 0
    out = capsys.readouterr().out
    assert "**belum lengkap** — baru dinyatakan, 8 dari 9 dokumen tersedia" in out  # C2, below the bar
    assert "Agar naik menjadi terverifikasi:" in out
    assert "lampirkan dokumen: Daftar UMKM/IKM di sentra beserta NIB dan produknya" in out


def test_cli_refuses_an_unknown_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(write(tmp_path)), "--min-assurance", "high"]) == 2
    assert "--min-assurance" in capsys.readouterr().err


def test_rules_names_the_sets_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "strict.yaml").write_text("id: strict\nextends: default\nmin_assurance: verified\n", encoding="utf-8")
    assert main(["rules", "--criteria", str(tmp_path / "strict.yaml")]) == 0
    assert "A passing criterion must be at least verified (min_assurance)" in capsys.readouterr().out
    assert main(["--lang", "id", "rules", "--criteria", str(tmp_path / "strict.yaml")]) == 0
    assert "sekurang-kurangnya terverifikasi" in capsys.readouterr().out
    assert main(["rules"]) == 0
    assert "min_assurance" not in capsys.readouterr().out


VERIFIED_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "regions" / "bantul-kasongan-pottery.yaml"


@pytest.mark.parametrize(
    ("output_format", "english", "indonesian"),
    [
        ("table", "eligible — verified, 9 of 9 documents on hand", "layak — terverifikasi, 9 dari 9 dokumen tersedia"),
        ("markdown", "| eligible | verified | 9/9 |", "| layak | terverifikasi | 9/9 |"),
        ("csv", ",eligible,verified,1.0,", ",eligible,verified,1.0,"),
        ("junit", "Assurance: verified", "Tingkat bukti: terverifikasi"),
        ("github", "Verdict: eligible — verified, 9 of 9", "Hasil penilaian: layak — terverifikasi, 9 dari 9"),
        ("json", '"verdict": "eligible", "assurance": "verified"', '"verdict": "eligible", "assurance": "verified"'),
    ],
)
def test_every_format_shows_the_assurance_next_to_the_verdict(
    output_format: str, english: str, indonesian: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, expected in (("en", english), ("id", indonesian)):
        args = ["--lang", lang, str(VERIFIED_EXAMPLE), "--as-of", "2026-11-28", "--format", output_format]
        assert main(args) == 0
        assert expected in capsys.readouterr().out, (output_format, lang)


# --- under a bar: a pass below it scores 0, and the file is as low as its weakest pass on the facts ----------------
# The region with every document but the firm list (C2 stays declared only) and a verification of C1 alone: under
# ``verified`` C1 passes, C2 is unknown at declared, C3 … C8 unknown at documented.

KAUMAN = VERIFIED_EXAMPLE.parent / "kauman-batik.yaml"
DATE = ["--as-of", "2026-11-28"]


@pytest.fixture
def region(tmp_path: Path) -> Path:
    return write(tmp_path, documents=[key for key in ALL_KEYS if key != "firm_list"], extra=verification("[C1]"))


@pytest.fixture
def strict(tmp_path: Path) -> Path:
    path = tmp_path / "strict.yaml"
    path.write_text("id: strict\nextends: default\nmin_assurance: verified\n", encoding="utf-8")
    return path


def _scores(result: FileResult) -> dict[str, float]:
    return {c.id: c.score for c in result.criteria}


def test_a_pass_below_the_bar_scores_0_as_the_total_counts_it(region: Path) -> None:
    bar = criteria_sets.with_min_assurance(criteria_sets.load("default"), "verified")
    result = assess_path(region, bar, as_of=AS_OF)
    assert [c.status for c in result.criteria] == [Status.PASS] + [Status.UNKNOWN] * 7
    assert _scores(result) == {"C1": 1.0, **{f"C{n}": 0.0 for n in range(2, 9)}}
    assert result.score == 0.125 == sum(_scores(result).values()) / 8
    assert total_score(result.criteria) == result.score


def test_the_file_is_as_low_as_its_weakest_criterion_passing_on_the_facts(region: Path) -> None:
    """Only C1 passes the verified bar, but C2 is declared only: the file is declared, not verified."""
    default = criteria_sets.load("default")
    for bar in ("verified", "documented"):
        result = assess_path(region, criteria_sets.with_min_assurance(default, bar), as_of=AS_OF)
        assert (result.verdict, result.assurance) == (Verdict.INCOMPLETE, Assurance.DECLARED), bar
    # Without a bar the same file is declared too: the bar changes the verdict, not the headline.
    assert assess_path(region, default, as_of=AS_OF).assurance is Assurance.DECLARED


def test_documented_criteria_below_a_verified_bar_make_the_file_documented(tmp_path: Path) -> None:
    path = write(tmp_path, documents=ALL_KEYS, extra=verification("[C1, C2]"))
    bar = criteria_sets.with_min_assurance(criteria_sets.load("default"), "verified")
    result = assess_path(path, bar, as_of=AS_OF)
    assert [c.id for c in result.criteria if c.status is Status.PASS] == ["C1", "C2"]
    assert {c.assurance for c in result.criteria} == {Assurance.VERIFIED, None}  # the unknown ones have none
    assert result.assurance is Assurance.DOCUMENTED


def test_an_advisory_criterion_below_the_bar_lowers_the_file_as_it_does_without_a_bar(tmp_path: Path) -> None:
    set_file = tmp_path / "set.yaml"
    set_file.write_text(
        "id: advisory\nextends: default\nmin_assurance: documented\nrules:\n  C2: {required: false}\n", encoding="utf-8"
    )
    path = write(tmp_path, documents=[key for key in ALL_KEYS if key != "firm_list"])
    result = assess_path(path, criteria_sets.load(str(set_file)), as_of=AS_OF)
    assert result.verdict is Verdict.ELIGIBLE  # an advisory criterion does not change the verdict
    assert result.assurance is Assurance.DECLARED
    c2 = result.criteria[1]
    assert (c2.status, c2.score) == (Status.UNKNOWN, 0.0)


# --- under a bar, in every report ------------------------------------------------------------------------------


def test_the_table_in_both_languages(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(region), *DATE, "--min-assurance", "verified"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"C1 .*✓ pass +1\.00 ", out)
    assert re.search(r"C2 .*\? unknown +0\.00 ", out)
    assert not re.search(r"unknown +1\.00", out)
    assert "Verdict: incomplete — declared only, 8 of 9 documents on hand   total score 0.13" in out
    assert main(["--lang", "id", str(region), *DATE, "--min-assurance", "verified"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"C2 .*\? belum diketahui +0,00 ", out)
    assert not re.search(r"belum diketahui +1,00", out)
    assert "Hasil penilaian: belum lengkap — baru dinyatakan, 8 dari 9 dokumen tersedia   skor total 0,13" in out
    assert "terverifikasi, 8 dari 9" not in out


def test_the_shipped_example_under_the_documented_bar(capsys: pytest.CaptureFixture[str]) -> None:
    """The report that showed the fault: every criterion unknown at 1.00 under a total of 0.13."""
    args = [str(KAUMAN), *DATE, "--min-assurance", "documented"]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert len(re.findall(r"\? unknown +0\.00 ", out)) == 7 and "~ waived     1.00" in out
    assert "Verdict: incomplete — declared only, 0 of 9 documents on hand   total score 0.13" in out
    assert main(["--lang", "id", *args]) == 1
    out = capsys.readouterr().out
    assert len(re.findall(r"\? belum diketahui +0,00 ", out)) == 7
    assert "Hasil penilaian: belum lengkap — baru dinyatakan, 0 dari 9 dokumen tersedia" in out
    for lang in ("en", "id"):
        assert main(["--lang", lang, *args, "--format", "json"]) == 1
        report = json.loads(capsys.readouterr().out)["results"][0]
        assert {c["id"]: c["score"] for c in report["criteria"] if c["status"] == "unknown"} == dict.fromkeys(
            ["C1", "C2", "C3", "C4", "C5", "C6", "C8"], 0.0
        )
        assert (report["assurance"], report["score"]) == ("declared", 0.125)


def test_json(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(region), *DATE, "--min-assurance", "verified", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)["results"][0]
    assert (report["verdict"], report["assurance"], report["score"]) == ("incomplete", "declared", 0.125)
    criteria = report["criteria"]
    assert [(c["status"], c["score"], c["assurance"]) for c in criteria[:2]] == [
        ("pass", 1.0, "verified"),
        ("unknown", 0.0, None),
    ]
    assert {c["score"] for c in criteria[1:]} == {0.0}
    assert sum(c["score"] for c in criteria) / len(criteria) == report["score"]


@pytest.mark.parametrize(
    ("output_format", "english", "indonesian"),
    [
        ("markdown", "| incomplete | declared only | 8/9 | 0.13 |", "| belum lengkap | baru dinyatakan | 8/9 | 0,13 |"),
        ("csv", ",incomplete,declared,0.125,pass,unknown,", ",incomplete,declared,0.125,pass,unknown,"),
        ("junit", '<property name="assurance" value="declared" />', '<property name="assurance" value="declared" />'),
        ("github", "Verdict: incomplete — declared only, 8 of 9", "Hasil penilaian: belum lengkap — baru dinyatakan"),
    ],
)
def test_the_summary_formats(
    region: Path, output_format: str, english: str, indonesian: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, expected in (("en", english), ("id", indonesian)):
        args = ["--lang", lang, str(region), *DATE, "--min-assurance", "verified", "--format", output_format]
        assert main(args) == 1
        assert expected in capsys.readouterr().out, (output_format, lang)


def test_the_workbook_scores_each_criterion_below_the_bar_0(region: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    args = ["--lang", "id", str(region), *DATE, "--min-assurance", "verified", "-f", "xlsx", "-o", str(target)]
    assert main(args) == 1
    book = python_calamine.CalamineWorkbook.from_path(str(target))
    (head, *candidates), (details_head, *details) = (book.get_sheet_by_name(n).to_python() for n in book.sheet_names)
    assert candidates[0][head.index("Tingkat bukti")] == "baru dinyatakan"
    assert candidates[0][head.index("Skor")] == pytest.approx(0.125)
    status, score = details_head.index("Status"), details_head.index("Skor")
    assert [(row[2], row[status], row[score]) for row in details[:2]] == [
        ("C1", "dipenuhi", 1.0),
        ("C2", "belum diketahui", 0.0),
    ]
    assert {row[score] for row in details[1:8]} == {0.0}


def test_the_checklist_in_both_languages(region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["checklist", str(region), *DATE, "--min-assurance", "verified"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "**incomplete** — declared only, 8 of 9 documents on hand, total score 0.13" in out
    assert "**pass** (verified) · required · score 1.00" in out
    assert out.count("**unknown** · required · score 0.00") == 7 and out.count("score 1.00") == 1
    assert main(["--lang", "id", *args]) == 0
    out = capsys.readouterr().out
    assert "**belum lengkap** — baru dinyatakan, 8 dari 9 dokumen tersedia" in out
    assert out.count("**belum diketahui** · wajib · skor 0,00") == 7
    page = tmp_path / "checklist.html"
    assert main(["--lang", "id", *args, "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert '<div class="backing">baru dinyatakan</div>' in html
    assert html.count("wajib · skor 0,00</span>") == 7


def test_the_round_in_both_languages(
    region: Path, strict: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["round", str(region), *DATE, "--criteria", str(strict)]
    assert main([*args, "--format", "json"]) == 0
    (candidate,) = json.loads(capsys.readouterr().out)["candidates"]
    assert (candidate["verdict"], candidate["assurance"], candidate["score"]) == ("incomplete", "declared", 0.125)
    assert main(["--lang", "id", *args, "--format", "markdown"]) == 0
    assert "| belum lengkap | baru dinyatakan | 0,13 |" in capsys.readouterr().out
    page = tmp_path / "round.html"
    assert main(["--lang", "id", *args, "--format", "html", "-o", str(page)]) == 0
    assert "<td>baru dinyatakan</td>" in page.read_text(encoding="utf-8")
