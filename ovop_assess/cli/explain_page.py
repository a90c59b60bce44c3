"""``explain``'s page: a rule's documentation as a reader sees it, and what a criteria set makes of the rule."""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from ..criteria_sets import CriteriaSet
from ..messages import Lang, render, text
from ..render.criterion import role, version_words
from ..render.reader import short_decimal
from ..rules.base import RuleSpec
from .terminal import one_line, shown


def render_explain(spec: RuleSpec, lang: Lang, criteria: CriteriaSet | None = None) -> str:
    """The rule's help page: its title once, its documentation as plain text, its parameters once, in ``lang``.

    The documentation is the rule's docstring (or ``DOC_ID``) as its author
    wrote it; the page drops what only suits source code: the docstring's
    opening ``C2 similar-firms:`` (the page's title says it), double
    backquotes around names. A rule documented in English only gets its
    section headings in Indonesian and a note that the text is English.
    When the documentation has no Parameters section, the parameters and
    their defaults are listed from the rule's model. With ``criteria``, the
    page ends with what that set makes of the rule (:func:`in_set`).
    """
    title = spec.title.get(lang, spec.title.get("en", ""))
    english_only = lang != "en" and not spec.doc_id
    body = help_text(spec.documentation(lang), spec, lang)
    # Text from a plugin: shown, never interpreted; the title on one line.
    lines = [one_line(f"{spec.id} {spec.name} — {title}"), ""]
    if english_only:
        lines += [text("ui.doc_english_only", lang), ""]
    if body:
        lines += [shown(body), ""]
    if not _has_section(body, _PARAMETER_HEADINGS):
        fields = spec.params.model_fields
        params = [
            "  " + text("ui.param_default", lang, name=name, default=_default(field)).strip()
            for name, field in fields.items()
        ] or [f"  {text('ui.none', lang)}"]
        lines += [text("ui.parameters_heading", lang), *params, ""]
    if criteria is not None:
        lines += [*in_set(spec.id, criteria, lang), ""]
    return "\n".join(lines)


def in_set(rule_id: str, criteria: CriteriaSet, lang: Lang) -> list[str]:
    """What ``criteria`` makes of the rule: how it counts, its weight, its parameters and the reading they give,
    the evidence the set asks for; or that the set switches it off or does not use it.

    The documentation above shows the rule's defaults: a set that changes them
    (``min_mentees: 5``) is read here, as ``assess`` will judge with it.
    """
    info = criteria.info
    named = text("ui.criteria_set", lang, id=info.id, version=version_words(info.version, lang))
    rule = next((each for each in criteria.rules if each.id == rule_id), None)
    if rule is None:
        key = "ui.explain_switched_off" if rule_id in criteria.disabled else "ui.explain_not_in_set"
        return [one_line(text(key, lang, rule=rule_id, set=named))]
    params = rule.params.model_dump(mode="json") if rule.params is not None else {}
    # As a criteria set writes them (to be typed into one): a name, " = ", the value as YAML reads it.
    written = ", ".join(f"{name} = {json.dumps(value, ensure_ascii=False)}" for name, value in params.items())
    lines = [
        text("ui.explain_in_set", lang, set=named),
        f"  {text('ui.role', lang)}: {role(rule, lang)}",
        f"  {text('ui.weight', lang)}: {short_decimal(rule.weight, lang)}",
        f"  {text('ui.parameters', lang)}: {written or text('ui.none', lang)}",
    ]
    reading = rule.spec.reading_for(rule.params) if isinstance(rule.spec, RuleSpec) else None
    if reading is not None:  # (never the source's: said so)
        lines.append(f"  {text('ui.explain_reading', lang)} {render(reading, lang)}")
    for item in rule.evidence:
        title = item.title.id if lang == "id" else item.title.en
        lines.append(f"  {text('ui.explain_evidence', lang, evidence=item.key, title=title)}")
    # Every line holds a set's own text (its id, a group's name, a title): its controls written visibly. Wrapped
    # as the documentation above is (a reading is a long sentence), its rest indented under its heading.
    return [
        textwrap.fill(one_line(line), _WIDTH, subsequent_indent="    ", break_long_words=False, break_on_hyphens=False)
        for line in lines
    ]


_WIDTH = 76
"""The page's width: the rules' documentation is written within it."""


# A rule's documentation in English, its headings as an Indonesian reader sees them.
_HEADINGS_ID = {
    "What it checks": "Yang diperiksa",
    "Why": "Alasan",
    "Status": "Status",
    "Parameters": "Parameter",
    "Passing fragment": "Contoh yang dipenuhi",
    "Failing fragment": "Contoh yang tidak dipenuhi",
}
_PARAMETER_HEADINGS = ("Parameters", "Parameter")
_DOUBLE_BACKQUOTED = re.compile(r"``(.+?)``", re.DOTALL)  # reStructuredText's literal: a name, quoted on the page


def help_text(doc: str, spec: RuleSpec, lang: Lang) -> str:
    """A rule's documentation as a help page's body (see :func:`render_explain`)."""
    paragraphs = doc.strip().split("\n\n")
    opening = f"{spec.id} {spec.name}:"
    if paragraphs and paragraphs[0].startswith(opening):
        first = paragraphs[0][len(opening) :].strip()
        # The summary follows the id and name on the documentation's first line: wrapped to the page alone.
        paragraphs[0] = textwrap.fill(first[:1].upper() + first[1:], _WIDTH, break_on_hyphens=False)
    out = _DOUBLE_BACKQUOTED.sub(r"'\1'", "\n\n".join(p for p in paragraphs if p.strip()))
    if lang == "id":
        out = "\n".join(_heading_id(line) for line in out.split("\n"))
    return out


def _heading_id(line: str) -> str:
    for english, indonesian in _HEADINGS_ID.items():
        if line == english or line.startswith(english + " ("):
            return indonesian + line[len(english) :]
    return line


def _has_section(body: str, headings: tuple[str, ...]) -> bool:
    return any(line in headings for line in body.split("\n"))


def _default(field: Any) -> str:
    value = field.get_default(call_default_factory=True)
    return json.dumps(value, ensure_ascii=False, default=str)
