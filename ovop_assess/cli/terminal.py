"""Text from a region file, made safe to print on a terminal, and the one way to write on stderr.

What goes to stderr (a note, an error, a traceback) never decides how a run ends: a stderr that is closed
(``2>&-``, a plugin's ``os.close(2)`` or ``sys.stderr = None``), full (``2>/dev/full``) or unable to carry
a character is let be, and the exit code still says what happened.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sys

from ..messages import Lang, text
from ..render.controls import visible_controls


@functools.cache
def _bidi() -> re.Pattern[str]:
    """Raw in a note, a name's right-to-left override would turn the rest of the line around.
    (Compiled at the first note: a run that writes none loads nothing of it.)"""
    from ..render.bidi import BIDI_CONTROLS

    return re.compile(f"[{BIDI_CONTROLS}]")


def one_line(value: str) -> str:
    """A value for one line of a terminal table: as :func:`shown`, line breaks written visibly too."""
    return _isolated(visible_controls(value, one_line=True))


def shown(value: str) -> str:
    """Text for a terminal: control characters written visibly (``\\x1b``), a value holding a bidi control
    made an isolate (as in every other format), everything else as it is.

    Raw, a file's ESC, CR or C1 could move the cursor, erase its own error lines and print "all good";
    a right-to-left override would turn the rest of a table's row around on a terminal that lays out bidi.
    """
    return _isolated(visible_controls(value))


def _isolated(line: str) -> str:
    if not _bidi().search(line):
        return line
    from ..render.bidi import isolate

    return isolate(line)


def plain(value: str, one_line: bool = False) -> str:
    """A line for stderr: as :func:`shown`, and each bidi control written visibly too (``\\u202e``);
    ``one_line``: line breaks too (a cell's or a name's text inside a line of its own), as in a table.

    A note is read as it is, by a person or a log: the exact characters matter, not how they would lay out.
    """
    line = visible_controls(value, one_line=one_line)
    bidi = _bidi()
    return bidi.sub(lambda found: f"\\u{ord(found.group()):04x}", line) if bidi.search(line) else line


def note(line: str) -> None:
    """``ovop-assess: line`` on stderr, its control characters written visibly (:func:`plain`).

    Every note the commands write goes through here: a region name, a file name or a query a user typed
    can hold ESC, CR or a right-to-left override, and none of them reaches the terminal raw.
    """
    to_stderr(plain(f"ovop-assess: {line}", one_line=True) + "\n")


def warn(line: str, lang: Lang) -> None:
    """``ovop-assess: warning: line`` (``peringatan`` in Indonesian) on stderr, as :func:`note`."""
    note(f"{text('ui.warning', lang)}: {line}")


def to_stderr(text: str) -> None:
    """Write ``text`` on stderr as it can be written; a failed write is ignored (the module says why)."""
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        try:
            stream.write(text)
        except UnicodeEncodeError:  # (stderr replaces what it cannot encode; a host's own stream may not)
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "backslashreplace").decode(encoding, "replace"))


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (OSError, ValueError):
        return False
