"""The YAML loader: data, the position of every value and key, limits, and what it refuses."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from ovop_assess.results import Finding, Location, Message
from ovop_assess.sizes import fmt_bytes
from ovop_assess.yaml_source import (
    Limits,
    Loaded,
    LoadError,
    composer,
    decode,
    explain,
    format_path,
    load_file,
    parse_text,
    read_text,
    reading,
)
from ovop_assess.yaml_source import load as load_module

from .work import Compared, counted_calls


def load(text: str, limits: Limits | None = None) -> Loaded:
    return parse_text(text, limits or Limits())


def refused(text: str, limits: Limits | None = None) -> Finding:
    with pytest.raises(LoadError) as info:
        load(text, limits)
    assert len(info.value.findings) == 1
    return info.value.findings[0]


def ids(loaded: Loaded) -> list[str]:
    return [f.message.id for f in loaded.problems]


def at(finding: Finding) -> tuple[int | None, int | None]:
    assert finding.location is not None
    return finding.location.line, finding.location.column


# --- data and positions -----------------------------------------------------------------


def test_format_path() -> None:
    assert format_path(("firms", 3, "role")) == "firms[3].role"
    assert format_path((2, 0)) == "[2][0]"
    assert format_path(()) == ""


def test_positions_of_values_and_keys_block_style() -> None:
    loaded = load(
        "format: ovop-region/1\nregion:\n  name: Kauman\n  level:   desa\nfirms:\n  - name: A\n    role: champion\n"
    )
    assert loaded.data == {
        "format": "ovop-region/1",
        "region": {"name": "Kauman", "level": "desa"},
        "firms": [{"name": "A", "role": "champion"}],
    }
    pos = loaded.positions
    assert pos.value(("format",)) == Location("format", 1, 9)
    assert pos.key(("format",)) == Location("format", 1, 1)
    assert pos.value(("region",)) == Location("region", 3, 3)  # a block mapping starts at its first key
    assert pos.value(("region", "level")) == Location("region.level", 4, 12)
    assert pos.key(("region", "level")) == Location("region.level", 4, 3)
    assert pos.value(("firms", 0)) == Location("firms[0]", 6, 5)
    assert pos.value(("firms", 0, "role")) == Location("firms[0].role", 7, 11)
    assert pos.value(()) == Location("", 1, 1)


def test_positions_in_flow_style_and_after_unicode() -> None:
    loaded = load("firms:\n  - {name: Batik Ibu Sri, role: champion}\nregion: {name: Désa Kaliwünggu, level: desa}\n")
    pos = loaded.positions
    assert pos.value(("firms", 0)) == Location("firms[0]", 2, 5)
    assert pos.value(("firms", 0, "role")) == Location("firms[0].role", 2, 33)
    assert pos.key(("firms", 0, "role")) == Location("firms[0].role", 2, 27)
    # Columns count characters, not bytes.
    assert pos.value(("region", "level")) == Location("region.level", 3, 40)


def test_position_of_a_missing_path_falls_back_to_the_nearest_parent() -> None:
    pos = load("region:\n  name: Kauman\n").positions
    assert pos.value(("region", "city")) == Location("region.city", 2, 3)
    assert pos.value(("firms", 4, "name")) == Location("firms[4].name", 1, 1)
    # A key never written falls back to the value table.
    assert pos.key(("region", "name", "x")) == Location("region.name.x", 2, 9)


def test_bom_is_dropped_and_lines_stay_right() -> None:
    loaded = parse_text(decode(b"\xef\xbb\xbfformat: ovop-region/1\nregion: x\n"), Limits())
    assert loaded.data == {"format": "ovop-region/1", "region": "x"}
    assert loaded.positions.value(("region",)) == Location("region", 2, 9)


def test_plain_scalars_remember_their_spelling_for_yaml_1_1_hints() -> None:
    text = "a: no\nb: 'no'\nc: 2012-01-01\nd: 0123\ne: 1.5\nf: ~\ng: text\nh: !!str 5\ni: \"7\"\n"
    loaded = load(text)
    assert loaded.data["a"] is False and loaded.data["b"] == "no"
    assert loaded.data["c"] == datetime.date(2012, 1, 1)
    assert loaded.data["d"] is None  # YAML 1.1 octal (83): refused, see test_yaml_1_1_numbers_are_refused
    assert ids(loaded) == ["yaml.octal_number"]
    raw = loaded.positions.raw
    assert raw(("a",)) == ("no", "bool")
    assert raw(("c",)) == ("2012-01-01", "timestamp")
    assert raw(("d",)) == ("0123", "int")
    assert raw(("e",)) == ("1.5", "float")
    assert raw(("f",)) == ("~", "null")
    # Quoted, explicitly tagged or plain text: nothing to explain.
    for key in ("b", "g", "h", "i"):
        assert raw((key,)) is None


@pytest.mark.parametrize(
    ("value", "message_id", "values"),
    [
        ("01750", "yaml.octal_number", {"raw": "01750", "value": "1000", "plain": "1750"}),
        ("-010", "yaml.octal_number", {"raw": "-010", "value": "-8", "plain": "-10"}),
        ("0_10", "yaml.octal_number", {"raw": "0_10", "value": "8", "plain": "10"}),
        ("1:30", "yaml.base60_number", {"raw": "1:30", "value": "90"}),
        ("20:12", "yaml.base60_number", {"raw": "20:12", "value": "1212"}),
        ("1:30.5", "yaml.base60_number", {"raw": "1:30.5", "value": "90.5"}),
        ("0x1F", "yaml.based_number", {"raw": "0x1F", "value": "31"}),
        ("0b101", "yaml.based_number", {"raw": "0b101", "value": "5"}),
    ],
)
def test_yaml_1_1_numbers_are_refused(value: str, message_id: str, values: dict[str, Any]) -> None:
    """Numbers that YAML 1.1 reads as something other than what is written: never a silent wrong value."""
    loaded = load(f"a: 1\nstop: {value}\n")
    assert loaded.data == {"a": 1, "stop": None}
    assert [(f.message.id, dict(f.message.values), at(f)) for f in loaded.problems] == [(message_id, values, (2, 7))]


@pytest.mark.parametrize("value", ["07", "00", "0", "1_000", "+12", "1750", "0.5", "007.5", "'01750'", "!!str 010"])
def test_numbers_that_mean_what_they_say_pass(value: str) -> None:
    assert load(f"stop: {value}\n").problems == ()


# --- merge keys, anchors and aliases ------------------------------------------------------


MERGED = """\
firms:
  - &base
    role: member
    category: batik
    workers: 4
  - <<: *base
    name: B
    workers: 9
  - name: C
    <<: *base
    role: mentee
