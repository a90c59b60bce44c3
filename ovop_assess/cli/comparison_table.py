"""The comparison on a terminal (``compare --format table``): the two sides, a table of criteria, the items.

The lines above and below the table stay one line in a file or a log (for
grep), as the verdict line of ``assess`` does. The table has four columns: the criterion, its state before and now, and
which way it moved. On a narrow terminal the criterion's title folds first;
the id, both states and the change stay whole. The missing items follow
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
from .table import _OneLine, _print
from .terminal import shown

_CHANGE_STYLE = {
    Change.IMPROVED: "green",
    Change.WORSE: "red",
    Change.UNCHANGED: "",
    Change.NEW_CRITERION: "cyan",
    Change.DROPPED_CRITERION: "dim",
}


def render_comparison_table(document: Comparison, lang: Lang, *, to_terminal: bool) -> str:
    head = columns(lang)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(head[0], ratio=3, min_width=8, overflow="fold")
    table.add_column(head[1], ratio=2, min_width=9, overflow="fold")
    table.add_column(head[2], ratio=2, min_width=9, overflow="fold")
    table.add_column(head[3], no_wrap=True)
    for change, row in zip(document.criteria, rows(document, lang), strict=True):
        style = _CHANGE_STYLE[change.change]
        table.add_row(shown(row.criterion), row.before, row.after, Text(row.change, style=style))
    parts: list[RenderableType] = [
        Text(shown(title(document, lang)), style="bold"),
        _OneLine(shown(side_line(document.before, before=True, lang=lang))),
        _OneLine(shown(side_line(document.after, before=False, lang=lang))),
        table,
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
