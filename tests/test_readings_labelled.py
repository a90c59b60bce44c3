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
