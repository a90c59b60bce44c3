"""C2 similar-firms: an existing cluster of at least 10 firms making the same kind of product.

What it checks
    Counts the firms (any role) whose category is the product's category;
    a firm without ``category`` takes ``product.category``. Passes with at
    least ``min_similar_firms`` of them, when the product is, or can become,
    export-oriented (``product.export_oriented: true``).

Why
    The second OVOP sentra criterion in the source document: the community
    already produces the same or similar goods (a sentra IKM) that can be
    developed into higher value-added, export-oriented products, with at
    least 10 firms/UMKM making that kind of product.
    The source's: at least 10 firms making similar products
    (``min_similar_firms`` 10); products that can become export-oriented
    ("berorientasi ekspor", as in C1, read from the same field).
    This tool's reading, not the source's: "the same kind of product" is
    the same ``category`` text, capitals and spaces aside (``Anyaman`` and
    ``anyaman`` are one category), and firms of any role count. When too
    few match, the firms of other categories are named with their counts
    (a category typed another way is the likeliest cause).

Status
    fail with too few firms (the score scales with the count: 7 of 10 ->
    0.7), or when ``export_oriented`` is false (score 0), whatever else is
    absent. unknown when ``firms`` or ``export_oriented`` is absent and
    could still decide it, or when firms are listed but the product (and
    so its category) is not described and enough of them could still make
    it. Without ``product`` the firms are counted as if the category were
    the most favourable one (a firm without its own ``category`` matches
    any), so too few firms fail all the same.

Parameters
    min_similar_firms (integer >= 1, default 10): similar firms needed.

Passing fragment
    product: {name: Batik, category: batik, export_oriented: true}
    firms:   # ten entries like these
      - {name: Batik 1, role: member}
      - {name: Batik 2, role: member, category: batik}

Failing fragment (one of the two firms makes something else)
    product: {name: Batik, category: batik, export_oriented: true}
    firms:
      - {name: Batik 1, role: member}
      - {name: Lurik 1, role: member, category: lurik-weaving}
"""

from __future__ import annotations

from collections import Counter

from pydantic import Field

from ..results import Finding, Message, Outcome, Status
from .base import Facts, RuleParams, best_category_count, category_key, msg, result

ID = "C2"
NAME = "similar-firms"
TITLE = {
    "en": "An existing cluster of firms making the same kind of product",
    "id": "Sentra IKM yang sudah memproduksi produk sejenis",
}

READING = {
    "en": '"the same kind of product" is the same category (capitals and spaces aside), and firms of any role count',
    "id": '"produk sejenis" berarti kategori yang sama (tanpa membedakan huruf besar-kecil dan spasi), dan usaha '
    "dengan peran apa pun dihitung",
}

