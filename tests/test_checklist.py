"""The proposal checklist as data (evidence states, what is missing, waivers, header) and its regressions."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal, get_args, get_origin

import pytest
from pydantic import BaseModel

from ovop_assess import criteria_sets, messages
from ovop_assess.assess import assess_with_region
from ovop_assess.checklist import Checklist, EvidenceState, build_checklist
from ovop_assess.region import Firm, Organization, RawMaterial, RegionPlace
from ovop_assess.render.checklist import isolate, render_checklist
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
    assert c2.evidence[0].title["id"] == "Daftar UMKM/IKM di sentra beserta NIB dan produknya"


def test_unknown_evidence_key_is_listed_once(doc: Checklist) -> None:
    assert [(u.key, u.path, u.state) for u in doc.unknown_evidence] == [
        ("foto_produk", "dossier/foto.jpg", EvidenceState.MISSING_FILE)
    ]
    assert all(w.message.id != "warn.evidence_unknown_key" for w in doc.warnings)


def test_unknown_evidence_that_exists(tmp_path: Path) -> None:
    doc = checklist_of(write_region(tmp_path, files=("dossier/daftar-usaha.pdf", "dossier/foto.jpg")))
    assert doc.unknown_evidence[0].state is EvidenceState.PROVIDED


def test_missing_in_both_languages(doc: Checklist) -> None:
    c1 = next(c for c in doc.criteria if c.id == "C1")
    assert c1.status is Status.FAIL
    en = [messages.render(m, "en") for m in c1.missing]
    ind = [messages.render(m, "id") for m in c1.missing]
    assert any("2 more mentee firm(s) of category batik" in line for line in en), en
    assert any("2 UMKM sejenis (batik) lagi" in line for line in ind), ind
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


def test_paths_outside_the_folder_are_not_looked_at_and_a_folder_is_flagged(tmp_path: Path) -> None:
    """Issue 11: a checklist must not tell whether a file outside the region file's folder exists."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "akta.pdf").write_bytes(b"x")
    (tmp_path / "region" / "photos").mkdir(parents=True)
    (tmp_path / "region" / "out").symlink_to(elsewhere)
    for outside in (str(elsewhere / "akta.pdf"), "../elsewhere/akta.pdf", "out/akta.pdf", str(elsewhere / "none.pdf")):
        text = REGION.replace("dossier/akta-koperasi.pdf", outside).replace(
            "  foto_produk: dossier/foto.jpg\n", "  access_map: photos\n"
        )
        found = states(checklist_of(write_region(tmp_path / "region", text)))
        assert found["organization_deed"] is EvidenceState.OUTSIDE, outside  # the same whether it exists or not
        assert found["access_map"] is EvidenceState.FOLDER  # a folder is not the file the spec asks for
    assert EvidenceState.FOLDER.flagged and EvidenceState.MISSING_FILE.flagged and EvidenceState.OUTSIDE.flagged
    assert not EvidenceState.PROVIDED.flagged and not EvidenceState.NOT_GIVEN.flagged


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


# --- regressions of the review: folders, bidi text, long words, switched-off rules, words of choices ---


def render(doc: Checklist, output_format: str, lang: messages.Lang = "en") -> str:
    return render_checklist(doc, output_format, lang)


def test_a_folder_is_flagged_as_a_folder_not_as_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "dossier" / "akta-koperasi.pdf").mkdir(parents=True)  # a folder where the deed should be
    text = REGION.replace("  foto_produk: dossier/foto.jpg\n", "  foto_produk: dossier\n")
    doc = checklist_of(write_region(tmp_path, text))
    assert states(doc)["organization_deed"] is EvidenceState.FOLDER
    assert [(u.key, u.state) for u in doc.unknown_evidence] == [("foto_produk", EvidenceState.FOLDER)]
    assert doc.evidence_count(EvidenceState.FOLDER) == 1
    assert doc.evidence_count(EvidenceState.MISSING_FILE) == 0
    markdown = render(doc, "markdown")
    assert "(`organization_deed`) — ⚠ this is a folder, not a file: dossier/akta-koperasi.pdf" in markdown
    assert "- ⚠ `foto_produk`: this is a folder, not a file: dossier" in markdown
    assert "1 folder(s) named instead of a file" in markdown
    assert "file not found: dossier/akta-koperasi.pdf" not in markdown
    html = render(doc, "html", "id")
    assert '<li class="folder">' in html
    assert "ini folder, bukan berkas: dossier/akta-koperasi.pdf" in html
    assert "berkas tidak ditemukan: dossier/akta-koperasi.pdf" not in html
    assert "1 folder disebut sebagai ganti berkas" in html


RLO, PDF, FSI, PDI, LRI = "\u202e", "\u202c", "\u2068", "\u2069", "\u2066"


