"""Each row of a firm list as its ``firms[]`` dict, from the converted columns, by code made for the columns.

The dicts are made when a caller first asks for a firm (:class:`FirmDicts`), not as the sheet is read: the
reader's checks and ``import_firms``'s validation ask the columns (``SheetFirms.values``). Every caller
that succeeds asks for them (a region file naming the sheet for its model, ``import`` for the template's
examples and its YAML), so no command is faster for it: the dicts of 10,000 firms (3 to 4 ms, a tenth of
an ``.xls`` sheet's read and validation) are made where they are used, and measured there.
"""

from __future__ import annotations

import functools
import operator
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any, Final, overload

from .columns import FIELDS

_NONE: Final = type(None)


class FirmDicts(Sequence[dict[str, Any]]):
    """The firms of a sheet as ``firms[]`` dicts, made from its columns when first asked for, then kept.

    ``columns[i]`` holds field ``fields[i]`` of every firm (None: the firm
    has no such value, its key is left out); ``kinds[i]`` the types it may
    hold (``NoneType`` if some firm may lack it). Equal to any tuple, list or
    :class:`FirmDicts` of the same dicts. A sequence, not a tuple: ``list(firms)`` for a list (to write as
    JSON, to add to).
    """

    __slots__ = ("_columns", "_count", "_fields", "_kinds", "_made")

    def __init__(
        self, fields: Sequence[str], columns: Sequence[Sequence[object]], kinds: Sequence[Collection[type]], count: int
    ) -> None:
        if any(len(column) != count for column in columns) or len(columns) != len(fields) or len(kinds) != len(fields):
            raise ValueError("a column, or a field's types, for each field; a value in each column for each firm")
        self._fields = tuple(fields)
        self._columns = tuple(columns)
        self._kinds = tuple(kinds)
        self._count = count
        self._made: tuple[dict[str, Any], ...] | None = None

    def _dicts(self) -> tuple[dict[str, Any], ...]:
        made = self._made
        if made is None:
            with _MAKING:  # threads asking at once get the same dicts: a change one makes to a firm, all see
                if self._made is None:
                    self._made = tuple(assembled(self._fields, self._columns, self._kinds))
                made = self._made
        return made

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[dict[str, Any], ...]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | tuple[dict[str, Any], ...]:
        return self._dicts()[index]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._dicts())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FirmDicts | tuple | list):
            return len(other) == self._count and all(map(operator.eq, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # (equal to a list, which has none)

    def __repr__(self) -> str:
        return f"FirmDicts({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The dicts as they are if made (a caller may have changed one), else the columns to make them from.
        return (_restored, (self._fields, self._columns, self._kinds, self._count, self._made))


_MAKING: Final = threading.Lock()


def _restored(
    fields: Sequence[str],
    columns: Sequence[Sequence[object]],
    kinds: Sequence[Collection[type]],
    count: int,
    made: tuple[dict[str, Any], ...] | None,
) -> FirmDicts:
    """A :class:`FirmDicts` unpickled or copied: its dicts too, when they had been made."""
    firms = FirmDicts(fields, columns, kinds, count)
    firms._made = made  # (the class's own state, restored)
    return firms


def assembled(
    fields: Sequence[str], converted: Sequence[Sequence[object]], kinds: Sequence[Collection[type]]
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
