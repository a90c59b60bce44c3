"""Hypothesis strategies for the fuzz tests: valid region documents, and ways to break them.

``region_documents()`` builds a *valid* ``ovop-region/1`` document as plain
Python data, covering every section of the format (spec: region-format.md);
``region_texts()`` lays it out as YAML (block or flow style, sorted or not,
with comments and blank lines inserted). The mutators below turn a valid
document into a broken one at four levels:

- data: drop a key, retype a value, insert an unknown (or non-text) key,
  duplicate a list item, empty a value;
- YAML: put a YAML 1.1 special (``no``, ``on``, ``2012-01-01``, ``0123``,
  ``.inf``...), a tag (``!!python/object/apply:os.system``, ``!custom``...),
  an anchor/alias or a merge key where a value or key was (through a marker
  string that the dumper writes plain, replaced in the text afterwards);
- text: duplicate a key or a line, delete/swap lines, re-indent, insert a
  tab or a stray character, truncate, add documents or directives;
- bytes: UTF-16/UTF-32, Latin-1/cp1252 with non-ASCII characters, a BOM,
  a NUL, a control character, an invalid byte, a cut UTF-8 sequence,
  CRLF line endings; apart from those, the line ends editors do not count
  (a lone CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR).

Sizes stay small (a dozen firms at most) so that each example runs in
milliseconds.
"""

from __future__ import annotations

import copy
import datetime
import functools
import re
from collections.abc import Callable
from typing import Any

import yaml
from hypothesis import strategies as st

FORMAT = "ovop-region/1"
RULE_IDS = [f"C{i}" for i in range(1, 9)]
EVIDENCE_KEYS = [
    "resource_profile",
    "champion_willingness_letter",
    "firm_list",
    "uniqueness_statement",
    "government_commitment_letter",
    "organization_deed",
    "rtrw_perda",
    "raw_material_statement",
    "access_map",
]

PathKey = tuple[str | int, ...]

# --- text ---------------------------------------------------------------------------

# Printable ASCII and a sample of the rest of Unicode (Latin, Javanese and Balinese script, CJK, Arabic,
# emoji, a combining mark, non-breaking and ideographic spaces). No line breaks, controls or surrogates,
# so a value always stays on its line. A fixed alphabet: drawing from all of Unicode costs more per example.
_ALPHABET = [chr(c) for c in range(0x20, 0x7F)] + list(
    "éèêëñüößØçÀÉ¿°©±§¶µ\u00a0\u3000ꦧꦠꦶꦏᬰᬳ᭄漢字ー中文العربية😀🌾\u0301€₹"
)
_CHARS = st.sampled_from(_ALPHABET)
_WORDS = [
    "Kauman",
    "Sambi",
    "Kadipiro",
    "Batik Kauman",
    "Kota Surakarta",
    "Jawa Tengah",
    "batik",
    "paper-craft",
    "Tembaga Tumang",
    "no",
    "yes",
    "on",
    "null",
    "~",
    "2012-01-01",
    "0123",
    ".inf",
    "12:30",
    "- item",
    "a: b",
    "#hash",
    "&anchor",
    "*alias",
    "!tag",
    "'quoted'",
    '"dq"',
    "{x}",
    "[y]",
    "Sêmbuh, Solo | 100%",
    "  padded  ",
    "<<",
    "---",
]


@functools.cache
def text(min_size: int = 1, max_size: int = 16) -> st.SearchStrategy[str]:
    """Short text; every value here is a valid region-file string (min_size 1 for required text,
    which must also hold more than white space)."""
    tricky = st.sampled_from([w for w in _WORDS if min_size <= len(w) <= max(max_size, 1)])
    plain = st.text(_CHARS, min_size=min_size, max_size=max_size)
    if min_size >= 1:
        plain = plain.filter(lambda value: bool(value.strip()))
    return st.one_of(tricky, plain)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field's value, explicitly null (allowed for every optional field), or absent (``_ABSENT``)."""
    return st.one_of(strategy, strategy, strategy, st.just(None), st.just(_ABSENT))


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


