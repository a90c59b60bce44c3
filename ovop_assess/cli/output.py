"""Write a finished report to stdout or, whole or not at all, to a file."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import UsageError
from ..results import Message, file_label


def write_output(text: str | Iterable[str], path: Path | None) -> None:
    """Write ``text`` (or its pieces, as they come) to stdout, or atomically to ``path``."""
    chunks = [text] if isinstance(text, str) else text
    if path is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UsageError(Message("cli.cannot_write", {"path": file_label(path), "reason": _reason(exc)})) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            for chunk in chunks:
                stream.write(chunk)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException as exc:
        # Ctrl-C or a full disk: leave no partial file behind.
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(Message("cli.cannot_write", {"path": file_label(path), "reason": _reason(exc)})) from None
        raise


def _reason(error: OSError) -> Message | str:
    """The OS error's cause in the catalogue's words (imported only when writing failed)."""
    from ..oserrors import os_reason

    return os_reason(error)


def _mode_for(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o7777  # keep the mode of the file being replaced
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
