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

import itertools
import math
import operator
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from pydantic import ValidationError

from .cross_checks import check_firms, plain_name
from .region import Firm, FirmSheet
from .results import Finding, Location, Message, file_label
from .schema_errors import translate
from .strict_model import any_shows_nothing, shows_nothing
from .template_values import clear
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

    def written(self, path: PathKey) -> bool:
        return self._inner.written(path) if len(path) <= 1 else True  # (a sheet's firms: in its cells)

    def spelled_in_yaml(self, path: PathKey) -> bool:
        return path[:1] != ("firms",) and self._inner.spelled_in_yaml(path)

    def unquoted(self, path: PathKey) -> bool:
        return False if path[:1] == ("firms",) else self._inner.unquoted(path)

    def missing(self, path: PathKey) -> Location:
        # In a sheet, a firm's missing field is its empty cell in the field's column (when the sheet has one).
        return self._firm(path) if path[:1] == ("firms",) and len(path) > 2 else self._inner.missing(path)

    def field_name(self, path: PathKey) -> str | Message:
        # A firm's field is a column of the sheet: its header as the sheet writes it, else the template's.
        if path[:1] != ("firms",) or not isinstance(path[-1], str):
            return self._inner.field_name(path)
        from .sheets import HEADERS_ID

        header = self._sheet.headers.get(path[-1]) or HEADERS_ID.get(path[-1])
        return Message("sheet.column_named", {"column": header}) if header else path[-1]

    def sheet_text(self, path: PathKey) -> str | None:
        return self._sheet.sheet_text(path) if path[:1] == ("firms",) else self._inner.sheet_text(path)


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
        # Written inside the folder, but a symbolic link leads out of it: said so (the analyst sees it there).
        key = "sheet.outside_folder_link" if _inside(folder, target, links=False) else "sheet.outside_folder"
        outside = Finding(Message(key, {"file": written}), where)
        return loaded._replace(data=rest, problems=(*loaded.problems, outside))

    from .sheets import read_firms

    found = read_firms(target, wanted, sheet_limits(limits))
    sheet_positions = SheetPositions(positions, found, label, at)
    errors = tuple(sheet_positions.place(finding.location) for finding in found.errors)
    warnings = tuple(sheet_positions.place(finding.location) for finding in found.warnings)
    # A header row and no firm rows (the template as init wrote it): not filled in yet, so the
    # firms are unknown, as when the region file has no firms at all, never "we looked: none".
    firms, refused = _refused_as_dropped(found)
    firms_data = {**rest, "firms": firms} if found.firms else rest
    blank = () if found.firms or found.errors else (_no_firm_rows(sheet_positions),)
    return Loaded(
        firms_data,
        sheet_positions,
        (*loaded.problems, *(Finding(f.message, w) for f, w in zip(found.errors, errors, strict=True))),
        (*loaded.warnings, *(Finding(f.message, w) for f, w in zip(found.warnings, warnings, strict=True)), *blank),
        # The firms are the sheet's now: the paths dropped are its cells the reader refused.
        dropped=frozenset(path for path in loaded.dropped if path[:1] != ("firms",)) | refused,
    )


def _refused_as_dropped(found: SheetFirms) -> tuple[list[dict[str, Any]], frozenset[PathKey]]:
    """The sheet's firms, each required field whose cell the reader refused (and said why) held as None,
    and the paths of every refused cell: the region validation says nothing more about a value the loader
    dropped, where it would add "required field missing" (or a mentee's missing mentor) about the same cell."""
    firms = list(found.firms)
    dropped: set[PathKey] = set()
    for index, field in found.refused:
        if field in _REQUIRED and field not in firms[index]:
            firms[index] = {**firms[index], field: None}
        dropped.add(("firms", index, field))  # (an optional one too: no check across firms says it again)
    return firms, frozenset(dropped)


def _no_firm_rows(positions: SheetPositions) -> Finding:
    """The warning on the ``firms:`` line (and the sheet's file and name) of a sheet with no firm rows."""
    return Finding(Message("sheet.no_firm_rows", {}), positions.place(None))


def sheet_files(data: object, region_path: Path) -> tuple[str, ...]:
    """The spreadsheet a region file's ``firms: {file: …}`` names, as a path from the working folder (or none).

    Named whether or not it can be read: ``--output`` must not replace it either way.
    """
    reference = data.get("firms") if isinstance(data, dict) else None
    written = reference.get("file") if isinstance(reference, dict) else None
    return (os.fspath(region_path.parent / written),) if isinstance(written, str) and written else ()


