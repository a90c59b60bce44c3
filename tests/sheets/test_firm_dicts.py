"""A sheet's firm dicts are made from its columns when first asked for, and equal the dicts the columns give."""

from __future__ import annotations

import copy
import pickle
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ovop_assess.firm_sheet import import_firms
from ovop_assess.sheets import firm_dicts, read_firms
from ovop_assess.sheets.firm_dicts import FirmDicts
from ovop_assess.sheets.firm_rows import with_values
from ovop_assess.sheets.stray_rows import stray_rows
from ovop_assess.yaml_source import Limits

FIELDS = ("name", "role", "mentor", "workers")
COLUMNS = st.integers(min_value=0, max_value=6).flatmap(
    lambda count: st.tuples(
        st.just(count),
        st.lists(
            st.lists(st.none() | st.sampled_from(["A", "b", 0, 3]), min_size=count, max_size=count),
            min_size=len(FIELDS),
            max_size=len(FIELDS),
        ),
    )
)


def _plain(columns: list[list[Any]], count: int) -> list[dict[str, Any]]:
    """Each row's dict the plain way: the fields with a value, in the columns' order."""
    return [
        {field: column[row] for field, column in zip(FIELDS, columns, strict=True) if column[row] is not None}
        for row in range(count)
    ]


def _kinds(columns: list[list[Any]]) -> list[set[type]]:
    return [set(map(type, column)) | {type(None)} for column in columns]


@settings(max_examples=200, deadline=None)
@given(COLUMNS)
def test_the_dicts_and_the_rows_questions_agree_with_the_plain_dicts(case: tuple[int, list[list[Any]]]) -> None:
    count, columns = case
    firms = FirmDicts(FIELDS, columns, _kinds(columns), count)
    plain = _plain(columns, count)
    assert len(firms) == count and list(firms) == plain and firms == plain and firms == tuple(plain)
    kinds = _kinds(columns)
    assert with_values(columns, kinds) == [row for row, firm in enumerate(plain) if firm]
    # A row with neither name nor role (the first two fields) is a stray one when any other field holds a value.
    strays = stray_rows(columns[0], columns[1], (kinds[0], kinds[1]), columns, set(), set())
    assert strays == {row for row, firm in enumerate(plain) if firm and "name" not in firm and "role" not in firm}
    assert pickle.loads(pickle.dumps(firms)) == firms


def test_a_column_filled_in_every_row_makes_every_row_a_firm() -> None:
    columns, kinds = [["A", "B"], [None, None]], [{str}, {type(None)}]
    firms = FirmDicts(("name", "mentor"), columns, kinds, 2)
    assert with_values(columns, kinds) == [0, 1] and firms[1] == {"name": "B"} and firms[-1:] == ({"name": "B"},)


def test_dicts_are_equal_only_to_sequences_of_the_same_dicts() -> None:
    firms = FirmDicts(("name",), [["A"]], [{str}], 1)
    assert firms == [{"name": "A"}] and firms != [{"name": "B"}] and firms != ({"name": "A"}, {"name": "A"})
    assert firms != {"name": "A"} and firms != "A" and repr(firms) == "FirmDicts([{'name': 'A'}])"
    with pytest.raises(TypeError):
        hash(firms)


def test_reading_and_importing_a_good_sheet_makes_no_dict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks, the validation and ``import``'s checks ask the columns: the dicts are made for a caller."""
    path = tmp_path / "daftar.csv"
    rows = "".join(f"Usaha {i};{'penggerak' if i == 0 else 'binaan'};{'' if i == 0 else 'Usaha 0'}\n" for i in range(5))
    path.write_text("Nama Usaha;Peran;Pembina\n" + rows, encoding="utf-8")
    made: list[int] = []
    real = firm_dicts.assembled

    def counted(*args: Any) -> list[dict[str, Any]]:
        made.append(1)
        return real(*args)

    monkeypatch.setattr(firm_dicts, "assembled", counted)
    found = read_firms(path)
    imported = import_firms(path, None, Limits())
    assert not found.errors and not imported.errors and not imported.warnings and made == []
    assert imported.firms[1] == {"name": "Usaha 1", "role": "mentee", "mentor": "Usaha 0"} and made == [1]
    assert list(imported.firms)[4]["name"] == "Usaha 4" and made == [1]  # made once, then kept


def test_a_change_to_a_made_dict_is_kept_by_pickling_and_copying() -> None:
    firms = FirmDicts(("name",), [["A", "B"]], [{str}], 2)
    firms[0]["name"] = "Diubah"
    for kept in (pickle.loads(pickle.dumps(firms)), copy.deepcopy(firms), copy.copy(firms)):
        assert kept[0] == {"name": "Diubah"} and kept == firms
    unmade = FirmDicts(("name",), [["A"]], [{str}], 1)
    assert pickle.loads(pickle.dumps(unmade)) == [{"name": "A"}]


def test_threads_asking_at_once_get_the_same_dicts() -> None:
    count = 40_000
    firms = FirmDicts(("name", "role"), [[f"U{i}" for i in range(count)], ["member"] * count], [{str}, {str}], count)
    start = threading.Barrier(4)
    got: list[dict[str, Any]] = []

    def ask() -> None:
        start.wait()
        got.append(firms[1])

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 4 and all(firm is firms[1] for firm in got)


@pytest.mark.parametrize(
    ("fields", "columns", "kinds", "count"),
    [
        (("name",), [["A"]], [{str}], 2),  # fewer values than firms
        (("name", "role"), [["A"]], [{str}, {str}], 1),  # a field without its column
        (("name",), [["A"]], [], 1),  # a column without its types
    ],
)
def test_columns_that_do_not_fit_the_count_are_refused(
    fields: tuple[str, ...], columns: list[list[object]], kinds: list[set[type]], count: int
) -> None:
    with pytest.raises(ValueError, match="for each"):
        FirmDicts(fields, columns, kinds, count)
