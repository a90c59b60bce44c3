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
enforces it) at what the limits allow, its CPU time too, its core dumps off,
its output to the terminal silenced. The exact count of an ``.ods``'s
cells (``ods_extent``, Python code over every element) runs there too,
before calamine. The child sends back the sheet's cells as ``marshal`` data
(1.6 ms to write, 6 ms to read for 10,000 rows: a third of ``pickle``),
everything else pickled. A child that dies before its answer is whole, by
its caps, a crash or a signal, makes the file refused as too large or
damaged (``sheet.reader_stopped``); the run goes on. Where there is no fork,
or no process can be had (a container's process limit), the read stays in
the process, the byte checks its only guard (docs/internals.md says what
they leave). :func:`run_isolated` runs a read in a child and waits for it
(the exact count of content the byte bound cannot vouch for, then calamine;
every read where :func:`capped` says the system does not enforce the cap).
Calamine's read beside the byte checks, and the walk for the cells it does
not report, are made by readers kept from one file to the next, under the
same caps for each (``warm_reader``, ``ods_read``), with this module's
caps, framing and stopping.
"""

from __future__ import annotations

import contextlib
import marshal
import math
import os
import pickle
import signal
import struct
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from ..results import Finding, Location, Message
from .limits import SheetRefused

Work = Callable[[], tuple[Any, list[list[Any]]]]

AVAILABLE = hasattr(os, "fork") and sys.platform != "emscripten"
"""Whether reads run in a child; tests and the benchmark turn it off to measure the in-process path."""

_OK, _OK_PICKLED, _REFUSED, _NO_MEMORY, _FAILED = range(5)
_HEADER = struct.Struct("<BQQ")  # the outcome, the length of its pickled part, the length of the cells' part
_CPU_SECONDS = 60
"""CPU time a child may take (a 50,000-row sheet reads in about a second; the exact count of its cells, in
Python, in about five, and of 128 MB of hostile content in about 30); past it the system ends the child
(SIGXCPU) and the file is refused. It was 300: a 1 KB file on which calamine never returns cost 5 minutes."""
_BACKSTOP_SECONDS = 3600
"""Wall time after which a child that uses no CPU (a lock it waits for that no thread will release) ends."""
_INTERRUPTS = (signal.SIGINT, signal.SIGTERM)
_OUT_OF_TIME = {getattr(signal, "SIGXCPU", signal.SIGALRM), signal.SIGALRM}  # its CPU cap, its wall backstop

_reading: list[int] = []  # the children being waited for, so that SIGTERM to a worker stops them too
_stoppers: list[Callable[[], None]] = []
if hasattr(os, "register_at_fork"):  # a forked process waits for none of its parent's children (nor kills them)
    os.register_at_fork(after_in_child=_reading.clear)


def memory_for(max_cells: int, max_unpacked_bytes: int, factor: int) -> int:
    """The address space a read may add to the process's: calamine's cells and formulas for ``factor`` times
    ``max_cells`` (two copies while it trims each sheet, and a vector's spare room: 128 bytes a cell), the
    cells' text six times over (calamine's, Python's at up to four bytes a character, the copy sent back: a
    110 MiB text of emoji within the limits), and 256 MiB for the sheet's cells as Python values."""
    return 128 * factor * max_cells + 6 * max_unpacked_bytes + (256 << 20)


def outcome_of_end(status: int | None, payload: bytes) -> tuple[Any, list[list[Any]]]:
    """The outcome of a reader that ended (``status``, as reaped) before its answer was whole: whatever ended
    it (its caps, a crash, SIGKILL or SIGTERM from an out-of-memory killer, a Ctrl-C), only a whole payload
    counts; a Ctrl-C meant for the run reaches this process's own handler too."""
    if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) in _OUT_OF_TIME:
        raise _out_of_time()
    return unpack(payload)


def run_isolated(work: Work, memory: int) -> tuple[Any, list[list[Any]]]:
    """``work()`` run in a forked child capped at ``memory`` bytes more than the process maps now: its result
    (anything pickled, and a sheet's cells), or the :class:`SheetRefused` it raised, as if run here. Where no
    child can be had (a process limit reached, no memory to fork), ``work()`` runs here."""
    with started(work, memory) as reader:
        return reader.result() if reader is not None else work()


