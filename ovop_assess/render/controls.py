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


def _hex(found: re.Match[str]) -> str:
    return f"\\x{ord(found.group()):02x}"


def visible_controls(value: str, *, keep_cr: bool = False) -> str:
    """``value`` with each control character (tab and LF kept; CR too with ``keep_cr``) written as ``\\xNN``."""
    pattern = _CONTROLS_BUT_CR if keep_cr else _CONTROLS
    return pattern.sub(_hex, value) if pattern.search(value) else value
