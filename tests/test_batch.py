"""Batches over worker processes: order, and stopping without leaving workers behind."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ovop_assess import batch, criteria_sets
from ovop_assess.yaml_source import Limits

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "regions" / "kauman-batik.yaml"


def test_results_come_in_the_given_order_with_workers() -> None:
    paths = [EXAMPLE] * 40 + [ROOT / "missing.yaml"] + [EXAMPLE] * 40
    results = list(
        batch.iter_assess(
            paths, criteria_sets.load("default"), as_of=datetime.date(2026, 11, 28), limits=Limits(), jobs=2
        )
    )
    assert [r.verdict.value for r in results] == ["eligible"] * 40 + ["invalid"] + ["eligible"] * 40


def test_a_second_ctrl_c_cannot_cut_the_stopping_short(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are stopped with Ctrl-C ignored: a second one used to leave them running (orphans)."""
    seen: list[Any] = []
    real_stop = batch._stop

    def stop(executor: Any) -> None:
        seen.append(signal.getsignal(signal.SIGINT))
        real_stop(executor)

    monkeypatch.setattr(batch, "_stop", stop)
    before = signal.getsignal(signal.SIGINT)
    results = batch.iter_assess(
        [EXAMPLE] * 200, criteria_sets.load("default"), as_of=datetime.date(2026, 11, 28), limits=Limits(), jobs=2
    )
    next(results)
    results.close()  # the consumer stops early: the pool is stopped as on Ctrl-C
    assert seen == [signal.SIG_IGN]
    assert signal.getsignal(signal.SIGINT) == before


PLUGIN_SET = ROOT / "examples" / "plugin" / "nib-required.yaml"


@pytest.mark.parametrize(
    "command",
    [
        ["assess", "-f", "table"],
        ["assess", "-f", "junit"],
        ["assess", "-f", "csv"],
        ["assess", "-f", "markdown"],
        ["assess", "-f", "github"],
        ["assess", "-f", "json"],
        ["round", "-f", "table"],
        ["round", "-f", "json"],
    ],
)
def test_a_plugins_results_come_back_from_workers(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plugin's message values are read-only mappings: they once could not be sent back from a worker, and
    every format but assess's JSON (converted in the worker) ended the run as an internal error (exit 4)."""
    from ovop_assess.cli.main import main

    folder = ROOT / "examples" / "regions"
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out-{jobs}"
        args = [*command[:1], str(folder), "--criteria", str(PLUGIN_SET), *command[1:], "-j", jobs, "-o", str(target)]
        code = main([*args, "--as-of", "2026-11-28"])
        capsys.readouterr()
        assert code in (0, 1)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] and b"NIB1" in outputs[0]


# A process that forks a worker as the pool does, then waits: the worker asks to end with it (its parent's pid
# given before the fork, as the pool gives it: "own"; "gone": a pid that is not its parent's, as when the run
# died between the fork and the request) and waits too. The run prints the worker's pid.
_RUN = """
import os, sys, time
from ovop_assess import batch
parent = os.getpid()
worker = os.fork()
if worker == 0:
    batch._end_with(parent if sys.argv[1] == "own" else parent + 1)
    time.sleep(30)
    os._exit(0)
print(worker, flush=True)
time.sleep(30)
"""


def _gone(pid: int, seconds: float) -> bool:
    """Whether ``pid`` ends (or is only a zombie left to reap) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)


@contextmanager
def _started(which: str) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """The run and its worker's pid; both ended afterwards, whatever the test saw."""
    run = subprocess.Popen([sys.executable, "-c", _RUN, which], stdout=subprocess.PIPE, text=True)
    assert run.stdout is not None
    worker = int(run.stdout.readline())
    try:
        yield run, worker
    finally:
        run.kill()
        run.wait()
        if not _gone(worker, 0):
            os.kill(worker, signal.SIGKILL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG: Linux")
def test_a_worker_ends_when_its_run_is_killed_outright() -> None:
    """kill -9 of a run (a CI job's timeout) left its workers waiting for work for ever: they now end."""
    with _started("own") as (run, worker):
        assert not _gone(worker, 0.5)  # (the worker lives while its run does)
        run.kill()
        run.wait()
        assert _gone(worker, 10)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG: Linux")
def test_a_worker_whose_run_died_before_it_asked_ends_at_once() -> None:
    with _started("gone") as (run, worker):
        assert _gone(worker, 10)
        assert run.poll() is None  # the run itself is untouched


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG: Linux")
def test_a_batch_advanced_from_threads_that_end_keeps_its_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel's signal comes when the thread that forked a worker ends: a library caller advancing the
    batch from a thread that then ends (a thread pool serving each result) had its workers killed, each
    file then assessed alone, and at times a hang (a review). Only the main thread's workers ask for it."""
    import threading

    alone: list[Path] = []
    real_alone = batch._alone
    monkeypatch.setattr(batch, "_alone", lambda path, job: alone.append(path) or real_alone(path, job))
    results = batch.iter_assess(
        [EXAMPLE] * 80, criteria_sets.load("default"), as_of=datetime.date(2026, 11, 28), limits=Limits(), jobs=2
    )
    first: list[Any] = []
    helper = threading.Thread(target=lambda: first.append(next(results)))
    helper.start()
    helper.join()
    rest = list(results)
    assert [r.verdict.value for r in [*first, *rest]] == ["eligible"] * 80
    assert alone == []


def test_a_python_without_ctypes_runs_its_workers_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python built without libffi has no ``_ctypes``: every worker's initializer failed, and every file of
    a --jobs run was reported as a worker that died (a review). The request is then left out."""
    monkeypatch.setitem(sys.modules, "ctypes", None)  # import ctypes: ImportError
    batch._end_with(os.getppid())  # (this process's own parent: nothing is asked, nothing to see)
