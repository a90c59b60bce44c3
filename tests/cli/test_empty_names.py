"""An empty file name is refused: ``Path("")`` is ``.``, and a script's unset ``"$FILE"`` would walk everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "regions" / "kauman-batik.yaml")
SAID = {
    "en": "ovop-assess: an empty file name was given; name a file or a folder (for the current folder, write .)\n",
    "id": "ovop-assess: nama berkas yang diberikan kosong; sebutkan nama berkas atau folder"
    " (untuk folder saat ini, tulis .)\n",
}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize(
    "args",
    [
        [""],
        ["assess", ""],
        ["assess", EXAMPLE, ""],
        ["checklist", ""],
        ["round", ""],
        ["round", EXAMPLE, "--office", ""],
        ["round", EXAMPLE, "--previous", ""],
        ["checklist", EXAMPLE, "--office", ""],
        ["compare", "", EXAMPLE],
        ["compare", EXAMPLE, ""],
        ["import", ""],
    ],
)
def test_an_empty_file_name_is_a_usage_error(
    args: list[str], lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "region.yaml").write_text("format: ovop-region/1\n", encoding="utf-8")
    assert main([*args, "--lang", lang]) == 2, args
    captured = capsys.readouterr()
    assert (captured.err, captured.out) == (SAID[lang], ""), args
    assert [p.name for p in tmp_path.iterdir()] == ["region.yaml"], "nothing was written"


@pytest.mark.parametrize("args", [[EXAMPLE, "-o", ""], ["init", ""], ["init", "--firms-sheet", ""]])
def test_an_empty_name_of_a_file_to_write_asks_for_one(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # "for the current folder, write ." was said here too, where a folder is refused.
    monkeypatch.chdir(tmp_path)
    assert main([*args, "--lang", "id"]) == 2
    assert capsys.readouterr().err == (
        "ovop-assess: nama berkas yang diberikan kosong; sebutkan nama berkas yang akan ditulis\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_current_folder_is_still_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "region.yaml").write_bytes(Path(EXAMPLE).read_bytes())
    assert main([".", "--as-of", "2026-11-28"]) == 0
