"""An .xls whose shared strings, copied into every cell, would take gigabytes is refused before calamine opens it."""

from __future__ import annotations

import json
import struct
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


def _table(path: Path) -> list[bytes]:
    stream = workbook_stream(path.read_bytes())
    [segments] = xls_shared_text._tables(stream, len(stream))
    return segments


def _bytes(text: str) -> int:
    """What a string may come to in calamine: 3 bytes a character, 6 for a string stored two bytes a character."""
    return len(text) * (6 if any(ord(c) > 255 for c in text) else 3)


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def test_every_string_is_measured_as_written_across_continue_records(make_xls: Callable[..., Path]) -> None:
    """Short and long strings, one byte or two a character, one crossing several CONTINUE records."""
    texts = ["Batik A", "x" * 300, "Ñ∞ batik", "y" * 20_000, "Binaan", "\u00e9" * 9000 + "\u4e2d" * 5000, "z"]
    path = make_xls({"Daftar UMKM": [HEADER, *[[text, "anggota"] for text in texts]]})
    lengths = list(xls_shared_text._lengths(_table(path)))
    assert lengths == [_bytes(text) for text in ["Nama Usaha", "Peran", *texts[:1], "anggota", *texts[1:]]]
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
    # 80 cells of 30,000 characters, and the two header cells, at most 3 bytes a character: over the limit.
    assert error.message.values["size"].values["count"]["en"] == f"{(80 * 30_000 + 10 + 5) * 3:,}"
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
    assert list(xls_shared_text._lengths(segments)) == [3 * 3, 2 * 6]
    assert xls_shared_text._longest(segments) == 255 * 6  # a two-byte string among the short ones


def test_characters_go_on_after_a_flags_byte_of_their_own() -> None:
    # 4 characters: 2 in the first record (one byte each), 2 in the next after its flags byte (two bytes each).
    segments = [b"\x04\x00\x00ab", b"\x01c\x00d\x00" + b"\x01\x00\x00q"]
    assert list(xls_shared_text._lengths(segments)) == [4 * 6, 1 * 3]


def test_rich_text_runs_and_phonetic_data_are_passed_over() -> None:
    rich = b"\x02\x00\x08" + b"\x01\x00" + b"ab" + b"\x00" * 4  # one run of formatting: 4 bytes after the text
    phonetic = b"\x01\x00\x04" + b"\x03\x00\x00\x00" + b"c" + b"xyz"  # 3 bytes of phonetic data after it
    assert list(xls_shared_text._lengths([rich + phonetic + b"\x01\x00\x00d"])) == [2 * 3, 1 * 3, 1 * 3]


def _stream(tables: list[list[str]], cells: int) -> bytes:
    """Workbook globals holding ``tables`` (each an SST record), then a sheet of ``cells`` text cells naming
    string 0."""
    globals_ = b"".join(
        _record(
            0x00FC,
            struct.pack("<II", cells, len(texts))
            + b"".join(struct.pack("<HB", len(text), 0) + text.encode("latin-1") for text in texts),
        )
        for texts in tables
    )
    sheet = b"".join(_record(0x00FD, struct.pack("<HHHI", row, 0, 15, 0)) for row in range(cells))
    return globals_ + _record(0x000A, b"") + _record(0x0809, b"\x00\x06\x10\x00") + sheet + _record(0x000A, b"")


def test_a_second_table_is_counted_as_calamine_reads_it() -> None:
    """Calamine keeps the last table: a short first one must not vouch for a long second one."""
    short, long = ["Batik A"], ["A" * 8000]
    assert xls_shared_text.xls_shared_text(_stream([short], 500), 10**9, 1_000_000) is None
    refused = xls_shared_text.xls_shared_text(data := _stream([short, long], 500), len(data), 1_000_000)
    assert refused == 500 * 8000 * 3


def test_a_flags_byte_with_an_unused_bit_is_passed_over_in_c() -> None:
    """5 million empty strings flagged 0x02 had taken the check 16 s one by one (an adversarial review)."""
    table = b"\x00\x00\x02" * 100_000 + b"\x02\x00\x03a\x00b\x00"
    assert xls_shared_text._SHORT.match(table).end() == len(table)  # type: ignore[union-attr]
    assert xls_shared_text._longest([table]) == 255 * 6


@pytest.mark.parametrize(
    ("flags", "wide"), [(b"\x00", False), (b"\x02", False), (b"\x01", True), (b"\x03", True), (b"\xf1", True)]
)
def test_strings_as_excel_writes_them_and_with_unused_bits_pass_alike(flags: bytes, wide: bool) -> None:
    """Excel's own flags bytes and those with a writer's unused bit pass alike, in C, the wide mark set for two
    bytes a character alone."""
    string = b"\x03\x00" + flags + (b"a\x00b\x00c\x00" if wide else b"abc")
    table = b"\x01\x00\x00x" + string * 3 + b"\x00\x00\x00"
    passed = xls_shared_text._SHORT.match(table)
    assert passed is not None and passed.end() == len(table)
    assert (passed.group(1) is not None) is wide
    one = xls_shared_text._each().match(string)
    assert one is not None and one.end() == len(string)
