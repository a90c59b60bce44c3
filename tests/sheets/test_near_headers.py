"""A column whose header looks like one of the firm list's is named in a warning of its own, with the header to
use; it is still not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovop_assess import messages
from ovop_assess.sheets import read_firms
from ovop_assess.sheets.columns import near_header


@pytest.mark.parametrize(
    ("title", "meant"),
    [
        ("NIB (13 digit)", "NIB"),
        ("Peran*", "Peran"),
        ("Tenaga Kerja (orang)", "Tenaga Kerja"),
        ("Nama Usah", "Nama Usaha"),
        ("Pembna", "Pembina"),
        ("Bersedia menjadi penggerak (Ya/Tidak)", "Bersedia Menjadi Penggerak"),
        # Headers offices give these columns in their own lists: their data was dropped with one warning.
        ("Jumlah Tenaga Kerja", "Tenaga Kerja"),
        ("Jumlah TK", "Tenaga Kerja"),
        ("Kapasitas/Bulan", "Kapasitas per Bulan"),
        ("Kapasitas Produksi per Bulan", "Kapasitas per Bulan"),
        ("Kapasitas Produksi/Bulan (pcs)", "Kapasitas per Bulan"),
        ("Jenis Produk", "Kategori"),
        ("Nama UMKM", "Nama Usaha"),
        ("Nomor Induk Berusaha (NIB)", "NIB"),
        # Other columns offices keep: nothing suggested.
        ("Alamat", None),
        ("No. HP", None),
        ("No", None),
        ("Nama Pemilik", None),
        # A header of the list itself is no near miss.
        ("NIB", None),
    ],
)
def test_near_headers(title: str, meant: str | None) -> None:
    assert near_header(title) == meant


def test_a_near_miss_header_is_warned_at_its_cell_and_the_rest_listed(tmp_path: Path) -> None:
    path = tmp_path / "daftar.csv"
    path.write_text(
        "Nama Usaha;Peran;NIB (13 digit);Alamat\nUsaha A;penggerak;0123456789012;Jl. Pasar\n", encoding="utf-8"
    )
    found = read_firms(path)
    assert not found.errors and "nib" not in found.firms[0]
    near, rest = found.warnings
    assert (near.message.id, near.location.line, near.location.column) == ("sheet.near_header", 1, 3)
    assert "name the column exactly NIB" in messages.render(near.message, "en")
    assert "beri nama kolom tepat NIB" in messages.render(near.message, "id")
    assert rest.message.id == "sheet.unknown_columns" and "Alamat (D)" in messages.render(rest.message)


def test_no_near_miss_is_suggested_for_a_field_another_column_gives(tmp_path: Path) -> None:
    path = tmp_path / "daftar.csv"
    path.write_text("Nama Usaha;Peran;NIB;NIB (lama)\nUsaha A;penggerak;0123456789012;1\n", encoding="utf-8")
    assert [w.message.id for w in read_firms(path).warnings] == ["sheet.unknown_columns"]


def test_near_miss_headers_are_warned_when_no_header_is_the_lists(tmp_path: Path) -> None:
    """The file that most needs the hint: every header a near miss, so the sheet is refused."""
    path = tmp_path / "daftar.csv"
    path.write_text("Nama Usaha*;Peran*\nUsaha A;penggerak\n", encoding="utf-8")
    found = read_firms(path)
    assert len(found.errors) == 1 and found.firms == ()
    assert [(w.message.id, w.message.values["header"]) for w in found.warnings] == [
        ("sheet.near_header", "Nama Usaha"),
        ("sheet.near_header", "Peran"),
    ]


def test_a_header_of_many_brackets_is_passed_over_at_once_and_named_short(tmp_path: Path) -> None:
    """A header of 50,000 "(" took about a minute (the bracket search went back over the rest of the text for
    each one; an adversarial review), and its warning printed all of it."""
    header = "(" * 50_000
    assert near_header(header) is None
    path = tmp_path / "daftar.csv"
    extra = ";".join(f"Catatan {n}" for n in range(30))
    path.write_text(f"Nama Usaha;Peran;{header};{extra}\nUsaha A;penggerak;x;y\n", encoding="utf-8")
    found = read_firms(path)
    [warning] = [w for w in found.warnings if w.message.id == "sheet.unknown_columns"]
    said = messages.render(warning.message, "en")
    assert said.startswith("columns not part of the firm list, ignored: " + "(" * 39 + "… (C), Catatan 0 (D)")
    assert said.endswith("Catatan 18 (V), … (+11)") and len(said) < 500


def test_a_header_with_a_sentence_of_instructions_in_brackets_is_still_named() -> None:
    """Office templates put instructions after the name; a cap of 120 characters had lost the hint (a second
    adversarial review). The brackets are taken away without going back over the text."""
    instructions = "diisi nama lengkap usaha sesuai dokumen NIB, tanpa singkatan; " * 2
    assert near_header(f"Nama Usaha ({instructions})") == "Nama Usaha"
    assert near_header("(a" * 500) is None