"""


def test_merge_keys_merge_and_written_keys_win() -> None:
    loaded = load(MERGED)
    firms = loaded.data["firms"]
    assert firms[1] == {"role": "member", "category": "batik", "workers": 9, "name": "B"}
    assert firms[2] == {"role": "mentee", "category": "batik", "workers": 4, "name": "C"}
    assert loaded.problems == ()


def test_merge_key_positions_point_where_the_value_is_written() -> None:
    pos = load(MERGED).positions
    # Written in the mapping itself: that line, even when the merge comes after it.
    assert pos.value(("firms", 1, "workers")).line == 8
    assert pos.value(("firms", 2, "role")).line == 11
    assert pos.value(("firms", 2, "name")).line == 9
    # Merged in: the line in the anchored mapping.
    assert pos.value(("firms", 1, "category")).line == 4
    assert pos.value(("firms", 2, "workers")).line == 5


def test_merge_of_several_mappings_first_wins() -> None:
    text = "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n"
    loaded = load(text)
    assert loaded.data["c"] == {"x": 1, "y": 2}
    assert loaded.positions.value(("c", "x")) == Location("c.x", 1, 11)
    assert loaded.positions.value(("c", "y")) == Location("c.y", 2, 17)


def test_merge_of_something_not_a_mapping() -> None:
    loaded = load("a: &a 5\nb:\n  <<: *a\n  c: 1\n")
    assert loaded.data["b"] == {"c": 1}
    assert ids(loaded) == ["yaml.bad_merge"]
    assert at(loaded.problems[0]) == (1, 4)  # an anchored node starts at its anchor
    # A list to merge must hold mappings: each item that is not one is named.
    loaded = load("a: &a [1, {x: 2}, 3]\nb:\n  <<: *a\n")
    assert loaded.data["b"] == {"x": 2}
    assert [at(f) for f in loaded.problems] == [(1, 8), (1, 19)]


def test_aliases_are_expanded_not_shared() -> None:
    loaded = load("a: &x {k: [1, 2]}\nb: *x\n")
    assert loaded.data["a"] == loaded.data["b"]
    assert loaded.data["a"] is not loaded.data["b"]
    assert loaded.data["a"]["k"] is not loaded.data["b"]["k"]
    # The expanded copy has positions under its own path (those of the anchored text).
    assert loaded.positions.value(("b", "k", 1)) == Location("b.k[1]", 1, 15)


def test_aliases_count_towards_max_nodes() -> None:
    text = "a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*x, *x, *x]\n"
    # 1 root + 10 for a + 1 for b + 3 * 10 expanded = 42 values, from only 15 written.
    assert load(text, Limits(max_nodes=42)).data["b"][2][8] == 9
    finding = refused(text, Limits(max_nodes=41))
    assert finding.message.id == "yaml.too_many_nodes"
    assert finding.message.values == {"limit": 41}
    assert finding.location is not None and finding.location.path.startswith("b[")


def test_alias_bomb_is_refused_quickly_with_its_path() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    finding = refused("\n".join(lines))
    assert finding.message.id == "yaml.too_many_nodes"
    assert finding.location is not None and finding.location.path.startswith("a")


@pytest.mark.parametrize(
    "source",
    [
        "x{i}: &m{i} {{<<: [{refs}]}}",  # merges of merges of an empty mapping: no values at all
        "x{i}: &m{i} {{<<: [{refs}], k: 1}}",
    ],
)
def test_merge_bombs_are_refused_quickly(source: str) -> None:
    lines = ["x0: &m0 {}"] + [source.format(i=i, refs=", ".join([f"*m{i - 1}"] * 10)) for i in range(1, 10)]
    # Work counted, not timed: each mapping merged counts against max_nodes, so the builder stops after
    # a few Python calls for each of the 50,000 values it may count; merged in full, the bomb is a
    # billion mappings, and the budget stops that at once.
    with counted_calls(budget=10 * Limits().max_nodes):
        finding = refused("\n".join(lines) + "\n")
    assert finding.message.id == "yaml.too_many_nodes"
    assert finding.location is not None and finding.location.path.startswith("x")


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [
        ("a: 1\nx: &rm {a: 1, <<: *rm}\n", "x", 2),  # a mapping that merges itself
        ("a: 1\nx: &r [1, *r]\n", "x[1]", 2),
        ("x: &r {k: {j: *r}}\n", "x.k.j", 1),
        ("x: &r {<<: [{a: 1}, *r]}\n", "x", 1),
    ],
)
def test_recursive_aliases_are_named_not_called_too_deep(text: str, path: str, line: int) -> None:
    loaded = load(text)
    assert [(f.message.id, f.location.path, f.location.line) for f in loaded.problems if f.location] == [
        ("yaml.recursive_alias", path, line)
    ]


def test_positions_in_huge_mappings_are_looked_up_without_rescanning() -> None:
    """A finding per key of a 40,000-key mapping must not scan the mapping each time (was quadratic)."""
    loaded = load("a: 1\n" + "".join(f"k{i}: {i}\n" for i in range(40_000)), Limits(max_nodes=100_000))
    # Work counted, not timed: the key looked up is Compared, so each comparison with a key of the file
    # is a Python call. A lookup in the index makes about ten calls, a scan of the mapping up to 40,000.
    with counted_calls(budget=20 * 40_000):
        lines = [loaded.positions.key((Compared(f"k{i}"),)).line for i in range(40_000)]
    assert lines[:2] == [2, 3] and lines[-1] == 40_001


def test_keys_are_not_counted_as_values() -> None:
    assert load("a: 1\nb: 2\n", Limits(max_nodes=3)).data == {"a": 1, "b": 2}
    assert refused("a: 1\nb: 2\n", Limits(max_nodes=2)).message.id == "yaml.too_many_nodes"


# --- large texts: composing stops early, the builder's count refuses ----------------------


def test_a_large_text_is_refused_where_a_small_one_is() -> None:
    small = "a: [" + ", ".join(["1"] * 100) + "]\n"
    large = "a: [" + ", ".join(["1"] * 10_000) + "]\n"
    assert composer.needs_stopping(large, Limits(max_nodes=5)) and not composer.needs_stopping(small, Limits())
    for text in (small, large):
        finding = refused(text, Limits(max_nodes=5))
        assert finding.message.id == "yaml.too_many_nodes"
        assert finding.location == Location("a[3]", 1, 14)


def test_a_large_text_over_the_limit_is_never_composed_whole(monkeypatch: Any) -> None:
    def whole(text: str) -> None:
        raise AssertionError("composed whole")

    monkeypatch.setattr(load_module, "compose", whole)
    flat = "[" + ", ".join(["1"] * 300_000) + "]\n"
    assert refused(flat).location == Location("[49999]", 1, 149_999)
    block = "".join(f"k{i}: v\n" for i in range(100_000))
    assert refused(block).location == Location("k49999", 50_000, 9)
    deep = "a: " + "[" * 500 + "1" + "]" * 500 + "\n"
    assert refused(deep, Limits(max_depth=40)).location == Location("a" + "[0]" * 40, 1, 44)


def test_a_large_text_the_stop_overcounts_is_still_read() -> None:
    """Composing stops on values inside a key, which the builder never builds; the builder judges."""
    text = "k: 1\n? [" + ", ".join(["1"] * 50) + "]\n: v\n" + "# padding\n" * 2_000
    assert composer.needs_stopping(text, Limits(max_nodes=5))
    loaded = load(text, Limits(max_nodes=5))
    assert loaded.data == {"k": 1}
    assert ids(loaded) == ["yaml.key_not_text"]


# --- depth ---------------------------------------------------------------------------------


def test_depth_limit_block_and_flow() -> None:
    assert load("a: [[1]]\n", Limits(max_depth=3)).data == {"a": [[1]]}
    finding = refused("a: [[1]]\n", Limits(max_depth=2))
    assert finding.message.id == "yaml.too_deep"
    assert finding.location == Location("a[0][0]", 1, 6)
    finding = refused("a:\n  b:\n    c: 1\n", Limits(max_depth=2))
    assert finding.location == Location("a.b.c", 3, 8)


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_very_deep_nesting_is_refused_at_the_limit_not_crashing(opener: str) -> None:
    finding = refused(opener * 100_000)
    assert finding.message.id == "yaml.too_deep"
    assert finding.message.values == {"limit": 32}
    assert at(finding)[0] == 1


def test_nesting_deeper_than_python_recurses_is_too_deep_not_a_crash() -> None:
    finding = refused("[" * 900 + "]" * 900, Limits(max_depth=10**6))
    assert finding.message.id == "yaml.too_deep" and finding.message.values == {"limit": 10**6}
    assert at(finding) == (1, 1)


def test_libyaml_own_depth_limit_is_a_syntax_error_when_ours_is_higher() -> None:
    finding = refused("[" * 5000, Limits(max_depth=10_000))
    assert finding.message.id == "yaml.syntax"
    assert "maximum nesting depth" in str(finding.message.values["detail"])


def test_brackets_in_quoted_text_are_not_nesting() -> None:
    loaded = load('a: "' + "[" * 500 + '"\nb: [1]\n')
    assert loaded.data["a"] == "[" * 500


# --- tags --------------------------------------------------------------------------------------


def test_python_tags_are_refused_and_never_run(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    text = (
        'a: !!python/object/apply:os.system ["touch marker"]\n'
        "b: !!python/object/new:subprocess.Popen [[touch, marker]]\n"
        "c: !!python/name:os.system\n"
        "d: !!python/module:os\n"
        "e: !!python/object:argparse.Namespace {x: 1}\n"
        "f: !!python/tuple [1, 2]\n"
    )
    loaded = load(text)
    assert loaded.data == dict.fromkeys("abcdef")
    assert ids(loaded) == ["yaml.tag_not_allowed"] * 6
    assert loaded.problems[0].message.values == {"tag": "!!python/object/apply:os.system"}
    assert [at(f) for f in loaded.problems] == [(i, 4) for i in range(1, 7)]
    assert not (tmp_path / "marker").exists()


def test_custom_and_collection_tags_are_refused() -> None:
    loaded = load(
        "a: !local 5\nb: !!set {x, y}\nc: !!omap [{a: 1}]\nd: !!binary aGk=\ne: !<tag:example.com,2000:x> 1\n"
    )
    assert ids(loaded) == ["yaml.tag_not_allowed"] * 5
    assert [f.message.values["tag"] for f in loaded.problems] == [
        "!local",
        "!!set",
        "!!omap",
        "!!binary",
        "tag:example.com,2000:x",
    ]


def test_standard_tags_are_read() -> None:
    loaded = load(
        "a: !!str 12\nb: !!int '7'\nc: !!float 1\nd: !!bool yes\ne: !!null ''\nf: !!map {x: 1}\ng: !!seq [1]\n"
    )
    assert loaded.data == {"a": "12", "b": 7, "c": 1.0, "d": True, "e": None, "f": {"x": 1}, "g": [1]}
    assert loaded.problems == ()


def test_bad_scalar_for_its_tag() -> None:
    loaded = load("expires: 2026-02-30\nn: !!int twelve\n")
    assert loaded.data == {"expires": None, "n": None}
    assert ids(loaded) == ["schema.no_such_date", "yaml.bad_scalar_kind"]  # a date's shape, no such day
    assert at(loaded.problems[0]) == (1, 10)


def test_the_loader_says_where_it_dropped_a_value() -> None:
    """Each value refused (None left there, the reason among the problems) is a fact of the result, by path."""
    loaded = load("a: !local 5\nb: [1, !!int twelve]\nc: 0o17x\nd: &x [*x]\ne: 012\nf: ~\ng: {h: !!binary aGk=}\n")
    assert loaded.dropped == {("a",), ("b", 1), ("d", 0), ("e",), ("g", "h")}
    assert loaded.data["f"] is None and ("f",) not in loaded.dropped  # a null the file wrote: nothing refused


# --- keys ------------------------------------------------------------------------------------


def test_duplicate_keys_name_the_first_occurrence() -> None:
    loaded = load("a: 1\nb: 2\na: 3\na: 4\n")
    assert loaded.data == {"a": 4, "b": 2}
    assert ids(loaded) == ["yaml.duplicate_key", "yaml.duplicate_key"]
    assert [f.message.values["first_line"] for f in loaded.problems] == [1, 1]
    assert [at(f) for f in loaded.problems] == [(3, 1), (4, 1)]
    # The value kept is the last one, and so is its position.
    assert loaded.positions.value(("a",)) == Location("a", 4, 4)


def test_duplicate_keys_in_nested_flow_mapping() -> None:
    loaded = load("firms:\n  - {name: A, role: champion, name: B}\n")
    assert loaded.problems[0].location == Location("firms[0].name", 2, 31)


def test_keys_that_are_not_text() -> None:
    loaded = load("1: a\nyes: b\n~: c\n[x]: d\nok: e\n")
    assert loaded.data == {"ok": "e"}
    assert ids(loaded) == ["yaml.key_not_text"] * 4
    assert [f.message.values["key"] for f in loaded.problems] == ["1", "yes", "~", "[…]"]
    assert [f.location.path for f in loaded.problems if f.location] == ["1", "yes", "~", ""]


# --- syntax errors -------------------------------------------------------------------------------

SYNTAX = [
    ("region:\n\tname: x\n", "yaml.tab_indent", (2, 1)),
    ("region:\n  name: x\n\t level: y\n", "yaml.tab_indent", (3, 1)),
    ('region:\n  name: "Kauman\n  level: desa\n', "yaml.unclosed_quote", (2, 9)),
    ("a: 'x\n", "yaml.unclosed_quote", (1, 4)),
    ("a: [1, 2\nb: 3\n", "yaml.unclosed_flow", (2, 2)),
    ("a: {b: 1\nc: 2\n", "yaml.unclosed_flow", (2, 2)),
    ("a:\n  b: 1\n   c: 2\n", "yaml.colon_here", (3, 5)),
    ("a: b: c\n", "yaml.colon_here", (1, 5)),
    ("a:\n  b: 1\n c: 2\n", "yaml.bad_indentation", (3, 2)),
    ("a: 1\nb\nc: 2\n", "yaml.missing_colon", (2, 1)),
    ("a: 1\n---\nb: 2\n", "yaml.multiple_documents", (2, 1)),
    ("a: *nowhere\n", "yaml.undefined_alias", (1, 4)),
    ("a: x\x07y\n", "yaml.control_char", (1, 5)),
    ("é: ü\x00\n", "yaml.control_char", (1, 5)),
    ("a: [1, ]]\n", "yaml.syntax", (1, 9)),
    ("a: [1,\n", "yaml.syntax", (2, 1)),
    ('a: "x \\q y"\n', "yaml.bad_escape", (1, 7)),
    ("a: 1\n...\nb: 2\n", "yaml.after_document_end", (3, 1)),
    ("%YAML 2.0\n---\na: 1\n", "yaml.yaml_version", (1, 1)),
    ("a: 1\n" + "k" * 1100 + ": 1\n", "yaml.key_too_long", (2, 1)),
    ("- type: skill\n  description: x\ntype: natural\n", "yaml.not_a_list_item", (3, 1)),
]


@pytest.mark.parametrize(("text", "message_id", "where"), SYNTAX)
def test_syntax_errors(text: str, message_id: str, where: tuple[int, int]) -> None:
    finding = refused(text)
    assert finding.message.id == message_id
    assert at(finding) == where


def test_libyaml_words_come_from_the_catalogue_in_both_languages() -> None:
    from ovop_assess.messages import CATALOGUE, render

    for phrase, key in explain.LIBYAML_WORDS.items():
        assert render(Message(key, {}), "en") == phrase and CATALOGUE[key]["id"]  # English stays libyaml's wording
    finding = refused("a:\n  b: 1\n c: 2\nd: [1, 2\n")
    assert finding.message.id == "yaml.bad_indentation"
    finding = refused("a: `x\n")
    assert render(finding.message, "en") == (
        "YAML syntax error: while scanning for the next token, found character that cannot start any token"
    )
    assert render(finding.message, "id") == (
        "kesalahan sintaks YAML: saat membaca unsur berikutnya, "
        "ada karakter yang tidak dapat mengawali nilai atau kunci"
    )


def test_syntax_message_values() -> None:
    assert refused("a: [1\nb: 2\n").message.values == {"bracket": "[", "line": 1}
    assert refused("a: *nowhere\n").message.values == {"name": "nowhere"}
    assert refused("a: x\x07y\n").message.values == {"char": "U+0007"}
    assert refused('a: "x\n').message.values == {"quote": '"'}


def test_empty_documents() -> None:
    for text in ("", "   \n", "# only a comment\n", "---\n", "---\n...\n", "--- # nothing\n"):
        finding = refused(text)
        assert finding.message.id == "file.empty"
        assert at(finding) == (1, None)


def test_lone_surrogate_in_text_from_a_caller() -> None:
    assert refused("a: \ud800\n").message.id == "file.not_utf8"


# --- tags, remembered across files ------------------------------------------------------------------

TAG_TRAPS = [
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "true",
    "False",
    "~",
    "null",
    "NULL",
    "",
    "012",
    "0o12",
    "0x1F",
    "0b11",
    "1_000",
    "1:30",
    "190:20:30",
    "2026-11-28",
    "2026-11-28 10:00:00",
    ".inf",
    "-.Inf",
    ".NaN",
    "+1",
    "1e3",
    "3.",
    "6.8523015e+5",
    "<<",
    "=",
    "0123456789012",
    "33.72.03.1009",
    "batik",
    "-",
    "!",
]


def _tags(node: Any) -> list[str]:
    if isinstance(node, yaml.nodes.ScalarNode):
        return [node.tag]
    if isinstance(node, yaml.nodes.SequenceNode):
        return [node.tag, *(t for child in node.value for t in _tags(child))]
    return [node.tag, *(t for k, v in node.value for t in (*_tags(k), *_tags(v)))]


def _compose(loader: Any, text: str) -> Any:
    composer = loader(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


def test_remembered_tags_are_pyyaml_own() -> None:
    base = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    lines = [f"- {v}" if v not in ("", "!") else "- ''" for v in TAG_TRAPS]
    lines += [f"- '{v}'" for v in TAG_TRAPS] + [f'- "{v}"' for v in TAG_TRAPS]
    lines += ["- {a: [1, yes], 'b': {~: x}}", "- !!str yes", "- ? [1]\n  : 2"]
    text = "\n".join(lines) + "\n"
    for _ in range(2):  # the second time from what the first remembered
        assert _tags(_compose(composer.Composer, text)) == _tags(_compose(base, text))


def test_remembered_tags_are_bounded(monkeypatch: Any) -> None:
    monkeypatch.setattr(composer.Composer, "_tags", {})
    long = "x" * 65
    load(f"a: {long}\nb: short\n")
    load(f"a: no{long}\nb: no\n")
    assert "no" in composer.Composer._tags  # a value that could be a boolean is remembered
    assert "short" not in composer.Composer._tags  # text from its first letter: nothing to remember
    assert not any(key.endswith(long) for key in composer.Composer._tags)
    load("\n".join(f"n{i}: {i}" for i in range(25_000)) + "\n")
    assert 0 < len(composer.Composer._tags) <= composer.TAGS_KEPT


# --- lines as an editor counts them ---------------------------------------------------------------
# libyaml (YAML 1.1) also ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR; editors,
# grep -n and CI annotations end lines only at LF, CRLF and a lone CR, and so does every line we report.

YAML_ONLY_BREAKS = ["\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("sep", YAML_ONLY_BREAKS)
def test_positions_after_a_yaml_only_line_break(sep: str) -> None:
    loaded = load(f"a: 'x{sep}y'\nb: 2\nc: {{d: 1, e: [1, 2]}}\n")
    assert {k: v for k, v in loaded.data.items() if k != "a"} == {"b": 2, "c": {"d": 1, "e": [1, 2]}}
    assert loaded.positions.value(("b",)) == Location("b", 2, 4)
    assert loaded.positions.key(("c",)) == Location("c", 3, 1)
    assert loaded.positions.value(("c", "e", 1)) == Location("c.e[1]", 3, 18)


@pytest.mark.parametrize("sep", YAML_ONLY_BREAKS)
def test_columns_on_the_line_of_a_yaml_only_line_break(sep: str) -> None:
    loaded = load(f'a: "x{sep}y"\nb: [1, !!python/name:os.system 2]\n')
    assert ids(loaded) == ["yaml.tag_not_allowed"]
    assert loaded.problems[0].location == Location("b[1]", 2, 8)
    loaded = load(f'a: "x{sep}y" # c\nb: 1\n')
    assert loaded.positions.value(("a",)) == Location("a", 1, 4)


@pytest.mark.parametrize("sep", YAML_ONLY_BREAKS)
def test_duplicate_key_lines_after_a_yaml_only_line_break(sep: str) -> None:
    loaded = load(f"a: 1\nb: '{sep}{sep}'\na: 2\n")
    assert ids(loaded) == ["yaml.duplicate_key"]
    assert loaded.problems[0].message.values["first_line"] == 1
    assert at(loaded.problems[0]) == (3, 1)


@pytest.mark.parametrize("sep", YAML_ONLY_BREAKS)
@pytest.mark.parametrize(
    ("text", "message_id", "where", "values"),
    [
        ("x: 'a{sep}b'\ny: [1, 2\nz: 3\n", "yaml.unclosed_flow", (3, 2), {"bracket": "[", "line": 2}),
        ("x: 'a{sep}b'\ny: 'open\n", "yaml.unclosed_quote", (2, 4), {"quote": "'"}),
        ("x: 'a{sep}b'\ny:\n\tz: 1\n", "yaml.tab_indent", (3, 1), {}),
        ("x: 'a{sep}b'\ny: *nowhere\n", "yaml.undefined_alias", (2, 4), {"name": "nowhere"}),
        ("x: 'a{sep}b'\ny: [1,", "yaml.syntax", (2, 7), None),  # end of a text without a final line break
        ("x: 'a{sep}b'\ny: \x07\n", "yaml.control_char", (2, 4), {"char": "U+0007"}),
    ],
)
def test_syntax_error_lines_after_a_yaml_only_line_break(
    sep: str, text: str, message_id: str, where: tuple[int, int], values: dict[str, Any] | None
) -> None:
    finding = refused(text.format(sep=sep))
    assert finding.message.id == message_id
    assert at(finding) == where
    if values is not None:
        assert finding.message.values == values


@pytest.mark.parametrize("sep", YAML_ONLY_BREAKS)
def test_a_syntax_error_also_points_at_an_invisible_line_end(sep: str) -> None:
    """A separator pasted into a comment or a plain value splits the line for YAML only: say where it is."""
    with pytest.raises(LoadError) as info:
        load(f"a: 1\n# Where the{sep}facts come from\nb: 2\n")
    syntax, hidden = info.value.findings
    assert at(syntax)[0] == 2
    assert hidden.message == Message("yaml.invisible_break", {"char": f"U+{ord(sep):04X}"})
    assert at(hidden) == (2, 12)


def test_a_quote_closed_lines_later_by_an_apostrophe_is_pointed_at() -> None:
    text = "region:\n  name: 'Kauman\n  level: kelurahan\nproduct:\n  description: Kauman's batik is old\n"
    with pytest.raises(LoadError) as info:
        load(text)
    syntax, hint = info.value.findings
    assert at(syntax)[0] == 5
    assert hint.message == Message("yaml.quote_spans_lines", {"quote": "'", "line": 5})
    assert at(hint) == (2, 9)
    # A quoted value over several lines is fine YAML: an error elsewhere gets no such hint.
    assert refused("a: 'one\n  two'\nb: [1,\n").message.id == "yaml.syntax"


def test_limits_are_located_on_editor_lines() -> None:
    text = "x: '\u2028'\n" + "a: " + "[" * 40 + "]" * 40 + "\n"
    finding = refused(text, Limits(max_depth=5))
    assert finding.message.id == "yaml.too_deep"
    assert at(finding)[0] == 2


def test_lone_cr_and_crlf_line_ends_count_once() -> None:
    assert at(refused("a: 1\rb: 2\r\nc: \x07\n")) == (3, 4)
    assert at(refused("x: '\u2028'\ra: 1\r\nb: [1,")) == (3, 7)
    loaded = load("x: '\x85'\ra: 1\r\nb: 2\n")
    assert loaded.positions.value(("b",)) == Location("b", 3, 4)


# --- reading files -------------------------------------------------------------------------------


def read_refused(path: Path, limits: Limits | None = None) -> Finding:
    with pytest.raises(LoadError) as info:
        read_text(path, limits or Limits())
    return info.value.findings[0]


def test_not_utf8(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("a: 1\nname: Café\n".encode("latin-1"))
    finding = read_refused(latin1)
    assert finding.message.id == "file.not_utf8"
    assert at(finding) == (2, 10)
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        path = tmp_path / f"{encoding}.yaml"
        path.write_bytes("format: ovop-region/1\n".encode(encoding))
        assert read_refused(path).message.id == "file.not_utf8", encoding


def test_utf8_with_bom_and_crlf_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: Kaliw\xc3\xbcnggu\r\n")
    loaded = load_file(path, Limits())
    assert loaded.data == {"a": 1, "b": "Kaliwünggu"}
    assert loaded.positions.value(("b",)) == Location("b", 2, 4)


def test_missing_directory_and_too_large(tmp_path: Path) -> None:
    assert read_refused(tmp_path / "nowhere.yaml").message.id == "file.not_found"
    assert read_refused(tmp_path).message.id == "file.is_directory"
    big = tmp_path / "big.yaml"
    big.write_text("a: 1\n" + "#" * 200 + "\n", encoding="utf-8")
    finding = read_refused(big, Limits(max_bytes=100))
    assert finding.message.id == "file.too_large"
    assert finding.message.values == {"size": fmt_bytes(big.stat().st_size), "limit": fmt_bytes(100)}
    assert read_text(big, Limits(max_bytes=1000)).startswith("a: 1")


def test_pipes_and_devices_are_not_read(tmp_path: Path) -> None:
    """A FIFO would block until a writer comes; /dev/zero never ends. Both are refused at once."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert read_refused(fifo).message.id == "file.not_regular"
    device = tmp_path / "zero.yaml"
    device.symlink_to("/dev/zero")
    assert read_refused(device).message.id == "file.not_regular"
    regular = tmp_path / "link.yaml"
    regular.symlink_to(tmp_path / "target.yaml")
    (tmp_path / "target.yaml").write_text("a: 1\n", encoding="utf-8")
    assert read_text(regular, Limits()) == "a: 1\n"  # a link to a regular file is read


