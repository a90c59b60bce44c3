"""Text -> node tree: libyaml composes, with a quicker tagger and, for large texts, a stop.

The second step of the bytes -> data path. libyaml (PyYAML's C parser)
composes the document into a node tree, calling back into Python to tag
each node; :class:`Composer` makes those callbacks cheap. A text that is
large or bracket-heavy is composed by :class:`StoppingComposer`, which stops
once the tree could already be over ``max_nodes`` or ``max_depth`` and hands
what it has to the builder (:mod:`.builder`): composing a flat 1 MB list
alone takes most of a second, and libyaml's composer recurses in C, where a
few ten thousand levels crash the process. The stop only decides *when to
look*: whether a file is over a limit is the builder's count alone.
"""

from __future__ import annotations

import gc
import operator
import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any, ClassVar, cast

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .limits import Limits
from .tags import MAP, SEQ, STR

try:
    from yaml import CSafeLoader as Loader
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    BYTE_OFFSETS = True  # libyaml places reader errors at byte offsets into the UTF-8 text
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

    CParser = Loader  # type: ignore[misc]  # its whole set-up: the pure-Python parser needs a reader and scanner

    BYTE_OFFSETS = False  # PyYAML's reader at character indexes

__all__ = [
    "BYTE_OFFSETS",
    "TAGS_KEPT",
    "Composer",
    "Loader",
    "StoppingComposer",
    "compose",
    "compose_or_stop",
    "needs_stopping",
]

TAGS_KEPT = 4096
_resolve = cast(Callable[[Any, type[Node], str, Any], str], Loader.resolve)


class Composer(Loader):
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
    _starts: ClassVar[frozenset[str | None]] = frozenset(Loader.yaml_implicit_resolvers)

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is not ScalarNode:
            return SEQ if kind is SequenceNode else MAP
        if not implicit[0] or (value and value[0] not in self._starts):
            return STR
        tag = self._tags.get(value)
        if tag is None:
            tag = _resolve(self, kind, value, implicit)
            if len(value) <= 64:
                if len(self._tags) >= TAGS_KEPT:  # bounded whatever the files hold; the common ones return
                    self._tags.clear()
                self._tags[value] = tag
        return tag

    def __init__(self, stream: str) -> None:
        # Only the parser: composing needs neither a constructor's tables nor the resolver's
        # path lists (this class tags nodes itself), and a batch makes one composer per file.
        CParser.__init__(self, stream)

    # libyaml calls these around every node; safe loading has no path resolvers, so they do
    # nothing. A builtin that takes the same arguments and does nothing of note (operator.is_
    # compares two references, gc.isenabled reads a flag) costs half a Python method's call:
    # about 1.5 % of a batch, counted in instructions (valgrind --tool=callgrind).
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]
    ascend_resolver = staticmethod(gc.isenabled)  # type: ignore[assignment]


# Shortcuts above assume what safe loading guarantees: no path resolvers, no wildcard resolvers.
assert not Loader.yaml_path_resolvers and None not in Loader.yaml_implicit_resolvers


class _Stop(Exception):
    """Raised from a resolver hook: libyaml unwinds and composes no further."""


class StoppingComposer(Composer):
    """A composer that stops once the tree holds ``max_nodes + 1`` values or ``max_depth + 1`` levels.

    libyaml calls :meth:`descend_resolver` before it composes each node
    (aliases excepted) and :meth:`ascend_resolver` after, so the nodes being
    composed, outermost first, are known at every moment; on stopping they
    are hung into their parents, where libyaml would have put them, and
    :attr:`partial` is the tree composed so far. Keys are not values and
    the node about to be composed is not in the tree, hence one value more.
    """

    _budget: int
    _levels: int

    def stop_beyond(self, limits: Limits) -> None:
        self._budget = limits.max_nodes + 1
        self._levels = limits.max_depth + 2
        self._values = 0
        self._open: list[tuple[Node | None, Any]] = []  # (parent, index) of each node being composed

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:  # type: ignore[override]
        if current_index is not None or not isinstance(current_node, MappingNode):
            self._values += 1
        self._open.append((current_node, current_index))
        if self._values > self._budget or len(self._open) > self._levels:
            raise _Stop

    def ascend_resolver(self) -> None:  # type: ignore[override]
        self._open.pop()

    @property
    def partial(self) -> Node | None:
        """The tree composed before the stop, the unfinished collections in place."""
        root: Node | None = None
        for (parent, index), (node, _) in pairwise(self._open):
            if parent is None:
                root = node
            elif isinstance(parent, MappingNode):
                if index is None:  # inside a key, which the builder never builds
                    break
                parent.value.append((index, node))
            else:
                parent.value.append(node)
        return root


def compose(text: str) -> Node | None:
    """The whole document's node tree (None for an empty text)."""
    loader = Composer(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def compose_or_stop(text: str, limits: Limits) -> tuple[Node | None, bool]:
    """The document's node tree and True, or the part composed before the limits stopped it and False."""
    loader = StoppingComposer(text)
    loader.stop_beyond(limits)
    try:
        return loader.get_single_node(), True
    except _Stop:
        return loader.partial, False
    finally:
        loader.dispose()


# Texts above this size are composed by StoppingComposer, and so are bracket-heavy ones.
_STOP_ABOVE = 16_384
_BRACKETS = re.compile(r"[\[\]{}]")


def needs_stopping(text: str, limits: Limits) -> bool:
    """Whether composing ``text`` whole could cost much: it is large, or brackets nest deep."""
    return len(text) > _STOP_ABOVE or _brackets_over(text, limits.max_depth)


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