def test_isolate_wraps_only_values_with_bidi_controls() -> None:
    assert isolate("Batik Sari") == "Batik Sari"
    assert isolate("باتيك") == "باتيك"  # right-to-left letters alone stay as they are
    assert isolate(f"Batik {RLO}Sari") == f"{FSI}Batik {RLO}Sari{PDI}"
    assert isolate("a\u200fb") == f"{FSI}a\u200fb{PDI}"
    # A stray PDI would close the isolate early: it is dropped; an isolate left open is closed.
    assert isolate(f"x{PDI}{RLO}y") == f"{FSI}x{RLO}y{PDI}"
    assert isolate(f"{LRI}x") == f"{FSI}{LRI}x{PDI}{PDI}"
    assert isolate(f"{LRI}x{PDI}") == f"{FSI}{LRI}x{PDI}{PDI}"


BIDI_REGION = (
    REGION.replace("  name: Kauman\n", f"  name: Kauman {RLO}Baru\n", 1)
    .replace("{name: Batik 01, role: champion", f"{{name: 'Batik {RLO}Sari', role: champion")
    .replace("  firm_list: dossier/daftar-usaha.pdf\n", f"  firm_list: 'dossier/{RLO}fdp.pdf'\n")
    .replace("  foto_produk: dossier/foto.jpg\n", f"  'foto{RLO}x': dossier/foto.jpg\n")
    .replace("    reason: Cloth is bought outside the city\n", f"    reason: 'Cloth {RLO}from outside'\n")
)


