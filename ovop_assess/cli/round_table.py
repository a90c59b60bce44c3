"""The round on a terminal: one rich table, a row per candidate in rank order (``round --format table``).

A terminal is too narrow for the thirteen columns of the page, so related
cells share a column, one per line: the area with its kecamatan,
kabupaten/kota and code; the product with its proposal year; the verdict
with its assurance. The cells are those of every other format. Below
:data:`NARROW` columns even that squeezes "still missing" to a few letters a
line, so each candidate becomes a short block of lines instead.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ..messages import Lang
from ..render.round_rows import Row, columns, legend, made_with, rows, subtitle, summary, title
from ..selection_round import Round
from .plain_table import Column, PlainTable, rich_table
from .table import _VERDICT_STYLE, _print, _width
from .terminal import shown

#: Below this width the table's last columns fold to a few letters a line (80 columns: 7 for "still missing").
NARROW = 100
_VERDICT = 3  # the verdict's column, under it the assurance


def _stack(*values: str) -> str:
    return "\n".join(value for value in values if value and value != "—") or "—"


def render_round_table(document: Round, lang: Lang, *, to_terminal: bool) -> str:
    with_since = document.previous is not None
    head = columns(lang, with_since=True)
    if _width(to_terminal) < NARROW:
        return _print([*_heading(document, lang), _blocks(document, head, lang, with_since)], to_terminal)
    spec = _columns(head, with_since)
    cells = [_cells(row, with_since) for row in rows(document, lang)]
    table: RenderableType
    if to_terminal:  # in colour, the verdict's
        verdicts = [_VERDICT_STYLE[candidate.result.verdict] for candidate in document.candidates]
        table = rich_table(spec, (_coloured(row, style) for row, style in zip(cells, verdicts, strict=True)))
    else:  # the same characters without rich's work per cell: 0.34 s of CPU for 500 candidates, now 0.09 s
        table = PlainTable(spec, cells)
    closing = [Text(summary(document, lang)), Text(legend(lang)), Text(made_with(document, lang), style="dim")]
    return _print([*_heading(document, lang), table, *closing], to_terminal)


def _columns(head: list[str], with_since: bool) -> list[Column]:
    spec = [
        Column(head[0], justify="right", no_wrap=True),
        # As wide as "Kabupaten/kota" and a desa code (13 characters): neither is ever cut in two.
        Column("\n".join(head[1:5]), overflow="fold", min_width=14),
        Column(f"{head[5]}\n{head[6]}", overflow="fold"),
        Column(f"{head[7]}\n{head[8]}", no_wrap=True),
        Column(head[9], justify="right", no_wrap=True),
        Column(head[10], overflow="fold"),
        Column(head[11], overflow="fold"),
    ]
    return [*spec, Column(head[12], overflow="fold")] if with_since else spec


def _cells(row: Row, with_since: bool) -> list[str]:
    """A candidate's cells; a region's "[tulis]" or "[/]" stays its text (cells are never rich markup)."""
    cells = [
        row.rank,
        shown(_stack(row.area, row.district, row.city, row.code)),
        shown(_stack(row.product, row.year)),
        shown(row.verdict) + (f"\n{row.assurance}" if row.assurance != "—" else ""),
        row.score,
        row.open_criteria,
        shown(row.missing),
    ]
    return [*cells, shown(row.since)] if with_since else cells


def _coloured(cells: list[str], verdict_style: str) -> list[Text]:
    return [Text(cell, style=verdict_style if index == _VERDICT else "") for index, cell in enumerate(cells)]


def _heading(document: Round, lang: Lang) -> list[Text]:
    heading = Text(shown(title(document, lang)), style="bold")
    if document.office is not None:
        heading = Text(shown(document.office.office.office), style="bold") + Text("\n") + heading
    return [heading, Text(shown(subtitle(document, lang)))]


def _blocks(document: Round, head: list[str], lang: Lang, with_since: bool) -> Text:
    """Each candidate as a block: rank and area, product and year, verdict, then what fails and is missing."""
    out = Text()
    for candidate, row in zip(document.candidates, rows(document, lang), strict=True):
        place = ", ".join(v for v in (row.area, row.district, row.city, row.code) if v and v != "—")
        out.append(f"\n{row.rank}. {shown(place)}\n", style="bold")
        out.append(f"   {shown(_stack(row.product, row.year).replace(chr(10), ' · '))}\n")
        out.append("   ")
        out.append(shown(row.verdict), style=_VERDICT_STYLE[candidate.result.verdict])
        out.append(f" · {row.assurance} · {head[9]} {row.score}\n")
        out.append(f"   {head[10]}: {row.open_criteria}\n   {head[11]}: {shown(row.missing)}\n")
        if with_since:
            out.append(f"   {head[12]}: {shown(row.since)}\n")
    out.append(f"\n{summary(document, lang)}\n{legend(lang)}\n{made_with(document, lang)}")
    return out
