"""The words of the reports: table headings, summaries, labels."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "ui.criterion": {"en": "Criterion", "id": "Kriteria"},
    "ui.status": {"en": "Status", "id": "Status"},
    "ui.score": {"en": "Score", "id": "Skor"},
    "ui.reason": {"en": "Reason", "id": "Alasan"},
    "ui.verdict": {"en": "Verdict", "id": "Hasil penilaian"},
    "ui.region": {"en": "Region", "id": "Wilayah"},
    "ui.file": {"en": "File", "id": "Berkas"},
    "ui.total_score": {"en": "total score", "id": "skor total"},
    "ui.criteria_set": {
        "en": "criteria set {id} (version {version})",
        "id": "kumpulan kriteria {id} (versi {version})",
    },
    "ui.still_missing": {"en": "still missing", "id": "kekurangan"},
    "ui.advisory": {"en": "advisory", "id": "tidak wajib (sebagai pertimbangan)"},
    "ui.group": {"en": "one of group {group}", "id": "salah satu dari kelompok {group}"},
    "ui.required": {"en": "required", "id": "wajib"},
    "ui.warning": {"en": "warning", "id": "peringatan"},
    "ui.unversioned": {"en": "not given", "id": "tidak disebut"},  # (the version words: "version not given")
    "ui.errors_in": {"en": "{count} problem(s) in {file}", "id": "{count} masalah di {file}"},
    "ui.sheet_warnings_in": {
        "en": "{count} warning(s) about the firm list of {file}",
        "id": "{count} peringatan tentang daftar usaha {file}",
    },
    "ui.summary": {
        "en": "{files} file(s): {eligible} eligible, {not_eligible} not eligible, {incomplete} incomplete, {invalid} invalid",
        "id": "{files} berkas: {eligible} layak, {not_eligible} tidak layak, {incomplete} belum lengkap, {invalid} tidak valid",
    },
    "ui.parameters": {"en": "Parameters", "id": "Parameter"},
    "ui.id": {"en": "ID", "id": "ID"},
    "ui.name": {"en": "Name", "id": "Nama"},
    "ui.role": {"en": "Counts as", "id": "Dihitung sebagai"},
    "ui.weight": {"en": "Weight", "id": "Bobot"},
    "ui.disabled": {"en": "switched off in this set: {ids}", "id": "dimatikan dalam kumpulan ini: {ids}"},
    "ui.other_rules": {
        "en": "installed but not used by this set: {ids}",
        "id": "terpasang tetapi tidak dipakai kumpulan ini: {ids}",
    },
    "ui.readings": {
        "en": "This tool's readings, not the source's:",
        "id": "Tafsiran alat ini, bukan dari sumber:",
    },
    "ui.reading_line": {"en": "  {rule}: {reading}", "id": "  {rule}: {reading}"},
    "ui.param_default": {"en": "  {name} (default {default})", "id": "  {name} (bawaan {default})"},
    "ui.none": {"en": "none", "id": "tidak ada"},
    "ui.assessing": {"en": "Assessing", "id": "Menilai"},
    "ui.at_line": {"en": "line {line}", "id": "baris {line}"},
    "ui.at_cell": {"en": "cell {cell}", "id": "sel {cell}"},
    # --- assurance next to the verdict (docs/criteria.md, "Assurance")
    "ui.assurance": {"en": "Assurance", "id": "Tingkat bukti"},
    "ui.documents": {"en": "Documents", "id": "Dokumen"},
    "ui.documents_on_hand": {
        "en": "{on_hand} of {needed} documents on hand",
        "id": "{on_hand} dari {needed} dokumen tersedia",
    },
    "ui.min_assurance": {
        "en": "A passing criterion must be at least {level} (min_assurance); below it, it counts as unknown.",
        "id": "Kriteria yang dipenuhi harus sekurang-kurangnya {level} (min_assurance); di bawahnya, dihitung belum diketahui.",
    },
    "ui.verdict_backed": {"en": "{verdict} — {backing}", "id": "{verdict} — {backing}"},
    "ui.parameters_heading": {"en": "Parameters", "id": "Parameter"},
    "ui.doc_english_only": {
        "en": "(This rule is documented in English only.)",
        "id": "(Aturan ini hanya didokumentasikan dalam bahasa Inggris.)",
    },
    # --- explain --criteria: what a criteria set makes of the rule
    "ui.explain_in_set": {"en": "In {set}:", "id": "Dalam {set}:"},
    "ui.explain_not_in_set": {
        "en": "{rule} is not in {set}: an assessment with this set does not judge it.",
        "id": "{rule} tidak termasuk dalam {set}: penilaian dengan kumpulan ini tidak menilainya.",
    },
    "ui.explain_switched_off": {
        "en": "{rule} is switched off in {set}: an assessment with this set does not judge it.",
        "id": "{rule} dimatikan dalam {set}: penilaian dengan kumpulan ini tidak menilainya.",
    },
    "ui.explain_reading": {
        "en": "This tool's reading with these parameters, not the source's:",
        "id": "Tafsiran alat ini dengan parameter tersebut, bukan dari sumber:",
    },
    "ui.explain_evidence": {
        "en": "Evidence asked for: {evidence} ({title})",
        "id": "Bukti yang diminta: {evidence} ({title})",
    },
    "ui.why_region": {"en": "{region} ({file}):", "id": "{region} ({file}):"},
    "ui.why_criterion": {"en": "{id} {status}: {first}", "id": "{id} {status}: {first}"},
}
