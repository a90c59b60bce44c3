"""The proposal checklist (``ovop-assess checklist``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "checklist.title": {"en": "OVOP sentra proposal checklist", "id": "Daftar periksa usulan sentra OVOP"},
    "checklist.intro": {
        "en": "Work through this list before submitting the proposal: each criterion shows its status, what is still missing and the documents to attach.",
        "id": "Periksa daftar ini sebelum mengajukan usulan: setiap kriteria memuat statusnya, kekurangannya, dan dokumen yang perlu dilampirkan.",
    },
    "checklist.region": {"en": "Region", "id": "Wilayah"},
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
    "checklist.reading": {
        "en": "This tool's reading, not the source's",
        "id": "Tafsiran alat ini, bukan dari sumber",
    },
    "checklist.as_of": {"en": "Assessed as of", "id": "Dinilai per tanggal"},
    "checklist.verdict": {"en": "Verdict", "id": "Hasil penilaian"},
    "checklist.score": {"en": "total score {score}", "id": "skor total {score}"},
    "checklist.documents": {"en": "Documents", "id": "Dokumen"},
    "checklist.raise": {"en": "To raise it to {level}", "id": "Agar naik menjadi {level}"},
    "checklist.raise_top": {
        "en": "Verified: the highest level; nothing more to add.",
        "id": "Terverifikasi: tingkat bukti tertinggi; tidak ada yang perlu ditambahkan.",
    },
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
    "checklist.reasons": {"en": "Findings", "id": "Temuan"},
    "checklist.still_missing": {"en": "Still missing", "id": "Kekurangan"},
    "checklist.nothing_missing": {"en": "Nothing is missing.", "id": "Tidak ada kekurangan."},
    "checklist.evidence": {"en": "Evidence documents", "id": "Dokumen bukti"},
    "checklist.no_evidence": {
        "en": "The criteria set names no document for this criterion.",
        "id": "Kumpulan kriteria tidak menyebut dokumen untuk kriteria ini.",
    },
    "checklist.evidence_provided": {"en": "on hand: {path}", "id": "tersedia: {path}"},
    "checklist.evidence_outside": {
        "en": "not checked: the path leaves the region file's folder: {path}",
        "id": "tidak diperiksa: jalurnya keluar dari folder berkas wilayah: {path}",
    },
    "checklist.evidence_missing_file": {"en": "file not found: {path}", "id": "berkas tidak ditemukan: {path}"},
    "evidence.path_backslash": {
        "en": "the document {path} given for {key} is not found: between folders, write / ({slashed}), which every system reads; \\ is read as a folder separator on Windows only",
        "id": "dokumen {path} untuk {key} tidak ditemukan: di antara nama folder tulis / ({slashed}), yang dibaca semua sistem; \\ hanya dibaca sebagai pemisah folder di Windows",
    },
    "evidence.path_similar": {
        "en": "the document {path} given for {key} is not found; its folder has {names}: write the name exactly as it is, with the case of its letters and its extension",
        "id": "dokumen {path} untuk {key} tidak ditemukan; di foldernya ada {names}: tulis namanya persis seperti itu, termasuk huruf besar-kecil dan ekstensinya",
    },
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
    # In a letter (--office) the reader is not the file's author: no instructions about the file's sections.
    "checklist.evidence_not_given_letter": {"en": "not attached yet", "id": "Belum dilampirkan"},
    "checklist.evidence_not_given": {
        "en": "not given yet: add the file under evidence in the region file",
        "id": "Belum dilampirkan: cantumkan berkasnya pada bagian dokumen bukti (evidence) di berkas wilayah",
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
    "checklist.box_done": {"en": "done or on hand", "id": "sudah dipenuhi atau tersedia"},
    "checklist.box_open": {"en": "still to do", "id": "belum dipenuhi"},
    "checklist.box_flag": {"en": "file not found, or a folder", "id": "berkas tidak ditemukan, atau berupa folder"},
    "checklist.generated": {
        "en": "Generated by ovop-assess {version} from {file}.",
        "id": "Dibuat dengan ovop-assess {version} dari {file}.",
    },
    "checklist.rule_error": {
        "en": "the rule could not run (see the reason): fix or remove the rule, then assess again",
        "id": "aturan tidak dapat dijalankan (lihat alasannya): perbaiki atau lepaskan aturan itu, lalu nilai ulang",
    },
}
