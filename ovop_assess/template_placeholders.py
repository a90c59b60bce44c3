"""The placeholders of ``ovop-assess init``'s template, and where a text may hold one.

The placeholders are read from the template itself — its fields uncommented,
every free-text value taken at its field (:func:`read_placeholders`) — and
kept, as that reading gives them, in :mod:`.template_placeholders_data`
(written by ``scripts/update_template_placeholders.py``; a test fails when the
two differ, so they cannot drift from what ``init`` writes). Reading them at
every start cost each run 1.5 ms (the template read, loaded and validated).
:func:`written_in` tells, from a file's text, which of them a value read from
it could equal; :mod:`.template_values` clears those.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .region import Region
from .strict_model import item_of, model_in
from .yaml_source import PathKey

Pattern = tuple[str, ...]  # a field path with every list index written as "*"

# Fields whose template sample is a real value, not a placeholder: a province that
# exists, a kind of product, rule ids, file paths. Equal to the template is no sign
# of an untouched copy there.
_REAL_SAMPLES = frozenset({"province", "category", "rule", "criteria", "evidence"})

# A template line that is a field commented out: "#   name: Nama produk   # ...", "  # code: ...".
_COMMENTED_FIELD = re.compile(r"^(?P<indent> *)# (?P<field> *(?:- )?[a-z_]+:(?: .*)?)$")

PROBE = "\u2063ovop free-text probe"  # text no choice or pattern accepts: only free-text fields take it


def normal(value: str) -> str:
    return " ".join(value.split()).casefold()


def placeholders() -> frozenset[tuple[Pattern, str]]:
    """Every free-text example value of the ``init`` template, at its field (normalised), as kept."""
    from .template_placeholders_data import PLACEHOLDERS

    return PLACEHOLDERS


def read_placeholders() -> frozenset[tuple[Pattern, str]]:
    """:func:`placeholders`, read from the template itself (what the kept ones are checked against)."""
    from .schema import region_template  # the schema module reads the same template

    lines = [_uncomment(line) for line in region_template().splitlines()]
    # libyaml's loader when there is one: the same data, in a tenth of the time (7 ms of every run).
    data = yaml.load("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found: set[tuple[Pattern, str]] = set()
    _collect(data, Region, (), (), _refusing_text(data), found)
    return frozenset(found)


def _refusing_text(data: Any) -> frozenset[PathKey]:
    """Where the region model refuses text: the template with every text replaced by a probe, validated once.

    A choice, a code with a pattern or a date refuses it; free text takes it. One validation of
    the whole template, rather than a validator built for each field's type (3 ms of every run).
    """

    def probed(value: Any) -> Any:
        if isinstance(value, str):
            return PROBE
        if isinstance(value, dict):
            return {key: probed(item) for key, item in value.items()}
        if isinstance(value, list):
            return [probed(item) for item in value]
        return value

    try:
        Region.model_validate(probed(data))
    except ValidationError as exc:
        return frozenset(tuple(error["loc"]) for error in exc.errors(include_input=False))
    return frozenset()


def _uncomment(line: str) -> str:
    found = _COMMENTED_FIELD.match(line)
    return found["indent"] + found["field"] if found else line


_Found = set[tuple[Pattern, str]]


def _collect(
    data: Any, model: type[BaseModel], pattern: Pattern, path: PathKey, refusing: frozenset[PathKey], found: _Found
) -> None:
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        field = model.model_fields.get(str(key))
        if field is None or key in _REAL_SAMPLES:
            continue
        _collect_value(value, field.annotation, (*pattern, str(key)), (*path, key), refusing, found)


def _collect_value(
    value: Any, annotation: Any, here: Pattern, path: PathKey, refusing: frozenset[PathKey], found: _Found
) -> None:
    if isinstance(value, str):
        # Free text: the model took the probe there (an error at or below the field says it did not).
        if not any(where[: len(path)] == path for where in refusing):
            found.add((here, normal(value)))
    elif isinstance(value, dict):
        model = model_in(annotation)
        if model is not None:
            _collect(value, model, here, path, refusing, found)
    elif isinstance(value, list):
        item = item_of(annotation)
        for index, entry in enumerate(value):
            _collect_value(entry, item, (*here, "*"), (*path, index), refusing, found)


def written_in(text: str) -> tuple[str, ...] | None:
    """The placeholders a value read from the YAML ``text`` could equal (None: any of them).

    A value equal to one, once its white space is collapsed and its case folded,
    has the placeholder's words in the text, separated by white space only: YAML
    joins the lines of a value with spaces and keeps its letters as written,
    except in an escape of a double-quoted value (``\\x55``) or a doubled quote
    of a single-quoted one (no placeholder holds a quote, so a value equal to
    one holds none either). Collapsing the text's white space and folding its
    case once, then looking for each placeholder, costs a few microseconds; clearing
    then walks only the fields where one of those found can be (none: no walk),
    which for a file of a dozen firms costs ten times that.
    """
    values = _values()
    if "\\" in text or not values:
        return None
    folded = " ".join(text.split()).casefold()
    return tuple(value for value in values if value in folded)


@functools.cache
def _values() -> tuple[str, ...]:
    """Every placeholder's value; none when one holds a quote (it could be written with the quote doubled)."""
    values = sorted({value for _, value in placeholders()})
    return () if any("'" in value or '"' in value for value in values) else tuple(values)
