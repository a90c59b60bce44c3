"""The shortcut of ``import_firms``: rows it lets pass without the ``Firm`` model are rows the model accepts."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ovop_assess.firm_sheet import _suspect_rows
from ovop_assess.region import Firm

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=10**14),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=15),
    st.sampled_from(
        ["champion", "mentee", "member", "Champion", "", "0812345678901", "081234567890\u0661", "08123456789012"]
    ),
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
