"""Firm lists kept in spreadsheets (``.xlsx``, ``.xls``, ``.ods``, ``.csv``): reading, the office template, YAML.

Importing this package loads no spreadsheet library: python-calamine is
imported when a workbook is read (and olefile when it is an ``.xls``),
xlsxwriter when the template is written,
PyYAML's emitter when the YAML list is made.

- :func:`read_firms` -> :class:`SheetFirms`: ``firms[]`` entries as a YAML
  file would hold them, with the reader's errors and warnings, each located
  by cell (``Location.line``/``column`` are the cell's row and column), and
  :meth:`SheetFirms.location` to locate the region validation's findings.

The reader's sentences are the shared catalogue's spreadsheets area (:mod:`ovop_assess.messages.spreadsheets`).
"""

from __future__ import annotations

from .columns import FIELDS, HEADERS_ID, cell_name
from .limits import SheetLimits
from .read import SUFFIXES, read_firms
from .table import SheetFirms
from .template import write_firms_template
from .to_yaml import firms_yaml, no_firms_yaml

__all__ = [
    "FIELDS",
    "HEADERS_ID",
    "SUFFIXES",
    "SheetFirms",
    "SheetLimits",
    "cell_name",
    "firms_yaml",
    "no_firms_yaml",
    "read_firms",
    "write_firms_template",
]
