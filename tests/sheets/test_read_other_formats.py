"""CSV as Excel writes it in Indonesian and English locales, OpenDocument, and files that must be refused."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_assess import messages
from ovop_assess.sheets import SheetLimits, cell_name, read_firms
from ovop_assess.sheets.limits import counted
from ovop_assess.sizes import fmt_bytes

from ..work import inflated_bytes


def text(message: Any, lang: messages.Lang = "en") -> str:
    return messages.render(message, lang)


def _ids(findings: Any) -> list[str]:
    return [f.message.id for f in findings]


FIRMS = (
    {"name": "Batik Sekar; Jaya", "role": "champion", "willing_to_lead": True, "monthly_capacity": 1.5},
    {"name": "Batik Melati", "role": "mentee", "mentor": "Batik Sekar; Jaya", "nib": "0812345678901"},
)


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        # Excel, Indonesian locale: ';' between fields, decimal comma, "CSV UTF-8" with a BOM.
        (
            "Nama Usaha;Peran;Bersedia Menjadi Penggerak;Kapasitas per Bulan;NIB;Pembina;Alamat\r\n"
            '"Batik Sekar; Jaya";Penggerak;Ya;1,5;;;Jl. 1\r\n'
            ";;;;;;\r\n"
            'Batik Melati;binaan;;;0812345678901;"Batik Sekar; Jaya";Jl. 2\r\n',
            "utf-8-sig",
        ),
        # English locale, ',' and no BOM.
        (
            "name,role,willing_to_lead,monthly_capacity,nib,mentor,address\n"
            '"Batik Sekar; Jaya",champion,TRUE,1.5,,,"Jl. 1, Desa"\n'
            "\n"
            'Batik Melati,mentee,,,0812345678901,"Batik Sekar; Jaya",Jl. 2\n',
            "utf-8",
        ),
        # Excel's "sep=" line names the separator.
        (
            "sep=;\nNama Usaha;Peran;Bersedia Menjadi Penggerak;Kapasitas per Bulan;NIB;Pembina;Alamat\n"
            '"Batik Sekar; Jaya";penggerak;Y;1.5;;;Jl. 1\n\n'
            'Batik Melati;binaan;;;0812345678901;"Batik Sekar; Jaya";Jl. 2\n',
            "utf-8",
        ),
    ],
)
def test_csv_separators_and_bom(tmp_path: Path, content: str, encoding: str) -> None:
    path = tmp_path / "daftar-usaha.csv"
    path.write_bytes(content.encode(encoding))
    found = read_firms(path)
    assert found.sheet is None and found.errors == ()
    assert found.firms == FIRMS
    assert found.rows == (2, 4)  # the empty row 3 is skipped
    assert found.cell(("firms", 1, "nib")) == "E4"
    assert _ids(found.warnings) == ["sheet.unknown_columns"]


def test_csv_mistakes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "daftar.csv"
    path.write_text("Nama Usaha;Peran;NIB;Tenaga Kerja\nUsaha A;penggerak;8,12346E+12;1.500\n", encoding="utf-8")
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.nib_in_csv", "sheet.thousands_separator"]
    assert found.errors[0].message.values["problem"].id == "sheet.nib_scientific"
    assert [cell_name(f.location.line, f.location.column) for f in found.errors] == ["C2", "D2"]


@pytest.mark.parametrize(
    "raw",
    [
        "Nama Usaha;Peran\nUsaha Caf\u00e9;anggota\n".encode("cp1252"),  # Excel's plain "CSV"
        "Nama Usaha;Peran\nUsaha A;anggota\n".encode("utf-16"),  # Excel's "Unicode text"
        "Nama Usaha;Peran\nUsaha A;anggota\n".encode("utf-16-le"),  # the same without a BOM
    ],
)
def test_csv_in_another_encoding_says_save_as_utf8(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "daftar.csv"
    path.write_bytes(raw)
    found = read_firms(path)
    assert _ids(found.errors)[0].startswith("sheet.csv_not_utf8") and len(found.errors) == 1 and found.firms == ()
    assert "CSV UTF-8" in text(found.errors[0].message) and "CSV UTF-8" in text(found.errors[0].message, "id")


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_csv_not_utf8_is_located_by_line_whatever_ends_its_lines(tmp_path: Path, end: str) -> None:
    """Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR (and writes MacRoman, not UTF-8)."""
    path = tmp_path / "daftar.csv"
    lines = ["Nama Usaha;Peran", "Usaha A;anggota", "Usaha B;anggota", "Kerajinan Caf\u00e9;anggota", "Usaha C;anggota"]
    path.write_bytes(end.join(lines).encode("cp1252"))
    [error] = read_firms(path).errors
    assert error.location.line == 4 and "(first at line 4: Kerajinan Café;anggota)" in text(error.message)


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_not_utf8_is_located_by_line_with_or_without_a_bom(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "daftar.csv"
    path.write_bytes(bom + "Nama Usaha;Peran\nUsaha A;anggota\nUsaha Caf\u00e9;anggota\n".encode("cp1252"))
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.csv_not_utf8_at"] and found.errors[0].location.line == 3
    # the letter to look for, as Excel wrote it, and its line, in the message itself
    assert "(first at line 3: Usaha Café;anggota)" in text(found.errors[0].message)
    assert "(pertama kali di baris 3: Usaha Café;anggota)" in text(found.errors[0].message, "id")


def test_csv_limits(tmp_path: Path) -> None:
    path = tmp_path / "daftar.csv"
    path.write_text("name,role\n" + "".join(f"U{i},member\n" for i in range(10)), encoding="utf-8")
    assert len(read_firms(path, limits=SheetLimits(max_rows=11)).firms) == 10
    assert _ids(read_firms(path, limits=SheetLimits(max_rows=10)).errors) == ["sheet.too_many_rows"]
    assert _ids(read_firms(path, limits=SheetLimits(max_cells=21)).errors) == ["sheet.too_many_cells"]


def test_ods_is_read(make_ods: Callable[..., Path], ods_row: Callable[..., str]) -> None:
    body = (
        '<table:table table:name="Daftar UMKM">'
        + ods_row("Nama Usaha", "Peran", "NIB", "Tenaga Kerja", "Kapasitas per Bulan")
        + ods_row("Batik A", "Penggerak", "0812345678901", 12.0, "1.500")
        + ods_row(None, None, None)
        + ods_row("Batik B", "binaan", 812345678901.0, 3.0)
        + ods_row(None, repeat=1_048_000)  # LibreOffice writes the empty rest of the sheet so
        + "</table:table>"
    )
    found = read_firms(make_ods(body))
    assert found.sheet == "Daftar UMKM" and found.rows == (2, 4)
    assert found.firms == (
        {"name": "Batik A", "role": "champion", "nib": "0812345678901", "workers": 12},
        {"name": "Batik B", "role": "mentee", "workers": 3},
    )
    assert [(f.message.id, f.location.path) for f in found.errors] == [
        ("sheet.thousands_separator", "firms[0].monthly_capacity"),
        ("sheet.nib_number_lost_zero", "firms[1].nib"),
    ]


def test_ods_repeating_a_value_past_the_limits_is_refused(
    make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    body = '<table:table table:name="D">' + ods_row("Nama Usaha", "Peran") + ods_row("A", "anggota", repeat=1_000_000)
    found = read_firms(make_ods(body + "</table:table>"))
    assert _ids(found.errors) == ["sheet.too_many_rows"]
    assert dict(found.errors[0].message.values) == {"rows": 1_000_000, "limit": 50_000, "counted": counted(".ods")}


_NUMBER = (
    '<table:table-cell table:formula="of:=ROW()-1" office:value-type="float" office:value="{0}">'
    "<text:p>{0}</text:p></table:table-cell>"
)


def _numbered(ods_row: Callable[..., str], rows: int, last: str = "") -> str:
    """A sheet numbered by =ROW()-1 formulas with their results, as LibreOffice saves one: content well over
    the 64 KiB the repeat check inflates at a time."""
    header = ods_row("No", "Nama Usaha", "Peran")
    firms = "".join(
        f"<table:table-row>{_NUMBER.format(i)}"
        f'<table:table-cell office:value-type="string"><text:p>Usaha {i:05d}</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>anggota</text:p></table:table-cell></table:table-row>'
        for i in range(1, rows + 1)
    )
    return f'<table:table table:name="D">{header}{firms}{last}</table:table>'


def test_an_ods_showing_a_formula_at_once_is_inflated_once_not_twice(
    make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    path = make_ods(_numbered(ods_row, 2_000))
    size = zipfile.ZipFile(path).getinfo("content.xml").file_size
    assert size > 4 * 65_536
    with inflated_bytes() as inflated:
        found = read_firms(path)
    assert (
        not found.errors and len(found.firms) == 2_000 and found.firms[0] == {"name": "Usaha 00001", "role": "member"}
    )
    assert size <= inflated.n < 1.2 * size  # once; the first piece (64 KiB) may be inflated twice


def test_a_run_past_the_limits_after_a_formula_is_refused(
    make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    # The content is then checked whole: a run far after the formula is checked as in pieces.
    found = read_firms(make_ods(_numbered(ods_row, 2_000, ods_row("A", "anggota", repeat=1_000_000))))
    assert _ids(found.errors) == ["sheet.too_many_rows"]


def test_encrypted_ods_is_refused(make_ods: Callable[..., Path], ods_row: Callable[..., str]) -> None:
    encrypted = '<manifest:encryption-data manifest:checksum-type="SHA1"/>'
    found = read_firms(make_ods('<table:table table:name="D"></table:table>', manifest_extra=encrypted))
    assert _ids(found.errors) == ["sheet.encrypted"]


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_is_refused_from_the_central_directory(
    tmp_path: Path, calamine_never_opens: Callable[[], None]
) -> None:
    # 256 MiB of zeros deflate to about 250 KB.
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": bytes(256 * 1024 * 1024)})
    path = tmp_path / "bom.xlsx"
    path.write_bytes(bomb)
    # Nothing was inflated, counted: not a byte by zipfile, and calamine (which inflates out of sight) never
    # sees the file.
    calamine_never_opens()
    with inflated_bytes() as inflated:
        found = read_firms(path)
    assert inflated.n == 0
    assert _ids(found.errors) == ["sheet.unpacked_too_large"]
    assert found.errors[0].message.values["limit"] == fmt_bytes(128 * 1024 * 1024)
    assert "over the limit of 128 MiB (134,217,728 bytes)" in text(found.errors[0].message)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_zip_directory_zipfile_cannot_parse_is_a_damaged_file(
    make_xlsx: Callable[..., Path], make_ods: Callable[..., Path], tmp_path: Path, suffix: str
) -> None:
    """One byte changed ("version needed to extract": 12.7) made zipfile raise NotImplementedError, which ended
    the whole run as an internal error (an adversarial review)."""
    source = make_xlsx({"D": [["Nama Usaha", "Peran"], ["A", "anggota"]]}) if suffix == ".xlsx" else make_ods("")
    raw = bytearray(source.read_bytes())
    directory = raw.find(b"PK\x01\x02")
    raw[directory + 6] = 127  # "version needed to extract", in the central directory's first entry
    path = tmp_path / f"changed{suffix}"
    path.write_bytes(bytes(raw))
    assert _ids(read_firms(path).errors) == ["sheet.corrupt"]


def test_an_ods_whose_sheet_is_never_closed_is_refused_at_once(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], tmp_path: Path
) -> None:
    """calamine never returned from a 1 KB .ods whose end tag was misspelt (</table:tabel>): the child read it
    for its 5 minutes of CPU (an adversarial review)."""
    rows = ods_row("Nama Usaha", "Peran") + ods_row("A", "anggota")
    written = make_ods(f'<table:table table:name="D">{rows}</table:table>')
    with zipfile.ZipFile(written) as book:
        members = {name: book.read(name) for name in book.namelist()}
    members["content.xml"] = members["content.xml"].replace(b"</table:table>", b"</table:tabel>")
    path = tmp_path / "rusak.ods"
    path.write_bytes(_zip(members))
    assert _ids(read_firms(path).errors) == ["sheet.corrupt"]


def test_member_larger_than_it_claims_is_refused_not_inflated(make_xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = make_xlsx({"D": [["Nama Usaha", "Peran"], ["A", "anggota"]]})
    with zipfile.ZipFile(source) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    at = sheet.index(b"<sheetData>")
    members["xl/worksheets/sheet1.xml"] = sheet[:at] + b"<!--" + b" " * (64 * 1024 * 1024) + b"-->" + sheet[at:]
    raw = bytearray(_zip(members))
    name = b"xl/worksheets/sheet1.xml"
    # Local header and central directory entry: (signature, unpacked size, name length, name) offsets.
    for signature, size_at, length_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        position = raw.find(signature)
        while position >= 0:  # claim 5000 bytes unpacked in both
            length = struct.unpack_from("<H", raw, position + length_at)[0]
            if raw[position + name_at : position + name_at + length] == name:
                struct.pack_into("<I", raw, position + size_at, 5000)
            position = raw.find(signature, position + 4)
    path = tmp_path / "liar.xlsx"
    path.write_bytes(bytes(raw))
    # Counted, not timed: the member is inflated up to the 5000 bytes it claims (and the heads of the
    # others, some kilobytes), never to its 64 MiB.
    with inflated_bytes() as inflated:
        found = read_firms(path)
    assert inflated.n < 1024 * 1024
    assert _ids(found.errors) == ["sheet.corrupt"]


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("rusak.xlsx", b"this is not a workbook at all" * 10),
        ("rusak.ods", b"PK\x03\x04" + b"\x00" * 100),
        ("rusak.xls", b"<html><table><tr><td>Nama Usaha</td></tr></table></html>"),  # a web page saved as .xls
        ("rusak2.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ],
)
def test_corrupt_files_are_refused(tmp_path: Path, name: str, raw: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.corrupt"] and found.firms == ()
    assert "save it again" in text(found.errors[0].message)


def test_truncated_xlsx_is_corrupt(make_xlsx: Callable[..., Path]) -> None:
    path = make_xlsx({"D": [["Nama Usaha", "Peran"], ["A", "anggota"]]})
    path.write_bytes(path.read_bytes()[:-300])
    assert _ids(read_firms(path).errors) == ["sheet.corrupt"]


def _zero_deflated_bytes(path: Path, member: str) -> None:
    """64 zeroed bytes a quarter into a member's deflated data, as a bad disk sector leaves them: zlib itself
    fails on them (the damage this stands for), not only the member's checksum."""
    raw = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo(member)
    name_length, extra_length = struct.unpack_from("<HH", raw, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length + info.compress_size // 4
    raw[start : start + 64] = bytes(64)
    path.write_bytes(bytes(raw))
    with pytest.raises(zlib.error):
        zipfile.ZipFile(path).read(member)


def test_damaged_deflated_data_is_corrupt_not_a_crash(
    make_xlsx: Callable[..., Path], make_ods: Callable[..., Path], ods_row: Callable[..., str]
) -> None:
    # zlib's own error ("invalid distance too far back") is no BadZipFile: it escaped as an internal error.
    rows = [["Nama Usaha", "Peran", "NIB"]] + [[f"Usaha Batik {i:04d}", "binaan", f"{i:013d}"] for i in range(400)]
    xlsx = make_xlsx({"D": rows})
    _zero_deflated_bytes(xlsx, "xl/worksheets/sheet1.xml")
    ods = make_ods("".join(ods_row(*row) for row in rows))
    _zero_deflated_bytes(ods, "content.xml")
    for path in (xlsx, ods):
        found = read_firms(path)
        assert _ids(found.errors) == ["sheet.corrupt"] and found.firms == ()
        assert "save it again" in text(found.errors[0].message)


def test_password_protected_xlsx_is_refused(tmp_path: Path) -> None:
    # Excel stores a workbook with a password to open as an OLE compound file holding these streams.
    raw = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le") + bytes(100)
    path = tmp_path / "rahasia.xlsx"
    path.write_bytes(raw)
    found = read_firms(path)
    assert _ids(found.errors) == ["sheet.encrypted"]
    assert "password" in text(found.errors[0].message) and "kata sandi" in text(found.errors[0].message, "id")


def test_files_that_are_not_spreadsheets(tmp_path: Path) -> None:
    assert _ids(read_firms(tmp_path / "daftar.docx").errors) == ["sheet.unsupported_type"]
    # A workbook of another kind (with macros, binary, a template): said how to make it one that is read.
    for name in ("daftar.xlsm", "DAFTAR.XLSB", "daftar.ots"):
        assert _ids(read_firms(tmp_path / name).errors) == ["file.not_found"]  # (not there: nothing to save again)
        (tmp_path / name).write_bytes(b"PK\x03\x04")
        [said] = read_firms(tmp_path / name).errors
        assert said.message.id == "sheet.other_workbook"
        assert text(said.message).endswith("save it as an Excel workbook (.xlsx)")
        assert text(said.message, "id").endswith("simpan sebagai Buku Kerja Excel (.xlsx)")
    assert _ids(read_firms(tmp_path / "hilang.xlsx").errors) == ["file.not_found"]
    (tmp_path / "folder.csv").mkdir()
    assert _ids(read_firms(tmp_path / "folder.csv").errors) == ["sheet.is_directory"]
    # A folder or a file without an extension: said so (it was "not (none)", in English under --lang id too).
    assert _ids(read_firms(tmp_path).errors) == ["sheet.is_directory"]
    (tmp_path / "daftar").write_bytes(b"Nama Usaha;Peran\n")
    assert _ids(read_firms(tmp_path / "daftar").errors) == ["sheet.no_suffix"]
    (tmp_path / "kosong.csv").write_bytes(b"")
    assert _ids(read_firms(tmp_path / "kosong.csv").errors) == ["file.empty"]


def test_an_ods_repeating_cells_past_the_limits_is_refused_before_calamine_opens_it(
    make_ods: Callable[..., Path], ods_row: Callable[..., str], calamine_never_opens: Callable[[], None]
) -> None:
    # calamine expands every sheet of an .ods as it opens the file: a check after that came after 6 GB.
    run = '<table:table-cell table:number-columns-repeated="99" office:value-type="string"><text:p>x</text:p>'
    body = (
        '<table:table table:name="D">'
        + ods_row("Nama Usaha", "Peran")
        + f'<table:table-row table:number-rows-repeated="1000000">{run}</table:table-cell></table:table-row>'
        + "</table:table>"
    )
    path = make_ods(body)
    calamine_never_opens()
    assert _ids(read_firms(path).errors) == ["sheet.too_many_rows"]
