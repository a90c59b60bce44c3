"""Criteria sets: which rules apply, with which parameters, how they combine.

A set is a YAML file (see ``criteria/default.yaml``). ``extends`` names a
shipped set or another file (relative to the extending file); the child
starts from all of its parent's rules and overrides only what it names,
``params`` merging key by key. Shipped sets live inside the package, so
``--criteria routes`` works from any directory after ``pip install``.
Every problem is a :class:`~ovop_assess.errors.UsageError` naming the file,
the rule and the option.
"""

# No ``from __future__ import annotations`` here: NamedTuple (and pydantic) would compile each
# field's annotation from its text at start-up (6 µs each); written as objects, they are taken as they are.
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, Field, ValidationError

from . import rules as registry
from .errors import UsageError
from .results import Assurance, Finding, Location, Message, SetInfo
from .rules.base import RuleSpec, fmt_seconds
from .strict_model import StrictModel
from .yaml_source import Limits, Loaded, LoadError, Positions, load_file, parse_text

#: The version of a set whose file gives none (what JSON and JUnit say; documents for people word it).
UNVERSIONED = "unversioned"


SHIPPED_PACKAGE = "ovop_assess.criteria"


class Bilingual(StrictModel):
    en: str = Field(min_length=1)
    id: str = Field(min_length=1)


class EvidenceItem(StrictModel):
    key: str = Field(pattern=r"^[a-z0-9_]+$")
    title: Bilingual


class RuleEntry(StrictModel):
    params: dict[str, Any] | None = None
    required: bool | None = None
    group: str | None = None
    weight: float | None = Field(None, ge=0, allow_inf_nan=False)  # a score of inf or nan is no score
    enabled: bool | None = None
    evidence: list[EvidenceItem] | None = None
    add_evidence: list[EvidenceItem] | None = None


class SetFile(StrictModel):
    id: str = Field(min_length=1)
    title: Bilingual | None = None
    version: str | None = None
    source: str | None = None
    description: Bilingual | None = None
    extends: str | None = None
    min_assurance: Literal["declared", "documented", "verified"] | None = None
    rules: dict[str, RuleEntry | None] = Field(default_factory=dict)


class ActiveRule(NamedTuple):
    id: str
    spec: RuleSpec | registry.Unavailable
    params: BaseModel | None
    required: bool
    group: str | None
    weight: float
    evidence: tuple[EvidenceItem, ...]


class CriteriaSet(NamedTuple):
    info: SetInfo
    rules: tuple[ActiveRule, ...]  # enabled rules only, in set order
    disabled: tuple[str, ...]
    origin: str  # "shipped:NAME" or the file path
    description: Mapping[str, str] | None = None  # what the set is for, shown by `rules`
    # Evidence key -> id of the switched-off rule that lists it (keys of enabled rules left out).
    disabled_evidence: Mapping[str, str] | None = None
    # The least assurance a passing criterion needs (docs/criteria.md, "Assurance"); None: declared is enough.
    min_assurance: Assurance | None = None
    # Every file read for the set, those it extends too (real paths; a shipped set is none): inputs of a run.
    files: tuple[str, ...] = ()

    def evidence_keys(self) -> set[str]:
        return {item.key for rule in self.rules for item in rule.evidence}


def shipped_names() -> list[str]:
    folder = resources.files(SHIPPED_PACKAGE)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load(name_or_path: str, limits: Limits | None = None) -> CriteriaSet:
    """Load a shipped set by name, or a set file by path, and resolve its ``extends`` chain."""
    limits = limits or Limits()
    chain = _chain(name_or_path, None, limits, [])
    return _resolve(chain)


class _Layer(NamedTuple):
    label: str
    file: SetFile
    positions: Positions


def _is_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))


#: The longest ``extends`` chain followed: real sets extend one or two others; more is a mistake or an attack.
MAX_EXTENDS = 16


def _chain(ref: str, base: Path | None, limits: Limits, seen: list[str]) -> list[_Layer]:
    if len(seen) > MAX_EXTENDS:
        raise UsageError(Message("usage.extends_too_deep", {"limit": MAX_EXTENDS}), file=seen[-1])
    label, loaded, folder = _open(ref, base, limits, seen[-1] if seen else None)
    if label in seen:
        cycle = " -> ".join([*seen[seen.index(label) :], label])
        raise UsageError(Message("usage.extends_cycle", {"cycle": cycle}), file=seen[-1])
    layer = _parse(label, loaded)
    parents = _chain(layer.file.extends, folder, limits, [*seen, label]) if layer.file.extends is not None else []
    return [*parents, layer]


