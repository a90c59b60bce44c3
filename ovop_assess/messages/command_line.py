"""The command line's errors: its own, the option parser's and usage errors (exit code 2).

The option parser's errors are built from the error's values, not from its text.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- the command line
    "cli.bad_lang": {
        "en": "--lang must be en (English) or id (Bahasa Indonesia), not '{value}'",
        "id": "--lang harus en (bahasa Inggris) atau id (Bahasa Indonesia), bukan '{value}'",
    },
    "cli.bad_env_lang": {
        "en": "OVOP_LANG must name a language: en (English) or id (Bahasa Indonesia; also indonesia, bahasa, id_ID), not '{value}'",
        "id": "OVOP_LANG harus menyebut bahasa: en (bahasa Inggris) atau id (Bahasa Indonesia; juga indonesia, bahasa, id_ID), bukan '{value}'",
    },
    "cli.bad_date_hint": {"en": "--as-of: {hint}", "id": "--as-of: {hint}"},
    "cli.bad_date": {
        "en": "--as-of must be a date YYYY-MM-DD, not '{value}'",
        "id": "--as-of harus berupa tanggal TTTT-BB-HH, bukan '{value}'",
    },
    "cli.unknown_rule": {
        "en": "unknown rule '{rule}'; known rules: {known}",
        "id": "aturan '{rule}' tidak dikenal; aturan yang dikenal: {known}",
    },
    "cli.internal": {
        "en": "internal error: {error}. This is a bug in ovop-assess or a plugin; run again with --debug to see the traceback.",
        "id": "kesalahan internal: {error}. Ini kesalahan program (bug) di ovop-assess atau plugin; jalankan lagi dengan --debug untuk melihat traceback.",
    },
    "cli.output_is_input": {
        "en": "the output {path} is one of the input files; choose another output file",
        "id": "keluaran {path} adalah salah satu berkas masukan; pilih berkas keluaran lain",
    },
    "cli.checklist_one_file": {
        "en": "{path} is a folder; a checklist is written for one region file",
        "id": "{path} adalah folder; daftar periksa dibuat untuk satu berkas wilayah",
    },
    "cli.firms_sheet_xlsx": {
        "en": "the firm workbook is written as an Excel .xlsx file; give a name ending in .xlsx, not {path}",
        "id": "buku kerja daftar usaha ditulis sebagai berkas Excel .xlsx; berikan nama berakhiran .xlsx, bukan {path}",
    },
    "cli.firms_sheet_option": {
        "en": "{option} is for {what}, not for the firm workbook init --firms-sheet writes; run init once with {option} and once with --firms-sheet",
        "id": "{option} berlaku untuk {what}, bukan untuk buku kerja daftar usaha yang ditulis init --firms-sheet; jalankan init sekali dengan {option} dan sekali dengan --firms-sheet",
    },
    "cli.what_code_is_for": {"en": "the region template", "id": "templat berkas wilayah"},
    "cli.what_office_is_for": {"en": "the office profile", "id": "profil kantor"},
    "cli.firms_sheet_and_file": {
        "en": "init writes one file per run: either the region template ({path}) or the firm workbook (--firms-sheet)",
        "id": "init menulis satu berkas setiap kali: templat berkas wilayah ({path}) atau buku kerja daftar usaha (--firms-sheet)",
    },
    "cli.exists": {
        "en": "{path} already exists; use --force to overwrite it",
        "id": "{path} sudah ada; gunakan --force untuk menimpanya",
    },
    "cli.wrote_template": {
        "en": "wrote the region-file template to {path}; fill it in, then assess it: ovop-assess {quoted}",
        "id": "templat berkas wilayah ditulis ke {path}; lengkapi isiannya, lalu nilai dengan: ovop-assess --lang id {quoted}",
    },
    "cli.wrote_office_template": {
        "en": "wrote the office-profile template to {path}; fill it in, then use it: ovop-assess round FOLDER --office {quoted}",
        "id": "templat profil kantor ditulis ke {path}; lengkapi isiannya, lalu pakai dengan: ovop-assess --lang id round FOLDER --office {quoted}",
    },
    "cli.code_and_office": {
        "en": "--code fills a region file's template, --office writes an office profile: give one of them",
        "id": "--code mengisi templat berkas wilayah, --office membuat profil kantor: pilih salah satu",
    },
    "cli.wrote_round": {
        "en": "wrote the round of {count} candidate(s) ({format}) to {path}",
        "id": "rekapitulasi {count} calon sentra ({format}) ditulis ke {path}",
    },
    "cli.round_no_region_file": {
        "en": "no region file to rank: {paths} (a round ranks the region files it is given, or those in a folder; "
        "nothing was written)",
        "id": "tidak ada berkas wilayah untuk diperingkat: {paths} (rekapitulasi memeringkat berkas wilayah yang "
        "disebut, atau yang ada di dalam folder; tidak ada yang ditulis)",
    },
    "cli.round_file_repeated": {
        "en": "{path} was given more than once: it is ranked once",
        "id": "{path} disebut lebih dari sekali: diperingkat satu kali saja",
    },
    "cli.round_file_same_as": {
        "en": "{path} is the same file as {kept}: it is ranked once, as {kept}",
        "id": "{path} adalah berkas yang sama dengan {kept}: diperingkat satu kali saja, sebagai {kept}",
    },
    "cli.round_same_candidate": {
        "en": "{first} and {second} propose the same product for the same area ({region}): both are ranked; check that one of them is not an old copy",
        "id": "{first} dan {second} mengusulkan produk yang sama untuk wilayah yang sama ({region}): keduanya diperingkat; periksa apakah salah satunya salinan lama",
    },
    "cli.wrote_checklist": {
        "en": "wrote the checklist of {region} ({format}) to {path}",
        "id": "daftar periksa {region} ({format}) ditulis ke {path}",
    },
    "cli.rule_crashed": {
        "en": "{file}: the rule {rule} could not run: {error}",
        "id": "{file}: aturan {rule} tidak dapat dijalankan: {error}",
    },
    "cli.file_crashed": {
        "en": "{file}: a bug in ovop-assess stopped the assessment of this file: {error}",
        "id": "{file}: kesalahan program (bug) di ovop-assess menghentikan penilaian berkas ini: {error}",
    },
    "cli.file_crash_hint": {
        "en": "a bug in ovop-assess is exit code 4; run again with --debug to see the traceback, and report the bug",
        "id": "kesalahan program (bug) di ovop-assess berarti kode keluar 4; jalankan lagi dengan --debug untuk melihat traceback, lalu laporkan bug ini",
    },
    "cli.debug_hint": {
        "en": "a rule that cannot run is a bug in it (exit code 4); run again with --debug to see the traceback",
        "id": "aturan yang tidak dapat dijalankan berarti ada kesalahan program (bug) di dalamnya (kode keluar 4); jalankan lagi dengan --debug untuk melihat traceback",
    },
    "cli.no_such_option": {
        "en": "no such option: {option} (options: {possible})",
        "id": "opsi tidak dikenal: {option} (opsi yang ada: {possible})",
    },
    "cli.no_such_option_plain": {"en": "no such option: {option}", "id": "opsi tidak dikenal: {option}"},
    "cli.missing_argument": {"en": "missing argument {name}", "id": "argumen {name} belum diberikan"},
    "cli.bad_value": {"en": "invalid value for {name}: {detail}", "id": "nilai tidak sah untuk {name}: {detail}"},
    "cli.usage_error": {"en": "usage error: {detail}", "id": "kesalahan pemakaian: {detail}"},
    "cli.try_help": {"en": "Try '{command} --help' for help.", "id": "Coba '{command} --help' untuk bantuan."},
    "cli.interrupted": {"en": "interrupted", "id": "dihentikan"},
    "cli.terminated": {"en": "terminated (SIGTERM)", "id": "dihentikan (SIGTERM)"},
    "cli.unknown_command": {
        "en": "'{given}' is neither a command nor an existing file; did you mean '{command}'?",
        "id": "'{given}' bukan perintah dan bukan berkas yang ada; maksud Anda '{command}'?",
    },
    "cli.version_is_an_option": {
        "en": "'version' is not a command: the version is shown by 'ovop-assess --version'",
        "id": "'version' bukan perintah: versi ditampilkan dengan 'ovop-assess --version'",
    },
    "cli.output_backslash": {
        "en": "{path}: between folders, write / ({slashed}), which every system reads; here \\ would be part of the file's name",
        "id": "{path}: di antara nama folder tulis / ({slashed}), yang dibaca semua sistem; di sini \\ akan menjadi bagian dari nama berkas",
    },
    "cli.output_windows_path": {
        "en": "{path} is a Windows path, which names no place on this system; give a path here, with / between folders",
        "id": "{path} adalah jalur Windows, yang tidak menunjuk tempat mana pun di sistem ini; berikan jalur di sistem ini, dengan / di antara nama folder",
    },
    "cli.names_a_folder": {
        "en": "{path} ends with '{separator}', so it names a folder, not a file: give the name of the file to write (in that folder: {path}NAME)",
        "id": "{path} diakhiri '{separator}', jadi menunjuk folder, bukan berkas: berikan nama berkas yang akan ditulis (di folder itu: {path}NAMA)",
    },
    "cli.is_a_folder": {
        "en": "{path} is a folder, not a file: give the name of the file to write (in that folder: {path}{separator}NAME)",
        "id": "{path} adalah folder, bukan berkas: berikan nama berkas yang akan ditulis (di folder itu: {path}{separator}NAMA)",
    },
    "cli.empty_output_path": {
        "en": "an empty file name was given; name the file to write",
        "id": "nama berkas yang diberikan kosong; sebutkan nama berkas yang akan ditulis",
    },
    "cli.empty_sheet": {
        "en": "--sheet was given an empty name; name the sheet to read, or leave --sheet out for the first visible one",
        "id": "--sheet diberi nama kosong; sebutkan lembar yang dibaca, atau hilangkan --sheet untuk lembar pertama yang tampil",
    },
    "cli.empty_path": {
        "en": "an empty file name was given; name a file or a folder (for the current folder, write .)",
        "id": "nama berkas yang diberikan kosong; sebutkan nama berkas atau folder (untuk folder saat ini, tulis .)",
    },
    "cli.name_says_format": {
        "en": "warning: {path} is written as {format}, though its name says {named}; to write {named}, give --format {named}",
        "id": "peringatan: {path} ditulis dalam format {format}, padahal namanya menyebut {named}; untuk menulis {named}, berikan --format {named}",
    },
    "cli.name_says_unwritten_format": {
        "en": "warning: {path} is written as {format}, though its name says {named}, which this command does not write (its formats: {formats})",
        "id": "peringatan: {path} ditulis dalam format {format}, padahal namanya menyebut {named}, yang tidak ditulis perintah ini (formatnya: {formats})",
    },
    "cli.cannot_write": {
        "en": "cannot write {path}: {reason}",
        "id": "tidak dapat menulis {path}: {reason}",
    },
    "cli.bad_value_plain": {"en": "invalid value for {name}", "id": "nilai tidak sah untuk {name}"},
    "cli.not_a_choice": {
        "en": "must be one of {choices}, not '{value}'",
        "id": "harus salah satu dari {choices}, bukan '{value}'",
    },
    "cli.not_an_int": {"en": "must be a whole number, not '{value}'", "id": "harus bilangan bulat, bukan '{value}'"},
    "cli.not_a_number": {"en": "must be a number, not '{value}'", "id": "harus berupa angka, bukan '{value}'"},
    "cli.below_min": {"en": "must be at least {min}, not {value}", "id": "harus minimal {min}, bukan {value}"},
    "cli.above_max": {"en": "must be at most {max}, not {value}", "id": "harus maksimal {max}, bukan {value}"},
    "cli.not_accepted": {"en": "'{value}' is not accepted", "id": "'{value}' tidak dapat diterima"},
    "cli.envvar_hint": {"en": "(env var: '{var}')", "id": "(variabel lingkungan: '{var}')"},
    "cli.missing_option": {"en": "missing option {name}", "id": "opsi {name} belum diberikan"},
    "cli.option_needs_value": {"en": "option {option} requires a value", "id": "opsi {option} memerlukan nilai"},
    "cli.bad_option_usage": {
        "en": "option {option} is used wrongly",
        "id": "opsi {option} dipakai dengan cara yang salah",
    },
    "cli.option_takes_no_value": {
        "en": "option {option} does not take a value",
        "id": "opsi {option} tidak menerima nilai",
    },
    "cli.extra_arguments": {
        "en": "unexpected extra argument(s): {arguments}",
        "id": "argumen berlebih yang tidak diharapkan: {arguments}",
    },
    # --- criteria sets and options (exit code 2)
    "usage.unknown_set": {
        "en": "no criteria set named '{name}'; shipped sets: {shipped} (or give a path to a .yaml file)",
        "id": "tidak ada kumpulan kriteria bernama '{name}'; yang tersedia: {shipped} (atau berikan jalur berkas .yaml)",
    },
    "usage.extends_not_found": {
        "en": "extends '{ref}': no shipped set or file of that name",
        "id": "extends '{ref}': tidak ada kumpulan kriteria atau berkas dengan nama itu",
    },
    "usage.extends_cycle": {
        "en": "extends forms a cycle: {cycle}",
        "id": "extends membentuk lingkaran: {cycle}",
    },
    "usage.extends_too_deep": {
        "en": "extends is followed through at most {limit} criteria sets; this chain is longer",
        "id": "extends ditelusuri paling banyak melalui {limit} kumpulan kriteria; rantai ini lebih panjang",
    },
    "usage.set_unreadable": {
        "en": "cannot read the criteria set: {detail}",
        "id": "kumpulan kriteria tidak dapat dibaca: {detail}",
    },
    "usage.set_problems": {
        "en": "the criteria set cannot be used: {count} problems, each below",
        "id": "kumpulan kriteria tidak dapat dipakai: {count} masalah, masing-masing di bawah",
    },
    "usage.set_invalid": {
        "en": "invalid criteria set, at {path}: {detail}",
        "id": "kumpulan kriteria tidak sah, pada {path}: {detail}",
    },
    "usage.bad_option": {
        "en": "rule {rule}, option '{option}': {detail}",
        "id": "aturan {rule}, opsi '{option}': {detail}",
    },
    "usage.duplicate_evidence": {
        "en": "rule {rule} lists the evidence item(s) {keys} more than once",
        "id": "aturan {rule} mencantumkan dokumen bukti {keys} lebih dari sekali",
    },
    "usage.no_rules": {
        "en": "the criteria set '{set}' enables no rule: nothing would be assessed",
        "id": "kumpulan kriteria '{set}' tidak mengaktifkan aturan apa pun: tidak ada yang dinilai",
    },
    "usage.nothing_required": {
        "en": "the criteria set '{set}' requires no rule and no group: advisory rules alone decide nothing, and every file would be eligible; make at least one rule required",
        "id": "kumpulan kriteria '{set}' tidak mewajibkan aturan atau kelompok apa pun: aturan yang tidak wajib saja tidak memutuskan apa-apa, dan setiap berkas akan dinilai layak; wajibkan sekurang-kurangnya satu aturan",
    },
    "usage.unknown_rule": {
        "en": "unknown rule '{rule}'; known rules: {known}",
        "id": "aturan '{rule}' tidak dikenal; aturan yang dikenal: {known}",
    },
    "usage.rule_capitals": {
        "en": "unknown rule '{rule}': rule ids are written in capitals, write {plain}",
        "id": "aturan '{rule}' tidak dikenal: id aturan ditulis dengan huruf kapital, tulis {plain}",
    },
    "usage.bad_param": {
        "en": "rule {rule}, parameter '{param}': {detail}",
        "id": "aturan {rule}, parameter '{param}': {detail}",
    },
}
