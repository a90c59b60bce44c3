"""End to end: ``ovop-assess assess … --format FMT`` to stdout and with ``--output FILE``."""

from __future__ import annotations

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path, make_report
from ovop_assess.cli.main import main
from ovop_assess.results import Report

GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=[^:,]+,line=\d+(,col=\d+)?,title=[^:]*::.*$")


def _check(fmt: str, out: str) -> None:
    """The output parses with the format's standard reader and covers all five files."""
    if fmt == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        assert len(root.findall("testsuite")) == 5
        assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == (
            "33",
            "1",
            "1",
            "8",
        )
    elif fmt == "github":
        lines = out.splitlines()
        assert all(GITHUB_LINE.match(line) for line in lines), out
        assert sum(line.startswith("::notice ") for line in lines) == 5
        assert "::error file=not_eligible.yaml,line=16,title=C2 similar-firms%3A fail::" in out
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert [(r["file"], r["verdict"]) for r in rows] == [
            ("eligible.yaml", "eligible"),
            ("not_eligible.yaml", "not_eligible"),
            ("incomplete.yaml", "incomplete"),
            ("waived.yaml", "eligible"),
            ("invalid.yaml", "invalid"),
        ]
        assert rows[0]["region"] == 'Laweyan, "Kampoeng | Batik" 100% Sêmbuh: Solo'
    else:
        table = [line for line in out.splitlines() if line.startswith("| ")]
        assert len(table) == 2 + 5
        assert "- invalid.yaml:4 — region.level: must be one of: desa, kelurahan, kecamatan" in out


def _args(fmt: str, *extra: str) -> list[str]:
    names = ["eligible.yaml", "not_eligible.yaml", "incomplete.yaml", "waived.yaml", "invalid.yaml"]
    return ["assess", *names, "--format", fmt, "--as-of", "2026-11-28", *extra]


@pytest.mark.parametrize("fmt", ["junit", "github", "csv", "markdown"])
def test_format_to_stdout_and_to_a_file(
    fmt: str,
    region_paths: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OVOP_LANG", raising=False)
    assert main(_args(fmt)) == 3  # one file is invalid
    captured = capsys.readouterr()
    assert captured.err == ""
    _check(fmt, captured.out)

    target = tmp_path / "out" / f"report.{fmt}"
    target.parent.mkdir()
    assert main(_args(fmt, "--output", str(target))) == 3
    assert capsys.readouterr().out == ""
    written = target.read_bytes().decode("utf-8")
    assert written == captured.out
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left


@pytest.mark.parametrize("fmt", ["junit", "github", "csv", "markdown"])
def test_exit_code_follows_the_verdicts_not_the_format(
    fmt: str,
    region_paths: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["assess", "eligible.yaml", "waived.yaml", "--format", fmt, "--as-of", "2026-11-28"]) == 0
    assert main(["assess", "eligible.yaml", "not_eligible.yaml", "--format", fmt, "--as-of", "2026-11-28"]) == 1
    capsys.readouterr()


def test_language_option_reaches_the_renderer(
    region_paths: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["assess", "not_eligible.yaml", "--format", "markdown", "--lang", "id", "--as-of", "2026-11-28"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "**1 berkas: 0 layak, 1 tidak layak, 0 belum lengkap, 0 tidak valid**"


def test_the_command_line_takes_every_registered_format(
    region_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The options offer what the registry holds: a format registered but not offered (or the reverse) fails here."""
    from ovop_assess.render.registry import formats_for, lookup

    monkeypatch.chdir(tmp_path)
    for fmt in formats_for("assess"):
        renderer = lookup("assess", fmt)
        if renderer.binary:  # a workbook goes to a file: compared byte for byte too
            target = tmp_path / f"out.{fmt}"
            args = ["assess", "eligible.yaml", "--format", fmt, "--as-of", "2026-11-28", "--output", str(target)]
            assert main(args) == 0, fmt
            assert target.read_bytes() == renderer.render(_report_of(tmp_path / "eligible.yaml"), "en"), fmt
            continue
        assert main(["assess", "eligible.yaml", "--format", fmt, "--as-of", "2026-11-28"]) == 0, fmt
        out = capsys.readouterr().out
        expected = renderer.render_text(  # what the registry's renderer gives, byte for byte
            _report_of(tmp_path / "eligible.yaml"), "en"
        )
        assert out == expected, fmt
    for fmt in formats_for("round"):
        target = tmp_path / f"round.{fmt}"
        args = ["round", "eligible.yaml", "--format", fmt, "--as-of", "2026-11-28", "--output", str(target)]
        assert main(args) == 0, fmt
        assert target.stat().st_size > 0, fmt
    for fmt in formats_for("checklist"):
        assert main(["checklist", "eligible.yaml", "--format", fmt, "--as-of", "2026-11-28"]) == 0, fmt
        assert "Laweyan" in capsys.readouterr().out
    for command, fmt in (("assess", "html"), ("checklist", "json")):
        assert main([command, "eligible.yaml", "--format", fmt]) == 2
        assert "--format" in capsys.readouterr().err


def _report_of(path: Path) -> Report:
    criteria_set = criteria_sets.load("default")
    as_of = datetime.date(2026, 11, 28)
    return make_report(criteria_set, [assess_path(path.name, criteria_set, as_of=as_of)], as_of)
