"""Exceptions for "this run cannot go on" — the only exceptions the library raises on purpose.

A failed criterion or an invalid region file is a result, not an exception.
Each exception carries its message (an id plus values, so it reads in either
language), where it comes from, and its exit code (named from the one table,
:mod:`ovop_assess.exit_codes`); the CLI catches them once
(``ovop_assess.cli.error_handler``) and exits with that code.
"""

from __future__ import annotations

from .exit_codes import ExitCode
from .results import Finding, Location, Message


class OvopError(Exception):
    """The run cannot go on; ``exit_code`` says why, in the CLI's terms."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(
        self,
        message: Message,
        file: str | None = None,
        location: Location | None = None,
        details: tuple[Finding, ...] = (),
    ) -> None:
        super().__init__(message.id)
        self.message = message
        self.file = file
        self.location = location
        self.details = details  # every problem of ``file``, each with its line, listed after the message


class UsageError(OvopError):
    """Bad options, a bad criteria set, an unknown rule: :attr:`ExitCode.USAGE`."""

    exit_code = ExitCode.USAGE
