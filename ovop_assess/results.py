"""Plain result values shared by the loader, the validator, the rules and the renderers.

Schema errors and rule findings have one shape, :class:`Finding`: a message
(an id plus values, rendered later in either language) and where in the file
it comes from. The values are immutable named tuples: they are created at
every start of the command, where a named tuple costs a tenth of a dataclass,
and they cross process boundaries (``--jobs``) as cheap pickles.
"""

# No ``from __future__ import annotations`` here: NamedTuple (and pydantic) would compile each
# field's annotation from its text at start-up (6 µs each); written as objects, they are taken as they are.
import datetime
import os
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    WAIVED = "waived"
    ERROR = "error"

    @property
    def message(self) -> "Message":  # (defined below; this module's annotations are evaluated: see its docstring)
        """The status in words: "pass", "fail", "unknown", "waived", "error" (``dipenuhi`` … in Indonesian)."""
        return Message(_STATUS_WORDS[self], {})


class Assurance(StrEnum):
    """How far a passing criterion is backed (docs/criteria.md, "Assurance"); ordered, lowest first."""

    DECLARED = "declared"  # it passes on the facts the region file states
    DOCUMENTED = "documented"  # and every evidence document the criteria set lists for it is on hand
    VERIFIED = "verified"  # and a verification entry of the file covers it, dated on or before the assessment

    @property
    def message(self) -> "Message":  # (defined below; this module's annotations are evaluated: see its docstring)
        """The level in words: "declared only", "documented", "verified"."""
        return Message(_ASSURANCE_WORDS[self], {})

    @property
    def short_message(self) -> "Message":
        """The level in one word, for a column (the round's, the workbook's): "declared", "documented", "verified"."""
        return Message(_ASSURANCE_SHORT_WORDS[self], {})


def assurance_rank(level: Assurance) -> int:
    """0 for declared, 1 for documented, 2 for verified: the order the levels build on each other."""
    return _ASSURANCE_ORDER.index(level)


def assurance_above(level: Assurance) -> Assurance | None:
    """The next level up (declared → documented → verified); None above verified."""
    rank = assurance_rank(level) + 1
    return _ASSURANCE_ORDER[rank] if rank < len(_ASSURANCE_ORDER) else None


_ASSURANCE_ORDER = tuple(Assurance)
_ASSURANCE_WORDS = {
    Assurance.DECLARED: "assurance.declared",
    Assurance.DOCUMENTED: "assurance.documented",
    Assurance.VERIFIED: "assurance.verified",
}
_ASSURANCE_SHORT_WORDS = {
    Assurance.DECLARED: "round.assurance_declared",
    Assurance.DOCUMENTED: "round.assurance_documented",
    Assurance.VERIFIED: "round.assurance_verified",
}


class Documents(NamedTuple):
    """How many of the evidence documents the criteria set asks for are on hand, of how many."""

    on_hand: int
    needed: int


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    INCOMPLETE = "incomplete"
    INVALID = "invalid"

    @property
    def message(self) -> "Message":
        """The verdict in words: "eligible", "not eligible", "incomplete", "invalid file"."""
        return Message(_VERDICT_WORDS[self], {})


# The catalogue's ids, written out: a test finds every id the code uses among its literals.
_STATUS_WORDS = {
    Status.PASS: "status.pass",
    Status.FAIL: "status.fail",
    Status.UNKNOWN: "status.unknown",
    Status.WAIVED: "status.waived",
    Status.ERROR: "status.error",
}
_VERDICT_WORDS = {
    Verdict.ELIGIBLE: "verdict.eligible",
    Verdict.NOT_ELIGIBLE: "verdict.not_eligible",
    Verdict.INCOMPLETE: "verdict.incomplete",
    Verdict.INVALID: "verdict.invalid",
}


class Location(NamedTuple):
    """A place in a region file: a field path such as ``firms[3].role`` and its line/column (1-based).

    For firms the region file reads from a spreadsheet (``firms: {file: …}``)
    the place is also in that file: ``file``, ``sheet`` (None for a CSV file)
    and ``cell`` (``C12``; None for the file or sheet as a whole). ``line``
    is then the region file's ``firms:`` line, where an editor or a CI
    annotation can point.
    """

    path: str
    line: int | None = None
    column: int | None = None
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None


class Message(NamedTuple):
    """A user-facing sentence: a catalogue id plus the values it is built from."""

    id: str
    values: Mapping[str, Any] = MappingProxyType({})


class Finding(NamedTuple):
    """One reason, warning or error, with the place in the file it is about."""

    message: Message
    location: Location | None = None


class Outcome(NamedTuple):
    """What a rule's ``check()`` returns.

    ``missing`` says in concrete terms what would still have to be added or
    changed for the criterion to pass (used by the checklist).
    """

    status: Status
    score: float
    reasons: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()
    missing: tuple[Message, ...] = ()


class AppliedWaiver(NamedTuple):
    """The waiver of a region file that decided a criterion's status (it is ``waived``)."""

    rule: str
    reason: str
    approved_by: str | None = None
    expires: datetime.date | None = None
    location: Location | None = None  # the waiver's entry in the region file

    @property
    def message(self) -> Message:
        """The sentence that states it: who waived the criterion, and why."""
        if self.approved_by:
            return Message("waiver.applied_by", {"reason": self.reason, "approved_by": self.approved_by})
        return Message("waiver.applied", {"reason": self.reason})


