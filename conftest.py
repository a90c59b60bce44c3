"""The test run ends whole: no process the tests started outlives it, and its end never waits on one.

A CI job ends when the last holder of its output pipe lets go. Every process
forked in this one (an ``.ods`` reader in its capped child, a ``--jobs``
worker, an orphaned grandchild of a killed worker) holds pytest's own copy
of that pipe, whatever it did with its descriptors 1 and 2; and Python's
orderly exit joins every multiprocessing child and executor thread still
alive. One such process left behind (a race the tests did not show here)
cost a whole CI run its time limit, with every test passed.

So the session opens a marker file before any test runs, which every
process forked since holds, and marks its environment, which every program
the tests start inherits. At the end, each one still holding it is named on
stderr (a defect to fix: nothing may outlive the run) and killed, and the
process ends at once with pytest's own status, coverage already saved,
instead of tearing down and joining what may never end.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

_MARKER = tempfile.TemporaryFile()  # noqa: SIM115 (held open for the whole session: forked processes inherit it)
_SESSION = f"OVOP_TEST_SESSION={os.getpid()}".encode()
os.environ["OVOP_TEST_SESSION"] = str(os.getpid())  # and the programs the tests start (and what they fork)
_STATUS: list[int] = []


def _holders() -> list[tuple[int, str]]:
    """The other processes holding the marker, or started with the session's mark in their environment
    (Linux's ``/proc``; elsewhere none are found)."""
    mark = os.fstat(_MARKER.fileno())
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        if int(entry.name) != os.getpid() and (_started_here(entry) or _holds(entry, mark)):
            with contextlib.suppress(OSError):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found.append((int(entry.name), command.strip()))
    return found


def _started_here(entry: Path) -> bool:
    try:
        return _SESSION in (entry / "environ").read_bytes().split(b"\0")
    except OSError:
        return False


def _holds(entry: Path, mark: os.stat_result) -> bool:
    with contextlib.suppress(OSError):
        for fd in (entry / "fd").iterdir():
            with contextlib.suppress(OSError):
                held = fd.stat()
                if (held.st_dev, held.st_ino) == (mark.st_dev, mark.st_ino):
                    return True
    return False


@pytest.fixture(autouse=True)
def _no_reader_kept() -> Iterator[None]:
    """The ``.ods`` readers a test started end with it, as they end with the process that started them: the
    next test starts its own, from the code as that test has it (a function it replaced is the readers' too)."""
    yield
    kept = sys.modules.get("ovop_assess.sheets.warm_reader")
    if kept is not None:
        kept.stop()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _STATUS[:] = [int(exitstatus)]


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    left = _holders()
    for pid, command in left:
        print(f"conftest: a process the tests started was still running, killed: {pid} {command}", file=sys.stderr)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            print(f"conftest: a thread the tests started was still running: {thread!r}", file=sys.stderr)
    if not _STATUS:  # (no session ran: --help, a usage error) pytest's own exit is left alone
        return
    # The atexit handlers still run (pytest's temporary folders let go, multiprocessing's children joined), held
    # to a minute: the threads' joins, where an executor's may never end, are skipped.
    ending = threading.Timer(60, os._exit, args=(_STATUS[0],))
    ending.daemon = True
    ending.start()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(_STATUS[0])
