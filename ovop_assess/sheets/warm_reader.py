"""An ``.ods`` read beside the byte checks, by reader processes kept from one file to the next.

A child forked for each file (``isolated.started``) reads cold: its heap
is new, and every page the parent writes while it runs is copied. On the
benchmark's 10,000 rows calamine took 80 to 85 ms in such a child against
57 to 66 ms in a reader that had read before (docs/internals.md). So the
first ``.ods`` a process reads forks a reader, and it reads every later
``.ods`` of that process (a folder of regions, a ``--jobs`` worker's
share); a second one, started the first time it is needed, looks for the
cells calamine does not report (``ods_cells``) beside the first one's
read, inflating ``content.xml`` itself. Each request runs under the caps a
child has: its address space at most ``memory`` bytes more than the
reader maps when the request comes, its CPU time 60 s more than it has
used, the same wall backstop. Where a request ends its reader (a cap, a
crash, a signal), the file is refused as a child's end refuses it and the
next file starts a new reader.

A reader holds no descriptor of the process but its socket (a job's output
pipe held by a reader left behind would keep the job from ending), ends
when that socket's other end closes (the process that started it ended,
whatever way) and is ended by :func:`stop` at exit; one that has grown by
more than ``_RETIRE_AT`` in memory ends after its answer, so that the
memory one large file took is given back. A process forked from its owner
(a ``--jobs`` worker) forgets its readers and starts its own.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import pickle
import signal
import socket
import struct
import sys
import threading
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from . import isolated
from .limits import SheetLimits

if TYPE_CHECKING:
    from .ods_checks import OdsContent

_FRAME = struct.Struct("<QQ")  # a request: the length of its pickled part, of the file's bytes after it
_RETIRE_AT = 512 << 20
"""Bytes in memory the reader may grow by, past which it ends after its answer (it holds about 25 MB after a
10,000-row sheet, most of them its parent's)."""
_KEEP, _RETIRING = b"\0", b"\1"
_MOST_IDLE = 2
"""Readers kept idle for each role (threads of a library's caller that read at once start more; they end)."""


class _Reader:
    """A process reading for this one: what it does (``read``, ``walk``), its id, our end of its socket, that
    end read as a stream."""

    def __init__(self, role: str, pid: int, channel: socket.socket) -> None:
        self.role = role
        self.pid = pid
        self.channel = channel
        self.answers = channel.makefile("rb")
        self.owner = os.getpid()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.answers.close()
        with contextlib.suppress(OSError):
            self.channel.close()


# The readers this process started, while they may be alive: those waiting for a request, by role, and those
# answering one. A request takes an idle reader (or starts one) and gives it back with its answer, so that two
# threads reading at once never share one (a library's caller may read from threads).
_idle: dict[str, list[_Reader]] = {}
_busy: set[_Reader] = set()
_lock = threading.Lock()
_finalizing: set[int] = set()  # the processes whose readers multiprocessing ends at their exit
_inherited: list[_Reader] = []  # (in a forked process) its parent's readers, their descriptors closed


class ServedRead:
    """One file's work sent to a reader; :meth:`result` waits for it, :meth:`stop` ends it unasked."""

    def __init__(self, reader: _Reader) -> None:
        self._reader = reader
        self._waited = False

    def result(self) -> tuple[Any, list[list[Any]]]:
        """The work's outcome, or the :class:`SheetRefused` it raised (or the reader's end refuses the file)."""
        self._waited = True
        reader = self._reader
        try:
            flag = reader.answers.read(1)
            head = reader.answers.read(isolated.HEADER_SIZE) if flag else b""
            rest = reader.answers.read(isolated.rest_length(head)) if len(head) == isolated.HEADER_SIZE else b""
        except (OSError, ValueError):
            # ECONNRESET: it ended with our request unread (a kill, an out-of-memory killer); ValueError: its
            # stream closed meanwhile (stop() from another thread). Its end, either way.
            flag, head, rest = b"", b"", b""
        except BaseException:  # Ctrl-C while it reads: it must not outlive the run
            _end(reader)
            raise
        payload = head + rest
        if flag == _KEEP and isolated.whole(payload):
            isolated.waited_for(reader.pid)
            _given_back(reader)
            return isolated.unpack(payload)
        # It ended (its caps, a crash, a signal) or ends now of its own accord: reaped, and forgotten.
        _forget(reader)
        status = isolated.reap(reader.pid)
        if isolated.whole(payload):
            return isolated.unpack(payload)
        return isolated.outcome_of_end(status, payload)

    def stop(self) -> None:
        """End the work (and so its reader) if its outcome was not asked for: a refusal found meanwhile, content
        to be counted first, a Ctrl-C."""
        if not self._waited:
            self._waited = True
            _end(self._reader)


def started_read(
    raw: bytes, sheet: str | None, limits: SheetLimits, memory: int
) -> contextlib.AbstractContextManager[ServedRead | None]:
    """The ``.ods`` ``raw``'s chosen sheet read as ``ods_read`` reads it in a child (no content: the checks run
    here meanwhile), by a reader of this process, started now if none is idle; ``None`` where no reader can be
    had (a process limit reached): the caller reads in a child of its own, or here."""
    return _started("read", raw, (sheet, limits), memory)


def started_walk(
    raw: bytes, content: OdsContent, sheet: str, memory: int
) -> contextlib.AbstractContextManager[ServedRead | None]:
    """The cells calamine does not report looked for in ``sheet`` of ``content`` (``ods_sheet_cells``), by a
    second reader kept for them, beside the first one's read; ``None`` where none can be had. It inflates
    the content from ``raw`` itself: sending it would hold this process longer (12 MB for 10,000 rows)."""
    return _started("walk", raw, (content.spans, content.hidden, sheet), memory)


@contextlib.contextmanager
def _started(role: str, raw: bytes, args: tuple[Any, ...], memory: int) -> Iterator[ServedRead | None]:
    # The file's bytes go as they are, after the rest pickled: a copy of them (16 MiB, or what --max-bytes
    # allows) would double what the request holds here.
    rest = pickle.dumps((role, args, memory), pickle.HIGHEST_PROTOCOL)
    with isolated.terminated_with_reader():
        reader = _sent(role, (_FRAME.pack(len(rest), len(raw)) + rest, raw))
        if reader is None:
            yield None
            return
        work = ServedRead(reader)
        try:
            yield work
        finally:
            work.stop()


def stop() -> None:
    """End this process's readers (at exit, a Ctrl-C, between tests). One answering a request is killed, its
    stream left to the thread that reads it (which then refuses its file as a reader's end refuses it)."""
    with _lock:
        idle = [reader for readers in _idle.values() for reader in readers]
        busy = list(_busy)
    for reader in idle:
        _end(reader)
    for reader in busy:
        if reader.owner == os.getpid() and _alive(reader.pid):
            with contextlib.suppress(OSError):
                os.kill(reader.pid, signal.SIGKILL)


def running(role: str = "read") -> int | None:
    """The id of an idle reader of this process for ``role``, if one is alive (the benchmark adds its CPU time;
    tests)."""
    with _lock:
        idle = [reader for reader in _idle.get(role, ()) if reader.owner == os.getpid()]
    return idle[-1].pid if idle and _alive(idle[-1].pid) else None


def _end(reader: _Reader) -> None:
    _forget(reader)
    if reader.owner != os.getpid():  # (inherited by a fork: not ours to end)
        return
    if _alive(reader.pid):
        with contextlib.suppress(OSError):
            os.kill(reader.pid, signal.SIGKILL)
    isolated.reap(reader.pid)


def _sent(role: str, request: tuple[bytes, bytes]) -> _Reader | None:
    """A reader for ``role``, with ``request`` sent to it: an idle one if one is alive and takes it, else a new
    one."""
    while (reader := _taken(role)) is not None:
        if _alive(reader.pid) and _send(reader, request):
            return reader
        _end(reader)  # ended while it waited (a Ctrl-C in the terminal, a kill): another one is tried
    reader = _start(role)
    if reader is None:
        return None
    if not _send(reader, request):
        _end(reader)
        return None
    return reader


def _taken(role: str) -> _Reader | None:
    with _lock:
        idle = _idle.get(role, [])
        while idle:
            reader = idle.pop()
            if reader.owner == os.getpid():
                _busy.add(reader)
                return reader
    return None


def _given_back(reader: _Reader) -> None:
    with _lock:
        _busy.discard(reader)
        idle = _idle.setdefault(reader.role, [])
        kept = len(idle) < _MOST_IDLE
        if kept:
            idle.append(reader)
    if not kept:  # (as many threads read at once as ever did: the readers past a few end)
        _end(reader)


def _send(reader: _Reader, request: tuple[bytes, bytes]) -> bool:
    try:
        # MSG_NOSIGNAL: a reader gone since (EPIPE) must not raise SIGPIPE, which a CLI may leave at its default.
        for part in request:
            reader.channel.sendall(part, socket.MSG_NOSIGNAL)
    except OSError:
        return False
    except BaseException:  # a Ctrl-C with the request half sent: the reader would read the next one askew
        _end(reader)
        raise
    isolated.reading(reader.pid)
    return True


def _alive(pid: int) -> bool:
    try:
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except OSError:  # reaped already (or SIGCHLD ignored: reaped by the system)
        return False


def _forget(reader: _Reader) -> None:
    with _lock:
        _busy.discard(reader)
        idle = _idle.get(reader.role, [])
        if reader in idle:
            idle.remove(reader)
    reader.close()


def _start(role: str) -> _Reader | None:
    _imported()
    try:
        ours, theirs = _socket_pair()
    except OSError:
        return None
    with isolated.interrupts_held() as release:
        try:
            pid = isolated.fork()
        except OSError:  # EAGAIN under a process limit, ENOMEM
            ours.close()
            theirs.close()
            return None
        if pid == 0:  # pragma: no cover - the reader (coverage does not follow a fork)
            try:
                ours.close()
                _serve(theirs)
            finally:
                os._exit(0)
        theirs.close()
        reader = _Reader(role, pid, ours)
        with _lock:
            _busy.add(reader)
        release()
    _stopped_at_worker_exit()
    return reader


def _imported() -> None:
    """Every module a reader's work imports, imported here first: a module another thread of this process was
    importing as it forked stays locked in the reader for ever (its import lock held by a thread it does not
    have), and the reader would wait on it to its backstop."""
    import python_calamine  # noqa: F401

    from .. import sizes  # noqa: F401
    from . import cell_errors, expat_walk, ods_cells, ods_checks, ods_extent, workbook, zip_members  # noqa: F401


def _socket_pair() -> tuple[socket.socket, socket.socket]:
    """A connected pair whose descriptors are not standard ones: with stdin, stdout or stderr closed (a cron job
    writing its report with -o) a socket would get 0, 1 or 2, and this process's warnings, or the reader's
    /dev/null for its own, would be written into it."""
    pair = socket.socketpair()
    ends: list[socket.socket] = []
    try:
        for end in pair:
            ends.append(socket.socket(fileno=isolated.off_standard(end.detach())))
    except OSError:
        for end in (*pair, *ends):
            end.close()
        raise
    return ends[0], ends[1]


def _stopped_at_worker_exit() -> None:
    """A ``--jobs`` worker ends through multiprocessing's finalizers and ``os._exit``, not ``atexit``: its readers
    are ended there too (left, they end on their own, with no parent left to reap them)."""
    util = sys.modules.get("multiprocessing.util")
    if util is not None and os.getpid() not in _finalizing:
        _finalizing.add(os.getpid())
        util.Finalize(None, stop, exitpriority=10)


def _serve(channel: socket.socket) -> None:  # pragma: no cover - runs in the reader
    # Nothing of the process is held but the socket (and 0 to 2, pointed at /dev/null): a job's output pipe
    # held here would keep the job from ending while the reader lives.
    kept = channel.fileno()
    for name in os.listdir("/proc/self/fd"):  # (Linux alone reads beside the checks: isolated.capped)
        if int(name) > 2 and int(name) != kept:
            with contextlib.suppress(OSError):
                os.close(int(name))
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    isolated.child_quieted()
    caps = isolated.Caps()
    # What it holds in memory at its start is the parent's, shared: only what it grew by since counts.
    start = isolated.mapped(field=1) or 0
    requests = channel.makefile("rb")
    while True:
        head = requests.read(_FRAME.size)
        if len(head) < _FRAME.size:
            return  # the process that started it has ended, or stopped it
        length, raw_length = _FRAME.unpack(head)
        role, args, memory = pickle.loads(requests.read(length))
        raw = requests.read(raw_length)
        caps.set(memory)
        isolated.backstop(True)
        work = _read if role == "read" else _walk  # (looked up now: a test replaces one before the reader starts)
        payload = isolated.pack(lambda: work(raw, *args))  # noqa: B023 (called at once)
        isolated.backstop(False)
        retiring = (isolated.mapped(field=1) or 0) - start > _RETIRE_AT
        channel.sendall(_RETIRING if retiring else _KEEP)
        channel.sendall(payload)
        del payload, args, work, raw
        if retiring:
            return


def _read(raw: bytes, sheet: str | None, limits: SheetLimits) -> Any:  # pragma: no cover - runs in the reader
    from .workbook import read_book

    return read_book(raw, ".ods", sheet, limits, zipfile.ZipFile(io.BytesIO(raw)), None, None)


def _walk(raw: bytes, spans: bool, hidden: bool, sheet: str) -> tuple[Any, list[list[Any]]]:  # pragma: no cover
    from . import ods_checks

    content = ods_checks.inflated(zipfile.ZipFile(io.BytesIO(raw)), spans, hidden)
    return ods_checks.ods_sheet_cells(content, sheet), []


def _forget_inherited() -> None:
    """In a process forked from the owner: its readers are not this one's (a ``--jobs`` worker starts its own)."""
    global _lock
    _lock = threading.Lock()  # (another thread may have held it as the process forked)
    for reader in [*(reader for idle in _idle.values() for reader in idle), *_busy]:
        # Its socket's descriptor closed, not its objects: another thread may have held the lock of its stream
        # as the process forked (a read waiting for an answer), and closing that stream would wait for ever.
        # Kept from the collector, which would close them too.
        with contextlib.suppress(OSError):
            os.close(reader.channel.fileno())
        _inherited.append(reader)
    _idle.clear()
    _busy.clear()


if hasattr(os, "register_at_fork"):  # (none on Windows, where nothing is forked)
    os.register_at_fork(after_in_child=_forget_inherited)
atexit.register(stop)
isolated.also_stopped(stop)
