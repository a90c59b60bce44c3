"""The corrected value, when a number, a yes/no or a choice is written as Indonesian writing has it.

Called by :mod:`.schema_errors` for a value pydantic refused: ``150.000.000``
and ``Rp 150 juta`` (write 150000000), ``"2027"`` (no quotes), ``1,5``
(write 1.5), ``Ya`` (write true), ``Desa`` (write desa) each get their own
message with the value to write, rather than "expected a number".
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from .results import Message
from .yaml_source import PathKey, Positions
from .yaml_source import clip as _clip

_SHEET_FILE = re.compile(r"""["']?[^"'{}\[\]]+\.(?:xlsx|xls|ods|csv)["']?""", re.IGNORECASE)
_AMBIGUOUS_COMMA = re.compile(r"\d{1,3},\d{3}")
_NO_CENTS = re.compile(r"(?<=\d\.\d{3}),(?:0{1,2}|-)\Z")  # ",00" or ",-" after thousands grouped by dots
_THOUSANDS_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_DISTANCE = re.compile(r"(?i)(\d+(?:[.,]\d+)?)\s*(km|kilometer|kilometre|m|meter|metre)\.?")
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?")  # as YAML reads it unquoted: no leading zero
_RUPIAH = re.compile(r"(?i)(?:rp\.?\s*)?(\d+(?:[.,]\d+)*(?:,-)?)\s*(ribu|rb|juta|jt|miliar|milyar|m)?\.?")
_RUPIAH_UNITS = {
    "ribu": 1_000,
    "rb": 1_000,
    "juta": 1_000_000,
    "jt": 1_000_000,
    "miliar": 10**9,
    "milyar": 10**9,
    "m": 10**9,
}
# The Indonesian words the template's comments and the spreadsheet pair with a choice (the tool's own list):
# a choice is written in its English value in a region file.
_CHOICE_WORDS = {
    "penggerak": "champion",
    "binaan": "mentee",
    "anggota": "member",
    "rencana": "planned",
    "direncanakan": "planned",
    "disepakati": "committed",
    "ditetapkan": "committed",
    "komitmen": "committed",
    "terlaksana": "delivered",
    "terealisasi": "delivered",
    "direalisasikan": "delivered",
    "lokal": "local",
    "setempat": "local",
    "nasional": "national",
    "impor": "imported",
    "alam": "natural",
    "keterampilan": "skill",
    "lainnya": "other",
    "anggaran": "budget",
    "regulasi": "regulation",
    "pelatihan": "training",
    "peralatan": "equipment",
    "promosi": "promotion",
    "pembiayaan": "financing",
    "hki": "ip_facilitation",  # Hak Kekayaan Intelektual: the facilitation of its registration
    "haki": "ip_facilitation",
    "fasilitasi_hki": "ip_facilitation",
    "kunjungan_lapangan": "field_visit",
    "telaah_dokumen": "document_review",
    "wawancara": "interview",
}
# Yes and no as forms write them (the tool's own list), Y and N among them. Not T, which is Tidak in Indonesian
# and True in English; not ada ("there is one"), which says a plan exists, not that the sentra conforms to it.
_YES_NO = {
    **{"ya": "true", "iya": "true", "benar": "true", "y": "true"},
    **{"tidak": "false", "bukan": "false", "salah": "false", "n": "false"},
}
# Only where the field asks just that: whether the sentra conforms to the spatial plan.
_CONFORMS = {"sesuai": "true", "tidak sesuai": "false"}


def indonesian_hint(kind: str, choices: str, positions: Positions, path: PathKey) -> Message | None:
    """The message with the corrected value for pydantic's error ``kind`` at ``path``, or None.

    ``choices``: the values a choice allows, as the message lists them ("desa, kelurahan").
    """
    written = positions.text(path)
    if written is None:
        return None
    raw = written.strip()
    values = {"raw": _clip(raw)}
    if kind.startswith("date"):  # 31-12-2027, 31 Desember 2027
        from .date_hints import date_hint

        return date_hint(raw)
    if tuple(path) == ("firms",) and _SHEET_FILE.fullmatch(raw):  # firms: daftar-usaha.xlsx
        return Message("schema.hint_firms_file", {"raw": _clip(raw.strip("\"'"))})
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
        quoted_decimal = kind.startswith("int") and "." in raw and not _THOUSANDS_DOTS.fullmatch(raw)
        if not positions.unquoted(path) and _PLAIN_NUMBER.fullmatch(raw) and not quoted_decimal:
            if _THOUSANDS_DOTS.fullmatch(raw):  # "1.500": unquoted, 1.5 to YAML; meant 1500, as Indonesian writes
                plain = _undotted(raw)
                if kind.startswith("int"):
                    return Message("schema.hint_thousands_dots", {**values, "plain": plain})
                return Message("schema.hint_quoted_dotted", {**values, "plain": plain, "decimal": repr(float(raw))})
            return Message("schema.hint_quoted_number", {**values, "plain": raw})
        whole = _NO_CENTS.sub("", raw)  # 150.000.000,00: a budget document's amount, cents written
        if _THOUSANDS_DOTS.fullmatch(whole):
            return Message("schema.hint_thousands_dots", {**values, "plain": _clip(_undotted(whole))})
        distance = _DISTANCE.fullmatch(raw) if str(path[-1]).endswith("_m") else None
        if distance is not None and distance[1].isascii() and len(distance[1]) <= 20:  # nearest_stop_m: 1,5 km
            kilometres = distance[2].lower().startswith("k")
            written = distance[1]
            if _THOUSANDS_DOTS.fullmatch(written):  # 1.500 m: Indonesian writing groups thousands (1500 m)
                if kilometres:
                    return None  # 1.500 km: 1.5 km or 1500 km, no guess
                written = written.replace(".", "")
            metres = Decimal(written.replace(",", ".")) * (1000 if kilometres else 1)
            plain = format(metres.normalize(), "f") if metres == metres.to_integral() else format(metres, "f")
            return Message("schema.hint_metres", {**values, "plain": _clip(plain)})
        if kind.startswith("float") and _DECIMAL_COMMA.fullmatch(raw):
            return Message("schema.hint_decimal_comma", {**values, "plain": raw.replace(",", ".")})
        rupiah = whole_rupiah(raw, money=str(path[-1]).endswith("_idr"))
        if rupiah is not None:
            said = "schema.hint_rupiah" if raw.lower().startswith("rp") else "schema.hint_number_words"
            return Message(said, {**values, "plain": rupiah})
        counted = _WITH_UNIT.get(str(path[-1]), _NO_UNIT).fullmatch(raw)  # workers: 12 orang
        if counted is not None:
            number = counted[1]
            if _THOUSANDS_DOTS.fullmatch(number):  # 1.200 orang: a count groups thousands (a capacity: no guess)
                number = _undotted(number) if kind.startswith("int") else ""
            if number and _PLAIN_NUMBER.fullmatch(number):
                return Message("schema.hint_number_alone", {**values, "plain": number})
    if kind in ("list_type", "tuple_type") and _texts_listed(path):  # public_transport: angkot
        items = [item.strip() for item in raw.strip("\"'").split(",")]
        # Only words a flow list keeps as text: not [a, b] already, no # or : or quotes, no yes/null/123.
        if (
            len(raw) <= 200
            and items
            and all(_LIST_WORD.fullmatch(item) and item.lower() not in _YAML_WORDS for item in items)
        ):
            return Message("schema.hint_list", {**values, "plain": f"[{', '.join(items)}]"})
    said = " ".join(raw.lower().split())
    words = {**_YES_NO, **_CONFORMS} if tuple(path) == ("spatial_plan", "conforms") else _YES_NO
    if kind in ("bool_type", "bool_parsing") and said in words:
        return Message("schema.hint_yes_no", {**values, "plain": words[said]})
    if kind == "literal_error":
        lower = raw.strip("'\"").lower()
        if lower in choices.split(", ") and lower != raw:
            return Message("schema.hint_lower_case", {**values, "plain": lower})
        joined = re.sub(r"[\s-]+", "_", lower.strip())
        if joined != lower and joined in choices.split(", "):  # kelompok usaha, Kelompok-Usaha
            return Message("schema.hint_choice_joined", {**values, "plain": joined})
        meant = _CHOICE_WORDS.get(lower.replace(" ", "_"))
        if meant is not None and meant in choices.split(", "):
            return Message("schema.hint_choice_word", {**values, "plain": meant})
    return None


# A count, then a unit its field is counted in (the tool's own list): people for workers, pieces a month for a
# capacity. Anything else (lusin, per minggu, 1e3, 10 sampai 15, a distance, a multiplier) gets no guess.
_PER_MONTH = r"(?:\s*(?:/\s*|per\s+|se)(?:bulan|bln|month)|\s+a\s+month)?"
_WITH_UNIT = {
    "workers": re.compile(
        r"(\d{1,7}|\d{1,3}(?:\.\d{3}){1,2})\s*(?:orang|org|pekerja|karyawan|pegawai|tenaga(?:\s+kerja)?|people|persons?|workers?)\.?",
        re.IGNORECASE,
    ),
    "monthly_capacity": re.compile(
        r"(\d{1,12}|\d{1,3}(?:\.\d{3}){1,3})\s*(?:unit|units|pcs|pc|buah|bh|potong|ptg|lembar|lbr|helai|biji|item|items|"
        r"produk|pieces?|set|pasang)\.?" + _PER_MONTH,
        re.IGNORECASE,
    ),
}
_NO_UNIT = re.compile(r"(?!)")  # matches nothing
_LIST_WORD = re.compile(r"[^\W\d_][\w .'/-]*")  # a word a flow list keeps as plain text (no "(A, B)" to split)
_YAML_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})


def _texts_listed(path: PathKey) -> bool:
    """Whether the field at ``path`` of a region file is a list of texts (not of mappings), by the format's
    JSON Schema: only then is ``[a, b]`` what to write."""
    schema = _region_schema()
    node: dict[str, object] = schema
    for key in path:
        if not isinstance(key, str):
            return False
        node = _resolved(node, schema)
        properties = node.get("properties")
        if not isinstance(properties, dict) or key not in properties:
            return False
        node = properties[key]
    node = _resolved(node, schema)
    items = node.get("items")
    return node.get("type") == "array" and isinstance(items, dict) and items.get("type") == "string"


@functools.cache
def _region_schema() -> dict[str, object]:
    """The format's JSON Schema as pydantic gives it, made once (5 ms a time, for each list refused)."""
    from .region import Region

    return Region.model_json_schema()


