"""The input limits as options: --max-depth is capped where the loader can still honour it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.yaml_source.limits import MAX_DEPTH_CAP

AS_OF = ["--as-of", "2026-11-28"]


def flow(depth: int) -> str:
    """A value nested ``depth`` levels below the document's mapping, in flow style."""
    return "a: " + "[" * depth + "]" * depth + "\n"


def block(depth: int) -> str:
    """The same in block style: mappings in mappings, a scalar ``depth`` levels down."""
    return "".join("  " * level + "a:\n" for level in range(depth)) + "  " * depth + "1\n"


def error_ids(paths: list[Path], max_depth: int, capsys: pytest.CaptureFixture[str], *extra: str) -> list[set[str]]:
    code = main([*map(str, paths), "--format", "json", "--max-depth", str(max_depth), *AS_OF, *extra])
    out, err = capsys.readouterr()
    assert code == 3, err  # invalid (the deep key is unknown), never an internal error
    return [{error["id"] for error in result["errors"]} for result in json.loads(out)["results"]]


def test_the_cap_is_well_below_what_python_and_libyaml_allow() -> None:
    assert 32 < MAX_DEPTH_CAP <= 400


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_nested_to_the_cap_loads_with_max_depth_at_the_cap(
    tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [tmp_path / "flow.yaml", tmp_path / "block.yaml"]
    files[0].write_text(flow(MAX_DEPTH_CAP), encoding="utf-8")
    files[1].write_text(block(MAX_DEPTH_CAP), encoding="utf-8")
    for ids in error_ids(files, MAX_DEPTH_CAP, capsys, "--jobs", jobs):
        assert "yaml.too_deep" not in ids and "schema.unknown_key" in ids  # read whole; then judged as a region
    # One level more is refused, naming the limit actually applied.
    files[0].write_text(flow(MAX_DEPTH_CAP + 1), encoding="utf-8")
    files[1].write_text(block(MAX_DEPTH_CAP + 1), encoding="utf-8")
    code = main([*map(str, files), "--format", "json", "--max-depth", str(MAX_DEPTH_CAP), *AS_OF])
    report = json.loads(capsys.readouterr().out)
    assert code == 3
    for result in report["results"]:
        assert [e["id"] for e in result["errors"]] == ["yaml.too_deep"]
        assert str(MAX_DEPTH_CAP) in result["errors"][0]["message"]


@pytest.mark.parametrize("value", [str(MAX_DEPTH_CAP + 1), "1000", "100000"])
def test_a_max_depth_above_the_cap_is_a_usage_error(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    region = tmp_path / "deep.yaml"
    region.write_text(flow(500), encoding="utf-8")
    assert main([str(region), "--max-depth", value]) == 2
    err = capsys.readouterr().err
    assert "'--max-depth'" in err and f"less than or equal to {MAX_DEPTH_CAP}" in err
    assert "deeper than" not in err  # never the false "nesting deeper than N levels"
    assert main([str(region), "--max-depth", value, "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"ovop-assess: nilai tidak sah untuk '--max-depth': harus maksimal {MAX_DEPTH_CAP}, bukan {value}",
        "Coba 'ovop-assess assess --help' untuk bantuan.",
    ]


def test_help_shows_the_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--help"]) == 0
    assert f"1<=x<={MAX_DEPTH_CAP}" in " ".join(capsys.readouterr().out.split())


def test_checklist_takes_the_limits_its_refusals_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A checklist refused at --max-nodes must offer --max-nodes to raise it."""
    region = Path(__file__).resolve().parents[2] / "examples" / "regions" / "kauman-batik.yaml"
    assert main(["checklist", str(region), "--max-nodes", "10", "--as-of", "2026-11-28"]) == 3
    captured = capsys.readouterr()
    assert "--max-nodes" in captured.out + captured.err
    assert (
        main(["checklist", str(region), "--max-nodes", "100000", "--max-bytes", "2000000", "--as-of", "2026-11-28"])
        == 0
    )
    assert "Kauman" in capsys.readouterr().out
    assert main(["checklist", str(region), "--max-depth", "257"]) == 2


SHEET_LIMITS = ("--max-sheet-bytes", "--max-unpacked-bytes", "--max-rows", "--max-cells")


@pytest.mark.parametrize("command", ["assess", "checklist", "round", "compare"])
def test_every_command_reading_region_files_takes_the_sheet_limits(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A region file may take its firms from a spreadsheet: whatever reads region files offers the limits that
    a refused spreadsheet names."""
    assert main([command, "--help"]) == 0
    page = " ".join(capsys.readouterr().out.split())
    assert all(option in page for option in SHEET_LIMITS), command


@pytest.mark.parametrize("command", ["round", "compare"])
def test_round_and_compare_apply_the_sheet_limits(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """bayat-pottery's firms come from an .xlsx of more than two rows: --max-rows 2 refuses it, naming the
    option; without it the file is read."""
    region = str(Path(__file__).resolve().parents[2] / "examples" / "regions" / "bayat-pottery.yaml")
    paths = [region] if command == "round" else [region, region]
    assert main([command, *paths, "--format", "json", "--max-rows", "2", *AS_OF]) == 3
    captured = capsys.readouterr()
    assert "--max-rows" in captured.out + captured.err
    assert main([command, *paths, "--format", "json", *AS_OF]) in (0, 1)
    assert "--max-rows" not in capsys.readouterr().out
