"""``ovop-assess area`` as a rich table: one row per area, its code, level and parents, best first."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from ..areas import Lookup, Place
from ..areas.table import edition
from ..messages import Lang, level_word, render, text
from .table import _print
from .terminal import plain


def _name(place: Place | None) -> str:
    return place.name if place is not None else ""


def render_area_table(lookup: Lookup, lang: Lang, *, to_terminal: bool = False) -> str:
    """The matches as a table with a title saying how many (and whether only close spellings matched)."""
    exact = all(match.exact for match in lookup.matches)
    partial = all(match.exact or match.partial for match in lookup.matches)  # spelled right, some words unmatched
    count = len(lookup.matches)
    if lookup.code is not None:
        title = text("area.by_code", lang, code=lookup.code)
    else:
        said = "area.matches" if exact else "area.partial_matches" if partial else "area.close_matches"
        title = text(said, lang, query=plain(lookup.query, one_line=True), count=count)  # ESC, CR typed: shown
    # A Text title and cells: the query is the user's text, never rich markup ("kauman [/]" crashed the run).
    table = Table(title=Text(title), box=box.SIMPLE_HEAD, title_justify="left", show_edge=False)
    table.add_column(text("ui.area_code", lang), no_wrap=True)
    for key in ("ui.area_name", "ui.area_level", "ui.area_district", "ui.area_regency", "ui.area_province"):
        table.add_column(text(key, lang))
    for match in lookup.matches:
        found = match.area
        table.add_row(
            Text(found.code, style="bold"),
            Text(found.name),
            Text(render(level_word(found.level), lang)),
            Text(_name(found.district)),
            Text(_name(found.regency)),
            Text(_name(found.province)),
        )
    source = text("area.dataset", lang, **edition())
    return _print([table, Text(source, style="dim")], to_terminal)
