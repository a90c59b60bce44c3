"""Values still equal to ``ovop-assess init``'s examples count as absent, with a warning on their line."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ovop_assess import criteria_sets, template_values
from ovop_assess.assess import assess_path, assess_text
from ovop_assess.cli.main import main
from ovop_assess.results import FileResult, Status, Verdict
from ovop_assess.schema import region_template
from ovop_assess.template_placeholders import placeholders, read_placeholders, written_in
from ovop_assess.template_values import clear
from ovop_assess.yaml_source import Limits, Positions, parse_text

AS_OF = datetime.date(2026, 11, 28)
HEAD = "format: ovop-region/1\nregion: {name: Tahunan, level: desa, city: Kabupaten Jepara, province: Jawa Tengah}\n"


def assess(text: str) -> FileResult:
    return assess_text(text, criteria_sets.load("default"), as_of=AS_OF)


def uncommented() -> str:
    """The template with every commented-out field written in: a copy someone did not edit."""
    lines = []
    for line in region_template().splitlines():
        found = re.match(r"^(\s*)# (\s*(?:- )?[a-z_]+:(?: .*)?)$", line)
        lines.append(found.group(1) + found.group(2) if found else line)
    return "\n".join(lines) + "\n"


def warnings_of(result: FileResult) -> list[tuple[str, str, int | None]]:
    return [
        (w.message.id, str(w.message.values["field"]), w.location.line if w.location else None)
        for w in result.warnings
        if w.message.id.startswith("warn.template_")
    ]


# --- the list comes from the template ------------------------------------------------


def test_placeholders_are_read_from_the_template() -> None:
    found = placeholders()
    assert (("region", "name"), "nama desa") in found
    assert (("region", "city"), "kabupaten contoh") in found
    assert (("firms", "*", "name"), "usaha 01") in found
    assert (("spatial_plan", "regulation"), "perda ... tentang rtrw") in found
    assert (("product", "uniqueness", "culture"), "...") in found
    # each one is written in the template, at that field
    template = region_template().casefold()
    for pattern, value in found:
        assert re.search(rf"\b{pattern[-1] if pattern[-1] != '*' else pattern[-2]}: .*{re.escape(value)}", template), (
            pattern,
            value,
        )


def test_the_kept_placeholders_are_the_templates() -> None:
    """The run reads the kept list (template_placeholders_data.py); it must be what the template holds today.

    When this fails: ``python scripts/update_template_placeholders.py``."""
    assert placeholders() == read_placeholders()


def test_the_kept_placeholders_file_is_the_scripts_output() -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "update_template_placeholders.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_real_samples_and_choices_are_not_placeholders() -> None:
    fields = {pattern for pattern, _ in placeholders()}
    # a real province, a kind of product, a rule id, a file path; choices and codes
    for real in (
        ("region", "province"),
        ("product", "category"),
        ("waivers", "*", "rule"),
        ("region", "level"),
        ("product", "kbli"),
        ("firms", "*", "role"),
        ("firms", "*", "nib"),
        ("raw_materials", "*", "source"),
    ):
        assert real not in fields


# --- an untouched template, end to end ------------------------------------------------


def test_untouched_init_output_passes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "wilayah.yaml"]) == 0
    capsys.readouterr()
    code = main(["wilayah.yaml", "--as-of", "2026-11-28", "--format", "json"])
    assert code == 1  # incomplete
    [result] = json.loads(capsys.readouterr().out)["results"]
    assert result["verdict"] == "incomplete"
    assert {c["status"] for c in result["criteria"]} == {"unknown"}
    template = (tmp_path / "wilayah.yaml").read_text(encoding="utf-8").splitlines()
    warned = {(w["id"], w["path"]): w["line"] for w in result["warnings"] if w["id"].startswith("warn.template_")}
    assert warned == {
        ("warn.template_kept", "region.name"): 1 + next(i for i, t in enumerate(template) if "name: Nama Desa" in t),
        ("warn.template_kept", "region.city"): 1 + next(i for i, t in enumerate(template) if "Kabupaten Contoh" in t),
    }
    message = next(w["message"] for w in result["warnings"] if w["path"] == "region.name")
    assert message == "region.name is still the template's example (Nama Desa): write the real one"


def test_untouched_template_in_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "wilayah.yaml"]) == 0
    capsys.readouterr()
    assert main(["--lang", "id", "wilayah.yaml", "--as-of", "2026-11-28"]) == 1
    out = capsys.readouterr()
    assert "region.city masih berisi contoh dari templat (Kabupaten Contoh): tuliskan yang sebenarnya" in (
        out.out + out.err
    )


def test_every_field_written_in_but_unedited_passes_nothing() -> None:
    result = assess(uncommented())
    assert result.verdict is Verdict.INCOMPLETE
    assert [c.status for c in result.criteria] == [Status.UNKNOWN] * 8
    fields = {field for _, field, _ in warnings_of(result)}
    assert {"firms[0].name", "firms[1].name", "government_commitment[0].description", "waivers[0].reason"} <= fields
    assert {"spatial_plan.regulation", "raw_materials[0].name", "access.public_transport[0]"} <= fields
    # the template's waiver (its reason is "...") waives nothing
    assert all(c.waiver is None for c in result.criteria)


# --- a placeholder beside real facts -----------------------------------------------------


def test_an_optional_placeholder_is_absent() -> None:
    text = HEAD + "spatial_plan:\n  regulation: Perda ... tentang RTRW\n  conforms: true\n"
    result = assess(text)
    c6 = result.criteria[5]
    assert c6.status is Status.UNKNOWN
    assert [r.message.id for r in c6.reasons] == ["c6.regulation_absent"]
    assert warnings_of(result) == [("warn.template_value", "spatial_plan.regulation", 4)]


def test_uniqueness_of_placeholders_only_is_absent_not_empty() -> None:
    text = HEAD + "product:\n  name: Ukir\n  category: wood-carving\n  uniqueness:\n    culture: ...\n"
    c3 = assess(text).criteria[2]
    assert c3.status is Status.UNKNOWN  # not `fail`: nothing was said, the template was
    assert [r.message.id for r in c3.reasons] == ["c3.absent"]


def test_a_template_entry_is_dropped_and_lines_still_point_into_the_file() -> None:
    text = (
        HEAD
        + "raw_materials:\n"
        + "  - name: ...\n"  # line 4: the template's entry
        + "    source: local\n"
        + "  - name: Kayu jati\n"  # line 6
        + "    source: imported\n"  # line 7
        + "    main: true\n"
    )
    result = assess(text)
    c7 = result.criteria[6]
    assert c7.status is Status.FAIL  # the template's local material does not pass it
    assert [r.message.id for r in c7.reasons] == ["c7.main_not_accepted"]
    location = c7.reasons[0].location
    assert location is not None and (location.path, location.line) == ("raw_materials[1].source", 7)
    assert warnings_of(result) == [("warn.template_entry", "raw_materials[0].name", 4)]


def test_every_entry_a_placeholder_makes_the_list_absent_not_empty() -> None:
    text = HEAD + "organizations:\n  - {type: paguyuban, name: Paguyuban ...}\n"
    c5 = assess(text).criteria[4]
    assert c5.status is Status.UNKNOWN  # `organizations: []` would fail; a template entry says nothing
    assert [r.message.id for r in c5.reasons] == ["c5.absent"]


def test_an_entry_with_only_a_template_text_and_a_choice_is_dropped() -> None:
    """``{type: skill, description: ...}``: the type is the template's too, so it is no resource."""
    c1 = assess(HEAD + "resources:\n  - {type: skill, description: ...}\n").criteria[0]
    assert "c1.resources_absent" in [r.message.id for r in c1.reasons]


