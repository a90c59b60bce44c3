"""What to say of a file that is not there: the plain "not found", or what the user most likely meant.

A region file written on Windows and checked on Linux (a CI job) names its
files with ``\\`` between folders, or in another case than the disk has
(``Daftar-Usaha.xlsx`` for ``daftar-usaha.xlsx``); a user types ``.yml``
for ``.yaml``. The folder the file should be in is looked at (its names
only, and not past a few thousand) for a name that differs only so.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import NamedTuple

from .results import Message, file_label

_MOST_LOOKED_AT = 5000
_WINDOWS_ONLY = re.compile(r"[A-Za-z]:[\\/]|\\\\")  # a drive letter, a network share
_SAME_KIND = ({".yaml", ".yml"},)


def not_found(path: Path) -> Message:
    """``file.not_found``, or a message naming what the folder holds instead."""
    guess = meant(path)
    if guess is None:
        return Message("file.not_found", {})
    if guess.slashed is not None:
        return Message("file.not_found_backslash", {"slashed": file_label(guess.slashed)})
    return Message("file.not_found_similar", {"names": ", ".join(map(file_label, guess.similar))})


class Meant(NamedTuple):
    """What a path that names no file most likely meant: the path written with ``/`` between folders, or
    the names its folder holds that differ from its own only in case (or ``.yml`` for ``.yaml``)."""

    slashed: str | None
    similar: tuple[str, ...] = ()


def meant(path: Path) -> Meant | None:
    """What ``path``, naming no file, most likely meant (None: nothing to suggest)."""
    if windows_only(str(path)) or windows_only(path.name):  # no path here to give instead
        return None
    if "\\" in path.name and os.sep != "\\":  # data\\daftar.xlsx as Windows writes it: one name here
        return Meant(str(path).replace("\\", "/"))
    similar = _similar(path)
    return Meant(None, tuple(similar)) if similar else None


def windows_only(text: str) -> bool:
    """Whether ``text`` is a path only Windows reads (``C:\\Users\\…``, ``\\\\server\\share``): written with
    ``/``, it would still name nothing here."""
    return _WINDOWS_ONLY.match(text) is not None


def _similar(path: Path) -> list[str]:
    """The names in ``path``'s folder equal to its own but for the case of letters, or for ``.yaml``/``.yml``."""
    folder = os.fspath(path.parent) or "."
    try:
        status = os.stat(folder)
        names = _names_by_key(folder, status.st_mtime_ns, status.st_ino)
    except (OSError, ValueError):  # no such folder, not a folder, unreadable, a NUL in the name
        return []
    return [name for name in names.get(_key(path.name), ()) if name != path.name][:3]


@functools.lru_cache(maxsize=16)
def _names_by_key(folder: str, changed: int, inode: int) -> dict[str, tuple[str, ...]]:
    """The folder's names (the first few thousand) by :func:`_key`: read once per folder as it is (a round of
    hundreds of missing files in a folder of thousands reads it once, not once a file)."""
    del changed, inode  # (part of the cache's key: the folder as it is now)
    found: dict[str, list[str]] = {}
    with os.scandir(folder) as entries:
        for count, entry in enumerate(entries):
            if count >= _MOST_LOOKED_AT:
                break
            found.setdefault(_key(entry.name), []).append(entry.name)
    return {key: tuple(sorted(names)) for key, names in found.items()}


def _key(name: str) -> str:
    stem, dot, suffix = name.casefold().rpartition(".")
    if not dot:
        return name.casefold()
    for kind in _SAME_KIND:
        if f".{suffix}" in kind:
            suffix = min(kind)[1:]
    return f"{stem}.{suffix}"
