"""Read a YAML file into plain data plus the line of every value, within limits.

libyaml (PyYAML's C parser) composes the node tree; one pass over that tree
then builds the Python data and records where each value and key sits.
That single pass is what keeps loading close to the cost of a bare
``yaml.load(..., CSafeLoader)`` while still giving every error a line.

The same pass enforces the limits that keep hostile files cheap:
aliases are expanded (never shared), each expansion counts towards
``max_nodes``, and nesting is bounded by ``max_depth``. Before the tree is
composed, a text that is large or bracket-heavy is first walked as libyaml's
event stream (iterative and cheap), which refuses deep nesting (libyaml's
composer recurses in C, and a few ten thousand levels crash the process)
and too many values (composing a flat 1 MB list alone takes seconds) early.
Tags other than YAML's standard scalar/collection tags are refused, so no
tag can ever build a Python object.
"""

from __future__ import annotations

import os
import re
import stat
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, cast

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .results import Finding, Location, Message

try:
    from yaml import CSafeLoader as _Loader

    _BYTE_OFFSETS = True  # libyaml places reader errors at byte offsets into the UTF-8 text
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _BYTE_OFFSETS = False  # PyYAML's reader at character indexes

PathKey = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = frozenset("tag:yaml.org,2002:" + kind for kind in ("int", "float", "bool", "null", "timestamp"))
_NULL = "tag:yaml.org,2002:null"
_YAML_TAG = "tag:yaml.org,2002:"
_BRACKETS = re.compile(r"[\[\]{}]")
# Texts above this size are walked as an event stream before composing (see _precheck).
_PRECHECK_ABOVE = 16_384
# libyaml (0.2.5+) refuses nesting deeper than this itself, with a syntax error.
_LIBYAML_MAX_DEPTH = 1000

_TAGS_KEPT = 4096
_resolve = cast(Callable[[Any, type[Node], str, Any], str], _Loader.resolve)


class _Composer(_Loader):
    """The composer, with a quicker way to tag each node.

    libyaml's composer calls back into Python for every node to learn its
    tag: a run of regular expressions for a scalar, two path-resolver hooks
    around each collection. Safe loading has no path resolvers, so a
    scalar's tag depends on its text alone, and only for plain (unquoted)
    scalars whose first character can start a YAML 1.1 number, boolean,
    null, date or merge key; every other scalar is text. Those few are looked
    up once and remembered, since they repeat across a batch ("name", "true",
    "mentee"): at most 4,096 short values (about half a megabyte), emptied
    when full. About a sixth of composing time goes.
    """

    _tags: ClassVar[dict[str, str]] = {}
    _starts: ClassVar[frozenset[str | None]] = frozenset(_Loader.yaml_implicit_resolvers)

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is not ScalarNode:
            return _SEQ if kind is SequenceNode else _MAP
        if not implicit[0] or (value and value[0] not in self._starts):
            return _STR
        tag = self._tags.get(value)
        if tag is None:
            tag = _resolve(self, kind, value, implicit)
            if len(value) <= 64:
                if len(self._tags) >= _TAGS_KEPT:  # bounded whatever the files hold; the common ones return
                    self._tags.clear()
                self._tags[value] = tag
        return tag

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


# Shortcuts above assume what safe loading guarantees: no path resolvers, no wildcard resolvers.
assert not _Loader.yaml_path_resolvers and None not in _Loader.yaml_implicit_resolvers


class Limits(NamedTuple):
    """What one file may cost. Region files are a few kilobytes; these leave ample room."""

    max_bytes: int = 1_048_576
    max_depth: int = 32
    max_nodes: int = 50_000


# Line ends for YAML 1.1 (and so libyaml) but not for editors, which count only CR, LF and CRLF.
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
_EDITOR_BREAK = re.compile(r"\r\n?|\n")
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_EDITOR_BREAK_BYTES = re.compile(rb"\r\n?|\n")
_YAML_BREAKS = ("\n", "\r", *_YAML_ONLY_BREAKS)


