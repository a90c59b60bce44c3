"""The shortcut of ``import_firms``: rows it lets pass without the ``Firm`` model are rows the model accepts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ovop_assess.firm_sheet import _suspect_rows, import_firms
from ovop_assess.region import Firm
from ovop_assess.yaml_source import Limits

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=10**14),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=15),
    st.sampled_from(
        ["champion", "mentee", "member", "Champion", "", "0812345678901", "081234567890\u0661", "08123456789012"]
    ),
    # Text that shows nothing: white space, a zero-width space, a Hangul filler (a letter to str.isalnum).
    st.sampled_from([" ", "\u200b", "\t\u200b ", "\u3164", "B\u200b"]),
    st.from_regex(r"[0-9]{13}", fullmatch=True),
)
FIELDS = [*Firm.model_fields, "alamat"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=9), max_size=6))
def test_every_row_the_model_refuses_is_suspect(rows: list[dict[str, Any]]) -> None:
    # A None value is a field left out, as the reader gives it.
    firms = [{key: value for key, value in row.items() if value is not None} for row in rows]
    refused = set()
    for index, firm in enumerate(firms):
        try:
            Firm.model_validate(firm)
        except ValidationError:
            refused.add(index)
    assert refused <= set(_suspect_rows(firms))


def test_clean_rows_are_not_suspect() -> None:
    firm = {
        "name": "Gerabah 01",
        "role": "champion",
        "category": "pottery",
        "willing_to_lead": True,
        "monthly_capacity": 900.0,
        "nib": "0912000000000",
        "workers": 12,
    }
    assert _suspect_rows([firm, {"name": "B", "role": "mentee", "mentor": "Gerabah 01"}]) == []
    assert _suspect_rows([firm, {"name": "B", "role": "boss"}, {**firm, "nib": "812"}]) == [1, 2]


def test_a_name_or_text_that_shows_nothing_is_suspect() -> None:
    """A zero-width space is no name: ``import`` printed it as a valid firm, where a region file refused it."""
    good = {"name": "Batik A", "role": "champion", "category": "batik"}
    firms = [good, {"name": "\u200b", "role": "mentee"}, {"name": "Batik C", "role": "mentee", "mentor": " \u3164"}]
    firms += [{"name": "Batik D", "role": "member", "category": "\ufeff"}]
    assert _suspect_rows(firms) == [1, 2, 3]
    values = {key: [firm.get(key) for firm in firms] for key in ("name", "role", "category", "mentor")}
    kinds = {key: set(map(type, column)) for key, column in values.items()}
    assert _suspect_rows(firms, values, kinds, {"category": {"batik", None, "\ufeff"}}) == [1, 2, 3]


def test_import_refuses_a_name_that_shows_nothing_at_its_cell(tmp_path: Path) -> None:
    """The same error as for the firm in a region file, at the cell (the column check had let it pass)."""
    sheet = tmp_path / "daftar.csv"
    sheet.write_text("Nama Usaha;Peran;Kategori\nBatik A;penggerak;batik\n\u200b;binaan;batik\n", encoding="utf-8")
    imported = import_firms(sheet, None, Limits())
    assert [(e.location.cell, e.location.path) for e in imported.errors] == [("A3", "firms[1].name")]
    assert imported.errors[0].message.id == "schema.empty_text"
