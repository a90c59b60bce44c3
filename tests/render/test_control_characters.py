"""A NUL, an escape or a bidi control in a region's name: neutralised in CSV, GitHub and Markdown, exact in JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.render.controls import visible_controls
from ovop_assess.render.csv_report import as_text_cell
from ovop_assess.render.github import escape_data
from ovop_assess.render.markdown_text import code_span, escape_markdown

ROOT = Path(__file__).resolve().parents[2]
NAME = "=Ka\x00um\x1b[2Jan\u202e"  # a formula start, a NUL, a terminal escape, a right-to-left override


@pytest.fixture
def region(tmp_path: Path) -> Path:
    text = (ROOT / "examples" / "regions" / "kauman-batik.yaml").read_text(encoding="utf-8")
    mine = text.replace("  name: Kauman  ", '  name: "=Ka\\0um\\e[2Jan\\u202e"  ', 1)
    assert mine != text
    path = tmp_path / "k.yaml"
    path.write_text(mine, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], region: Path, output_format: str) -> str:
    assert main(["assess", str(region), "-f", output_format, "--as-of", "2026-11-28"]) == 0
    return capsys.readouterr().out


def test_visible_controls_writes_them_as_hex_and_keeps_tab_and_lf() -> None:
    assert visible_controls("a\x00b\x1bc\x7fd\x9fe\tf\ng\rh") == "a\\x00b\\x1bc\\x7fd\\x9fe\tf\ng\\x0dh"
    assert visible_controls("a\rb\x00", keep_cr=True) == "a\rb\\x00"
    plain = "Batik Kauman é"
    assert visible_controls(plain) is plain


def test_csv_cells_show_controls_and_isolate_bidi(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, region, "csv")
    assert "\x00" not in out and "\x1b" not in out
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["region"] == "'\u2068=Ka\\x00um\\x1b[2Jan\u202e\u2069"
    assert as_text_cell("\u202e=HYPERLINK()").startswith("'")
    assert as_text_cell("Kauman") == "Kauman" and as_text_cell("a\rb") == "a\rb"


def test_github_annotations_show_controls(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, region, "github")
    assert "\x00" not in out and "\x1b" not in out
    assert "title=\u2068=Ka\\x00um\\x1b[2Jan\u202e\u2069::" in out
    assert escape_data("a\x00%\r\n") == "a\\x00%25%0D%0A"


def test_markdown_shows_controls(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, region, "markdown")
    assert "\x00" not in out and "\x1b" not in out
    assert "| \u2068=Ka\\\\x00um\\\\x1b\\[2Jan\u202e\u2069 |" in out
    assert escape_markdown("a\x00b") == "a\\\\x00b" and code_span("a\x00b") == "`a\\x00b`"


def test_json_keeps_the_exact_name(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, region, "json")
    assert "\x00" not in out  # JSON escapes it itself
    assert json.loads(out)["results"][0]["region"]["name"] == NAME


def test_checklist_markdown_shows_controls(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", str(region), "--as-of", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert "\x00" not in out and "\x1b" not in out and "Ka\\\\x00um" in out


def test_one_escaper_in_three_modes() -> None:
    value = "a\tb\nc\rd\u2028e\u2029f\x1b\x85"
    assert visible_controls(value) == "a\tb\nc\\x0dd\u2028e\u2029f\\x1b\\x85"
    assert visible_controls(value, keep_cr=True) == "a\tb\nc\rd\u2028e\u2029f\\x1b\\x85"
    # one line of a terminal table: the line breaks and tab written too, LS and PS as \uNNNN
    assert visible_controls(value, one_line=True) == "a\\x09b\\x0ac\\x0dd\\u2028e\\u2029f\\x1b\\x85"
