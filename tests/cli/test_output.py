"""Where --output leads: regular files whole or not at all, symlinks written through, streams written directly.

Also: an --output that is one of the input files is refused before anything is written.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from ovop_assess.cli import commands
from ovop_assess.cli import output as output_module
from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "regions" / "kauman-batik.yaml"
AS_OF = ["--as-of", "2026-11-28"]

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs and /dev/stdout as on POSIX")


@pytest.fixture
def region(tmp_path: Path) -> Path:
    path = tmp_path / "region.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def run_module(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("COV") and k != "OVOP_LANG"}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "ovop_assess", *args], env=clean, check=False, cwd=ROOT, **kwargs
    )


# --- symlinks ---------------------------------------------------------------


@posix_only
def test_a_symlink_is_written_through(region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "docs" / "target.md"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert main(["checklist", str(region), "-o", str(link), *AS_OF]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("# OVOP sentra proposal checklist: Kauman")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640, "the file keeps its mode"
    # The temporary file was made beside the target, and nothing is left of it.
    assert [p.name for p in tmp_path.rglob("*.part")] == []
    assert capsys.readouterr().out == ""


@posix_only
def test_a_relative_symlink_chain_is_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "first.json").symlink_to("second.json")
    (tmp_path / "second.json").symlink_to(Path("real") / "schema.json")
    assert main(["schema", "-o", str(tmp_path / "first.json")]) == 0
    assert (tmp_path / "first.json").is_symlink() and (tmp_path / "second.json").is_symlink()
    assert json.loads((tmp_path / "real" / "schema.json").read_text(encoding="utf-8"))["$schema"]


@posix_only
def test_init_writes_the_file_a_dangling_symlink_points_to(tmp_path: Path) -> None:
    folder = tmp_path / "initdir"
    folder.mkdir()
    link = folder / "dangling"
    link.symlink_to("region.yaml")
    assert main(["init", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == "region.yaml"
    assert (folder / "region.yaml").read_text(encoding="utf-8").startswith("#")
    assert stat.S_IMODE((folder / "region.yaml").stat().st_mode) & 0o044, "readable by others, as open() makes it"


@posix_only
def test_a_dangling_symlink_into_a_missing_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "no-such-folder" / "out.json")
    assert main(["schema", "-o", str(link)]) == 2
    assert f"cannot write {link}: " in capsys.readouterr().err
    assert link.is_symlink() and not (tmp_path / "no-such-folder").exists()


@posix_only
@pytest.mark.parametrize("through", ["name", "symlink"])
def test_a_missing_folder_then_dot_dot_never_reaches_an_input(
    region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, through: str
) -> None:
    """``nope/../region.yaml`` names no file (``nope`` does not exist: open() fails), but realpath took
    ``nope/..`` away as text, and the report replaced the region file (an adversarial review)."""
    monkeypatch.chdir(tmp_path)
    before = region.read_bytes()
    output = "nope/../region.yaml"
    if through == "symlink":
        Path("report.json").symlink_to(output)
        output = "report.json"
    assert main([str(region), "-f", "json", "-o", output, *AS_OF]) == 2
    assert f"cannot write {output}: " in capsys.readouterr().err
    assert region.read_bytes() == before
    assert [p.name for p in tmp_path.rglob("*.part")] == []


@posix_only
def test_a_symlink_loop_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    assert main(["schema", "-o", str(tmp_path / "a")]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


@posix_only
def test_interrupt_through_a_symlink_leaves_the_target_as_it_was(
    region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    target = tmp_path / "real" / "report.txt"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to(target)

    def chunks() -> object:
        yield "half"
        interrupted()

    monkeypatch.setattr(commands, "render", lambda *a, **k: chunks())
    assert main([str(region), "-o", str(link), *AS_OF]) == 130
    assert target.read_text(encoding="utf-8") == "old\n" and link.is_symlink()
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.txt"]
    capsys.readouterr()


# --- streams: devices, FIFOs, this process's descriptors ----------------------


@posix_only
def test_a_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        code = main(["schema", "-o", str(fifo)])
    finally:
        reader.join(timeout=30)
    assert code == 0
    assert json.loads(received[0])["$schema"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is still a FIFO"
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


@posix_only
def test_a_symlink_to_a_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "link").symlink_to(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        assert main(["schema", "-o", str(tmp_path / "link")]) == 0
    finally:
        reader.join(timeout=30)
    assert json.loads(received[0])["$schema"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and (tmp_path / "link").is_symlink()


@pytest.fixture
def no_replacing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A device must never be replaced: if the code tried (as root it could), the test fails and the device stays."""

    def no_temporary_file(*args: object, **kwargs: object) -> object:
        raise AssertionError("a device must not be replaced by a temporary file")

    monkeypatch.setattr(tempfile, "mkstemp", no_temporary_file)  # (output imports tempfile where it writes a file)
    monkeypatch.setattr(output_module.os, "replace", no_temporary_file)


