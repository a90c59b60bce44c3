"""The proposal checklist: what a team still has to do before it submits a region.

:func:`build_checklist` turns an assessment (a :class:`~ovop_assess.results.FileResult`
with its validated :class:`~ovop_assess.region.Region`) into a
:class:`Checklist`: the region and product header, the criteria set, and per
criterion its status, reasons, what is still missing and the evidence
documents the criteria set asks for. Each document is looked up on disk,
relative to the region file's folder (or absolute): ``provided`` when the
file exists, ``folder`` when the path names a folder (it does not count: the
spec asks for a file), ``missing_file`` when nothing is there, and
``not_given`` when the region file does not name one.

An ``evidence`` key of the region file that no enabled rule asks for is
either a document of a rule the criteria set switches off (``enabled:
false``): listed apart, as not needed under this set, never as a typo; or
unknown to the set: listed as a possible typo.

The document is pure data, language-free: texts are catalogue messages and
``{"en", "id"}`` titles, rendered by :mod:`ovop_assess.render.checklist`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .assurance import next_level
from .criteria_sets import ActiveRule, CriteriaSet
from .evidence import EvidenceCheck, EvidenceState, evidence_checks, path_state
from .office import OfficeProfile
from .region import Region
from .results import (
    AppliedWaiver,
    Assurance,
    CriterionResult,
    FileResult,
    Finding,
    Location,
    Message,
    SetInfo,
    Status,
    Verdict,
)
from .rules.base import RuleSpec

__all__ = ["Checklist", "CriterionChecklist", "EvidenceCheck", "EvidenceState", "build_checklist"]


@dataclass(frozen=True, slots=True)
class UnknownEvidence:
    """An ``evidence`` key of the region file that the criteria set does not know."""

    key: str
    path: str
    state: EvidenceState  # PROVIDED, MISSING_FILE or FOLDER


@dataclass(frozen=True, slots=True)
class DisabledEvidence:
    """An ``evidence`` key of the region file for a rule the criteria set switches off: not needed."""

    key: str
    path: str
    rule: str  # the id of the switched-off rule that lists the document
    state: EvidenceState  # PROVIDED, MISSING_FILE or FOLDER


@dataclass(frozen=True, slots=True)
class CriterionChecklist:
    """One criterion of the checklist, in the criteria set's order."""

    id: str
    title: Mapping[str, str]  # {"en": ..., "id": ...}
    status: Status
    score: float
    required: bool
    group: str | None
    weight: float
    reasons: tuple[Finding, ...]  # the rule's own reasons (a waiver is in ``waiver``)
    warnings: tuple[Finding, ...]
    missing: tuple[Message, ...]  # what would still have to be added or changed
    evidence: tuple[EvidenceCheck, ...]
    waiver: AppliedWaiver | None = None  # the waiver that decided the status
    assurance: Assurance | None = None  # how far a pass is backed (None when it does not pass)
    next_level: tuple[Message, ...] = ()  # what would raise a pass one level of assurance
    # What the rule decides that the source does not say, with the criteria set's parameters
    reading: Message | None = None

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.id


@dataclass(frozen=True, slots=True)
class RegionHeader:
    name: str
    level: str
    city: str
    province: str
    district: str | None = None
    code: str | None = None
    proposal_year: int | None = None


@dataclass(frozen=True, slots=True)
class ProductHeader:
    name: str
    category: str
    kbli: str | None = None


@dataclass(frozen=True, slots=True)
class Checklist:
    """The whole checklist document for one region file."""

    file: str
    region: RegionHeader
    product: ProductHeader | None
    criteria_set: SetInfo
    as_of: datetime.date
    verdict: Verdict
    score: float
    criteria: tuple[CriterionChecklist, ...]
    unknown_evidence: tuple[UnknownEvidence, ...] = ()
    warnings: tuple[Finding, ...] = ()  # file-level warnings other than unknown evidence keys
    disabled_evidence: tuple[DisabledEvidence, ...] = ()  # documents of switched-off rules: not needed
    tool_version: str = __version__
    assurance: Assurance | None = None  # the file's (FileResult.assurance), below a bar's unknowns too
    # With an office profile (--office): its letterhead and signature blocks, and no internal evidence keys.
    office: OfficeProfile | None = None

    @property
    def evidence(self) -> tuple[EvidenceCheck, ...]:
        return tuple(item for criterion in self.criteria for item in criterion.evidence)

    def evidence_count(self, state: EvidenceState) -> int:
        return sum(1 for item in self.evidence if item.state is state)


