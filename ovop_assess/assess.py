"""Assess region files against a criteria set: the library's main entry point.

One file's way: :mod:`.yaml_source` loads it (bytes -> data with lines),
:mod:`.firm_sheet` puts in the firms of a spreadsheet it names (``firms:
{file: …}``), :mod:`.validate` turns the data into a Region or findings, each rule of the
set runs on it (:mod:`.rule_runner`), :mod:`.assurance` weighs the evidence
and :mod:`.verdict` gives the verdict and score: one :class:`FileResult`.
:func:`expand_paths` turns the folders given into region files.

``assess_path`` never raises for a bad region file: whatever is wrong with
it becomes an ``invalid`` result with every problem listed. It raises only
for things that stop the whole run (a bad criteria set, raised earlier by
:mod:`ovop_assess.criteria_sets`; Ctrl-C, SIGTERM). Not even for a bug met
on one file (in reading it, its spreadsheet, its validation or its
evidence; a rule's own bug is that rule's ``error``): that file's result is
``invalid``, saying so, and carries the crash (``FileResult.crash``), so
that the other files are still assessed and the run ends with exit 4.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import __version__
from . import rules as registry
from .assurance import assure
from .criteria_sets import CriteriaSet
from .errors import OvopError
from .evidence import evidence_files
from .region import Region
from .results import (
    Crash,
    FileResult,
    Finding,
    Location,
    Message,
    RegionInfo,
    Report,
    Status,
    UnknownEvidenceKey,
    Verdict,
    file_label,
)
from .rule_guard import DEFAULT_RULE_TIMEOUT
from .rule_runner import described_crash, run_rule
from .rules.base import Facts
from .validate import RuleIds, validate
from .verdict import total_score, verdict_of
from .yaml_source import Limits, Loaded, LoadError, load_file, parse_text


def rule_ids(criteria: CriteriaSet) -> RuleIds:
    return RuleIds(
        set_id=criteria.info.id,
        active={rule.id for rule in criteria.rules},
        is_known=lambda rule_id: registry.lookup(rule_id) is not None,
        known_list=registry.known_ids,
        # A document of a rule the set switches off is not a typo: no unknown-key warning.
        evidence_keys=criteria.evidence_keys() | set(criteria.disabled_evidence or ()),
    )


# The last criteria set's RuleIds: a batch assesses every file against the same set, and
# working its sets out again for each file cost a batch of 1000 files about 10 ms.
_last_rule_ids: list[tuple[CriteriaSet, RuleIds]] = []


def _rule_ids_of(criteria: CriteriaSet) -> RuleIds:
    last = _last_rule_ids[0] if _last_rule_ids else None
    if last is not None and last[0] is criteria:  # (an immutable set: the same object, the same ids)
        return last[1]
    ids = rule_ids(criteria)
    _last_rule_ids[:] = [(criteria, ids)]
    return ids


def assess_path(
    path: Path,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    limits: Limits | None = None,
    label: str | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> FileResult:
    """Read, validate and assess one region file.

    ``rule_timeout``: seconds a plugin rule may take on the file before it is
    that rule's ``error`` (None: no limit; see :mod:`.rule_guard`).
    """
    return assess_with_region(path, criteria, as_of=as_of, limits=limits, label=label, rule_timeout=rule_timeout)[0]


def assess_with_region(
    path: Path,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    limits: Limits | None = None,
    label: str | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> tuple[FileResult, Region | None]:
    """Like :func:`assess_path`, also returning the validated region (None when invalid)."""
    label = label if label is not None else file_label(path)
    try:
        return _assess_file(path, criteria, as_of, limits or Limits(), label, rule_timeout)
    except OvopError:
        raise  # "this run cannot go on": for every file alike
    except Exception as exc:  # a bug met on this file: its result says so, and the other files are assessed
        return crashed(label, exc), None


def crashed(label: str, exc: BaseException) -> FileResult:
    """The result of a file on which the tool met a bug: ``invalid``, its one error saying so, the crash kept
    for the exit code (4) and ``--debug``."""
    crash = described_crash(exc)
    finding = Finding(Message("file.internal_error", {"error": crash.error}), Location("", None, None))
    return _invalid(label, [finding])._replace(crash=crash)


def worker_died(label: str) -> FileResult:
    """The result of a file whose worker process died (twice) while assessing it: ``invalid`` with the one error
    saying so, and a crash for the exit code (4); no traceback: the process that had it is gone."""
    said = Message("file.worker_died", {})
    return _invalid(label, [Finding(said, Location("", None, None))])._replace(crash=Crash(said))


def _assess_file(
    path: Path, criteria: CriteriaSet, as_of: datetime.date, limits: Limits, label: str, rule_timeout: float | None
) -> tuple[FileResult, Region | None]:
    try:
        loaded = load_file(path, limits)
    except LoadError as exc:
        return _invalid(label, exc.findings), None
    base_dir = Path(path).parent
    documents = evidence_files(loaded.data, Path(path))
    if not names_a_sheet(loaded.data):
        result, region = _assess(
            loaded, criteria, as_of=as_of, label=label, base_dir=base_dir, rule_timeout=rule_timeout
        )
        return (result._replace(evidence_files=documents) if documents else result), region
    from .firm_sheet import sheet_files, with_sheet_firms  # the spreadsheet reader loads only for a region naming one

    sheets = sheet_files(loaded.data, path)
    loaded = with_sheet_firms(loaded, path, limits, label)
    result, region = _assess(loaded, criteria, as_of=as_of, label=label, base_dir=base_dir, rule_timeout=rule_timeout)
    return result._replace(sheet_files=sheets, evidence_files=documents), region


def names_a_sheet(data: object) -> bool:
    """Whether loaded region data keeps its firms in a spreadsheet (``firms: {file: …}``)."""
    return isinstance(data, dict) and isinstance(data.get("firms"), dict)


def assess_text(
    text: str,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    label: str = "<text>",
    limits: Limits | None = None,
    base_dir: Path | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> FileResult:
    """Assess a region document given as text (handy for tests and plugins).

    Evidence paths are relative to ``base_dir`` (default: the current folder).
    """
    try:
        loaded = parse_text(text, limits or Limits())
    except LoadError as exc:
        return _invalid(label, exc.findings)
    return assess_loaded(loaded, criteria, as_of=as_of, label=label, base_dir=base_dir, rule_timeout=rule_timeout)


def assess_loaded(
    loaded: Loaded,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    label: str,
    base_dir: Path | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> FileResult:
    return _assess(loaded, criteria, as_of=as_of, label=label, base_dir=base_dir or Path(), rule_timeout=rule_timeout)[
        0
    ]


def _assess(
    loaded: Loaded,
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    label: str,
    base_dir: Path,
    rule_timeout: float | None,
) -> tuple[FileResult, Region | None]:
    checked = validate(loaded, _rule_ids_of(criteria))
    if checked.region is None:
        return _invalid(label, list(checked.errors), checked.warnings, checked.unknown_evidence), None
    facts = Facts(checked.region, checked.positions or loaded.positions)
    ran = tuple(run_rule(rule, facts, as_of, rule_timeout) for rule in criteria.rules)
    assured = assure(ran, criteria, checked.region, facts.positions, base_dir=base_dir, as_of=as_of)
    results = assured.criteria
    errors = tuple(finding for result in results if result.status is Status.ERROR for finding in result.reasons)
    place = checked.region.region
    product = checked.region.product
    result = FileResult(
        file=label,
        region=RegionInfo(
            place.name,
            place.level,
            place.city,
            place.district,
            place.code,
            place.proposal_year,
            product.name if product is not None else None,
            product.kbli if product is not None else None,
        ),
        verdict=verdict_of(results),
        score=total_score(results),
        criteria=results,
        errors=errors,
        warnings=(*checked.warnings, *assured.warnings),
        unknown_evidence=checked.unknown_evidence,
        assurance=assured.assurance,
        documents=assured.documents,
    )
    return result, checked.region


def _invalid(
    label: str,
    findings: list[Finding],
    warnings: tuple[Finding, ...] = (),
    unknown_evidence: tuple[UnknownEvidenceKey, ...] = (),
) -> FileResult:
    return FileResult(label, None, Verdict.INVALID, 0.0, (), tuple(findings), warnings, unknown_evidence)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; a folder means every ``*.yaml``/``*.yml`` below it, in a stable order.

    Nothing is dropped silently: a folder with no region files below it, or
    a subfolder that cannot be read, is yielded itself, and assessing it
    reports it as an invalid entry (so a CI job pointed at the wrong or an
    unreadable folder fails rather than passing on nothing).
    """
    for path in paths:
        yield from _expand(path) if path.is_dir() else (path,)


