"""The ``Workbook`` stream of an ``.xls``: the BIFF records, out of their OLE compound file.

olefile parses and checks the container (header, FAT, directory); a
stream at or above the mini-stream cutoff (any workbook of a few
kilobytes: xlwt pads its stream to 4 KiB) is then read here by following
the FAT from its first sector, with the checks olefile makes, and each
contiguous stretch of sectors sliced out of the file at once. olefile
reads a stream one 512-byte sector at a time, with a seek, a read and two
logging calls each: 3.6 ms for the 4,751 sectors of a 10,000-row sheet,
against 0.6 ms here (0.25 ms of it following the chain). A smaller stream lives in the mini stream and is
read by olefile. The entry read must be the one calamine reads
(``_calamine_s_entry``): it finds its stream by name in the flat directory,
not in the storage tree, so a second entry of that name before the one
olefile finds would have calamine read a stream the limits never saw.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence
from typing import Any

_DAMAGED = "sheet.reason.damaged"
_ENDOFCHAIN = 0xFFFFFFFE
_FREESECT = 0xFFFFFFFF
_DIFSECT = 0xFFFFFFFC
_MARKERS = 0xFFFFFFFA  # sector numbers from here on are FAT markers (ENDOFCHAIN, FREESECT, ...), no sector


class NotReadable(Exception):
    """The compound file or its workbook stream cannot be read: the reason's catalogue id (``args[0]``),
    for the "corrupt" message."""


def workbook_stream(raw: bytes, padding: int = 0) -> bytes:
    """The BIFF ``Workbook`` (or BIFF5 ``Book``) stream of an OLE compound file, followed by ``padding`` zero
    bytes (made in the same copy: the walk reads past a record's end, and a second copy of a stream of
    megabytes costs more in fresh memory than in copying)."""
    import olefile  # type: ignore[import-untyped]  # only for an .xls: reading other formats loads none of it

    try:
        # DEFECT_INCORRECT: a malformed container is an error, not a warning (olefile's advice for untrusted files).
        with olefile.OleFileIO(io.BytesIO(raw), raise_defects=olefile.DEFECT_INCORRECT) as ole:
            # The first entry of the root storage of either name, case aside, as olefile's own look-up finds it.
            entry = next(
                (kid for name in ("workbook", "book") for kid in ole.root.kids if kid.name.lower() == name), None
            )
            if entry is None:
                raise NotReadable("sheet.reason.no_workbook_stream")
            if not _chains_end(raw, ole) or not _fat_sectors_agree(raw, ole):
                raise NotReadable(_DAMAGED)
            if _calamine_s_entry(ole.directory_fp.getvalue()) != entry.sid:
                raise NotReadable(_DAMAGED)  # calamine would read another stream than the one walked
            # Each sector of a stream is stored once, so a stream larger than the file is a lie: refused
            # before its sectors are read (a chain that loops would otherwise be read round and round).
            if entry.size > len(raw):
                raise NotReadable("sheet.reason.stream_too_long")
            if entry.entry_type != olefile.STGTY_STREAM:
                raise NotReadable(_DAMAGED)
            if entry.size < ole.minisectorcutoff:
                stream: bytes = ole.openstream(entry.name).read()
                return stream + bytes(padding)
            return sector_chain(raw, ole.fat, entry.isectStart, entry.size, ole.sectorsize, padding)
    except (OSError, ValueError, struct.error, IndexError, KeyError, RecursionError, MemoryError):
        raise NotReadable(_DAMAGED) from None


def holds_workbook_stream(raw: bytes) -> bool:
    """Whether ``raw`` is a compound file whose directory names a readable Workbook (or BIFF5 Book) stream, as
    an .xls's does: an .xls saved under another name, not a Word document that mentions a workbook."""
    try:
        workbook_stream(raw)
    except NotReadable:
        return False
    return True


def _chains_end(raw: bytes, ole: Any) -> bool:
    """Whether the chains calamine follows to a marker before it reads a stream end there, each sector once.

    calamine follows the DIFAT's chain from the header's first DIFAT
    sector, however many DIFAT sectors the header counts, and the
    directory's through the FAT, neither with a count: a loop grows its
    memory without bound (the process is killed). olefile reads the DIFAT
    sectors the header counts only, and the directory's sectors up to the
    FAT's length, a loop being no error to it; each sector of both within
    the file it has checked already.
    """
    size, seen = ole.sectorsize, set()
    sector = ole.first_difat_sector
    while sector < _MARKERS:  # a DIFAT sector's last entry is the next one
        if sector in seen or (sector + 2) * size > len(raw):
            return False
        seen.add(sector)
        sector = struct.unpack_from("<I", raw, (sector + 2) * size - 4)[0]
    fat, seen = ole.fat, set()
    sector = ole.first_dir_sector
    while sector != _ENDOFCHAIN:
        if sector in seen or sector >= len(fat):
            return False
        seen.add(sector)
        sector = fat[sector]
    return True


