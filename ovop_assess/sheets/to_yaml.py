"""The YAML ``firms:`` list of firms read from a sheet, for ``ovop-assess import``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .columns import FIELDS

_FOLDED = ("\x85", "\u2028", "\u2029")


def firms_yaml(firms: Iterable[Mapping[str, Any]]) -> str:
    """``firms:`` and one entry per firm, keys in the format's order, reading back to the same values.

    NIBs are always double-quoted (a plain ``0812…`` is text to YAML 1.1 but
    a number to YAML 1.2 readers); every other text is quoted by the YAML
    emitter exactly when it would otherwise read as something else
    (``yes``, ``12``, ``null``), with control characters escaped.
    """
    import yaml  # the emitter is needed only here

    class _Quoted(str):
        __slots__ = ()

    class _Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)  # "  - name:" under "firms:", as the examples write it

    def quoted(dumper: yaml.SafeDumper, value: _Quoted) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')

    def number(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
        if value.is_integer() and abs(value) < 1e16:
            return dumper.represent_int(int(value))
        return dumper.represent_float(value)

    def any_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        # YAML 1.1 folds NEL and the Unicode line and paragraph separators in plain and single-quoted text;
        # only double quotes escape them.
        style = '"' if any(char in value for char in _FOLDED) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, any_text)
    _Dumper.add_representer(_Quoted, quoted)
    _Dumper.add_representer(float, number)
    entries = []
    for firm in firms:
        entry = {key: firm[key] for key in FIELDS if key in firm}
        entry.update({key: value for key, value in firm.items() if key not in entry})
        if isinstance(entry.get("nib"), str):
            entry["nib"] = _Quoted(entry["nib"])
        entries.append(entry)
    text: str = yaml.dump(
        {"firms": entries}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=2**31 - 1, indent=2
    )
    return text
