"""The one pydantic base of what the tool reads (region files, criteria sets, rule cases, rule parameters,
office profiles), and the text type all of them use for a value that must say something."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Collection
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

#: White space and the characters that show nothing: zero-width and direction marks, the byte-order mark,
#: variation selectors, the Hangul fillers and the blank Braille pattern (a "reason" of U+200B looks empty).
_NOTHING = (
    r"[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
_SHOWS_NOTHING = re.compile(_NOTHING + "*")
# A value of those characters alone, among values each after a NUL (which is none of them): one search in C,
# which skips from NUL to NUL.
_NOTHING_AMONG = re.compile("\x00" + _NOTHING + "*(?:\x00|\\Z)")


def shows_nothing(value: str) -> bool:
    """Whether ``value`` holds nothing but white space and characters that show nothing (what ``Text`` refuses)."""
    return _SHOWS_NOTHING.fullmatch(value) is not None


def any_shows_nothing(values: Collection[str]) -> bool:
    """Whether any of ``values`` :func:`shows_nothing` (none when there are none), tested in one search."""
    return bool(values) and _NOTHING_AMONG.search("\x00" + "\x00".join(values)) is not None


def _not_blank(value: str) -> str:
    # Spaces alone say nothing: a waiver whose reason is " " must not waive, a firm named " " must not count.
    if _SHOWS_NOTHING.fullmatch(value):
        raise PydanticCustomError("string_too_short", "must not be empty", {"min_length": 1})
    return value


#: Text that must hold something other than white space (the same error as an empty one);
#: the JSON Schema says so too, for editors and other validators.
Text = Annotated[str, Field(min_length=1, json_schema_extra={"pattern": r"\S"}), AfterValidator(_not_blank)]


class StrictModel(BaseModel):
    """Unknown keys are errors, values are never converted (YAML already typed them), and models are immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


# Walking a model's field annotations (the schema errors' allowed keys, the template's placeholders):


def alternatives(annotation: Any) -> list[Any]:
    """The alternatives of a field's annotation, Optional and Annotated taken off (``Text | None`` gives ``[str]``)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return alternatives(args[0])
    if origin in (typing.Union, types.UnionType):
        return [alt for arg in args if arg is not type(None) for alt in alternatives(arg)]
    return [annotation]


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (its first alternative that is one), or None."""
    for alt in alternatives(annotation):
        if isinstance(alt, type) and issubclass(alt, BaseModel):
            return alt
    return None


def item_of(annotation: Any) -> Any:
    """The item type of a list field (the region's read-only lists are ``tuple[Item, ...]``), or ``Any``."""
    for alt in alternatives(annotation):
        if typing.get_origin(alt) in (list, tuple):
            return typing.get_args(alt)[0]
    return Any