def test_a_real_entry_keeps_its_real_fields() -> None:
    text = HEAD + "organizations:\n  - {type: koperasi, name: Koperasi Jati Mulya, legal_basis: ...}\n"
    result = assess(text)
    assert result.criteria[4].status is Status.PASS
    assert warnings_of(result) == [("warn.template_value", "organizations[0].legal_basis", 4)]


def test_mentees_of_a_dropped_template_champion() -> None:
    firms = "".join(f"  - {{name: Ukir {i:02d}, role: mentee, mentor: Usaha 01}}\n" for i in range(1, 4))
    text = HEAD + "firms:\n  - {name: Usaha 01, role: champion, willing_to_lead: true}\n" + firms
    result = assess(text)
    c1 = result.criteria[0]
    assert c1.status is not Status.PASS
    ids = [w[0] for w in warnings_of(result)]
    assert ids.count("warn.template_entry") == 1 and ids.count("warn.template_value") == 3


@pytest.mark.parametrize(
    "text",
    [
        "product: {name: Batik, category: batik, uniqueness: {local_skill: Batik tulis Kauman yang diwariskan}}\n",
        "access: {public_transport: [bus, angkot], nearest_stop_m: 300}\n",
        "spatial_plan: {regulation: Perda RTRW No. 1 Tahun 2012, zone: ..., conforms: true}\n",
    ],
)
def test_real_values_beside_the_template_are_kept(text: str) -> None:
    result = assess(HEAD + text)
    assert any(c.status is Status.PASS for c in result.criteria)


