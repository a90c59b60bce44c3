"""The shortcuts of a long sheet's read give what the plain way gives, cell for cell and finding for finding."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path
from ovop_assess.cross_checks import check_firms
from ovop_assess.firm_sheet import _checks_find_nothing, _suspect_rows, import_firms
from ovop_assess.messages import render
from ovop_assess.results import Finding, Location
from ovop_assess.sheets import SheetLimits, read_firms
from ovop_assess.sheets.column_values import field_column, mixed_cells
from ovop_assess.sheets.columns import CONVERT, FIELDS, Rejected
from ovop_assess.sheets.csvfile import CsvTable, _split_rows
from ovop_assess.sheets.firm_dicts import assembler as _assembler
from ovop_assess.sheets.limits import SheetRefused
from ovop_assess.sheets.limits import counted as counted_in
from ovop_assess.yaml_source import Limits, Positions

PIECES = st.sampled_from(["a", "B", ";", ",", "\t", "\n", "\r\n", "\r", " ", '"', "\u00e9", "\x00", "12", ""])
# Whole quoted fields, which the split takes out of their quotes, beside the pieces that make them otherwise.
QUOTED = st.sampled_from(['"a;b"', '"a,b"', '"x\ty"', '"B"', '""', '"a""b"', '"a\nb"', '"\u00e9;"', '";"'])


def _as_rows(split: list[list[str]] | CsvTable) -> list[list[str]]:
    if isinstance(split, CsvTable):
        return [list(split.header), *([list(row) for row in zip(*split.columns, strict=True)])]
    return split


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.sampled_from([";", ",", "\t"]))
def test_split_rows_are_csv_readers_rows(text: str, sep: str) -> None:
    split = _split_rows(text, sep, SheetLimits())
    if split is not None:  # None: the file goes to csv.reader itself
        assert _as_rows(split) == list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES | QUOTED, max_size=30).map("".join), st.sampled_from([";", ",", "\t"]))
@example('"a;b";c\r\nd;"e"\r\n', ";")
@example('a;"b"\n""\n', ";")
def test_split_rows_of_quoted_fields_are_csv_readers_rows(text: str, sep: str) -> None:
    split = _split_rows(text, sep, SheetLimits())
    if split is not None:
        assert _as_rows(split) == list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


# Files whose lines mostly have one width, so the cut of the whole text at once is tried on most of them.
CELL = st.sampled_from(["a", "B", "", " ", "12", "\u00e9", "x\ny", "\n", "\r", "a\rb", '"q"', '"a;b"', "c;d"])


@settings(max_examples=600, deadline=None)
@given(
    st.integers(2, 4).flatmap(lambda width: st.lists(st.lists(CELL, min_size=width, max_size=width), max_size=8)),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    st.sampled_from([";", ","]),
)
@example([["a", "b", "c"], ["d"], ["e"]], "\n", True, ";")  # the line breaks fall every width + 1 cells, yet
@example([["a", "b"], ["c", "d"]], "\r\n", False, ";")
def test_lines_of_one_width_are_cut_as_the_reader_cuts_them(
    rows: list[list[str]], eol: str, last_break: bool, sep: str
) -> None:
    text = eol.join(sep.join(row) for row in rows) + (eol if last_break and rows else "")
    split = _split_rows(text, sep, SheetLimits())
    if split is not None:
        assert _as_rows(split) == list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


def test_a_file_past_the_cell_limit_is_refused_with_its_count_whichever_way_it_is_cut() -> None:
    for text in (";" * 50 + "\n", "a;b\n" * 30, "a;b\r\n" * 6 + "a\r\n"):
        with pytest.raises(SheetRefused) as refused:
            _split_rows(text, ";", SheetLimits(max_cells=10))
        finding = refused.value.findings[0]
        assert isinstance(finding, Finding) and finding.message.id == "sheet.too_many_cells"
        counted = sum(len(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        assert dict(finding.message.values) == {"cells": counted, "limit": 10, "counted": counted_in(".csv")}


def test_quoted_fields_on_every_line_are_split_not_sent_to_the_reader() -> None:
    text = 'Nama Usaha;Alamat\r\n"Batik; A";"Jl. 1; Desa"\r\nBatik B;"Jl. 2"\r\n'
    split = _split_rows(text, ";", SheetLimits())
    assert isinstance(split, CsvTable)
    assert _as_rows(split) == list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_quoted_and_plain_files_read_alike(tmp_path: Path) -> None:
    plain = "Nama Usaha;Peran;NIB;Tenaga Kerja\r\nBatik A;penggerak;0812345678901;12\r\n\r\nBatik B;binaan;;3\r\n"
    quoted = plain.replace("Batik A", '"Batik A"')
    found = [read_firms(_write(tmp_path / name, text)) for name, text in (("a.csv", plain), ("b.csv", quoted))]
    assert found[0].firms == found[1].firms and found[0].rows == found[1].rows == (2, 4)
    assert found[0].values == found[1].values and found[0].kinds == found[1].kinds


def test_rows_shorter_than_the_header_have_empty_cells(tmp_path: Path) -> None:
    found = read_firms(_write(tmp_path / "pendek.csv", "Nama Usaha;Peran;NIB\nA;anggota\nB;anggota\n"))
    assert found.errors == () and found.firms == ({"name": "A", "role": "member"}, {"name": "B", "role": "member"})


def test_a_count_of_thousands_of_digits_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = _write(tmp_path / "panjang.csv", f"Nama Usaha;Peran;Tenaga Kerja;NIB\nA;anggota;{'1' * 5000};{'2' * 5000}\n")
    imported = import_firms(path, None, Limits())
    assert [f.location.cell for f in imported.errors] == ["C2", "D2"]


def test_values_and_kinds_follow_the_firms(tmp_path: Path) -> None:
    text = (
        "Nama Usaha;Peran;Bersedia Menjadi Penggerak;Kapasitas per Bulan;NIB;Tenaga Kerja\n"
        "A;penggerak;Ya;1.500;8,12E+12;3\n"
        ";;;;;\n"
        "B;binaan;mungkin;2,5;0812345678901;\n"
    )
    found = read_firms(_write(tmp_path / "campur.csv", text))
    assert len(found.errors) == 3  # 1.500, 8,12E+12, mungkin (2,5 is a decimal comma)
    for field, column in found.values.items():
        assert column == tuple(firm.get(field) for firm in found.firms)
        assert frozenset(map(type, column)) <= found.kinds[field]
        assert set(column) <= found.few.get(field, set(column))
    assert set(found.few) == {"role"}  # not a column with a cell in error, nor one of as many texts as rows
    firms = list(found.firms)
    assert _suspect_rows(firms, found.values, found.kinds, found.few) == _suspect_rows(firms) == []


FIRM = st.fixed_dictionaries(
    {},
    optional={
        # (and names a person reads alike: in case, spaces, invisible characters, an accent typed either way)
        "name": st.sampled_from(
            ["A", "B", "C", "D", 3, True, "a", "A B", "A  B", "A\u00a0B", "S\u00eamb", "Se\u0302mb", "S\u00eamb\u200b"]
        ),
        "role": st.sampled_from(["champion", "mentee", "member", "boss", 1]),
        "mentor": st.sampled_from(["A", "B", "C", "Z", 2]),
    },
)


@settings(max_examples=500, deadline=None)
@given(st.lists(FIRM, max_size=7))
@example([{"name": "A", "role": "champion"}, {"name": "B", "role": "champion"}, {"name": "C", "role": "mentee"}])
@example([{"name": "A B", "role": "champion"}, {"name": "A\u00a0B", "role": "member"}])
@example([{"name": "S\u00eamb", "role": "champion"}, {"name": "Se\u0302mb", "role": "member"}])
def test_checks_are_skipped_only_when_they_would_find_nothing(firms: list[dict[str, Any]]) -> None:
    fields = ("name", "role", "mentor") if any("mentor" in firm for firm in firms) else ("name", "role")
    values = {field: [firm.get(field) for firm in firms] for field in fields}  # a sheet may have no mentor column
    kinds = {field: set(map(type, column)) for field, column in values.items()}
    if _checks_find_nothing(values, kinds, len(firms)):
        errors: list[Any] = []
        warnings: list[Any] = []
        check_firms(firms, _Nowhere(), errors, warnings)
        assert errors == [] and warnings == []


class _Nowhere(Positions):
    def value(self, path: Any) -> Location:
        return Location("firms")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_sheet_without_a_mentor_column_still_needs_mentors_for_two_champions(tmp_path: Path) -> None:
    path = _write(tmp_path / "tanpa-pembina.csv", "Nama Usaha;Peran\nA;penggerak\nB;penggerak\nC;binaan\n")
    imported = import_firms(path, None, Limits())
    assert [(f.message.id, f.location.cell) for f in imported.errors] == [("check.mentor_required", "A4")]
    assert render(imported.errors[0].message, "id").endswith("sebutkan championnya (kolom Pembina)")


def test_a_mentor_cell_the_reader_refused_is_not_said_again_as_a_missing_mentor(tmp_path: Path) -> None:
    """A formula without its saved result in a mentee's Pembina cell: its own error, not also "has no mentor"."""
    import xlsxwriter

    path = tmp_path / "pembina-rumus.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Daftar UMKM")
    for row, values in enumerate(
        [["Nama Usaha", "Peran", "Pembina"], ["A", "Penggerak"], ["B", "Penggerak"], ["C", "Binaan"]]
    ):
        sheet.write_row(row, 0, values)
    sheet.write_formula("C4", "=A2", None, "")  # no result saved
    book.close()
    imported = import_firms(path, None, Limits())
    assert [(f.message.id, f.location.cell) for f in imported.errors] == [("sheet.formula_no_value", "C4")]
    region = tmp_path / "r.yaml"  # the same sheet named by a region file: the same one error
    region.write_text(
        "format: ovop-region/1\nregion: {name: X, level: desa, city: C, province: P}\n"
        "firms: {file: pembina-rumus.xlsx}\n",
        encoding="utf-8",
    )
    result = assess_path(region, criteria_sets.load("default"), as_of=datetime.date(2026, 12, 1))
    assert [(f.message.id, f.location.cell) for f in result.errors] == [("sheet.formula_no_value", "C4")]


