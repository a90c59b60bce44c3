"""The comparison on a terminal (``compare --format table``): the two sides, a table of criteria, the items.

The lines above and below the table stay one line in a file or a log (for
grep), as the verdict line of ``assess`` does. The table has four columns: the criterion, its state before and now, and
which way it moved; the criterion's title folds first. A terminal narrower
than :data:`NARROW` columns cannot hold the four whole, so each criterion
is shown there as three short lines instead (its id and change, before,
now): nothing is cut or dropped. The missing items follow
the table as lists, which fold at any width.
"""

from __future__ import annotations

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..comparison import Change, Comparison
from ..messages import Lang
from ..render.comparison_rows import (
    columns,
    counts,
    notes,
    notes_heading,
    nothing,
    overall,
    rows,
    sections,
    side_line,
    title,
)
from .table import _OneLine, _print, _width
from .terminal import shown

#: Below this many columns the table shows each criterion by its id alone and lets every cell wrap.
NARROW = 64
_CHANGE_STYLE = {
    Change.IMPROVED: "green",
    Change.WORSE: "red",
    Change.UNCHANGED: "",
    Change.NEW_CRITERION: "cyan",
    Change.DROPPED_CRITERION: "dim",
}


def render_comparison_table(document: Comparison, lang: Lang, *, to_terminal: bool) -> str:
    head = columns(lang)
    criteria: RenderableType
    if _width(to_terminal) < NARROW:
        criteria = _stacked(document, head, lang)
    else:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column(head[0], ratio=3, min_width=8, overflow="fold")
        table.add_column(head[1], ratio=2, min_width=13, overflow="fold")  # "declared only" whole
        table.add_column(head[2], ratio=2, min_width=13, overflow="fold")
        table.add_column(head[3], no_wrap=True)
        for change, row in zip(document.criteria, rows(document, lang), strict=True):
            table.add_row(
                Text(shown(row.criterion)),
                Text(row.before),
                Text(row.after),
                Text(row.change, style=_CHANGE_STYLE[change.change]),
            )
        criteria = table
    parts: list[RenderableType] = [
        Text(shown(title(document, lang)), style="bold"),
        _OneLine(shown(side_line(document.before, before=True, lang=lang))),
        _OneLine(shown(side_line(document.after, before=False, lang=lang))),
        criteria,
        _OneLine(shown(overall(document, lang)), style=f"bold {_CHANGE_STYLE[document.change]}".strip()),
        Text(counts(document, lang)),
    ]
    for heading, items in sections(document, lang):
        parts.append(Text(f"\n{heading}:", style="bold"))
        parts.extend(Text(f"  {shown(item)}") for item in items or [nothing(lang)])
    said = notes(document, lang)
    if said:
        parts.append(Text(f"\n{notes_heading(lang)}:", style="bold"))
        parts.extend(Text(f"  {shown(note)}") for note in said)
    return _print(parts, to_terminal)


def _stacked(document: Comparison, head: list[str], lang: Lang) -> Text:
    """Each criterion as three short lines (id and change, before, now): what a narrow terminal can show whole."""
    lines = Text()
    for change, row in zip(document.criteria, rows(document, lang), strict=True):
        lines.append(f"\n{change.id} ", style="bold")
        lines.append(row.change, style=_CHANGE_STYLE[change.change])
        lines.append(f"\n  {head[1]}: {row.before.replace(chr(10), ' · ')}")
        lines.append(f"\n  {head[2]}: {row.after.replace(chr(10), ' · ')}")
    return lines
