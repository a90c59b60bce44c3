"""The checks across fields of a region file, on its loaded data: what no single field's type can say.

Firm names unique and mentors naming a champion, codes YAML 1.2 tools would
read as numbers, the region code's shape against its level, the region's
code and names against the official area table (:mod:`.area_check`), rule
ids of waivers and verification entries against the criteria set, and
evidence keys no rule asks for. Each problem is an error or a warning with
its line; they run on the raw data, so they are reported together with
pydantic's errors (:mod:`.validate`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from .area_check import area_warnings
from .messages import CATALOGUE, level_word
from .region import AREA_CODE_PATTERN, LEVELS, code_level
from .results import Finding, Location, Message, UnknownEvidenceKey
from .yaml_source import PathKey, Positions
from .yaml_source import clip as _clip

if TYPE_CHECKING:
    from .validate import RuleIds

_CODE = re.compile(AREA_CODE_PATTERN)


def cross_checks(
    data: dict[str, Any],
    positions: Positions,
    rules: RuleIds,
    errors: list[Finding],
    warnings: list[Finding],
    dropped: Collection[PathKey] = (),
) -> None:
    """Every check across fields, appending to ``errors`` and ``warnings``; ``dropped``: the values the loader
    (or a spreadsheet's reader) refused and said why, about which nothing more is said."""
    check_firms(data.get("firms"), positions, errors, warnings, dropped)
    _check_unquoted_codes(data, positions, warnings)
    _check_dotted_thousands(data, positions, errors)
    _check_code(data.get("region"), positions, errors, warnings)
    warnings.extend(area_warnings(data.get("region"), positions))
    _check_waivers(data.get("waivers"), positions, rules, errors, warnings)
    _check_verification(data.get("verification"), positions, rules, errors, warnings)


def unknown_evidence(evidence: Any, positions: Positions, rules: RuleIds) -> tuple[UnknownEvidenceKey, ...]:
    """The ``evidence`` keys no rule of the set asks for (possible typos), each with its warning."""
    if not isinstance(evidence, dict):
        return ()
    return tuple(
        UnknownEvidenceKey(str(key), Finding(_evidence_key_message(str(key), rules), positions.key(("evidence", key))))
        for key in evidence
        if key not in rules.evidence_keys
    )


def _evidence_key_message(key: str, rules: RuleIds) -> Message:
    """Not a document of the set; "did you mean 'access_map'?" when one is spelled nearly the same."""
    close = difflib.get_close_matches(key, sorted(rules.evidence_keys), n=1, cutoff=0.6)
    if close:
        values = {"key": _clip(key), "set": rules.set_id, "suggestion": close[0]}
        return Message("warn.evidence_unknown_key_suggest", values)
    return Message("warn.evidence_unknown_key", {"key": _clip(key), "set": rules.set_id})


_NUMBER_LIKE = re.compile(r"^[0-9]+$")


def _check_unquoted_codes(data: dict[str, Any], positions: Positions, warnings: list[Finding]) -> None:
    """Codes written without quotes that YAML 1.1 happens to keep as text.

    ``nib: 0123456789012`` is text to this tool (YAML 1.1 has no octal with
    8 or 9), but YAML 1.2 tools — editors using the exported JSON Schema —
    read a number and drop the zero. Quoting it makes every reader agree.
    """
    found: list[tuple[PathKey, Any]] = [
        (path, value_at(data, path)) for path in (("region", "code"), ("product", "kbli"))
    ]
    firms = data.get("firms")
    # (each firm's nib read where it is: a file has thousands of firms; a spreadsheet's are the reader's to check)
    if isinstance(firms, list) and positions.spelled_in_yaml(("firms",)):
        found += [
            (("firms", i, "nib"), firm["nib"])
            for i, firm in enumerate(firms)
            if isinstance(firm, dict) and "nib" in firm
        ]
    for path, value in found:
        if isinstance(value, str) and _plain_stays_text(value) and positions.unquoted(path):
            warnings.append(Finding(Message("warn.unquoted_code", {"value": _clip(value)}), positions.value(path)))


def _plain_stays_text(value: str) -> bool:
    """Whether YAML 1.1 reads this digits-and-dots value, written without quotes, as text.

    Only such values can be unquoted and still reach here as text (a leading 0
    with an 8 or 9 is no octal), and YAML 1.2 reads them as a decimal number
    that drops the zero; every other one was quoted, or is text to every
    reader, so the node tree need not be consulted.
    """
    # (the cheap tests first: this is asked of every firm's NIB, and most start with 1 to 9). A code with two
    # dots or more (33.72.03.1009) is text to every YAML reader, 1.1 or 1.2: nothing to warn about.
    if "." in value:
        return False
    return (
        value[:1] == "0" and len(value) > 1 and ("8" in value or "9" in value) and _NUMBER_LIKE.match(value) is not None
    )


DOTTED_THOUSANDS = re.compile(r"\+?0*[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
"""A decimal as a region file may not write it unquoted: read as thousands grouped by dots (``1.500``)."""
QUANTITY_PATHS = (("access", "nearest_stop_m"), ("firms", "*", "monthly_capacity"))
"""Every field a decimal may be written in (``region.Quantity``): the others are whole numbers, which a
value with a decimal point fails anyway, with its own hint (``value_hints``)."""


def _check_dotted_thousands(data: dict[str, Any], positions: Positions, errors: list[Finding]) -> None:
    """A decimal written as Indonesian writing groups thousands: ``nearest_stop_m: 1.200``.

    YAML reads 1.2, a stop 1.2 m away, where the office meant 1,200 m: the
    verdict of C8 turns on it, so such a value is an error naming both
    readings, never a guess (the tool's own reading: three decimals after
    a dot are taken as a thousands group; a capacity or a distance in metres
    hardly has them, and ``1.2340`` still says 1.234 if that is meant).
    """
    found: list[tuple[PathKey, Any]] = [(QUANTITY_PATHS[0], value_at(data, QUANTITY_PATHS[0]))]
    firms = data.get("firms")
    # (a float is rare: a capacity is usually whole, and only those are looked at; a spreadsheet's cells are the
    # reader's to check: sheet.thousands_separator)
    if isinstance(firms, list) and positions.spelled_in_yaml(("firms",)):
        found += [
            (("firms", i, "monthly_capacity"), firm["monthly_capacity"])
            for i, firm in enumerate(firms)
            if isinstance(firm, dict) and isinstance(firm.get("monthly_capacity"), float)
        ]
    for path, value in found:
        written = positions.text(path) if isinstance(value, float) else None
        raw = written.strip() if written is not None else ""
        if DOTTED_THOUSANDS.fullmatch(raw) and positions.unquoted(path):
            decimal = repr(value)
            bare = raw.lstrip("+0")
            values = {"raw": raw, "decimal": decimal, "plain": bare.replace(".", ""), "other": bare + "0"}
            if decimal != bare:  # 1.200: the decimal is written shorter, 1.2
                values["other"] = decimal
            errors.append(Finding(Message("schema.dotted_thousands", values), positions.value(path)))


ABSENT = object()


def value_at(data: Any, path: PathKey, absent: Any = None) -> Any:
    """The value at ``path``, or ``absent`` when there is none."""
    for part in path:
        inside = (isinstance(part, str) and isinstance(data, dict) and part in data) or (
            isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)
        )
        if not inside:
            return absent
        data = data[part]
    return data


def check_firms(
    firms: Any, positions: Positions, errors: list[Finding], warnings: list[Finding], dropped: Collection[PathKey] = ()
) -> None:
    """Firm names unique, and each mentee's mentor a champion of the file (also run on a firm sheet's firms);
    a mentor the reader refused (a formula without its result, a refused tag) already has its error."""
    if not isinstance(firms, list):
        return
    entries = [(i, f) for i, f in enumerate(firms) if isinstance(f, dict)]
    first_seen: dict[str, int] = {}
    # Names as a person reads them (case, spaces, invisible characters, an accent typed either way): "Batik
    # Sekar" and "batik sekar", or "Batik\u00a0Sekar", one firm written twice?
    alike: dict[str, str] = {}
    for i, firm in entries:
        name = firm.get("name")
        if not isinstance(name, str):
            continue
        path = ("firms", i, "name")
        other = alike.setdefault(_name_key(name), name)
        if other != name and name not in first_seen:
            key = "check.firm_case_only" if other.casefold() == name.casefold() else "check.firm_spaces_only"
            warnings.append(Finding(Message(key, {"name": _clip(name), "other": _clip(other)}), positions.value(path)))
        if name in first_seen:
            first = positions.value(("firms", first_seen[name], "name"))
            if first.cell is not None:  # a firm of a spreadsheet: its row, not the region file's firms: line
                said = Message("sheet.duplicate_firm", {"name": _clip(name), "cell": first.cell})
            else:
                said = Message("check.duplicate_firm", {"name": _clip(name), "first_line": first.line or 0})
            errors.append(Finding(said, positions.value(path)))
        else:
            first_seen[name] = i  # its line is looked up only if a duplicate turns up
    # A champion's name or a role the reader refused (a formula without its result) leaves the champions unknown:
    # no mentor is judged against them, the refused cell's own error says what to fix first.
    if any(len(path) == 3 and path[0] == "firms" and path[2] in ("name", "role") for path in dropped):
        return
    champions = [f.get("name") for _, f in entries if f.get("role") == "champion" and isinstance(f.get("name"), str)]
    champion_set = set(champions)  # thousands of mentees against thousands of champions stay cheap
    by_case: dict[str, str] | None = None  # champions by their name without case, built at the first need
    close_names: dict[str, str | None] = {}
    for i, firm in entries:
        mentor = firm.get("mentor")
        role = firm.get("role")
        if role != "mentee":
            if mentor is not None and role in ("champion", "member"):  # (a role in error has its own message)
                warnings.append(
                    Finding(
                        Message("warn.mentor_ignored", {"role": _role_word(role)}),
                        positions.value(("firms", i, "mentor")),
                    )
                )
            continue
        if isinstance(mentor, str):
            if mentor in champion_set:
                continue
            if by_case is None:  # the first champion of a name wins
                by_case = {_name_key(str(name)): str(name) for name in reversed(champions)}
            like = by_case.get(_name_key(mentor))
            if like is not None and like.casefold() == mentor.casefold():
                said = Message("check.mentor_case", {"mentor": _clip(mentor), "champion": _clip(like)})
            elif like is not None and plain_name(mentor) and not plain_name(like):  # the champion's name holds them
                at = positions.value(("firms", first_seen[like], "name"))
                spot: dict[str, Any] = {"cell": at.cell} if at.cell else {"line": at.line}
                place = Message("ui.at_cell" if at.cell else "ui.at_line", spot)
                named_values: dict[str, Any] = {"mentor": _clip(mentor), "champion": _clip(like), "where": place}
                said = Message("check.champion_spaces", named_values)
            elif like is not None:  # the same but for its spaces: a no-break space copied from the web or a chat
                said = Message("check.mentor_spaces", {"mentor": _clip(mentor), "champion": _clip(like)})
            elif (named := first_seen.get(mentor)) is not None and firms[named].get("role") in ("mentee", "member"):
                said = _mentor_not_champion(mentor, named, firms[named]["role"], champions, positions)
            else:
                said = _mentor_unknown(mentor, champions, close_names)
            errors.append(Finding(said, positions.value(("firms", i, "mentor"))))
        elif mentor is None and len(champions) >= 2 and ("firms", i, "mentor") not in dropped:
            # At the empty cell of the mentor's column in a sheet, named as the sheet names it (kolom Pembina);
            # in YAML at a `mentor:` written empty, else at the firm's entry.
            path = ("firms", i, "mentor")
            values = {"count": len(champions), "field": positions.field_name(path)}
            where = positions.value(path) if "mentor" in firm else positions.missing(path)
            errors.append(Finding(Message("check.mentor_required", values), where))


def _name_key(name: str) -> str:
    """A name as a person reads it: spaces of any kind as one, invisible characters (a zero-width space) gone,
    an accented letter typed as one character or as a letter and its accent alike (NFC), case aside."""
    if not name.isascii():  # (rare: only then is each character looked at)
        import unicodedata

        name = unicodedata.normalize("NFC", name)
        if not name.isprintable():
            name = "".join(char for char in name if unicodedata.category(char) != "Cf")
    return " ".join(name.split()).casefold()


def plain_name(name: str) -> bool:
    """Whether a name is written plainly: single plain spaces, nothing invisible, accents as one character. Two
    plain names read alike (:func:`_name_key`) only if they differ in case alone."""
    if not name.isprintable() or "  " in name:  # (a no-break or zero-width space is not printable)
        return False
    if name.isascii():
        return True
    import unicodedata

    return unicodedata.is_normalized("NFC", name)


_MOST_LOOKED_AT = 200
"""Champions a misspelt mentor is compared with for a close name (each comparison is difflib's work)."""
_LONGEST_LOOKED_AT = 80
"""A mentor's name longer than this is not compared (difflib's work grows with the square of its length)."""


def _champion_names(champions: list[Any]) -> str:
    return _clip(", ".join([*map(str, champions[:20]), *(["…"] if len(champions) > 20 else [])]), 200) or "—"


def _mentor_not_champion(mentor: str, named: int, role: str, champions: list[Any], positions: Positions) -> Message:
    """A mentor naming a firm of the list that is no champion: that firm's role, where it is written (its cell
    of the Peran column in a sheet, in the template's words for it; its line in YAML)."""
    path = ("firms", named, "role")
    where = positions.value(path)
    values: dict[str, Any] = {"mentor": _clip(mentor), "champions": _champion_names(champions)}
    if where.cell is not None:
        from .sheets.columns import PERAN

        return Message("sheet.mentor_not_champion", {**values, "role": PERAN[role], "cell": where.cell})
    line = positions.value(("firms", named, "name")).line  # (the firm's name: its role may be lines below)
    return Message("check.mentor_not_champion", {**values, "role": _role_word(role), "line": line or where.line or 0})


def _mentor_unknown(mentor: str, champions: list[Any], close_names: dict[str, str | None]) -> Message:
    """``close_names``: the close name found for each mentor already looked at (thousands of mentees name a
    few mentors), and at most a hundred looked at in one file: the hint is help, never the file's cost."""
    names = _champion_names(champions)
    if mentor not in close_names and len(close_names) < 100:
        close_names[mentor] = _close_name(mentor, champions)
    close = close_names.get(mentor)
    if close is not None:
        return Message("check.mentor_close", {"mentor": _clip(mentor), "champion": _clip(close)})
    return Message("check.mentor_unknown", {"mentor": _clip(mentor), "champions": names})


def _close_name(mentor: str, champions: list[Any]) -> str | None:
    if len(champions) <= _MOST_LOOKED_AT and len(mentor) <= _LONGEST_LOOKED_AT:
        import difflib

        close = difflib.get_close_matches(
            mentor, [str(name) for name in champions if len(str(name)) <= 2 * _LONGEST_LOOKED_AT], n=1, cutoff=0.8
        )
        if close and not _series_apart(close[0], mentor):
            return close[0]
    return None


def _series_apart(one: str, other: str) -> bool:
    """Whether two close names are two firms of a series, not a typo: they differ in their numbers (Gerabah 01,
    Gerabah 02), or only in a short last word (Batik Kauman A, Batik Kauman B; UD Jaya II)."""
    if [c for c in one if c.isdigit()] != [c for c in other if c.isdigit()]:
        return True
    return _stem(one) == _stem(other)


def _stem(name: str) -> list[str]:
    """A name's words without a short last one (A, B, II): what names in a series share."""
    words = name.casefold().split()
    return words[:-1] if words and len(words[-1]) <= 2 else words


def _role_word(role: str) -> Message | str:
    """A firm's role in the reader's language, when the catalogue has it (levels: :func:`level_word`)."""
    key = f"role.{role}"
    return Message(key, {}) if key in CATALOGUE else role


def _check_code(place: Any, positions: Positions, errors: list[Finding], warnings: list[Finding]) -> None:
    if not isinstance(place, dict):
        return
    code, level = place.get("code"), place.get("level")
    if not isinstance(code, str) or not _CODE.match(code) or level not in LEVELS:
        return
    village = code.count(".") == 3
    if level == "kecamatan" and village:
        errors.append(Finding(Message("check.code_kecamatan_shape", {"code": code}), _code_at(positions)))
    elif level != "kecamatan" and not village:
        said = Message("check.code_village_shape", {"code": code, "level": level_word(level)})
        errors.append(Finding(said, _code_at(positions)))
    elif village:
        kind = code_level(code)  # a kelurahan or a desa by the village part's first digit; None for another
        if kind is not None and kind != level:
            values = {"code": code, "kind": level_word(kind), "digit": code[-4], "level": level_word(level)}
            warnings.append(Finding(Message("warn.code_village_kind", values), _code_at(positions)))


def _code_at(positions: Positions) -> Location:
    # Looked up only for a finding: most codes agree with their level.
    return positions.value(("region", "code"))


def _check_waivers(
    waivers: Any, positions: Positions, rules: RuleIds, errors: list[Finding], warnings: list[Finding]
) -> None:
    if not isinstance(waivers, list):
        return
    for i, waiver in enumerate(waivers):
        rule = waiver.get("rule") if isinstance(waiver, dict) else None
        if not isinstance(rule, str):
            continue
        if rule not in rules.active:
            where = positions.value(("waivers", i, "rule"))
            said = ("warn.waiver_rule_unused", "check.waiver_unknown_rule")
            _check_rule_id(rule, where, rules, said, errors, warnings)


def _check_verification(
    entries: Any, positions: Positions, rules: RuleIds, errors: list[Finding], warnings: list[Finding]
) -> None:
    """Rule ids of ``verification[].criteria``, checked as a waiver's are (``all`` names every rule)."""
    if not isinstance(entries, list):
        return
    for i, entry in enumerate(entries):
        named = entry.get("criteria") if isinstance(entry, dict) else None
        if not isinstance(named, list):
            continue
        for j, rule in enumerate(named):
            if not isinstance(rule, str) or rule in rules.active:
                continue
            where = positions.value(("verification", i, "criteria", j))
            said = ("warn.verification_rule_unused", "check.verification_unknown_rule")
            _check_rule_id(rule, where, rules, said, errors, warnings)


def _check_rule_id(
    rule: str,
    where: Location,
    rules: RuleIds,
    said: tuple[str, str],
    errors: list[Finding],
    warnings: list[Finding],
) -> None:
    """A rule id the set does not run: a warning when the set knows it (disabled), else an error listing the known ids.

    ``said``: the message ids of the two cases, for the field that names the rule.
    """
    unused, unknown = said
    if rules.is_known(rule):
        warnings.append(Finding(Message(unused, {"rule": rule, "set": rules.set_id}), where))
    elif rules.is_known(rule.upper()):  # c6: known, written otherwise
        errors.append(Finding(Message("check.rule_capitals", {"rule": _clip(rule), "plain": rule.upper()}), where))
    else:
        known = ", ".join(rules.known_list())
        errors.append(Finding(Message(unknown, {"rule": _clip(rule), "known": known}), where))
