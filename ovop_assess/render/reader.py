"""The reader's conventions in documents for people: dates in full, decimals as the language writes them.

Under ``--lang id`` a date reads ``1 Desember 2026`` and a decimal ``0,88``;
in English ``1 December 2026`` and ``0.88``. Only documents for people use
these (the terminal table, the checklist, the Markdown and xlsx reports,
the round report, ``compare``), for the dates inside messages too
(:func:`say`); JSON, CSV and the CI formats (JUnit, GitHub annotations)
keep ISO dates and decimal points, for scripts and build logs.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP as _HALF_UP
from decimal import Decimal as _Decimal
from typing import Any, Final

from ..messages import Lang, render
from ..results import Message

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


def dates_in_full(value: Any, lang: Lang) -> Any:
    """A message (or a message value) with every date in it written in full, nested messages included.

    Only a date itself (``datetime.date``, not a date and time) is rewritten:
    a value read from a file as text stays as it was written.
    """
    if type(value) is datetime.date:
        return long_date(value, lang)
    if isinstance(value, Message):
        return Message(value.id, {key: dates_in_full(item, lang) for key, item in value.values.items()})
    if isinstance(value, tuple):
        return tuple(dates_in_full(item, lang) for item in value)
    return value


def say(message: Message, lang: Lang) -> str:
    """A catalogue message as people read it: ``berakhir pada 31 Desember 2026``.

    The documents for people render messages with this; JSON, CSV and the
    CI formats use :func:`~ovop_assess.messages.render`, which writes a date
    ISO (``2026-12-31``), as scripts expect.
    """
    return render(dates_in_full(message, lang), lang)


def decimal(value: float, lang: Lang, places: int = 2) -> str:
    """``0,88`` (id), ``0.88`` (en): rounded half up as the number is written (0.125 is ``0.13``), as a
    spreadsheet shows the workbook's score with its ``0.00`` format; Python's own rounding of the binary
    value would show ``0.12`` here and ``0,13`` in the office's workbook."""
    written = str(_Decimal(repr(value)).quantize(_Decimal(1).scaleb(-places), rounding=_HALF_UP))
    return written.replace(".", ",") if lang == "id" else written


def places_apart(first: float, second: float) -> int:
    """As many decimals as tell two scores apart as :func:`decimal` writes them (two at least, six at most):
    ``0.13 ↑ was 0.125``, not ``was 0.13``."""
    count = 2
    while count < 6 and first != second and decimal(first, "en", count) == decimal(second, "en", count):
        count += 1
    return count


def short_decimal(value: float, lang: Lang) -> str:
    """A number as short as it reads, a rule's weight: ``1``, ``0,5`` (id), ``0.5`` (en)."""
    written = f"{value:g}"
    return written.replace(".", ",") if lang == "id" else written
