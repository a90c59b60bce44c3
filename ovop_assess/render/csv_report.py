"""CSV for spreadsheets: a row per region file, a column per criterion.

What a consumer gets: the header
``file,region,level,city,verdict,assurance,score,C1,…,C8`` (one column per criterion
id, in the criteria set's order, also when no file is valid: scripts that
put runs together get the same columns), then one row per file in the
report's order. ``verdict`` and the criterion cells hold the stable machine values of
the JSON report (``eligible``/``not_eligible``/``incomplete``/``invalid``;
``pass``/``fail``/``unknown``/``waived``/``error``), and so does
``assurance`` (``declared``/``documented``/``verified``, empty when no
criterion passes), whatever ``--lang``
says, so formulas and filters keep working across languages; ``score`` is
the total score as a decimal with a dot (``0.9375``). An invalid file has
verdict ``invalid`` and empty region, assurance, score and criterion cells.

Written with the :mod:`csv` module: fields with commas, quotes or line
breaks (LF or CR) are quoted (quotes doubled), everything else as is;
names keep their Indonesian characters. Lines end with LF, which
spreadsheets and CSV readers accept, and which a text-mode stdout does not
double on Windows.

Formula injection: a spreadsheet runs a cell that starts with ``=``,
``+``, ``-`` or ``@`` (and some also one that starts with a tab or a
carriage return) as a formula, so a region named
``=HYPERLINK("http://…","x")`` would run when the CSV is opened. The text
cells taken from the region file (its file path, the region's name and
city) that start with one of those characters get a single quote in front
(``'=HYPERLINK(…)``), as OWASP advises: the spreadsheet takes it as text,
never as a formula, and a script reading the CSV sees the quote.
Everything else is left as it is: ``level``, ``verdict`` and the criterion
cells are the tool's own machine values, and ``score`` is a number the
tool writes (never negative).

Control characters in those text cells (a NUL, an escape; tab and line
breaks are quoted instead) are written visibly as ``\x00``
(:mod:`.controls`), and a value holding a bidi control is wrapped in an
isolate (:mod:`.bidi`), as in the other text formats; the JSON report keeps
the exact value.

Encoding: UTF-8 **without** a byte-order mark by default, which is what
scripts, ``csv`` readers and version control expect. Excel (Windows) only
takes a CSV as UTF-8 when it starts with a BOM; open the file through
Data → From Text/CSV, or call ``render_csv(report, bom=True)``, which
starts the text with U+FEFF.
"""

from __future__ import annotations

import csv
import io

from ..messages import Lang
from ..results import Report, Verdict
from .bidi import BIDI_CONTROLS, isolate
from .controls import visible_controls
from .criterion import criterion_ids

BASE_COLUMNS = ("file", "region", "level", "city", "verdict", "assurance", "score")

# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: str) -> str:
    """A text cell from the region file, neutralised: controls written visibly, bidi controls isolated,
    and a leading formula character (behind bidi controls too) gets a ``'`` before it."""
    cell = isolate(visible_controls(value, keep_cr=True))
    formula = cell.startswith(_FORMULA_START) or value.lstrip(BIDI_CONTROLS).startswith(_FORMULA_START)
    return "'" + cell if formula else cell


def render_csv(report: Report, lang: Lang = "en", *, bom: bool = False) -> str:
    """The report as CSV text; ``lang`` is accepted for the common signature (cells are machine values)."""
    ids = list(report.criteria_set.rules) or criterion_ids(report.results)  # (a report made without the set's ids)
    lines = _Lines()
    lines.add([*BASE_COLUMNS, *ids])
    for result in report.results:
        region = result.region
        place = (
            [as_text_cell(region.name), region.level, as_text_cell(region.city)] if region is not None else ["", "", ""]
        )
        file = as_text_cell(result.file)
        if result.verdict is Verdict.INVALID:
            lines.add([file, *place, result.verdict.value, "", "", *("" for _ in ids)])
            continue
        status = {c.id: c.status.value for c in result.criteria}
        assurance = result.assurance.value if result.assurance is not None else ""
        lines.add([file, *place, result.verdict.value, assurance, str(result.score), *(status.get(i, "") for i in ids)])
    return ("\ufeff" if bom else "") + "".join(lines.text)


class _Lines:
    """CSV lines ending in LF, every field that holds a CR or an LF quoted.

    The csv module quotes a field for the characters of its own line ending
    only: written with LF endings, a bare CR in a name would go out unquoted
    and end the row early for every CSV reader. So each row is written with
    CRLF, which quotes both, and its CRLF is then replaced by LF.
    """

    def __init__(self) -> None:
        self.text: list[str] = []
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def add(self, cells: list[str]) -> None:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(cells)
        self.text.append(self._buffer.getvalue()[:-2] + "\n")
