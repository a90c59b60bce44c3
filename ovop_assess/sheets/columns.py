"""The firm columns of a sheet: header names in English and Indonesian, and each cell's value as YAML would give it.

Spreadsheets type values differently from YAML: a number cell where text is
meant (a NIB), text where a number is meant (everything in a CSV file), ``Ya``
where YAML has ``true``. Each cell is turned into the value a ``firms[]``
entry holds, so the region format's own validation runs on it unchanged; a
cell that cannot be turned gets its own message and is left out of the firm,
so the same mistake is not reported twice.

Decisions (documented for offices):

- yes/no: ``Ya``/``Tidak``, ``Y``/``T``, ``yes``/``no``, ``true``/``false``
  and boolean cells, in any case. ``T`` is *Tidak* (no), as Indonesian
  forms use it, never *true*.
- role: the format's words (``champion``/``mentee``/``member``) or the
  Indonesian ones the template offers (``penggerak``/``binaan``/``anggota``),
  in any case.
- numbers in text cells: ``1500``, ``1500.5`` and the decimal comma
  ``1500,5`` are read; ``1.500`` or ``1,500`` (a thousands separator) is an
  error that gives the number without separators, because the same text
  reads as 1.5 in another locale and a factor of 1000 must not be guessed.
- a number with a unit word (``5 orang``, ``1.500 pcs/bulan``: the tool's
  own list of units), with ``Rp`` or with ``juta``/``ribu`` is refused
  too, never read: the message gives the number alone to type. Anything
  less plain (``5-6 orang``, ``sekitar 5``) is only "expected a number".
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from typing import Any, Final, NamedTuple

from ..results import Message

FIELDS: Final[tuple[str, ...]] = (
    "name",
    "role",
    "category",
    "mentor",
    "willing_to_lead",
    "monthly_capacity",
    "nib",
    "workers",
)
"""The keys of ``firms[]``, in the order the template and the YAML list use."""

HEADERS_ID: Final[dict[str, str]] = {
    "name": "Nama Usaha",
    "role": "Peran",
    "category": "Kategori",
    "mentor": "Pembina",
    "willing_to_lead": "Bersedia Menjadi Penggerak",
    "monthly_capacity": "Kapasitas per Bulan",
    "nib": "NIB",
    "workers": "Tenaga Kerja",
}

REQUIRED: Final[tuple[str, ...]] = ("name", "role")

ROLE_WORDS: Final[dict[str, str]] = {
    "champion": "champion",
    "mentee": "mentee",
    "member": "member",
    "penggerak": "champion",
    "binaan": "mentee",
    "anggota": "member",
}
PERAN: Final[dict[str, str]] = {"champion": "penggerak", "mentee": "binaan", "member": "anggota"}
"""Each role as the template's Peran list writes it (what an office's sheet most likely shows)."""
YES_WORDS: Final = frozenset({"ya", "iya", "y", "yes", "true", "benar"})
NO_WORDS: Final = frozenset({"tidak", "tdk", "t", "no", "n", "false", "salah"})  # (Tdk: as offices shorten it)


def header_key(text: str) -> str:
    """A header as compared: lower case, runs of spaces and underscores as one space."""
    return " ".join(text.replace("_", " ").split()).casefold()


_BY_HEADER: Final[dict[str, str]] = {
    **{header_key(field): field for field in FIELDS},
    **{header_key(header): field for field, header in HEADERS_ID.items()},
}


def field_of(header: object) -> str | None:
    """The ``firms[]`` key a header cell names, or None."""
    return _BY_HEADER.get(header_key(header)) if isinstance(header, str) else None


# A bracket's text holds no bracket of its kind, so each try stops at the next "(" (linear: "(.*?)" went on to
# the text's end for each "(" of a header of 300,000, and took minutes).
_DECORATION = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|[*:.#?!/\\-]+|\d+")
_LONGEST_NEAR = 1000
"""A header longer than this is no known header with marks around it (an office's template may put a sentence of
instructions in brackets after the name: kept); past it, not looked at."""


# Headers Indonesian offices give these columns in their own lists (the tool's own collection, for the warning
# only: "Produk" or "Jumlah" may mean something else in another list, so none is ever read as the field).
_OFFICE_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("nama umkm", "nama ikm", "nama ukm", "nama perusahaan", "nama unit usaha", "nama pelaku usaha"), "name"
    ),
    **dict.fromkeys(("nama", "usaha", "umkm", "ikm", "nama pemilik usaha"), "name"),
    **dict.fromkeys(("jenis produk", "jenis usaha", "kategori produk", "produk", "komoditas", "jenis"), "category"),
    **dict.fromkeys(
        ("kapasitas", "kapasitas bulan", "kapasitas produksi", "kapasitas produksi bulan"), "monthly_capacity"
    ),
    **dict.fromkeys(
        ("kapasitas produksi per bulan", "kapasitas per bulan pcs", "produksi per bulan"), "monthly_capacity"
    ),
    **dict.fromkeys(("jumlah tenaga kerja", "jumlah tk", "tk", "jml tk", "jumlah pekerja", "pekerja"), "workers"),
    **dict.fromkeys(("nomor induk berusaha", "no nib", "nomor nib"), "nib"),
    **dict.fromkeys(("pendamping", "binaan dari", "dibina oleh", "nama pembina"), "mentor"),
    **dict.fromkeys(("status", "kedudukan", "peran umkm", "peran usaha"), "role"),
}


def near_header(header: object) -> str | None:
    """The firm list's header that a header the list does not know seems meant for, or None: the same once
    what is in brackets, marks and digits are taken away (``NIB (13 digit)``, ``Peran*``), a header offices
    give that column in their own lists (``Nama UMKM``, ``Kapasitas/Bulan``, ``Jumlah TK``), or a header of
    the list within a letter or two (``Nama Usah``, ``Pembna``). The tool's own reading, for a warning only:
    such a column is never read as that field.
    """
    if not isinstance(header, str) or len(header) > _LONGEST_NEAR or field_of(header) is not None:
        return None
    bare = header_key(_DECORATION.sub(" ", header))
    field = _BY_HEADER.get(bare) or _OFFICE_WORDS.get(bare) or _OFFICE_WORDS.get(bare.replace(" per ", " "))
    if field is None:
        from difflib import get_close_matches  # only for a header the list does not know

        close = get_close_matches(header_key(header), list(_BY_HEADER), n=1, cutoff=0.85)
        field = _BY_HEADER[close[0]] if close else None
    return HEADERS_ID[field] if field is not None else None


class Rejected(NamedTuple):
    """A cell the reader cannot turn into a value: why (the message goes to that cell)."""

    message: Message


def _note(key: str, **values: Any) -> Message:
    return Message(key, values)


def one_line(text: str, most: int = 40) -> str:
    """A cell's text on one line for a message, shortened to ``most`` characters: line breaks and runs of spaces
    read as one space (a header is a cell, and a cell may hold a page)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"