class Reader:
    """A ``work()`` running in a child (:func:`started`); :meth:`result` waits for its outcome."""

    def __init__(self, pid: int, read_end: int) -> None:
        self._pid = pid
        self._read_end = read_end
        self._waited = False

    def result(self) -> tuple[Any, list[list[Any]]]:
        """``work()``'s result, or the :class:`SheetRefused` it raised (or its end refuses the file)."""
        self._waited = True
        try:
            with open(self._read_end, "rb") as pipe:
                payload = pipe.read()
        except BaseException:  # Ctrl-C while the child reads: it must not outlive the run
            stop_reader()
            raise
        if whole(payload):
            # The child is ending (its address space let go): reaped once its answer is read, not waited for.
            try:
                return unpack(payload)
            finally:
                reap(self._pid)
        return outcome_of_end(reap(self._pid), payload)

    def stop(self) -> None:
        """End the child now if its outcome was not asked for: it is no longer wanted (a refusal found
        meanwhile, content to be counted first, a Ctrl-C)."""
        if not self._waited:
            self._waited = True
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            reap(self._pid)
            os.close(self._read_end)


@contextlib.contextmanager
def started(work: Work, memory: int) -> Iterator[Reader | None]:
    """``work()`` started in a forked child capped at ``memory`` bytes more than the process maps now, while
    the caller goes on (on another core) until it asks ``result()``; leaving the block ends a child whose
    result was not asked for. ``None`` where no child can be had (a process limit reached, no memory to
    fork): the caller runs ``work()`` itself."""
    try:
        read_end, write_end = _pipe()
    except OSError:
        yield None
        return
    with terminated_with_reader(), interrupts_held() as release:
        try:
            pid = fork()
        except OSError:  # EAGAIN under a process limit (a container's pids.max, ulimit -u), ENOMEM
            os.close(read_end)
            os.close(write_end)
            release()
            yield None
            return
        if pid == 0:  # pragma: no cover - the child (coverage does not follow a fork)
            os.close(read_end)
            try:
                _child(work, memory, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        reading(pid)
        reader = Reader(pid, read_end)
        try:
            release()  # a Ctrl-C held during the fork is raised here, with the child to stop
            yield reader
        finally:
            reader.stop()


def fork() -> int:
    """``os.fork()``, quiet: Python 3.12+ warns when a process with threads forks; the child runs no thread's
    code."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def capped() -> bool:
    """Whether a child's memory is capped by the system (Linux enforces ``RLIMIT_AS``, and the cap is set from
    ``/proc``; macOS enforces none): only then may calamine start reading before the byte checks vouch for
    the file (``ods_read``)."""
    return AVAILABLE and sys.platform.startswith("linux") and os.path.exists("/proc/self/statm")


def _pipe() -> tuple[int, int]:
    """A pipe whose write end is not a standard descriptor (with stdin and stdout closed, a cron job writing its
    report with -o, the pipe gets 0 and 1, and the child points 1 at /dev/null)."""
    read_end, write_end = os.pipe()
    try:
        return read_end, off_standard(write_end)
    except OSError:
        os.close(read_end)
        raise


def off_standard(fd: int) -> int:
    """``fd``, or when it is 0, 1 or 2 (a run with its standard streams closed) a copy of it above them, the
    original closed: a child points those at /dev/null, and this process's own output would go into it."""
    if fd > 2:
        return fd
    import fcntl

    try:
        return int(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 3))
    finally:
        os.close(fd)


def stop_reader() -> None:
    """Kill the child being waited for, if any, and the readers kept for later files (``also_stopped``)."""
    for stop in _stoppers:
        stop()
    _kill_reading()


def _kill_reading() -> None:
    """Kill and reap the children and readers being waited for: no lock taken, no stream closed (from a signal
    handler, which may have interrupted either)."""
    while _reading:
        pid = _reading.pop()
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        reap(pid)


