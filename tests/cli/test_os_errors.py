"""Operating-system errors (cannot read, cannot write) in the user's language: the common ones from the catalogue."""

from __future__ import annotations

import errno
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.messages import render
from ovop_assess.oserrors import _BY_ERRNO, os_reason
from ovop_assess.results import Message

ROOT = Path(__file__).resolve().parents[2]
AS_OF = ["--as-of", "2026-11-28"]


@pytest.fixture
def eligible(tmp_path: Path) -> Path:
    """An eligible region file (a shipped example) in a folder of its own."""
    path = tmp_path / "eligible.yaml"
    path.write_bytes((ROOT / "examples" / "regions" / "kauman-batik.yaml").read_bytes())
    return path


def test_output_in_a_missing_folder(tmp_path: Path, eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "report.json"
    assert main([str(eligible), "--format", "json", "-o", str(target), *AS_OF, "--lang", "id"]) == 2
    assert capsys.readouterr().err == f"ovop-assess: tidak dapat menulis {target}: berkas atau folder tidak ada\n"
    assert main([str(eligible), "--format", "json", "-o", str(target), *AS_OF]) == 2
    assert capsys.readouterr().err == f"ovop-assess: cannot write {target}: No such file or directory\n"


def test_output_onto_a_folder(tmp_path: Path, eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main([str(eligible), "--format", "json", "-o", str(folder), *AS_OF, "--lang", "id"]) == 2
    assert capsys.readouterr().err == (
        f"ovop-assess: {folder} adalah folder, bukan berkas: berikan nama berkas yang akan ditulis"
        f" (di folder itu: {folder}{os.sep}NAMA)\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["ELIGIBLE", "--format", "json", "-o", "{name}"],
        ["checklist", "ELIGIBLE", "-o", "{name}"],
        ["import", str(ROOT / "examples" / "regions" / "rajapolah-weaving-firms.csv"), "-o", "{name}"],
        ["init", "{name}"],
        ["init", "--firms-sheet", "{name}"],
    ],
)
def test_a_name_ending_in_a_separator_names_a_folder(
    command: list[str],
    tmp_path: Path,
    eligible: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Path("laporan/") is Path("laporan"): without the check a file named laporan was written.
    monkeypatch.chdir(tmp_path)
    args = [word.replace("ELIGIBLE", str(eligible)).replace("{name}", "laporan/") for word in command]
    assert main([*args, "--lang", "id"]) == 2
    assert capsys.readouterr().err == (
        "ovop-assess: laporan/ diakhiri '/', jadi menunjuk folder, bukan berkas: berikan nama berkas yang akan"
        " ditulis (di folder itu: laporan/NAMA)\n"
    )
    assert not (tmp_path / "laporan").exists()


@pytest.mark.skipif(os.sep == "\\", reason="on Windows \\ separates folders")
@pytest.mark.parametrize(
    "command",
    [
        ["ELIGIBLE", "--format", "json", "-o", "{name}"],
        ["round", "ELIGIBLE", "-o", "{name}"],
        ["init", "--firms-sheet", "{name}"],
    ],
)
def test_a_backslash_in_a_name_to_write_is_refused_with_the_path_to_write(
    command: list[str],
    tmp_path: Path,
    eligible: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A command copied from a Windows batch file wrote one file named hasil\laporan.json, not one in hasil/.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hasil").mkdir()
    args = [word.replace("ELIGIBLE", str(eligible)).replace("{name}", "hasil\\laporan.json") for word in command]
    assert main([*args, "--lang", "id"]) == 2
    assert capsys.readouterr().err == (
        "ovop-assess: hasil\\laporan.json: di antara nama folder tulis / (hasil/laporan.json), yang dibaca semua"
        " sistem; di sini \\ akan menjadi bagian dari nama berkas\n"
    )
    args = [word.replace("ELIGIBLE", str(eligible)).replace("{name}", "C:\\Laporan\\hasil.json") for word in command]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        "ovop-assess: C:\\Laporan\\hasil.json is a Windows path, which names no place on this system; give a path"
        " here, with / between folders\n"
    )
    assert not [path for path in tmp_path.iterdir() if "\\" in path.name] and not any((tmp_path / "hasil").iterdir())


@pytest.mark.skipif(os.sep == "\\", reason="on Windows \\ separates folders")
def test_a_folder_whose_own_name_holds_a_backslash_is_written_into(
    tmp_path: Path, eligible: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "share\\x").mkdir()
    assert main([str(eligible), "--format", "json", "-o", "share\\x/out.json"]) == 0
    assert (tmp_path / "share\\x" / "out.json").is_file()
    # The folder itself is said to be a folder; a folder missing below it, as any missing folder.
    assert main([str(eligible), "-o", "share\\x"]) == 2
    assert "is a folder, not a file" in capsys.readouterr().err
    assert main([str(eligible), "-o", "share\\x/sub/out.md"]) == 2
    assert "between folders, write /" not in capsys.readouterr().err
    # init's hint is a command to paste: the name quoted for the shell.
    assert main(["init", "share\\x/r.yaml"]) == 0
    assert capsys.readouterr().err.endswith("then assess it: ovop-assess 'share\\x/r.yaml'\n")


@pytest.mark.parametrize("command", [["init", "out"], ["init", "--firms-sheet", "out.xlsx"]])
def test_init_onto_a_folder_says_it_is_one_even_with_force(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / command[-1]).mkdir()
    for force in ([], ["--force"]):
        assert main([*command, *force]) == 2
        assert capsys.readouterr().err == (
            f"ovop-assess: {command[-1]} is a folder, not a file: give the name of the file to write"
            f" (in that folder: {command[-1]}{os.sep}NAME)\n"
        )


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "izin ditolak"),
        (errno.EROFS, "sistem berkas hanya dapat dibaca"),
        (errno.ENOSPC, "ruang penyimpanan perangkat sudah penuh"),
    ],
)
def test_write_refused_by_the_os(
    code: int,
    reason: str,
    tmp_path: Path,
    eligible: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "report.json"

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:  # root may write anywhere: simulate
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert main([str(eligible), "--format", "json", "-o", str(target), *AS_OF, "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert err == f"ovop-assess: tidak dapat menulis {target}: {reason}\n"
    assert os.strerror(code) not in err


def test_unreadable_region_files(tmp_path: Path, eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(tmp_path / "loop.yaml")
    under_a_file = eligible / "x.yaml"
    assert main([str(under_a_file), str(loop), "--format", "json", *AS_OF, "--lang", "id"]) == 3
    messages = [r["errors"][0]["message"] for r in json.loads(capsys.readouterr().out)["results"]]
    assert messages == [
        "berkas tidak dapat dibaca: salah satu bagian jalurnya bukan folder",
        "berkas tidak dapat dibaca: terlalu banyak tingkat tautan simbolik",
    ]
    assert main([str(under_a_file), "--format", "json", *AS_OF]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["results"][0]["errors"][0]["message"] == "cannot read the file: Not a directory"


def test_unreadable_criteria_set(tmp_path: Path, eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(eligible), "--criteria", str(eligible / "set.yaml"), "--lang", "id"]) == 2
    assert capsys.readouterr().err.endswith(
        ": kumpulan kriteria tidak dapat dibaca: berkas tidak dapat dibaca: salah satu bagian jalurnya bukan folder\n"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the English texts are the C library's on Linux")
@pytest.mark.parametrize("code", sorted(_BY_ERRNO))
def test_english_is_what_the_os_says(code: int) -> None:
    reason = os_reason(OSError(code, os.strerror(code)))
    assert isinstance(reason, Message)
    assert render(reason, "en") == os.strerror(code)
    assert render(reason, "id") != os.strerror(code)


def test_other_os_errors_keep_the_os_text() -> None:
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "Invalid cross-device link"
    assert os_reason(OSError("no errno at all")) == "no errno at all"


@pytest.mark.parametrize(
    ("name", "said"),
    [("out/.", "is a folder, not a file"), ("out/..", "is a folder, not a file"), ("out/./", "ends with '/'")],
)
def test_a_name_ending_in_a_dot_names_a_folder_too(
    name: str,
    said: str,
    tmp_path: Path,
    eligible: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Path("out/.") is Path("out"): a file named out was written.
    monkeypatch.chdir(tmp_path)
    for command in ([str(eligible), "-o", name], ["init", name]):
        assert main(command) == 2
        assert said in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
