"""The region file format, version 1 (``ovop-region/1``), as pydantic models.

Field names are the public contract (see docs/region-format.md in the spec).
Models are strict: YAML already types its values, so a quoted ``"12"`` where
a number is expected, or ``true`` where text is expected, is an error rather
than a silent conversion. Every field outside the required ones defaults to
``None``, which means "not known yet"; an empty list means "none".
"""

# No ``from __future__ import annotations`` here: pydantic would compile every field's annotation
# from its text at start-up (about 1 ms of every run); written as objects, they are taken as they are.
import datetime
from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from .dates import parse_date
from .strict_model import StrictModel, Text

VillageLevel = Literal["desa", "kelurahan"]
Level = Literal[VillageLevel, "kecamatan"]
LEVELS: tuple[str, ...] = get_args(Level)  # desa, kelurahan, kecamatan
VILLAGE_LEVELS: tuple[str, ...] = get_args(VillageLevel)
#: An area code (kode wilayah): PP.KK.CC for a kecamatan, PP.KK.CC.DDDD for a desa or kelurahan.
AREA_CODE_PATTERN = r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}(\.[0-9]{4})?$"
_VILLAGE_DIGIT: Mapping[str, VillageLevel] = MappingProxyType({"1": "kelurahan", "2": "desa"})


def code_level(code: str) -> Level | None:
    """The level an area code's shape names, or None: ``PP.KK.CC`` a kecamatan, ``PP.KK.CC.DDDD`` a village.

    A village part starting with 1 is a kelurahan's, with 2 a desa's; another
    digit names neither (the table's 3 is a desa adat) and gives None.
    ``code`` is in the dotted form (:data:`AREA_CODE_PATTERN`).
    """
    parts = code.split(".")
    if len(parts) == 3:
        return "kecamatan"
    return _VILLAGE_DIGIT.get(parts[3][:1]) if len(parts) == 4 else None


def _iso_date(value: Any) -> Any:
    # YAML gives a date for a bare 2026-12-31; a quoted one arrives as text, read as YYYY-MM-DD only.
    if isinstance(value, str):
        date = parse_date(value.strip())
        return value if date is None else date
    return value


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]


def _frozen(value: Any) -> Any:
    # YAML gives a list; the model keeps a tuple, so no rule (a plugin) can change what another sees.
    return tuple(value) if isinstance(value, list) else value


