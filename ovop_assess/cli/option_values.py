"""The values of the options that name a date or a file, checked as typer hands them over (its ``parser=``)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from ..dates import parse_date
from ..errors import UsageError
from ..results import Message, file_label


def as_of(value: str | None) -> datetime.date:
    """``--as-of``: a date written YYYY-MM-DD, else today; a date written otherwise is told the date to write."""
    if value is None:
        return datetime.date.today()
    date = parse_date(value)  # YYYY-MM-DD only: Python also reads 2024-W01 and 20240203
    if date is None:
        from ..date_hints import date_hint

        hint = date_hint(value)  # 01-12-2026, "1 Desember 2026": the date to write, as a region file is told
        if hint is not None:
            raise UsageError(Message("cli.bad_date_hint", {"hint": hint}))
        raise UsageError(Message("cli.bad_date", {"value": value}))
    return date


def file_to_read(value: str) -> Path:
    """A file or folder to read: an empty name is refused, where ``Path`` would make it ``.``, the current folder
    (a script's unset ``"$FILE"`` would have every file under it assessed)."""
    if not value:
        raise UsageError(Message("cli.empty_path", {}))
    return Path(value)


def file_to_write(value: str) -> Path:
    """A file the command writes (``--output``, ``init``'s FILE, ``--firms-sheet``): a name ending in a separator
    means a folder, and ``Path`` would drop the separator and write a file of the folder's name; outside
    Windows, a ``\\`` is refused (a file's name holding it is never what a Windows path meant)."""
    if not value:
        raise UsageError(Message("cli.empty_output_path", {}))
    if "\\" in value and os.sep != "\\" and _backslash_meant_a_folder(Path(value)):
        # hasil\\laporan.json, as a Windows batch file writes it (a folder whose own name holds \\ is one)
        from ..missing_file import windows_only

        if windows_only(value):  # C:\\Users\\…: written with /, it would still name nothing here
            raise UsageError(Message("cli.output_windows_path", {"path": file_label(Path(value))}))
        # Written, it would be one file of that name here, not a file in the folder meant.
        slashed = file_label(Path(value.replace("\\", "/")))
        raise UsageError(Message("cli.output_backslash", {"path": file_label(Path(value)), "slashed": slashed}))
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    last = value
    for sep in separators:
        last = last.rsplit(sep, 1)[-1]
    if last in (".", "..") and last != value:  # out/. or out/..: a folder too, which Path shortens to out
        raise UsageError(Message("cli.is_a_folder", {"path": value, "separator": os.sep}))
    folder = value.rstrip("".join(separators))
    if folder != value and folder:
        separator = value[-1]
        raise UsageError(
            Message("cli.names_a_folder", {"path": file_label(Path(folder)) + separator, "separator": separator})
        )
    return Path(value)


def _backslash_meant_a_folder(path: Path) -> bool:
    """Whether a ``\\`` in ``path`` stands where a Windows user meant a folder: in the file's name (unless the
    whole path is a folder here, said so as any folder is), or in a folder of its path that does not exist."""
    if "\\" in path.name:
        return not path.is_dir()
    parts = path.parent.parts
    return any("\\" in part and not Path(*parts[: i + 1]).is_dir() for i, part in enumerate(parts))
