"""Text from a region file, made safe to print on a terminal."""

from __future__ import annotations

import re

from ..render.controls import visible_controls

# A line break of a value (LF, and Unicode's LS and PS; CR, VT, FF and NEL are controls, see shown)
# would start a line of its own in a table: a region name printing a verdict line.
_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(value: str) -> str:
    """A value for one line of a terminal table: control characters and line breaks written visibly."""
    return _BREAK.sub(
        lambda match: f"\\x{ord(match.group()):02x}" if ord(match.group()) < 0x100 else f"\\u{ord(match.group()):04x}",
        value,
    )


def shown(value: str) -> str:
    """Text for a terminal: control characters written visibly (``\\x1b``), everything else as it is.

    Raw, a file's ESC, CR or C1 could move the cursor, erase its own error lines and print "all good".
    """
    return visible_controls(value)
