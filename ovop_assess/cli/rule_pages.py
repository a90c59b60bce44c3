"""``rules`` and ``explain``: the rules of a criteria set, and one rule's page."""

from __future__ import annotations

from .. import criteria_sets
from .. import rules as registry
from ..errors import UsageError
from ..exit_codes import ExitCode
from ..messages import Lang
from ..results import Message
from .commands import plugins_kept_out
from .output import report_stream, write_output


@plugins_kept_out
def run_rules(criteria: str, lang: Lang) -> int:
    criteria_set = criteria_sets.load(criteria)
    from .table import render_rules

    write_output(render_rules(criteria_set, lang, to_terminal=report_stream().isatty()), None)
    return ExitCode.OK


@plugins_kept_out
def run_explain(rule_id: str, lang: Lang, criteria: str | None = None) -> int:
    """The rule's page; with ``criteria``, ending with what that set makes of it (the set is loaded first: a bad
    set is refused as ``rules`` refuses it, whatever the rule)."""
    chosen = criteria_sets.load(criteria) if criteria is not None else None
    spec = registry.lookup(rule_id) or registry.lookup(rule_id.upper())
    if spec is None:
        raise UsageError(Message("cli.unknown_rule", {"rule": rule_id, "known": ", ".join(registry.known_ids())}))
    if isinstance(spec, registry.Unavailable):
        raise UsageError(Message("rule.unavailable", {"rule": spec.id, "error": spec.error}))
    from .explain_page import render_explain

    write_output(render_explain(spec, lang, chosen), None)
    return ExitCode.OK
