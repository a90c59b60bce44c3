"""What loading gives back: the data with its positions, or the reasons there is none."""

# No ``from __future__ import annotations`` here: NamedTuple (and pydantic) would compile each
# field's annotation from its text at start-up (6 µs each); written as objects, they are taken as they are.
from typing import Any, NamedTuple

from ..results import Finding
from .positions import PathKey, Positions


class Loaded(NamedTuple):
    data: Any
    positions: Positions
    problems: tuple[Finding, ...]  # problems that still let the data be checked further
    warnings: tuple[Finding, ...] = ()  # from reading what the file points to (a firm spreadsheet)
    # The text every value of ``data`` was read from; None when some came from elsewhere (a firm
    # spreadsheet). Lets later steps rule out a value by looking for it in the text once.
    text: str | None = None
    # Where the loader refused a value (a tag it does not take, a scalar it cannot read, a number YAML 1.1
    # reads otherwise than written, a recursive alias): it left None there and said why among ``problems``,
    # so validation adds nothing about that None.
    dropped: frozenset[PathKey] = frozenset()


class LoadError(Exception):
    """The file cannot be turned into data at all; ``findings`` says why and where."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message.id if findings else "load error")
        self.findings = findings
