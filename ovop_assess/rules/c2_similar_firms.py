"""C2 similar-firms: an existing cluster of at least 10 firms making the same kind of product.

What it checks
    Counts the firms (any role) whose category is the product's category;
    a firm without ``category`` takes ``product.category``. Passes with at
    least ``min_similar_firms`` of them.

Why
    The second OVOP sentra criterion in the source document: the community
    already produces the same or similar goods (a sentra IKM) with at least
    10 firms/UMKM making that kind of product.

Status
    fail with fewer firms; the score scales with the count (7 of 10 -> 0.7).
    unknown when ``firms`` is absent, or when firms are listed but the
    product (and so its category) is not described and enough of them
    could still make it. Without ``product`` the firms are counted as if
    the category were the most favourable one (a firm without its own
    ``category`` matches any), so too few firms fail all the same.

Parameters
    min_similar_firms (integer >= 1, default 10): similar firms needed.

Passing fragment
    product: {name: Batik, category: batik}
    firms:   # ten entries like these
      - {name: Batik 1, role: member}
      - {name: Batik 2, role: member, category: batik}

Failing fragment (one of the two firms makes something else)
    product: {name: Batik, category: batik}
    firms:
      - {name: Batik 1, role: member}
      - {name: Lurik 1, role: member, category: lurik-weaving}
"""

from __future__ import annotations

from pydantic import Field

from ..results import Outcome, Status
from .base import Facts, RuleParams, msg, result

ID = "C2"
NAME = "similar-firms"
TITLE = {
    "en": "An existing cluster of firms making the same kind of product",
    "id": "Sentra IKM yang sudah memproduksi produk sejenis",
}

DOC_ID = """C2 similar-firms: sentra yang sudah ada, dengan sekurang-kurangnya 10 usaha pembuat produk sejenis.

Yang diperiksa
    Menghitung usaha (peran apa pun) yang kategorinya sama dengan kategori
    produk; usaha tanpa ``category`` mengikuti ``product.category``. Lulus
    bila jumlahnya sekurang-kurangnya ``min_similar_firms``.

Alasan
    Kriteria kedua sentra OVOP dalam dokumen sumber: wilayah yang
    masyarakatnya telah melakukan kegiatan produksi barang/produk yang
    sama/sejenis (sentra IKM) dan "sekurang-kurangnya terdapat 10
    perusahaan/UMKM yang memproduksi produk sejenis".

Status
    gagal (``fail``) bila usahanya kurang; skornya sebanding dengan jumlah
    itu (7 dari 10 -> 0.7). Belum diketahui (``unknown``) bila ``firms``
    tidak diisi, atau bila usaha sudah tercantum tetapi produknya (dan
    dengan demikian kategorinya) belum diuraikan dan jumlah usaha yang
    mungkin memproduksinya masih cukup. Tanpa ``product`` usaha dihitung
    seolah-olah kategorinya yang paling menguntungkan (usaha tanpa
    ``category`` sendiri cocok dengan kategori apa pun), sehingga usaha
    yang terlalu sedikit tetap gagal.

Parameter
    min_similar_firms (bilangan bulat >= 1, bawaan 10): jumlah usaha
    sejenis yang diperlukan.

Contoh lulus
    product: {name: Batik, category: batik}
    firms:   # sepuluh entri seperti ini
      - {name: Batik 1, role: member}
      - {name: Batik 2, role: member, category: batik}

Contoh gagal (satu dari dua usaha memproduksi barang lain)
    product: {name: Batik, category: batik}
    firms:
      - {name: Batik 1, role: member}
      - {name: Lurik 1, role: member, category: lurik-weaving}
"""

MESSAGES: dict[str, dict[str, str]] = {
    "c2.ok": {
        "en": "{count} firms make products of category {category} (at least {required} needed).",
        "id": "{count} UMKM sejenis ({category}) sudah berproduksi; minimal {required}.",
    },
    "c2.short": {
        "en": "{count} of the {required} firms of category {category} needed.",
        "id": "Baru {count} UMKM sejenis ({category}); minimal {required}.",
    },
    "c2.firms_absent": {
        "en": "The sentra's firms are not listed yet.",
        "id": "Daftar UMKM/IKM di sentra belum diisi.",
    },
    "c2.category_absent": {
        "en": "The product (and so its category) is not given, so similar firms cannot be counted.",
        "id": "Produk (dan kategorinya) belum diisi, sehingga UMKM sejenis tidak dapat dihitung.",
    },
    "missing.c2.more_firms": {
        "en": "{count} more firm(s) of category {category}",
        "id": "{count} UMKM sejenis lagi ({category})",
    },
    "c2.short_any": {
        "en": "Only {count} firm(s) could make the same kind of product, whatever the product's category; at least "
        "{required} needed.",
        "id": "Baru {count} UMKM yang dapat memproduksi produk sejenis, apa pun kategori produknya; minimal "
        "{required}.",
    },
    "missing.c2.more_firms_any": {
        "en": "{count} more firm(s) making the same kind of product",
        "id": "{count} UMKM lagi yang memproduksi produk sejenis",
    },
}


class Params(RuleParams):
    min_similar_firms: int = Field(10, ge=1)


def check(facts: Facts, params: Params) -> Outcome:
    region = facts.region
    firms = region.firms
    if firms is None:
        # Without the product the category to count is unknown too: both are needed.
        missing = (
            [msg("missing.firms")] if region.product is not None else [msg("missing.firms"), msg("missing.product")]
        )
        return result(Status.UNKNOWN, 0.0, [facts.finding("c2.firms_absent")], missing=missing)
    required = params.min_similar_firms
    if region.product is None:
        # The category is unknown: count as if it were the most favourable one.
        own = [firm.category for firm in firms]
        best = max(sum(1 for c in own if c is None or c == option) for option in {*own, None})
        if best >= required:
            return result(
                Status.UNKNOWN,
                0.0,
                [facts.finding("c2.category_absent", ("firms",))],
                missing=[msg("missing.product")],
            )
        return result(
            Status.FAIL,
            best / required,
            [facts.finding("c2.short_any", ("firms",), count=best, required=required)],
            missing=[msg("missing.c2.more_firms_any", count=required - best), msg("missing.product")],
        )
    category = region.product.category
    count = sum(1 for firm in firms if region.firm_category(firm) == category)
    values = {"count": count, "required": required, "category": category}
    if count >= required:
        return result(Status.PASS, 1.0, [facts.finding("c2.ok", ("firms",), **values)])
    return result(
        Status.FAIL,
        count / required,
        [facts.finding("c2.short", ("firms",), **values)],
        missing=[msg("missing.c2.more_firms", count=required - count, category=category)],
    )