def _fat_sectors_agree(raw: bytes, ole: Any) -> bool:
    """Whether calamine builds its FAT from the sectors olefile built it from (the chains followed here).

    Both read the FAT sectors the DIFAT lists name: the header's 109
    entries, then each DIFAT sector's entries but its last. olefile stops a
    list at its first FREESECT or ENDOFCHAIN; calamine keeps every entry
    below DIFSECT, past such a stop too. A real sector after a stop would
    be in calamine's FAT alone, and every FAT entry after it would then
    differ: a stream's chain read and walked here would not be the chain
    calamine reads (a far cell past the limits, gigabytes). Called once the
    DIFAT's chain is known to end (:func:`_chains_end`).
    """
    size = ole.sectorsize
    lists = [raw[76:512]]
    sector = ole.first_difat_sector
    while sector < _MARKERS:
        at = (sector + 1) * size
        lists.append(raw[at : at + size - 4])
        sector = struct.unpack_from("<I", raw, at + size - 4)[0]
    for listed in lists:
        entries = struct.unpack(f"<{len(listed) // 4}I", listed)
        stop = next((i for i, entry in enumerate(entries) if entry in (_ENDOFCHAIN, _FREESECT)), len(entries))
        if any(entry < _DIFSECT for entry in entries[stop:]):
            return False
    return True


def _calamine_s_entry(directory: bytes) -> int | None:
    """The index of the directory entry calamine reads the workbook from.

    The first entry named ``Workbook``, else the first named ``Book``, in
    the directory's order, whatever its type and whether the storage tree
    reaches it. Its name is its 64 bytes decoded as encoding_rs decodes
    (a byte order mark of UTF-8 or of either UTF-16 first switches to that
    encoding) up to its first NUL.
    """
    names = [_decoded(directory[at : at + 64]) for at in range(0, len(directory) - 127, 128)]
    return next((index for wanted in ("Workbook", "Book") for index, name in enumerate(names) if name == wanted), None)


def _decoded(name: bytes) -> str:
    for mark, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if name.startswith(mark):
            return name[len(mark) :].decode(encoding, "replace").split("\0")[0]
    return name.decode("utf-16-le", "replace").split("\0")[0]


def sector_chain(raw: bytes, fat: Sequence[int], first: int, size: int, sector_size: int, padding: int = 0) -> bytes:
    """The ``size`` bytes of the stream whose sectors the FAT chains from ``first`` (then ``padding`` zeros).

    olefile's checks, each a damaged file here: no more sectors than the
    FAT has, each one's index within the FAT (a chain ending before the
    declared size reaches ENDOFCHAIN, which is not), each sector whole
    but the file's last, and as many bytes as declared. Sector ``n`` is
    at byte ``(n + 1) * sector_size`` (the header fills the first).
    """
    count = -(-size // sector_size)
    if count > len(fat):
        raise NotReadable(_DAMAGED)
    # Consecutive sectors are read as one slice: the chain is cut into stretches, each from its first
    # sector to its last. (Kept to a test and a lookup a sector: 0.25 ms for 4,751, against 0.65 ms
    # for a list of [first, last] pairs updated in place.)
    firsts: list[int] = []
    lasts: list[int] = []  # the sector before each stretch's first: the last of the stretch before it
    sector, previous = first, -2
    for _ in range(count):  # a fixed count: a chain that loops is read no further than the declared size
        if sector >= len(fat):  # FAT entries are unsigned: ENDOFCHAIN and the other markers are past it too
            raise NotReadable(_DAMAGED)
        if sector != previous + 1:
            firsts.append(sector)
            lasts.append(previous)
        previous, sector = sector, fat[sector]
    # Views of the file's bytes, joined (and cut to the size) by one copy.
    view = memoryview(raw)
    pieces = []
    for start, last in zip(firsts, [*lasts[1:], previous], strict=True):
        piece = view[(start + 1) * sector_size : (last + 2) * sector_size]
        whole = (last - start + 1) * sector_size
        # Only the file's last sector may be cut short (a file is not always padded to a whole sector).
        if len(piece) < whole and (last != len(fat) - 1 or len(piece) < whole - sector_size):
            raise NotReadable(_DAMAGED)
        pieces.append(piece)
    excess = sum(map(len, pieces)) - size
    if excess < 0:
        raise NotReadable(_DAMAGED)
    while excess:  # the last sector's bytes past the stream's size (less than a sector: within the last piece)
        cut = min(excess, len(pieces[-1]))
        pieces[-1] = pieces[-1][: len(pieces[-1]) - cut]
        excess -= cut
        if not pieces[-1]:
            pieces.pop()
    pieces.append(memoryview(bytes(padding)))
    return b"".join(pieces)
