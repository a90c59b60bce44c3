"""``init``: the templates an analyst or an office starts from, written whole, and said where they went.

A region-file template (bilingual comments), the same with ``region`` filled in
from the official area table (``--code``), an office profile (``--office``),
or the empty firm workbook (``--firms-sheet``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import UsageError
from ..exit_codes import ExitCode
from ..messages import Lang, level_word, text
from ..results import Message, file_label
from .output import folder_refused, write_output
from .terminal import note


def run_init(*, target: Path | None, force: bool, code: str | None, office: bool, lang: Lang) -> int:
    """Write a template (region, region filled from an area code, or office profile) to ``target`` or stdout.

    What was written is said on stderr, naming the command that uses it: stdout may be the template itself.
    """
    from ..schema import office_template, region_template

    if code is not None and office:  # an office profile has no area code: which was meant would be a guess
        raise UsageError(Message("cli.code_and_office", {}))
    if target is not None and target.is_dir():
        raise folder_refused(target)
    if target is not None and target.exists() and not force:
        raise UsageError(Message("cli.exists", {"path": file_label(target)}))
    templates = {True: office_template, False: region_template}
    write_output(template_for_code(code) if code is not None else templates[office](), target)
    if target is not None:
        said_id = "cli.wrote_office_template" if office else "cli.wrote_template"
        import shlex  # the command to paste: a name with a space or a \\ quoted, as the shell needs it

        label = file_label(target)
        note(text(said_id, lang, path=label, quoted=shlex.quote(label) if os.name == "posix" else label))
    return ExitCode.OK


def run_init_firms_sheet(*, target: Path, force: bool, lang: Lang) -> int:
    """Write the empty firm workbook an office fills in; refuse to overwrite a file without ``--force``."""
    import tempfile

    from ..sheets import write_firms_template
    from ..sheets.template import SHEET_NAMES

    if target.suffix.lower() != ".xlsx":
        raise UsageError(Message("cli.firms_sheet_xlsx", {"path": file_label(target)}))
    if target.is_dir():
        raise folder_refused(target)
    if target.exists() and not force:
        raise UsageError(Message("cli.exists", {"path": file_label(target)}))
    with tempfile.TemporaryDirectory() as folder:
        made = Path(folder, "daftar-usaha.xlsx")
        write_firms_template(made, lang)
        workbook = made.read_bytes()
    write_output(workbook, target)  # whole or not at all, as every output
    said = text("sheet.template_written", lang, file=file_label(target), sheet=SHEET_NAMES[lang][0], name=target.name)
    note(said)
    return ExitCode.OK


def template_for_code(code: str) -> str:
    """The region-file template with ``region`` filled in from the official table (``init --code``)."""
    from .. import areas
    from ..schema import region_template

    canonical = areas.canonical_code(code)
    if canonical is None:
        raise UsageError(Message("area.bad_region_code", {"query": code.strip()}))
    area = areas.by_code(canonical)
    if area is None:
        nearest = "; ".join(areas.describe(a) for a in areas.nearest_codes(canonical))
        if not nearest:  # not even its province is in the table
            raise UsageError(Message("area.code_not_found_anywhere", {"code": canonical}))
        raise UsageError(Message("area.code_not_found", {"code": canonical, "codes": nearest}))
    fields = areas.template_region(canonical)
    if fields is None:
        level = level_word(area.level)
        raise UsageError(Message("area.init_not_a_region", {"code": canonical, "level": level, "name": area.name}))
    return region_template(fields)
