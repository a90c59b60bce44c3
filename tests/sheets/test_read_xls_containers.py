"""The Workbook stream read out of compound files built byte by byte (sectors of 512 bytes, CFB version 3,
and of 4,096, version 4), whatever their FAT chains say: the bytes olefile's ``openstream`` reads, or
"damaged" where olefile refuses, for every chain (loops, FAT markers mid-chain, a first sector out of range,
a chain shared with another stream, a last sector cut short, a file cut mid-sector) and every size (0, at
the mini-stream cutoff and either side of it)."""

from __future__ import annotations

import io
import itertools
import struct

import olefile  # type: ignore[import-untyped]
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ovop_assess.sheets.xls_stream import NotReadable, workbook_stream

ENDOFCHAIN, FREESECT, FATSECT, DIFSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFC
MARKERS = [ENDOFCHAIN, FREESECT, FATSECT, DIFSECT]


def _entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    body = encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
    body += struct.pack("<III", FREESECT, right, child) + bytes(16 + 4 + 16)
    return body + struct.pack("<IQ", start, size)


def _container(
    version: int, fat: list[int], sectors: int, workbook: tuple[int, int], other: tuple[int, int] | None
) -> bytes:
    """A compound file of ``sectors`` data sectors (sector 0 the FAT, 1 the directory, the rest data, each
    filled with its own byte), ``fat`` the data sectors' FAT entries, a Workbook stream (first sector,
    size) and maybe a second stream."""
    size = 512 if version == 3 else 4096
    entries = size // 4
    table = [FATSECT, ENDOFCHAIN, *fat][:entries]
    table += [FREESECT] * (entries - len(table))
    directory = _entry("Root Entry", 5, 1, FREESECT, ENDOFCHAIN, 0)
    directory += _entry("Workbook", 2, FREESECT, 2 if other else FREESECT, *workbook)
    if other is not None:
        directory += _entry("Lain", 2, FREESECT, FREESECT, *other)
    directory = directory.ljust(size, b"\x00")
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, version, 0xFFFE, 9 if version == 3 else 12, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0 if version == 3 else 1, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", FREESECT) * 108
    data = b"".join(bytes([sector % 256]) * size for sector in range(2, 2 + sectors))
    return header.ljust(size, b"\x00") + struct.pack(f"<{entries}I", *table) + directory + data


def _olefile_reads(raw: bytes) -> bytes | str:
    """What olefile's own reading gives: the stream's bytes, or the refusal (checked as workbook_stream does
    before it reads: a stream larger than the file is refused unread)."""
    try:
        with olefile.OleFileIO(io.BytesIO(raw), raise_defects=olefile.DEFECT_INCORRECT) as ole:
            entry = next((kid for kid in ole.root.kids if kid.name.lower() == "workbook"), None)
            assert entry is not None
            if entry.size > len(raw):
                return "sheet.reason.stream_too_long"
            return bytes(ole.openstream("Workbook").read())
    except (OSError, ValueError, struct.error, IndexError, KeyError):
        return "sheet.reason.damaged"


def _ours(raw: bytes) -> bytes | str:
    try:
        return workbook_stream(raw)
    except NotReadable as exc:
        return str(exc.args[0])


SECTOR = st.one_of(st.integers(0, 13), st.sampled_from(MARKERS))


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    version = draw(st.sampled_from([3, 4]))
    size = 512 if version == 3 else 4096
    sectors = draw(st.integers(6, 14) if version == 3 else st.integers(1, 4))
    order = draw(st.permutations(range(2, 2 + sectors)))
    fat = [ENDOFCHAIN] * sectors
    for here, following in itertools.pairwise(order):
        fat[here - 2] = following
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):  # a chain broken: a marker, a loop, a sector out of range
        fat[draw(st.integers(0, sectors - 1))] = draw(SECTOR)
    first = draw(SECTOR) if draw(st.sampled_from([False] * 4 + [True])) else order[0]  # out of range now and then
    reach = size * sectors
    length = draw(
        st.sampled_from([0, 1, 4095, 4096, 4097, reach - 1, reach, reach + 1, reach + size])
        | st.integers(4096, max(4096, reach))
    )
    # A second stream starting inside the Workbook's chain, sharing its sectors from there.
    other = draw(st.none() | st.tuples(st.integers(2, 1 + sectors), st.integers(4096, max(4096, reach))))
    raw = _container(version, fat, sectors, (first, length), other)
    cut = draw(st.sampled_from([0, 0, 0, 0, 0, 1, size // 2, size - 1, size, size + 1]))
    return raw[: len(raw) - cut]


@settings(max_examples=1500, deadline=None)
@given(_files())
@example(_container(3, [*range(3, 11), ENDOFCHAIN], 9, (2, 4608), None))  # a chain of nine 512-byte sectors
@example(_container(4, [3, ENDOFCHAIN], 2, (2, 8192), None))  # two of 4,096 bytes
@example(_container(4, [3, ENDOFCHAIN], 2, (2, 8000), None)[:-100])  # the last one cut short, past the stream
@example(_container(3, [3, 2], 2, (2, 4096), None))  # a loop: a stream larger than its chain
def test_the_workbook_stream_of_any_compound_file_reads_as_olefile_reads_it(raw: bytes) -> None:
    assert _ours(raw) == _olefile_reads(raw)


def test_the_built_files_are_read_whole() -> None:
    """The builder makes files olefile reads: the examples above read to their bytes, not refused."""
    nine = _container(3, [*range(3, 11), ENDOFCHAIN], 9, (2, 4608), None)
    assert _ours(nine) == _olefile_reads(nine) == b"".join(bytes([sector]) * 512 for sector in range(2, 11))
    four = _container(4, [3, ENDOFCHAIN], 2, (2, 8192), None)
    assert _ours(four) == _olefile_reads(four) == bytes([2]) * 4096 + bytes([3]) * 4096
    cut = _container(4, [3, ENDOFCHAIN], 2, (2, 8000), None)[:-100]
    assert _ours(cut) == _olefile_reads(cut) == bytes([2]) * 4096 + bytes([3]) * 3904
