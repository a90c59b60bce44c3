"""C7 local-raw-material: raw materials are available in the local area.

What it checks
    When some entries of ``raw_materials`` are marked ``main: true``, every
    main material's ``source`` is in ``accepted_sources`` (by default only
    ``local``: the same kabupaten/kota). When none is marked, at least one
    material's source is accepted, with a warning to mark the main
    material(s).

Why
    The seventh OVOP sentra criterion in the source document: raw materials
    are available in the local area (ketersediaan bahan baku di daerah
    setempat).
    The source's: raw material available in the local area.
    This tool's reading, not the source's: "local" is the same
    kabupaten/kota, and by default only local raw material is accepted (a
    set may accept ``regional``, the same province, too);
    the product's main raw materials are the ones that count, when the file
    marks them; when it does not, one accepted material is enough.

Status
    fail when the list is empty, a main material's source is not accepted,
    or (none marked) every material has a source and none is accepted;
    unknown when ``raw_materials`` is absent, or a source still absent
    could decide it (a main material without ``source``; with none marked,
    no accepted material but some without ``source``). Score 0 or 1.

Parameters
    accepted_sources (list of local/regional/national/imported, default
    [local]).

Passing fragment
    raw_materials:
      - {name: newspaper waste, source: local, main: true}

Failing fragment
    raw_materials:
      - {name: rattan, source: imported, main: true}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from ..results import Message, Outcome, Status
from .base import Facts, RuleParams, msg, result

ID = "C7"
NAME = "local-raw-material"
TITLE = {"en": "Raw material available locally", "id": "Ketersediaan bahan baku di daerah setempat"}

DOC_ID = """C7 local-raw-material: bahan baku tersedia di daerah setempat.

Yang diperiksa
    Bila sebagian entri ``raw_materials`` ditandai ``main: true``, asal
    (``source``) setiap bahan baku utama termasuk dalam
    ``accepted_sources`` (bawaannya hanya ``local``: kabupaten/kota yang
    sama). Bila tidak ada yang ditandai, sekurang-kurangnya satu bahan
    berasal dari sumber yang memenuhi syarat, dengan peringatan agar bahan
    baku utama ditandai.

Alasan
    Kriteria ketujuh sentra OVOP dalam dokumen sumber: "ketersediaan bahan
    baku di daerah setempat".
    Dari sumber: bahan baku tersedia di daerah setempat.
    Tafsiran alat ini, bukan dari sumber: "setempat" berarti kabupaten/kota
    yang sama, dan bawaannya hanya bahan baku lokal yang diterima
    (kumpulan kriteria dapat juga menerima ``regional``, provinsi yang
    sama); yang dinilai adalah bahan baku utama produk, bila berkas
    menandainya; bila tidak, satu bahan dari sumber yang memenuhi syarat
    sudah cukup.

Status
    tidak dipenuhi (``fail``) bila daftarnya kosong, asal bahan baku utama
    tidak diterima, atau (tanpa tanda utama) setiap bahan mempunyai
    ``source`` dan tak satu pun yang diterima; belum diketahui (``unknown``)
    bila ``raw_materials`` tidak diisi, atau asal yang belum diisi masih
    dapat menentukan hasilnya (bahan baku utama tanpa ``source``; tanpa
    tanda utama, tidak ada bahan dari sumber yang memenuhi syarat tetapi
    ada yang ``source``-nya belum diisi). Skor 0 atau 1.

Parameter
    accepted_sources (daftar berisi local/regional/national/imported,
    bawaan [local]).

Contoh yang dipenuhi
    raw_materials:
      - {name: newspaper waste, source: local, main: true}

Contoh yang tidak dipenuhi
    raw_materials:
      - {name: rattan, source: imported, main: true}
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The rule's own reading (``reading``), with the sources the criteria set accepts
    "c7.reading": {
        "en": 'raw material from an accepted source: {accepted} ("local" being the same kabupaten/kota); when main '
        "raw materials are marked, each of them must come from one; when none is marked, one such material is "
        "enough, with a warning",
        "id": 'bahan baku dari sumber yang memenuhi syarat: {accepted} ("lokal" berarti kabupaten/kota yang sama); '
        "bila bahan baku utama ditandai, masing-masing harus berasal dari salah satunya; bila tidak ada yang ditandai, "
        "satu bahan dari sumber itu sudah cukup, dengan peringatan",
    },
    "c7.ok": {
        "en": "{names} come(s) from an accepted source ({accepted}).",
        "id": "{names} berasal dari sumber yang memenuhi syarat ({accepted}).",
    },
    "c7.none_accepted": {
        "en": "No raw material comes from an accepted source ({accepted}): the file gives {given}.",
        "id": "Tidak ada bahan baku dari sumber yang memenuhi syarat ({accepted}): berkas menyebut {given}.",
    },
    "c7.source_absent": {
        "en": "Where {names} come(s) from is not given.",
        "id": "Asal {names} belum diisi.",
    },
    "c7.main_ok": {
        "en": "Every main raw material ({names}) comes from an accepted source ({accepted}).",
        "id": "Semua bahan baku utama ({names}) berasal dari sumber yang memenuhi syarat ({accepted}).",
    },
    "c7.main_not_accepted": {
        "en": "Main raw material {names} does not come from an accepted source ({accepted}): the file gives {given}.",
        "id": "Bahan baku utama {names} tidak berasal dari sumber yang memenuhi syarat ({accepted}): berkas menyebut "
        "{given}.",
    },
    "c7.main_source_absent": {
        "en": "Where main raw material {names} comes from is not given.",
        "id": "Asal bahan baku utama {names} belum diisi.",
    },
    "c7.mark_main": {
        "en": "No raw material is marked as main (main: true), so any accepted one passes C7: mark the product's "
        "main raw material(s) so that C7 judges them.",
        "id": "Belum ada bahan baku yang ditandai sebagai bahan baku utama (main: true), sehingga bahan apa pun dari "
        "sumber yang memenuhi syarat sudah memenuhi C7: tandai bahan baku utama produk agar C7 menilainya.",
    },
    "missing.c7.main_local": {
        "en": "main raw material {names} must be available from an accepted source ({accepted})",
        "id": "bahan baku utama {names} harus tersedia dari sumber yang memenuhi syarat ({accepted})",
    },
    "c7.empty": {"en": "No raw material is listed.", "id": "Tidak ada bahan baku yang tercantum."},
    "c7.absent": {
        "en": "The raw materials and their origin are not stated yet.",
        "id": "Bahan baku dan asalnya belum dinyatakan.",
    },
    "missing.c7.local": {
        "en": "a raw material must be available from an accepted source ({accepted})",
        "id": "bahan baku harus tersedia dari sumber yang memenuhi syarat ({accepted})",
    },
    "missing.c7.source": {
        "en": "state where {names} come(s) from",
        "id": "nyatakan asal {names}",
    },
    "missing.c7.list": {
        "en": "list the main raw materials and where they come from",
        "id": "daftarkan bahan baku utama dan asalnya",
    },
    # the region format's sources, inside c7 sentences (``source.{source}``): English keeps the code
    # as written in the file, Bahasa Indonesia gives the word
    "source.local": {"en": "local", "id": "lokal"},
    "source.regional": {"en": "regional", "id": "regional"},
    "source.national": {"en": "national", "id": "nasional"},
    "source.imported": {"en": "imported", "id": "impor"},
}

