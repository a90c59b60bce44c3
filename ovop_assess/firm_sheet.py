"""A region file's firms kept in a spreadsheet: ``firms: {file: daftar-usaha.xlsx, sheet: "Daftar UMKM"}``.

Read between loading and validation: the sheet's rows replace the mapping
as the ``firms`` list, so the region format's validation and every rule see
the firms exactly as if they were written in YAML. Every finding about them,
the reader's, the validation's or a rule's, is located by the spreadsheet's
file, sheet and cell (:class:`SheetPositions`) and, for an editor or a CI
annotation, by the region file's ``firms:`` line.

The path is relative to the region file and may not leave its folder (a
region file from elsewhere must not make the tool read ``/etc`` or a
neighbour's files); the reader opens regular files only. Nothing of the
spreadsheet libraries is imported unless a region file names a sheet.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import ValidationError

from .cross_checks import check_firms
from .region import Firm, FirmSheet
from .results import Finding, Location, Message, file_label
from .schema_errors import translate
from .validate import MAX_ERRORS, listed
from .yaml_source import Limits, Loaded, PathKey, Positions

if TYPE_CHECKING:
    from .sheets import SheetFirms, SheetLimits


class SheetPositions(Positions):
    """The region file's positions, with ``firms…`` paths located in the spreadsheet's cells."""

    __slots__ = ("_at", "_file", "_inner", "_sheet")

    def __init__(self, inner: Positions, sheet: SheetFirms, file: str, at: Location) -> None:
        super().__init__()
        self._inner = inner
        self._sheet = sheet
        self._file = file
        self._at = at

    def place(self, where: Location | None) -> Location:
        """A location in the sheet (row and column as the reader gives them) as a region-file location."""
        from .sheets import cell_name

        row, column = (where.line, where.column) if where is not None else (None, None)
        cell = cell_name(row, column) if row and column else None
        path = where.path if where is not None and where.path else "firms"
        return Location(path, self._at.line, self._at.column, self._file, self._sheet.sheet, cell)

    def _firm(self, path: PathKey) -> Location:
        if len(path) == 1:
            return Location("firms", self._at.line, self._at.column, self._file, self._sheet.sheet, None)
        return self.place(self._sheet.location(path))

    def value(self, path: PathKey) -> Location:
        return self._firm(path) if path[:1] == ("firms",) else self._inner.value(path)

    def key(self, path: PathKey) -> Location:
        return self._firm(path) if path[:1] == ("firms",) else self._inner.key(path)

    def raw(self, path: PathKey) -> tuple[str, str] | None:
        return None if path[:1] == ("firms",) else self._inner.raw(path)

    def text(self, path: PathKey) -> str | None:
        return None if path[:1] == ("firms",) else self._inner.text(path)

    def unquoted(self, path: PathKey) -> bool:
        return False if path[:1] == ("firms",) else self._inner.unquoted(path)


def with_sheet_firms(loaded: Loaded, region_path: Path, limits: Limits, region_label: str | None = None) -> Loaded:
    """``loaded`` with the firms of the spreadsheet its ``firms`` names, or with why they cannot be read.

    Data that names no sheet is returned as it is. The spreadsheet is named
    in findings as the region file is (``region_label``), beside it:
    ``examples/regions/daftar-usaha.xlsx`` for ``examples/regions/x.yaml``.
    """
    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("firms"), dict):
        return loaded
    reference: dict[Any, Any] = data["firms"]
    positions = loaded.positions
    rest = {key: value for key, value in data.items() if key != "firms"}
    try:
        FirmSheet.model_validate(reference)
    except ValidationError as exc:
        problems = [translate(error, positions, FirmSheet, ("firms",)) for error in exc.errors(include_input=False)]
        return loaded._replace(data=rest, problems=(*loaded.problems, *problems))

    written: str = reference["file"]
    wanted: str | None = reference.get("sheet")
    folder = region_path.parent
    target = folder / written
    label = file_label(target) if region_label is None else os.path.join(os.path.dirname(region_label), written)
    at = positions.key(("firms",))
    if not _inside(folder, target):
        where = positions.value(("firms", "file"))._replace(file=label)
        outside = Finding(Message("sheet.outside_folder", {"file": written}), where)
        return loaded._replace(data=rest, problems=(*loaded.problems, outside))

    from .sheets import read_firms

    found = read_firms(target, wanted, sheet_limits(limits))
    sheet_positions = SheetPositions(positions, found, label, at)
    errors = tuple(sheet_positions.place(finding.location) for finding in found.errors)
    warnings = tuple(sheet_positions.place(finding.location) for finding in found.warnings)
    firms_data = {**rest, "firms": list(found.firms)} if found.firms or not found.errors else rest
    return Loaded(
        firms_data,
        sheet_positions,
        (*loaded.problems, *(Finding(f.message, w) for f, w in zip(found.errors, errors, strict=True))),
        (*loaded.warnings, *(Finding(f.message, w) for f, w in zip(found.warnings, warnings, strict=True))),
    )


def _inside(folder: Path, target: Path) -> bool:
    """Whether ``target`` (symbolic links followed) lies in ``folder`` or below it."""
    try:
        base = os.path.realpath(folder)
        real = os.path.realpath(target)
    except ValueError:  # a NUL byte in the name: no such file, which reading it says
        return True
    return os.path.commonpath([base, real]) == base


def sheet_limits(limits: Limits) -> SheetLimits:
    """The spreadsheet's share of the limits: ``--max-sheet-bytes``, ``--max-unpacked-bytes``, ``--max-rows``,
    ``--max-cells``."""
    from .sheets import SheetLimits

    return SheetLimits(limits.max_sheet_bytes, limits.max_unpacked_bytes, limits.max_rows, limits.max_cells)


class ImportedFirms(NamedTuple):
    """A spreadsheet's firms as ``ovop-assess import`` gives them, checked as a region file's ``firms`` list."""

    file: str
    firms: tuple[dict[str, Any], ...]
    errors: tuple[Finding, ...]  # located by file, sheet and cell; the first MAX_ERRORS, then how many more
    warnings: tuple[Finding, ...]


_ROLES = frozenset({"champion", "mentee", "member"})
_INFINITY = float("inf")


def _suspect_rows(firms: list[dict[str, Any]]) -> list[int]:
    """The rows the ``Firm`` model might refuse; every other row it certainly accepts.

    The reader gives each field one type, so whether the model accepts a
    value is a cheap test per column: a name is non-empty text, a role one
    of three words, a NIB 13 ASCII digits, a capacity a finite float from 0,
    a count an int from 0. Only the rows that fail a test go through the
    model, which words their errors as for a YAML file; 10,000 clean rows
    then cost a few comprehensions instead of 10,000 model validations.
    """
    suspect: set[int] = set()
    rows = list(enumerate(firms))
    suspect.update(i for i, f in rows if (v := f.get("name")).__class__ is not str or not v)
    suspect.update(i for i, f in rows if f.get("role") not in _ROLES)
    for field in ("category", "mentor"):
        suspect.update(i for i, f in rows if (v := f.get(field)) is not None and (v.__class__ is not str or not v))
    suspect.update(i for i, f in rows if (v := f.get("willing_to_lead")) is not None and v.__class__ is not bool)
    suspect.update(
        i
        for i, f in rows
        if (v := f.get("monthly_capacity")) is not None and not (v.__class__ is float and 0 <= v < _INFINITY)
    )
    suspect.update(
        i
        for i, f in rows
        if (v := f.get("nib")) is not None and not (v.__class__ is str and len(v) == 13 and v.isascii() and v.isdigit())
    )
    suspect.update(i for i, f in rows if (v := f.get("workers")) is not None and not (v.__class__ is int and v >= 0))
    suspect.update(i for i, f in rows if not f.keys() <= _KNOWN)
    return sorted(suspect)


_KNOWN = frozenset(Firm.model_fields)


def import_firms(path: Path, sheet: str | None, limits: Limits) -> ImportedFirms:
    """Read the firms of ``sheet`` of the spreadsheet at ``path`` and check them as a YAML ``firms`` list would be.

    The same checks as in a region file: each entry's fields, unique names,
    mentors naming a champion; no region file around them, so no line.
    """
    from .sheets import read_firms

    found = read_firms(path, sheet, sheet_limits(limits))
    positions = SheetPositions(Positions(), found, found.file, Location("firms"))
    errors: list[Finding] = [Finding(f.message, positions.place(f.location)) for f in found.errors]
    warnings: list[Finding] = [Finding(f.message, positions.place(f.location)) for f in found.warnings]
    firms = list(found.firms)
    for index in _suspect_rows(firms):
        try:
            Firm.model_validate(firms[index])
        except ValidationError as exc:
            prefix = ("firms", index)
            errors += [translate(error, positions, Firm, prefix) for error in exc.errors(include_input=False)]
    check_firms(firms, positions, errors, warnings)
    listed_errors = listed(list(errors), positions, MAX_ERRORS)
    return ImportedFirms(found.file, found.firms, listed_errors, listed(list(warnings), positions, MAX_ERRORS))
