"""Exceptions for "this run cannot go on" — the only exceptions the library raises on purpose.

A failed criterion or an invalid region file is a result, not an exception.
The CLI catches these once and maps them to exit codes.
"""

from __future__ import annotations

from .results import Location, Message


class OvopError(Exception):
    exit_code = 4


class UsageError(OvopError):
    """Bad options, a bad criteria set, an unknown rule: exit code 2."""

    exit_code = 2

    def __init__(self, message: Message, file: str | None = None, location: Location | None = None) -> None:
        super().__init__(message.id)
        self.message = message
        self.file = file
        self.location = location
