"""Run a plugin's code under a time limit, and let a stop request (SIGTERM, Ctrl-C) through whatever it catches.

A plugin is trusted code, but buggy code: it may loop forever, sleep, or
give a value whose ``__str__`` never returns. :func:`limited` runs a
callable with an interval timer (``setitimer(ITIMER_REAL)``); when it
fires, the ``SIGALRM`` handler raises :class:`_Expired`, a private
``BaseException`` subclass, in the code that is running. A plugin that
catches it (``except BaseException: pass`` in a loop) gets it again a
moment later, until the call gives up; :func:`limited` then raises
:class:`RuleTimedOut`.

A stop request noted by :func:`request_stop` (the CLI's SIGTERM and SIGINT
handlers) is raised again the same way while plugin code runs, so a plugin
that swallows the first ``KeyboardInterrupt`` cannot keep the run alive;
and :func:`stop_requested` tells a ``KeyboardInterrupt`` the user caused
from one a plugin raised itself (the latter is that rule's error).

Limits of the approach (docs/plugins.md): the timer interrupts Python code
and blocking system calls that Python retries (``time.sleep``, reads), but
not one long call into C that does not return to the interpreter (a
catastrophic regular expression, a huge ``pow``): that call ends first. It
works only in the main thread of a process (every rule runs there: in the
CLI's process with ``--jobs 1``, in each worker's main thread otherwise);
elsewhere, and on platforms without ``setitimer``, rules run unlimited. A
plugin that installs its own ``SIGALRM`` handler or blocks the signal
defeats it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

T = TypeVar("T")

#: Seconds a plugin rule may take on one file (``--rule-timeout``'s default).
DEFAULT_RULE_TIMEOUT = 10.0

# How soon an expiry (or a stop request) is raised again when the plugin swallowed it.
_AGAIN = 0.05


class _Expired(BaseException):
    """Raised in the plugin's code when its time is up (BaseException: ``except Exception`` does not stop it)."""


class RuleTimedOut(Exception):
    """A rule's code did not return within its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


class _State:
    armed = False  # a limited call is running
    expired = False  # its time ran out (even if the plugin swallowed the expiry and returned)
    stop: BaseException | None = None  # the stop request to raise again (a KeyboardInterrupt)


def request_stop(exc: BaseException) -> None:
    """Note that the run must stop (called by a signal handler before it raises ``exc``)."""
    _State.stop = exc
    if _State.armed:  # a plugin runs: raise it again soon, in case the plugin swallows this one
        _arm(_AGAIN)


def stop_requested() -> BaseException | None:
    """The stop request noted, if any: a ``KeyboardInterrupt`` caught while it is set is the user's, not a bug."""
    return _State.stop


def raise_if_stopped() -> None:
    """Raise the noted stop request again: the handler's own raise can be lost (swallowed where Python only
    prints "Exception ignored"), and a run that was told to stop must not go on to finish and exit 0."""
    if _State.stop is not None:
        raise _State.stop


def clear_stop() -> None:
    """Forget the stop request (the CLI's run is over; tests run several in one process)."""
    _State.stop = None


def _arm(seconds: float) -> None:
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, seconds)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    if not _State.armed:  # a late alarm after the call ended
        return
    _arm(_AGAIN)  # swallowed? raised again
    if _State.stop is not None:
        raise _State.stop
    _State.expired = True
    raise _Expired


def can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def limited(call: Callable[[], T], seconds: float | None) -> T:
    """``call()``, raising :class:`RuleTimedOut` when it runs longer than ``seconds`` (None: no limit)."""
    if seconds is None or seconds <= 0 or _State.armed or not can_limit():
        return call()
    with _alarm(seconds):
        try:
            try:
                value = call()
            finally:
                # Disarmed before the timer is stopped: an alarm between the two is ignored.
                _State.armed = False
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _Expired:
            raise RuleTimedOut(seconds) from None
        if _State.expired:  # the plugin swallowed the expiry and returned: still too late
            raise RuleTimedOut(seconds)
        return value


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _State.armed = True
    _State.expired = False
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _State.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
