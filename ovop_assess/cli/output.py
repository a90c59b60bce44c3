"""Write a finished report to stdout or, whole or not at all, to a file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ..errors import UsageError
from ..results import Message


def write_output(text: str, path: Path | None) -> None:
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UsageError(Message("cli.cannot_write", {"path": str(path), "reason": exc.strerror or str(exc)})) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException as exc:
        # Ctrl-C or a full disk: leave no partial file behind.
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(
                Message("cli.cannot_write", {"path": str(path), "reason": exc.strerror or str(exc)})
            ) from None
        raise