DOC_ID = """C2 similar-firms: sentra yang sudah ada, dengan sekurang-kurangnya 10 usaha pembuat produk sejenis.

Yang diperiksa
    Menghitung usaha (peran apa pun) yang kategorinya sama dengan kategori
    produk; usaha tanpa ``category`` mengikuti ``product.category``. Lulus
    bila jumlahnya sekurang-kurangnya ``min_similar_firms`` dan produknya
    berorientasi ekspor, atau dapat dikembangkan menjadi demikian
    (``product.export_oriented: true``).

Alasan
    Kriteria kedua sentra OVOP dalam dokumen sumber: wilayah yang
    masyarakatnya telah melakukan kegiatan produksi barang/produk yang
    sama/sejenis (sentra IKM) "yang dapat dikembangkan lagi menjadi produk
    yang bernilai tambah lebih tinggi berorientasi ekspor" dan
    "sekurang-kurangnya terdapat 10 perusahaan/UMKM yang memproduksi
    produk sejenis".
    Dari sumber: sekurang-kurangnya 10 usaha pembuat produk sejenis
    (``min_similar_firms`` 10); produk yang dapat berorientasi ekspor
    (seperti pada C1, dibaca dari isian yang sama).
    Tafsiran alat ini, bukan dari sumber: "produk sejenis" berarti teks
    ``category`` yang sama, tanpa membedakan huruf besar-kecil dan spasi
    (``Anyaman`` dan ``anyaman`` satu kategori), dan usaha dengan peran apa
    pun dihitung. Bila yang cocok terlalu sedikit, usaha berkategori lain
    disebutkan beserta jumlahnya (kategori yang ditulis berbeda adalah
    penyebab yang paling mungkin).

Status
    tidak dipenuhi (``fail``) bila usahanya kurang (skornya sebanding dengan
    jumlah itu: 7 dari 10 -> 0,7), atau bila ``export_oriented`` bernilai
    false (skor 0), apa pun isian lain yang belum ada. Belum diketahui
    (``unknown``) bila ``firms`` atau ``export_oriented`` tidak diisi dan
    masih dapat menentukan hasilnya, atau bila usaha sudah tercantum tetapi
    produknya (dan dengan demikian kategorinya) belum diuraikan dan jumlah
    usaha yang mungkin memproduksinya masih cukup. Tanpa ``product`` usaha
    dihitung seolah-olah kategorinya yang paling menguntungkan (usaha tanpa
    ``category`` sendiri cocok dengan kategori apa pun), sehingga usaha yang
    terlalu sedikit tetap tidak dipenuhi.

Parameter
    min_similar_firms (bilangan bulat >= 1, bawaan 10): jumlah usaha
    sejenis yang diperlukan.

Contoh yang dipenuhi
    product: {name: Batik, category: batik, export_oriented: true}
    firms:   # sepuluh entri seperti ini
      - {name: Batik 1, role: member}
      - {name: Batik 2, role: member, category: batik}

Contoh yang tidak dipenuhi (satu dari dua usaha memproduksi barang lain)
    product: {name: Batik, category: batik, export_oriented: true}
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
    "c2.other_categories": {
        "en": "Firms of other categories are not counted: {categories}. If they make the same kind of product, "
        "write their category as the product's ({category}).",
        "id": "UMKM dengan kategori lain tidak dihitung: {categories}. Jika produknya sejenis, tulis kategorinya "
        "sama dengan kategori produk ({category}).",
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
    "c2.export_false": {
        "en": "The product is marked as not export-oriented.",
        "id": "Produk ditandai tidak berorientasi ekspor.",
    },
    "c2.export_absent": {
        "en": "Whether the cluster's product can become export-oriented is not stated.",
        "id": "Belum dinyatakan apakah produk sentra dapat dikembangkan menjadi produk berorientasi ekspor.",
    },
    "missing.c2.export_state": {
        "en": "state whether the product is export-oriented (product.export_oriented)",
        "id": "nyatakan apakah produk berorientasi ekspor (product.export_oriented)",
    },
    "missing.c2.export": {
        "en": "a product that can be developed into a higher value-added, export-oriented product",
        "id": "produk yang dapat dikembangkan menjadi produk bernilai tambah lebih tinggi dan berorientasi ekspor",
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
    product = region.product
    failed: list[Finding] = []
    unknown: list[Finding] = []
    missing: list[Message] = []
    # Export orientation first: like C1, the source asks for a cluster whose products can become export-oriented.
    export = product.export_oriented if product is not None else None
    if export is False:
        failed.append(facts.finding("c2.export_false", ("product", "export_oriented")))
        missing.append(msg("missing.c2.export"))
    elif export is None:
        if product is not None:
            unknown.append(facts.finding("c2.export_absent", ("product",)))
        missing.append(msg("missing.c2.export_state"))
    count_score, passed = _count(facts, params, failed, unknown, missing)
    if failed:
        # Too few firms scale the score; a product marked not export-oriented fails it whatever the count.
        return result(Status.FAIL, 0.0 if export is False else count_score, failed, missing=missing)
    if unknown:
        return result(Status.UNKNOWN, 0.0, unknown, missing=missing)
    return result(Status.PASS, 1.0, passed)


def _count(
    facts: Facts, params: Params, failed: list[Finding], unknown: list[Finding], missing: list[Message]
) -> tuple[float, list[Finding]]:
    """Count the similar firms into ``failed``/``unknown``/``missing``; the count's score and pass reasons."""
    region = facts.region
    firms = region.firms
    if firms is None:
        unknown.insert(0, facts.finding("c2.firms_absent", _FIRMS if facts.positions.written(_FIRMS) else None))
        # Without the product the category to count is unknown too: both are needed.
        missing.insert(0, msg("missing.firms"))
        if region.product is None:
            missing.insert(1, msg("missing.product"))
        return 0.0, []
    required = params.min_similar_firms
    if region.product is None:
        # The category is unknown: count as if it were the most favourable one.
        best = best_category_count(firm.category for firm in firms)
        if best >= required:
            unknown.insert(0, facts.finding("c2.category_absent", ("firms",)))
            missing.insert(0, msg("missing.product"))
            return 0.0, []
        failed.insert(0, facts.finding("c2.short_any", ("firms",), count=best, required=required))
        missing[:0] = [msg("missing.c2.more_firms_any", count=required - best), msg("missing.product")]
        return best / required, []
    category = region.product.category
    key = category_key(category)
    others: Counter[str] = Counter()  # by category_key: Anyaman and ANYAMAN are one other category
    spelled: dict[str, str] = {}  # each other category as its first firm writes it
    count = 0
    for firm in firms:
        own = region.firm_category(firm)
        own_key = category_key(own)
        if own_key == key:
            count += 1
        elif own is not None and own_key is not None:
            others[own_key] += 1
            spelled.setdefault(own_key, own)
    values = {"count": count, "required": required, "category": category}
    if count >= required:
        return 1.0, [facts.finding("c2.ok", ("firms",), **values)]
    failed.insert(0, facts.finding("c2.short", ("firms",), **values))
    if others:  # a category typed another way (anyaman-mendong for anyaman) is the likeliest cause
        listed = ", ".join(f"{spelled[name]} ({number})" for name, number in others.most_common(5))
        listed += ", …" if len(others) > 5 else ""
        failed.insert(1, facts.finding("c2.other_categories", ("firms",), categories=listed, category=category))
    missing.insert(0, msg("missing.c2.more_firms", count=required - count, category=category))
    return count / required, []


_FIRMS = ("firms",)  # located at the firms: line when the file has one (a sheet with no firm rows yet)
