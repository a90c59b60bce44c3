"""The round on a terminal: one rich table, a row per candidate in rank order (``round --format table``).

A terminal is too narrow for the thirteen columns of the page, so related
cells share a column, one per line: the area with its kecamatan,
kabupaten/kota and code; the product with its proposal year; the verdict
with its assurance. The cells are those of every other format. Below
:data:`NARROW` columns even that squeezes "still missing" to a few letters a
line, so each candidate becomes a short block of lines instead.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from ..messages import Lang
from ..render.round_rows import columns, legend, rows, subtitle, summary, title
from ..selection_round import Round
from .table import _VERDICT_STYLE, _print, _width
from .terminal import shown

#: Below this width the table's last columns fold to a few letters a line (80 columns: 7 for "still missing").
NARROW = 100


def _stack(*values: str) -> str:
    return "\n".join(value for value in values if value and value != "—") or "—"


def render_round_table(document: Round, lang: Lang, *, to_terminal: bool) -> str:
    with_since = document.previous is not None
    head = columns(lang, with_since=True)
    if _width(to_terminal) < NARROW:
        return _print([*_heading(document, lang), _blocks(document, head, lang, with_since)], to_terminal)
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, pad_edge=False)
    table.add_column(head[0], justify="right", no_wrap=True)
    # As wide as "Kabupaten/kota" and a desa code (13 characters): neither is ever cut in two.
    table.add_column("\n".join(head[1:5]), ratio=3, overflow="fold", min_width=14)
    table.add_column(f"{head[5]}\n{head[6]}", ratio=2, overflow="fold")
    table.add_column(f"{head[7]}\n{head[8]}", no_wrap=True)
    table.add_column(head[9], justify="right", no_wrap=True)
    table.add_column(head[10], ratio=1, overflow="fold")
    table.add_column(head[11], ratio=4, overflow="fold")
    if with_since:
        table.add_column(head[12], ratio=2, overflow="fold")
    for candidate, row in zip(document.candidates, rows(document, lang), strict=True):
        verdict = Text(shown(row.verdict), style=_VERDICT_STYLE[candidate.result.verdict])
        verdict.append(f"\n{row.assurance}" if row.assurance != "—" else "")
        cells: list[Text | str] = [
            row.rank,
            shown(_stack(row.area, row.district, row.city, row.code)),
            shown(_stack(row.product, row.year)),
            verdict,
            row.score,
            row.open_criteria,
            shown(row.missing),
        ]
        if with_since:
            cells.append(shown(row.since))
        # Text cells: a region's "[tulis]" or "[/]" is its text, never rich markup (which would drop or crash).
        table.add_row(*(Text(cell) if isinstance(cell, str) else cell for cell in cells))
    return _print([*_heading(document, lang), table, Text(summary(document, lang)), Text(legend(lang))], to_terminal)


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
    out.append(f"\n{summary(document, lang)}\n{legend(lang)}")
    return out
