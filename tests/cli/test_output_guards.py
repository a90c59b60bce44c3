"""What --output may not replace, and names it must still take.

A file the user may not write is refused as the shell refuses it; a criteria
set's parents and the evidence documents a region file lists are inputs too;
a name as long as the system allows is written, its temporary file's name
being short.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
REGIONS = ROOT / "examples" / "regions"
AS_OF = ["--as-of", "2026-11-28"]


@pytest.fixture
def region(tmp_path: Path) -> Path:
    path = tmp_path / "region.yaml"
    path.write_bytes((REGIONS / "kauman-batik.yaml").read_bytes())
    return path


@pytest.fixture
def no_write_permission(monkeypatch: pytest.MonkeyPatch) -> None:
    """As for a user who may not write the file (root may write anything: the test asks the check itself)."""
    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and str(path).endswith("locked.md"):
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


# --- a file the user may not write ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "cannot write {}: Permission denied"), ("id", "tidak dapat menulis {}: izin ditolak")]
)
def test_a_file_the_user_may_not_write_is_refused(
    lang: str, said: str, region: Path, tmp_path: Path, no_write_permission: None, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text("the user's own\n", encoding="utf-8")
    for args in (["assess", str(region)], ["assess", str(region), "-f", "json"], ["checklist", str(region)]):
        assert main([*args, "-o", str(locked), *AS_OF, "--lang", lang]) == 2, args
        assert capsys.readouterr().err == f"ovop-assess: {said.format(locked)}\n"
    assert locked.read_text(encoding="utf-8") == "the user's own\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.md", "region.yaml"], "no temporary file is left"


@pytest.mark.skipif(os.name != "posix", reason="symlinks as on POSIX")
def test_a_symlink_to_a_file_the_user_may_not_write_is_refused(
    region: Path, tmp_path: Path, no_write_permission: None, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(locked)
    assert main(["checklist", str(region), "-o", str(link), *AS_OF]) == 2
    assert capsys.readouterr().err == f"ovop-assess: cannot write {link}: Permission denied\n"
    assert locked.read_text(encoding="utf-8") == "kept\n" and link.is_symlink()


def test_a_new_file_and_a_writable_one_are_written(region: Path, tmp_path: Path, no_write_permission: None) -> None:
    mine = tmp_path / "mine.md"
    mine.write_text("old\n", encoding="utf-8")
    assert main(["checklist", str(region), "-o", str(mine), *AS_OF]) == 0
    assert main(["checklist", str(region), "-o", str(tmp_path / "new.md"), *AS_OF]) == 0
    assert mine.read_text(encoding="utf-8").startswith("# OVOP sentra proposal checklist")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="a user other than root, made by root")
def test_a_read_only_file_is_refused_for_a_user_other_than_root(tmp_path: Path) -> None:
    """The real check, as a user who is not root (``nobody``), on a file of mode 444 in a folder they may write."""
    import pwd

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user nobody")
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    folder.chmod(0o777)
    tmp_path.chmod(0o755)
    region = folder / "region.yaml"
    shutil.copy(REGIONS / "kauman-batik.yaml", region)
    locked = folder / "locked.md"
    locked.write_text("the user's own\n", encoding="utf-8")
    locked.chmod(0o444)
    os.chown(locked, nobody.pw_uid, nobody.pw_gid)

    def as_nobody() -> None:
        os.setgid(nobody.pw_gid)
        os.setuid(nobody.pw_uid)

    try:
        done = subprocess.run(
            [sys.executable, "-m", "ovop_assess", str(region), "-o", str(locked), *AS_OF],
            env={k: v for k, v in os.environ.items() if not k.startswith("COV") and k != "OVOP_LANG"},
            cwd=folder,
            capture_output=True,
            preexec_fn=as_nobody,
            check=False,
        )
    except PermissionError:
        pytest.skip("nobody may not run this Python")
    if done.returncode != 2 or b"cannot write" not in done.stderr:
        pytest.skip(f"nobody may not run the package here: {done.stderr[-200:]!r}")
    assert (done.returncode, done.stderr) == (2, f"ovop-assess: cannot write {locked}: Permission denied\n".encode())
    assert locked.read_text(encoding="utf-8") == "the user's own\n"


# --- a name as long as the system allows ----------------------------------------


def test_a_long_legal_name_is_written(region: Path, tmp_path: Path) -> None:
    name = "a" * 250 + ".md"  # 253 characters: the system takes up to 255
    assert main(["checklist", str(region), "-o", str(tmp_path / name), *AS_OF]) == 0
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("# OVOP sentra proposal checklist")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "region.yaml"])


def test_the_temporary_file_is_beside_the_target_and_removed_on_failure(
    region: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made: list[Path] = []
    real_replace = os.replace

    def failing_replace(source: str, target: object) -> None:
        made.append(Path(source))
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(os, "replace", failing_replace)
    target = tmp_path / ("b" * 250 + ".md")
    assert main(["checklist", str(region), "-o", str(target), *AS_OF]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert len(made) == 1 and made[0].parent == tmp_path and len(made[0].name) < 30
    assert not made[0].exists() and not target.exists()
    monkeypatch.setattr(os, "replace", real_replace)


# --- inputs a run reads besides the files given ------------------------------------


def _sets(tmp_path: Path) -> tuple[Path, Path]:
    parent = tmp_path / "parent.yaml"
    parent.write_bytes((ROOT / "ovop_assess" / "criteria" / "default.yaml").read_bytes())
    child = tmp_path / "sets" / "child.yaml"
    child.parent.mkdir()
    child.write_text("id: child\nextends: ../parent.yaml\nrules: {}\n", encoding="utf-8")
    return parent, child


@pytest.mark.parametrize(
    "command",
    [["assess"], ["assess", "-f", "json"], ["checklist"], ["round"], ["compare", "{region}"]],
)
def test_a_parent_of_the_criteria_set_is_an_input(
    command: list[str], region: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parent, child = _sets(tmp_path)
    before = parent.read_bytes()
    args = [command[0], str(region), *(part.format(region=region) for part in command[1:])]
    assert main([*args, "--criteria", str(child), "-o", str(parent), *AS_OF]) == 2
    assert (
        capsys.readouterr().err
        == f"ovop-assess: the output {parent} is one of the input files; choose another output file\n"
    )
    assert parent.read_bytes() == before


def test_a_set_file_outside_the_chain_may_be_written(region: Path, tmp_path: Path) -> None:
    _, child = _sets(tmp_path)
    other = tmp_path / "other.yaml"
    other.write_text("not a set\n", encoding="utf-8")
    assert main(["checklist", str(region), "--criteria", str(child), "-o", str(other), *AS_OF]) == 0


@pytest.fixture
def bantul(tmp_path: Path) -> Path:
    """The Bantul example and the evidence documents its ``evidence:`` lists."""
    shutil.copytree(REGIONS / "bantul-kasongan-pottery-evidence", tmp_path / "bantul-kasongan-pottery-evidence")
    path = tmp_path / "bantul-kasongan-pottery.yaml"
    path.write_bytes((REGIONS / path.name).read_bytes())
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["checklist", "--format", "html"],
        ["assess"],
        ["assess", "-f", "json"],
        ["assess", "-f", "json", "--jobs", "2"],
        ["round"],
        ["compare", "{region}"],
    ],
)
def test_an_evidence_document_is_an_input(
    command: list[str], bantul: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    document = bantul.parent / "bantul-kasongan-pottery-evidence" / "akta-koperasi-ilustratif.md"
    before = document.read_bytes()
    monkeypatch.chdir(bantul.parent)
    args = [command[0], bantul.name, *(part.format(region=bantul.name) for part in command[1:])]
    out = "bantul-kasongan-pottery-evidence/akta-koperasi-ilustratif.md"
    assert main([*args, "-o", out, *AS_OF, "--lang", "id"]) == 2, args
    said = f"ovop-assess: keluaran {out} adalah salah satu berkas masukan; pilih berkas keluaran lain\n"
    assert capsys.readouterr().err == said
    assert document.read_bytes() == before
    assert list(bantul.parent.rglob("*.part")) == []


def test_an_evidence_document_of_an_invalid_region_file_is_kept_too(
    bantul: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = bantul.parent / "bantul-kasongan-pottery-evidence" / "peta-akses-ilustratif.md"
    before = document.read_bytes()
    bantul.write_text(bantul.read_text(encoding="utf-8").replace("level: desa", "level: Desa"), encoding="utf-8")
    assert main([str(bantul), "-f", "json", "-o", str(document), *AS_OF]) == 2
    assert "is one of the input files" in capsys.readouterr().err
    assert document.read_bytes() == before


def test_a_report_beside_the_evidence_is_written(bantul: Path, tmp_path: Path) -> None:
    out = tmp_path / "bantul-kasongan-pottery-evidence" / "report.json"
    assert main([str(bantul), "-o", str(out), "-f", "json", *AS_OF]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1