_ABSENT: Any = _Absent()


def _mapping(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not _ABSENT}


# --- numbers and dates --------------------------------------------------------------

years = st.integers(min_value=1900, max_value=2100)
counts = st.integers(min_value=0, max_value=10**12)
quantities = st.one_of(
    st.integers(min_value=0, max_value=10**9),
    st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False),
)
dates = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2032, 12, 31))
digits = st.characters(min_codepoint=ord("0"), max_codepoint=ord("9"))


@functools.cache
def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text(digits, min_size=n, max_size=n)


# --- sections ---------------------------------------------------------------------


@st.composite
def places(draw: st.DrawFn) -> dict[str, Any]:
    level = draw(st.sampled_from(["desa", "kelurahan", "kecamatan"]))
    head = draw(st.tuples(_digits(2), _digits(2), _digits(2)).map(".".join))
    # for a desa/kelurahan the kind digit may disagree with the level: only a warning
    village = head + "." + draw(st.sampled_from(["1", "2", "3", "0"])) + draw(_digits(3))
    code = head if level == "kecamatan" else village
    return _mapping(
        name=draw(text()),
        level=level,
        code=draw(st.one_of(st.just(code), st.just(code), st.just(None), st.just(_ABSENT))),
        district=draw(_maybe(text(0))),
        city=draw(text()),
        province=draw(text()),
        proposal_year=draw(_maybe(years)),
    )


@st.composite
def products(draw: st.DrawFn) -> dict[str, Any]:
    uniqueness = _mapping(
        raw_material=draw(_maybe(text(0, 30))),
        local_skill=draw(_maybe(text(0, 30))),
        culture=draw(_maybe(text(0, 30))),
    )
    return _mapping(
        name=draw(text()),
        category=draw(st.one_of(st.sampled_from(["batik", "paper-craft", "copper", "bamboo"]), text())),
        kbli=draw(_maybe(_digits(5))),
        export_oriented=draw(_maybe(st.booleans())),
        uniqueness=draw(_maybe(st.just(uniqueness))),
    )


resources = st.builds(
    lambda kind, description: _mapping(type=kind, description=description),
    st.sampled_from(["natural", "skill", "other"]),
    _maybe(text(0, 30)),
)


@st.composite
def firm_lists(draw: st.DrawFn, category: str | None, complete: bool = False) -> list[dict[str, Any]]:
    """Firms with unique names whose mentors are consistent with the champions.

    ``complete``: enough for C1 and C2 to pass (a willing champion with 3+ mentees, 10+ similar firms).
    """
    if complete:
        n_champions, n_mentees = draw(st.integers(1, 2)), draw(st.integers(3, 6))
        n_members = draw(st.integers(max(0, 10 - n_champions - n_mentees), 6))
    else:
        n_champions, n_mentees, n_members = draw(st.integers(0, 3)), draw(st.integers(0, 6)), draw(st.integers(0, 5))
    total = n_champions + n_mentees + n_members
    names = draw(st.lists(text(), min_size=total, max_size=total, unique=True))
    champions = names[:n_champions]
    same = st.just(category) if category is not None else st.just(_ABSENT)
    categories = st.sampled_from([_ABSENT, category]) if complete else st.one_of(st.just(_ABSENT), same, text())
    firms: list[dict[str, Any]] = []
    for i, name in enumerate(names):
        role = "champion" if i < n_champions else "mentee" if i < n_champions + n_mentees else "member"
        if role == "mentee":
            if len(champions) >= 2:
                mentor = champions[0] if complete else draw(st.sampled_from(champions))
            elif len(champions) == 1:
                mentor = draw(st.sampled_from([champions[0], _ABSENT, None]))
            else:
                mentor = draw(st.sampled_from([_ABSENT, None]))
        else:  # a mentor on a champion or member is ignored with a warning
            mentor = draw(st.one_of(st.just(_ABSENT), st.just(_ABSENT), st.just(_ABSENT), text()))
        willing = st.just(True) if complete and role == "champion" else _maybe(st.booleans())
        firms.append(
            _mapping(
                name=name,
                role=role,
                category=draw(categories),
                mentor=mentor,
                willing_to_lead=draw(willing),
                monthly_capacity=draw(_maybe(quantities)),
                nib=draw(_maybe(_digits(13))),
                workers=draw(_maybe(counts)),
            )
        )
    return draw(st.permutations(firms))