def test_no_mentor_is_judged_against_champions_whose_role_cell_was_refused(tmp_path: Path) -> None:
    """Penggerak B's role a formula without its result: C's mentor B and D's missing mentor wait for it."""
    import xlsxwriter

    path = tmp_path / "peran-rumus.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Daftar UMKM")
    rows = [["Nama Usaha", "Peran", "Pembina"], ["A", "Penggerak"], ["B"], ["C", "Binaan", "B"], ["D", "Binaan"]]
    for row, values in enumerate(rows):
        sheet.write_row(row, 0, values)
    sheet.write_formula("B3", "=B2", None, "")  # no result saved
    book.close()
    imported = import_firms(path, None, Limits())
    assert [(f.message.id, f.location.cell) for f in imported.errors] == [("sheet.formula_no_value", "B3")]


def test_a_mentee_without_a_mentor_is_located_at_its_empty_mentor_cell_named_by_its_header(tmp_path: Path) -> None:
    text = "Nama Usaha;Peran;PEMBINA\nA;penggerak;\nB;penggerak;\nC;binaan;\n"
    imported = import_firms(_write(tmp_path / "pembina.csv", text), None, Limits())
    [error] = imported.errors
    assert (error.message.id, error.location.cell, error.location.path) == (
        "check.mentor_required",
        "C4",
        "firms[2].mentor",
    )
    assert render(error.message, "en").endswith("name its champion (column PEMBINA)")


