"""Standard streams that are closed, full or unable to carry a character.

A missing stdout is a write error (exit 2), as a full one is; whatever
happens to stderr never changes the exit code; a stream in ASCII or Latin-1
gets the report with what it cannot carry escaped, never a crash.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_assess.cli import terminal
from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
REGIONS = ROOT / "examples" / "regions"
ELIGIBLE = REGIONS / "kauman-batik.yaml"
NOT_ELIGIBLE = REGIONS / "bangli-bamboo-weaving.yaml"
AS_OF = ["--as-of", "2026-11-28"]

posix_only = pytest.mark.skipif(os.name != "posix", reason="descriptors and /dev/full as on POSIX")


def run_module(
    *args: str, closing: int | None = None, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """The tool in a process of its own; ``closing``: that descriptor closed before it starts (``>&-``)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("COV") and k != "OVOP_LANG"}
    closed: Callable[[], None] | None = None if closing is None else (lambda: os.close(closing))
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "ovop_assess", *args],
        env={**clean, **(env or {})},
        check=False,
        cwd=ROOT,
        preexec_fn=closed,
        **kwargs,
    )


# --- stdout closed -----------------------------------------------------------


@posix_only
@pytest.mark.parametrize(
    "args",
    [
        [str(ELIGIBLE), *AS_OF],
        [str(ELIGIBLE), "-f", "json", *AS_OF],
        [str(ELIGIBLE), "-f", "xlsx", *AS_OF],
        ["round", str(ELIGIBLE), "-f", "xlsx", *AS_OF],
        ["round", str(ELIGIBLE), *AS_OF],
        ["checklist", str(ELIGIBLE), *AS_OF],
        ["compare", str(ELIGIBLE), str(ELIGIBLE), *AS_OF],
        ["init"],
        ["import", str(REGIONS / "bayat-pottery-firms.xlsx")],
        ["schema"],
        ["rules"],
        ["explain", "C1"],
        ["area", "Bantul"],
    ],
)
def test_a_closed_stdout_is_a_write_error(args: list[str]) -> None:
    done = run_module(*args, closing=1, stderr=subprocess.PIPE)
    done.stderr = b"\n" + done.stderr
    assert done.returncode == 2, args
    assert done.stderr.endswith(b"\novop-assess: cannot write <stdout>: Bad file descriptor\n"), args  # (after notes)


