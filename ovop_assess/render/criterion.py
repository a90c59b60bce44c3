"""What every renderer says about a criterion, in one place: its id column, its role, its line, its weight.

- :func:`criterion_ids`: the report's criterion ids in the criteria set's
  order (the columns of the summary table, the CSV, the Markdown and the workbook);
- :func:`label`: ``C2 similar-firms``, a criterion as CI tools name it
  (JUnit's test case, a GitHub annotation's title);
- :func:`role` and :func:`role_note`: a criterion's role in words —
  ``required``, ``advisory`` or ``one of group G`` — for the table, the
  ``rules`` listing, JUnit, GitHub annotations and the checklist;
- :func:`decisive_line`: the line a criterion's annotation sits on;
- :data:`STATUS_MARKS`: a status as one character (``✓``, ``✗``, ``?``, ``~``,
  ``!``) for the plain-text tables and the round's open criteria;
- :func:`assurance_word`, :func:`backing` and :func:`verdict_words`: how far
  a pass and a verdict are backed, so that "eligible" never stands bare
  ("eligible — declared only, 0 of 9 documents on hand").

Pure functions of result values: no renderer's syntax and no terminal here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Protocol

from ..messages import Lang, render, text
from ..results import Assurance, CriterionResult, FileResult, Status, Verdict

# A status as one character: the terminal tables, the comparison's cells, the round's open criteria.
# (The Markdown summary marks statuses with its own, emoji: render/markdown.py.)
STATUS_MARKS: Final[dict[Status, str]] = {
    Status.PASS: "✓",
    Status.FAIL: "✗",
    Status.UNKNOWN: "?",
    Status.WAIVED: "~",
    Status.ERROR: "!",
}


class HasRole(Protocol):
    """Anything with a criterion's role: a result's criterion, a set's rule, a checklist's criterion."""

    @property
    def required(self) -> bool: ...

    @property
    def group(self) -> str | None: ...


def criterion_ids(results: Iterable[FileResult]) -> list[str]:
    """The criterion ids of a report's files (or a round's candidates) in the criteria set's order.

    A report carries the set's rules only through the assessed files, so an
    id appears once any valid file has it (all files of a run share one set,
    so each valid file lists them all, in set order). Invalid files only
    give no criterion ids.
    """
    ids: dict[str, None] = {}
    for result in results:
        for criterion in result.criteria:
            ids.setdefault(criterion.id, None)
    return list(ids)


def label(criterion: CriterionResult) -> str:
    """The criterion's id and rule name, ``C2 similar-firms``: stable across languages, as CI tools want."""
    return f"{criterion.id} {criterion.name}"


def role(criterion: HasRole, lang: Lang, *, group: str | None = None) -> str:
    """``required``, ``advisory`` or ``one of group G`` in ``lang``.

    Advisory comes first: an advisory criterion never counts, whatever group
    it names, so calling it a member of a group would mislead. ``group``
    replaces the group's name as written (the checklist passes it isolated
    for bidirectional text).
    """
    if not criterion.required:
        return text("ui.advisory", lang)
    if criterion.group:
        return text("ui.group", lang, group=group if group is not None else criterion.group)
    return text("ui.required", lang)


def role_note(criterion: HasRole, lang: Lang) -> str | None:
    """The role when it is not plainly ``required`` (advisory, or a group), else None: a qualifier to append."""
    if criterion.required and not criterion.group:
        return None
    return role(criterion, lang)


def decisive_line(criterion: CriterionResult) -> int:
    """The line of the first fact that decided the criterion, or 1 when no fact has a line."""
    for location in criterion.locations:
        if location.line is not None:
            return location.line
    return 1


def version_words(version: str, lang: Lang) -> str:
    """A criteria set's version as a reader sees it: the word for none in the reader's language."""
    from ..criteria_sets import UNVERSIONED

    return text("ui.unversioned", lang) if version == UNVERSIONED else version


def assurance_word(level: Assurance | None, lang: Lang) -> str:
    """``declared only``, ``documented`` or ``verified`` in ``lang``; empty for no assurance."""
    return render(level.message, lang) if level is not None else ""


def backing(result: FileResult, lang: Lang) -> str | None:
    """How far a file's verdict is backed: ``declared only, 0 of 9 documents on hand``.

    None for an invalid file, and for one with nothing to say (no criterion
    passes and the set asks for no document).
    """
    if result.verdict is Verdict.INVALID:
        return None
    parts = [assurance_word(result.assurance, lang)] if result.assurance is not None else []
    documents = result.documents
    if documents is not None and documents.needed:
        parts.append(text("ui.documents_on_hand", lang, on_hand=documents.on_hand, needed=documents.needed))
    return ", ".join(parts) or None


def verdict_words(result: FileResult, lang: Lang) -> str:
    """The verdict with its backing: ``eligible — declared only, 0 of 9 documents on hand``."""
    verdict = render(result.verdict.message, lang)
    backed = backing(result, lang)
    return text("ui.verdict_backed", lang, verdict=verdict, backing=backed) if backed else verdict
