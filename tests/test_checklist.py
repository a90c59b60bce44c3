"""The proposal checklist as data: evidence states, what is missing, waivers, header."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from ovop_assess import criteria_sets, messages
from ovop_assess.assess import assess_with_region
from ovop_assess.checklist import Checklist, EvidenceState, build_checklist
from ovop_assess.results import Status, Verdict

AS_OF = datetime.date(2026, 11, 28)

REGION = """\
format: ovop-region/1
region:
  name: Kauman
  level: kelurahan
  code: "33.72.03.1009"
  district: Pasar Kliwon
  city: Kota Surakarta
  province: Jawa Tengah
  proposal_year: 2027
product:
  name: Batik Kauman
  category: batik
  kbli: "13134"
  export_oriented: true
  uniqueness: {local_skill: Hand-drawn batik}
resources: [{type: skill, description: Batik craftsmanship}]
firms:
  - {name: Batik 01, role: champion, willing_to_lead: true}
  - {name: Batik 02, role: mentee}
  - {name: Batik 03, role: member}
organizations: [{type: koperasi, name: Koperasi Batik}]
government_commitment: [{type: training, description: Training, status: delivered}]
spatial_plan: {conforms: true}
raw_materials: [{name: mori, source: national}]
access: {public_transport: [angkot], nearest_stop_m: 300}
evidence:
  firm_list: dossier/daftar-usaha.pdf
  organization_deed: dossier/akta-koperasi.pdf
  foto_produk: dossier/foto.jpg
waivers:
  - rule: C7
    reason: Cloth is bought outside the city
    approved_by: Dinas Koperasi dan UMKM
