"""Write a finished report to stdout or to the file ``--output`` names.

Where ``--output`` leads decides how it is written:

- **A regular file, or a name not yet taken**: whole or not at all. The text
  goes to a temporary file in the same folder, which then replaces the
  target in one step (``os.replace``); Ctrl-C or a full disk leaves the old
  file as it was and no partial file behind. An existing file keeps its
  permission bits. An existing file the user may not write (read-only, or
  another user's in a shared folder) is refused, as the shell's ``>`` refuses
  it: replacing it through its folder would get round its permissions.
- **A symlink** is written through, never replaced: the temporary file is made
  in the folder of the file the link leads to (``os.path.realpath``), so the
  link stays a link and its target gets the report. A dangling link gets the
  file it points to, when that file's folder exists.
- **One of this process's open descriptors** (``/dev/stdout``, ``/dev/stderr``,
  ``/dev/fd/N``, ``/proc/self/fd/N``, or a link to one): written to that
  descriptor, as the shell set it up (a pipe, a terminal, a file opened for
  appending keeps what it had).
- **Anything else that is not a regular file** (a device such as
  ``/dev/null``, a FIFO, a terminal): opened and written directly, never
  replaced. A stream cannot be written whole or not at all: what was written
  before an error or Ctrl-C has gone out.

A folder is refused before anything is written.

**Standard output may be missing** (``>&-``: Python then has no ``sys.stdout``):
the report's stream is one whose every write fails as a closed descriptor's
does, so the run ends with "cannot write <stdout>" (exit 2) as for a full disk,
rather than losing the report in silence.

**Stdout is the report's alone.** :func:`report_to_stdout` (around the whole
run) takes a duplicate of descriptor 1 for the report and points descriptor 1
itself at ``/dev/null`` (at stderr under ``--debug``); :func:`plugins_running`
(around what imports or runs plugins) also makes ``sys.stdout`` a stream
over that descriptor 1. So a plugin's ``print``, a logging handler it made
at import on ``sys.stdout``, ``sys.__stdout__`` and a subprocess writing to
descriptor 1 all miss the report, which is written through the duplicate
only. The duplicate is not inherited by subprocesses.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from .. import rule_guard
from ..errors import UsageError
from ..results import Message, file_label

if TYPE_CHECKING:
    from ..messages import Lang

# Names of this process's own descriptors; /proc/PID/fd/N only with this process's PID.
_STANDARD_STREAMS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_DESCRIPTOR_PATH = re.compile(r"/(?:dev/fd|proc/(?P<pid>self|thread-self|\d+)/fd)/(?P<fd>\d+)\Z")
_MAX_LINKS = 40  # as the kernel's own limit on links followed in one lookup


def _bad_descriptor() -> OSError:
    return OSError(errno.EBADF, os.strerror(errno.EBADF))


class _NoStdout(io.StringIO):
    """The report's stream when the process was started without descriptor 1: each write fails with EBADF."""

    def write(self, text: str, /) -> int:
        raise _bad_descriptor()

    @property
    def buffer(self) -> BinaryIO:  # a binary format's bytes fail the same way
        return _NoBytes()


class _NoBytes(io.BytesIO):
    def write(self, data: object, /) -> int:
        raise _bad_descriptor()


class _Streams:
    report: TextIO | None = None  # the report's stream (the duplicate of descriptor 1), while a run lasts
    decoy: TextIO | None = None  # what plugins get as sys.stdout
    kept: int | None = None  # the duplicate of descriptor 1 (``--output /dev/stdout`` means it)
    after_write: str | None = None  # a warning said once the report is written (note_name_against_format)


def report_stream() -> TextIO:
    """Where a report to stdout goes: the run's own stream, else ``sys.stdout``."""
    return _Streams.report or sys.stdout