def test_long_counts_are_read_exactly(tmp_path: Path) -> None:
    digits = "12345678901234567"  # past a float's precision
    text = f"Nama Usaha;Peran;Tenaga Kerja\nA;anggota;{digits}\n"
    clean = read_firms(_write(tmp_path / "a.csv", text))
    mixed = read_firms(_write(tmp_path / "b.csv", text + "B;anggota;dua\n"))
    assert clean.firms[0]["workers"] == mixed.firms[0]["workers"] == int(digits)  # the column's shortcut and not
    assert [f.message.id for f in mixed.errors] == ["sheet.not_a_number"]


TEXT_CELLS = st.lists(
    st.sampled_from(
        [
            "",
            " ",
            "12",
            "012",
            "7",
            "1.500",
            "2,5",
            "\u0661\u0662",
            "Ya",
            "T",
            "penggerak",
            " Batik ",
            "x",
            "-",
            " \u2013 ",
        ]
    )
    | st.from_regex(r"[0-9]{1,20}", fullmatch=True)
    | st.from_regex(r"[0-9]{13}", fullmatch=True),  # a NIB's length: the NIB column's shortcut
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(FIELDS), TEXT_CELLS, st.integers(0, 3))
def test_a_text_columns_shortcuts_give_the_converters_values(field: str, cells: list[str], repeat: int) -> None:
    cells = cells * (repeat + 1)  # repeated texts take the once-per-text path
    values, kinds, few = field_column(field, cells, text_only=True)
    assert few is None or set(values) <= few
    assert list(values) == mixed_cells(field, CONVERT[field], cells)  # a column turned at once is a tuple
    assert [type(v) for v in values] == [type(v) for v in mixed_cells(field, CONVERT[field], cells)]
    assert set(map(type, values)) <= kinds


@settings(max_examples=300, deadline=None)
@given(
    st.permutations(FIELDS).flatmap(
        lambda fields: st.tuples(
            st.just(tuple(fields)),
            st.lists(st.booleans(), min_size=len(fields), max_size=len(fields)),
            st.lists(st.none() | st.integers(), min_size=len(fields), max_size=len(fields)),
        )
    )
)
def test_a_firm_is_built_with_its_keys_in_the_order_a_dict_of_its_fields_has(
    case: tuple[tuple[str, ...], list[bool], list[int | None]],
) -> None:
    fields, full, values = case
    values = [0 if filled and value is None else value for filled, value in zip(full, values, strict=True)]
    expected = [(f, v) for f, v, filled in zip(fields, values, full, strict=True) if filled]
    expected += [(f, v) for f, v, filled in zip(fields, values, full, strict=True) if not filled and v is not None]
    built = _assembler(fields, tuple(full))(*[[value, value] for value in values])  # two rows alike
    assert [list(firm.items()) for firm in built] == [expected, expected]  # the order too: YAML written shows it


