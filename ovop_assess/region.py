"""The region file format, version 1 (``ovop-region/1``), as pydantic models.

Field names are the public contract (see docs/region-format.md in the spec).
Models are strict: YAML already types its values, so a quoted ``"12"`` where
a number is expected, or ``true`` where text is expected, is an error rather
than a silent conversion. Every field outside the required ones defaults to
``None``, which means "not known yet"; an empty list means "none".
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field

from .strict_model import StrictModel

Level = Literal["desa", "kelurahan", "kecamatan"]
LEVELS: tuple[str, ...] = get_args(Level)
#: An area code (kode wilayah): PP.KK.CC for a kecamatan, PP.KK.CC.DDDD for a desa or kelurahan.
AREA_CODE_PATTERN = r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}(\.[0-9]{4})?$"


def _iso_date(value: Any) -> Any:
    # YAML gives a date for a bare 2026-12-31; a quoted one arrives as text.
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]
Text = Annotated[str, Field(min_length=1)]
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
    public_transport: list[Text] | None = None
    nearest_stop_m: Quantity | None = None


class Waiver(StrictModel):
    rule: Text
    reason: Text
    approved_by: str | None = None
    expires: IsoDate | None = None

    def in_force(self, as_of: datetime.date) -> bool:
        """In force on the assessment date, up to and including ``expires`` (none: always)."""
        return self.expires is None or as_of <= self.expires


class Region(StrictModel):
    """One candidate sentra: the whole region file."""

    format: Literal["ovop-region/1"]
    region: RegionPlace
    product: Product | None = None
    resources: list[Resource] | None = None
    firms: list[Firm] | None = None
    organizations: list[Organization] | None = None
    government_commitment: list[Commitment] | None = None
    spatial_plan: SpatialPlan | None = None
    raw_materials: list[RawMaterial] | None = None
    access: Access | None = None
    evidence: dict[str, Text] | None = None
    waivers: list[Waiver] | None = None

    def firm_category(self, firm: Firm) -> str | None:
        """A firm's product category: its own, or the sentra product's."""
        if firm.category is not None:
            return firm.category
        return self.product.category if self.product is not None else None
