"""The catalogue: every message exists in both languages with the same placeholders, is used, and is
defined once, in the shared catalogue or in the one rule module that uses it."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

import pytest

from ovop_assess import messages
from ovop_assess import rules as registry
from ovop_assess.results import Message

PACKAGE = Path(messages.__file__).parents[1]
CATALOGUE_PACKAGE = Path(messages.__file__).parent

AREAS: list[ModuleType] = [
    importlib.import_module(f"ovop_assess.messages.{info.name}") for info in pkgutil.iter_modules(messages.__path__)
]
RULES: list[ModuleType] = list(registry._BUILTIN_MODULES)
SHARED: dict[str, dict[str, str]] = {key: entry for area in AREAS for key, entry in area.MESSAGES.items()}
EVERY_ENTRY: list[tuple[str, str, Mapping[str, str]]] = [
    (module.__name__.rsplit(".", 1)[1], key, entry)
    for module in [*AREAS, *RULES]
    for key, entry in module.MESSAGES.items()
]

# Ids that the code builds from a prefix and a value rather than writing them out. Each is listed
# here, under the piece of source that builds it (which must be in the package), so a value that is
# dropped from the code still shows up as an unused entry.
DYNAMIC: dict[str, set[str]] = {
    # cli/app.py: each command's help, by its name
    'h(f"help.cmd.{name}")': {
        f"help.cmd.{name}"
        for name in ("assess", "rules", "explain", "checklist", "round", "compare", "schema", "init", "import", "area")
    },
    # schema_errors.py, yaml_source/: what YAML read an unquoted value as
    'Message(f"kind.{': {"kind.bool", "kind.int", "kind.float", "kind.null", "kind.timestamp"},
    # messages.level_word: every level of a region and of the area table
    'Message(f"level.{level}"': {
        "level.desa",
        "level.kelurahan",
        "level.kecamatan",
        "level.kota",
        "level.kabupaten",
        "level.provinsi",
    },
    # cross_checks.py: _role_word(role)
    'key = f"role.{role}"': {"role.champion", "role.mentee", "role.member"},
    # rules/c1_resource_champion_mentees.py: _needed(...) words a requirement without the product's category
    'msg(f"{message_id}_any"': {"missing.c1.firms_any", "missing.c1.mentees_any"},
    # rules/c3_uniqueness.py
    'msg(f"aspect.{a}")': {"aspect.raw_material", "aspect.local_skill", "aspect.culture"},
    # rules/c5_management_body.py
    'msg(f"org.{o.type}")': {
        "org.paguyuban",
        "org.koperasi",
        "org.kub",
        "org.asosiasi",
        "org.kelompok_usaha",
        "org.other",
    },
    # rules/c7_local_raw_material.py
    'msg(f"source.{source}")': {"source.local", "source.regional", "source.national", "source.imported"},
    # sheets/limits.py: counted(suffix), how the row and cell limits count in each format read
    'Message(f"sheet.counted{suffix}"': {
        "sheet.counted.xlsx",
        "sheet.counted.xls",
        "sheet.counted.ods",
        "sheet.counted.csv",
    },
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(("where", "key", "entry"), EVERY_ENTRY, ids=[f"{w}:{k}" for w, k, _ in EVERY_ENTRY])
def test_both_languages_same_placeholders(where: str, key: str, entry: Mapping[str, str]) -> None:
    assert set(entry) == {"en", "id"}, f"{key} must give exactly en and id"
    assert entry["en"].strip() and entry["id"].strip()
    assert _fields(entry["en"]) == _fields(entry["id"]), key


def test_the_catalogue_is_the_areas_and_the_built_in_rules() -> None:
    rules = {key for module in RULES for key in module.MESSAGES}
    assert set(SHARED) | rules <= set(messages.CATALOGUE)
    assert all(messages.CATALOGUE[key] == entry for _, key, entry in EVERY_ENTRY)


def test_no_entry_is_defined_twice() -> None:
    """The areas and the built-in rules' MESSAGES are disjoint: merging them replaces nothing."""
    seen: dict[str, str] = {}
    twice = []
    for where, key, _ in EVERY_ENTRY:
        if key in seen:
            twice.append(f"{key} in {seen[key]} and {where}")
        seen.setdefault(key, where)
    assert not twice, twice


def _catalogue_nodes(tree: ast.Module) -> set[int]:
    """The ids of the nodes inside ``MESSAGES = {...}``: a definition is not a use."""
    inside: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign):
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == "MESSAGES" and value is not None:
            inside |= {id(n) for n in ast.walk(value)}
    return inside


