"""Which sheet of a workbook is read: the one asked for (its name in another case too), or the first visible."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..results import Finding, Location, Message
from .zip_members import note as _note
from .zip_members import refuse as _refuse

if TYPE_CHECKING:
    from python_calamine import SheetMetadata

Listed = tuple[Message | str, ...]  # sheet names, a hidden one as sheet.listed_hidden
_NOWHERE = Location("", None, None)


def _guides() -> frozenset[str]:
    from .template import SHEET_NAMES

    return frozenset(guide for _, guide in SHEET_NAMES.values())


def choose(metas: list[SheetMetadata], wanted: str | None) -> tuple[str, list[Finding], Listed]:
    """The sheet to read (``wanted``, or the first visible worksheet), warnings about hidden sheets and, when
    none was wanted and the workbook has other sheets, every sheet (hidden ones marked): a first sheet that
    is not the firm list is then said with the names that may be given instead."""
    import python_calamine

    worksheets = [m for m in metas if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
    visible = python_calamine.SheetVisibleEnum.Visible

    def listed() -> tuple[Message | str, ...]:
        return tuple(m.name if m.visible == visible else _note("sheet.listed_hidden", sheet=m.name) for m in worksheets)

    if wanted is not None:
        chosen = next((m for m in worksheets if m.name == wanted), None)
        chosen = chosen or next((m for m in worksheets if m.name.strip().casefold() == wanted.strip().casefold()), None)
        if chosen is None:
            raise _refuse("sheet.not_found", sheet=wanted, sheets=listed() or ("—",))
        warnings = [] if chosen.visible == visible else [Finding(_note("sheet.hidden", sheet=chosen.name), _NOWHERE)]
        return chosen.name, warnings, ()
    for index, meta in enumerate(worksheets):
        if meta.visible == visible:
            skipped = tuple(m.name for m in worksheets[:index])
            warnings = (
                [Finding(_note("sheet.hidden_skipped", sheets=skipped, sheet=meta.name), _NOWHERE)] if skipped else []
            )
            # Firms listed on two sheets (one a dusun) would be half read without a word: the others are named.
            others = tuple(
                m.name
                for m in worksheets[index + 1 :]
                if m.visible == visible and m.name not in _guides()  # the template's own guide, no list
            )
            if others:  # (a workbook of fifty sheets: the first ten named, then how many more)
                named = others[:10] + ((f"… (+{len(others) - 10})",) if len(others) > 10 else ())
                warnings.append(Finding(_note("sheet.other_sheets_unread", sheet=meta.name, sheets=named), _NOWHERE))
            return meta.name, warnings, listed() if len(worksheets) > 1 else ()
    raise _refuse("sheet.no_visible_sheet", sheets=listed() or ("—",))
