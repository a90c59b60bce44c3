"""Dates as the tool reads them: ``YYYY-MM-DD`` and nothing else.

``datetime.date.fromisoformat`` also reads ISO week dates (``2024-W01``)
and the basic form (``20240203``) since Python 3.11: neither is a form an
office writes a date in, and a typo of either would be read as some date.
"""

from __future__ import annotations

import datetime
import re

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def parse_date(value: str) -> datetime.date | None:
    """The date ``value`` writes as ``YYYY-MM-DD``, or None when it is not one."""
    if not _DATE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
