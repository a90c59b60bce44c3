"""The values a look-up by code and a check give: an area with its parents, a check's finding.

A search's results are :mod:`.lookup`'s, the edition of the table :mod:`.edition`'s: a check does
not create their classes (a ``NamedTuple`` class costs a few hundred microseconds to make).
"""

# No ``from __future__ import annotations`` here: NamedTuple (and pydantic) would compile each
# field's annotation from its text at start-up (6 µs each); written as objects, they are taken as they are.
from collections.abc import Mapping
from typing import Literal, NamedTuple

Level = Literal["provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa"]


class Place(NamedTuple):
    """A parent of an area: its code and official name."""

    code: str
    name: str


class Area(NamedTuple):
    """One row of the table with its parents; a parent at or below the area's own level is ``None``."""

    code: str
    name: str
    level: Level
    province: Place | None
    regency: Place | None
    district: Place | None

    @property
    def parents(self) -> tuple[Place, ...]:
        """Province down to the nearest parent."""
        return tuple(place for place in (self.province, self.regency, self.district) if place is not None)


class AreaFinding(NamedTuple):
    """A warning about a region's code or names: the field it is about, a message id and its values."""

    path: str
    message_id: str
    values: Mapping[str, object]


#: Between described areas in one sentence: each names its parents with commas, a semicolon keeps them apart.
DESCRIPTION_JOINER = "; "


def describe(area: Area) -> str:
    """``33.72.03.1009 Kauman, Pasar Kliwon, Kota Surakarta, Jawa Tengah``: the code, then the names upwards."""
    names = [area.name, *(place.name for place in reversed(area.parents))]
    return f"{area.code} {', '.join(names)}"
