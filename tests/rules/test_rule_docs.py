"""Every rule documents itself in English (docstring) and Bahasa Indonesia (``DOC_ID``), and the two agree.

The two texts must have the same sections, name every parameter and the rule
id, and carry the same YAML fragments (comments aside), each of them valid
YAML that only uses top-level keys of the region format.
"""

from __future__ import annotations

import importlib
import itertools
import re
import textwrap
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from ovop_assess.cli.explain_page import help_text
from ovop_assess.cli.main import main
from ovop_assess.messages import render
from ovop_assess.region import Region
from ovop_assess.rules import BUILTIN
from ovop_assess.rules.base import RuleSpec

# The section headings, in order, as each language writes them.
SECTIONS = {
    "en": ("What it checks", "Why", "Status", "Parameters", "Passing fragment", "Failing fragment"),
    "id": (
        "Yang diperiksa",
        "Alasan",
        "Status",
        "Parameter",
        "Contoh yang dipenuhi",
        "Contoh yang tidak dipenuhi",
    ),
}
PASSING = {"en": "Passing fragment", "id": "Contoh yang dipenuhi"}
FAILING = {"en": "Failing fragment", "id": "Contoh yang tidak dipenuhi"}

# A YAML comment: "#" at the start of a line or after whitespace, to the end of the line.
COMMENT = re.compile(r"(^|\s)#.*$")


@dataclass(frozen=True)
class Section:
    heading: str  # the whole heading line, e.g. "Failing fragment (only planned)"
    body: str  # the indented block under it, dedented


def documentation(spec: RuleSpec, lang: str) -> str:
    return spec.doc if lang == "en" else spec.doc_id


def sections(doc: str) -> list[Section]:
    """Split a documentation text into its headed sections (the summary line is skipped)."""
    found: list[Section] = []
    heading: str | None = None
    body: list[str] = []
    for line in doc.splitlines()[1:]:
        if line and not line[0].isspace():
            if heading is not None:
                found.append(Section(heading, textwrap.dedent("\n".join(body)).strip("\n")))
            heading, body = line.strip(), []
        elif heading is not None:
            body.append(line)
    if heading is not None:
        found.append(Section(heading, textwrap.dedent("\n".join(body)).strip("\n")))
    return found


def section_name(heading: str, lang: str) -> str | None:
    """The known section a heading opens ("Failing fragment (x)" -> "Failing fragment")."""
    for name in SECTIONS[lang]:
        if heading == name or heading.startswith(name + " ("):
            return name
    return None


def fragment(doc: str, lang: str, which: dict[str, str]) -> str:
    [block] = [s.body for s in sections(doc) if section_name(s.heading, lang) == which[lang]]
    return block


def without_comments(block: str) -> str:
    lines = (COMMENT.sub("", line).rstrip() for line in block.splitlines())
    return "\n".join(line for line in lines if line.strip())


def plugin_spec() -> RuleSpec | None:
    try:
        module = importlib.import_module("ovop_nib.nib_rule")
    except ImportError:
        return None
    return RuleSpec.from_object(module, "example plugin")


SPECS = [pytest.param(spec, id=rule_id) for rule_id, spec in BUILTIN.items()]
_PLUGIN = plugin_spec()
if _PLUGIN is not None:
    SPECS.append(pytest.param(_PLUGIN, id=_PLUGIN.id))

LANGS = ("en", "id")


