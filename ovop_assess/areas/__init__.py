"""The official Kemendagri table of area codes: look-ups by code and by name, and the checks of a region's code.

The table ships as one file per level in ``data/areas`` (``code<TAB>name`` a
line, sorted by code; see ``NOTICE.md`` there for its source and licence).
The package, by concern:

- :mod:`.values`: what a look-up by code and a check give (:class:`Area`
  with its parents, :class:`AreaFinding`); :mod:`.edition` the table's;
- :mod:`.table`: the files mapped (mmap) and searched by code, touching a few
  pages; nothing is opened until a look-up asks, so a region file without a
  code and without a full set of names never reads the table;
- :mod:`.names`: names compared as the region format says (without case,
  spacing and the prefixes ``Kabupaten``, ``Kab.``, ``Kota``, ``Desa``,
  ``Kelurahan``, ``Kecamatan``; punctuation counts as spacing);
- :mod:`.lookup`: free text (``ovop-assess area QUERY``), which reads the
  files whole once per process, with its results (:class:`Match`,
  :class:`Lookup`, :class:`BadQuery` for a query naming nothing), and the
  nearest codes of an unknown one; imported on first use, as the edition,
  so that checking a region file does not pay for it;
- :mod:`.check`: a region's code and names against the table, and the
  fields of a new region file (``init --code``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .check import check_region, closest_areas, identify, template_region
from .names import fold, same_name
from .table import by_code, canonical_code
from .values import DESCRIPTION_JOINER, Area, AreaFinding, Level, Place, describe

if TYPE_CHECKING:
    from .edition import DATASET, Dataset
    from .lookup import BadQuery, Lookup, Match, look_up, nearest_codes, search

# Imported on first use, so that checking a region file does not pay for them.
_LAZY = {
    "DATASET": "edition",
    "Dataset": "edition",
    "BadQuery": "lookup",
    "Lookup": "lookup",
    "Match": "lookup",
    "look_up": "lookup",
    "nearest_codes": "lookup",
    "search": "lookup",
}

__all__ = [
    "DATASET",
    "DESCRIPTION_JOINER",
    "Area",
    "AreaFinding",
    "BadQuery",
    "Dataset",
    "Level",
    "Lookup",
    "Match",
    "Place",
    "by_code",
    "canonical_code",
    "check_region",
    "closest_areas",
    "describe",
    "fold",
    "identify",
    "look_up",
    "nearest_codes",
    "same_name",
    "search",
    "template_region",
]


def __getattr__(name: str) -> object:
    """The search and the edition, from :mod:`.lookup` and :mod:`.edition` imported on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
