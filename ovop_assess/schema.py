"""The JSON Schema of the region format, generated from the pydantic models.

Editors use it through a ``# yaml-language-server: $schema=...`` line; other
validators use it directly. It says what the models say about types, enums,
patterns and unknown keys; checks across fields (mentors, unique firm names,
waiver and verification rule ids) are the tool's own and not in the schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from . import __version__
from .region import FirmSheet, Region


def region_schema() -> dict[str, Any]:
    schema = Region.model_json_schema(mode="validation")
    body = {k: v for k, v in schema.items() if k not in ("title", "description")}
    _firms_from_a_sheet(body)
    _describe(body, body, (), _template_notes())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "OVOP candidate region file (ovop-region/1)",
        "description": f"Region file for ovop-assess {__version__}: one candidate OVOP sentra.",
        **body,
    }


def _firms_from_a_sheet(body: dict[str, Any]) -> None:
    """``firms`` may also name a spreadsheet (``{file: …, sheet: …}``), read before the models see it."""
    sheet = FirmSheet.model_json_schema(mode="validation")
    body["$defs"]["FirmSheet"] = {k: v for k, v in sheet.items() if k != "description"}
    body["properties"]["firms"]["anyOf"].insert(1, {"$ref": "#/$defs/FirmSheet"})


# A field of the template, written or commented out: `  name: Nama Desa   # nama … / … name`.
_TEMPLATE_FIELD = re.compile(r"^(?P<indent> *)(?P<item>- )?(?P<key>[a-z_]+):[^#]*?\s#\s+(?P<note>\S.*)$")


def _template_notes() -> dict[tuple[str, ...], str]:
    """Each field's comment in the ``init`` template (Bahasa Indonesia / English), by field path.

    The template is the one place fields are explained in both languages;
    editors show the same words on hover through the schema's descriptions.
    """
    notes: dict[tuple[str, ...], str] = {}
    parents: list[tuple[int, str]] = []
    for line in region_template().splitlines():
        while line.lstrip().startswith("# "):  # a field commented out, at any depth
            at = line.index("#")
            line = line[:at] + line[at + 2 :]
        found = _TEMPLATE_FIELD.match(line)
        if found is None:
            continue
        indent = len(found["indent"]) + (2 if found["item"] else 0)
        while parents and parents[-1][0] >= indent:
            parents.pop()
        path = (*(key for _, key in parents), found["key"])
        notes.setdefault(path, found["note"].strip())
        parents.append((indent, found["key"]))
    return notes


def _describe(
    root: dict[str, Any], node: dict[str, Any], path: tuple[str, ...], notes: dict[tuple[str, ...], str]
) -> None:
    """Give each property under ``node`` its template note, following $ref into the models."""
    for name, prop in node.get("properties", {}).items():
        here = (*path, name)
        if here in notes:
            prop["description"] = notes[here]
        target = _model_of(root, prop)
        if target is not None:
            _describe(root, target, here, notes)


def _model_of(root: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any] | None:
    """The model schema a property holds: directly, as list items, or as one choice of anyOf."""
    for candidate in (prop, prop.get("items", {}), *prop.get("anyOf", [])):
        ref = candidate.get("$ref") or candidate.get("items", {}).get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            found: dict[str, Any] = root["$defs"][ref.rsplit("/", 1)[-1]]
            return found
    return None


def region_schema_json() -> str:
    return json.dumps(region_schema(), ensure_ascii=False, indent=2) + "\n"


def region_template(region: Mapping[str, str] | None = None) -> str:
    """The commented region-file template that ``ovop-assess init`` writes.

    With ``region`` (:func:`ovop_assess.areas.template_region`: name, level,
    code, district, city, province), those lines of ``region`` hold its values,
    their comments kept; a field it lacks (a kecamatan's district) stays as written.
    """
    template = resources.files("ovop_assess").joinpath("data/region-template.yaml").read_text(encoding="utf-8")
    if region is None:
        return template
    lines = template.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("region:"))
    sample = re.search(r'code: "([0-9.]+)"', template)
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.startswith("  "):
            break
        if sample and line.startswith("  #  ") and f"{sample[1]} =" in line:
            lines[i] = ""  # what the template's sample code names: not this file's area
            continue
        field = line.lstrip(" #").split(":", 1)[0]
        if field in region and not line.startswith("  #  "):
            comment = line[line.index("#", line.index(":")) :] if "#" in line[line.index(":") :] else "\n"
            setting = f"  {field}: {_yaml_text(region[field])}"
            lines[i] = f"{setting.ljust(32)} {comment}" if comment != "\n" else setting + "\n"
    return "".join(lines)


def _yaml_text(value: str) -> str:
    """``value`` as YAML reads it back as the same text: plain when it can be, else in double quotes."""
    import yaml

    plain = value if value.strip() == value and value else None
    if plain is not None and not plain.replace(".", "").isdigit():
        try:
            if yaml.safe_load(f"k: {plain}") == {"k": plain}:
                return plain
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def office_schema_json() -> str:
    """The JSON Schema of ``office.yaml`` (``ovop-assess schema --office``)."""
    from .office import office_schema

    return json.dumps(office_schema(), ensure_ascii=False, indent=2) + "\n"


def office_template() -> str:
    """The commented ``office.yaml`` template that ``ovop-assess init --office`` writes."""
    from .office import office_template as template

    return template()
