"""Node tree -> data: one pass that builds the Python values, and the one count of the limits.

The third step of the bytes -> data path. :class:`Builder` walks libyaml's
node tree once, building plain data (aliases expanded, never shared; merge
keys merged) and collecting the problems that still let the data be
checked. It is the only place values and nesting are counted against
``max_nodes`` and ``max_depth``: each value built counts, each expansion
of an alias again, each mapping merged by ``<<`` as one. Tags other than
YAML's standard scalar and collection tags are refused, so no tag can ever
build a Python object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..results import Finding, Location, Message
from ..sizes import grouped_count
from .clip import clip
from .limits import Limits
from .marks import Marks
from .positions import PathKey, format_path
from .tags import INT, MAP, MERGE, NUMBER_TAGS, SEQ, STR, YAML_TAG, short

# A whole number as most files write one: ASCII digits, no leading zero (or a lone 0).
_PLAIN_INT = re.compile(r"0|[1-9][0-9]*").fullmatch


class Abort(Exception):
    """The data cannot be built (a limit is exceeded); ``finding`` says which and where."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message.id)
        self.finding = finding


class Builder:
    """One pass over the composed node tree: the data and the problems (positions are looked up later)."""

    def __init__(self, limits: Limits, marks: Marks) -> None:
        self._limits = limits
        self._marks = marks
        self._open: set[int] = set()  # the collections being built: one met again is a recursive alias
        self._chars = 0  # text of the scalars built so far, aliases expanded
        self._count = 0
        self._max_nodes, self._max_depth, self._max_bytes = limits.max_nodes, limits.max_depth, limits.max_bytes
        self.problems: list[Finding] = []
        self.dropped: list[PathKey] = []  # where a value was refused (None left there, the reason in problems)
        constructor = SafeConstructor()
        self._int = constructor.construct_yaml_int
        self._scalars: dict[str, Callable[[ScalarNode], Any]] = {
            "tag:yaml.org,2002:int": self._construct_int,
            "tag:yaml.org,2002:float": constructor.construct_yaml_float,
            "tag:yaml.org,2002:bool": constructor.construct_yaml_bool,
            "tag:yaml.org,2002:null": constructor.construct_yaml_null,
            "tag:yaml.org,2002:timestamp": constructor.construct_yaml_timestamp,
        }

    def at(self, node: Node, path: PathKey) -> Location:
        return self._marks.location(format_path(path), node.start_mark)

    def _count_value(self, node: Node, path: PathKey, depth: int) -> None:
        """The one count of values and nesting against the limits: refuse the first value over either."""
        self._count += 1
        if self._count > self._limits.max_nodes:
            raise Abort(Finding(Message("yaml.too_many_nodes", {"limit": self._limits.max_nodes}), self.at(node, path)))
        if depth > self._limits.max_depth:
            raise Abort(Finding(Message("yaml.too_deep", {"limit": self._limits.max_depth}), self.at(node, path)))

    def build(self, node: Node, path: PathKey, depth: int) -> Any:
        # _count_value's test, written out: this runs for every value of every file.
        self._count += 1
        if self._count > self._max_nodes or depth > self._max_depth:
            self._count -= 1
            self._count_value(node, path, depth)
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if node.tag != (SEQ if isinstance(node, SequenceNode) else MAP):
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
        self.problems.append(Finding(Message("yaml.recursive_alias", {}), self.at(node, path)))
        self.dropped.append(path)
        return None

    def _scalar(self, node: ScalarNode, path: PathKey) -> Any:
        # Text an alias repeats counts each time: 400 aliases of a 900 KB value would make a
        # 360 MB report from a 1 MB file. A file without aliases holds at most max_bytes.
        self._chars += len(node.value)
        if self._chars > self._limits.max_bytes:
            raise Abort(
                Finding(
                    Message("yaml.expanded_too_large", {"limit": grouped_count(self._limits.max_bytes)}),
                    self.at(node, path),
                )
            )
        tag = node.tag
        if tag == STR:
            return node.value
        make = self._scalars.get(tag)
        if make is None:
            return self._bad_tag(node, path)
        try:
            value = make(node)
        except Exception:  # any value a constructor cannot read (`!!bool maybe`, `!!int ''`)
            kind = Message(f"kind.{short(tag)}", {})
            said = Message("yaml.bad_scalar_kind", {"value": clip(node.value), "kind": kind})
            if short(tag) == "timestamp":  # 2027-02-30: a date's shape, no such day
                from ..date_hints import date_hint

                said = date_hint(node.value) or said
            self.problems.append(Finding(said, self.at(node, path)))
            self.dropped.append(path)
            return None
        if tag in NUMBER_TAGS and not node.style and not (node.value.isdigit() and node.value[0] != "0"):
            surprise = _yaml11_number(node.value, value, code=bool(path) and path[-1] in _CODE_KEYS)
            if surprise is not None:  # the number YAML 1.1 reads is not the one written
                self.problems.append(Finding(surprise, self.at(node, path)))
                self.dropped.append(path)
                return None
        return value

    def _construct_int(self, node: ScalarNode) -> Any:
        # Plain decimal (the common case) directly; YAML 1.1's octal, hex, 1_000, 1:30 via PyYAML.
        text = node.value
        if text.isascii() and text.isdigit() and (text[0] != "0" or text == "0"):
            return int(text)
        return self._int(node)

    def _bad_tag(self, node: Node, path: PathKey) -> None:
        tag = "!!" + node.tag[len(YAML_TAG) :] if node.tag.startswith(YAML_TAG) else node.tag
        self.problems.append(Finding(Message("yaml.tag_not_allowed", {"tag": clip(tag)}), self.at(node, path)))
        self.dropped.append(path)
        return None

    def _mapping(self, node: MappingNode, path: PathKey, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        # Merge sources first: a key written in this mapping wins over a merged one, and
        # building it afterwards lets its position overwrite the merged key's position too.
        # Among several sources the first wins, so they are built last to first.
        merges = [value_node for key_node, value_node in node.value if key_node.tag == MERGE]
        merged: list[dict[Any, Any]] = []
        for merge in merges:
            merged.extend(self._merge_sources(merge, path, depth))
        for source in merged:
            for key, value in source.items():
                result.setdefault(key, value)
        seen: dict[str, Node] = {}
        before: tuple[str, Node] | None = None  # the entry before, for `{capacity: 1,5}`
        for key_node, value_node in node.value:
            if key_node.tag == MERGE:
                continue
            # (_decimal_comma's rarest condition first, written out: asked of every entry of every mapping)
            if before is not None and value_node.value == "" and _decimal_comma(before[1], key_node, value_node):
                raw = f"{before[1].value},{key_node.value}"
                said = Message("yaml.decimal_comma_in_braces", {"raw": raw, "plain": raw.replace(",", ".")})
                self.problems.append(Finding(said, self.at(before[1], (*path, before[0]))))
                before = None
                continue
            # (_key's common case written out, as below for a text value: most entries are both)
            key = key_node.value if type(key_node) is ScalarNode and key_node.tag == STR else self._key(key_node, path)
            if key is None:
                continue
            before = (key, value_node)
            first = seen.setdefault(key, key_node)
            if first is not key_node:
                first_line = self._marks.line_column(first.start_mark)[0]
                self.problems.append(
                    Finding(
                        Message("yaml.duplicate_key", {"key": clip(key), "first_line": first_line}),
                        self.at(key_node, (*path, key)),
                    )
                )
            if type(value_node) is ScalarNode:
                # build() and _scalar() for a text value or a plain whole number (`12`, not `012`,
                # `1_000` or thousands of digits), when it is within every limit: the count, the
                # depth and the expanded text are those build() checks.
                text, tag = value_node.value, value_node.tag
                if (
                    (tag == STR or (tag == INT and _PLAIN_INT(text) and len(text) < 19))
                    and self._count < self._max_nodes
                    and depth < self._max_depth
                    and self._chars + len(text) <= self._max_bytes
                ):
                    self._count += 1
                    self._chars += len(text)
                    result[key] = text if tag == STR else int(text)
                    continue
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def _key(self, key_node: Node, path: PathKey) -> str | None:
        if isinstance(key_node, ScalarNode) and key_node.tag == STR:
            return str(key_node.value)
        if isinstance(key_node, ScalarNode):
            text = str(key_node.value) or "~"
            where = self.at(key_node, (*path, text))
        else:
            text = "[…]" if isinstance(key_node, SequenceNode) else "{…}"
            where = self.at(key_node, path)
        self.problems.append(Finding(Message("yaml.key_not_text", {"key": clip(text)}), where))
        return None

    def _merge_sources(self, node: Node, path: PathKey, depth: int) -> list[dict[Any, Any]]:
        """The mappings a ``<<`` key merges, in order of precedence (built last to first)."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        mappings: list[MappingNode] = []
        for source in sources:
            if isinstance(source, MappingNode):
                mappings.append(source)
            else:
                self.problems.append(Finding(Message("yaml.bad_merge", {}), self.at(source, path)))
        out: list[dict[Any, Any]] = []
        for source in reversed(mappings):
            # Each merged mapping counts as a value, even an empty one: merges of merges
            # of empty mappings add no values and would otherwise grow without limit.
            self._count_value(source, path, depth)
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


_CODE_KEYS = frozenset({"nib", "code", "kbli"})
"""Keys whose value is a code written in digits: its leading zeros belong to it, so only quotes can fix it."""


def _yaml11_number(text: str, value: Any, code: bool = False) -> Message | None:
    """Why an unquoted number means something else in YAML 1.1 than it looks, or None.

    ``01750`` is octal (1000), ``1:30`` base 60 (90), ``0x1F`` hexadecimal:
    a distance, a count or an amount written so would be judged on a number
    nobody wrote. Leading zeros that change nothing (``07``) pass. For a
    ``code`` (a NIB, an area code, a KBLI) the zero is part of it: quoting it
    is the one fix offered.
    """
    digits = text.replace("_", "")
    body = digits.lstrip("+-")
    shown = _number_text(value)
    if ":" in digits:
        return Message("yaml.base60_number", {"raw": clip(text), "value": shown})
    if body[:2].lower() in ("0x", "0b"):
        return Message("yaml.based_number", {"raw": clip(text), "value": shown})
    # A number of 2+ digits after its zeros reads differently in octal (and int() of thousands of
    # decimal digits refuses to run): only short ones are compared.
    if len(body) > 1 and body[0] == "0" and body.isdigit() and (len(body) > 18 or int(body, 10) != abs(value)):
        if code:
            return Message("yaml.octal_code", {"raw": clip(text), "value": shown})
        plain = digits[: len(digits) - len(body)] + body.lstrip("0")
        return Message("yaml.octal_number", {"raw": clip(text), "value": shown, "plain": clip(plain)})
    return None


def _number_text(value: Any) -> str:
    """A number for a message: clipped, and never the ValueError Python raises for thousands of digits."""
    try:
        return clip(str(value), 40)
    except ValueError:
        return "…"


def _decimal_comma(value: Node, key: Node, key_value: Node) -> bool:
    """``{capacity: 1,5}``: a whole number, a comma, then digits YAML took for a key without a value."""
    # The rarest condition first: this is asked of every entry of every mapping.
    return (
        key_value.value == ""
        and isinstance(key_value, ScalarNode)
        and isinstance(value, ScalarNode)
        and isinstance(key, ScalarNode)
        and not value.style
        and not key.style
        and str(value.value).isdigit()
        and str(key.value).isdigit()
        and key.start_mark.index == value.end_mark.index + 1
    )