@contextmanager
def report_to_stdout(debug: bool) -> Iterator[None]:
    """For the run: the report through a duplicate of descriptor 1, descriptor 1 itself elsewhere."""
    _Streams.after_write = None  # (a warning a run before this one left unsaid: its report was never written)
    original = sys.stdout
    if original is None:  # started with descriptor 1 closed: whatever is written to stdout fails, and says so
        _Streams.report, _Streams.decoy = _NoStdout(), io.StringIO()
        try:
            yield
        finally:
            _Streams.report = _Streams.decoy = None
        return
    try:
        real = original.fileno() == 1
    except (OSError, ValueError, AttributeError):  # a stream of a test or a host program: no descriptor to move
        real = False
    if not real:
        _Streams.report, _Streams.decoy = original, io.StringIO()
        try:
            yield
        finally:
            _Streams.report = _Streams.decoy = None
        return
    try:
        original.flush()
        kept = _dup_above_standard(1)  # non-inheritable: a plugin's subprocess never gets it
        elsewhere = 2 if debug and _is_open(2) else os.open(os.devnull, os.O_WRONLY)
    except OSError:  # no descriptors left: run as before
        _Streams.report, _Streams.decoy = original, io.StringIO()
        try:
            yield
        finally:
            _Streams.report = _Streams.decoy = None
        return
    report = io.TextIOWrapper(
        io.FileIO(kept, "w", closefd=False),
        encoding=original.encoding,
        errors=original.errors,
        line_buffering=bool(original.line_buffering),
    )
    os.dup2(elsewhere, 1)
    if elsewhere != 2:
        os.close(elsewhere)
    _Streams.report, _Streams.decoy, _Streams.kept = report, original, kept
    sys.stdout = report
    try:
        yield
    finally:
        sys.stdout = original
        _Streams.report = _Streams.decoy = _Streams.kept = None
        with contextlib.suppress(OSError, ValueError):
            original.flush()  # what a plugin left in it goes to where descriptor 1 points now
        with contextlib.suppress(OSError, ValueError):
            report.flush()
        with contextlib.suppress(OSError, ValueError):
            report.detach()
        os.dup2(kept, 1)
        os.close(kept)


def _dup_above_standard(descriptor: int) -> int:
    """A duplicate numbered 3 or more: with descriptor 2 closed at launch, ``os.dup`` would hand out 2, and a
    note to stderr (or a plugin's write to it) would land in the report."""
    try:
        import fcntl
    except ImportError:  # (not on POSIX)
        return os.dup(descriptor)
    return fcntl.fcntl(descriptor, fcntl.F_DUPFD_CLOEXEC, 3)


def _is_open(descriptor: int) -> bool:
    try:
        os.fstat(descriptor)
    except OSError:
        return False
    return True


@contextmanager
def plugins_running() -> Iterator[None]:
    """While plugins are imported or run, ``sys.stdout`` is not the report's stream."""
    previous = sys.stdout
    sys.stdout = _Streams.decoy or io.StringIO()
    try:
        yield
    finally:
        sys.stdout = previous


def write_output(text: str | bytes | Iterable[str], path: Path | None) -> None:
    """Write ``text`` (or its pieces, as they come) to stdout, or to ``path`` as the module describes.

    Text is written as UTF-8; ``bytes`` (a binary format's output) as they are.
    """
    chunks: Iterable[str | bytes] = [text] if isinstance(text, str | bytes) else text
    if path is None:
        _write_report_stdout(iter(chunks))
        return
    descriptor = _own_descriptor(path)
    if descriptor is not None:
        _write_descriptor(chunks, descriptor, path)
        return
    try:
        status: os.stat_result | None = os.stat(path)
    except FileNotFoundError:  # a new file, or a dangling symlink: created where it leads
        status = None
    except (OSError, ValueError) as exc:  # a symlink loop, a folder that cannot be searched, a NUL byte
        raise _cannot_write(path, exc) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise folder_refused(path)
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_stream(chunks, path)
        return
    _write_whole(chunks, path, None if status is None else status.st_mode & 0o7777)
    said, _Streams.after_write = _Streams.after_write, None
    if said is not None:  # (after the write: a refusal or a Ctrl-C is not preceded by it)
        from .terminal import note

        note(said)


def _write_report_stdout(chunks: Iterator[str | bytes]) -> None:
    """Write to stdout; when its reader has gone (``| head``), the rest is still made, unwritten.

    The pieces of a streamed report are made as the files are assessed: the
    run goes on to its end so that its exit code is the files' (as for a
    report written whole), and stdout is pointed at ``/dev/null`` so that
    nothing tries to write to the closed pipe again.
    """
    stream = report_stream()
    # Only the writes are guarded: an OSError while a piece is made (assessing a file) is no failure to write.
    for chunk in chunks:
        if not _written(stream, functools.partial(_write_stdout, stream, chunk)):
            for _ in chunks:
                pass
            return
    _written(stream, stream.flush)


