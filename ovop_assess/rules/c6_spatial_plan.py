"""C6 spatial-plan: the sentra conforms to the kabupaten/kota spatial plan (Perda RUTR/RTRW).

What it checks
    ``spatial_plan.conforms`` is true and ``spatial_plan.regulation`` names
    the Perda that sets the RUTR/RTRW.

Why
    The sixth OVOP sentra criterion in the source document: the sentra the
    kabupaten/kota proposes should already conform to its Perda RUTR
    (Rencana Umum Tata Ruang). Naming the regulation makes the claim
    checkable by the reviewer.

Status
    fail when ``conforms: false`` (whatever else is given); unknown when
    ``spatial_plan``, ``conforms`` or ``regulation`` is absent (a blank
    ``regulation`` counts as absent). Score 0 or 1.

Parameters
    none.

Passing fragment
    spatial_plan: {regulation: Perda Kota Surakarta No. 1 Tahun 2012 tentang RTRW, conforms: true}

Failing fragment
    spatial_plan: {regulation: Perda RTRW, conforms: false}
"""

from __future__ import annotations

from ..results import Finding, Message, Outcome, Status
from .base import Facts, NoParams, msg, result

ID = "C6"
NAME = "spatial-plan"
TITLE = {
    "en": "Conformity with the spatial plan (Perda RUTR/RTRW)",
    "id": "Kesesuaian dengan Perda RTRW kabupaten/kota (dahulu RUTR)",
}

DOC_ID = """C6 spatial-plan: sentra sesuai dengan rencana tata ruang kabupaten/kota (Perda RUTR/RTRW).

Yang diperiksa
    ``spatial_plan.conforms`` bernilai true dan ``spatial_plan.regulation``
    menyebut Perda yang menetapkan RUTR/RTRW.

Alasan
    Kriteria keenam sentra OVOP dalam dokumen sumber: "sentra OVOP yang
    diusulkan daerah (kabupaten/kota) diharapkan sudah sesuai dengan Perda
    RUTR (Rencana Umum Tata Ruang) masing-masing". Dengan menyebut
    peraturannya, klaim tersebut dapat diperiksa oleh penilai.

Status
    gagal (``fail``) bila ``conforms: false`` (apa pun isian lainnya); belum
    diketahui (``unknown``) bila ``spatial_plan``, ``conforms`` atau
    ``regulation`` tidak diisi (``regulation`` yang kosong dianggap tidak
    diisi). Skor 0 atau 1.

Parameter
    tidak ada.

Contoh lulus
    spatial_plan: {regulation: Perda Kota Surakarta No. 1 Tahun 2012 tentang RTRW, conforms: true}

Contoh gagal
    spatial_plan: {regulation: Perda RTRW, conforms: false}
"""

MESSAGES: dict[str, dict[str, str]] = {
    "c6.ok": {"en": "Conforms to {regulation}.", "id": "Sesuai dengan {regulation}."},
    "c6.not_conform": {
        "en": "The location does not conform to the regional spatial plan (RUTR/RTRW).",
        "id": "Lokasi sentra tidak sesuai dengan Perda RTRW kabupaten/kota.",
    },
    "c6.absent": {
        "en": "Conformity with the Perda RUTR/RTRW is not stated yet.",
        "id": "Kesesuaian dengan Perda RTRW kabupaten/kota (dahulu RUTR) belum dinyatakan.",
    },
    "c6.conforms_absent": {
        "en": "Whether the location conforms to the spatial plan is not stated.",
        "id": "Belum dinyatakan apakah lokasi sentra sesuai dengan Perda RTRW kabupaten/kota.",
    },
    "c6.regulation_absent": {
        "en": "The Perda RTRW/RUTR is not named.",
        "id": "Nomor dan tahun Perda RTRW kabupaten/kota belum disebutkan.",
    },
    "missing.c6.conforms": {
        "en": "state whether the location conforms to the Perda RTRW/RUTR",
        "id": "nyatakan apakah lokasi sentra sesuai dengan Perda RTRW kabupaten/kota (dahulu RUTR)",
    },
    "missing.c6.regulation": {
        "en": "name the Perda RTRW the zone belongs to",
        "id": "sebutkan nomor dan tahun Perda RTRW yang berlaku di lokasi sentra",
    },
    "missing.c6.conform": {
        "en": "a location that conforms to the Perda RTRW/RUTR",
        "id": "lokasi sentra yang sesuai dengan Perda RTRW kabupaten/kota (dahulu RUTR)",
    },
}

Params = NoParams


def check(facts: Facts, params: NoParams) -> Outcome:
    plan = facts.region.spatial_plan
    if plan is None:
        return result(
            Status.UNKNOWN,
            0.0,
            [facts.finding("c6.absent")],
            missing=[msg("missing.c6.conforms"), msg("missing.c6.regulation")],
        )
    regulation = (plan.regulation or "").strip()
    reasons: list[Finding] = []
    missing: list[Message] = []
    if plan.conforms is False:
        reasons.append(facts.finding("c6.not_conform", ("spatial_plan", "conforms")))
        missing.append(msg("missing.c6.conform"))
        if not regulation:  # a conforming location still has to name its Perda to pass
            reasons.append(facts.finding("c6.regulation_absent", ("spatial_plan",)))
            missing.append(msg("missing.c6.regulation"))
        return result(Status.FAIL, 0.0, reasons, missing=missing)
    if plan.conforms is None:
        reasons.append(facts.finding("c6.conforms_absent", ("spatial_plan",)))
        missing.append(msg("missing.c6.conforms"))
    if not regulation:
        reasons.append(facts.finding("c6.regulation_absent", ("spatial_plan",)))
        missing.append(msg("missing.c6.regulation"))
    if reasons:
        return result(Status.UNKNOWN, 0.0, reasons, missing=missing)
    return result(Status.PASS, 1.0, [facts.finding("c6.ok", ("spatial_plan", "regulation"), regulation=regulation)])
