"""Text from a region file, made safe to print on a terminal."""

from __future__ import annotations

import re

# Control characters from a region file (ESC, CR, C1) would reach the terminal raw: a file
# could move the cursor, erase its own error lines and print "all good". Shown as \xNN.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(value: str) -> str:
    """Text for a terminal: control characters written visibly (``\\x1b``), everything else as it is."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", value)
