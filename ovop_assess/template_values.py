"""Values still equal to ``ovop-assess init``'s examples count as absent.

A region file starts as a copy of the template; a placeholder left in it
(``Nama Desa``, ``Usaha 01``, ``...``) is not a fact, and a criterion must
never pass on one. The placeholders are read from the template itself
(:mod:`.template_placeholders`), so they can never drift from what ``init`` writes.

Clearing works on the validated data, field by field:

- an optional field holding a placeholder is dropped (absent);
- a list entry whose required field holds one (a firm named ``Usaha 01``, a
  commitment described as ``...``) is dropped, and a list left with no
  entries becomes absent, not empty ("not known yet", never "none");
- a mapping whose every value was a placeholder becomes absent;
- a required field outside a list (``region.name``, ``product.name``) keeps
  its value, which no criterion reads;

each with a warning on the placeholder's line naming the field. Dropped
list entries shift the indexes rules see, so the positions are remapped to
the entries' places in the file.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from typing import Any, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError

from .region import Region
from .results import Finding, Location, Message
from .strict_model import item_of, model_in
from .template_placeholders import PROBE, Pattern, placeholders, written_in
from .template_placeholders import normal as _normal
from .yaml_source import PathKey, Positions, format_path
from .yaml_source import clip as _clip

Known = frozenset[tuple[Pattern, str]]


@functools.cache
def _known(values: tuple[str, ...] | None) -> Known:
    """The placeholders whose value is one of ``values`` (None: all of them), one set per choice.

    The same set object for the same choice, so the caches below keyed on it are looked up by identity.
    """
    every = placeholders()
    return every if values is None else frozenset(item for item in every if item[1] in values)


@functools.cache
def _by_mapping(known: Known) -> dict[Pattern, dict[str, frozenset[str]]]:
    """The placeholders grouped by the mapping that holds them: ``("firms", "*")`` -> ``{"name": {...}}``."""
    grouped: dict[Pattern, dict[str, set[str]]] = {}
    for pattern, value in known:
        grouped.setdefault(pattern[:-1], {}).setdefault(pattern[-1], set()).add(value)
    return {where: {key: frozenset(values) for key, values in keys.items()} for where, keys in grouped.items()}


@functools.cache
def _leads_to_placeholder(known: Known) -> frozenset[Pattern]:
    """Every field pattern that holds a placeholder or leads to one: ``("firms",)``, ``("firms", "*")``, ...

    Data anywhere else holds none, so clearing need not walk it.
    """
    return frozenset(pattern[:end] for pattern, _ in known for end in range(1, len(pattern) + 1))


@functools.cache
def _entry_fields(known: Known, pattern: Pattern) -> dict[str, frozenset[str]]:
    """The fields of a list entry at ``pattern`` that hold a placeholder or lead to one, with its placeholders.

    ``("firms", "*")`` -> ``{"name": {"usaha 01", "usaha 02"}, "mentor": {"usaha 01"}}``; a field
    that only leads to one has none of its own.
    """
    table = _by_mapping(known).get(pattern, {})
    depth = len(pattern)
    keys = {str(lead[depth]) for lead in _leads_to_placeholder(known) if len(lead) > depth and lead[:depth] == pattern}
    return {key: table.get(key, frozenset()) for key in keys}


def _plain_and_clean(item: dict[str, Any], fields: dict[str, frozenset[str]]) -> bool:
    """Whether clearing a list entry would change nothing: it is kept as it is, cheaply.

    Most entries of a long list are like that; looking only at the fields that hold a
    placeholder or lead to one (``fields``: :func:`_entry_fields`) keeps a file of thousands
    of firms fast. A nested value there is left to the full walk.
    """
    for key, values in fields.items():
        value = item.get(key)
        if isinstance(value, str):
            if _normal(value) in values:
                return False
        elif isinstance(value, (dict, list)):
            return False
    return True


def _may_hold(value: Any, pattern: Pattern, known: Known) -> bool:
    """Whether clearing ``value`` (found at ``pattern``) could drop or warn about anything.

    A quick look, never wrong when it says no: every text at a field that can hold a
    placeholder is compared, whatever the model says of the field, and a list entry with a
    nested value there counts as a maybe. Clearing builds new mappings and lists and looks
    up each field's facts; most values hold no placeholder, and are kept as they are.
    """
    if isinstance(value, str):
        return (pattern, _normal(value)) in known
    if isinstance(value, dict):
        for key in _lead_keys(known, pattern):
            found = value.get(key)
            if found is not None and _may_hold(found, (*pattern, key), known):
                return True
        return False
    if isinstance(value, list):
        here = (*pattern, "*")
        if here not in _leads_to_placeholder(known):
            return False
        fields = tuple(_entry_fields(known, here).items())
        for item in value:  # (_plain_and_clean written out: this runs for every firm of every file)
            if isinstance(item, dict):
                for key, values in fields:
                    found = item.get(key)
                    if found is None:
                        continue
                    if isinstance(found, str):
                        if " ".join(found.split()).casefold() in values:  # (_normal)
                            return True
                    elif isinstance(found, (dict, list)):
                        return True
            elif isinstance(item, str) and (here, _normal(item)) in known:
                return True
        return False
    return False


@functools.cache
def _lead_keys(known: Known, pattern: Pattern) -> tuple[str, ...]:
    """The keys below ``pattern`` that hold a placeholder or lead to one."""
    depth = len(pattern)
    leads = _leads_to_placeholder(known)
    return tuple(sorted({lead[depth] for lead in leads if len(lead) > depth and lead[:depth] == pattern}))


def _annotation(field: Any) -> Any:
    """A model field's full annotation, its constraints (patterns, lengths) included."""
    metadata = tuple(field.metadata)
    return typing.Annotated[(field.annotation, *metadata)] if metadata else field.annotation


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _free_text(annotation: Any) -> bool:
    """Whether any text is valid here (not a choice, not a pattern-bound code): asked when clearing walks a field."""
    try:
        _adapter(annotation).validate_python(PROBE)
    except ValidationError:
        return False
    return True