def build_checklist(
    result: FileResult,
    region: Region,
    criteria_set: CriteriaSet,
    *,
    base_dir: Path,
    as_of: datetime.date,
    office: OfficeProfile | None = None,
) -> Checklist:
    """The checklist of a valid region file; ``base_dir`` is the folder evidence paths are relative to.

    With an ``office`` profile the page is for a letter: its letterhead and signatures, no evidence keys.
    """
    given = dict(region.evidence or {})
    rules = {rule.id: rule for rule in criteria_set.rules}
    criteria = tuple(
        _criterion(criterion, rules.get(criterion.id), given, base_dir, as_of, keys=office is None)
        for criterion in result.criteria
    )
    known = criteria_set.evidence_keys()
    switched_off = criteria_set.disabled_evidence or {}
    unknown = tuple(
        UnknownEvidence(key, path, path_state(base_dir, path))
        for key, path in given.items()
        if key not in known and key not in switched_off
    )
    disabled = tuple(
        DisabledEvidence(key, path, switched_off[key], path_state(base_dir, path))
        for key, path in given.items()
        if key not in known and key in switched_off
    )
    place = region.region
    product = region.product
    return Checklist(
        file=result.file,
        region=RegionHeader(
            name=place.name,
            level=place.level,
            city=place.city,
            province=place.province,
            district=place.district or None,
            code=place.code,
            proposal_year=place.proposal_year,
        ),
        product=ProductHeader(product.name, product.category, product.kbli) if product is not None else None,
        criteria_set=criteria_set.info,
        as_of=as_of,
        verdict=result.verdict,
        score=result.score,
        criteria=criteria,
        unknown_evidence=unknown,
        warnings=_other_warnings(result, letter=office is not None),
        disabled_evidence=disabled,
        assurance=result.assurance,
        office=office,
    )


def _other_warnings(result: FileResult, *, letter: bool = False) -> tuple[Finding, ...]:
    """The file's warnings but those about unknown evidence keys: the checklist lists those keys on their own.

    ``letter`` (a page for an official letter, ``--office``): nor those about the firm spreadsheet's layout
    (its columns ignored, rows hidden, other sheets), the analyst's to read (``checklist`` says them on stderr,
    as ``round`` does), not the letter's.
    """
    # By place first: a hostile file can hold thousands of unknown keys.
    unknown: dict[Location | None, list[Finding]] = {}
    for item in result.unknown_evidence:
        unknown.setdefault(item.warning.location, []).append(item.warning)
    return tuple(
        w
        for w in result.warnings
        if w not in unknown.get(w.location, ()) and not (letter and w.location is not None and w.location.file)
    )


def _criterion(
    criterion: CriterionResult,
    rule: ActiveRule | None,
    given: Mapping[str, str],
    base_dir: Path,
    as_of: datetime.date,
    *,
    keys: bool,
) -> CriterionChecklist:
    title: Mapping[str, str] = {"en": criterion.id, "id": criterion.id}
    items: tuple[EvidenceCheck, ...] = ()
    reading: Message | None = None
    if rule is not None:
        if isinstance(rule.spec, RuleSpec):
            title = dict(rule.spec.title)
            reading = rule.spec.reading_for(rule.params)
        items = evidence_checks(rule, given, base_dir)
    return CriterionChecklist(
        id=criterion.id,
        title=title,
        status=criterion.status,
        score=criterion.score,
        required=criterion.required,
        group=criterion.group,
        weight=criterion.weight,
        reasons=criterion.rule_reasons,
        warnings=criterion.warnings,
        missing=criterion.missing if criterion.status is not Status.ERROR else (Message("checklist.rule_error", {}),),
        evidence=items,
        waiver=criterion.waiver,
        assurance=criterion.assurance,
        next_level=next_level(criterion.id, items, criterion.assurance, as_of, keys=keys)
        if criterion.assurance
        else (),
        reading=reading,
    )
