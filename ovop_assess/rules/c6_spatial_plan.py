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
    "id": "Kesesuaian dengan rencana tata ruang (Perda RUTR/RTRW)",
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
