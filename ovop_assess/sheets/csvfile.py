"""A CSV file as rows of text cells: UTF-8 with or without a BOM, ``,``, ``;`` or tab separated.

Excel in an Indonesian locale writes ``;`` between fields (the comma is the
decimal mark there), in English ``,``; the separator is the one of these the
header line uses most, outside quotes. Excel's own ``sep=;`` first line is
honoured. Any encoding other than UTF-8 (Excel's plain "CSV" is Windows-1252,
its "Unicode text" UTF-16) is refused with how to save it as UTF-8: guessing
an 8-bit encoding would silently change letters in names.
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
from collections.abc import Sequence
from typing import NamedTuple, overload

from ..results import Finding, Location, Message
from .limits import SheetLimits, SheetRefused, counted

_SEPARATORS = (";", ",", "\t")


def _refuse(key: str, where: Location, **values: object) -> SheetRefused:
    return SheetRefused((Finding(Message(key, values), where),))


def _too_many(key: str, **values: object) -> SheetRefused:
    """A row or cell limit's refusal, with how a CSV file's rows and cells are counted."""
    return _refuse(key, Location("", None, None), **values, counted=counted(".csv"))


def decode(raw: bytes) -> str:
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):  # a zip (.xlsx, .ods) or an .xls
        raise _refuse("sheet.csv_is_workbook", Location("", None, None))
    head = raw[:4096]
    # UTF-16 or UTF-32 (Excel's "Unicode text"): a zero byte beside most letters of a Latin text.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or head.count(0) * 4 > len(head):
        raise _refuse("sheet.csv_not_utf8", Location("", 1, 1))
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        # Decoded from a view past the BOM: raw[3:] would copy the file first (0.5 ms for a megabyte).
        text = str(memoryview(raw)[start:], "utf-8")
    except UnicodeDecodeError as exc:
        at = start + exc.start
        # Lines as the reader counts them: LF, CRLF and a lone CR (Excel for Mac's "CSV (Macintosh)").
        line = raw.count(b"\n", start, at) + raw.count(b"\r", start, at) - raw.count(b"\r\n", start, at) + 1
        # The text around the byte as the office sees it: Windows-1252 is what Excel's plain "CSV" writes (one
        # byte, one letter), and the letter is the one to look for (a name's é, a curly quote pasted from a letter).
        first = max(raw.rfind(b"\n", start, at) + 1, raw.rfind(b"\r", start, at) + 1, at - 30)
        ends = [found for found in (raw.find(b"\n", at, at + 10), raw.find(b"\r", at, at + 10)) if found >= 0]
        shown = raw[first : min(ends, default=at + 10)].decode("cp1252", "replace")
        said = {"line": line, "text": " ".join(shown.split())}
        raise _refuse("sheet.csv_not_utf8_at", Location("", line, None), **said) from None
    nul = text.find("\x00")
    if nul >= 0:  # valid UTF-8 with a zero byte: no text file an office writes holds one
        raise _refuse("sheet.csv_nul", Location("", None, None), line=text.count("\n", 0, nul) + 1)
    return text


def separator(line: str) -> str:
    """The separator the header line uses most outside quotes (``,`` when it has none)."""
    counts = dict.fromkeys(_SEPARATORS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


class CsvTable(NamedTuple):
    """A CSV file's header row and the rows below it, given column by column."""

    header: Sequence[str]
    columns: Sequence[Sequence[str]]  # columns[i]: the cells of column i below the header; short rows padded
    height: int  # rows below the header


def csv_table(raw: bytes, limits: SheetLimits) -> CsvTable:
    """The file's cells, header first (Excel hides a ``sep=`` line, so the header stays row 1).

    A file whose every line has the same number of fields (the usual
    export), its quotes if any each around a whole field, is cut into
    columns straight from its text: one split of the whole text and one
    slice per column, no list per row.
    """
    rows = csv_rows(raw, limits)
    if isinstance(rows, CsvTable):
        return rows
    body = rows[1:]
    if body and min(map(len, body)) == max(map(len, body)):
        return CsvTable(rows[0], list(zip(*body, strict=True)), len(body))
    return CsvTable(rows[0] if rows else [], list(itertools.zip_longest(*body, fillvalue="")), len(body))


