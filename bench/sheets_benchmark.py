"""Reading a 10,000-row firm sheet: ovop-assess against python-calamine's own read of the same file.

    .venv/bin/python bench/sheets_benchmark.py [--rows 10000] [--repeat 7]

The baseline is what any tool using the library pays: open the workbook and
turn the sheet into Python lists (``CalamineWorkbook.from_path(...)
.get_sheet_by_name(...).to_python()``). Against it are measured

- ``read_firms``: the checks before the library (file size, the archive's
  declared unpacked size, the sheet's cell extent, formulas without a saved
  result), the library's read, and turning every cell into a ``firms[]`` value;
- ``import_firms``: ``read_firms`` and the validation a region file's firms
  get (the ``Firm`` model over the whole list, unique names, mentors naming a
  champion), which is what ``ovop-assess import`` and a region's
  ``firms: {file: …}`` run;
- the same for an ``.xls`` (Excel 97-2003) workbook of the same firms
  written by xlwt, against calamine's read of it: ``read_firms`` walks the
  BIFF records of every sheet first (each cell's row and column, each
  formula's saved result) so that a hostile file is refused before calamine
  allocates its sheets;
- the same for a ``;``-separated CSV file of the same firms, against
  ``csv.reader`` over the decoded text; and for the same file with some
  fields quoted on every line (a name holding ``;``) and with one line in
  twenty quoted (an address holding ``;``): quotes that open and close
  whole fields are taken out in one pass and the text cut into columns as
  a file without quotes is (any other quoting goes to ``csv.reader``).

Times are CPU time of this process (``time.process_time``), the best of the
repeats: on a shared machine wall time measures the neighbours.

The sheet is written the way an office keeps it: Indonesian headers, two
extra columns (address, telephone), NIBs as text. Repeats are interleaved and
the minimum of each kept; the ratio is the figure the README quotes (at most 2).
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEADERS = [
    "Nama Usaha",
    "Peran",
    "Kategori",
    "Pembina",
    "Bersedia Menjadi Penggerak",
    "Kapasitas per Bulan",
    "NIB",
    "Tenaga Kerja",
    "Alamat",
    "Telepon",
]


def _rows(count: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for i in range(count):
        champion = i % 10 == 0
        rows.append(
            [
                f"Usaha Batik {i:05d}",
                "penggerak" if champion else "binaan",
                "batik",
                "" if champion else f"Usaha Batik {i - i % 10:05d}",
                "Ya" if champion else "",
                100 + i % 900,
                f"{i:013d}",
                1 + i % 40,
                f"Jl. Pasar No. {i}, Desa Wisata",
                f"0812{i:08d}",
            ]
        )
    return rows


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Daftar UMKM")
    sheet.write_row(0, 0, HEADERS)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(number, column, value)
            else:
                sheet.write_number(number, column, value)
    book.close()


def write_xls(path: Path, rows: list[list[object]]) -> None:
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Daftar UMKM")
    for column, title in enumerate(HEADERS):
        sheet.write(0, column, title)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            sheet.write(number, column, value)
    book.save(str(path))


def write_csv(path: Path, rows: list[list[object]]) -> None:
    out = io.StringIO()
    if path.stem.endswith("some-quoted"):  # one address in twenty holds the separator: quoted by the writer
        rows = [
            [*row[:8], str(row[8]).replace(",", ";"), *row[9:]] if i % 20 == 0 else row for i, row in enumerate(rows)
        ]
    elif path.stem.endswith("quoted"):  # a champion in ten named "Usaha Batik; 00000": quoted by the writer
        rows = [
            [f"{row[0]};" if row[1] == "penggerak" else row[0], *row[1:3], f"{row[3]};" if row[3] else "", *row[4:]]
            for row in rows
        ]
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADERS)
    writer.writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def best(repeat: int, *runs: Callable[[], object]) -> list[float]:
    times = [float("inf")] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            start = time.process_time()
            run()
            times[i] = min(times[i], time.process_time() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    import python_calamine

    from ovop_assess.firm_sheet import import_firms
    from ovop_assess.sheets import read_firms
    from ovop_assess.yaml_source import Limits

    rows = _rows(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        xlsx, xls, csv_path = (Path(folder, f"daftar-usaha.{kind}") for kind in ("xlsx", "xls", "csv"))
        quoted = Path(folder, "daftar-usaha-quoted.csv")
        some_quoted = Path(folder, "daftar-usaha-some-quoted.csv")
        write_xlsx(xlsx, rows)
        write_xls(xls, rows)
        write_csv(csv_path, rows)
        write_csv(quoted, rows)
        write_csv(some_quoted, rows)

        def library(path: Path) -> Callable[[], object]:
            def run() -> object:
                with python_calamine.CalamineWorkbook.from_path(path) as book:
                    return book.get_sheet_by_name("Daftar UMKM").to_python()

            return run

        def ours(path: Path) -> Callable[[], object]:
            def run() -> object:
                found = read_firms(path)
                assert not found.errors and len(found.firms) == args.rows, found.errors[:3]
                return found

            return run

        def validated(path: Path) -> Callable[[], object]:
            def run() -> object:
                found = import_firms(path, None, Limits())
                assert not found.errors and len(found.firms) == args.rows, found.errors[:3]
                return found

            return run

        def csv_floor(path: Path) -> Callable[[], object]:
            def run() -> object:
                text = path.read_bytes().decode("utf-8-sig")
                return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))

            return run

        times = best(
            args.repeat,
            library(xlsx),
            ours(xlsx),
            validated(xlsx),
            library(xls),
            ours(xls),
            validated(xls),
            csv_floor(csv_path),
            ours(csv_path),
            validated(csv_path),
            csv_floor(quoted),
            validated(quoted),
            csv_floor(some_quoted),
            validated(some_quoted),
        )
        lib, read, checked, xls_lib, xls_read, xls_checked = times[:6]
        csv_lib, csv_read, csv_checked, q_lib, q_checked, s_lib, s_checked = times[6:]
        size, xls_size = xlsx.stat().st_size, xls.stat().st_size
    print(
        f"{args.rows} firm rows, 10 columns; .xlsx {size / 1024:.0f} KiB, .xls {xls_size / 1024:.0f} KiB;"
        f" best CPU time of {args.repeat}"
    )
    print(f"  xlsx  calamine read (baseline)     {lib * 1000:8.1f} ms")
    print(f"  xlsx  read_firms                   {read * 1000:8.1f} ms   x{read / lib:.2f}")
    print(f"  xlsx  read and validated           {checked * 1000:8.1f} ms   x{checked / lib:.2f}")
    print(f"  xls   calamine read (baseline)     {xls_lib * 1000:8.1f} ms")
    print(f"  xls   read_firms                   {xls_read * 1000:8.1f} ms   x{xls_read / xls_lib:.2f}")
    print(f"  xls   read and validated           {xls_checked * 1000:8.1f} ms   x{xls_checked / xls_lib:.2f}")
    print(f"  csv   csv.reader (baseline)        {csv_lib * 1000:8.1f} ms")
    print(f"  csv   read_firms                   {csv_read * 1000:8.1f} ms   x{csv_read / csv_lib:.2f}")
    print(f"  csv   read and validated           {csv_checked * 1000:8.1f} ms   x{csv_checked / csv_lib:.2f}")
    print(f"  csv with quoted fields: csv.reader {q_lib * 1000:8.1f} ms")
    print(f"  csv with quoted fields: validated  {q_checked * 1000:8.1f} ms   x{q_checked / q_lib:.2f}")
    print(f"  csv, 1 line in 20 quoted: reader   {s_lib * 1000:8.1f} ms")
    print(f"  csv, 1 line in 20 quoted: validated{s_checked * 1000:8.1f} ms   x{s_checked / s_lib:.2f}")


if __name__ == "__main__":
    main()