class Marks:
    """Line and column of libyaml's marks as an editor counts them (1-based).

    libyaml counts NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line ends,
    as YAML 1.1 says; editors, ``grep -n`` and CI annotations do not. In a
    text holding one of them the line is recomputed from the mark's
    character index; every other text keeps libyaml's line, at no cost.
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts: list[int] | None = None
        if any(char in text for char in _YAML_ONLY_BREAKS):
            self._starts = [0, *(match.end() for match in _EDITOR_BREAK.finditer(text))]

    @property
    def recounts(self) -> bool:
        """Whether the text holds a line end that only YAML counts."""
        return self._starts is not None

    def line_column(self, mark: Any) -> tuple[int, int]:
        if self._starts is None:
            return mark.line + 1, mark.column + 1
        return self.at_index(mark.index)

    def at_index(self, index: int) -> tuple[int, int]:
        """Line and column of a character index (a text that :attr:`recounts` only)."""
        starts = self._starts or [0]
        line = bisect_right(starts, index) - 1
        return line + 1, index - starts[line] + 1

    def location(self, path: str, mark: Any) -> Location:
        if mark is None:
            return Location(path, None, None)
        line, column = self.line_column(mark)
        return Location(path, line, column)


_LIBYAML_MARKS = Marks("")  # libyaml's own lines: for callers that have no text


class Positions:
    """Where each value and mapping key of the document sits (1-based), looked up on demand.

    The loader keeps libyaml's composed node tree instead of recording a
    position for every value: a file has hundreds of values and its
    findings name a dozen, so walking the tree for those few is far cheaper
    than a table of all of them. A path that does not exist (a missing
    field) is located at its deepest existing parent.
    """

    __slots__ = ("_indexes", "_marks", "_root")

    def __init__(self, root: Node | None = None, marks: Marks = _LIBYAML_MARKS) -> None:
        self._root = root
        self._marks = marks
        # Keys of the large mappings looked into: a file with thousands of unknown keys
        # has a finding for each, and scanning the mapping for each would be quadratic.
        self._indexes: dict[int, dict[str, tuple[Node, Node]]] = {}

    def value(self, path: PathKey) -> Location:
        node, _ = self._find(path)
        return self._location(path, node)

    def key(self, path: PathKey) -> Location:
        node, key_node = self._find(path)
        return self._location(path, key_node if key_node is not None else node)

    def _location(self, path: PathKey, node: Node | None) -> Location:
        return self._marks.location(format_path(path), node.start_mark if node is not None else None)

    def raw(self, path: PathKey) -> tuple[str, str] | None:
        """A plain scalar that YAML resolved to something other than text: its spelling and kind.

        Lets errors say "YAML reads the unquoted `no` as true/false".
        """
        node, _ = self._find(path, exact=True)
        if isinstance(node, ScalarNode) and node.tag != _STR and not node.style and node.tag in _SCALAR_TAGS:
            return node.value, _short(node.tag)
        return None

    def text(self, path: PathKey) -> str | None:
        """The text of the scalar at ``path`` as written, or None."""
        node, _ = self._find(path, exact=True)
        return node.value if isinstance(node, ScalarNode) else None

    def unquoted(self, path: PathKey) -> bool:
        """Whether the value at ``path`` is written as a plain (unquoted) scalar."""
        node, _ = self._find(path, exact=True)
        return isinstance(node, ScalarNode) and not node.style

    def _find(self, path: PathKey, exact: bool = False) -> tuple[Node | None, Node | None]:
        """The node at ``path`` (or its deepest existing parent) and, for a mapping entry, its key node."""
        node, key_node = self._root, None
        for part in path:
            child: tuple[Node, Node | None] | None = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                child = self._entry(node, part)
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child = (node.value[part], None)
            if child is None:
                return (None, None) if exact else (node, None)
            node, key_node = child
        return node, key_node

    def _entry(self, mapping: MappingNode, key: str, depth: int = 0) -> tuple[Node, Node | None] | None:
        """``key`` in ``mapping``, then in the mappings it merges (each looked up the same way)."""
        if len(mapping.value) <= _INDEX_ABOVE:
            found = _written_entry(mapping, key)
        else:
            index = self._indexes.get(id(mapping))
            if index is None:
                index = self._indexes[id(mapping)] = {
                    key_node.value: (value_node, key_node)
                    for key_node, value_node in mapping.value
                    if isinstance(key_node, ScalarNode) and key_node.tag == _STR
                }
            found = index.get(key)
        if found is not None or depth > 32:
            return found
        for source in _merge_sources_of(mapping):
            if (hit := self._entry(source, key, depth + 1)) is not None:
                return hit
        return None


_INDEX_ABOVE = 16  # keys; smaller mappings are scanned


def _written_entry(mapping: MappingNode, key: str) -> tuple[Node, Node | None] | None:
    """The value (and key) node of ``key`` as written in ``mapping``: the last one wins."""
    found: tuple[Node, Node | None] | None = None
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.tag == _STR and key_node.value == key:
            found = (value_node, key_node)
    return found


def _merge_sources_of(mapping: MappingNode) -> Iterator[MappingNode]:
    """The mappings ``mapping`` merges with ``<<``, in the loader's order of precedence."""
    for key_node, value_node in mapping.value:
        if key_node.tag == _MERGE:
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            yield from (source for source in sources if isinstance(source, MappingNode))


