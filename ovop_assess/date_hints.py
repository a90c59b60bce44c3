"""A date written as an office writes it (``31-12-2027``, ``31/12/2027``, ``31 Desember 2027``) read back as
the ``YYYY-MM-DD`` to write, or found to be no date at all (``2027-02-30``).

Day first, as Indonesian writing has it (the tool's own reading: ``03/04/2027`` is 3 April, never March 4).
"""

from __future__ import annotations

import datetime
import re

from .results import Message

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nopember", "nov"),
            ("desember", "december", "des", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_IN_WORDS = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")


def date_hint(raw: str) -> Message | None:
    """The date to write for ``raw``, or that it names no date; None when ``raw`` is no date-like text."""
    text = raw.strip().strip("\"'")
    if len(text) > 40:
        return None
    said, day_first = "schema.hint_date", False
    if found := _YEAR_FIRST.fullmatch(text):
        year, month, day = (int(part) for part in found.groups())
    elif found := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(part) for part in found.groups())
        said, day_first = "schema.hint_date_day_first", True
    elif (found := _IN_WORDS.fullmatch(text)) and found[2].lower() in _MONTHS:
        day, month, year = int(found[1]), _MONTHS[found[2].lower()], int(found[3])
    else:
        return None
    written = _iso(year, month, day)
    if written is None and day_first and month > 12 >= day:  # 12/31/2027: only month first reads it
        written, said = _iso(year, day, month), "schema.hint_date"
    if written is None:
        return Message("schema.no_such_date", {"raw": text})
    return Message(said, {"raw": text, "plain": written}) if written != text else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
