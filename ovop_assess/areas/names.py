"""Comparing area names as the region format says: without case, spacing and the area prefixes.

The prefixes are ``Kabupaten``, ``Kab.``, ``Kota``, ``Desa``, ``Kelurahan``,
``Kecamatan`` (and their short forms); punctuation counts as spacing, and a
province's ``DKI``/``DI`` is spelled out as the table does.
"""

from __future__ import annotations

import functools
from typing import Final

PREFIXES: Final = frozenset({"kabupaten", "kab", "kota", "desa", "kelurahan", "kel", "kecamatan", "kec", "provinsi"})
_REGENCY_TYPES: Final = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota"}
# Province names are often written with these abbreviations; the table spells them out.
_ABBREVIATIONS: Final = {"dki": ("daerah", "khusus", "ibukota"), "di": ("daerah", "istimewa")}
_PUNCTUATION: Final = bytes.maketrans(b"-'.,/\"()*`", b"          ")


def words(text: str) -> list[str]:
    """The words of a name, folded (lower case, punctuation as spaces), a leading abbreviation spelled out."""
    folded = text.lower().encode("utf-8").translate(_PUNCTUATION).decode("utf-8")
    found: list[str] = []
    for word in folded.split():
        found.extend(_ABBREVIATIONS.get(word, (word,)) if not found else (word,))
    return found


def bare(name_words: list[str]) -> list[str]:
    """The words without the leading prefixes (a name that is only a prefix keeps its last word)."""
    rest = list(name_words)
    while len(rest) > 1 and rest[0] in PREFIXES:
        rest.pop(0)
    return rest


def bare_key(text: str) -> str:
    """A name's words without prefixes, joined: what likeness of names is measured on."""
    return "".join(bare(words(text)))


def fold(text: bytes) -> bytes:
    """Text as names are searched: ASCII lower case, punctuation as spaces (byte for byte, so offsets hold)."""
    return text.lower().translate(_PUNCTUATION)


def same_name(given: str, official: str) -> bool:
    """Whether two names are the same area name, compared as the region format says.

    Both the name without its prefixes and the name as written are tried, so
    ``Kotabaru`` equals a place officially called ``Kota Baru``. A kabupaten
    and a kota of the same name (Kabupaten Bogor, Kota Bogor) are different
    places when the given name says which it is.
    """
    return given == official or _same_key(_name_key(given), _name_key(official))


@functools.lru_cache(maxsize=4096)
def _name_key(text: str) -> tuple[str | None, str, str]:
    """What :func:`same_name` compares: the regency type a name states, the name joined, and without prefixes.

    Cached: a check compares a file's few names with the table's provinces and
    kabupaten/kota, the same few hundred official names for every file.
    """
    found = words(text)
    kind = _REGENCY_TYPES.get(found[0]) if found else None
    return kind, "".join(found), "".join(bare(found))


def _same_key(given: tuple[str | None, str, str], official: tuple[str | None, str, str]) -> bool:
    if given[0] and official[0] and given[0] != official[0]:
        return False
    return given[1] == official[1] or given[2] == official[2]


def similarity(a: str, b: str) -> float:
    """How alike two keys are, 0 to 1 (difflib, imported only on this rare path)."""
    short, long = sorted((len(a), len(b)))
    if long > 4 * max(short, 16):
        # Its upper bound, and no closer than that: difflib costs the product of the lengths, and a
        # hostile 8,000-letter name against each of thousands of official names would take seconds.
        return 2 * short / (short + long)
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio()
