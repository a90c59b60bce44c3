"""Sizes in messages (sizes.py): readable in each language, the exact byte count kept; every message about a
size limit says it so, and JSON reports keep their machine fields."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.messages import render
from ovop_assess.office import OfficeInvalid, load_office
from ovop_assess.sheets import SheetLimits, read_firms
from ovop_assess.sizes import fmt_bytes


@pytest.mark.parametrize(
    ("size", "english", "indonesian"),
    [
        (104_857_600, "100 MiB (104,857,600 bytes)", "100 MiB (104.857.600 bita)"),
        (16 * 1024 * 1024, "16 MiB (16,777,216 bytes)", "16 MiB (16.777.216 bita)"),
        (16 * 1024 * 1024 + 1, "16.0 MiB (16,777,217 bytes)", "16,0 MiB (16.777.217 bita)"),  # not said "16"
        (150_000_123, "143.1 MiB (150,000,123 bytes)", "143,1 MiB (150.000.123 bita)"),
        (1_000_000, "976.6 KiB (1,000,000 bytes)", "976,6 KiB (1.000.000 bita)"),
        (1_048_575, "1.0 MiB (1,048,575 bytes)", "1,0 MiB (1.048.575 bita)"),  # not 1024.0 KiB
        (1024, "1 KiB (1,024 bytes)", "1 KiB (1.024 bita)"),
        (5 * 2**40, "5 TiB (5,497,558,138,880 bytes)", "5 TiB (5.497.558.138.880 bita)"),
        (1023, "1,023 bytes", "1.023 bita"),
        (100, "100 bytes", "100 bita"),
        (1, "1 byte", "1 bita"),
        (0, "0 bytes", "0 bita"),
    ],
)
def test_a_size_in_each_language(size: int, english: str, indonesian: str) -> None:
    assert (render(fmt_bytes(size), "en"), render(fmt_bytes(size), "id")) == (english, indonesian)


def test_a_size_past_what_a_float_holds_is_still_said() -> None:
    said = render(fmt_bytes(10**400))
    assert said.endswith(" bytes)") and "EiB (10,000,000," in said


def test_the_spreadsheet_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "daftar.csv"
    path.write_bytes(b"Nama Usaha;Peran\n" + b"Usaha A;anggota\n" * 100)  # 1,617 bytes
    [error] = read_firms(path, limits=SheetLimits(max_bytes=1024)).errors
    assert render(error.message, "en").startswith(
        "the spreadsheet is 1.6 KiB (1,617 bytes), over the limit of 1 KiB (1,024 bytes) (--max-sheet-bytes): "
    )
    assert render(error.message, "id").startswith(
        "berkas lembar kerja berukuran 1,6 KiB (1.617 bita), melebihi batas 1 KiB (1.024 bita) (--max-sheet-bytes): "
    )
    # A CSV file has no pictures or sheets to take out, and a lowered limit may be the list itself.
    assert render(error.message, "en").endswith("if the file is right, raise the limit with --max-sheet-bytes")


def test_a_workbook_over_the_default_size_is_told_what_makes_one_that_large(tmp_path: Path) -> None:
    """An adversarial review: a workbook full of product photos was told the limit alone."""
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(SheetLimits().max_bytes))
    [error] = read_firms(path).errors
    assert error.message.id == "sheet.too_large_workbook"
    assert render(error.message, "en").endswith(
        "save the list alone in a workbook of its own, or raise the limit with --max-sheet-bytes"
    )


def test_the_unpacked_size_limit_in_a_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "daftar.xlsx"
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"0" * (3 << 20))
    region = tmp_path / "r.yaml"
    region.write_text(
        "format: ovop-region/1\nregion: {name: Laweyan, level: kelurahan, city: Kota Surakarta, "
        "province: Jawa Tengah}\nfirms: {file: daftar.xlsx}\n",
        encoding="utf-8",
    )
    args = ["assess", str(region), "--format", "json", "--max-unpacked-bytes", str(2 << 20)]
    assert main(["--lang", "id", *args]) == 3
    [error] = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    # The machine fields as they were; only the sentence says the sizes otherwise.
    assert set(error) == {"path", "line", "column", "id", "message", "file", "sheet", "cell"}
    assert error["id"] == "sheet.unpacked_too_large" and error["path"] == "firms"
    assert error["message"].endswith(
        "isi buku kerja setelah diekstrak berukuran 3 MiB (3.145.728 bita), melebihi batas 2 MiB (2.097.152 bita) "
        "untuk isi yang diekstrak (--max-unpacked-bytes); berkas tidak dibuka"
    )


def test_the_region_file_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("#" * 3000 + "\n", encoding="utf-8")
    assert main(["assess", str(path), "--format", "json", "--max-bytes", "2048"]) == 3
    [error] = json.loads(capsys.readouterr().out)["results"][0]["errors"]
    assert error["id"] == "file.too_large"
    assert error["message"] == (
        "the file is 2.9 KiB (3,001 bytes), over the limit of 2 KiB (2,048 bytes) (raise it with --max-bytes)"
    )


def test_the_logo_size_limit(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(1_000_000))
    path = tmp_path / "office.yaml"
    path.write_text("office: X\nlogo: logo.png\n", encoding="utf-8")
    with pytest.raises(OfficeInvalid) as caught:
        load_office(path)
    (finding,) = caught.value.details
    assert render(finding.message).endswith("is larger than 976.6 KiB (1,000,000 bytes); use a smaller image")
    assert render(finding.message, "id").endswith(
        "lebih besar dari 976,6 KiB (1.000.000 bita); gunakan gambar yang lebih kecil"
    )
