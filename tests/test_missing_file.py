"""A file that is not there: what the user most likely meant, when its folder shows it (ovop_assess.missing_file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.sheets import read_firms

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "regions" / "kauman-batik.yaml"


def test_a_region_file_named_in_another_case_or_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CI job on Linux reads names as written: a file saved on Windows as Troso.yaml is not troso.yaml."""
    (tmp_path / "Troso.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for wrong in ("troso.yaml", "Troso.yml", "TROSO.YML"):
        assert main([str(tmp_path / wrong)]) == 3
        out = capsys.readouterr().out
        assert "file not found; its folder has Troso.yaml: write the name exactly" in out, out
    assert main([str(tmp_path / "other.yaml")]) == 3
    assert "other.yaml: file not found\n" in capsys.readouterr().out  # nothing like it: said plainly
    assert main(["--lang", "id", str(tmp_path / "troso.yaml")]) == 3
    assert "berkas tidak ditemukan; di foldernya ada Troso.yaml" in capsys.readouterr().out


def test_a_region_file_named_with_backslashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["sub/calon\\troso.yaml"]) == 3
    assert "between folders, write / (as sub/calon/troso.yaml)" in capsys.readouterr().out  # every folder kept


def test_a_name_that_is_not_utf_8_is_said_as_every_report_says_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Latin-1 name (its byte E9 no UTF-8): shown r\\xe9gion.yaml, as file labels are, never with U+FFFD."""
    try:
        with open(os.fsencode(tmp_path) + b"/r\xe9gion.yaml", "w", encoding="utf-8") as handle:
            handle.write("x")
    except OSError:
        pytest.skip("this file system takes no such name")
    asked = os.fsdecode(os.fsencode(tmp_path) + b"/R\xe9GION.yaml")  # as argv holds those bytes
    assert main([asked]) == 3
    out = capsys.readouterr().out
    assert "its folder has r\\xe9gion.yaml" in out and "\ufffd" not in out, out


def test_a_firm_sheet_named_in_another_case(tmp_path: Path) -> None:
    (tmp_path / "daftar-usaha.xlsx").write_bytes(b"")
    found = read_firms(tmp_path / "Daftar-Usaha.xlsx")
    assert [f.message.id for f in found.errors] == ["file.not_found_similar"]
    assert found.errors[0].message.values == {"names": "daftar-usaha.xlsx"}


@pytest.mark.parametrize("written", ["C:\\Users\\x\\daftar.csv", "\\\\server\\share\\daftar.csv"])
def test_a_path_only_windows_reads_gets_no_rewrite(written: str, tmp_path: Path) -> None:
    """C:/Users/x/daftar.csv names nothing on Linux either: no "write /" for it (a review)."""
    found = read_firms(tmp_path / written)
    assert [f.message.id for f in found.errors] == ["file.not_found"]
