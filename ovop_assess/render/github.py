"""GitHub Actions workflow commands: annotations on the region files of a pull request.

What a consumer gets: one command per line, nothing else, which the Actions
runner turns into annotations on the files (``::error file=F,line=L,title=T::message``).

- ``::error`` for every problem of an invalid file (with ``col`` when known),
  for a failed criterion that makes the region not eligible (a required one,
  or a member of an alternative group in which every member failed, as the
  verdict reads it: :func:`~ovop_assess.verdict.counts_against`) and for a criterion
  whose rule crashed (status ``error``);
- ``::warning`` for an unknown criterion, a failed criterion that does not
  decide the verdict (advisory, or a group member whose group another
  member passed or may still pass), and every warning (a criterion's or the file's);
- ``::notice`` once per file, last: the verdict with how far it is backed
  (``eligible — declared only, 0 of 9 documents on hand``), the total
  score, and the waived criteria if any.

A criterion's annotation sits on the line of the first fact that decided it
(its first location with a line), else on line 1; a warning on its own
line. The title names the criterion and its status (``C2 similar-firms:
fail``); the message gives the reasons, one per line, each other reason's
line in brackets, and then what is still missing. Text is in ``lang``.
A finding about a firm read from a spreadsheet sits on the region file's
``firms:`` line, its message starting with the spreadsheet's file, sheet and
cell (``daftar-usaha.xlsx, sheet Daftar UMKM, cell C12: …``).

Escaping follows the runner's rules: in the message ``%`` → ``%25``,
CR → ``%0D``, LF → ``%0A``; in property values additionally ``:`` → ``%3A``
and ``,`` → ``%2C``. So no text from a region file can start a command of
its own or end a property early.
"""

from __future__ import annotations

from ..messages import Lang, render, text
from ..results import CriterionResult, FileResult, Finding, Report, Status, Verdict
from ..verdict import counts_against
from .bidi import isolate, render_isolated
from .controls import visible_controls
from .criterion import decisive_line, label, role_note, verdict_words
from .reader import decimal
from .sheet_place import sheet_place


def escape_data(value: str) -> str:
    """A workflow command's message, escaped; other control characters (a NUL) written visibly as ``\\x00``."""
    return visible_controls(value, keep_cr=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow command's property value (file, title, …), escaped."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, *, file: str, line: int, title: str, col: int | None = None) -> str:
    """One workflow command (``error``, ``warning`` or ``notice``) as a line, without its newline."""
    props = [("file", file), ("line", str(line))]
    if col is not None:
        props.append(("col", str(col)))
    props.append(("title", title))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{kind} {joined}::{escape_data(message)}"


def _line_of(finding: Finding, default: int) -> int:
    loc = finding.location
    return loc.line if loc is not None and loc.line is not None else default


def _said(finding: Finding, lang: Lang) -> str:
    """The finding's message, after the spreadsheet file, sheet and cell it is about (if any)."""
    place = sheet_place(finding.location, lang)
    message = render_isolated(finding.message, lang)
    return f"{isolate(place)}: {message}" if place else message


def _message(criterion: CriterionResult, line: int, lang: Lang) -> str:
    lines = []
    for finding in criterion.reasons:
        reason = _said(finding, lang)
        at = _line_of(finding, line)
        lines.append(reason if at == line else f"{reason} ({text('ui.at_line', lang, line=at)})")
    if criterion.missing:
        lines.append(
            f"{text('ui.still_missing', lang)}: " + "; ".join(render_isolated(m, lang) for m in criterion.missing)
        )
    return "\n".join(lines) or render(criterion.status.message, lang)


def _title(criterion: CriterionResult, lang: Lang, what: str) -> str:
    note = role_note(criterion, lang)
    return f"{label(criterion)}: {what}" + (f" ({note})" if note else "")


def _criterion(result: FileResult, criterion: CriterionResult, lang: Lang) -> list[str]:
    file = result.file
    line = decisive_line(criterion)
    status = criterion.status
    out: list[str] = []
    if status in (Status.FAIL, Status.UNKNOWN, Status.ERROR):
        if status is Status.ERROR or (status is Status.FAIL and counts_against(result.criteria, criterion)):
            kind = "error"
        else:
            kind = "warning"
        title = _title(criterion, lang, render(status.message, lang))
        out.append(command(kind, _message(criterion, line, lang), file=file, line=line, title=title))
    for finding in criterion.warnings:
        title = _title(criterion, lang, text("ui.warning", lang))
        out.append(command("warning", _said(finding, lang), file=file, line=_line_of(finding, line), title=title))
    return out


def _invalid(result: FileResult, lang: Lang) -> list[str]:
    invalid = render(Verdict.INVALID.message, lang)
    return [_finding("error", invalid, result, finding, lang) for finding in result.errors]


def _finding(kind: str, label: str, result: FileResult, finding: Finding, lang: Lang) -> str:
    """A file-level annotation for one finding, titled with its field path; errors also name the column."""
    loc = finding.location
    title = label + (f": {loc.path}" if loc is not None and loc.path else "")
    col = loc.column if kind == "error" and loc is not None else None
    message = _said(finding, lang)
    return command(kind, message, file=result.file, line=_line_of(finding, 1), title=title, col=col)


def _notice(result: FileResult, lang: Lang) -> str:
    verdict = f"{text('ui.verdict', lang)}: {verdict_words(result, lang)}"
    if result.verdict is Verdict.INVALID:
        detail = text("ui.errors_in", lang, count=len(result.errors), file=isolate(result.file))
    else:
        detail = f"{text('ui.total_score', lang)} {decimal(result.score, 'en')}"
        waived = [c.id for c in result.criteria if c.status is Status.WAIVED]
        if waived:
            detail += f"; {render(Status.WAIVED.message, lang)}: {', '.join(waived)}"
    title = isolate(result.region.name if result.region is not None else result.file)
    return command("notice", f"{verdict}; {detail}", file=result.file, line=1, title=title)


def _file(result: FileResult, lang: Lang) -> list[str]:
    if result.verdict is Verdict.INVALID:
        out = _invalid(result, lang)
    else:
        out = [line for criterion in result.criteria for line in _criterion(result, criterion, lang)]
    out += [_finding("warning", text("ui.warning", lang), result, finding, lang) for finding in result.warnings]
    out.append(_notice(result, lang))
    return out


def render_github(report: Report, lang: Lang = "en") -> str:
    """The report as workflow commands, one per line, each ending with a newline."""
    return "".join(f"{line}\n" for result in report.results for line in _file(result, lang))
