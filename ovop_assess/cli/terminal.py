"""Text from a region file, made safe to print on a terminal."""

from __future__ import annotations

from ..render.controls import visible_controls


def one_line(value: str) -> str:
    """A value for one line of a terminal table: control characters and line breaks written visibly."""
    return visible_controls(value, one_line=True)


def shown(value: str) -> str:
    """Text for a terminal: control characters written visibly (``\\x1b``), everything else as it is.

    Raw, a file's ESC, CR or C1 could move the cursor, erase its own error lines and print "all good".
    """
    return visible_controls(value)
