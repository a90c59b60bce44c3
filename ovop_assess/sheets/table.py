"""Rows of cells (header first) into ``firms[]`` entries, each value with its cell.

Shared by every format: the readers only produce rows of cell values as the
library gives them (text, numbers, booleans, dates; ``""`` for an empty cell)
indexed from A1, so row ``n`` of the list is spreadsheet row ``n + 1``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, NamedTuple

from ..results import Finding, Location, Message
from .column_values import field_column
from .columns import (
    HEADERS_ID,
    REQUIRED,
    Rejected,
    cell_name,
    column_letters,
    field_of,
    near_header,
    one_line,
    shown,
)
from .firm_dicts import FirmDicts
from .firm_rows import held, with_values
from .merged_ranges import merged_findings
from .stray_rows import stray_findings, stray_rows
from .two_row_header import two_row_header

PathKey = tuple[str | int, ...]

_NONE: Final = type(None)
_BLANK: Final = frozenset({"", None})


# What Excel reads as a number in a CSV file it opens: digits, or the rounded display it saved (8,12E+12).
_NUMBER_TEXT: Final = re.compile(r"[0-9]+|[0-9]+(?:[.,][0-9]+)?[Ee]\+?[0-9]+")

_LISTED = 20
"""Ignored columns named in the warning; past them, how many more (a sheet may have thousands)."""


def _note(key: str, **values: Any) -> Message:
    return Message(key, values)


class SheetFirms(NamedTuple):
    """The firms read from one sheet, where each came from, and what was wrong.

    ``firms[i]`` has the keys and value types of a YAML ``firms[]`` entry (a
    cell that could not be turned is left out and has its error here);
    ``rows[i]`` is its spreadsheet row and ``columns`` the column of each
    field, so every problem, the reader's or the region validation's, is
    located by file, sheet, cell and field path. A finding's
    ``Location.line``/``column`` are the cell's row and column (1-based):
    ``cell_name(loc.line, loc.column)`` gives ``C12``.
    """

    file: str
    sheet: str | None  # None for a CSV file, which has no sheets
    firms: Sequence[dict[str, Any]]  # a tuple, or :class:`FirmDicts` (made when asked for)
    rows: tuple[int, ...]
    columns: dict[str, int]
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    header_row: int = 1
    values: Mapping[str, tuple[object, ...]] = MappingProxyType({})
    """Each field's column of values, aligned with ``firms`` (None where a firm has no value):
    the same values, for checks that run column by column."""
    kinds: Mapping[str, frozenset[type]] = MappingProxyType({})
    """The types that may be among each column of ``values`` (``NoneType`` if a firm may lack the field):
    every type there is, perhaps one more (a type only an empty row had)."""
    few: Mapping[str, frozenset[object]] = MappingProxyType({})
    """For a column turned from a few distinct texts (a role, a count), the values it may hold: every
    one there is, perhaps more (one only an empty row had); the column's checks ask these, not each row."""
    headers: Mapping[str, str] = MappingProxyType({})
    """Each field's column header as the sheet writes it (``Bersedia Menjadi Penggerak``, ``willing_to_lead``)."""
    refused: frozenset[tuple[int, str]] = frozenset()
    """The (firm index, field) of each cell in ``errors``: its field is left out of the firm, and no later
    check says so again ("required field missing" after "formula whose result was not saved")."""

    def location(self, path: PathKey) -> Location:
        """Where a path of the region data lies in the sheet: ``("firms", 3, "nib")`` -> that firm's NIB cell."""
        rest = path[1:] if path[:1] == ("firms",) else path
        if not rest or not isinstance(rest[0], int) or not 0 <= rest[0] < len(self.rows):
            return Location(_path(("firms", *rest)), self.header_row, min(self.columns.values(), default=1))
        row = self.rows[rest[0]]
        field = rest[1] if len(rest) > 1 else None
        column = self.columns.get(field) if isinstance(field, str) else None
        return Location(_path(("firms", *rest)), row, column or min(self.columns.values(), default=1))

    def cell(self, path: PathKey) -> str:
        """The A1 name of the cell a path lies in: ``C12``."""
        where = self.location(path)
        return cell_name(where.line or 1, where.column or 1)

    # The names yaml_source.Positions offers, so the region validation can locate sheet firms unchanged.
    def value(self, path: PathKey) -> Location:
        return self.location(path)

    def key(self, path: PathKey) -> Location:
        return self.location(path)

    def raw(self, path: PathKey) -> None:
        return None

    def text(self, path: PathKey) -> None:
        return None

    def unquoted(self, path: PathKey) -> bool:
        return False

    def missing(self, path: PathKey) -> Location:
        return self.location(path)

    def sheet_text(self, path: PathKey) -> str | None:
        """A firm's field as the office sees its cell (``("firms", 3, "role")``: ``TRUE``, ``Ketua``), or None."""
        rest = path[1:] if path[:1] == ("firms",) else path
        if len(rest) != 2 or not isinstance(rest[0], int) or not isinstance(rest[1], str):
            return None
        column = self.values.get(rest[1])
        value = column[rest[0]] if column is not None and 0 <= rest[0] < len(column) else None
        return None if value is None else shown(value)


