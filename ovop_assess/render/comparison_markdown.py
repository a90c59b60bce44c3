"""The comparison as GitHub-flavoured Markdown: the two sides, a table of criteria, the overall change, the items.

Every cell is escaped by :mod:`.markdown_text` (region text can neither
break the table nor become markup); numbers and dates follow the reader's
conventions (:mod:`.reader`).
"""

from __future__ import annotations

from ..comparison import Comparison
from ..messages import Lang
from .bidi import isolate
from .comparison_rows import columns, counts, notes, notes_heading, nothing, overall, rows, sections, side_line, title
from .markdown_text import escape_markdown as escape


def _cell(value: str) -> str:
    return "<br>".join(escape(isolate(line)) for line in value.split("\n"))


def render_comparison_markdown(document: Comparison, lang: Lang = "en") -> str:
    lines = [f"# {escape(isolate(title(document, lang)))}", ""]
    lines += [f"- {escape(isolate(side_line(document.before, before=True, lang=lang)))}"]
    lines += [f"- {escape(isolate(side_line(document.after, before=False, lang=lang)))}", ""]
    lines += [f"**{escape(overall(document, lang))}**", "", escape(counts(document, lang)), ""]
    lines.append("| " + " | ".join(columns(lang)) + " |")
    lines.append("| --- | --- | --- | --- |")
    for row in rows(document, lang):
        lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    for heading, items in sections(document, lang):
        lines += ["", f"## {escape(heading)}", ""]
        lines += [f"- {escape(isolate(item))}" for item in items] or [f"- {escape(nothing(lang))}"]
    said = notes(document, lang)
    if said:
        lines += ["", f"## {escape(notes_heading(lang))}", ""]
        lines += [f"- {escape(note)}" for note in said]
    return "\n".join(lines) + "\n"
