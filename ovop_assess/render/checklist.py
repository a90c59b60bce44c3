"""Render a :class:`~ovop_assess.checklist.Checklist` as Markdown or as one printable HTML page.

Both formats come from Jinja2 templates shipped in ``ovop_assess/templates``.
Every word on the page comes from the message catalogue in the chosen
language. Whatever comes from the region file is escaped: the HTML
environment autoescapes, and the Markdown environment passes every value
through :func:`~.markdown_text.escape_markdown` (its ``finalize``; the same
rule as the Markdown summary's), so a firm called ``<script>`` or
``*A* & B`` shows as written and never becomes markup.
The HTML page is self-contained (inline CSS, no scripts, fonts or images)
and prints on A4.

Values are also isolated for bidirectional text (:func:`isolate`): a value
holding a bidi control character (``Batik \u202eSari``) is wrapped in
FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so it cannot reverse the
sentence around it; values without one are written unchanged, byte for
byte. This applies to every value a template prints and to every value a
catalogue message is filled with (names, paths, reasons), in both formats;
the catalogue's own words are never wrapped.
"""

from __future__ import annotations

import datetime
from typing import Any, Final

from ..areas.table import edition
from ..checklist import Checklist, CriterionChecklist, DisabledEvidence, EvidenceState, UnknownEvidence
from ..messages import Lang, level_word, text
from ..results import Message, Status, assurance_above
from .bidi import isolate, isolated
from .criterion import role as role_words
from .criterion import version_words
from .jinja_env import Rendered, html_env, markdown_env
from .reader import decimal, long_date, say
from .sheet_place import sheet_place

_TEMPLATES: Final[dict[str, str]] = {"markdown": "checklist.md.j2", "html": "checklist.html.j2"}


def render_markdown(document: Checklist, lang: Lang) -> str:
    """The checklist as one Markdown document (``checklist --format markdown``)."""
    return render_checklist(document, "markdown", lang)


def render_html(document: Checklist, lang: Lang) -> str:
    """The checklist as one self-contained, printable HTML page (``checklist --format html``)."""
    return render_checklist(document, "html", lang)


def render_checklist(document: Checklist, output_format: str, lang: Lang) -> str:
    """The checklist as Markdown or HTML text; ``ValueError`` for another format."""
    if output_format not in _TEMPLATES:
        raise ValueError(f"unknown checklist format {output_format!r}; known formats: {', '.join(_TEMPLATES)}")
    env = html_env() if output_format == "html" else markdown_env()
    template = env.get_template(_TEMPLATES[output_format])
    return template.render(doc=document, lang=lang, **_helpers(document, lang))


def _helpers(document: Checklist, lang: Lang) -> dict[str, Any]:
    def t(key: str, **values: object) -> str:
        return Rendered(say(isolated(Message(key, values)), lang))

    def msg(message: Message) -> str:
        return Rendered(say(isolated(message), lang))

    def title(criterion: CriterionChecklist) -> str:
        return criterion.title_in(lang)

    def role(criterion: CriterionChecklist) -> str:
        group = isolate(criterion.group) if criterion.group else None
        return Rendered(role_words(criterion, lang, group=group))

    def level(value: str) -> str:
        """desa, kelurahan or kecamatan, as the catalogue words it (``level.desa``)."""
        return msg(level_word(value))

    def score(value: float) -> str:
        return decimal(value, lang)  # 0,88 under --lang id

    def day(value: datetime.date) -> str:
        return long_date(value, lang)  # 1 Desember 2026 under --lang id

    def provided(criterion: CriterionChecklist) -> int:
        return sum(1 for item in criterion.evidence if item.done)

    def assurance(criterion: CriterionChecklist | Checklist) -> str:
        """How far a pass (or the whole file) is backed: declared only, documented, verified; empty for none."""
        level = criterion.assurance
        return t(level.message.id) if level is not None else ""

    def raise_to(criterion: CriterionChecklist) -> str:
        """The heading of what would raise a pass one level; empty when it is verified or does not pass."""
        level = criterion.assurance
        above = assurance_above(level) if level is not None else None
        return t("checklist.raise", level=above.message) if above is not None else ""

    def backing() -> str:
        """The verdict's backing: ``declared only, 0 of 9 documents on hand`` (never a bare "eligible")."""
        parts = [assurance(document)] if document.assurance is not None else []
        if document.evidence:
            on_hand = document.evidence_count(EvidenceState.PROVIDED)
            parts.append(t("ui.documents_on_hand", on_hand=on_hand, needed=len(document.evidence)))
        return Rendered(", ".join(parts))

    def found(item: UnknownEvidence | DisabledEvidence) -> str:
        """What the path of an evidence key outside the criteria's documents names."""
        if item.state is EvidenceState.PROVIDED:
            return t("checklist.file_present", path=item.path)
        if item.state is EvidenceState.FOLDER:
            return t("checklist.evidence_folder", path=item.path)
        if item.state is EvidenceState.OUTSIDE:
            return t("checklist.evidence_outside", path=item.path)
        return t("checklist.evidence_missing_file", path=item.path)

    return {
        "t": t,
        "msg": msg,
        "title": title,
        "role": role,
        "level": level,
        "score": score,
        "day": day,
        "place_date": text(
            "round.place_date",
            lang,
            place=document.office.office.place or "" if document.office else "",
            date=long_date(document.as_of, lang),
        ),
        "nip": lambda nip: text("round.nip", lang, nip=nip),
        "provided": provided,
        "found": found,
        "assurance": assurance,
        "raise_to": raise_to,
        "backing": backing(),
        "place": lambda location: sheet_place(location, lang),
        "set_title": document.criteria_set.title.get(lang) or document.criteria_set.id,
        "set_version": version_words(document.criteria_set.version, lang),
        "area_table": t("area.dataset", **edition()),
        "PROVIDED": EvidenceState.PROVIDED,
        "MISSING_FILE": EvidenceState.MISSING_FILE,
        "FOLDER": EvidenceState.FOLDER,
        "OUTSIDE": EvidenceState.OUTSIDE,
        "NOT_GIVEN": EvidenceState.NOT_GIVEN,
        "WAIVED": Status.WAIVED,
    }
