"""The proposal checklist rendered: Markdown, one self-contained HTML page, and the command."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ovop_assess import criteria_sets, messages
from ovop_assess.assess import assess_with_region
from ovop_assess.checklist import Checklist, build_checklist
from ovop_assess.cli.main import main
from ovop_assess.render.checklist import render_checklist
from ovop_assess.render.markdown_text import escape_markdown

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "ovop_assess" / "templates"
AS_OF = datetime.date(2026, 11, 28)
HOSTILE = "<script>alert(1)</script>"

REGION = """\
format: ovop-region/1
region:
  name: "Kampung <script>alert(1)</script> & Batik"
  level: kelurahan
  code: "33.72.03.1009"
  district: Pasar Kliwon
  city: Kota Surakarta
  province: Jawa Tengah
product:
  name: "Batik *Tulis* & Cap"
  category: batik
  export_oriented: true
  uniqueness: {local_skill: Hand-drawn batik}
resources: [{type: skill, description: Batik craftsmanship}]
firms:
  - {name: "Batik <script>alert(1)</script> & Sons", role: champion, willing_to_lead: true}
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
  "<img src=x>": "https://example.com/<b>.pdf"
waivers:
  - rule: C7
    reason: "Cloth comes from <outside> & is bought in Pekalongan"
    approved_by: Dinas Koperasi dan UMKM
"""

INVALID = "format: ovop-region/1\nregion: {name: X, level: dusun, city: Y, province: Z}\n"


def write_region(folder: Path, text: str = REGION) -> Path:
    (folder / "dossier").mkdir(parents=True, exist_ok=True)
    (folder / "dossier" / "daftar-usaha.pdf").write_bytes(b"%PDF-1.4\n")
    path = folder / "region.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def doc(tmp_path: Path) -> Checklist:
    path = write_region(tmp_path)
    criteria_set = criteria_sets.load("default")
    result, region = assess_with_region(path, criteria_set, as_of=AS_OF)
    assert region is not None, result.errors
    return build_checklist(result, region, criteria_set, base_dir=path.parent, as_of=AS_OF)


# --- Markdown -------------------------------------------------------------------


def test_markdown_tick_boxes_and_flags(doc: Checklist) -> None:
    text = render_checklist(doc, "markdown", "en")
    assert text.startswith("# OVOP sentra proposal checklist: ")
    assert "- [x] List of the sentra's firms with their NIB and product (`firm_list`)" in text
    assert "on hand: dossier/daftar-usaha.pdf" in text
    assert "- [ ] Deed or decree establishing the management body (`organization_deed`)" in text
    assert "⚠ file not found: dossier/akta-koperasi.pdf" in text
    assert "- [ ] The champion firm's signed statement that it will drive the sentra" in text
    assert "- [ ] 2 more mentee firm(s) of category batik" in text
    assert "- [ ] 7 more firm(s) of category batik" in text
    for criterion in doc.criteria:
        assert f"## {criterion.id} · {criterion.title['en']}" in text
    assert "**Waiver:** Waived by Dinas Koperasi dan UMKM" in text
    assert "Evidence the criteria set does not know" in text
    assert "**not eligible**" in text
    assert "28 November 2026" in text  # a date for people, written in full


def test_markdown_in_indonesian(doc: Checklist) -> None:
    text = render_checklist(doc, "markdown", "id")
    assert text.startswith("# Daftar periksa usulan sentra OVOP: ")
    assert "- [ ] 2 UMKM sejenis (batik) lagi" in text
    assert "berkas tidak ditemukan: dossier/akta-koperasi.pdf" in text
    assert "Kekurangan:" in text and "Dokumen bukti:" in text
    assert "**Pengecualian:** Dikecualikan oleh Dinas Koperasi dan UMKM" in text
    assert "**tidak layak**" in text
    for english in ("Still missing", "Evidence documents", "file not found", "Waived by", "not eligible"):
        assert english not in text


def test_markdown_escapes_what_comes_from_the_region_file(doc: Checklist) -> None:
    text = render_checklist(doc, "markdown", "en")
    assert HOSTILE not in text
    assert r"Kampung \<script\>alert(1)\</script\> \& Batik" in text
    assert r"Batik \*Tulis\* \& Cap" in text
    assert "`<img src=x>`" in text  # an unknown key, in a code span where it is literal


def test_values_are_escaped_by_the_rule_of_every_markdown_output(doc: Checklist) -> None:
    """The summary's rule (tests/render/test_markdown_text.py): ``&`` escaped even where it starts no entity."""
    text = render_checklist(doc, "markdown", "en")
    heading = r"# OVOP sentra proposal checklist: Kampung \<script\>alert(1)\</script\> \& Batik"
    assert f"{heading}\n" in text
    assert escape_markdown(doc.region.name) == heading.partition(": ")[2]


