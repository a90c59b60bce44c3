"""Read a YAML file into plain data plus the line of every value, within limits.

The path from bytes to data, one module per step:

- :mod:`.reading`: bytes -> text (a regular file within ``max_bytes``, UTF-8);
- :mod:`.composer`: text -> libyaml's node tree (quick tagging; large texts stop early);
- :mod:`.builder`: node tree -> data, and the one count of ``max_nodes`` and ``max_depth``;
- :mod:`.positions`: node tree -> the line of a value or key, looked up when a finding needs it;
- :mod:`.explain`: libyaml's errors -> findings in plain words;
- :mod:`.load`: the steps in order (:func:`load_file`, :func:`parse_text`).

Beside them: :mod:`.limits` (what a file may cost), :mod:`.loaded` (what
loading gives back), :mod:`.marks` (editor lines and columns), :mod:`.tags`
(YAML's standard tags) and :mod:`.clip` (file text shortened for a message).
"""

from __future__ import annotations

from .clip import clip
from .limits import Limits
from .load import load_file, parse_text
from .loaded import Loaded, LoadError
from .marks import Marks
from .positions import PathKey, Positions, format_path
from .reading import decode, read_text

__all__ = [
    "Limits",
    "LoadError",
    "Loaded",
    "Marks",
    "PathKey",
    "Positions",
    "clip",
    "decode",
    "format_path",
    "load_file",
    "parse_text",
    "read_text",
]
