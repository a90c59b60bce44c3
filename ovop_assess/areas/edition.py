"""The edition of the shipped table (dataset, version, licence, decree), for reports and the library's users."""

from __future__ import annotations

from typing import Final, NamedTuple

from .table import edition


class Dataset(NamedTuple):
    """The edition of the table, for report headers and the checklist footer."""

    name: str
    version: str
    licence: str
    decree: str


DATASET: Final = Dataset(**edition())