def _package_source() -> tuple[set[str], str]:
    """Every string literal of the package outside the catalogue, and all its source text."""
    literals: set[str] = set()
    text = ""
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in (".py", ".j2") or path.is_relative_to(CATALOGUE_PACKAGE):
            continue
        source = path.read_text(encoding="utf-8")
        text += source
        if path.suffix == ".j2":
            literals |= {m.strip("\"'") for m in _quoted(source)}
            continue
        tree = ast.parse(source)
        skip = _catalogue_nodes(tree)
        literals |= {
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
        }
    return literals, text


def _quoted(source: str) -> list[str]:
    return re.findall(r"""["'][a-z0-9_.]+["']""", source)


def test_every_entry_is_used() -> None:
    literals, source = _package_source()
    source += Path(messages.__file__).read_text(encoding="utf-8")  # its functions build ids too (level_word)
    for piece, ids in DYNAMIC.items():
        assert piece in source, f"no code builds {sorted(ids)} any more ({piece!r} not found): remove them"
        assert ids <= set(messages.CATALOGUE), sorted(ids - set(messages.CATALOGUE))
    dynamic = set().union(*DYNAMIC.values())
    unused = sorted(key for _, key, _ in EVERY_ENTRY if key not in literals and key not in dynamic)
    assert not unused, f"catalogue entries no code uses: {unused}"


def test_the_entries_the_review_found_unused_are_gone() -> None:
    for key in ("cli.no_files", "checklist.level", "checklist.legend"):
        assert key not in messages.CATALOGUE


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


@pytest.mark.parametrize("key", ["file.not_found", "c1.ok", "help.app"])
def test_register_never_replaces_an_entry(key: str) -> None:
    before = dict(messages.CATALOGUE[key])
    with pytest.raises(messages.MessageConflict) as caught:
        messages.register({"plugin.fresh_one": {"en": "new", "id": "baru"}, key: {"en": "other", "id": "lain"}})
    assert caught.value.message_id == key and key in str(caught.value)
    assert messages.CATALOGUE[key] == before
    assert "plugin.fresh_one" not in messages.CATALOGUE  # all or nothing


def test_register_adds_and_may_give_the_same_entry_again() -> None:
    entry = {"en": "{n} added", "id": "{n} ditambahkan"}
    messages.register({"test_messages.added": entry})
    messages.register({"test_messages.added": dict(entry)})  # a plugin loaded again: nothing changes
    assert messages.text("test_messages.added", "id", n=2) == "2 ditambahkan"
    del messages.CATALOGUE["test_messages.added"]


def _fresh_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout


def test_importing_the_catalogue_imports_no_rule() -> None:
    """Cold start: commands that never run a rule (schema, init, --help) do not load the rules."""
    out = _fresh_python(
        "import sys, ovop_assess.messages as m; m.text('help.app');"
        "print(sorted(n for n in sys.modules if n.startswith('ovop_assess.rules')))"
    )
    assert out.strip() == "[]"


def test_a_rule_message_renders_before_anything_imported_the_rules() -> None:
    out = _fresh_python(
        "from ovop_assess.messages import text;"
        "print(text('c8.ok', 'id', modes=('bus',))); print(text('missing.c1.firms_any', count=2))"
    )
    assert out.splitlines()[0] == "Dapat dicapai dengan bus."
    assert out.splitlines()[1].startswith("list the sentra's firms: a champion")


def test_spawned_workers_know_the_rules_messages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Where fork is missing, workers start fresh: the rules' sentences must be there all the same."""
    import datetime
    import multiprocessing

    from ovop_assess import batch, criteria_sets
    from ovop_assess.yaml_source import Limits

    example = PACKAGE.parent / "examples" / "regions" / "kauman-batik.yaml"
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    results = list(
        batch.iter_assess(
            [example, example],
            criteria_sets.load("default"),
            as_of=datetime.date(2026, 11, 28),
            limits=Limits(),
            jobs=2,
        )
    )
    assert [r.verdict.value for r in results] == ["eligible", "eligible"]
    reasons = [f.message for r in results for c in r.criteria for f in c.reasons]
    assert reasons and all(m.id in messages.CATALOGUE for m in reasons)


def test_every_status_verdict_and_assurance_has_its_words() -> None:
    """The enums word themselves (``Status.message`` …): each value's id is in the catalogue."""
    from ovop_assess.results import Assurance, Status, Verdict

    words = [
        *(s.message for s in Status),
        *(v.message for v in Verdict),
        *(a.message for a in Assurance),
        *(a.short_message for a in Assurance),
    ]
    assert all(message.id in messages.CATALOGUE for message in words)
    assert [message.id for message in words[:2]] == ["status.pass", "status.fail"]
    assert Verdict.NOT_ELIGIBLE.message.id == "verdict.not_eligible"