def _written(stream: TextIO, write: Callable[[], object]) -> bool:
    """Whether ``write()`` wrote; ``False`` when stdout's reader has gone, which silences it."""
    try:
        write()
    except BrokenPipeError:
        _silence(stream)
        return False
    except OSError as exc:  # a full disk (> /dev/full), an I/O error: as for --output, in the system's words
        _silence(stream)  # the rest of the buffer must not fail again at exit
        raise _cannot_write(Path("<stdout>"), exc) from None
    return True


def _silence(stream: TextIO) -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    with contextlib.suppress(OSError, ValueError):
        stream.flush()  # what is left in the buffer now goes to /dev/null


def refuse_output_among_inputs(output: Path | None, inputs: Iterable[Path | str]) -> None:
    """Refuse an ``--output`` that is one of the input files, by any name (a symlink, a hard link).

    Checked before anything is read or written. Only an existing regular file
    can be both: a new name is no input, and devices or pipes are never read
    as region files. One ``stat`` per input file, only when ``--output`` exists.
    """
    if output is None:
        return
    try:
        status = os.stat(output)
    except (OSError, ValueError):
        return
    if not stat.S_ISREG(status.st_mode):
        return
    for path in inputs:
        try:
            other = os.stat(path)
        except (OSError, ValueError):
            continue
        if os.path.samestat(status, other):
            raise UsageError(Message("cli.output_is_input", {"path": file_label(output)}))


def _own_descriptor(path: Path) -> int | None:
    """The descriptor of this process that ``path`` names, following symlinks; None for any other path."""
    if os.name != "posix":
        return None
    current = os.path.abspath(path)
    for _ in range(_MAX_LINKS):
        if current in _STANDARD_STREAMS:
            return _STANDARD_STREAMS[current]
        found = _DESCRIPTOR_PATH.match(current)
        if found and found["pid"] in (None, "self", "thread-self", str(os.getpid())):
            return int(found["fd"])
        try:
            link = os.readlink(current)
        except (OSError, ValueError):  # not a symlink (or not there): an ordinary path
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return None


def _write_descriptor(chunks: Iterable[str | bytes], descriptor: int, path: Path) -> None:
    """Write to an open descriptor of this process, as the shell left it (no truncation, no replacing)."""
    for stream in (report_stream(), sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # (AttributeError: stderr is None)
            stream.flush()  # anything printed before comes first
    if descriptor == 1 and _Streams.kept is not None:  # descriptor 1 is kept from plugins: the report's is this
        descriptor = _Streams.kept
    try:
        _write_chunks(os.dup(descriptor), chunks)
    except BrokenPipeError:
        if descriptor == 1:  # the reader of stdout went away (| head): as for stdout itself
            raise
        raise _cannot_write(path, OSError(errno.EPIPE, os.strerror(errno.EPIPE), str(path))) from None
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _write_stream(chunks: Iterable[str | bytes], path: Path) -> None:
    """Write to a device, a FIFO or a terminal through its name: opened as it is, never created or replaced."""
    try:
        handle = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        opened = os.fstat(handle)
    except OSError as exc:
        os.close(handle)
        raise _cannot_write(path, exc) from None
    if stat.S_ISREG(opened.st_mode):  # replaced by a regular file since it was looked at
        os.close(handle)
        _write_whole(chunks, path, opened.st_mode & 0o7777)
        return
    try:
        _write_chunks(handle, chunks)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _write_whole(chunks: Iterable[str | bytes], path: Path, mode: int | None) -> None:
    """Write a regular file whole or not at all: a temporary file beside the real target, then one rename."""
    import tempfile  # (with its random names: only a run that writes a file pays for importing them)

    try:
        target = _replaced(path)
        if os.path.lexists(target) and not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        # A short name of its own: the target's name in it would pass the system's limit where the target's does not.
        handle, temp = tempfile.mkstemp(prefix=".ovop-", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        _write_chunks(handle, chunks)
        # mkstemp makes the file private (0600): keep the replaced file's mode, else what a plain open() gives.
        os.chmod(temp, _new_file_mode() if mode is None else mode)
        rule_guard.raise_if_stopped()  # told to stop, its exception lost on the way: no report appears
        os.replace(temp, target)
    except BaseException as exc:
        # Ctrl-C or a full disk: leave no partial file behind.
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise


def _replaced(path: Path) -> Path:
    """The file a write to ``path`` replaces: through a symlink at its end (the link stays, the file it leads to
    is replaced), in its directory as the system finds it. ``os.path.realpath`` alone would take ``nope/..``
    away as text where ``nope`` does not exist, and replace an input file that ``open()`` never reaches."""
    current = os.fspath(path)
    for _ in range(_MAX_LINKS):
        head, name = os.path.split(current)
        directory = os.path.realpath(head or ".", strict=True)  # OSError when a part is missing, as open() says
        current = os.path.join(directory, name)
        try:
            link = os.readlink(current)
        except OSError:  # not a symlink, or nothing there yet: this is the file
            return Path(current)
        current = os.path.join(directory, link)
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), os.fspath(path))


