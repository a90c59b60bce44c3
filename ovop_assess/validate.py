"""Turn loaded YAML data into a :class:`~ovop_assess.region.Region`, or into findings.

All problems of a file are reported at once: the YAML loader's (duplicate
keys, refused tags), pydantic's (types, enums, unknown keys) and the checks
across fields (mentors, firm names, area code, waivers), each with a line.
Pydantic's own texts are never shown and its ValidationError is never turned
into a string (with aliased input that can take minutes): messages are
built from ``errors(include_input=False)`` through the catalogue.

A hostile file can hold tens of thousands of problems; listing them all
would take a terminal minutes to print. So findings are located first
(cheap), sorted, and only the first ``max_errors`` get a message, followed
by one saying how many more there are.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable, Collection, Sequence
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from . import template_values
from .area_check import area_warnings
from .messages import CATALOGUE
from .region import AREA_CODE_PATTERN, LEVELS, Region
from .results import Finding, Location, Message, UnknownEvidenceKey
from .yaml_source import Loaded, PathKey, Positions, format_path
from .yaml_source import clip as _clip

_CODE = re.compile(AREA_CODE_PATTERN)

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
_PATTERN_MESSAGES = {
    "nib": "schema.nib_format",
    "code": "schema.code_format",
    "kbli": "schema.kbli_format",
    "nip": "schema.nip_format",  # office.yaml's signatories
}

MAX_ERRORS = 100
"""Most errors (and, separately, warnings) listed for one file; the rest are counted."""


class Validated(NamedTuple):
    region: Region | None
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]  # the listed warnings, unknown evidence keys among them
    unknown_evidence: tuple[UnknownEvidenceKey, ...] = ()
    # Where the region's values sit, for its rules: the file's, seen through any template entries dropped.
    positions: Positions | None = None


class RuleIds(NamedTuple):
    """What the waiver and evidence checks need to know of the criteria set."""

    set_id: str
    active: Collection[str]
    is_known: Callable[[str], bool]
    known_list: Callable[[], list[str]]
    evidence_keys: Collection[str]


def validate(loaded: Loaded, rules: RuleIds, *, max_errors: int = MAX_ERRORS) -> Validated:
    data, positions = loaded.data, loaded.positions
    errors: list[Finding | _Raw] = list(loaded.problems)
    warnings: list[Finding] = list(loaded.warnings)
    if not isinstance(data, dict):
        errors.append(Finding(Message("schema.top_not_mapping", {}), positions.value(())))
        return Validated(None, _listed(errors, positions, max_errors), ())
    region: Region | None = None
    try:
        region = Region.model_validate(data)
    except ValidationError as exc:
        # Where the loader dropped a value (refused tag, unreadable date), it already said why;
        # pydantic would only add "expected text" about the None left in its place.
        said = {f.location for f in loaded.problems if f.location is not None}
        for error in exc.errors(include_input=False):
            where = _where(error, positions)
            if not _dropped(data, positions, said, tuple(error["loc"])):
                errors.append(_Raw(error, where))
    checked: list[Finding] = []
    _cross_checks(data, positions, rules, checked, warnings)
    unknown = _unknown_evidence(data.get("evidence"), positions, rules)
    warnings.extend(u.warning for u in unknown)
    errors.extend(checked)
    if errors:
        return Validated(
            None, _listed(errors, positions, max_errors), _listed(list(warnings), positions, max_errors), unknown
        )
    # Only a valid file is cleared of the template's example values (they count as absent).
    cleared = template_values.clear(data, positions)
    if cleared.warnings:
        warnings.extend(cleared.warnings)
        region = Region.model_validate(cleared.data)
    return Validated(region, (), _listed(list(warnings), positions, max_errors), unknown, cleared.positions)


def _dropped(data: Any, positions: Positions, said: Collection[Location], path: PathKey) -> bool:
    """Whether the loader refused the value at ``path``: it left None there, and said why at that very value.

    A YAML null is None too, but the loader says nothing about it.
    """
    return _get(data, path, _ABSENT) is None and positions.value(path) in said


class _Raw(NamedTuple):
    """A pydantic error, located but not yet turned into a message."""

    error: Any
    location: Location


def _listed(found: Sequence[Finding | _Raw], positions: Positions, limit: int) -> tuple[Finding, ...]:
    """In file order; the first ``limit`` with their message, then how many more there are."""

    def key(item: Finding | _Raw) -> tuple[int, int, tuple[int, int], str]:
        loc = item.location
        return (loc.line or 0, loc.column or 0, _cell_order(loc.cell), loc.path) if loc else (0, 0, (0, 0), "")

    found = sorted(found, key=key)
    listed = [
        Finding(_message(item.error, positions), item.location) if isinstance(item, _Raw) else item
        for item in found[:limit]
    ]
    if len(found) > limit:
        first_hidden = found[limit].location
        line = first_hidden.line if first_hidden is not None else None
        listed.append(Finding(Message("file.more_errors", {"count": len(found) - limit}), Location("", line, None)))
    return tuple(listed)


_CELL = re.compile(r"([A-Z]+)([0-9]+)")


def _cell_order(cell: str | None) -> tuple[int, int]:
    """A spreadsheet cell as (row, column), so the problems of a sheet read row by row: ``C12`` -> (12, 3)."""
    found = _CELL.fullmatch(cell) if cell else None
    if found is None:
        return (0, 0)
    column = 0
    for letter in found[1]:
        column = column * 26 + ord(letter) - 64
    return (int(found[2]), column)


# --- pydantic errors -----------------------------------------------------------


def _translate(error: Any, positions: Positions, root: type[BaseModel] = Region, prefix: PathKey = ()) -> Finding:
    """One pydantic error (from ``errors(include_input=False)``) as a finding.

    ``root`` is the model that was validated (for "allowed here" lists);
    ``prefix`` is where that model's data sits in the file (for lines).
    """
    return Finding(_message(error, positions, root, prefix), _where(error, positions, prefix))


def _where(error: Any, positions: Positions, prefix: PathKey = ()) -> Location:
    loc: PathKey = (*prefix, *error["loc"])
    if error["type"] == "extra_forbidden":
        return positions.key(loc)
    if error["type"] == "missing":
        # Point at the mapping that lacks the field, but name the field.
        parent = positions.value(loc[:-1])
        return parent._replace(path=format_path(loc))
    return positions.value(loc)


def _message(error: Any, positions: Positions, root: type[BaseModel] = Region, prefix: PathKey = ()) -> Message:
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
        return Message("schema.expected_text_quote", {"raw": _clip(raw), "kind": read_as})
    hint = _indonesian_hint(kind, ctx, positions, (*prefix, *loc))
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
        return Message(_PATTERN_MESSAGES.get(str(last), "schema.pattern"), {})
    return Message("schema.invalid", {"detail": kind})


_THOUSANDS_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?")  # as YAML reads it unquoted: no leading zero
_RUPIAH = re.compile(r"(?i)(?:rp\.?\s*)?(\d+(?:[.,]\d+)*)\s*(ribu|rb|juta|jt|miliar|milyar|m)?\.?")
_RUPIAH_UNITS = {"ribu": 1_000, "rb": 1_000, "juta": 1_000_000, "jt": 1_000_000, "miliar": 10**9, "milyar": 10**9}
_YES_NO = {"ya": "true", "iya": "true", "benar": "true", "tidak": "false", "bukan": "false", "salah": "false"}


def _indonesian_hint(kind: str, ctx: dict[str, Any], positions: Positions, path: PathKey) -> Message | None:
    """The corrected value when a number, a yes/no or a choice is written as Indonesian writing has it.

    ``150.000.000`` and ``Rp 150 juta`` (write 150000000), ``"2027"`` (no
    quotes), ``1,5`` (write 1.5), ``Ya`` (write true), ``Desa`` (write desa):
    each its own message, with the value to write.
    """
    written = positions.text(path)
    if written is None:
        return None
    raw = written.strip()
    values = {"raw": _clip(raw)}
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
        if not positions.unquoted(path) and _PLAIN_NUMBER.fullmatch(raw):
            return Message("schema.hint_quoted_number", {**values, "plain": raw})
        if _THOUSANDS_DOTS.fullmatch(raw):
            return Message("schema.hint_thousands_dots", {**values, "plain": raw.replace(".", "")})
        if kind.startswith("float") and _DECIMAL_COMMA.fullmatch(raw):
            return Message("schema.hint_decimal_comma", {**values, "plain": raw.replace(",", ".")})
        rupiah = _rupiah(raw)
        if rupiah is not None:
            said = "schema.hint_rupiah" if raw.lower().startswith("rp") else "schema.hint_number_words"
            return Message(said, {**values, "plain": rupiah})
    if kind in ("bool_type", "bool_parsing") and raw.lower() in _YES_NO:
        return Message("schema.hint_yes_no", {**values, "plain": _YES_NO[raw.lower()]})
    if kind == "literal_error":
        choices = _choices(ctx.get("expected", "")).split(", ")
        lower = raw.strip("'\"").lower()
        if lower in choices and lower != raw:
            return Message("schema.hint_lower_case", {**values, "plain": lower})
    return None


def _rupiah(raw: str) -> str | None:
    """``Rp 150 juta``, ``Rp150.000.000``, ``1,5 miliar`` as a whole number of rupiah; None for anything else."""
    found = _RUPIAH.fullmatch(raw)
    if found is None or (not raw.lower().startswith("rp") and found[2] is None):
        return None
    digits, unit = found[1], (found[2] or "").lower()
    if _THOUSANDS_DOTS.fullmatch(digits):
        digits = digits.replace(".", "")
    number = float(digits.replace(",", ".")) if re.fullmatch(r"\d+(?:[.,]\d+)?", digits) else None
    if number is None:
        return None
    amount = number * _RUPIAH_UNITS.get(unit, 1)
    return str(int(amount)) if amount == int(amount) else None


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
    model = _model_in(current)
    return list(model.model_fields) if model is not None else []


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one step down a path: a model's field, a list's item, a mapping's value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field is not None else None
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _step(args[0], part)
    if origin in (typing.Union, types.UnionType):
        steps = (_step(arg, part) for arg in args if arg is not type(None))
        return next((found for found in steps if found is not None), None)
    if origin in (list, tuple) and isinstance(part, int):  # (the region's lists are read-only tuples)
        return args[0]
    if origin is dict:
        return args[1]
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _model_in(args[0])
    if origin in (typing.Union, types.UnionType):
        return next((m for m in map(_model_in, args) if m is not None), None)
    return None


# --- checks across fields -----------------------------------------------------------


def _cross_checks(
    data: dict[str, Any], positions: Positions, rules: RuleIds, errors: list[Finding], warnings: list[Finding]
) -> None:
    _check_firms(data.get("firms"), positions, errors, warnings)
    _check_unquoted_codes(data, positions, warnings)
    _check_code(data.get("region"), positions, errors, warnings)
    warnings.extend(area_warnings(data.get("region"), positions))
    _check_waivers(data.get("waivers"), positions, rules, errors, warnings)
    _check_verification(data.get("verification"), positions, rules, errors, warnings)


def _unknown_evidence(evidence: Any, positions: Positions, rules: RuleIds) -> tuple[UnknownEvidenceKey, ...]:
    """The ``evidence`` keys no rule of the set asks for (possible typos), each with its warning."""
    if not isinstance(evidence, dict):
        return ()
    return tuple(
        UnknownEvidenceKey(str(key), Finding(_evidence_key_message(str(key), rules), positions.key(("evidence", key))))
        for key in evidence
        if key not in rules.evidence_keys
    )


def _evidence_key_message(key: str, rules: RuleIds) -> Message:
    """Not a document of the set; "did you mean 'access_map'?" when one is spelled nearly the same."""
    close = difflib.get_close_matches(key, sorted(rules.evidence_keys), n=1, cutoff=0.6)
    if close:
        values = {"key": _clip(key), "set": rules.set_id, "suggestion": close[0]}
        return Message("warn.evidence_unknown_key_suggest", values)
    return Message("warn.evidence_unknown_key", {"key": _clip(key), "set": rules.set_id})


_NUMBER_LIKE = re.compile(r"^[0-9.]+$")


def _check_unquoted_codes(data: dict[str, Any], positions: Positions, warnings: list[Finding]) -> None:
    """Codes written without quotes that YAML 1.1 happens to keep as text.

    ``nib: 0123456789012`` is text to this tool (YAML 1.1 has no octal with
    8 or 9), but YAML 1.2 tools — editors using the exported JSON Schema —
    read a number and drop the zero. Quoting it makes every reader agree.
    """
    paths: list[PathKey] = [("region", "code"), ("product", "kbli")]
    firms = data.get("firms")
    if isinstance(firms, list):
        paths += [("firms", i, "nib") for i, firm in enumerate(firms) if isinstance(firm, dict) and "nib" in firm]
    for path in paths:
        value = _get(data, path)
        if isinstance(value, str) and _plain_stays_text(value) and positions.unquoted(path):
            warnings.append(Finding(Message("warn.unquoted_code", {"value": _clip(value)}), positions.value(path)))


def _plain_stays_text(value: str) -> bool:
    """Whether YAML 1.1 reads this digits-and-dots value, written without quotes, as text.

    Only such values can be unquoted and still reach here as text (a leading 0
    with an 8 or 9 is no octal; two dots are no float); every other one was
    quoted, so the node tree need not be consulted.
    """
    if not _NUMBER_LIKE.match(value):
        return False
    if "." in value:
        return value.count(".") >= 2
    return len(value) > 1 and value.startswith("0") and ("8" in value or "9" in value)


_ABSENT = object()


def _get(data: Any, path: PathKey, absent: Any = None) -> Any:
    """The value at ``path``, or ``absent`` when there is none."""
    for part in path:
        inside = (isinstance(part, str) and isinstance(data, dict) and part in data) or (
            isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)
        )
        if not inside:
            return absent
        data = data[part]
    return data


def _check_firms(firms: Any, positions: Positions, errors: list[Finding], warnings: list[Finding]) -> None:
    if not isinstance(firms, list):
        return
    entries = [(i, f) for i, f in enumerate(firms) if isinstance(f, dict)]
    first_seen: dict[str, int] = {}
    for i, firm in entries:
        name = firm.get("name")
        if not isinstance(name, str):
            continue
        path = ("firms", i, "name")
        if name in first_seen:
            first = positions.value(("firms", first_seen[name], "name"))
            if first.cell is not None:  # a firm of a spreadsheet: its row, not the region file's firms: line
                said = Message("sheet.duplicate_firm", {"name": _clip(name), "cell": first.cell})
            else:
                said = Message("check.duplicate_firm", {"name": _clip(name), "first_line": first.line or 0})
            errors.append(Finding(said, positions.value(path)))
        else:
            first_seen[name] = i  # its line is looked up only if a duplicate turns up
    champions = [f.get("name") for _, f in entries if f.get("role") == "champion" and isinstance(f.get("name"), str)]
    champion_set = set(champions)  # thousands of mentees against thousands of champions stay cheap
    for i, firm in entries:
        mentor = firm.get("mentor")
        role = firm.get("role")
        if role != "mentee":
            if mentor is not None and isinstance(role, str):
                warnings.append(
                    Finding(
                        Message("warn.mentor_ignored", {"role": _word("role", role)}),
                        positions.value(("firms", i, "mentor")),
                    )
                )
            continue
        if isinstance(mentor, str):
            if mentor not in champion_set:
                names = _clip(", ".join([*map(str, champions[:20]), *(["…"] if len(champions) > 20 else [])]), 200)
                names = names or "—"
                errors.append(
                    Finding(
                        Message("check.mentor_unknown", {"mentor": _clip(mentor), "champions": names}),
                        positions.value(("firms", i, "mentor")),
                    )
                )
        elif mentor is None and len(champions) >= 2:
            errors.append(
                Finding(Message("check.mentor_required", {"count": len(champions)}), positions.value(("firms", i)))
            )


def _word(kind: str, code: str) -> Message | str:
    """A code of the format (a role, a level) in the reader's language, when the catalogue has it."""
    key = f"{kind}.{code}"
    return Message(key, {}) if key in CATALOGUE else code