def test_every_builtin_rule_is_covered() -> None:
    assert [p.id for p in SPECS][: len(BUILTIN)] == list(BUILTIN)
    assert len(BUILTIN) == 8


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("lang", LANGS)
def test_documentation_exists_and_names_the_rule(spec: RuleSpec, lang: str) -> None:
    doc = documentation(spec, lang)
    assert doc.strip(), f"{spec.id} has no {lang} documentation"
    assert spec.id in doc
    assert doc.splitlines()[0].startswith(f"{spec.id} {spec.name}: ")


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("lang", LANGS)
def test_documentation_has_every_section_in_order(spec: RuleSpec, lang: str) -> None:
    names = [section_name(s.heading, lang) for s in sections(documentation(spec, lang))]
    assert names == list(SECTIONS[lang]), f"{spec.id} ({lang}) sections: {names}"
    bodies = [s.body for s in sections(documentation(spec, lang))]
    assert all(body.strip() for body in bodies), f"{spec.id} ({lang}) has an empty section"


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("lang", LANGS)
def test_prose_is_not_broken_mid_sentence(spec: RuleSpec, lang: str) -> None:
    """``explain`` keeps the documentation's lines: a line of a word or two inside a paragraph ("dipenuhi",
    "jumlah") printed as one of its own (a review read them in the Indonesian pages)."""
    lines = documentation(spec, lang).splitlines()
    for line, after in itertools.pairwise(lines):
        prose = line.startswith("    ") and not line.startswith("     ") and not line.lstrip().startswith("-")
        continued = after.startswith("    ") and not after.startswith("     ") and after.strip()
        # A sentence ended there: the next line may start another paragraph (the source's, the tool's reading).
        ends = re.search(r"[.:!?][)'\"]*$", line) is not None
        short = len(line.strip()) < 30 and not ends
        assert not (prose and continued and short), f"{spec.id} ({lang}): {line.strip()!r}"


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("lang", LANGS)
def test_prose_fits_the_explain_page(spec: RuleSpec, lang: str) -> None:
    """``explain`` prints the documentation as written, 76 columns wide: a longer line of prose wraps on an
    80-column terminal and leaves a word alone on the next (a review: C1 and C2 in Indonesian). The YAML
    fragments are code, as wide as they must be."""
    for section in sections(documentation(spec, lang)):
        if section_name(section.heading, lang) in (PASSING[lang], FAILING[lang]):
            continue
        for line in section.body.splitlines():
            shown = re.sub(r"``([^`]*)``", r"'\1'", line)  # as the page shows literals
            assert len(shown) <= 76, f"{spec.id} ({lang}): {shown!r}"


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("lang", LANGS)
def test_documentation_names_every_parameter(spec: RuleSpec, lang: str) -> None:
    doc = documentation(spec, lang)
    [parameters] = [s.body for s in sections(doc) if section_name(s.heading, lang) == SECTIONS[lang][3]]
    for name in spec.params.model_fields:
        assert name in parameters, f"{spec.id} ({lang}) does not document parameter {name}"
    if not spec.params.model_fields:
        assert parameters.rstrip(".") in ("none", "tidak ada")


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("which", [PASSING, FAILING], ids=["passing", "failing"])
def test_fragments_are_the_same_in_both_languages(spec: RuleSpec, which: dict[str, str]) -> None:
    english = fragment(spec.doc, "en", which)
    indonesian = fragment(spec.doc_id, "id", which)
    assert without_comments(indonesian) == without_comments(english)


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", [PASSING, FAILING], ids=["passing", "failing"])
def test_fragments_are_valid_region_yaml(spec: RuleSpec, lang: str, which: dict[str, str]) -> None:
    loaded: Any = yaml.safe_load(fragment(documentation(spec, lang), lang, which))
    assert isinstance(loaded, dict) and loaded, f"{spec.id} ({lang}) fragment is not a mapping"
    unknown = set(loaded) - set(Region.model_fields)
    assert not unknown, f"{spec.id} ({lang}) fragment uses keys the region format lacks: {unknown}"


def test_section_parser_reads_headings_with_a_note() -> None:
    doc = "X1 x: y.\n\nFailing fragment (only planned)\n    a: 1   # note\n\n    b: [2]\n"
    [section] = sections(doc)
    assert section_name(section.heading, "en") == "Failing fragment"
    assert without_comments(section.body) == "a: 1\nb: [2]"


def test_explain_prints_the_indonesian_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "C2", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert help_text(BUILTIN["C2"].doc_id, BUILTIN["C2"], "id") in out
    assert "Yang diperiksa" in out and "Contoh yang dipenuhi" in out
    assert "What it checks" not in out


def test_explain_prints_the_english_documentation_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)
    assert main(["explain", "C2"]) == 0
    out = capsys.readouterr().out
    assert help_text(BUILTIN["C2"].doc, BUILTIN["C2"], "en") in out
    assert "Yang diperiksa" not in out


# --- what is the source's and what is this tool's ----------------------------------

SOURCES_PART = {"en": "The source's: ", "id": "Dari sumber: "}
READING_PART = {"en": "This tool's reading, not the source's: ", "id": "Tafsiran alat ini, bukan dari sumber: "}


@pytest.mark.parametrize("rule_id", list(BUILTIN))
@pytest.mark.parametrize("lang", LANGS)
def test_builtin_why_says_what_is_the_sources_and_what_is_the_tools(rule_id: str, lang: str) -> None:
    spec = BUILTIN[rule_id]
    [why] = [s.body for s in sections(documentation(spec, lang)) if section_name(s.heading, lang) == SECTIONS[lang][1]]
    flat = " ".join(why.split())
    assert SOURCES_PART[lang] in flat, f"{rule_id} ({lang}) does not say what is the source's"
    assert READING_PART[lang] in flat, f"{rule_id} ({lang}) does not say what is this tool's reading"
    assert flat.index(SOURCES_PART[lang]) < flat.index(READING_PART[lang])


