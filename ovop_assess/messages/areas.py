"""The official area table: the checks of a region's code and names, the ``area`` command and ``init --code``.

The checks' sentences are :data:`CHECKS`; the words of the reports and the
command line follow them in :data:`MESSAGES`.
"""

from __future__ import annotations

CHECKS: dict[str, dict[str, str]] = {
    # --- the checks of a region's code and names against the table
    "area.code_unknown": {
        "en": "code {code} is not in the official area table; the closest by name: {suggestions}",
        "id": "kode {code} tidak ada dalam tabel kode wilayah resmi; yang namanya paling dekat: {suggestions}",
    },
    "area.code_unknown_unmatched": {
        "en": "code {code} is not in the official area table, and no area there has a name close to this one",
        "id": "kode {code} tidak ada dalam tabel kode wilayah resmi, dan tidak ada wilayah yang namanya mirip",
    },
    "area.level_differs": {
        "en": "code {code} is a {official} in the official area table, not a {given}",
        "id": "menurut tabel kode wilayah resmi, kode {code} adalah {official}, bukan {given}",
    },
    "area.name_differs": {
        "en": "the official name of code {code} is {official}, not {given}",
        "id": "nama resmi kode {code} adalah {official}, bukan {given}",
    },
    "area.district_differs": {
        "en": "code {code} lies in Kecamatan {official}, not {given}",
        "id": "kode {code} terletak di Kecamatan {official}, bukan {given}",
    },
    "area.city_differs": {
        "en": "code {code} lies in {official}, not {given}",
        "id": "kode {code} terletak di {official}, bukan {given}",
    },
    "area.province_differs": {
        "en": "code {code} lies in the province of {official}, not {given}",
        "id": "kode {code} terletak di Provinsi {official}, bukan {given}",
    },
    "area.code_suggested": {
        "en": "no code is given; these names identify {area}, whose official code is {code}",
        "id": "kode tidak diisi; nama-nama ini menunjuk {area}, yang kode resminya {code}",
    },
}

