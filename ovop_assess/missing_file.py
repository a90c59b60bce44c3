"""What to say of a file that is not there: the plain "not found", or what the user most likely meant.

A region file written on Windows and checked on Linux (a CI job) names its
files with ``\\`` between folders, or in another case than the disk has
(``Daftar-Usaha.xlsx`` for ``daftar-usaha.xlsx``); a user types ``.yml``
for ``.yaml``. The folder the file should be in is looked at (its names
only, and not past a few thousand) for a name that differs only so.
"""

from __future__ import annotations

import os
from pathlib import Path

from .results import Message

_MOST_LOOKED_AT = 5000
_SAME_KIND = ({".yaml", ".yml"},)


def not_found(path: Path) -> Message:
    """``file.not_found``, or a message naming what the folder holds instead."""
    if "\\" in path.name and os.sep != "\\":  # data\\daftar.xlsx as Windows writes it: one name here
        return Message("file.not_found_backslash", {"slashed": path.name.replace("\\", "/")})
    similar = _similar(path)
    if similar:
        return Message("file.not_found_similar", {"names": ", ".join(similar)})
    return Message("file.not_found", {})


def _similar(path: Path) -> list[str]:
    """The names in ``path``'s folder equal to its own but for the case of letters, or for ``.yaml``/``.yml``."""
    wanted = _key(path.name)
    found: list[str] = []
    try:
        with os.scandir(path.parent if str(path.parent) else ".") as entries:
            for count, entry in enumerate(entries):
                if count >= _MOST_LOOKED_AT:
                    break
                if entry.name != path.name and _key(entry.name) == wanted:
                    found.append(entry.name)
    except (OSError, ValueError):  # no such folder, not a folder, unreadable, a NUL in the name
        return []
    return sorted(found)[:3]


def _key(name: str) -> str:
    stem, dot, suffix = name.casefold().rpartition(".")
    if not dot:
        return name.casefold()
    for kind in _SAME_KIND:
        if f".{suffix}" in kind:
            suffix = min(kind)[1:]
    return f"{stem}.{suffix}"
