"""Sizes in bytes as messages say them: ``100 MiB (104,857,600 bytes)``, readable and still exact.

A limit such as ``--max-unpacked-bytes`` is given and checked in bytes, so
the exact count stays in the message (what to raise the option to); the
binary unit beside it is what a file manager shows. The digits are grouped
in each language's way (``104,857,600``; ``104.857.600`` in Bahasa
Indonesia), as a decimal is written in each (``1.5``; ``1,5``): a value
given in both languages, rendered in the report's. Kept apart from the
catalogue so that the readers that refuse a file load nothing more.
"""

from __future__ import annotations

from .results import Message

_UNITS = ("KiB", "MiB", "GiB", "TiB", "PiB", "EiB")
_STEP = 1024


def grouped_count(count: int) -> dict[str, str]:
    """``count`` with its digits grouped in each language's way: ``10,485,760``; ``10.485.760``."""
    grouped = f"{count:,}"
    return {"en": grouped, "id": grouped.replace(",", ".")}


def fmt_bytes(size: int) -> Message:
    """``size`` bytes in words: ``size.binary`` (the largest unit the size reaches: ``16 MiB``, or ``143.1 MiB``
    when it is no whole number of them) with the exact count, or the count alone below 1 KiB."""
    count = grouped_count(size)
    if size == 1:
        return Message("size.one_byte", {})
    if size < _STEP:
        return Message("size.bytes", {"count": count})
    power = 1
    while power < len(_UNITS) and _tenths(size, power) >= _STEP * 10:  # 1023.96 KiB is said 1.0 MiB
        power += 1
    unit: int = _STEP**power
    if size % unit == 0:
        written = str(size // unit)
    else:  # in whole numbers: a limit may be any integer, past what a float holds
        whole, tenth = divmod(_tenths(size, power), 10)
        written = f"{whole}.{tenth}"
    return Message(
        "size.binary",
        {"size": {"en": written, "id": written.replace(".", ",")}, "unit": _UNITS[power - 1], "count": count},
    )


def _tenths(size: int, power: int) -> int:
    """``size`` in tenths of the unit ``1024 ** power``, rounded half up."""
    unit: int = _STEP**power
    return (size * 10 + unit // 2) // unit


def option_default(size: int) -> Message:
    """A byte limit's default as ``--help`` shows it: the count to type, and the size a file manager shows."""
    said = fmt_bytes(size)
    if "unit" not in said.values:
        return said
    return Message("size.option_default", {**said.values, "count": str(size)})
