"""Pick a report renderer by format name, plus the few facts the renderers share.

``render(name, report, lang)`` returns the whole output of one format as
text: ``json`` (the stable contract, :mod:`.json_report`), ``junit``
(:mod:`.junit`), ``github`` (:mod:`.github`), ``csv`` (:mod:`.csv_report`)
or ``markdown`` (:mod:`.markdown`). An unknown name raises ``ValueError``.
The rich ``table`` lives in the CLI, not here: these renderers are pure
functions of a :class:`~ovop_assess.results.Report` and know nothing of a
terminal.
"""

from __future__ import annotations

from typing import Final

from ..messages import Lang
from ..results import CriterionResult, FileResult, Report, Status

FORMATS: Final[tuple[str, ...]] = ("json", "junit", "github", "csv", "markdown")


def render(name: str, report: Report, lang: Lang) -> str:
    """The report in the format ``name``; ``ValueError`` for a name not in :data:`FORMATS`."""
    # Imported on demand: a run needs one renderer, and the renderers use this module's helpers.
    if name == "json":
        from .json_report import render_json

        return render_json(report, lang)
    if name == "junit":
        from .junit import render_junit

        return render_junit(report, lang)
    if name == "github":
        from .github import render_github

        return render_github(report, lang)
    if name == "csv":
        from .csv_report import render_csv

        return render_csv(report, lang)
    if name == "markdown":
        from .markdown import render_markdown

        return render_markdown(report, lang)
    raise ValueError(f"unknown output format {name!r}; known formats: {', '.join(FORMATS)}")


def criterion_ids(report: Report) -> list[str]:
    """The criterion ids of the report in the criteria set's order.

    A report carries the set's rules only through the assessed files, so an
    id appears once any valid file has it (all files of a run share one set,
    so each valid file lists them all, in set order). A report of invalid
    files only has no criterion ids.
    """
    ids: dict[str, None] = {}
    for result in report.results:
        for criterion in result.criteria:
            ids.setdefault(criterion.id, None)
    return list(ids)


def decisive_line(criterion: CriterionResult) -> int:
    """The line of the first fact that decided the criterion, or 1 when no fact has a line."""
    for location in criterion.locations:
        if location.line is not None:
            return location.line
    return 1


def counts_against(result: FileResult, criterion: CriterionResult) -> bool:
    """Whether this failed criterion is what makes the region not eligible.

    Advisory criteria never count; a member of an alternative group counts
    only when no other member of its group passed (or was waived).
    """
    if not criterion.required:
        return False
    if criterion.group is None:
        return True
    return not any(
        other.group == criterion.group and other.required and other.status in (Status.PASS, Status.WAIVED)
        for other in result.criteria
    )
