"""Whether two assessments are of the same sentra: ``compare`` refuses two that are not, and ``round
--previous`` finds a candidate in last round's report by the same rule.

By the area code when both give one; otherwise by name and kabupaten/kota,
compared as the area checks compare names (any case, punctuation, prefixes
such as "Desa", "Kecamatan" or "Kabupaten"), and a kecamatan is never a
desa/kelurahan.
"""

from __future__ import annotations

from collections.abc import Sequence

from .results import Message, RegionInfo


def mismatch(old: RegionInfo, new: RegionInfo) -> Message | None:
    """Why two regions are not the same sentra, or None when they are."""
    from .areas import canonical_code, same_name

    if old.code and new.code:
        old_code = canonical_code(old.code) or old.code
        new_code = canonical_code(new.code) or new.code
        return None if old_code == new_code else Message("compare.why_code", {"old": old_code, "new": new_code})
    if not same_name(old.name, new.name):
        return Message("compare.why_name", {"old": old.name, "new": new.name})
    if not same_name(old.city, new.city):
        return Message("compare.why_city", {"old": old.city, "new": new.city})
    if (old.level == "kecamatan") != (new.level == "kecamatan"):
        return Message("compare.why_level", {"old": old.level, "new": new.level})
    return None


def name_key(region: RegionInfo) -> tuple[str, str]:
    """The name and kabupaten/kota without case, spacing or prefixes: equal for any two regions
    :func:`mismatch` may find the same by name (an index, checked by :func:`mismatch` after)."""
    from .areas.names import bare_key

    return bare_key(region.name), bare_key(region.city)


def code_key(region: RegionInfo) -> str | None:
    """The area code in its canonical form (``3372031009`` → ``33.72.03.1009``), None without one."""
    from .areas import canonical_code

    return (canonical_code(region.code) or region.code) if region.code else None


def repeated_candidates(regions: Sequence[tuple[str, RegionInfo | None]]) -> list[tuple[str, str, RegionInfo]]:
    """Pairs of files (labels) in ``regions`` that propose the same product for the same sentra, each later
    file with the first of its kind: an old copy left in the round's folder ranks a candidate twice. Two
    products of one desa are two candidates, and are not paired (the tool's own reading: a kabupaten/kota
    proposes one sentra a year, which names an area and a product)."""
    from .areas.names import bare_key

    seen: list[tuple[str, RegionInfo]] = []
    pairs: list[tuple[str, str, RegionInfo]] = []
    for label, region in regions:
        if region is None or not region.product:  # no product named (a draft): nothing to be the same
            continue
        for first, earlier in seen:
            if bare_key(earlier.product or "") == bare_key(region.product) and mismatch(earlier, region) is None:
                pairs.append((first, label, region))
                break
        else:
            seen.append((label, region))
    return pairs
