"""The comparison of two assessments of one sentra (``compare``): its errors, notes and wording."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors (usage: exit 2)
    "compare.folder": {
        "en": "{path} is a folder: compare takes two files, each a region file or a JSON report of assess",
        "id": "{path} adalah folder: compare membandingkan dua berkas, masing-masing berkas wilayah atau laporan JSON hasil assess",
    },
    "compare.not_a_report": {
        "en": "{path} is neither a region file (.yaml, .yml) nor a JSON report written by "
        "ovop-assess assess --format json",
        "id": "{path} bukan berkas wilayah (.yaml, .yml) dan bukan laporan JSON hasil ovop-assess assess --format json",
    },
    "compare.total_score_out_of_range": {
        "en": "{path} gives {file} a total score of {score}, but a score is a number from 0 to 1: the report was "
        "changed after ovop-assess wrote it; write it again with ovop-assess assess --format json, or compare the "
        "region file itself",
        "id": "{path} memberi {file} skor total {score}, padahal skor adalah angka dari 0 sampai 1: laporan itu "
        "diubah setelah ditulis ovop-assess; tulis ulang dengan ovop-assess assess --format json, atau bandingkan "
        "berkas wilayahnya langsung",
    },
    "compare.score_out_of_range": {
        "en": "{path} gives criterion {criterion} of {file} a score of {score}, but a score is a number from 0 to 1: "
        "the report was changed after ovop-assess wrote it; write it again with ovop-assess assess --format json, "
        "or compare the region file itself",
        "id": "{path} memberi kriteria {criterion} pada {file} skor {score}, padahal skor adalah angka dari 0 "
        "sampai 1: laporan itu diubah setelah ditulis ovop-assess; tulis ulang dengan ovop-assess assess "
        "--format json, atau bandingkan berkas wilayahnya langsung",
    },
    "compare.round_report": {
        "en": "{path} is the report of a round, which keeps only the criteria each candidate does not meet; "
        "compare the region files, or the reports written by ovop-assess assess --format json",
        "id": "{path} adalah laporan rekapitulasi, yang hanya memuat kriteria yang belum dipenuhi setiap calon; "
        "bandingkan berkas wilayahnya, atau laporan hasil ovop-assess assess --format json",
    },
    "compare.report_empty": {
        "en": "{path} holds no assessed region (only invalid files): nothing to compare",
        "id": "{path} tidak memuat wilayah yang berhasil dinilai (hanya berkas yang tidak valid): "
        "tidak ada yang dapat dibandingkan",
    },
    "compare.report_none": {
        "en": "{which} ({path}) holds several regions and none of them is {region}; the report holds: {candidates}",
        "id": "{which} ({path}) memuat beberapa wilayah dan tidak satu pun adalah {region}; isi laporan: {candidates}",
    },
    "compare.report_several": {
        "en": "{which} ({path}) holds more than one result for {region}, and which one to compare cannot be told: "
        "{candidates}; write a report of that one file",
        "id": "{which} ({path}) memuat lebih dari satu hasil untuk {region}, sehingga tidak dapat ditentukan "
        "mana yang dibandingkan: {candidates}; buat laporan untuk berkas itu saja",
    },
    "compare.reports_none": {
        "en": "{old} and {new} both hold several regions, and none of those in {old} is also in {new}",
        "id": "{old} dan {new} sama-sama memuat beberapa wilayah, dan tidak satu pun wilayah dalam {old} "
        "ada dalam {new}",
    },
    "compare.reports_several": {
        "en": "{old} and {new} both hold several regions, and {count} of them are in both: "
        "which one to compare cannot be told; write a report of that one file",
        "id": "{old} dan {new} sama-sama memuat beberapa wilayah, dan {count} di antaranya ada di keduanya: "
        "tidak dapat ditentukan mana yang dibandingkan; buat laporan untuk berkas itu saja",
    },
    "compare.not_same_sentra": {
        "en": "OLD and NEW are not the same sentra: {old} in {old_file}, {new} in {new_file} ({why}); "
        "compare two assessments of one sentra",
        "id": "LAMA dan BARU bukan sentra yang sama: {old} dalam {old_file}, {new} dalam {new_file} ({why}); "
        "bandingkan dua penilaian atas satu sentra",
    },
    "compare.why_code": {
        "en": "their area codes differ: {old} and {new}",
        "id": "kode wilayahnya berbeda: {old} dan {new}",
    },
    "compare.why_name": {
        "en": "their names differ: {old} and {new}",
        "id": "namanya berbeda: {old} dan {new}",
    },
    "compare.why_city": {
        "en": "their kabupaten/kota differ: {old} and {new}",
        "id": "kabupaten/kotanya berbeda: {old} dan {new}",
    },
    "compare.why_level": {
        "en": "one is a kecamatan, the other a desa or kelurahan: {old} and {new}",
        "id": "yang satu kecamatan, yang lain desa atau kelurahan: {old} dan {new}",
    },
    # --- notes (the comparison is still made)
    "compare.note_languages_differ": {
        "en": "The two reports were written in different languages ({old}, {new}): their missing items cannot be matched by wording, so each shows as added and as newly missing; write both in one language (--lang).",
        "id": "Kedua laporan ditulis dalam bahasa yang berbeda ({old}, {new}): kekurangannya tidak dapat dicocokkan menurut bunyinya, sehingga setiap butir tampil sebagai sudah dilengkapi sekaligus kekurangan baru; buat keduanya dalam satu bahasa (--lang).",
    },
    "compare.note_report_language": {
        "en": "{file} was written in {language}: the missing items it lists are shown as it wrote them.",
        "id": "{file} ditulis dalam {language}: kekurangan yang dicantumkannya ditampilkan sebagaimana tertulis di sana.",
    },
    "compare.language_en": {"en": "English", "id": "bahasa Inggris"},
    "compare.language_id": {"en": "Indonesian", "id": "bahasa Indonesia"},
    "compare.note_sets_differ": {
        "en": "The two assessments used different criteria sets ({old} before, {new} now): "
        "a change may come from the criteria, not from the sentra.",
        "id": "Kedua penilaian memakai kumpulan kriteria yang berbeda ({old} sebelumnya, {new} sekarang): "
        "perubahan dapat berasal dari kriterianya, bukan dari sentranya.",
    },
    "compare.note_same_sheet": {
        "en": "Both region files read their firms from the same spreadsheet ({file}): the old assessment counts the firms it lists today, not those of its own year; keep each year's list in a file of its own to compare them.",
        "id": "Kedua berkas wilayah membaca daftar usahanya dari lembar kerja yang sama ({file}): penilaian lama menghitung usaha yang tercantum di sana hari ini, bukan usaha pada tahunnya sendiri; simpan daftar setiap tahun dalam berkas tersendiri agar dapat dibandingkan.",
    },
    "compare.note_old_year_is_later": {
        "en": "The old file proposes the sentra for {old}, the new one for {new}: are OLD and NEW the right way round?",
        "id": "Berkas lama mengusulkan sentra untuk tahun {old}, berkas baru untuk tahun {new}: apakah LAMA dan BARU tidak tertukar?",
    },
    "compare.note_old_is_later": {
        "en": "The old assessment ({old}) is dated after the new one ({new}): are OLD and NEW the right way round?",
        "id": "Penilaian lama ({old}) bertanggal sesudah penilaian baru ({new}): apakah LAMA dan BARU tidak tertukar?",
    },
    # --- the comparison as people read it
    "compare.title": {
        "en": "What changed: {region}",
        "id": "Perbandingan penilaian: {region}",
    },
    "compare.before": {"en": "Before", "id": "Sebelumnya"},
    "compare.after": {"en": "Now", "id": "Sekarang"},
    "compare.col_change": {"en": "Change", "id": "Perubahan"},
    "compare.side": {
        "en": "{when}: {file} — {facts}",
        "id": "{when}: {file} — {facts}",
    },
    "compare.side_entry": {
        "en": "{report}, its result for {file}",
        "id": "{report}, hasilnya untuk {file}",
    },
    "compare.fact_year": {"en": "proposal year {year}", "id": "tahun usulan {year}"},
    "compare.fact_date": {"en": "assessed on {date}", "id": "dinilai pada {date}"},
    "compare.fact_set": {"en": "criteria set {id} version {version}", "id": "kumpulan kriteria {id} versi {version}"},
    "compare.overall": {
        "en": "Verdict: {verdict_before} → {verdict_after}; assurance: {assurance_before} → {assurance_after}; "
        "total score {score_before} → {score_after}: {change}",
        "id": "Hasil penilaian: {verdict_before} → {verdict_after}; tingkat bukti: {assurance_before} → "
        "{assurance_after}; skor total {score_before} → {score_after}: {change}",
    },
    "compare.counts": {
        "en": "Criteria: {improved} improved, {worse} worse, {unchanged} unchanged, {new} new, {dropped} no longer assessed",
        "id": "Kriteria: {improved} membaik, {worse} memburuk, {unchanged} tetap, {new} baru, "
        "{dropped} tidak lagi dinilai",
    },
    "compare.change_improved": {"en": "improved", "id": "membaik"},
    "compare.change_worse": {"en": "worse", "id": "memburuk"},
    "compare.change_unchanged": {"en": "unchanged", "id": "tetap"},
    "compare.change_new_criterion": {"en": "new criterion", "id": "kriteria baru"},
    "compare.change_dropped_criterion": {"en": "no longer assessed", "id": "tidak lagi dinilai"},
    "compare.not_assessed": {"en": "not assessed", "id": "tidak dinilai"},
    "compare.added": {
        "en": "Added since (missing before, not any more)",
        "id": "Sudah dilengkapi (sebelumnya kurang, sekarang tidak lagi)",
    },
    "compare.waived": {
        "en": "Waived since (missing before, not supplied: the criterion is waived now)",
        "id": "Dikecualikan (sebelumnya kurang, tidak dilengkapi: kriterianya kini dikecualikan)",
    },
    "compare.still_missing": {"en": "Still missing", "id": "Masih kurang"},
    "compare.newly_missing": {"en": "Newly missing", "id": "Kekurangan baru"},
    "compare.nothing": {"en": "nothing", "id": "tidak ada"},
    "compare.notes": {"en": "Notes", "id": "Catatan"},
}
