"""The catalogue: every message exists in both languages with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from ovop_assess import messages
from ovop_assess.results import Message

PACKAGE = Path(messages.__file__).parent


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(messages.CATALOGUE))
def test_both_languages_same_placeholders(key: str) -> None:
    entry = messages.CATALOGUE[key]
    assert set(entry) == {"en", "id"}, f"{key} must give exactly en and id"
    assert entry["en"].strip() and entry["id"].strip()
    assert _fields(entry["en"]) == _fields(entry["id"]), key


def _message_ids_in_code() -> set[str]:
    """String literals that look like message ids and are passed to Message/finding/msg/text."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            if (
                name in {"Message", "msg", "finding", "text"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and "." in first.value
            ):
                found.add(first.value)
    return found


def test_every_message_used_in_code_is_in_the_catalogue() -> None:
    missing = sorted(i for i in _message_ids_in_code() if i not in messages.CATALOGUE)
    assert not missing, f"message ids used in code but not in the catalogue: {missing}"


def test_render_fills_values_and_nested_messages() -> None:
    nested = Message("schema.expected_text_quote", {"raw": "no", "kind": Message("kind.bool", {})})
    assert (
        messages.render(nested, "en")
        == 'expected text, but YAML reads the unquoted no as true/false; write it in quotes: "no"'
    )
    assert "benar/salah" in messages.render(nested, "id")


def test_render_joins_tuples() -> None:
    assert messages.render(Message("c8.ok", {"modes": ("bus", "angkot")}), "en") == "Reached by bus, angkot."


def test_unknown_id_renders_as_id() -> None:
    assert messages.render(Message("no.such.id", {}), "en") == "no.such.id"


def test_register_requires_both_languages() -> None:
    with pytest.raises(ValueError, match="lacks language"):
        messages.register({"plugin.x": {"en": "only English"}})
