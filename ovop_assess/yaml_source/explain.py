"""libyaml's complaints -> findings in plain words, at lines that exist.

Where the bytes -> data path stops on a YAML error (in composing, see
:mod:`.load`), :func:`explain` turns libyaml's terse problem and context
into a catalogue message: the common slips (a tab, an unclosed quote, a
missing colon) get one of their own, libyaml's other phrases are
translated, and causes far from where libyaml stopped (a quote opened
lines before, an invisible line end) are pointed at too.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..results import Finding, Location, Message
from .clip import clip
from .composer import BYTE_OFFSETS, Loader
from .limits import Limits
from .marks import EDITOR_BREAK, YAML_BREAKS, YAML_ONLY_BREAK, Marks, byte_location

# libyaml (0.2.5+) refuses nesting deeper than this itself, with a syntax error.
_LIBYAML_MAX_DEPTH = 1000
_HINTS_UP_TO = 262_144  # characters


def explain(exc: yaml.YAMLError, text: str, limits: Limits, marks: Marks) -> list[Finding]:
    """What went wrong, and then what may really be behind it."""
    finding = _yaml_error(exc, text, limits, marks)
    # Hints rescan the text: skipped for control characters and for texts too large to rescan quickly.
    plain = isinstance(exc, yaml.reader.ReaderError) or len(text) > _HINTS_UP_TO
    return [finding, *([] if plain else _hidden_causes(text, marks, finding))]


def _yaml_error(exc: yaml.YAMLError, text: str, limits: Limits, marks: Marks) -> Finding:
    """libyaml's complaint as a finding, on a line that exists.

    At the end of a text without a final line break libyaml's stream-end mark
    sits on a line past the last one; the problem is then at the end of the
    last line.
    """
    finding = _describe_yaml_error(exc, text, limits, marks)
    loc = finding.location
    if loc is not None and loc.line is not None:
        breaks = [match.end() for match in EDITOR_BREAK.finditer(text)]
        last = len(breaks) + 1
        if loc.line > last:
            return Finding(finding.message, Location(loc.path, last, len(text) - (breaks[-1] if breaks else 0) + 1))
    return finding


def _describe_yaml_error(exc: yaml.YAMLError, text: str, limits: Limits, marks: Marks) -> Finding:
    """libyaml's complaint as a finding; the common slips get a message of their own."""
    problem = str(getattr(exc, "problem", None) or "")
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    start = getattr(exc, "context_mark", None)
    where = marks.location("", mark)
    if isinstance(exc, yaml.reader.ReaderError):
        # A control character. libyaml gives its code and a byte offset into the UTF-8
        # text; PyYAML's own reader (without libyaml) the character and its index.
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        offset = exc.position if BYTE_OFFSETS else len(text[: exc.position].encode("utf-8", errors="replace"))
        located = byte_location(text.encode("utf-8", errors="replace"), offset)
        return Finding(Message("yaml.control_char", {"char": f"U+{char:04X}"}), located)
    if "maximum nesting depth" in problem and limits.max_depth < _LIBYAML_MAX_DEPTH:
        return Finding(Message("yaml.too_deep", {"limit": limits.max_depth}), where)
    if "tab character" in problem or (mark is not None and _char_at(text, mark) == "\t"):
        return Finding(Message("yaml.tab_indent", {}), where)
    if context == "while scanning a quoted scalar" and start is not None and "end of stream" in problem:
        quote = _char_at(text, start) or '"'
        return Finding(Message("yaml.unclosed_quote", {"quote": quote}), marks.location("", start))
    if context.startswith("expected a single document"):
        return Finding(Message("yaml.multiple_documents", {}), where)
    if problem.startswith("mapping values are not allowed"):
        return Finding(Message("yaml.colon_here", {}), where)
    if (
        context == "while parsing a block mapping"
        and problem == "did not find expected key"
        and mark is not None
        and not _line_before(text, mark).strip()  # the line itself starts out of place
    ):
        return Finding(Message("yaml.bad_indentation", {}), where)
    if context == "while scanning a simple key" and start is not None and _key_too_long(text, start):
        return Finding(Message("yaml.key_too_long", {"limit": _LIBYAML_MAX_KEY}), marks.location("", start))
    if context == "while scanning a simple key" and start is not None:
        return Finding(Message("yaml.missing_colon", {}), marks.location("", start))
    if context in ("while parsing a flow sequence", "while parsing a flow mapping") and start is not None:
        bracket = _char_at(text, start) or "["
        opened = marks.location("", start).line
        return Finding(Message("yaml.unclosed_flow", {"bracket": bracket, "line": opened}), where)
    if problem == "found undefined alias" and mark is not None:
        found = re.match(r"\*([^\s,\[\]{}]+)", text[mark.index : mark.index + 200])
        if found:
            return Finding(Message("yaml.undefined_alias", {"name": clip(found.group(1))}), where)
    if context == "while parsing a block collection" and problem == "did not find expected '-' indicator":
        return Finding(Message("yaml.not_a_list_item", {}), where)
    plain = _PLAIN_PROBLEMS.get(problem)
    if plain is not None:
        return Finding(Message(plain, {}), where)
    words = [_libyaml_words(part) for part in (context, problem) if part] or [str(exc).splitlines()[0]]
    return Finding(Message("yaml.syntax", {"detail": tuple(words)}), where)


def _libyaml_words(text: str) -> Message | str:
    """libyaml's phrase from the catalogue (so it reads in the chosen language), or as it is."""
    key = LIBYAML_WORDS.get(text)
    return Message(key, {}) if key is not None else text


