"""Assessing: waivers, rules that fail, the words of statuses and verdicts, and what several rules find missing."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- waivers
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
        "id": "Pengecualian kriteria ini berakhir pada {expires} sehingga sudah tidak berlaku: {reason}",
    },
    # --- a rule's own reading (``READING``), its text given by the rule in both languages
    "rule.reading": {"en": "{text}", "id": "{text}"},
    # --- rules that could not run or load
    "rule.crashed": {
        "en": "The rule {rule} failed while checking: {error}",
        "id": "Aturan {rule} gagal saat memeriksa: {error}",
    },
    # Nested in rule.crashed as its {error}
    "rule.timed_out": {
        "en": "it did not return within {seconds} s (--rule-timeout)",
        "id": "tidak selesai dalam {seconds} detik (--rule-timeout)",
    },
    "rule.unavailable": {
        "en": "The rule {rule} could not be loaded: {error}",
        "id": "Aturan {rule} tidak dapat dimuat: {error}",
    },
    # Nested in rule.unavailable as its {error}: "The rule X could not be loaded: ..."
    "rule.import_timed_out": {
        "en": "its import did not finish within {seconds} s",
        "id": "impor modulnya tidak selesai dalam {seconds} detik",
    },
    "rule.messages_timed_out": {
        "en": "reading its MESSAGES did not finish within {seconds} s",
        "id": "pembacaan MESSAGES-nya tidak selesai dalam {seconds} detik",
    },
    "rule.params_timed_out": {
        "en": "checking its parameters did not finish within {seconds} s",
        "id": "pemeriksaan parameternya tidak selesai dalam {seconds} detik",
    },
    "rule.params_failed": {
        "en": "checking its parameters failed: {error}",
        "id": "pemeriksaan parameternya gagal: {error}",
    },
    "rule.id_clash": {
        "en": "its id clashes with a built-in rule",
        "id": "id-nya sama dengan id aturan bawaan",
    },
    "rule.entry_point_mismatch": {
        "en": "the entry point is named {name} but the rule's ID is {id}",
        "id": "entry point bernama {name}, tetapi ID aturannya {id}",
    },
    "rule.message_clash": {
        "en": "the message id '{message}' in the MESSAGES of {rule} is already taken, by ovop-assess or another "
        "plugin; a plugin may add messages but never replace one (give it an id of its own)",
        "id": "id pesan '{message}' dalam MESSAGES {rule} sudah dipakai, oleh ovop-assess atau plugin lain; "
        "plugin boleh menambah pesan tetapi tidak boleh menggantinya (beri id tersendiri)",
    },
    # --- statuses and verdicts
    "status.pass": {"en": "pass", "id": "dipenuhi"},
    "status.fail": {"en": "fail", "id": "tidak dipenuhi"},
    "status.unknown": {"en": "unknown", "id": "belum diketahui"},
    "status.waived": {"en": "waived", "id": "dikecualikan"},
    "status.error": {"en": "error", "id": "kesalahan"},
    "verdict.eligible": {"en": "eligible", "id": "layak"},
    "verdict.not_eligible": {"en": "not eligible", "id": "tidak layak"},
    "verdict.incomplete": {"en": "incomplete", "id": "belum lengkap"},
    "verdict.invalid": {"en": "invalid file", "id": "berkas tidak valid"},
    # --- assurance: how far a passing criterion is backed (docs/criteria.md, "Assurance")
    "assurance.declared": {"en": "declared only", "id": "baru dinyatakan"},
    "assurance.documented": {"en": "documented", "id": "terdokumentasi"},
    "assurance.verified": {"en": "verified", "id": "terverifikasi"},
    "assurance.below_bar": {
        "en": "It passes on the facts in the file, but is {level}; this assessment asks for at least {bar}.",
        "id": "Kriteria ini dipenuhi menurut data dalam berkas, tetapi {level}; penilaian ini mensyaratkan sekurang-kurangnya {bar}.",
    },
    "missing.assurance_document": {
        "en": "attach the document: {document} (evidence key {key})",
        "id": "lampirkan dokumen: {document} (kunci bukti {key})",
    },
    "missing.assurance_document_letter": {
        "en": "attach the document: {document}",
        "id": "lampirkan dokumen: {document}",
    },
    "missing.assurance_verification": {
        "en": "record the office's check of the facts of {rule} under verification, dated on or before {as_of}",
        "id": "catat pemeriksaan dinas atas data {rule} pada bagian verification, bertanggal paling lambat {as_of}",
    },
    # --- still missing, for several rules
    "missing.firms": {"en": "list the sentra's firms", "id": "daftarkan UMKM/IKM di sentra"},
    "missing.product": {
        "en": "describe the product (name and category)",
        "id": "uraikan produknya (nama dan kategori)",
    },
}
