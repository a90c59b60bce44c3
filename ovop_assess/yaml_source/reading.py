"""Bytes -> text: the first step. Reads a file within ``max_bytes`` and decodes it as UTF-8.

Refuses what is not a regular, readable, UTF-8 text file before any YAML
is parsed; :mod:`.load` takes the text on from here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..results import Finding, Location, Message
from ..sizes import fmt_bytes
from .limits import Limits
from .loaded import LoadError
from .marks import byte_location

# A region file's words for a folder and a device, and any other file's (an office profile, a criteria set):
# "a folder with no region files below it" was said of --office .
_FOLDER = {True: "file.is_directory", False: "file.is_a_folder"}
_NOT_REGULAR = {True: "file.not_regular", False: "file.not_regular_any"}


def read_text(path: Path, limits: Limits, region: bool = True) -> str:
    """Read a file as UTF-8 text within the byte limit, or raise :class:`LoadError`; ``region``: whether a region
    file is read (a folder or a device is said in its words)."""
    label = Location("", None, None)
    try:
        status = os.stat(path)
        size = status.st_size
        if stat.S_ISDIR(status.st_mode):
            readable = os.access(path, os.R_OK | os.X_OK)
            raise LoadError([Finding(Message(_FOLDER[region] if readable else "file.folder_unreadable", {}), label)])
        if not stat.S_ISREG(status.st_mode):  # a FIFO would wait for a writer forever, /dev/zero never ends
            raise LoadError([Finding(Message(_NOT_REGULAR[region], {}), label)])
        if size > limits.max_bytes:
            raise LoadError([Finding(_too_large(size, limits, region), label)])
        raw = _read_regular(path, limits, label, region)
    except FileNotFoundError:
        from ..missing_file import not_found

        raise LoadError([Finding(not_found(path), label)]) from None
    except PermissionError:
        raise LoadError([Finding(Message("file.no_permission", {}), label)]) from None
    except OSError as exc:
        from ..oserrors import os_reason  # only when reading fails

        raise LoadError([Finding(Message("file.unreadable", {"reason": os_reason(exc)}), label)]) from None
    if len(raw) > limits.max_bytes:
        raise LoadError([Finding(_too_large(len(raw), limits, region), label)])
    return decode(raw)


def _too_large(size: int, limits: Limits, region: bool) -> Message:
    # A criteria set or an office profile is read within the default limit: no option raises it for them.
    key = "file.too_large" if region else "file.too_large_fixed"
    return Message(key, {"size": fmt_bytes(size), "limit": fmt_bytes(limits.max_bytes)})


_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _open(path: Path) -> int:
    return os.open(path, _FLAGS)


def _read_regular(path: Path, limits: Limits, label: Location, region: bool = True) -> bytes:
    """Read at most ``max_bytes + 1`` bytes of what ``path`` names, if it is still a regular file when opened.

    The file checked above may be swapped (for a FIFO, a device) before it is
    opened: opened without blocking (a FIFO with no writer would wait
    forever), then the opened descriptor itself is checked.
    """
    handle = _open(path)
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode):
            raise LoadError([Finding(Message(_NOT_REGULAR[region], {}), label)])
        if opened.st_size > limits.max_bytes:
            raise LoadError([Finding(_too_large(opened.st_size, limits, region), label)])
        # os.read rather than a buffered file object: one file's object and buffer cost a batch more
        # than the two reads. The first asks for the size fstat gave (and one byte more, to see growth).
        chunks: list[bytes] = []
        remaining = limits.max_bytes + 1
        ask = min(remaining, opened.st_size + 1)
        while remaining > 0:
            chunk = os.read(handle, ask)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            ask = min(remaining, 65536)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(handle)


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([Finding(Message("file.not_utf8", {}), Location("", 1, 1))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError([Finding(Message("file.not_utf8", {}), byte_location(raw, exc.start))]) from None
    nul = raw.find(b"\x00")
    if nul >= 0:  # valid UTF-8, but text files have no NUL: UTF-16 without a BOM, or binary
        raise LoadError([Finding(Message("file.not_utf8", {}), byte_location(raw, nul))])
    return text
