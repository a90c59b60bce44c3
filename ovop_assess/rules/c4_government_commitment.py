"""C4 government-commitment: the local government commits to developing the product.

What it checks
    Counts ``government_commitment`` entries whose ``status`` is
    ``committed`` or ``delivered``. Passes with at least
    ``min_commitments`` of them. An entry without ``status`` is not counted:
    it does not say how far the government has gone.

Why
    The fourth OVOP sentra criterion in the source document: how far
    ("sejauh mana") the regional government commits to and facilitates
    developing the product (budget, programmes, regulation).
    The source's: the government's commitment and facilitation, and the
    question "how far".
    This tool's reading, not the source's: the measure of "how far" — the
    statuses and their glosses (``planned``: a plan, not yet a commitment;
    ``committed``: agreed, decided; ``delivered``: carried out), the number
    of committed or delivered entries needed (1 by default, which a
    criteria set may change), and the kinds of commitment (``budget``,
    ``training`` ...). Most kinds are forms of support the source
    describes.

Status
    pass with enough committed or delivered entries. fail when the list is
    empty, or is too few even if every entry without a ``status`` were
    committed (for example only ``planned`` ones); unknown when
    ``government_commitment`` is absent, or when the entries without a
    ``status`` could still make up the number. The score is 0 or 1.

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

from ..results import Message, Outcome, Status
from .base import Facts, RuleParams, fmt_quantity, msg, result

ID = "C4"
NAME = "government-commitment"
TITLE = {
    "en": "Commitment and facilitation of the local government",
    "id": "Komitmen dan fasilitasi pemerintah daerah",
}

DOC_ID = """C4 government-commitment: pemerintah daerah berkomitmen mengembangkan produk.

Yang diperiksa
    Menghitung entri ``government_commitment`` yang ``status``-nya
    ``committed`` atau ``delivered``. Lulus bila jumlahnya
    sekurang-kurangnya ``min_commitments``. Entri tanpa ``status`` tidak
    dihitung: entri itu tidak menyatakan sejauh mana pemerintah daerah
    telah bertindak.

Alasan
    Kriteria keempat sentra OVOP dalam dokumen sumber: "sejauh mana
    komitmen dan fasilitasi pemerintah daerah terhadap pengembangan produk
    IKM yang di kerjakan masyarakat" (anggaran, program, regulasi).
    Dari sumber: komitmen dan fasilitasi pemerintah daerah, serta
    pertanyaan "sejauh mana".
    Tafsiran alat ini, bukan dari sumber: ukuran "sejauh mana" itu, yaitu
    status dan artinya (``planned``: rencana, belum komitmen;
    ``committed``: disepakati; ``delivered``: terlaksana), jumlah entri
    yang disepakati atau terlaksana yang diperlukan (bawaannya 1, dan
    kumpulan kriteria dapat mengubahnya), dan jenis komitmen (``budget``,
    ``training`` ...). Sebagian besar jenis itu adalah bentuk fasilitasi
    yang diuraikan sumber.

Status
    dipenuhi (``pass``) bila entri yang disepakati atau terlaksana cukup.
    Gagal (``fail``) bila daftarnya kosong, atau tetap kurang meskipun
    setiap entri tanpa ``status`` dianggap disepakati (misalnya hanya ada
    entri ``planned``); belum diketahui (``unknown``) bila
    ``government_commitment`` tidak diisi, atau bila entri tanpa ``status``
    masih dapat mencukupi jumlahnya. Skornya 0 atau 1.

Parameter
    min_commitments (bilangan bulat >= 1, bawaan 1).

Contoh yang dipenuhi
    government_commitment:
      - {type: training, description: Training by the Dinas Koperasi dan UMKM, status: delivered}

