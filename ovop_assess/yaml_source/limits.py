"""What one file may cost: the limits every step from bytes to data is held to."""

from __future__ import annotations

from typing import NamedTuple


class Limits(NamedTuple):
    """What one file may cost. Region files are a few kilobytes; these leave ample room.

    ``max_bytes`` bounds the file read (:mod:`.reading`) and the text aliases
    repeat; ``max_nodes`` and ``max_depth`` are counted once, by the builder
    (:mod:`.builder`), as values and nesting of the data it builds.
    """

    max_bytes: int = 1_048_576
    max_depth: int = 32
    max_nodes: int = 50_000
