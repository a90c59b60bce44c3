"""Sector chains calamine follows to their end before it reads the Workbook stream.

calamine follows the DIFAT chain from the header's first DIFAT sector and
the directory's chain through the FAT until a marker, counting nothing, so
a chain that loops grows its memory until the process is killed (2 GB asked
for, then aborted, with 1.5 GB allowed). olefile reads as many DIFAT
sectors as the header counts (none: the chain is never looked at) and the
directory's sectors up to the FAT's length, a loop being no error to it.
Such a file is refused as damaged before calamine opens it.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_assess.sheets import read_firms

ROWS = [["Nama Usaha", "Peran"], ["Usaha A", "anggota"]]


def _directory_loop(raw: bytes) -> bytes:
    """The directory's sector chained to itself in the FAT."""
    data = bytearray(raw)
    directory, fat = struct.unpack_from("<I", raw, 48)[0], struct.unpack_from("<I", raw, 76)[0]
    struct.pack_into("<I", data, (fat + 1) * 512 + 4 * directory, directory)
    return bytes(data)


def _difat_loop(raw: bytes) -> bytes:
    """A sector appended whose last entry (a DIFAT sector's next one) is itself, named the first DIFAT
    sector by the header, which counts no DIFAT sector."""
    sector = len(raw) // 512 - 1
    data = bytearray(raw + bytes(508) + struct.pack("<I", sector))
    struct.pack_into("<II", data, 68, sector, 0)
    return bytes(data)


@pytest.mark.parametrize("loop", [_directory_loop, _difat_loop], ids=["directory", "DIFAT"])
def test_a_chain_calamine_would_follow_without_end_is_refused_unread(
    make_xls: Callable[..., Path], calamine_never_opens: Callable[[], None], loop: Callable[[bytes], bytes]
) -> None:
    path = make_xls({"Daftar": ROWS})
    assert len(read_firms(path).firms) == 1
    path.write_bytes(loop(path.read_bytes()))
    calamine_never_opens()
    found = read_firms(path)
    assert [(f.message.id, f.message.values["reason"].id) for f in found.errors] == [
        ("sheet.corrupt", "sheet.reason.damaged")
    ]


def test_a_difat_chain_that_ends_leaves_the_file_read(make_xls: Callable[..., Path]) -> None:
    """A first DIFAT sector the header names but does not count, whose chain ends: calamine reads its
    entries (FREESECT here) as FAT sectors to skip, and the file as before."""
    path = make_xls({"Daftar": ROWS})
    raw = path.read_bytes()
    sector = len(raw) // 512 - 1
    data = bytearray(raw + b"\xff" * 512)
    struct.pack_into("<I", data, 68, sector)
    path.write_bytes(bytes(data))
    assert read_firms(path).firms == ({"name": "Usaha A", "role": "member"},)