def test_unknown_format(doc: Checklist) -> None:
    with pytest.raises(ValueError, match="markdown, html"):
        render_checklist(doc, "pdf", "en")


# --- HTML -----------------------------------------------------------------------


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def words(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.mark.parametrize("lang", ["en", "id"])
def test_html_is_one_self_contained_page(doc: Checklist, lang: messages.Lang) -> None:
    html = render_checklist(doc, "html", lang)
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    assert page.all("html") == [{"lang": lang}]
    assert "<script" not in html.lower()
    assert not page.all("script") and not page.all("link") and not page.all("img") and not page.all("iframe")
    for _, attrs in page.tags:
        for name in ("src", "href", "srcset", "action", "data"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (name, value)
    assert "@import" not in page.style and "url(" not in page.style
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", html, re.IGNORECASE)
    assert "@page { size: A4; margin: 15mm; }" in page.style
    assert "break-inside: avoid" in page.style


def test_html_lists_every_criterion(doc: Checklist) -> None:
    page = parse(render_checklist(doc, "html", "id"))
    sections = [attrs for attrs in page.all("section") if "criterion" in (attrs.get("class") or "")]
    assert [s["id"] for s in sections] == [c.id for c in doc.criteria]
    for criterion in doc.criteria:
        assert criterion.title["id"] in page.words
    classes = {attrs.get("class") for attrs in page.all("li")}
    assert {"provided", "missing_file", "not_given"} <= classes


def test_html_escapes_what_comes_from_the_region_file(doc: Checklist) -> None:
    html = render_checklist(doc, "html", "en")
    assert HOSTILE not in html
    assert "<img" not in html and "<outside>" not in html and "<b>" not in html
    assert "Kampung &lt;script&gt;alert(1)&lt;/script&gt; &amp; Batik" in html
    assert "Batik &lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons" in html
    assert "&lt;outside&gt; &amp; is bought in Pekalongan" in html
    page = parse(html)
    assert f"Kampung {HOSTILE} & Batik" in page.words  # shown as written
    assert "https://example.com/<b>.pdf" in page.words  # as text, never a link
    assert page.all("title") and "Kampung" in html.split("<title>")[1].split("</title>")[0]


def test_html_words_come_from_the_catalogue(doc: Checklist) -> None:
    english = parse(render_checklist(doc, "html", "en")).words
    indonesian = parse(render_checklist(doc, "html", "id")).words
    for key in ("checklist.still_missing", "checklist.evidence", "checklist.overview", "checklist.reasons"):
        assert messages.CATALOGUE[key]["en"] in english
        assert messages.CATALOGUE[key]["id"] in indonesian
    assert "2 UMKM sejenis (batik) lagi" in indonesian
    assert "berkas tidak ditemukan: dossier/akta-koperasi.pdf" in indonesian
    assert "tidak layak" in indonesian
    for word in ("Still missing", "Evidence documents", "Findings", "Overview", "file not found", "Verdict"):
        assert word not in indonesian


def test_every_template_message_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for template in TEMPLATES.glob("*.j2"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_.]+)["']""", template.read_text(encoding="utf-8")))
    assert "checklist.title" in used
    # (a status and a verdict are words of their own: msg(c.status.message), results.Status.message)
    missing = sorted(key for key in used if key not in messages.CATALOGUE)
    assert not missing, missing


# --- the command ----------------------------------------------------------------


def test_cli_html_exit_0_whatever_the_verdict(tmp_path: Path) -> None:
    path = write_region(tmp_path)
    out = tmp_path / "checklist.html"
    args = ["checklist", str(path), "--format", "html", "--output", str(out), "--lang", "id", "--as-of", "2026-11-28"]
    assert main(args) == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="id">' in html
    assert "tidak layak" in html
    assert HOSTILE not in html


def test_cli_markdown_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_region(tmp_path)
    assert main(["checklist", str(path), "--as-of", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# OVOP sentra proposal checklist")
    assert "- [x] List of the sentra's firms" in out


def test_cli_invalid_region_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(INVALID, encoding="utf-8")
    out = tmp_path / "checklist.html"
    code = main(["checklist", str(path), "--format", "html", "--output", str(out), "--as-of", "2026-11-28"])
    assert code == 3
    assert not out.exists()
    assert capsys.readouterr().out == ""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs a chromium binary")
def test_prints_with_chromium(tmp_path: Path) -> None:
    path = write_region(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "check_checklist_html.py"),
            str(path),
            "--out-dir",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "out" / "checklist.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "out" / "checklist.png").read_bytes().startswith(b"\x89PNG")
    assert re.search(r"pdf: .* \(\d+ page\(s\)\)", done.stdout), done.stdout
