"""``ovop-assess``'s entry point and the one place that maps errors to exit codes.

Exit codes (spec: cli.md): 0 all eligible; 1 a file not eligible or
incomplete; 2 usage error; 3 a file invalid; 4 internal error; 130 Ctrl-C.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Sequence

from ..errors import OvopError, UsageError
from ..messages import Lang, render, text
from ..results import file_label

EXIT_OK, EXIT_NOT_ELIGIBLE, EXIT_USAGE, EXIT_INVALID, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

COMMANDS = frozenset({"assess", "checklist", "rules", "explain", "init", "schema"})
_TOP_OPTIONS = frozenset({"--help", "-h", "--version", "--install-completion", "--show-completion"})


def _with_default_command(argv: list[str]) -> list[str]:
    """``ovop-assess FILE...`` means ``ovop-assess assess FILE...``.

    The options every command takes (``--lang X``, ``--lang=X``, ``--debug``)
    may come before the command's name: ``ovop-assess --lang id checklist
    f.yaml`` runs ``checklist``, with those options moved after its name;
    ``ovop-assess --lang id f.yaml`` still means ``assess``, and so does
    ``ovop-assess --lang en --help`` (no command named: assess's help).

    ``ovop-assess --help --lang id``: the app itself has no --lang (each command
    has); the language is read before parsing (:func:`_lang`), so it is dropped here.
    """
    if argv and argv[0] in _TOP_OPTIONS:
        return _without_lang(argv)
    leading = _leading_common_options(argv)
    rest = argv[len(leading) :]
    if leading and rest and rest[0] in COMMANDS:
        return [rest[0], *leading, *rest[1:]]
    if argv and argv[0] not in COMMANDS:
        return ["assess", *argv]
    return argv


def _leading_common_options(argv: list[str]) -> list[str]:
    """The options every command takes that open ``argv`` (``--lang`` with its value)."""
    count = 0
    while count < len(argv):
        arg = argv[count]
        if arg == "--lang" and count + 1 < len(argv):
            count += 2
        elif arg.startswith("--lang=") or arg == "--debug":
            count += 1
        else:
            break
    return argv[:count]


def _without_lang(argv: list[str]) -> list[str]:
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept


def _lang(argv: Sequence[str]) -> Lang:
    """The language of this run, read before typer parses: the last valid --lang (as typer takes it), else OVOP_LANG.

    Either way in any case (``ID``, ``En``), as typer accepts it.

    A --lang value that is no language (``--lang xx``) is an error typer reports
    in the language of OVOP_LANG.
    """
    chosen: Lang | None = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        value = value.lower()  # as typer takes it: --lang ID is id
        if value in ("en", "id"):
            chosen = "id" if value == "id" else "en"
    if chosen is not None:
        return chosen
    return "id" if os.environ.get("OVOP_LANG", "").lower() == "id" else "en"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(args)
    args = _with_default_command(args)
    debug = "--debug" in args
    # The imports below (typer, pydantic models) make many long-lived objects and no
    # garbage; collecting while they load only costs time. Batches collect again
    # (ovop_assess.batch), and the collector is back on when main() returns.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from .. import cli as cli_package

        cli_package.HELP_LANG = lang
        from .app import invoke

        return invoke(args, lang)
    except UsageError as exc:
        where = file_label(exc.file) if exc.file else ""
        if exc.location is not None and exc.location.line is not None:
            where += f":{exc.location.line}"
        prefix = f"{where}: " if where else ""
        from .terminal import shown  # a path or value in the message may hold control characters

        print(shown(f"ovop-assess: {prefix}{render(exc.message, lang)}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"ovop-assess: {text('cli.interrupted', lang)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (| head); nothing more to say.
        _silence_stdout()
        return EXIT_OK
    except (OvopError, Exception) as exc:  # the one place a bug becomes exit 4
        if debug:
            import traceback

            traceback.print_exc()
        error = f"{type(exc).__name__}: {exc}"
        print(f"ovop-assess: {text('cli.internal', lang, error=error)}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if collecting:
            gc.enable()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


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
        _ignore_interrupts()
    except KeyboardInterrupt:
        _ignore_interrupts()
        if code is None:  # main() was interrupted while reporting another outcome: the run was interrupted
            print(f"ovop-assess: {text('cli.interrupted', _lang(sys.argv[1:]))}", file=sys.stderr)
            code = EXIT_INTERRUPTED
    _hard_exit(code)
    sys.exit(code)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _hard_exit(code: int) -> None:
    """End the process without tearing down every module and object one by one.

    Python's orderly shutdown frees the thousands of objects typer and
    pydantic made, which costs a run on one file about a tenth of its time;
    mypy ends the same way. Output is flushed first, and nothing of ours needs
    an atexit handler: reports are written and closed, worker pools shut down.
    Skipped when a tracer (coverage, a debugger) may still have work at exit.
    """
    if sys.gettrace() is not None or "coverage" in sys.modules:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # stdout closed or the reader gone: the normal exit deals with it
        return
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