def test_case_and_spacing_do_not_hide_a_placeholder() -> None:
    result = assess(HEAD.replace("Tahunan", "nama   DESA"))
    assert warnings_of(result) == [("warn.template_kept", "region.name", 2)]


@pytest.mark.parametrize(
    "written",
    [
        '"Usaha\\x2001"',  # an escape spells the space
        '"\\u0055saha 01"',  # ... or a letter
        "Usaha\n      01",  # a plain value over two lines
        "'Usaha\n\n      01'",  # a quoted one, with an empty line (kept as a line break)
        "|-\n      Usaha 01",  # a block value
        "USAHA\t01",  # another case, a tab
    ],
)
def test_a_placeholder_however_written_is_cleared(written: str) -> None:
    """The text is only searched to rule placeholders out: every way YAML writes one is still found."""
    text = HEAD + f"firms:\n  - name: {written}\n    role: champion\n  - {{name: Sari Rasa, role: member}}\n"
    loaded = parse_text(text, Limits())
    assert loaded.text == text and " ".join(loaded.data["firms"][0]["name"].split()).casefold() == "usaha 01"
    cleared = clear(loaded.data, loaded.positions, loaded.text)
    assert [w.message.id for w in cleared.warnings] == ["warn.template_entry"]
    assert [firm["name"] for firm in cleared.data["firms"]] == ["Sari Rasa"]


def test_only_the_fields_of_placeholders_written_in_the_text_are_walked() -> None:
    """The region's city is the template's; a firm's name beside it is cleared all the same when it is one."""
    text = HEAD.replace("Kabupaten Jepara", "Kabupaten Contoh") + "firms:\n  - {name: usaha  01, role: champion}\n"
    loaded = parse_text(text, Limits())
    cleared = clear(loaded.data, loaded.positions, loaded.text)
    assert [(w.message.id, w.message.values["field"]) for w in cleared.warnings] == [
        ("warn.template_kept", "region.city"),
        ("warn.template_entry", "firms[0].name"),
    ]
    only_city = parse_text(HEAD.replace("Kabupaten Jepara", "Kabupaten Contoh"), Limits())
    assert [w.message.id for w in clear(only_city.data, only_city.positions, only_city.text).warnings] == [
        "warn.template_kept"
    ]


def test_text_without_placeholders_is_not_walked() -> None:
    loaded = parse_text(HEAD + "firms:\n  - {name: Usaha 5-01, role: champion}\n", Limits())
    assert written_in(loaded.text or "") == ()
    assert written_in("name: kabupaten\n   CONTOH\n# Usaha 02\n") == ("kabupaten contoh", "usaha 02")
    assert written_in('name: "Usaha\\x2001"') is None  # an escape could spell anything
    cleared = clear(loaded.data, loaded.positions, loaded.text)
    assert cleared.data is loaded.data and cleared.warnings == ()


def test_firms_from_a_sheet_are_never_cleared(tmp_path: Path) -> None:
    """A firm sheet's values are the office's, not the region template's (the workbook template holds no
    example firm): they are not walked, whatever the region file's text holds."""
    (tmp_path / "firms.csv").write_text("Nama Usaha;Peran\nUsaha 01;champion\nSari Rasa;member\n", encoding="utf-8")
    region = tmp_path / "region.yaml"
    region.write_text(HEAD.replace("Tahunan", "Nama Desa") + "firms: {file: firms.csv}\n", encoding="utf-8")
    result = assess_path(region, criteria_sets.load("default"), as_of=AS_OF)
    assert [(w[0], w[1]) for w in warnings_of(result)] == [("warn.template_kept", "region.name")]


# --- what validate() relies on: nothing dropped, the very data back -------------------------


def test_data_with_nothing_dropped_is_handed_back_as_it_is() -> None:
    """validate() validates the region again only when clearing dropped something: it tells by identity."""
    kept_only = parse_text(HEAD.replace("Tahunan", "Nama Desa"), Limits())
    cleared = clear(kept_only.data, kept_only.positions)
    assert cleared.data is kept_only.data
    assert [w.message.id for w in cleared.warnings] == ["warn.template_kept"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("spatial_plan: {regulation: Perda ... tentang RTRW, conforms: true}\n", "spatial_plan"),
        ("firms:\n  - {name: Usaha 01, role: champion}\n  - {name: Sari Rasa, role: member}\n", "firms"),
        ("product: {name: Ukir, uniqueness: {culture: ...}}\n", "product"),
    ],
)
def test_data_with_something_dropped_is_a_new_copy(text: str, field: str) -> None:
    loaded = parse_text(HEAD + text, Limits())
    before = json.dumps(loaded.data, sort_keys=True)
    cleared = clear(loaded.data, loaded.positions)
    assert cleared.data is not loaded.data and cleared.data[field] != loaded.data[field]
    assert json.dumps(loaded.data, sort_keys=True) == before  # the loaded data is left as it was


