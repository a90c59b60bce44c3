"""The checks of a region's code and names against the table, and a new region file's fields (``init --code``).

With a code: a code not in the table (naming the closest codes by name) and
every given name that differs from the official one. Without a code: the
code, when the names identify exactly one area; the table is not read at all
unless the names are complete.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from types import MappingProxyType

from ..region import LEVELS, VILLAGE_LEVELS
from .names import bare_key, same_name, similarity
from .table import area_of, by_code, canonical_code, children, descendants
from .values import Area, AreaFinding, Place, describe


def _finding(path: str, message_id: str, **values: object) -> AreaFinding:
    return AreaFinding(path, message_id, MappingProxyType(values))


def check_region(
    code: str | None,
    name: str | None,
    level: str | None,
    district: str | None,
    city: str | None,
    province: str | None,
) -> tuple[AreaFinding, ...]:
    """The warnings about a region's code and names against the official table (none when all agree).

    With a code: a code not in the table (naming the closest codes by name),
    and every given field that differs from the official one. Without a code:
    the code, when the names identify exactly one area; the table is not read
    at all unless the names are complete (name, city, province, and the
    district of a desa or kelurahan).
    """
    if code is None:
        return _suggest_code(name, level, district, city, province)
    area = by_code(code)
    if area is None:
        closest = closest_areas(code, name, level, district, city, province)
        if not closest:
            return (_finding("region.code", "area.code_unknown_unmatched", code=code),)
        return (
            _finding(
                "region.code",
                "area.code_unknown",
                code=code,
                suggestions=tuple(describe(a) for a in closest),
                codes=tuple(a.code for a in closest),
            ),
        )
    findings = []
    if level is not None and level != area.level:
        findings.append(
            _finding("region.level", "area.level_differs", code=area.code, official=area.level, given=level)
        )
    own_district = area.district.name if area.district is not None else area.name if area.level == "kecamatan" else None
    compared = (
        ("region.name", "area.name_differs", name, area.name),
        ("region.district", "area.district_differs", district, own_district),
        ("region.city", "area.city_differs", city, area.regency.name if area.regency is not None else None),
        ("region.province", "area.province_differs", province, area.province.name if area.province else None),
    )
    for path, message_id, given, official in compared:
        if given is not None and official is not None and not same_name(given, official):
            findings.append(_finding(path, message_id, code=area.code, official=official, given=given))
    return tuple(findings)


def _complete(
    name: str | None, level: str | None, district: str | None, city: str | None, province: str | None
) -> bool:
    names = (name, city, province) if level == "kecamatan" else (name, district, city, province)
    return all(text is not None and text.strip() for text in names)


def _suggest_code(
    name: str | None, level: str | None, district: str | None, city: str | None, province: str | None
) -> tuple[AreaFinding, ...]:
    if not _complete(name, level, district, city, province):
        return ()
    assert name is not None and city is not None and province is not None  # by _complete
    found = identify(name, level, district, city, province)
    if len(found) != 1:
        return ()
    return (_finding("region", "area.code_suggested", code=found[0].code, area=describe(found[0])),)


def identify(name: str, level: str | None, district: str | None, city: str, province: str) -> list[Area]:
    """The areas whose official names are exactly these (compared as :func:`same_name` does)."""
    places = [[p, r] for p in _named("", 1, province) for r in _named(p.code, 2, city)]
    found: list[Area] = []
    for chain in places:
        if level == "kecamatan":
            found.extend(area_of([*chain, d]) for d in _named(chain[-1].code, 3, name))
        elif district is not None:
            for d in _named(chain[-1].code, 3, district):
                found.extend(area_of([*chain, d, v]) for v in _named(d.code, 4, name))
    if level in VILLAGE_LEVELS and len(found) > 1:
        # The same name can be both a desa and a kelurahan only in different kecamatan; the level tells them apart.
        found = [a for a in found if a.level == level] or found
    return found


@functools.lru_cache(maxsize=4096)
def _named(code: str, parts: int, given: str) -> tuple[Place, ...]:
    """The areas with ``parts`` code parts below ``code`` whose official name is ``given`` (:func:`same_name`).

    Kept: a batch's files name the same few provinces, kabupaten/kota and kecamatan, and
    comparing a name with every province and kabupaten/kota of one was most of a check's cost.
    """
    return tuple(place for place in children(code, parts) if same_name(given, place.name))


def closest_areas(
    code: str | None,
    name: str | None,
    level: str | None,
    district: str | None,
    city: str | None,
    province: str | None,
    limit: int = 3,
) -> list[Area]:
    """The areas whose names are closest to the given ones, for a code that is not in the table.

    Looked for among the areas under the code's longest known prefix, under
    the best match of the given province, city and district, and among the
    search results for the name; ranked by the likeness of the name, then by
    agreeing parents.
    """
    if not name:
        return []
    canonical = canonical_code(code or "") or ""
    depth = 3 if level == "kecamatan" or canonical.count(".") == 2 else 4
    pool: dict[str, Area] = {}

    def add(areas: Iterable[Area]) -> None:
        for area in areas:
            if area.code.count(".") + 1 == depth:
                pool.setdefault(area.code, area)

    parts = canonical.split(".")
    for known in range(min(len(parts), depth) - 1, 1, -1):
        prefix = ".".join(parts[:known])
        if by_code(prefix) is not None:
            add(descendants(prefix, depth))
            break
    scope = _closest_scope(province, city, district if depth == 4 else None)
    if scope:
        add(descendants(scope, depth))
    from .lookup import search  # the rare path of a code not in the table: a check by code never imports it

    add(match.area for match in search(name, limit=50, thorough=False))
    target = bare_key(name)
    scored = []
    for area in pool.values():
        likeness = similarity(target, bare_key(area.name))
        if likeness < 0.6:
            continue
        agree = sum(
            0.1
            for given, place in ((district, area.district), (city, area.regency), (province, area.province))
            if given and place and same_name(given, place.name)
        )
        scored.append((-(likeness + agree), area.code, area))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [area for _, _, area in scored[:limit]]


def _closest_scope(province: str | None, city: str | None, district: str | None) -> str:
    """The code of the deepest parent whose name is close to the given one ("" when even the province is not)."""
    scope = ""
    for given, parts in ((province, 1), (city, 2), (district, 3)):
        if not given:
            break
        target = bare_key(given)
        options = [(similarity(target, bare_key(p.name)), p.code) for p in children(scope, parts)]
        best = max(options, default=(0.0, ""))
        if best[0] < 0.75:
            break
        scope = best[1]
    return scope


def template_region(code: str) -> dict[str, str] | None:
    """The ``region`` fields of a new region file for this code (``init --code``), or ``None``.

    ``None`` when the code is not in the table or names a province or a
    kabupaten/kota, which are not a region's level.
    """
    area = by_code(code)
    if area is None or area.level not in LEVELS:
        return None
    assert area.province is not None and area.regency is not None  # a kecamatan or below has both
    fields = {"name": area.name, "level": area.level, "code": area.code}
    if area.district is not None:
        fields["district"] = area.district.name
    fields["city"] = area.regency.name
    fields["province"] = area.province.name
    return fields