def _inside(folder: Path, target: Path, *, links: bool = True) -> bool:
    """Whether ``target`` (symbolic links followed; with ``links`` False, as written) lies in ``folder`` or below."""

    def resolve(path: Path) -> str:
        return os.path.realpath(path) if links else os.path.normpath(os.path.abspath(path))

    try:
        base = resolve(folder)
        real = resolve(target)
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
    firms: Sequence[dict[str, Any]]  # made when first asked for (``sheets.firm_dicts.FirmDicts``)
    errors: tuple[Finding, ...]  # located by file, sheet and cell; the first MAX_ERRORS, then how many more
    warnings: tuple[Finding, ...]
    positions: Positions | None = None  # where each firm's fields are in the sheet (None: nothing was read)


def template_names(imported: ImportedFirms) -> tuple[Finding, ...]:
    """The firms of an imported list that a region file would take for the region template's examples were
    the printed list pasted into it (a firm named ``Usaha 01``, a mentor ``Usaha 01``), each at its cell.

    A region file reading the sheet itself counts them as they are (a sheet's names are the office's), but
    written in YAML they are the template's leftovers: said where the list is printed, so that pasting it
    changes nothing unseen. Not part of :func:`import_firms` (the check, the list's own, is done without
    it): the ``import`` command asks, as it prints the list.
    """
    if imported.positions is None or not imported.firms:
        return ()
    seen = _Asked()
    cleared = clear({"firms": list(imported.firms)}, seen)
    return tuple(
        Finding(Message("sheet.import_template_name", {"value": warning.message.values["value"]}), place)
        for warning, place in zip(cleared.warnings, map(imported.positions.value, seen.paths), strict=True)
    )


