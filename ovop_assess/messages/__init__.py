"""The catalogue of user-facing sentences, in English (``en``) and Bahasa Indonesia (``id``).

Every reason, warning and error is a :class:`~ovop_assess.results.Message`
(an id plus values); this package turns it into text at the last moment, so
both languages always come from the same place. A test fails when an entry
lacks a language or the two languages use different placeholders.

Sentences shared across the tool live here, one module per area. A rule's
own sentences live in its module as ``MESSAGES`` (built-in rules and
plugins alike) and are added with :func:`register`, which never lets an
entry replace another: the tool's words stay the tool's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from ..results import Message
from . import (
    areas,
    assessment,
    checklist,
    cli_help,
    command_line,
    comparison,
    files,
    reports,
    rounds,
    spreadsheets,
    validation,
    yaml_reading,
)

Lang = Literal["en", "id"]
LANGS: Final[tuple[Lang, ...]] = ("en", "id")

# The areas' ids are disjoint (a test says so), so merging them replaces nothing.
CATALOGUE: dict[str, dict[str, str]] = {
    **files.MESSAGES,
    **yaml_reading.MESSAGES,
    **validation.MESSAGES,
    **assessment.MESSAGES,
    **reports.MESSAGES,
    **checklist.MESSAGES,
    **command_line.MESSAGES,
    **cli_help.MESSAGES,
    **spreadsheets.MESSAGES,
    **areas.MESSAGES,
    **rounds.MESSAGES,
    **comparison.MESSAGES,
}


class MessageConflict(ValueError):
    """An entry given to :func:`register` would replace a different entry with the same id."""

    def __init__(self, message_id: str) -> None:
        super().__init__(f"message {message_id!r} is already in the catalogue with other words")
        self.message_id = message_id


def register(entries: Mapping[str, Mapping[str, str]]) -> None:
    """Add a rule's messages; all or none of them.

    An entry must give both languages, and may not replace an entry already
    there with different words (:class:`MessageConflict`); giving the same
    entry again (a plugin loaded twice) changes nothing and is allowed.
    """
    new: dict[str, dict[str, str]] = {}
    for key, texts in entries.items():
        missing = [lang for lang in LANGS if lang not in texts]
        if missing:
            raise ValueError(f"message {key!r} lacks language(s) {', '.join(missing)}")
        entry = dict(texts)
        if CATALOGUE.get(key, entry) != entry:
            raise MessageConflict(key)
        new[key] = entry
    CATALOGUE.update(new)


def render(message: Message, lang: Lang = "en") -> str:
    """The message as text in ``lang``; values that are themselves messages are rendered too."""
    entry = CATALOGUE.get(message.id) or _rule_entry(message.id)
    if entry is None:
        return message.id
    plain = _PLAIN_VALUES  # (most values: shown as they are, without a call per value)
    values = {key: value if type(value) in plain else _value(value, lang) for key, value in message.values.items()}
    try:
        return entry[lang].format_map(values)
    except (KeyError, IndexError, ValueError):
        return entry[lang]


def _rule_entry(message_id: str) -> dict[str, str] | None:
    """The entry of a built-in rule's message rendered before anything imported the rules.

    Every path that runs a rule imports the registry, which registers the
    built-in rules' sentences; a caller that only renders (a result built or
    kept by other means) gets them here, at the first id the shared
    catalogue lacks, and only then pays for importing the rules.
    """
    from .. import rules  # noqa: F401  (importing registers the built-in rules' MESSAGES)

    return CATALOGUE.get(message_id)


_PLAIN_VALUES = frozenset({str, int, float, bool, type(None)})


def _value(value: object, lang: Lang) -> object:
    if type(value) in _PLAIN_VALUES:  # most values: shown as they are, without the checks below
        return value
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, tuple):
        return ", ".join(str(_value(item, lang)) for item in value)
    if isinstance(value, Mapping) and lang in value:  # a text the criteria set gives in both languages
        return value[lang]
    return value


def level_word(level: str) -> Message:
    """A level — a region's (desa, kelurahan, kecamatan) or a table area's (kota, kabupaten, provinsi) — in words.

    Every level of :mod:`ovop_assess.region` and :mod:`ovop_assess.areas` has
    its entry ``level.<level>`` (a test says so).
    """
    return Message(f"level.{level}", {})


def text(key: str, lang: Lang = "en", **values: object) -> str:
    return render(Message(key, values), lang)
