"""``init`` and ``checklist --output`` say on stderr what they wrote and where, in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovop_assess.cli.main import main

KAUMAN = Path(__file__).resolve().parents[2] / "examples" / "regions" / "kauman-batik.yaml"


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)
    monkeypatch.chdir(tmp_path)


def test_init_says_where_the_template_went(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "tahunan.yaml"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "ovop-assess: wrote the region-file template to tahunan.yaml; "
        "fill it in, then assess it: ovop-assess tahunan.yaml\n"
    )
    assert (tmp_path / "tahunan.yaml").read_text(encoding="utf-8").startswith("#")
    assert main(["--lang", "id", "init", "jepara.yaml"]) == 0
    assert capsys.readouterr().err == (
        "ovop-assess: templat berkas wilayah ditulis ke jepara.yaml; "
        "lengkapi isiannya, lalu nilai dengan: ovop-assess --lang id jepara.yaml\n"
    )


def test_init_from_a_code_says_where_the_template_went(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--code", "33.72.03.1009", "kauman.yaml"]) == 0
    assert capsys.readouterr().err == (
        "ovop-assess: wrote the region-file template to kauman.yaml; "
        "fill it in, then assess it: ovop-assess kauman.yaml\n"
    )
    assert "name: Kauman" in (tmp_path / "kauman.yaml").read_text(encoding="utf-8")


def test_init_office_points_at_round_not_at_assess(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "id", "init", "--office", "kantor.yaml"]) == 0
    assert capsys.readouterr().err == (
        "ovop-assess: templat profil kantor ditulis ke kantor.yaml; lengkapi isiannya, "
        "lalu pakai dengan: ovop-assess --lang id round FOLDER --office kantor.yaml\n"
    )
    assert "office" in (tmp_path / "kantor.yaml").read_text(encoding="utf-8")


def test_init_refuses_code_with_office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--office", "--code", "33.72.03.1009", "x.yaml"]) == 2
    assert "give one of them" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_init_to_stdout_says_nothing_more(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.startswith("#")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "ovop-assess: wrote the checklist of Kauman (html) to out/daftar.html\n"),
        ("id", "ovop-assess: daftar periksa Kauman (html) ditulis ke out/daftar.html\n"),
    ],
)
def test_checklist_output_says_where(lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    assert main(["--lang", lang, "checklist", str(KAUMAN), "--format", "html", "--output", "out/daftar.html"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == said
    assert (tmp_path / "out" / "daftar.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["checklist", str(KAUMAN)]) == 0  # to stdout: the checklist itself, nothing on stderr
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "ovop-assess: wrote the round of 1 candidate(s) (markdown) to rekap.md\n"),
        ("id", "ovop-assess: rekapitulasi 1 calon sentra (markdown) ditulis ke rekap.md\n"),
    ],
)
def test_round_output_says_where(lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--lang", lang, "round", str(KAUMAN), "--format", "markdown", "--output", "rekap.md"]
    assert main(args) == 0
    assert capsys.readouterr().err == said
    assert (tmp_path / "rekap.md").read_text(encoding="utf-8").count("Kauman") >= 1
