"""The contract every rule follows, built-in or from a plugin.

A rule is a module (or any object) with:

- ``ID``: short id used in criteria sets (``C2``, ``NIB1``);
- ``NAME``: a kebab-case name (``similar-firms``);
- ``TITLE``: ``{"en": ..., "id": ...}``;
- ``Params``: a pydantic model of its parameters, with defaults;
- ``check(facts, params) -> Outcome``: pure, never prints, never raises
  because a criterion failed;
- a docstring: the user documentation that ``ovop-assess explain`` prints;
- optionally ``DOC_ID``: the same documentation in Bahasa Indonesia;
- optionally ``MESSAGES``: catalogue entries (both languages) for its reasons;
- optionally ``READING``: ``{"en": ..., "id": ...}``, in a few words, what the
  rule decides that its source does not say (``rules`` and the checklist show
  it as "this tool's reading, not the source's").
- a built-in rule whose reading depends on its parameters gives instead
  ``reading(params) -> Message``: a catalogue message with the numbers and
  lists of the criteria set in use, in words, never a parameter's name (a
  plugin's code is not run for it: a plugin gives ``READING``).
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, cast

from pydantic import BaseModel

from ..region import Region
from ..results import Finding, Location, Message, Outcome, Status
from ..strict_model import StrictModel
from ..yaml_source import PathKey, Positions


class RuleParams(StrictModel):
    """Base for a rule's ``Params``: unknown or ill-typed parameters are errors."""


class NoParams(RuleParams):
    pass


class Facts(NamedTuple):
    """A validated region plus where each of its values sits in the file."""

    region: Region
    positions: Positions

    def absent(self, message_id: str, path: PathKey, **values: Any) -> Finding:
        """A reason about a field the file does not give (``("firms", 2, "willing_to_lead")``): located at
        the entry that lacks it, or, for a firm of a spreadsheet, at the field's empty cell (``E4``)."""
        return Finding(Message(message_id, values), self.positions.missing(path))

    def field_name(self, *path: str | int) -> str | Message:
        """The field at ``path`` as a message names it: ``willing_to_lead``, or for a firm of a spreadsheet
        its column (``kolom Bersedia Menjadi Penggerak``)."""
        return self.positions.field_name(path)

    def at(self, *path: str | int) -> Location:
        return self.positions.value(path)

    def finding(self, message_id: str, path: PathKey | str | None = None, **values: Any) -> Finding:
        """A reason or warning about the value at ``path``.

        A field is located at its key (``firms:``), not at its value: for a
        block list the value starts at the first ``-`` item, a line below
        where an analyst looks for the field.
        """
        if path is None:
            return Finding(Message(message_id, values), None)
        if isinstance(path, str):  # a single top-level field, written as its name
            path = (path,)
        location = self.positions.key(path) if path and isinstance(path[-1], str) else self.positions.value(path)
        return Finding(Message(message_id, values), location)


