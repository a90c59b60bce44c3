#!/usr/bin/env python3
"""Write the firm spreadsheets of the shipped examples, as Indonesian offices keep them.

    .venv/bin/python scripts/make_example_firm_sheets.py [--check]

- ``examples/regions/bayat-pottery-firms.xlsx`` (read by
  ``examples/regions/bayat-pottery.yaml``): the sheet ``Daftar UMKM`` with the
  Indonesian headers, the NIB column as text, ``Ya``/``Tidak``, and the
  columns an office keeps beside the firms (``Alamat``, ``No. HP``), which the
  reader ignores with one warning; a hidden ``Catatan`` sheet before it.
- ``examples/regions/rajapolah-weaving-firms.csv`` (read by
  ``examples/regions/rajapolah-weaving.yaml``): the same kind of list saved by
  Excel in an Indonesian locale: ``;`` between fields, UTF-8 with a BOM,
  CRLF line ends, a decimal comma, an empty row in the middle.

Every firm, NIB, address and number in them is invented (illustrative). The
same run always gives the same bytes (the workbook's creation date is fixed),
so the committed files are this script's output; ``--check`` exits 1 when
they differ from it.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
XLSX = ROOT / "examples" / "regions" / "bayat-pottery-firms.xlsx"
CSV = ROOT / "examples" / "regions" / "rajapolah-weaving-firms.csv"

XLSX_HEADERS = ["No", "Nama Usaha", "Peran", "Pembina", "Bersedia Menjadi Penggerak", "Kapasitas per Bulan",
                "NIB", "Tenaga Kerja", "Alamat", "No. HP"]  # fmt: skip

# (name, role, mentor, willing, capacity, workers); every firm is illustrative.
BAYAT = [
    ("Gerabah Melikan Jaya", "penggerak", "", "Ya", 1200, 14),
    ("Keramik Putaran Miring", "binaan", "Gerabah Melikan Jaya", "", 300, 4),
    ("Gerabah Sri Rejeki", "binaan", "Gerabah Melikan Jaya", "", 250, 3),
    ("Keramik Wedi Indah", "binaan", "Gerabah Melikan Jaya", "", 220, 3),
    ("Gerabah Pagerjurang", "binaan", "Gerabah Melikan Jaya", "", 200, 2),
    ("Keramik Bayat Asri", "anggota", "", "", 400, 6),
    ("Gerabah Tembok", "anggota", "", "", 150, 2),
    ("Keramik Gunung Jabalkat", "anggota", "", "", 180, 3),
    ("Gerabah Sumber Rezeki", "anggota", "", "", 120, 2),
    ("Keramik Lintang", "anggota", "", "", 160, 2),
    ("Gerabah Karya Mandiri", "anggota", "", "Tidak", 500, 7),
    ("Keramik Tanah Liat Melikan", "anggota", "", "", 140, 2),
]

CSV_HEADERS = ["Nama Usaha", "Peran", "Pembina", "Bersedia Menjadi Penggerak", "Kapasitas per Bulan", "NIB",
               "Alamat"]  # fmt: skip

# (name, role, mentor, willing, capacity as an office types it); every firm is illustrative.
RAJAPOLAH = [
    ("Anyaman Mendong Rajapolah", "Penggerak", "", "ya", "2500"),
    ("Kerajinan Pandan Sukaraja", "Binaan", "Anyaman Mendong Rajapolah", "", "400"),
    ("Anyaman Tikar Dewi", "Binaan", "Anyaman Mendong Rajapolah", "", "350,5"),
    ("Tas Mendong Kawitan", "Binaan", "Anyaman Mendong Rajapolah", "", "300"),
    None,  # an empty row, as offices leave between groups: skipped
    ("Anyaman Sinar Rajapolah", "Anggota", "", "", "600"),
    ("Kerajinan Mendong Manggungjaya", "Anggota", "", "", "450"),
    ("Anyaman Pandan Asih", "Anggota", "", "", ""),
    ("Topi Anyaman Rahayu", "Anggota", "", "", "200"),
    ("Anyaman Bambu Mekar", "Anggota", "", "Tidak", "800"),
    ("Kerajinan Tikar Rajapolah", "Anggota", "", "", "380"),
]


def xlsx_bytes() -> bytes:
    import xlsxwriter  # type: ignore[import-untyped]

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "firms.xlsx")
        book = xlsxwriter.Workbook(str(path))
        book.set_properties({"created": datetime.datetime(2026, 11, 1), "author": "Dinas (illustrative)"})
        notes = book.add_worksheet("Catatan")
        notes.write_string(0, 0, "Data ilustratif untuk contoh ovop-assess; bukan data survei.")
        notes.hide()
        sheet = book.add_worksheet("Daftar UMKM")
        sheet.activate()
        bold = book.add_format({"bold": True})
        text = book.add_format({"num_format": "@"})
        sheet.write_row(0, 0, XLSX_HEADERS, bold)
        for row, (name, role, mentor, willing, capacity, workers) in enumerate(BAYAT, start=1):
            sheet.write_number(row, 0, row)
            sheet.write_string(row, 1, name)
            sheet.write_string(row, 2, role)
            if mentor:
                sheet.write_string(row, 3, mentor)
            if willing:
                sheet.write_string(row, 4, willing)
            sheet.write_number(row, 5, capacity)
            sheet.write_string(row, 6, f"0{912000000000 + row * 7919}", text)  # 13 digits, a leading zero
            sheet.write_number(row, 7, workers)
            sheet.write_string(row, 8, f"Dukuh Pagerjurang RT {row:02d}, Melikan, Wedi, Klaten")
            sheet.write_string(row, 9, f"0812{row:08d}")
        book.close()
        return path.read_bytes()


def csv_bytes() -> bytes:
    lines = [";".join(CSV_HEADERS)]
    for number, firm in enumerate(RAJAPOLAH, start=1):
        if firm is None:
            lines.append(";" * (len(CSV_HEADERS) - 1))
            continue
        name, role, mentor, willing, capacity = firm
        nib = f"0{812100000000 + number * 104729}"
        address = f'"Kp. Rajapolah No. {number}; Rajapolah, Tasikmalaya"'  # a ; inside quotes stays in the cell
        lines.append(";".join([name, role, mentor, willing, capacity, nib, address]))
    return b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    args = parser.parse_args()
    differ = []
    for path, data in ((XLSX, xlsx_bytes()), (CSV, csv_bytes())):
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                differ.append(path.relative_to(ROOT).as_posix())
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT).as_posix()} ({len(data)} bytes)")
    if differ:
        print("differ from the script's output: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
