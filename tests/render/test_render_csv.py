"""CSV: parsed back with the csv module; header, a row per region, statuses, quoting, BOM."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from ovop_assess.render.csv_report import as_text_cell, render_csv
from ovop_assess.results import Report

from .conftest import AssessFiles

HEADER = ["file", "region", "level", "city", "verdict", "assurance", "score", *(f"C{i}" for i in range(1, 9))]


def _rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == HEADER
    return list(reader)


def test_header_and_a_row_per_region(report: Report, tricky_name: str) -> None:
    rows = _rows(render_csv(report))
    assert [r["file"] for r in rows] == [r.file for r in report.results]
    eligible, not_eligible, incomplete, waived, invalid = rows
    assert eligible == {
        "file": "eligible.yaml",
        "region": tricky_name,
        "level": "kelurahan",
        "city": "Kota Surakarta",
        "verdict": "eligible",
        "assurance": "declared",
        "score": "1.0",
        **{f"C{i}": "pass" for i in range(1, 9)},
    }
    assert (not_eligible["verdict"], not_eligible["score"], not_eligible["C2"]) == ("not_eligible", "0.9375", "fail")
    assert [not_eligible[f"C{i}"] for i in (1, 3, 4, 5, 6, 7, 8)] == ["pass"] * 7
    assert incomplete["region"] == "Desa Tégalwangi"
    assert {incomplete[f"C{i}"] for i in range(1, 9)} == {"unknown"}
    assert incomplete["verdict"] == "incomplete" and incomplete["assurance"] == ""
    assert waived["C6"] == "waived" and waived["verdict"] == "eligible"
    assert invalid == {
        "file": "invalid.yaml",
        "verdict": "invalid",
        **{key: "" for key in HEADER if key not in ("file", "verdict")},
    }


def test_quoting_keeps_commas_quotes_and_indonesian_characters(report: Report) -> None:
    text = render_csv(report)
    assert '"Laweyan, ""Kampoeng | Batik"" 100% Sêmbuh: Solo"' in text
    assert "\r" not in text
    assert len(text.splitlines()) == 1 + len(report.results)


def test_no_bom_by_default_and_a_bom_on_request(report: Report) -> None:
    plain = render_csv(report)
    assert not plain.startswith("\ufeff")
    assert plain.startswith("file,region,")
    with_bom = render_csv(report, bom=True)
    assert with_bom == "\ufeff" + plain
    assert with_bom.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_values_do_not_depend_on_the_language(report: Report) -> None:
    assert render_csv(report, "id") == render_csv(report, "en")


def test_invalid_only_report_keeps_the_criteria_sets_columns(report: Report) -> None:
    """A script putting runs together gets the same columns from a run where no file is valid (7 columns
    before, 15 in a run with one valid file: a new user's report)."""
    only = Report(report.tool_version, report.criteria_set, report.results[-1:])
    assert report.criteria_set.rules == tuple(f"C{i}" for i in range(1, 9))
    assert render_csv(only).splitlines() == [",".join(HEADER), "invalid.yaml,,,,invalid,," + "," * 8]
    # A report made without the set's rule ids (by hand, from the library) has the columns its files give.
    bare = Report(report.tool_version, report.criteria_set._replace(rules=()), report.results[-1:])
    assert render_csv(bare).splitlines() == [
        "file,region,level,city,verdict,assurance,score",
        "invalid.yaml,,,,invalid,,",
    ]


FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_text_from_the_region_file_cannot_start_a_formula(
    write_regions: Callable[[dict[str, str]], list[Path]], assess_files: AssessFiles, eligible_yaml: Callable[..., str]
) -> None:
    """OWASP's advice: a leading = + - @ tab or CR in a name, city or file path gets a ' before it."""
    template = eligible_yaml("NAME")
    files = {
        f"r{i}.yaml": template.replace("'NAME'", json.dumps(name)).replace("Kota Surakarta", json.dumps(city))
        for i, (name, city) in enumerate(zip(FORMULAS, reversed(FORMULAS), strict=True))
    }
    files["=cmd.yaml"] = eligible_yaml("Kauman")
    files["-invalid.yaml"] = "not: [a region"
    rows = _rows(render_csv(assess_files(write_regions(files))))
    names = [row["region"] for row in rows[: len(FORMULAS)]]
    assert names == ["'" + value for value in FORMULAS]
    assert [row["city"] for row in rows[: len(FORMULAS)]] == ["'" + value for value in reversed(FORMULAS)]
    assert [row["file"] for row in rows[-2:]] == ["'=cmd.yaml", "'-invalid.yaml"]
    assert rows[-2]["region"] == "Kauman" and rows[-1]["verdict"] == "invalid"


def test_a_carriage_return_in_a_name_is_quoted(
    write_regions: Callable[[dict[str, str]], list[Path]], assess_files: AssessFiles, eligible_yaml: Callable[..., str]
) -> None:
    """The csv module quotes only its own line ending (LF): a bare CR must not end the row early."""
    text = eligible_yaml("NAME").replace("'NAME'", json.dumps("Kauman\rLor"))
    written = render_csv(assess_files(write_regions({"cr.yaml": text})))
    assert '"Kauman\rLor"' in written and written.endswith(",pass\n")
    assert _rows(written)[0]["region"] == "Kauman\rLor"


def test_the_tools_own_values_are_never_prefixed(report: Report) -> None:
    """Only text from the file is neutralised: statuses, verdicts and scores stay machine values."""
    rows = _rows(render_csv(report))
    assert rows[1]["score"] == "0.9375" and rows[0]["C1"] == "pass"
    assert not [cell for row in rows for cell in row.values() if cell.startswith("'")]


def test_as_text_cell() -> None:
    assert [as_text_cell(v) for v in ("=1", "a=1", "", "Kota Solo", " =1", "'=1")] == [
        "'=1",
        "a=1",
        "",
        "Kota Solo",
        " =1",
        "'=1",
    ]
