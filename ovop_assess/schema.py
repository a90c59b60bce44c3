"""The JSON Schema of the region format, generated from the pydantic models.

Editors use it through a ``# yaml-language-server: $schema=...`` line; other
validators use it directly. It says what the models say about types, enums,
patterns and unknown keys; checks across fields (mentors, unique firm names,
waiver rule ids) are the tool's own and not in the schema.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from . import __version__
from .region import Region


def region_schema() -> dict[str, Any]:
    schema = Region.model_json_schema(mode="validation")
    body = {k: v for k, v in schema.items() if k not in ("title", "description")}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "OVOP candidate region file (ovop-region/1)",
        "description": f"Region file for ovop-assess {__version__}: one candidate OVOP sentra.",
        **body,
    }


def region_schema_json() -> str:
    return json.dumps(region_schema(), ensure_ascii=False, indent=2) + "\n"


def region_template() -> str:
    """The commented region-file template that ``ovop-assess init`` writes."""
    return resources.files("ovop_assess").joinpath("data/region-template.yaml").read_text(encoding="utf-8")
