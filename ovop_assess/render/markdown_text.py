"""Text from a region file inside Markdown, shown as written: the one escaping rule of every Markdown output.

Used by the Markdown summary (``--format markdown``, its table cells and
list items) and the Markdown checklist (headings, list items, paragraphs),
so a value is escaped the same way wherever it lands:

- every run of whitespace, line breaks included (LF, CR, CRLF and the
  Unicode ones), becomes one space, and the ends are trimmed: a value can
  never start a new line, and so never a heading, a list, a quote or a
  table row of its own;
- ``\\ ` * _ [ ] < > | ~ & #`` get a backslash, every occurrence: no
  emphasis, code, link, image, autolink or raw HTML, strike-through,
  character reference (``&amp;``) or heading closing sequence (a name
  ending in `` #`` inside ``# Title: …``) can come from a value, and a
  ``|`` cannot end a table cell early. All of them are ASCII punctuation,
  which CommonMark lets any backslash escape, so the rendered text is the
  value itself;
- a value that starts with a list marker or a rule, which would take
  effect where the value opens a list item (``- …`` in the summary's
  problem list and the checklist's items), has it escaped too: a leading
  ``-`` or ``+`` before a space, another ``-`` or the end (``- - x`` would
  nest a list, ``- ---`` draw a rule), and the ``.`` or ``)`` of a number
  before a space or the end (``1. x`` would start a numbered list). A
  number such as ``1.00`` or ``33.72.03`` is no marker and stays as it is;
- any other control character (a NUL, an escape) is written visibly as
  ``\\x00`` (:mod:`.controls`), in a code span too.

Escaping every occurrence is stricter than Markdown strictly needs (an
underscore inside a word, or an ``&`` not followed by ``name;``, is inert)
but the same in every context, and one rule is easier to trust than two.

:func:`code_span` is the other way to show a value literally: inside
backticks nothing is escaped, so a key like ``champion_letter`` reads as
written; it is not meant for table cells (a ``|`` would still split one).
"""

from __future__ import annotations

import re
from typing import Final

from .bidi import isolate
from .controls import visible_controls

_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|~&#])")
_LEADING_MARKER: Final = re.compile(r"\A(?:([-+])(?=[- ]|\Z)|([0-9]{1,9})([.)])(?= |\Z))")
_LINE_BREAKS: Final = re.compile(r"\s*(?:\r\n|\r|\n)\s*")
_BACKTICKS: Final = re.compile(r"`+")


class Verbatim(str):
    """Markdown already made safe (a code span): an environment's ``finalize`` leaves it as it is."""

    __slots__ = ()


def escape_markdown(value: str) -> str:
    """``value`` as Markdown text that renders as written, on one line (rules in the module docstring)."""
    escaped = _SPECIAL.sub(r"\\\1", visible_controls(" ".join(value.split())))
    return _LEADING_MARKER.sub(_escape_marker, escaped, count=1)


def _escape_marker(found: re.Match[str]) -> str:
    if found[1]:
        return "\\" + found[1]
    return f"{found[2]}\\{found[3]}"


def code_span(value: object) -> Verbatim:
    """``value`` as a Markdown code span, fenced with more backticks than it contains, on one line.

    Line breaks (a lone CR too) become spaces, since a line break inside
    a span could let the next line start a block; spaces inside stay, as
    code is literal.
    """
    text = isolate(visible_controls(_LINE_BREAKS.sub(" ", str(value))))
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Verbatim(f"{fence}{pad}{text}{pad}{fence}")
