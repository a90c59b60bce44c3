"""The one place where an exception becomes a message on stderr and an exit code.

Everything the CLI runs goes through :func:`run_guarded`. The library raises
only :class:`~ovop_assess.errors.OvopError` on purpose ("this run cannot go
on"), each subclass carrying its exit code; the option parser raises typer's
usage errors; anything else is a bug (exit 4, the traceback under ``--debug``).
Ctrl-C and SIGTERM are said and mapped by :func:`stopped`, here too: the entry
point (``cli/main.py``) calls it for one that arrives outside the guarded run.
The codes are named from the one table, :mod:`ovop_assess.exit_codes`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable

import typer

from ..errors import OvopError
from ..exit_codes import ExitCode
from ..messages import Lang, text
from ..render.reader import say
from ..results import Location, Message, file_label
from .signals import Terminated
from .terminal import note, plain, to_stderr


def run_guarded(run: Callable[[], int], lang: Lang, debug: bool) -> int:
    """``run()``'s exit code, or the code of what it raised, after saying what went wrong."""
    try:
        code = run()
        # A stop request whose exception was lost on the way (swallowed where Python only prints
        # "Exception ignored"): the run was told to stop, and must not end as if it had finished.
        from ..rule_guard import raise_if_stopped

        raise_if_stopped()
        return code
    except typer.Exit as exc:  # --help, --version: done, with the code they chose
        return int(exc.exit_code)
    except SystemExit as exc:
        # typer ends shell completion (its script, or the candidates for the shell) with sys.exit(), even
        # outside click's standalone mode; nothing of ours exits so (a plugin's sys.exit() is its rule's error).
        return _system_exit_code(exc.code)
    except (KeyboardInterrupt, typer.Abort) as exc:  # typer turns a KeyboardInterrupt into Abort
        return stopped(exc, lang)
    except typer.TyperException as exc:  # the option parser's usage errors
        _parser_error(exc, lang)
        return int(exc.exit_code)
    except BrokenPipeError:
        # The reader went away (| head); nothing more to say.
        _silence_stdout()
        return ExitCode.OK
    except OvopError as exc:
        note(_located(exc.message, exc.file, exc.location, lang))
        for finding in exc.details:  # a file's every problem with its field, as an invalid region file's are listed
            field = finding.location.path if finding.location is not None else ""
            note(_located(finding.message, exc.file, finding.location, lang, field=field))
        return exc.exit_code
    except Exception as exc:  # the one place a bug becomes exit 4
        if debug:
            import traceback

            to_stderr(traceback.format_exc())
        note(text("cli.internal", lang, error=f"{type(exc).__name__}: {exc}"))
        return ExitCode.INTERNAL


def stopped(exc: BaseException, lang: Lang) -> int:
    """Ctrl-C or SIGTERM (``exc``, or typer's Abort made of it): said on stderr; its exit code, 130 or 143.

    SIGTERM's is known by its class, or by the note its handler left (typer's Abort, or a plugin that
    swallowed it, loses the exception).
    """
    if isinstance(exc, Terminated) or isinstance(exc.__cause__, Terminated) or _terminated():
        note(text("cli.terminated", lang))
        return ExitCode.TERMINATED
    note(text("cli.interrupted", lang))
    return ExitCode.INTERRUPTED


def _terminated() -> bool:
    from ..rule_guard import stop_requested

    return isinstance(stop_requested(), Terminated)


def _located(message: Message, file: str | None, location: Location | None, lang: Lang, field: str = "") -> str:
    """``FILE:LINE: FIELD: message``, each part there when known (a file's label may itself hold ": ")."""
    where = file_label(file) if file else ""
    if location is not None and location.line is not None:
        where += f":{location.line}"
    return ": ".join([*(part for part in (where, field) if part), say(message, lang)])


def _parser_error(exc: typer.TyperException, lang: Lang) -> None:
    if lang == "id" and type(exc).__name__ != "NoArgsIsHelpError":  # (that one shows the help page)
        from .indonesian import usage_error

        # Each line as a note is written: the value or option a user typed may hold ESC, CR or a bidi control.
        to_stderr("".join(plain(line, one_line=True) + "\n" for line in usage_error(exc).splitlines()))
        return
    show = getattr(exc, "show", None)
    if callable(show):
        said = getattr(exc, "message", None)
        if isinstance(said, str):  # typer words a refused choice as pydantic does: "Value error, 'x' is not one of …"
            exc.message = said.replace("Value error, ", "")
        if sys.stderr is not None:  # (None: click would write the usage error on stdout, the report's)
            with contextlib.suppress(OSError, ValueError):
                show(file=sys.stderr)
    else:
        note(str(getattr(exc, "message", exc)))


def _system_exit_code(code: object) -> int:
    """As Python ends on ``sys.exit(code)``: None is 0, an int itself, anything else printed (escaped) and 1."""
    if code is None:
        return ExitCode.OK
    if isinstance(code, int):
        return code
    to_stderr(plain(str(code)) + "\n")  # Python's own form: the text alone, no prefix
    return ExitCode.EXIT_WITH_TEXT


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
