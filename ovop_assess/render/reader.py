"""The reader's conventions in documents for people: dates in full, decimals as the language writes them.

Under ``--lang id`` a date reads ``1 Desember 2026`` and a decimal ``0,88``;
in English ``1 December 2026`` and ``0.88``. Only documents for people use
these (the terminal table, the checklist, the round report, workbook
labels); JSON and CSV keep ISO dates and decimal points, for scripts.
"""

from __future__ import annotations

import datetime
from typing import Final

from ..messages import Lang

_MONTHS: Final[dict[Lang, tuple[str, ...]]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
}


def long_date(day: datetime.date, lang: Lang) -> str:
    """``1 Desember 2026`` (id), ``1 December 2026`` (en): never the month as a number, whatever the locale."""
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def decimal(value: float, lang: Lang, places: int = 2) -> str:
    """``0,88`` (id), ``0.88`` (en)."""
    written = f"{value:.{places}f}"
    return written.replace(".", ",") if lang == "id" else written
