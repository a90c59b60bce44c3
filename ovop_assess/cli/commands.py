"""The work behind each command, free of option parsing; returns exit codes."""

from __future__ import annotations

import datetime
import functools
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, Protocol, TypeVar

from .. import __version__, criteria_sets
from ..assess import expand_paths, make_report
from ..batch import unchanged
from ..criteria_sets import CriteriaSet
from ..errors import UsageError
from ..exit_codes import ExitCode
from ..messages import Lang, text
from ..messages import render as render_message
from ..render import registry as renderers
from ..results import FileResult, Finding, Message, Report, RuleCrash, Verdict, file_label, rule_crashes
from ..rule_guard import DEFAULT_RULE_TIMEOUT
from ..yaml_source import Limits
from .output import note_name_against_format, plugins_running, refuse_output_among_inputs, report_stream, write_output
from .terminal import note, plain, stderr_is_terminal, to_stderr, warn

if TYPE_CHECKING:
    from ..office import OfficeProfile
    from ..render.registry import FileEntry

T = TypeVar("T")
P = ParamSpec("P")


class _Ranked(Protocol):
    @property
    def verdict(self) -> Verdict: ...
    @property
    def score(self) -> float: ...


R = TypeVar("R", bound=_Ranked)


def plugins_kept_out(command: Callable[P, int]) -> Callable[P, int]:
    """A command that imports or runs plugins: their stdout is never the report's (cli/output.py)."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> int:
        with plugins_running():
            return command(*args, **kwargs)

    return run


def exit_code(verdicts: Iterable[Verdict], allow_incomplete: bool) -> int:
    """The worst file decides: invalid (3) over not eligible/incomplete (1) over eligible (0)."""
    seen = set(verdicts)
    if Verdict.INVALID in seen:
        return ExitCode.INVALID
    if Verdict.NOT_ELIGIBLE in seen or (Verdict.INCOMPLETE in seen and not allow_incomplete):
        return ExitCode.NOT_ELIGIBLE
    return ExitCode.OK


def _files(paths: list[Path]) -> list[Path]:
    return list(expand_paths(paths))


def _not_a_region_file(path: Path, lang: Lang) -> str:
    """Why ``path`` gives no candidate, in the words ``assess`` says it in."""
    from ..missing_file import not_found

    if path.is_dir():
        readable = os.access(path, os.R_OK | os.X_OK)
        said = Message("file.is_directory" if readable else "file.folder_unreadable", {})
    else:
        said = Message("file.not_regular", {}) if path.exists() else not_found(path)
    return f"{file_label(path)}: {render_message(said, lang)}"


def _sorted(results: list[R], sort: str) -> list[R]:
    if sort == "score":
        # Strongest candidates first; invalid files last; ties keep the given order.
        return sorted(results, key=lambda r: (r.verdict is Verdict.INVALID, -r.score))
    return results


@plugins_kept_out
def run_assess(
    *,
    paths: list[Path],
    criteria: str,
    lang: Lang,
    output_format: str,
    output: Path | None,
    as_of: datetime.date,
    allow_incomplete: bool,
    sort: str,
    limits: Limits,
    jobs: int | None = None,
    debug: bool = False,
    min_assurance: str | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
    details: bool = False,
) -> int:
    criteria_set = criteria_sets.with_min_assurance(criteria_sets.load(criteria), min_assurance)
    renderer = renderers.lookup("assess", output_format)
    _check_output(renderer, output, lang)
    files = _files(paths)
    refuse_output_among_inputs(output, [*files, *criteria_set.files])
    if renderer.per_file is not None:
        # Each file is encoded where it is assessed (in the worker with --jobs) and
        # written as it arrives, so a big batch never holds more than the report.
        entries: Iterable[FileEntry] = _assess_iter(
            files, criteria_set, as_of, limits, jobs, lang, renderer.encoder(lang), rule_timeout
        )
        if sort == "score":
            entries = _sorted(list(entries), sort)
        # What the exit code needs is kept, not the entries: their text is the report, already written.
        verdicts: list[Verdict] = []
        crashes: list[RuleCrash] = []
        noted = _noting(entries, verdicts, crashes, output)
        write_output(renderer.stream(__version__, criteria_set.info, noted, lang, as_of), output)
        return _with_crashes(exit_code(verdicts, allow_incomplete), crashes, lang, debug)
    results = _sorted(list(_assess_iter(files, criteria_set, as_of, limits, jobs, lang, unchanged, rule_timeout)), sort)
    _refuse_output_among_named_files(output, results)
    report = make_report(criteria_set, results, as_of)
    text = render(report, output_format, lang, to_terminal=output is None and report_stream().isatty(), details=details)
    write_output(text, output)
    code = exit_code((r.verdict for r in report.results), allow_incomplete)
    return _with_crashes(code, [c for r in report.results for c in rule_crashes(r)], lang, debug)


def _check_output(renderer: renderers.Renderer, output: Path | None, lang: Lang) -> None:
    """A workbook asked for on a terminal (bytes, not for a screen) is refused; a name of another format, warned."""
    note_name_against_format(renderer.command, renderer.name, output, lang)
    if renderer.binary and output is None and _writes_to_terminal():
        raise UsageError(Message("cli.binary_to_terminal", {"format": renderer.name}))


def _writes_to_terminal() -> bool:
    """Whether the report goes to a terminal (the report's own descriptor: plugins' stdout is elsewhere)."""
    return report_stream().isatty()


def _with_crashes(code: int, crashes: list[RuleCrash], lang: Lang, debug: bool) -> int:
    """A rule that crashed is reported as its status ``error`` and, being a bug, ends the run with exit 4."""
    if not crashes:
        return code
    for crash in crashes[:20]:
        if crash.rule:
            note(text("cli.rule_crashed", lang, file=crash.file, rule=crash.rule, error=crash.detail))
        else:  # the tool's own bug, met on this file
            note(text("cli.file_crashed", lang, file=crash.file, error=crash.detail))
        if debug and crash.traceback:
            to_stderr(plain(crash.traceback))  # its last line is the error, a plugin's text
    if len(crashes) > 20:
        note(f"… {len(crashes) - 20}")
    if not debug:
        if any(crash.rule for crash in crashes):
            note(text("cli.debug_hint", lang))
        if not all(crash.rule for crash in crashes):
            note(text("cli.file_crash_hint", lang))
    return max(code, ExitCode.INTERNAL)


def _noting(
    entries: Iterable[FileEntry], verdicts: list[Verdict], crashes: list[RuleCrash], output: Path | None
) -> Iterator[FileEntry]:
    named: list[str] = []
    for entry in entries:
        verdicts.append(entry.verdict)
        crashes.extend(entry.crashes)
        named.extend((*entry.sheet_files, *entry.evidence_files))
        yield entry
    # The report is being written to a temporary file, which replaces --output only after the last piece.
    refuse_output_among_inputs(output, named)


def _refuse_output_among_named_files(output: Path | None, results: Iterable[FileResult]) -> None:
    """Refuse an ``--output`` that is a file a region file names: the spreadsheet it reads its firms from,
    an evidence document it lists.

    Known only once the region files are read: checked after assessing, before the report is written.
    """
    refuse_output_among_inputs(output, [named for r in results for named in (*r.sheet_files, *r.evidence_files)])


def _assess_iter(
    files: list[Path],
    criteria_set: CriteriaSet,
    as_of: datetime.date,
    limits: Limits,
    jobs: int | None,
    lang: Lang,
    convert: Callable[[FileResult], T],
    rule_timeout: float | None,
) -> Iterator[T]:
    from ..batch import iter_assess

    if len(files) < 20 or not stderr_is_terminal():
        yield from iter_assess(
            files, criteria_set, as_of=as_of, limits=limits, jobs=jobs, convert=convert, rule_timeout=rule_timeout
        )
        return
    from .progress import progress_bar

    with progress_bar(len(files), lang) as advance:
        yield from iter_assess(
            files,
            criteria_set,
            as_of=as_of,
            limits=limits,
            jobs=jobs,
            convert=convert,
            on_result=advance,
            rule_timeout=rule_timeout,
        )


def render(report: Report, output_format: str, lang: Lang, *, to_terminal: bool, details: bool = False) -> str | bytes:
    return renderers.lookup("assess", output_format).render(report, lang, to_terminal=to_terminal, details=details)


@plugins_kept_out
def run_checklist(
    *,
    file: Path,
    criteria: str,
    lang: Lang,
    output_format: str,
    output: Path | None,
    as_of: datetime.date,
    limits: Limits | None = None,
    min_assurance: str | None = None,
    debug: bool = False,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
    office: Path | None = None,
) -> int:
    """Exit 0 once the checklist is written, whatever the verdict; 3 for an invalid region file.

    A folder, or an ``--output`` that is the region file (or the criteria set's
    file), is a usage error (exit 2), refused before anything is read or written.
    A rule that crashed is reported as with ``assess``: the checklist is
    written, its ``error`` shown in it, and the run ends with exit 4.
    """
    from ..assess import assess_with_region
    from ..checklist import build_checklist

    if _is_folder(file):  # a usage error, not an invalid file: checklist takes one region file
        raise UsageError(Message("cli.checklist_one_file", {"path": file_label(file)}))
    criteria_set = criteria_sets.with_min_assurance(criteria_sets.load(criteria), min_assurance)
    refuse_output_among_inputs(output, [file, *criteria_set.files, *([office] if office else [])])

    profile = _office_profile(office, output, lang)  # a bad profile stops before any work
    result, region = assess_with_region(file, criteria_set, as_of=as_of, limits=limits, rule_timeout=rule_timeout)
    if region is None:
        report = make_report(criteria_set, [result], as_of)
        to_stderr(renderers.lookup("assess", "table").render_text(report, lang))
        return _with_crashes(ExitCode.INVALID, list(rule_crashes(result)), lang, debug)  # a bug met on it: 4
    _refuse_output_among_named_files(output, [result])
    document = build_checklist(result, region, criteria_set, base_dir=file.parent, as_of=as_of, office=profile)
    _check_output(renderer := renderers.lookup("checklist", output_format), output, lang)
    write_output(renderer.render(document, lang), output)
    if profile is not None:  # the firm sheet's warnings, off the letter's page: said here, as round says them
        from ..render.sheet_place import sheet_warning_lines

        for line in sheet_warning_lines(result, lang):
            warn(line, lang)
    if output is not None:
        place = {"region": region.region.name, "format": output_format, "path": file_label(output)}
        note(text("cli.wrote_checklist", lang, **place))
    return _with_crashes(ExitCode.OK, list(rule_crashes(result)), lang, debug)


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # not there or not readable: assessing it says so (exit 3)
        return False


@plugins_kept_out
def run_round(
    *,
    paths: list[Path],
    criteria: str,
    lang: Lang,
    output_format: str,
    output: Path | None,
    as_of: datetime.date,
    office: Path | None,
    year: int | None,
    previous: Path | None,
    limits: Limits,
    jobs: int | None = None,
    debug: bool = False,
) -> int:
    """Exit 0 once the round is written, whatever the verdicts (a round ranks them); 3 when a file is invalid."""
    from ..assess import distinct_files
    from ..render.area_marks import area_warnings
    from ..render.sheet_place import sheet_warning_lines
    from ..same_sentra import repeated_candidates
    from ..selection_round import make_round, read_previous

    criteria_set = criteria_sets.load(criteria)
    renderer = renderers.lookup("round", output_format)
    _check_output(renderer, output, lang)
    files, repeated = distinct_files(_files(paths))
    if not any(os.path.isfile(path) for path in files):  # a mistyped folder, an empty one: no page with no candidate
        why = "; ".join(_not_a_region_file(path, lang) for path in files)
        raise UsageError(Message("cli.round_no_region_file", {"paths": why}))
    inputs: list[Path | str] = [*files, *criteria_set.files, *(p for p in (office, previous) if p is not None)]
    refuse_output_among_inputs(output, inputs)
    profile = _office_profile(office, output, lang)  # a bad profile stops before any work
    said = set()  # a file given three times is said once
    for path, same in repeated:  # a candidate ranked twice would push the others down
        if file_label(path) == file_label(same):
            line = text("cli.round_file_repeated", lang, path=file_label(path))
        else:
            line = text("cli.round_file_same_as", lang, path=file_label(path), kept=file_label(same))
        if line not in said:
            said.add(line)
            note(line)
    earlier = read_previous(previous) if previous is not None else None
    for warning in earlier.warnings if earlier is not None else ():  # entries not taken: the candidate shows as new
        warn(render_message(warning, lang), lang)
    results = list(_assess_iter(files, criteria_set, as_of, limits, jobs, lang, unchanged, DEFAULT_RULE_TIMEOUT))
    _refuse_output_among_named_files(output, results)
    for first, second, region in repeated_candidates([(r.file, r.region) for r in results]):
        named = f"{region.name}, {region.city}: {region.product}"
        note(text("cli.round_same_candidate", lang, first=first, second=second, region=named))
    for result in results:  # the page has no room for them; a firm hidden in the sheet counts like the others
        # The page marks a code the official area table disagrees with (⚠); what it disagrees with, here.
        for found in area_warnings(result) if result.verdict is not Verdict.INVALID else ():
            at = f":{found.location.line}" if found.location is not None and found.location.line else ""
            warn(f"{file_label(result.file)}{at}: {render_message(found.message, lang)}", lang)
        for line in sheet_warning_lines(result, lang) if result.verdict is not Verdict.INVALID else ():
            warn(line, lang)
    document = make_round(
        __version__, criteria_set.info, results, as_of=as_of, year=year, office=profile, previous=earlier
    )
    to_terminal = output is None and report_stream().isatty()
    write_output(renderer.render(document, lang, to_terminal=to_terminal), output)
    if output is not None:  # as checklist --output: an office sending the page on should know where it went
        note(text("cli.wrote_round", lang, count=len(results), format=output_format, path=file_label(output)))
    invalid = [r for r in results if r.verdict is Verdict.INVALID]
    if invalid:  # the round only says "invalid file": why, as checklist and compare say it, on stderr
        table = renderers.lookup("assess", "table")
        # One file at a time: each file's problems alone, with no second summary and totals beside the round's.
        for result in invalid:
            to_stderr(table.render_text(make_report(criteria_set, [result], as_of), lang))
    code = ExitCode.INVALID if invalid else ExitCode.OK
    return _with_crashes(code, [c for r in results for c in rule_crashes(r)], lang, debug)


@plugins_kept_out
def run_compare(
    *,
    old: Path,
    new: Path,
    criteria: str,
    lang: Lang,
    output_format: str,
    output: Path | None,
    as_of: datetime.date,
    limits: Limits | None = None,
    min_assurance: str | None = None,
    debug: bool = False,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> int:
    """Exit 0 once the comparison is written, whatever changed; 2 for a bad report or two different sentra;
    3 when a region file is invalid (its errors on stderr, as ``assess`` shows them).

    A ``.json`` file is read as a report of ``assess --format json``; any other
    file is a region file, assessed now with ``--criteria`` and ``--as-of``.
    """
    from ..assess import assess_with_region
    from ..comparison import Assessment, compare, from_result, pair, read_report

    for path in (old, new):
        if _is_folder(path):  # a usage error, not an invalid file: each side is one file
            raise UsageError(Message("compare.folder", {"path": file_label(path)}))
    criteria_set = criteria_sets.with_min_assurance(criteria_sets.load(criteria), min_assurance)
    renderer = renderers.lookup("compare", output_format)
    refuse_output_among_inputs(output, [old, new, *criteria_set.files])
    reports = {path: read_report(path) for path in (old, new) if _is_report(path)}  # usage errors before any work
    sides: dict[Path, tuple[Assessment, ...]] = {}
    invalid: list[FileResult] = []
    crashes: list[RuleCrash] = []
    for path in (old, new):
        if path in reports:
            continue
        result, _ = assess_with_region(path, criteria_set, as_of=as_of, limits=limits, rule_timeout=rule_timeout)
        _refuse_output_among_named_files(output, [result])
        crashes.extend(rule_crashes(result))
        if result.region is None:
            invalid.append(result)
        else:
            sides[path] = (from_result(result, criteria_set.info, as_of),)
    if invalid:
        report = make_report(criteria_set, invalid, as_of)
        to_stderr(renderers.lookup("assess", "table").render_text(report, lang))
        return _with_crashes(ExitCode.INVALID, crashes, lang, debug)  # a bug met on a file: 4
    sides.update(reports)
    before, after = pair(
        sides[old], sides[new], old_name=Message("help.metavar.old", {}), new_name=Message("help.metavar.new", {})
    )
    document = compare(before, after, tool_version=__version__, lang=lang)
    _check_output(renderer, output, lang)
    write_output(renderer.render(document, lang, to_terminal=output is None and report_stream().isatty()), output)
    return _with_crashes(ExitCode.OK, crashes, lang, debug)


def _is_report(path: Path) -> bool:
    return path.suffix.lower() == ".json"


@plugins_kept_out
def run_import(*, sheet_file: Path, sheet: str | None, output: Path | None, lang: Lang, limits: Limits) -> int:
    """The firms of a spreadsheet as the YAML ``firms:`` list; exit 3 (nothing written) when it has problems."""
    from ..firm_sheet import import_firms, template_names
    from ..render.sheet_place import sheet_place
    from ..sheets import firms_yaml, no_firms_yaml

    refuse_output_among_inputs(output, [sheet_file])
    if sheet is not None and not sheet.strip():  # (a region file's `sheet: ""` is refused by its model too)
        raise UsageError(Message("cli.empty_sheet", {}))
    imported = import_firms(sheet_file, sheet, limits)

    def line(finding: Finding) -> str:
        loc = finding.location
        place = sheet_place(loc, lang) or imported.file
        field = f" {loc.path}:" if loc is not None and loc.path and loc.path != "firms" else ""
        return f"{place}:{field} {render_message(finding.message, lang)}"

    # Names a region file would take for its template's examples, were the list printed here pasted into it.
    pasted = () if imported.errors else template_names(imported)
    for finding in (*imported.warnings, *pasted):
        warn(line(finding), lang)
    if imported.errors:
        # A heading and its indented lines, as an invalid region file's errors are listed.
        said = text("ui.errors_in", lang, count=len(imported.errors), file=imported.file)
        listed = [said, *(f"  {line(finding)}" for finding in imported.errors)]
        to_stderr("".join(plain(each, one_line=True) + "\n" for each in listed))
        return ExitCode.INVALID
    if not imported.firms:
        # A sheet not filled in yet: `firms: []` pasted into a region file would say the sentra has no
        # firms (not eligible); no `firms:` at all keeps them not listed yet (incomplete), as the sheet means.
        write_output(no_firms_yaml(text("sheet.import_no_firms", lang)), output)
        if output is not None:
            note(text("sheet.imported_none", lang, file=imported.file, output=file_label(output)))
        return ExitCode.OK
    write_output(firms_yaml(imported.firms), output)
    if output is not None:
        said = text("sheet.imported", lang, count=len(imported.firms), file=imported.file, output=file_label(output))
        note(said)
    return ExitCode.OK


def _office_profile(office: Path | None, output: Path | None, lang: Lang) -> OfficeProfile | None:
    """The checked ``--office`` profile (None without one): its warnings said, its logo kept from ``--output``."""
    from ..office import load_office

    if office is None:
        return None
    profile = load_office(office)
    if profile.logo_file is not None:
        refuse_output_among_inputs(output, [profile.logo_file])
    _say_office_warnings(profile, lang)
    return profile


def _say_office_warnings(profile: OfficeProfile, lang: Lang) -> None:
    """Values still the template's examples, on stderr: the page is written, but they would go into a letter."""
    for finding in profile.warnings:
        line = finding.location.line if finding.location is not None else None
        place = f"{profile.file}:{line}" if line else profile.file
        warn(f"{place}: {render_message(finding.message, lang)}", lang)
