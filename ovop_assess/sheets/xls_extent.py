"""The extent of every sheet of an ``.xls`` workbook, read before python-calamine opens it.

An ``.xls`` is no zip: it is an OLE compound file whose ``Workbook``
stream holds the BIFF records of every sheet. Calamine reads every sheet
whole when it opens the file and allocates each one's full rectangle of
cells, so a 6 KB file with a cell in A1 and one in IV65536 on each of a few
sheets costs gigabytes before a single sheet is chosen. The stream is
walked here (``xls_stream`` reads it out of the container; nothing is
decoded but the row and column of each cell record, and runs of plain
cells within an envelope are passed over at once), and a sheet reaching
past ``max_rows``/``max_cells``, or sheets whose rectangles add up past
``max_cells``, are refused before calamine sees a byte. The walk also keeps
what the sheets' formulas saved that calamine reads otherwise than a
spreadsheet shows it (an error, a text going on in CONTINUE records, the 0
LibreOffice saves for a text result), which :func:`settle` puts right in
calamine's cells or names as unreadable.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

from .xls_formula_kinds import BOOLEAN, TEXT, result_kinds
from .xls_sheet_names import sheet_name

_BOF, _EOF, _DIMENSIONS, _BOUNDSHEET, _FORMULA, _STRING = 0x0809, 0x000A, 0x0200, 0x0085, 0x0006, 0x0207
_FILEPASS, _SHRFMLA, _ARRAY, _TABLE, _CONTINUE = 0x002F, 0x04BC, 0x0221, 0x0236, 0x003C
_ROW = 0x0208  # a row's height and options: fDyZero (0x20 in its 13th byte) marks a hidden row
_BIFF8 = 0x0600  # a BOF record's version: Excel 97 and later (BIFF5, Excel 95, writes formulas otherwise)
# Cell records whose first four bytes are the row and the column (u16 each).
_CELLS = frozenset({0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6})
_MULTIPLE = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: row, first column, ..., last column
_HEADER = struct.Struct("<HH")
_WORD = struct.Struct("<H")
_RECORD = struct.Struct("<HHHH")  # a record's kind and size, then (in a cell) its row and column
_PLAIN_CELLS = _CELLS - {_FORMULA}
# The rest it reads; SHRFMLA and ARRAY hold the formula of the cells that share one (a ptgExp token names it).
_OTHERS = frozenset({_FORMULA, _BOF, _EOF, _FILEPASS, _BOUNDSHEET, _DIMENSIONS, *_MULTIPLE, _SHRFMLA, _ARRAY, _ROW})
# A saved result of 0 or 1: what LibreOffice writes for a text or TRUE/FALSE result it did not compute again.
_ZERO, _ONE = bytes(8), struct.pack("<d", 1.0)

# Records a run may pass over, by kind and the one size each has in BIFF8: cells of which the walk reads
# only the row and column (LABELSST, RK, NUMBER, BLANK, BOOLERR), and ROW unless it hides its row.
# Nine records in ten of a sheet are among them; a record of any other kind or size takes the exact step.
_RUN_CELLS = {0x00FD: 10, 0x027E: 10, 0x0203: 14, 0x0201: 6, 0x0205: 8}
_RUN_OTHERS = {_ROW: 16}
_SHOWN_ROW = rb"[\x00-\x1f\x40-\x5f\x80-\x9f\xc0-\xdf]"  # a ROW record's 13th byte without fDyZero (0x20)


class Extent(NamedTuple):
    """Rows and columns from A1 to the farthest cell a sheet (a BOF..EOF substream) holds or declares."""

    rows: int
    columns: int


class Envelope(NamedTuple):
    """The rows and columns a run of records is passed over within: every cell of a run has a row below
    ``rows`` and a column below ``columns``, so the substream's extent is at most that (a bound, no count)."""

    rows: int  # a multiple of 256, at most 65,536: the run pattern tests the high byte of a cell's row
    columns: int  # at most 256: the pattern tests the low byte of a cell's column (its high byte 0)


