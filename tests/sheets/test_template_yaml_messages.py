"""The office template, the YAML firms list, the reader's messages, and what importing the package costs."""

from __future__ import annotations

import ast
import string
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ovop_assess.sheets as sheets
from ovop_assess import messages
from ovop_assess.messages.spreadsheets import MESSAGES
from ovop_assess.sheets import FIELDS, HEADERS_ID, firms_yaml, read_firms, write_firms_template
from ovop_assess.yaml_source import Limits, parse_text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_template_reads_back_with_dropdowns_text_nib_and_a_guide(tmp_path: Path, lang: messages.Lang) -> None:
    path = tmp_path / "daftar-usaha.xlsx"
    write_firms_template(path, lang)
    found = read_firms(path)
    assert found.errors == () and found.warnings == () and found.firms == ()
    assert found.sheet == "Daftar Usaha"
    assert list(found.columns) == list(FIELDS)  # every header is one the reader knows, in the format's order

    import python_calamine

    with python_calamine.CalamineWorkbook.from_path(path) as book:
        assert book.sheet_names[0] == "Daftar Usaha"
        header = book.get_sheet_by_index(0).to_python()[0]
        guide = book.get_sheet_by_index(1).to_python()
    assert header == [HEADERS_ID[field] for field in FIELDS]
    assert [row[:2] for row in guide[1:]] == [[HEADERS_ID[field], field] for field in FIELDS]
    assert all(len(row) == 4 and row[2] and row[3] for row in guide[1:])  # both languages for every column
    english = guide[1][2] if lang == "en" else guide[1][3]
    assert english.startswith("The firm's")

    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    assert '<formula1>"penggerak,binaan,anggota"</formula1>' in sheet_xml
    assert '<formula1>"Ya,Tidak"</formula1>' in sheet_xml
    assert 'sqref="B2:B1001"' in sheet_xml and 'sqref="E2:E1001"' in sheet_xml
    # The NIB column (G) carries a style whose number format is 49, Excel's "Text".
    nib_col = next(part for part in sheet_xml.split("<col ")[1:] if 'min="7"' in part)
    style = int(nib_col.split('style="')[1].split('"')[0])
    cell_formats = styles.split("<cellXfs")[1].split("</cellXfs>")[0].split("<xf ")[1:]
    assert 'numFmtId="49"' in cell_formats[style]


def test_template_filled_as_offered_reads_without_errors(tmp_path: Path) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    path = tmp_path / "isi.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Daftar Usaha")
    sheet.write_row(0, 0, [HEADERS_ID[field] for field in FIELDS])
    sheet.write_row(1, 0, ["Batik A", "penggerak", "batik", "", "Ya", 100, "0812345678901", 4])
    sheet.write_row(2, 0, ["Batik B", "binaan", "", "Batik A", "Tidak", 50, "0912345678901", 2])
    book.close()
    found = read_firms(path)
    assert found.errors == ()
    assert found.firms[1] == {
        "name": "Batik B",
        "role": "mentee",
        "mentor": "Batik A",
        "willing_to_lead": False,
        "monthly_capacity": 50.0,
        "nib": "0912345678901",
        "workers": 2,
    }


def test_firms_yaml_keeps_the_format_order_and_quotes_nibs() -> None:
    firms = [
        {"nib": "0812345678901", "role": "champion", "name": "Batik A", "monthly_capacity": 1500.0},
        {"name": "yes", "role": "mentee", "mentor": "Batik A", "monthly_capacity": 2.5, "workers": 3},
    ]
    assert firms_yaml(firms) == (
        "firms:\n"
        "  - name: Batik A\n"
        "    role: champion\n"
        "    monthly_capacity: 1500\n"
        '    nib: "0812345678901"\n'
        "  - name: 'yes'\n"
        "    role: mentee\n"
        "    mentor: Batik A\n"
        "    monthly_capacity: 2.5\n"
        "    workers: 3\n"
    )
    assert firms_yaml([]) == "firms: []\n"


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {"name": _TEXT, "role": st.sampled_from(["champion", "mentee", "member"])},
            optional={
                "mentor": _TEXT,
                "category": _TEXT,
                "nib": st.text("0123456789", min_size=13, max_size=13),
                "willing_to_lead": st.booleans(),
                "monthly_capacity": st.floats(min_value=0, max_value=1e9, allow_nan=False),
                "workers": st.integers(min_value=0, max_value=10**6),
            },
        ),
        max_size=5,
    )
)
def test_firms_yaml_reads_back_to_the_same_values(firms: list[dict[str, object]]) -> None:
    loaded = parse_text(firms_yaml(firms), Limits())
    assert loaded.problems == ()
    assert loaded.data == {"firms": firms}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_messages_give_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"en", "id"} and entry["en"].strip() and entry["id"].strip()
    assert _fields(entry["en"]) == _fields(entry["id"]), key
    assert key.startswith("sheet.")


def test_every_message_id_in_the_package_exists() -> None:
    used: set[str] = set()
    for path in Path(sheets.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                first = node.args[0]
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if (
                    name in {"Message", "_note", "_refuse"}
                    and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and "." in first.value
                ):
                    used.add(first.value)
    assert used, "the scan found no message ids"
    assert sorted(i for i in used if i not in MESSAGES and i not in messages.CATALOGUE) == []
    assert not set(MESSAGES) & {k for k in messages.CATALOGUE if MESSAGES.get(k) != messages.CATALOGUE[k]}


def test_importing_the_package_loads_no_spreadsheet_library() -> None:
    code = (
        "import sys, ovop_assess.sheets; "
        "bad = [m for m in ('python_calamine', 'xlsxwriter', 'zipfile', 'csv', 'yaml') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
