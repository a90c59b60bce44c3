"""Every reading that is this tool's, not the source's, is labelled so: rules, sets, checklist, in both languages."""

from __future__ import annotations

import datetime
from html import unescape
from importlib import resources
from pathlib import Path

import pytest

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_with_region
from ovop_assess.checklist import build_checklist
from ovop_assess.cli.main import main
from ovop_assess.messages import Lang, text
from ovop_assess.render.checklist import render_html, render_markdown

LABEL = {"en": "this tool's reading, not the source's", "id": "tafsiran alat ini, bukan dari sumber"}
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_rules_lists_each_rules_own_reading_under_the_label(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--lang", lang]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert LABEL[lang] in out.casefold()
    assert ("1,000 m" if lang == "en" else "1.000 m") in out  # C8's distance
    assert ("the same kabupaten/kota" if lang == "en" else "kabupaten/kota yang sama") in out  # C7's "local"
    assert ('"is expected"' if lang == "en" else '"diharapkan"') in out  # C6: the Perda named


@pytest.mark.parametrize("set_id", ["routes", "coordination"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_set_descriptions_say_the_set_is_this_tools_reading(set_id: str, lang: str) -> None:
    description = criteria_sets.load(set_id).description
    assert description is not None
    assert LABEL[lang] in " ".join(description[lang].split()).casefold()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_coordination_says_table_1_does_not_make_the_champion_advisory(lang: str) -> None:
    description = criteria_sets.load("coordination").description
    assert description is not None
    text = " ".join(description[lang].split())
    assert ("does not make the champion advisory" if lang == "en" else "tidak menjadikan champion tidak wajib") in (
        text
    )


def test_shipped_sets_never_point_users_at_the_projects_private_folders() -> None:
    for entry in resources.files("ovop_assess").joinpath("criteria").iterdir():
        text = entry.read_text(encoding="utf-8")
        assert "shared/" not in text and "README" not in text, entry.name


@pytest.mark.parametrize("lang", ["en", "id"])
def test_checklist_labels_each_criterions_reading(lang: str) -> None:
    path = ROOT / "examples" / "regions" / "boyolali-copper-craft.yaml"
    as_of = datetime.date(2026, 11, 28)
    criteria = criteria_sets.load("default")
    result, region = assess_with_region(path, criteria, as_of=as_of)
    assert region is not None
    doc = build_checklist(result, region, criteria, base_dir=path.parent, as_of=as_of)
    assert all(c.reading is not None for c in doc.criteria)
    text = " ".join(render_markdown(doc, lang).split())
    assert text.casefold().count(LABEL[lang]) == 8
    html = " ".join(unescape(render_html(doc, lang)).split())
    assert html.casefold().count(LABEL[lang]) == 8


# --- a reading with the criteria set in use ---------------------------------------------------

CHANGED_SET = """\
id: sumedang-2027
version: "2027.1"
extends: default
rules:
  C7: {params: {accepted_sources: [local, regional, national, imported]}}
  C8: {params: {max_stop_distance_m: 1500}}
  C4: {params: {min_commitments: 2}}
"""

#: What the readings of the set above say, per language: its numbers and its sources in words.
CHANGED_WORDS = {
    "en": [
        "at least 2 committed or delivered",
        "local, regional, national, imported",
        "the nearest stop at most 1,500 m away",
    ],
    "id": [
        "sekurang-kurangnya 2 yang disepakati atau terlaksana",
        "lokal, regional, nasional, impor",
        "tempat pemberhentian terdekat paling jauh 1.500 m",
    ],
}
DEFAULT_WORDS = {
    "en": ["at least 1 committed or delivered", "from an accepted source: local (", "at most 1,000 m away"],
    "id": ["sekurang-kurangnya 1 yang disepakati", "dari sumber yang memenuhi syarat: lokal (", "paling jauh 1.000 m"],
}
PARAMETER_NAMES = ("min_commitments", "accepted_sources", "max_stop_distance_m", "min_mentees", "min_similar_firms")


def _changed_set(tmp_path: Path) -> Path:
    path = tmp_path / "sumedang.yaml"
    path.write_text(CHANGED_SET, encoding="utf-8")
    return path


def _readings_of_rules(out: str, lang: Lang) -> str:
    """The part of `rules` under the readings' heading, on one line."""
    flat = " ".join(out.split())
    return flat[flat.index(text("ui.readings", lang)) :]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_rules_says_the_numbers_and_sources_of_the_set_in_use(
    lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "--lang", lang, "--criteria", str(_changed_set(tmp_path))]) == 0
    readings = _readings_of_rules(capsys.readouterr().out, lang)
    for words in CHANGED_WORDS[lang]:
        assert words in readings
    for words in DEFAULT_WORDS[lang]:
        assert words not in readings
    for name in PARAMETER_NAMES:
        assert name not in readings


@pytest.mark.parametrize("lang", ["en", "id"])
def test_rules_of_the_default_set_says_its_values(lang: Lang, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--lang", lang]) == 0
    readings = _readings_of_rules(capsys.readouterr().out, lang)
    for words in DEFAULT_WORDS[lang]:
        assert words in readings
    for name in PARAMETER_NAMES:
        assert name not in readings


@pytest.mark.parametrize("lang", ["en", "id"])
def test_checklist_readings_say_the_numbers_and_sources_of_the_set_in_use(lang: str, tmp_path: Path) -> None:
    path = ROOT / "examples" / "regions" / "boyolali-copper-craft.yaml"
    as_of = datetime.date(2026, 11, 28)
    criteria = criteria_sets.load(str(_changed_set(tmp_path)))
    result, region = assess_with_region(path, criteria, as_of=as_of)
    assert region is not None
    doc = build_checklist(result, region, criteria, base_dir=path.parent, as_of=as_of)
    for page in (render_markdown(doc, lang).replace("\\", ""), unescape(render_html(doc, lang))):
        readings = " ".join(line for line in " ".join(page.split("\n")).split(". ") if LABEL[lang] in line.casefold())
        text = " ".join(page.split())
        assert text.casefold().count(LABEL[lang]) == 8
        for words in CHANGED_WORDS[lang]:
            assert words in " ".join(readings.split())
        for words in DEFAULT_WORDS[lang]:
            assert words not in " ".join(readings.split())
        for name in PARAMETER_NAMES:
            assert name not in " ".join(readings.split())


@pytest.mark.parametrize("lang", ["en", "id"])
def test_c6_reading_says_a_perda_without_number_and_year_passes_with_a_warning(
    lang: Lang, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rule warns, it does not fail, on a Perda named without its number and year (docs/criteria.md)."""
    assert main(["rules", "--lang", lang]) == 0
    readings = _readings_of_rules(capsys.readouterr().out, lang)
    c6 = readings[readings.index("C6:") : readings.index("C7:")]
    assert ("passes with a warning" if lang == "en" else "tetap dipenuhi dengan peringatan") in c6
    assert ("with its number and year" if lang == "en" else "beserta nomor dan tahunnya") not in c6


@pytest.mark.parametrize("lang", ["en", "id"])
def test_c8_reading_says_listed_modes_without_a_distance_pass(lang: Lang, capsys: pytest.CaptureFixture[str]) -> None:
    """The rule passes listed modes without a distance (with a warning): the reading says so."""
    assert main(["rules", "--lang", lang]) == 0
    readings = _readings_of_rules(capsys.readouterr().out, lang)
    c8 = readings[readings.index("C8:") :]
    assert ("a pass with a warning" if lang == "en" else "tetap dipenuhi dengan peringatan") in c8


@pytest.mark.parametrize("lang", ["en", "id"])
def test_explain_gives_the_defaults_value_and_says_it_is_the_default(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", "C8", "--lang", lang]) == 0
    flat = " ".join(capsys.readouterr().out.split())
    reading = flat[flat.casefold().index(LABEL[lang]) :].split("Status")[0]
    assert ("1000 m by default" if lang == "en" else "bawaannya 1000 m") in reading
    assert "max_stop_distance_m" not in reading
