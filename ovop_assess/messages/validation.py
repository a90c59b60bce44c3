"""The region format: field errors, checks across fields, their warnings, and the words of its choices."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- the region format
    "schema.top_not_mapping": {
        "en": "the file must be a mapping of fields (format, region, …) at the top level",
        "id": "isi berkas harus berupa pemetaan isian (format, region, …) di tingkat teratas",
    },
    "schema.unknown_key": {
        "en": "unknown field '{key}'; allowed here: {allowed}",
        "id": "isian '{key}' tidak dikenal; yang diizinkan di sini: {allowed}",
    },
    "schema.unknown_key_suggest": {
        "en": "unknown field '{key}' (did you mean '{suggestion}'?)",
        "id": "isian '{key}' tidak dikenal (maksud Anda '{suggestion}'?)",
    },
    "schema.missing": {"en": "required field '{field}' is missing", "id": "isian wajib '{field}' belum diisi"},
    "schema.expected_text": {"en": "expected text", "id": "harus berupa teks"},
    "schema.expected_text_quote": {
        "en": 'expected text, but YAML reads the unquoted {raw} as {kind}; write it in quotes: "{raw}"',
        "id": 'harus berupa teks, tetapi YAML membaca {raw} tanpa kutip sebagai {kind}; tulis dalam tanda kutip: "{raw}"',
    },
    "schema.sheet_number": {
        "en": 'a sheet is chosen by its name, not its number ({raw}): write the sheet\'s name in quotes, as its tab shows it (sheet: "Daftar UMKM"); leave sheet out for the first sheet',
        "id": 'lembar dipilih menurut namanya, bukan nomornya ({raw}): tulis nama lembar dalam tanda kutip, seperti tertulis di tabnya (sheet: "Daftar UMKM"); hapus sheet untuk memakai lembar pertama',
    },
    "schema.code_unquoted": {
        "en": 'YAML reads the unquoted {raw} as a number; an area code is text with its dots: write "{code}"',
        "id": 'YAML membaca {raw} tanpa kutip sebagai angka; kode wilayah ditulis sebagai teks bertitik: tulis "{code}"',
    },
    "schema.expected_int": {"en": "expected a whole number", "id": "harus berupa bilangan bulat"},
    "schema.expected_number": {"en": "expected a number", "id": "harus berupa angka"},
    "schema.expected_bool": {"en": "expected true or false", "id": "harus berupa true atau false"},
    "schema.expected_list": {"en": "expected a list", "id": "harus berupa daftar"},
    "schema.hint_list": {
        "en": 'expected a list, not the single value {raw}: write {plain} (or each item on a line of its own under the key, after "- ")',
        "id": 'harus berupa daftar, bukan satu nilai {raw}: tulis {plain} (atau setiap isinya pada baris sendiri di bawah kuncinya, diawali "- ")',
    },
    "schema.hint_number_alone": {
        "en": "expected a number alone: write {plain}, not {raw} (the field says its unit)",
        "id": "harus berupa angka saja: tulis {plain}, bukan {raw} (satuannya sudah ditentukan oleh isiannya)",
    },
    "schema.expected_mapping": {"en": "expected a mapping of fields", "id": "harus berupa pemetaan isian"},
    "schema.expected_date": {"en": "expected a date YYYY-MM-DD", "id": "harus berupa tanggal TTTT-BB-HH"},
    "schema.one_of": {"en": "must be one of: {choices}", "id": "harus salah satu dari: {choices}"},
    "schema.one_of_quote": {
        "en": 'must be one of: {choices}; YAML reads the unquoted {raw} as {kind}: write it in quotes, "{raw}", '
        "if that is what you mean",
        "id": "harus salah satu dari: {choices}; YAML membaca {raw} tanpa kutip sebagai {kind}: tulis dalam tanda "
        'kutip, "{raw}", jika itu maksudnya',
    },
    "schema.dotted_thousands": {
        "en": "{raw} reads as {decimal} in YAML, where the dot is a decimal point, but as {plain} in Indonesian writing, where it groups thousands: write {plain} if that is meant; if {decimal} is meant, write {other}",
        "id": "{raw} dibaca YAML sebagai {decimal} karena titik adalah tanda desimal, padahal dalam penulisan Indonesia berarti {plain} karena titik memisahkan ribuan: tulis {plain} jika itu maksudnya; jika yang dimaksud {decimal}, tulis {other}",
    },
    "schema.hint_date": {
        "en": "expected a date written YYYY-MM-DD: write {plain}, not {raw}",
        "id": "harus berupa tanggal TTTT-BB-HH: tulis {plain}, bukan {raw}",
    },
    "schema.hint_date_day_first": {
        "en": "expected a date written YYYY-MM-DD: write {plain}, not {raw} (read day first, as Indonesian writing has it)",
        "id": "harus berupa tanggal TTTT-BB-HH: tulis {plain}, bukan {raw} (dibaca hari lebih dulu, seperti penulisan Indonesia)",
    },
    "schema.no_such_date": {
        "en": "{raw} is no date: that month has no such day (or there is no such month); write the date YYYY-MM-DD",
        "id": "{raw} bukan tanggal: bulan itu tidak memiliki hari tersebut (atau bulannya tidak ada); tulis tanggal TTTT-BB-HH",
    },
    "schema.hint_firms_file": {
        "en": "expected the list of firms, or the spreadsheet that holds it written as file: write firms: {{file: {raw}}}",
        "id": "harus berupa daftar usaha, atau lembar kerja yang memuatnya ditulis sebagai file: tulis firms: {{file: {raw}}}",
    },
    "schema.hint_quoted_dotted": {
        "en": "expected a number, not text in quotes; {raw} is {plain} in Indonesian writing, where the dot groups thousands: write {plain} without quotes (or {decimal}, if a decimal was meant)",
        "id": "harus berupa angka, bukan teks dalam tanda kutip; {raw} berarti {plain} dalam penulisan Indonesia karena titik memisahkan ribuan: tulis {plain} tanpa tanda kutip (atau {decimal}, jika maksudnya bilangan desimal)",
    },
    "schema.hint_thousands_dots": {
        "en": "expected a number without thousands separators: write {plain}, not {raw}",
        "id": "harus berupa angka tanpa titik pemisah ribuan: tulis {plain}, bukan {raw}",
    },
    "schema.hint_rupiah": {
        "en": "expected an amount in rupiah as digits only, without Rp or words: write {plain}, not {raw}",
        "id": "harus berupa jumlah rupiah dalam angka saja, tanpa Rp atau kata: tulis {plain}, bukan {raw}",
    },
    "schema.hint_number_words": {
        "en": "expected a number in digits only, without words: write {plain}, not {raw}",
        "id": "harus berupa angka saja, tanpa kata: tulis {plain}, bukan {raw}",
    },
    "schema.hint_quoted_number": {
        "en": "expected a number, not text in quotes: remove the quotes and write {plain}",
        "id": "harus berupa angka, bukan teks dalam tanda kutip: hapus tanda kutipnya dan tulis {plain}",
    },
    "schema.hint_decimal_comma": {
        "en": "expected a number with a decimal point, not a comma: write {plain}, not {raw}",
        "id": "harus berupa angka dengan titik desimal, bukan koma: tulis {plain}, bukan {raw}",
    },
    "schema.hint_yes_no": {
        "en": "expected true or false: write {plain}, not {raw}",
        "id": "harus berupa true (ya) atau false (tidak): tulis {plain}, bukan {raw}",
    },
    "schema.hint_choice_word": {
        "en": "a choice is written in its English value: write {plain}, not {raw}",
        "id": "pilihan ditulis dengan nilai bahasa Inggrisnya: tulis {plain}, bukan {raw}",
    },
    "schema.hint_metres": {
        "en": "a distance is written in metres, as a number alone: write {plain}, not {raw}",
        "id": "jarak ditulis dalam meter, berupa angka saja: tulis {plain}, bukan {raw}",
    },
    "schema.hint_lower_case": {
        "en": "the choices are written in lower case: write {plain}, not {raw}",
        "id": "pilihan ditulis dengan huruf kecil: tulis {plain}, bukan {raw}",
    },
    "schema.hint_choice_joined": {
        "en": "a choice of two words is written in lower case, joined by _: write {plain}, not {raw}",
        "id": "pilihan dua kata ditulis dengan huruf kecil, disambung dengan _: tulis {plain}, bukan {raw}",
    },
    "schema.number_leading_zero": {
        "en": "expected a number; YAML reads the unquoted {raw} as text because of its leading zero: write {plain}",
        "id": "harus berupa angka; YAML membaca {raw} tanpa kutip sebagai teks karena angka nol di depannya: "
        "tulis {plain}",
    },
    "schema.too_small": {"en": "must be at least {limit}", "id": "minimal {limit}"},
    "schema.too_big": {"en": "must be at most {limit}", "id": "maksimal {limit}"},
    "schema.empty_text": {"en": "must not be empty or only spaces", "id": "tidak boleh kosong atau hanya berisi spasi"},
    "schema.nib_format_read": {
        "en": "the NIB reads {value} ({digits} digits), but a NIB is exactly 13 digits, written in quotes so leading zeros stay",
        "id": "NIB terbaca {value} ({digits} angka), padahal NIB terdiri atas tepat 13 angka, ditulis dalam tanda kutip agar angka nol di depan tidak hilang",
    },
    "schema.nib_length_quoted": {
        "en": "the NIB reads {value} ({digits} digits), but a NIB is exactly 13 digits: check it against the firm's NIB document",
        "id": "NIB terbaca {value} ({digits} angka), padahal NIB terdiri atas tepat 13 angka: periksa dengan dokumen NIB usaha tersebut",
    },
    "schema.nib_format_other": {
        "en": "the NIB reads {value}, but a NIB is exactly 13 digits 0-9 and nothing else (no spaces, dots or dashes), written in quotes",
        "id": "NIB terbaca {value}, padahal NIB hanya terdiri atas tepat 13 angka 0-9 (tanpa spasi, titik, atau tanda hubung), ditulis dalam tanda kutip",
    },
    "schema.nib_format": {
        "en": "a NIB is exactly 13 digits, written in quotes so leading zeros stay",
        "id": "NIB terdiri atas tepat 13 angka, ditulis dalam tanda kutip agar angka nol di depan tidak hilang",
    },
    "schema.code_write": {
        "en": 'an area code is written with its dots and nothing else: write "{code}" (not "{raw}")',
        "id": 'kode wilayah ditulis dengan titiknya saja: tulis "{code}" (bukan "{raw}")',
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
    "check.firm_case_only": {
        "en": "the firm name '{name}' differs from '{other}', listed before it, only in upper and lower case: if they are one firm, list it once (both are counted now)",
        "id": "nama UMKM '{name}' berbeda dari '{other}', yang tercantum sebelumnya, hanya pada huruf besar dan kecil: jika keduanya satu usaha, cantumkan sekali saja (saat ini keduanya dihitung)",
    },
    "check.firm_spaces_only": {
        "en": "the firm name '{name}' differs from '{other}', listed before it, only in its spaces or invisible characters (a no-break space, a double space or a zero-width space, as text copied from the web or a chat has, or an accent typed another way): they look the same; if they are one firm, list it once (both are counted now)",
        "id": "nama UMKM '{name}' berbeda dari '{other}', yang tercantum sebelumnya, hanya pada spasi atau karakter tak terlihatnya (spasi tak terputus, spasi ganda, atau spasi lebar nol, seperti pada teks yang disalin dari web atau aplikasi pesan, atau aksen yang diketik dengan cara lain): keduanya tampak sama; jika keduanya satu usaha, cantumkan sekali saja (saat ini keduanya dihitung)",
    },
    "check.duplicate_firm": {
        "en": "the firm name '{name}' is already used at line {first_line}; firm names must be unique",
        "id": "nama UMKM '{name}' sudah dipakai di baris {first_line}; nama UMKM harus unik",
    },
    "check.mentor_case": {
        "en": "mentor '{mentor}' differs from the champion '{champion}' only in upper and lower case: write the name as the champion's is written",
        "id": "pembina (mentor) '{mentor}' berbeda dari champion (penggerak) '{champion}' hanya pada huruf besar dan kecil: tulis namanya persis seperti nama champion",
    },
    "check.mentor_spaces": {
        "en": "mentor '{mentor}' differs from the champion '{champion}' only in its spaces or invisible characters (a no-break space, a double space or a zero-width space, as text copied from the web or a chat has, looks the same): retype the name, or copy the champion's",
        "id": "pembina (mentor) '{mentor}' berbeda dari champion (penggerak) '{champion}' hanya pada spasi atau karakter tak terlihatnya (spasi tak terputus, spasi ganda, atau spasi lebar nol, seperti pada teks yang disalin dari web atau aplikasi pesan, tampak sama): ketik ulang namanya, atau salin nama champion",
    },
    "check.champion_spaces": {
        "en": "mentor '{mentor}' differs from the champion '{champion}' only in spaces or invisible characters, and it is the champion's name ({where}) that holds them (a no-break space, a double space or a zero-width space, as text copied from the web or a chat has, looks the same): retype the champion's name",
        "id": "pembina (mentor) '{mentor}' berbeda dari champion (penggerak) '{champion}' hanya pada spasi atau karakter tak terlihat, dan nama champion itulah ({where}) yang memuatnya (spasi tak terputus, spasi ganda, atau spasi lebar nol, seperti pada teks yang disalin dari web atau aplikasi pesan, tampak sama): ketik ulang nama champion",
    },
    "check.mentor_close": {
        "en": "mentor '{mentor}' names no champion firm in this file; did you mean '{champion}'?",
        "id": "pembina (mentor) '{mentor}' tidak menunjuk UMKM champion (penggerak) mana pun di berkas ini; apakah yang dimaksud '{champion}'?",
    },
    "check.mentor_unknown": {
        "en": "mentor '{mentor}' names no champion firm in this file (champions: {champions})",
        "id": "pembina (mentor) '{mentor}' tidak menunjuk UMKM champion (penggerak) mana pun di berkas ini (champion: {champions})",
    },
    "check.mentor_not_champion": {
        "en": "mentor '{mentor}' is the firm at line {line}, whose role is {role}, not champion: a mentee's mentor must be a champion; make '{mentor}' a champion, or name one of the champions ({champions})",
        "id": "pembina (mentor) '{mentor}' adalah UMKM di baris {line} yang perannya {role}, bukan champion: pembina UMKM binaan harus champion; jadikan '{mentor}' champion, atau sebutkan salah satu champion ({champions})",
    },
    "check.mentor_required": {
        "en": "this mentee has no mentor, and the file has {count} champions: name its champion ({field})",
        "id": "UMKM binaan ini belum menyebut championnya (penggerak yang membinanya), padahal berkas memuat {count} champion: sebutkan championnya ({field})",
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
    "check.rule_capitals": {
        "en": "rule ids are written in capitals: write {plain}, not {rule}",
        "id": "id aturan ditulis dengan huruf kapital: tulis {plain}, bukan {rule}",
    },
    "schema.rule_ids": {
        "en": "expected a list of rule ids (such as [C1, C5]), or all",
        "id": "harus berupa daftar id aturan (misalnya [C1, C5]), atau all",
    },
    "check.verification_unknown_rule": {
        "en": "the verification entry names the unknown rule '{rule}'; known rules: {known} (or write criteria: all)",
        "id": "entri verifikasi menyebut aturan '{rule}' yang tidak dikenal; aturan yang dikenal: {known} (atau tulis criteria: all)",
    },
    # --- warnings about the file
    "warn.code_village_kind": {
        "en": "area code {code} marks a {kind} (its village part starts with {digit}), but level is {level}",
        "id": "kode wilayah {code} menandai {kind} (bagian desanya diawali {digit}), tetapi tingkat wilayahnya diisi {level}",
    },
    "warn.evidence_unknown_key": {
        "en": "'{key}' is not an evidence item of the criteria set '{set}'",
        "id": "'{key}' bukan dokumen bukti dalam kumpulan kriteria '{set}'",
    },
    "warn.evidence_unknown_key_suggest": {
        "en": "'{key}' is not an evidence item of the criteria set '{set}' (did you mean '{suggestion}'?)",
        "id": "'{key}' bukan dokumen bukti dalam kumpulan kriteria '{set}' (maksud Anda '{suggestion}'?)",
    },
    "warn.mentor_ignored": {
        "en": "mentor is only read for mentee firms; this firm's role is {role}",
        "id": "isian pembina (mentor) hanya dibaca untuk UMKM binaan; peran UMKM ini {role}",
    },
    "warn.waiver_rule_unused": {
        "en": "the waiver names rule {rule}, which the criteria set '{set}' does not use",
        "id": "pengecualian menyebut aturan {rule}, yang tidak dipakai kumpulan kriteria '{set}'",
    },
    "warn.verification_rule_unused": {
        "en": "the verification entry names rule {rule}, which the criteria set '{set}' does not use",
        "id": "entri verifikasi menyebut aturan {rule}, yang tidak dipakai kumpulan kriteria '{set}'",
    },
    "warn.verification_after_as_of": {
        "en": "this verification is dated {date}, after the assessment date {as_of}: it does not count yet",
        "id": "verifikasi ini bertanggal {date}, setelah tanggal penilaian {as_of}: belum diperhitungkan",
    },
    "warn.unquoted_code": {
        "en": "{value} is written without quotes: other YAML tools (editors, validators) read it as a number and may drop leading zeros; write it in quotes",
        "id": "{value} ditulis tanpa tanda kutip: alat YAML lain (editor, validator) membacanya sebagai angka dan dapat membuang angka nol di depan; tulis dalam tanda kutip",
    },
    # a value still equal to the example that `ovop-assess init` writes: not a fact
    "warn.template_value": {
        "en": "{field} is still the template's example ({value}): it counts as not filled in",
        "id": "{field} masih berisi contoh dari templat ({value}): isian ini dianggap belum diisi",
    },
    "warn.template_entry": {
        "en": "{field} is still the template's example ({value}): this entry is not counted until it is filled in",
        "id": "{field} masih berisi contoh dari templat ({value}): entri ini tidak dihitung sampai diisi",
    },
    "warn.template_kept": {
        "en": "{field} is still the template's example ({value}): write the real one",
        "id": "{field} masih berisi contoh dari templat ({value}): tuliskan yang sebenarnya",
    },
    # --- values of the region format's choices, as shown inside sentences: English keeps the code as
    # written in the file (reports stay as they were); Bahasa Indonesia gives the word
    "level.desa": {"en": "desa", "id": "desa"},
    "level.kelurahan": {"en": "kelurahan", "id": "kelurahan"},
    "level.kecamatan": {"en": "kecamatan", "id": "kecamatan"},
    "role.champion": {"en": "champion", "id": "champion"},
    "role.mentee": {"en": "mentee", "id": "UMKM binaan"},
    "role.member": {"en": "member", "id": "anggota"},
}
