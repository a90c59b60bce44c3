"""What a plugin's call may not change for the rest of the run: signal handlers, the working folder, the
standard streams, and the process itself (``os._exit``).

A plugin runs in the tool's own process (a worker's under ``--jobs``). One
that set Ctrl-C and SIGTERM to be ignored kept the run deaf to them after
its rule returned; one that changed the working folder made every later file
given by a relative path "not found"; one that called ``os._exit`` ended the
run with no report and exit 0. :func:`kept_process_state` puts the first
three back after each call, and for the call's length makes ``os._exit`` in
this process raise instead (the rule's error), as ``sys.exit`` already is. A
child the plugin forks still exits as it means to. What no guard in the
process can stop (a plugin that kills its own process, a crash in native
code) ends a worker under ``--jobs``, which the batch survives
(:mod:`.batch`); in a run of one process it ends the run.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any, NoReturn

_HANDLED = (signal.SIGINT, signal.SIGTERM)


class PluginExit(SystemExit):
    """Raised where a plugin called ``os._exit``: that rule's error, not the end of the run."""


@contextlib.contextmanager
def kept_process_state() -> Iterator[None]:
    main = threading.current_thread() is threading.main_thread()
    handlers = [(number, signal.getsignal(number)) for number in _HANDLED] if main else []
    try:
        folder: str | None = os.getcwd()
    except OSError:  # the working folder was removed under the run: nothing to go back to
        folder = None
    streams = sys.stdout, sys.stderr
    real_exit = os._exit
    owner = os.getpid()

    def refused_exit(status: int) -> NoReturn:
        if os.getpid() != owner:  # a child the plugin forked ends as it means to
            real_exit(status)
        raise PluginExit(status)

    os._exit = refused_exit
    try:
        yield
    finally:
        os._exit = real_exit
        sys.stdout, sys.stderr = streams
        for number, handler in handlers:
            _restore_handler(number, handler)
        if folder is not None:
            with contextlib.suppress(OSError):
                if os.getcwd() != folder:
                    os.chdir(folder)


def _restore_handler(number: int, handler: Any) -> None:
    with contextlib.suppress(OSError, ValueError, TypeError):
        if signal.getsignal(number) is not handler and handler is not None:
            signal.signal(number, handler)