"""


def write_region(tmp_path: Path, text: str = REGION, *, files: tuple[str, ...] = ("dossier/daftar-usaha.pdf",)) -> Path:
    for name in files:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.4\n")
    path = tmp_path / "region.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def checklist_of(path: Path, criteria: str = "default") -> Checklist:
    criteria_set = criteria_sets.load(criteria)
    result, region = assess_with_region(path, criteria_set, as_of=AS_OF)
    assert region is not None, result.errors
    return build_checklist(result, region, criteria_set, base_dir=path.parent, as_of=AS_OF)


@pytest.fixture
def doc(tmp_path: Path) -> Checklist:
    return checklist_of(write_region(tmp_path))


def states(document: Checklist) -> dict[str, EvidenceState]:
    return {item.key: item.state for item in document.evidence}


def test_header(doc: Checklist) -> None:
    assert doc.region.name == "Kauman"
    assert (doc.region.level, doc.region.district, doc.region.city) == ("kelurahan", "Pasar Kliwon", "Kota Surakarta")
    assert (doc.region.province, doc.region.code, doc.region.proposal_year) == ("Jawa Tengah", "33.72.03.1009", 2027)
    assert doc.product is not None
    assert (doc.product.name, doc.product.category, doc.product.kbli) == ("Batik Kauman", "batik", "13134")
    assert doc.criteria_set.id == "default"
    assert doc.criteria_set.version == "2026.1"
    assert doc.as_of == AS_OF
    assert doc.verdict is Verdict.NOT_ELIGIBLE
    assert 0 < doc.score < 1
    assert doc.file.endswith("region.yaml")


def test_criteria_in_set_order_with_titles_in_both_languages(doc: Checklist) -> None:
    assert [c.id for c in doc.criteria] == [f"C{i}" for i in range(1, 9)]
    for criterion in doc.criteria:
        assert criterion.title["en"] and criterion.title["id"]
        assert criterion.title_in("id") == criterion.title["id"]
        assert criterion.required and criterion.group is None


def test_evidence_states(doc: Checklist) -> None:
    found = states(doc)
    assert found["firm_list"] is EvidenceState.PROVIDED
    assert found["organization_deed"] is EvidenceState.MISSING_FILE
    assert found["champion_willingness_letter"] is EvidenceState.NOT_GIVEN
    assert "foto_produk" not in found
    by_key = {item.key: item for item in doc.evidence}
    assert by_key["firm_list"].path == "dossier/daftar-usaha.pdf"
    assert by_key["firm_list"].done
    assert by_key["organization_deed"].path == "dossier/akta-koperasi.pdf"
    assert not by_key["organization_deed"].done
    assert by_key["champion_willingness_letter"].path is None
    assert doc.evidence_count(EvidenceState.PROVIDED) == 1
    assert doc.evidence_count(EvidenceState.MISSING_FILE) == 1
    assert doc.evidence_count(EvidenceState.NOT_GIVEN) == len(doc.evidence) - 2


def test_evidence_items_belong_to_their_criterion(doc: Checklist) -> None:
    per_rule = {c.id: [item.key for item in c.evidence] for c in doc.criteria}
    assert per_rule["C1"] == ["resource_profile", "champion_willingness_letter"]
    assert per_rule["C2"] == ["firm_list"]
    assert per_rule["C5"] == ["organization_deed"]
    assert per_rule["C6"] == ["rtrw_perda"]
    c2 = next(c for c in doc.criteria if c.id == "C2")
    assert c2.evidence[0].title["id"] == "Daftar usaha di sentra beserta NIB dan produknya"


def test_unknown_evidence_key_is_listed_once(doc: Checklist) -> None:
    assert [(u.key, u.path, u.exists) for u in doc.unknown_evidence] == [("foto_produk", "dossier/foto.jpg", False)]
    assert all(w.message.id != "warn.evidence_unknown_key" for w in doc.warnings)


def test_unknown_evidence_that_exists(tmp_path: Path) -> None:
    doc = checklist_of(write_region(tmp_path, files=("dossier/daftar-usaha.pdf", "dossier/foto.jpg")))
    assert doc.unknown_evidence[0].exists


def test_missing_in_both_languages(doc: Checklist) -> None:
    c1 = next(c for c in doc.criteria if c.id == "C1")
    assert c1.status is Status.FAIL
    en = [messages.render(m, "en") for m in c1.missing]
    ind = [messages.render(m, "id") for m in c1.missing]
    assert any("2 more mentee firm(s) of category batik" in line for line in en), en
    assert any("2 usaha mentee lagi kategori batik" in line for line in ind), ind
    c2 = next(c for c in doc.criteria if c.id == "C2")
    assert [messages.render(m, "en") for m in c2.missing] == ["7 more firm(s) of category batik"]
    c6 = next(c for c in doc.criteria if c.id == "C6")
    assert "missing.c6.regulation" in [m.id for m in c6.missing]


def test_waiver_is_shown_apart_from_the_rules_own_reasons(doc: Checklist) -> None:
    c7 = next(c for c in doc.criteria if c.id == "C7")
    assert c7.status is Status.WAIVED
    assert c7.waiver is not None
    assert c7.waiver.reason == "Cloth is bought outside the city"
    assert c7.waiver.approved_by == "Dinas Koperasi dan UMKM"
    assert messages.render(c7.waiver.message, "id") == (
        "Dikecualikan oleh Dinas Koperasi dan UMKM: Cloth is bought outside the city"
    )
    ids = [r.message.id for r in c7.reasons]
    assert "waiver.applied_by" not in ids and "waiver.applied" not in ids
    assert c7.reasons, "the rule's own (failing) reason stays"
    assert c7.missing == ()
    assert all(c.waiver is None for c in doc.criteria if c.id != "C7")


def test_expired_waiver_does_not_count(tmp_path: Path) -> None:
    text = REGION.replace("    approved_by: Dinas Koperasi dan UMKM\n", "    expires: 2025-12-31\n")
    doc = checklist_of(write_region(tmp_path, text))
    c7 = next(c for c in doc.criteria if c.id == "C7")
    assert c7.status is Status.FAIL
    assert c7.waiver is None
    assert "waiver.expired" in [w.message.id for w in c7.warnings]


def test_waiver_without_approver(tmp_path: Path) -> None:
    text = REGION.replace("    approved_by: Dinas Koperasi dan UMKM\n", "    expires: 2027-12-31\n")
    c7 = next(c for c in checklist_of(write_region(tmp_path, text)).criteria if c.id == "C7")
    assert c7.waiver is not None
    assert c7.waiver.approved_by is None
    assert c7.waiver.expires == datetime.date(2027, 12, 31)
    assert c7.waiver.message.id == "waiver.applied"


def test_paths_relative_to_the_region_file_not_the_working_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "proposals" / "kauman"
    folder.mkdir(parents=True)
    path = write_region(folder)
    monkeypatch.chdir(tmp_path)
    assert states(checklist_of(Path("proposals/kauman/region.yaml")))["firm_list"] is EvidenceState.PROVIDED
    assert states(checklist_of(path))["firm_list"] is EvidenceState.PROVIDED


def test_absolute_path_and_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "photos").mkdir(parents=True)
    (elsewhere / "akta.pdf").write_bytes(b"x")
    text = REGION.replace("dossier/akta-koperasi.pdf", str(elsewhere / "akta.pdf")).replace(
        "  foto_produk: dossier/foto.jpg\n", f"  access_map: {elsewhere / 'photos'}\n"
    )
    found = states(checklist_of(write_region(tmp_path / "region", text)))
    assert found["organization_deed"] is EvidenceState.PROVIDED
    assert found["access_map"] is EvidenceState.MISSING_FILE  # a folder is not the file the spec asks for


def test_no_evidence_section(tmp_path: Path) -> None:
    text = REGION.split("evidence:\n")[0] + "waivers:\n" + REGION.split("waivers:\n")[1]
    doc = checklist_of(write_region(tmp_path, text))
    assert set(states(doc).values()) == {EvidenceState.NOT_GIVEN}
    assert doc.unknown_evidence == ()


def test_no_product(tmp_path: Path) -> None:
    start, rest = REGION.split("product:\n")
    text = start + "resources:" + rest.split("resources:")[1]
    doc = checklist_of(write_region(tmp_path, text))
    assert doc.product is None


def test_criteria_set_can_add_and_replace_evidence(tmp_path: Path) -> None:
    custom = tmp_path / "custom.yaml"
    custom.write_text(
        """\
id: custom
extends: default
rules:
  C2:
    add_evidence:
      - key: foto_produk
        title: {en: Photos of the products, id: Foto produk}
  C5:
    evidence:
      - key: sk_bupati
        title: {en: The regent's decree, id: SK bupati}
  C8:
    enabled: false
""",
        encoding="utf-8",
    )
    doc = checklist_of(write_region(tmp_path), str(custom))
    per_rule = {c.id: {item.key: item.state for item in c.evidence} for c in doc.criteria}
    assert per_rule["C2"] == {"firm_list": EvidenceState.PROVIDED, "foto_produk": EvidenceState.MISSING_FILE}
    assert per_rule["C5"] == {"sk_bupati": EvidenceState.NOT_GIVEN}
    assert "C8" not in per_rule
    # organization_deed is no longer an item of the set: it becomes unknown evidence.
    assert [u.key for u in doc.unknown_evidence] == ["organization_deed"]
    assert doc.criteria_set.id == "custom"
