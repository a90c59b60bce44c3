"""What an .xls formula's result can be, read from its tokens as a FORMULA record holds them: xlwt compiles
a formula's text into them, and the forms it does not write (an IF with no else, CHOOSE) are written here."""

from __future__ import annotations

import struct

import pytest
import xlwt  # type: ignore[import-untyped]

from ovop_assess.sheets.xls_formula_kinds import BOOLEAN, NUMBER, TEXT, result_kinds


def _tokens(formula: str | bytes) -> bytes:
    """A formula's tokens, without the size a FORMULA record writes before them."""
    return xlwt.Formula(formula).rpn()[2:] if isinstance(formula, str) else formula


def _shares(row: int, column: int) -> bytes:
    """The tokens of a cell of a shared range: a ptgExp naming the range's first cell."""
    return struct.pack("<BHH", 0x01, row, column)


def _if(value: bytes) -> bytes:
    """IF(1; value) as Excel writes it: the test, tAttrIf, the value, a tAttrGoto past IF's token, IF."""
    return b"\x1e\x01\x00" + b"\x19\x02\x08\x00" + value + b"\x19\x08\x03\x00" + b"\x42\x02\x01\x00"


# CHOOSE(1; "a"; 2): the index, tAttrChoose with its jump table, each choice and a tAttrGoto past CHOOSE.
CHOOSE = b"\x1e\x01\x00\x19\x04\x02\x00" + bytes(6) + b"\x17\x01\x00a\x19\x08\x0a\x00\x1e\x02\x00\x19\x08\x03\x00"
CHOOSE += b"\x42\x03\x64\x00"


@pytest.mark.parametrize(
    ("formula", "kinds"),
    [
        ('"a"&"b"', {TEXT}),
        ('CONCATENATE("a","b")', {TEXT}),
        ("UPPER(A2)", {TEXT}),
        ('("a")', {TEXT}),  # parentheses leave the value inside
        ("100*2", {NUMBER}),
        ("-A2", {NUMBER}),
        ("5%", {NUMBER}),
        ("LEN(A2)", {NUMBER}),
        ("SUM(A1:A3)", {NUMBER}),  # tAttrSum
        ("1=1", {BOOLEAN}),
        ("AND(1,0)", {BOOLEAN}),
        ("A2", {TEXT, NUMBER, BOOLEAN}),  # a reference gives what the cell holds
        ('A2&""', {TEXT}),
        ("VLOOKUP(A2,A1:B3,2)", {TEXT, NUMBER, BOOLEAN}),
        ('IF(1,"a","b")', {TEXT}),
        ('IF(1,"a",2)', {TEXT, NUMBER}),
        ('IF(1,IF(0,"a","b"),"c")', {TEXT}),
        ("IF(1,A2,0)", {TEXT, NUMBER, BOOLEAN}),
        (_if(b"\x17\x01\x00a"), {TEXT, BOOLEAN}),  # IF(test; "a") is FALSE when the test fails
        (CHOOSE, {TEXT, NUMBER}),
    ],
)
def test_what_a_formula_s_result_can_be_is_read_from_its_tokens(formula: str | bytes, kinds: set[str]) -> None:
    assert result_kinds(_tokens(formula), {}) == kinds


@pytest.mark.parametrize(
    "tokens",
    [
        b"\x18\x00",  # a token this reader does not know (ptgExtended)
        b"\x17\x05\x00ab",  # a text running past the formula's end
        b"\x17\x01\x00a\x17\x01\x00b\x08\x1e",  # a number cut short
        b"",
        None,  # a formula of BIFF5, whose tokens are not read
        _shares(7, 7),  # the first cell of a shared range the sheet does not hold
    ],
)
def test_a_formula_whose_tokens_are_not_read_may_give_anything(tokens: bytes | None) -> None:
    assert result_kinds(tokens, {}) == {TEXT, NUMBER, BOOLEAN}


def test_a_cell_of_a_shared_range_gives_what_the_shared_formula_gives() -> None:
    shared = {(2, 0): _tokens('"Batik "&F3'), (2, 1): _tokens("F3*2")}
    assert result_kinds(_shares(2, 0), shared) == {TEXT} and result_kinds(_shares(2, 1), shared) == {NUMBER}


@pytest.mark.parametrize(("depth", "kinds"), [(60, {TEXT}), (70, {TEXT, NUMBER, BOOLEAN})])
def test_ifs_nested_past_excel_s_limit_may_give_anything(depth: int, kinds: set[str]) -> None:
    """IFs within IFs are followed as deep as Excel allows (64), and no deeper: a file's formula cannot
    make the reader recurse without end."""
    formula = '"a"'
    for _ in range(depth):
        formula = f'IF(1,{formula},"b")'
    assert result_kinds(_tokens(formula), {}) == kinds
