"""The rule registry: the eight built-in rules, plus rules from installed plugins.

Plugins register modules under the entry-point group ``ovop_assess.rules``
(``NIB1 = my_package.nib_rule``). They are looked up only when a criteria
set, ``rules`` or ``explain`` asks for an id the built-ins do not have, and
each is loaded in its own ``try``: a plugin that fails to import becomes an
:class:`Unavailable` entry reported by name, never a crash of the run.
Every rule's ``MESSAGES`` join the catalogue; the built-ins' when this
package is imported (which anything that runs a rule does), a plugin's
when it loads. A plugin whose ``MESSAGES`` would replace an entry already
there is unavailable too: it may add sentences, never reword the tool's.
Plugins come only from installed distributions (entry points), never from
the working directory.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from importlib import metadata
from typing import NamedTuple

from .. import messages, rule_guard
from ..plugin_sandbox import kept_process_state
from ..results import Message
from . import (
    c1_resource_champion_mentees,
    c2_similar_firms,
    c3_uniqueness,
    c4_government_commitment,
    c5_management_body,
    c6_spatial_plan,
    c7_local_raw_material,
    c8_public_transport,
)
from .base import RuleSpec, fmt_seconds

ENTRY_POINT_GROUP = "ovop_assess.rules"

_BUILTIN_MODULES = (
    c1_resource_champion_mentees,
    c2_similar_firms,
    c3_uniqueness,
    c4_government_commitment,
    c5_management_body,
    c6_spatial_plan,
    c7_local_raw_material,
    c8_public_transport,
)

BUILTIN: dict[str, RuleSpec] = {
    spec.id: spec for spec in (RuleSpec.from_object(module, "built-in") for module in _BUILTIN_MODULES)
}

for _module in _BUILTIN_MODULES:
    messages.register(_module.MESSAGES)


class Unavailable(NamedTuple):
    """A plugin rule that could not be loaded; the run goes on and reports it.

    ``error`` is the reason: a message when the catalogue words it, else the
    exception's own text (which no catalogue can translate).
    """

    id: str
    origin: str
    error: str | Message

    def reason(self, lang: messages.Lang = "en") -> str:
        return self.error if isinstance(self.error, str) else messages.render(self.error, lang)


_plugins: dict[str, RuleSpec | Unavailable] | None = None


def plugins() -> dict[str, RuleSpec | Unavailable]:
    """Rules from installed plugins, loaded once per process."""
    global _plugins
    if _plugins is None:
        found: dict[str, RuleSpec | Unavailable] = {}
        for entry in _entry_points():
            origin = f"{entry.dist.name if entry.dist else '?'} ({entry.value})"
            try:
                # Under the rule time limit: an import that loops or sleeps, or an ID whose text never ends.
                with kept_process_state():  # (an os._exit at import, a chdir: the rule's error, put back)
                    obj, spec = rule_guard.limited(partial(_load_rule, entry, origin), rule_guard.DEFAULT_RULE_TIMEOUT)
            except rule_guard.RuleTimedOut as exc:
                said = Message("rule.import_timed_out", {"seconds": fmt_seconds(exc.seconds)})
                found[entry.name] = Unavailable(entry.name, origin, said)
                continue
            except BaseException as exc:  # a broken plugin (even one calling sys.exit()) must not take the run down
                if rule_guard.stop_requested() is not None or isinstance(exc, KeyboardInterrupt):
                    raise
                found[entry.name] = Unavailable(entry.name, origin, plugin_error_text(exc))
                continue
            if spec.id in BUILTIN:
                found[spec.id] = Unavailable(spec.id, origin, Message("rule.id_clash", {}))
                continue
            if spec.id != entry.name:
                said = Message("rule.entry_point_mismatch", {"name": entry.name, "id": spec.id})
                found[entry.name] = Unavailable(entry.name, origin, said)
                continue
            found[spec.id] = _with_messages(spec, obj)
        _plugins = found
    return _plugins


def _with_messages(spec: RuleSpec, obj: object) -> RuleSpec | Unavailable:
    """The rule, once its sentences are added (all or none of them: only a rule that will be used adds them),
    or why it cannot be used. Reading MESSAGES runs the plugin's code (a mapping of its own may loop, raise or
    exit): under the time limit, as its import is."""
    try:
        with kept_process_state():
            rule_guard.limited(
                lambda: messages.register(getattr(obj, "MESSAGES", None) or {}), rule_guard.DEFAULT_RULE_TIMEOUT
            )
    except messages.MessageConflict as exc:
        return Unavailable(
            spec.id, spec.origin, Message("rule.message_clash", {"rule": spec.id, "message": exc.message_id})
        )
    except rule_guard.RuleTimedOut as exc:
        return Unavailable(
            spec.id, spec.origin, Message("rule.messages_timed_out", {"seconds": fmt_seconds(exc.seconds)})
        )
    except BaseException as exc:  # MESSAGES of the wrong shape, an entry without both languages, a SystemExit
        if rule_guard.stop_requested() is not None:
            raise
        return Unavailable(spec.id, spec.origin, plugin_error_text(exc))
    return spec


def plugin_error_text(exc: BaseException) -> str:
    """An exception of a plugin's as one line, got under the time limit (its ``__str__`` may never return);
    its type alone when its text cannot be had."""
    try:
        return rule_guard.limited(lambda: _one_line(exc), rule_guard.DEFAULT_RULE_TIMEOUT)
    except BaseException:
        if rule_guard.stop_requested() is not None:
            raise
        return _text_of_type(exc)


def _text_of_type(exc: BaseException) -> str:
    name = getattr(type(exc), "__qualname__", "exception")
    return f"{name} (its text could not be shown)" if isinstance(name, str) else "exception"


def _load_rule(entry: metadata.EntryPoint, origin: str) -> tuple[object, RuleSpec]:
    obj = _load_installed(entry)
    return obj, RuleSpec.from_object(obj, origin)


def _one_line(exc: BaseException) -> str:
    try:
        return f"{type(exc).__name__}: {exc}"
    except Exception:  # its text cannot be had: its type must do
        return type(exc).__name__


def _load_installed(entry: metadata.EntryPoint) -> object:
    """Import an entry point's module with the working directory off ``sys.path``.

    ``python -m ovop_assess`` puts the working directory first on the path, so
    a local folder named like a plugin's package would otherwise be imported
    in its place.
    """
    saved = sys.path[:]
    cwd = os.getcwd()
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and os.path.abspath(p) != cwd]
    try:
        return entry.load()
    finally:
        sys.path[:] = saved


def _entry_points() -> list[metadata.EntryPoint]:
    """Entry points of installed distributions, never of the working directory.

    ``python -m`` puts the working directory first on ``sys.path``; a
    ``*.dist-info`` folder lying there must not inject code into a run.
    """
    cwd = os.getcwd()
    paths = [p for p in sys.path if p not in ("", ".") and os.path.abspath(p) != cwd]
    found: dict[str, metadata.EntryPoint] = {}
    for dist in metadata.distributions(path=paths):
        for entry in dist.entry_points:
            if entry.group == ENTRY_POINT_GROUP:
                found.setdefault(f"{entry.name}\0{entry.value}", entry)
    return sorted(found.values(), key=lambda e: (e.name, e.value))


def lookup(rule_id: str) -> RuleSpec | Unavailable | None:
    if rule_id in BUILTIN:
        return BUILTIN[rule_id]
    return plugins().get(rule_id)


def known_ids() -> list[str]:
    return [*BUILTIN, *sorted(i for i in plugins() if i not in BUILTIN)]


def registry_title(rule_id: str, lang: str) -> str:
    """A rule's title in ``lang``, or its id when it could not be loaded."""
    spec = lookup(rule_id)
    if isinstance(spec, RuleSpec):
        return spec.title.get(lang) or spec.title.get("en", rule_id)
    return rule_id
