"""The official Kemendagri table of area codes: look-ups by code and by name, and the checks of a region's code.

The table ships as one file per level in ``data/areas`` (``code<TAB>name`` a
line, sorted by code; see ``NOTICE.md`` there for its source and licence).
A look-up maps the level's file (mmap) and finds a code by binary search, so
it touches a few pages instead of reading 2 MB: a cold look-up costs about as
much as importing one small module. Nothing is opened until a look-up asks,
so a region file without a code and without a full set of names never reads
the table. A free-text :func:`search` reads the files whole once per process.

Names are compared as the region format says: without case, spacing and the
prefixes ``Kabupaten``, ``Kab.``, ``Kota``, ``Desa``, ``Kelurahan``,
``Kecamatan`` (punctuation counts as spacing).
"""

from __future__ import annotations

import functools
import mmap
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

from . import area_dataset
from .messages.areas import CHECKS

Level = Literal["provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa"]


class Dataset(NamedTuple):
    """The edition of the table, for report headers and the checklist footer."""

    name: str
    version: str
    licence: str
    decree: str


DATASET: Final = Dataset(area_dataset.NAME, area_dataset.VERSION, area_dataset.LICENCE, area_dataset.DECREE)


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


class Match(NamedTuple):
    """A search result. ``exact`` is false when the area was found only through a close spelling."""

    area: Area
    exact: bool


class AreaFinding(NamedTuple):
    """A warning about a region's code or names: the field it is about, a message id and its values."""

    path: str
    message_id: str
    values: Mapping[str, object]


# The checks' sentences, in the catalogue's area of the table (ovop_assess.messages.areas).
MESSAGES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(CHECKS)