def _read_only(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


T = TypeVar("T")
#: A list of the region file, read-only once read (validated as a list is: same errors, same schema).
Items = Annotated[tuple[T, ...], BeforeValidator(_frozen)]
Year = Annotated[int, Field(ge=1900, le=2100)]
# YAML reads .inf and .nan as floats; neither is a capacity or a distance.
Quantity = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class RegionPlace(StrictModel):
    name: Text
    level: Level
    code: Annotated[str, Field(pattern=AREA_CODE_PATTERN)] | None = None
    district: str | None = None
    city: Text
    province: Text
    proposal_year: Year | None = None


class Uniqueness(StrictModel):
    raw_material: str | None = None
    local_skill: str | None = None
    culture: str | None = None


class Product(StrictModel):
    name: Text
    category: Text
    kbli: Annotated[str, Field(pattern=r"^[0-9]{5}$")] | None = None
    export_oriented: bool | None = None
    uniqueness: Uniqueness | None = None


class Resource(StrictModel):
    type: Literal["natural", "skill", "other"]
    description: str | None = None


class Firm(StrictModel):
    name: Text
    role: Literal["champion", "mentee", "member"]
    category: Text | None = None
    mentor: Text | None = None
    willing_to_lead: bool | None = None
    monthly_capacity: Quantity | None = None
    nib: Annotated[str, Field(pattern=r"^[0-9]{13}$")] | None = None
    workers: Annotated[int, Field(ge=0)] | None = None


class FirmSheet(StrictModel):
    """``firms: {file: daftar-usaha.xlsx, sheet: "Daftar UMKM"}``: the firms kept in a spreadsheet.

    Read before validation (:mod:`ovop_assess.firm_sheet`): the region then
    holds the sheet's rows as ``firms``, exactly as if they were written in YAML.
    """

    file: Annotated[
        str,
        Field(
            min_length=1,
            description="berkas lembar kerja daftar usaha (.xlsx, .xls, .ods, .csv), relatif terhadap berkas wilayah"
            " / the firm spreadsheet (.xlsx, .xls, .ods, .csv), relative to the region file",
        ),
    ]
    sheet: Annotated[
        str | None,
        Field(
            min_length=1,
            description="nama lembar; bawaan: lembar pertama yang tampak"
            " / the sheet's name; default: the first visible one",
        ),
    ] = None


class Organization(StrictModel):
    type: Literal["paguyuban", "koperasi", "kub", "asosiasi", "kelompok_usaha", "other"]
    name: Text
    established: Year | None = None
    legal_basis: str | None = None


class Commitment(StrictModel):
    type: Literal["budget", "regulation", "training", "equipment", "promotion", "ip_facilitation", "financing", "other"]
    description: Text
    year: Year | None = None
    amount_idr: Annotated[int, Field(ge=0)] | None = None
    status: Literal["planned", "committed", "delivered"] | None = None


class SpatialPlan(StrictModel):
    regulation: str | None = None
    zone: str | None = None
    conforms: bool | None = None


class RawMaterial(StrictModel):
    name: Text
    source: Literal["local", "regional", "national", "imported"] | None = None
    main: bool | None = None  # a main raw material of the product: C7 judges these when any is marked


class Access(StrictModel):
    public_transport: Items[Text] | None = None
    nearest_stop_m: Quantity | None = None


class Waiver(StrictModel):
    rule: Text
    reason: Text
    approved_by: str | None = None
    expires: IsoDate | None = None

    def in_force(self, as_of: datetime.date) -> bool:
        """In force on the assessment date, up to and including ``expires`` (none: always)."""
        return self.expires is None or as_of <= self.expires


def _rule_ids(value: Any) -> Any:
    # Checked whole before the union below: otherwise pydantic reports one error per member
    # ("expected a list" and "must be all") for a single mistake.
    if value == "all" or (
        isinstance(value, list) and value and all(isinstance(item, str) and item.strip() for item in value)
    ):
        return value
    raise PydanticCustomError("rule_ids", "a list of rule ids, or all")


VerificationMethod = Literal["field_visit", "document_review", "interview", "other"]


class Verification(StrictModel):
    """A check the assessing office made of the file's facts (docs/criteria.md, "Assurance")."""

    criteria: Annotated[Annotated[Items[Text], Field(min_length=1)] | Literal["all"], BeforeValidator(_rule_ids)]
    by: Text
    date: IsoDate
    method: VerificationMethod | None = None
    note: str | None = None

    def covers(self, rule_id: str) -> bool:
        return self.criteria == "all" or rule_id in self.criteria


class Region(StrictModel):
    """One candidate sentra: the whole region file."""

    format: Literal["ovop-region/1"]
    region: RegionPlace
    product: Product | None = None
    resources: Items[Resource] | None = None
    firms: Items[Firm] | None = None
    organizations: Items[Organization] | None = None
    government_commitment: Items[Commitment] | None = None
    spatial_plan: SpatialPlan | None = None
    raw_materials: Items[RawMaterial] | None = None
    access: Access | None = None
    # Read-only once read, as the lists are (a mapping proxy: a plugin cannot add or change a document).
    evidence: Annotated[Mapping[str, Text], AfterValidator(_read_only)] | None = None
    waivers: Items[Waiver] | None = None
    verification: Items[Verification] | None = None

    def firm_category(self, firm: Firm) -> str | None:
        """A firm's product category: its own, or the sentra product's."""
        if firm.category is not None:
            return firm.category
        return self.product.category if self.product is not None else None