def envelope_for(max_rows: int, max_cells: int) -> Envelope | None:
    """The envelope for these limits, or None when they leave no room for one.

    Its rows are within ``max_rows`` and its rectangle within half of
    ``max_cells``, so a bound alone refuses nothing, not even two sheets
    bounded by it: only a real cell out of it can make a sheet refused,
    and then the exact walk gives the refusal's numbers. 16,384 rows and
    up to 32 columns are far more than a firm list has, and leave the
    bound small enough for the default limits (30 columns for 1,000,000
    cells). Whole blocks of 256 rows: the pattern tests a row's high byte.
    """
    rows = 256 * min(64, max_rows // 256)
    columns = min(32, max_cells // (2 * rows)) if rows > 0 else 0
    return Envelope(rows, columns) if columns > 0 else None


@lru_cache(maxsize=8)
def _run_pattern(envelope: Envelope) -> re.Pattern[bytes]:
    """Matches a run of one record or more of ``_RUN_CELLS`` whose cells are within ``envelope`` and of
    ``_RUN_OTHERS``, each whole: its kind and size, then (a cell) its row and column, then the rest."""
    # A cell's row (u16: its low byte any, its high byte below rows / 256), then its column (u16).
    cell = rb".[\x00-\x%02x][\x00-\x%02x]\x00" % (envelope.rows // 256 - 1, envelope.columns - 1)
    records = [_literal(_HEADER.pack(kind, size)) + cell + b".{%d}" % (size - 4) for kind, size in _RUN_CELLS.items()]
    records += [
        _literal(_HEADER.pack(kind, size)) + b".{12}" + _SHOWN_ROW + b".{3}" for kind, size in _RUN_OTHERS.items()
    ]
    # Last, so that the records before it are tried first, as often as before: a formula the walk has
    # nothing to keep of. Its saved result is a number (its last two bytes not FFFF, which mark a text, an
    # empty or an error result) other than 0 and 1 (kept, with the tokens, for what the tokens may say), and
    # its tokens do not start with ptgExp (0x01: a shared or array formula, whose SHRFMLA or ARRAY record
    # follows and names the cell before it). A column numbered =ROW()-1, as Excel saves it, then costs no
    # exact step per row. The size is spelled out (one branch per size; a pattern cannot count a length it
    # read), after one lookahead that asks the rest: a formula that does not qualify (LibreOffice saves
    # 0 for each one it converts) then costs one failed test, not one per size.
    result = rb"(?!\x00{8}|\x00{6}\xf0\x3f|.{6}\xff\xff).{8}"
    # The cell is captured: the last formula a run passed is the cell the walk names a SHRFMLA's tokens by.
    qualifies = rb"(?=..(" + cell + rb").." + result + rb".{8}[^\x01])"
    sizes = [_literal(_WORD.pack(size)) + b".{%d}" % size for size in range(23, 23 + _FORMULA_SIZES)]
    records.append(_literal(_WORD.pack(_FORMULA)) + qualifies + b"(?:" + b"|".join(sizes) + b")")
    # Atomic: no record of a run is ever given back once the run ends. Not possessive (++), 0.7 ms faster for
    # the 110,000 records of 10,000 rows: before Python 3.11.5 a possessive repeat of a group that can backtrack
    # matches what it must not (CPython gh-106052: Debian 12's Python 3.11.2 matches b"axay" whole with
    # (?:a(?=(.))x)++), and the run passed text results and shared formulas the walk must see. At most
    # _RUN_MOST records a match (the walk matches again where one ends): the regex engine keeps a frame for each
    # record until the match ends, 20 MB for a sheet of 10,000 rows in one match, which a fresh process takes
    # page by page (4,900 page faults: 14 ms of a first read, against 5.5 ms in runs of 2,000).
    return re.compile(b"(?>(?:" + b"|".join(records) + b"){1,%d})" % _RUN_MOST, re.DOTALL)


_RUN_MOST = 2000


_FORMULA_SIZES = 64
"""Sizes of FORMULA records a run may pass over, from 23 (one byte of tokens): tokens up to 64 bytes."""


def _literal(data: bytes) -> bytes:
    return b"".join(b"\\x%02x" % byte for byte in data)


Cell = tuple[int, int]  # 0-based (row, column)


class Saved(NamedTuple):
    """The results a substream's formulas saved that calamine reads otherwise than a spreadsheet shows them
    (:func:`settle` puts them right), and what deciding on them needs."""

    # A text result whose characters go on in CONTINUE records: calamine keeps the first record's
    # (8,221 characters at most). The whole text, or None if the records end before it does.
    long_texts: dict[Cell, str | None]
    errors: dict[Cell, int]  # an error result (calamine reads an empty cell): its BIFF code
    # A saved 0 or 1 (True) and the formula's tokens (None: not BIFF8). LibreOffice saves a formula's
    # text result as the number 0, and a TRUE/FALSE one as 1/0, when it has not computed it since the
    # file was opened (every formula of a file it converts): the tokens tell what the result can be.
    numbers: dict[Cell, tuple[bool, bytes | None]]
    shared: dict[Cell, bytes]  # the tokens of a shared or array formula (SHRFMLA, ARRAY), by its first cell
    # A saved empty text (result type 3) and the formula's tokens: what Excel saves for =IF(…;"Batik A";"")
    # giving "", and what a script that computes nothing (xlwt) saves for every formula.
    empty_texts: dict[Cell, bytes | None]


class XlsSheets(NamedTuple):
    """What the walk found: each substream's extent (in stream order), where each sheet the workbook lists
    starts (its BOF, in the workbook's order), each substream's formulas without a saved result, and the
    results of its formulas that calamine reads otherwise than they were saved."""

    extents: list[Extent]
    starts: list[int]  # the stream offset of each sheet's BOF, in the order of the workbook's sheet list
    formulas: dict[int, set[tuple[int, int]]]  # BOF offset -> 0-based (row, column)
    saved: dict[int, Saved]  # BOF offset -> what its formulas saved (only a substream with any)
    encrypted: bool = False  # a FILEPASS record: the workbook has a password to open; the rest is not readable
    # A sheet's DIMENSIONS record whose first row is past the row after its last (neither count 0): calamine
    # sizes the sheet by their difference, which wraps round to hundreds of gigabytes and aborts the process.
    inverted: bool = False
    # A sheet the workbook lists is no substream counted here, or shares one with another: calamine reads a
    # sheet from the offset its BOUNDSHEET gives to the first EOF after it, so one listed at the workbook
    # globals, inside a record's bytes or twice at one sheet would reach it uncounted. Excel writes none.
    astray: bool = False
    # Runs of records were passed over within an envelope: the extent of a substream holding one is the
    # envelope's at least, an upper bound (False: every extent is exact). Nothing else depends on it.
    bounded: bool = False
    hidden: Mapping[int, list[int]] = MappingProxyType({})  # BOF offset -> its hidden rows (0-based)
    # The substreams (BOF offsets) where a formula saved a result other than the empty text: computed by
    # Excel or LibreOffice. In one where none did, every saved empty text is a script's placeholder (xlwt).
    computed: frozenset[int] = frozenset()
    any_formula: bool = False  # a FORMULA, SHRFMLA or ARRAY record anywhere (passed in a run or walked)
    names: tuple[str | None, ...] = ()  # each listed sheet's name, as ``starts`` (None: its record cut short)
    counted: tuple[int, ...] = ()  # the BOF offset of each of ``extents``' substreams

    def formulas_of(self, position: int) -> set[tuple[int, int]]:
        """The formulas without a saved result of the workbook's ``position``-th sheet: a saved empty text
        counts as a result where the formula can give one (``xls_formula_kinds.gives_empty_text``)."""
        if position >= len(self.starts):
            return set()
        start = self.starts[position]
        found = self.formulas.get(start, set())
        saved = self.saved.get(start)
        if saved is None or not saved.empty_texts or start not in self.computed:
            return found
        from .xls_formula_kinds import gives_empty_text

        empty = {cell for cell, tokens in saved.empty_texts.items() if gives_empty_text(tokens, saved.shared)}
        return found - empty

    def hidden_of(self, position: int) -> list[tuple[int, int]]:
        """The hidden rows of the workbook's ``position``-th sheet: (0-based row, 1) each."""
        rows = self.hidden.get(self.starts[position], []) if position < len(self.starts) else []
        return [(row, 1) for row in rows]

    def saved_of(self, position: int) -> Saved:
        """What the formulas of the workbook's ``position``-th sheet saved that calamine reads otherwise."""
        found = self.saved.get(self.starts[position]) if position < len(self.starts) else None
        return found or Saved({}, {}, {}, {}, {})


def walk(stream: bytes, envelope: Envelope | None = None, padding: int = 0) -> XlsSheets:
    """The extents, sheet starts, unsaved formulas and saved results (:class:`Saved`) of a BIFF stream.

    Made for a file that may lie: a record running past the stream's end
    ends the walk, a sheet the stream ends in is counted as far as it
    goes, a declared dimension counts as much as a cell, and ``astray``
    says when a listed sheet starts at no substream counted here. A
    formula's saved result is its 8-byte result field; ``FFFF`` in its last
    two bytes marks a non-number, whose first byte 3 means an empty result
    (what a script writes that computes nothing), 2 an error and 0 a text
    result, which a STRING record must follow (after the SHRFMLA, ARRAY or
    TABLE record of a shared, array or table formula). A saved 0 or 1 keeps
    the formula's tokens, and SHRFMLA and ARRAY records theirs, for
    :func:`.xls_formula_kinds.result_kinds`: all of it only when a formula is met.

    Every record is reached (a cell far out may come last). With an
    ``envelope``, a run of the plain records nine in ten of a sheet are
    (``_RUN_CELLS`` within the envelope, ``_RUN_OTHERS``) is passed over by
    one match of a compiled pattern, in C, and the substream's extent
    raised to the envelope's; any other record, a cell out of the envelope
    among them, takes the exact step. Only extents can differ from the
    exact walk's (each the exact one, or the exact one raised to the
    envelope's), and ``bounded`` says so. The exact step is kept to a few steps a
    record: the header and a cell's row and column unpacked by one call, a
    record that is no cell passed by one set lookup unless it is one of the
    few others that matter, a formula's text result looked for when the
    formula is met (0.13 µs a record). 10,000 rows of 10 cells (110,592
    records): 16 ms record by record, 3.2 ms with the envelope.

    ``padding``: how many bytes at the end of ``stream`` are not the
    stream's but zeros put after it (``xls_stream.workbook_stream(raw,
    padding=4)``), so that the walk makes no copy of its own.
    """
    # The last record's header and four more bytes unpack at once too: four bytes past the end, the caller's
    # ``padding`` (the last bytes of ``stream``, not the stream's: no copy made here) or a copy's.
    end = len(stream) - padding
    data = stream if padding >= 4 else stream[:end] + bytes(4)
    unpack = _RECORD.unpack_from
    position, depth = 0, 0
    rows = columns = 0
    start = 0
    extents: list[Extent] = []
    counted: list[int] = []  # the BOF offset of each substream an extent was counted for
    starts: list[int] = []
    names: list[str | None] = []
    formulas: dict[int, set[tuple[int, int]]] = {}
    saved: dict[int, Saved] = {}
    hidden: dict[int, list[int]] = {}
    computed: set[int] = set()
    biff8, formula_cell = False, (-1, -1)  # the substream's BIFF version is 8; the cell of its last formula
    seen_globals = False
    inverted = False
    any_formula = False
    cells, others = _PLAIN_CELLS, _OTHERS
    last_header = end - 4
    run = _run_pattern(envelope).match if envelope is not None else None
    bound_rows, bound_columns = envelope or (0, 0)
    bounded = False
    while position <= last_header:
        if run is not None and (skipped := run(data, position, end)) is not None:  # endpos: not into the padding
            position = skipped.end()
            rows, columns, bounded = max(rows, bound_rows), max(columns, bound_columns), True
            if (folded := skipped.group(1)) is not None:  # the run passed a formula: the last one's cell
                formula_cell = _HEADER.unpack(folded)
                computed.add(start)  # (its result a number: saved)
                any_formula = True
            continue
        kind, size, row, column = unpack(data, position)  # row and column mean something in a cell only
        following = position + 4 + size
        if following > end:
            break
        if kind in cells:  # most records: kept to a few steps
            if size >= 4:
                if row >= rows:
                    rows = row + 1
                if column >= columns:
                    columns = column + 1
        elif kind not in others:
            pass
        elif kind == _FORMULA:
            any_formula = True
            if size >= 4:  # as a plain cell's, without a call (a numbered column has one formula a row)
                if row >= rows:
                    rows = row + 1
                if column >= columns:
                    columns = column + 1
            result = data[position + 10 : position + 18] if size >= 14 else b""  # the saved result's 8 bytes
            cell = (row, column)
            # FFFF ends a result that is no number: 3 first is an empty one, 0 a text one a STRING must hold
            # (after the SHRFMLA or ARRAY record of a shared or array formula), 2 an error.
            if result and (result[6:] != b"\xff\xff" or result[0] in (1, 2)):  # a number, TRUE/FALSE, an error
                computed.add(start)
            if result[6:] == b"\xff\xff":
                if result[0] == 0 and (text := _string_at(data, following, end)) >= 0:
                    computed.add(start)
                    if _continued(data, text, end):
                        _saved_in(saved, start).long_texts[cell] = _continued_text(data, text, end)
                elif result[0] in (0, 3):
                    formulas.setdefault(start, set()).add(cell)
                    if result[0] == 3:
                        _saved_in(saved, start).empty_texts[cell] = _tokens(data, position, size, biff8)
                elif result[0] == 2:
                    _saved_in(saved, start).errors[cell] = result[2]
            elif result in (_ZERO, _ONE):
                _saved_in(saved, start).numbers[cell] = (result == _ONE, _tokens(data, position, size, biff8))
            formula_cell = cell if size >= 4 else (-1, -1)
        elif kind == _ROW:
            if size >= 16 and data[position + 16] & 0x20:  # fDyZero: the row is hidden
                hidden.setdefault(start, []).append(row)
        elif kind in (_SHRFMLA, _ARRAY):  # the tokens after a range (6 bytes) and 4 or 8 more
            any_formula = True
            skip = 10 if kind == _SHRFMLA else 14
            count = _WORD.unpack_from(data, position + 2 + skip)[0] if size >= skip else size
            if biff8 and skip + count <= size:
                shared = _saved_in(saved, start).shared
                tokens = data[position + 4 + skip : position + 4 + skip + count]
                # A cell's ptgExp names the first cell of the range, which holds the formula before this record.
                shared.setdefault((row, data[position + 8]), tokens)
                shared.setdefault(formula_cell, tokens)
        elif kind == _BOF:
            depth += 1
            if depth == 1:  # a chart inside a sheet has its own BOF..EOF: the sheet goes on
                rows = columns = 0
                start = position
                biff8, formula_cell = size >= 2 and row == _BIFF8, (-1, -1)  # (a BOF's first word: its version)
        elif kind == _EOF:
            depth -= 1
            if depth == 0:
                if seen_globals:
                    extents.append(Extent(rows, columns))
                    counted.append(start)
                seen_globals = True
            depth = max(depth, 0)
        elif kind == _FILEPASS and not seen_globals:
            return XlsSheets([], [], {}, {}, encrypted=True)
        elif kind == _BOUNDSHEET and size >= 4 and not seen_globals:
            starts.append(struct.unpack_from("<I", data, position + 4)[0])
            names.append(sheet_name(data, position, size, biff8))
        elif kind in _MULTIPLE and size >= 6:
            last = _HEADER.unpack_from(data, following - 4)[1]
            rows, columns = max(rows, row + 1), max(columns, last + 1)
        elif kind == _DIMENSIONS and size >= 14:  # BIFF8: first row, row after the last (u32), then columns (u16)
            first_row, after_row, _, after_column = struct.unpack_from("<IIHH", data, position + 4)
            rows, columns, inverted = (
                max(rows, after_row),
                max(columns, after_column),
                inverted or (seen_globals and first_row > after_row > 0 and after_column > 0),
            )
        elif kind == _DIMENSIONS and size >= 8:  # BIFF5: the same in u16
            first_row, after_row, _, after_column = struct.unpack_from("<HHHH", data, position + 4)
            rows, columns, inverted = (
                max(rows, after_row),
                max(columns, after_column),
                inverted or (seen_globals and first_row > after_row > 0 and after_column > 0),
            )
        position = following
    if depth > 0 and seen_globals:  # a last sheet with no EOF: calamine reads it to the stream's end
        extents.append(Extent(rows, columns))
        counted.append(start)
    astray = len(set(starts)) < len(starts) or not set(starts) <= set(counted)
    return XlsSheets(
        extents,
        starts,
        formulas,
        saved,
        inverted=inverted,
        astray=astray,
        bounded=bounded,
        hidden=hidden,
        computed=frozenset(computed),
        any_formula=any_formula,
        names=tuple(names),
        counted=tuple(counted),
    )


_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}


def settle(
    saved: Saved, cells: list[list[Any]], checked: Callable[[int, int], bool]
) -> list[tuple[Cell, str, dict[str, str]]]:
    """Put into ``cells`` (a sheet's rows from A1, as calamine read them), at each cell ``checked`` admits,
    what its formula saved that calamine reads otherwise; return those of them with no result to read,
    each with a catalogue id and its values, in the sheet's order.

    - a text result going on in CONTINUE records: the whole text, for the first part calamine keeps;
    - a saved 1 or 0 of a formula that can only give TRUE or FALSE: TRUE or FALSE (LibreOffice's);
    - a saved 0 of a formula that can give text (LibreOffice's text result, or one no formula's tokens
      tell from a real 0: a reference, a look-up): no result, the text is not in the file;
    - an error result, which calamine reads as an empty cell: no value.
    """
    unread: list[tuple[Cell, str, dict[str, str]]] = []

    def at(row: int, column: int) -> Any:
        return cells[row][column] if row < len(cells) and column < len(cells[row]) else None

    for (row, column), text in saved.long_texts.items():
        if not checked(row, column):
            continue
        found = at(row, column)
        if text is None:
            unread.append(((row, column), "sheet.xls_text_unreadable", {}))
        elif isinstance(found, str) and len(found) < len(text) and text.startswith(found):
            cells[row][column] = text
    for (row, column), code in saved.errors.items():
        if checked(row, column) and at(row, column) == "":
            key = "sheet.header_formula_error" if row == 0 else "sheet.formula_error"  # (row 1: a column's name)
            unread.append(((row, column), key, {"error": _ERRORS.get(code, f"#{code:02X}")}))
    known: dict[bytes | None, frozenset[str]] = {}  # each formula read once: a shared one's cells name it alike
    for (row, column), (one, tokens) in saved.numbers.items():
        found = at(row, column)
        if found is None or not checked(row, column):
            continue
        kinds = known.get(tokens)
        if kinds is None:
            kinds = known[tokens] = result_kinds(tokens, saved.shared)
        if kinds == {BOOLEAN} and found.__class__ in (float, int) and found == one:
            cells[row][column] = one
        elif TEXT in kinds and not one:
            unread.append(((row, column), "sheet.xls_formula_text_lost", {}))
    return sorted(unread, key=lambda item: item[0])


def _tokens(data: bytes, position: int, size: int, biff8: bool) -> bytes | None:
    """The tokens of the FORMULA record at ``position`` (None: not BIFF8, or cut short)."""
    count = _WORD.unpack_from(data, position + 24)[0] if size >= 22 else 0  # the tokens' size
    return data[position + 26 : position + 26 + count] if biff8 and 22 + count <= size else None


def _saved_in(saved: dict[int, Saved], start: int) -> Saved:
    found = saved.get(start)
    if found is None:
        found = saved[start] = Saved({}, {}, {}, {}, {})
    return found


def _string_at(data: bytes, position: int, end: int) -> int:
    """Where the whole STRING record (a formula's text result) starting at ``position`` of the stream, or
    after the SHRFMLA, ARRAY or TABLE records there, starts; -1 if none does."""
    while position + 4 <= end:
        kind, size = _HEADER.unpack_from(data, position)
        if kind == _STRING:
            return position if position + 4 + size <= end else -1
        if kind not in (_SHRFMLA, _ARRAY, _TABLE):
            return -1
        position += 4 + size
    return -1


def _continued(data: bytes, position: int, end: int) -> bool:
    """Whether a CONTINUE record follows the record at ``position``."""
    following = position + 4 + _HEADER.unpack_from(data, position)[1]
    return following + 4 <= end and bool(_HEADER.unpack_from(data, following)[0] == _CONTINUE)


def _continued_text(data: bytes, position: int, end: int) -> str | None:
    """The whole text of the STRING record at ``position`` whose characters go on in the CONTINUE records
    after it, or None if they end before it does.

    BIFF8 text: a count of characters (u16) and a flags byte whose lowest
    bit says two bytes a character (UTF-16LE) rather than one (Latin-1);
    each CONTINUE record begins with its own flags byte for the characters
    it holds.
    """
    size = _HEADER.unpack_from(data, position)[1]
    if size < 3:
        return None
    left = _WORD.unpack_from(data, position + 4)[0]
    flags, chunk = data[position + 6], data[position + 7 : position + 4 + size]
    parts: list[bytes] = []
    following = position + 4 + size
    while True:
        width = 2 if flags & 1 else 1
        taken = min(left, len(chunk) // width)
        part = chunk[: taken * width]
        parts.append(part if width == 2 else part.decode("latin-1").encode("utf-16-le"))
        left -= taken
        if left == 0:
            return b"".join(parts).decode("utf-16-le", errors="replace")
        if following + 5 > end:
            return None
        kind, size = _HEADER.unpack_from(data, following)
        if kind != _CONTINUE or size < 1 or following + 4 + size > end:
            return None
        flags, chunk = data[following + 4], data[following + 5 : following + 4 + size]
        following += 4 + size
