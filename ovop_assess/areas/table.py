"""Reading the shipped table: one sorted ``code<TAB>name`` file per level, mapped and searched by code.

A look-up maps the level's file (mmap) and finds a code by binary search, so
it touches a few pages instead of reading 2 MB: a cold look-up costs about as
much as importing one small module. Nothing is opened until a look-up asks.
"""

from __future__ import annotations

import functools
import mmap
import re
from pathlib import Path
from typing import Final

from .. import area_dataset
from ..region import code_level
from .values import Area, Level, Place

DIR: Final = Path(__file__).parent.parent / "data" / "areas"
FILES: Final = {1: "provinces", 2: "regencies", 3: "districts", 4: "villages"}  # by the number of code parts
_CODE: Final = re.compile(r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?")
_UNDOTTED: Final = re.compile(r"[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{10}")

_tables: dict[int, mmap.mmap | bytes] = {}
_widths: dict[int, int] = {}  # the length of a level's codes: every code of a level has as many characters


def edition() -> dict[str, str]:
    """The edition of the shipped table — ``name``, ``version``, ``licence``, ``decree`` — as every report names it.

    The JSON reports' ``area_table``, and the values of the ``area.dataset``
    sentence (the checklist's footer, ``area``'s table); :data:`.edition.DATASET`
    holds the same for the library's users. A function of the module a check
    imports anyway: a JSON report needs it at every run, and making
    :class:`.edition.Dataset` costs more than the whole run's use of it.
    """
    return {
        "name": area_dataset.NAME,
        "version": area_dataset.VERSION,
        "licence": area_dataset.LICENCE,
        "decree": area_dataset.DECREE,
    }


def table(parts: int) -> mmap.mmap | bytes:
    """The file of the level whose codes have ``parts`` parts, mapped on first use."""
    found = _tables.get(parts)
    if found is None:
        with open(DIR / f"{FILES[parts]}.tsv", "rb") as file:
            size = file.seek(0, 2)
            found = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        _tables[parts] = found
        _widths[parts] = found.find(b"\t")
    return found


def _lower_bound(parts: int, key: bytes) -> int:
    """The offset of the first line of a level whose code is not below ``key`` (the table's end when none)."""
    lines = table(parts)
    width = _widths[parts]
    low, high = 0, len(lines)
    while low < high:
        start = lines.rfind(b"\n", 0, (low + high) // 2) + 1
        if lines[start : start + width] < key:
            end = lines.find(b"\n", start + width)
            low = end + 1 if end >= 0 else len(lines)
        else:
            high = start
    return low


def _rows(lines: mmap.mmap | bytes, start: int, stop: int) -> list[Place]:
    rows = []
    for line in lines[start:stop].decode("utf-8").splitlines():
        code, _, name = line.partition("\t")
        rows.append(Place(code, name))
    return rows


def _name(code: str) -> str | None:
    parts = code.count(".") + 1
    key = code.encode()
    start = _lower_bound(parts, key)
    lines = _tables[parts]
    end = lines.find(b"\n", start)
    code_part, _, name = lines[start : end if end >= 0 else len(lines)].partition(b"\t")
    return name.decode("utf-8") if code_part == key else None


@functools.lru_cache(maxsize=16384)
def _parent_name(code: str) -> str | None:
    """:func:`_name` of a province, kabupaten/kota or kecamatan, kept: a batch's files share their parents
    (7,837 in the table: all of them fit, with room for codes that are not there)."""
    return _name(code)


def children(code: str, parts: int) -> list[Place]:
    """The areas with ``parts`` code parts below ``code`` (every one of them when ``code`` is empty)."""
    lines = table(parts)
    if not code:
        return _rows(lines, 0, len(lines))
    return _rows(lines, _lower_bound(parts, f"{code}.".encode()), _lower_bound(parts, f"{code}/".encode()))


def canonical_code(code: str) -> str | None:
    """``code`` in the table's dotted form (``3372031009`` and `` 33.72.03.1009 `` are accepted), or ``None``."""
    code = "".join(code.split())
    if _UNDOTTED.fullmatch(code):
        code = ".".join(filter(None, (code[:2], code[2:4], code[4:6], code[6:])))
    return code if _CODE.fullmatch(code) else None


def _level(code: str, name: str) -> Level:
    parts = code.split(".")
    if len(parts) == 1:
        return "provinsi"
    if len(parts) == 2:
        first = name.split(maxsplit=1)[0].lower() if name else ""
        return "kota" if first == "kota" or (first != "kabupaten" and parts[1] >= "70") else "kabupaten"
    # A kecamatan, or a village by its part's first digit (1 a kelurahan, 2 a desa); 3, a desa adat, is a desa.
    return code_level(code) or "desa"


def by_code(code: str) -> Area | None:
    """The area with this code and its parents, or ``None`` when the code is not in the table."""
    canonical = canonical_code(code)
    if canonical is None:
        return None
    parts = canonical.split(".")
    places = []
    for depth in range(1, len(parts) + 1):
        prefix = ".".join(parts[:depth])
        name = _name(prefix) if depth == len(parts) else _parent_name(prefix)
        if name is None:
            return None
        places.append(Place(prefix, name))
    return area_of(places)


def area_of(places: list[Place]) -> Area:
    """The area that is the last of ``places``, the others (province first) its parents."""
    own = places[-1]
    parents: list[Place | None] = [*places[:-1], None, None, None][:3]
    return Area(own.code, own.name, _level(own.code, own.name), parents[0], parents[1], parents[2])


def descendants(code: str, depth: int) -> list[Area]:
    """The areas with ``depth`` code parts below ``code``, each with its parents."""
    base = by_code(code)
    if base is None:
        return []
    chains: list[list[Place]] = [[*base.parents, Place(base.code, base.name)]]
    for parts in range(code.count(".") + 2, depth + 1):
        chains = [[*chain, child] for chain in chains for child in children(chain[-1].code, parts)]
    return [area_of(chain) for chain in chains]
