"""The one Markdown escaping rule, read back by a CommonMark parser in each context a value lands in.

The parser is markdown-it-py (CommonMark, with GFM tables and strike-through
switched on), which rich already depends on. A value is escaped, put where
the renderers put it, parsed, and must come back as plain text equal to the
value (whitespace runs made one space): no markup, no extra block, no cell
split.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ovop_assess.render.markdown_text import code_span, escape_markdown

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _plain(children: list[Token]) -> str:
    """The plain text of inline tokens; anything but text (emphasis, a link, HTML, a break) fails."""
    kinds = {child.type for child in children}
    assert kinds <= {"text", "text_special"}, kinds
    return "".join(child.content for child in children)


def _text(inline: Token) -> str:
    assert inline.children is not None
    return _plain(inline.children)


def _blocks(source: str) -> list[str]:
    return [token.type for token in PARSER.parse(source) if token.nesting >= 0 and token.type != "inline"]


def in_table_cell(value: str) -> str:
    """As the Markdown summary writes a region's row: the value in the first of two cells."""
    source = f"| Region | File |\n| --- | --- |\n| {escape_markdown(value)} | f.yaml |\n"
    tokens = PARSER.parse(source)
    cells = [_text(t) for t in tokens if t.type == "inline"]
    assert len(cells) == 4, (source, cells)  # two header cells and two body cells: no cell split off
    assert cells[3] == "f.yaml"
    return cells[2]


def in_paragraph(value: str) -> str:
    """As the checklist writes a field: after a bold label inside a list item."""
    source = f"- **Region:** {escape_markdown(value)} (desa)\n"
    tokens = PARSER.parse(source)
    assert _blocks(source) == ["bullet_list_open", "list_item_open", "paragraph_open"], source
    inline = next(t for t in tokens if t.type == "inline")
    assert inline.children is not None
    children = [c for c in inline.children if c.content or c.type != "text"]  # the parser leaves empty texts
    kinds = [child.type for child in children]
    assert kinds[:3] == ["strong_open", "text", "strong_close"], (source, kinds)
    text = _plain(children[3:])
    assert text.startswith(" ") and text.endswith(" (desa)"), text
    return text[1 : -len(" (desa)")]


def at_list_item_start(value: str) -> str:
    """As the summary lists a problem and the checklist a reason: the value opens the item."""
    source = f"- {escape_markdown(value)}\n- next\n"
    items = [t for t in PARSER.parse(source) if t.type == "inline"]
    if not escape_markdown(value):
        return ""  # an empty item: nothing to read back
    assert _blocks(source) == [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "list_item_open",
        "paragraph_open",
    ]
    return _text(items[0])


def in_heading(value: str) -> str:
    """As the checklist's title: ``# Title: value``."""
    source = f"# Checklist: {escape_markdown(value)}\n"
    assert _blocks(source) == ["heading_open"], source
    tokens = PARSER.parse(source)
    text = _text(next(t for t in tokens if t.type == "inline"))
    assert text.startswith("Checklist:"), text
    return text[len("Checklist:") :].strip()


CONTEXTS = [in_table_cell, in_paragraph, at_list_item_start, in_heading]

HOSTILE = [
    "Kampoeng | Batik",
    "*Tulis* & _Cap_ ~~gone~~",
    "<script>alert(1)</script>",
    "[click](http://x) ![img](y) <http://x>",
    "Kopi &amp; Teh &#35; &copy",
    "`code` ``more``",
    "snake_case __init__ a_b_",
    "Batik #",
    "# heading",
    "- item",
    "+ item",
    "1. first",
    "2) second",
    "---",
    "> quote",
    "two\nlines\r\nthree\rfour",
    "line\r# heading",
    "trailing backslash \\",
    "  padded\t value  ",
    "Sêmbuh, Tégalwangi",
    "[x]: http://ref",
]


@pytest.mark.parametrize("context", CONTEXTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_read_back_as_written(value: str, context: object) -> None:
    assert context(value) == " ".join(value.split())  # type: ignore[operator]


MARKDOWN_CHARS = st.sampled_from(list("\\`*_[]<>|~&#!-+=.)(:;0123456789 \t\r\naZé\u00a0"))
ANY_CHAR = st.characters(blacklist_categories=("Cs", "Cc"))


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(st.one_of(MARKDOWN_CHARS, ANY_CHAR), max_size=30))
def test_any_value_reads_back_as_written_in_every_context(value: str) -> None:
    for context in CONTEXTS:
        assert context(value) == " ".join(value.split()), context.__name__


def test_the_rule() -> None:
    # Every Markdown punctuation character is escaped, every time, also inside words.
    assert escape_markdown("a*b*_c_ [x](y) <b> `z`") == r"a\*b\*\_c\_ \[x\](y) \<b\> \`z\`"
    assert escape_markdown("snake_case & Kopi &amp; Teh") == r"snake\_case \& Kopi \&amp; Teh"
    assert escape_markdown("a | b ~s~ #h \\") == r"a \| b \~s\~ \#h \\"
    # Whitespace runs become one space, line breaks (a lone CR too) included; the ends are trimmed.
    assert escape_markdown("two\n  lines\rand\r\n\tmore ") == "two lines and more"
    # A leading list marker or rule is escaped; numbers and inner dashes are not markers.
    assert escape_markdown("- x") == r"\- x"
    assert escape_markdown("---") == r"\---"
    assert escape_markdown("1. first") == r"1\. first"
    assert escape_markdown("12)") == r"12\)"
    assert escape_markdown("1.00 and 33.72.03.1009") == "1.00 and 33.72.03.1009"
    assert escape_markdown("Sukoharjo-Solo -x +1") == "Sukoharjo-Solo -x +1"
    # Letters of any script are left alone.
    assert escape_markdown("Sêmbuh, Tégalwangi") == "Sêmbuh, Tégalwangi"


def test_code_span_fences_backticks_and_keeps_one_line() -> None:
    assert code_span("plain") == "`plain`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`edge") == "`` `edge ``"
    assert code_span("a\rb\r\n  c") == "`a b c`"
    assert code_span("two  spaces") == "`two  spaces`"  # code is literal
    for value in ("a`b", "`edge", "champion_letter", "<img src=x>", "a\r# b"):
        tokens = PARSER.parse(f"- {code_span(value)}\n")
        inline = next(t for t in tokens if t.type == "inline")
        assert inline.children is not None and [c.type for c in inline.children] == ["code_inline"]
        assert inline.children[0].content == " ".join(value.split())
