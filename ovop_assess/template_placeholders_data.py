"""The ``init`` template's placeholders, each at its field: what ``read_placeholders()`` finds in it.

Written by ``scripts/update_template_placeholders.py`` from ``data/region-template.yaml``;
do not edit. ``tests/test_template_values.py`` fails when they differ from the template's.
"""

PLACEHOLDERS = frozenset(
    {
        (("access", "public_transport", "*"), "..."),
        (("firms", "*", "mentor"), "usaha 01"),
        (("firms", "*", "name"), "usaha 01"),
        (("firms", "*", "name"), "usaha 02"),
        (("government_commitment", "*", "description"), "..."),
        (("organizations", "*", "legal_basis"), "..."),
        (("organizations", "*", "name"), "paguyuban ..."),
        (("product", "name"), "nama produk"),
        (("product", "uniqueness", "culture"), "..."),
        (("product", "uniqueness", "local_skill"), "..."),
        (("product", "uniqueness", "raw_material"), "..."),
        (("raw_materials", "*", "name"), "..."),
        (("region", "city"), "kabupaten contoh"),
        (("region", "district"), "nama kecamatan"),
        (("region", "name"), "nama desa"),
        (("resources", "*", "description"), "..."),
        (("spatial_plan", "regulation"), "perda ... tentang rtrw"),
        (("spatial_plan", "zone"), "..."),
        (("verification", "*", "by"), "tim verifikasi dinas koperasi dan umkm"),
        (("verification", "*", "note"), "..."),
        (("waivers", "*", "approved_by"), "..."),
        (("waivers", "*", "reason"), "..."),
    }
)