def also_stopped(stop: Callable[[], None]) -> None:
    """Have :func:`stop_reader` call ``stop`` too (``warm_reader``: its reader is ended with the children)."""
    _stoppers.append(stop)


def reading(pid: int) -> None:
    """``pid`` now reads for this process: stopped with the children by SIGTERM and Ctrl-C, until its answer."""
    _reading.append(pid)


def waited_for(pid: int) -> None:
    """``pid`` answered and goes on (``warm_reader``): no longer stopped as a child being waited for."""
    if pid in _reading:
        _reading.remove(pid)


def reap(pid: int) -> int | None:
    """The child's status once it has ended; ``None`` when SIGCHLD is ignored (inherited so from a launcher):
    the system reaped it already."""
    if pid in _reading:
        _reading.remove(pid)
    try:
        return os.waitpid(pid, 0)[1]
    except OSError:  # (ChildProcessError among them)
        return None


@contextlib.contextmanager
def terminated_with_reader() -> Iterator[None]:
    """Where SIGTERM ends the process at once (a worker of ``--jobs``, which the run stops so), it kills the
    child first while one reads: else the child would outlive the run. Elsewhere nothing changes (the CLI's
    own handler raises, and the caller stops the child)."""
    import threading

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) not in (
        signal.SIG_DFL,
        None,
    ):
        yield
        return
    signal.signal(signal.SIGTERM, _end_with_reader)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _end_with_reader(number: int, frame: object) -> None:
    # The readers waited for only: an idle one ends as this process does (its socket closes), and stopping the
    # kept readers here would take a lock, or close a stream, that the interrupted code may hold.
    _kill_reading()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)  # dies of it, as it would have


@contextlib.contextmanager
def interrupts_held() -> Iterator[Callable[[], None]]:
    """SIGINT and SIGTERM blocked from before the fork until ``release()`` (or the end): one that came between
    the fork and the parent's ``try`` would leave the child running, and in the child the parent's handlers
    would run. Where they cannot be blocked, a no-op."""
    blocked = hasattr(signal, "pthread_sigmask")
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS) if blocked else set()
    released = False

    def release() -> None:
        nonlocal released
        if blocked and not released:
            released = True
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    try:
        yield release
    finally:
        release()


def _child(work: Work, memory: int, fd: int) -> None:  # pragma: no cover - runs in the child
    child_quieted()
    backstop(True)
    Caps().set(memory)
    with open(fd, "wb") as out:
        out.write(pack(work))


def child_quieted() -> None:  # pragma: no cover - runs in the child
    """A forked reader made safe to run: the parent's handlers and output let go."""
    # The parent's handlers are Python code meant for the parent: Ctrl-C and SIGTERM end the child (unless the
    # parent ignores them: a background job of a script keeps ignoring Ctrl-C), SIGALRM its backstop.
    for number in _INTERRUPTS:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _INTERRUPTS)
    # Another thread of the parent (a progress bar's) may have held the lock of sys.stderr when it forked: the
    # child writes nothing there, not even a warning, lest it wait for that lock for ever; nor does any native
    # code write to the terminal.
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    sys.stdout = sys.stderr = open(quiet, "w")  # noqa: SIM115 (closed as the child ends)
    warnings.simplefilter("ignore")
    handler = sys.modules.get("faulthandler")  # (PYTHONFAULTHANDLER, pytest: it writes to a descriptor of its own)
    if handler is not None:
        handler.disable()


def backstop(on: bool) -> None:  # pragma: no cover - runs in the child
    """The wall-time backstop of one read started (``on``) or ended."""
    signal.alarm(_BACKSTOP_SECONDS if on else 0)


