"""Where a value or key sits in the file, looked up in the composed node tree after loading.

The last step of the bytes -> data path hands the validator the data and
a :class:`Positions` over libyaml's node tree; each finding asks it for a
line only when it is made.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..results import Location, Message
from .marks import LIBYAML_MARKS, Marks
from .tags import MERGE, SCALAR_TAGS, STR, short

PathKey = tuple[str | int, ...]


@functools.lru_cache(maxsize=1024)  # the same few fields are named in file after file of a batch
def format_path(path: PathKey) -> str:
    """``("firms", 3, "role")`` -> ``firms[3].role``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class Positions:
    """Where each value and mapping key of the document sits (1-based), looked up on demand.

    The loader keeps libyaml's composed node tree instead of recording a
    position for every value: a file has hundreds of values and its
    findings name a dozen, so walking the tree for those few is far cheaper
    than a table of all of them. A path that does not exist (a missing
    field) is located at its deepest existing parent.
    """

    __slots__ = ("_indexes", "_marks", "_root")

    def __init__(self, root: Node | None = None, marks: Marks = LIBYAML_MARKS) -> None:
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
        if isinstance(node, ScalarNode) and node.tag != STR and not node.style and node.tag in SCALAR_TAGS:
            return node.value, short(node.tag)
        return None

    def text(self, path: PathKey) -> str | None:
        """The text of the scalar at ``path`` as written, or None."""
        node, _ = self._find(path, exact=True)
        return node.value if isinstance(node, ScalarNode) else None

    def written(self, path: PathKey) -> bool:
        """Whether the file has a value at ``path`` (where :meth:`key` would give its deepest parent's line)."""
        return self._find(path, exact=True)[0] is not None

    def spelled_in_yaml(self, path: PathKey) -> bool:
        """Whether the values under ``path`` are written in this YAML file (a firm spreadsheet's are not: its
        reader checks their spelling), so that how they are written can be looked at (:meth:`unquoted`)."""
        return True

    def unquoted(self, path: PathKey) -> bool:
        """Whether the value at ``path`` is written as a plain (unquoted) scalar."""
        node, _ = self._find(path, exact=True)
        return isinstance(node, ScalarNode) and not node.style

    def missing(self, path: PathKey) -> Location:
        """Where a field missing at ``path`` is reported: the mapping that lacks it, named by the field's path."""
        return self.value(path[:-1])._replace(path=format_path(path))

    def field_name(self, path: PathKey) -> str | Message:
        """The field at ``path`` as the reader of the file knows it: its key here (``willing_to_lead``); in a
        firm spreadsheet, its column (``kolom Bersedia Menjadi Penggerak``), for a text that says what to fill in."""
        return str(path[-1])

    def sheet_text(self, path: PathKey) -> str | None:
        """The text of the spreadsheet cell the value at ``path`` was read from; None for a value of the YAML
        file (always, here). An office writes a firm's role in its own words (``penggerak``) there, so an
        error about it names those words."""
        return None

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
                    if isinstance(key_node, ScalarNode) and key_node.tag == STR
                }
            found = index.get(key)
        if found is not None or depth > 32:
            return found
        for source in _merge_sources_of(mapping):
            if (hit := self._entry(source, key, depth + 1)) is not None:
                return hit
        return None


_INDEX_ABOVE = 8  # keys; smaller mappings are scanned (a region file's top level, ~15 keys, is looked into ~20 times)


def _written_entry(mapping: MappingNode, key: str) -> tuple[Node, Node | None] | None:
    """The value (and key) node of ``key`` as written in ``mapping``: the last one wins."""
    found: tuple[Node, Node | None] | None = None
    for key_node, value_node in mapping.value:
        if key_node.value == key and isinstance(key_node, ScalarNode) and key_node.tag == STR:  # rarest first
            found = (value_node, key_node)
    return found


def _merge_sources_of(mapping: MappingNode) -> Iterator[MappingNode]:
    """The mappings ``mapping`` merges with ``<<``, in the loader's order of precedence."""
    for key_node, value_node in mapping.value:
        if key_node.tag == MERGE:
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            yield from (source for source in sources if isinstance(source, MappingNode))
