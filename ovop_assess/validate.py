"""Turn loaded YAML data into a :class:`~ovop_assess.region.Region`, or into findings.

All problems of a file are reported at once: the YAML loader's (duplicate
keys, refused tags), pydantic's (types, enums, unknown keys) and the checks
across fields (mentors, firm names, area code, waivers), each with a line.
Pydantic's own texts are never shown and its ValidationError is never turned
into a string (with aliased input that can take minutes): messages are
built from ``errors(include_input=False)`` through the catalogue.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from .region import Region
from .results import Finding, Location, Message
from .yaml_source import Loaded, PathKey, Positions, format_path

_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$")

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
}
_PATTERN_MESSAGES = {"nib": "schema.nib_format", "code": "schema.code_format", "kbli": "schema.kbli_format"}


@dataclass(frozen=True, slots=True)
class Validated:
    region: Region | None
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class RuleIds:
    """What the waiver and evidence checks need to know of the criteria set."""

    set_id: str
    active: Collection[str]
    is_known: Callable[[str], bool]
    known_list: Callable[[], list[str]]
    evidence_keys: Collection[str]


def validate(loaded: Loaded, rules: RuleIds) -> Validated:
    data, positions = loaded.data, loaded.positions
    errors = list(loaded.problems)
    warnings: list[Finding] = []
    if not isinstance(data, dict):
        errors.append(Finding(Message("schema.top_not_mapping", {}), positions.value(())))
        return Validated(None, tuple(errors), ())
    region: Region | None = None
    try:
        region = Region.model_validate(data)
    except ValidationError as exc:
        flagged = {f.location.path for f in errors if f.location is not None}
        for error in exc.errors(include_input=False):
            finding = _translate(error, positions)
            if finding.location is None or finding.location.path not in flagged:
                errors.append(finding)
    _cross_checks(data, positions, rules, errors, warnings)
    if errors:
        return Validated(None, tuple(_sorted(errors)), tuple(_sorted(warnings)))
    return Validated(region, (), tuple(_sorted(warnings)))


def _sorted(findings: list[Finding]) -> list[Finding]:
    def key(f: Finding) -> tuple[int, int, str]:
        loc = f.location
        return (loc.line or 0, loc.column or 0, loc.path) if loc else (0, 0, "")

    return sorted(findings, key=key)


# --- pydantic errors -----------------------------------------------------------


def _translate(error: Any, positions: Positions) -> Finding:
    loc: PathKey = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        return Finding(_unknown_key(loc), positions.key(loc))
    if kind == "missing":
        parent = positions.value(loc[:-1])
        return Finding(
            Message("schema.missing", {"field": str(last)}),
            Location(format_path(loc), parent.line, parent.column),
        )
    where = positions.value(loc)
    if kind == "string_type" and loc in positions.raw:
        raw, tag = positions.raw[loc]
        return Finding(Message("schema.expected_text_quote", {"raw": raw, "kind": Message(f"kind.{tag}", {})}), where)
    if kind in _TYPE_MESSAGES:
        return Finding(Message(_TYPE_MESSAGES[kind], {}), where)
    if kind == "literal_error":
        if loc == ("format",):
            return Finding(Message("schema.format_version", {}), where)
        return Finding(Message("schema.one_of", {"choices": _choices(ctx.get("expected", ""))}), where)
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt", ""))
        return Finding(Message("schema.too_small", {"limit": limit}), where)
    if kind in ("less_than_equal", "less_than"):
        return Finding(Message("schema.too_big", {"limit": ctx.get("le", ctx.get("lt", ""))}), where)
    if kind == "too_short":
        return Finding(Message("schema.too_small", {"limit": ctx.get("min_length", "")}), where)
    if kind == "string_pattern_mismatch":
        return Finding(Message(_PATTERN_MESSAGES.get(str(last), "schema.pattern"), {}), where)
    return Finding(Message("schema.invalid", {"detail": kind}), where)


def _choices(expected: str) -> str:
    # pydantic writes "'a', 'b' or 'c'"; analysts read "a, b, c".
    return ", ".join(re.findall(r"'([^']*)'", expected)) or expected


def _unknown_key(loc: PathKey) -> Message:
    key = str(loc[-1])
    allowed = _fields_at(loc[:-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return Message("schema.unknown_key_suggest", {"key": key, "suggestion": close[0]})
    return Message("schema.unknown_key", {"key": key, "allowed": ", ".join(allowed)})


def _fields_at(loc: PathKey) -> list[str]:
    """The field names allowed at a location, by walking the model classes."""
    model: Any = Region
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
        field = model.model_fields.get(part)
        if field is None:
            return []
        model = _model_in(field.annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is None:
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return None


# --- checks across fields -----------------------------------------------------------


def _cross_checks(
    data: dict[str, Any], positions: Positions, rules: RuleIds, errors: list[Finding], warnings: list[Finding]
) -> None:
    _check_firms(data.get("firms"), positions, errors, warnings)
    _check_code(data.get("region"), positions, errors, warnings)
    _check_waivers(data.get("waivers"), positions, rules, errors, warnings)
    evidence = data.get("evidence")
    if isinstance(evidence, dict):
        for key in evidence:
            if key not in rules.evidence_keys:
                warnings.append(
                    Finding(
                        Message("warn.evidence_unknown_key", {"key": key, "set": rules.set_id}),
                        positions.key(("evidence", key)),
                    )
                )


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
            errors.append(
                Finding(
                    Message("check.duplicate_firm", {"name": name, "first_line": first_seen[name]}),
                    positions.value(path),
                )
            )
        else:
            first_seen[name] = positions.value(path).line or 0
    champions = [f.get("name") for _, f in entries if f.get("role") == "champion" and isinstance(f.get("name"), str)]
    for i, firm in entries:
        mentor = firm.get("mentor")
        role = firm.get("role")
        if role != "mentee":
            if mentor is not None and isinstance(role, str):
                warnings.append(
                    Finding(Message("warn.mentor_ignored", {"role": role}), positions.value(("firms", i, "mentor")))
                )
            continue
        if isinstance(mentor, str):
            if mentor not in champions:
                names = ", ".join(str(c) for c in champions) or "—"
                errors.append(
                    Finding(
                        Message("check.mentor_unknown", {"mentor": mentor, "champions": names}),
                        positions.value(("firms", i, "mentor")),
                    )
                )
        elif mentor is None and len(champions) >= 2:
            errors.append(
                Finding(Message("check.mentor_required", {"count": len(champions)}), positions.value(("firms", i)))
            )


def _check_code(place: Any, positions: Positions, errors: list[Finding], warnings: list[Finding]) -> None:
    if not isinstance(place, dict):
        return
    code, level = place.get("code"), place.get("level")
    if not isinstance(code, str) or not _CODE.match(code) or level not in ("desa", "kelurahan", "kecamatan"):
        return
    where = positions.value(("region", "code"))
    village = code.count(".") == 3
    if level == "kecamatan" and village:
        errors.append(Finding(Message("check.code_kecamatan_shape", {"code": code}), where))
    elif level != "kecamatan" and not village:
        errors.append(Finding(Message("check.code_village_shape", {"code": code, "level": level}), where))
    elif village:
        digit = code[-4]
        kind = {"1": "kelurahan", "2": "desa"}.get(digit)
        if kind is not None and kind != level:
            warnings.append(
                Finding(
                    Message("warn.code_village_kind", {"code": code, "kind": kind, "digit": digit, "level": level}),
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
            errors.append(Finding(Message("check.waiver_unknown_rule", {"rule": rule, "known": known}), where))
