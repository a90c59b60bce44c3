"""``schema`` and ``init``: the JSON Schema agrees with the tool; the template is a valid, incomplete region."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_text
from ovop_assess.cli.main import main
from ovop_assess.results import Verdict
from ovop_assess.schema import region_schema, region_template

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "regions").glob("*.yaml"))
AS_OF = datetime.date(2026, 11, 28)


def as_json(value: Any) -> Any:
    """YAML data as a JSON validator sees it (dates become ISO text)."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = region_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_schema_accepts_every_example(example: Path, validator: jsonschema.protocols.Validator) -> None:
    data = as_json(yaml.safe_load(example.read_text(encoding="utf-8")))
    errors = [e.message for e in validator.iter_errors(data)]
    assert not errors


@pytest.mark.parametrize(
    "mutation",
    [
        {"firms": [{"name": "A", "role": "boss"}]},
        {"firms": [{"name": "A", "role": "member", "nib": 1234567890123}]},
        {"firms": [{"name": "A", "role": "member", "workers": -1}]},
        {"organisations": []},
        {"format": "ovop-region/2"},
        {"access": {"public_transport": "bus"}},
        {"spatial_plan": {"conforms": "yes"}},
    ],
)
def test_schema_rejects_what_the_tool_rejects(
    mutation: dict[str, Any], validator: jsonschema.protocols.Validator
) -> None:
    data = {"format": "ovop-region/1", "region": {"name": "X", "level": "desa", "city": "C", "province": "P"}}
    data.update(mutation)
    assert list(validator.iter_errors(data)), "schema accepted it"
    result = assess_text(yaml.safe_dump(data), criteria_sets.load("default"), as_of=AS_OF)
    assert result.verdict is Verdict.INVALID, "tool accepted it"


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema") and "firms" in schema["properties"]


def test_every_field_of_the_schema_is_described_in_both_languages() -> None:
    """Editors show a field's description on hover: the template's bilingual comment for that field."""
    schema = region_schema()
    models = [("", schema), *schema["$defs"].items()]
    undescribed = [
        f"{model}.{name}"
        for model, body in models
        for name, prop in body.get("properties", {}).items()
        if " / " not in prop.get("description", "")
    ]
    assert undescribed == []
    firm = schema["$defs"]["Firm"]["properties"]
    assert firm["nib"]["description"] == "NIB 13 angka, dalam tanda kutip / 13-digit NIB, in quotes"


def test_template_is_valid_and_incomplete() -> None:
    result = assess_text(region_template(), criteria_sets.load("default"), as_of=AS_OF)
    assert result.verdict is Verdict.INCOMPLETE


def test_template_uncommented_is_valid() -> None:
    """Uncommenting every commented-out field gives a valid region file: the template's examples are right."""
    lines = []
    for line in region_template().splitlines():
        match = re.match(r"^# (\s*(?:- )?[a-z_]+:.*)$", line)
        lines.append(match.group(1) if match else line)
    result = assess_text("\n".join(lines) + "\n", criteria_sets.load("default"), as_of=AS_OF)
    assert result.verdict is not Verdict.INVALID, [str(e) for e in result.errors]


def test_template_comments_every_field_in_both_languages() -> None:
    for line in region_template().splitlines():
        field = re.match(r"^#?\s*(?:- )?([a-z_]+):", line)
        if field is None or field.group(1) in ("code",):
            continue
        comment = line.split("#", 2)[-1] if line.startswith("#") else line.split("#", 1)[-1]
        assert "#" in line and "/" in comment, f"field {field.group(1)} lacks a bilingual comment: {line}"


def test_init_writes_and_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "region.yaml"
    assert main(["init", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == region_template()
    target.write_text("mine", encoding="utf-8")
    assert main(["init", str(target)]) == 2
    assert "--force" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "mine"
    assert main(["init", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == region_template()