def _resolved(node: dict[str, object], schema: dict[str, object]) -> dict[str, object]:
    """``node`` with a ``$ref`` followed and an optional's ``anyOf`` [X, null] taken as X."""
    options = node.get("anyOf")
    if isinstance(options, list):
        kept = [option for option in options if isinstance(option, dict) and option.get("type") != "null"]
        node = kept[0] if len(kept) == 1 else node
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        definitions = schema.get("$defs")
        found = definitions.get(reference.rsplit("/", 1)[1]) if isinstance(definitions, dict) else None
        return found if isinstance(found, dict) else node
    return node


def _undotted(text: str) -> str:
    """``1.500`` as ``1500``; ``0.500.000`` as ``500000``, not ``0500000``, which YAML 1.1 reads as octal."""
    return text.replace(".", "").lstrip("0") or "0"


def whole_rupiah(raw: str, money: bool) -> str | None:
    """``Rp 150 juta``, ``Rp150.000.000``, ``1,5 miliar`` as a whole number of rupiah; None for anything else
    (a firm sheet's number cell asks it too: ``sheets.columns``).
    ``M`` is miliar only for an amount (``Rp``, or a field of rupiah, ``money``): ``500 m`` of batik is metres."""
    found = _RUPIAH.fullmatch(raw)
    if found is None or (not raw.lower().startswith("rp") and found[2] is None):
        return None
    digits, unit = found[1], (found[2] or "").lower()
    if unit == "m" and not (money or raw.lower().startswith("rp")):
        return None
    if _AMBIGUOUS_COMMA.fullmatch(digits):  # 1,500 juta: one and a half thousand million, or 1500 million?
        return None
    whole = _NO_CENTS.sub("", digits)
    if _THOUSANDS_DOTS.fullmatch(whole):
        digits = _undotted(whole)
    if not digits.isascii() or re.fullmatch(r"\d+(?:[.,]\d+)?", digits) is None:
        return None
    try:
        amount = Decimal(digits.replace(",", ".")) * _RUPIAH_UNITS.get(unit, 1)  # exact: no float rounding
    except InvalidOperation:
        return None
    return _clip(str(int(amount))) if amount == amount.to_integral_value() and len(digits) <= 24 else None
