"""Calamine's read of an ``.ods`` run in a forked process whose memory is capped, so that no file ends the run.

Calamine expands every sheet of an ``.ods`` as it opens it, and a failed
allocation in its Rust code ends the process (an abort: no exception, no
message, the whole batch lost). ``ods_repeats`` and ``ods_extent`` bound
what it allocates before it opens the file, but only for content an XML
parser reads as calamine's does; content that is not well-formed in a way
calamine's parser lets through (a row's end tag inside a cell it skips) can
still make it ask for gigabytes from a thousand bytes, and checking every
file with an XML parser would cost about as much as calamine's own read.

So where the platform can fork (Linux, macOS; not Windows), the read runs in
a child process: its address space capped (``RLIMIT_AS``, where the system
enforces it) at what the limits allow, its core dumps off, its
Ctrl-C and SIGTERM the default (it just ends; the parent stops the run).
The child sends back the sheet's cells as ``marshal`` data (1.6 ms to write,
6 ms to read for 10,000 rows: a third of ``pickle``), everything else
pickled. A child that dies, by the cap or by a crash, makes the file
refused as too large or damaged (``sheet.reader_stopped``); the run goes on.
Where there is no fork, the read stays in the process, the byte checks its
only guard (docs/internals.md says what they leave).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import pickle
import signal
import struct
import sys
import traceback
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from ..results import Finding, Location, Message
from .limits import SheetRefused

T = TypeVar("T")

AVAILABLE = hasattr(os, "fork") and sys.platform != "emscripten"
"""Whether reads run in a child; tests and the benchmark turn it off to measure the in-process path."""

_OK, _OK_PICKLED, _REFUSED, _NO_MEMORY, _FAILED = range(5)
_HEADER = struct.Struct("<BQ")  # the outcome, then the length of its first (pickled) part
_EXIT_WRITTEN = 0
_EXIT_UNWRITTEN = 70
_LONGEST_READ = 600
"""Seconds a child may take, at most (a 50,000-row sheet reads in about a second)."""


def memory_for(max_cells: int, max_unpacked_bytes: int, factor: int) -> int:
    """The address space a read may add to the process's: calamine's cells and formulas for ``factor`` times
    ``max_cells`` (two copies while it trims each sheet, and a vector's spare room: 128 bytes a cell), the
    cells' text (at most the unpacked content), and 256 MiB for the sheet's cells as Python values."""
    return 128 * factor * max_cells + max_unpacked_bytes + (256 << 20)


def run_isolated(work: Callable[[], tuple[Any, list[list[Any]]]], memory: int) -> tuple[Any, list[list[Any]]]:
    """``work()`` run in a forked child capped at ``memory`` bytes more than the process maps now: its result
    (anything pickled, and a sheet's cells), or the :class:`SheetRefused` it raised, as if run here."""
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns when a process with threads forks: the child runs no thread's code, only calamine.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow a fork)
        os.close(read_end)
        code = _EXIT_UNWRITTEN
        try:
            _child(work, memory, write_end)
            code = _EXIT_WRITTEN
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        with open(read_end, "rb") as pipe:
            payload = pipe.read()
        status = os.waitpid(pid, 0)[1]
    except BaseException:  # Ctrl-C while the child reads: it must not outlive the run
        _stop(pid)
        raise
    return _outcome(payload, status)


def _child(work: Callable[[], tuple[Any, list[list[Any]]]], memory: int, fd: int) -> None:  # pragma: no cover
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM):  # (the parent's handlers are Python code)
        signal.signal(number, signal.SIG_DFL)
    # Another thread of the parent (a progress bar's) may have held the lock of sys.stderr when it forked: the
    # child writes nothing there, not even a warning, lest it wait for that lock for ever.
    warnings.simplefilter("ignore")
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (closed as the child ends)
    signal.alarm(_LONGEST_READ)  # and should it hang all the same, it ends (SIGALRM) and the file is refused
    _cap(memory)
    with open(fd, "wb") as out:
        out.write(pack(work))


def pack(work: Callable[[], tuple[Any, list[list[Any]]]]) -> bytes:
    """What the child sends: ``work()``'s outcome as bytes (run in the child; a plain function for tests)."""
    try:
        head, cells = work()
    except SheetRefused as exc:
        return _packed(_REFUSED, (exc.findings, exc.sheet, exc.warnings), b"")
    except MemoryError:
        return _packed(_NO_MEMORY, None, b"")
    except Exception:
        return _packed(_FAILED, traceback.format_exc(), b"")
    try:
        return _packed(_OK, head, marshal.dumps(cells))
    except ValueError:  # a value marshal cannot write (a date): pickled, slower
        return _packed(_OK_PICKLED, head, pickle.dumps(cells, pickle.HIGHEST_PROTOCOL))


def _packed(outcome: int, head: object, tail: bytes) -> bytes:
    first = pickle.dumps(head, pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(outcome, len(first)) + first + tail


def unpack(payload: bytes) -> tuple[Any, list[list[Any]]]:
    """The outcome :func:`pack` wrote, as ``work()`` gave it or raised it."""
    outcome, length = _HEADER.unpack_from(payload)
    start = _HEADER.size
    head = pickle.loads(payload[start : start + length])
    tail = memoryview(payload)[start + length :]
    if outcome == _OK:
        return head, marshal.loads(tail)
    if outcome == _OK_PICKLED:
        return head, pickle.loads(tail)
    if outcome == _REFUSED:
        findings, sheet, warned = head
        raise SheetRefused(findings, sheet=sheet, warnings=warned)
    if outcome == _NO_MEMORY:
        raise stopped()
    raise RuntimeError(f"reading the spreadsheet failed in the child process:\n{head}")


def _outcome(payload: bytes, status: int) -> tuple[Any, list[list[Any]]]:
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGINT, signal.SIGTERM):
        raise KeyboardInterrupt  # the user's Ctrl-C reached the child first: the run stops, as it would here
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _EXIT_WRITTEN and len(payload) >= _HEADER.size:
        return unpack(payload)
    raise stopped()  # killed by its cap (an abort), by the system, or a crash: nothing of it is kept


def stopped() -> SheetRefused:
    return SheetRefused((Finding(Message("sheet.reader_stopped", {}), Location("", None, None)),))


def _cap(memory: int) -> None:  # pragma: no cover - runs in the child
    try:
        import resource
    except ImportError:
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort leaves no core file behind
    mapped = _mapped()
    if mapped is None:
        return
    limit = mapped + memory
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY and soft < limit:
        return  # a tighter cap is already set: kept
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _mapped() -> int | None:  # pragma: no cover - runs in the child
    """The bytes the process maps now (Linux's /proc; elsewhere no cap is set: macOS does not enforce one)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _stop(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)
