"""C3 uniqueness: the product is unique and carries local wisdom or history.

What it checks
    ``product.uniqueness`` describes at least one of ``raw_material``,
    ``local_skill`` or ``culture`` in non-empty text. An aspect of one or
    two words passes with a warning: describe it.

Why
    The third OVOP sentra criterion in the source document: the product is
    unique and has local wisdom or history, judged by its raw material
    and/or local skills or local culture.
    The source's: the three aspects (raw material, local skill, local
    culture or history).
    This tool's reading, not the source's: a description in words passes,
    because whether the product is unique is for the selection team to
    judge, not for this tool; the warning on one or two words is this
    tool's, the source sets no length.

Status
    fail when ``uniqueness`` is given but every aspect is empty or absent;
    unknown when ``uniqueness`` (or the whole ``product``) is absent.
    The score is 0 or 1.

Parameters
    none.

Passing fragment
    product:
      name: Batik tulis
      category: batik
      uniqueness: {local_skill: Hand-drawn batik passed down in the kampung}

Failing fragment
    product:
      name: Batik tulis
      category: batik
      uniqueness: {raw_material: "", culture: ""}
"""

from __future__ import annotations

from ..region import Uniqueness
from ..results import Outcome, Status
from .base import Facts, NoParams, msg, result

ID = "C3"
NAME = "uniqueness"
TITLE = {
    "en": "Uniqueness and local wisdom of the product",
    "id": "Keunikan dan kearifan lokal produk",
}

READING = {
    "en": "a description in words passes; whether the product is unique is for the selection team to judge",
    "id": "uraian tertulis sudah cukup agar kriteria ini dipenuhi; apakah produk itu memang unik dinilai oleh "
    "tim seleksi",
}

DOC_ID = """C3 uniqueness: produk memiliki keunikan dan kearifan lokal atau sejarah.

Yang diperiksa
    ``product.uniqueness`` menguraikan sekurang-kurangnya satu dari
    ``raw_material``, ``local_skill`` atau ``culture`` dengan teks yang
    tidak kosong. Segi yang hanya berisi satu atau dua kata tetap dipenuhi
    dengan peringatan: uraikanlah.

Alasan
    Kriteria ketiga sentra OVOP dalam dokumen sumber: produk yang
    diproduksi "memiliki keunikan dan kearifan lokal atau sejarah yang
    dinilai dari aspek bahan baku dan/atau keterampilan lokal maupun budaya
    lokal".
    Dari sumber: ketiga segi itu (bahan baku, keterampilan lokal, budaya
    lokal atau sejarah).
    Tafsiran alat ini, bukan dari sumber: uraian tertulis sudah cukup agar
    kriteria ini dipenuhi, karena apakah produk itu memang unik dinilai oleh
    tim seleksi, bukan oleh alat ini; peringatan atas satu atau dua kata
    berasal dari alat ini, sumber tidak menetapkan panjangnya.

Status
    tidak dipenuhi (``fail``) bila ``uniqueness`` diisi tetapi setiap
    aspeknya kosong atau tidak ada; belum diketahui (``unknown``) bila
    ``uniqueness`` (atau seluruh ``product``) tidak diisi. Skornya 0 atau 1.

Parameter
    tidak ada.

Contoh yang dipenuhi
    product:
      name: Batik tulis
      category: batik
      uniqueness: {local_skill: Hand-drawn batik passed down in the kampung}

Contoh yang tidak dipenuhi
    product:
      name: Batik tulis
      category: batik
      uniqueness: {raw_material: "", culture: ""}
"""

MESSAGES: dict[str, dict[str, str]] = {
    "c3.ok": {
        "en": "The product's uniqueness and local wisdom are described (aspects: {aspects}); whether they make it "
        "unique is for the selection team to judge.",
        "id": "Keunikan dan kearifan lokal produk sudah diuraikan (segi: {aspects}); apakah produk itu memang unik "
        "dinilai oleh tim seleksi.",
    },
    "c3.short": {
        "en": "The {aspect} aspect says only \u201c{text}\u201d: describe it in a sentence or more, for the selection "
        "team to judge.",
        "id": "Segi {aspect} hanya berbunyi \u201c{text}\u201d: uraikan sekurang-kurangnya dalam satu kalimat agar "
        "dapat dinilai tim seleksi.",
    },
    "c3.empty": {
        "en": "uniqueness is given, but raw material, local skill and culture are all empty.",
        "id": "Keunikan produk sudah diisi, tetapi bahan baku, keterampilan lokal, dan budayanya semuanya kosong.",
    },
    "c3.absent": {
        "en": "The product's uniqueness and local wisdom are not described.",
        "id": "Keunikan dan kearifan lokal produk belum diuraikan.",
    },
    "missing.c3": {
        "en": "describe what makes the product unique: its raw material, local skill or local culture",
        "id": "uraikan keunikan produk: bahan baku, keterampilan lokal atau budaya lokal",
    },
    # the aspects of uniqueness, named inside c3.ok (``aspect.{name}``)
    "aspect.raw_material": {"en": "raw material", "id": "bahan baku"},
    "aspect.local_skill": {"en": "local skill", "id": "keterampilan lokal"},
    "aspect.culture": {"en": "culture", "id": "budaya"},
}

Params = NoParams

_ASPECTS = ("raw_material", "local_skill", "culture")


def check(facts: Facts, params: NoParams) -> Outcome:
    product = facts.region.product
    uniqueness = product.uniqueness if product is not None else None
    if uniqueness is None:
        return result(
            Status.UNKNOWN,
            0.0,
            [facts.finding("c3.absent", ("product",) if product else None)],
            # Uniqueness is part of the product: without one, describe the product too.
            missing=[msg("missing.c3")] if product is not None else [msg("missing.product"), msg("missing.c3")],
        )
    present = [a for a in _ASPECTS if (getattr(uniqueness, a) or "").strip()]
    if not present:
        return result(
            Status.FAIL, 0.0, [facts.finding("c3.empty", ("product", "uniqueness"))], missing=[msg("missing.c3")]
        )
    aspects = [msg(f"aspect.{a}") for a in present]
    # One or two words describe nothing a selection team could weigh: say so, without failing.
    warnings = [
        facts.finding("c3.short", ("product", "uniqueness", a), aspect=msg(f"aspect.{a}"), text=_text(uniqueness, a))
        for a in present
        if len(_text(uniqueness, a).split()) <= _SHORT_WORDS
    ]
    return result(
        Status.PASS,
        1.0,
        [facts.finding("c3.ok", ("product", "uniqueness", present[0]), aspects=tuple(aspects))],
        warnings=warnings,
    )


_SHORT_WORDS = 2


def _text(uniqueness: Uniqueness, aspect: str) -> str:
    return str(getattr(uniqueness, aspect) or "").strip()
