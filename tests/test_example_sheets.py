"""The shipped firm spreadsheets are what scripts/make_example_firm_sheets.py writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from ovop_assess.sheets import read_firms

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_example_firm_sheets", ROOT / "scripts/make_example_firm_sheets.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_csv_file_is_the_scripts_output_byte_for_byte() -> None:
    script = _script()
    assert script.CSV.read_bytes() == script.csv_bytes()


def test_the_workbook_holds_the_scripts_firms(tmp_path: Path) -> None:
    """Byte equality would tie the test to one XlsxWriter version; the firms read must be the same."""
    script = _script()
    fresh = tmp_path / "fresh.xlsx"
    fresh.write_bytes(script.xlsx_bytes())
    shipped, made = read_firms(script.XLSX, "Daftar UMKM"), read_firms(fresh, "Daftar UMKM")
    assert shipped.errors == made.errors == ()
    assert shipped.firms == made.firms and len(shipped.firms) == len(script.BAYAT)
    assert [firm["name"] for firm in shipped.firms] == [row[0] for row in script.BAYAT]
