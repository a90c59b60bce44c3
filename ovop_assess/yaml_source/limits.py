"""What one file may cost: the limits every step from bytes to data is held to."""

# No ``from __future__ import annotations`` here: NamedTuple (and pydantic) would compile each
# field's annotation from its text at start-up (6 µs each); written as objects, they are taken as they are.
from typing import NamedTuple

MAX_DEPTH_CAP = 256
"""The deepest ``--max-depth`` honoured. The loader builds the data recursively (about two Python frames per
level), so Python's recursion limit (1000 frames) stops it near 480 levels, and libyaml refuses more than 1000
itself. Measured with a raised ``--max-depth`` (Python 3.11): flow and block nesting of lists and mappings load
up to 486-487 levels in one process and 478-479 in a ``--jobs`` worker, and fail one level deeper with a false
"deeper than N levels". 256 leaves room for the frames of whoever runs the command (a test runner, python -m,
a worker)."""


class Limits(NamedTuple):
    """What one file may cost. Region files are a few kilobytes; these leave ample room.

    ``max_bytes`` bounds the file read (:mod:`.reading`) and the text aliases
    repeat; ``max_nodes`` and ``max_depth`` are counted once, by the builder
    (:mod:`.builder`), as values and nesting of the data it builds. The
    ``max_sheet_bytes``, ``max_unpacked_bytes``, ``max_rows`` and
    ``max_cells`` bound a firm spreadsheet the region file names.
    """

    max_bytes: int = 1_048_576
    max_depth: int = 32
    max_nodes: int = 50_000
    # A firm spreadsheet the file points to (``firms: {file: …}``): see ovop_assess.sheets.SheetLimits.
    max_sheet_bytes: int = 16 * 1024 * 1024
    max_unpacked_bytes: int = 128 * 1024 * 1024
    max_rows: int = 50_000
    max_cells: int = 1_000_000