organizations = st.builds(
    lambda kind, name, established, legal_basis: _mapping(
        type=kind, name=name, established=established, legal_basis=legal_basis
    ),
    st.sampled_from(["paguyuban", "koperasi", "kub", "asosiasi", "kelompok_usaha", "other"]),
    text(),
    _maybe(years),
    _maybe(text(0)),
)

commitments = st.builds(
    lambda kind, description, year, amount, status: _mapping(
        type=kind, description=description, year=year, amount_idr=amount, status=status
    ),
    st.sampled_from(
        ["budget", "regulation", "training", "equipment", "promotion", "ip_facilitation", "financing", "other"]
    ),
    text(1, 30),
    _maybe(years),
    _maybe(counts),
    _maybe(st.sampled_from(["planned", "committed", "delivered"])),
)

spatial_plans = st.builds(
    lambda regulation, zone, conforms: _mapping(regulation=regulation, zone=zone, conforms=conforms),
    _maybe(text(0, 30)),
    _maybe(text(0)),
    _maybe(st.booleans()),
)

raw_materials = st.builds(
    lambda name, source: _mapping(name=name, source=source),
    text(),
    _maybe(st.sampled_from(["local", "regional", "national", "imported"])),
)

access = st.builds(
    lambda transport, stop: _mapping(public_transport=transport, nearest_stop_m=stop),
    _maybe(st.lists(st.one_of(st.sampled_from(["bus", "angkot", "train", "becak", "ojek"]), text()), max_size=4)),
    _maybe(quantities),
)

evidence = st.dictionaries(
    st.one_of(st.sampled_from(EVIDENCE_KEYS), text()), text(1, 24).map(lambda s: f"docs/{s}.pdf"), max_size=5
)

waivers = st.builds(
    lambda rule, reason, approved_by, expires: _mapping(
        rule=rule, reason=reason, approved_by=approved_by, expires=expires
    ),
    st.sampled_from(RULE_IDS),
    text(1, 30),
    _maybe(text(0)),
    # a bare date (YAML reads a date) or a quoted one (text, parsed by the model)
    _maybe(st.one_of(dates, dates.map(datetime.date.isoformat))),
)