def shown(value: object) -> str:
    """A cell's value as the office sees it: ``812000000000`` rather than ``812000000000.0``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def decimal_cell(value: float) -> dict[str, str]:
    """A number cell's decimal as a spreadsheet shows it in each language (a message value given in both):
    2.5, or 2,5 in Indonesian."""
    written = shown(value)
    return {"en": written, "id": written.replace(".", ",")}


DASHES: Final = frozenset(
    {"-", "--", "---", "\u2010", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uff0d"}  # hyphen to minus
)
"""What offices type for "none" in a cell (a hyphen, an en or em dash): refused with its own fix, not read as a
name, a number's error or a NIB's."""


def _dash(text: str) -> Rejected:
    return Rejected(_note("sheet.dash_for_none", value=text))


def _text(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        return _dash(text) if text in DASHES else text or None
    if isinstance(value, bool):
        return value  # left for the region validation: "expected text"
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        # What the office typed (a name such as 1-3, a mentor's initials) the spreadsheet made a date: its text
        # now would be the date's, not what was typed.
        return Rejected(_note("sheet.date_for_text", value=shown(value)))
    if isinstance(value, int | float):  # the digits typed, kept as the text they were (a number of a name)
        return shown(value)
    return value


def _role(value: object) -> object:
    found = _text(value)
    if isinstance(found, str):
        return ROLE_WORDS.get(found.casefold(), found)
    return found


def _yes_no(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().casefold()
        if not word:
            return None
        if word in DASHES:
            return _dash(word)
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
    return Rejected(_note("sheet.not_yes_no", value=shown(value)))


_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_THOUSANDS = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*(?:(?!\1)[.,][0-9]+)?")
_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+")


def _number_from_text(text: str, whole: bool = False) -> float | Rejected | None:
    text = text.strip()
    if not text:
        return None
    if text in DASHES:
        return _dash(text)
    if _THOUSANDS.fullmatch(text):
        sep = next(char for char in text if char in ".,")  # the first separator groups thousands
        decimal = "," if sep == "." else "."
        plain = text.replace(sep, "").replace(decimal, ".")
        # Written in the reader's decimal mark: Indonesian Excel reads 1500,5 (as the tool does), English 1500.5.
        written = {"en": plain, "id": plain.replace(".", ",")}
        return Rejected(_note("sheet.thousands_separator", value=text, plain=written))
    if _PLAIN_NUMBER.fullmatch(text):
        return float(text.replace(",", "."))
    return Rejected(_number_hint(text, whole) or _note("sheet.not_a_number", value=shown(text)))


# What offices write after a count or a capacity (the tool's own list): a number followed by one of these is
# refused with the number alone to type. A word not in it (``5-6 orang``, ``sekitar 5``) gets no suggestion.
_UNIT_WORDS: Final = frozenset(
    {"orang", "org", "unit", "pcs", "pc", "buah", "bh", "kodi", "lusin", "lembar", "lbr", "potong", "pasang"}
    | {"set", "biji", "kg", "ton", "liter", "meter", "botol", "bungkus", "pack", "ekor"}
)
_PER_MONTH = r"(?:/\s*|per\s+)(?:bulan|bln)\.?"
_WITH_UNIT = re.compile(rf"([+-]?[0-9][0-9.,]*)\s*(?:([A-Za-z]+)\.?\s*(?:{_PER_MONTH})?|{_PER_MONTH})")
_LONGEST_SUGGESTED = 30
"""Characters of a number given back to type: past them (no count or capacity is so long), no suggestion."""
_MONEY_WORD = re.compile(r"(?i)\s*rp|.*[0-9]\s*(?:ribu|rb|juta|jt|miliar|milyar)\.?\Z")


def _number_hint(text: str, whole: bool) -> Message | None:
    """The refusal of a text that is a number with Rp, a word of thousands or millions, or a unit word
    (``Rp 1.500``, ``1,5 juta``, ``5 orang``, ``1.500 pcs/bulan``), with the number alone to type; None for
    any other text, and for a fraction where a whole number is wanted (``whole``: ``2,5 orang``). Never a
    value: the cell stays refused, whatever the suggestion."""
    if _MONEY_WORD.match(text):
        from ..value_hints import whole_rupiah  # (only for such a cell: it loads the YAML reader's modules)

        amount = whole_rupiah(text, money=False)
        if amount is None:
            return None
        said = "sheet.number_rupiah" if text[:2].casefold() == "rp" else "sheet.number_words"
        return _note(said, value=shown(text), plain=amount)
    found = _WITH_UNIT.fullmatch(text)
    if found is None or (found[2] is not None and found[2].casefold() not in _UNIT_WORDS):
        return None
    number = found[1]
    if len(number) > _LONGEST_SUGGESTED:
        return None
    if _THOUSANDS.fullmatch(number):  # 1.500 unit: thousands grouped, as the plain 1.500 is read
        sep = next(char for char in number if char in ".,")
        plain = number.replace(sep, "").replace("," if sep == "." else ".", ".")
    elif _PLAIN_NUMBER.fullmatch(number):
        plain = number.replace(",", ".")
    else:
        return None
    if whole and "." in plain:
        return None
    unit = " ".join(text[found.end(1) :].split())
    return _note(
        "sheet.number_with_unit", value=shown(text), plain={"en": plain, "id": plain.replace(".", ",")}, unit=unit
    )


def _quantity(value: object, whole: bool = False) -> object:
    if isinstance(value, bool):
        return value  # left for the region validation: "expected a number"
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return _number_from_text(value, whole)
    return Rejected(_note("sheet.not_a_number", value=shown(value)))


MAX_DIGITS: Final = 4300
"""Digits of a number read as is by ``int()``/``float()``: ``int()`` refuses more (Python's default limit);
a longer run of digits is read as a float, infinite, which the model refuses."""


def _count(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
            return int(text)  # exactly as written: a float would round a count of 17 digits and more
    found = _quantity(value, whole=True)
    if isinstance(found, float):
        if found.is_integer():
            return int(found)
        if math.isfinite(found):  # 2,5 workers: said with the cell's own text, which the float would lose
            if isinstance(value, float):  # a number cell: shown as the sheet shows it, 2,5 in Indonesian
                return Rejected(_note("sheet.not_whole_number", value=decimal_cell(value)))
            return Rejected(
                _note("sheet.not_whole_number", value=shown(value.strip() if isinstance(value, str) else value))
            )
    return found  # (a run of digits past MAX_DIGITS is infinite: the region validation refuses it)


NIB_DIGITS: Final = 13


def _nib(value: object) -> object:
    if isinstance(value, bool):
        return value  # left for the region validation: "expected text"
    if isinstance(value, int | float):
        said = shown(value)
        if said.isdigit() and len(said) == NIB_DIGITS - 1:  # as in a CSV file: the 0 a number cell dropped
            return Rejected(_note("sheet.nib_number_lost_zero", value=said))
        return Rejected(_note("sheet.nib_number", value=said))
    text = value.strip() if isinstance(value, str) else _text(value)
    if not isinstance(text, str):
        return text
    if not text:
        return None
    if text in DASHES:
        return _dash(text)
    bare = text[1:]
    if text[0] == "'" and len(bare) == NIB_DIGITS and bare.isascii() and bare.isdigit():
        # The apostrophe a spreadsheet takes as "keep as text", written into a CSV file as a character.
        return Rejected(_note("sheet.nib_apostrophe", value=text, nib=bare))
    if _SCIENTIFIC.fullmatch(text):
        return Rejected(_note("sheet.nib_scientific", value=text))
    if len(text) == NIB_DIGITS and text.isascii() and text.isdigit():
        return text
    # Said here in the sheet's words (the value, the cell's format), not as the YAML advice to quote it.
    if text.isascii() and text.isdigit():
        if len(text) == NIB_DIGITS - 1 and text[0] != "0":  # (one that kept its 0 lost another digit)
            return Rejected(_note("sheet.nib_lost_zero", value=text))
        return Rejected(_note("sheet.nib_length", value=shown(text), count=len(text)))
    digits = "".join(_NIB_SEPARATORS.split(text))
    if len(digits) == NIB_DIGITS and digits.isascii() and digits.isdigit():  # 0220-0012-34567: the digits are there
        return Rejected(_note("sheet.nib_separated", value=shown(text), nib=digits))
    return Rejected(_note("sheet.nib_format", value=shown(text)))


# What people group a NIB's digits with when they type it as text: spaces, dots, slashes, and the dashes offices
# type (:data:`DASHES`: hyphen to minus).
_NIB_SEPARATORS: Final = re.compile("[\\s./" + re.escape("".join(sorted(d for d in DASHES if len(d) == 1))) + "]+")


CONVERT: Final[dict[str, Callable[[object], object]]] = {
    "name": _text,
    "role": _role,
    "category": _text,
    "mentor": _text,
    "willing_to_lead": _yes_no,
    "monthly_capacity": _quantity,
    "nib": _nib,
    "workers": _count,
}
"""Per field: a cell's value (never empty) to the YAML value, None for "no value", or :class:`Rejected`."""


def column_letters(index: int) -> str:
    """0 -> ``A``, 27 -> ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """The A1 name of a cell from its 1-based row and column: ``cell_name(12, 3) == "C12"``."""
    return f"{column_letters(column - 1)}{row}"
