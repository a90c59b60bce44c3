"""Plain result values shared by the loader, the validator, the rules and the renderers.

Schema errors and rule findings have one shape, :class:`Finding`: a message
(an id plus values, rendered later in either language) and where in the file
it comes from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    WAIVED = "waived"
    ERROR = "error"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    INCOMPLETE = "incomplete"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a region file: a field path such as ``firms[3].role`` and its line/column (1-based)."""

    path: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class Message:
    """A user-facing sentence: a catalogue id plus the values it is built from."""

    id: str
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason, warning or error, with the place in the file it is about."""

    message: Message
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a rule's ``check()`` returns.

    ``missing`` says in concrete terms what would still have to be added or
    changed for the criterion to pass (used by the checklist).
    """

    status: Status
    score: float
    reasons: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()
    missing: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class CriterionResult:
    """A rule's outcome as configured by the criteria set, after waivers."""

    id: str
    name: str
    status: Status
    score: float
    required: bool
    group: str | None
    weight: float
    reasons: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    missing: tuple[Message, ...]

    @property
    def locations(self) -> tuple[Location, ...]:
        seen: dict[Location, None] = {}
        for finding in self.reasons:
            if finding.location is not None:
                seen.setdefault(finding.location, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class RegionInfo:
    name: str
    level: str
    city: str


@dataclass(frozen=True, slots=True)
class FileResult:
    """The assessment of one region file."""

    file: str
    region: RegionInfo | None
    verdict: Verdict
    score: float
    criteria: tuple[CriterionResult, ...] = ()
    errors: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class SetInfo:
    id: str
    version: str
    title: Mapping[str, str]
    source: str | None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced, in the order the files were given."""

    tool_version: str
    criteria_set: SetInfo
    results: tuple[FileResult, ...]

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.results if r.verdict is verdict)
