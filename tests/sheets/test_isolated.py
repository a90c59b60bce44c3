"""An .ods is read in a forked child whose memory is capped: what kills the child refuses the file, never the run."""

from __future__ import annotations

import datetime
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ovop_assess import messages
from ovop_assess.results import Finding, Location, Message
from ovop_assess.sheets import SheetLimits, isolated, read_firms
from ovop_assess.sheets.limits import SheetRefused

pytestmark = pytest.mark.skipif(not isolated.AVAILABLE, reason="no fork on this platform: reads stay in the process")

_VALUE = '<table:table-cell office:value-type="float" office:value="1"/>'


def _ids(findings: Any) -> list[str]:
    return [finding.message.id for finding in findings]


def _split_rows(repeat: int, pieces: int, columns: int) -> str:
    """Not well-formed XML that calamine's parser reads: each piece's row end and a row group's start sit inside
    a cell calamine skips, so calamine keeps one row of ``pieces`` times ``columns`` values, repeated ``repeat``
    times, where the bytes show ``pieces`` short rows (the adversarial review's 995-byte file)."""
    cells = f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="float" office:value="1"/>'
    split = (
        "<table:table-cell><text:p><text:span></table:table-row><table:table-row-group/></text:p></table:table-cell>"
    )
    return f'<table:table-row table:number-rows-repeated="{repeat}">' + (cells + split) * pieces + "</table:table-row>"