class _Asked(Positions):
    """Positions of no file, which keep the paths they are asked for (one a warning of :func:`clear`)."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[PathKey] = []

    def value(self, path: PathKey) -> Location:
        self.paths.append(path)
        return super().value(path)


_ROLES = frozenset({"champion", "mentee", "member"})
_INFINITY = float("inf")
_NONE = type(None)


def _suspect_rows(
    firms: Sequence[Mapping[str, Any]],
    values: Mapping[str, Sequence[object]] | None = None,
    kinds: Mapping[str, Collection[type]] | None = None,
    few: Mapping[str, Collection[object]] = MappingProxyType({}),
) -> list[int]:
    """The rows the ``Firm`` model might refuse; every other row it certainly accepts.

    The reader gives each field one type, so whether the model accepts a
    value is a cheap test per column: a name is text that shows something, a role one
    of three words, a NIB 13 ASCII digits, a capacity a finite float from 0,
    a count an int from 0. A column that passes as a whole (tested in C:
    its set of types, its set of words, one regex over its NIBs) costs no
    test per row; only the rows that fail a test go through the model, which
    words their errors as for a YAML file. ``values`` are the firms' columns
    as the reader gives them (:attr:`SheetFirms.values`), ``kinds`` the types
    in each (:attr:`SheetFirms.kinds`); without them they are taken from ``firms``. ``few`` are the
    values a column may hold when the reader knows them (:attr:`SheetFirms.few`): asked instead of the column.
    """
    if values is None:
        present = {key for firm in firms for key in firm}
        values = {key: [firm.get(key) for firm in firms] for key in present}
    if kinds is None:
        kinds = {key: set(map(type, column)) for key, column in values.items()}
    suspect: set[int] = set()
    for field in _REQUIRED:
        if field not in values:
            return list(range(len(firms)))
    for field, column in values.items():
        accepts = _ACCEPTS.get(field)
        if accepts is None:  # a key the model does not know
            suspect.update(i for i, value in enumerate(column) if value is not None)
        elif not _column_accepted(field, few.get(field, column), kinds[field]):
            suspect.update(i for i, value in enumerate(column) if not accepts(value))
    return sorted(suspect)


def _text(value: object) -> bool:
    return value.__class__ is str and not shows_nothing(value)


def _text_or_none(value: object) -> bool:
    return value is None or _text(value)


_REQUIRED = tuple(name for name, field in Firm.model_fields.items() if field.is_required())
_ACCEPTS: dict[str, Callable[[Any], bool]] = {
    "name": _text,
    "role": lambda v: v in _ROLES,
    "category": _text_or_none,
    "mentor": _text_or_none,
    "willing_to_lead": lambda v: v is None or v.__class__ is bool,
    "monthly_capacity": lambda v: v is None or (v.__class__ is float and 0 <= v < _INFINITY),
    "nib": lambda v: v is None or (v.__class__ is str and len(v) == 13 and v.isascii() and v.isdigit()),
    "workers": lambda v: v is None or (v.__class__ is int and v >= 0),
}
"""Per field of the ``Firm`` model, a value it certainly accepts (None: the field left out)."""


def _column_accepted(field: str, column: Collection[Any], kinds: Collection[type]) -> bool:
    """Whether ``_ACCEPTS[field]`` holds for every value of ``column`` (whose types are ``kinds``),
    tested without a call per value."""
    kinds = set(kinds)
    if field in ("name", "category", "mentor"):
        allowed = {str} if field == "name" else {str, _NONE}
        if not kinds <= allowed or not (column or field != "name"):
            return False
        texts = cast("Collection[str]", [value for value in column if value is not None] if _NONE in kinds else column)
        return not any_shows_nothing(texts)  # (a zero-width space is no name: Text refuses it, as in a region file)
    if field == "role":
        return kinds == {str} and set(column) <= _ROLES
    if field == "willing_to_lead":
        return kinds <= {bool, _NONE}
    numbers = [value for value in column if value is not None] if _NONE in kinds else column
    if field == "monthly_capacity":
        # A sum of finite floats is finite (or overflows, which only costs the test per row); NaN or inf spread.
        return kinds <= {float, _NONE} and (not numbers or (math.isfinite(sum(numbers)) and min(numbers) >= 0))
    if field == "workers":
        return kinds <= {int, _NONE} and (not numbers or min(numbers) >= 0)
    if field == "nib" and kinds <= {str, _NONE}:
        joined = "".join(numbers)
        if not numbers or not (joined.isascii() and joined.encode().isdigit()):  # as bytes: 5 times faster
            return not numbers
        # Every NIB 13 digits long: joined with spaces (which no NIB of digits holds), the n - 1 spaces
        # fall every 14 characters from the 14th. Half the time of a length per NIB.
        spaced = " ".join(numbers)
        return len(spaced) == 14 * len(numbers) - 1 and spaced[13::14] == " " * (len(numbers) - 1)
    return False


def _checks_find_nothing(
    values: Mapping[str, Sequence[object]], kinds: Mapping[str, Collection[type]], count: int
) -> bool:
    """Whether the checks across firms (unique names, mentors naming a champion) certainly find nothing.

    Tested column by column in C; when this cannot tell, the checks run and
    say what they find. True only when every name is text and unique (in any case), no
    firm but a mentee names a mentor, and every mentee names a champion (or
    none, when there are fewer than two champions).
    """
    names, roles = values.get("name"), values.get("role")
    if names is None or roles is None or set(kinds.get("name", ())) != {str} or len(set(names)) != count:
        return False
    if len(set(map(str.casefold, cast("Sequence[str]", names)))) != count:  # names differing only in case: a warning
        return False
    # Names that may differ only in spaces, invisible characters or how an accent was typed (a warning): only
    # where one is not written plainly (the names are stripped: joined with one space, the joined text is plain
    # when each is). Asked in C: 0.5 ms for 10,000.
    if not plain_name(" ".join(cast("Sequence[str]", names))):
        return False
    mentees = list(map(operator.eq, roles, itertools.repeat("mentee")))
    mentors = values.get("mentor", (None,) * count)  # no mentor column: every mentee names none
    if set(itertools.compress(mentors, map(operator.not_, mentees))) - {None}:
        return False
    champions = set(itertools.compress(names, map(operator.eq, roles, itertools.repeat("champion"))))
    named = set(itertools.compress(mentors, mentees))
    return named - {None} <= champions and (None not in named or len(champions) < 2)


def import_firms(path: Path, sheet: str | None, limits: Limits) -> ImportedFirms:
    """Read the firms of ``sheet`` of the spreadsheet at ``path`` and check them as a YAML ``firms`` list would be.

    The same checks as in a region file: each entry's fields, unique names,
    mentors naming a champion; no region file around them, so no line.
    """
    from .sheets import read_firms
    from .sheets.collector import paused

    with paused():
        return _import_firms(read_firms(path, sheet, sheet_limits(limits)))


def _import_firms(found: SheetFirms) -> ImportedFirms:
    positions = SheetPositions(Positions(), found, found.file, Location("firms"))
    errors: list[Finding] = [Finding(f.message, positions.place(f.location)) for f in found.errors]
    warnings: list[Finding] = [Finding(f.message, positions.place(f.location)) for f in found.warnings]
    if not found.firms and not found.errors:
        warnings.append(_no_firm_rows(positions))
    firms = found.firms  # its dicts made only if a row is suspect or the checks across firms must run
    values = found.values or None
    for index in _suspect_rows(firms, values, found.kinds if values is not None else None, found.few):
        try:
            Firm.model_validate(firms[index])
        except ValidationError as exc:
            prefix = ("firms", index)
            errors += [
                translate(error, positions, Firm, prefix)
                for error in exc.errors(include_input=False)
                if (index, error["loc"][0] if error["loc"] else None) not in found.refused  # the reader said why
            ]
    if values is None or not _checks_find_nothing(values, found.kinds, len(firms)):
        dropped = {("firms", index, field) for index, field in found.refused}
        check_firms(list(firms), positions, errors, warnings, dropped)
    listed_errors = listed(list(errors), positions, MAX_ERRORS)
    said = listed(list(warnings), positions, MAX_ERRORS)
    return ImportedFirms(found.file, found.firms, listed_errors, said, positions)
