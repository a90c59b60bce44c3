"""Structure rules the code keeps, checked on its syntax tree.

Message ids are only text: renaming one in the catalogue must never change
a status, a score, a verdict or an exit code. So no code outside the
message catalogue (``ovop_assess/messages.py``) and the renderers
(``ovop_assess/render/``) decides anything from a message id. The check
reads every other module of the package and of the example plugin and
fails on:

- a comparison (``==``, ``!=``, ``in``, ``not in``, ``is``) or a
  ``match`` with a message id on either side;
- a ``startswith``/``endswith`` call on a message id, or with a
  message-id string as its argument.

A *message id* there is

- an attribute ``.id`` of ``.message`` or of a variable named ``message``
  or ``msg`` (``finding.message.id``, ``message.id``);
- a string literal that is a catalogue id, or the start of one up to a dot
  or an underscore (``"c8.too_far"``, ``"c1.mentees_short"``, ``"waiver."``),
  alone or inside a literal tuple, list or set;
- a module-level name bound to such literals (``_DROPPED = frozenset({...})``).

Other ``.id`` attributes (rule ids: ``rule.id == "C2"``, criteria set ids)
are not message ids and are not flagged. Looking a message up in the
catalogue (``CATALOGUE.get(message.id)``) is not a decision on it either.
Out of reach of a syntax check: a Message held in a variable of another
name (``m.id``); code reviews keep those out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovop_assess import messages
from ovop_assess import rules as registry

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ovop_assess"
#: Where deciding on a message id is the job: the catalogue and the renderers.
ALLOWED = (PACKAGE / "messages.py", PACKAGE / "render")
SCANNED = (PACKAGE, ROOT / "examples" / "plugin" / "src")

_MESSAGE_NAMES = frozenset({"message", "msg"})
_PREFIX_CALLS = frozenset({"startswith", "endswith"})


def _catalogue_ids() -> frozenset[str]:
    registry.known_ids()  # loads every rule, so that their MESSAGES are in the catalogue
    return frozenset(messages.CATALOGUE)


class MessageIdDecisions(ast.NodeVisitor):
    """Collects ``(line, source)`` of each decision taken on a message id in one module."""

    def __init__(self, ids: frozenset[str], source: str) -> None:
        self._ids = ids
        self._source = source
        self._id_collections: set[str] = set()
        self.found: list[tuple[int, str]] = []

    def check(self, tree: ast.Module) -> list[tuple[int, str]]:
        for statement in tree.body:  # module-level names bound to message-id literals
            if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
                literals = [n for n in ast.walk(statement.value) if isinstance(n, ast.Constant)]
                if literals and all(self._is_id_text(n.value) for n in literals):
                    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                    self._id_collections.update(t.id for t in targets if isinstance(t, ast.Name))
        self.visit(tree)
        return self.found

    def _is_id_text(self, value: object) -> bool:
        if not isinstance(value, str) or "." not in value:
            return False
        if value in self._ids:
            return True
        return any(i.startswith(value) and (value[-1] in "._" or i[len(value)] in "._") for i in self._ids)

    def _is_message_id(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Attribute) and node.attr == "id":
            owner = node.value
            return (isinstance(owner, ast.Attribute) and owner.attr == "message") or (
                isinstance(owner, ast.Name) and owner.id in _MESSAGE_NAMES
            )
        if isinstance(node, ast.Constant):
            return self._is_id_text(node.value)
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            return any(self._is_message_id(item) for item in node.elts)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("frozenset", "set"):
            return any(self._is_message_id(arg) for arg in node.args)
        return isinstance(node, ast.Name) and node.id in self._id_collections

    def _flag(self, node: ast.AST) -> None:
        self.found.append((getattr(node, "lineno", 0), ast.get_source_segment(self._source, node) or ""))

    def visit_Compare(self, node: ast.Compare) -> None:
        if any(self._is_message_id(operand) for operand in (node.left, *node.comparators)):
            self._flag(node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in _PREFIX_CALLS
            and any(self._is_message_id(part) for part in (func.value, *node.args))
        ):
            self._flag(node)
        self.generic_visit(node)

    def visit_Match(self, node: ast.Match) -> None:
        values = [p.value for case in node.cases for p in ast.walk(case.pattern) if isinstance(p, ast.MatchValue)]
        if self._is_message_id(node.subject) or any(self._is_message_id(v) for v in values):
            self._flag(node)
        self.generic_visit(node)


def decisions_in(source: str, ids: frozenset[str]) -> list[tuple[int, str]]:
    return MessageIdDecisions(ids, source).check(ast.parse(source))


def _modules() -> Iterator[Path]:
    for top in SCANNED:
        for path in sorted(top.rglob("*.py")):
            if not any(path == allowed or allowed in path.parents for allowed in ALLOWED):
                yield path


def test_no_decision_on_a_message_id_outside_the_catalogue_and_the_renderers() -> None:
    ids = _catalogue_ids()
    modules = list(_modules())
    assert PACKAGE / "validate.py" in modules and PACKAGE / "checklist.py" in modules
    found = [
        f"{path.relative_to(ROOT)}:{line}: {code}"
        for path in modules
        for line, code in decisions_in(path.read_text(encoding="utf-8"), ids)
    ]
    assert found == [], "decisions taken on message ids:\n" + "\n".join(found)


# The check itself: it catches what the code once did, and leaves rule ids and catalogue lookups alone.


@pytest.mark.parametrize(
    "code",
    [
        'score = ratio if failed[0].message.id.startswith("c1.mentees_short") else 0.0',
        'if failed and failed[0].message.id == "c8.too_far": pass',
        "flagged = {f.location.path for f in problems if f.message.id in _DROPPED}",
        '_DROPPED = frozenset({"yaml.tag_not_allowed", "yaml.octal_number"})\nok = x in _DROPPED',
        'reasons = tuple(r for r in reasons if r.message.id not in {"waiver.applied", "waiver.applied_by"})',
        '_KEY = "warn.evidence_unknown_key"\nwarnings = [w for w in ws if w.message.id != _KEY]',
        "if message.id == key: pass",
        'if exc.findings[0].message.id == "file.not_found": pass',
        'if text == "c8.too_far": pass',
        'if name.startswith("waiver."): pass',
        'match finding.message.id:\n    case "c8.empty": pass',
    ],
)
def test_the_check_finds_decisions_on_message_ids(code: str) -> None:
    assert decisions_in(code, _catalogue_ids()), code


@pytest.mark.parametrize(
    "code",
    [
        'c2 = next(c for c in criteria if c.id == "C2")',
        "if spec.id in BUILTIN: pass",
        "entry = CATALOGUE.get(message.id)",
        'label = f"{finding.message.id}: {text}"',
        'if path.endswith((".yaml", ".yml")): pass',
        'if status == "pass": pass',
        "if criterion.status is Status.ERROR: pass",
    ],
)
def test_the_check_leaves_other_ids_alone(code: str) -> None:
    assert decisions_in(code, _catalogue_ids()) == [], code


# --- module size: a module a newcomer can read in one sitting ---------------------------------------

MAX_MODULE_LINES = 500
#: Not code a reader follows: the sentences in two languages, and the generated area dataset.
SIZE_EXEMPT = (PACKAGE / "messages", PACKAGE / "area_dataset.py")


def _too_long() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if any(path == exempt or exempt in path.parents for exempt in SIZE_EXEMPT):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(ROOT)}: {lines} lines")
    return found


def test_no_module_is_over_500_lines() -> None:
    assert PACKAGE / "validate.py" in set(PACKAGE.rglob("*.py"))
    assert _too_long() == [], "split these by concern:\n" + "\n".join(_too_long())
