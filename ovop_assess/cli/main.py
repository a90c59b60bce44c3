"""``ovop-assess``'s entry point: read the language, pick the command, build the app, run it guarded.

From bytes on the command line to an exit code, in order:
:mod:`.argv` (the language and the command), :mod:`.app` (the typer app for
that language), :mod:`.commands` (the work: library calls and renderers) and
:mod:`.error_handler` (every exception to a message and an exit code, from the
one table in :mod:`ovop_assess.exit_codes`).
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

from ..exit_codes import ExitCode
from ..messages import Lang
from .argv import COMMANDS, env_language, language, languages_named, with_default_command
from .signals import handle_sigterm, ignore_signals

__all__ = ["COMMANDS", "main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    lang = language(args)
    # The imports below (typer, pydantic models) make many long-lived objects and no
    # garbage; collecting while they load only costs time. Batches collect again
    # (ovop_assess.batch), and the collector is back on when main() returns.
    collecting = gc.isenabled()
    gc.disable()
    # pydantic searches every installed package's metadata for plugins of its own when it builds the
    # first model (about 3 ms of every start); the tool uses none. Whoever wants theirs sets the variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    handle_sigterm()
    # OVOP_LANG=id_ID.UTF-8 or =indonesia means id: typer, which checks the variable's value, is shown that.
    written = os.environ.get("OVOP_LANG")
    named = env_language(written) if written is not None else None
    if named is not None:
        os.environ["OVOP_LANG"] = named
    elif written is not None and not written.strip():  # OVOP_LANG= (set, empty): as if unset, for typer too
        del os.environ["OVOP_LANG"]
    try:
        from .error_handler import run_guarded
        from .output import report_to_stdout

        debug = "--debug" in args
        with report_to_stdout(debug):
            return run_guarded(lambda: _run(args, lang), lang, debug=debug)
    except Exception as exc:  # saying what went wrong failed too: no descriptor left to import a module with
        return _last_words(exc, lang)
    finally:
        if written is not None:
            os.environ["OVOP_LANG"] = written
        _restore(*handlers)
        if collecting:
            gc.enable()


def _last_words(exc: Exception, lang: Lang) -> int:
    """The bug's exit code, said in one line written straight to descriptor 2 (``ulimit -n 8``: the error
    handler's own import failed with EMFILE), never as a traceback."""
    first = exc.__context__ if isinstance(exc.__context__, Exception) else exc  # what the handler was saying
    try:
        from ..messages import text

        said = text("cli.internal", lang, error=f"{type(first).__name__}: {first}")
    except Exception:  # (the catalogue is loaded before any command runs: a last resort)
        said = f"internal error: {type(first).__name__}: {first}"
    # Controls written visibly, as every note is (a file name in the error may hold ESC or CR).
    shown = "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in said)
    with contextlib.suppress(OSError):
        os.write(2, f"ovop-assess: {shown}\n".encode("utf-8", "backslashreplace"))
    return ExitCode.INTERNAL


def _run(args: list[str], lang: Lang) -> int:
    from ..errors import UsageError
    from ..results import Message
    from .app import invoke, make_app

    args, wrong = languages_named(args)
    if wrong is not None:  # in the words of the tool, in the language chosen so far, without typer's env-var aside
        raise UsageError(Message("cli.bad_lang", {"value": wrong}))
    written = os.environ.get("OVOP_LANG")
    given = any(arg == "--lang" or arg.startswith("--lang=") for arg in args)
    # --version and --help read no language option: a bad variable does not stop them (nor typer, before).
    eager = not args or args[0] in ("--version", "-V") or "--help" in args
    if written is not None and env_language(written) is None and not given and not eager:
        raise UsageError(Message("cli.bad_env_lang", {"value": written}))
    args = with_default_command(args)
    return invoke(make_app(lang, only=args[0] if args else None), args, lang)


def _restore(sigint: Any, sigterm: Any) -> None:
    """The caller's handlers again (main() may run inside another program: a test, a hook)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, sigint)
        signal.signal(signal.SIGTERM, sigterm)


def run() -> None:
    """Console-script entry point.

    Once main() has returned, the run is over: the report was written and
    flushed by write_output (a file replaced whole), every message printed,
    the exit code decided. From then on Ctrl-C is ignored rather than turned
    into 130: what remains (a final flush with nothing left in it, since
    write_output flushes stdout itself, and the end of the process) holds no
    output of ours worth cutting short, 130 would claim an interrupted run
    whose output is complete, and a KeyboardInterrupt raised while the
    interpreter shuts down prints "Exception ignored in: <module 'threading'>"
    and a traceback. signal.signal() first acts on a SIGINT that arrived just
    before it (raising KeyboardInterrupt) and only then ignores the next: the
    handler below catches that one and keeps main()'s code.
    """
    code: int | None = None
    try:
        code = main()
        ignore_signals()
    except KeyboardInterrupt as exc:  # (Terminated too: SIGTERM)
        ignore_signals()
        if code is None:  # main() was interrupted while reporting another outcome: the run was interrupted
            from .error_handler import stopped

            code = stopped(exc, language(sys.argv[1:]))
    _hard_exit(code)
    sys.exit(code)


def _hard_exit(code: int) -> None:
    """End the process without tearing down every module and object one by one.

    Python's orderly shutdown frees the thousands of objects typer and
    pydantic made, which costs a run on one file about a tenth of its time;
    mypy ends the same way. Output is flushed first, and nothing of ours needs
    an atexit handler: reports are written and closed, worker pools shut down.
    Skipped when a tracer (coverage, a debugger) may still have work at exit.
    """
    _let_stderr_be()
    if sys.gettrace() is not None or "coverage" in sys.modules:
        return
    try:
        if sys.stdout is not None:  # (None: launched with that descriptor closed)
            sys.stdout.flush()
    except (OSError, ValueError):  # stdout closed or the reader gone: the normal exit deals with it
        return
    os._exit(code)


def _let_stderr_be() -> None:
    """A stderr whose notes could not be written (``2>/dev/full``, closed) is let go: Python would try the rest
    again as it ends, fail, and end with 120 instead of the run's code."""
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        sys.stderr = None  # (what Python flushes at its end is sys.stderr: None is left alone)


if __name__ == "__main__":  # pragma: no cover
    run()