class Crash(NamedTuple):
    """Why a rule gave no outcome: it raised, returned a malformed one, or could not be loaded."""

    error: str | Message  # one line, as the reason and the CLI show it (a message when the catalogue words it)
    traceback: str = ""  # for ``--debug``; empty when the rule could not be loaded


class CriterionResult(NamedTuple):
    """A rule's outcome as configured by the criteria set, after waivers.

    A ``waived`` result carries its :class:`AppliedWaiver`, and its reasons
    start with the waiver's own (:attr:`AppliedWaiver.message`), followed by
    the rule's; an ``error`` result carries its :class:`Crash`.
    """

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
    waiver: AppliedWaiver | None = None
    crash: Crash | None = None
    assurance: Assurance | None = None  # only for a pass (docs/criteria.md, "Assurance")

    @property
    def rule_reasons(self) -> tuple[Finding, ...]:
        """The reasons the rule gave, without the waiver's."""
        return self.reasons[1:] if self.waiver is not None else self.reasons

    @property
    def locations(self) -> tuple[Location, ...]:
        seen: dict[Location, None] = {}
        for finding in self.reasons:
            if finding.location is not None:
                seen.setdefault(finding.location, None)
        return tuple(seen)


class RegionInfo(NamedTuple):
    """What reports name a candidate by; the fields after ``city`` are for the round (None when not given)."""

    name: str
    level: str
    city: str
    district: str | None = None  # the kecamatan of a desa/kelurahan
    code: str | None = None  # the area code (kode wilayah)
    proposal_year: int | None = None
    product: str | None = None  # the product's name
    kbli: str | None = None


def file_label(path: str | os.PathLike[str]) -> str:
    """How every report and message names a file: its path as text, each byte that is not UTF-8 as ``\\xNN``.

    On POSIX a file name is bytes, and Python keeps the bytes the file-system
    encoding cannot decode as lone surrogates (``r\\udce9gion.yaml`` for the
    Latin-1 name ``r\\xe9gion.yaml``), which no UTF-8 output can carry. Such a
    name is shown with those bytes escaped (``r\\xe9gion.yaml``), the form
    Python's ``backslashreplace`` gives; every other name is kept as it is.
    Made once, where a result gets its label, so every renderer receives
    clean text and all formats show the same name.
    """
    name = os.fspath(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


class UnknownEvidenceKey(NamedTuple):
    """An ``evidence`` key of a region file that the criteria set does not ask for, and the warning about it."""

    key: str
    warning: Finding  # as listed among the file's warnings (when within the listed ones)


class FileResult(NamedTuple):
    """The assessment of one region file."""

    file: str  # the file's label (file_label): valid UTF-8 text whatever the file's name
    region: RegionInfo | None
    verdict: Verdict
    score: float
    criteria: tuple[CriterionResult, ...] = ()
    errors: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()  # every warning, unknown evidence keys among them
    unknown_evidence: tuple[UnknownEvidenceKey, ...] = ()
    assurance: Assurance | None = None  # the lowest of the criteria passing on the facts (below a bar too); else None
    documents: Documents | None = None  # the set's evidence documents on hand (None for an invalid file)
    # The spreadsheets its ``firms: {file: …}`` names, as paths from the working folder: inputs too,
    # which ``--output`` may not replace (known only once the region file is read).
    sheet_files: tuple[str, ...] = ()
    crash: Crash | None = None  # a bug the tool met on this file (not in a rule): the result is invalid, exit 4
    # The evidence documents its ``evidence:`` lists, as paths from the working folder: never replaced either.
    evidence_files: tuple[str, ...] = ()


class SetInfo(NamedTuple):
    id: str
    version: str
    title: Mapping[str, str]
    source: str | None
    # The ids of the set's active rules, in its order: the CSV report's columns even when no file is valid (the
    # JSON header does not list them: each valid file's criteria do).
    rules: tuple[str, ...] = ()


class Report(NamedTuple):
    """Everything one run produced, in the order the files were given."""

    tool_version: str
    criteria_set: SetInfo
    results: tuple[FileResult, ...]
    as_of: datetime.date | None = None  # the assessment date the files were judged on (waivers, verifications)

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.results if r.verdict is verdict)


class RuleCrash(NamedTuple):
    """A rule that could not run on a file (a bug in it, or a plugin that failed to load); with ``rule`` empty, a
    bug of the tool's own met on the file (``FileResult.crash``)."""

    file: str
    rule: str
    detail: str | Message
    traceback: str


def rule_crashes(result: FileResult) -> tuple[RuleCrash, ...]:
    """The rules of ``result`` whose status is ``error``, with what went wrong; first, a bug met on the file
    itself, as a crash of no rule (``rule`` empty)."""
    crashes = [] if result.crash is None else [RuleCrash(result.file, "", result.crash.error, result.crash.traceback)]
    for criterion in result.criteria:
        if criterion.status is Status.ERROR:
            crash = criterion.crash or Crash("")
            crashes.append(RuleCrash(result.file, criterion.id, crash.error, crash.traceback))
    return tuple(crashes)
