"""The region format: field errors, checks across fields, their warnings, and the words of its choices."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- the region format
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
    "schema.nip_format": {
        "en": 'a NIP is 18 digits, written in quotes, grouped or not: "19700101 199003 1 001"',
        "id": 'NIP terdiri atas 18 angka, ditulis dalam tanda kutip, boleh dikelompokkan: "19700101 199003 1 001"',
    },
    "schema.too_many": {"en": "at most {limit} entries", "id": "paling banyak {limit} entri"},
    "schema.pattern": {"en": "does not have the expected form", "id": "bentuknya tidak sesuai"},
    "schema.format_version": {
        "en": "format must be 'ovop-region/1'",
        "id": "format harus 'ovop-region/1'",
    },
    "schema.invalid": {"en": "invalid value ({detail})", "id": "nilai tidak sah ({detail})"},
    "schema.finite_number": {
        "en": "must be an ordinary number, not .inf or .nan",
        "id": "harus berupa angka biasa, bukan .inf atau .nan",
    },
    # --- what YAML read an unquoted value as
    "kind.bool": {"en": "true/false", "id": "benar/salah"},
    "kind.int": {"en": "a number", "id": "angka"},
    "kind.float": {"en": "a number", "id": "angka"},
    "kind.null": {"en": "empty", "id": "kosong"},
    "kind.timestamp": {"en": "a date", "id": "tanggal"},
    # --- checks across fields
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
    # --- warnings about the file
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
    "warn.unquoted_code": {
        "en": "{value} is written without quotes: other YAML tools (editors, validators) read it as a number and may drop leading zeros; write it in quotes",
        "id": "{value} ditulis tanpa tanda kutip: alat YAML lain (editor, validator) membacanya sebagai angka dan dapat membuang angka nol di depan; tulis dalam tanda kutip",
    },
    # --- values of the region format's choices, as shown inside sentences: English keeps the code as
    # written in the file (reports stay as they were); Bahasa Indonesia gives the word
    "level.desa": {"en": "desa", "id": "desa"},
    "level.kelurahan": {"en": "kelurahan", "id": "kelurahan"},
    "level.kecamatan": {"en": "kecamatan", "id": "kecamatan"},
    "role.champion": {"en": "champion", "id": "champion"},
    "role.mentee": {"en": "mentee", "id": "mentee"},
    "role.member": {"en": "member", "id": "anggota"},
}