def csv_rows(raw: bytes, limits: SheetLimits) -> list[list[str]] | CsvTable:
    """The rows of the file, header first, as ``csv.reader`` gives them (or already as columns)."""
    text = decode(raw)
    first_end = text.find("\n")
    first = (text if first_end < 0 else text[:first_end]).rstrip("\r")
    if first.lower().startswith("sep=") and len(first) == 5:
        sep = first[4]
        text = text[first_end + 1 :] if first_end >= 0 else ""
    else:
        sep = separator(first)
    split = _split_rows(text, sep, limits)
    if split is not None:
        return split
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[list[str]] = []
    cells = 0
    try:
        # A thousand rows at a time, read in C: the limits are checked as they are reached,
        # so a file of nothing but separators never holds more than max_cells cells (plus one chunk).
        while chunk := list(itertools.islice(reader, _CHUNK)):
            rows += chunk
            cells += sum(map(len, chunk))
            if len(rows) > limits.max_rows:
                raise _too_many("sheet.too_many_rows", rows=f"{limits.max_rows}+", limit=limits.max_rows)
            if cells > limits.max_cells:
                raise _too_many("sheet.too_many_cells", cells=f"{limits.max_cells}+", limit=limits.max_cells)
    except csv.Error:
        # With newline="" and no NUL (refused above), the lenient reader fails only on a field over its limit.
        reason = Message("sheet.reason.csv_field_too_long", {"limit": csv.field_size_limit()})
        raise _refuse("sheet.csv_unreadable", Location("", reader.line_num, None), reason=reason) from None
    _refuse_open_quote(rows, text, sep)
    return rows


def _refuse_open_quote(rows: list[list[str]], text: str, sep: str) -> None:
    """Refuse a quote never closed: the lenient reader would make the rest of the file its last cell.

    Only a last cell holding a line break can be one; the strict reader then tells
    (read again only then, so an ordinary file costs nothing).
    """
    last = rows[-1][-1] if rows and rows[-1] else ""
    if "\n" not in last and "\r" not in last:
        return
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True):
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):  # CPython's words for the end of the file inside quotes
            raise _refuse("sheet.csv_open_quote", Location("", len(rows), len(rows[-1]))) from None


_CHUNK = 1000


def _split_rows(text: str, sep: str, limits: SheetLimits) -> list[list[str]] | CsvTable | None:
    """The rows ``csv.reader`` would give, by splitting, for a file whose records are its lines.

    A line without a quote is a record whose fields lie between separators,
    so ``str.split`` gives ``csv.reader``'s row exactly. Quoted fields (a
    name holding the separator, an address holding a comma) are first taken
    out of their quotes all at once (:func:`_unquoted`), the separators
    between fields then NUL if a quoted one holds one. When every record has as
    many fields, one split of the whole text gives the columns, with no
    string and no list per row (:func:`_columns_at_once`); otherwise the
    lines are cut one by one, their counts checked before a cell is cut.
    Anything else goes to ``csv.reader`` (None): a quote the reader would
    read otherwise than as a whole field's, a field spanning lines, a NUL, a
    lone CR (the reader ends a record there), CRLF and LF line ends in one
    file, a line longer than the reader's field limit (it refuses it). A
    file past ``max_rows`` or ``max_cells`` is refused whichever way it is
    cut, with the same counts.
    """
    if "\x00" in text:
        return None
    if '"' in text:
        unquoted = _unquoted(text, sep)
        if unquoted is None:
            return None
        text, sep = unquoted
    crlf = "\r" in text
    if text and (table := _columns_at_once(text, sep, crlf, limits)) is not None:
        return table
    lines = text.split("\r\n") if crlf else text.split("\n")
    if crlf and not text.count("\r") == text.count("\n") == len(lines) - 1:
        return None  # line ends of both kinds, or a lone CR: a CR or LF outside the CRLF pairs split on
    if lines[-1] == "":
        lines.pop()  # the file's last line break ends its last record
    if lines and max(map(len, lines)) > csv.field_size_limit():
        return None
    if len(lines) > limits.max_rows:
        raise _too_many("sheet.too_many_rows", rows=len(lines), limit=limits.max_rows)
    blank = lines.count("")  # csv.reader gives an empty line as a row of no cells
    separators = set(map(str.count, lines, itertools.repeat(sep))) if not blank else set()
    if len(separators) == 1:
        width = next(iter(separators)) + 1
        cells = width * len(lines)
    else:  # every separator in a line adds a cell to the line's first
        cells = sum(map(str.count, lines, itertools.repeat(sep))) + len(lines) - blank
    if cells > limits.max_cells:
        raise _too_many("sheet.too_many_cells", cells=cells, limit=limits.max_cells)
    if len(separators) == 1:
        flat = sep.join(lines).split(sep)
        header, columns = flat[:width], [flat[width + i :: width] for i in range(width)]
        return CsvTable(header, columns, len(lines) - 1)
    return [line.split(sep) if line else [] for line in lines]


