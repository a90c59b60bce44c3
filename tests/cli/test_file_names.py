"""A region file whose name is not valid UTF-8: every output stays UTF-8 and names it the same way.

On POSIX a file name is bytes. ``r\\xe9gion.yaml`` (Latin-1 é) reaches Python
as ``r\\udce9gion.yaml``; the report shows it as ``r\\xe9gion.yaml`` (see
``ovop_assess.results.file_label``) in every format, on stdout and in
``--output`` files alike.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.render.markdown import escape

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "regions" / "kauman-batik.yaml"
AS_OF = ["--as-of", "2026-11-28"]
RAW_NAME = b"r\xe9gion.yaml"
SHOWN = "r\\xe9gion.yaml"  # as every output writes it: a backslash, x, e, 9
FORMATS = ("table", "json", "junit", "github", "csv", "markdown")


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with a plain file and one whose name is the Latin-1 bytes of ``région.yaml``."""
    folder = tmp_path / "b8"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "ok.yaml")
    try:
        shutil.copyfile(EXAMPLE, folder / os.fsdecode(RAW_NAME))
    except (OSError, UnicodeError):  # pragma: no cover - a file system that insists on UTF-8 names
        pytest.skip("this file system refuses names that are not UTF-8")
    return folder


def _strict_utf8(text: str) -> str:
    """``text`` as a UTF-8 stream would carry it; raises for a lone surrogate (an undecodable name)."""
    return text.encode("utf-8").decode("utf-8")


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_names_the_file_in_the_escaped_form(
    batch: Path, output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(batch), "--format", output_format, *AS_OF])
    out, err = capsys.readouterr()
    assert code == 0, err  # both files are the eligible example: the run completes normally
    assert "internal error" not in err
    printed = _strict_utf8(out)
    if output_format == "json":
        files = [r["file"] for r in json.loads(printed)["results"]]
        assert files == [str(batch / "ok.yaml"), str(batch / SHOWN)]
    elif output_format == "markdown":
        assert escape(str(batch / SHOWN)) in printed  # Markdown escapes the backslash (and _ - . …)
    else:
        assert SHOWN in printed
    assert "\ufffd" not in printed  # never a replacement character


@pytest.mark.parametrize("output_format", FORMATS)
def test_output_file_is_written_whole_in_utf8(batch: Path, output_format: str, tmp_path: Path) -> None:
    target = tmp_path / f"report.{output_format}"
    assert main([str(batch), "--format", output_format, "--output", str(target), *AS_OF]) == 0
    written = target.read_bytes().decode("utf-8")  # strict
    assert "r\\xe9gion.yaml" in written.replace("\\\\", "\\")


def test_exit_code_follows_the_worst_file(batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (batch / os.fsdecode(RAW_NAME)).write_text("format: ovop-region/1\n", encoding="utf-8")
    target = tmp_path / "b8.json"
    assert main([str(batch), "--format", "json", "--output", str(target), *AS_OF]) == 3
    report = json.loads(target.read_text(encoding="utf-8"))
    assert [(r["file"], r["verdict"]) for r in report["results"]] == [
        (str(batch / "ok.yaml"), "eligible"),
        (str(batch / SHOWN), "invalid"),
    ]
    assert "internal error" not in capsys.readouterr().err


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_checklist_names_the_file_in_the_escaped_form(
    batch: Path, output_format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    region = batch / os.fsdecode(RAW_NAME)
    assert main(["checklist", str(region), "--format", output_format, *AS_OF]) == 0
    printed = _strict_utf8(capsys.readouterr().out)
    assert SHOWN in printed.replace("\\\\", "\\")
    target = tmp_path / f"checklist.{output_format}"
    assert main(["checklist", str(region), "--format", output_format, "--output", str(target), *AS_OF]) == 0
    assert SHOWN in target.read_bytes().decode("utf-8").replace("\\\\", "\\")


def test_an_invalid_file_with_such_a_name_is_reported_on_stderr_in_utf8(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    region = batch / os.fsdecode(RAW_NAME)
    region.write_text("format: ovop-region/1\n", encoding="utf-8")
    assert main(["checklist", str(region), *AS_OF]) == 3
    err = _strict_utf8(capsys.readouterr().err)
    assert f"{SHOWN}:1:" in err


def test_an_output_path_that_cannot_be_written_is_named_the_same_way(
    eligible_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / os.fsdecode(b"nowhere\xe9") / "report.json"
    assert main([str(eligible_copy), "--format", "json", "--output", str(missing), *AS_OF]) == 2
    assert "nowhere\\xe9" in _strict_utf8(capsys.readouterr().err)


@pytest.fixture
def eligible_copy(tmp_path: Path) -> Path:
    path = tmp_path / "kauman.yaml"
    shutil.copyfile(EXAMPLE, path)
    return path


@pytest.mark.parametrize("output_format", FORMATS)
def test_the_bytes_on_stdout_are_utf8(batch: Path, output_format: str) -> None:
    """What the tester saw: without the fix stdout carried the raw byte 0xE9 (or the run crashed)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    done = subprocess.run(
        [sys.executable, "-m", "ovop_assess", "b8", "--format", output_format, *AS_OF],
        capture_output=True,
        env={**clean, "PYTHONIOENCODING": "utf-8:strict"},  # as under en_US.UTF-8 (C.UTF-8 would escape)
        cwd=batch.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert SHOWN in done.stdout.decode("utf-8").replace("\\\\", "\\")
