"""What every format of the round says in a candidate's row, in the reader's language and conventions.

The table, the Markdown, the HTML page and the workbook show the same
cells; they differ only in syntax. Numbers keep the reader's conventions
(``0,88`` under ``--lang id``); the JSON writes its own, plain values.
"""

from __future__ import annotations

from typing import NamedTuple

from ..messages import Lang, level_word, render, text
from ..results import Verdict
from ..selection_round import Candidate, Round, Since
from .area_marks import AREA_MARK, area_disputed
from .criterion import STATUS_MARKS, version_words
from .reader import decimal, long_date, places_apart, say

_COLUMNS = (
    "round.col_rank",
    "round.col_area",
    "round.col_district",
    "round.col_city",
    "round.col_code",
    "round.col_product",
    "round.col_year",
    "round.col_verdict",
    "round.col_assurance",
    "round.col_score",
    "round.col_open",
    "round.col_missing",
)


class Row(NamedTuple):
    rank: str
    area: str  # the desa/kelurahan or kecamatan, with its level
    district: str
    city: str
    code: str
    product: str
    year: str
    verdict: str
    assurance: str
    score: str
    open_criteria: str
    missing: str
    since: str


def columns(lang: Lang, *, with_since: bool) -> list[str]:
    keys = [*_COLUMNS, *(["round.col_since"] if with_since else [])]
    return [text(key, lang) for key in keys]


def rows(document: Round, lang: Lang) -> list[Row]:
    return [row(candidate, lang) for candidate in document.candidates]


def row(candidate: Candidate, lang: Lang) -> Row:
    result = candidate.result
    region = result.region
    dash = "—"
    if region is not None:
        area = f"{region.name} ({render(level_word(region.level), lang)})"
        district = region.district or (region.name if region.level == "kecamatan" else dash)
        product = region.product or dash
        if region.kbli:
            product += f" (KBLI {region.kbli})"
    else:
        area, district, product = result.file, dash, dash
    missing = "; ".join(say(m, lang) for m in candidate.missing)
    if candidate.missing_total > len(candidate.missing):
        missing += " " + text("round.more_missing", lang, count=candidate.missing_total - len(candidate.missing))
    return Row(
        rank=str(candidate.rank) if candidate.rank is not None else dash,
        area=area,
        district=district,
        city=region.city if region is not None else dash,
        code=((region.code if region is not None else None) or dash)
        + (f" {AREA_MARK}" if area_disputed(result) else ""),
        product=product,
        year=str(region.proposal_year) if region is not None and region.proposal_year else dash,
        verdict=render(result.verdict.message, lang),
        assurance=render(result.assurance.short_message, lang) if result.assurance is not None else dash,
        score=decimal(result.score, lang) if result.verdict is not Verdict.INVALID else dash,  # no score, not 0
        open_criteria=" ".join(f"{c.id}{STATUS_MARKS[c.status]}" for c in (*candidate.open_criteria, *candidate.waived))
        or dash,
        missing=missing or dash,
        since=since_words(candidate.since, result.score, lang) if candidate.since is not None else "",
    )


def since_words(since: Since, score: float, lang: Lang) -> str:
    """``new``, or last round's verdict and score and which way the score moved."""
    if not since.found or since.verdict is None or since.score is None:
        return text("round.since_new", lang)
    arrow = "↑" if score > since.score else "↓" if score < since.score else "="
    was = render(since.verdict.message, lang)
    count = places_apart(score, since.score)
    if count > 2:  # 0.875 against 0.88: the row shows 0.88, so the score now is said with as many decimals too
        then, now = decimal(since.score, lang, count), decimal(score, lang, count)
        return text("round.since_was_now", lang, verdict=was, score=then, arrow=arrow, now=now)
    return text("round.since_was", lang, verdict=was, score=decimal(since.score, lang), arrow=arrow)


def title(document: Round, lang: Lang) -> str:
    return text("round.title", lang, year=document.year)


def subtitle(document: Round, lang: Lang) -> str:
    info = document.criteria_set
    return text(
        "round.subtitle",
        lang,
        set=info.title.get(lang) or info.id,
        id=info.id,
        version=version_words(info.version, lang),
        date=long_date(document.as_of, lang),
    )


def summary(document: Round, lang: Lang) -> str:
    return text(
        "ui.summary",
        lang,
        files=len(document.candidates),
        eligible=document.count(Verdict.ELIGIBLE),
        not_eligible=document.count(Verdict.NOT_ELIGIBLE),
        incomplete=document.count(Verdict.INCOMPLETE),
        invalid=document.count(Verdict.INVALID),
    )


def made_with(document: Round, lang: Lang) -> str:
    """The page's last line: the tool's version and the edition of the official area table its codes were
    checked against (the table's licence asks that a work made from it say so)."""
    from ..areas.table import edition

    made = text("round.generated", lang, version=document.tool_version)
    return f"{made} {text('area.dataset', lang, **edition())}"


def legend(lang: Lang, *, marks: bool = True) -> str:
    """The order of the candidates, what the marks of the open criteria mean (``marks``: not in the workbook,
    whose criteria columns say each status in words) and what ``⚠`` by a code means."""
    parts = ["round.legend", *(["round.legend_marks"] if marks else []), "round.legend_area"]
    return " ".join(text(key, lang) for key in parts)
