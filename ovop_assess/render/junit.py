"""JUnit XML for CI dashboards: a test case per (region file, criterion).

What a consumer gets:

- one ``<testsuites name="ovop-assess">`` holding one ``<testsuite>`` per
  region file, in the report's order. The suite's ``name`` is the file plus
  the region's name (``examples/kauman.yaml (Kauman)``); its
  ``<properties>`` give ``region``, ``level``, ``city``, ``verdict``,
  ``assurance``, ``documents_on_hand``, ``documents_needed``, ``score`` and
  the criteria set, and its ``<system-out>`` the verdict line (with how far
  it is backed: ``eligible — declared only, 0 of 9 documents on hand``) and
  the file's warnings.
- one ``<testcase classname="FILE" name="C2 similar-firms">`` per criterion
  of the set, in the set's order:

  - ``pass``: an empty test case (its assurance, reasons and warnings in ``<system-out>``);
  - ``fail``: ``<failure type="fail" message=…>``, the message giving the
    reasons (with their lines) and what is still missing; the element's text
    has one ``FILE:LINE: …`` line per reason, missing item and warning. A
    failure that does not decide the verdict (an advisory criterion, or an
    alternative whose group another member passed or may still pass; the
    verdict's own rule, :func:`~ovop_assess.verdict.counts_against`) is
    ``<skipped>`` instead, with the same message, so a region that is not
    ``not_eligible`` never shows red;
  - ``unknown``: ``<skipped message=…>``. A criterion whose facts are absent
    was not decided, which is what "skipped" means to a CI reader: the
    dashboard keeps red for real failures and shows the undecided criteria
    apart. (The region's verdict, ``incomplete``, is in the properties.)
  - ``error`` (the rule crashed): ``<error type="error" message=…>``;
  - ``waived``: passes, with ``<system-out>`` saying it is waived and why.

- an invalid file: a suite with the one test case ``validation`` holding an
  ``<error type="invalid">`` whose text lists every problem as
  ``FILE:LINE:COLUMN: field: message``.

``tests``, ``failures``, ``errors`` and ``skipped`` are counted on every
suite and on ``<testsuites>``; ``time`` is ``0`` (nothing is timed). The
test cases carry no ``file``/``line`` attributes, which the strict JUnit
schemas (Jenkins, Ant) reject; lines are in the messages instead.
Characters XML 1.0 cannot hold (control characters) become U+FFFD.
Messages are in ``lang``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..messages import Lang, render, text
from ..results import CriterionResult, FileResult, Finding, Report, Status, Verdict
from ..verdict import counts_against
from .criterion import assurance_word, label, role_note, verdict_words
from .reader import decimal
from .sheet_place import sheet_place

# Characters outside XML 1.0's Char production cannot appear even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


@dataclass
class _Counts:
    tests: int = 0
    failures: int = 0
    errors: int = 0
    skipped: int = 0

    def add(self, other: _Counts) -> None:
        self.tests += other.tests
        self.failures += other.failures
        self.errors += other.errors
        self.skipped += other.skipped

    def set_on(self, element: ET.Element) -> None:
        element.set("tests", str(self.tests))
        element.set("failures", str(self.failures))
        element.set("errors", str(self.errors))
        element.set("skipped", str(self.skipped))
        element.set("time", "0")


def _sub(parent: ET.Element, tag: str, body: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: _xml(value) for key, value in attrs.items()})
    if body:
        element.text = _xml(body)
    return element


def _with_line(finding: Finding, lang: Lang) -> str:
    line = finding.location.line if finding.location is not None else None
    message = render(finding.message, lang)
    place = sheet_place(finding.location, lang)
    message = f"{place}: {message}" if place else message
    return f"{text('ui.at_line', lang, line=line)}: {message}" if line is not None else message


def _where(file: str, finding: Finding, lang: Lang) -> str:
    """``FILE:LINE:COLUMN``, and for a firm of a spreadsheet its file, sheet and cell after it."""
    loc = finding.location
    place = sheet_place(loc, lang)
    after = f": {place}" if place else ""
    if loc is None or loc.line is None:
        return file + after
    return f"{file}:{loc.line}" + (f":{loc.column}" if loc.column else "") + after


def _summary(criterion: CriterionResult, lang: Lang) -> str:
    """The one-line message: role (unless plainly required), reasons, what is missing."""
    parts = [_with_line(f, lang) for f in criterion.reasons]
    if criterion.missing:
        missing = "; ".join(render(m, lang) for m in criterion.missing)
        parts.append(f"({text('ui.still_missing', lang)}: {missing})")
    message = " ".join(parts) or render(criterion.status.message, lang)
    note = role_note(criterion, lang)
    return f"({note}) {message}" if note else message


def _details(file: str, criterion: CriterionResult, lang: Lang) -> str:
    lines = [f"{_where(file, f, lang)}: {render(f.message, lang)}" for f in criterion.reasons]
    lines += [f"{file}: {text('ui.still_missing', lang)}: {render(m, lang)}" for m in criterion.missing]
    lines += [
        f"{_where(file, f, lang)}: {text('ui.warning', lang)}: {render(f.message, lang)}" for f in criterion.warnings
    ]
    return "\n".join(lines)


def _output(criterion: CriterionResult, lang: Lang) -> str:
    lines = [render(f.message, lang) for f in criterion.reasons]
    if criterion.status is Status.WAIVED:
        # The first reason is the waiver itself (who waived it and why).
        waived = render(Status.WAIVED.message, lang)
        lines = [f"{waived}: {lines[0]}", *lines[1:]] if lines else [waived]
    if criterion.assurance is not None:
        lines.insert(0, f"{text('ui.assurance', lang)}: {assurance_word(criterion.assurance, lang)}")
    lines += [f"{text('ui.warning', lang)}: {render(f.message, lang)}" for f in criterion.warnings]
    return "\n".join(lines)


def _testcase(suite: ET.Element, result: FileResult, criterion: CriterionResult, lang: Lang) -> _Counts:
    file = result.file
    case = _sub(suite, "testcase", classname=file, name=label(criterion), time="0")
    counts = _Counts(tests=1)
    status = criterion.status
    if status is Status.FAIL and counts_against(result.criteria, criterion):
        _sub(case, "failure", _details(file, criterion, lang), message=_summary(criterion, lang), type="fail")
        counts.failures = 1
    elif status is Status.FAIL:
        # Advisory, or an alternative whose group passed or is still open: reported, but it does not
        # make the region ineligible, so it must not turn the dashboard red.
        _sub(case, "skipped", _details(file, criterion, lang), message=_summary(criterion, lang))
        counts.skipped = 1
    elif status is Status.ERROR:
        _sub(case, "error", _details(file, criterion, lang), message=_summary(criterion, lang), type="error")
        counts.errors = 1
    elif status is Status.UNKNOWN:
        _sub(case, "skipped", message=_summary(criterion, lang))
        counts.skipped = 1
        details = _details(file, criterion, lang)
        if details:
            _sub(case, "system-out", details)
    else:  # pass or waived
        output = _output(criterion, lang)
        if output:
            _sub(case, "system-out", output)
    return counts


def _properties(suite: ET.Element, result: FileResult, report: Report) -> None:
    props = ET.SubElement(suite, "properties")
    values: list[tuple[str, str]] = []
    if result.region is not None:
        values += [("region", result.region.name), ("level", result.region.level), ("city", result.region.city)]
    values.append(("verdict", result.verdict.value))
    if result.verdict is not Verdict.INVALID:
        values.append(("assurance", result.assurance.value if result.assurance is not None else ""))
    if result.documents is not None:
        values += [
            ("documents_on_hand", str(result.documents.on_hand)),
            ("documents_needed", str(result.documents.needed)),
        ]
    if result.verdict is not Verdict.INVALID:  # (an invalid file was not scored: no 0.0 that reads as one)
        values.append(("score", str(result.score)))
    values += [
        ("criteria_set", report.criteria_set.id),
        ("criteria_set_version", report.criteria_set.version),
    ]
    for name, value in values:
        _sub(props, "property", name=name, value=value)


def _suite_output(result: FileResult, lang: Lang) -> str:
    lines = [
        f"{text('ui.verdict', lang)}: {verdict_words(result, lang)}"
        + (
            f"; {text('ui.total_score', lang)} {decimal(result.score, 'en')}"
            if result.verdict is not Verdict.INVALID
            else ""
        )
    ]
    lines += [
        f"{_where(result.file, f, lang)}: {text('ui.warning', lang)}: {render(f.message, lang)}"
        for f in result.warnings
    ]
    return "\n".join(lines)


def _suite(root: ET.Element, result: FileResult, report: Report, lang: Lang) -> _Counts:
    name = f"{result.file} ({result.region.name})" if result.region is not None else result.file
    suite = _sub(root, "testsuite", name=name)
    _properties(suite, result, report)
    counts = _Counts()
    if result.verdict is Verdict.INVALID:
        case = _sub(suite, "testcase", classname=result.file, name="validation", time="0")
        problems = "\n".join(_problem(result.file, f, lang) for f in result.errors)
        message = text("ui.errors_in", lang, count=len(result.errors), file=result.file)
        _sub(case, "error", problems, message=message, type="invalid")
        counts = _Counts(tests=1, errors=1)
    else:
        for criterion in result.criteria:
            counts.add(_testcase(suite, result, criterion, lang))
    _sub(suite, "system-out", _suite_output(result, lang))
    counts.set_on(suite)
    return counts


def _problem(file: str, finding: Finding, lang: Lang) -> str:
    field = finding.location.path if finding.location is not None and finding.location.path else ""
    prefix = f"{field}: " if field else ""
    return f"{_where(file, finding, lang)}: {prefix}{render(finding.message, lang)}"


def render_junit(report: Report, lang: Lang = "en") -> str:
    """The report as a JUnit XML document (UTF-8 declared), ending with a newline."""
    root = ET.Element("testsuites", {"name": "ovop-assess"})
    total = _Counts()
    for result in report.results:
        total.add(_suite(root, result, report, lang))
    total.set_on(root)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
