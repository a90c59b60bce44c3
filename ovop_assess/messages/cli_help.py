"""``--help``: the commands and their options, and typer's own words.

Typer's words are in English as typer prints them; the catalogue gives them
under ``--lang id``.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "help.app": {
        "en": "Assess whether a candidate region (desa, kelurahan, kecamatan) qualifies as an OVOP sentra.\n\n"
        "ovop-assess FILE.yaml assesses a region file. Every command takes --lang en|id (Bahasa Indonesia: --lang id, "
        "or OVOP_LANG=id for every run); COMMAND --help says what a command takes.",
        "id": "Menilai apakah calon wilayah (desa, kelurahan, kecamatan) memenuhi syarat diusulkan sebagai sentra OVOP."
        "\n\novop-assess BERKAS.yaml menilai satu berkas wilayah. Setiap perintah menerima --lang en|id (bahasa "
        "Inggris: --lang en; OVOP_LANG=id untuk bahasa Indonesia di setiap perintah); PERINTAH --help menjelaskan "
        "isian setiap perintah.",
    },
    "help.version": {
        "en": "Show the version and exit.",
        "id": "Menampilkan versi lalu keluar.",
    },
    "help.criteria": {
        "en": "A shipped criteria set (default, routes, coordination) or a path to a set file.",
        "id": "Kumpulan kriteria bawaan (default, routes, coordination) atau jalur ke berkas kumpulan kriteria.",
    },
    "help.explain_criteria": {
        "en": "A criteria set (shipped name or path): the page ends with how that set counts the rule, its weight, "
        "its parameters and the evidence it asks for.",
        "id": "Kumpulan kriteria (nama bawaan atau jalur): halaman diakhiri dengan cara kumpulan itu menghitung aturan "
        "ini, bobotnya, parameternya, dan bukti yang dimintanya.",
    },
    "help.lang": {
        "en": "Language of all text: id or en.",
        "id": "Bahasa semua teks: id atau en.",
    },
    "help.output": {
        "en": "Write the report to this file (a regular file: whole or not at all; a symlink is written "
        "through, a device or pipe directly).",
        "id": "Menulis laporan ke berkas ini (berkas biasa: utuh atau tidak sama sekali; tautan simbolik ditulis ke tujuannya, perangkat atau pipa langsung).",
    },
    "help.rule_timeout": {
        "en": "Seconds a plugin rule may take on one file; past it the rule's status is error and the run goes on.",
        "id": "Batas waktu (detik) bagi aturan plugin untuk satu berkas; jika terlampaui, status aturan itu galat "
        "dan penilaian berlanjut.",
    },
    "help.debug": {
        "en": "Show the traceback of internal errors.",
        "id": "Menampilkan traceback bila terjadi kesalahan internal.",
    },
    "help.paths": {
        "en": "Region files, or folders of *.yaml/*.yml files.",
        "id": "Berkas wilayah, atau folder berisi berkas *.yaml/*.yml.",
    },
    "help.format": {
        "en": "table (default), json, junit, github, csv, markdown or xlsx (a workbook, to a file).",
        "id": "table (bawaan), json, junit, github, csv, markdown, atau xlsx (buku kerja, ke berkas).",
    },
    "help.as_of": {
        "en": "Assessment date YYYY-MM-DD (waivers are judged on it).",
        "id": "Tanggal penilaian, TTTT-BB-HH (pengecualian dinilai pada tanggal ini).",
    },
    "help.min_assurance": {
        "en": "Least backing a passing criterion needs: declared (default), documented (its documents on hand) or verified (also checked by the office); below it, the criterion is unknown. Wins over the criteria set's min_assurance.",
        "id": "Tingkat bukti paling rendah bagi kriteria yang dipenuhi: declared (bawaan, baru dinyatakan), documented (dokumennya tersedia) atau verified (juga sudah diperiksa dinas); di bawahnya, kriteria berstatus belum diketahui. Mengalahkan min_assurance dalam kumpulan kriteria.",
    },
    "help.allow_incomplete": {
        "en": "Exit 0 rather than 1 for incomplete regions.",
        "id": "Mengakhiri dengan kode keluar 0, bukan 1, untuk wilayah yang belum lengkap.",
    },
    "help.sort": {
        "en": "Order of results: file (as given) or score.",
        "id": "Urutan hasil: file (sesuai urutan diberikan) atau score.",
    },
    "help.max_bytes": {
        "en": "Largest region file read.",
        "id": "Ukuran terbesar berkas wilayah yang dibaca (bita).",
    },
    "help.max_depth": {
        "en": "Deepest nesting read.",
        "id": "Tingkat susunan terdalam yang dibaca.",
    },
    "help.max_nodes": {
        "en": "Most values read, aliases expanded.",
        "id": "Jumlah nilai terbanyak yang dibaca, setelah alias diuraikan.",
    },
    "help.max_sheet_bytes": {
        "en": "Largest firm spreadsheet read (bytes).",
        "id": "Ukuran terbesar berkas lembar kerja daftar usaha yang dibaca (bita).",
    },
    "help.max_unpacked_bytes": {
        "en": "Most bytes a workbook (.xlsx, .ods) may unpack to; a zip bomb is refused before it is opened.",
        "id": "Ukuran terbesar isi buku kerja (.xlsx, .ods) setelah diekstrak (bita); bom zip ditolak sebelum dibuka.",
    },
    "help.max_rows": {
        "en": "Most rows of a firm sheet, the header row included.",
        "id": "Jumlah baris terbanyak lembar daftar usaha, termasuk baris judul kolom.",
    },
    "help.max_cells": {
        "en": "Most cells of a firm sheet (rows times columns).",
        "id": "Jumlah sel terbanyak lembar daftar usaha (baris kali kolom).",
    },
    "help.sheet_file": {
        "en": "The firm spreadsheet: .xlsx, .xls, .ods or .csv.",
        "id": "Berkas lembar kerja daftar usaha: .xlsx, .xls, .ods, atau .csv.",
    },
    "help.sheet_name": {
        "en": "The sheet to read (default: the first visible one).",
        "id": "Lembar yang dibaca (bawaan: lembar pertama yang tampak).",
    },
    "help.import_output": {
        "en": "Write the YAML list to this file (whole or not at all) instead of standard output.",
        "id": "Tulis daftar YAML ke berkas ini (utuh atau tidak sama sekali), bukan ke keluaran standar.",
    },
    "help.firms_sheet": {
        "en": "Write the empty firm workbook (.xlsx) for the office to fill in, instead of the region template.",
        "id": "Membuat buku kerja daftar usaha (.xlsx) kosong untuk diisi kantor, sebagai pengganti templat berkas wilayah.",
    },
    "help.jobs": {
        "en": "Worker processes (default: one per core for big batches).",
        "id": "Jumlah proses pekerja (bawaan: satu per inti prosesor bila berkasnya banyak).",
    },
    "help.install_completion": {
        "en": "Install completion of commands and options for the current shell (bash, zsh, fish, PowerShell).",
        "id": "Memasang pelengkapan otomatis perintah dan opsi untuk shell yang sedang dipakai (bash, zsh, fish, PowerShell).",
    },
    "help.show_completion": {
        "en": "Show the completion script for the current shell, to copy it or install it by hand.",
        "id": "Menampilkan skrip pelengkapan otomatis untuk shell yang sedang dipakai, untuk disalin atau dipasang sendiri.",
    },
    "help.details": {
        "en": "With several files, print every region's full table after the summary (table format).",
        "id": "Menampilkan tabel lengkap setiap wilayah setelah ringkasan, bila berkasnya lebih dari satu (format table).",
    },
    "help.rule_id": {
        "en": "A rule id, e.g. C2.",
        "id": "Id aturan, misalnya C2.",
    },
    "help.file": {
        "en": "The region file.",
        "id": "Berkas wilayah.",
    },
    "help.checklist_format": {
        "en": "Output format: markdown or html (one printable page).",
        "id": "Format keluaran: markdown atau html (satu halaman siap cetak).",
    },
    "help.checklist_as_of": {
        "en": "Date of the checklist, YYYY-MM-DD.",
        "id": "Tanggal daftar periksa, TTTT-BB-HH.",
    },
    "help.init_file": {
        "en": "Where to write; standard output if omitted.",
        "id": "Tempat menulis; keluaran standar bila tidak diberikan.",
    },
    "help.init_office": {
        "en": "Write an office-profile template (office.yaml: letterhead and signatories) instead.",
        "id": "Membuat templat profil kantor (office.yaml: kop surat dan penanda tangan) sebagai gantinya.",
    },
    "help.schema_office": {
        "en": "Print the JSON Schema of the office profile (office.yaml) instead.",
        "id": "Menampilkan JSON Schema profil kantor (office.yaml) sebagai gantinya.",
    },
    "help.force": {
        "en": "Overwrite an existing file.",
        "id": "Menimpa berkas yang sudah ada.",
    },
    "help.cmd.assess": {
        "en": "Validate and assess region files (a folder means every *.yaml/*.yml below it).",
        "id": "Memvalidasi dan menilai berkas wilayah (folder berarti semua *.yaml/*.yml di dalamnya).",
    },
    "help.cmd.rules": {
        "en": "List the rules of the active criteria set: id, title, required/group, parameters.",
        "id": "Menampilkan aturan kumpulan kriteria yang aktif: id, judul, wajib/kelompok, parameter.",
    },
    "help.cmd.explain": {
        "en": "Print a rule's documentation: what it checks, parameters, a passing and a failing fragment.",
        "id": "Menampilkan dokumentasi aturan: yang diperiksa, parameter, serta contoh yang memenuhi dan yang tidak.",
    },
    "help.cmd.checklist": {
        "en": "Write the proposal checklist for one region: status, what is missing, evidence documents.",
        "id": "Membuat daftar periksa usulan untuk satu wilayah: status, kekurangan, dan dokumen bukti.",
    },
    "help.cmd.round": {
        "en": "Rank the candidates of a selection round: product, area, verdict, assurance, score, what is missing.",
        "id": "Membuat rekapitulasi penilaian calon sentra: peringkat, produk, wilayah, hasil penilaian, skor, "
        "dan yang masih kurang.",
    },
    "help.round_paths": {
        "en": "The candidates' region files, or folders of them.",
        "id": "Berkas wilayah para calon, atau folder berisi berkas tersebut.",
    },
    "help.office": {
        "en": "The office profile (office.yaml): letterhead and signatories of the page.",
        "id": "Profil kantor (office.yaml): kop surat dan penanda tangan halaman.",
    },
    "help.year": {
        "en": "The year of the round, for the title (default: the proposal year most candidates give).",
        "id": "Tahun rekapitulasi, untuk judul (bawaan: tahun usulan yang paling banyak disebut para calon).",
    },
    "help.previous": {
        "en": "Last round's JSON report: adds a column saying what changed since then.",
        "id": "Laporan JSON penilaian sebelumnya: menambah kolom perubahan sejak penilaian itu.",
    },
    "help.round_format": {
        "en": "Output format: table, json, markdown, html (a printable A4 page) or xlsx (a workbook, to a file).",
        "id": "Format keluaran: table, json, markdown, html (halaman A4 siap cetak), atau xlsx (buku kerja, ke berkas).",
    },
    "help.round_as_of": {
        "en": "The assessment date, YYYY-MM-DD (default today): also the date of the signature line.",
        "id": "Tanggal penilaian, TTTT-BB-HH (bawaan hari ini): juga tanggal pada baris tanda tangan.",
    },
    "help.cmd.compare": {
        "en": "Compare two assessments of one sentra (region files or JSON reports): what improved, "
        "what got worse, what was added and what is still missing.",
        "id": "Menampilkan perbandingan dua penilaian atas satu sentra (berkas wilayah atau laporan JSON): "
        "yang membaik, yang memburuk, yang sudah dilengkapi, dan yang masih kurang.",
    },
    "help.compare_old": {
        "en": "The earlier assessment: a region file (assessed now) or a JSON report of assess.",
        "id": "Penilaian terdahulu: berkas wilayah (dinilai sekarang) atau laporan JSON hasil assess.",
    },
    "help.compare_new": {
        "en": "The later assessment: a region file (assessed now) or a JSON report of assess.",
        "id": "Penilaian terkini: berkas wilayah (dinilai sekarang) atau laporan JSON hasil assess.",
    },
    "help.compare_format": {
        "en": "Output format: table, markdown, or json.",
        "id": "Format keluaran: table, markdown, atau json.",
    },
    "help.compare_as_of": {
        "en": "The date region files are assessed on, YYYY-MM-DD (default today); a report keeps its own date.",
        "id": "Tanggal penilaian berkas wilayah, TTTT-BB-HH (bawaan hari ini); laporan tetap memakai tanggalnya sendiri.",
    },
    "help.metavar.old": {"en": "OLD", "id": "LAMA"},
    "help.metavar.new": {"en": "NEW", "id": "BARU"},
    "help.cmd.schema": {
        "en": "Print the JSON Schema of the region format (for editors and other validators).",
        "id": "Menampilkan JSON Schema format berkas wilayah (untuk editor dan validator lain).",
    },
    "help.cmd.init": {
        "en": "Write a region-file template, commented in Bahasa Indonesia and English.",
        "id": "Membuat templat berkas wilayah, dengan komentar dalam bahasa Indonesia dan bahasa Inggris.",
    },
    "help.cmd.import": {
        "en": "Print the firms of a spreadsheet (.xlsx, .xls, .ods, .csv) as the YAML firms: list, each problem with its cell.",
        "id": "Menampilkan usaha dari berkas lembar kerja (.xlsx, .xls, .ods, .csv) sebagai daftar YAML firms:, setiap masalah beserta selnya.",
    },
    "help.metavar.sheet": {"en": "FILE", "id": "BERKAS"},  # (not SHEET: --sheet names a sheet inside it)
    "help.metavar.xlsx": {"en": "FILE.xlsx", "id": "BERKAS.xlsx"},
    "help.metavar.path": {"en": "PATH", "id": "JALUR"},
    "help.metavar.file": {"en": "FILE", "id": "BERKAS"},
    "help.metavar.date": {"en": "YYYY-MM-DD", "id": "<tanggal>"},
    "help.metavar.seconds": {"en": "SECONDS", "id": "<detik>"},
    "help.metavar.id": {"en": "ID", "id": "ID"},
    "help.usage": {"en": "Usage:", "id": "Penggunaan:"},
    "help.options_metavar": {"en": "[OPTIONS]", "id": "[OPSI]"},
    "help.subcommand_metavar": {"en": "COMMAND [ARGS]...", "id": "PERINTAH [ARGUMEN]..."},
    "help.section.arguments": {"en": "Arguments", "id": "Argumen"},
    "help.section.options": {"en": "Options", "id": "Opsi"},
    "help.section.commands": {"en": "Commands", "id": "Perintah"},
    "help.help": {"en": "Show this message and exit.", "id": "Menampilkan pesan ini lalu keluar."},
    "help.default": {"en": "default: {default}", "id": "bawaan: {default}"},
    "help.dynamic": {"en": "(dynamic)", "id": "(dinamis)"},
    "help.envvar": {"en": "env var: {var}", "id": "variabel lingkungan: {var}"},
    "help.envvar_set": {"en": "env var: {var}, now {value}", "id": "variabel lingkungan: {var}, kini {value}"},
    "help.required": {"en": "required", "id": "wajib"},
    "help.min": {"en": "x>={min}", "id": "minimal {min}"},
    "help.max": {"en": "x<={max}", "id": "maksimal {max}"},
    "help.range": {"en": "{min}<=x<={max}", "id": "{min} sampai {max}"},
    "help.type.text": {"en": "str", "id": "teks"},
    "help.type.int": {"en": "int", "id": "bilangan bulat"},
    "help.type.number": {"en": "float", "id": "angka"},
    "help.type.path": {"en": "path", "id": "jalur"},
    "help.type.bool": {"en": "bool", "id": "benar/salah"},
}