def _section(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A top-level section: present (often), null (= not known), or absent."""
    return st.one_of(strategy, strategy, strategy, st.just(None), st.just(_ABSENT))


@st.composite
def _any_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document, every section independently present, null, empty or absent: mostly incomplete."""
    product = draw(st.one_of(products(), products(), products(), st.just(None), st.just(_ABSENT)))
    category = product.get("category") if isinstance(product, dict) else None
    return _mapping(
        format=FORMAT,
        region=draw(places()),
        product=product,
        resources=draw(_section(st.lists(resources, max_size=3))),
        firms=draw(_section(firm_lists(category))),
        organizations=draw(_section(st.lists(organizations, max_size=3))),
        government_commitment=draw(_section(st.lists(commitments, max_size=3))),
        spatial_plan=draw(_section(spatial_plans)),
        raw_materials=draw(_section(st.lists(raw_materials, max_size=3))),
        access=draw(_section(access)),
        evidence=draw(_section(evidence)),
        waivers=draw(_section(st.lists(waivers, max_size=3))),
    )


_FILLED = st.sampled_from(["Batik tulis", "Kertas koran bekas", "Tembaga tempa", "ꦧꦠꦶꦏ꧀", "Anyaman bambu"])


@st.composite
def _complete_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document with most sections filled in the way that passes, so that verdicts of every
    kind come out: each section is drawn as the generic generator would one time in six."""
    product = draw(products())
    product.update(export_oriented=True, uniqueness={draw(st.sampled_from(["local_skill", "culture"])): draw(_FILLED)})
    category = product["category"]
    doc = _mapping(format=FORMAT, region=draw(places()))

    def section(key: str, filled: Callable[[], Any], generic: st.SearchStrategy[Any]) -> None:
        value = filled() if draw(st.integers(0, 5)) > 0 else draw(generic)
        if value is not _ABSENT:
            doc[key] = value

    def commitment() -> dict[str, Any]:
        done = draw(commitments)
        done["status"] = draw(st.sampled_from(["committed", "delivered"]))
        return done

    def material() -> dict[str, Any]:
        return {**draw(raw_materials), "source": "local"}

    section("product", lambda: product, _section(st.just(product)))
    section("resources", lambda: draw(st.lists(resources, min_size=1, max_size=3)), _section(st.lists(resources)))
    section("firms", lambda: draw(firm_lists(category, complete=True)), _section(firm_lists(category)))
    section(
        "organizations",
        lambda: draw(st.lists(organizations, min_size=1, max_size=3)),
        _section(st.lists(organizations, max_size=3)),
    )
    section(
        "government_commitment",
        lambda: [commitment(), *draw(st.lists(commitments, max_size=2))],
        _section(st.lists(commitments, max_size=3)),
    )
    section(
        "spatial_plan",
        lambda: {"regulation": draw(_FILLED), "conforms": True, "zone": draw(text())},
        _section(spatial_plans),
    )
    section(
        "raw_materials",
        lambda: draw(st.permutations([material(), *draw(st.lists(raw_materials, max_size=2))])),
        _section(st.lists(raw_materials, max_size=3)),
    )
    section(
        "access",
        lambda: _mapping(
            public_transport=draw(st.lists(st.sampled_from(["bus", "angkot", "train"]), min_size=1, max_size=3)),
            nearest_stop_m=draw(st.one_of(st.just(_ABSENT), st.integers(0, 1000), st.floats(0, 1000))),
        ),
        _section(access),
    )
    section("evidence", lambda: draw(evidence), _section(evidence))
    section("waivers", lambda: draw(st.lists(waivers, max_size=2)), _section(st.lists(waivers, max_size=3)))
    return doc


def region_documents() -> st.SearchStrategy[dict[str, Any]]:
    """A valid region document as plain data: often complete (eligible or nearly), often sparse."""
    return st.one_of(_any_documents(), _complete_documents())


# --- layout -------------------------------------------------------------------------

_WIDE = 1_000_000  # never wrap a line: every value stays on one line, so comments can go between any two


def dump(data: Any, draw: st.DrawFn) -> str:
    """``data`` as YAML text, in a drawn layout."""
    return yaml.safe_dump(
        data,
        default_flow_style=draw(st.sampled_from([False, False, None, True])),
        sort_keys=draw(st.booleans()),
        allow_unicode=draw(st.booleans()),
        indent=draw(st.sampled_from([2, 2, 3, 4])),
        explicit_start=draw(st.booleans()),
        width=_WIDE,
    )


_COMMENT_TEXT = st.text(_CHARS, max_size=20)


def decorate(text_: str, draw: st.DrawFn) -> str:
    """Comments and blank lines inserted between lines and at their ends; sometimes no final line break
    (which puts the last value on the last line: an off-by-one line is then out of the file); sometimes
    CRLF line endings."""
    lines = text_.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines)))
        kind = draw(st.sampled_from(["blank", "comment", "trailing"]))
        if kind == "blank":
            lines.insert(at, " " * draw(st.integers(0, 3)))
        elif kind == "comment":
            lines.insert(at, " " * draw(st.integers(0, 6)) + "#" + draw(_COMMENT_TEXT))
        elif at < len(lines):
            lines[at] += "  #" + draw(_COMMENT_TEXT)
    if draw(st.booleans()):
        lines.insert(0, "# yaml-language-server: $schema=./ovop-region.schema.json")
    result = "\n".join(lines)
    if draw(st.integers(0, 3)) == 0:
        result = result.rstrip("\n")
    if draw(st.integers(0, 4)) == 0:
        result = result.replace("\n", "\r\n")
    return result


@st.composite
def region_texts(draw: st.DrawFn) -> str:
    """A valid region file's text."""
    return decorate(dump(draw(region_documents()), draw), draw)


# --- walking data -------------------------------------------------------------------


def paths(data: Any, prefix: PathKey = ()) -> list[PathKey]:
    """Every node's path, the root's ``()`` first."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.extend(paths(value, (*prefix, i)))
    return found


def get(data: Any, path: PathKey) -> Any:
    for part in path:
        data = data[part]
    return data


def put(data: Any, path: PathKey, value: Any) -> Any:
    """``data`` with the node at ``path`` replaced (the root when ``path`` is empty)."""
    if not path:
        return value
    get(data, path[:-1])[path[-1]] = value
    return data


# --- data-level mutations -----------------------------------------------------------

scalars = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(),
    st.booleans(),
    st.none(),
    st.text(max_size=8),
    st.sampled_from(["", " ", "ovop-region/2", "champion", "mentee", "desa", "C9", "c1"]),
    st.dates(),
    st.datetimes(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.one_of(st.text(max_size=6), scalars), inner, max_size=3)
    ),
    max_leaves=6,
)
_UNKNOWN_KEYS = [
    "nmae",
    "firm",
    "Format",
    "regoin",
    "catgory",
    "champions",
    "extra",
    "",
    " name",
    "name ",
    "NAME",
    "<<",
]
keys = st.one_of(
    st.sampled_from(_UNKNOWN_KEYS),
    st.text(max_size=8),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
    st.dates(),
)


@st.composite
def data_mutation(draw: st.DrawFn, data: Any) -> Any:
    """One data-level change to (a copy of) ``data``."""
    data = copy.deepcopy(data)
    every = paths(data)
    kind = draw(st.sampled_from(["drop", "retype", "unknown_key", "duplicate_item", "empty", "swap"]))
    if kind == "drop":
        droppable = [p for p in every if p and isinstance(p[-1], str)]
        if droppable:
            path = draw(st.sampled_from(droppable))
            del get(data, path[:-1])[path[-1]]
            return data
    if kind == "unknown_key":
        mappings = [p for p in every if isinstance(get(data, p), dict)]
        if mappings:
            target = get(data, draw(st.sampled_from(mappings)))
            target[draw(keys)] = draw(values)
            return data
    if kind == "duplicate_item":
        lists = [p for p in every if isinstance(get(data, p), list) and get(data, p)]
        if lists:
            target = get(data, draw(st.sampled_from(lists)))
            target.insert(draw(st.integers(0, len(target))), copy.deepcopy(draw(st.sampled_from(target))))
            return data
    if kind == "empty":
        path = draw(st.sampled_from(every))
        node = get(data, path)
        return put(data, path, type(node)() if isinstance(node, (dict, list, str)) else "")
    if kind == "swap" and len(every) > 2:
        a, b = draw(st.sampled_from(every[1:])), draw(st.sampled_from(every[1:]))
        if a[: len(b)] != b and b[: len(a)] != a:  # neither inside the other
            first, second = copy.deepcopy(get(data, a)), copy.deepcopy(get(data, b))
            put(data, a, second)
            put(data, b, first)
            return data
    # retype (and the fallback of the others)
    return put(data, draw(st.sampled_from(every)), draw(values))


# --- YAML-level mutations (through markers) -------------------------------------------

YAML11_SPECIALS = [
    "no",
    "No",
    "NO",
    "yes",
    "Yes",
    "on",
    "off",
    "On",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "2012-01-01",
    "2012-1-1",
    "2012-13-45",
    "2012-02-30",
    "2012-01-01 10:00:00",
    "2012-01-01T10:00:00Z",
    "2001-12-14t21:59:43.10-05:00",
    "0123",
    "0o17",
    "0x1F",
    "0b101",
    "0xZZ",
    "08",
    "1_000",
    "12:30",
    "190:20:30",
    "-1:30",
    ".inf",
    "-.inf",
    "+.inf",
    ".nan",
    ".NaN",
    "1e3",
    "1.5e+3",
    "-0",
    "+12",
    "-7",
    "1e400",
    "99999999999999999999999999",
    "''",
    '""',
    "=",
    "<<",
]
TAGS = [
    "!!python/object:os.system ls",
    "!!python/object/apply:os.system [{sentinel}]",
    "!!python/object/new:os.system [{sentinel}]",
    "!!python/name:os.system ''",
    "!!python/tuple [1, 2]",
    "!custom value",
    "!custom {{a: 1}}",
    "!custom [1]",
    "!custom",
    "!!binary aGVsbG8=",
    "!!set {{a, b}}",
    "!!omap [{{a: 1}}]",
    "!!pairs [{{a: 1}}]",
    "!!str 12",
    "!!str",
    "!!int '12'",
    "!!int abc",
    "!!float x",
    "!!null x",
    "!!map {{a: 1}}",
    "!!map [1]",
    "!!seq [1]",
    "!!seq {{a: 1}}",
    "!!merge x",
    "!!value x",
    "!<tag:example.com,2000:app/foo> bar",
    "!e!foo bar",
    "! plain",
]
# Standard scalar tags on values their constructor cannot read: these once crashed the loader (exit 4,
# found by these tests, fixed in e0fb45b); test_unreadable_tagged_scalar keeps each of them.
TAGS_UNREADABLE = ["!!bool maybe", "!!bool", "!!timestamp nope", "!!timestamp 2012", "!!int ''", "!!float"]
TAGS += TAGS_UNREADABLE
_MARK = "ZZMARK{}ZZ"


def flow(value: Any) -> str:
    """``value`` as one line of flow YAML."""
    return yaml.safe_dump([value], default_flow_style=True, width=_WIDE).strip()[1:-1]


@st.composite
def yaml_mutation(draw: st.DrawFn, data: Any, sentinel: str) -> str:
    """``data`` dumped as YAML with specials, tags, anchors/aliases or merge keys written in (text)."""
    data = copy.deepcopy(data)
    replacements: dict[str, str] = {}
    n = draw(st.integers(1, 3))
    for i in range(n):
        mark = _MARK.format(i)
        every = [p for p in paths(data) if p and not _marked(get(data, p))]
        if not every:
            break
        kind = draw(st.sampled_from(["special", "tag", "alias", "merge", "key"]))
        path = draw(st.sampled_from(every))
        mappings = [p for p in paths(data) if isinstance(get(data, p), dict)]
        if kind == "merge" and not mappings:  # the data is no longer a mapping anywhere (a data mutation)
            kind = "special"
        if kind == "special":
            replacements[mark] = draw(st.sampled_from(YAML11_SPECIALS))
        elif kind == "tag":
            replacements[mark] = draw(st.sampled_from(TAGS)).format(sentinel=f"'touch {sentinel}'")
        elif kind == "key":
            if not isinstance(path[-1], str):  # a list item has no key: put a special there instead
                replacements[mark] = draw(st.sampled_from(YAML11_SPECIALS))
                put(data, path, mark)
                continue
            parent = get(data, path[:-1])
            parent[mark] = parent.pop(path[-1])
            replacements[mark] = draw(st.sampled_from([*YAML11_SPECIALS, "? [a, b]", "? {a: 1}", "[a]", "*a0"]))
            continue
        elif kind == "merge":
            target = get(data, draw(st.sampled_from(mappings)))
            target[mark] = _MARK.format(f"{i}v")
            replacements[mark] = "<<"
            source = draw(st.sampled_from(["*a0", "[*a0, *a1]", "{name: merged, role: member}", "[1, 2]", "x", "~"]))
            replacements[_MARK.format(f"{i}v")] = source
            continue
        else:  # an anchor here, aliases elsewhere (before it: undefined; inside it: recursive)
            anchor = f"a{i}"
            replacements[mark] = f"&{anchor} {flow(get(data, path))}"
            put(data, path, mark)
            for j in range(draw(st.integers(1, 3))):
                others = [p for p in paths(data) if p and not _marked(get(data, p))]
                if not others:
                    break
                alias_mark = _MARK.format(f"{i}_{j}")
                put(data, draw(st.sampled_from(others)), alias_mark)
                replacements[alias_mark] = f"*{anchor}"
            continue
        put(data, path, mark)
    result = dump(data, draw)
    # longest marks first, so ZZMARK0ZZ never eats a piece of ZZMARK0_1ZZ
    for mark in sorted(replacements, key=len, reverse=True):
        result = result.replace(mark, replacements[mark])
    if "!e!" in result and draw(st.booleans()):
        result = "%TAG !e! tag:example.com,2000:app/\n---\n" + result.removeprefix("---\n")
    return result


def _marked(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("ZZMARK")


# --- text-level mutations -------------------------------------------------------------

_KEY_LINE = re.compile(r"^(\s*)(- )?([^\s:#\-{\[][^:]*?):(\s.*)?$")
_STRAY = list(":-[]{}'\"\t#&*!|>%@`?, \n")


@st.composite
def text_mutation(draw: st.DrawFn, text_: str) -> str:
    """One textual change: the kind of slip a person makes in an editor."""
    lines = text_.split("\n")
    kind = draw(
        st.sampled_from(
            [
                "duplicate_key",
                "duplicate_line",
                "delete_line",
                "swap_lines",
                "truncate",
                "stray_char",
                "reindent",
                "tab",
                "junk_line",
                "documents",
                "directive",
            ]
        )
    )
    at = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "duplicate_key":
        keyed = [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]
        if keyed:
            i = draw(st.sampled_from(keyed))
            match = _KEY_LINE.match(lines[i])
            assert match is not None
            indent = match.group(1) + ("  " if match.group(2) else "")
            value = draw(st.sampled_from(["", " dup", " 1", " [a]", " {b: c}", " ~", " no"]))
            lines.insert(i + 1, f"{indent}{match.group(3)}:{value}")
            return "\n".join(lines)
    if kind == "duplicate_line":
        lines.insert(at, lines[at])
    elif kind == "delete_line":
        del lines[at]
    elif kind == "swap_lines" and at + 1 < len(lines):
        lines[at], lines[at + 1] = lines[at + 1], lines[at]
    elif kind == "truncate":
        return text_[: draw(st.integers(0, len(text_)))]
    elif kind == "stray_char":
        offset = draw(st.integers(0, len(text_)))
        return text_[:offset] + draw(st.sampled_from(_STRAY)) + text_[offset:]
    elif kind == "reindent":
        line = lines[at]
        delta = draw(st.integers(-4, 4))
        lines[at] = " " * delta + line if delta > 0 else line[min(-delta, len(line) - len(line.lstrip(" "))) :]
    elif kind == "tab":
        line = lines[at]
        stripped = line.lstrip(" ")
        lines[at] = "\t" * draw(st.integers(1, 2)) + stripped if stripped != line else "\t" + line
    elif kind == "junk_line":
        junk = st.text(st.sampled_from([*_STRAY, "a", "b", "1", "é", " ", "x"]), max_size=12)
        lines.insert(at, draw(junk))
    elif kind == "documents":
        extra = draw(
            st.sampled_from(["---\nformat: ovop-region/1", "---", "...\nfoo: bar", "--- x", "...", "---\n---"])
        )
        lines.insert(at, extra)
    elif kind == "directive":
        directive = draw(
            st.sampled_from(["%YAML 1.1", "%YAML 1.2", "%YAML 2.0", "%TAG ! tag:x,2000:", "%FOO bar", "%"])
        )
        lines.insert(0, f"{directive}\n---" if draw(st.booleans()) else directive)
    return "\n".join(lines)


# --- byte-level mutations -------------------------------------------------------------

# C0 and C1 controls but the line ends and tab (NEL, U+0085, is a line end for YAML: see LINE_BREAKS_NOT_LF).
_CONTROL = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c not in (0x09, 0x0A, 0x0D, 0x85)]
_ODD_CHARS = ["\ufeff", "\ufffe", "\uffff", "\U0010ffff", "\ud7ff", "\ue000", "\u00a0", "\u200b"]
# Characters YAML (libyaml) takes as line breaks but editors do not: kept apart, see the tests.
LINE_BREAKS_NOT_LF = ["\x85", "\u2028", "\u2029"]
_NON_ASCII = ["é", "ñ", "ü", "ê", "Ø", "ß", "¿", "°", "©"]


def _insert(text_: str, at: int, piece: str) -> str:
    return text_[:at] + piece + text_[at:]


@st.composite
def byte_mutation(draw: st.DrawFn, text_: str) -> bytes:
    """The text written in another encoding, or with bytes a UTF-8 text file should not have."""
    kind = draw(
        st.sampled_from(
            [
                "utf16",
                "utf32",
                "latin1",
                "bom",
                "nul",
                "control",
                "odd_char",
                "bad_byte",
                "cut",
                "crlf",
            ]
        )
    )
    at = draw(st.integers(0, len(text_)))
    if kind == "utf16":
        return text_.encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"])))
    if kind == "utf32":
        return text_.encode(draw(st.sampled_from(["utf-32", "utf-32-le", "utf-32-be"])))
    if kind == "latin1":
        for _ in range(draw(st.integers(1, 3))):
            text_ = _insert(text_, draw(st.integers(0, len(text_))), draw(st.sampled_from(_NON_ASCII)))
        return text_.encode(draw(st.sampled_from(["latin-1", "cp1252"])), errors="replace")
    raw = text_.encode("utf-8")
    byte_at = draw(st.integers(0, len(raw)))
    if kind == "bom":
        return b"\xef\xbb\xbf" + raw if draw(st.booleans()) else raw[:byte_at] + b"\xef\xbb\xbf" + raw[byte_at:]
    if kind == "nul":
        return raw[:byte_at] + b"\x00" + raw[byte_at:]
    if kind == "control":
        return _insert(text_, at, draw(st.sampled_from(_CONTROL))).encode("utf-8")
    if kind == "odd_char":
        return _insert(text_, at, draw(st.sampled_from(_ODD_CHARS))).encode("utf-8")
    if kind == "bad_byte":
        return (
            raw[:byte_at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf"]))
            + raw[byte_at:]
        )
    if kind == "cut":
        return raw[:byte_at]
    # crlf: Windows line endings, sometimes only on some lines
    if draw(st.booleans()):
        return raw.replace(b"\n", b"\r\n")
    return raw[:byte_at].replace(b"\n", b"\r\n") + raw[byte_at:]


@st.composite
def lone_cr_mutation(draw: st.DrawFn, text_: str) -> bytes:
    """Old Mac line ends (a lone CR) throughout, or on some lines only."""
    raw = text_.replace("\r\n", "\n").encode("utf-8")
    if draw(st.booleans()):
        return raw.replace(b"\n", b"\r")
    at = draw(st.integers(0, len(raw)))
    return raw[:at].replace(b"\n", b"\r") + raw[at:]


@st.composite
def unicode_line_break_mutation(draw: st.DrawFn, text_: str) -> bytes:
    """A NEL / LINE SEPARATOR / PARAGRAPH SEPARATOR somewhere in the text (YAML 1.1 line ends, not an editor's)."""
    for _ in range(draw(st.integers(1, 2))):
        text_ = _insert(text_, draw(st.integers(0, len(text_))), draw(st.sampled_from(LINE_BREAKS_NOT_LF)))
    return text_.encode("utf-8")
