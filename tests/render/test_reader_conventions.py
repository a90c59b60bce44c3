"""The reader's conventions: documents for people write dates in full and, in Indonesian, decimal commas."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.render.reader import decimal, long_date

BOYOLALI = Path(__file__).resolve().parents[2] / "examples" / "regions" / "boyolali-copper-craft.yaml"


def test_dates_and_decimals() -> None:
    assert long_date(datetime.date(2026, 12, 1), "id") == "1 Desember 2026"
    assert long_date(datetime.date(2026, 5, 31), "en") == "31 May 2026"
    assert decimal(0.875, "id") == "0,88" and decimal(0.875, "en") == "0.88"
    assert decimal(1.0, "id") == "1,00"


def test_the_table_and_checklist_under_lang_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", "id", str(BOYOLALI), "--as-of", "2026-12-01"])
    table = capsys.readouterr().out
    assert "skor total 0,88" in table and "0.88" not in table
    for output_format in ("markdown", "html"):
        target = tmp_path / f"checklist.{output_format}"
        args = ["checklist", str(BOYOLALI), "--as-of", "2026-12-01", "-f", output_format, "-o", str(target)]
        assert main(["--lang", "id", *args]) == 0
        page = target.read_text(encoding="utf-8")
        assert "1 Desember 2026" in page and "2026-12-01" not in page
        assert "0,88" in page and "0.88" not in page


def test_json_and_csv_keep_points(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", "id", str(BOYOLALI), "--as-of", "2026-12-01", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["results"][0]["score"] == 0.875
    main(["--lang", "id", str(BOYOLALI), "--as-of", "2026-12-01", "--format", "csv"])
    assert "0.875" in capsys.readouterr().out