def distinct_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """``paths`` with each file kept once (the same file named twice, directly and in its folder, or through a
    link), and each one left out with the one kept for it. A path that cannot be looked at (missing, a link
    loop) is kept once per absolute path: reading it reports why."""
    kept: list[Path] = []
    repeated: list[tuple[Path, Path]] = []
    seen: dict[object, Path] = {}
    for path in paths:
        try:
            status = os.stat(path)
            key: object = (status.st_dev, status.st_ino)
        except (OSError, ValueError):
            key = os.path.abspath(path)
        if key in seen:
            repeated.append((path, seen[key]))
        else:
            seen[key] = path
            kept.append(path)
    return kept, repeated


def _expand(folder: Path) -> list[Path]:
    found: list[Path] = []
    unreadable: list[Path] = []

    def note(error: OSError) -> None:
        unreadable.append(Path(error.filename) if error.filename else folder)

    # A symlinked subfolder is followed; a folder reached again (through a second link, or a link back to a
    # folder above it: a loop) is walked once, so every file below is assessed once and none is lost. A loop
    # used to be listed itself, and reported as "a folder with no region files": a false error (exit 3).
    # A link that cannot be followed (a loop of links, ELOOP) is still reported, by os.stat below.
    visited: set[tuple[int, int]] = set()
    # os.walk lists folders (a folder named x.yaml too) apart from files: names are files.
    for parent, dirs, names in os.walk(folder, onerror=note, followlinks=True):
        try:
            status = os.stat(parent)
        except OSError as error:
            note(error)
            dirs[:] = []
            continue
        key = (status.st_dev, status.st_ino)
        if key in visited:
            dirs[:] = []
            continue
        visited.add(key)
        found.extend(Path(parent) / n for n in names if n.endswith((".yaml", ".yml")))
    return sorted([*found, *unreadable]) or [folder]


def make_report(criteria: CriteriaSet, results: Iterable[FileResult], as_of: datetime.date | None = None) -> Report:
    return Report(__version__, criteria.info, tuple(results), as_of)
