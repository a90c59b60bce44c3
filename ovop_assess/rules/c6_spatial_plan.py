"""C6 spatial-plan: the sentra conforms to the kabupaten/kota spatial plan (Perda RUTR/RTRW).

What it checks
    ``spatial_plan.conforms`` is true and ``spatial_plan.regulation`` names
    the Perda that sets the RUTR/RTRW. A Perda named without its number and
    year passes with a warning: a reviewer cannot look it up.

Why
    The sixth OVOP sentra criterion in the source document: the sentra the
    kabupaten/kota proposes "is expected" (diharapkan) to conform already to
    its Perda RUTR (Rencana Umum Tata Ruang).
    The source's: conformity with the kabupaten/kota's Perda RUTR (today's
    RTRW).
    This tool's reading, not the source's: the Perda must be named for the
    criterion to pass, so that the claim can be checked (the source only
    says the sentra is expected to conform); the warning on a Perda without
    number and year is this tool's too. The tool does not read the Perda.

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

import re

from ..results import Finding, Message, Outcome, Status
from .base import Facts, NoParams, msg, result

ID = "C6"
NAME = "spatial-plan"
TITLE = {
    "en": "Conformity with the spatial plan (Perda RUTR/RTRW)",
    "id": "Kesesuaian dengan Perda RTRW kabupaten/kota (dahulu RUTR)",
}

READING = {
    "en": 'the Perda must be named to pass (the source says the sentra "is expected" to conform); a Perda named '
    "without its number and year passes with a warning",
    "id": 'Perda harus disebutkan agar kriteria ini dipenuhi (sumber menyatakan sentra "diharapkan" sesuai); Perda '
    "yang disebutkan tanpa nomor dan tahunnya tetap dipenuhi dengan peringatan",
}

DOC_ID = """C6 spatial-plan: sentra sesuai dengan rencana tata ruang kabupaten/kota (Perda RUTR/RTRW).

Yang diperiksa
    ``spatial_plan.conforms`` bernilai true dan ``spatial_plan.regulation``
    menyebut Perda yang menetapkan RUTR/RTRW. Perda yang disebutkan tanpa
    nomor dan tahunnya tetap dipenuhi dengan peringatan: penilai tidak dapat
    menelusurinya.

Alasan
    Kriteria keenam sentra OVOP dalam dokumen sumber: "sentra OVOP yang
    diusulkan daerah (kabupaten/kota) diharapkan sudah sesuai dengan Perda
    RUTR (Rencana Umum Tata Ruang) masing-masing".
    Dari sumber: kesesuaian dengan Perda RUTR (kini RTRW)
    kabupaten/kota.
    Tafsiran alat ini, bukan dari sumber: Perda harus disebutkan agar
    kriteria ini dipenuhi, sehingga klaimnya dapat diperiksa (sumber hanya
    menyatakan "diharapkan" sesuai); peringatan atas Perda tanpa nomor dan
    tahun juga berasal dari alat ini. Alat ini tidak membaca isi Perda.

Status
    tidak dipenuhi (``fail``) bila ``conforms: false`` (apa pun isian
    lainnya); belum diketahui (``unknown``) bila ``spatial_plan``,
    ``conforms`` atau ``regulation`` tidak diisi (``regulation`` yang kosong
    dianggap tidak diisi). Skor 0 atau 1.

Parameter
    tidak ada.

Contoh yang dipenuhi
    spatial_plan: {regulation: Perda Kota Surakarta No. 1 Tahun 2012 tentang RTRW, conforms: true}

Contoh yang tidak dipenuhi
    spatial_plan: {regulation: Perda RTRW, conforms: false}
"""

MESSAGES: dict[str, dict[str, str]] = {
    "c6.ok": {"en": "Conforms to {regulation}.", "id": "Sesuai dengan {regulation}."},
    "c6.regulation_vague": {
        "en": "The Perda is named without its number and year ({regulation}): give both (for example "
        "No. 1 Tahun 2012) so that a reviewer can look it up.",
        "id": "Perda disebutkan tanpa nomor dan tahunnya ({regulation}): sebutkan keduanya (misalnya "
        "No. 1 Tahun 2012) agar penilai dapat menelusurinya.",
    },
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
        "id": "Perda RTRW kabupaten/kota (dahulu RUTR) belum disebutkan.",
    },
    "missing.c6.conforms": {
        "en": "state whether the location conforms to the Perda RTRW/RUTR",
        "id": "nyatakan apakah lokasi sentra sesuai dengan Perda RTRW kabupaten/kota (dahulu RUTR)",
    },
    "missing.c6.regulation": {
        "en": "name the Perda RTRW the zone belongs to",
        "id": "sebutkan Perda RTRW yang berlaku di lokasi sentra",
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
    warnings = _vague(facts, regulation)
    if plan.conforms is False:
        reasons.append(facts.finding("c6.not_conform", ("spatial_plan", "conforms")))
        missing.append(msg("missing.c6.conform"))
        if not regulation:  # a conforming location still has to name its Perda to pass
            reasons.append(facts.finding("c6.regulation_absent", ("spatial_plan",)))
            missing.append(msg("missing.c6.regulation"))
        return result(Status.FAIL, 0.0, reasons, warnings, missing=missing)
    if plan.conforms is None:
        reasons.append(facts.finding("c6.conforms_absent", ("spatial_plan",)))
        missing.append(msg("missing.c6.conforms"))
    if not regulation:
        reasons.append(facts.finding("c6.regulation_absent", ("spatial_plan",)))
        missing.append(msg("missing.c6.regulation"))
    if reasons:
        return result(Status.UNKNOWN, 0.0, reasons, warnings, missing=missing)
    return result(
        Status.PASS, 1.0, [facts.finding("c6.ok", ("spatial_plan", "regulation"), regulation=regulation)], warnings
    )


# "No. 1", "Nomor 1", "No 1/2012"; a year of this or the last century ("Tahun 2012", "2011-2031").
_NUMBER = re.compile(r"\b(?:no|nomor)\b\.?\s*\d+", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _vague(facts: Facts, regulation: str) -> list[Finding]:
    """A Perda named without its number and year: a reviewer cannot look it up."""
    if not regulation or (_NUMBER.search(regulation) and _YEAR.search(regulation)):
        return []
    return [facts.finding("c6.regulation_vague", ("spatial_plan", "regulation"), regulation=regulation)]