@pytest.mark.usefixtures("no_replacing")
def test_a_device_is_written_directly(capsys: pytest.CaptureFixture[str]) -> None:
    """os.devnull (a character device) is opened and written, never replaced."""
    assert main(["schema", "-o", os.devnull]) == 0
    assert capsys.readouterr().err == ""


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.usefixtures("no_replacing")
def test_a_full_device_is_an_error_and_stays_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    before = os.stat("/dev/full")
    assert stat.S_ISCHR(before.st_mode)
    assert main(["schema", "-o", "/dev/full"]) == 2
    assert capsys.readouterr().err.startswith("ovop-assess: cannot write /dev/full: ")
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_dev_stdout_in_a_pipe() -> None:
    done = run_module("schema", "-o", "/dev/stdout", capture_output=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["$schema"] and done.stderr == b""


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_dev_stdout_appending_to_a_file_keeps_what_it_had(tmp_path: Path) -> None:
    """``-o /dev/stdout >> log``: written to the descriptor the shell opened, not over the file."""
    log = tmp_path / "log.txt"
    log.write_text("before\n", encoding="utf-8")
    link = tmp_path / "out"
    link.symlink_to("/dev/stdout")
    with log.open("ab") as stream:
        done = run_module("schema", "-o", str(link), stdout=stream, stderr=subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("before\n{") and json.loads(text[len("before\n") :])["$schema"]
    assert link.is_symlink() and stat.S_ISREG(log.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.txt", "out"]


@posix_only
def test_dev_fd_names_this_process_descriptor(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    try:
        done = run_module("schema", "-o", f"/dev/fd/{write_end}", pass_fds=(write_end,), capture_output=True)
        os.close(write_end)
        write_end = -1
        with os.fdopen(read_end, "rb") as stream:
            read_end = -1
            received = stream.read()
    finally:
        for fd in (read_end, write_end):
            if fd >= 0:
                os.close(fd)
    assert done.returncode == 0, done.stderr
    assert json.loads(received)["$schema"] and done.stdout == b""


def test_descriptor_names(tmp_path: Path) -> None:
    own = output_module._own_descriptor
    if os.name != "posix":
        assert own(Path("/dev/stdout")) is None
        return
    assert own(Path("/dev/stdout")) == 1
    assert own(Path("/dev/stderr")) == 2
    assert own(Path("/dev/fd/7")) == 7
    assert own(Path("/proc/self/fd/3")) == 3
    assert own(Path(f"/proc/{os.getpid()}/fd/4")) == 4
    assert own(Path(f"/proc/{os.getpid() + 1}/fd/4")) is None  # another process's descriptor: a path like any other
    assert own(tmp_path / "report.json") is None
    (tmp_path / "err").symlink_to("/dev/stderr")
    assert own(tmp_path / "err") == 2


def test_a_folder_is_refused_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"ovop-assess: {tmp_path} is a folder, not a file: ")
    assert list(tmp_path.iterdir()) == []


# --- the output is one of the inputs ------------------------------------------


def test_checklist_refuses_its_region_file_as_output(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = region.read_bytes()
    assert main(["checklist", str(region), "-o", str(region), *AS_OF]) == 2
    err = capsys.readouterr().err
    assert err == f"ovop-assess: the output {region} is one of the input files; choose another output file\n"
    assert region.read_bytes() == before


def test_assess_refuses_an_input_file_as_output(
    region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = region.read_bytes()
    monkeypatch.chdir(tmp_path)
    assert main(["region.yaml", "-o", "./region.yaml", "-f", "json", *AS_OF]) == 2
    assert "is one of the input files" in capsys.readouterr().err
    assert region.read_bytes() == before


def test_assess_refuses_a_file_found_in_a_folder_by_another_name(
    region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "regions"
    folder.mkdir()
    inside = folder / "b.yaml"
    inside.write_bytes(region.read_bytes())
    other = tmp_path / "report.csv"
    try:
        os.link(inside, other)  # a hard link: the same file by another name
    except OSError:
        pytest.skip("no hard links here")
    assert main([str(region), str(folder), "-o", str(other), "-f", "csv", *AS_OF, "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert err == f"ovop-assess: keluaran {other} adalah salah satu berkas masukan; pilih berkas keluaran lain\n"
    assert inside.read_bytes() == region.read_bytes()


@posix_only
def test_a_symlink_to_the_input_is_refused(region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(region)
    before = region.read_bytes()
    assert main(["checklist", str(region), "-o", str(link), *AS_OF]) == 2
    assert "is one of the input files" in capsys.readouterr().err
    assert region.read_bytes() == before and link.is_symlink()


def test_the_criteria_file_is_an_input_too(region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    criteria = tmp_path / "mine.yaml"
    criteria.write_bytes((ROOT / "ovop_assess" / "criteria" / "default.yaml").read_bytes())
    before = criteria.read_bytes()
    for command in (["assess", str(region)], ["checklist", str(region)]):
        assert main([*command, "--criteria", str(criteria), "-o", str(criteria), *AS_OF]) == 2, command
        assert "is one of the input files" in capsys.readouterr().err
    assert criteria.read_bytes() == before


def test_an_output_beside_the_inputs_is_fine(region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    assert main([str(tmp_path), "-o", str(out), "-f", "json", *AS_OF]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert main(["checklist", str(region), "-o", str(tmp_path / "checklist.md"), *AS_OF]) == 0
    # Nothing but the note saying where the checklist went: no refusal of an output beside the input.
    said = f"ovop-assess: wrote the checklist of Kauman (markdown) to {tmp_path / 'checklist.md'}\n"
    assert capsys.readouterr().err == said


# --- binary output (a registered binary format, such as a workbook) -----------

BINARY = b"PK\x03\x04\x00\xff\r\n\n\x80 not text"


def test_bytes_are_written_whole_as_they_are(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    output_module.write_output(BINARY, target)
    assert target.read_bytes() == BINARY
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]


def test_text_pieces_are_written_as_utf8_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    output_module.write_output(iter(["a,Sêmbuh\r\n", "b\n"]), target)
    assert target.read_bytes() == "a,Sêmbuh\r\nb\n".encode()  # no newline translation


def test_bytes_to_stdout_follow_the_text_before_them(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    sys.stdout.write("text first\n")
    output_module.write_output(BINARY, None)
    assert capfdbinary.readouterr().out == b"text first\n" + BINARY


@posix_only
def test_bytes_to_this_process_descriptor(tmp_path: Path) -> None:
    target = tmp_path / "appended"
    target.write_bytes(b"kept\n")
    with target.open("ab") as handle:
        output_module.write_output(BINARY, Path(f"/dev/fd/{handle.fileno()}"))
    assert target.read_bytes() == b"kept\n" + BINARY


# --- the output is a spreadsheet a region file reads its firms from -------------

BAYAT = ROOT / "examples" / "regions" / "bayat-pottery.yaml"


@pytest.fixture
def bayat(tmp_path: Path) -> Path:
    """The Bayat example and the firm workbook its ``firms: {file: bayat-pottery-firms.xlsx}`` names."""
    for name in (BAYAT.name, "bayat-pottery-firms.xlsx"):
        (tmp_path / name).write_bytes((BAYAT.parent / name).read_bytes())
    return tmp_path / BAYAT.name


@pytest.mark.parametrize("output_format", ["xlsx", "json", "table", "csv"])
def test_assess_refuses_the_firm_workbook_as_output(
    bayat: Path, output_format: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = bayat.parent / "bayat-pottery-firms.xlsx"
    before = workbook.read_bytes()
    monkeypatch.chdir(bayat.parent)
    code = main(["bayat-pottery.yaml", "-f", output_format, "-o", "bayat-pottery-firms.xlsx", *AS_OF])
    assert code == 2
    said = "ovop-assess: the output bayat-pottery-firms.xlsx is one of the input files; choose another output file\n"
    assert capsys.readouterr().err == said
    assert workbook.read_bytes() == before
    assert sorted(p.name for p in bayat.parent.iterdir()) == ["bayat-pottery-firms.xlsx", "bayat-pottery.yaml"]


@posix_only
def test_the_firm_workbook_is_refused_by_any_name_and_command(
    bayat: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "bayat-pottery-firms.xlsx"
    before = workbook.read_bytes()
    link = tmp_path / "report.xlsx"
    link.symlink_to(workbook)
    (tmp_path / "sub").mkdir()
    roundabout = tmp_path / "sub" / ".." / "bayat-pottery-firms.xlsx"
    runs = [
        ["assess", str(bayat), "-o", str(link), "-f", "xlsx"],
        ["assess", str(bayat), "-o", str(roundabout), "-f", "json", "--jobs", "2"],
        ["assess", str(tmp_path), "-o", str(roundabout), "-f", "json"],
        ["round", str(bayat), "-o", str(link)],
        ["checklist", str(bayat), "-o", str(roundabout)],
        ["compare", str(bayat), str(bayat), "-o", str(link)],
    ]
    for args in runs:
        assert main([*args, *AS_OF, "--lang", "id"]) == 2, args
        err = capsys.readouterr().err
        assert err.endswith("adalah salah satu berkas masukan; pilih berkas keluaran lain\n"), (args, err)
        assert workbook.read_bytes() == before and link.is_symlink(), args
    assert [p.name for p in tmp_path.rglob("*.part")] == []


def test_a_report_beside_the_firm_workbook_is_written(bayat: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main([str(bayat), "-o", str(out), "-f", "json", *AS_OF]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1


@pytest.mark.parametrize(
    ("command", "name", "said"),
    [
        (["assess"], "hasil.xlsx", "hasil.xlsx is written as table, though its name says xlsx"),
        (["assess", "-f", "json"], "hasil.csv", "hasil.csv is written as json, though its name says csv"),
        (["checklist"], "daftar.html", "daftar.html is written as markdown, though its name says html"),
        (["round"], "rekap.html", "rekap.html is written as table, though its name says html"),
        (["round"], "rekap.csv", "rekap.csv is written as table, though its name says csv, which this command"),
        (["assess", "-f", "junit"], "hasil.xml", None),  # the name says what is written
        (["assess"], "hasil.txt", None),  # a name no format has
        (["checklist"], "daftar.txt", None),  # a name no format has
    ],
)
def test_a_name_that_says_another_format_is_warned(
    command: list[str], name: str, said: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # -o hasil.xlsx without --format xlsx wrote a text table that Excel then called damaged, without a word.
    region = ROOT / "examples" / "regions" / "kauman-batik.yaml"
    target = tmp_path / name
    assert main([*command, str(region), "-o", str(target), *AS_OF]) in (0, 1)
    err = capsys.readouterr().err
    if said is None:
        assert "though its name says" not in err
    else:
        assert f"ovop-assess: warning: {tmp_path}/{said}" in err
    assert target.exists()