def format_path(path: PathKey) -> str:
    """``("firms", 3, "role")`` -> ``firms[3].role``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class Loaded(NamedTuple):
    data: Any
    positions: Positions
    problems: tuple[Finding, ...]  # problems that still let the data be checked further


class LoadError(Exception):
    """The file cannot be turned into data at all; ``findings`` says why and where."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message.id if findings else "load error")
        self.findings = findings


class _Abort(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message.id)
        self.finding = finding


class _Builder:
    """One pass over the composed node tree: the data and the problems (positions are looked up later)."""

    def __init__(self, limits: Limits, marks: Marks) -> None:
        self._limits = limits
        self._marks = marks
        self._open: set[int] = set()  # the collections being built: one met again is a recursive alias
        self._chars = 0  # text of the scalars built so far, aliases expanded
        self._count = 0
        self.problems: list[Finding] = []
        constructor = SafeConstructor()
        self._int = constructor.construct_yaml_int
        self._scalars: dict[str, Callable[[ScalarNode], Any]] = {
            "tag:yaml.org,2002:int": self._construct_int,
            "tag:yaml.org,2002:float": constructor.construct_yaml_float,
            "tag:yaml.org,2002:bool": constructor.construct_yaml_bool,
            "tag:yaml.org,2002:null": constructor.construct_yaml_null,
            "tag:yaml.org,2002:timestamp": constructor.construct_yaml_timestamp,
        }

    def _at(self, node: Node, path: PathKey) -> Location:
        return self._marks.location(format_path(path), node.start_mark)

    def build(self, node: Node, path: PathKey, depth: int) -> Any:
        self._count += 1
        if self._count > self._limits.max_nodes:
            raise _Abort(
                Finding(
                    Message("yaml.too_many_nodes", {"limit": self._limits.max_nodes}),
                    self._at(node, path),
                )
            )
        if depth > self._limits.max_depth:
            raise _Abort(Finding(Message("yaml.too_deep", {"limit": self._limits.max_depth}), self._at(node, path)))
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if node.tag != (_SEQ if isinstance(node, SequenceNode) else _MAP):
            return self._bad_tag(node, path)
        if id(node) in self._open:
            return self._recursive(node, path)
        self._open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
            return self._mapping(cast(MappingNode, node), path, depth)
        finally:
            self._open.discard(id(node))

    def _recursive(self, node: Node, path: PathKey) -> None:
        """An alias inside the very list or mapping it names: expanding it would never end."""
        self.problems.append(Finding(Message("yaml.recursive_alias", {}), self._at(node, path)))
        return None

    def _scalar(self, node: ScalarNode, path: PathKey) -> Any:
        # Text an alias repeats counts each time: 400 aliases of a 900 KB value would make a
        # 360 MB report from a 1 MB file. A file without aliases holds at most max_bytes.
        self._chars += len(node.value)
        if self._chars > self._limits.max_bytes:
            raise _Abort(
                Finding(Message("yaml.expanded_too_large", {"limit": self._limits.max_bytes}), self._at(node, path))
            )
        tag = node.tag
        if tag == _STR:
            return node.value
        make = self._scalars.get(tag)
        if make is None:
            return self._bad_tag(node, path)
        try:
            value = make(node)
        except Exception:  # any value a constructor cannot read (`!!bool maybe`, `!!int ''`)
            kind = Message(f"kind.{_short(tag)}", {})
            self.problems.append(
                Finding(
                    Message("yaml.bad_scalar_kind", {"value": _clip(node.value), "kind": kind}), self._at(node, path)
                )
            )
            return None
        if tag in _NUMBER_TAGS and not node.style and not (node.value.isdigit() and node.value[0] != "0"):
            surprise = _yaml11_number(node.value, value)
            if surprise is not None:  # the number YAML 1.1 reads is not the one written
                self.problems.append(Finding(surprise, self._at(node, path)))
                return None
        return value

    def _construct_int(self, node: ScalarNode) -> Any:
        # Plain decimal (the common case) directly; YAML 1.1's octal, hex, 1_000, 1:30 via PyYAML.
        text = node.value
        if text.isascii() and text.isdigit() and (text[0] != "0" or text == "0"):
            return int(text)
        return self._int(node)

    def _bad_tag(self, node: Node, path: PathKey) -> None:
        tag = "!!" + node.tag[len(_YAML_TAG) :] if node.tag.startswith(_YAML_TAG) else node.tag
        self.problems.append(Finding(Message("yaml.tag_not_allowed", {"tag": _clip(tag)}), self._at(node, path)))
        return None

    def _mapping(self, node: MappingNode, path: PathKey, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        # Merge sources first: a key written in this mapping wins over a merged one, and
        # building it afterwards lets its position overwrite the merged key's position too.
        # Among several sources the first wins, so they are built last to first.
        merges = [value_node for key_node, value_node in node.value if key_node.tag == _MERGE]
        merged: list[dict[Any, Any]] = []
        for merge in merges:
            merged.extend(self._merge_sources(merge, path, depth))
        for source in merged:
            for key, value in source.items():
                result.setdefault(key, value)
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                continue
            key = self._key(key_node, path)
            if key is None:
                continue
            child = (*path, key)
            first = seen.setdefault(key, key_node)
            if first is not key_node:
                first_line = self._marks.line_column(first.start_mark)[0]
                self.problems.append(
                    Finding(
                        Message("yaml.duplicate_key", {"key": _clip(key), "first_line": first_line}),
                        self._at(key_node, child),
                    )
                )
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _key(self, key_node: Node, path: PathKey) -> str | None:
        if isinstance(key_node, ScalarNode) and key_node.tag == _STR:
            return str(key_node.value)
        if isinstance(key_node, ScalarNode):
            text = str(key_node.value) or "~"
            where = self._at(key_node, (*path, text))
        else:
            text = "[…]" if isinstance(key_node, SequenceNode) else "{…}"
            where = self._at(key_node, path)
        self.problems.append(Finding(Message("yaml.key_not_text", {"key": _clip(text)}), where))
        return None

    def _merge_sources(self, node: Node, path: PathKey, depth: int) -> list[dict[Any, Any]]:
        """The mappings a ``<<`` key merges, in order of precedence (built last to first)."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        mappings: list[MappingNode] = []
        for source in sources:
            if isinstance(source, MappingNode):
                mappings.append(source)
            else:
                self.problems.append(Finding(Message("yaml.bad_merge", {}), self._at(source, path)))
        out: list[dict[Any, Any]] = []
        for source in reversed(mappings):
            # Each merged mapping counts as a value, even an empty one: merges of merges
            # of empty mappings add no values and would otherwise grow without limit.
            self._count += 1
            if self._count > self._limits.max_nodes:
                raise _Abort(
                    Finding(Message("yaml.too_many_nodes", {"limit": self._limits.max_nodes}), self._at(source, path))
                )
            if id(source) in self._open:
                self._recursive(source, path)
                continue
            self._open.add(id(source))
            try:
                out.append(self._mapping(source, path, depth))
            finally:
                self._open.discard(id(source))
        out.reverse()
        return out


_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})


def _yaml11_number(text: str, value: Any) -> Message | None:
    """Why an unquoted number means something else in YAML 1.1 than it looks, or None.

    ``01750`` is octal (1000), ``1:30`` base 60 (90), ``0x1F`` hexadecimal:
    a distance, a count or an amount written so would be judged on a number
    nobody wrote. Leading zeros that change nothing (``07``) pass.
    """
    digits = text.replace("_", "")
    body = digits.lstrip("+-")
    shown = _number_text(value)
    if ":" in digits:
        return Message("yaml.base60_number", {"raw": _clip(text), "value": shown})
    if body[:2].lower() in ("0x", "0b"):
        return Message("yaml.based_number", {"raw": _clip(text), "value": shown})
    # A number of 2+ digits after its zeros reads differently in octal (and int() of thousands of
    # decimal digits refuses to run): only short ones are compared.
    if len(body) > 1 and body[0] == "0" and body.isdigit() and (len(body) > 18 or int(body, 10) != abs(value)):
        plain = digits[: len(digits) - len(body)] + body.lstrip("0")
        return Message("yaml.octal_number", {"raw": _clip(text), "value": shown, "plain": _clip(plain)})
    return None


def _number_text(value: Any) -> str:
    """A number for a message: clipped, and never the ValueError Python raises for thousands of digits."""
    try:
        return _clip(str(value), 40)
    except ValueError:
        return "…"


def _short(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


def _clip(text: str, limit: int = 60) -> str:
    """Text from the file, short enough for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _brackets_over(text: str, limit: int) -> bool:
    """Whether flow brackets might nest deeper than ``limit`` (brackets in quoted text over-count)."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > limit:
            return True
    return False


@dataclass(slots=True)
class _Open:
    """A collection open in the event stream, as :class:`_Builder` will see it."""

    mapping: bool
    merge: bool  # the value of a << key, or a mapping listed in it: not counted, adds no nesting
    children: int = 0
    merge_next: bool = False  # in a mapping: the next child is the value of a << key


def _precheck(text: str, limits: Limits, marks: Marks) -> Finding | None:
    """Refuse too deep or too many values from libyaml's event stream, before composing.

    Counts and measures what :class:`_Builder` does (values, not keys; a
    mapping merged by ``<<`` as one, the list holding several such not at
    all; an alias as one, since expanding it is the builder's business), so
    it never refuses a file the builder would accept, except ones with an
    error anyway: a list or mapping as a mapping key, whose contents count
    here because libyaml composes them, and ``<<`` on an alias to something
    that is not a mapping. Runs only when the text is large or bracket-heavy:
    small texts are cheap to compose.
    """
    if len(text) <= _PRECHECK_ABOVE and not _brackets_over(text, limits.max_depth):
        return None
    stack: list[_Open] = []
    level = 0  # nesting, in the built data, of the next value
    in_key = 0  # > 0 inside a non-scalar mapping key, which the builder never builds
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentEndEvent):
            break  # a second document is the composer's error to report
        if isinstance(event, yaml.CollectionEndEvent):
            closed = stack.pop()
            level -= 0 if closed.merge else 1
            in_key = max(in_key - 1, 0)
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
            continue
        parent = stack[-1] if stack else None
        is_key = merge = False
        if parent is not None and parent.mapping:
            is_key = parent.children % 2 == 0
            merge = not is_key and parent.merge_next
            parent.merge_next = is_key and _is_merge_key(event)
            parent.children += 1
        elif parent is not None:
            merge = parent.merge
        if in_key:  # never built, but composed: bound it by what the file holds
            depth, counted = len(stack), True
        else:
            # A mapping merged in (or an alias to one) counts as one value, as the builder counts it.
            merged = merge and isinstance(event, (yaml.MappingStartEvent, yaml.AliasEvent))
            depth, counted = level, not is_key and (not merge or merged)
        if counted:
            count += 1
            if count > limits.max_nodes:
                return Finding(
                    Message("yaml.too_many_nodes", {"limit": limits.max_nodes}), marks.location("", event.start_mark)
                )
            if depth > limits.max_depth:
                return Finding(
                    Message("yaml.too_deep", {"limit": limits.max_depth}), marks.location("", event.start_mark)
                )
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append(_Open(isinstance(event, yaml.MappingStartEvent), merge))
            level += 0 if merge else 1
            if in_key or is_key:
                in_key += 1
    return None


def _is_merge_key(event: yaml.Event) -> bool:
    return (
        isinstance(event, yaml.ScalarEvent)
        and event.value == "<<"
        and not event.style
        and bool(event.implicit and event.implicit[0])
    )


def parse_text(text: str, limits: Limits) -> Loaded:
    """Compose and build one YAML document; raise :class:`LoadError` if there is no usable data."""
    marks = Marks(text)
    try:
        refused = _precheck(text, limits, marks)
        if refused is not None:
            raise LoadError([refused])
        loader = _Composer(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        finding = _yaml_error(exc, text, limits, marks)
        # Hints rescan the text: skipped for control characters and for texts too large to rescan quickly.
        plain = isinstance(exc, yaml.reader.ReaderError) or len(text) > _HINTS_UP_TO
        hints = [] if plain else _hidden_causes(text, marks, finding)
        raise LoadError([finding, *hints]) from None
    except RecursionError:  # pragma: no cover - only PyYAML's own composer (without libyaml) recurses in Python
        raise LoadError(
            [Finding(Message("yaml.too_deep", {"limit": limits.max_depth}), Location("", None, None))]
        ) from None
    except UnicodeEncodeError as exc:  # a lone surrogate in text given by a caller, not a file
        raise LoadError([Finding(Message("file.not_utf8", {}), Location("", None, exc.start + 1))]) from None
    if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL and not node.value):
        # No document at all, or one with nothing in it (a lone ---).
        raise LoadError([Finding(Message("file.empty", {}), Location("", 1, None))])
    builder = _Builder(limits, marks)
    try:
        data = builder.build(node, (), 0)
    except _Abort as abort:
        raise LoadError([abort.finding]) from None
    except RecursionError:
        raise LoadError(
            [Finding(Message("yaml.too_deep", {"limit": limits.max_depth}), builder._at(node, ()))]
        ) from None
    return Loaded(data, Positions(node, marks), tuple(builder.problems))


def _yaml_error(exc: yaml.YAMLError, text: str, limits: Limits, marks: Marks) -> Finding:
    """libyaml's complaint as a finding, on a line that exists.

    At the end of a text without a final line break libyaml's stream-end mark
    sits on a line past the last one; the problem is then at the end of the
    last line.
    """
    finding = _describe_yaml_error(exc, text, limits, marks)
    loc = finding.location
    if loc is not None and loc.line is not None:
        breaks = [match.end() for match in _EDITOR_BREAK.finditer(text)]
        last = len(breaks) + 1
        if loc.line > last:
            return Finding(finding.message, Location(loc.path, last, len(text) - (breaks[-1] if breaks else 0) + 1))
    return finding


def _describe_yaml_error(exc: yaml.YAMLError, text: str, limits: Limits, marks: Marks) -> Finding:
    """libyaml's complaint as a finding; the common slips get a message of their own."""
    problem = str(getattr(exc, "problem", None) or "")
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    start = getattr(exc, "context_mark", None)
    where = marks.location("", mark)
    if isinstance(exc, yaml.reader.ReaderError):
        # A control character. libyaml gives its code and a byte offset into the UTF-8
        # text; PyYAML's own reader (without libyaml) the character and its index.
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        offset = exc.position if _BYTE_OFFSETS else len(text[: exc.position].encode("utf-8", errors="replace"))
        located = _byte_location(text.encode("utf-8", errors="replace"), offset)
        return Finding(Message("yaml.control_char", {"char": f"U+{char:04X}"}), located)
    if "maximum nesting depth" in problem and limits.max_depth < _LIBYAML_MAX_DEPTH:
        return Finding(Message("yaml.too_deep", {"limit": limits.max_depth}), where)
    if "tab character" in problem or (mark is not None and _char_at(text, mark) == "\t"):
        return Finding(Message("yaml.tab_indent", {}), where)
    if context == "while scanning a quoted scalar" and start is not None and "end of stream" in problem:
        quote = _char_at(text, start) or '"'
        return Finding(Message("yaml.unclosed_quote", {"quote": quote}), marks.location("", start))
    if context.startswith("expected a single document"):
        return Finding(Message("yaml.multiple_documents", {}), where)
    if problem.startswith("mapping values are not allowed"):
        return Finding(Message("yaml.colon_here", {}), where)
    if (
        context == "while parsing a block mapping"
        and problem == "did not find expected key"
        and mark is not None
        and not _line_before(text, mark).strip()  # the line itself starts out of place
    ):
        return Finding(Message("yaml.bad_indentation", {}), where)
    if context == "while scanning a simple key" and start is not None and _key_too_long(text, start):
        return Finding(Message("yaml.key_too_long", {"limit": _LIBYAML_MAX_KEY}), marks.location("", start))
    if context == "while scanning a simple key" and start is not None:
        return Finding(Message("yaml.missing_colon", {}), marks.location("", start))
    if context in ("while parsing a flow sequence", "while parsing a flow mapping") and start is not None:
        bracket = _char_at(text, start) or "["
        opened = marks.location("", start).line
        return Finding(Message("yaml.unclosed_flow", {"bracket": bracket, "line": opened}), where)
    if problem == "found undefined alias" and mark is not None:
        found = re.match(r"\*([^\s,\[\]{}]+)", text[mark.index : mark.index + 200])
        if found:
            return Finding(Message("yaml.undefined_alias", {"name": _clip(found.group(1))}), where)
    if context == "while parsing a block collection" and problem == "did not find expected '-' indicator":
        return Finding(Message("yaml.not_a_list_item", {}), where)
    plain = _PLAIN_PROBLEMS.get(problem)
    if plain is not None:
        return Finding(Message(plain, {}), where)
    words = [_libyaml_words(part) for part in (context, problem) if part] or [str(exc).splitlines()[0]]
    return Finding(Message("yaml.syntax", {"detail": tuple(words)}), where)


def _libyaml_words(text: str) -> Message | str:
    """libyaml's phrase from the catalogue (so it reads in the chosen language), or as it is."""
    key = _LIBYAML_WORDS.get(text)
    return Message(key, {}) if key is not None else text


_LIBYAML_WORDS = {
    "while scanning for the next token": "libyaml.scanning_next_token",
    "found unknown directive name": "libyaml.unknown_directive",
    "did not find the expected '>'": "libyaml.no_closing_angle",
    "found an indentation indicator equal to 0": "libyaml.indent_indicator_zero",
    "did not find expected alphabetic or numeric character": "libyaml.no_name_character",
    "while parsing a quoted scalar": "libyaml.parsing_quoted_scalar",
    "did not find expected hexdecimal number": "libyaml.no_hex_digit",
    "did not find expected comment or line break": "libyaml.no_comment_or_break",
    "found duplicate anchor; first occurrence": "libyaml.duplicate_anchor",
    "second occurrence": "libyaml.second_occurrence",
    "while parsing a block mapping": "libyaml.while_parsing_a_block_mapping",
    "while parsing a block collection": "libyaml.while_parsing_a_block_collection",
    "while parsing a flow mapping": "libyaml.while_parsing_a_flow_mapping",
    "while parsing a flow sequence": "libyaml.while_parsing_a_flow_sequence",
    "while parsing a flow node": "libyaml.while_parsing_a_flow_node",
    "while parsing a block node": "libyaml.while_parsing_a_block_node",
    "while parsing a node": "libyaml.while_parsing_a_node",
    "while scanning a simple key": "libyaml.while_scanning_a_simple_key",
    "while scanning a quoted scalar": "libyaml.while_scanning_a_quoted_scalar",
    "while scanning a plain scalar": "libyaml.while_scanning_a_plain_scalar",
    "while scanning a block scalar": "libyaml.while_scanning_a_block_scalar",
    "while scanning an anchor": "libyaml.while_scanning_an_anchor",
    "while scanning an alias": "libyaml.while_scanning_an_alias",
    "while scanning a tag": "libyaml.while_scanning_a_tag",
    "while scanning a directive": "libyaml.while_scanning_a_directive",
    "did not find expected key": "libyaml.did_not_find_expected_key",
    "did not find expected node content": "libyaml.did_not_find_expected_node_content",
    "did not find expected '-' indicator": "libyaml.no_dash",
    "did not find expected ',' or ']'": "libyaml.no_comma_or_bracket",
    "did not find expected ',' or '}'": "libyaml.no_comma_or_brace",
    "could not find expected ':'": "libyaml.no_colon",
    "found character that cannot start any token": "libyaml.found_character_that_cannot_start_any_token",
    "found unexpected end of stream": "libyaml.found_unexpected_end_of_stream",
    "found unexpected ':'": "libyaml.unexpected_colon",
    "block sequence entries are not allowed in this context": "libyaml.dash_not_here",
    "found undefined tag handle": "libyaml.found_undefined_tag_handle",
}


_HINTS_UP_TO = 262_144  # characters

# libyaml's wording, for the slips that have no message of their own above.
_PLAIN_PROBLEMS = {
    "found unknown escape character": "yaml.bad_escape",
    "did not find expected <document start>": "yaml.after_document_end",
    "found incompatible YAML document": "yaml.yaml_version",
}
# libyaml reads a key of at most this many characters before its ':'.
_LIBYAML_MAX_KEY = 1024


def _key_too_long(text: str, start: Any) -> bool:
    begin = int(start.index)
    line_end = text.find("\n", begin)
    colon = text.find(":", begin, line_end if line_end >= 0 else len(text))
    return colon - begin > _LIBYAML_MAX_KEY


def _hidden_causes(text: str, marks: Marks, error: Finding) -> list[Finding]:
    """What may really be behind a syntax error, found far from where libyaml stopped.

    - A quote left open: libyaml reads on to the next such quote (an
      apostrophe in "Kauman's" lines later) and fails there. A quoted value
      that spans lines and ends on the error's line is pointed at.
    - A NEL/U+2028/U+2029 outside quotes: it ends the line for YAML only.
      Inside quotes it is only text, so those are skipped.
    """
    quoted: list[tuple[Any, Any, str]] = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                quoted.append((token.start_mark, token.end_mark, token.style))
    except yaml.YAMLError:
        pass  # the tokens up to the error are what matters
    hints: list[Finding] = []
    error_line = error.location.line if error.location is not None else None
    for start, end, quote in reversed(quoted if error_line is not None else []):
        first, last = marks.line_column(start)[0], marks.line_column(end)[0]
        if first < last == error_line:  # a quoted value over several lines that ends where YAML failed
            where = marks.location("", start)
            hints.append(Finding(Message("yaml.quote_spans_lines", {"quote": quote, "line": last}), where))
            break
    if marks.recounts:
        for match in _YAML_ONLY_BREAK.finditer(text):
            index = match.start()
            if not any(start.index <= index < end.index for start, end, _ in quoted):
                line, column = marks.at_index(index)
                char = f"U+{ord(text[index]):04X}"
                hints.append(Finding(Message("yaml.invisible_break", {"char": char}), Location("", line, column)))
                break
    return hints


def _line_before(text: str, mark: Any) -> str:
    """What stands before ``mark`` on its line (libyaml's line: any YAML line end starts one)."""
    start = max(text.rfind(char, 0, mark.index) for char in _YAML_BREAKS) + 1
    return text[start : mark.index]


def _char_at(text: str, mark: Any) -> str:
    return str(text[mark.index : mark.index + 1])


def read_text(path: Path, limits: Limits) -> str:
    """Read a file as UTF-8 text within the byte limit, or raise :class:`LoadError`."""
    label = Location("", None, None)
    try:
        status = os.stat(path)
        size = status.st_size
        if stat.S_ISDIR(status.st_mode):
            readable = os.access(path, os.R_OK | os.X_OK)
            raise LoadError(
                [Finding(Message("file.is_directory" if readable else "file.folder_unreadable", {}), label)]
            )
        if not stat.S_ISREG(status.st_mode):  # a FIFO would wait for a writer forever, /dev/zero never ends
            raise LoadError([Finding(Message("file.not_regular", {}), label)])
        if size > limits.max_bytes:
            raise LoadError([Finding(Message("file.too_large", {"size": size, "limit": limits.max_bytes}), label)])
        with open(path, "rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise LoadError([Finding(Message("file.not_found", {}), label)]) from None
    except PermissionError:
        raise LoadError([Finding(Message("file.no_permission", {}), label)]) from None
    except OSError as exc:
        from .oserrors import os_reason  # only when reading fails

        raise LoadError([Finding(Message("file.unreadable", {"reason": os_reason(exc)}), label)]) from None
    if len(raw) > limits.max_bytes:
        raise LoadError([Finding(Message("file.too_large", {"size": len(raw), "limit": limits.max_bytes}), label)])
    return decode(raw)


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([Finding(Message("file.not_utf8", {}), Location("", 1, 1))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError([Finding(Message("file.not_utf8", {}), _byte_location(raw, exc.start))]) from None
    nul = raw.find(b"\x00")
    if nul >= 0:  # valid UTF-8, but text files have no NUL: UTF-16 without a BOM, or binary
        raise LoadError([Finding(Message("file.not_utf8", {}), _byte_location(raw, nul))])
    return text


def _byte_location(raw: bytes, offset: int) -> Location:
    """Line and column (in characters) of a byte offset of UTF-8 text."""
    breaks = [match.end() for match in _EDITOR_BREAK_BYTES.finditer(raw, 0, offset)]
    line_start = breaks[-1] if breaks else 0
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Location("", len(breaks) + 1, column)


def load_file(path: Path, limits: Limits) -> Loaded:
    return parse_text(read_text(path, limits), limits)
