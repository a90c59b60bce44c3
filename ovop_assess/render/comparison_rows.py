"""What every format for people says about a comparison (``compare``): the same cells, only the syntax differs.

The terminal table and the Markdown show these words; numbers and dates
follow the reader's conventions (``0,88`` and ``1 Desember 2026`` under
``--lang id``). The JSON writes its own plain values.
"""

from __future__ import annotations

from typing import NamedTuple

from ..comparison import Assessment, Change, Comparison, CriterionChange, CriterionState, Item, Source, describe
from ..messages import Lang, render, text
from ..rules import registry_title
from .criterion import STATUS_MARKS, assurance_word, version_words
from .reader import decimal, long_date, places_apart, say

ARROW = {
    Change.IMPROVED: "↑",
    Change.WORSE: "↓",
    Change.UNCHANGED: "=",
    Change.NEW_CRITERION: "+",
    Change.DROPPED_CRITERION: "-",
}
_CHANGE = {
    Change.IMPROVED: "compare.change_improved",
    Change.WORSE: "compare.change_worse",
    Change.UNCHANGED: "compare.change_unchanged",
    Change.NEW_CRITERION: "compare.change_new_criterion",
    Change.DROPPED_CRITERION: "compare.change_dropped_criterion",
}
#: The three lists of missing items, in the order they are shown, with their headings.
SECTIONS = (
    ("added", "compare.added"),
    ("waived", "compare.waived"),
    ("still_missing", "compare.still_missing"),
    ("newly_missing", "compare.newly_missing"),
)


class Row(NamedTuple):
    criterion: str  # ``C2 An existing cluster of firms …``
    before: str  # ``✗ fail 0.80`` (and the assurance of a pass, on a line of its own)
    after: str
    change: str  # ``↑ improved``


def change_words(change: Change, lang: Lang) -> str:
    return f"{ARROW[change]} {text(_CHANGE[change], lang)}"


def title(document: Comparison, lang: Lang) -> str:
    return text("compare.title", lang, region=describe(document.after.region))


def columns(lang: Lang) -> list[str]:
    return [text(key, lang) for key in ("ui.criterion", "compare.before", "compare.after", "compare.col_change")]


def side_line(side: Assessment, *, before: bool, lang: Lang) -> str:
    """``Before: kauman-2011.yaml — proposal year 2011, assessed on 28 November 2026, criteria set default 2026.1``."""
    facts = []
    if side.region.proposal_year:
        facts.append(text("compare.fact_year", lang, year=side.region.proposal_year))
    if side.as_of is not None:
        facts.append(text("compare.fact_date", lang, date=long_date(side.as_of, lang)))
    facts.append(
        text("compare.fact_set", lang, id=side.criteria_set.id, version=version_words(side.criteria_set.version, lang))
    )
    file = side.file
    if side.source is Source.REPORT and side.entry is not None:
        file = text("compare.side_entry", lang, report=side.file, file=side.entry)
    when = text("compare.before" if before else "compare.after", lang)
    return text("compare.side", lang, when=when, file=file, facts=", ".join(facts))


def state_words(state: CriterionState | None, lang: Lang) -> str:
    """``✓ pass 1.00`` with the assurance of a pass on a second line; ``not assessed`` without a state."""
    if state is None:
        return text("compare.not_assessed", lang)
    words = f"{STATUS_MARKS[state.status]} {render(state.status.message, lang)} {decimal(state.score, lang)}"
    if state.assurance is not None:
        words += "\n" + assurance_word(state.assurance, lang)
    return words


def criterion_label(change: CriterionChange, lang: Lang) -> str:
    title_words = registry_title(change.id, lang)
    return change.id if title_words == change.id else f"{change.id} {title_words}"


def rows(document: Comparison, lang: Lang) -> list[Row]:
    return [
        Row(
            criterion_label(change, lang),
            state_words(change.before, lang),
            state_words(change.after, lang),
            change_words(change.change, lang),
        )
        for change in document.criteria
    ]


def overall(document: Comparison, lang: Lang) -> str:
    old, new = document.before, document.after
    dash = "—"
    # As many decimals as tell the two apart: 0.88 → 0.88 "worse" read as a mistake (0.8833 → 0.875). The scores
    # as the change was decided on them (to four places): 0.8749999 and 0.875 are "unchanged", and both 0.88.
    before, after = round(old.score, 4), round(new.score, 4)
    count = places_apart(before, after)
    return text(
        "compare.overall",
        lang,
        verdict_before=render(old.verdict.message, lang),
        verdict_after=render(new.verdict.message, lang),
        assurance_before=assurance_word(old.assurance, lang) or dash,
        assurance_after=assurance_word(new.assurance, lang) or dash,
        score_before=decimal(before, lang, count),
        score_after=decimal(after, lang, count),
        change=change_words(document.change, lang),
    )


def counts(document: Comparison, lang: Lang) -> str:
    return text(
        "compare.counts",
        lang,
        improved=document.count(Change.IMPROVED),
        worse=document.count(Change.WORSE),
        unchanged=document.count(Change.UNCHANGED),
        new=document.count(Change.NEW_CRITERION),
        dropped=document.count(Change.DROPPED_CRITERION),
    )


def item_text(item: Item, lang: Lang) -> str:
    """A missing item as JSON gives it: a date ISO (a report's own text as it holds it)."""
    return item if isinstance(item, str) else render(item, lang)


def item_words(item: Item, lang: Lang) -> str:
    """A missing item as people read it: a date in full (a report's own text as it holds it)."""
    return item if isinstance(item, str) else say(item, lang)


def sections(document: Comparison, lang: Lang) -> list[tuple[str, list[str]]]:
    """The three lists of missing items, each ``C2: item``, under their headings (an empty list: nothing)."""
    listed = []
    for field, heading in SECTIONS:
        items = [
            f"{change.id}: {item_words(item, lang)}" for change in document.criteria for item in getattr(change, field)
        ]
        listed.append((text(heading, lang), items))
    return listed


def notes(document: Comparison, lang: Lang) -> list[str]:
    """The notes as people read them: a date in full (``28 November 2026``; JSON keeps it ISO)."""
    return [say(note, lang) for note in document.notes]


def nothing(lang: Lang) -> str:
    return text("compare.nothing", lang)


def notes_heading(lang: Lang) -> str:
    return text("compare.notes", lang)
