"""Read a YAML file into plain data plus the line of every value, within limits.

libyaml (PyYAML's C parser) composes the node tree; one pass over that tree
then builds the Python data and records where each value and key sits.
That single pass is what keeps loading close to the cost of a bare
``yaml.load(..., CSafeLoader)`` while still giving every error a line.

The same pass enforces the limits that keep hostile files cheap:
aliases are expanded (never shared), each expansion counts towards
``max_nodes``, and nesting is bounded by ``max_depth``. Deep flow nesting
(``[[[[...``) is refused before libyaml sees it, because libyaml's composer
recurses in C and a few ten thousand levels crash the process.
Tags other than YAML's standard scalar/collection tags are refused, so no
tag can ever build a Python object.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .results import Finding, Location, Message

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

PathKey = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_BRACKETS = re.compile(r"[\[\]{}]")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost. Region files are a few kilobytes; these leave ample room."""

    max_bytes: int = 1_048_576
    max_depth: int = 32
    max_nodes: int = 50_000


@dataclass(slots=True)
class Positions:
    """Where each value (and each mapping key) of the document sits, 1-based."""

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # Plain scalars that YAML resolved to something other than text, with
    # their original spelling: lets errors say "YAML read `no` as false".
    raw: dict[PathKey, tuple[str, str]] = field(default_factory=dict)

    def value(self, path: PathKey) -> Location:
        return self._locate(path, self.values)

    def key(self, path: PathKey) -> Location:
        return self._locate(path, self.keys if path in self.keys else self.values)

    def _locate(self, path: PathKey, table: dict[PathKey, tuple[int, int]]) -> Location:
        probe = path
        while probe not in table and probe:
            probe = probe[:-1]
        line, column = table.get(probe, (None, None))
        return Location(format_path(path), line, column)


