"""C4 government-commitment: the local government commits to developing the product.

What it checks
    Counts ``government_commitment`` entries whose ``status`` is
    ``committed`` or ``delivered``; an entry without ``status`` counts as
    committed. Passes with at least ``min_commitments`` of them.

Why
    The fourth OVOP sentra criterion in the source document: how far the
    regional government commits to and facilitates developing the product
    (budget, programmes, regulation).

Status
    fail when the list is empty, or has fewer than ``min_commitments``
    committed/delivered entries (for example only ``planned`` ones);
    unknown when ``government_commitment`` is absent. The score is 0 or 1.

Parameters
    min_commitments (integer >= 1, default 1).

Passing fragment
    government_commitment:
      - {type: training, description: Training by the Dinas Koperasi dan UMKM, status: delivered}

Failing fragment (only planned)
    government_commitment:
      - {type: budget, description: Budget line proposed for next year, status: planned}
"""

from __future__ import annotations

from pydantic import Field

from ..results import Outcome, Status
from .base import Facts, RuleParams, msg, result

ID = "C4"
NAME = "government-commitment"
TITLE = {
    "en": "Commitment and facilitation of the local government",
    "id": "Komitmen dan fasilitasi pemerintah daerah",
}

DOC_ID = """C4 government-commitment: pemerintah daerah berkomitmen mengembangkan produk.

Yang diperiksa
    Menghitung entri ``government_commitment`` yang ``status``-nya
    ``committed`` atau ``delivered``; entri tanpa ``status`` dihitung
    sebagai committed. Lulus bila jumlahnya sekurang-kurangnya
    ``min_commitments``.

Alasan
    Kriteria keempat sentra OVOP dalam dokumen sumber: sejauh mana
    komitmen dan fasilitasi pemerintah daerah terhadap pengembangan produk
    IKM yang dikerjakan masyarakat (anggaran, program, regulasi).

Status
    gagal (``fail``) bila daftarnya kosong, atau entri committed/delivered
    kurang dari ``min_commitments`` (misalnya hanya ada entri ``planned``);
    belum diketahui (``unknown``) bila ``government_commitment`` tidak
    diisi. Skornya 0 atau 1.

Parameter
    min_commitments (bilangan bulat >= 1, bawaan 1).

Contoh lulus
    government_commitment:
      - {type: training, description: Training by the Dinas Koperasi dan UMKM, status: delivered}

Contoh gagal (hanya rencana)
    government_commitment:
      - {type: budget, description: Budget line proposed for next year, status: planned}
"""

MESSAGES: dict[str, dict[str, str]] = {
    "c4.ok": {
        "en": "{count} local-government commitment(s) committed or delivered.",
        "id": "{count} komitmen/fasilitasi pemerintah daerah sudah ditetapkan atau direalisasikan.",
    },
    "c4.too_few": {
        "en": "{count} of the {required} committed or delivered commitments needed ({planned} only planned).",
        "id": "Baru {count} dari {required} komitmen/fasilitasi pemerintah daerah yang sudah ditetapkan atau "
        "direalisasikan ({planned} masih berupa rencana).",
    },
    "c4.empty": {
        "en": "No local-government commitment is listed.",
        "id": "Tidak ada komitmen pemerintah daerah yang tercantum.",
    },
    "c4.absent": {
        "en": "The local government's commitment is not stated yet.",
        "id": "Komitmen pemerintah daerah belum dinyatakan.",
    },
    "missing.c4": {
        "en": "{count} more committed or delivered commitment(s) of the local government (budget, programme, "
        "regulation)",
        "id": "{count} komitmen/fasilitasi pemerintah daerah lagi yang sudah ditetapkan atau direalisasikan "
        "(anggaran, program, regulasi)",
    },
}


class Params(RuleParams):
    min_commitments: int = Field(1, ge=1)


def check(facts: Facts, params: Params) -> Outcome:
    commitments = facts.region.government_commitment
    if commitments is None:
        return result(
            Status.UNKNOWN, 0.0, [facts.finding("c4.absent")], missing=[msg("missing.c4", count=params.min_commitments)]
        )
    if not commitments:
        return result(
            Status.FAIL,
            0.0,
            [facts.finding("c4.empty", ("government_commitment",))],
            missing=[msg("missing.c4", count=params.min_commitments)],
        )
    firm = [i for i, c in enumerate(commitments) if c.status != "planned"]
    planned_at = [i for i, c in enumerate(commitments) if c.status == "planned"]
    planned = len(planned_at)
    if len(firm) >= params.min_commitments:
        return result(Status.PASS, 1.0, [facts.finding("c4.ok", ("government_commitment", firm[0]), count=len(firm))])
    return result(
        Status.FAIL,
        0.0,
        [
            facts.finding(
                "c4.too_few",
                # The deciding fact: the first commitment that is only planned, else the list.
                ("government_commitment", planned_at[0], "status") if planned_at else ("government_commitment",),
                count=len(firm),
                required=params.min_commitments,
                planned=planned,
            )
        ],
        missing=[msg("missing.c4", count=params.min_commitments - len(firm))],
    )
