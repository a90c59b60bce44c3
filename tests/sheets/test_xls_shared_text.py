"""An .xls whose shared strings, copied into every cell, would take gigabytes is refused before calamine opens it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.firm_sheet import import_firms
from ovop_assess.sheets import xls_shared_text
from ovop_assess.sheets.xls_stream import workbook_stream
from ovop_assess.yaml_source import Limits

HEADER = ["Nama Usaha", "Peran"]
REGION = """format: ovop-region/1
region: {{name: Laweyan, level: kelurahan, city: Kota Surakarta, province: Jawa Tengah}}
firms: {{file: {file}}}
"""


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)


def _table(path: Path) -> list[bytes]:
    stream = workbook_stream(path.read_bytes())
    segments = xls_shared_text._table(stream, len(stream))
    assert segments is not None
    return segments


def test_every_string_is_measured_as_written_across_continue_records(make_xls: Callable[..., Path]) -> None:
    """Short and long strings, one byte or two a character, one crossing several CONTINUE records."""
    texts = ["Batik A", "x" * 300, "Ñ∞ batik", "y" * 20_000, "Binaan", "\u00e9" * 9000 + "\u4e2d" * 5000, "z"]
    path = make_xls({"Daftar UMKM": [HEADER, *[[text, "anggota"] for text in texts]]})
    lengths = list(xls_shared_text._lengths(_table(path)))
    assert lengths == [len(text) for text in ["Nama Usaha", "Peran", *texts[:1], "anggota", *texts[1:]]]
    assert xls_shared_text._longest(_table(path)) == max(lengths)


def test_one_long_text_in_many_cells_is_refused_fast_with_the_limit_named(
    make_xls: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = "A" * 30_000
    path = make_xls({"Daftar UMKM": [HEADER, *[[big, big] for _ in range(40)]]}, name="bom.xls")
    limits = Limits(max_unpacked_bytes=1_000_000)
    found = import_firms(path, None, limits)
    [error] = found.errors
    assert error.message.id == "sheet.xls_shared_text_too_large"
    # 80 cells of 30,000 characters, and the two header cells: at least that many bytes, over the limit.
    assert error.message.values["size"].values["count"]["en"] == f"{80 * 30_000 + 10 + 5:,}"
    (tmp_path / "bom.yaml").write_text(REGION.format(file="bom.xls"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(REGION.format(file="good.xls"), encoding="utf-8")
    make_xls({"Daftar UMKM": [HEADER, ["Batik A", "penggerak"]]}, name="good.xls")
    code = main([str(tmp_path / "bom.yaml"), str(good), "--format", "json", "--max-unpacked-bytes", "1000000"])
    results = json.loads(capsys.readouterr().out)["results"]
    assert code == 3 and [e["id"] for e in results[0]["errors"]] == ["sheet.xls_shared_text_too_large"]
    assert results[1]["file"].endswith("good.yaml")  # the next file is assessed
    assert not any(e["id"] == "sheet.xls_shared_text_too_large" for e in results[1]["errors"])


def test_a_sheet_of_names_is_read_within_the_limit(make_xls: Callable[..., Path]) -> None:
    rows = [HEADER, *[[f"Usaha {i}", "anggota"] for i in range(2000)]]
    found = import_firms(make_xls({"Daftar UMKM": rows}), None, Limits(max_unpacked_bytes=100_000))
    assert not any(e.message.id == "sheet.xls_shared_text_too_large" for e in found.errors)
    assert len(found.firms) == 2000


def test_a_table_cut_short_counts_the_strings_read() -> None:
    # Two strings whole, the third's characters cut off: two lengths, and the longest of what was read.
    segments = [b"\x03\x00\x00abc" + b"\x02\x00\x01a\x00b\x00" + b"\x05\x00\x00ab"]
    assert list(xls_shared_text._lengths(segments)) == [3, 2]
    assert xls_shared_text._longest(segments) == 255


def test_characters_go_on_after_a_flags_byte_of_their_own() -> None:
    # 4 characters: 2 in the first record (one byte each), 2 in the next after its flags byte (two bytes each).
    segments = [b"\x04\x00\x00ab", b"\x01c\x00d\x00" + b"\x01\x00\x00q"]
    assert list(xls_shared_text._lengths(segments)) == [4, 1]


def test_rich_text_runs_and_phonetic_data_are_passed_over() -> None:
    rich = b"\x02\x00\x08" + b"\x01\x00" + b"ab" + b"\x00" * 4  # one run of formatting: 4 bytes after the text
    phonetic = b"\x01\x00\x04" + b"\x03\x00\x00\x00" + b"c" + b"xyz"  # 3 bytes of phonetic data after it
    assert list(xls_shared_text._lengths([rich + phonetic + b"\x01\x00\x00d"])) == [2, 1, 1]
