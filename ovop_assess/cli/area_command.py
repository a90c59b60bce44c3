"""``ovop-assess area``: the official Kemendagri areas a code or a name finds."""

from __future__ import annotations

from ..exit_codes import ExitCode
from ..messages import Lang, text
from ..render import registry as renderers
from .output import report_stream, write_output
from .terminal import note


def run_area(query: str, output_format: str, limit: int, lang: Lang) -> int:
    """0 when an area is found, 1 when none is (the nearest codes, for a code, on stderr), 2 for a query
    that is neither a code nor a name (empty, only prefixes, or digits in no code's shape)."""
    from .. import areas

    lookup = areas.look_up(query, limit)  # a query refused is a usage error: areas.BadQuery says why
    renderer = renderers.lookup("area", output_format)
    if lookup.matches or not renderer.quiet_when_empty:
        write_output(renderer.render(lookup, lang, to_terminal=report_stream().isatty()), None)
    if lookup.matches:
        return ExitCode.OK
    if renderer.quiet_when_empty:
        if lookup.code is not None:
            nearest = areas.DESCRIPTION_JOINER.join(areas.describe(a) for a in lookup.nearest)
            if nearest:
                said = text("area.code_not_found", lang, code=lookup.code, codes=nearest)
            else:
                said = text("area.code_not_found_anywhere", lang, code=lookup.code)
        elif lookup.short:
            said = text("area.no_match_short", lang, query=lookup.query, words=", ".join(lookup.short))
        else:
            said = text("area.no_match", lang, query=lookup.query)
        note(said)
    return ExitCode.NOT_FOUND
