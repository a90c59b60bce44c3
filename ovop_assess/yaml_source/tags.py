"""YAML's standard tags: the only ones the loader reads; every other tag is refused."""

from __future__ import annotations

YAML_TAG = "tag:yaml.org,2002:"
STR = YAML_TAG + "str"
MAP = YAML_TAG + "map"
SEQ = YAML_TAG + "seq"
MERGE = YAML_TAG + "merge"
NULL = YAML_TAG + "null"
INT = YAML_TAG + "int"
FLOAT = YAML_TAG + "float"
SCALAR_TAGS = frozenset(YAML_TAG + kind for kind in ("int", "float", "bool", "null", "timestamp"))
NUMBER_TAGS = frozenset({INT, FLOAT})


def short(tag: str) -> str:
    """``tag:yaml.org,2002:bool`` -> ``bool``."""
    return tag.rsplit(":", 1)[-1]