def _open(ref: str, base: Path | None, limits: Limits, child: str | None) -> tuple[str, Loaded, Path | None]:
    candidate = (base / ref) if base is not None and not Path(ref).is_absolute() else Path(ref)
    as_file = _is_path(ref) or (ref not in shipped_names() and candidate.is_file())
    if as_file:
        try:
            # realpath, not resolve(): a symlink loop is left for load_file to report (ELOOP), never a RuntimeError.
            real = Path(os.path.realpath(candidate))
            return str(real), load_file(candidate, limits, region=False), real.parent
        except LoadError as exc:
            if child is not None and _absent(candidate):
                raise UsageError(Message("usage.extends_not_found", {"ref": ref}), file=child) from None
            finding = exc.findings[0]
            raise UsageError(
                Message("usage.set_unreadable", {"detail": finding.message}),
                file=str(candidate),
                location=finding.location,
            ) from None
    if ref in shipped_names():
        text = resources.files(SHIPPED_PACKAGE).joinpath(f"{ref}.yaml").read_text(encoding="utf-8")
        return f"shipped:{ref}", parse_text(text, limits), None
    if child is not None:
        raise UsageError(Message("usage.extends_not_found", {"ref": ref}), file=child)
    raise UsageError(Message("usage.unknown_set", {"name": ref, "shipped": ", ".join(shipped_names())}))


def _absent(path: Path) -> bool:
    """Whether nothing is at ``path`` (a dangling link included): asked once reading it has failed."""
    try:
        path.stat()
    except FileNotFoundError:
        return True
    except (OSError, ValueError):  # there, but unreadable; or a name the file system cannot hold
        return False
    return False


def _parse(label: str, loaded: Loaded) -> _Layer:
    if loaded.problems:
        raise _failed(
            label,
            [
                Finding(
                    Message(
                        "usage.set_invalid",
                        {"path": problem.location.path if problem.location else "", "detail": problem.message},
                    ),
                    problem.location,
                )
                for problem in loaded.problems
            ],
        )
    try:
        file = SetFile.model_validate(loaded.data)
    except ValidationError as exc:
        raise _failed(
            label, [_set_error(error, loaded.positions) for error in exc.errors(include_input=False)]
        ) from None
    return _Layer(label, file, loaded.positions)


def _failed(label: str, problems: list[Finding]) -> UsageError:
    """The set cannot be used: its one problem, or how many there are with each on its own line (as an
    invalid region file's are listed), so that one run shows every fix to make."""
    if len(problems) == 1:
        [only] = problems
        return UsageError(only.message, file=label, location=only.location)
    in_order = sorted(problems, key=lambda problem: (problem.location and problem.location.line) or 0)
    unplaced = tuple(
        Finding(problem.message, problem.location._replace(path="") if problem.location else None)
        for problem in in_order
    )  # (the message names the rule and the option: the field path beside it would say it twice)
    return UsageError(Message("usage.set_problems", {"count": len(problems)}), file=label, details=unplaced)


def _set_error(error: Any, positions: Positions) -> Finding:
    """A set file's schema error, naming the rule and the option when it is about one."""
    from .schema_errors import translate  # (the wording of pydantic's errors: loaded for a set that has one)

    finding = translate(error, positions, root=SetFile)
    loc = tuple(error["loc"])
    if len(loc) >= 3 and loc[0] == "rules":
        option = ".".join(str(p) for p in loc[2:])
        message = Message("usage.bad_option", {"rule": loc[1], "option": option, "detail": finding.message})
    else:
        path = finding.location.path if finding.location else ""
        message = Message("usage.set_invalid", {"path": path or "—", "detail": finding.message})
    return Finding(message, finding.location)


