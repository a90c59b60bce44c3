"""Turn loaded YAML data into a :class:`~ovop_assess.region.Region`, or into findings.

All problems of a file are reported at once: the YAML loader's (duplicate
keys, refused tags), pydantic's (types, enums, unknown keys: worded by
:mod:`.schema_errors`) and the checks across fields (mentors, firm names,
area code, waivers: :mod:`.cross_checks`), each with a line. A valid file is
then cleared of the template's example values (:mod:`.template_values`).

A hostile file can hold tens of thousands of problems; listing them all
would take a terminal minutes to print. So findings are located first
(cheap), sorted, and only the first ``max_errors`` get a message, followed
by one saying how many more there are.
"""

# No ``from __future__ import annotations`` here: NamedTuple (and pydantic) would compile each
# field's annotation from its text at start-up (6 µs each); written as objects, they are taken as they are.
import re
from collections.abc import Callable, Collection, Sequence
from typing import Any, NamedTuple

from pydantic import ValidationError

from . import template_values
from .cross_checks import ABSENT, cross_checks, unknown_evidence, value_at
from .region import Region
from .results import Finding, Location, Message, UnknownEvidenceKey
from .yaml_source import Loaded, PathKey, Positions

MAX_ERRORS = 100
"""Most errors (and, separately, warnings) listed for one file; the rest are counted."""


class Validated(NamedTuple):
    region: Region | None
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]  # the listed warnings, unknown evidence keys among them
    unknown_evidence: tuple[UnknownEvidenceKey, ...] = ()
    # Where the region's values sit, for its rules: the file's, seen through any template entries dropped.
    positions: Positions | None = None


class RuleIds(NamedTuple):
    """What the waiver and evidence checks need to know of the criteria set."""

    set_id: str
    active: Collection[str]
    is_known: Callable[[str], bool]
    known_list: Callable[[], list[str]]
    evidence_keys: Collection[str]


def validate(loaded: Loaded, rules: RuleIds, *, max_errors: int = MAX_ERRORS) -> Validated:
    data, positions = loaded.data, loaded.positions
    errors: list[Finding | _Raw] = list(loaded.problems)
    warnings: list[Finding] = list(loaded.warnings)
    if not isinstance(data, dict):
        errors.append(Finding(Message("schema.top_not_mapping", {}), positions.value(())))
        return Validated(None, listed(errors, positions, max_errors), ())
    region: Region | None = None
    try:
        region = Region.model_validate(data)
    except ValidationError as exc:
        from .schema_errors import where_of  # (the wording of pydantic's errors: loaded for a file that has some)

        # Where the loader dropped a value (refused tag, unreadable date), it already said why;
        # pydantic would only add "expected text" about the None left in its place.
        for error in exc.errors(include_input=False):
            if not _dropped(data, loaded.dropped, tuple(error["loc"])):
                errors.append(_Raw(error, where_of(error, positions)))
    checked: list[Finding] = []
    cross_checks(data, positions, rules, checked, warnings, loaded.dropped)
    unknown = unknown_evidence(data.get("evidence"), positions, rules)
    warnings.extend(u.warning for u in unknown)
    errors.extend(checked)
    if errors:
        return Validated(
            None, listed(errors, positions, max_errors), listed(list(warnings), positions, max_errors), unknown
        )
    # Only a valid file is cleared of the template's example values (they count as absent).
    cleared = template_values.clear(data, positions, loaded.text)
    warnings.extend(cleared.warnings)
    if cleared.data is not data:  # only a value kept (a required one) leaves the data, and the region, as they were
        region = Region.model_validate(cleared.data)
    return Validated(region, (), listed(list(warnings), positions, max_errors), unknown, cleared.positions)


def _dropped(data: Any, dropped: Collection[PathKey], path: PathKey) -> bool:
    """Whether the loader refused the value at ``path`` (and said why): it is among ``Loaded.dropped`` and
    the None left there is still the value (a key written after a merge may have replaced it).

    A YAML null is None too, but the loader refused nothing there.
    """
    return path in dropped and value_at(data, path, ABSENT) is None


class _Raw(NamedTuple):
    """A pydantic error, located but not yet turned into a message."""

    error: Any
    location: Location


def listed(found: Sequence[Finding | _Raw], positions: Positions, limit: int) -> tuple[Finding, ...]:
    """In file order; the first ``limit`` with their message, then how many more there are."""

    def key(item: Finding | _Raw) -> tuple[int, int, tuple[int, int], str]:
        loc = item.location
        return (loc.line or 0, loc.column or 0, _cell_order(loc.cell), loc.path) if loc else (0, 0, (0, 0), "")

    found = sorted(found, key=key)
    shown = [_worded(item, positions) if isinstance(item, _Raw) else item for item in found[:limit]]
    if len(found) > limit:
        first_hidden = found[limit].location
        line = first_hidden.line if first_hidden is not None else None
        more = Message("file.more_errors", {"count": len(found) - limit})
        if first_hidden is not None and first_hidden.cell:  # a sheet's: every one is on the firms: line
            more = Message("file.more_errors_from_cell", {"count": len(found) - limit})
            where = Location("", line, None, first_hidden.file, first_hidden.sheet, first_hidden.cell)
            shown.append(Finding(more, where))
        else:
            shown.append(Finding(more, Location("", line, None)))
    return tuple(shown)


def _worded(raw: _Raw, positions: Positions) -> Finding:
    from .schema_errors import message_at  # (the wording of pydantic's errors: loaded for a file that has some)

    return Finding(message_at(raw.error, positions, raw.location), raw.location)


_CELL = re.compile(r"([A-Z]+)([0-9]+)")


def _cell_order(cell: str | None) -> tuple[int, int]:
    """A spreadsheet cell as (row, column), so the problems of a sheet read row by row: ``C12`` -> (12, 3)."""
    found = _CELL.fullmatch(cell) if cell else None
    if found is None:
        return (0, 0)
    column = 0
    for letter in found[1]:
        column = column * 26 + ord(letter) - 64
    return (int(found[2]), column)