def test_import_takes_a_firm_a_sheet_names_as_the_region_templates_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The workbook ``init --firms-sheet`` writes holds no example firm: a sheet's "Usaha 01" is the office's
    own, never dropped as the region template's example (a review: it was left out of the count unseen). But
    the list ``import`` prints, pasted into a region file, would have it dropped there: the command says so,
    at each cell, exactly where the region file would (a second review)."""
    from ovop_assess.firm_sheet import import_firms, template_names
    from ovop_assess.sheets import firms_yaml

    sheet = tmp_path / "daftar.csv"
    sheet.write_text("Nama Usaha;Peran;Pembina\nUsaha 01;Penggerak;\nAnyaman Sari;Binaan;Usaha 01\n", encoding="utf-8")
    imported = import_firms(sheet, None, Limits())
    assert not imported.errors and not imported.warnings and len(imported.firms) == 2
    said = [(f.location.cell, f.location.path) for f in template_names(imported)]
    assert said == [("A2", "firms[0].name"), ("C3", "firms[1].mentor")]
    assert {f.message.id for f in template_names(imported)} == {"sheet.import_template_name"}
    pasted = assess_text(HEAD + firms_yaml(imported.firms), criteria_sets.load("default"), as_of=AS_OF)
    assert [field for _, field, _ in warnings_of(pasted)] == [path for _, path in said]
    assert main(["--lang", "id", "import", str(sheet)]) == 0
    out, err = capsys.readouterr()
    assert "name: Usaha 01" in out and err.count("Usaha 01 adalah nama contoh dari templat berkas wilayah") == 2


def test_a_region_file_counts_a_sheet_firm_named_as_its_templates_example(tmp_path: Path) -> None:
    """A region file whose own text still holds the template's examples (a comment, a placeholder) clears
    those, and only those: the sheet's "Usaha 01" is counted, its missing willingness said at its cell."""
    example = Path(__file__).resolve().parents[1] / "examples" / "regions" / "rajapolah-weaving.yaml"
    region = tmp_path / "wilayah.yaml"
    text = example.read_text(encoding="utf-8").replace("rajapolah-weaving-firms.csv", "daftar.csv")
    region.write_text(text + "# firms:\n#   - {name: Usaha 01, role: champion}\n", encoding="utf-8")
    (tmp_path / "daftar.csv").write_text(
        "Nama Usaha;Peran;Bersedia Menjadi Penggerak\nAnyaman Sari;Penggerak;\nUsaha 01;Binaan;\n",
        encoding="utf-8",
    )
    assert "usaha 01" in written_in(region.read_text(encoding="utf-8"))  # (the file's text does hold it)
    result = assess_path(region, criteria_sets.load("default"), as_of=datetime.date(2026, 12, 1))
    assert not [w for w in result.warnings if w.message.id.startswith("warn.template")]
    c1 = next(c for c in result.criteria if c.id == "C1")
    said = [(r.location.path, r.location.cell) for r in c1.reasons if r.message.id == "c1.willing_absent"]
    assert said == [("firms[0].willing_to_lead", "C2")]
    c2 = next(c for c in result.criteria if c.id == "C2")
    assert any(r.message.values.get("count") == 2 for r in c2.reasons), c2.reasons


def test_the_positions_seen_through_dropped_entries_pass_every_question_on() -> None:
    asked: list[tuple[str, tuple[str | int, ...]]] = []

    class Asked(Positions):
        def __getattribute__(self, name: str) -> Any:
            if name.startswith("_") or not callable(getattr(Positions, name, None)):
                return super().__getattribute__(name)
            return lambda path: asked.append((name, path))

    remapped = template_values.RemappedPositions(Asked(), {("firms",): [1, 2]})
    names = [name for name in vars(Positions) if not name.startswith("_") and callable(getattr(Positions, name))]
    for name in names:
        getattr(remapped, name)(("firms", 0, "mentor"))
    assert asked == [(name, ("firms", 1, "mentor")) for name in names]
