"""Pydantic's validation errors as findings: each in the catalogue's words, at its line.

Pydantic's own texts are never shown and its ValidationError is never turned
into a string (with aliased input that can take minutes): a message is built
from one entry of ``errors(include_input=False)``. Used for the region file
(:mod:`.validate`), a firm sheet, a criteria set and ``office.yaml``.
"""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any

from pydantic import BaseModel

from .region import AREA_CODE_PATTERN, Region
from .results import Finding, Location, Message
from .strict_model import alternatives, model_in
from .value_hints import indonesian_hint
from .yaml_source import PathKey, Positions
from .yaml_source import clip as _clip

_TYPE_MESSAGES = {
    "string_type": "schema.expected_text",
    "int_type": "schema.expected_int",
    "int_from_float": "schema.expected_int",
    "int_parsing": "schema.expected_int",
    "float_type": "schema.expected_number",
    "float_parsing": "schema.expected_number",
    "bool_type": "schema.expected_bool",
    "bool_parsing": "schema.expected_bool",
    "list_type": "schema.expected_list",
    "tuple_type": "schema.expected_list",
    "model_type": "schema.expected_mapping",
    "model_attributes_type": "schema.expected_mapping",
    "dict_type": "schema.expected_mapping",
    "date_type": "schema.expected_date",
    "date_parsing": "schema.expected_date",
    "date_from_datetime_parsing": "schema.expected_date",
    "date_from_datetime_inexact": "schema.expected_date",
    "string_too_short": "schema.empty_text",
    "rule_ids": "schema.rule_ids",
}
_REGION_CODE = re.compile(AREA_CODE_PATTERN)
_PATTERN_MESSAGES = {
    "nib": "schema.nib_format",
    "code": "schema.code_format",
    "kbli": "schema.kbli_format",
    "nip": "schema.nip_format",  # office.yaml's signatories
}


def translate(error: Any, positions: Positions, root: type[BaseModel] = Region, prefix: PathKey = ()) -> Finding:
    """One pydantic error (from ``errors(include_input=False)``) as a finding.

    ``root`` is the model that was validated (for "allowed here" lists);
    ``prefix`` is where that model's data sits in the file (for lines).
    """
    where = where_of(error, positions, prefix)
    return Finding(message_at(error, positions, where, root, prefix), where)


def message_at(
    error: Any, positions: Positions, where: Location, root: type[BaseModel] = Region, prefix: PathKey = ()
) -> Message:
    """:func:`message_of`, save a firm sheet's empty required cell (``where`` names a cell): named by its column
    (the Nama Usaha cell), not by the YAML key."""
    if error["type"] == "missing" and where.cell is not None:
        from .sheets.columns import HEADERS_ID

        field = str(error["loc"][-1]) if error["loc"] else ""
        if field in HEADERS_ID:
            return Message("sheet.cell_required", {"column": HEADERS_ID[field], "field": field})
    return message_of(error, positions, root, prefix)


def where_of(error: Any, positions: Positions, prefix: PathKey = ()) -> Location:
    """Where a pydantic error points: an unknown key at the key, a missing field at its mapping."""
    loc: PathKey = (*prefix, *error["loc"])
    if error["type"] == "extra_forbidden":
        return positions.key(loc)
    if error["type"] == "missing":
        return positions.missing(loc)  # the mapping that lacks the field (a sheet: the field's empty cell)
    return positions.value(loc)


