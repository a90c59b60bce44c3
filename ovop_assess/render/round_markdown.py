"""The round as GitHub-flavoured Markdown: title, criteria set and date, the ranked table, the legend.

Every cell is escaped by :mod:`.markdown_text` (region text can neither
break the table nor become markup); numbers and dates follow the reader's
conventions (:mod:`.reader`).
"""

from __future__ import annotations

from ..messages import Lang
from ..selection_round import Round
from .bidi import isolate
from .markdown_text import escape_markdown as escape
from .round_rows import columns, legend, made_with, rows, subtitle, summary, title


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_round_markdown(document: Round, lang: Lang = "en") -> str:
    with_since = document.previous is not None
    head = columns(lang, with_since=with_since)
    lines = [f"# {escape(title(document, lang))}", ""]
    if document.office is not None:
        office = document.office.office
        lines += [f"**{escape(isolate(office.office))}**", ""]
    lines += [escape(isolate(subtitle(document, lang))), "", f"**{escape(summary(document, lang))}**", ""]
    lines.append(_line(head))
    lines.append(_line(["--:", *("---" for _ in head[1:9]), "--:", *("---" for _ in head[10:])]))
    for row in rows(document, lang):
        cells = list(row) if with_since else list(row)[:-1]
        lines.append(_line([escape(isolate(cell)) for cell in cells]))
    lines += ["", escape(legend(lang)), "", escape(made_with(document, lang))]
    return "\n".join(lines) + "\n"