# --- clearing a file's data ---------------------------------------------------------


class Cleared(NamedTuple):
    data: dict[str, Any]  # the very mapping given when nothing was dropped (no need to validate it again)
    warnings: tuple[Finding, ...]
    positions: Positions  # the file's positions, seen through the dropped list entries


def clear(data: dict[str, Any], positions: Positions, text: str | None = None) -> Cleared:
    """``data`` with every template value absent, the warnings, and positions matching the new indexes.

    ``text``: the YAML text every value of ``data`` was read from, if it was; when no
    placeholder is written in it, there is nothing to clear and the data is not walked.
    """
    written = None if text is None else written_in(text)
    if written == ():
        return Cleared(data, (), positions)
    known = _known(written)
    warnings: list[Finding] = []
    index_maps: dict[PathKey, list[int]] = {}
    cleared, _ = _clear_mapping(data, Region, (), (), known, positions, warnings, index_maps, in_list=False)
    seen = RemappedPositions(positions, index_maps) if index_maps else positions
    return Cleared(cleared, tuple(warnings), seen)


def _clear_mapping(
    data: dict[str, Any],
    model: type[BaseModel],
    path: PathKey,
    pattern: Pattern,
    known: Known,
    positions: Positions,
    warnings: list[Finding],
    index_maps: dict[PathKey, list[int]],
    *,
    in_list: bool,
) -> tuple[dict[str, Any], bool]:
    """The mapping without its placeholders, and whether a required field of it held one.

    Nothing dropped inside it: the very mapping given, so the caller can tell without comparing.
    """
    # Only the keys that lead to a placeholder are looked at (one or two of a file's fifteen);
    # the rest stay as they are, in a copy made at the first change.
    out: dict[str, Any] | None = None
    required_hit = False
    fields = _field_names(model)
    leads = _lead_key_set(known, pattern)
    for key in [key for key in data if key in leads and key in fields]:
        value = data[key]
        here, where = (*pattern, key), (*path, key)
        if not positions.spelled_in_yaml(where):
            # Firms read from a spreadsheet: the template's examples are the region file's, which the
            # workbook `init --firms-sheet` writes has none of; a firm a sheet names "Usaha 01" is its own.
            continue
        facts = _field_facts(model, key)
        if isinstance(value, str) and facts.text and (here, _normal(value)) in known:
            if facts.required:
                required_hit = True
                kind = "warn.template_entry" if in_list else "warn.template_kept"
                warnings.append(_warning(kind, where, value, positions))
            else:
                warnings.append(_warning("warn.template_value", where, value, positions))
                out = dict(data) if out is None else out
                del out[key]
            continue
        if isinstance(value, (dict, list)) and not _may_hold(value, here, known):
            continue  # what clearing it would give: the same entries, no warning
        if isinstance(value, dict) and facts.model is not None:
            sub, hit = _clear_mapping(
                value, facts.model, where, here, known, positions, warnings, index_maps, in_list=False
            )
            if sub is value:
                continue
            out = dict(data) if out is None else out
            if value and not sub and not hit:
                del out[key]  # every value it had was a placeholder: the mapping is not known yet
            else:
                out[key] = sub
        elif isinstance(value, list):
            kept = _clear_list(value, facts, where, here, known, positions, warnings, index_maps)
            if value and not kept:
                out = dict(data) if out is None else out
                del out[key]  # every entry was a placeholder: absent ("not known yet"), never "none"
                continue
            entries = list(kept.values())
            if len(kept) != len(value):
                index_maps[where] = list(kept)
            elif all(entry is item for entry, item in zip(entries, value, strict=True)):
                continue
            out = dict(data) if out is None else out
            out[key] = entries
    return (data if out is None else out), required_hit


