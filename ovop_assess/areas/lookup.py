"""Finding areas by free text (``ovop-assess area QUERY``): matching words in names, ranking, near codes.

A search reads the table's files whole once per process (about 10 ms) and
looks for each word in the folded names; a word found nowhere is replaced by
the table's words within a small misspelling of it (``data/areas/words.txt``).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from ..errors import UsageError
from ..results import Message
from .names import PREFIXES, bare, fold, words
from .table import DIR, FILES, by_code, canonical_code, children, descendants, table
from .values import Area


class Match(NamedTuple):
    """A search result. ``exact`` is false when the area was found only through a close spelling, or holds
    only some of the query's words; ``partial``: the latter, every word spelled as the table spells it."""

    area: Area
    exact: bool
    partial: bool = False


class Lookup(NamedTuple):
    """What ``ovop-assess area QUERY`` found: the areas, best first; ``code`` when the query was a code."""

    query: str
    code: str | None
    matches: tuple[Match, ...]
    nearest: tuple[Area, ...] = ()  # for a code not in the table
    short: tuple[str, ...] = ()  # the query's words of one or two letters, matched as whole words only


_whole: list[tuple[bytes, bytes]] = []  # the raw and the folded text of every level, read on the first search
_vocabulary: list[frozenset[bytes]] = []
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
# A word of one or two letters is inside tens of thousands of names (``ka``, ``an``): looking at each
# costs seconds, and a letter or two is no part of a name anyone searches for. Such a word matches only
# a whole word of a name (``Gu``, ``Ki``, the ``II`` of Sukamaju II).
SHORT: Final = 2
#: More words than an area's name and its parents' names hold together name no area; and each unknown
#: word costs a search of close spellings (a 1,500-word query took two minutes).
MAX_QUERY_WORDS: Final = 16
#: The longest word of any name in the table (18 letters in idn-area-data 4.0.1), with room for a newer edition.
LONGEST_WORD: Final = 40


def _whole_table() -> tuple[bytes, bytes]:
    if not _whole:
        raw = b"".join(bytes(table(parts)) for parts in FILES)
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
            name_words = folded[tab + 1 : end].decode("utf-8").split()
            quality = (
                3
                if bare(name_words) == [word]
                else 2
                if word in name_words
                else 1
                if any(w.startswith(word) for w in name_words)
                else 0
            )
            code = raw[start:tab].decode("ascii")
            found[code] = max(quality, found.get(code, 0))
        at = folded.find(key, end)
    return found


def _word_hits(word: str) -> dict[str, int]:
    """As :func:`_hits`, but only whole words (3 the whole name, 2 a word), found by a regular expression:
    the scan runs in C however many names hold the word as a piece of a longer one.
    """
    raw, folded = _whole_table()
    found: dict[str, int] = {}
    key = re.escape(word.encode("utf-8"))
    # The word first: a pattern that starts with its literal text is scanned for it fast (about 20 times
    # faster over the 2.4 MB than one that starts with the look-behind).
    for hit in re.finditer(key + rb"(?=[ \n])(?<=[ \t]" + key + rb")", folded):
        at, after = hit.span()
        start = folded.rfind(b"\n", 0, at) + 1
        tab = folded.find(b"\t", start)
        if at > tab:
            end = folded.find(b"\n", after)
            quality = 3 if bare(folded[tab + 1 : end].decode("utf-8").split()) == [word] else 2
            code = raw[start:tab].decode("ascii")
            found[code] = max(quality, found.get(code, 0))
    return found


def _close_words(word: str, thorough: bool = True) -> list[str]:
    """Words of the table's names within a small misspelling of ``word`` (one edit unless ``thorough``)."""
    if not _vocabulary:
        # The distinct words of all names, made by the update script: splitting the 350,000 words of the
        # table here would cost 50 ms and more.
        with open(DIR / "words.txt", "rb") as file:
            _vocabulary.append(frozenset(file.read().split()))
    vocabulary = _vocabulary[0]
    if len(word) > LONGEST_WORD + 2:
        # Within two edits of no word of the table; and the edits of a long word cost its length squared
        # times the alphabet in memory (an 8,000-letter name: gigabytes), so none are made.
        return []
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    close = sorted(w.decode("utf-8") for w in {e.encode("utf-8") for e in edits} & vocabulary)
    if close or len(word) < 5 or not thorough:
        return close
    import difflib  # only on this rare path: it costs a few milliseconds to import

    similar = [w.decode("utf-8") for w in vocabulary if abs(len(w) - len(word)) <= 2]
    return difflib.get_close_matches(word, similar, n=5, cutoff=0.75)