_DIR: Final = Path(__file__).parent / "data" / "areas"
_FILES: Final = {1: "provinces", 2: "regencies", 3: "districts", 4: "villages"}  # by the number of code parts
_CODE: Final = re.compile(r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?")
_UNDOTTED: Final = re.compile(r"[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{10}")
_PREFIXES: Final = frozenset({"kabupaten", "kab", "kota", "desa", "kelurahan", "kel", "kecamatan", "kec", "provinsi"})
_REGENCY_TYPES: Final = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota"}
# Province names are often written with these abbreviations; the table spells them out.
_ABBREVIATIONS: Final = {"dki": ("daerah", "khusus", "ibukota"), "di": ("daerah", "istimewa")}
_PUNCTUATION: Final = bytes.maketrans(b"-'.,/\"()*`", b"          ")

_tables: dict[int, mmap.mmap | bytes] = {}
_whole: list[tuple[bytes, bytes]] = []  # the raw and the folded text of every level, read on the first search
_vocabulary: list[frozenset[bytes]] = []


def _table(parts: int) -> mmap.mmap | bytes:
    table = _tables.get(parts)
    if table is None:
        with open(_DIR / f"{_FILES[parts]}.tsv", "rb") as file:
            size = file.seek(0, 2)
            table = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        _tables[parts] = table
    return table


def _lower_bound(table: mmap.mmap | bytes, key: bytes) -> int:
    """The offset of the first line whose code is not below ``key`` (the table's end when none)."""
    low, high = 0, len(table)
    while low < high:
        start = table.rfind(b"\n", 0, (low + high) // 2) + 1
        end = table.find(b"\n", start)
        if table[start : table.find(b"\t", start, end)] < key:
            low = end + 1
        else:
            high = start
    return low


def _rows(table: mmap.mmap | bytes, start: int, stop: int) -> list[Place]:
    rows = []
    for line in table[start:stop].decode("utf-8").splitlines():
        code, _, name = line.partition("\t")
        rows.append(Place(code, name))
    return rows


def _name(code: str) -> str | None:
    table = _table(code.count(".") + 1)
    start = _lower_bound(table, code.encode())
    end = table.find(b"\n", start)
    line = table[start:end]
    code_part, _, name = line.partition(b"\t")
    return name.decode("utf-8") if code_part == code.encode() else None


def _children(code: str, parts: int) -> list[Place]:
    """The areas with ``parts`` code parts below ``code`` (every one of them when ``code`` is empty)."""
    table = _table(parts)
    if not code:
        return _rows(table, 0, len(table))
    return _rows(table, _lower_bound(table, f"{code}.".encode()), _lower_bound(table, f"{code}/".encode()))


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
    if len(parts) == 3:
        return "kecamatan"
    # The village part's first digit: 1 a kelurahan, 2 a desa, 3 a desa adat.
    return "kelurahan" if parts[3].startswith("1") else "desa"


def by_code(code: str) -> Area | None:
    """The area with this code and its parents, or ``None`` when the code is not in the table."""
    canonical = canonical_code(code)
    if canonical is None:
        return None
    parts = canonical.split(".")
    places = []
    for depth in range(1, len(parts) + 1):
        prefix = ".".join(parts[:depth])
        name = _name(prefix)
        if name is None:
            return None
        places.append(Place(prefix, name))
    return _area(places)


def _area(places: list[Place]) -> Area:
    own = places[-1]
    parents: list[Place | None] = [*places[:-1], None, None, None][:3]
    return Area(own.code, own.name, _level(own.code, own.name), parents[0], parents[1], parents[2])


# --- comparing names ------------------------------------------------------


def _words(text: str) -> list[str]:
    folded = text.lower().encode("utf-8").translate(_PUNCTUATION).decode("utf-8")
    words: list[str] = []
    for word in folded.split():
        words.extend(_ABBREVIATIONS.get(word, (word,)) if not words else (word,))
    return words


def _bare(words: list[str]) -> list[str]:
    rest = list(words)
    while len(rest) > 1 and rest[0] in _PREFIXES:
        rest.pop(0)
    return rest


def same_name(given: str, official: str) -> bool:
    """Whether two names are the same area name, compared as the region format says.

    Both the name without its prefixes and the name as written are tried, so
    ``Kotabaru`` equals a place officially called ``Kota Baru``. A kabupaten
    and a kota of the same name (Kabupaten Bogor, Kota Bogor) are different
    places when the given name says which it is.
    """
    return _same_key(_name_key(given), _name_key(official))


@functools.lru_cache(maxsize=4096)
def _name_key(text: str) -> tuple[str | None, str, str]:
    """What :func:`same_name` compares: the regency type a name states, the name joined, and without prefixes.

    Cached: a check compares a file's few names with the table's provinces and
    kabupaten/kota, the same few hundred official names for every file.
    """
    words = _words(text)
    kind = _REGENCY_TYPES.get(words[0]) if words else None
    return kind, "".join(words), "".join(_bare(words))


def _same_key(given: tuple[str | None, str, str], official: tuple[str | None, str, str]) -> bool:
    if given[0] and official[0] and given[0] != official[0]:
        return False
    return given[1] == official[1] or given[2] == official[2]


# --- searching by name ----------------------------------------------------


def fold(text: bytes) -> bytes:
    """Text as names are searched: ASCII lower case, punctuation as spaces (byte for byte, so offsets hold)."""
    return text.lower().translate(_PUNCTUATION)


def _whole_table() -> tuple[bytes, bytes]:
    if not _whole:
        raw = b"".join(bytes(_table(parts)) for parts in _FILES)
        _whole.append((raw, fold(raw)))
    return _whole[0]


def _hits(word: str) -> dict[str, int]:
    """The codes whose own name contains ``word``, each with how well: 3 the whole name, 2 a word, 1 a word's start."""
    raw, folded = _whole_table()
    key = word.encode("utf-8")
    found: dict[str, int] = {}
    at = folded.find(key)
    while at != -1:
        start = folded.rfind(b"\n", 0, at) + 1
        tab = folded.find(b"\t", start)
        end = folded.find(b"\n", at)
        if at > tab:
            words = folded[tab + 1 : end].decode("utf-8").split()
            bare = _bare(words)
            quality = (
                3 if bare == [word] else 2 if word in words else 1 if any(w.startswith(word) for w in words) else 0
            )
            code = raw[start:tab].decode("ascii")
            found[code] = max(quality, found.get(code, 0))
        at = folded.find(key, end)
    return found


def _word_hits(word: str) -> dict[str, int]:
    """As :func:`_hits`, but only whole words (3 the whole name, 2 a word): a common piece of a word
    (``an``) is inside tens of thousands of names, and looking at each costs seconds.
    """
    raw, folded = _whole_table()
    key = word.encode("utf-8")
    found: dict[str, int] = {}
    at = folded.find(key)
    while at != -1:
        after = at + len(key)
        if folded[at - 1 : at] in (b" ", b"\t") and folded[after : after + 1] in (b" ", b"\n"):
            start = folded.rfind(b"\n", 0, at) + 1
            tab = folded.find(b"\t", start)
            if at > tab:
                end = folded.find(b"\n", after)
                quality = 3 if _bare(folded[tab + 1 : end].decode("utf-8").split()) == [word] else 2
                code = raw[start:tab].decode("ascii")
                found[code] = max(quality, found.get(code, 0))
        at = folded.find(key, after)
    return found


def _close_words(word: str, thorough: bool = True) -> list[str]:
    """Words of the table's names within a small misspelling of ``word`` (one edit unless ``thorough``)."""
    if not _vocabulary:
        # The distinct words of all names, made by the update script: splitting the 350,000 words of the
        # table here would cost 50 ms and more.
        with open(_DIR / "words.txt", "rb") as file:
            _vocabulary.append(frozenset(file.read().split()))
    vocabulary = _vocabulary[0]
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    close = sorted(w.decode("utf-8") for w in {e.encode("utf-8") for e in edits} & vocabulary)
    if close or len(word) < 5 or not thorough:
        return close
    import difflib  # only on this rare path: it costs a few milliseconds to import

    similar = [w.decode("utf-8") for w in vocabulary if abs(len(w) - len(word)) <= 2]
    return difflib.get_close_matches(word, similar, n=5, cutoff=0.75)


def search(query: str, limit: int = 10, *, thorough: bool = True) -> list[Match]:
    """The areas matching a code, a name or several words (``kauman surakarta``), best first.

    Every word must appear in the area's name or in one of its parents'
    names; the area's own name must hold at least one of them. A word found
    nowhere is replaced by the table's words within a small misspelling of
    it, and those matches are not ``exact``. Without ``thorough``, only one
    edit away: comparing with every word of the table costs about 300 ms a
    word, fine for a person's query but not for checking every file of a batch.
    """
    code = canonical_code(query)
    if code is not None:
        area = by_code(code)
        return [Match(area, True)] if area is not None else []
    words = _bare(_words(query))
    words = [w for w in words if w not in _PREFIXES]
    if not thorough:  # a letter or two names no place, and is in hundreds of thousands of names
        words = [w for w in words if len(w) > 2]
    if not words or limit <= 0:
        return []
    exact = True
    hits: list[dict[str, int]] = []
    for word in words:
        hits_of = _hits if thorough else _word_hits
        found = hits_of(word)
        if not found:
            exact = False
            for close in _close_words(word, thorough):
                for hit, quality in hits_of(close).items():
                    found[hit] = max(quality, found.get(hit, 0))
        hits.append(found)
    ranked: list[tuple[tuple[int, int, int, int, str], str]] = []
    candidates = set().union(*hits)
    best_cover = 0
    for candidate in candidates:
        parts = candidate.split(".")
        ancestors = [".".join(parts[:depth]) for depth in range(1, len(parts))]
        own = [found.get(candidate, -1) for found in hits]
        # A parent counts only for the words the area's own name lacks: Desa Kauman in Kecamatan Kauman
        # is no better a match for "kauman" than Kecamatan Kauman itself.
        inherited = [
            max((found.get(a, -1) for a in ancestors), default=-1) if o < 0 else -1
            for o, found in zip(own, hits, strict=True)
        ]
        covered = sum(1 for o, i in zip(own, inherited, strict=True) if max(o, i) >= 0)
        if covered < best_cover:
            continue
        if covered > best_cover:
            best_cover, ranked = covered, []
        whole = sum(1 for o in own if o == 3)
        key = (-whole, -sum(max(o, 0) for o in own), -sum(max(i, 0) for i in inherited), len(parts), candidate)
        ranked.append((key, candidate))
    ranked.sort()
    complete = best_cover == len(words)
    matches = []
    for _, candidate in ranked[:limit]:
        area = by_code(candidate)
        if area is not None:
            matches.append(Match(area, exact and complete))
    return matches


# --- checking a region ----------------------------------------------------


def describe(area: Area) -> str:
    """``33.72.03.1009 Kauman, Pasar Kliwon, Kota Surakarta, Jawa Tengah``: the code, then the names upwards."""
    names = [area.name, *(place.name for place in reversed(area.parents))]
    return f"{area.code} {', '.join(names)}"


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
    places = [
        [p, r]
        for p in _children("", 1)
        if same_name(province, p.name)
        for r in _children(p.code, 2)
        if same_name(city, r.name)
    ]
    found: list[Area] = []
    for chain in places:
        districts = _children(chain[-1].code, 3)
        if level == "kecamatan":
            found.extend(_area([*chain, d]) for d in districts if same_name(name, d.name))
        elif district is not None:
            for d in districts:
                if same_name(district, d.name):
                    found.extend(_area([*chain, d, v]) for v in _children(d.code, 4) if same_name(name, v.name))
    if level in ("desa", "kelurahan") and len(found) > 1:
        # The same name can be both a desa and a kelurahan only in different kecamatan; the level tells them apart.
        found = [a for a in found if a.level == level] or found
    return found


def _similarity(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio()


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
            add(_descendants(prefix, depth))
            break
    scope = _closest_scope(province, city, district if depth == 4 else None)
    if scope:
        add(_descendants(scope, depth))
    add(match.area for match in search(name, limit=50, thorough=False))
    target = "".join(_bare(_words(name)))
    scored = []
    for area in pool.values():
        likeness = _similarity(target, "".join(_bare(_words(area.name))))
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


def _descendants(code: str, depth: int) -> list[Area]:
    areas = []
    base = by_code(code)
    if base is None:
        return []
    chains: list[list[Place]] = [[*base.parents, Place(base.code, base.name)]]
    for parts in range(code.count(".") + 2, depth + 1):
        chains = [[*chain, child] for chain in chains for child in _children(chain[-1].code, parts)]
    areas = [_area(chain) for chain in chains]
    return areas


def _closest_scope(province: str | None, city: str | None, district: str | None) -> str:
    """The code of the deepest parent whose name is close to the given one ("" when even the province is not)."""
    scope = ""
    for given, parts in ((province, 1), (city, 2), (district, 3)):
        if not given:
            break
        target = "".join(_bare(_words(given)))
        options = [(_similarity(target, "".join(_bare(_words(p.name)))), p.code) for p in _children(scope, parts)]
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
    if area is None or area.level not in ("kecamatan", "kelurahan", "desa"):
        return None
    assert area.province is not None and area.regency is not None  # a kecamatan or below has both
    fields = {"name": area.name, "level": area.level, "code": area.code}
    if area.district is not None:
        fields["district"] = area.district.name
    fields["city"] = area.regency.name
    fields["province"] = area.province.name
    return fields


def nearest_codes(code: str, limit: int = 3) -> list[Area]:
    """For a code not in the table, the codes of its level nearest to it under its longest known prefix.

    ``33.72.03.1099`` gives the kelurahan of Kecamatan Pasar Kliwon whose
    codes are closest to 1099; with no known prefix at all, nothing.
    """
    canonical = canonical_code(code)
    if canonical is None:
        return []
    parts = canonical.split(".")
    depth = len(parts)
    for known in range(depth - 1, 0, -1):
        prefix = ".".join(parts[:known])
        if by_code(prefix) is not None:
            pool = _descendants(prefix, depth)
            break
    else:
        pool = [area for place in _children("", 1) if (area := by_code(place.code)) is not None] if depth == 1 else []
    wanted = int(canonical.replace(".", ""))
    pool.sort(key=lambda area: (abs(int(area.code.replace(".", "")) - wanted), area.code))
    return pool[:limit]


class Lookup(NamedTuple):
    """What ``ovop-assess area QUERY`` found: the areas, best first; ``code`` when the query was a code."""

    query: str
    code: str | None
    matches: tuple[Match, ...]
    nearest: tuple[Area, ...] = ()  # for a code not in the table


def look_up(query: str, limit: int = 10) -> Lookup:
    """The areas a code or a name names (see :func:`search`); ``ValueError`` for a query that is neither.

    A query of digits and dots is a code: in a shape no code has
    (``33.7``), it is refused rather than searched as words.
    """
    query = " ".join(query.split())
    code = canonical_code(query)
    if code is not None:
        area = by_code(code)
        if area is None:
            return Lookup(query, code, (), tuple(nearest_codes(code)))
        return Lookup(query, code, (Match(area, True),))
    if not query or not query.replace(".", "").replace(" ", "").strip("0123456789"):
        raise ValueError(query)
    words = [w for w in _bare(_words(query)) if w not in _PREFIXES]
    if not words:
        raise ValueError(query)
    return Lookup(query, None, tuple(search(query, limit)))
