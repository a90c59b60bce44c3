"""Rule test cases as data: a helper for the authors of rules, built-in or from a plugin.

Each rule gets one YAML file of named cases. A case is a fragment of a
region file plus what the rule must answer for it; :func:`run_case` runs it
through the real pipeline (the region is written out as YAML text, read,
validated and assessed by :func:`ovop_assess.assess.assess_text` with a
criteria set holding only that rule), so a case checks exactly what a user
of ``ovop-assess assess`` would see. The module does not need pytest.

The case file::

    rule: C2                  # the rule id (a built-in or an installed plugin)
    base:                     # optional: region keys shared by every case
      product: {name: Batik, category: batik}
    cases:
      - name: exactly-at-threshold     # letters, digits, - _ . ; unique in the file
        description: ten batik firms   # optional
        params: {min_similar_firms: 10}   # optional rule parameters
        as_of: 2026-01-31              # optional assessment date (waivers); default today
        region:                        # top-level keys merged over base
          firms: [...]
        expect:
          status: pass        # pass | fail | unknown | waived | error
          score: 1.0          # optional, compared with a tolerance of 1e-3
          reasons: [c2.ok]    # optional: message ids that must be among the reasons
          warnings: []        # optional: ids among the warnings; [] means no warning at all
          missing: [...]      # optional: ids among the 'missing' items; [] means none
          line: 12            # optional: line of the first reason's location

The region document of a case is built in three layers, each merged over
the one before key by key at the top level (a nested mapping such as
``product`` is replaced whole, not merged): a minimal valid region
(``format: ovop-region/1`` and a ``region`` mapping), then ``base``, then
the case's ``region``. A top-level key set to ``null`` in ``base`` or in a
case removes that key, so a case can say a section is absent even when
``base`` gives it. The document is written with ``yaml.safe_dump`` in block
style, keys in the order given (``format``, ``region``, then base's keys,
then the case's new keys), one list item or mapping key per line; the
message raised on a mismatch shows the numbered text, which helps to find
the right ``line``.

Use it from pytest with one parametrised test::

    from pathlib import Path
    import pytest
    from ovop_assess.testing import case_ids, check_case, load_cases

    CASES = load_cases(Path(__file__).parent / "cases" / "NIB1.yaml")

    @pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
    def test_rule_case(case):
        check_case(case)

:func:`load_case_dir` reads every ``*.yaml`` of a folder. A plugin can test
a rule that is not installed yet by passing it: ``check_case(case,
rule=my_module)``. Case files are read by the tool's own YAML loader, so a
duplicate key is an error too. A malformed case file raises
:class:`CaseFileError` naming the file, the line and the field; a case whose
rule answers differently raises ``AssertionError`` naming the case and
listing every difference.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError

from . import messages
from . import rules as registry
from .assess import assess_text
from .criteria_sets import ActiveRule, CriteriaSet
from .results import CriterionResult, FileResult, Finding, Message, SetInfo, Status
from .rules.base import RuleSpec
from .strict_model import StrictModel
from .yaml_source import Limits, LoadError, Positions, format_path, load_file

__all__ = [
    "DEFAULT_REGION",
    "SCORE_TOLERANCE",
    "CaseFileError",
    "CaseResult",
    "Expectation",
    "RuleCase",
    "case_ids",
    "check_case",
    "criteria_for",
    "load_case_dir",
    "load_cases",
    "run_case",
]

SCORE_TOLERANCE = 1e-3

DEFAULT_REGION: Mapping[str, Any] = {
    "format": "ovop-region/1",
    "region": {"name": "Contoh", "level": "desa", "city": "Kabupaten Contoh", "province": "Jawa Tengah"},
}
"""The minimal valid region every case starts from (before ``base``)."""

_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class CaseFileError(ValueError):
    """A case file (or one of its cases) is malformed; the message names the file, line and field."""


# --- the file's shape, as pydantic models ----------------------------------------


class _ExpectModel(StrictModel):
    status: Literal["pass", "fail", "unknown", "waived", "error"]
    score: float | None = Field(None, ge=0, le=1)
    reasons: list[str] | None = None
    warnings: list[str] | None = None
    missing: list[str] | None = None
    line: int | None = Field(None, ge=1)


class _CaseModel(StrictModel):
    name: str = Field(pattern=_NAME_PATTERN)
    description: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    as_of: datetime.date | None = Field(None, strict=False)
    region: dict[str, Any] = Field(default_factory=dict)
    expect: _ExpectModel


class _FileModel(StrictModel):
    rule: str = Field(min_length=1)
    base: dict[str, Any] = Field(default_factory=dict)
    cases: list[_CaseModel] = Field(min_length=1)


# --- public values -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Expectation:
    """What a case expects of the rule; ``None`` means "not checked"."""

    status: Status
    score: float | None = None
    reasons: tuple[str, ...] | None = None
    warnings: tuple[str, ...] | None = None
    missing: tuple[str, ...] | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class RuleCase:
    """One named case of a case file, with its region document already merged."""

    rule: str
    name: str
    document: Mapping[str, Any]
    expect: Expectation
    params: Mapping[str, Any] = field(default_factory=dict)
    description: str | None = None
    as_of: datetime.date | None = None
    source: str = "<cases>"
    line: int | None = None  # where the case starts in its file

    @property
    def id(self) -> str:
        """``C2::exactly-at-threshold``: the id a test runner shows."""
        return f"{self.rule}::{self.name}"

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def text(self) -> str:
        """The region document exactly as it is given to the assessment."""
        return yaml.safe_dump(dict(self.document), sort_keys=False, allow_unicode=True, default_flow_style=False)


@dataclass(frozen=True, slots=True)
class CaseResult:
    """What the pipeline answered for a case, and how that differs from the expectation."""

    case: RuleCase
    text: str
    file_result: FileResult
    criterion: CriterionResult | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def explain(self) -> str:
        """A readable account of a mismatch: the case, each difference, the answer and the region text."""
        lines = [f"rule case {self.case.id} ({self.case.where}) does not hold:"]
        lines += [f"  - {problem}" for problem in self.problems]
        criterion = self.criterion
        if criterion is not None:
            lines.append(f"  got: status={criterion.status.value} score={criterion.score:g}")
            lines += _describe("reasons", criterion.reasons)
            lines += _describe("warnings", criterion.warnings)
            if criterion.missing:
                lines.append("    missing:")
                lines += [f"      {m.id}: {messages.render(m)}" for m in criterion.missing]
        else:
            lines.append(f"  got: verdict={self.file_result.verdict.value} (the rule did not run)")
            lines += _describe("errors", self.file_result.errors)
        lines.append("  region text:")
        lines += [f"    {n:3}| {line}" for n, line in enumerate(self.text.splitlines(), start=1)]
        return "\n".join(lines)


def _describe(title: str, findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    out = [f"    {title}:"]
    for finding in findings:
        where = ""
        if finding.location is not None:
            loc = finding.location
            where = f" @ {loc.path or '<top>'}" + (f" line {loc.line}" if loc.line is not None else "")
        out.append(f"      {finding.message.id}{where}: {messages.render(finding.message)}")
    return out


# --- loading -----------------------------------------------------------------------


def load_cases(path: str | Path) -> list[RuleCase]:
    """Read one case file; raise :class:`CaseFileError` if it is malformed."""
    path = Path(path)
    label = str(path)
    try:
        loaded = load_file(path, Limits())
    except LoadError as exc:
        raise CaseFileError(_load_problem(label, exc.findings[0])) from None
    if loaded.problems:
        raise CaseFileError(_load_problem(label, loaded.problems[0]))
    return _build(loaded.data, loaded.positions, label)


def load_case_dir(folder: str | Path, pattern: str = "*.yaml") -> list[RuleCase]:
    """Every case of every file matching ``pattern`` in ``folder``, files in name order."""
    files = sorted(Path(folder).glob(pattern))
    if not files:
        raise CaseFileError(f"{folder}: no case files matching {pattern}")
    return [case for file in files for case in load_cases(file)]


def case_ids(cases: Iterable[RuleCase]) -> list[str]:
    """Test ids for a parametrised test: ``C2::exactly-at-threshold``."""
    return [case.id for case in cases]


def _load_problem(label: str, finding: Finding) -> str:
    loc = finding.location
    line = f":{loc.line}" if loc is not None and loc.line is not None else ""
    return f"{label}{line}: {messages.render(finding.message)}"


def _build(data: Any, positions: Positions, label: str) -> list[RuleCase]:
    if not isinstance(data, dict):
        raise CaseFileError(f"{label}: a case file is a mapping with 'rule' and 'cases'")
    try:
        model = _FileModel.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        raise CaseFileError(_schema_problem(label, error, positions, data)) from None
    base = _merge(DEFAULT_REGION, model.base)
    seen: dict[str, int] = {}
    cases: list[RuleCase] = []
    for index, raw in enumerate(model.cases):
        line = positions.value(("cases", index)).line
        if raw.name in seen:
            first = seen[raw.name]
            raise CaseFileError(f"{label}:{line}: case name '{raw.name}' is used twice (first at line {first})")
        seen[raw.name] = line or 0
        expect = raw.expect
        cases.append(
            RuleCase(
                rule=model.rule,
                name=raw.name,
                document=_merge(base, raw.region),
                expect=Expectation(
                    status=Status(expect.status),
                    score=expect.score,
                    reasons=_ids(expect.reasons),
                    warnings=_ids(expect.warnings),
                    missing=_ids(expect.missing),
                    line=expect.line,
                ),
                params=dict(raw.params),
                description=raw.description,
                as_of=raw.as_of,
                source=label,
                line=line,
            )
        )
    return cases


def _ids(values: list[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


def _merge(under: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(under)
    for key, value in over.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def _schema_problem(label: str, error: Any, positions: Positions, data: dict[str, Any]) -> str:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    where = positions.value(loc) if error["type"] != "missing" else positions.value(loc[:-1])
    line = f":{where.line}" if where.line is not None else ""
    case = ""
    if len(loc) >= 2 and loc[0] == "cases" and isinstance(loc[1], int):
        cases = data.get("cases")
        entry = cases[loc[1]] if isinstance(cases, list) and loc[1] < len(cases) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        case = f" (case '{name}')" if isinstance(name, str) else ""
    text = str(error["msg"])
    if error["type"] == "extra_forbidden":
        model = _ExpectModel if "expect" in loc[:-1] else _CaseModel if loc[0] == "cases" else _FileModel
        text = f"unknown key; known here: {', '.join(model.model_fields)}"
    elif error["type"] == "literal_error":
        text = "status must be one of pass, fail, unknown, waived, error"
    elif error["type"] == "too_short" and loc == ("cases",):
        text = "give at least one case"
    elif error["type"] == "missing":
        text = f"'{loc[-1]}' is required"
    elif error["type"] == "string_pattern_mismatch" and loc[-1] == "name":
        text = "a case name is letters, digits, '-', '_' or '.', starting with a letter or digit"
    return f"{label}{line}: {format_path(loc) or '<top>'}{case}: {text}"


# --- running -----------------------------------------------------------------------


def criteria_for(rule_id: str, params: Mapping[str, Any] | None = None, *, rule: object | None = None) -> CriteriaSet:
    """A criteria set holding only ``rule_id`` (required, weight 1) with ``params``.

    ``rule`` may give the rule itself (a module or a :class:`RuleSpec`)
    instead of looking ``rule_id`` up among the built-ins and installed
    plugins. Unknown rules and bad parameters raise :class:`CaseFileError`.
    """
    spec = _spec(rule_id, rule)
    try:
        validated = spec.params.model_validate(dict(params or {}))
    except ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        name = ".".join(str(p) for p in error["loc"]) or "params"
        raise CaseFileError(f"rule {rule_id}, parameter '{name}': {error['msg']}") from None
    active = ActiveRule(id=rule_id, spec=spec, params=validated, required=True, group=None, weight=1.0, evidence=())
    info = SetInfo(
        id=f"test-{rule_id}",
        version="test",
        title={"en": f"{rule_id} alone (rule test case)", "id": f"{rule_id} saja (kasus uji aturan)"},
        source=None,
        rules=(rule_id,),
    )
    return CriteriaSet(info=info, rules=(active,), disabled=(), origin="ovop_assess.testing")


def _spec(rule_id: str, rule: object | None) -> RuleSpec:
    if isinstance(rule, RuleSpec):
        return rule
    if rule is not None:
        try:
            return RuleSpec.from_object(rule, "ovop_assess.testing")
        except TypeError as exc:
            raise CaseFileError(f"rule {rule_id}: {exc}") from None
    found = registry.lookup(rule_id)
    if found is None:
        raise CaseFileError(f"unknown rule '{rule_id}'; known rules: {', '.join(registry.known_ids())}")
    if isinstance(found, registry.Unavailable):
        raise CaseFileError(f"rule {rule_id} could not be loaded from {found.origin}: {found.reason()}")
    return found


def run_case(case: RuleCase, *, rule: object | None = None) -> CaseResult:
    """Assess the case's region with its rule alone and compare the answer with ``case.expect``.

    Never raises for a mismatch (see :attr:`CaseResult.problems`); raises
    :class:`CaseFileError` for a rule that cannot be found or bad parameters.
    """
    try:
        criteria = criteria_for(case.rule, case.params, rule=rule)
    except CaseFileError as exc:
        raise CaseFileError(f"{case.where}: case {case.id}: {exc}") from None
    text = case.text()
    as_of = case.as_of or datetime.date.today()
    file_result = assess_text(text, criteria, as_of=as_of, label=f"{case.id}.yaml")
    criterion = next((c for c in file_result.criteria if c.id == case.rule), None)
    if criterion is None:
        errors = "; ".join(f"{f.message.id}: {messages.render(f.message)}" for f in file_result.errors)
        problems: tuple[str, ...] = (f"the region is {file_result.verdict.value}, so the rule did not run: {errors}",)
    else:
        problems = tuple(_compare(case.expect, criterion))
    return CaseResult(case, text, file_result, criterion, problems)


def check_case(case: RuleCase, *, rule: object | None = None) -> CaseResult:
    """Run a case and raise ``AssertionError`` (naming the case, listing the differences) if it does not hold."""
    outcome = run_case(case, rule=rule)
    if not outcome.ok:
        raise AssertionError(outcome.explain())
    return outcome


def _compare(expect: Expectation, got: CriterionResult) -> list[str]:
    problems: list[str] = []
    if got.status is not expect.status:
        problems.append(f"status: expected {expect.status.value}, got {got.status.value}")
    if expect.score is not None and not math.isclose(got.score, expect.score, abs_tol=SCORE_TOLERANCE):
        problems.append(f"score: expected {expect.score:g}, got {got.score:g}")
    problems += _compare_ids("reasons", expect.reasons, [f.message for f in got.reasons])
    problems += _compare_ids("warnings", expect.warnings, [f.message for f in got.warnings])
    problems += _compare_ids("missing", expect.missing, list(got.missing))
    if expect.line is not None:
        first = got.reasons[0].location if got.reasons else None
        line = first.line if first is not None else None
        if line != expect.line:
            shown = "no location" if line is None else f"line {line}"
            problems.append(f"line: expected the first reason at line {expect.line}, got {shown}")
    return problems


def _compare_ids(title: str, wanted: tuple[str, ...] | None, got: Sequence[Message]) -> list[str]:
    if wanted is None:
        return []
    ids = [m.id for m in got]
    if not wanted:
        return [f"{title}: expected none, got {', '.join(ids)}"] if ids else []
    absent = [w for w in wanted if w not in ids]
    if absent:
        return [f"{title}: expected {', '.join(absent)} among them, got {', '.join(ids) or 'none'}"]
    return []