LIBYAML_WORDS = {
    "while scanning for the next token": "libyaml.scanning_next_token",
    "found unknown directive name": "libyaml.unknown_directive",
    "did not find the expected '>'": "libyaml.no_closing_angle",
    "found an indentation indicator equal to 0": "libyaml.indent_indicator_zero",
    "did not find expected alphabetic or numeric character": "libyaml.no_name_character",
    "while parsing a quoted scalar": "libyaml.parsing_quoted_scalar",
    "did not find expected hexdecimal number": "libyaml.no_hex_digit",
    "did not find expected comment or line break": "libyaml.no_comment_or_break",
    "found duplicate anchor; first occurrence": "libyaml.duplicate_anchor",
    "second occurrence": "libyaml.second_occurrence",
    "while parsing a block mapping": "libyaml.while_parsing_a_block_mapping",
    "while parsing a block collection": "libyaml.while_parsing_a_block_collection",
    "while parsing a flow mapping": "libyaml.while_parsing_a_flow_mapping",
    "while parsing a flow sequence": "libyaml.while_parsing_a_flow_sequence",
    "while parsing a flow node": "libyaml.while_parsing_a_flow_node",
    "while parsing a block node": "libyaml.while_parsing_a_block_node",
    "while parsing a node": "libyaml.while_parsing_a_node",
    "while scanning a simple key": "libyaml.while_scanning_a_simple_key",
    "while scanning a quoted scalar": "libyaml.while_scanning_a_quoted_scalar",
    "while scanning a plain scalar": "libyaml.while_scanning_a_plain_scalar",
    "while scanning a block scalar": "libyaml.while_scanning_a_block_scalar",
    "while scanning an anchor": "libyaml.while_scanning_an_anchor",
    "while scanning an alias": "libyaml.while_scanning_an_alias",
    "while scanning a tag": "libyaml.while_scanning_a_tag",
    "while scanning a directive": "libyaml.while_scanning_a_directive",
    "did not find expected key": "libyaml.did_not_find_expected_key",
    "did not find expected node content": "libyaml.did_not_find_expected_node_content",
    "did not find expected '-' indicator": "libyaml.no_dash",
    "did not find expected ',' or ']'": "libyaml.no_comma_or_bracket",
    "did not find expected ',' or '}'": "libyaml.no_comma_or_brace",
    "could not find expected ':'": "libyaml.no_colon",
    "found character that cannot start any token": "libyaml.found_character_that_cannot_start_any_token",
    "found unexpected end of stream": "libyaml.found_unexpected_end_of_stream",
    "found unexpected ':'": "libyaml.unexpected_colon",
    "block sequence entries are not allowed in this context": "libyaml.dash_not_here",
    "found undefined tag handle": "libyaml.found_undefined_tag_handle",
}


# libyaml's wording, for the slips that have no message of their own above.
_PLAIN_PROBLEMS = {
    "found unknown escape character": "yaml.bad_escape",
    "did not find expected <document start>": "yaml.after_document_end",
    "found incompatible YAML document": "yaml.yaml_version",
}
# libyaml reads a key of at most this many characters before its ':'.
_LIBYAML_MAX_KEY = 1024


def _key_too_long(text: str, start: Any) -> bool:
    begin = int(start.index)
    line_end = text.find("\n", begin)
    colon = text.find(":", begin, line_end if line_end >= 0 else len(text))
    return colon - begin > _LIBYAML_MAX_KEY


def _hidden_causes(text: str, marks: Marks, error: Finding) -> list[Finding]:
    """What may really be behind a syntax error, found far from where libyaml stopped.

    - A quote left open: libyaml reads on to the next such quote (an
      apostrophe in "Kauman's" lines later) and fails there. A quoted value
      that spans lines and ends on the error's line is pointed at.
    - A NEL/U+2028/U+2029 outside quotes: it ends the line for YAML only.
      Inside quotes it is only text, so those are skipped.
    """
    quoted: list[tuple[Any, Any, str]] = []
    try:
        for token in yaml.scan(text, Loader=Loader):
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                quoted.append((token.start_mark, token.end_mark, token.style))
    except yaml.YAMLError:
        pass  # the tokens up to the error are what matters
    hints: list[Finding] = []
    error_line = error.location.line if error.location is not None else None
    for start, end, quote in reversed(quoted if error_line is not None else []):
        first, last = marks.line_column(start)[0], marks.line_column(end)[0]
        if first < last == error_line:  # a quoted value over several lines that ends where YAML failed
            where = marks.location("", start)
            hints.append(Finding(Message("yaml.quote_spans_lines", {"quote": quote, "line": last}), where))
            break
    if marks.recounts:
        for match in YAML_ONLY_BREAK.finditer(text):
            index = match.start()
            if not any(start.index <= index < end.index for start, end, _ in quoted):
                line, column = marks.at_index(index)
                char = f"U+{ord(text[index]):04X}"
                hints.append(Finding(Message("yaml.invisible_break", {"char": char}), Location("", line, column)))
                break
    return hints


def _line_before(text: str, mark: Any) -> str:
    """What stands before ``mark`` on its line (libyaml's line: any YAML line end starts one)."""
    start = max(text.rfind(char, 0, mark.index) for char in YAML_BREAKS) + 1
    return text[start : mark.index]


def _char_at(text: str, mark: Any) -> str:
    return str(text[mark.index : mark.index + 1])