def pack(work: Work) -> bytes:
    """What the child sends: ``work()``'s outcome as bytes (run in the child; a plain function for tests)."""
    try:
        head, cells = work()
    except SheetRefused as exc:
        return _packed(_REFUSED, (exc.findings, exc.sheet, exc.warnings), b"")
    except MemoryError:
        return _packed(_NO_MEMORY, None, b"")
    except Exception as exc:
        return _packed(_FAILED, (f"{type(exc).__name__}: {exc}", traceback.format_exc()), b"")
    try:
        return _packed(_OK, head, marshal.dumps(cells))
    except ValueError:  # a value marshal cannot write (a date): pickled, slower
        return _packed(_OK_PICKLED, head, pickle.dumps(cells, pickle.HIGHEST_PROTOCOL))


def _packed(outcome: int, head: object, tail: bytes) -> bytes:
    first = pickle.dumps(head, pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(outcome, len(first), len(tail)) + first + tail


HEADER_SIZE = _HEADER.size


def rest_length(head: bytes) -> int:
    """How many bytes follow the header ``head`` in what :func:`pack` wrote."""
    _, length, tail_length = _HEADER.unpack(head)
    return int(length + tail_length)


def whole(payload: bytes) -> bool:
    """Whether ``payload`` is all :func:`pack` wrote (a child that died while writing it leaves it short)."""
    if len(payload) < _HEADER.size:
        return False
    _, length, tail_length = _HEADER.unpack_from(payload)
    return bool(len(payload) == _HEADER.size + length + tail_length)


def unpack(payload: bytes) -> tuple[Any, list[list[Any]]]:
    """The outcome :func:`pack` wrote, as ``work()`` gave it or raised it; a payload cut short (the child died
    while writing it, or before) refuses the file."""
    if not whole(payload):
        raise stopped()
    outcome, length, _ = _HEADER.unpack_from(payload)
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
    summary, details = head
    failure = RuntimeError(f"{summary} (while reading the spreadsheet, in the process that reads it)")
    failure.add_note(details)  # the child's traceback, shown with --debug
    raise failure


def stopped() -> SheetRefused:
    return _refused(Message("sheet.reader_stopped", {}))


def _out_of_time() -> SheetRefused:
    return _refused(Message("sheet.reader_out_of_time", {"seconds": _CPU_SECONDS}))


def _refused(message: Message) -> SheetRefused:
    return SheetRefused((Finding(message, Location("", None, None)),))


class Caps:
    """A reader's caps, set for each read: its core dumps off, its CPU time ``_CPU_SECONDS`` more than it has
    used, its address space ``memory`` bytes more than it maps now; a tighter limit it inherited
    (``ulimit -v``) kept. A forked child sets them once; ``warm_reader``'s reader before each file."""

    def __init__(self) -> None:  # pragma: no cover - runs in the child
        try:
            import resource
        except ImportError:
            self._inherited: dict[int, tuple[int, int]] = {}
            return
        with contextlib.suppress(ValueError, OSError, OverflowError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort leaves no core file behind
        self._inherited = {which: resource.getrlimit(which) for which in (resource.RLIMIT_CPU, resource.RLIMIT_AS)}

    def set(self, memory: int) -> None:  # pragma: no cover - runs in the child
        if not self._inherited:
            return
        import resource

        used = resource.getrusage(resource.RUSAGE_SELF)
        self._lower(resource, resource.RLIMIT_CPU, math.ceil(used.ru_utime + used.ru_stime) + _CPU_SECONDS)
        size = mapped()
        if size is not None:
            self._lower(resource, resource.RLIMIT_AS, size + memory)

    def _lower(self, resource: Any, which: int, limit: int) -> None:  # pragma: no cover - runs in the child
        """The soft limit ``which`` set to ``limit``, or to the tighter one inherited, within the hard limit."""
        soft, hard = self._inherited[which]
        for bound in (soft, hard):
            if bound != resource.RLIM_INFINITY:
                limit = min(limit, bound)
        with contextlib.suppress(ValueError, OSError, OverflowError):  # (a limit past what the system can hold)
            resource.setrlimit(which, (limit, hard))


def mapped(field: int = 0) -> int | None:  # pragma: no cover - runs in the child
    """The bytes the process maps now (Linux's /proc; elsewhere no cap is set: macOS does not enforce one), or
    with ``field`` 1 those of them in memory."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            pages = int(statm.read().split()[field])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")
