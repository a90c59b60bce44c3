"""office.yaml: read like a region file, every problem located, a JSON Schema, a bilingual template."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml

from ovop_assess.cli.main import main
from ovop_assess.messages import render
from ovop_assess.office import OfficeInvalid, load_office, office_schema, office_template

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "round" / "office.yaml"


def test_the_shipped_example_and_the_template_load(tmp_path: Path) -> None:
    profile = load_office(EXAMPLE)
    assert profile.office.place == "Purwakarta"
    assert [s.position for s in profile.office.signatories] == ["Ketua Tim Penilai", "Kepala Dinas"]
    assert profile.logo is not None and profile.logo.startswith("data:image/svg+xml;base64,")
    template = tmp_path / "office.yaml"
    template.write_text(office_template(), encoding="utf-8")
    assert load_office(template).office.signatories[0].nip == "19650101 199001 1 001"
    assert profile.warnings == ()  # the example's made-up values are its own, not the template's


def test_values_left_as_the_template_gives_them_are_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "office.yaml"
    template.write_text(office_template(), encoding="utf-8")
    profile = load_office(template)
    said = [(f.location.path, render(f.message)) for f in profile.warnings if f.location]
    assert [path for path, _ in said] == [
        "office",
        "government",
        "address",
        "place",
        "signatories[0].name",
        "signatories[0].nip",
    ]
    assert said[4][1] == "signatories[0].name is still the template's example (Nama Pejabat): write the real one"
    uncommented = office_template().replace("# contact:", "contact:").replace("#   phone:", "  phone:")
    template.write_text(uncommented.replace("#   email:", "  email:"), encoding="utf-8")
    paths = [f.location.path for f in load_office(template).warnings if f.location]
    assert "contact.phone" in paths and "contact.email" in paths  # the commented sample block counts too
    region = ROOT / "examples" / "regions" / "kauman-batik.yaml"
    assert main(["round", str(region), "--office", str(template), "--lang", "id", "-f", "markdown"]) == 0
    err = capsys.readouterr().err
    assert f"ovop-assess: peringatan: {template}:" in err and "masih berisi contoh dari templat (Nama Pejabat)" in err


def test_the_template_is_bilingual_and_marked_illustrative() -> None:
    template = office_template()
    assert "CONTOH ILUSTRATIF" in template and "ILLUSTRATIVE EXAMPLE" in template
    assert "# nama kantor / the office's name" in template


def test_every_problem_is_listed_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    path.write_text(
        'office: X\nsignatories:\n  - {name: A, nip: "123", position: K}\n  - {name: B}\nplase: Kota\n',
        encoding="utf-8",
    )
    with pytest.raises(OfficeInvalid) as caught:
        load_office(path)
    found = [(f.location.path, f.location.line, render(f.message)) for f in caught.value.details if f.location]
    assert [(p, line) for p, line, _ in found] == [
        ("signatories[0].nip", 3),
        ("signatories[1].position", 4),
        ("plase", 5),
    ]
    assert "18 digits" in found[0][2]
    assert "did you mean 'place'" in found[2][2]
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("logo", "expected"),
    [
        ("logo.gif", "PNG, JPEG or SVG"),
        ("missing.png", "cannot be read"),
        ("text.png", "is not an image of type PNG"),
        ("text.svg", "is not an image of type SVG"),
        ("text.jpg", "is not an image of type JPEG"),
        ("fifo.svg", "cannot be read"),  # never opened for a blocking read: the run would hang
        ("folder.png", "cannot be read"),
    ],
)
def test_a_bad_logo_is_located(tmp_path: Path, logo: str, expected: str) -> None:
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    for name in ("text.png", "text.svg", "text.jpg"):
        (tmp_path / name).write_text("just some words, no image\n", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.svg")
    (tmp_path / "folder.png").mkdir()
    path = tmp_path / "office.yaml"
    path.write_text(f"office: X\n\nlogo: {logo}\n", encoding="utf-8")
    with pytest.raises(OfficeInvalid) as caught:
        load_office(path)
    (finding,) = caught.value.details
    assert finding.location is not None and finding.location.line == 3
    assert expected in render(finding.message)


def test_real_images_pass_their_signature_check(tmp_path: Path) -> None:
    images = {
        "a.png": b"\x89PNG\r\n\x1a\n" + bytes(16),
        "a.jpg": b"\xff\xd8\xff\xe0" + bytes(16),
        "a.svg": b'\xef\xbb\xbf<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
        "b.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>',
    }
    for name, data in images.items():
        (tmp_path / name).write_bytes(data)
        path = tmp_path / "office.yaml"
        path.write_text(f"office: X\nlogo: {name}\n", encoding="utf-8")
        assert (load_office(path).logo or "").startswith("data:image/")


def test_a_bad_profile_stops_the_round_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "office.yaml"
    path.write_text("office: X\nsignatories: [{name: A}]\n", encoding="utf-8")
    region = ROOT / "examples" / "regions" / "kauman-batik.yaml"
    assert main(["round", str(region), "--office", str(path), "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert "profil kantor tidak dapat dipakai: 1 masalah" in err
    assert f"{path}:2: signatories[0].position: isian wajib 'position' belum diisi" in err
    assert main(["round", str(region), "--office", str(tmp_path / "none.yaml")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_init_office_and_schema_office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "office.yaml"
    assert main(["init", "--office", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == office_template()
    assert main(["init", "--office", str(target)]) == 2  # never overwritten without --force
    capsys.readouterr()
    assert main(["schema", "--office"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == json.loads(json.dumps(office_schema()))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(yaml.safe_load(office_template()))
    validator.validate(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    assert list(validator.iter_errors({"office": "X", "signatories": [{"name": "A"}]}))


def test_checklist_with_the_office_letterhead_signatures_and_no_evidence_keys(tmp_path: Path) -> None:
    region = ROOT / "examples" / "regions" / "boyolali-copper-craft.yaml"
    page = tmp_path / "daftar.html"
    args = ["checklist", str(region), "--as-of", "2026-12-01", "--lang", "id", "-f", "html", "-o", str(page)]
    assert main(args) == 0
    plain = page.read_text(encoding="utf-8")
    assert "<code>champion_willingness_letter</code>" in plain and "letterhead" not in plain
    assert main([*args, "--office", str(EXAMPLE)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "Pemerintah Kabupaten Purwakarta" in html and 'src="data:image/svg+xml;base64,' in html
    assert "Purwakarta, 1 Desember 2026" in html and "NIP 19700101 199003 1 001" in html
    # Nowhere: neither as a code nor inside "attach the document … (evidence key …)", nor the file's sections.
    assert "champion_willingness_letter" not in html and "kunci bukti" not in html and "(evidence)" not in html
    assert "lampirkan dokumen: Surat pernyataan kesediaan UMKM champion" in html and "Belum dilampirkan" in html
    markdown = tmp_path / "daftar.md"
    assert main([*args[:-4], "-o", str(markdown), "--office", str(EXAMPLE)]) == 0
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("**Pemerintah Kabupaten Purwakarta**")
    assert "- Kepala Dinas: **Nama Kepala Dinas**, NIP 19700101 199003 1 001" in text
    assert "champion_willingness_letter" not in text and "kunci bukti" not in text


def test_the_letters_checklist_says_the_firm_sheets_warnings_on_stderr_not_on_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An office's list keeps an Alamat beside the firms: the warning naming it ignored is the analyst's, and
    was printed on the page that goes into the letter. The file's other warnings stay on it."""
    region = ROOT / "examples" / "regions" / "rajapolah-weaving.yaml"
    page = tmp_path / "daftar.html"
    args = ["checklist", str(region), "--as-of", "2026-12-01", "--lang", "id", "-f", "html", "-o", str(page)]
    ignored = "kolom yang bukan bagian daftar usaha, diabaikan: Alamat (G)"
    assert main(args) == 0
    assert ignored in page.read_text(encoding="utf-8") and ignored not in capsys.readouterr().err
    assert main([*args, "--office", str(EXAMPLE)]) == 0
    html, err = page.read_text(encoding="utf-8"), capsys.readouterr().err
    assert ignored not in html and "32.06.34.2002" in html  # (the area code's warning stays)
    assert (
        f"ovop-assess: peringatan: {region}: {region.parent / 'rajapolah-weaving-firms.csv'}, sel G1: {ignored}\n"
        in err
    )


