"""Read the firm list of a spreadsheet file: ``.xlsx``, ``.xls``, ``.ods`` or ``.csv``.

The file is read once into memory (within ``max_bytes``) and checked before
any library sees it: a workbook archive's central directory against
``max_unpacked_bytes`` (a zip bomb is refused without inflating a byte), an
``.xlsx`` sheet's cell extent against ``max_rows``/``max_cells``. Workbooks
are read with python-calamine, imported only here: reading a region file
that keeps its firms in YAML loads none of it. Calamine reads values and
the results formulas last had; it never runs formulas or macros.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from ..results import Finding, Location, Message, file_label
from ..sizes import fmt_bytes
from .collector import paused
from .limits import SheetLimits, SheetRefused
from .table import SheetFirms, firms_from_columns, refused

SUFFIXES = (".xlsx", ".xls", ".ods", ".csv")

_NOWHERE = Location("", None, None)
DEFAULT_LIMITS = SheetLimits()
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: .xls, or an encrypted .xlsx
_ZIP = b"PK\x03\x04"


def _note(key: str, **values: Any) -> Message:
    return Message(key, values)


def _refuse(key: str, where: Location = _NOWHERE, **values: Any) -> SheetRefused:
    return SheetRefused((Finding(_note(key, **values), where),))


def read_firms(
    path: str | os.PathLike[str], sheet: str | None = None, limits: SheetLimits = DEFAULT_LIMITS
) -> SheetFirms:
    """The firms of ``sheet`` (default: the first visible one) of the spreadsheet at ``path``.

    Never raises for a bad file: what is wrong with it comes back as the
    result's errors, each located by cell where it has one.
    """
    with paused():
        return _read_firms(path, sheet, limits)


def _read_firms(path: str | os.PathLike[str], sheet: str | None, limits: SheetLimits) -> SheetFirms:
    label = file_label(path)
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        if os.path.isdir(path):  # (import .: said as a folder, not as a type with no name)
            said = _note("sheet.is_directory")
        elif suffix in _OTHER_WORKBOOKS:  # (a file not there is said so: it could not be saved again)
            said = _note("sheet.other_workbook", suffix=suffix) if os.path.isfile(path) else _note("file.not_found")
        else:
            said = _note("sheet.unsupported_type", suffix=suffix) if suffix else _note("sheet.no_suffix")
        return refused(label, sheet, [Finding(said, _NOWHERE)])
    try:
        raw = _read_bytes(Path(path), limits)
        if suffix == ".csv":
            from .csvfile import csv_table

            table = csv_table(raw, limits)
            # A sheet named for a CSV file is a slip, not a reason to refuse the file's one table: a warning.
            ignored = () if sheet is None else (Finding(_note("sheet.csv_no_sheets", sheet=sheet), _NOWHERE),)
            return firms_from_columns(
                label,
                None,
                table.header,
                table.columns,
                table.height,
                warnings=ignored,
                text_only=True,
                # One search of the file's bytes: the usual file holds neither, and its columns are not asked.
                shown_errors=b"#" in raw or b"Err:" in raw,
            )
        from .workbook import workbook_firms

        return workbook_firms(label, raw, suffix, sheet, limits)
    except SheetRefused as exc:
        # The sheet read, when the refusal is about it: the first one when none was asked for.
        chosen = exc.sheet if exc.sheet is not None or exc.whole_file else sheet
        return refused(
            label,
            chosen,
            [f for f in exc.findings if isinstance(f, Finding)],
            [f for f in exc.warnings if isinstance(f, Finding)],
        )


# Workbooks Excel, LibreOffice or another office suite saves that this reader does not take: each can be
# saved again as an .xlsx (a workbook with macros too: its macros are never run here, but it is not read).
_OTHER_WORKBOOKS = frozenset({".xlsm", ".xlsb", ".xltx", ".xltm", ".xlt", ".ots", ".fods", ".et", ".ett"})


def _read_bytes(path: Path, limits: SheetLimits) -> bytes:
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise _refuse("sheet.is_directory")
        if not stat.S_ISREG(status.st_mode):
            raise _refuse("sheet.not_regular")
        if status.st_size > limits.max_bytes:
            raise _too_large(path, status.st_size, limits)
        with open(path, "rb") as handle:
            # As much as the file holds, and one byte more to tell that it grew since (then read on to
            # the limit): asking for max_bytes + 1 at once allocates 16 MiB for any file.
            raw = handle.read(status.st_size + 1)
            if len(raw) > status.st_size:
                raw += handle.read(limits.max_bytes + 1 - len(raw))
    except (FileNotFoundError, ValueError):  # ValueError: a NUL byte in the name, which no file has
        from ..missing_file import not_found, windows_only

        if "\\" in path.name and os.sep != "\\" and not windows_only(path.name):  # data\\daftar.xlsx: one name here
            raise _refuse("sheet.not_found_backslash", slashed=path.name.replace("\\", "/")) from None

        said = not_found(path)
        raise _refuse(said.id, **said.values) from None
    except PermissionError:
        raise _refuse("file.no_permission") from None
    except OSError as exc:
        from ..oserrors import os_reason

        raise _refuse("file.unreadable", reason=os_reason(exc)) from None
    if len(raw) > limits.max_bytes:
        raise _too_large(path, len(raw), limits)
    if not raw:
        raise _refuse("file.empty")
    return raw


def _too_large(path: Path, size: int, limits: SheetLimits) -> SheetRefused:
    """Over ``--max-sheet-bytes``: a workbook at the default limit is told what makes one that large (pictures,
    other sheets); a CSV file, or a limit set lower, only the limit (the list itself may be all there is)."""
    workbook = path.suffix.lower() != ".csv" and limits.max_bytes >= DEFAULT_LIMITS.max_bytes
    key = "sheet.too_large_workbook" if workbook else "sheet.too_large"
    return _refuse(key, size=fmt_bytes(size), limit=fmt_bytes(limits.max_bytes))
