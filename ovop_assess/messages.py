"""The one catalogue of user-facing sentences, in English (``en``) and Bahasa Indonesia (``id``).

Every reason, warning and error is a :class:`~ovop_assess.results.Message`
(an id plus values); this module turns it into text at the last moment, so
both languages always come from the same place. A test fails when an entry
lacks a language or the two languages use different placeholders.
Plugins add their own entries with :func:`register`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from .results import Message

Lang = Literal["en", "id"]
LANGS: Final[tuple[Lang, ...]] = ("en", "id")

CATALOGUE: dict[str, dict[str, str]] = {
    # --- reading the file -------------------------------------------------
    "file.not_found": {"en": "file not found", "id": "berkas tidak ditemukan"},
    "file.not_regular": {
        "en": "not a regular file (a pipe, device or socket); only region files are read",
        "id": "bukan berkas biasa (pipa, perangkat, atau soket); hanya berkas wilayah yang dibaca",
    },
    "file.is_directory": {
        "en": "this is a folder with no region files (*.yaml, *.yml) below it",
        "id": "ini folder tanpa berkas wilayah (*.yaml, *.yml) di dalamnya",
    },
    "file.folder_unreadable": {
        "en": "cannot read this folder: permission denied",
        "id": "folder ini tidak dapat dibaca: izin ditolak",
    },
    "file.unreadable": {"en": "cannot read the file: {reason}", "id": "berkas tidak dapat dibaca: {reason}"},
    "file.too_large": {
        "en": "the file is {size} bytes, over the limit of {limit} bytes (raise it with --max-bytes)",
        "id": "berkas berukuran {size} byte, melebihi batas {limit} byte (naikkan dengan --max-bytes)",
    },
    "file.not_utf8": {
        "en": "the file is not UTF-8 text (save it as UTF-8)",
        "id": "berkas bukan teks UTF-8 (simpan sebagai UTF-8)",
    },
    "file.empty": {"en": "the file is empty", "id": "berkas kosong"},
    # --- YAML -------------------------------------------------------------
    "yaml.syntax": {"en": "YAML syntax error: {detail}", "id": "kesalahan sintaks YAML: {detail}"},
    "libyaml.scanning_next_token": {"en": "while scanning for the next token", "id": "saat membaca unsur berikutnya"},
    "libyaml.unknown_directive": {"en": "found unknown directive name", "id": "nama direktif (%) tidak dikenal"},
    "libyaml.no_closing_angle": {
        "en": "did not find the expected '>'",
        "id": "tanda '>' yang diharapkan tidak ditemukan",
    },
    "libyaml.indent_indicator_zero": {
        "en": "found an indentation indicator equal to 0",
        "id": "penanda indentasi bernilai 0",
    },
    "libyaml.no_name_character": {
        "en": "did not find expected alphabetic or numeric character",
        "id": "huruf atau angka yang diharapkan tidak ditemukan",
    },
    "libyaml.parsing_quoted_scalar": {"en": "while parsing a quoted scalar", "id": "saat membaca nilai bertanda kutip"},
    "libyaml.no_hex_digit": {
        "en": "did not find expected hexdecimal number",
        "id": "angka heksadesimal yang diharapkan tidak ditemukan",
    },
    "libyaml.no_comment_or_break": {
        "en": "did not find expected comment or line break",
        "id": "komentar atau akhir baris yang diharapkan tidak ditemukan",
    },
    "libyaml.duplicate_anchor": {
        "en": "found duplicate anchor; first occurrence",
        "id": "jangkar (&) ganda; kemunculan pertama",
    },
    "libyaml.second_occurrence": {"en": "second occurrence", "id": "kemunculan kedua"},
    # --- libyaml's own words, for syntax errors without a message of their own -------------
    "libyaml.while_parsing_a_block_mapping": {
        "en": "while parsing a block mapping",
        "id": "saat membaca pemetaan blok",
    },
    "libyaml.while_parsing_a_block_collection": {
        "en": "while parsing a block collection",
        "id": "saat membaca daftar blok",
    },
    "libyaml.while_parsing_a_flow_mapping": {
        "en": "while parsing a flow mapping",
        "id": "saat membaca pemetaan dalam kurung kurawal",
    },
    "libyaml.while_parsing_a_flow_sequence": {
        "en": "while parsing a flow sequence",
        "id": "saat membaca daftar dalam kurung siku",
    },
    "libyaml.while_parsing_a_flow_node": {"en": "while parsing a flow node", "id": "saat membaca nilai dalam kurung"},
    "libyaml.while_parsing_a_block_node": {"en": "while parsing a block node", "id": "saat membaca nilai blok"},
    "libyaml.while_parsing_a_node": {"en": "while parsing a node", "id": "saat membaca nilai"},
    "libyaml.while_scanning_a_simple_key": {"en": "while scanning a simple key", "id": "saat membaca kunci"},
    "libyaml.while_scanning_a_quoted_scalar": {
        "en": "while scanning a quoted scalar",
        "id": "saat membaca nilai bertanda kutip",
    },
    "libyaml.while_scanning_a_plain_scalar": {"en": "while scanning a plain scalar", "id": "saat membaca nilai"},
    "libyaml.while_scanning_a_block_scalar": {
        "en": "while scanning a block scalar",
        "id": "saat membaca teks blok (| atau >)",
    },
    "libyaml.while_scanning_an_anchor": {"en": "while scanning an anchor", "id": "saat membaca jangkar (&)"},
    "libyaml.while_scanning_an_alias": {"en": "while scanning an alias", "id": "saat membaca alias (*)"},
    "libyaml.while_scanning_a_tag": {"en": "while scanning a tag", "id": "saat membaca tag (!)"},
    "libyaml.while_scanning_a_directive": {"en": "while scanning a directive", "id": "saat membaca direktif (%)"},
    "libyaml.did_not_find_expected_key": {
        "en": "did not find expected key",
        "id": "kunci yang diharapkan tidak ditemukan",
    },
    "libyaml.did_not_find_expected_node_content": {
        "en": "did not find expected node content",
        "id": "isi nilai yang diharapkan tidak ditemukan",
    },
    "libyaml.no_dash": {
        "en": "did not find expected '-' indicator",
        "id": "tanda '-' yang diharapkan tidak ditemukan",
    },
    "libyaml.no_comma_or_bracket": {
        "en": "did not find expected ',' or ']'",
        "id": "tanda ',' atau ']' yang diharapkan tidak ditemukan",
    },
    "libyaml.no_comma_or_brace": {
        "en": "did not find expected ',' or '}}'",
        "id": "tanda ',' atau '}}' yang diharapkan tidak ditemukan",
    },
    "libyaml.no_colon": {
        "en": "could not find expected ':'",
        "id": "tanda ':' yang diharapkan tidak ditemukan",
    },
    "libyaml.found_character_that_cannot_start_any_token": {
        "en": "found character that cannot start any token",
        "id": "ada karakter yang tidak dapat mengawali nilai atau kunci",
    },
    "libyaml.found_unexpected_end_of_stream": {
        "en": "found unexpected end of stream",
        "id": "berkas berakhir sebelum waktunya",
    },
    "libyaml.unexpected_colon": {"en": "found unexpected ':'", "id": "ada ':' yang tidak diharapkan"},
    "libyaml.dash_not_here": {
        "en": "block sequence entries are not allowed in this context",
        "id": "butir daftar ('- ') tidak boleh berada di sini",
    },
    "libyaml.found_undefined_tag_handle": {"en": "found undefined tag handle", "id": "penanda tag tidak dikenal"},
    "yaml.too_deep": {
        "en": "nesting deeper than {limit} levels (raise the limit with --max-depth)",
        "id": "susunan bertingkat lebih dari {limit} tingkat (naikkan batas dengan --max-depth)",
    },
    "yaml.too_many_nodes": {
        "en": "more than {limit} values once aliases are expanded (raise the limit with --max-nodes)",
        "id": "lebih dari {limit} nilai setelah alias diuraikan (naikkan batas dengan --max-nodes)",
    },
    "yaml.tag_not_allowed": {
        "en": "the YAML tag {tag} is not allowed; only plain values, lists and mappings are read",
        "id": "tag YAML {tag} tidak diizinkan; hanya nilai biasa, daftar dan pemetaan yang dibaca",
    },
    "yaml.bad_scalar": {
        "en": "cannot read {value} as a {tag}",
        "id": "{value} tidak dapat dibaca sebagai {tag}",
    },
    "yaml.duplicate_key": {
        "en": "the key '{key}' appears twice (first at line {first_line}); YAML would keep only the last",
        "id": "kunci '{key}' muncul dua kali (pertama di baris {first_line}); YAML hanya menyimpan yang terakhir",
    },
    "yaml.key_not_text": {
        "en": "the key {key} is not text; write it in quotes",
        "id": "kunci {key} bukan teks; tulis dalam tanda kutip",
    },
    "yaml.bad_merge": {
        "en": "a merge key (<<) must refer to a mapping",
        "id": "kunci penggabungan (<<) harus merujuk ke pemetaan",
    },
    "yaml.expanded_too_large": {
        "en": "aliases repeat more than {limit} bytes of text (raise the limit with --max-bytes)",
        "id": "alias mengulang lebih dari {limit} byte teks (naikkan batas dengan --max-bytes)",
    },
    "yaml.recursive_alias": {
        "en": "this alias refers to the list or mapping that contains it, so it would never end",
        "id": "alias ini merujuk ke daftar atau pemetaan yang memuatnya sendiri, sehingga tidak akan pernah selesai",
    },
    "yaml.octal_number": {
        "en": "YAML 1.1 reads the unquoted {raw} as the octal number {value}; write {plain} "
        "(no leading zero) or, if it is text, put it in quotes",
        "id": "YAML 1.1 membaca {raw} tanpa kutip sebagai bilangan oktal {value}; tulis {plain} "
        "(tanpa angka nol di depan) atau, jika berupa teks, beri tanda kutip",
    },
    "yaml.base60_number": {
        "en": "YAML 1.1 reads the unquoted {raw} as the base-60 number {value}; write the number "
        "without ':' or, if it is text (a time, a ratio), put it in quotes",
        "id": "YAML 1.1 membaca {raw} tanpa kutip sebagai bilangan basis 60 {value}; tulis angkanya "
        "tanpa ':' atau, jika berupa teks (jam, perbandingan), beri tanda kutip",
    },
    "yaml.based_number": {
        "en": "YAML 1.1 reads the unquoted {raw} as the number {value} (hexadecimal or binary); "
        "write it in decimal or, if it is text, put it in quotes",
        "id": "YAML 1.1 membaca {raw} tanpa kutip sebagai bilangan {value} (heksadesimal atau biner); "
        "tulis dalam desimal atau, jika berupa teks, beri tanda kutip",
    },
    # --- the region format -----------------------------------------------
    "schema.top_not_mapping": {
        "en": "the file must be a mapping of fields (format, region, …) at the top level",
        "id": "isi berkas harus berupa pemetaan kolom (format, region, …) di tingkat teratas",
    },
    "schema.unknown_key": {
        "en": "unknown field '{key}'; allowed here: {allowed}",
        "id": "kolom '{key}' tidak dikenal; yang diizinkan di sini: {allowed}",
    },
    "schema.unknown_key_suggest": {
        "en": "unknown field '{key}' (did you mean '{suggestion}'?)",
        "id": "kolom '{key}' tidak dikenal (maksud Anda '{suggestion}'?)",
    },
    "schema.missing": {"en": "required field '{field}' is missing", "id": "kolom wajib '{field}' belum diisi"},
    "schema.expected_text": {"en": "expected text", "id": "harus berupa teks"},
    "schema.expected_text_quote": {
        "en": 'expected text, but YAML reads the unquoted {raw} as {kind}; write it in quotes: "{raw}"',
        "id": 'harus berupa teks, tetapi YAML membaca {raw} tanpa kutip sebagai {kind}; tulis dalam tanda kutip: "{raw}"',
    },
    "schema.expected_int": {"en": "expected a whole number", "id": "harus berupa bilangan bulat"},
    "schema.expected_number": {"en": "expected a number", "id": "harus berupa angka"},
    "schema.expected_bool": {"en": "expected true or false", "id": "harus berupa true atau false"},
    "schema.expected_list": {"en": "expected a list", "id": "harus berupa daftar"},
    "schema.expected_mapping": {"en": "expected a mapping of fields", "id": "harus berupa pemetaan kolom"},
    "schema.expected_date": {"en": "expected a date YYYY-MM-DD", "id": "harus berupa tanggal TTTT-BB-HH"},
    "schema.one_of": {"en": "must be one of: {choices}", "id": "harus salah satu dari: {choices}"},
    "schema.one_of_quote": {
        "en": 'must be one of: {choices}; YAML reads the unquoted {raw} as {kind}: write it in quotes, "{raw}", '
        "if that is what you mean",
        "id": "harus salah satu dari: {choices}; YAML membaca {raw} tanpa kutip sebagai {kind}: tulis dalam tanda "
        'kutip, "{raw}", jika itu maksudnya',
    },
    "schema.number_leading_zero": {
        "en": "expected a number; YAML reads the unquoted {raw} as text because of its leading zero: write {plain}",
        "id": "harus berupa angka; YAML membaca {raw} tanpa kutip sebagai teks karena angka nol di depannya: "
        "tulis {plain}",
    },
    "schema.too_small": {"en": "must be at least {limit}", "id": "minimal {limit}"},
    "schema.too_big": {"en": "must be at most {limit}", "id": "maksimal {limit}"},
    "schema.empty_text": {"en": "must not be empty", "id": "tidak boleh kosong"},
    "schema.nib_format": {
        "en": "a NIB is exactly 13 digits, written in quotes so leading zeros stay",
        "id": "NIB terdiri atas tepat 13 angka, ditulis dalam tanda kutip agar angka nol di depan tidak hilang",
    },
    "schema.code_format": {
        "en": "an area code is PP.KK.CC (kecamatan) or PP.KK.CC.DDDD (desa/kelurahan), digits and dots only, in quotes",
        "id": "kode wilayah berbentuk PP.KK.CC (kecamatan) atau PP.KK.CC.DDDD (desa/kelurahan), hanya angka dan titik, dalam tanda kutip",
    },
    "schema.kbli_format": {
        "en": "a KBLI code is 5 digits, written in quotes",
        "id": "kode KBLI terdiri atas 5 angka, ditulis dalam tanda kutip",
    },
    "schema.pattern": {"en": "does not have the expected form", "id": "bentuknya tidak sesuai"},
    "schema.format_version": {
        "en": "format must be 'ovop-region/1'",
        "id": "format harus 'ovop-region/1'",
    },
    "schema.invalid": {"en": "invalid value ({detail})", "id": "nilai tidak sah ({detail})"},
    "kind.bool": {"en": "true/false", "id": "benar/salah"},
    "kind.int": {"en": "a number", "id": "angka"},
    "kind.float": {"en": "a number", "id": "angka"},
    "kind.null": {"en": "empty", "id": "kosong"},
    "kind.timestamp": {"en": "a date", "id": "tanggal"},
    # --- checks across fields ------------------------------------------------
    "check.duplicate_firm": {
        "en": "the firm name '{name}' is already used at line {first_line}; firm names must be unique",
        "id": "nama usaha '{name}' sudah dipakai di baris {first_line}; nama usaha harus unik",
    },
    "check.mentor_unknown": {
        "en": "mentor '{mentor}' names no champion firm in this file (champions: {champions})",
        "id": "mentor '{mentor}' tidak menunjuk usaha champion mana pun di berkas ini (champion: {champions})",
    },
    "check.mentor_required": {
        "en": "this mentee has no mentor, and the file has {count} champions: name its champion in mentor",
        "id": "mentee ini tidak punya mentor, padahal berkas memuat {count} champion: sebutkan championnya di mentor",
    },
    "check.code_kecamatan_shape": {
        "en": "a kecamatan's area code is PP.KK.CC, but {code} is a desa/kelurahan code",
        "id": "kode wilayah kecamatan berbentuk PP.KK.CC, tetapi {code} adalah kode desa/kelurahan",
    },
    "check.code_village_shape": {
        "en": "a {level}'s area code is PP.KK.CC.DDDD, but {code} is a kecamatan code",
        "id": "kode wilayah {level} berbentuk PP.KK.CC.DDDD, tetapi {code} adalah kode kecamatan",
    },
    "check.waiver_unknown_rule": {
        "en": "the waiver names the unknown rule '{rule}'; known rules: {known}",
        "id": "pengecualian menyebut aturan '{rule}' yang tidak dikenal; aturan yang dikenal: {known}",
    },
    "warn.code_village_kind": {
        "en": "area code {code} marks a {kind} (its village part starts with {digit}), but level is {level}",
        "id": "kode wilayah {code} menandai {kind} (bagian desanya diawali {digit}), tetapi level adalah {level}",
    },
    "warn.evidence_unknown_key": {
        "en": "'{key}' is not an evidence item of the criteria set '{set}'",
        "id": "'{key}' bukan dokumen bukti dalam kumpulan kriteria '{set}'",
    },
    "warn.mentor_ignored": {
        "en": "mentor is only read for mentee firms; this firm's role is {role}",
        "id": "mentor hanya dibaca untuk usaha mentee; peran usaha ini {role}",
    },
    "warn.waiver_rule_unused": {
        "en": "the waiver names rule {rule}, which the criteria set '{set}' does not use",
        "id": "pengecualian menyebut aturan {rule}, yang tidak dipakai kumpulan kriteria '{set}'",
    },
    # --- waivers and rule errors -------------------------------------------
    "waiver.applied": {
        "en": "Waived by the assessing office: {reason}",
        "id": "Dikecualikan oleh dinas penilai: {reason}",
    },
    "waiver.applied_by": {
        "en": "Waived by {approved_by}: {reason}",
        "id": "Dikecualikan oleh {approved_by}: {reason}",
    },
    "waiver.expired": {
        "en": "A waiver of this criterion expired on {expires} and has no effect: {reason}",
        "id": "Pengecualian kriteria ini berakhir pada {expires} dan tidak berlaku: {reason}",
    },
    "rule.crashed": {
        "en": "The rule {rule} failed while checking: {error}",
        "id": "Aturan {rule} gagal saat memeriksa: {error}",
    },
    "rule.unavailable": {
        "en": "The rule {rule} could not be loaded: {error}",
        "id": "Aturan {rule} tidak dapat dimuat: {error}",
    },
    # --- words of the reports ------------------------------------------------
    "status.pass": {"en": "pass", "id": "lulus"},
    "status.fail": {"en": "fail", "id": "gagal"},
    "status.unknown": {"en": "unknown", "id": "belum diketahui"},
    "status.waived": {"en": "waived", "id": "dikecualikan"},
    "status.error": {"en": "error", "id": "galat"},
    "verdict.eligible": {"en": "eligible", "id": "layak"},
    "verdict.not_eligible": {"en": "not eligible", "id": "tidak layak"},
    "verdict.incomplete": {"en": "incomplete", "id": "belum lengkap"},
    "verdict.invalid": {"en": "invalid file", "id": "berkas tidak sah"},
    "ui.criterion": {"en": "Criterion", "id": "Kriteria"},
    "ui.status": {"en": "Status", "id": "Status"},
    "ui.score": {"en": "Score", "id": "Skor"},
    "ui.reason": {"en": "Reason", "id": "Alasan"},
    "ui.verdict": {"en": "Verdict", "id": "Putusan"},
    "ui.region": {"en": "Region", "id": "Wilayah"},
    "ui.file": {"en": "File", "id": "Berkas"},
    "ui.total_score": {"en": "total score", "id": "skor total"},
    "ui.criteria_set": {
        "en": "criteria set {id} (version {version})",
        "id": "kumpulan kriteria {id} (versi {version})",
    },
    "ui.still_missing": {"en": "still missing", "id": "masih kurang"},
    "ui.advisory": {"en": "advisory", "id": "anjuran"},
    "ui.group": {"en": "one of group {group}", "id": "salah satu dari kelompok {group}"},
    "ui.required": {"en": "required", "id": "wajib"},
    "ui.warning": {"en": "warning", "id": "peringatan"},
    "ui.errors_in": {"en": "{count} problem(s) in {file}", "id": "{count} masalah di {file}"},
    "ui.summary": {
        "en": "{files} file(s): {eligible} eligible, {not_eligible} not eligible, {incomplete} incomplete, {invalid} invalid",
        "id": "{files} berkas: {eligible} layak, {not_eligible} tidak layak, {incomplete} belum lengkap, {invalid} tidak sah",
    },
    "ui.parameters": {"en": "parameters", "id": "parameter"},
    "ui.id": {"en": "ID", "id": "ID"},
    "ui.name": {"en": "name", "id": "nama"},
    "ui.role": {"en": "counts as", "id": "dihitung sebagai"},
    "ui.weight": {"en": "weight", "id": "bobot"},
    "ui.disabled": {"en": "switched off in this set: {ids}", "id": "dimatikan dalam kumpulan ini: {ids}"},
    "ui.other_rules": {
        "en": "installed but not used by this set: {ids}",
        "id": "terpasang tetapi tidak dipakai kumpulan ini: {ids}",
    },
    "ui.param_default": {"en": "  {name} (default {default})", "id": "  {name} (bawaan {default})"},
    "ui.none": {"en": "none", "id": "tidak ada"},
    "ui.assessing": {"en": "Assessing", "id": "Menilai"},
    "cli.no_files": {
        "en": "no region files (*.yaml, *.yml) found in {path}",
        "id": "tidak ada berkas wilayah (*.yaml, *.yml) di {path}",
    },
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
        "id": "galat internal: {error}. Ini kutu (bug) di ovop-assess atau plugin; jalankan lagi dengan --debug untuk melihat traceback.",
    },
    "cli.output_is_input": {
        "en": "the output {path} is one of the input files; choose another output file",
        "id": "keluaran {path} adalah salah satu berkas masukan; pilih berkas keluaran lain",
    },
    "cli.checklist_one_file": {
        "en": "{path} is a folder; a checklist is written for one region file",
        "id": "{path} adalah folder; daftar periksa dibuat untuk satu berkas wilayah",
    },
    "cli.exists": {
        "en": "{path} already exists; use --force to overwrite it",
        "id": "{path} sudah ada; gunakan --force untuk menimpanya",
    },
    "cli.rule_crashed": {
        "en": "{file}: the rule {rule} could not run: {error}",
        "id": "{file}: aturan {rule} tidak dapat dijalankan: {error}",
    },
    "cli.debug_hint": {
        "en": "a rule that cannot run is a bug in it (exit code 4); run again with --debug to see the traceback",
        "id": "aturan yang tidak dapat dijalankan berarti ada kutu di dalamnya (kode keluar 4); jalankan lagi dengan --debug untuk melihat traceback",
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
    "cli.cannot_write": {
        "en": "cannot write {path}: {reason}",
        "id": "tidak dapat menulis {path}: {reason}",
    },
    # --- criteria sets and options (exit code 2) ------------------------------
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
    "usage.set_unreadable": {
        "en": "cannot read the criteria set: {detail}",
        "id": "kumpulan kriteria tidak dapat dibaca: {detail}",
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
    "usage.unknown_rule": {
        "en": "unknown rule '{rule}'; known rules: {known}",
        "id": "aturan '{rule}' tidak dikenal; aturan yang dikenal: {known}",
    },
    "usage.bad_param": {
        "en": "rule {rule}, parameter '{param}': {detail}",
        "id": "aturan {rule}, parameter '{param}': {detail}",
    },
    # --- C1 resource-champion-mentees ---------------------------------------
    "c1.resources_ok": {
        "en": "{count} superior resource(s) listed.",
        "id": "{count} sumber daya unggulan tercantum.",
    },
    "c1.resources_empty": {
        "en": "No superior resource of the region is listed (resources is empty).",
        "id": "Tidak ada sumber daya unggulan wilayah yang tercantum (resources kosong).",
    },
    "c1.resources_absent": {
        "en": "The region's superior resources are not stated yet.",
        "id": "Sumber daya unggulan wilayah belum dinyatakan.",
    },
    "c1.export_false": {
        "en": "The product is marked as not export-oriented.",
        "id": "Produk ditandai tidak berorientasi ekspor.",
    },
    "c1.export_absent": {
        "en": "Whether the product is (or can become) export-oriented is not stated.",
        "id": "Belum dinyatakan apakah produk berorientasi (atau dapat berorientasi) ekspor.",
    },
    "c1.firms_absent": {"en": "The sentra's firms are not listed yet.", "id": "Usaha di sentra belum didaftar."},
    "c1.no_champion": {
        "en": "No firm has the role champion (the main firm that drives the sentra).",
        "id": "Tidak ada usaha berperan champion (usaha utama penggerak sentra).",
    },
    "c1.not_willing": {
        "en": "No champion has stated it is willing to lead the community.",
        "id": "Tidak ada champion yang menyatakan bersedia menjadi penggerak masyarakat.",
    },
    "c1.willing_absent": {
        "en": "Champion {name} has not stated whether it is willing to lead.",
        "id": "Champion {name} belum menyatakan kesediaan menjadi penggerak.",
    },
    "c1.mentees_short": {
        "en": "Champion {name} mentors {count} of the {required} mentee firms of category {category} needed.",
        "id": "Champion {name} membina {count} dari {required} usaha mentee kategori {category} yang diperlukan.",
    },
    "c1.ok": {
        "en": "Champion {name} is willing to lead and mentors {count} mentee firms of category {category}.",
        "id": "Champion {name} bersedia menjadi penggerak dan membina {count} usaha mentee kategori {category}.",
    },
    "c1.capacity_not_largest": {
        "en": "Champion {name} ({capacity} units/month) is not the largest producer: {other} makes {other_capacity}.",
        "id": "Champion {name} ({capacity} unit/bulan) bukan produsen terbesar: {other} membuat {other_capacity}.",
    },
    "missing.c1.resource": {
        "en": "list at least one superior resource of the region",
        "id": "cantumkan sedikitnya satu sumber daya unggulan wilayah",
    },
    "missing.c1.export_state": {
        "en": "state whether the product is export-oriented",
        "id": "nyatakan apakah produk berorientasi ekspor",
    },
    "missing.c1.export": {
        "en": "a product that is, or can become, high value-added and export-oriented",
        "id": "produk yang bernilai tambah tinggi dan berorientasi ekspor (atau dapat menjadi demikian)",
    },
    "missing.firms": {"en": "list the sentra's firms", "id": "daftarkan usaha-usaha di sentra"},
    "missing.c1.champion": {
        "en": "a champion firm (the largest producer) willing to lead the sentra",
        "id": "usaha champion (produsen terbesar) yang bersedia menjadi penggerak sentra",
    },
    "missing.c1.willingness": {
        "en": "state whether champion {name} is willing to lead the sentra (willing_to_lead)",
        "id": "nyatakan apakah champion {name} bersedia menjadi penggerak sentra (willing_to_lead)",
    },
    "missing.c1.firms": {
        "en": "list the sentra's firms: a champion (the largest producer) willing to lead the sentra, "
        "and at least {count} mentee firm(s) of category {category} that it mentors",
        "id": "daftarkan usaha-usaha di sentra: champion (produsen terbesar) yang bersedia menjadi penggerak "
        "sentra, dan sedikitnya {count} usaha mentee kategori {category} yang dibinanya",
    },
    "missing.c1.firms_any": {
        "en": "list the sentra's firms: a champion (the largest producer) willing to lead the sentra, "
        "and at least {count} mentee firm(s) that it mentors making the same kind of product",
        "id": "daftarkan usaha-usaha di sentra: champion (produsen terbesar) yang bersedia menjadi penggerak "
        "sentra, dan sedikitnya {count} usaha mentee yang dibinanya dan memproduksi produk sejenis",
    },
    "missing.c1.mentees": {
        "en": "at least {count} mentee firm(s) of category {category} mentored by that champion",
        "id": "sedikitnya {count} usaha mentee kategori {category} yang dibina champion tersebut",
    },
    "missing.c1.mentees_any": {
        "en": "at least {count} mentee firm(s) mentored by that champion, making the same kind of product",
        "id": "sedikitnya {count} usaha mentee yang dibina champion tersebut dan memproduksi produk sejenis",
    },
    "missing.c1.more_mentees": {
        "en": "{count} more mentee firm(s) of category {category} mentored by {name}",
        "id": "{count} usaha mentee lagi kategori {category} yang dibina {name}",
    },
    # --- C2 similar-firms ---------------------------------------------------
    "c2.ok": {
        "en": "{count} firms make products of category {category} (at least {required} needed).",
        "id": "{count} usaha membuat produk kategori {category} (minimal {required}).",
    },
    "c2.short": {
        "en": "{count} of the {required} firms of category {category} needed.",
        "id": "{count} dari {required} usaha kategori {category} yang diperlukan.",
    },
    "c2.firms_absent": {
        "en": "The sentra's firms are not listed yet.",
        "id": "Usaha di sentra belum didaftar.",
    },
    "c2.category_absent": {
        "en": "The product (and so its category) is not given, so similar firms cannot be counted.",
        "id": "Produk (dan kategorinya) belum diisi, sehingga usaha sejenis tidak dapat dihitung.",
    },
    "missing.c2.more_firms": {
        "en": "{count} more firm(s) of category {category}",
        "id": "{count} usaha lagi kategori {category}",
    },
    "missing.product": {
        "en": "describe the product (name and category)",
        "id": "uraikan produknya (nama dan kategori)",
    },
    # --- C3 uniqueness ------------------------------------------------------
    "c3.ok": {
        "en": "The product's uniqueness and local wisdom are described (aspects: {aspects}).",
        "id": "Keunikan dan kearifan lokal produk sudah diuraikan (segi: {aspects}).",
    },
    "c3.empty": {
        "en": "uniqueness is given, but raw material, local skill and culture are all empty.",
        "id": "uniqueness diisi, tetapi bahan baku, keterampilan lokal dan budaya semuanya kosong.",
    },
    "c3.absent": {
        "en": "The product's uniqueness and local wisdom are not described.",
        "id": "Keunikan dan kearifan lokal produk belum diuraikan.",
    },
    "missing.c3": {
        "en": "describe what makes the product unique: its raw material, local skill or local culture",
        "id": "uraikan keunikan produk: bahan baku, keterampilan lokal atau budaya lokal",
    },
    "aspect.raw_material": {"en": "raw material", "id": "bahan baku"},
    "aspect.local_skill": {"en": "local skill", "id": "keterampilan lokal"},
    "aspect.culture": {"en": "culture", "id": "budaya"},
    # --- C4 government-commitment -------------------------------------------
    "c4.ok": {
        "en": "{count} local-government commitment(s) committed or delivered.",
        "id": "{count} komitmen pemerintah daerah sudah disepakati atau terlaksana.",
    },
    "c4.too_few": {
        "en": "{count} of the {required} committed or delivered commitments needed ({planned} only planned).",
        "id": "{count} dari {required} komitmen yang disepakati atau terlaksana ({planned} baru rencana).",
    },
    "c4.empty": {
        "en": "No local-government commitment is listed.",
        "id": "Tidak ada komitmen pemerintah daerah yang tercantum.",
    },
    "c4.absent": {
        "en": "The local government's commitment is not stated yet.",
        "id": "Komitmen pemerintah daerah belum dinyatakan.",
    },
    "missing.c4": {
        "en": "{count} more committed or delivered commitment(s) of the local government (budget, programme, regulation)",
        "id": "{count} komitmen pemerintah daerah lagi yang disepakati atau terlaksana (anggaran, program, regulasi)",
    },
    # --- C5 management-body -------------------------------------------------
    "c5.ok": {"en": "Managed by {names}.", "id": "Dikelola oleh {names}."},
    "c5.body": {"en": "{name} ({type})", "id": "{name} ({type})"},
    "c5.empty": {
        "en": "The sentra has no management body.",
        "id": "Sentra tidak memiliki pengurus.",
    },
    "c5.absent": {
        "en": "The sentra's management body is not stated yet.",
        "id": "Pengurus sentra belum dinyatakan.",
    },
    "missing.c5": {
        "en": "a management body for the sentra (kelompok usaha, KUB, koperasi, paguyuban, asosiasi)",
        "id": "pengurus sentra (kelompok usaha, KUB, koperasi, paguyuban, asosiasi)",
    },
    # --- C6 spatial-plan ----------------------------------------------------
    "c6.ok": {"en": "Conforms to {regulation}.", "id": "Sesuai dengan {regulation}."},
    "c6.not_conform": {
        "en": "The location does not conform to the regional spatial plan (RUTR/RTRW).",
        "id": "Lokasi tidak sesuai dengan rencana tata ruang wilayah (RUTR/RTRW).",
    },
    "c6.absent": {
        "en": "Conformity with the Perda RUTR/RTRW is not stated yet.",
        "id": "Kesesuaian dengan Perda RUTR/RTRW belum dinyatakan.",
    },
    "c6.conforms_absent": {
        "en": "Whether the location conforms to the spatial plan is not stated.",
        "id": "Belum dinyatakan apakah lokasi sesuai dengan rencana tata ruang.",
    },
    "c6.regulation_absent": {
        "en": "The Perda RTRW/RUTR is not named.",
        "id": "Perda RTRW/RUTR belum disebutkan.",
    },
    "missing.c6.conforms": {
        "en": "state whether the location conforms to the Perda RTRW/RUTR",
        "id": "nyatakan apakah lokasi sesuai dengan Perda RTRW/RUTR",
    },
    "missing.c6.regulation": {
        "en": "name the Perda RTRW the zone belongs to",
        "id": "sebutkan Perda RTRW yang mengatur zona tersebut",
    },
    "missing.c6.conform": {
        "en": "a location that conforms to the Perda RTRW/RUTR",
        "id": "lokasi yang sesuai dengan Perda RTRW/RUTR",
    },
    # --- C7 local-raw-material ----------------------------------------------
    "c7.ok": {
        "en": "{names} come(s) from an accepted source ({accepted}).",
        "id": "{names} berasal dari sumber yang diterima ({accepted}).",
    },
    "c7.none_accepted": {
        "en": "No raw material comes from an accepted source ({accepted}).",
        "id": "Tidak ada bahan baku dari sumber yang diterima ({accepted}).",
    },
    "c7.source_absent": {
        "en": "Where {names} come(s) from is not given.",
        "id": "Asal {names} belum diisi.",
    },
    "c7.empty": {"en": "No raw material is listed.", "id": "Tidak ada bahan baku yang tercantum."},
    "c7.absent": {
        "en": "The raw materials and their origin are not stated yet.",
        "id": "Bahan baku dan asalnya belum dinyatakan.",
    },
    "missing.c7.local": {
        "en": "a raw material available from an accepted source ({accepted})",
        "id": "bahan baku yang tersedia dari sumber yang diterima ({accepted})",
    },
    "missing.c7.source": {
        "en": "state where {names} come(s) from",
        "id": "nyatakan asal {names}",
    },
    "missing.c7.list": {
        "en": "list the main raw materials and where they come from",
        "id": "daftarkan bahan baku utama dan asalnya",
    },
    # --- C8 public-transport ------------------------------------------------
    "c8.ok": {"en": "Reached by {modes}.", "id": "Dapat dicapai dengan {modes}."},
    "c8.ok_distance": {
        "en": "Reached by {modes}; the nearest stop is {distance} m away (at most {limit} m).",
        "id": "Dapat dicapai dengan {modes}; perhentian terdekat berjarak {distance} m (maksimal {limit} m).",
    },
    "c8.too_far": {
        "en": "The nearest public-transport stop is {distance} m away; at most {limit} m.",
        "id": "Perhentian angkutan umum terdekat berjarak {distance} m; maksimal {limit} m.",
    },
    "c8.empty": {
        "en": "No public transport serves the sentra.",
        "id": "Tidak ada angkutan umum yang melayani sentra.",
    },
    "c8.absent": {
        "en": "Public-transport access to the sentra is not stated yet.",
        "id": "Akses angkutan umum ke sentra belum dinyatakan.",
    },
    "missing.c8.modes": {
        "en": "list the public-transport modes that stop near the sentra",
        "id": "daftarkan moda angkutan umum yang berhenti dekat sentra",
    },
    "missing.c8.route": {
        "en": "a public-transport route that stops near the sentra: none does now (public_transport is empty), "
        "so C8 cannot be met until one serves it, unless C8 is waived",
        "id": "trayek angkutan umum yang berhenti dekat sentra: saat ini tidak ada (public_transport kosong), "
        "sehingga C8 tidak dapat dipenuhi sampai ada trayek yang melayaninya, kecuali C8 dikecualikan",
    },
    "missing.c8.closer": {
        "en": "a public-transport stop within {limit} m of the sentra",
        "id": "perhentian angkutan umum dalam jarak {limit} m dari sentra",
    },
    # --- values of the region format's choices, as shown inside sentences -----
    # English keeps the code as written in the file (reports stay as they were);
    # Bahasa Indonesia gives the word. One entry per value of each choice.
    "source.local": {"en": "local", "id": "lokal"},
    "source.regional": {"en": "regional", "id": "regional"},
    "source.national": {"en": "national", "id": "nasional"},
    "source.imported": {"en": "imported", "id": "impor"},
    "org.paguyuban": {"en": "paguyuban", "id": "paguyuban"},
    "org.koperasi": {"en": "koperasi", "id": "koperasi"},
    "org.kub": {"en": "kub", "id": "KUB"},
    "org.asosiasi": {"en": "asosiasi", "id": "asosiasi"},
    "org.kelompok_usaha": {"en": "kelompok_usaha", "id": "kelompok usaha"},
    "org.other": {"en": "other", "id": "lainnya"},
    "level.desa": {"en": "desa", "id": "desa"},
    "level.kelurahan": {"en": "kelurahan", "id": "kelurahan"},
    "level.kecamatan": {"en": "kecamatan", "id": "kecamatan"},
    "role.champion": {"en": "champion", "id": "champion"},
    "role.mentee": {"en": "mentee", "id": "mentee"},
    "role.member": {"en": "member", "id": "anggota"},
    # --- report renderers (junit, github, csv, markdown) ---------------------
    "ui.at_line": {"en": "line {line}", "id": "baris {line}"},
    # --- C1/C2 without a product (category unknown) ---------------------------
    "c1.mentees_short_any": {
        "en": "Champion {name} mentors only {count} mentee firm(s) that could make the product, whatever its category; {required} needed.",
        "id": "Champion {name} hanya membina {count} usaha mentee yang dapat memproduksi produk itu, apa pun kategorinya; diperlukan {required}.",
    },
    "c1.category_absent": {
        "en": "The product (and so its category) is not given, so the champion's mentees of the same category cannot be counted.",
        "id": "Produk (dan kategorinya) belum diisi, sehingga usaha mentee sejenis binaan champion tidak dapat dihitung.",
    },
    "missing.c1.more_mentees_any": {
        "en": "{count} more mentee firm(s) mentored by {name} making the same kind of product",
        "id": "{count} usaha mentee lagi yang dibina {name} dan memproduksi produk sejenis",
    },
    "c2.short_any": {
        "en": "Only {count} firm(s) could make the same kind of product, whatever the product's category; at least {required} needed.",
        "id": "Hanya {count} usaha yang dapat memproduksi produk sejenis, apa pun kategori produknya; minimal {required}.",
    },
    "missing.c2.more_firms_any": {
        "en": "{count} more firm(s) making the same kind of product",
        "id": "{count} usaha lagi yang memproduksi produk sejenis",
    },
    # --- the proposal checklist (ovop-assess checklist) ---------------------
    "checklist.title": {"en": "OVOP sentra proposal checklist", "id": "Daftar periksa usulan sentra OVOP"},
    "checklist.intro": {
        "en": "Work through this list before submitting the proposal: each criterion shows its status, what is still missing and the documents to attach.",
        "id": "Periksa daftar ini sebelum mengajukan usulan: setiap kriteria memuat statusnya, hal yang masih kurang, dan dokumen yang perlu dilampirkan.",
    },
    "checklist.region": {"en": "Region", "id": "Wilayah"},
    "checklist.level": {"en": "Level", "id": "Tingkat"},
    "checklist.district": {"en": "Kecamatan (district)", "id": "Kecamatan"},
    "checklist.city": {"en": "Kabupaten/kota (regency/city)", "id": "Kabupaten/kota"},
    "checklist.province": {"en": "Province", "id": "Provinsi"},
    "checklist.code": {"en": "Area code", "id": "Kode wilayah"},
    "checklist.proposal_year": {"en": "Proposal year", "id": "Tahun usulan"},
    "checklist.product": {"en": "Product", "id": "Produk"},
    "checklist.category": {"en": "Category", "id": "Kategori"},
    "checklist.product_absent": {"en": "not described yet", "id": "belum diuraikan"},
    "checklist.criteria_set": {"en": "Criteria set", "id": "Kumpulan kriteria"},
    "checklist.set_version": {"en": "{id}, version {version}", "id": "{id}, versi {version}"},
    "checklist.source": {"en": "Source", "id": "Sumber"},
    "checklist.as_of": {"en": "Assessed as of", "id": "Dinilai per tanggal"},
    "checklist.verdict": {"en": "Verdict", "id": "Putusan"},
    "checklist.score": {"en": "total score {score}", "id": "skor total {score}"},
    "checklist.documents": {"en": "Documents", "id": "Dokumen"},
    "checklist.documents_summary": {
        "en": "{provided} of {total} document(s) on hand",
        "id": "{provided} dari {total} dokumen tersedia",
    },
    "checklist.documents_flagged": {"en": "{count} file(s) not found", "id": "{count} berkas tidak ditemukan"},
    "checklist.overview": {"en": "Overview", "id": "Ikhtisar"},
    "checklist.col_id": {"en": "ID", "id": "Kode"},
    "checklist.criterion": {"en": "Criterion", "id": "Kriteria"},
    "checklist.status": {"en": "Status", "id": "Status"},
    "checklist.criteria": {"en": "Criteria", "id": "Kriteria"},
    "checklist.required": {"en": "required", "id": "wajib"},
    "checklist.advisory": {"en": "advisory", "id": "anjuran"},
    "checklist.group": {"en": "one of group {group}", "id": "salah satu dari kelompok {group}"},
    "checklist.reasons": {"en": "Findings", "id": "Temuan"},
    "checklist.still_missing": {"en": "Still missing", "id": "Masih kurang"},
    "checklist.nothing_missing": {"en": "Nothing is missing.", "id": "Tidak ada yang kurang."},
    "checklist.evidence": {"en": "Evidence documents", "id": "Dokumen bukti"},
    "checklist.no_evidence": {
        "en": "The criteria set names no document for this criterion.",
        "id": "Kumpulan kriteria tidak menyebut dokumen untuk kriteria ini.",
    },
    "checklist.evidence_provided": {"en": "on hand: {path}", "id": "tersedia: {path}"},
    "checklist.evidence_missing_file": {"en": "file not found: {path}", "id": "berkas tidak ditemukan: {path}"},
    "checklist.evidence_folder": {
        "en": "this is a folder, not a file: {path} (name the document file itself)",
        "id": "ini folder, bukan berkas: {path} (sebutkan berkas dokumennya sendiri)",
    },
    "checklist.documents_folders": {
        "en": "{count} folder(s) named instead of a file",
        "id": "{count} folder disebut sebagai ganti berkas",
    },
    "checklist.disabled_evidence": {
        "en": "Evidence for criteria this set switches off",
        "id": "Bukti untuk kriteria yang dimatikan kumpulan ini",
    },
    "checklist.disabled_evidence_note": {
        "en": "The criteria set '{set}' switches these criteria off, so their documents are not needed for this proposal; nothing to fix.",
        "id": "Kumpulan kriteria '{set}' mematikan kriteria berikut, sehingga dokumennya tidak diperlukan untuk usulan ini; tidak ada yang perlu diperbaiki.",
    },
    "checklist.disabled_rule": {
        "en": "a document of {rule}, which this set switches off",
        "id": "dokumen {rule}, yang dimatikan kumpulan ini",
    },
    "checklist.evidence_not_given": {
        "en": "not given yet: add the file under evidence in the region file",
        "id": "belum dicantumkan: tambahkan berkasnya pada evidence di berkas wilayah",
    },
    "checklist.waiver": {"en": "Waiver", "id": "Pengecualian"},
    "checklist.waiver_expires": {"en": "valid until {date}", "id": "berlaku sampai {date}"},
    "checklist.warnings": {"en": "Warnings", "id": "Peringatan"},
    "checklist.unknown_evidence": {
        "en": "Evidence the criteria set does not know",
        "id": "Bukti yang tidak dikenal kumpulan kriteria",
    },
    "checklist.unknown_evidence_note": {
        "en": "These evidence keys in the region file are not documents of the criteria set '{set}'; check them for typos.",
        "id": "Kunci evidence berikut di berkas wilayah bukan dokumen dalam kumpulan kriteria '{set}'; periksa apakah ada salah ketik.",
    },
    "checklist.file_present": {"en": "file present: {path}", "id": "berkas ada: {path}"},
    "checklist.legend": {"en": "Legend", "id": "Keterangan"},
    "checklist.box_done": {"en": "done or on hand", "id": "sudah beres atau tersedia"},
    "checklist.box_open": {"en": "still to do", "id": "belum dikerjakan"},
    "checklist.box_flag": {"en": "file not found, or a folder", "id": "berkas tidak ditemukan, atau berupa folder"},
    "checklist.generated": {
        "en": "Generated by ovop-assess {version} from {file}.",
        "id": "Dibuat dengan ovop-assess {version} dari {file}.",
    },
    # --- bad input: reading and YAML (tests/bad_inputs) ----------------------
    "file.no_permission": {
        "en": "no permission to read the file",
        "id": "tidak ada izin untuk membaca berkas ini",
    },
    "file.more_errors": {
        "en": "{count} more problems are not shown (from this line on); fix the ones above and run again",
        "id": "{count} masalah lain tidak ditampilkan (mulai baris ini); perbaiki yang di atas lalu jalankan lagi",
    },
    "yaml.bad_scalar_kind": {
        "en": "cannot read {value} as {kind}; if it is meant as text, write it in quotes",
        "id": "{value} tidak dapat dibaca sebagai {kind}; jika maksudnya teks, tulis dalam tanda kutip",
    },
    "yaml.tab_indent": {
        "en": "a tab is used for indentation here; YAML indents with spaces only",
        "id": "di sini tab dipakai untuk indentasi; YAML hanya memakai spasi untuk indentasi",
    },
    "yaml.unclosed_quote": {
        "en": "the quote {quote} opened here is never closed",
        "id": "tanda kutip {quote} yang dibuka di sini tidak pernah ditutup",
    },
    "yaml.multiple_documents": {
        "en": "a second YAML document starts here (a line ---); a region file holds one document only",
        "id": "dokumen YAML kedua dimulai di sini (baris ---); berkas wilayah hanya boleh berisi satu dokumen",
    },
    "yaml.not_a_list_item": {
        "en": "this line sits at the indentation of a list but is not an item (no '- '); indent it under "
        "the item above or start it with '- '",
        "id": "baris ini berada pada indentasi daftar tetapi bukan butir (tanpa '- '); indentasikan di bawah "
        "butir di atasnya atau awali dengan '- '",
    },
    "yaml.bad_escape": {
        "en": "unknown escape (a backslash) in double quotes; write \\\\ for a backslash, or use single quotes",
        "id": "escape tidak dikenal (garis miring terbalik) dalam tanda kutip ganda; tulis \\\\ untuk garis miring "
        "terbalik, atau pakai tanda kutip tunggal",
    },
    "yaml.after_document_end": {
        "en": "this cannot come after the end of the document (a line with '...' ends it)",
        "id": "ini tidak boleh berada setelah akhir dokumen (baris '...' mengakhirinya)",
    },
    "yaml.yaml_version": {
        "en": "this YAML version is not supported; remove the %YAML line",
        "id": "versi YAML ini tidak didukung; hapus baris %YAML",
    },
    "yaml.key_too_long": {
        "en": "a key longer than {limit} characters; YAML cannot read it",
        "id": "kunci lebih panjang dari {limit} karakter; YAML tidak dapat membacanya",
    },
    "yaml.quote_spans_lines": {
        "en": "the {quote} opened here closes only on line {line}; if a closing {quote} is missing, add it here",
        "id": "tanda {quote} yang dibuka di sini baru ditutup di baris {line}; jika tanda {quote} penutup hilang, "
        "tambahkan di sini",
    },
    "yaml.invisible_break": {
        "en": "this line holds an invisible {char} (pasted from a word processor?), which YAML counts as a "
        "line end; delete it",
        "id": "baris ini memuat {char} yang tidak terlihat (tersalin dari pengolah kata?), yang dihitung YAML "
        "sebagai akhir baris; hapus",
    },
    "yaml.undefined_alias": {
        "en": "the alias *{name} refers to no anchor &{name} defined above it",
        "id": "alias *{name} tidak merujuk ke jangkar &{name} mana pun yang didefinisikan di atasnya",
    },
    "yaml.control_char": {
        "en": "the file contains the control character {char}, which YAML does not allow",
        "id": "berkas memuat karakter kontrol {char}, yang tidak diizinkan dalam YAML",
    },
    "schema.finite_number": {
        "en": "must be an ordinary number, not .inf or .nan",
        "id": "harus berupa angka biasa, bukan .inf atau .nan",
    },
    "yaml.colon_here": {
        "en": "a ':' here does not fit: check that this line is indented like the lines around it, and quote a value that contains ': '",
        "id": "tanda ':' di sini tidak sesuai: periksa apakah indentasi baris ini sama dengan baris di sekitarnya, dan beri tanda kutip pada nilai yang memuat ': '",
    },
    "yaml.bad_indentation": {
        "en": "this line does not fit the structure above it: check its indentation",
        "id": "baris ini tidak sesuai dengan struktur di atasnya: periksa indentasinya",
    },
    "yaml.missing_colon": {
        "en": "this line has no ':' after its key",
        "id": "baris ini tidak memiliki ':' setelah kuncinya",
    },
    "yaml.unclosed_flow": {
        "en": "the {bracket} opened at line {line} is not closed, or a comma is missing before this point",
        "id": "{bracket} yang dibuka di baris {line} tidak ditutup, atau ada koma yang kurang sebelum titik ini",
    },
    "checklist.rule_error": {
        "en": "the rule could not run (see the reason): fix or remove the rule, then assess again",
        "id": "aturan tidak dapat dijalankan (lihat alasannya): perbaiki atau lepaskan aturan itu, lalu nilai ulang",
    },
    "warn.unquoted_code": {
        "en": "{value} is written without quotes: other YAML tools (editors, validators) read it as a number and may drop leading zeros; write it in quotes",
        "id": "{value} ditulis tanpa tanda kutip: alat YAML lain (editor, validator) membacanya sebagai angka dan dapat membuang angka nol di depan; tulis dalam tanda kutip",
    },
    # --- help of the command line ---
    "help.app": {
        "en": "Assess whether a candidate region (desa, kelurahan, kecamatan) qualifies as an OVOP sentra.",
        "id": "Menilai apakah calon wilayah (desa, kelurahan, kecamatan) memenuhi syarat diusulkan sebagai sentra OVOP.",
    },
    "help.version": {
        "en": "Show the version and exit.",
        "id": "Tampilkan versi lalu keluar.",
    },
    "help.criteria": {
        "en": "A shipped criteria set (default, routes, coordination) or a path to a set file.",
        "id": "Kumpulan kriteria bawaan (default, routes, coordination) atau jalur ke berkas kumpulan kriteria.",
    },
    "help.lang": {
        "en": "Language of all text: id or en.",
        "id": "Bahasa semua teks: id atau en.",
    },
    "help.output": {
        "en": "Write the report to this file (a regular file: whole or not at all; a symlink is written "
        "through, a device or pipe directly).",
        "id": "Tulis laporan ke berkas ini (berkas biasa: utuh atau tidak sama sekali; tautan simbolik ditulis ke "
        "tujuannya, perangkat atau pipa langsung).",
    },
    "help.debug": {
        "en": "Show the traceback of internal errors.",
        "id": "Tampilkan traceback galat internal.",
    },
    "help.paths": {
        "en": "Region files, or folders of *.yaml/*.yml files.",
        "id": "Berkas wilayah, atau folder berisi berkas *.yaml/*.yml.",
    },
    "help.format": {
        "en": "table (default), json, junit, github, csv or markdown.",
        "id": "table (bawaan), json, junit, github, csv atau markdown.",
    },
    "help.as_of": {
        "en": "Assessment date YYYY-MM-DD (waivers are judged on it).",
        "id": "Tanggal penilaian TTTT-BB-HH (pengecualian dinilai pada tanggal ini).",
    },
    "help.allow_incomplete": {
        "en": "Exit 0 rather than 1 for incomplete regions.",
        "id": "Keluar dengan 0, bukan 1, untuk wilayah yang belum lengkap.",
    },
    "help.sort": {
        "en": "Order of results: file (as given) or score.",
        "id": "Urutan hasil: file (sesuai urutan diberikan) atau score.",
    },
    "help.max_bytes": {
        "en": "Largest region file read.",
        "id": "Ukuran terbesar berkas wilayah yang dibaca (byte).",
    },
    "help.max_depth": {
        "en": "Deepest nesting read.",
        "id": "Tingkat susunan terdalam yang dibaca.",
    },
    "help.max_nodes": {
        "en": "Most values read, aliases expanded.",
        "id": "Jumlah nilai terbanyak yang dibaca, setelah alias diuraikan.",
    },
    "help.jobs": {
        "en": "Worker processes (default: one per core for big batches).",
        "id": "Jumlah proses pekerja (bawaan: satu per inti untuk batch besar).",
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
        "en": "markdown (default) or html (one printable page).",
        "id": "markdown (bawaan) atau html (satu halaman siap cetak).",
    },
    "help.checklist_as_of": {
        "en": "Date of the checklist, YYYY-MM-DD.",
        "id": "Tanggal daftar periksa, TTTT-BB-HH.",
    },
    "help.init_file": {
        "en": "Where to write; standard output if omitted.",
        "id": "Tempat menulis; keluaran standar bila tidak diberikan.",
    },
    "help.force": {
        "en": "Overwrite an existing file.",
        "id": "Timpa berkas yang sudah ada.",
    },
    "help.cmd.assess": {
        "en": "Validate and assess region files (a folder means every *.yaml/*.yml below it).",
        "id": "Memvalidasi dan menilai berkas wilayah (folder berarti semua *.yaml/*.yml di dalamnya).",
    },
    "help.cmd.rules": {
        "en": "List the rules of the active criteria set: id, title, required/group, parameters.",
        "id": "Daftar aturan kumpulan kriteria yang aktif: id, judul, wajib/kelompok, parameter.",
    },
    "help.cmd.explain": {
        "en": "Print a rule's documentation: what it checks, parameters, a passing and a failing fragment.",
        "id": "Cetak dokumentasi aturan: apa yang diperiksa, parameter, contoh lulus dan contoh gagal.",
    },
    "help.cmd.checklist": {
        "en": "Write the proposal checklist for one region: status, what is missing, evidence documents.",
        "id": "Tulis daftar periksa usulan untuk satu wilayah: status, yang masih kurang, dokumen bukti.",
    },
    "help.cmd.schema": {
        "en": "Print the JSON Schema of the region format (for editors and other validators).",
        "id": "Cetak JSON Schema format berkas wilayah (untuk editor dan validator lain).",
    },
    "help.cmd.init": {
        "en": "Write a region-file template, commented in Bahasa Indonesia and English.",
        "id": "Tulis templat berkas wilayah, dengan komentar dalam Bahasa Indonesia dan Inggris.",
    },
    # --- the arguments' placeholders in --help and in errors ---
    "help.metavar.path": {"en": "PATH", "id": "JALUR"},
    "help.metavar.file": {"en": "FILE", "id": "BERKAS"},
    "help.metavar.optional_file": {"en": "[FILE]", "id": "[BERKAS]"},
    "help.metavar.id": {"en": "ID", "id": "ID"},
    # --- typer's own words in --help (English as typer prints them; used under --lang id) ---
    "help.usage": {"en": "Usage:", "id": "Penggunaan:"},
    "help.options_metavar": {"en": "[OPTIONS]", "id": "[OPSI]"},
    "help.subcommand_metavar": {"en": "COMMAND [ARGS]...", "id": "PERINTAH [ARGUMEN]..."},
    "help.section.arguments": {"en": "Arguments", "id": "Argumen"},
    "help.section.options": {"en": "Options", "id": "Opsi"},
    "help.section.commands": {"en": "Commands", "id": "Perintah"},
    "help.help": {"en": "Show this message and exit.", "id": "Tampilkan pesan ini lalu keluar."},
    "help.default": {"en": "default: {default}", "id": "bawaan: {default}"},
    "help.dynamic": {"en": "(dynamic)", "id": "(dinamis)"},
    "help.envvar": {"en": "env var: {var}", "id": "variabel lingkungan: {var}"},
    "help.required": {"en": "required", "id": "wajib"},
    "help.min": {"en": "x>={min}", "id": "minimal {min}"},
    "help.max": {"en": "x<={max}", "id": "maksimal {max}"},
    "help.range": {"en": "{min}<=x<={max}", "id": "{min} sampai {max}"},
    "help.type.text": {"en": "str", "id": "teks"},
    "help.type.int": {"en": "int", "id": "bilangan bulat"},
    "help.type.number": {"en": "float", "id": "angka"},
    "help.type.path": {"en": "path", "id": "jalur"},
    "help.type.bool": {"en": "bool", "id": "benar/salah"},
    # --- the option parser's errors, built from the error's values ---
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
    # --- operating-system errors (English as the OS says it; others keep the OS text) ---
    "os.not_found": {"en": "No such file or directory", "id": "berkas atau folder tidak ada"},
    "os.permission_denied": {"en": "Permission denied", "id": "izin ditolak"},
    "os.not_permitted": {"en": "Operation not permitted", "id": "operasi tidak diizinkan"},
    "os.is_directory": {"en": "Is a directory", "id": "ini sebuah folder"},
    "os.not_directory": {"en": "Not a directory", "id": "salah satu bagian jalurnya bukan folder"},
    "os.no_space": {"en": "No space left on device", "id": "ruang penyimpanan perangkat sudah penuh"},
    "os.quota_exceeded": {"en": "Disk quota exceeded", "id": "kuota disk terlampaui"},
    "os.read_only": {"en": "Read-only file system", "id": "sistem berkas hanya dapat dibaca"},
    "os.exists": {"en": "File exists", "id": "berkas sudah ada"},
    "os.symlink_loop": {"en": "Too many levels of symbolic links", "id": "terlalu banyak tingkat tautan simbolik"},
    "os.name_too_long": {"en": "File name too long", "id": "nama berkas terlalu panjang"},
    "os.io_error": {"en": "Input/output error", "id": "galat masukan/keluaran"},
    "os.too_many_open_files": {"en": "Too many open files", "id": "terlalu banyak berkas yang terbuka"},
    "os.busy": {"en": "Device or resource busy", "id": "perangkat atau sumber daya sedang sibuk"},
    # --- new entries go above this line (keep both languages) ---
}


def register(entries: Mapping[str, Mapping[str, str]]) -> None:
    """Add a plugin's messages. An entry must give both languages."""
    for key, texts in entries.items():
        missing = [lang for lang in LANGS if lang not in texts]
        if missing:
            raise ValueError(f"message {key!r} lacks language(s) {', '.join(missing)}")
        CATALOGUE[key] = dict(texts)


def render(message: Message, lang: Lang = "en") -> str:
    """The message as text in ``lang``; values that are themselves messages are rendered too."""
    entry = CATALOGUE.get(message.id)
    if entry is None:
        return message.id
    values = {key: _value(value, lang) for key, value in message.values.items()}
    try:
        return entry[lang].format_map(values)
    except (KeyError, IndexError, ValueError):
        return entry[lang]


def _value(value: object, lang: Lang) -> object:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, tuple):
        return ", ".join(str(_value(item, lang)) for item in value)
    return value


def text(key: str, lang: Lang = "en", **values: object) -> str:
    return render(Message(key, values), lang)
