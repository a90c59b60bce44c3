"""Reading a 10,000-row firm sheet: ovop-assess against python-calamine's own read of the same file.

    .venv/bin/python bench/sheets_benchmark.py [--rows 10000] [--repeat 7] [--processes 5]

The baseline is what any tool using the library pays: open the workbook and
turn the sheet into Python lists (``CalamineWorkbook.from_path(...)
.get_sheet_by_name(...).to_python()``). Against it are measured

- ``read_firms``: the checks before the library (file size, the archive's
  declared unpacked size, the sheet's cell extent, formulas without a saved
  result), the library's read, and turning every cell into a ``firms[]`` value;
- ``import_firms``: ``read_firms`` and the validation a region file's firms
  get (each field tested column by column, the ``Firm`` model only on the
  rows a test finds suspect; unique names, mentors naming a champion), the
  first step of ``ovop-assess import``: the figure reported against the
  target. The firms' dicts are not made there: the checks ask the columns.
  Every caller that succeeds then asks for them (``import`` for the
  template's examples and its YAML, a region file for its model), so a last
  row, for the ``.xls``, makes them after the validation: what a command that
  succeeds pays at least. The target is read as the read and the validation,
  without what a caller makes of the validated firms afterwards, as the
  library's own read is its rows without what its caller makes of them
  (docs/internals.md, "Decisions where the specification was silent"); the
  first reads below give both;
- beyond the target, for the ``.xls``: a region file naming the sheet
  (``firms: {file: …}``), read and validated as ``assess`` validates it
  (the sheet read, then the whole region through its model, each firm a
  ``Firm``, and the checks across its fields), and assessed (its rules too);
- the same for an ``.xls`` (Excel 97-2003) workbook of the same firms
  written by xlwt, against calamine's read of it: ``read_firms`` walks the
  BIFF records of every sheet first (each cell's row and column, each
  formula's saved result) so that a hostile file is refused before calamine
  allocates its sheets;
- the same for an ``.ods`` (OpenDocument) workbook of the same firms laid out
  as LibreOffice saves one (``write_ods``: 12 MB of ``content.xml``), against
  calamine's read of it: ``read_firms`` inflates ``content.xml`` a piece at a
  time to check its repeated rows and columns before calamine expands them;
- the same for a ``;``-separated CSV file of the same firms, against
  ``csv.reader`` over the decoded text; and for the same file with some
  fields quoted on every line (a name holding ``;``) and with one line in
  twenty quoted (an address holding ``;``): quotes that open and close
  whole fields are taken out in one pass and the text cut into columns as
  a file without quotes is (any other quoting goes to ``csv.reader``).

Times are CPU time of the process, of the children it waited for and of the
reader it keeps (an ``.ods`` is read by a forked reader process where the
platform can fork: ``ovop_assess/sheets/warm_reader.py``, ``isolated.py``;
``resource.getrusage``, and ``/proc/PID/schedstat`` for the reader while it
lives), and wall time, the best of the repeats each. The ``.ods``
cases are also measured with the read kept in the process, as on Windows. The whole
measurement runs in ``--processes`` fresh processes one after the other, and
each figure is the median of their bests: how the memory of one process
happens to be laid out moves a read of 10,000 rows by a few milliseconds
(page faults in fresh memory), more than the repeats inside it average out.
The ratios' range over the processes is printed beside each.

After them, the first read of each file in a fresh process (``first_reads``): what one ``ovop-assess
import`` pays, where the repeats above measure a process that has read the same file before (the baseline's
memory is then warm, and so is the reader kept for the next ``.ods``). The reader the three-row read started
is ended before the measured read: one ``import`` starts its own. ``ours`` is read and validated
(``import_firms``); ``dicts`` the same and then every firm asked for as its dict, as ``import`` asks before it
writes its list (the template's examples looked for and the YAML written are not measured).

The sheet is written the way an office keeps it: Indonesian headers, two
extra columns (address, telephone), NIBs as text. Repeats are interleaved and
the minimum of each kept; the ratio is the figure the README quotes (at most 2).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import io
import json
import statistics
import subprocess
import sys
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


def write_xlsx(path: Path, rows: list[list[object]], numbered: bool = False) -> None:
    """``numbered``: a first column "No" of ``=ROW()-1`` formulas with their results saved, as offices number
    their lists (a column the format does not know, ignored with a warning)."""
    import xlsxwriter  # type: ignore[import-untyped]

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Daftar UMKM")
    first = 1 if numbered else 0
    if numbered:
        sheet.write_string(0, 0, "No")
    sheet.write_row(0, first, HEADERS)
    for number, row in enumerate(rows, start=1):
        if numbered:
            sheet.write_formula(number, 0, "=ROW()-1", None, number)
        for column, value in enumerate(row, start=first):
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


_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
    ' office:version="1.3"><office:body><office:spreadsheet>'
)
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    ' <manifest:file-entry manifest:full-path="/" manifest:version="1.3"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def write_ods(path: Path, rows: list[list[object]], numbered: bool = False) -> None:
    """An .ods laid out as LibreOffice 7 saves one (no library writes it so): each cell's value type, value and
    shown text; each row ended by one empty cell repeated to the sheet's 16,384th column, the sheet by one
    empty row repeated to its 1,048,576th (the file is the size of LibreOffice's own, 12 MB of content).
    ``numbered``: a first column "No" of ``=ROW()-1`` formulas with their results, as LibreOffice saves them."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value: object) -> str:
        if value == "":
            return "<table:table-cell/>"
        if isinstance(value, str):
            return (
                '<table:table-cell office:value-type="string" calcext:value-type="string">'
                f"<text:p>{escape(value)}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}" calcext:value-type="float">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )

    def number(row: int) -> str:
        if row == 0:
            return cell("No")
        return (
            f'<table:table-cell table:formula="of:=ROW()-1" office:value-type="float" office:value="{row}"'
            f' calcext:value-type="float"><text:p>{row}</text:p></table:table-cell>'
        )

    width = len(HEADERS) + numbered
    empty_rest = f'<table:table-cell table:number-columns-repeated="{16_384 - width}"/>'
    body = [_ODS_HEAD, '<table:table table:name="Daftar UMKM">']
    body.append('<table:table-column table:number-columns-repeated="16384"/>')
    table: list[list[object]] = [list(HEADERS), *rows]
    for at, row in enumerate(table):
        first = number(at) if numbered else ""
        body.append(
            '<table:table-row table:style-name="ro1">'
            + first
            + "".join(map(cell, row))
            + empty_rest
            + "</table:table-row>"
        )
    body.append(
        f'<table:table-row table:number-rows-repeated="{1_048_576 - 1 - len(rows)}">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    body.append("</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        book.writestr("META-INF/manifest.xml", _ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        book.writestr("content.xml", "".join(body), zipfile.ZIP_DEFLATED)


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


def cpu_time() -> float:
    """CPU seconds of this process, of every child it has waited for (the forked .ods reads) and of the .ods
    reader it keeps while that one lives (counted with the children once it has ended and been reaped)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime + _reader_cpu()


def _reader_cpu() -> float:
    """The CPU seconds of the readers kept (the read's and the walk's), from the nanoseconds each has run (the
    ticks of /proc/PID/stat are 10 ms)."""
    warm_reader = sys.modules.get("ovop_assess.sheets.warm_reader")
    if warm_reader is None:
        return 0.0
    total = 0.0
    for role in ("read", "walk"):
        reader = warm_reader.running(role)
        if reader is not None:
            with contextlib.suppress(OSError, ValueError, IndexError):
                total += int(Path(f"/proc/{reader}/schedstat").read_text().split()[0]) / 1e9
    return total


def best(repeat: int, *runs: Callable[[], object]) -> tuple[list[float], list[float]]:
    """The least CPU time and the least wall time of each run over ``repeat`` interleaved rounds."""
    times = [float("inf")] * len(runs)
    walls = [float("inf")] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            start, wall = cpu_time(), time.perf_counter()
            run()
            times[i] = min(times[i], cpu_time() - start)
            walls[i] = min(walls[i], time.perf_counter() - wall)
    return times, walls


LABELS = [
    "xlsx  calamine read (baseline)",
    "xlsx  read_firms",
    "xlsx  read and validated",
    "xls   calamine read (baseline)",
    "xls   read_firms",
    "xls   read and validated",
    "ods   calamine read (baseline)",
    "ods   read_firms",
    "ods   read and validated",
    "csv   csv.reader (baseline)",
    "csv   read_firms",
    "csv   read and validated",
    "csv with quoted fields: csv.reader",
    "csv with quoted fields: validated",
    "csv, 1 line in 20 quoted: reader",
    "csv, 1 line in 20 quoted: validated",
    "xlsx, a formula column: calamine read",
    "xlsx, a formula column: validated",
    "ods, a formula column: calamine read",
    "ods, a formula column: validated",
    "ods   validated, read in process",
    "ods, a formula column: in process",
    "ods   validated, checks then child",
    "ods, a formula column: checks, child",
    "xls, a region naming it: validated",
    "xls, a region naming it: assessed",
    "xls   validated, then the firm dicts",
]
# Each row's baseline:
BASELINE_OF = [0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 12, 12, 14, 14, 16, 16, 18, 18, 6, 18, 6, 18, 3, 3, 3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7, help="interleaved repeats in each process")
    parser.add_argument("--processes", type=int, default=5, help="fresh processes, one after the other")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--first", nargs=2, metavar=("PATH", "HOW"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.rows, args.repeat)))
        return
    if args.first:
        print(json.dumps(first_read(Path(args.first[0]), args.first[1])))
        return
    runs: list[dict[str, object]] = []
    for _ in range(args.processes):
        command = [sys.executable, __file__, "--child", "--rows", str(args.rows), "--repeat", str(args.repeat)]
        runs.append(json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout))
    first = runs[0]
    print(
        f"{args.rows} firm rows, 10 columns; .xlsx {first['xlsx_kib']:.0f} KiB, .xls {first['xls_kib']:.0f} KiB,"
        f" .ods {first['ods_kib']:.0f} KiB;"
        f" median over {args.processes} processes of the best of {args.repeat} repeats"
    )
    for key, what in (("times", "CPU time (the work done)"), ("walls", "wall time (what the user waits for)")):
        print(f" {what}:")
        times = [statistics.median(run[key][i] for run in runs) for i in range(len(LABELS))]  # type: ignore[index]
        for i, label in enumerate(LABELS):
            line = f"  {label:36s} {times[i] * 1000:8.1f} ms"
            base = BASELINE_OF[i]
            if base != i:
                ratios = [run[key][i] / run[key][base] for run in runs]  # type: ignore[index]
                line += f"   x{times[i] / times[base]:.2f}   (x{min(ratios):.2f} to x{max(ratios):.2f})"
            print(line)
    first_reads(args.rows, args.processes * 2)


FIRST = [  # (label, file name): the first read of each in a fresh process
    ("xlsx", "daftar-usaha.xlsx"),
    ("xls", "daftar-usaha.xls"),
    ("ods", "daftar-usaha.ods"),
    ("ods, a formula column", "daftar-usaha-bernomor.ods"),
    ("csv", "daftar-usaha.csv"),
]


def first_reads(rows_count: int, processes: int) -> None:
    """What one ``ovop-assess import`` pays: the first read of the sheet in a fresh process (no memory of an
    earlier read of it to reuse, as the repeats above have), against the library's first read in another fresh
    process; each after a three-row read of the same format, so that modules are loaded. The medians of
    ``processes`` pairs, run alternately."""
    rows = _rows(rows_count)
    with tempfile.TemporaryDirectory() as folder:
        for size, stem in ((rows_count, "daftar-usaha"), (3, "kecil")):
            some = rows if size == rows_count else _rows(3)
            write_xlsx(Path(folder, f"{stem}.xlsx"), some)
            write_xls(Path(folder, f"{stem}.xls"), some)
            write_ods(Path(folder, f"{stem}.ods"), some)
            write_ods(Path(folder, f"{stem}-bernomor.ods"), some, numbered=True)
            write_csv(Path(folder, f"{stem}.csv"), some)
        print(f"First read in a fresh process (what one `import` pays), median of {processes} processes each:")
        for label, name in FIRST:
            hows = ["library", "ours", "dicts", *(["checks-first", "in-process"] if name.endswith(".ods") else [])]
            times: dict[str, list[list[float]]] = {how: [] for how in hows}
            for _ in range(processes):
                for how in hows:
                    command = [sys.executable, __file__, "--first", str(Path(folder, name)), how]
                    result = subprocess.run(command, capture_output=True, text=True, check=True)
                    times[how].append(json.loads(result.stdout))
            for index, what in ((0, "CPU"), (1, "wall")):
                base = statistics.median(pair[index] for pair in times["library"])
                line = f"  {label:24s} {what:4s} library {base * 1000:6.1f} ms"
                for how in hows[1:]:
                    median = statistics.median(pair[index] for pair in times[how])
                    line += f"   {how} {median * 1000:6.1f} ms x{median / base:.2f}"
                print(line)


def first_read(path: Path, how: str) -> list[float]:
    """CPU time (this process's and its children's) and wall time of the first read of ``path`` in this
    process, after a three-row file of the same format (``kecil…``) has been read the same way (``how``:
    ``library``, ``ours``, ``dicts``: ours and then the firm dicts, ``checks-first``: the child reads after the
    byte checks, ``in-process``)."""
    from ovop_assess.firm_sheet import import_firms
    from ovop_assess.sheets import isolated
    from ovop_assess.yaml_source import Limits

    small = path.with_name(path.name.replace("daftar-usaha", "kecil"))
    if how == "in-process":
        isolated.AVAILABLE = False
    if how == "checks-first":
        isolated.capped = lambda: False

    def read(target: Path) -> object:
        if how == "dicts":
            found = import_firms(target, None, Limits())
            assert len(list(found.firms)) > 0
            return found
        if how != "library":
            return import_firms(target, None, Limits())
        if target.suffix == ".csv":
            text = target.read_bytes().decode("utf-8-sig")
            return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        import python_calamine

        with python_calamine.CalamineWorkbook.from_path(target) as book:
            return book.get_sheet_by_name("Daftar UMKM").to_python()

    read(small)
    if how in ("ours", "dicts"):  # the reader the small file started is ended: one import starts its own
        from ovop_assess.sheets import warm_reader

        warm_reader.stop()
    start, wall = cpu_time(), time.perf_counter()
    read(path)
    return [cpu_time() - start, time.perf_counter() - wall]


def measure(rows_count: int, repeat: int) -> dict[str, object]:
    """One process's measurement: the best CPU time of each case, in LABELS order, and the files' sizes."""
    import python_calamine

    from ovop_assess import criteria_sets
    from ovop_assess.assess import assess_path, rule_ids
    from ovop_assess.firm_sheet import import_firms, with_sheet_firms
    from ovop_assess.sheets import isolated, read_firms
    from ovop_assess.validate import validate
    from ovop_assess.yaml_source import Limits, load_file

    rows = _rows(rows_count)
    available = isolated.AVAILABLE
    with tempfile.TemporaryDirectory() as folder:
        xlsx, xls, ods, csv_path = (Path(folder, f"daftar-usaha.{kind}") for kind in ("xlsx", "xls", "ods", "csv"))
        quoted = Path(folder, "daftar-usaha-quoted.csv")
        some_quoted = Path(folder, "daftar-usaha-some-quoted.csv")
        write_xlsx(xlsx, rows)
        write_xls(xls, rows)
        write_ods(ods, rows)
        write_csv(csv_path, rows)
        write_csv(quoted, rows)
        write_csv(some_quoted, rows)
        numbered_xlsx, numbered_ods = (Path(folder, f"daftar-usaha-bernomor.{kind}") for kind in ("xlsx", "ods"))
        write_xlsx(numbered_xlsx, rows, numbered=True)
        write_ods(numbered_ods, rows, numbered=True)

        def library(path: Path) -> Callable[[], object]:
            def run() -> object:
                with python_calamine.CalamineWorkbook.from_path(path) as book:
                    return book.get_sheet_by_name("Daftar UMKM").to_python()

            return run

        def ours(path: Path) -> Callable[[], object]:
            def run() -> object:
                found = read_firms(path)
                assert not found.errors and len(found.firms) == rows_count, found.errors[:3]
                return found

            return run

        def validated(path: Path) -> Callable[[], object]:
            def run() -> object:
                found = import_firms(path, None, Limits())
                assert not found.errors and len(found.firms) == rows_count, found.errors[:3]
                return found

            return run

        def with_dicts(path: Path) -> Callable[[], object]:
            """Read and validated, then every firm asked for as its dict (``import``'s YAML, a region's model)."""

            def run() -> object:
                found = import_firms(path, None, Limits())
                assert not found.errors and len(list(found.firms)) == rows_count, found.errors[:3]
                return found

            return run

        def in_process(path: Path) -> Callable[[], object]:
            def run() -> object:
                isolated.AVAILABLE = False
                try:
                    return validated(path)()
                finally:
                    isolated.AVAILABLE = available

            return run

        def checks_first(path: Path) -> Callable[[], object]:
            """The child reads after the byte checks, as where its memory cannot be capped (macOS)."""

            def run() -> object:
                capped = isolated.capped
                isolated.capped = lambda: False
                try:
                    return validated(path)()
                finally:
                    isolated.capped = capped

            return run

        region = Path(folder, "wilayah.yaml")
        example = Path(__file__).resolve().parents[1] / "examples" / "regions" / "bayat-pottery.yaml"
        text = example.read_text(encoding="utf-8")
        region.write_text(text.replace("file: bayat-pottery-firms.xlsx", f"file: {xls.name}"), encoding="utf-8")
        criteria = criteria_sets.load("default")

        def region_validated() -> object:
            loaded = with_sheet_firms(load_file(region, Limits()), region, Limits())
            checked = validate(loaded, rule_ids(criteria))
            assert checked.region is not None and len(checked.region.firms or ()) == rows_count, checked.errors[:3]
            return checked

        def region_assessed() -> object:
            result = assess_path(region, criteria, as_of=datetime.date(2026, 12, 1))
            assert result.verdict.value != "invalid", result.errors[:3]
            return result

        def csv_floor(path: Path) -> Callable[[], object]:
            def run() -> object:
                text = path.read_bytes().decode("utf-8-sig")
                return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))

            return run

        times, walls = best(
            repeat,
            library(xlsx),
            ours(xlsx),
            validated(xlsx),
            library(xls),
            ours(xls),
            validated(xls),
            library(ods),
            ours(ods),
            validated(ods),
            csv_floor(csv_path),
            ours(csv_path),
            validated(csv_path),
            csv_floor(quoted),
            validated(quoted),
            csv_floor(some_quoted),
            validated(some_quoted),
            library(numbered_xlsx),
            validated(numbered_xlsx),
            library(numbered_ods),
            validated(numbered_ods),
            in_process(ods),
            in_process(numbered_ods),
            checks_first(ods),
            checks_first(numbered_ods),
            region_validated,
            region_assessed,
            with_dicts(xls),
        )
        return {
            "times": times,
            "walls": walls,
            "xlsx_kib": xlsx.stat().st_size / 1024,
            "xls_kib": xls.stat().st_size / 1024,
            "ods_kib": ods.stat().st_size / 1024,
        }


if __name__ == "__main__":
    main()
