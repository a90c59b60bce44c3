"""The round as one self-contained, printable A4 page (landscape) an office can attach to a letter.

With an office profile: its letterhead (logo embedded as a ``data:`` URI,
government, office, address), then the title, the criteria set and the
assessment date, the ranked table, and the place-and-date line with the
signature blocks. Only the office's own words and the tool's catalogue are
on the page: no legal wording the office did not write. Every value is
autoescaped and isolated for bidirectional text, as in the checklist.
"""

from __future__ import annotations

from ..messages import Lang, text
from ..selection_round import Round
from .jinja_env import html_env
from .reader import long_date
from .round_rows import columns, legend, made_with, rows, subtitle, summary, title


def render_round_html(document: Round, lang: Lang = "en") -> str:
    with_since = document.previous is not None
    office = document.office
    place = office.office.place if office is not None else None
    return (
        html_env()
        .get_template("round.html.j2")
        .render(
            doc=document,
            lang=lang,
            title=title(document, lang),
            subtitle=subtitle(document, lang),
            summary=summary(document, lang),
            headings=columns(lang, with_since=with_since),
            pairs=list(zip(document.candidates, rows(document, lang), strict=True)),
            with_since=with_since,
            legend=legend(lang),
            place_date=text("round.place_date", lang, place=place or "", date=long_date(document.as_of, lang)),
            nip=lambda nip: text("round.nip", lang, nip=nip),
            generated=made_with(document, lang),
        )
    )
