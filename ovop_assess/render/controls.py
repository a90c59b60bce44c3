"""Control characters from a region file, written visibly (``\\x00``) in every text output.

A NUL, an escape or a C1 control in a name would reach a terminal, a
spreadsheet or a pull-request page raw: cut a cell short, move a cursor,
or hide the rest of a line. The terminal table, CSV, GitHub annotations and
Markdown write them as ``\\xNN``, so the name reads as it is and does no
harm; the JSON report keeps the value exact (JSON escapes it itself).
Bidi controls are a matter of direction, not of bytes: :mod:`.bidi`.
"""

from __future__ import annotations

import re
from typing import Final

# C0 controls but tab and LF, DEL and the C1 controls.
_CONTROLS: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The same, CR kept too: for a format that quotes or escapes line breaks itself (CSV, workflow commands).
_CONTROLS_BUT_CR: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Every control, tab and LF too, and Unicode's line and paragraph separators: for one line of a table,
# where a value's line break would start a line of its own (a region name printing a verdict line).
_CONTROLS_AND_BREAKS: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(value: str, *, keep_cr: bool = False, one_line: bool = False) -> str:
    """``value`` with each control character written as ``\\xNN``: tab and LF kept, CR too with ``keep_cr``.

    With ``one_line`` nothing is kept: tab, LF and CR are written too, and
    the line and paragraph separators as ``\\u2028`` and ``\\u2029``, so the
    value stays on its line (the terminal tables; ``keep_cr`` is then moot).
    """
    pattern = _CONTROLS_AND_BREAKS if one_line else _CONTROLS_BUT_CR if keep_cr else _CONTROLS
    return pattern.sub(_escaped, value) if pattern.search(value) else value
