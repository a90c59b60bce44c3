"""SIGTERM ends a run the way Ctrl-C does: cleanly, with its own exit code (143).

``timeout``, ``kill`` and a cancelled CI job send SIGTERM, whose default action
kills the process on the spot: an ``--output`` file half written in its
temporary place, worker processes left running. Turned into an exception
instead — a subclass of KeyboardInterrupt, so every path that already
cleans up after Ctrl-C (the temporary output file removed, the workers
stopped) does the same for it — it reaches the error handler, which exits 143.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

from .. import rule_guard


class Terminated(KeyboardInterrupt):
    """The run received SIGTERM."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    # Once: a second SIGTERM (or a Ctrl-C) while the run stops must not cut the cleanup short.
    ignore_signals()
    stop = Terminated()
    rule_guard.request_stop(stop)  # raised again in a plugin that swallows it
    raise stop


def _interrupt(signum: int, frame: FrameType | None) -> None:
    stop = KeyboardInterrupt()
    rule_guard.request_stop(stop)  # a KeyboardInterrupt a plugin raises itself is its error; this one is the user's
    raise stop


def handle_sigterm() -> None:
    """From now on SIGTERM raises :class:`Terminated`, SIGINT a noted KeyboardInterrupt (main thread only)."""
    if threading.current_thread() is threading.main_thread():
        rule_guard.clear_stop()
        signal.signal(signal.SIGTERM, _terminate)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _interrupt)


def ignore_signals() -> None:
    """Ignore SIGINT and SIGTERM: the run is over, or stopping, and nothing must cut that short."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)


def default_signals() -> None:
    """What a worker process does: die on SIGTERM as any process does (its parent stops it so)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
