"""The region's code and names against the official area table, as located warnings (called by cross_checks).

Only warnings: a region's eligibility never depends on its code. The table
module is imported, and the table read, only when the file gives a code of
the right shape or a full set of names (see :func:`ovop_assess.areas.check_region`).
"""

from __future__ import annotations

import re
from typing import Any, Final

from .messages import level_word
from .region import AREA_CODE_PATTERN, LEVELS, code_level
from .results import Finding, Message
from .yaml_source import Positions

_CODE: Final = re.compile(AREA_CODE_PATTERN)
_FIELDS: Final = ("name", "district", "city", "province")


def area_warnings(place: Any, positions: Positions) -> list[Finding]:
    """The warnings about ``region`` (as read from the file; anything but a mapping gives none).

    A code of the wrong shape is already an error of its own: nothing is looked up for it.
    """
    if not isinstance(place, dict):
        return []
    code = place.get("code")
    if code is not None and not (isinstance(code, str) and _CODE.match(code)):
        return []
    names = {field: _text(place.get(field)) for field in _FIELDS}
    level = place.get("level") if place.get("level") in LEVELS else None
    if code is None and not _complete(names, level):
        return []  # the table is not even imported
    from . import areas

    findings = areas.check_region(code, names["name"], level, names["district"], names["city"], names["province"])
    warnings = []
    for found in findings:
        if found.path == "region.level" and code is not None and code_level(code) not in (None, level):
            continue  # the code's own shape already says so (check.code_*_shape, warn.code_village_kind)
        path = tuple(found.path.split("."))
        where = positions.key(path) if found.path == "region" else positions.value(path)
        warnings.append(Finding(Message(found.message_id, _values(found.path, found.values)), where))
    return warnings


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _complete(names: dict[str, str | None], level: str | None) -> bool:
    needed = ("name", "city", "province") if level == "kecamatan" else _FIELDS
    return all(names[field] for field in needed)


def _values(path: str, values: Any) -> dict[str, object]:
    """The finding's values as the sentence shows them."""
    out = dict(values)
    if path == "region.level":
        out["official"], out["given"] = level_word(out["official"]), level_word(out["given"])
    if "area" in out:
        # The suggested area is named by its names alone: the sentence gives its code once.
        out["area"] = str(out["area"]).removeprefix(f"{out['code']} ")
    if "suggestions" in out:
        from .areas.values import DESCRIPTION_JOINER  # (imported already: the suggestions are the table's)

        out["suggestions"] = DESCRIPTION_JOINER.join(out["suggestions"])
        out["codes"] = ", ".join(out["codes"])
    return out