@pytest.mark.parametrize("full", [True, False])
def test_a_firm_of_one_field_is_built_with_its_value_not_a_tuple(full: bool) -> None:
    """One column: the comprehension's loop target must unpack zip's 1-tuples too."""
    assert _assembler(("name",), (full,))(["Usaha A", "Usaha B"]) == [{"name": "Usaha A"}, {"name": "Usaha B"}]
    assert _assembler(("name", "role"), (True, full))(["A"], ["champion"]) == [{"name": "A", "role": "champion"}]


def test_a_columns_few_values_find_the_rows_the_model_refuses(tmp_path: Path) -> None:
    rows = "".join(f"U{i};{'boss' if i % 3 else 'penggerak'};{i % 2}\n" for i in range(9))
    found = read_firms(_write(tmp_path / "peran.csv", "Nama Usaha;Peran;Tenaga Kerja\n" + rows))
    assert found.few["role"] == {"champion", "boss"} and found.few["workers"] == {0, 1}
    firms = list(found.firms)
    assert _suspect_rows(firms, found.values, found.kinds, found.few) == _suspect_rows(firms) == [1, 2, 4, 5, 7, 8]


def test_the_columns_of_a_crlf_file_cut_at_once_have_no_cr() -> None:
    split = _split_rows("Nama Usaha;Peran;NIB\r\nA;anggota;0812345678901\r\nB;binaan;\r\n", ";", SheetLimits())
    assert isinstance(split, CsvTable) and list(split.header) == ["Nama Usaha", "Peran", "NIB"]
    columns = split.columns
    assert len(columns) == 3 and list(columns[2]) == list(columns[-1]) == ["0812345678901", ""]
    assert [list(column) for column in columns[1:]] == [["anggota", "binaan"], ["0812345678901", ""]]
    with pytest.raises(IndexError):
        columns[3]


MIXED_CELLS = st.lists(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(
        ["", " 7 ", "12", "1.500", "Ya", "tidak", "penggerak", " Batik ", "8,12E+12", "0812345678901", "-", "\u2014"]
    )
    # NIBs a shortcut must not pass: 12 digits, 14, a dash, digits that are not ASCII, spaces around 13
    | st.sampled_from(["812345678901", "08123456789012", "0812-345678901", "\u0660" * 13, " 0812345678901 "])
    | st.dates(),
    max_size=12,
)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(FIELDS), MIXED_CELLS, st.sampled_from([None, int, float]))
def test_a_workbook_columns_shortcuts_give_the_converters_values(
    field: str, cells: list[Any], only: type | None
) -> None:
    if only is not None:  # a column of one type (calamine's ints of an .xls, floats of an .xlsx) takes its own path
        cells = [cell for cell in cells if type(cell) is only] or [only(3)]
    expected = [None if cell is None else CONVERT[field](cell) for cell in cells]
    values, kinds, _ = field_column(field, cells)
    assert list(values) == expected
    assert [type(v) for v in values] == [type(v) for v in expected]
    assert set(map(type, values)) <= kinds


@pytest.mark.parametrize("digits", ["12345678901234567891", "1" * 400])
def test_a_long_count_reads_the_same_with_spaces_around_it_or_not(tmp_path: Path, digits: str) -> None:
    """The column's shortcut reads digits with int(); the converter (a cell with a space) must read the
    same number, not a float rounded at 17 digits (or infinite past 308)."""
    text = f"Nama Usaha;Peran;Tenaga Kerja\nA;penggerak;{digits}\nB;penggerak; {digits}\n"
    found = read_firms(_write(tmp_path / "panjang.csv", text))
    assert found.errors == () and [firm["workers"] for firm in found.firms] == [int(digits)] * 2
    assert CONVERT["workers"](f" {digits} ") == int(digits)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("dash", ["-", " - ", "\u2013", "\u2014", "--", "---", "\u2212", "\uff0d", "\u2010"])
def test_a_dash_for_none_is_refused_with_its_own_fix_in_every_column(field: str, dash: str) -> None:
    # "-" is what offices type for "none": it read as a firm named "-", a NIB "in the wrong format", "not a number".
    values, _, _ = field_column(field, ["Batik", dash] if field == "name" else [dash, dash], text_only=True)
    rejected = [value for value in values if isinstance(value, Rejected)]
    assert rejected and all(value.message.id == "sheet.dash_for_none" for value in rejected)
    assert rejected[0].message.values == {"value": dash.strip()}
