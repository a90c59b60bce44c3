"""Lines and columns as an editor counts them, from libyaml's marks or from byte offsets.

Every step of the bytes -> data path that names a place in the file (a
refused byte, a syntax error, a value over a limit, a field's position)
turns libyaml's position into a line and column through this module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ..results import Location

# Line ends for YAML 1.1 (and so libyaml) but not for editors, which count only CR, LF and CRLF.
YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
EDITOR_BREAK = re.compile(r"\r\n?|\n")
YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
YAML_BREAKS = ("\n", "\r", *YAML_ONLY_BREAKS)
_EDITOR_BREAK_BYTES = re.compile(rb"\r\n?|\n")


class Marks:
    """Line and column of libyaml's marks as an editor counts them (1-based).

    libyaml counts NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line ends,
    as YAML 1.1 says; editors, ``grep -n`` and CI annotations do not. In a
    text holding one of them the line is recomputed from the mark's
    character index; every other text keeps libyaml's line, at no cost.
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts: list[int] | None = None
        if any(char in text for char in YAML_ONLY_BREAKS):
            self._starts = [0, *(match.end() for match in EDITOR_BREAK.finditer(text))]

    @property
    def recounts(self) -> bool:
        """Whether the text holds a line end that only YAML counts."""
        return self._starts is not None

    def line_column(self, mark: Any) -> tuple[int, int]:
        if self._starts is None:
            return mark.line + 1, mark.column + 1
        return self.at_index(mark.index)

    def at_index(self, index: int) -> tuple[int, int]:
        """Line and column of a character index (a text that :attr:`recounts` only)."""
        starts = self._starts or [0]
        line = bisect_right(starts, index) - 1
        return line + 1, index - starts[line] + 1

    def location(self, path: str, mark: Any) -> Location:
        if mark is None:
            return Location(path, None, None)
        line, column = self.line_column(mark)
        return Location(path, line, column)


LIBYAML_MARKS = Marks("")  # libyaml's own lines: for callers that have no text


def byte_location(raw: bytes, offset: int) -> Location:
    """Line and column (in characters) of a byte offset of UTF-8 text."""
    breaks = [match.end() for match in _EDITOR_BREAK_BYTES.finditer(raw, 0, offset)]
    line_start = breaks[-1] if breaks else 0
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Location("", len(breaks) + 1, column)
