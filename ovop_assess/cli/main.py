"""``ovop-assess``'s entry point and the one place that maps errors to exit codes.

Exit codes (spec: cli.md): 0 all eligible; 1 a file not eligible or
incomplete; 2 usage error; 3 a file invalid; 4 internal error; 130 Ctrl-C.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ..errors import OvopError, UsageError
from ..messages import Lang, render, text

EXIT_OK, EXIT_NOT_ELIGIBLE, EXIT_USAGE, EXIT_INVALID, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

COMMANDS = frozenset({"assess", "checklist", "rules", "explain", "init", "schema"})
_TOP_OPTIONS = frozenset({"--help", "-h", "--version", "--install-completion", "--show-completion"})


def _with_default_command(argv: list[str]) -> list[str]:
    """``ovop-assess FILE...`` means ``ovop-assess assess FILE...``."""
    if argv and argv[0] not in COMMANDS and argv[0] not in _TOP_OPTIONS:
        return ["assess", *argv]
    return argv


def _lang(argv: Sequence[str]) -> Lang:
    """The language of this run, read before typer parses: the last valid --lang (as typer takes it), else OVOP_LANG.

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
        if value in ("en", "id"):
            chosen = "id" if value == "id" else "en"
    if chosen is not None:
        return chosen
    return "id" if os.environ.get("OVOP_LANG") == "id" else "en"


def main(argv: Sequence[str] | None = None) -> int:
    args = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    lang = _lang(args)
    debug = "--debug" in args
    try:
        from .. import cli as cli_package

        cli_package.HELP_LANG = lang
        from .app import invoke

        return invoke(args, lang)
    except UsageError as exc:
        where = exc.file or ""
        if exc.location is not None and exc.location.line is not None:
            where += f":{exc.location.line}"
        prefix = f"{where}: " if where else ""
        print(f"ovop-assess: {prefix}{render(exc.message, lang)}", file=sys.stderr)
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


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
