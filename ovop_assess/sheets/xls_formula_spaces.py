"""The spaces an ``.xls`` workbook's formulas hold, which calamine lays out in time that grows with their square.

A space typed in a formula is saved as a token of its own (``PtgAttrSpace``:
``19 40``, then its kind and how many spaces; ``PtgAttrSpaceSemi``, ``19 41``,
the same in a volatile formula, which calamine lays out alike: a third
adversarial review, 142 s for a 778 KB file), and calamine, turning every
formula of every sheet into text as it opens the file, inserts each space
one at a time into the text made so far. A formula of 16,000 such tokens
took 111 s (an adversarial review; 1,000 tokens 0.71 s), so a 1.3 MB file of
20 of them ran for half an hour. The file is refused before it is opened
when the squares of the tokens' count in each formula add up to more than
a million (about 0.7 s of calamine's time): a workbook of 10,000 formulas
with a space or two in each comes to 40,000.

Cheap for the usual workbook: every ``19 40`` and ``19 41`` in the stream
(the token anywhere) is at least the tokens, and a thousand of them cannot
come to more than a million squared. Only past it is each FORMULA, SHRFMLA
and ARRAY record looked at, its own counted.
"""

from __future__ import annotations

import struct

_SPACES = (b"\x19\x40", b"\x19\x41")  # ptgAttr with its bitAttrSpace set (and bitAttrSemi: a volatile formula)
FORMULA_SPACES = 1_000_000
"""The most the squares of each formula's space tokens may add up to: the tool's own limit."""
_HEADER = struct.Struct("<HH")
_FORMULAS = frozenset({0x0006, 0x04BC, 0x0221})  # FORMULA, SHRFMLA, ARRAY: the records that hold tokens


def formula_spaces(stream: bytes, end: int) -> int | None:
    """The sum of the squares of each formula's space tokens when over the limit, else ``None``."""
    if sum(stream.count(space, 0, end) for space in _SPACES) ** 2 <= FORMULA_SPACES:
        return None
    total, position = 0, 0
    while position + 4 <= end:
        kind, size = _HEADER.unpack_from(stream, position)
        following = min(position + 4 + size, end)
        if kind in _FORMULAS:
            total += sum(stream.count(space, position + 4, following) for space in _SPACES) ** 2
        position = following
    return total if total > FORMULA_SPACES else None