def _write_stdout(stream: TextIO, chunk: str | bytes) -> None:
    if isinstance(chunk, bytes):
        stream.flush()  # text written before comes first
        stream.buffer.write(chunk)
        return
    try:
        stream.write(chunk)
    except UnicodeEncodeError:
        # A stream in ASCII or Latin-1 (PYTHONIOENCODING, a C locale), or a lone surrogate: the report is still
        # written, each character it cannot carry as \uXXXX (JSON reads that back as the character itself).
        # The text wrapper encodes a piece whole before writing any of it, so nothing of it went out yet.
        encoding = stream.encoding or "utf-8"
        stream.write(chunk.encode(encoding, _json_escape()).decode(encoding, "replace"))


@functools.cache
def _json_escape() -> str:
    """The name of an error handler writing a character an encoding cannot carry as JSON escapes it: \\uXXXX,
    and a character past U+FFFF as its two surrogates (\\ud83d\\ude00), which JSON reads back as the one
    character (backslashreplace's \\U0001f600 is no JSON)."""
    import codecs

    def escape(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeEncodeError):
            raise error
        text = error.object[error.start : error.end]
        units = text.encode("utf-16-be", "surrogatepass")
        return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2)), error.end

    codecs.register_error("ovop-json-escape", escape)
    return "ovop-json-escape"


def _write_chunks(handle: int, chunks: Iterable[str | bytes]) -> None:
    """Write the report's pieces to an open descriptor (text as UTF-8, bytes as they are), then close it."""
    with os.fdopen(handle, "wb") as stream:
        for chunk in chunks:
            stream.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def folder_refused(path: Path) -> UsageError:
    """A folder where a file to write was named (``-o reports``, ``init regions``)."""
    return UsageError(Message("cli.is_a_folder", {"path": file_label(path), "separator": os.sep}))


def _cannot_write(path: Path, error: OSError | ValueError) -> UsageError:
    reason: Message | str = _reason(error) if isinstance(error, OSError) else str(error)
    return UsageError(Message("cli.cannot_write", {"path": file_label(path), "reason": reason}))


def _reason(error: OSError) -> Message | str:
    """The OS error's cause in the catalogue's words (imported only when writing failed)."""
    from ..oserrors import os_reason

    return os_reason(error)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# What a report's name says it is; a format the command writes under another name is said (a text table in
# hasil.xlsx opened in Excel is "damaged").
_NAMED_FORMATS = {".json": "json", ".xml": "junit", ".csv": "csv", ".md": "markdown", ".xlsx": "xlsx", ".html": "html"}


def note_name_against_format(command: str, chosen: str, output: Path | None, lang: Lang) -> None:
    """Say on stderr, once the report is written to ``output``, when its extension names another format
    ``command`` writes than ``chosen``."""
    from ..messages import text
    from ..render.registry import formats_for

    named = _NAMED_FORMATS.get(output.suffix.lower()) if output is not None else None
    _Streams.after_write = None
    if output is None or named is None or named == chosen:
        return
    said = {"path": file_label(output), "format": chosen, "named": named}
    if named in formats_for(command):
        _Streams.after_write = text("cli.name_says_format", lang, **said)
    else:  # (round -o rekap.csv: a format the command does not write; what it writes is said instead)
        _Streams.after_write = text(
            "cli.name_says_unwritten_format", lang, **said, formats=", ".join(formats_for(command))
        )
