"""The entry point's own work: the command it builds, the collector, and how the process ends."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovop_assess.cli import app as cli_app
from ovop_assess.cli import main as entry
from ovop_assess.cli.main import COMMANDS, main

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


def _built(lang: str, only: str | None) -> list[str]:
    import typer

    return list(typer.main.get_command(cli_app.make_app(lang, only=only)).commands)  # type: ignore[attr-defined]


def test_a_run_builds_only_the_command_it_runs() -> None:
    assert _built("en", "assess") == ["assess"]
    assert _built("id", "rules") == ["rules"]
    # The app itself, for its own help, its version and unknown commands.
    for only in ("--help", "--version", None, "nope"):
        assert _built("en", only) == list(COMMANDS), only


def test_the_command_list_is_the_apps() -> None:
    """argv.COMMANDS (read before the app is built) names exactly the app's commands, in its order."""
    for lang in ("en", "id"):
        names = [info.name for info in cli_app.make_app(lang).registered_commands]  # type: ignore[arg-type]
        assert names == list(COMMANDS)


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


@pytest.mark.parametrize(
    "args",
    [("--help", "--lang", "id"), ("--lang", "id", "--help"), ("--lang=id", "--help"), ("--lang", "ID", "--help")],
)
def test_top_level_help_takes_the_language_option(args: tuple[str, ...]) -> None:
    """Wherever --lang stands, the app's help lists the commands (never assess's help)."""
    done = run_module(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Penggunaan: ovop-assess [OPSI] PERINTAH") and "Perintah:" in done.stdout
    for command in COMMANDS:
        assert f"\n  {command} " in done.stdout, command


def test_top_level_help_in_english_lists_the_commands() -> None:
    english = run_module("--lang=en", "--help")
    assert english.returncode == 0 and english.stdout.startswith("Usage: ovop-assess [OPTIONS] COMMAND")
    assert all(f"\n  {command} " in english.stdout for command in COMMANDS)


# --- Ctrl-C once main() has returned ------------------------------------------

LATE_INTERRUPT = """
import os, signal, sys
from ovop_assess.cli import main as entry

real_hard_exit = entry._hard_exit


def interrupted_at_the_end(code):
    # Ctrl-C after main() returned its code, while the process is ending.
    os.kill(os.getpid(), signal.SIGINT)
    real_hard_exit(code)
    sys.exit(code)


entry._hard_exit = interrupted_at_the_end
sys.argv = ["ovop-assess", *sys.argv[1:]]
entry.run()
"""


@pytest.mark.parametrize(("args", "code"), [(["explain", "C1"], 0), (["missing.yaml", "--format", "json"], 3)])
def test_a_ctrl_c_after_main_returned_changes_nothing(tmp_path: Path, args: list[str], code: int) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    done = subprocess.run(
        [sys.executable, "-c", LATE_INTERRUPT, *args],
        capture_output=True,
        text=True,
        env=clean,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == code, done.stderr
    assert done.stderr == ""  # no "Exception ignored in: <module 'threading'>", no traceback
    assert done.stdout  # the output is whole


@pytest.fixture
def sigint_restored() -> Iterator[None]:
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before[0])
        signal.signal(signal.SIGTERM, before[1])


def _exit_of(monkeypatch: pytest.MonkeyPatch, main_code: int | None = None) -> tuple[int, object]:
    """run()'s exit code, and the SIGINT handler in force when it ended the process."""
    seen: list[object] = []
    monkeypatch.setattr(entry, "_hard_exit", lambda code: seen.append(signal.getsignal(signal.SIGINT)))
    if main_code is not None:
        monkeypatch.setattr(entry, "main", lambda: main_code)
    with pytest.raises(SystemExit) as ended:
        entry.run()
    assert len(seen) == 1
    return int(ended.value.code or 0), seen[0]


@pytest.mark.usefixtures("sigint_restored")
@pytest.mark.parametrize("main_code", [0, 1, 3])
def test_run_ignores_ctrl_c_once_main_has_returned(monkeypatch: pytest.MonkeyPatch, main_code: int) -> None:
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert _exit_of(monkeypatch, main_code) == (main_code, signal.SIG_IGN)


@pytest.mark.usefixtures("sigint_restored")
def test_a_ctrl_c_pending_as_main_returns_keeps_its_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """signal.signal() acts on a SIGINT that arrived just before it: run() swallows that one too."""
    real = entry.ignore_signals
    calls: list[int] = []

    def pending_then_ignored() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt
        real()

    monkeypatch.setattr(entry, "ignore_signals", pending_then_ignored)
    assert _exit_of(monkeypatch, 1) == (1, signal.SIG_IGN)
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("sigint_restored")
def test_a_ctrl_c_that_escapes_main_is_an_interrupted_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One arriving while main() was already reporting another outcome: exit 130, said once, no traceback."""

    def interrupted() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "main", interrupted)
    monkeypatch.setattr(sys, "argv", ["ovop-assess", "x.yaml", "--lang", "id"])
    assert _exit_of(monkeypatch) == (130, signal.SIG_IGN)
    assert capsys.readouterr().err == "ovop-assess: dihentikan\n"


@pytest.mark.usefixtures("sigint_restored")
def test_a_sigterm_that_escapes_main_is_a_terminated_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ovop_assess.cli.signals import Terminated

    def terminated() -> int:
        raise Terminated

    monkeypatch.setattr(entry, "main", terminated)
    monkeypatch.setattr(sys, "argv", ["ovop-assess", "x.yaml"])
    assert _exit_of(monkeypatch) == (143, signal.SIG_IGN)
    assert capsys.readouterr().err == "ovop-assess: terminated (SIGTERM)\n"


@pytest.mark.usefixtures("sigint_restored")
def test_main_leaves_the_callers_signal_handlers_as_they_were(capsys: pytest.CaptureFixture[str]) -> None:
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    assert main(["--version"]) == 0
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before
    capsys.readouterr()