def _path(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def refused(file: str, sheet: str | None, findings: Iterable[Finding], warnings: Iterable[Finding] = ()) -> SheetFirms:
    """A sheet that could not be read: no firms, only why."""
    return SheetFirms(file, sheet, (), (), {}, tuple(findings), tuple(warnings))


def firms_from_rows(
    file: str,
    sheet: str | None,
    rows: Sequence[Sequence[object]],
    *,
    header_row: int = 1,
    merged: Iterable[tuple[tuple[int, int], tuple[int, int]]] = (),
    formula_cells: Collection[tuple[int, int]] = (),
    warnings: Iterable[Finding] = (),
    other_sheets: Sequence[Message | str] = (),
) -> SheetFirms:
    """The firms of ``rows`` (``rows[0]`` is the header, spreadsheet row ``header_row``).

    ``merged`` are 0-based ((first row, first column), (last row, last column))
    ranges as calamine gives them, relative to A1; ``formula_cells`` the
    0-based (row, column) of formulas without a saved result; ``other_sheets`` the workbook's sheets when
    this one was read for want of a name (said if it is not the firm list).
    """
    body = rows[1:]
    # The rows transposed at once, in C: each field is then converted column by column.
    if body and len(set(map(len, body))) == 1:
        transposed: list[Sequence[object]] = list(zip(*body, strict=True))
    else:  # short rows (a CSV line with fewer fields): the missing cells are empty
        transposed = list(itertools.zip_longest(*body, fillvalue=""))
    return firms_from_columns(
        file,
        sheet,
        rows[0] if rows else (),
        transposed,
        len(body),
        header_row=header_row,
        merged=merged,
        formula_cells=formula_cells,
        warnings=warnings,
        other_sheets=other_sheets,
    )


def firms_from_columns(
    file: str,
    sheet: str | None,
    header: Sequence[object],
    body: Sequence[Sequence[object]],
    count: int,
    *,
    header_row: int = 1,
    merged: Iterable[tuple[tuple[int, int], tuple[int, int]]] = (),
    formula_cells: Collection[tuple[int, int]] = (),
    warnings: Iterable[Finding] = (),
    text_only: bool = False,
    shown_errors: bool = False,
    other_sheets: Sequence[Message | str] = (),
) -> SheetFirms:
    """:func:`firms_from_rows` from the header row and the ``count`` rows below it given column by column.

    ``body[i]`` holds the cells of column ``i`` below the header; a column
    past the end of ``body`` is empty. ``text_only``: every cell is a ``str``
    (a CSV file), which spares asking each column. ``shown_errors``: a CSV file whose text may hold what
    a spreadsheet shows for a failed formula (``#N/A``, ``Err:502``), looked for in the firm columns.
    """
    warned = list(warnings)
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    errors: list[Finding] = []
    unknown: list[tuple[int, str]] = []
    for index, title in enumerate(header):
        if title is None or title == "":
            continue
        field = field_of(title)
        if field is None:
            unknown.append((index, title.strip() if isinstance(title, str) else shown(title)))
        elif field in columns:
            first = column_letters(columns[field] - 1)
            errors.append(
                Finding(
                    _note("sheet.duplicate_column", column=str(title).strip(), first=first),
                    Location("firms", header_row, index + 1),
                )
            )
        else:
            columns[field] = index + 1
            headers[field] = one_line(str(title).strip())
    # A column whose header looks like one of the list's, for a field no column gives: a warning of its own.
    meant = {i: like for i, name in unknown if (like := near_header(name)) and field_of(like) not in columns}
    for index, like in meant.items():
        warned.append(
            Finding(
                _note("sheet.near_header", column=one_line(dict(unknown)[index]), header=like),
                Location("firms", header_row, index + 1),
            )
        )
    if not columns:
        from .header_row import no_column_names  # (only for a sheet refused)

        return refused(file, sheet, no_column_names(header, body, count, header_row, other_sheets), warned)
    merged = list(merged)  # (asked twice)
    two_rows = two_row_header(header, body, count, columns, merged, header_row)
    if two_rows is not None:  # row 2 is the header's too: not one error per merged cell, nor its names unread
        return refused(file, sheet, [*errors, two_rows], warned)  # (a column named twice: said as well)
    others = [(i, name) for i, name in unknown if i not in meant]
    if others:
        names = ", ".join(f"{one_line(name)} ({column_letters(i)})" for i, name in others[:_LISTED])
        names += f", … (+{len(others) - _LISTED})" if len(others) > _LISTED else ""
        warned.append(
            Finding(_note("sheet.unknown_columns", columns=names), Location("firms", header_row, others[0][0] + 1))
        )
    beyond = _beyond_header(header, body, header_row)
    if beyond is not None:
        warned.append(beyond)
    unnamed = _unnamed_columns(header, body, header_row)
    if unnamed is not None:
        warned.append(unnamed)
    missing_required = [field for field in REQUIRED if field not in columns]
    for field in missing_required:  # at the column whose header seems meant for it (Nama UMKM), else the row
        column = next((i + 1 for i, like in meant.items() if field_of(like) == field), None)
        missing = _note("sheet.missing_column", column=HEADERS_ID[field], yaml_key=field)
        errors.append(Finding(missing, Location("firms", header_row, column)))
    if missing_required:
        return refused(file, sheet, errors, warned)

    fields = list(columns)
    # Column by column, one comprehension (or one call in C) per field: several times faster than a call per cell.
    empty = ("",) * count
    typed = [
        field_column(field, body[columns[field] - 1] if columns[field] <= len(body) else empty, text_only)
        for field in fields
    ]
    converted = [values for values, _, _ in typed]
    kinds = [found for _, found, _ in typed]
    few = {field: values for field, (_, _, values) in zip(fields, typed, strict=True) if values is not None}
    problems: list[tuple[int, int, str, Message]] = []  # (offset in body, 0-based column, field, why)
    for position, (field, found) in enumerate(zip(fields, kinds, strict=True)):
        if Rejected not in found:
            continue
        index = columns[field] - 1
        converted[position] = values = list(converted[position])  # a column turned at once is a tuple
        for offset in [i for i, value in enumerate(values) if value.__class__ is Rejected]:
            rejected = values[offset]
            assert isinstance(rejected, Rejected)
            why = rejected.message
            if text_only and field == "nib" and _NUMBER_TEXT.fullmatch(str(body[index][offset]).strip()):
                why = _note("sheet.nib_in_csv", problem=why)  # Excel makes such a cell a number at each opening
            problems.append((offset, index, field, why))
            values[offset] = None
        found.discard(Rejected)
        found.add(_NONE)
    if shown_errors:  # a CSV file saved from a workbook holds the error a failed formula showed, as text
        for position, field in enumerate(fields):
            index = columns[field] - 1
            found_errors = _error_texts(body[index] if index < len(body) else ())
            if found_errors:
                converted[position] = values = list(converted[position])
                error_cells = {(offset, index) for offset, _ in found_errors}
                # The error's own words replace the field's refusal of the same cell ("a number, not #N/A").
                problems = [problem for problem in problems if problem[:2] not in error_cells]
                for offset, error in found_errors:
                    problems.append((offset, index, field, _note("sheet.csv_error_text", error=error)))
                    values[offset] = None
                kinds[position].add(_NONE)
    by_column = {column - 1: field for field, column in columns.items()}
    for row, column in formula_cells:
        offset = row - header_row
        if 0 <= offset < count and column in by_column and converted[fields.index(by_column[column])][offset] is None:
            problems.append((offset, column, by_column[column], _note("sheet.formula_no_value")))
    flagged = {offset for offset, _, _, _ in problems}

    name_at, role_at = fields.index("name"), fields.index("role")
    keys = (columns["name"] - 1, columns["role"] - 1)
    strays = stray_rows(
        converted[name_at],
        converted[role_at],
        (kinds[name_at], kinds[role_at]),
        converted,
        flagged,
        {offset for offset, column, _, _ in problems if column in keys},
    )
    if strays:  # a row that is no firm is said once, as a row: not cell by cell as a firm's
        problems = [problem for problem in problems if problem[0] not in strays]
    if not strays and any(_NONE not in found for found in kinds):  # a column filled in every row: no row is empty
        firm_rows, kept_values = list(range(header_row + 1, header_row + 1 + count)), converted
        index_of: dict[int, int] | range = range(count)
    else:
        # An empty row in the middle is skipped; the next firm keeps its own row number.
        kept = sorted((set(with_values(converted, kinds)) | flagged) - strays)
        if unknown and len(kept) + len(strays) < count:
            ignored = _only_ignored(unknown, body, [*kept, *strays], count, header_row)
            if ignored is not None:
                warned.append(ignored)
        firm_rows = [header_row + 1 + offset for offset in kept]
        kept_values = [[column[offset] for offset in kept] for column in converted]
        index_of = {offset: index for index, offset in enumerate(kept)}
    said = [
        Finding(message, Location(f"firms[{index_of[offset]}].{field}", header_row + 1 + offset, column + 1))
        for offset, column, field, message in problems
    ]
    # The rows that are no firm among the cells' findings, in the sheet's order (a total row at its name's cell).
    named = (converted[name_at], columns["name"] - 1)
    strayed = stray_findings(strays, body, formula_cells, header_row, named, csv=sheet is None)
    errors += sorted([*said, *strayed], key=_place)
    firm_columns = [tuple(column) for column in kept_values]  # the firms' columns, their dicts made from them
    firms = FirmDicts(fields, firm_columns, kinds, len(firm_rows))
    merges, covered = merged_findings(merged, columns, header_row, firm_rows, firms, header, body, formula_cells)
    errors += merges
    # The cells the reader refused, and those a merged range left empty: said once, no later check says so again.
    refused_cells = frozenset((index_of[offset], field) for offset, _, field, _ in problems) | covered
    return SheetFirms(
        file,
        sheet,
        firms,
        tuple(firm_rows),
        columns,
        tuple(errors),
        tuple(warned),
        header_row,
        dict(zip(fields, firm_columns, strict=True)),
        {field: frozenset(found) for field, found in zip(fields, kinds, strict=True)},
        few,
        headers,
        refused_cells,
    )


def _place(finding: Finding) -> tuple[int, int]:
    where = finding.location
    return (where.line or 0, where.column or 0) if where is not None else (0, 0)


def _only_ignored(
    unknown: list[tuple[int, str]], body: Sequence[Sequence[object]], kept: list[int], count: int, header_row: int
) -> Finding | None:
    """One warning for the rows skipped as empty that hold values in ignored columns: a firm whose name was
    forgotten, or a CSV line written with another separator (all of it in one ignored column), would
    otherwise vanish without a word. Only the skipped rows are looked at (few: the empty rows in a list)."""
    kept_set = set(kept)
    skipped = [offset for offset in range(count) if offset not in kept_set]
    found: list[tuple[int, int]] = []  # (offset, column index) of each skipped row's first value
    for offset in skipped:
        for index, _ in unknown:
            cells = body[index] if index < len(body) else ()
            value = cells[offset] if offset < len(cells) else None
            if value is not None and value != "" and not (isinstance(value, str) and not value.strip()):
                found.append((offset, index))
                break
    if not found:
        return None
    offset, index = found[0]
    row, column = header_row + 1 + offset, index + 1
    value = shown(body[index][offset])
    return Finding(
        _note("sheet.rows_only_ignored", rows=len(found), row=row, cell=cell_name(row, column), value=value),
        Location("firms", row, column),
    )


# What Excel and LibreOffice show in a cell whose formula failed, and write so into a CSV file.
_ERROR_TEXTS = frozenset(
    {"#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA"}
    # Excel for Microsoft 365's (its ErrorCellValueType): dynamic arrays, data types, links, Python in Excel.
    | {
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#PYTHON!",
        "#TIMEOUT!",
        "#EXTERNAL!",
    }
)


def _error_texts(cells: Sequence[object]) -> list[tuple[int, str]]:
    """The (offset, text) of each cell reading as a spreadsheet's error (``#N/A``, LibreOffice's ``Err:502``).
    One search of the column joined decides for the usual column, which holds none."""
    joined = "\n".join(map(str, cells))  # a CSV file's cells are all text: no Python call per cell
    if "#" not in joined and "Err:" not in joined:
        return []
    found = []
    for offset, cell in enumerate(cells):
        text = cell.strip().upper() if isinstance(cell, str) else ""
        if text in _ERROR_TEXTS or (text.startswith("ERR:") and text[4:].isdigit() and len(text) == 7):
            found.append((offset, cell.strip() if isinstance(cell, str) else ""))
    return found


def _beyond_header(header: Sequence[object], body: Sequence[Sequence[object]], header_row: int) -> Finding | None:
    """The first cell filled in beyond the header's last column (the first such row, its leftmost), if any.

    Such a cell has no column name, so it is dropped: one warning per sheet
    says where, so a row shifted by an extra separator does not go unnoticed.
    """
    last = max((i for i, title in enumerate(header) if title is not None and title != ""), default=-1)
    first: tuple[int, int] | None = None
    for index in range(last + 1, len(body)):
        cells = body[index]
        if set(cells) <= _BLANK:  # the usual extra column, empty (a trailing separator): asked in C
            continue
        end = len(cells) if first is None else first[0]  # only a row above the one found can come first
        for offset in range(end):
            cell = cells[offset]
            if cell is not None and cell != "":
                if first is None or offset < first[0]:
                    first = (offset, index)
                break
    if first is None:
        return None
    row, column = header_row + 1 + first[0], first[1] + 1
    return Finding(
        _note("sheet.cells_beyond_header", row=row, cell=cell_name(row, column)), Location("firms", row, column)
    )


def _unnamed_columns(header: Sequence[object], body: Sequence[Sequence[object]], header_row: int) -> Finding | None:
    """One warning for the columns inside the header's span that hold values under no name (ignored as any
    column the list does not know: an L and P left unnamed beside Tenaga Kerja), at the first one's name cell."""
    last = max((i for i, title in enumerate(header) if title is not None and title != ""), default=-1)
    found = [
        index
        for index in range(min(last, len(body)))
        if (header[index] is None or header[index] == "") and any(map(_shows_something, body[index]))
    ]
    if not found:
        return None
    columns = ", ".join(column_letters(index) for index in found[:_LISTED])
    columns += f", … (+{len(found) - _LISTED})" if len(found) > _LISTED else ""
    said = _note("sheet.unnamed_columns", columns=columns, row=header_row)
    return Finding(said, Location("firms", header_row, found[0] + 1))


def _shows_something(cell: object) -> bool:
    """A cell holding a value a reader sees: not empty, nor only spaces or invisible characters (U+200B)."""
    if not held(cell):
        return False
    from ..strict_model import shows_nothing  # (pydantic's models: only for an unnamed column holding text)

    return not (isinstance(cell, str) and shows_nothing(cell))
