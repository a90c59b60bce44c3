"""``ovop-assess area --format json``: the areas a code or a name names, with their parents, best first.

One JSON object: ``area_table`` (the edition of the official table),
``query`` as given, ``code`` (the query as a code, or ``null`` for a name),
``matches`` (each: ``code``, ``name``, ``level``, ``exact``, and its
``district``, ``regency`` and ``province`` as ``{code, name}`` or ``null``)
and ``nearest`` (for a code not in the table: the codes nearest to it, in
the same shape as a match, without ``exact``).
"""

from __future__ import annotations

import json
from typing import Any

from ..areas import Area, Lookup, Place
from ..areas.table import edition
from ..messages import Lang


def _place(place: Place | None) -> dict[str, str] | None:
    return {"code": place.code, "name": place.name} if place is not None else None


def area(found: Area) -> dict[str, Any]:
    return {
        "code": found.code,
        "name": found.name,
        "level": found.level,
        "district": _place(found.district),
        "regency": _place(found.regency),
        "province": _place(found.province),
    }


def render_area_json(lookup: Lookup, lang: Lang = "en") -> str:
    """The look-up as JSON text (the same in both languages: names and levels are the table's)."""
    document = {
        "area_table": edition(),
        "query": lookup.query,
        "code": lookup.code,
        "matches": [{**area(match.area), "exact": match.exact, "partial": match.partial} for match in lookup.matches],
        "nearest": [area(found) for found in lookup.nearest],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