def _resolve(chain: list[_Layer]) -> CriteriaSet:
    merged: dict[str, dict[str, Any]] = {}
    where: dict[str, tuple[_Layer, Location]] = {}
    params_from: dict[str, _Layer] = {}
    problems: list[tuple[str, Finding]] = []  # (the file, the problem): every one said, not the first alone
    for layer in chain:
        file = layer.file
        for rule_id, entry in file.rules.items():
            current = merged.setdefault(
                rule_id,
                {"params": {}, "required": True, "group": None, "weight": 1.0, "enabled": True, "evidence": []},
            )
            where[rule_id] = (layer, layer.positions.key(("rules", rule_id)))
            if entry is None:
                continue
            given = entry.model_fields_set
            if entry.params:
                current["params"] = {**current["params"], **entry.params}
                params_from[rule_id] = layer
            for option in ("required", "group", "weight", "enabled"):
                if option in given:
                    current[option] = getattr(entry, option)
            if entry.evidence is not None:
                current["evidence"] = list(entry.evidence)
            if entry.add_evidence:
                current["evidence"] = [*current["evidence"], *entry.add_evidence]
            keys = [item.key for item in current["evidence"]]
            twice = sorted({key for key in keys if keys.count(key) > 1})
            if twice:
                said = Message("usage.duplicate_evidence", {"rule": rule_id, "keys": ", ".join(twice)})
                problems.append((layer.label, Finding(said, layer.positions.key(("rules", rule_id)))))

    active: list[ActiveRule] = []
    disabled: list[str] = []
    disabled_evidence: dict[str, str] = {}
    for rule_id, config in merged.items():
        layer, location = where[rule_id]
        if not config["enabled"]:
            disabled.append(rule_id)
            for item in config["evidence"]:
                disabled_evidence.setdefault(item.key, rule_id)
            continue
        spec = registry.lookup(rule_id)
        if spec is None:
            upper = rule_id.upper()  # c6: the rule is known, written otherwise
            said = (
                Message("usage.rule_capitals", {"rule": rule_id, "plain": upper})
                if registry.lookup(upper) is not None
                else Message("usage.unknown_rule", {"rule": rule_id, "known": ", ".join(registry.known_ids())})
            )
            problems.append((layer.label, Finding(said, location)))
            continue
        params: BaseModel | None = None
        if isinstance(spec, RuleSpec):
            try:
                checked = _params(spec, config["params"])
            except ValidationError as exc:
                from .schema_errors import translate

                source = params_from.get(rule_id, layer)
                for error in exc.errors(include_input=False):
                    name = ".".join(str(p) for p in error["loc"]) or "params"
                    found = translate(error, source.positions, root=spec.params, prefix=("rules", rule_id, "params"))
                    said = Message("usage.bad_param", {"rule": rule_id, "param": name, "detail": found.message})
                    problems.append((source.label, Finding(said, found.location)))
                continue
            if isinstance(checked, registry.Unavailable):
                spec = checked  # a plugin's own validator failed: that rule's error on every file, as a failed import
            else:
                params = checked
        active.append(
            ActiveRule(
                id=rule_id,
                spec=spec,
                params=params,
                required=bool(config["required"]),
                group=config["group"],
                weight=float(1.0 if config["weight"] is None else config["weight"]),
                evidence=tuple(config["evidence"]),
            )
        )
    if problems:  # those of the first file that has any (a set and the one it extends: seldom both)
        first = problems[0][0]
        raise _failed(first, [problem for label, problem in problems if label == first])
    own = chain[-1].file  # title, version and source describe this set, not the one it extends
    if not active:
        raise UsageError(Message("usage.no_rules", {"set": own.id}), file=chain[-1].label)
    if not any(rule.required or rule.group for rule in active):
        # Advisory rules alone decide nothing: every file, even an untouched template, would be eligible.
        raise UsageError(Message("usage.nothing_required", {"set": own.id}), file=chain[-1].label)
    set_info = SetInfo(
        id=own.id,
        version=own.version or UNVERSIONED,
        title={"en": own.title.en, "id": own.title.id} if own.title else {"en": own.id, "id": own.id},
        source=own.source,
        rules=tuple(rule.id for rule in active),
    )
    description = {"en": own.description.en, "id": own.description.id} if own.description else None
    enabled_keys = {item.key for rule in active for item in rule.evidence}
    switched_off = {key: rule for key, rule in disabled_evidence.items() if key not in enabled_keys}
    # The nearest set in the chain that names a bar sets it.
    bar = next((layer.file.min_assurance for layer in reversed(chain) if layer.file.min_assurance), None)
    return CriteriaSet(
        set_info,
        tuple(active),
        tuple(disabled),
        chain[-1].label,
        description,
        switched_off,
        Assurance(bar) if bar is not None else None,
        tuple(layer.label for layer in chain if not layer.label.startswith("shipped:")),
    )


def with_min_assurance(criteria: CriteriaSet, level: str | None) -> CriteriaSet:
    """The set with the bar given on the command line, which wins over the set's own; None keeps the set's."""
    return criteria if level is None else criteria._replace(min_assurance=Assurance(level))


def _params(spec: RuleSpec, raw: Any) -> BaseModel | registry.Unavailable:
    """A rule's parameters validated; a plugin's validators run its code (which may loop, raise anything or
    exit): under the rule time limit, and what goes wrong there other than a ValidationError makes the rule
    unavailable, never the run's end."""
    if spec.origin == "built-in":
        return spec.params.model_validate(raw)
    from . import rule_guard
    from .plugin_sandbox import kept_process_state

    try:
        with kept_process_state():
            return rule_guard.limited(lambda: spec.params.model_validate(raw), rule_guard.DEFAULT_RULE_TIMEOUT)
    except ValidationError:
        raise
    except rule_guard.RuleTimedOut as exc:
        said = Message("rule.params_timed_out", {"seconds": fmt_seconds(exc.seconds)})
        return registry.Unavailable(spec.id, spec.origin, said)
    except BaseException as exc:
        if rule_guard.stop_requested() is not None:
            raise
        said = Message("rule.params_failed", {"error": registry.plugin_error_text(exc)})
        return registry.Unavailable(spec.id, spec.origin, said)
