"""The reader kept from one .ods to the next: each file under its own caps, and nothing of the run held or outlived."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess.sheets import SheetLimits, isolated, read_firms, warm_reader

pytestmark = pytest.mark.skipif(not isolated.capped(), reason="the reader is kept where reads run beside the checks")


def _ids(findings: Any) -> list[str]:
    return [finding.message.id for finding in findings]


@pytest.fixture
def good(make_ods: Callable[..., Path], ods_row: Callable[..., str]) -> Path:
    rows = ods_row("Nama Usaha", "Peran") + ods_row("Batik", "penggerak") + ods_row("Tenun", "binaan")
    return make_ods('<table:table table:name="D">' + rows + "</table:table>")


def _names(path: Path) -> list[str]:
    return [firm["name"] for firm in read_firms(path).firms]


def test_later_files_are_read_by_the_same_reader_with_what_a_child_of_their_own_gives(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert warm_reader.running() is None
    first = read_firms(good)
    reader = warm_reader.running()
    assert reader is not None and reader != os.getpid()
    second = read_firms(good, sheet="D")
    assert warm_reader.running() == reader
    assert first.firms == second.firms and [firm["name"] for firm in first.firms] == ["Batik", "Tenun"]
    monkeypatch.setattr(isolated, "AVAILABLE", False)
    in_process = read_firms(good)
    assert (in_process.firms, in_process.errors, in_process.warnings) == (first.firms, first.errors, first.warnings)


def test_the_reader_holds_no_descriptor_of_the_run_but_its_socket(good: Path) -> None:
    read_firms(good)
    reader = warm_reader.running()
    held = {int(fd): os.readlink(f"/proc/{reader}/fd/{fd}") for fd in os.listdir(f"/proc/{reader}/fd")}
    assert {fd: target for fd, target in held.items() if fd <= 2} == dict.fromkeys((0, 1, 2), os.devnull)
    others = [target for fd, target in held.items() if fd > 2 and target != os.devnull]
    assert len(others) == 1 and others[0].startswith("socket:")


def test_a_reader_killed_while_it_waits_is_replaced_for_the_next_file(good: Path) -> None:
    read_firms(good)
    first = warm_reader.running()
    assert first is not None
    os.kill(first, signal.SIGKILL)  # (a Ctrl-C in the terminal reaches the whole process group)
    time.sleep(0.05)
    assert _names(good) == ["Batik", "Tenun"]
    assert warm_reader.running() not in (None, first)


def test_a_reader_that_dies_on_a_file_refuses_that_file_and_the_next_is_read(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = warm_reader._read

    def dies_on_a_sheet(raw: bytes, sheet: str | None, limits: SheetLimits) -> Any:
        if sheet == "mati":  # as calamine's abort on a failed allocation ends it
            os.kill(os.getpid(), signal.SIGKILL)
        return real(raw, sheet, limits)

    monkeypatch.setattr(warm_reader, "_read", dies_on_a_sheet)  # (before the reader starts: it is its code)
    assert _names(good) == ["Batik", "Tenun"]
    found = read_firms(good, sheet="mati")
    assert _ids(found.errors) == ["sheet.reader_stopped"]
    assert warm_reader.running() is None
    assert _names(good) == ["Batik", "Tenun"]


def test_each_file_gets_the_whole_cpu_time_of_a_read(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A second of CPU for each read: three reads of 0.6 s each pass (1.8 s in all in one reader), and a read of
    # more than the second is ended by its cap, refused with the time named.
    real = warm_reader._read

    def spins(raw: bytes, sheet: str | None, limits: SheetLimits) -> Any:
        start = time.process_time()
        while time.process_time() - start < (3.0 if sheet == "lama" else 0.6):
            pass
        return real(raw, "D", limits)

    monkeypatch.setattr(isolated, "_CPU_SECONDS", 1)
    monkeypatch.setattr(warm_reader, "_read", spins)
    reader = None
    for _ in range(3):
        assert _names(good) == ["Batik", "Tenun"]
        reader = reader or warm_reader.running()
        assert warm_reader.running() == reader
    found = read_firms(good, sheet="lama")
    assert _ids(found.errors) == ["sheet.reader_out_of_time"]
    assert warm_reader.running() is None


def test_a_reader_grown_past_its_bound_ends_after_its_answer(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm_reader, "_RETIRE_AT", -(1 << 40))  # (it may hold less than at its start)
    assert _names(good) == ["Batik", "Tenun"]
    assert warm_reader.running() is None  # ended and reaped: its memory given back
    assert _names(good) == ["Batik", "Tenun"]


def test_a_process_forked_from_the_owner_starts_its_own_reader(good: Path) -> None:
    read_firms(good)
    owner = warm_reader.running()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the forked process (a --jobs worker)
        try:
            inherited = warm_reader.running()
            names = _names(good)
            own = warm_reader.running()
            warm_reader.stop()
            os.write(write, json.dumps([inherited, names, own]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        inherited, names, own = json.loads(answer.read())
    os.waitpid(pid, 0)
    assert inherited is None and names == ["Batik", "Tenun"] and own not in (None, owner)
    assert warm_reader.running() == owner  # the owner's reader goes on


def test_the_reader_ends_with_the_process_that_started_it_however_it_ends(good: Path, tmp_path: Path) -> None:
    # The process ends without its exit handlers (os._exit, as a SIGKILL would): its end of the socket closes.
    script = (
        "import os, sys\n"
        "from ovop_assess.sheets import read_firms, warm_reader\n"
        "read_firms(sys.argv[1])\n"
        "print(warm_reader.running(), flush=True)\n"
        "os._exit(0)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(good)], capture_output=True, text=True, check=True)
    reader = int(done.stdout)
    for _ in range(100):
        if not Path(f"/proc/{reader}").exists() or "Z" in Path(f"/proc/{reader}/stat").read_text().split()[2]:
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"the reader {reader} outlived the process that started it")


def test_the_cells_calamine_does_not_report_are_looked_for_by_a_second_reader_kept_too(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    no_result = '<table:table-cell table:formula="of:=2+3"/>'
    rows = ods_row("Nama Usaha", "Peran", "Tenaga Kerja") + ods_row("Batik", "penggerak").replace(
        "</table:table-row>", no_result + "</table:table-row>"
    )
    path = make_ods('<table:table table:name="D">' + rows + "</table:table>")
    first = read_firms(path)
    walker = warm_reader.running("walk")
    assert walker not in (None, os.getpid(), warm_reader.running("read"))
    second = read_firms(path)
    assert warm_reader.running("walk") == walker
    assert _ids(first.errors) == _ids(second.errors) == ["sheet.formula_no_value"]
    assert [error.location for error in first.errors] == [error.location for error in second.errors]
    monkeypatch.setattr(isolated, "AVAILABLE", False)
    assert read_firms(path).errors == first.errors


def test_a_jobs_worker_ends_its_readers_as_it_ends(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], tmp_path: Path
) -> None:
    # This process made the subreaper of what the run leaves: a reader a worker left behind would be its child.
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(36, 1, 0, 0, 0) != 0:  # PR_SET_CHILD_SUBREAPER
        pytest.skip("no subreaper here")
    try:
        _region_folder(tmp_path, make_ods, ods_row, 4)
        command = [sys.executable, "-m", "ovop_assess", str(tmp_path), "--jobs", "2", "--format", "json"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert '"files": 4, "eligible": 0, "not_eligible": 4' in done.stdout, done.stderr  # (2 firms: too few)
        time.sleep(0.3)
        left = [int(entry.name) for entry in Path("/proc").glob("[0-9]*") if _parent(entry) == os.getpid()]
        ended = []
        with contextlib.suppress(ChildProcessError):
            while (pid := os.waitpid(-1, os.WNOHANG)[0]) != 0:
                ended.append(pid)
        assert not left and not ended
    finally:
        libc.prctl(36, 0, 0, 0, 0)


def _parent(entry: Path) -> int | None:
    try:
        return int(entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _region_folder(tmp_path: Path, make_ods: Callable[..., Path], ods_row: Callable[..., str], count: int) -> Path:
    import re

    rows = ods_row("Nama Usaha", "Peran") + ods_row("Batik", "penggerak")
    make_ods('<table:table table:name="D">' + rows + "</table:table>", "usaha.ods")
    example = (Path(__file__).parents[2] / "examples" / "regions" / "bayat-pottery.yaml").read_text()
    region = re.sub(r"^firms: .*$", "firms: {file: usaha.ods}", example, flags=re.MULTILINE)
    for number in range(count):
        (tmp_path / f"r{number}.yaml").write_text(region)
    return tmp_path


def test_a_run_with_its_standard_descriptors_closed_keeps_the_readers_socket_apart(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], tmp_path: Path
) -> None:
    # A cron job writing its report with -o, stdin and stderr (or stdout) closed: the socket must not take 0 to 2,
    # where the reader's /dev/null, or this process's warnings, would go into it.
    folder = _region_folder(tmp_path, make_ods, ods_row, 4)
    report = tmp_path / "laporan.csv"
    for closed in ("<&- 2>&-", "<&- >&-"):
        report.unlink(missing_ok=True)
        command = f'exec "$@" {closed}'
        args = [sys.executable, "-m", "ovop_assess", "--format", "csv", "-o", str(report), str(folder)]
        done = subprocess.run(["sh", "-c", command, "sh", *args], check=False)
        assert done.returncode == 1  # (not eligible: two firms are too few)
        verdicts = [row["verdict"] for row in csv.DictReader(report.read_text().splitlines())]
        assert len(verdicts) == 4 and set(verdicts) == {"not_eligible"}, report.read_text()


def test_a_reader_killed_with_the_request_unread_refuses_that_file(good: Path) -> None:
    # Stopped, sent the next file, then killed before it read it (a kill -9, an out-of-memory killer): the
    # socket is reset, not closed, and the file is refused as a reader's end refuses it.
    import threading

    read_firms(good)
    reader = warm_reader.running()
    assert reader is not None
    os.kill(reader, signal.SIGSTOP)
    threading.Timer(0.3, os.kill, args=(reader, signal.SIGKILL)).start()
    found = read_firms(good)
    assert _ids(found.errors) == ["sheet.reader_stopped"]
    assert _names(good) == ["Batik", "Tenun"]


def test_threads_reading_at_once_each_get_their_own_files_firms(
    make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    files = {}
    for name in ("Alpha", "Beta", "Gamma"):
        rows = ods_row("Nama Usaha", "Peran") + ods_row(name, "penggerak") + ods_row(f"{name} Dua", "binaan")
        files[name] = make_ods('<table:table table:name="D">' + rows + "</table:table>", f"{name}.ods")
    with ThreadPoolExecutor(3) as pool:
        got = list(pool.map(lambda name: (name, _names(files[name])), [*files] * 12))
    assert all(names == [name, f"{name} Dua"] for name, names in got), [item for item in got if item[1][0] != item[0]]


def test_a_forked_process_waits_for_none_of_its_parents_readers() -> None:
    # Else a child stopping its own reads (SIGTERM, Ctrl-C) would kill the readers its parent waits for.
    isolated.reading(2**22 + 12345)
    try:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the forked process
            os.write(write, json.dumps(isolated._reading).encode())
            os._exit(0)
        os.close(write)
        with os.fdopen(read) as answer:
            assert json.loads(answer.read()) == []
        os.waitpid(pid, 0)
    finally:
        isolated.waited_for(2**22 + 12345)


def test_sigterm_while_the_readers_lock_is_held_ends_the_process_and_its_reader(good: Path) -> None:
    # The handler a worker has while it waits for a reader kills the readers waited for, and takes no lock nor
    # closes a stream: the code it interrupted may hold either.
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the forked process
        try:
            with warm_reader.started_read(good.read_bytes(), None, SheetLimits(), 1 << 30) as served:
                assert served is not None
                os.write(write, str(next(iter(warm_reader._busy)).pid).encode())
                warm_reader._lock.acquire()
                with isolated.terminated_with_reader():
                    os.kill(os.getpid(), signal.SIGTERM)
                    time.sleep(10)
        finally:
            os._exit(3)
    os.close(write)
    with os.fdopen(read) as answer:
        reader = int(answer.read())
    for _ in range(200):
        ended, status = os.waitpid(pid, os.WNOHANG)
        if ended:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the process hung in its SIGTERM handler")
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM
    time.sleep(0.2)
    state = Path(f"/proc/{reader}/stat")
    assert not state.exists() or state.read_text().rsplit(")", 1)[1].split()[0] == "Z"


def test_the_readers_kept_idle_are_few_however_many_threads_read(
    make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    import threading

    rows = ods_row("Nama Usaha", "Peran") + ods_row("Batik", "penggerak")
    path = make_ods('<table:table table:name="D">' + rows + "</table:table>")
    start = threading.Barrier(6)

    def reads() -> list[str]:
        start.wait()
        return _names(path)

    threads = [threading.Thread(target=reads) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(warm_reader._idle["read"]) <= warm_reader._MOST_IDLE and not warm_reader._busy
    children = [entry for entry in Path("/proc").glob("[0-9]*") if _parent(entry) == os.getpid()]
    assert len(children) <= warm_reader._MOST_IDLE  # the others ended and reaped


def test_stop_from_another_thread_refuses_the_files_being_read_and_raises_nothing(good: Path) -> None:
    import threading

    outcomes: list[object] = []
    until = time.monotonic() + 2

    def reads() -> None:
        while time.monotonic() < until:
            try:
                found = read_firms(good)
            except Exception as exc:  # (what this test is about)
                outcomes.append(exc)
                continue
            outcomes.append(_ids(found.errors) or [firm["name"] for firm in found.firms])

    threads = [threading.Thread(target=reads) for _ in range(3)]
    for thread in threads:
        thread.start()
    while time.monotonic() < until:
        warm_reader.stop()
        time.sleep(0.01)
    for thread in threads:
        thread.join()
    assert outcomes and all(item in (["Batik", "Tenun"], ["sheet.reader_stopped"]) for item in outcomes), [
        item for item in outcomes if item not in (["Batik", "Tenun"], ["sheet.reader_stopped"])
    ][:3]