def format_path(path: PathKey) -> str:
    """``("firms", 3, "role")`` -> ``firms[3].role``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True, slots=True)
class Loaded:
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


def _at(node: Node, path: PathKey) -> Location:
    mark = node.start_mark
    return Location(format_path(path), mark.line + 1, mark.column + 1)


class _Builder:
    """One pass over the composed node tree: data, positions, problems."""

    def __init__(self, limits: Limits) -> None:
        self._limits = limits
        self._count = 0
        self.positions = Positions()
        self.problems: list[Finding] = []
        constructor = SafeConstructor()
        self._scalars: dict[str, Callable[[ScalarNode], Any]] = {
            "tag:yaml.org,2002:int": constructor.construct_yaml_int,
            "tag:yaml.org,2002:float": constructor.construct_yaml_float,
            "tag:yaml.org,2002:bool": constructor.construct_yaml_bool,
            "tag:yaml.org,2002:null": constructor.construct_yaml_null,
            "tag:yaml.org,2002:timestamp": constructor.construct_yaml_timestamp,
        }

    def build(self, node: Node, path: PathKey, depth: int) -> Any:
        self._count += 1
        if self._count > self._limits.max_nodes:
            raise _Abort(
                Finding(
                    Message("yaml.too_many_nodes", {"limit": self._limits.max_nodes}),
                    _at(node, path),
                )
            )
        if depth > self._limits.max_depth:
            raise _Abort(Finding(Message("yaml.too_deep", {"limit": self._limits.max_depth}), _at(node, path)))
        mark = node.start_mark
        self.positions.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                return self._bad_tag(node, path)
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                return self._bad_tag(node, path)
            return self._mapping(node, path, depth)
        return self._bad_tag(node, path)  # pragma: no cover - composer yields only these

    def _scalar(self, node: ScalarNode, path: PathKey) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        make = self._scalars.get(tag)
        if make is None:
            return self._bad_tag(node, path)
        try:
            value = make(node)
        except (ValueError, yaml.YAMLError, OverflowError):
            self.problems.append(
                Finding(Message("yaml.bad_scalar", {"value": node.value[:40], "tag": _short(tag)}), _at(node, path))
            )
            return None
        if node.style is None:
            self.positions.raw[path] = (node.value, _short(tag))
        return value

    def _bad_tag(self, node: Node, path: PathKey) -> None:
        self.problems.append(Finding(Message("yaml.tag_not_allowed", {"tag": node.tag}), _at(node, path)))
        return None

    def _mapping(self, node: MappingNode, path: PathKey, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        merged: list[dict[Any, Any]] = []
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.extend(self._merge_sources(value_node, path, depth))
                continue
            key = self._key(key_node, path)
            if key is None:
                continue
            child = (*path, key)
            if key in seen:
                self.problems.append(
                    Finding(
                        Message("yaml.duplicate_key", {"key": key, "first_line": seen[key]}),
                        _at(key_node, child),
                    )
                )
            seen[key] = key_node.start_mark.line + 1
            self.positions.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child, depth + 1)
        for source in merged:
            for key, value in source.items():
                result.setdefault(key, value)
        return result

    def _key(self, key_node: Node, path: PathKey) -> str | None:
        if isinstance(key_node, ScalarNode) and key_node.tag == _STR:
            return str(key_node.value)
        text = key_node.value if isinstance(key_node, ScalarNode) else "…"
        self.problems.append(Finding(Message("yaml.key_not_text", {"key": str(text)[:40]}), _at(key_node, path)))
        return None

    def _merge_sources(self, node: Node, path: PathKey, depth: int) -> list[dict[Any, Any]]:
        sources = node.value if isinstance(node, SequenceNode) else [node]
        out: list[dict[Any, Any]] = []
        for source in sources:
            if not isinstance(source, MappingNode):
                self.problems.append(Finding(Message("yaml.bad_merge", {}), _at(source, path)))
                continue
            out.append(self._mapping(source, path, depth))
        return out


def _short(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


def _flow_depth_over(text: str, limit: int) -> int | None:
    """The line where flow nesting first exceeds ``limit``, or None.

    A cheap bracket count first (brackets inside quoted text make it an
    over-estimate); only when that trips does libyaml's event stream, which
    is iterative and cannot crash, give the exact answer.
    """
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    deepest = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    if deepest <= limit:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limit:
                return int(getattr(event.start_mark, "line", 0)) + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def parse_text(text: str, limits: Limits) -> Loaded:
    """Compose and build one YAML document; raise :class:`LoadError` if there is no usable data."""
    try:
        deep_line = _flow_depth_over(text, limits.max_depth)
    except yaml.YAMLError as exc:
        raise LoadError([_syntax_finding(exc)]) from None
    if deep_line is not None:
        raise LoadError([Finding(Message("yaml.too_deep", {"limit": limits.max_depth}), Location("", deep_line, None))])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise LoadError([_syntax_finding(exc)]) from None
    finally:
        loader.dispose()
    if node is None:
        raise LoadError([Finding(Message("file.empty", {}), Location("", 1, None))])
    builder = _Builder(limits)
    try:
        data = builder.build(node, (), 0)
    except _Abort as abort:
        raise LoadError([abort.finding]) from None
    except RecursionError:
        raise LoadError([Finding(Message("yaml.too_deep", {"limit": limits.max_depth}), _at(node, ()))]) from None
    return Loaded(data, builder.positions, tuple(builder.problems))


def _syntax_finding(exc: yaml.YAMLError) -> Finding:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    detail = f"{context}, {problem}" if context else str(problem)
    if mark is not None:
        return Finding(Message("yaml.syntax", {"detail": detail}), Location("", mark.line + 1, mark.column + 1))
    position = getattr(exc, "position", None)
    return Finding(Message("yaml.syntax", {"detail": detail}), Location("", None, position))


def read_text(path: Path, limits: Limits) -> str:
    """Read a file as UTF-8 text within the byte limit, or raise :class:`LoadError`."""
    label = Location("", None, None)
    try:
        size = os.stat(path).st_size
        if path.is_dir():
            raise LoadError([Finding(Message("file.is_directory", {}), label)])
        if size > limits.max_bytes:
            raise LoadError([Finding(Message("file.too_large", {"size": size, "limit": limits.max_bytes}), label)])
        with open(path, "rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise LoadError([Finding(Message("file.not_found", {}), label)]) from None
    except PermissionError:
        raise LoadError([Finding(Message("file.unreadable", {"reason": "permission denied"}), label)]) from None
    except OSError as exc:
        raise LoadError([Finding(Message("file.unreadable", {"reason": exc.strerror or str(exc)}), label)]) from None
    if len(raw) > limits.max_bytes:
        raise LoadError([Finding(Message("file.too_large", {"size": len(raw), "limit": limits.max_bytes}), label)])
    return decode(raw)


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([Finding(Message("file.not_utf8", {"encoding": "UTF-16"}), Location("", 1, 1))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError([Finding(Message("file.not_utf8", {"encoding": "?"}), Location("", line, column))]) from None


def load_file(path: Path, limits: Limits) -> Loaded:
    return parse_text(read_text(path, limits), limits)