MESSAGES: dict[str, dict[str, str]] = {
    **CHECKS,
    # --- the edition of the table, in every report
    "area.dataset": {
        "en": "Area codes and names: {name} {version} ({licence}), following {decree}.",
        "id": "Kode dan nama wilayah: {name} {version} ({licence}), sesuai {decree}.",
    },
    # --- ovop-assess area
    "area.matches": {
        "en": "{count} area(s) matching '{query}', best first",
        "id": "{count} wilayah yang cocok dengan '{query}', yang paling cocok lebih dulu",
    },
    "area.by_code": {
        "en": "the area of code {code}, with its parents",
        "id": "wilayah berkode {code} beserta wilayah induknya",
    },
    "area.close_matches": {
        "en": "no area is named exactly '{query}'; {count} area(s) with a close spelling",
        "id": "tidak ada wilayah yang namanya persis '{query}'; {count} wilayah dengan ejaan yang mirip",
    },
    "area.partial_matches": {
        "en": "no area matches every word of '{query}'; {count} area(s) matching some of them",
        "id": "tidak ada wilayah yang cocok dengan semua kata '{query}'; {count} wilayah yang cocok dengan sebagian katanya",
    },
    "area.no_match": {
        "en": "no area of the official table matches '{query}'",
        "id": "tidak ada wilayah dalam tabel resmi yang cocok dengan '{query}'",
    },
    "area.no_match_short": {
        "en": "no area of the official table matches '{query}'; a word of one or two letters ({words}) matches only a whole word of a name: write at least 3 letters to find the names that contain them",
        "id": "tidak ada wilayah dalam tabel resmi yang cocok dengan '{query}'; kata satu atau dua huruf ({words}) hanya cocok dengan kata utuh dalam nama: tulis sedikitnya 3 huruf untuk mencari nama yang memuatnya",
    },
    "area.code_not_found": {
        "en": "code {code} is not in the official area table; the nearest codes: {codes}",
        "id": "kode {code} tidak ada dalam tabel kode wilayah resmi; kode yang terdekat: {codes}",
    },
    "area.code_not_found_anywhere": {
        "en": "code {code} is not in the official area table, nor is any code near it (no province begins so); look the area up by its name: ovop-assess area NAME",
        "id": "kode {code} tidak ada dalam tabel kode wilayah resmi, begitu pula kode yang dekat dengannya (tidak ada provinsi berkode demikian); cari wilayahnya menurut nama: ovop-assess area NAMA",
    },
    "area.bad_region_code": {
        "en": "'{query}' is not the code of a kecamatan (PP.KK.CC) or of a desa/kelurahan (PP.KK.CC.DDDD); find it by name: ovop-assess area NAME",
        "id": "'{query}' bukan kode kecamatan (PP.KK.CC) atau kode desa/kelurahan (PP.KK.CC.DDDD); cari menurut namanya: ovop-assess area NAMA",
    },
    "area.bad_code": {
        "en": "'{query}' is not an area code; write PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD (digits), or look up a name",
        "id": "'{query}' bukan kode wilayah; tulis PP, PP.KK, PP.KK.CC, atau PP.KK.CC.DDDD (angka), atau cari namanya",
    },
    "area.empty_query": {
        "en": "give a code or a name to look up, e.g. ovop-assess area 33.72.03.1009 or ovop-assess area kauman surakarta",
        "id": "berikan kode atau nama yang dicari, misalnya ovop-assess area 33.72.03.1009 atau ovop-assess area kauman surakarta",
    },
    "area.prefix_only": {
        "en": "'{query}' is only a prefix (Kabupaten, Kota, Desa, Kelurahan, Kecamatan, Provinsi …), which names no area: add the name, e.g. ovop-assess area kota surakarta",
        "id": "'{query}' hanya awalan (Kabupaten, Kota, Desa, Kelurahan, Kecamatan, Provinsi …) yang tidak menyebut wilayah mana pun: tambahkan namanya, misalnya ovop-assess area kota surakarta",
    },
    "area.init_not_a_region": {
        "en": "code {code} is {name} (a {level}); a region file is for a kecamatan, desa or kelurahan: look up one of its codes with ovop-assess area",
        "id": "kode {code} adalah {name} ({level}); berkas wilayah dibuat untuk kecamatan, desa, atau kelurahan: cari salah satu kodenya dengan ovop-assess area",
    },
    "ui.area_code": {"en": "Code", "id": "Kode"},
    "ui.area_name": {"en": "Name", "id": "Nama"},
    "ui.area_level": {"en": "Level", "id": "Tingkat"},
    "ui.area_district": {"en": "Kecamatan", "id": "Kecamatan"},
    "ui.area_regency": {"en": "Kabupaten/Kota", "id": "Kabupaten/Kota"},
    "ui.area_province": {"en": "Province", "id": "Provinsi"},
    # --- the help of area and init --code
    "help.cmd.area": {
        "en": "Look up the official area table: a code gives the area and its parents; a name (or several words: kauman surakarta) lists the matching areas with their codes, best first.",
        "id": "Menampilkan isi tabel kode wilayah resmi: kode menampilkan wilayahnya beserta wilayah induknya; nama (atau beberapa kata: kauman surakarta) menampilkan wilayah yang cocok beserta kodenya, yang paling cocok lebih dulu.",
    },
    "help.area_query": {
        "en": "An area code (33.72.03.1009, with or without dots) or a name, in one or several words.",
        "id": "Kode wilayah (33.72.03.1009, dengan atau tanpa titik) atau nama, dalam satu kata atau lebih.",
    },
    "help.area_format": {
        "en": "Output format: table or json.",
        "id": "Format keluaran: table atau json.",
    },
    "help.area_limit": {
        "en": "Most areas listed for a name.",
        "id": "Jumlah wilayah terbanyak yang ditampilkan untuk sebuah nama.",
    },
    "help.init_code": {
        "en": "Fill in region from the official area table: name, level, kecamatan, kabupaten/kota, province and code of this kecamatan, desa or kelurahan code.",
        "id": "Mengisi region dari tabel kode wilayah resmi: nama, tingkat, kecamatan, kabupaten/kota, provinsi, dan kode dari kode kecamatan, desa, atau kelurahan ini.",
    },
    "help.metavar.query": {"en": "CODE|NAME...", "id": "KODE|NAMA..."},
    "help.metavar.code": {"en": "CODE", "id": "KODE"},
    "level.provinsi": {"en": "province", "id": "provinsi"},
    "level.kabupaten": {"en": "kabupaten", "id": "kabupaten"},
    "level.kota": {"en": "kota", "id": "kota"},
}
