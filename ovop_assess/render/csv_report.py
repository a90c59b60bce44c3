"""CSV for spreadsheets: a row per region file, a column per criterion.

What a consumer gets: the header
``file,region,level,city,verdict,score,C1,…,C8`` (one column per criterion
id, in the criteria set's order), then one row per file in the report's
order. ``verdict`` and the criterion cells hold the stable machine values of
the JSON report (``eligible``/``not_eligible``/``incomplete``/``invalid``;
``pass``/``fail``/``unknown``/``waived``/``error``), whatever ``--lang``
says, so formulas and filters keep working across languages; ``score`` is
the total score as a decimal with a dot (``0.9375``). An invalid file has
verdict ``invalid`` and empty region, score and criterion cells.

Written with the :mod:`csv` module: fields with commas, quotes or line
breaks are quoted (quotes doubled), everything else as is; names keep their
Indonesian characters; values are never rewritten (a name starting with
``=`` stays as it is: spreadsheet users should import rather than open CSV
from untrusted region files). Lines end with LF, which spreadsheets and CSV
readers accept, and which a text-mode stdout does not double on Windows.

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
from .formats import criterion_ids

BASE_COLUMNS = ("file", "region", "level", "city", "verdict", "score")


def render_csv(report: Report, lang: Lang = "en", *, bom: bool = False) -> str:
    """The report as CSV text; ``lang`` is accepted for the common signature (cells are machine values)."""
    ids = criterion_ids(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*BASE_COLUMNS, *ids])
    for result in report.results:
        region = result.region
        place = [region.name, region.level, region.city] if region is not None else ["", "", ""]
        if result.verdict is Verdict.INVALID:
            writer.writerow([result.file, *place, result.verdict.value, "", *("" for _ in ids)])
            continue
        status = {c.id: c.status.value for c in result.criteria}
        writer.writerow(
            [result.file, *place, result.verdict.value, str(result.score), *(status.get(i, "") for i in ids)]
        )
    return ("\ufeff" if bom else "") + buffer.getvalue()