def _check_code(place: Any, positions: Positions, errors: list[Finding], warnings: list[Finding]) -> None:
    if not isinstance(place, dict):
        return
    code, level = place.get("code"), place.get("level")
    if not isinstance(code, str) or not _CODE.match(code) or level not in LEVELS:
        return
    where = positions.value(("region", "code"))
    village = code.count(".") == 3
    if level == "kecamatan" and village:
        errors.append(Finding(Message("check.code_kecamatan_shape", {"code": code}), where))
    elif level != "kecamatan" and not village:
        errors.append(
            Finding(Message("check.code_village_shape", {"code": code, "level": _word("level", level)}), where)
        )
    elif village:
        digit = code[-4]
        kind = {"1": "kelurahan", "2": "desa"}.get(digit)
        if kind is not None and kind != level:
            warnings.append(
                Finding(
                    Message(
                        "warn.code_village_kind",
                        {"code": code, "kind": _word("level", kind), "digit": digit, "level": _word("level", level)},
                    ),
                    where,
                )
            )


def _check_waivers(
    waivers: Any, positions: Positions, rules: RuleIds, errors: list[Finding], warnings: list[Finding]
) -> None:
    if not isinstance(waivers, list):
        return
    for i, waiver in enumerate(waivers):
        rule = waiver.get("rule") if isinstance(waiver, dict) else None
        if not isinstance(rule, str):
            continue
        where = positions.value(("waivers", i, "rule"))
        if rule in rules.active:
            continue
        if rules.is_known(rule):
            warnings.append(Finding(Message("warn.waiver_rule_unused", {"rule": rule, "set": rules.set_id}), where))
        else:
            known = ", ".join(rules.known_list())
            errors.append(Finding(Message("check.waiver_unknown_rule", {"rule": _clip(rule), "known": known}), where))


def _check_verification(
    entries: Any, positions: Positions, rules: RuleIds, errors: list[Finding], warnings: list[Finding]
) -> None:
    """Rule ids of ``verification[].criteria``, checked as a waiver's are (``all`` names every rule)."""
    if not isinstance(entries, list):
        return
    for i, entry in enumerate(entries):
        named = entry.get("criteria") if isinstance(entry, dict) else None
        if not isinstance(named, list):
            continue
        for j, rule in enumerate(named):
            if not isinstance(rule, str) or rule in rules.active:
                continue
            where = positions.value(("verification", i, "criteria", j))
            if rules.is_known(rule):
                warnings.append(
                    Finding(Message("warn.verification_rule_unused", {"rule": rule, "set": rules.set_id}), where)
                )
            else:
                known = ", ".join(rules.known_list())
                errors.append(
                    Finding(Message("check.verification_unknown_rule", {"rule": _clip(rule), "known": known}), where)
                )
