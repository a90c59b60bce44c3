"""The work behind each command, free of option parsing; returns exit codes."""

from __future__ import annotations

import dataclasses
import datetime
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from .. import __version__, criteria_sets
from .. import rules as registry
from ..assess import expand_paths, make_report
from ..batch import unchanged
from ..criteria_sets import CriteriaSet
from ..errors import UsageError
from ..messages import Lang, text
from ..render import registry as renderers
from ..results import FileResult, Message, Report, RuleCrash, Verdict, file_label, rule_crashes
from ..yaml_source import Limits
from .exit_codes import ExitCode
from .output import refuse_output_among_inputs, write_output

if TYPE_CHECKING:
    from ..render.registry import FileEntry

T = TypeVar("T")


class _Ranked(Protocol):
    @property
    def verdict(self) -> Verdict: ...
    @property
    def score(self) -> float: ...


R = TypeVar("R", bound=_Ranked)


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


def _sorted(results: list[R], sort: str) -> list[R]:
    if sort == "score":
        # Strongest candidates first; invalid files last; ties keep the given order.
        return sorted(results, key=lambda r: (r.verdict is Verdict.INVALID, -r.score))
    return results


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
) -> int:
    criteria_set = criteria_sets.load(criteria)
    renderer = renderers.lookup("assess", output_format)
    _refuse_binary_to_terminal(renderer, output)
    files = _files(paths)
    refuse_output_among_inputs(output, [*files, *_criteria_file(criteria_set)])
    if renderer.per_file is not None:
        # Each file is encoded where it is assessed (in the worker with --jobs) and
        # written as it arrives, so a big batch never holds more than the report.
        entries: Iterable[FileEntry] = _assess_iter(
            files, criteria_set, as_of, limits, jobs, lang, renderer.encoder(lang)
        )
        if sort == "score":
            entries = _sorted(list(entries), sort)
        # What the exit code needs is kept, not the entries: their text is the report, already written.
        verdicts: list[Verdict] = []
        crashes: list[RuleCrash] = []
        write_output(renderer.stream(__version__, criteria_set.info, _noting(entries, verdicts, crashes), lang), output)
        return _with_crashes(exit_code(verdicts, allow_incomplete), crashes, lang, debug)
    results = _sorted(list(_assess_iter(files, criteria_set, as_of, limits, jobs, lang, unchanged)), sort)
    report = make_report(criteria_set, results)
    text = render(report, output_format, lang, to_terminal=output is None and sys.stdout.isatty())
    write_output(text, output)
    code = exit_code((r.verdict for r in report.results), allow_incomplete)
    return _with_crashes(code, [c for r in report.results for c in rule_crashes(r)], lang, debug)


def _refuse_binary_to_terminal(renderer: renderers.Renderer, output: Path | None) -> None:
    """A workbook is bytes for a file, not for a screen: asked for without ``--output`` on a terminal, refused."""
    if renderer.binary and output is None and sys.stdout.isatty():
        raise UsageError(Message("cli.binary_to_terminal", {"format": renderer.name}))


def _criteria_file(criteria_set: CriteriaSet) -> list[Path]:
    """The criteria set's own file, an input too (a shipped set is none)."""
    origin = Path(criteria_set.origin)
    return [origin] if not criteria_set.origin.startswith("shipped:") and origin.is_absolute() else []


def _with_crashes(code: int, crashes: list[RuleCrash], lang: Lang, debug: bool) -> int:
    """A rule that crashed is reported as its status ``error`` and, being a bug, ends the run with exit 4."""
    if not crashes:
        return code
    for crash in crashes[:20]:
        sys.stderr.write(
            f"ovop-assess: {text('cli.rule_crashed', lang, file=crash.file, rule=crash.rule, error=crash.detail)}\n"
        )
        if debug and crash.traceback:
            sys.stderr.write(crash.traceback)
    if len(crashes) > 20:
        sys.stderr.write(f"ovop-assess: … {len(crashes) - 20}\n")
    if not debug:
        sys.stderr.write(f"ovop-assess: {text('cli.debug_hint', lang)}\n")
    return max(code, ExitCode.INTERNAL)


def _noting(entries: Iterable[FileEntry], verdicts: list[Verdict], crashes: list[RuleCrash]) -> Iterator[FileEntry]:
    for entry in entries:
        verdicts.append(entry.verdict)
        crashes.extend(entry.crashes)
        yield entry


