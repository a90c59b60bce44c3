"""The YAML list ``import`` prints: libyaml's text is the Python emitter's, byte for byte (sheets/to_yaml.py)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ovop_assess.sheets import firms_yaml, no_firms_yaml, read_firms
from ovop_assess.yaml_source import Limits, parse_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [
    ROOT / "examples" / "regions" / "bayat-pottery-firms.xlsx",
    ROOT / "examples" / "regions" / "rajapolah-weaving-firms.csv",
]

# What quoting, escaping and line breaks turn on: words YAML 1.1 reads as booleans or null, numbers and
# dates, indicators, quotes, leading zeros, controls, the line breaks YAML folds, letters beyond ASCII.
AWKWARD = [
    "yes", "No", "Ya", "on", "OFF", "null", "~", "true", "12", "0812", "1e3", "0x1F", ".inf", "1_000", "+1",
    "2026-01-01", "12:30", "- a", "? b", "a: b", "a #b", "#c", "'", '"', "it's", 'say "hi"', "\\", "@x", "`x",
    "&a", "*a", "!t", "%p", "|", ">", "{a}", "[b]", "a, b", " lead", "trail ", "", "---", "...", "<<", "=",
    "line\nbreak", "two\n\nbreaks", "\ttab", "cr\rhere", "nel\x85", "ls\u2028", "ps\u2029", "bom\ufeff",
    "nul\x00", "esc\x1b", "del\x7f", "nbsp\xa0", "Café Ñusantara", "漢字", "batik Ⓐ", "x" * 300,
    "emoji 😀", "Batik 🇮🇩 Laweyan",
]  # fmt: skip


def _firms(texts: list[str]) -> list[dict[str, Any]]:
    firms: list[dict[str, Any]] = []
    for i, text in enumerate(texts):
        firms.append({"name": text, "role": "mentee", "mentor": text, "category": text, "nib": text})
        firms.append({"name": f"{text}{i}", "role": "champion", "willing_to_lead": i % 2 == 0, "workers": i})
        firms.append({"name": str(i), "role": "member", "monthly_capacity": [1500.0, 2.5, 1e17, -0.0, 3e-9][i % 5]})
    return firms


def test_both_emitters_write_the_same_bytes_for_awkward_values() -> None:
    firms = _firms(AWKWARD)
    written = firms_yaml(firms)
    assert written == firms_yaml(firms, emitter="python")
    assert parse_text(written, Limits()).data == {"firms": firms}
    for text in AWKWARD:  # one at a time too: a list without an emoji is libyaml's
        assert firms_yaml(_firms([text])) == firms_yaml(_firms([text]), emitter="python"), text


def test_an_emoji_is_written_as_it_is() -> None:
    """libyaml escapes a character past U+FFFF; the Python emitter, which writes it, writes such a list."""
    assert firms_yaml([{"name": "Batik 😀", "role": "member"}]) == "firms:\n  - name: Batik 😀\n    role: member\n"
    assert firms_yaml([{"name": "A", "role": "member", "catatan 😀": "x"}]).endswith("    catatan 😀: x\n")


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40) | st.lists(
    st.sampled_from(AWKWARD), max_size=4
).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {"name": _TEXT, "role": st.sampled_from(["champion", "mentee", "member"])},
            optional={
                "mentor": _TEXT,
                "category": _TEXT,
                "nib": _TEXT,
                "willing_to_lead": st.booleans(),
                "monthly_capacity": st.floats(),
                "workers": st.integers(),
            },
        ),
        max_size=4,
    )
)
@example([{"name": "a\n\n\nb", "role": "member", "category": " \n x"}])
def test_both_emitters_write_the_same_bytes(firms: list[dict[str, Any]]) -> None:
    assert firms_yaml(firms) == firms_yaml(firms, emitter="python")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_the_shipped_examples_import_as_before(path: Path) -> None:
    firms = read_firms(path).firms
    assert firms and firms_yaml(firms) == firms_yaml(firms, emitter="python")


def test_without_libyaml_the_python_emitter_writes_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    firms = _firms(AWKWARD[:10])
    expected = firms_yaml(firms)
    monkeypatch.delattr(yaml, "CSafeDumper")
    assert firms_yaml(firms) == expected


def test_a_value_of_another_type_goes_the_python_way() -> None:
    """The reader gives text, numbers and booleans; any other value is the representer's to write."""
    firms = [{"name": "A", "role": "member", "extra": [1, 2]}]
    assert (
        firms_yaml(firms)
        == firms_yaml(firms, emitter="python")
        == ("firms:\n  - name: A\n    role: member\n    extra:\n      - 1\n      - 2\n")
    )


def test_no_firms_is_a_comment_and_no_list() -> None:
    note = "The sheet lists no firm yet.\nfirms: [] would say none at all. " + "word " * 30
    text = no_firms_yaml(note)
    assert all(line.startswith("# ") and len(line) <= 100 for line in text.splitlines())
    assert yaml.safe_load(text) is None and "firms: [] would say" in " ".join(text.split())


@pytest.mark.parametrize("capacity", [12.345, 1.234, 999.5, 1.234567, 1000.25])
def test_a_capacity_reads_back_in_a_region_file_without_an_error(capacity: float) -> None:
    """``12.345`` is refused in a region file (1.500 is 1500 in Indonesian writing): written ``12.3450``."""
    from ovop_assess import criteria_sets
    from ovop_assess.assess import assess_text

    firms = [{"name": "A", "role": "champion", "monthly_capacity": capacity}]
    written = firms_yaml(firms)
    assert written == firms_yaml(firms, emitter="python")
    assert parse_text(written, Limits()).data == {"firms": firms}
    region = "format: ovop-region/1\nregion: {name: X, level: desa, city: C, province: P}\n" + written
    result = assess_text(region, criteria_sets.load("default"), as_of=datetime.date(2026, 12, 1))
    assert result.verdict.value != "invalid", [e.message for e in result.errors]
