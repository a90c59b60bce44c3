"""The sentences of the spreadsheet reader: kept in the shared catalogue (``ovop_assess.messages.spreadsheets``)."""

from __future__ import annotations

from ..messages.spreadsheets import MESSAGES

__all__ = ["MESSAGES"]
