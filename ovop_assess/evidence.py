"""The evidence documents a criterion needs, each looked up on disk: the one evidence check.

The checklist lists them and the assurance of a criterion (docs/criteria.md,
"Assurance") counts them. A document is looked up relative to the region
file's folder: ``provided`` when the path names a regular file, ``folder``
when it names a folder (it does not count: the spec asks for a file),
``missing_file`` when nothing is there, ``outside`` when the path leaves the
region file's folder (absolute, ``..``, a symlink leading out: never looked
at, so a checklist shared with others cannot tell whether a file elsewhere
on the machine exists), and ``not_given`` when the region file names no path.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from .criteria_sets import ActiveRule, EvidenceItem
from .missing_file import meant
from .results import Finding, Message, file_label

if TYPE_CHECKING:
    from .yaml_source import Positions


class EvidenceState(StrEnum):
    PROVIDED = "provided"  # the region file names a file, and it exists
    MISSING_FILE = "missing_file"  # the region file names a file that does not exist
    FOLDER = "folder"  # the region file names a folder, not a file
    OUTSIDE = "outside"  # the path leaves the region file's folder: not looked at
    NOT_GIVEN = "not_given"  # the region file names no file for this item

    @property
    def flagged(self) -> bool:
        """The region file names a path, but not an existing file."""
        return self in (EvidenceState.MISSING_FILE, EvidenceState.FOLDER, EvidenceState.OUTSIDE)


@dataclass(frozen=True, slots=True)
class EvidenceCheck:
    """One document a criterion needs, and whether the team has it."""

    key: str
    title: Mapping[str, str]  # {"en": ..., "id": ...}
    state: EvidenceState
    path: str | None = None  # as written in the region file

    @property
    def done(self) -> bool:
        return self.state is EvidenceState.PROVIDED


def evidence_checks(rule: ActiveRule, given: Mapping[str, str], base_dir: Path) -> tuple[EvidenceCheck, ...]:
    """The documents ``rule`` needs, each looked up on disk: the one evidence check (checklist and assurance)."""
    if not given:  # most files: nothing named, nothing to look up on disk
        return _not_given(rule.evidence)
    return tuple(
        _evidence(item.key, {"en": item.title.en, "id": item.title.id}, given, base_dir) for item in rule.evidence
    )


# The checks of a rule's documents when a file names none: the same for every such file of a batch,
# so made once per rule (keyed by the rule's own tuple of items, kept alive with its checks).
_NOT_GIVEN: dict[int, tuple[tuple[EvidenceItem, ...], tuple[EvidenceCheck, ...]]] = {}


def _not_given(items: tuple[EvidenceItem, ...]) -> tuple[EvidenceCheck, ...]:
    kept = _NOT_GIVEN.get(id(items))
    if kept is not None and kept[0] is items:
        return kept[1]
    checks = tuple(
        EvidenceCheck(item.key, {"en": item.title.en, "id": item.title.id}, EvidenceState.NOT_GIVEN) for item in items
    )
    if len(_NOT_GIVEN) >= 256:  # a long-lived process loading many criteria sets
        _NOT_GIVEN.clear()
    _NOT_GIVEN[id(items)] = (items, checks)
    return checks


def _evidence(key: str, title: Mapping[str, str], given: Mapping[str, str], base_dir: Path) -> EvidenceCheck:
    path = given.get(key)
    if path is None:
        return EvidenceCheck(key, title, EvidenceState.NOT_GIVEN)
    return EvidenceCheck(key, title, path_state(base_dir, path), path)


def evidence_files(data: object, region_path: Path) -> tuple[str, ...]:
    """The documents a region file's ``evidence:`` lists, as paths from the working folder, read from its data
    as loaded (valid or not): ``--output`` must not replace one, wherever it lies."""
    listed = data.get("evidence") if isinstance(data, dict) else None
    if not isinstance(listed, dict):
        return ()
    return tuple(os.path.join(region_path.parent, path) for path in listed.values() if isinstance(path, str) and path)


def path_state(base_dir: Path, path: str) -> EvidenceState:
    """What ``path`` (relative to ``base_dir``) names: a file, a folder, nothing, or a place outside it."""
    if _leaves(base_dir, path):
        return EvidenceState.OUTSIDE
    try:
        target = base_dir / path
        if target.is_file():
            return EvidenceState.PROVIDED
        if target.is_dir():
            return EvidenceState.FOLDER
    except (OSError, ValueError):  # a name the file system cannot hold
        pass
    return EvidenceState.MISSING_FILE


def _leaves(base_dir: Path, path: str) -> bool:
    if "\0" in path or os.path.isabs(path) or path.startswith("~"):
        return True
    parts = os.path.normpath(path).replace("\\", "/").split("/")
    if parts and parts[0] == "..":
        return True
    try:  # a symlink inside the folder may lead out of it: resolved, then compared
        top = os.path.realpath(base_dir)
        real = os.path.realpath(os.path.join(base_dir, path))
    except (OSError, ValueError):
        return True
    return os.path.commonpath([top, real]) != top


def path_hints(given: Mapping[str, str], positions: Positions, base_dir: Path) -> tuple[Finding, ...]:
    """A warning at each document path that names no file but most likely meant one: written with ``\\``
    between folders (a file written on Windows, checked on Linux), or in another case than the folder's name
    (``missing_file``). A path that names nothing and suggests nothing is said by the documents' count alone.
    """
    found = []
    for key, path in given.items():
        if path_state(base_dir, path) is not EvidenceState.MISSING_FILE:
            continue
        guess = meant(base_dir / path)
        if guess is None:
            continue
        written = {"key": key, "path": file_label(path)}
        # Only a path that names a document here (a file, inside the folder): never one that fails again.
        if guess.slashed is not None:  # the path as the region file should write it, not as found from here
            slashed = path.replace("\\", "/")
            if path_state(base_dir, slashed) is not EvidenceState.PROVIDED:  # dok\\SK.pdf for dok/sk.pdf: both
                again = meant(base_dir / slashed)
                named = [os.path.join(os.path.dirname(slashed), name) for name in again.similar] if again else []
                slashed = next((n for n in named if path_state(base_dir, n) is EvidenceState.PROVIDED), "")
                if not slashed:
                    continue
            message = Message("evidence.path_backslash", {**written, "slashed": file_label(slashed)})
        else:
            folder = os.path.dirname(path)
            names = [
                name
                for name in guess.similar
                if path_state(base_dir, os.path.join(folder, name)) is EvidenceState.PROVIDED
            ]
            if not names:
                continue
            message = Message("evidence.path_similar", {**written, "names": ", ".join(map(file_label, names))})
        found.append(Finding(message, positions.value(("evidence", key))))
    return tuple(found)
