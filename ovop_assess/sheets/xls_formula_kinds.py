"""What an ``.xls`` formula's result can be (text, a number, TRUE/FALSE, or anything), from its tokens.

BIFF8 saves a formula as its parsed expression, tokens in reverse Polish
order, and the value the last token leaves is the result: an operator or
constant tells its kind (``&`` and a text constant text, a comparison
TRUE/FALSE), a function of a known kind its own (CONCATENATE text, AND
TRUE/FALSE, SUM a number), IF and CHOOSE what their choices give; a
reference, a name or a look-up may give anything. ``xls_extent.settle``
asks this of a formula whose saved result is 0 or 1, which LibreOffice
writes for a text or TRUE/FALSE result it has not computed again.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

_WORD = struct.Struct("<H")
_EXP = struct.Struct("<HH")  # a ptgExp's row and column: the first cell of the shared or array range it names

TEXT, NUMBER, BOOLEAN = "text", "number", "boolean"
_ANY = frozenset({TEXT, NUMBER, BOOLEAN})
# Operators and constants (a first byte below 0x20): + - * / ^, &, < <= = >= > <>, unary minus, %, a text,
# TRUE/FALSE, a whole number, a number.
_OPERATORS = {
    **dict.fromkeys(range(0x03, 0x08), NUMBER),
    0x08: TEXT,
    **dict.fromkeys(range(0x09, 0x0F), BOOLEAN),
    **{0x13: NUMBER, 0x14: NUMBER, 0x17: TEXT, 0x1D: BOOLEAN, 0x1E: NUMBER, 0x1F: NUMBER},
}
# The bytes after a token's first: of operators, constants, ptgExp and ptgTbl (ptgStr's and ptgAttr's vary),
# and of operands and functions (a first byte from 0x20 on) by its low five bits.
_SIZES = {0x01: 4, 0x02: 4, **dict.fromkeys(range(0x03, 0x17), 0), 0x1C: 1, 0x1D: 1, 0x1E: 2, 0x1F: 8}
_KIND_SIZES = {0: 7, 1: 2, 2: 3, 3: 4, 4: 4, 5: 8, 6: 6, 7: 6, 8: 6, 9: 2, 10: 4, 11: 8, 12: 4, 13: 8}
_KIND_SIZES |= {0x19: 6, 0x1A: 6, 0x1B: 10, 0x1C: 6, 0x1D: 10}
_IF, _CHOOSE = 1, 100
# Built-in functions (by number) that give one kind of result: DOLLAR, FIXED, REPT, MID, TEXT, CHAR, LOWER,
# UPPER, PROPER, LEFT, RIGHT, TRIM, REPLACE, SUBSTITUTE, T, CLEAN, the B variants, ASC, DBCS, ADDRESS,
# CONCATENATE, ROMAN, BAHTTEXT; the IS functions, TRUE, FALSE, AND, OR, NOT, EXACT; SUM, COUNT, ROUND, LEN,
# VALUE, dates and the like. The rest (VLOOKUP, INDEX, OFFSET, ...) give what they find: anything.
_TEXT_FUNCTIONS = (13, 14, 30, 31, 48, 111, 112, 113, 114, 115, 116, 118, 119, 120, 130, 162, 207, 208, 209, 210, 214)
_BOOLEAN_FUNCTIONS = (2, 3, 34, 35, 36, 37, 38, 105, 117, 126, 127, 128, 129, 190, 198)
_NUMBER_FUNCTIONS = (0, 4, 5, 6, 7, 8, 9, 12, 19, 20, 24, 25, 26, 27, 32, 33, 39, 63, 64, 65, 66, 67, 68, 69, 70, 71)
_MORE_NUMBERS = (72, 73, 74, 82, 86, 121, 124, 131, 140, 141, 169, 183, 197, 205, 206, 211, 212, 213, 216, 220, 221)
_FUNCTIONS = {
    **dict.fromkeys((*_TEXT_FUNCTIONS, 215, 219, 336, 354, 368), TEXT),
    **dict.fromkeys(_BOOLEAN_FUNCTIONS, BOOLEAN),
    **dict.fromkeys((*_NUMBER_FUNCTIONS, *_MORE_NUMBERS, 227, 228, 285, 288, 325, 326, 337, 345, 346, 347), NUMBER),
}
_NESTED = 64  # IF and CHOOSE within each other followed at most this deep (Excel allows 64)


def result_kinds(tokens: bytes | None, shared: Mapping[tuple[int, int], bytes]) -> frozenset[str]:
    """What a formula's result can be (text, number, boolean), from what its last token leaves; anything
    for a reference, a name, a look-up, a token this reader does not know, or no tokens (None)."""
    if tokens is not None and tokens[:1] == b"\x01" and len(tokens) == 5:  # ptgExp: the range's first cell's
        tokens = shared.get(_EXP.unpack_from(tokens, 1))
    starts = _token_starts(tokens) if tokens is not None else None
    if tokens is None or starts is None:
        return _ANY
    # IF and CHOOSE: each choice ends with a tAttrGoto jumping past the function's token.
    gotos: dict[int, list[int]] = {}
    for index, at in enumerate(starts):
        if tokens[at] == 0x19 and tokens[at + 1] & 0x08:
            gotos.setdefault(at + 5 + _WORD.unpack_from(tokens, at + 2)[0], []).append(index)
    return _left_by(tokens, starts, gotos, len(starts) - 1, 0)


def _left_by(tokens: bytes, starts: list[int], gotos: dict[int, list[int]], index: int, depth: int) -> frozenset[str]:
    """What the value the ``index``-th token leaves on top of the stack can be."""
    while index >= 0 and depth <= _NESTED:
        at = starts[index]
        code = tokens[at]
        if code in (0x12, 0x15) or (code == 0x19 and not tokens[at + 1] & 0x10):
            index -= 1  # unary plus, parentheses, an attribute (but a SUM): the value below stays on top
            continue
        if code == 0x19:
            return frozenset({NUMBER})
        if code < 0x20:
            kind = _OPERATORS.get(code)
            return frozenset({kind}) if kind else _ANY
        if code & 0x1F not in (0x01, 0x02):  # references, names, arrays
            return _ANY
        function = _WORD.unpack_from(tokens, at + (code & 0x1F))[0] & 0x7FFF  # after ptgFuncVar's count
        if function in (_IF, _CHOOSE):
            following = starts[index + 1] if index + 1 < len(starts) else len(tokens)
            choices = gotos.get(following, [])
            if not choices:
                return _ANY
            kinds = frozenset().union(*(_left_by(tokens, starts, gotos, goto - 1, depth + 1) for goto in choices))
            return kinds | {BOOLEAN} if function == _IF and len(choices) == 1 else kinds  # IF(test; value): FALSE
        kind = _FUNCTIONS.get(function)
        return frozenset({kind}) if kind else _ANY
    return _ANY


def gives_empty_text(tokens: bytes | None, shared: Mapping[tuple[int, int], bytes]) -> bool:
    """Whether a formula whose saved result is the empty text (type 3) can give it: one whose result can be
    text and whose tokens hold the constant "" (=IF(Peran="binaan";"Batik A";""), as offices fill Pembina).
    Excel saves such a result so; a script that computes nothing (xlwt) saves every formula's result so too,
    and a formula without "" (="Usaha "&"B", =ROW()-1) is taken as one without its result (the tool's own
    reading: =TRIM(B2) of an empty cell, saved by Excel, is taken so too)."""
    if tokens is not None and tokens[:1] == b"\x01" and len(tokens) == 5:  # ptgExp: the range's first cell's
        tokens = shared.get(_EXP.unpack_from(tokens, 1))
    starts = _token_starts(tokens) if tokens is not None else None
    if tokens is None or starts is None or TEXT not in result_kinds(tokens, shared):
        return False
    return any(tokens[at] == 0x17 and tokens[at + 1] == 0 for at in starts)  # ptgStr of no characters


def _token_starts(tokens: bytes) -> list[int] | None:
    """Where each token of a BIFF8 formula starts; None if one is of a kind not known here or runs past the end."""
    starts: list[int] = []
    at, end = 0, len(tokens)
    while at < end:
        starts.append(at)
        code = tokens[at]
        size: int | None
        if code == 0x17 and at + 3 <= end:  # ptgStr: its characters' count, flags, one or two bytes each
            size = 2 + tokens[at + 1] * (2 if tokens[at + 2] & 1 else 1)
        elif code == 0x19 and at + 4 <= end:  # ptgAttr: flags, a word; tAttrChoose a word per choice and one
            size = 3 + (2 * _WORD.unpack_from(tokens, at + 2)[0] + 2 if tokens[at + 1] & 0x04 else 0)
        elif code >= 0x20:
            size = _KIND_SIZES.get(code & 0x1F) if code < 0x80 else None
        else:
            size = _SIZES.get(code)
        if size is None:
            return None
        at += 1 + size
    return starts if at == end else None