def _columns_at_once(text: str, sep: str, crlf: bool, limits: SheetLimits) -> CsvTable | None:
    """The columns of a text whose every line has as many fields as its first (two or more), cut by one
    split of the whole text; None for any other text, which :func:`_split_rows` then cuts line by line.

    Each LF is made a field of its own (``;\\n;``) before the split, so the
    cells come with a ``"\\n"`` after each line's last: every line is as
    wide as the first when those fall every width + 1 cells and are all of
    the text's line breaks (a blank line is one field wide). No string and
    no count per line: 1.5 ms less for 10,000 lines than cutting the lines
    first. In a CRLF file the CR stays at the end of each line's last cell
    and is taken off when that column is asked for: replacing the two
    characters ``\\r\\n`` costs four times replacing ``\\n`` (1.9 ms against
    0.5 for a megabyte). The split stops at twice ``max_cells`` pieces, so a
    file of nothing but separators is never cut whole (the line-by-line way
    then counts and refuses it).
    """
    first = text.find("\n")
    width = text.count(sep, 0, len(text) if first < 0 else first) + 1
    if width < 2 or not _lines_within(text, csv.field_size_limit()):
        return None
    marked = text.replace("\n", f"{sep}\n{sep}")
    breaks_in_text = (len(marked) - len(text)) // 2  # each LF made two characters longer
    most = 2 * limits.max_cells  # a text within the limits splits into at most 1.5 times as many pieces
    flat = marked.split(sep, most)
    if len(flat) > most:
        return None
    ends = text.endswith("\n")
    if ends:
        del flat[-2:]  # the last line break's field and the empty one after it
    lines, rest = divmod(len(flat) + 1, width + 1)
    breaks = flat[width :: width + 1]
    if rest or breaks.count("\n") != len(breaks) or breaks_in_text != len(breaks) + ends:
        return None  # a line of another width
    if crlf:
        # Every line break a CRLF and no CR elsewhere: as many CRs as LFs, and each line's last cell
        # before an LF ending in one (asked of that column joined with LFs, a fifth of the text).
        last = flat[width - 1 :: width + 1][:breaks_in_text]
        if text.count("\r") != breaks_in_text or ("\n".join(last) + "\n").count("\r\n") != breaks_in_text:
            return None
    if lines > limits.max_rows:
        raise _too_many("sheet.too_many_rows", rows=lines, limit=limits.max_rows)
    if width * lines > limits.max_cells:
        raise _too_many("sheet.too_many_cells", cells=width * lines, limit=limits.max_cells)
    header = flat[:width]
    if crlf:
        header[-1] = header[-1].rstrip("\r")
    return CsvTable(header, _Cut(flat, width, crlf), lines - 1)


class _Cut(Sequence[Sequence[str]]):
    """The columns of a text cut at once, below its header: column ``i`` is every ``width + 1``-th
    cell of ``flat`` from the ``width + 1 + i``-th, sliced when asked for (a column no firm field
    names is never copied); ``cr``: the last column's cells end in the CR of a CRLF, taken off then.
    """

    __slots__ = ("_cr", "_flat", "_width")

    def __init__(self, flat: list[str], width: int, cr: bool) -> None:
        self._flat, self._width, self._cr = flat, width, cr

    def __len__(self) -> int:
        return self._width

    @overload
    def __getitem__(self, index: int) -> Sequence[str]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Sequence[str]]: ...

    def __getitem__(self, index: int | slice) -> Sequence[str] | Sequence[Sequence[str]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._width))]
        if not -self._width <= index < self._width:
            raise IndexError(index)
        index %= self._width
        cells = self._flat[self._width + 1 + index :: self._width + 1]
        if self._cr and index == self._width - 1:
            return list(map(str.rstrip, cells, itertools.repeat("\r")))  # one CR each, and no other
        return cells


def _lines_within(text: str, limit: int) -> bool:
    """Whether no line of the text is longer than ``limit`` (False also when unsure): every stretch of
    ``limit // 2`` characters from the start holds a line break, so no line holds one of them whole.

    A few calls for any file (16 for a megabyte), against a count per line.
    """
    step = limit // 2
    return all(text.find("\n", start, start + step) >= 0 for start in range(0, len(text) - step + 1, step))


def _unquoted(text: str, sep: str) -> tuple[str, str] | None:
    """The text with each quoted field's quotes taken off, and its separator: NUL (which no file read
    here holds) in place of the separators outside quotes when a quoted field holds one; None unless
    ``csv.reader`` reads every quote as opening or closing a whole field.

    That is: a quote opens a field (at the start of the text, or after a
    separator or a line break) and the next one closes it (before a
    separator, a line break or the end), with no line break between them;
    no doubled quote (``""`` inside a field, or an empty quoted field: a
    line of ``""`` alone is one empty cell, not an empty line). Tested on
    the pieces between quotes at once, in C.
    """
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        return None  # a quote never closed
    inside = pieces[1::2]
    between = pieces[0::2]
    if "" in inside:
        return None
    quoted = "".join(inside)
    if "\n" in quoted or "\r" in quoted:
        return None
    opening, closing = sep + "\n", sep + "\n\r"  # what may come before an opening quote, after a closing one
    if between[0] and between[0][-1] not in opening:
        return None
    if between[-1] and between[-1][0] not in closing:
        return None
    middle = between[1:-1]
    if "" in middle:
        return None  # a doubled quote
    # The first and last character of every piece between two quoted fields, gathered in C.
    if "".join(map(operator.itemgetter(0), middle)).strip(closing):
        return None
    if "".join(map(operator.itemgetter(-1), middle)).strip(opening):
        return None
    if sep not in quoted:
        return "".join(pieces), sep
    pieces[0::2] = map(str.replace, between, itertools.repeat(sep), itertools.repeat("\x00"))
    return "".join(pieces), "\x00"
