"""The bytes -> data path from end to end: read, compose, build, and turn each failure into findings.

:func:`load_file` reads (:mod:`.reading`) and hands the text to
:func:`parse_text`, which composes it (:mod:`.composer`), builds the data
and counts the limits (:mod:`.builder`), explains libyaml's errors
(:mod:`.explain`) and returns the data with its :class:`Positions`.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import Node, ScalarNode

from ..results import Finding, Location, Message
from .builder import Abort, Builder
from .composer import compose, compose_or_stop, needs_stopping
from .limits import Limits
from .loaded import Loaded, LoadError
from .marks import Marks
from .positions import Positions
from .reading import read_text
from .tags import NULL


def load_file(path: Path, limits: Limits, region: bool = True) -> Loaded:
    """Read and parse a YAML file; ``region``: whether it is a region file (see :func:`.reading.read_text`)."""
    return parse_text(read_text(path, limits, region), limits)


def parse_text(text: str, limits: Limits) -> Loaded:
    """Compose and build one YAML document; raise :class:`LoadError` if there is no usable data."""
    marks = Marks(text)
    try:
        node = _compose(text, limits, marks)
    except yaml.YAMLError as exc:
        from .explain import explain  # (libyaml's errors in the reader's words: loaded for a file that has one)

        raise LoadError(explain(exc, text, limits, marks)) from None
    except RecursionError:  # pragma: no cover - only PyYAML's own composer (without libyaml) recurses in Python
        raise LoadError(
            [Finding(Message("yaml.too_deep", {"limit": limits.max_depth}), Location("", None, None))]
        ) from None
    except UnicodeEncodeError as exc:  # a lone surrogate in text given by a caller, not a file
        raise LoadError([Finding(Message("file.not_utf8", {}), Location("", None, exc.start + 1))]) from None
    if node is None or (isinstance(node, ScalarNode) and node.tag == NULL and not node.value):
        # No document at all, or one with nothing in it (a lone ---).
        raise LoadError([Finding(Message("file.empty", {}), Location("", 1, None))])
    builder = Builder(limits, marks)
    data = _build(builder, node, limits)
    return Loaded(data, Positions(node, marks), tuple(builder.problems), text=text, dropped=frozenset(builder.dropped))


def _compose(text: str, limits: Limits, marks: Marks) -> Node | None:
    """The document's node tree; a costly text is refused as soon as what is composed of it is over a limit.

    Composing stops early (see :class:`.composer.StoppingComposer`) and the
    builder judges the part composed; the builder's count is the one that
    refuses. In the rare part that is within the limits all the same (the
    stop counts contents of keys and merge lists, which the builder does
    not), the whole text is composed after all.
    """
    if not needs_stopping(text, limits):
        return compose(text)
    node, whole = compose_or_stop(text, limits)
    if whole:
        return node
    if node is not None:
        _build(Builder(limits, marks), node, limits)  # raises LoadError when the part is over a limit
    return compose(text)


def _build(builder: Builder, node: Node, limits: Limits) -> object:
    try:
        return builder.build(node, (), 0)
    except Abort as abort:
        raise LoadError([abort.finding]) from None
    except RecursionError:
        where = builder.at(node, ())
        raise LoadError([Finding(Message("yaml.too_deep", {"limit": limits.max_depth}), where)]) from None
