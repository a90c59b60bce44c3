"""The exit codes of ``ovop-assess``, in one table (the contract: docs/cli.md, "Exit codes").

In the library, not the CLI: an :class:`~ovop_assess.errors.OvopError` carries
its code from here, and the CLI (which the library never imports) reads the
same table. Every code is written once, here; elsewhere it is named.

Where several apply, the highest wins: a run with an invalid file (3) and a
crashed rule (4) exits 4.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # every file assessed and eligible
    NOT_ELIGIBLE = 1  # a file not eligible, or incomplete (unless --allow-incomplete)
    NOT_FOUND = NOT_ELIGIBLE  # ``area``: no area of the table matches (an alias: "the answer is no")
    EXIT_WITH_TEXT = NOT_ELIGIBLE  # ``sys.exit("text")``, as Python ends it (an alias; typer's completion only)
    USAGE = 2  # bad option, bad criteria set, unknown rule or command
    INVALID = 3  # a file missing, unreadable, not YAML, or not a valid region file
    INTERNAL = 4  # a bug: a rule crashed or the tool did
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143  # SIGTERM (128 + SIGTERM)
