"""C1 resource-champion-mentees: a superior resource, and a champion firm with its mentees.

What it checks
    The region lists at least one superior resource (``resources``); the
    product is, or can become, high value-added and export-oriented
    (``product.export_oriented: true``); and at least one champion firm
    (``role: champion``) has stated it is willing to drive the community
    (``willing_to_lead: true``) and mentors at least ``min_mentees`` mentee
    firms making the product's category. A mentee belongs to the champion
    named in its ``mentor``, or to the only champion when the file has one.

Why
    The first OVOP sentra criterion in the source document: a region with a
    superior resource that can become an export-oriented product, with at
    least 1 main firm (the largest producer) willing to drive the community
    and 3 other firms it mentors that make the same kind of product.
    The source's: the superior resource, the export orientation, 1 main
    firm willing to drive the community, and 3 mentored firms
    (``min_mentees`` 3).
    This tool's reading, not the source's: "the same kind of product" is
    the same ``category``; a champion that is not the largest producer is a
    warning, not a failure (the source says "main or largest"); willingness
    is what the file states, the signed letter being an evidence document.

Status
    fail when resources is empty, export_oriented is false, firms are listed
    but none is a champion, every champion said no to leading, or no
    champion that is (or may be) willing mentors enough mentees. unknown
    when resources, firms, export_oriented or a champion's willing_to_lead
    is absent and could still decide it. The score on a fail is the best
    willing champion's mentees over ``min_mentees`` (2 of 3 -> 0.67), or 0
    when another fact already fails. Without ``product`` the category is
    unknown: the mentees are counted as if it were the most favourable
    category, so the criterion fails only when even that is too few, and is
    unknown otherwise. A champion whose monthly_capacity is known and lower
    than another firm's gives a warning, not a failure (the source says
    "main or largest"), whatever the status: the warning is about the
    champion the reasons name. What is still missing lists every fact C1
    lacks at once (mentees, the champion's willingness, the product), not
    only the first.

Parameters
    min_mentees (integer >= 1, default 3): mentee firms a champion needs.

Passing fragment
    resources: [{type: skill, description: Batik craftsmanship}]
    product: {name: Batik, category: batik, export_oriented: true}
    firms:
      - {name: A, role: champion, willing_to_lead: true}
      - {name: B, role: mentee}
      - {name: C, role: mentee}
      - {name: D, role: mentee}

Failing fragment (two mentees where three are needed)
    firms:
      - {name: A, role: champion, willing_to_lead: true}
      - {name: B, role: mentee}
      - {name: C, role: mentee}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import Field

from ..region import Firm
from ..results import Finding, Message, Outcome, Status
from .base import Facts, RuleParams, best_category_count, category_key, fmt_number, msg, result

ID = "C1"
NAME = "resource-champion-mentees"
TITLE = {
    "en": "Superior resource, champion firm and its mentees",
    "id": "Sumber daya unggulan, UMKM champion, dan UMKM binaannya",
}

READING = {
    "en": '"the same kind of product" is the same category; a champion that is not the largest producer is a '
    "warning, not a failure",
    "id": '"barang sejenis" berarti kategori yang sama; champion yang bukan produsen terbesar menghasilkan '
    "peringatan, bukan status tidak dipenuhi",
}

DOC_ID = """C1 resource-champion-mentees: sumber daya unggulan, serta usaha champion dan binaannya.

Yang diperiksa
    Wilayah mencantumkan sekurang-kurangnya satu sumber daya unggulan
    (``resources``); produknya bernilai tambah tinggi dan berorientasi
    ekspor, atau dapat dikembangkan menjadi demikian
    (``product.export_oriented: true``); dan sekurang-kurangnya satu usaha
    champion (``role: champion``) telah menyatakan bersedia menjadi
    penggerak masyarakat (``willing_to_lead: true``) serta membina
    sekurang-kurangnya ``min_mentees`` usaha mentee yang memproduksi
    kategori produk tersebut. Usaha mentee adalah binaan champion yang
    disebut dalam ``mentor``-nya, atau binaan satu-satunya champion bila
    berkas hanya memuat satu champion.