@functools.cache
def _lead_key_set(known: Known, pattern: Pattern) -> frozenset[str]:
    """:func:`_lead_keys` as a set, for a membership test per key of a mapping."""
    return frozenset(_lead_keys(known, pattern))


def _clear_list(
    items: list[Any],
    field: _FieldFacts,
    path: PathKey,
    pattern: Pattern,
    known: Known,
    positions: Positions,
    warnings: list[Finding],
    index_maps: dict[PathKey, list[int]],
) -> dict[int, Any]:
    """The entries kept, by their index in the file (in order)."""
    here = (*pattern, "*")
    model = field.item_model
    fields = _entry_fields(known, here)
    kept: dict[int, Any] = {}
    for i, item in enumerate(items):
        where = (*path, i)
        if isinstance(item, str) and (here, _normal(item)) in known:
            warnings.append(_warning("warn.template_value", where, item, positions))
            continue
        if isinstance(item, dict) and model is not None:
            if _plain_and_clean(item, fields):
                kept[i] = item
                continue
            before = len(warnings)
            sub, hit = _clear_mapping(item, model, where, here, known, positions, warnings, index_maps, in_list=True)
            if hit or (len(warnings) > before and not _any_text(sub, model)):
                # Named or described only by the template's example: what is left (a type, a
                # number) is the template's too, so the entry is not a fact.
                continue
            kept[i] = sub
            continue
        kept[i] = item
    return kept


def _any_text(data: dict[str, Any], model: type[BaseModel]) -> bool:
    """Whether a free-text field of ``data`` still holds a value (a name, a description)."""
    fields = _field_names(model)
    for key, value in data.items():
        if isinstance(value, str) and value.strip() and key in fields and _field_facts(model, key).text:
            return True
    return False


class _FieldFacts(NamedTuple):
    required: bool
    model: type[BaseModel] | None  # the model its mapping value follows
    item_model: type[BaseModel] | None  # the model its list items follow
    text: bool  # free text


@functools.cache
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    # pydantic's model_fields is a property worked out on each access: read once per model.
    return frozenset(model.model_fields)


@functools.cache
def _field_facts(model: type[BaseModel], key: str) -> _FieldFacts:
    """What clearing needs to know of a field, worked out once per field rather than per value."""
    field = model.model_fields[key]
    annotation = _annotation(field)
    item_model = model_in(item_of(annotation))
    return _FieldFacts(field.is_required(), model_in(annotation), item_model, _free_text(annotation))


def _warning(message_id: str, path: PathKey, value: str, positions: Positions) -> Finding:
    return Finding(Message(message_id, {"field": format_path(path), "value": _clip(value)}), positions.value(path))


class RemappedPositions(Positions):
    """Positions of the file, for data from which some list entries were dropped.

    A rule locates ``firms[1]``; when ``firms[0]`` was a template entry, that
    firm is ``firms[2]`` in the file, and its line is looked up there.
    """

    __slots__ = ("_inner", "_maps")

    def __init__(self, inner: Positions, maps: Mapping[PathKey, list[int]]) -> None:
        super().__init__()
        self._inner = inner
        self._maps = maps

    def _in_file(self, path: PathKey) -> PathKey:
        out: list[str | int] = []
        for part in path:
            if isinstance(part, int):
                indexes = self._maps.get(tuple(out))
                if indexes is not None and 0 <= part < len(indexes):
                    part = indexes[part]
            out.append(part)
        return tuple(out)

    def value(self, path: PathKey) -> Location:
        return self._inner.value(self._in_file(path))

    def key(self, path: PathKey) -> Location:
        return self._inner.key(self._in_file(path))

    def raw(self, path: PathKey) -> tuple[str, str] | None:
        return self._inner.raw(self._in_file(path))

    def text(self, path: PathKey) -> str | None:
        return self._inner.text(self._in_file(path))

    def written(self, path: PathKey) -> bool:
        return self._inner.written(self._in_file(path))

    def spelled_in_yaml(self, path: PathKey) -> bool:
        return self._inner.spelled_in_yaml(self._in_file(path))

    def unquoted(self, path: PathKey) -> bool:
        return self._inner.unquoted(self._in_file(path))

    def missing(self, path: PathKey) -> Location:
        return self._inner.missing(self._in_file(path))

    def field_name(self, path: PathKey) -> str | Message:
        return self._inner.field_name(self._in_file(path))

    def sheet_text(self, path: PathKey) -> str | None:
        return self._inner.sheet_text(self._in_file(path))