Contoh yang tidak dipenuhi (hanya rencana)
    government_commitment:
      - {type: budget, description: Budget line proposed for next year, status: planned}
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The rule's own reading (``reading``), with the criteria set's number
    "c4.reading": {
        "en": 'the measure of "how far": statuses planned / committed (agreed) / delivered (carried out), and '
        "at least {count} committed or delivered (an entry without a status is not counted)",
        "id": 'ukuran "sejauh mana": status planned (rencana) / committed (disepakati) / delivered (terlaksana), dan '
        "sekurang-kurangnya {count} yang disepakati atau terlaksana (entri tanpa status tidak dihitung)",
    },
    "c4.ok": {
        "en": "{count} local-government commitment(s) committed or delivered.",
        "id": "{count} komitmen/fasilitasi pemerintah daerah sudah disepakati atau terlaksana.",
    },
    "c4.too_few": {
        "en": "{count} of the {required} committed or delivered commitments needed ({planned} only planned).",
        "id": "Baru {count} komitmen/fasilitasi pemerintah daerah yang sudah disepakati atau terlaksana, dari "
        "{required} yang diperlukan ({planned} masih berupa rencana).",
    },
    "c4.none_yet": {
        "en": "None of the commitments is committed or delivered yet ({planned} only planned); {required} needed.",
        "id": "Belum ada komitmen/fasilitasi pemerintah daerah yang disepakati atau terlaksana ({planned} masih berupa "
        "rencana); diperlukan {required}.",
    },
    "c4.status_absent": {
        "en": "{count} of the {required} committed or delivered commitments needed; {unstated} more do not say whether "
        "they are planned, committed or delivered (status), so they are not counted yet.",
        "id": "{count} dari {required} komitmen yang diperlukan sudah disepakati atau terlaksana; {unstated} komitmen "
        "lain belum menyebutkan statusnya (rencana, disepakati atau terlaksana), sehingga belum dihitung.",
    },
    "c4.too_few_unstated": {
        "en": "{count} of the {required} committed or delivered commitments needed, too few even if the {unstated} "
        "without a status were committed ({planned} only planned).",
        "id": "{count} dari {required} komitmen yang disepakati atau terlaksana; tetap kurang meskipun {unstated} "
        "komitmen tanpa status dianggap disepakati ({planned} baru rencana).",
    },
    "missing.c4.status": {
        "en": "state the status (planned, committed or delivered) of the {count} commitment(s) that give none",
        "id": "nyatakan status {count} komitmen yang belum menyebutkannya: rencana (planned), disepakati "
        "(committed) atau terlaksana (delivered)",
    },
    "c4.empty": {
        "en": "No local-government commitment is listed.",
        "id": "Tidak ada komitmen pemerintah daerah yang tercantum.",
    },
    "c4.absent": {
        "en": "The local government's commitment is not stated yet.",
        "id": "Komitmen pemerintah daerah belum dinyatakan.",
    },
    "missing.c4.none": {
        "en": "at least {count} committed or delivered commitment(s) of the local government (budget, programme, "
        "regulation)",
        "id": "sedikitnya {count} komitmen/fasilitasi pemerintah daerah yang sudah disepakati atau terlaksana "
        "(anggaran, program, regulasi)",
    },
    "missing.c4": {
        "en": "{count} more committed or delivered commitment(s) of the local government (budget, programme, "
        "regulation)",
        "id": "{count} komitmen/fasilitasi pemerintah daerah lagi yang sudah disepakati atau terlaksana "
        "(anggaran, program, regulasi)",
    },
}


class Params(RuleParams):
    min_commitments: int = Field(1, ge=1)


def reading(params: Params) -> Message:
    """This tool's reading, with the criteria set's number of commitments."""
    return msg("c4.reading", count=fmt_quantity(params.min_commitments))


def check(facts: Facts, params: Params) -> Outcome:
    commitments = facts.region.government_commitment
    need = params.min_commitments
    if commitments is None:
        return result(Status.UNKNOWN, 0.0, [facts.finding("c4.absent")], missing=[msg("missing.c4.none", count=need)])
    if not commitments:
        return result(
            Status.FAIL,
            0.0,
            [facts.finding("c4.empty", ("government_commitment",))],
            missing=[msg("missing.c4.none", count=need)],  # none listed: not "1 more"
        )
    # Only an entry that says it is committed or delivered is a commitment; one that says nothing may yet be.
    firm = [i for i, c in enumerate(commitments) if c.status in ("committed", "delivered")]
    unstated = [i for i, c in enumerate(commitments) if c.status is None]
    planned_at = [i for i, c in enumerate(commitments) if c.status == "planned"]
    if len(firm) >= need:
        return result(Status.PASS, 1.0, [facts.finding("c4.ok", ("government_commitment", firm[0]), count=len(firm))])
    if len(firm) + len(unstated) >= need:
        return result(
            Status.UNKNOWN,
            0.0,
            [
                facts.finding(
                    "c4.status_absent",
                    ("government_commitment", unstated[0]),
                    count=len(firm),
                    required=need,
                    unstated=len(unstated),
                )
            ],
            missing=[msg("missing.c4.status", count=len(unstated))],
        )
    values = {"count": len(firm), "required": need, "planned": len(planned_at)}
    if unstated:
        reason = facts.finding(
            "c4.too_few_unstated", ("government_commitment", unstated[0]), unstated=len(unstated), **values
        )
    else:
        # The deciding fact: the first commitment that is only planned, else the list.
        where = ("government_commitment", planned_at[0], "status") if planned_at else ("government_commitment",)
        reason = facts.finding("c4.too_few" if firm else "c4.none_yet", where, **values)  # ("Baru 0 …": none)
    return result(Status.FAIL, 0.0, [reason], missing=[msg("missing.c4", count=need - len(firm))])