Source = Literal["local", "regional", "national", "imported"]


def _local_only() -> list[Source]:
    return ["local"]


class Params(RuleParams):
    accepted_sources: list[Source] = Field(default_factory=_local_only, min_length=1)


def reading(params: Params) -> Message:
    """This tool's reading, with the sources the criteria set accepts, in words."""
    return msg("c7.reading", accepted=tuple(msg(f"source.{source}") for source in params.accepted_sources))


def check(facts: Facts, params: Params) -> Outcome:
    materials = facts.region.raw_materials
    # The sources as words of the catalogue (``source.local``), not raw codes, in either language.
    accepted = tuple(msg(f"source.{source}") for source in params.accepted_sources)
    if materials is None:
        return result(Status.UNKNOWN, 0.0, [facts.finding("c7.absent")], missing=[msg("missing.c7.list")])
    if not materials:
        return result(
            Status.FAIL,
            0.0,
            [facts.finding("c7.empty", ("raw_materials",))],
            missing=[msg("missing.c7.local", accepted=accepted)],
        )
    mains = [i for i, m in enumerate(materials) if m.main is True]
    if mains:
        return _judge_main(facts, params, mains, accepted)
    good = [i for i, m in enumerate(materials) if m.source in params.accepted_sources]
    if good:
        names = tuple(materials[i].name for i in good)
        return result(
            Status.PASS,
            1.0,
            [facts.finding("c7.ok", ("raw_materials", good[0], "source"), names=names, accepted=accepted)],
            # Any accepted material passed it; the source means the product's own materials.
            warnings=[facts.finding("c7.mark_main", ("raw_materials",))],
        )
    unsourced = [i for i, m in enumerate(materials) if m.source is None]
    if unsourced:
        names = tuple(materials[i].name for i in unsourced)
        return result(
            Status.UNKNOWN,
            0.0,
            [facts.finding("c7.source_absent", ("raw_materials", unsourced[0]), names=names)],
            missing=[msg("missing.c7.source", names=names)],
        )
    return result(
        Status.FAIL,
        0.0,
        # Every material has a source and none is accepted: point at the first source.
        [
            facts.finding(
                "c7.none_accepted",
                ("raw_materials", 0, "source"),
                accepted=accepted,
                given=_given(m.source for m in materials),
            )
        ],
        missing=[msg("missing.c7.local", accepted=accepted)],
    )


def _judge_main(facts: Facts, params: Params, mains: list[int], accepted: tuple[Message, ...]) -> Outcome:
    """The file marks its main materials: every one of them must come from an accepted source."""
    materials = facts.region.raw_materials or ()
    outside = [
        i for i in mains if materials[i].source is not None and materials[i].source not in params.accepted_sources
    ]
    unsourced = [i for i in mains if materials[i].source is None]
    if outside:
        names = tuple(materials[i].name for i in outside)
        return result(
            Status.FAIL,
            0.0,
            [
                facts.finding(
                    "c7.main_not_accepted",
                    ("raw_materials", outside[0], "source"),
                    names=names,
                    accepted=accepted,
                    given=_given(materials[i].source for i in outside),
                )
            ],
            missing=[msg("missing.c7.main_local", names=names, accepted=accepted)],
        )
    if unsourced:
        names = tuple(materials[i].name for i in unsourced)
        return result(
            Status.UNKNOWN,
            0.0,
            [facts.finding("c7.main_source_absent", ("raw_materials", unsourced[0]), names=names)],
            missing=[msg("missing.c7.source", names=names)],
        )
    names = tuple(materials[i].name for i in mains)
    return result(
        Status.PASS,
        1.0,
        [facts.finding("c7.main_ok", ("raw_materials", mains[0], "source"), names=names, accepted=accepted)],
    )


def _given(sources: Iterable[str | None]) -> tuple[Message, ...]:
    """The sources the file gives, each once in its order, as words (``regional``, ``nasional``)."""
    return tuple(msg(f"source.{source}") for source in dict.fromkeys(sources) if source is not None)