def test_what_the_byte_checks_miss_refuses_the_file_and_the_run_goes_on(
    make_ods: Callable[..., Path], make_unchecked_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    # With --max-cells 10,000: 1,000 rows of 9,000 values for calamine, 9 million cells (500 MB with their
    # formulas); the byte bound sees 2,000 rows of 18 cells. In the process calamine takes the memory (with the
    # usual limits and larger repeats, until the process aborts: no message, the batch lost); in the child, the
    # cap refuses it.
    body = '<table:table table:name="D">' + ods_row("Nama Usaha") + _split_rows(1000, 1000, 9) + "</table:table>"
    path = make_unchecked_ods(body)
    found = read_firms(path, limits=SheetLimits(max_cells=10_000, max_unpacked_bytes=16 << 20))
    assert _ids(found.errors) == ["sheet.reader_stopped"]
    for language in ("en", "id"):
        assert "--max-cells" in messages.render(found.errors[0].message, language)
    # The same process reads the next file as ever.
    rows = ods_row("Nama Usaha", "Peran") + ods_row("Batik", "penggerak")
    good = make_ods('<table:table table:name="D">' + rows + "</table:table>", "b.ods")
    assert [firm["name"] for firm in read_firms(good).firms] == ["Batik"]


def test_a_well_formed_file_reads_the_same_in_the_child_and_in_the_process(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [ods_row("Nama Usaha", "Peran", "NIB"), ods_row("Batik", "penggerak", "0123456789012")]
    rows += [ods_row(f"Usaha {i}", "binaan", f"{i:013d}") for i in range(1, 50)]
    path = make_ods('<table:table table:name="D">' + "".join(rows) + "</table:table>")
    in_child = read_firms(path)
    monkeypatch.setattr(isolated, "AVAILABLE", False)
    in_process = read_firms(path)
    assert in_child.firms == in_process.firms and len(in_child.firms) == 50
    assert in_child.errors == in_process.errors and in_child.warnings == in_process.warnings


def test_a_refusal_in_the_child_comes_back_whole(make_ods: Callable[..., Path], ods_row: Callable[..., str]) -> None:
    path = make_ods('<table:table table:name="D">' + ods_row("Nama Usaha") + ods_row("A") + "</table:table>")
    found = read_firms(path, sheet="Tidak Ada")
    assert _ids(found.errors) == ["sheet.not_found"]


def _work(result: Any) -> Callable[[], Any]:
    return lambda: result


@pytest.fixture
def memory() -> Iterator[int]:
    yield isolated.memory_for(1_000_000, 128 << 20, 4)


def test_cells_come_back_as_written(memory: int) -> None:
    cells = [["a", 1.0, 2, True, None, ""], ["b" * 10_000]]
    assert isolated.run_isolated(_work((("head", {1, 2}), cells)), memory) == (("head", {1, 2}), cells)


def test_values_marshal_cannot_write_are_pickled(memory: int) -> None:
    cells = [[datetime.date(2026, 12, 1), datetime.timedelta(hours=3)]]
    assert isolated.run_isolated(_work((None, cells)), memory) == (None, cells)


def test_a_refusal_keeps_its_findings_sheet_and_warnings(memory: int) -> None:
    finding = Finding(Message("sheet.not_found", {"sheet": "X"}), Location("firms", 2, 3))
    warning = Finding(Message("sheet.hidden_skipped", {"sheets": "Y"}), Location("", None, None))

    def refuse() -> Any:
        raise SheetRefused((finding,), sheet="Daftar", warnings=(warning,))

    with pytest.raises(SheetRefused) as caught:
        isolated.run_isolated(refuse, memory)
    assert caught.value.findings == (finding,) and caught.value.sheet == "Daftar"
    assert caught.value.warnings == (warning,)


def test_a_child_that_aborts_refuses_the_file(memory: int) -> None:
    with pytest.raises(SheetRefused) as caught:
        isolated.run_isolated(os.abort, memory)
    assert _ids(caught.value.findings) == ["sheet.reader_stopped"]


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="the cap is set from Linux's /proc only")
def test_the_child_cannot_take_more_memory_than_allowed() -> None:
    def greedy() -> Any:
        return None, [[bytes(512 << 20)]]  # half a gigabyte, over the 64 MiB allowed

    with pytest.raises(SheetRefused) as caught:
        isolated.run_isolated(greedy, 64 << 20)
    assert _ids(caught.value.findings) == ["sheet.reader_stopped"]


def test_a_bug_in_the_child_is_no_refusal(memory: int) -> None:
    def broken() -> Any:
        raise ZeroDivisionError("bug")

    with pytest.raises(RuntimeError, match=r"^ZeroDivisionError: bug"):
        isolated.run_isolated(broken, memory)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_child_ended_by_a_signal_of_its_own_refuses_the_file(memory: int, number: int) -> None:
    # An out-of-memory killer's SIGTERM or SIGKILL to the reader alone: the run goes on (a Ctrl-C meant for the
    # run reaches the parent's own handler, which stops it).
    def killed() -> Any:
        os.kill(os.getpid(), number)
        return None, []

    with pytest.raises(SheetRefused) as caught:
        isolated.run_isolated(killed, memory)
    assert _ids(caught.value.findings) == ["sheet.reader_stopped"]


def test_an_ignored_ctrl_c_stays_ignored_in_the_child(memory: int) -> None:
    # A background job of a script ignores Ctrl-C: so does the child reading for it.
    def interrupted() -> Any:
        os.kill(os.getpid(), signal.SIGINT)
        return "read", []

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert isolated.run_isolated(interrupted, memory) == ("read", [])
    finally:
        signal.signal(signal.SIGINT, previous)


def test_no_child_to_be_had_reads_here(memory: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # A container's process limit, ulimit -u: fork fails with EAGAIN; the read goes on in the process.
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert isolated.run_isolated(lambda: (os.getpid(), []), memory) == (os.getpid(), [])


def test_an_ignored_sigchld_still_reads(memory: int) -> None:
    # Inherited from a launcher: the system reaps the child itself and waitpid finds none.
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert isolated.run_isolated(_work(("read", [[1.0]])), memory) == ("read", [[1.0]])
    finally:
        signal.signal(signal.SIGCHLD, previous)


@pytest.mark.parametrize("inside", [True, False])
def test_content_nested_past_any_spreadsheet_is_refused(
    make_unchecked_ods: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, inside: bool
) -> None:
    # A comment sends the content to the exact count; 300 open elements end it (42 million: 5.4 GB before).
    monkeypatch.setattr(isolated, "AVAILABLE", inside)
    body = '<table:table table:name="D"><!-- x -->' + "<a>" * 300 + "</a>" * 300 + "</table:table>"
    found = read_firms(make_unchecked_ods(body))
    assert _ids(found.errors) == ["sheet.corrupt"]
    assert "256" in messages.render(found.errors[0].message, "en")


def test_pack_and_unpack_in_one_process() -> None:
    # What the child writes, read back here (the child's side is not seen by coverage).
    assert isolated.unpack(isolated.pack(_work((1, [[2.0]])))) == (1, [[2.0]])
    with pytest.raises(SheetRefused):
        isolated.unpack(isolated.pack(lambda: (_ for _ in ()).throw(MemoryError())))
    with pytest.raises(RuntimeError, match=r"^ZeroDivisionError: division by zero \(") as failed:
        isolated.unpack(isolated.pack(lambda: 1 / 0))  # type: ignore[arg-type,return-value]
    assert "Traceback" in failed.value.__notes__[0]  # shown with --debug only
    whole = isolated.pack(_work((1, [[2.0]])))
    for cut in (0, 5, len(whole) - 1):  # the child died while writing
        with pytest.raises(SheetRefused):
            isolated.unpack(whole[:cut])


def test_limits_set_the_allowance() -> None:
    small = isolated.memory_for(SheetLimits().max_cells, SheetLimits().max_unpacked_bytes, 4)
    assert isolated.memory_for(10 * SheetLimits().max_cells, SheetLimits().max_unpacked_bytes, 4) > small


def test_a_child_that_hangs_is_ended(memory: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setattr(isolated, "_BACKSTOP_SECONDS", 1)

    def hangs() -> Any:
        time.sleep(30)
        return None, []

    with pytest.raises(SheetRefused) as caught:
        isolated.run_isolated(hangs, memory)
    assert _ids(caught.value.findings) == ["sheet.reader_out_of_time"]  # not a memory matter: --max-cells no help
    assert "60 detik waktu prosesor" in messages.render(caught.value.findings[0].message, "id")


_SCRIPT = """
import os, signal, sys, time
from ovop_assess.sheets import isolated
{setup}
def work():
    with open(sys.argv[1] + ".child", "w") as out:
        out.write(str(os.getpid()))
    {work}
    return "read", [[1.0]]
result = isolated.run_isolated(work, isolated.memory_for(10_000, 1 << 24, 4))
with open(sys.argv[1], "w") as out:
    out.write(repr(result))
"""


def _script(tmp_path: Path, setup: str, work: str = "pass") -> tuple[list[str], Path]:
    import sys

    done = tmp_path / "result"
    return [sys.executable, "-c", _SCRIPT.format(setup=setup, work=work), str(done)], done


def test_with_stdin_and_stdout_closed_the_answer_still_comes_back(tmp_path: Path) -> None:
    # A cron job writing its report with -o: the pipe would get descriptors 0 and 1, and the child points 1 at
    # /dev/null.
    import subprocess

    command, done = _script(tmp_path, "os.close(0); os.close(1)")
    subprocess.run(command, check=True, timeout=60)
    assert done.read_text() == "('read', [[1.0]])"


def test_sigterm_to_a_worker_stops_its_reader(tmp_path: Path) -> None:
    # A --jobs worker dies of SIGTERM as the run stops it; the child reading for it must not outlive it.
    import subprocess
    import time

    command, done = _script(tmp_path, "signal.signal(signal.SIGTERM, signal.SIG_DFL)", "time.sleep(60)")
    process = subprocess.Popen(command)
    child = tmp_path / "result.child"
    for _ in range(200):
        if child.exists() and child.read_text():
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == -signal.SIGTERM and not done.exists()
    reader = int(child.read_text())
    for _ in range(100):
        try:
            os.kill(reader, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(reader, signal.SIGKILL)
        raise AssertionError("the reader outlived the worker")
