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
from types import SimpleNamespace

import pytest

from ovop_assess.sheets import read_firms
from ovop_assess.sheets.xls_stream import _fat_sectors_agree

FREESECT, ENDOFCHAIN, FATSECT, DIFSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC

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


def _sector_after_a_stop_in_the_header(raw: bytes) -> bytes:
    """The header's DIFAT: its FAT sector, FREESECT, then a real sector (the directory's), which olefile
    never reads as a FAT sector (it stops at FREESECT) and calamine does (it skips only markers)."""
    data = bytearray(raw)
    assert struct.unpack_from("<I", raw, 80)[0] == 0xFFFFFFFF  # the header lists one FAT sector
    struct.pack_into("<I", data, 84, struct.unpack_from("<I", raw, 48)[0])
    return bytes(data)


def test_a_fat_calamine_would_build_otherwise_than_olefile_is_refused_unread(
    make_xls: Callable[..., Path], calamine_never_opens: Callable[[], None]
) -> None:
    """olefile's FAT and calamine's would differ from the sector after the stop on: the stream read and
    walked here would not be the one calamine reads (an adversary's file had a cell at row 65,000 reach
    calamine through it, a gigabyte asked for a sheet)."""
    path = make_xls({"Daftar": ROWS})
    path.write_bytes(_sector_after_a_stop_in_the_header(path.read_bytes()))
    calamine_never_opens()
    found = read_firms(path)
    assert [(f.message.id, f.message.values["reason"].id) for f in found.errors] == [
        ("sheet.corrupt", "sheet.reason.damaged")
    ]


@pytest.mark.parametrize(
    ("listed", "agree"),
    [
        ([7, FREESECT, FREESECT], True),
        ([7, 8, ENDOFCHAIN, FREESECT], True),
        ([7, FREESECT, DIFSECT, FATSECT], True),  # markers after the stop: skipped by both
        ([7, FREESECT, 9], False),
        ([ENDOFCHAIN, 3], False),
    ],
)
def test_a_difat_sectors_list_is_held_to_the_same_rule(listed: list[int], agree: bool) -> None:
    """The DIFAT sectors' lists as the header's (a file with over 109 FAT sectors has them): one sector,
    its entries ``listed`` and FREESECT after them, its last entry ENDOFCHAIN."""
    header = bytearray(512)
    struct.pack_into("<109I", header, 76, 0, *[FREESECT] * 108)
    entries = [*listed, *[FREESECT] * (127 - len(listed)), ENDOFCHAIN]
    raw = bytes(header) + bytes(512) + struct.pack("<128I", *entries)
    ole = SimpleNamespace(sectorsize=512, first_difat_sector=1)
    assert _fat_sectors_agree(raw, ole) is agree