def _assess_iter(
    files: list[Path],
    criteria_set: CriteriaSet,
    as_of: datetime.date,
    limits: Limits,
    jobs: int | None,
    lang: Lang,
    convert: Callable[[FileResult], T],
) -> Iterator[T]:
    from ..batch import iter_assess

    if len(files) < 20 or not sys.stderr.isatty():
        yield from iter_assess(files, criteria_set, as_of=as_of, limits=limits, jobs=jobs, convert=convert)
        return
    from .progress import progress_bar

    with progress_bar(len(files), lang) as advance:
        yield from iter_assess(
            files, criteria_set, as_of=as_of, limits=limits, jobs=jobs, convert=convert, on_result=advance
        )


def render(report: Report, output_format: str, lang: Lang, *, to_terminal: bool) -> str | bytes:
    return renderers.lookup("assess", output_format).render(report, lang, to_terminal=to_terminal)


def run_checklist(
    *,
    file: Path,
    criteria: str,
    lang: Lang,
    output_format: str,
    output: Path | None,
    as_of: datetime.date,
    limits: Limits | None = None,
    office: Path | None = None,
) -> int:
    """Exit 0 once the checklist is written, whatever the verdict; 3 for an invalid region file.

    A folder, or an ``--output`` that is the region file (or the criteria set's
    file), is a usage error (exit 2), refused before anything is read or written.
    """
    from ..assess import assess_with_region
    from ..checklist import build_checklist

    if _is_folder(file):  # a usage error, not an invalid file: checklist takes one region file
        raise UsageError(Message("cli.checklist_one_file", {"path": file_label(file)}))
    criteria_set = criteria_sets.load(criteria)
    refuse_output_among_inputs(output, [file, *_criteria_file(criteria_set), *([office] if office else [])])
    from ..office import load_office

    profile = load_office(office) if office is not None else None  # a bad profile stops before any work
    result, region = assess_with_region(file, criteria_set, as_of=as_of, limits=limits)
    if region is None:
        report = make_report(criteria_set, [result])
        sys.stderr.write(renderers.lookup("assess", "table").render_text(report, lang))
        return ExitCode.INVALID
    document = build_checklist(result, region, criteria_set, base_dir=file.parent, as_of=as_of)
    if profile is not None:
        document = dataclasses.replace(document, office=profile)
    write_output(renderers.lookup("checklist", output_format).render(document, lang), output)
    return ExitCode.OK


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # not there or not readable: assessing it says so (exit 3)
        return False


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
    from ..office import load_office
    from ..selection_round import make_round, read_previous

    criteria_set = criteria_sets.load(criteria)
    renderer = renderers.lookup("round", output_format)
    _refuse_binary_to_terminal(renderer, output)
    files = _files(paths)
    inputs = [*files, *_criteria_file(criteria_set), *(p for p in (office, previous) if p is not None)]
    refuse_output_among_inputs(output, inputs)
    profile = load_office(office) if office is not None else None  # a bad profile stops before any work
    earlier = read_previous(previous) if previous is not None else None
    results = list(_assess_iter(files, criteria_set, as_of, limits, jobs, lang, unchanged))
    document = make_round(
        __version__, criteria_set.info, results, as_of=as_of, year=year, office=profile, previous=earlier
    )
    to_terminal = output is None and sys.stdout.isatty()
    write_output(renderer.render(document, lang, to_terminal=to_terminal), output)
    code = ExitCode.INVALID if any(r.verdict is Verdict.INVALID for r in results) else ExitCode.OK
    return _with_crashes(code, [c for r in results for c in rule_crashes(r)], lang, debug)


def run_rules(criteria: str, lang: Lang) -> int:
    criteria_set = criteria_sets.load(criteria)
    from .table import render_rules

    write_output(render_rules(criteria_set, lang, to_terminal=sys.stdout.isatty()), None)
    return ExitCode.OK


def run_explain(rule_id: str, lang: Lang) -> int:
    spec = registry.lookup(rule_id) or registry.lookup(rule_id.upper())
    if spec is None:
        raise UsageError(Message("cli.unknown_rule", {"rule": rule_id, "known": ", ".join(registry.known_ids())}))
    if isinstance(spec, registry.Unavailable):
        raise UsageError(Message("rule.unavailable", {"rule": spec.id, "error": spec.error}))
    from .table import render_explain

    write_output(render_explain(spec, lang), None)
    return ExitCode.OK
