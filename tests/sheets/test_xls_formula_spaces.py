"""An .xls whose formulas hold thousands of space tokens (calamine lays them out in time growing with their
square: one cell of 16,000 took 111 s) is refused before calamine opens it."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess.firm_sheet import import_firms
from ovop_assess.sheets import xls_formula_spaces
from ovop_assess.sheets.xls_formula_spaces import formula_spaces
from ovop_assess.yaml_source import Limits

SPACE = b"\x19\x40\x00\x01"  # ptgAttr, bitAttrSpace, one space before the next token


def _formula(spaces: int, space: bytes = SPACE) -> bytes:
    tokens = space * spaces + b"\x1e\x01\x00"  # the spaces, then the integer 1
    data = struct.pack("<HHH", 1, 0, 15) + bytes(8) + struct.pack("<HI", 0, 0) + struct.pack("<H", len(tokens))
    return struct.pack("<HH", 0x0006, len(data) + len(tokens)) + data + tokens


def test_one_formula_of_many_spaces_is_counted_by_its_square() -> None:
    stream = _formula(1100) + _formula(3)
    assert formula_spaces(stream, len(stream)) == 1100**2 + 3**2


def test_the_spaces_of_a_volatile_formula_are_counted_too() -> None:
    """``19 41`` (PtgAttrSpaceSemi) is laid out alike by calamine: a 778 KB file of them ran 142 s (a third
    adversarial review), counted as none before. Mixed with ``19 40`` in one formula, all are its tokens."""
    semi = b"\x19\x41\x00\xff"
    stream = _formula(1100, semi) + _formula(600, SPACE + semi)
    assert formula_spaces(stream, len(stream)) == 1100**2 + 1200**2


def test_many_formulas_with_a_few_spaces_each_pass() -> None:
    """2,000 tokens in all pass the cheap count; each formula's own count then decides (1,000 formulas of 2)."""
    stream = b"".join(_formula(2) for _ in range(1000))
    assert formula_spaces(stream, len(stream)) is None
    assert formula_spaces(_formula(1000), len(_formula(1000))) is None  # at the limit: a million


def test_spaces_outside_formulas_are_not_counted() -> None:
    label = struct.pack("<HH", 0x0204, 4000) + b"\x19\x40" * 2000  # a text holding the bytes, no formula
    assert formula_spaces(label, len(label)) is None


def test_a_workbook_is_refused_with_the_count_and_the_limit(
    make_xls: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlwt  # type: ignore[import-untyped]

    def formula(sheet: Any) -> None:
        sheet.write(2, 1, xlwt.Formula('"angg"&"ota"'))

    path = make_xls({"Daftar UMKM": [["Nama Usaha", "Peran"], ["Batik A", "penggerak"], ["Batik B"]]}, build=formula)
    monkeypatch.setattr(xls_formula_spaces, "formula_spaces", lambda stream, end: 5_120_000_000)
    [error] = import_firms(path, None, Limits()).errors
    assert error.message.id == "sheet.xls_formula_spaces"
    assert error.message.values == {
        "count": {"en": "5,120,000,000", "id": "5.120.000.000"},
        "limit": {"en": "1,000,000", "id": "1.000.000"},
    }


def test_a_workbook_without_formulas_is_not_searched(
    make_xls: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search of the whole stream costs 3 ms of a 10,000-row read: only where the walk met a formula."""

    def never(stream: bytes, end: int) -> int:
        raise AssertionError("searched")

    monkeypatch.setattr(xls_formula_spaces, "formula_spaces", never)
    path = make_xls({"Daftar UMKM": [["Nama Usaha", "Peran"], ["Batik A", "penggerak"]]})
    assert import_firms(path, None, Limits()).errors == ()