def message_of(error: Any, positions: Positions, root: type[BaseModel] = Region, prefix: PathKey = ()) -> Message:
    """A pydantic error in the catalogue's words (pydantic's ``errors(include_input=False)`` entry)."""
    loc: PathKey = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        return _unknown_key(loc, root)
    if kind == "missing":
        return Message("schema.missing", {"field": str(last)})
    spelled = positions.raw((*prefix, *loc)) if kind in ("string_type", "literal_error") else None
    if spelled is not None and not (spelled[1] == "null" and spelled[0] in ("", "~")):
        raw, tag = spelled
        read_as = Message(f"kind.{tag}", {})
        if kind == "literal_error":  # `status: no`: YAML 1.1 read a boolean where a choice was meant
            choices = _choices(ctx.get("expected", ""))
            return Message("schema.one_of_quote", {"choices": choices, "raw": _clip(raw), "kind": read_as})
        if last == "sheet" and tag == "int":  # firms: {file: …, sheet: 2}: "2" would name no sheet next
            return Message("schema.sheet_number", {"raw": _clip(raw)})
        if last == "code" and tag == "int":  # an area code: quoting the digits alone would be refused next
            from .areas import canonical_code

            dotted = canonical_code(raw)
            if dotted is not None:
                return Message("schema.code_unquoted", {"raw": _clip(raw), "code": dotted})
        return Message("schema.expected_text_quote", {"raw": _clip(raw), "kind": read_as})
    written = positions.sheet_text((*prefix, *loc)) if kind == "literal_error" and last == "role" else None
    if written is not None:  # a role from a spreadsheet: named in the sheet's words, which its drop-down offers
        return Message("sheet.not_a_role", {"value": _clip(written)})
    hint = indonesian_hint(kind, _choices(ctx.get("expected", "")), positions, (*prefix, *loc))
    if hint is not None:
        return hint
    if kind in ("int_type", "float_type") and positions.unquoted((*prefix, *loc)):
        written = _written_number(positions, (*prefix, *loc))
        if written is not None:  # `0900`: a leading zero with an 8 or 9 is no YAML 1.1 number
            return Message("schema.number_leading_zero", {"raw": _clip(written), "plain": written.lstrip("0") or "0"})
    if kind == "string_type" and spelled is not None:  # `name:` with nothing after it, or `~`
        return Message("schema.empty_text", {})
    if kind in _TYPE_MESSAGES:
        return Message(_TYPE_MESSAGES[kind], {})
    if kind == "finite_number":
        return Message("schema.finite_number", {})
    if kind == "literal_error":
        if loc == ("format",) and root is Region:
            return Message("schema.format_version", {})
        return Message("schema.one_of", {"choices": _choices(ctx.get("expected", ""))})
    if kind in ("greater_than_equal", "greater_than"):
        return Message("schema.too_small", {"limit": _number(ctx.get("ge", ctx.get("gt", "")))})
    if kind in ("less_than_equal", "less_than"):
        return Message("schema.too_big", {"limit": _number(ctx.get("le", ctx.get("lt", "")))})
    if kind == "too_short":
        return Message("schema.too_small", {"limit": ctx.get("min_length", "")})
    if kind == "too_long":
        return Message("schema.too_many", {"limit": ctx.get("max_length", "")})
    if kind == "string_pattern_mismatch":
        written = positions.text((*prefix, *loc)) if last == "nib" else None
        if written is not None:  # what was read, and how many digits: "12 digits" tells what went wrong
            digits = sum("0" <= char <= "9" for char in written)
            # A space, a dash, a letter, a digit of another script (or nothing): not a length problem.
            if digits != len(written) or not written:
                return Message("schema.nib_format_other", {"value": _clip(repr(written)[1:-1]) or "—"})
            quoted = not positions.unquoted((*prefix, *loc))  # the quotes are there: no need to say to write them
            said = "schema.nib_length_quoted" if quoted else "schema.nib_format_read"
            return Message(said, {"value": _clip(written), "digits": digits})
        code = positions.text((*prefix, *loc)) if last == "code" and root is Region else None
        if code is not None:  # "3320062012", " 33.20.06.2012 ": the code it is, as `area` and `init --code` take it
            from .areas import canonical_code

            dotted = canonical_code(code)
            # Only a code the region can have: of its level (a kecamatan's PP.KK.CC, a desa's PP.KK.CC.DDDD), and
            # one the official table holds ("3372" is a kabupaten's, "0033720310" no code at all: refused next).
            if (
                dotted is not None
                and dotted != code
                and _code_of_level(dotted, positions.text((*prefix, "region", "level")))
            ):
                return Message("schema.code_write", {"raw": _clip(code), "code": dotted})
        return Message(_PATTERN_MESSAGES.get(str(last), "schema.pattern"), {})
    return Message("schema.invalid", {"detail": kind})


def _code_of_level(code: str, level: str | None) -> bool:
    """Whether ``code`` is the shape of a region's code of ``level`` and the official table has it."""
    from .areas import by_code

    parts = len(code.split("."))
    shaped = parts == 3 if level == "kecamatan" else parts == 4 if level in ("desa", "kelurahan") else parts in (3, 4)
    return shaped and _REGION_CODE.fullmatch(code) is not None and by_code(code) is not None


def _written_number(positions: Positions, path: PathKey) -> str | None:
    """The digits of a plain scalar that YAML 1.1 kept as text because of a leading zero, or None."""
    text = positions.text(path)
    return text if text is not None and len(text) > 1 and text[0] == "0" and text.isascii() and text.isdigit() else None


def _number(value: Any) -> Any:
    """``0.0`` reads as ``0`` in a message."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _choices(expected: str) -> str:
    # pydantic writes "'a', 'b' or 'c'"; analysts read "a, b, c".
    return ", ".join(re.findall(r"'([^']*)'", expected)) or expected


def _unknown_key(loc: PathKey, root: type[BaseModel]) -> Message:
    key = str(loc[-1])
    allowed = _fields_at(loc[:-1], root)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return Message("schema.unknown_key_suggest", {"key": _clip(key), "suggestion": close[0]})
    return Message("schema.unknown_key", {"key": _clip(key), "allowed": ", ".join(allowed)})


def _fields_at(loc: PathKey, root: type[BaseModel]) -> list[str]:
    """The field names allowed at a location, by walking the type annotations from ``root``."""
    current: Any = root
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    model = model_in(current)
    return list(model.model_fields) if model is not None else []


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one step down a path: a model's field, a list's item, a mapping's value."""
    for alt in alternatives(annotation):
        found = _step_into(alt, part)
        if found is not None:
            return found
    return None


def _step_into(alt: Any, part: str | int) -> Any:
    if isinstance(alt, type) and issubclass(alt, BaseModel):
        field = alt.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field is not None else None
    origin, args = typing.get_origin(alt), typing.get_args(alt)
    if origin in (list, tuple) and isinstance(part, int):  # (the region's lists are read-only tuples)
        return args[0]
    if origin is dict:
        return args[1]
    return None