def test_permission_denied(tmp_path: Path, monkeypatch: Any) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text("a: 1\n", encoding="utf-8")

    def deny(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reading, "_open", deny)  # (the open without blocking, issue 11)
    assert read_refused(path).message.id == "file.no_permission"


def test_other_os_errors_are_unreadable(tmp_path: Path, monkeypatch: Any) -> None:
    path = tmp_path / "flaky.yaml"
    path.write_text("a: 1\n", encoding="utf-8")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(reading, "_open", broken)
    finding = read_refused(path)
    assert finding.message.id == "file.unreadable"
    # A common errno is explained from the catalogue (both languages), any other by the OS.
    assert finding.message.values == {"reason": Message("os.io_error", {})}

    def odd(*args: Any, **kwargs: Any) -> Any:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(reading, "_open", odd)
    assert read_refused(path).message.values == {"reason": "Invalid cross-device link"}


def test_a_file_that_grows_after_it_was_checked_is_read_whole_up_to_the_limit(tmp_path: Path, monkeypatch: Any) -> None:
    """The read asks for the size fstat gave, then reads on: a file written to meanwhile is not cut short."""
    path = tmp_path / "growing.yaml"
    text = "".join(f"k{i}: {i}\n" for i in range(20_000))  # larger than one read after the first
    path.write_text(text, encoding="utf-8")
    real_stat, real_fstat = os.stat, os.fstat

    def small(status: os.stat_result) -> os.stat_result:  # the size before the writer added the rest
        return os.stat_result((status.st_mode, *status[1:6], 10, *status[7:]))

    monkeypatch.setattr(os, "stat", lambda where: small(real_stat(where)))
    monkeypatch.setattr(os, "fstat", lambda handle: small(real_fstat(handle)))
    assert read_text(path, Limits()) == text
    # Still never more than the limit: what lies beyond max_bytes is not read, and the file is refused.
    finding = read_refused(path, Limits(max_bytes=100_000))
    assert finding.message.id == "file.too_large"
    assert finding.message.values == {"size": fmt_bytes(100_001), "limit": fmt_bytes(100_000)}