def test_output_may_not_replace_the_office_logo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_bytes((ROOT / "examples" / "round" / "logo.svg").read_bytes())
    profile = tmp_path / "office.yaml"
    profile.write_text("office: Dinas X\nlogo: logo.svg\n", encoding="utf-8")
    region = str(ROOT / "examples" / "regions" / "kauman-batik.yaml")
    before = logo.read_bytes()
    for command in (["round", region], ["checklist", region]):
        assert main([*command, "--office", str(profile), "-f", "html", "-o", str(logo)]) == 2
        assert "is one of the input files" in capsys.readouterr().err
    assert logo.read_bytes() == before


def test_blank_office_text_is_refused_and_every_problem_names_its_field(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    path.write_text("office: X\nplace: ' '\ncontact: {email: ''}\ngovernment: 5\n", encoding="utf-8")
    with pytest.raises(OfficeInvalid) as caught:
        load_office(path)
    assert sorted(f.location.path for f in caught.value.details if f.location) == [
        "contact.email",
        "government",
        "place",
    ]


def test_checklist_for_a_letter_leaves_out_the_sections_about_the_files_keys(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "regions" / "kauman-batik.yaml").read_text(encoding="utf-8")
    region = tmp_path / "kauman.yaml"
    region.write_text(text + "evidence:\n  firm_lisst: x.md\n", encoding="utf-8")
    page = tmp_path / "page.html"
    args = ["checklist", str(region), "--lang", "id", "-f", "html", "-o", str(page)]
    assert main(args) == 0
    assert "firm_lisst" in page.read_text(encoding="utf-8")  # for the file's author: check the key
    assert main([*args, "--office", str(EXAMPLE)]) == 0
    letter = page.read_text(encoding="utf-8")
    assert "firm_lisst" not in letter and "x.md" not in letter
