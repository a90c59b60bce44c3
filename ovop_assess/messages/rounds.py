"""The selection round: the office profile, the round report and the comparison of two assessments."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- office.yaml
    "office.invalid": {
        "en": "the office profile cannot be used: {count} problem(s)",
        "id": "profil kantor tidak dapat dipakai: {count} masalah",
    },
    "office.top_not_mapping": {
        "en": "the file must be a mapping of fields (office, government, …) at the top level",
        "id": "isi berkas harus berupa pemetaan isian (office, government, …) di tingkat teratas",
    },
    "office.logo_type": {
        "en": "the logo {path} must be a PNG, JPEG or SVG file (.png, .jpg, .jpeg, .svg)",
        "id": "logo {path} harus berupa berkas PNG, JPEG, atau SVG (.png, .jpg, .jpeg, .svg)",
    },
    "office.logo_unreadable": {
        "en": "the logo {path} cannot be read (the path is relative to the office profile)",
        "id": "logo {path} tidak dapat dibaca (jalurnya relatif terhadap berkas profil kantor)",
    },
    "office.logo_not_image": {
        "en": "the logo {path} is not an image of type {type}, whatever its name says; export the logo again as PNG, JPEG or SVG",
        "id": "logo {path} bukan gambar {type}, apa pun nama berkasnya; ekspor ulang logonya sebagai PNG, JPEG, atau SVG",
    },
    "office.logo_too_large": {
        "en": "the logo {path} is larger than {limit}; use a smaller image",
        "id": "logo {path} lebih besar dari {limit}; gunakan gambar yang lebih kecil",
    },
    # --- the round report
    "round.title": {
        "en": "Summary of the Assessment of OVOP Sentra Candidates, Year {year}",
        "id": "Rekapitulasi Hasil Penilaian Calon Sentra OVOP Tahun {year}",
    },
    "round.subtitle": {
        "en": "Criteria set: {set} ({id}, version {version}) · assessed on {date}",
        "id": "Kumpulan kriteria: {set} ({id}, versi {version}) · dinilai pada {date}",
    },
    "round.col_rank": {"en": "Rank", "id": "Peringkat"},
    "round.col_area": {"en": "Desa/kelurahan or kecamatan", "id": "Desa/kelurahan atau kecamatan"},
    "round.col_district": {"en": "Kecamatan", "id": "Kecamatan"},
    "round.col_city": {"en": "Kabupaten/kota", "id": "Kabupaten/kota"},
    "round.col_code": {"en": "Area code", "id": "Kode wilayah"},
    "round.col_product": {"en": "Product (KBLI)", "id": "Produk (KBLI)"},
    "round.col_year": {"en": "Proposal year", "id": "Tahun usulan"},
    "round.col_verdict": {"en": "Verdict", "id": "Hasil penilaian"},
    "round.col_assurance": {"en": "Assurance", "id": "Tingkat bukti"},
    "round.col_score": {"en": "Score", "id": "Skor"},
    "round.col_open": {"en": "Criteria not met", "id": "Kriteria belum terpenuhi"},
    "round.col_missing": {"en": "Still missing (first items)", "id": "Yang masih kurang (butir-butir pertama)"},
    "round.col_since": {"en": "Since last round", "id": "Sejak penilaian sebelumnya"},
    "round.assurance_declared": {"en": "declared only", "id": "baru dinyatakan"},  # (as assurance.declared)
    "round.assurance_documented": {"en": "documented", "id": "terdokumentasi"},
    "round.assurance_verified": {"en": "verified", "id": "terverifikasi"},
    "round.more_missing": {"en": "(and {count} more)", "id": "(dan {count} lainnya)"},
    "round.since_new": {"en": "new", "id": "baru"},
    "round.since_was": {"en": "{arrow} was {verdict}, {score}", "id": "{arrow} sebelumnya {verdict}, {score}"},
    "round.since_was_now": {
        "en": "{arrow} was {verdict}, {score} (now {now})",
        "id": "{arrow} sebelumnya {verdict}, {score} (kini {now})",
    },
    "round.legend": {
        "en": "Eligible candidates come first, the better backed first (verified, documented, declared only), then by "
        "score; then incomplete, then not eligible candidates, each by score; invalid files last.",
        "id": "Calon yang layak didahulukan, yang lebih terjamin lebih dahulu (terverifikasi, terdokumentasi, "
        "baru dinyatakan), lalu menurut skor; kemudian calon yang belum lengkap, lalu yang tidak layak, masing-masing "
        "menurut skor; berkas tidak valid paling akhir.",
    },
    "round.legend_marks": {
        "en": "✗ fails, ? unknown, ! the rule could not run, ~ waived (the file records a waiver for it).",
        "id": "✗ tidak dipenuhi, ? belum diketahui, ! aturan tidak dapat dijalankan, "
        "~ dikecualikan (berkas mencatat pengecualian untuk kriteria itu).",
    },
    "round.legend_area": {
        "en": "⚠ by a code: the official area table does not have it, or names its area otherwise (the file's warnings "
        "say how).",
        "id": "⚠ pada kode: kode itu tidak ada dalam tabel kode wilayah resmi, atau tabel itu menamai wilayahnya lain "
        "(peringatan berkasnya menjelaskan).",
    },
    "round.place_date": {"en": "{place}, {date}", "id": "{place}, {date}"},
    "round.nip": {"en": "NIP {nip}", "id": "NIP {nip}"},
    "round.generated": {
        "en": "Made with ovop-assess {version}.",
        "id": "Dibuat dengan ovop-assess {version}.",
    },
    "round.previous_score_out_of_range": {
        "en": "{path} gives {region} a score of {score}, but a score is a number from 0 to 1: the report was changed "
        "after ovop-assess wrote it, so {region} is not looked up in it (shown as new)",
        "id": "{path} memberi {region} skor {score}, padahal skor adalah angka dari 0 sampai 1: laporan itu diubah "
        "setelah ditulis ovop-assess, sehingga {region} tidak dicari di dalamnya (ditampilkan sebagai baru)",
    },
    "round.previous_unreadable": {
        "en": "{path} is no JSON report of ovop-assess (round or assess --format json)",
        "id": "{path} bukan laporan JSON ovop-assess (round atau assess --format json)",
    },
    # --- the workbook (--format xlsx)
    "xlsx.title": {"en": "OVOP sentra assessment", "id": "Penilaian calon sentra OVOP"},
    "xlsx.sheet_candidates": {"en": "Candidates", "id": "Calon"},
    "xlsx.sheet_details": {"en": "Details", "id": "Rincian"},
    "xlsx.col_name": {"en": "Desa/kelurahan or kecamatan", "id": "Desa/kelurahan atau kecamatan"},
    "xlsx.col_level": {"en": "Level", "id": "Tingkat"},
    "xlsx.col_product": {"en": "Product", "id": "Produk"},
    "xlsx.col_kbli": {"en": "KBLI", "id": "KBLI"},
    "xlsx.col_rule": {"en": "Rule", "id": "Aturan"},
    "xlsx.col_role": {"en": "Counts as", "id": "Dihitung sebagai"},
    "cli.binary_to_terminal": {
        "en": "--format {format} writes a workbook, not text for a terminal: add --output FILE.{format}",
        "id": "--format {format} menghasilkan buku kerja, bukan teks untuk terminal: tambahkan --output BERKAS.{format}",
    },
}
