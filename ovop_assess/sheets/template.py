"""The empty firm workbook an office fills in (``ovop-assess init --firms-sheet``), written with xlsxwriter.

The first sheet has the Indonesian headers the reader knows, drop-downs for
the role and the yes/no column (so the words typed are ones the reader
accepts), and the NIB column formatted as text before anything is typed
(a NIB typed into a number cell loses its leading zeros at once). The second
sheet explains every column in Bahasa Indonesia and English.
"""

from __future__ import annotations

import os
from typing import Final, Literal

from .columns import FIELDS, HEADERS_ID

ROWS: Final = 1000
"""Rows prepared with the drop-downs and the text format."""

SHEET_NAMES: Final = {"id": ("Daftar Usaha", "Petunjuk"), "en": ("Daftar Usaha", "Petunjuk (Guide)")}

EXPLAIN: Final[dict[str, tuple[str, str]]] = {
    "name": (
        "Nama usaha (UMKM). Wajib; setiap nama hanya boleh muncul sekali.",
        "The firm's (UMKM's) name. Required; each name may appear only once.",
    ),
    "role": (
        "Wajib. penggerak = usaha utama yang menggerakkan sentra; binaan = usaha yang dibina "
        "oleh penggerak; anggota = usaha lain dalam sentra.",
        "Required. penggerak = champion, the main firm driving the sentra; binaan = mentee, "
        "coached by a champion; anggota = member, any other firm of the sentra.",
    ),
    "category": (
        "Jenis produk usaha (misalnya batik). Kosongkan jika sama dengan produk sentra.",
        "The kind of product (e.g. batik). Leave empty when it is the sentra's product.",
    ),
    "mentor": (
        "Untuk usaha binaan: Nama Usaha penggeraknya, ditulis sama persis. Boleh kosong jika hanya ada satu penggerak.",
        "For a mentee: the Nama Usaha of its champion, spelled exactly the same. May be left "
        "empty when there is only one champion.",
    ),
    "willing_to_lead": (
        "Untuk penggerak: Ya jika usaha telah menyatakan bersedia menggerakkan komunitas, Tidak jika tidak.",
        "For a champion: Ya (yes) when it has stated it will drive the community, Tidak (no) otherwise.",
    ),
    "monthly_capacity": (
        "Jumlah unit produksi per bulan, sebagai angka tanpa pemisah ribuan (1500, bukan 1.500).",
        "Production units per month, as a number without thousands separators (1500, not 1.500).",
    ),
    "nib": (
        "Nomor Induk Berusaha: tepat 13 angka. Kolom ini berformat Teks agar angka nol di depan tidak hilang; "
        "jangan ubah formatnya.",
        "Nomor Induk Berusaha (business ID): exactly 13 digits. The column is formatted as Text so leading "
        "zeros stay; do not change its format.",
    ),
    "workers": (
        "Jumlah tenaga kerja (bilangan bulat, 0 atau lebih).",
        "Number of workers (a whole number, 0 or more).",
    ),
}

ROLE_CHOICES: Final = ("penggerak", "binaan", "anggota")
YES_NO_CHOICES: Final = ("Ya", "Tidak")


def write_firms_template(path: str | os.PathLike[str], lang: Literal["en", "id"] = "id") -> None:
    """Write the empty firm workbook to ``path`` (``.xlsx``); ``lang`` orders the guide's languages."""
    import xlsxwriter  # type: ignore[import-untyped]  # only when a workbook is written; it ships no types

    list_name, guide_name = SHEET_NAMES[lang]
    book = xlsxwriter.Workbook(os.fspath(path))
    try:
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
        text = book.add_format({"num_format": 49})  # Excel's built-in "Text" format (@)
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        sheet = book.add_worksheet(list_name)
        for column, field in enumerate(FIELDS):
            sheet.write_string(0, column, HEADERS_ID[field], bold)
            width = max(14, len(HEADERS_ID[field]) + 2)
            sheet.set_column(column, column, 16 if field == "nib" else width, text if field == "nib" else None)
        role, yes_no = FIELDS.index("role"), FIELDS.index("willing_to_lead")
        for column, choices in ((role, ROLE_CHOICES), (yes_no, YES_NO_CHOICES)):
            sheet.data_validation(
                1,
                column,
                ROWS,
                column,
                {
                    "validate": "list",
                    "source": list(choices),
                    "error_title": HEADERS_ID[FIELDS[column]],
                    "error_message": " / ".join(choices),
                },
            )
        sheet.freeze_panes(1, 0)

        guide = book.add_worksheet(guide_name)
        heads = ("Kolom", "Kunci YAML / YAML key", "Penjelasan", "Explanation")
        if lang == "en":
            heads = ("Kolom (column)", "YAML key", "Explanation", "Penjelasan")
        for column, head in enumerate(heads):
            guide.write_string(0, column, head, bold)
        for row, field in enumerate(FIELDS, start=1):
            indonesian, english = EXPLAIN[field]
            first, second = (english, indonesian) if lang == "en" else (indonesian, english)
            guide.write_row(row, 0, (HEADERS_ID[field], field, first, second), wrap)
        guide.set_column(0, 1, 26)
        guide.set_column(2, 3, 60)
    finally:
        book.close()
