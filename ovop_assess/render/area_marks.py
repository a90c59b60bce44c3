"""The official area table's warnings about a candidate, picked out for the round's formats.

A round's page names each candidate's area in a letter: a code the table
does not have, or whose area it names otherwise, is marked there (``⚠``),
and every such warning is said on stderr and given in the JSON. A code the
table only suggests (the file gives none) is said, not marked: the page
shows no code for it already.
"""

from __future__ import annotations

from ..messages.areas import CHECKS
from ..results import FileResult, Finding, Verdict

AREA_MARK = "⚠"
"""After a candidate's code: the official area table does not have it, or names its area otherwise (the legend)."""
_SUGGESTED = "area.code_suggested"


def area_warnings(result: FileResult) -> tuple[Finding, ...]:
    """The file's warnings from the official area table: a code not in it, names that differ from it, a code
    the names identify that the file leaves out."""
    return tuple(finding for finding in result.warnings if finding.message.id in CHECKS)


def area_disputed(result: FileResult) -> bool:
    """Whether the official area table disagrees with the file's code or names (not only gives a code the file
    leaves out): the round marks the code. Never for an invalid file, whose row shows no code."""
    if result.verdict is Verdict.INVALID:
        return False
    return any(finding.message.id != _SUGGESTED for finding in area_warnings(result))