@pytest.mark.parametrize("rule_id", list(BUILTIN))
def test_builtin_rules_give_their_reading_in_both_languages(rule_id: str) -> None:
    reading = BUILTIN[rule_id].reading_for(None)
    assert reading is not None
    en, id_ = render(reading, "en"), render(reading, "id")
    assert en and id_ and en != id_ and reading.id not in (en, id_)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule_id", list(BUILTIN))
def test_a_reading_never_names_a_parameter(rule_id: str, lang: str) -> None:
    spec = BUILTIN[rule_id]
    reading = spec.reading_for(None)
    assert reading is not None
    text = render(reading, lang)
    for name in spec.params.model_fields:
        assert name not in text, f"{rule_id} ({lang}) names its parameter {name}"
    assert "{" not in text and "}" not in text  # every placeholder filled


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule_id", list(BUILTIN))
def test_the_reading_part_of_the_documentation_never_names_a_parameter(rule_id: str, lang: str) -> None:
    """What ``explain`` prints as the tool's reading gives the default's value in words, not a parameter's name."""
    spec = BUILTIN[rule_id]
    [why] = [s.body for s in sections(documentation(spec, lang)) if section_name(s.heading, lang) == SECTIONS[lang][1]]
    flat = " ".join(why.split())
    part = flat[flat.index(READING_PART[lang]) :]
    for name in spec.params.model_fields:
        assert name not in part, f"{rule_id} ({lang}) names its parameter {name} in its reading"


def test_a_plugins_reading_is_its_static_text_and_its_code_is_not_run_for_it() -> None:
    import types

    module = types.ModuleType("fake_rule")
    module.ID, module.NAME, module.TITLE = "X9", "x", {"en": "X", "id": "X"}  # type: ignore[attr-defined]
    module.Params = BUILTIN["C8"].params  # type: ignore[attr-defined]
    module.check = BUILTIN["C8"].check  # type: ignore[attr-defined]
    module.READING = {"en": "a plugin's reading", "id": "tafsiran plugin"}  # type: ignore[attr-defined]
    module.reading = lambda params: 1 / 0  # type: ignore[attr-defined]
    reading = RuleSpec.from_object(module, "a-plugin").reading_for(None)
    assert reading is not None
    assert (render(reading, "en"), render(reading, "id")) == ("a plugin's reading", "tafsiran plugin")


def test_a_malformed_reading_of_a_plugin_is_left_out() -> None:
    import types

    module = types.ModuleType("fake_rule")
    module.ID, module.NAME, module.TITLE = "X9", "x", {"en": "X", "id": "X"}  # type: ignore[attr-defined]
    module.Params = BUILTIN["C3"].params  # type: ignore[attr-defined]
    module.check = BUILTIN["C3"].check  # type: ignore[attr-defined]
    module.READING = {"en": "only English"}  # type: ignore[attr-defined]
    assert RuleSpec.from_object(module, "test").reading is None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule_id", sorted(BUILTIN))
def test_explain_reads_as_a_help_page(rule_id: str, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    spec = BUILTIN[rule_id]
    assert main(["explain", rule_id, "--lang", lang]) == 0
    out = capsys.readouterr().out
    title = spec.title[lang]
    assert out.startswith(f"{rule_id} {spec.name} — {title}\n\n")
    assert out.count(f"{rule_id} {spec.name}") == 1  # the title once: the docstring's own opening is dropped
    assert "``" not in out
    headings = [line for line in out.splitlines() if line in ("Parameters", "Parameter", "parameters:", "parameter:")]
    assert headings == ["Parameters" if lang == "en" else "Parameter"]  # the parameters once, in the reader's language
    for name in spec.params.model_fields:
        assert name in out


def test_explain_of_a_rule_documented_in_english_only_says_so_in_indonesian() -> None:
    from ovop_assess.cli.explain_page import render_explain

    spec = BUILTIN["C2"]._replace(doc_id="")
    out = render_explain(spec, "id")
    assert out.startswith("C2 similar-firms — Sentra")
    assert "(Aturan ini hanya didokumentasikan dalam bahasa Inggris.)" in out
    assert "\nYang diperiksa\n" in out and "\nContoh yang tidak dipenuhi (one of the two firms" in out
    assert "What it checks" not in out
    bare = spec._replace(doc="C2 similar-firms: counts firms.")
    assert render_explain(bare, "en").endswith("Counts firms.\n\nParameters\n  min_similar_firms (default 10)\n")
