"""C5 management-body: the sentra has a managing organisation.

What it checks
    ``organizations`` lists at least one body: a business group
    (``kelompok_usaha``), a joint business group (``kub``), a cooperative
    (``koperasi``), a ``paguyuban``, an association (``asosiasi``) or
    ``other``. A body of type ``other`` without ``legal_basis`` passes with
    a warning: name the deed or decree that establishes it.

Why
    The fifth OVOP sentra criterion in the source document: the sentra has
    a management (pengurus sentra), which may be a kelompok usaha, KUB,
    koperasi, paguyuban, asosiasi and the like. In Surakarta, Kauman's batik
    sentra was run by the paguyuban PKWBK with the cooperative SDK.
    The source's: the forms of body, "and the like" included.
    This tool's reading, not the source's: one listed body is enough; the
    warning on ``other`` without ``legal_basis`` is this tool's, the source
    asks for no legal basis.

Status
    fail when ``organizations: []``; unknown when absent. Score 0 or 1.

Parameters
    none.

Passing fragment
    organizations:
      - {type: paguyuban, name: Paguyuban Kampung Wisata Batik Kauman (PKWBK)}

Failing fragment
    organizations: []
"""

from __future__ import annotations

from ..results import Outcome, Status
from .base import Facts, NoParams, msg, result

ID = "C5"
NAME = "management-body"
TITLE = {"en": "A sentra management body", "id": "Pengurus sentra"}

READING = {
    "en": "one listed body is enough; a body of type other should give its legal basis",
    "id": "satu lembaga yang tercantum sudah cukup; lembaga berbentuk lainnya sebaiknya menyebutkan dasar hukumnya",
}

DOC_ID = """C5 management-body: sentra memiliki lembaga pengurus.

Yang diperiksa
    ``organizations`` mencantumkan sekurang-kurangnya satu lembaga:
    kelompok usaha (``kelompok_usaha``), kelompok usaha bersama (``kub``),
    koperasi (``koperasi``), ``paguyuban``, asosiasi (``asosiasi``) atau
    lainnya (``other``). Lembaga berbentuk ``other`` tanpa ``legal_basis``
    tetap dipenuhi dengan peringatan: sebutkan akta atau SK pembentukannya.

Alasan
    Kriteria kelima sentra OVOP dalam dokumen sumber: "memiliki pengurus
    sentra yang dapat berupa kelompok usaha, KUB, koperasi, paguyuban,
    asosiasi, dll." Di Surakarta, sentra batik Kauman dijalankan oleh
    paguyuban PKWBK bersama koperasi SDK.
    Dari sumber: bentuk-bentuk lembaga itu, termasuk "dll.".
    Tafsiran alat ini, bukan dari sumber: satu lembaga yang tercantum sudah
    cukup; peringatan atas ``other`` tanpa ``legal_basis`` berasal dari
    alat ini, sumber tidak meminta dasar hukum.

Status
    tidak dipenuhi (``fail``) bila ``organizations: []``; belum diketahui
    (``unknown``) bila tidak diisi. Skor 0 atau 1.

Parameter
    tidak ada.

Contoh yang dipenuhi
    organizations:
      - {type: paguyuban, name: Paguyuban Kampung Wisata Batik Kauman (PKWBK)}

Contoh yang tidak dipenuhi
    organizations: []
"""

MESSAGES: dict[str, dict[str, str]] = {
    "c5.ok": {"en": "Managed by {names}.", "id": "Dikelola oleh {names}."},
    "c5.body": {"en": "{name} ({type})", "id": "{name} ({type})"},
    "c5.other_no_basis": {
        "en": "{name} is of type other and gives no legal_basis: name the deed or decree that establishes it.",
        "id": "{name} berbentuk lainnya (other) dan tidak menyebutkan dasar hukum (legal_basis): sebutkan akta "
        "atau SK pembentukannya.",
    },
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
    # the region format's organisation types, inside c5.body (``org.{type}``): English keeps the code
    # as written in the file, Bahasa Indonesia gives the word
    "org.paguyuban": {"en": "paguyuban", "id": "paguyuban"},
    "org.koperasi": {"en": "koperasi", "id": "koperasi"},
    "org.kub": {"en": "kub", "id": "KUB"},
    "org.asosiasi": {"en": "asosiasi", "id": "asosiasi"},
    "org.kelompok_usaha": {"en": "kelompok_usaha", "id": "kelompok usaha"},
    "org.other": {"en": "other", "id": "lainnya"},
}

Params = NoParams


def check(facts: Facts, params: NoParams) -> Outcome:
    organizations = facts.region.organizations
    if organizations is None:
        return result(Status.UNKNOWN, 0.0, [facts.finding("c5.absent")], missing=[msg("missing.c5")])
    if not organizations:
        return result(Status.FAIL, 0.0, [facts.finding("c5.empty", ("organizations",))], missing=[msg("missing.c5")])
    # The body's type as a word of the catalogue (``org.kub``), not a raw code, in either language.
    names = tuple(msg("c5.body", name=o.name, type=msg(f"org.{o.type}")) for o in organizations)
    # A body of no recognised form, with nothing establishing it, may be no more than a chat group.
    warnings = [
        facts.finding("c5.other_no_basis", ("organizations", i), name=o.name)
        for i, o in enumerate(organizations)
        if o.type == "other" and not (o.legal_basis or "").strip()
    ]
    return result(Status.PASS, 1.0, [facts.finding("c5.ok", ("organizations", 0), names=names)], warnings=warnings)