# --- found by the second outside review ---------------------------------------------------------


def test_an_octal_number_of_thousands_of_digits_is_refused_not_a_crash() -> None:
    loaded = load("stop: 0" + "7" * 4300 + "\nhex: 0x" + "F" * 3600 + "\n")
    assert [f.message.id for f in loaded.problems] == ["yaml.octal_number", "yaml.based_number"]
    for finding in loaded.problems:
        assert len(str(finding.message.values["value"])) <= 40  # clipped, and never Python's digit-limit error


def test_text_repeated_by_aliases_counts_towards_the_byte_limit() -> None:
    big = "x" * 100_000
    text = f"a: &big {big}\nb: [" + ", ".join(["*big"] * 20) + "]\n"
    finding = refused(text)
    assert finding.message.id == "yaml.expanded_too_large" and finding.message.values == {
        "limit": {"en": "1,048,576", "id": "1.048.576"}
    }
    assert load(text, Limits(max_bytes=3_000_000)).data["b"][19] == big  # the option raises it


def test_lookups_through_merged_mappings_use_the_index() -> None:
    keys = "".join(f"  k{i}: {i}\n" for i in range(20_000))
    loaded = load("m: &m\n" + keys + "n: {<<: *m}\n", Limits(max_nodes=100_000))
    # Counted as above: a lookup through the merge in the merged mapping's index makes about ten
    # Python calls, a scan of that mapping up to 20,000.
    with counted_calls(budget=20 * 20_000):
        lines = [loaded.positions.value(("n", Compared(f"k{i}"))).line for i in range(20_000)]
    assert lines[0] == 2 and lines[-1] == 20_001  # merged keys are located where they are written


def test_the_open_quote_hint_finds_the_value_that_ends_on_the_error_line() -> None:
    text = 'region:\n  name: "Kauman\n  level: kelurahan\n  code: "33.72.03.1009"\n  city: "Kota Surakarta"\n'
    with pytest.raises(LoadError) as info:
        load(text)
    hints = [f for f in info.value.findings if f.message.id == "yaml.quote_spans_lines"]
    assert [at(f) for f in hints] == [(2, 9)]
