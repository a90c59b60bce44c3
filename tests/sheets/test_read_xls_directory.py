"""The Workbook stream walked is the one calamine reads.

olefile finds the stream among the root storage's children; calamine takes
the first entry of the compound file's directory named ``Workbook`` (else
``Book``), in the directory's order, whatever its type and whether the
storage tree reaches it, its name decoded as encoding_rs decodes (a byte
order mark of UTF-8 or UTF-16 first switches to that encoding) up to its
first NUL. An entry calamine would take before the one walked is a second
Workbook stream the limits never saw: the file is refused as damaged.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import python_calamine

from ovop_assess.sheets import read_firms
from ovop_assess.sheets.xls_stream import workbook_stream

ROWS = [["Nama Usaha", "Peran"], ["Usaha A", "anggota"]]
ENDOFCHAIN = 0xFFFFFFFE
WORKBOOK = "Workbook".encode("utf-16-le")


def _with_a_second_stream(benign: bytes, other: bytes, name: bytes, at: int, real_name: str = "Workbook") -> bytes:
    """``benign`` with ``other``'s Workbook stream appended in sectors of its own, and a directory entry named
    ``name`` (64 raw bytes at most) for it at index ``at`` (1: before the real Workbook, which moves to 2;
    3: after it), which the storage tree does not reach; the real one renamed ``real_name``."""
    data = bytearray(benign)
    assert len(data) % 512 == 0
    stream = workbook_stream(other)
    first, count = len(data) // 512 - 1, -(-len(stream) // 512)
    data += stream + bytes(count * 512 - len(stream))
    fat = (struct.unpack_from("<I", data, 76)[0] + 1) * 512  # a small file: one FAT sector, the first listed
    for index in range(count):
        struct.pack_into("<I", data, fat + 4 * (first + index), first + index + 1 if index < count - 1 else ENDOFCHAIN)
    directory = (struct.unpack_from("<I", data, 48)[0] + 1) * 512

    def entry(index: int) -> slice:
        return slice(directory + 128 * index, directory + 128 * (index + 1))

    real = bytearray(data[entry(1)])
    assert real.startswith(WORKBOOK) and not any(data[entry(2)][:64]) and not any(data[entry(3)][:64])
    real[:64] = (real_name + "\0").encode("utf-16-le").ljust(64, b"\x00")
    struct.pack_into("<H", real, 64, 2 * len(real_name) + 2)
    data[entry(1)] = real
    if at == 1:
        data[entry(2)] = real
        struct.pack_into("<I", data, directory + 76, 2)  # the root's child: the real Workbook, now entry 2
    second = bytearray(real)
    second[:64] = name.ljust(64, b"\x00")
    struct.pack_into("<II", second, 116, first, len(stream))
    data[entry(at)] = second
    return bytes(data)


def _far(sheet: Any) -> None:
    sheet.write(65535, 255, 1.0)


NAMES = {
    "named so": (WORKBOOK, 1, "Workbook"),
    "named so, then a NUL and more": (WORKBOOK + b"\x00\x00x\x00", 1, "Workbook"),
    "a UTF-16 byte order mark first": (b"\xff\xfe" + WORKBOOK, 1, "Workbook"),
    "big-endian, its byte order mark first": (b"\xfe\xff" + "Workbook".encode("utf-16-be"), 1, "Workbook"),
    "in UTF-8, its byte order mark first": (b"\xef\xbb\xbfWorkbook", 1, "Workbook"),
    "named Workbook after a real Book (BIFF5's name)": (WORKBOOK, 3, "Book"),
}


@pytest.mark.parametrize(("name", "at", "real_name"), NAMES.values(), ids=NAMES.keys())
def test_a_workbook_stream_calamine_would_read_first_is_refused_unread(
    make_xls: Callable[..., Path], calamine_never_opens: Callable[[], None], name: bytes, at: int, real_name: str
) -> None:
    path = make_xls({"Daftar": ROWS})
    other = make_xls({"Daftar": ROWS}, name="far.xls", build=_far)
    path.write_bytes(_with_a_second_stream(path.read_bytes(), other.read_bytes(), name, at, real_name))
    calamine_never_opens()
    found = read_firms(path)
    assert [(f.message.id, f.message.values["reason"].id) for f in found.errors] == [
        ("sheet.corrupt", "sheet.reason.damaged")
    ]


def test_calamine_reads_the_first_entry_so_named_even_one_the_tree_does_not_reach(
    make_xls: Callable[..., Path],
) -> None:
    """What the test above guards against, shown small: calamine reads the second stream's far cell."""
    path = make_xls({"Daftar": ROWS})
    other = make_xls({"Daftar": ROWS}, name="far.xls", build=lambda sheet: sheet.write(40, 7, 1.0))
    for name, at, real_name in NAMES.values():
        raw = _with_a_second_stream(path.read_bytes(), other.read_bytes(), name, at, real_name)
        with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw)) as book:
            assert book.get_sheet_by_index(0).end == (40, 7)


SPARED = {
    "named Workbook, after the real one": (WORKBOOK, 3),
    "named WORKBOOK": ("WORKBOOK".encode("utf-16-le"), 1),
    "a lone surrogate inside": ("Work".encode("utf-16-le") + b"\x00\xd8" + "book".encode("utf-16-le"), 1),
    "named Book (read after any Workbook)": ("Book".encode("utf-16-le"), 1),
}


@pytest.mark.parametrize(("name", "at"), SPARED.values(), ids=SPARED.keys())
def test_a_second_entry_calamine_does_not_read_first_leaves_the_file_read(
    make_xls: Callable[..., Path], name: bytes, at: int
) -> None:
    path = make_xls({"Daftar": ROWS})
    other = make_xls({"Daftar": ROWS}, name="far.xls", build=_far)
    path.write_bytes(_with_a_second_stream(path.read_bytes(), other.read_bytes(), name, at))
    found = read_firms(path)
    assert found.errors == () and found.firms == ({"name": "Usaha A", "role": "member"},)
