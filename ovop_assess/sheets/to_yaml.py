"""The YAML ``firms:`` list of firms read from a sheet, for ``ovop-assess import``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal

from .columns import FIELDS

if TYPE_CHECKING:
    import yaml

_FOLDED: Final = re.compile("[\x85\u2028\u2029]")
_WIDTH: Final = 2**31 - 1  # never a line folded: one firm's value per line, as a person would write it
_STR: Final = "tag:yaml.org,2002:str"
_INT: Final = "tag:yaml.org,2002:int"
_BOOL: Final = "tag:yaml.org,2002:bool"


class _Quoted(str):
    """A NIB: always double-quoted."""

    __slots__ = ()


def firms_yaml(firms: Iterable[Mapping[str, Any]], *, emitter: Literal["libyaml", "python"] = "libyaml") -> str:
    """``firms:`` and one entry per firm, keys in the format's order, reading back to the same values.

    NIBs are always double-quoted (a plain ``0812…`` is text to YAML 1.1 but
    a number to YAML 1.2 readers); every other text is quoted by the YAML
    emitter exactly when it would otherwise read as something else
    (``yes``, ``12``, ``null``), with control characters escaped.

    Written by libyaml (PyYAML's C emitter) where PyYAML has it, else by
    PyYAML's Python emitter (``emitter="python"`` asks for it): the same
    bytes either way, which a test compares. The Python way, representer
    and emitter, spends some 400 µs a firm; libyaml is given the events of
    the list straight away (:func:`_events`), a tenth of that.
    """
    entries = []
    for firm in firms:
        entry = {key: firm[key] for key in FIELDS if key in firm}
        entry.update({key: value for key, value in firm.items() if key not in entry})
        if isinstance(entry.get("nib"), str):
            entry["nib"] = _Quoted(entry["nib"])
        entries.append(entry)
    fast = _libyaml_text(entries) if emitter == "libyaml" and entries else None
    return fast if fast is not None else _python_text(entries)


def no_firms_yaml(note: str) -> str:
    """What ``import`` prints for a sheet with no firm rows: ``note`` as a YAML comment, and no ``firms:``.

    ``firms: []`` would say the sentra has no firms (not eligible); a
    region file without ``firms`` has them not listed yet (incomplete),
    which is what a sheet not filled in means.
    """
    import textwrap

    # Rewrapped from its words alone: no line break of the note's own can end the comment early.
    return "".join(f"# {line}\n" for line in textwrap.wrap(" ".join(note.split()), 98) or [""])


def _python_text(entries: list[dict[str, Any]]) -> str:
    """The list through PyYAML's representer and Python emitter."""
    import yaml  # the emitter is needed only here

    class _Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)  # "  - name:" under "firms:", as the examples write it

    def quoted(dumper: yaml.SafeDumper, value: _Quoted) -> yaml.ScalarNode:
        return dumper.represent_scalar(_STR, str(value), style='"')

    def number(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
        if value.is_integer() and abs(value) < 1e16:
            return dumper.represent_int(int(value))
        node = dumper.represent_float(value)
        node.value = _decimal(node.value)
        return node

    def any_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        return dumper.represent_scalar(_STR, value, style=_style(value))

    _Dumper.add_representer(str, any_text)
    _Dumper.add_representer(_Quoted, quoted)
    _Dumper.add_representer(float, number)
    text: str = yaml.dump(
        {"firms": entries}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=_WIDTH, indent=2
    )
    return text


def _libyaml_text(entries: list[dict[str, Any]]) -> str | None:
    """The list as libyaml writes it from :func:`_events`, or None where it would not write what the
    Python emitter writes: PyYAML built without libyaml, a value of another type than the reader gives,
    or a character past U+FFFF (an emoji), which libyaml escapes and the Python emitter writes as it is."""
    import yaml

    dumper: Any = getattr(yaml, "CSafeDumper", None)
    if dumper is None:
        return None
    if any(key.__class__ is not str or value.__class__ not in _TYPES for e in entries for key, value in e.items()):
        return None
    keys = {key for entry in entries for key in entry}
    texts = [value for entry in entries for value in entry.values() if isinstance(value, str)]
    joined = "".join([*keys, *texts])
    if joined and max(joined) > "\uffff":
        return None
    listed: str = yaml.emit(_events(entries), Dumper=dumper, allow_unicode=True, width=_WIDTH, indent=2)
    # libyaml indents no list under its key: every line two spaces in, under "firms:", as the Python emitter
    # writes it, but an empty line (of a quoted text spanning lines), which stays empty. Replaced in C: the
    # second pass takes the empty lines the first skipped (a match ends with the break the next starts with).
    indented = listed[:-1].replace("\n", "\n  ")
    return "firms:\n  " + indented.replace("\n  \n", "\n\n").replace("\n  \n", "\n\n") + "\n"


_TYPES: Final = frozenset({str, _Quoted, int, float, bool})


def _events(entries: list[dict[str, Any]]) -> Iterator[Any]:
    """The events PyYAML's representer and serializer make of ``entries`` with :func:`_python_text`'s
    representers (a sequence of block mappings), made without a node: each scalar's tag, text and style as
    the representers give them, and whether it may go without its tag (plain, or quoted) as the serializer
    decides, by the resolver. An event is made once per distinct key or text and given again (a role, a
    category, a mentor's name repeat): the emitter reads events, it keeps none."""
    import yaml
    from yaml.events import (
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        StreamStartEvent,
    )

    resolve = yaml.resolver.Resolver().resolve
    representer = yaml.representer.SafeRepresenter()

    def scalar(tag: str, text: str, style: str | None = None) -> ScalarEvent:
        detected = resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        return ScalarEvent(None, tag, (detected == tag, tag == _STR), text, style=style)

    keys: dict[str, ScalarEvent] = {}
    texts: dict[str, ScalarEvent] = {}
    others: dict[object, ScalarEvent] = {}  # by (type, value): 1 == 1.0 == True as keys
    start, end = MappingStartEvent(None, "tag:yaml.org,2002:map", True, flow_style=False), MappingEndEvent()
    yield StreamStartEvent()
    yield DocumentStartEvent(explicit=False)
    yield SequenceStartEvent(None, "tag:yaml.org,2002:seq", True, flow_style=False)
    for entry in entries:
        yield start
        for key, value in entry.items():
            yield keys.get(key) or keys.setdefault(key, scalar(_STR, key))
            kind = value.__class__
            if kind is str:
                yield texts.get(value) or texts.setdefault(value, scalar(_STR, value, _style(value)))
            else:
                yield others.get((kind, value)) or others.setdefault((kind, value), _other(value, scalar, representer))
        yield end
    yield SequenceEndEvent()
    yield DocumentEndEvent(explicit=False)
    yield StreamEndEvent()


def _style(text: str) -> str | None:
    # YAML 1.1 folds NEL and the Unicode line and paragraph separators in plain and single-quoted text;
    # only double quotes escape them.
    return '"' if _FOLDED.search(text) else None


def _other(value: Any, scalar: Callable[..., Any], representer: Any) -> Any:
    """The event of a value other than plain text, as :func:`_python_text`'s representers give it."""
    kind = value.__class__
    if kind is _Quoted:
        return scalar(_STR, str(value), '"')
    if kind is bool:
        return scalar(_BOOL, "true" if value else "false")
    if kind is int or (value.is_integer() and abs(value) < 1e16):
        return scalar(_INT, str(int(value)))
    node = representer.represent_float(value)
    return scalar(node.tag, _decimal(node.value))


def _decimal(text: str) -> str:
    """A float as a region file reads it back without an error: ``12.345`` (which a region file refuses,
    written so, as 12,345 in Indonesian writing: ``cross_checks.DOTTED_THOUSANDS``) as ``12.3450``."""
    from ..cross_checks import DOTTED_THOUSANDS

    return text + "0" if DOTTED_THOUSANDS.fullmatch(text) else text