def search(query: str, limit: int = 10, *, thorough: bool = True) -> list[Match]:
    """The areas matching a code, a name or several words (``kauman surakarta``), best first.

    Every word must appear in the area's name or in one of its parents'
    names; the area's own name must hold at least one of them. A word of one
    or two letters matches only a whole word of a name. A longer word found
    nowhere is replaced by the table's words within a small misspelling of
    it, and those matches are not ``exact``. Without ``thorough``, only one
    edit away: comparing with every word of the table costs about 300 ms a
    word, fine for a person's query but not for checking every file of a batch.
    """
    code = canonical_code(query)
    if code is not None:
        area = by_code(code)
        return [Match(area, True)] if area is not None else []
    query_words = [w for w in bare(words(query)) if w not in PREFIXES]
    if not thorough:  # a letter or two names no place, and is in hundreds of thousands of names
        query_words = [w for w in query_words if len(w) > SHORT]
    if not query_words or limit <= 0 or len(query_words) > MAX_QUERY_WORDS:
        return []
    exact = True
    hits: list[dict[str, int]] = []
    for word in query_words:
        hits_of = _hits if thorough and len(word) > SHORT else _word_hits
        found = hits_of(word)
        if not found and len(word) > SHORT:  # a letter or two away from a short word is any other short word
            exact = False
            for close in _close_words(word, thorough):
                for hit, quality in hits_of(close).items():
                    found[hit] = max(quality, found.get(hit, 0))
        hits.append(found)
    ranked, best_cover = _ranked(hits)
    complete = best_cover == len(query_words)
    matches = []
    for candidate in ranked[:limit]:
        area = by_code(candidate)
        if area is not None:
            matches.append(Match(area, exact and complete, exact and not complete))
    return matches


def _ranked(hits: list[dict[str, int]]) -> tuple[list[str], int]:
    """The codes covering the most words, best first, and how many words they cover."""
    ranked: list[tuple[tuple[int, int, int, int, str], str]] = []
    best_cover = 0
    for candidate in set().union(*hits):
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
    return [candidate for _, candidate in ranked], best_cover


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
            pool = descendants(prefix, depth)
            break
    else:
        pool = [area for place in children("", 1) if (area := by_code(place.code)) is not None] if depth == 1 else []
    wanted = int(canonical.replace(".", ""))
    pool.sort(key=lambda area: (abs(int(area.code.replace(".", "")) - wanted), area.code))
    return pool[:limit]


class BadQuery(UsageError):
    """A query that is neither a code nor a name (exit 2); its message says which of three mistakes it is."""

    @classmethod
    def of(cls, query: str) -> BadQuery:
        """The refusal of ``query``: with a digit, a code in no code's shape; with words, prefixes only
        (``Kabupaten``: the name was left out); else nothing to look up."""
        if any(c.isdigit() for c in query):
            return cls(Message("area.bad_code", {"query": query}))
        if words(query):  # refused words are all prefixes: look_up searches any other
            return cls(Message("area.prefix_only", {"query": query}))
        return cls(Message("area.empty_query", {}))


def look_up(query: str, limit: int = 10) -> Lookup:
    """The areas a code or a name names (see :func:`search`); :class:`BadQuery` for a query that is neither.

    A query of digits and dots is a code: in a shape no code has
    (``33.7``), it is refused rather than searched as words. A query empty,
    or of a name's prefixes only (``Kabupaten``), names nothing.
    """
    query = " ".join(query.split())
    code = canonical_code(query)
    if code is not None:
        area = by_code(code)
        if area is None:
            return Lookup(query, code, (), tuple(nearest_codes(code)))
        return Lookup(query, code, (Match(area, True),))
    if not query or not query.replace(".", "").replace(" ", "").strip("0123456789"):
        raise BadQuery.of(query)
    query_words = [w for w in bare(words(query)) if w not in PREFIXES]
    if not query_words:
        raise BadQuery.of(query)
    short = tuple(w for w in query_words if len(w) <= SHORT)
    return Lookup(query, None, tuple(search(query, limit)), short=short)
