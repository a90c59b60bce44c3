"""The entry point's own work: the command it builds, the collector, and how the process ends."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ovop_assess.cli import app as cli_app
from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "regions" / "kauman-batik.yaml"


def run_module(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m ovop_assess ARGS`` in a fresh process: the console script's path, hard exit included."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    return subprocess.run(
        [sys.executable, "-m", "ovop_assess", *args],
        capture_output=True,
        text=True,
        env={**clean, **(env or {})},
        check=False,
        cwd=ROOT,
    )


def test_a_run_builds_only_the_command_it_runs() -> None:
    lean = cli_app._command_for(["assess", "x.yaml"])
    assert list(lean.commands) == ["assess"]
    assert list(cli_app._command_for(["rules"]).commands) == ["rules"]
    # The app itself, for its own help, its version and unknown commands.
    full = ["assess", "rules", "explain", "checklist", "schema", "init"]
    for args in (["--help"], ["--version"], [], ["nope"]):
        assert list(cli_app._command_for(args).commands) == full, args
    assert len(cli_app.app.registered_commands) == len(full)  # the app is left as it was


def test_the_collector_is_back_on_after_a_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert gc.isenabled()
    assert main([str(EXAMPLE), "--format", "json", "--as-of", "2026-11-28"]) == 0
    assert gc.isenabled()
    gc.disable()
    try:
        assert main(["--version"]) == 0
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
    capsys.readouterr()


def test_a_batch_collects_cycles_even_when_the_collector_was_off(tmp_path: Path) -> None:
    from ovop_assess.batch import _quiet_gc

    gc.disable()
    try:
        with _quiet_gc():
            assert gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_whole_report_reaches_a_pipe_before_the_process_ends(tmp_path: Path) -> None:
    """The process ends with os._exit after flushing: a long report must arrive whole."""
    folder = tmp_path / "regions"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i in range(150):
        (folder / f"region-{i:03d}.yaml").write_text(text, encoding="utf-8")
    done = run_module(str(folder), "--format", "json", "--as-of", "2026-11-28", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["files"] == 150 and len(report["results"]) == 150
    csv_done = run_module(str(folder), "--format", "csv", "--as-of", "2026-11-28")
    assert csv_done.returncode == 0 and csv_done.stdout.count("\n") == 151


def test_errors_reach_stderr_and_exit_codes_survive_the_hard_exit(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: ovop-region/1\nregion: [\n", encoding="utf-8")
    done = run_module(str(bad), "--format", "github", "--as-of", "2026-11-28")
    assert done.returncode == 3 and f"::error file={bad},line=" in done.stdout
    usage = run_module(str(EXAMPLE), "--jobs", "0")
    assert usage.returncode == 2 and "--jobs" in usage.stderr
    output = tmp_path / "report.json"
    written = run_module(str(EXAMPLE), "--format", "json", "--output", str(output), "--as-of", "2026-11-28")
    assert written.returncode == 0 and json.loads(output.read_text(encoding="utf-8"))["summary"]["eligible"] == 1


def test_top_level_help_takes_the_language_option() -> None:
    done = run_module("--help", "--lang", "id")
    assert done.returncode == 0, done.stderr
    assert "Penggunaan: ovop-assess" in done.stdout and "Perintah:" in done.stdout
    english = run_module("--lang=en", "--help")  # --lang first: the assess command's help
    assert english.returncode == 0 and "Usage: ovop-assess assess" in english.stdout