@pytest.mark.parametrize("output_format", ["markdown", "html"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_bidi_controls_from_the_region_file_stay_inside_their_value(
    tmp_path: Path, output_format: str, lang: messages.Lang
) -> None:
    doc = checklist_of(write_region(tmp_path, BIDI_REGION))
    text = render(doc, output_format, lang)
    firm = f"{FSI}Batik {RLO}Sari{PDI}"
    # In the tool's own sentences (reasons, what is missing), in the header, in paths and unknown keys.
    sentence = {
        "en": "mentors 1 of the 3 mentee firms",
        "id": "baru membina 1 UMKM binaan sejenis (batik); minimal 3",
    }[lang]
    assert f"Champion {firm} {sentence}" in text
    missing = "mentored by" if lang == "en" else "yang dibina"
    assert f"{missing} {firm}" in text
    assert f"{FSI}Kauman {RLO}Baru{PDI}" in text
    assert f"{FSI}dossier/{RLO}fdp.pdf{PDI}" in text
    assert f"{FSI}foto{RLO}x{PDI}" in text
    assert f"{FSI}Cloth {RLO}from outside{PDI}" in text
    # Every override in the output is closed by an isolate before the next character of the tool's own.
    for found in re.finditer(RLO, text):
        tail = text[found.end() :]
        assert PDI in tail.split("\n")[0], text[found.start() - 40 : found.end() + 40]
    # The catalogue's words are never wrapped: each isolate holds a region value only.
    assert text.count(FSI) == text.count(PDI)


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_ordinary_names_render_without_isolates(doc: Checklist, output_format: str) -> None:
    text = render(doc, output_format)
    assert FSI not in text and PDI not in text
    assert "Kauman" in text and "Batik 01" in text


def test_html_long_words_wrap_and_the_verdict_box_keeps_its_place(doc: Checklist) -> None:
    html = render(doc, "html")
    style = html.split("<style>")[1].split("</style>")[0]
    rules: dict[str, str] = {}
    for found in re.finditer(r"([^{}]+)\{([^{}]*)\}", style):  # every block of a selector, @media ones too
        selector = found.group(1).strip().split("\n")[-1].strip()
        rules[selector] = rules.get(selector, "") + found.group(2)
    assert "overflow-wrap: anywhere" in rules["body"]
    assert "min-width: 0" in rules["dl.facts"] and "minmax(0, 1fr)" in rules["dl.facts"]
    assert "min-width: 0" in rules["dl.facts dd"]
    assert "flex: none" in rules[".verdict"] and "width: 52mm" in rules[".verdict"]
    assert "min-width: 0" in rules[".c-head h3"]
    assert "min-width: 0" in rules["ul.checks .what"]


LONG = "X" * 110
LONG_REGION = (
    REGION.replace("  name: Batik Kauman\n", f"  name: Kerajinan{LONG}\n", 1)
    .replace("{name: Batik 01, role: champion", f"{{name: Batik{LONG}, role: champion")
    .replace("  firm_list: dossier/daftar-usaha.pdf\n", f"  firm_list: dossier/{'a' * 110}.pdf\n")
    .replace("  organization_deed: dossier/akta-koperasi.pdf\n", f"  organization_deed: dossier/{'b' * 110}.pdf\n")
)
LONG_SET = f"""\
id: long-source
extends: default
version: "1"
source: https://jdih.example.go.id/{"peraturan-daerah-" * 8}rtrw.pdf
"""


@pytest.mark.skipif(
    shutil.which("chromium") is None or shutil.which("pdftotext") is None, reason="needs chromium and pdftotext"
)
def test_long_words_print_within_a4_margins_unshrunk(tmp_path: Path) -> None:
    """Chromium prints the page; every word must lie within the A4 margins at full size (scripts/ checks)."""
    path = write_region(tmp_path, LONG_REGION)
    criteria = tmp_path / "long-source.yaml"
    criteria.write_text(LONG_SET, encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [
            sys.executable,
            str(root / "scripts" / "check_checklist_html.py"),
            str(path),
            "--out-dir",
            str(tmp_path / "out"),
            "--criteria",
            str(criteria),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "layout: A4, every word within the margins, not shrunk" in done.stdout
    words = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "checklist.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "not eligible" in words  # the verdict box is on the page
    assert LONG in re.sub(r"\s+", "", words)  # the long product name, wrapped but whole


def _disabling_set(tmp_path: Path) -> Path:
    path = tmp_path / "no-c8.yaml"
    path.write_text("id: no-c8\nextends: default\nrules:\n  C8: {enabled: false}\n", encoding="utf-8")
    return path


def test_evidence_of_a_switched_off_rule_is_not_a_typo(tmp_path: Path) -> None:
    text = REGION.replace("  foto_produk: dossier/foto.jpg\n", "  access_map: dossier/peta.pdf\n")
    path = write_region(tmp_path, text, files=("dossier/daftar-usaha.pdf", "dossier/peta.pdf"))
    criteria_set = criteria_sets.load(str(_disabling_set(tmp_path)))
    result, region = assess_with_region(path, criteria_set, as_of=AS_OF)
    assert region is not None
    doc = build_checklist(result, region, criteria_set, base_dir=path.parent, as_of=AS_OF)
    assert doc.unknown_evidence == ()
    assert [(d.key, d.rule, d.path, d.state) for d in doc.disabled_evidence] == [
        ("access_map", "C8", "dossier/peta.pdf", EvidenceState.PROVIDED)
    ]
    markdown = render(doc, "markdown")
    assert "Evidence the criteria set does not know" not in markdown
    assert "## Evidence for criteria this set switches off" in markdown
    assert "- `access_map`: a document of C8, which this set switches off; file present: dossier/peta.pdf" in markdown
    html = render(doc, "html", "id")
    assert "Bukti untuk kriteria yang dimatikan kumpulan ini" in html
    assert "dokumen C8, yang dimatikan kumpulan ini" in html
    assert "periksa apakah ada salah ketik" not in html


def test_switched_off_evidence_from_the_loaded_set(tmp_path: Path) -> None:
    text = REGION.replace("  foto_produk: dossier/foto.jpg\n", "  access_map: dossier/peta.pdf\n")
    doc = checklist_of(write_region(tmp_path, text), str(_disabling_set(tmp_path)))
    assert doc.unknown_evidence == ()
    assert [(d.key, d.rule) for d in doc.disabled_evidence] == [("access_map", "C8")]


def test_choices_are_words_of_the_catalogue_in_both_languages(tmp_path: Path) -> None:
    text = (
        REGION.replace(
            "raw_materials: [{name: mori, source: national}]", "raw_materials: [{name: mori, source: local}]"
        )
        .replace(
            "[{type: koperasi, name: Koperasi Batik}]", "[{type: kub, name: KUB Batik}, {type: other, name: Forum}]"
        )
        .replace("  level: kelurahan\n", "  level: kelurahan\n", 1)
    )
    doc = checklist_of(write_region(tmp_path, text))
    indonesian, english = render(doc, "markdown", "id"), render(doc, "markdown", "en")
    assert "mori berasal dari sumber yang memenuhi syarat (lokal)." in indonesian
    assert "(local)" not in indonesian
    assert "Dikelola oleh KUB Batik (KUB), Forum (lainnya)." in indonesian
    # English keeps the codes as written in the file: reports do not change.
    assert "mori come(s) from an accepted source (local)." in english
    assert "Managed by KUB Batik (kub), Forum (other)." in english


def _literal_values(annotation: object) -> list[str]:
    """The values of a ``Literal[...]`` choice, also inside ``Literal[...] | None``."""
    if get_origin(annotation) is Literal:
        return [str(value) for value in get_args(annotation)]
    return [value for arg in get_args(annotation) for value in _literal_values(arg)]


@pytest.mark.parametrize(
    ("prefix", "model", "field"),
    [
        ("source", RawMaterial, "source"),
        ("org", Organization, "type"),
        ("level", RegionPlace, "level"),
        ("role", Firm, "role"),
    ],
)
def test_every_value_of_a_choice_has_catalogue_words(prefix: str, model: type[BaseModel], field: str) -> None:
    annotation = model.model_fields[field].annotation
    values = _literal_values(annotation)
    assert values, annotation
    for value in values:
        entry = messages.CATALOGUE[f"{prefix}.{value}"]
        assert entry["en"] == value  # English shows the code as the file has it
        assert entry["id"]