@posix_only
def test_a_closed_stdout_is_said_in_indonesian() -> None:
    done = run_module("--lang", "id", str(ELIGIBLE), *AS_OF, closing=1, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert done.stderr == b"ovop-assess: tidak dapat menulis <stdout>: deskriptor berkas tidak valid\n"


@posix_only
def test_a_closed_stdout_leaves_output_files_alone(tmp_path: Path) -> None:
    out = tmp_path / "checklist.md"
    done = run_module("checklist", str(ELIGIBLE), "-o", str(out), *AS_OF, closing=1, stderr=subprocess.PIPE)
    assert done.returncode == 0 and out.read_text(encoding="utf-8").startswith("# OVOP sentra proposal checklist")


# --- stderr closed, full, or taken away ------------------------------------------


STDERR_RUNS = [
    ([str(ELIGIBLE), *AS_OF], 0),
    ([str(NOT_ELIGIBLE), *AS_OF], 1),
    (["no-such-file.yaml"], 3),
    (["--no-such-option", str(ELIGIBLE)], 2),
    (["--lang", "id", "--no-such-option", str(ELIGIBLE)], 2),
    (["explain", "C99"], 2),
    (["checklist", str(ELIGIBLE), "-o", "{tmp}/c.md", *AS_OF], 0),
    (["round", str(ELIGIBLE), "-o", "{tmp}/r.md", *AS_OF], 0),
    (["init", "{tmp}/new.yaml"], 0),
    (["area", "Nowhereville"], 1),
    ([str(ELIGIBLE), "-o", "{tmp}/missing/r.md", *AS_OF], 2),
]


@posix_only
@pytest.mark.parametrize(("args", "code"), STDERR_RUNS)
@pytest.mark.parametrize("stderr", ["closed", "full"])
def test_stderr_never_changes_the_exit_code(args: list[str], code: int, stderr: str, tmp_path: Path) -> None:
    args = [arg.format(tmp=tmp_path) for arg in args]
    if stderr == "closed":
        done = run_module(*args, closing=2, stdout=subprocess.DEVNULL)
    else:
        with open("/dev/full", "wb") as full:
            done = run_module(*args, stdout=subprocess.DEVNULL, stderr=full)
    assert done.returncode == code, (args, stderr)


@posix_only
def test_a_closed_stderr_keeps_the_report_whole() -> None:
    done = run_module(str(ELIGIBLE), "-f", "json", *AS_OF, closing=2, stdout=subprocess.PIPE)
    assert done.returncode == 0 and json.loads(done.stdout)["summary"]["files"] == 1


def _broken_stderr() -> io.TextIOWrapper:
    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            raise OSError(28, os.strerror(28))

    return io.TextIOWrapper(io.BufferedWriter(Full()), line_buffering=True)


@pytest.mark.parametrize("stderr", ["none", "full"])
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["no-such-file.yaml"], 3),
        (["--no-such-option", "x.yaml"], 2),
        (["--lang", "id", "--no-such-option", "x.yaml"], 2),
        (["explain", "C99"], 2),
        (["checklist", str(ELIGIBLE), "-o", "{tmp}/c.md", *AS_OF], 0),
        (["area", "Nowhereville"], 1),
    ],
)
def test_a_stderr_taken_away_in_the_process_never_changes_the_exit_code(
    args: list[str], code: int, stderr: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a plugin or a host program may leave it: ``sys.stderr = None``, or a stream that fails every write."""
    monkeypatch.setattr(sys, "stderr", None if stderr == "none" else _broken_stderr())
    assert main([arg.format(tmp=tmp_path) for arg in args]) == code


def test_a_note_in_a_stream_that_cannot_encode_it_is_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    written = io.BytesIO()
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(written, encoding="ascii", errors="strict"))
    terminal.note("sentra — Kasongan é")
    sys.stderr.flush()
    assert written.getvalue() == b"ovop-assess: sentra \\u2014 Kasongan \\xe9\n"


# --- a stream that cannot carry every character -----------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_report_to_a_narrow_stream_is_written_with_escapes(encoding: str) -> None:
    done = run_module("--lang", "id", str(ELIGIBLE), *AS_OF, env={"PYTHONIOENCODING": encoding}, capture_output=True)
    assert done.returncode == 0 and done.stderr == b""
    assert b"Hasil penilaian: layak \\u2014 baru dinyatakan" in done.stdout  # the verdict line, its dash escaped


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_to_a_narrow_stream_reads_back_as_written(encoding: str) -> None:
    utf8 = run_module(str(ELIGIBLE), "-f", "json", *AS_OF, capture_output=True)
    narrow = run_module(str(ELIGIBLE), "-f", "json", *AS_OF, env={"PYTHONIOENCODING": encoding}, capture_output=True)
    assert narrow.returncode == utf8.returncode == 0
    narrow.stdout.decode("ascii")  # JSON's own escapes
    assert json.loads(narrow.stdout) == json.loads(utf8.stdout)


def test_messages_to_a_narrow_stderr_are_escaped(tmp_path: Path) -> None:
    taken = tmp_path / "wilayah—baru.yaml"
    taken.write_text("format: ovop-region/1\n", encoding="utf-8")
    done = run_module("--lang", "id", "init", str(taken), env={"PYTHONIOENCODING": "ascii"}, capture_output=True)
    assert done.returncode == 2
    assert "wilayah\\u2014baru.yaml" in done.stderr.decode("ascii")


def test_json_of_a_character_past_u_ffff_to_a_narrow_stream_reads_back(tmp_path: Path) -> None:
    # backslashreplace wrote \U0001f600, which is no JSON: a report a script could not read.
    region = tmp_path / "emoji.yaml"
    text = ELIGIBLE.read_text(encoding="utf-8").replace("  name: Kauman ", '  name: "Kauman 😀" ', 1)
    region.write_text(text, encoding="utf-8")
    narrow = run_module(str(region), "-f", "json", *AS_OF, env={"PYTHONIOENCODING": "ascii"}, capture_output=True)
    assert b"\\ud83d\\ude00" in narrow.stdout
    assert json.loads(narrow.stdout)["results"][0]["region"]["name"] == "Kauman 😀"
