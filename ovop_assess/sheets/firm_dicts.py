"""Each row of a firm list as its ``firms[]`` dict, from the converted columns, by code made for the columns."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, Final

from .columns import FIELDS

_NONE: Final = type(None)


def assembled(
    fields: list[str], converted: list[Sequence[object]], kinds: list[set[type]], count: int
) -> list[dict[str, Any]]:
    """Each row's firm: its fields with a value (None means no value: the key is left out, as in YAML).

    One call of a function made for these columns (:func:`assembler`): the
    columns with a value in every row go in its dict displays, the others
    (a mentor column empty for champions) only where not None.
    """
    full = tuple(_NONE not in found for found in kinds)
    return assembler(tuple(fields), full)(*converted)


@functools.cache
def assembler(fields: tuple[str, ...], full: tuple[bool, ...]) -> Callable[..., list[dict[str, Any]]]:
    """A function of one column of values per field that returns each row's firm dict: the fields
    ``full`` marks (never None), then each other field whose value is not None, in the order of ``fields``.

    Made as source for these fields, a dict display per row, twice as fast as
    ``dict(zip(fields, values))``, the largest cost of a long sheet after the
    library's read. With up to three sparse fields (a mentor, empty for
    champions; willing to lead, empty for mentees) it is one comprehension
    with a display for each combination of them present: no call and no key
    added per row (0.7 ms less for 10,000 rows than a function called per
    row that adds the sparse keys); with more, they are added one by one.
    The source is made from the format's own keys only (never from a cell or
    a header's text).
    """
    if not set(fields) <= set(FIELDS):
        raise ValueError(f"not firm fields: {fields}")
    names = [f"v{i}" for i in range(len(fields))]
    columns = ", ".join(f"c{i}" for i in range(len(fields)))
    always = [f"{field!r}: {name}" for field, name, filled in zip(fields, names, full, strict=True) if filled]
    sparse = [(repr(field), name) for field, name, filled in zip(fields, names, full, strict=True) if not filled]
    row = f"for {', '.join(names)}, in zip({columns}, strict=True)"  # (the comma: one field's 1-tuples unpacked too)
    source = [f"def assemble({columns}):"]
    if len(sparse) <= _BRANCHED:
        source.append(f"    return [{_display(always, sparse)} {row}]")
    else:
        source += ["    firms = []", f"    {row}:", f"        firm = {{{', '.join(always)}}}"]
        for key, name in sparse:
            source += [f"        if {name} is not None:", f"            firm[{key}] = {name}"]
        source += ["        firms.append(firm)", "    return firms"]
    namespace: dict[str, Any] = {}
    exec("\n".join(source), namespace)
    assemble: Callable[..., list[dict[str, Any]]] = namespace["assemble"]
    return assemble


_BRANCHED = 3
"""Sparse fields up to which each combination of them gets its own dict display (2 ** 3 = 8 displays)."""


def _display(present: list[str], sparse: list[tuple[str, str]]) -> str:
    """The expression of the dict of the ``present`` items and each ``(key, name)`` of ``sparse`` whose
    value is not None: a conditional expression choosing among the displays of each combination."""
    if not sparse:
        return f"{{{', '.join(present)}}}"
    (key, name), rest = sparse[0], sparse[1:]
    return f"({_display(present, rest)} if {name} is None else {_display([*present, f'{key}: {name}'], rest)})"