class RuleSpec(NamedTuple):
    """A loaded rule, whatever it came from."""

    id: str
    name: str
    title: Mapping[str, str]
    params: type[BaseModel]
    check: Callable[[Facts, Any], Outcome]
    doc: str
    origin: str  # "built-in" or the distribution/entry point it came from
    doc_id: str = ""  # the documentation in Bahasa Indonesia (``DOC_ID``), if the rule gives it
    reading: Mapping[str, str] | None = None  # ``READING``: what the rule decides that its source does not say
    # A built-in rule's ``reading(params)``: its reading with a criteria set's parameters
    reading_with: Callable[[Any], Message] | None = None

    def reading_for(self, params: BaseModel | None) -> Message | None:
        """The rule's own reading as a catalogue message, with a criteria set's ``params``.

        ``None`` stands for the rule's defaults. A rule without a reading gives ``None``.
        """
        if self.reading_with is not None:
            return self.reading_with(params if params is not None else self.params())
        return Message("rule.reading", {"text": dict(self.reading)}) if self.reading else None

    def documentation(self, lang: str) -> str:
        """The rule's documentation in ``lang``, falling back to the English docstring."""
        return self.doc_id if lang == "id" and self.doc_id else self.doc

    @classmethod
    def from_object(cls, obj: Any, origin: str) -> RuleSpec:
        missing = [name for name in ("ID", "NAME", "TITLE", "Params", "check") if not hasattr(obj, name)]
        if missing:
            raise TypeError(f"not a rule: missing {', '.join(missing)}")
        params = obj.Params
        if not (isinstance(params, type) and issubclass(params, BaseModel)):
            raise TypeError("Params must be a pydantic model")
        title = obj.TITLE
        if not isinstance(title, Mapping) or not {"en", "id"} <= set(title):
            raise TypeError("TITLE must give 'en' and 'id'")
        return cls(
            id=str(obj.ID),
            name=str(obj.NAME),
            title=cast(Mapping[str, str], title),
            params=params,
            check=obj.check,
            doc=inspect.cleandoc(getattr(obj, "__doc__", None) or ""),
            origin=origin,
            doc_id=inspect.cleandoc(str(getattr(obj, "DOC_ID", "") or "")),
            reading=_reading(getattr(obj, "READING", None)),
            # Only a built-in rule's code is run for its reading: a plugin's could hang a listing.
            reading_with=getattr(obj, "reading", None) if origin == "built-in" else None,
        )


def _reading(value: object) -> Mapping[str, str] | None:
    """A rule's ``READING``, when it gives one in both languages (a plugin's malformed one is left out)."""
    if isinstance(value, Mapping) and all(
        isinstance(value.get(lang), str) and value.get(lang) for lang in ("en", "id")
    ):
        return {"en": str(value["en"]), "id": str(value["id"])}
    return None


def result(
    status: Status,
    score: float,
    reasons: list[Finding],
    warnings: list[Finding] | None = None,
    missing: list[Message] | None = None,
) -> Outcome:
    """Build an :class:`Outcome`; a pass always scores 1, the rest is clamped to 0..1."""
    if status is Status.PASS:
        score = 1.0
    elif status is Status.UNKNOWN:
        score = 0.0
    return Outcome(
        status=status,
        score=round(min(1.0, max(0.0, score)), 4),
        reasons=tuple(reasons),
        warnings=tuple(warnings or ()),
        missing=tuple(missing or ()),
    )


def category_key(category: str | None) -> str | None:
    """What two categories are compared by: capitals and spaces aside (``Anyaman``, ``anyaman `` and
    ``anyaman`` are one category; a no-break space copied from the web is a space). The tool's reading: the
    source speaks of products of the same kind, not of how a category is typed."""
    return " ".join(category.split()).casefold() if category is not None else None


def best_category_count(categories: Iterable[str | None]) -> int:
    """How many of ``categories`` match the most favourable one, ``None`` (not known yet) matching any.

    Counted in one pass: comparing every firm with every category named is
    quadratic, and a file may list thousands of firms, each its own.
    """
    counts = Counter(map(category_key, categories))
    unknown = counts.pop(None, 0)
    return unknown + max(counts.values(), default=0)


def fmt_seconds(seconds: float) -> dict[str, str]:
    """Seconds in each language's decimal mark (``0.5`` s, ``0,5`` detik): a message value rendered per language."""
    written = f"{seconds:g}"
    return {"en": written, "id": written.replace(".", ",")}


def fmt_quantity(value: float) -> dict[str, str]:
    """A number for a reader, in each language's marks: ``1,000`` and ``12.5`` (en), ``1.000`` and ``12,5`` (id)."""
    written = f"{int(value):,}" if float(value).is_integer() else f"{value:,g}"
    return {"en": written, "id": written.translate(str.maketrans(",.", ".,"))}


def fmt_number(value: float) -> str:
    """900.0 -> "900", 12.5 -> "12.5": numbers as an analyst wrote them."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def msg(message_id: str, **values: Any) -> Message:
    return Message(message_id, values)