Alasan
    Kriteria pertama sentra OVOP dalam dokumen sumber: wilayah yang
    mempunyai potensi sumberdaya unggulan yang dapat dikembangkan menjadi
    produk bernilai tambah tinggi berorientasi ekspor, dan
    "sekurang-kurangnya mempunyai 1 perusahaan utama/UMKM utama atau
    terbesar kapasitas produksinya" yang "bersedia menjadi penggerak
    masyarakat", serta 3 perusahaan/UMKM lain bimbingannya yang memproduksi
    barang sejenis.
    Dari sumber: sumber daya unggulan, orientasi ekspor, 1 usaha utama yang
    bersedia menjadi penggerak, dan 3 usaha binaan (``min_mentees`` 3).
    Tafsiran alat ini, bukan dari sumber: "barang sejenis" berarti
    ``category`` yang sama; champion yang bukan produsen terbesar
    menghasilkan peringatan, bukan status tidak dipenuhi (sumber menyebut
    "utama atau terbesar"); kesediaan adalah yang dinyatakan berkas,
    sedangkan surat pernyataannya merupakan dokumen bukti.

Status
    tidak dipenuhi (``fail``) bila ``resources`` kosong, ``export_oriented``
    bernilai false, ada usaha yang tercantum tetapi tak satu pun berperan
    champion, setiap champion menolak menjadi penggerak, atau tidak ada
    champion yang bersedia (atau mungkin bersedia) yang membina cukup
    mentee. Belum diketahui (``unknown``) bila ``resources``, ``firms``,
    ``export_oriented`` atau ``willing_to_lead`` milik champion tidak diisi
    dan masih dapat menentukan hasilnya. Skor bila tidak dipenuhi adalah
    jumlah mentee champion bersedia yang terbaik dibagi ``min_mentees`` (2
    dari 3 -> 0,67), atau 0 bila fakta lain sudah tidak dipenuhi. Tanpa
    ``product`` kategorinya tidak diketahui: mentee dihitung seolah-olah
    kategorinya yang paling menguntungkan, sehingga kriteria ini tidak
    dipenuhi hanya bila jumlah itu pun masih kurang, dan selain itu belum
    diketahui. Champion yang ``monthly_capacity``-nya diketahui dan lebih
    kecil daripada kapasitas usaha lain menghasilkan peringatan, bukan
    status tidak dipenuhi (sumber menyebut "perusahaan utama/UMKM utama atau
    terbesar"), apa pun statusnya: peringatan itu tentang champion yang
    disebut dalam alasan. Daftar hal yang masih kurang memuat sekaligus
    setiap fakta yang belum dipenuhi C1 (mentee, kesediaan champion,
    produk), bukan hanya yang pertama.

Parameter
    min_mentees (bilangan bulat >= 1, bawaan 3): jumlah usaha mentee yang
    harus dibina seorang champion.

Contoh yang dipenuhi
    resources: [{type: skill, description: Batik craftsmanship}]
    product: {name: Batik, category: batik, export_oriented: true}
    firms:
      - {name: A, role: champion, willing_to_lead: true}
      - {name: B, role: mentee}
      - {name: C, role: mentee}
      - {name: D, role: mentee}

Contoh yang tidak dipenuhi (dua mentee, padahal diperlukan tiga)
    firms:
      - {name: A, role: champion, willing_to_lead: true}
      - {name: B, role: mentee}
      - {name: C, role: mentee}
"""

MESSAGES: dict[str, dict[str, str]] = {
    "c1.resources_ok": {
        "en": "{count} superior resource(s) listed.",
        "id": "{count} sumber daya unggulan tercantum.",
    },
    "c1.resources_empty": {
        "en": "No superior resource of the region is listed (resources is empty).",
        "id": "Daftar sumber daya unggulan wilayah kosong.",
    },
    "c1.resources_absent": {
        "en": "The region's superior resources are not stated yet.",
        "id": "Sumber daya unggulan wilayah belum dinyatakan.",
    },
    "c1.export_false": {
        "en": "The product is marked as not export-oriented.",
        "id": "Produk dinyatakan tidak berorientasi ekspor.",
    },
    "c1.export_absent": {
        "en": "Whether the product is (or can become) export-oriented is not stated.",
        "id": "Belum dinyatakan apakah produk berorientasi ekspor atau berpotensi dikembangkan ke arah ekspor.",
    },
    "c1.firms_absent": {"en": "The sentra's firms are not listed yet.", "id": "Daftar UMKM/IKM di sentra belum diisi."},
    "c1.no_champion": {
        "en": "No firm has the role champion (the main firm that drives the sentra).",
        "id": "Tidak ada UMKM yang berperan sebagai champion (usaha utama penggerak sentra).",
    },
    "c1.not_willing": {
        "en": "No champion has stated it is willing to lead the community.",
        "id": "Tidak ada champion yang menyatakan bersedia menjadi penggerak masyarakat.",
    },
    "c1.willing_absent": {
        "en": "Champion {name} has not stated whether it is willing to lead.",
        "id": "Champion {name} belum menyatakan kesediaan menjadi penggerak.",
    },
    "c1.mentees_short": {
        "en": "Champion {name} mentors {count} of the {required} mentee firms of category {category} needed.",
        "id": "Champion {name} baru membina {count} UMKM binaan sejenis ({category}); minimal {required}.",
    },
    "c1.ok": {
        "en": "Champion {name} is willing to lead and mentors {count} mentee firms of category {category}.",
        "id": "Champion {name} bersedia menjadi penggerak dan membina {count} UMKM binaan sejenis ({category}).",
    },
    "c1.capacity_not_largest": {
        "en": "Champion {name} ({capacity} units/month) is not the largest producer: {other} makes {other_capacity}.",
        "id": "Champion {name} ({capacity} unit/bulan) bukan usaha berkapasitas produksi terbesar ({other}: "
        "{other_capacity} unit/bulan).",
    },
    "missing.c1.resource": {
        "en": "list at least one superior resource of the region",
        "id": "cantumkan sedikitnya satu sumber daya unggulan wilayah",
    },
    "missing.c1.export_state": {
        "en": "state whether the product is export-oriented",
        "id": "nyatakan apakah produk berorientasi ekspor atau berpotensi dikembangkan ke arah ekspor",
    },
    "missing.c1.export": {
        "en": "a product that is, or can become, high value-added and export-oriented",
        "id": "produk bernilai tambah tinggi yang berorientasi ekspor atau berpotensi dikembangkan ke arah ekspor",
    },
    "missing.c1.champion": {
        "en": "a champion firm (the largest producer) willing to lead the sentra",
        "id": "UMKM champion (usaha berkapasitas produksi terbesar) yang bersedia menjadi penggerak sentra",
    },
    "missing.c1.willingness": {
        "en": "state whether champion {name} is willing to lead the sentra ({field})",
        "id": "nyatakan apakah champion {name} bersedia menjadi penggerak sentra ({field})",
    },
    "missing.c1.firms": {
        "en": "list the sentra's firms: a champion (the largest producer) willing to lead the sentra, "
        "and at least {count} mentee firm(s) of category {category} that it mentors",
        "id": "daftarkan UMKM/IKM di sentra: champion (usaha berkapasitas produksi terbesar) yang bersedia menjadi "
        "penggerak sentra, dan sedikitnya {count} UMKM binaan sejenis ({category})",
    },
    "missing.c1.firms_any": {
        "en": "list the sentra's firms: a champion (the largest producer) willing to lead the sentra, "
        "and at least {count} mentee firm(s) that it mentors making the same kind of product",
        "id": "daftarkan UMKM/IKM di sentra: champion (usaha berkapasitas produksi terbesar) yang bersedia menjadi "
        "penggerak sentra, dan sedikitnya {count} UMKM binaan yang memproduksi produk sejenis",
    },
    "missing.c1.mentees": {
        "en": "at least {count} mentee firm(s) of category {category} mentored by that champion",
        "id": "sedikitnya {count} UMKM binaan champion tersebut yang sejenis ({category})",
    },
    "missing.c1.mentees_any": {
        "en": "at least {count} mentee firm(s) mentored by that champion, making the same kind of product",
        "id": "sedikitnya {count} UMKM binaan champion tersebut yang memproduksi produk sejenis",
    },
    "missing.c1.more_mentees": {
        "en": "{count} more mentee firm(s) of category {category} mentored by {name}",
        "id": "{count} UMKM sejenis ({category}) lagi yang dibina {name}",
    },
    "c1.mentees_short_any": {
        "en": "Champion {name} mentors only {count} mentee firm(s) that could make the product, whatever its "
        "category; {required} needed.",
        "id": "Champion {name} baru membina {count} UMKM binaan yang dapat memproduksi produk sejenis, apa pun "
        "kategorinya; minimal {required}.",
    },
    "c1.category_absent": {
        "en": "The product (and so its category) is not given, so the champion's mentees of the same category cannot "
        "be counted.",
        "id": "Produk (dan kategorinya) belum diisi, sehingga UMKM binaan champion yang memproduksi produk sejenis "
        "tidak dapat dihitung.",
    },
    "missing.c1.more_mentees_any": {
        "en": "{count} more mentee firm(s) mentored by {name} making the same kind of product",
        "id": "{count} UMKM lagi yang dibina {name} dan memproduksi produk sejenis",
    },
}


class Params(RuleParams):
    min_mentees: int = Field(3, ge=1)


def check(facts: Facts, params: Params) -> Outcome:
    region = facts.region
    product = region.product
    # Without a product the category is unknown: counts become upper bounds.
    category = product.category if product is not None else None
    need = params.min_mentees
    failed: list[Finding] = []
    unknown: list[Finding] = []
    passed: list[Finding] = []
    # Everything that would still have to be added or changed, all at once (not only the first blocker).
    missing: list[Message] = []
    warnings: list[Finding] = []

    if region.resources is None:
        unknown.append(facts.finding("c1.resources_absent"))
        missing.append(msg("missing.c1.resource"))
    elif not region.resources:
        failed.append(facts.finding("c1.resources_empty", ("resources",)))
        missing.append(msg("missing.c1.resource"))
    else:
        passed.append(facts.finding("c1.resources_ok", ("resources",), count=len(region.resources)))

    if product is None:
        # The category decides which mentees count: C1 cannot pass without it.
        missing.append(msg("missing.product"))
    if product is None or product.export_oriented is None:
        unknown.append(facts.finding("c1.export_absent", ("product",) if product else None))
        missing.append(msg("missing.c1.export_state"))
    elif product.export_oriented is False:
        failed.append(facts.finding("c1.export_false", ("product", "export_oriented")))
        missing.append(msg("missing.c1.export"))

    firms = region.firms
    if firms is None:
        unknown.append(facts.finding("c1.firms_absent", _FIRMS if facts.positions.written(_FIRMS) else None))
        missing.append(_needed("missing.c1.firms", need, category))
        return _outcome(failed, unknown, passed, warnings, missing)
    champions = [(i, f) for i, f in enumerate(firms) if f.role == "champion"]
    counts = _mentee_counts(firms, champions, region.firm_category, category)
    if not champions:
        failed.append(facts.finding("c1.no_champion", ("firms",)))
        missing.extend([msg("missing.c1.champion"), _needed("missing.c1.mentees", need, category)])
        return _outcome(failed, unknown, passed, warnings, missing)
    if all(f.willing_to_lead is False for _, f in champions):
        failed.append(facts.finding("c1.not_willing", ("firms", champions[0][0], "willing_to_lead")))
        missing.extend([msg("missing.c1.champion"), _needed("missing.c1.mentees", need, category)])
        return _outcome(failed, unknown, passed, warnings, missing)

    # Champions that are, or may yet turn out to be, willing.
    candidates = [(i, f) for i, f in champions if f.willing_to_lead is not False]
    ready = [(i, f) for i, f in candidates if f.willing_to_lead is True and counts[f.name] >= need]
    if ready:
        i, champion = ready[0]
        warnings.extend(_capacity_warning(facts, firms, i, champion))
        if category is None:
            unknown.append(facts.finding("c1.category_absent", ("firms",)))
        else:
            passed.append(
                facts.finding("c1.ok", ("firms", i), name=champion.name, count=counts[champion.name], category=category)
            )
        return _outcome(failed, unknown, passed, warnings, missing)

    # No champion is ready: say everything the most promising one still lacks.
    best_i, best = max(candidates, key=lambda c: (counts[c[1].name], c[1].willing_to_lead is True))
    best_count = counts[best.name]
    warnings.extend(_capacity_warning(facts, firms, best_i, best))
    # A fail scores the best champion's share of the mentees needed, unless another fact already fails it.
    score = best_count / need if best_count < need and not failed else 0.0
    if best_count < need:
        if category is None:
            failed.append(
                facts.finding(
                    "c1.mentees_short_any", ("firms", best_i), name=best.name, count=best_count, required=need
                )
            )
            missing.append(msg("missing.c1.more_mentees_any", name=best.name, count=need - best_count))
        else:
            failed.append(
                facts.finding(
                    "c1.mentees_short",
                    ("firms", best_i),
                    name=best.name,
                    count=best_count,
                    required=need,
                    category=category,
                )
            )
            missing.append(msg("missing.c1.more_mentees", name=best.name, category=category, count=need - best_count))
    elif category is None:
        unknown.append(facts.finding("c1.category_absent", ("firms",)))
    if best.willing_to_lead is None:
        unknown.append(facts.absent("c1.willing_absent", ("firms", best_i, "willing_to_lead"), name=best.name))
        field = facts.field_name("firms", best_i, "willing_to_lead")
        missing.append(msg("missing.c1.willingness", name=best.name, field=field))
    return _outcome(failed, unknown, passed, warnings, missing, score)


def _outcome(
    failed: list[Finding],
    unknown: list[Finding],
    passed: list[Finding],
    warnings: list[Finding],
    missing: list[Message],
    score: float = 0.0,
) -> Outcome:
    """The status the facts decide; ``score`` counts only for a fail (a pass scores 1, unknown 0)."""
    if failed:
        # Fail before unknown: a present fact already decides it.
        return result(Status.FAIL, score, failed + unknown, warnings, missing)
    if unknown:
        return result(Status.UNKNOWN, 0.0, unknown + passed, warnings, missing)
    return result(Status.PASS, 1.0, passed, warnings)


def _needed(message_id: str, count: int, category: str | None) -> Message:
    """A requirement on mentees; without the product's category, "of the same kind of product"."""
    if category is None:
        return msg(f"{message_id}_any", count=count)
    return msg(message_id, count=count, category=category)


def _mentee_counts(
    firms: Sequence[Firm],
    champions: list[tuple[int, Firm]],
    category_of: Callable[[Firm], str | None],
    category: str | None,
) -> dict[str, int]:
    """Each champion's mentees of ``category``; with no category, the most any one category could give."""
    only = champions[0][1].name if len(champions) == 1 else None
    mentees: dict[str, list[str | None]] = {f.name: [] for _, f in champions}
    for firm in firms:
        if firm.role != "mentee":
            continue
        mentor = firm.mentor if firm.mentor is not None else only
        if mentor in mentees:
            mentees[mentor].append(category_of(firm))
    if category is not None:
        key = category_key(category)
        return {name: sum(1 for c in cats if category_key(c) == key) for name, cats in mentees.items()}
    # A mentee without its own category takes the product's, so it matches whatever that turns out to be.
    return {name: best_category_count(cats) for name, cats in mentees.items()}


def _capacity_warning(facts: Facts, firms: Sequence[Firm], index: int, champion: Firm) -> list[Finding]:
    if champion.monthly_capacity is None:
        return []
    larger = [f for f in firms if f.monthly_capacity is not None and f.monthly_capacity > champion.monthly_capacity]
    if not larger:
        return []
    top = max(larger, key=lambda f: f.monthly_capacity or 0.0)
    return [
        facts.finding(
            "c1.capacity_not_largest",
            ("firms", index, "monthly_capacity"),
            name=champion.name,
            capacity=fmt_number(champion.monthly_capacity),
            other=top.name,
            other_capacity=fmt_number(top.monthly_capacity or 0.0),
        )
    ]


_FIRMS = ("firms",)  # located at the firms: line when the file has one (a sheet with no firm rows yet)
