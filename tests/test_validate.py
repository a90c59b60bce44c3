"""Validation: pydantic errors and cross-field checks as findings with lines, all at once, in plain words."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from ovop_assess.messages import CATALOGUE, render
from ovop_assess.region import Region
from ovop_assess.results import Finding, Location
from ovop_assess.schema_errors import translate
from ovop_assess.validate import MAX_ERRORS, RuleIds, Validated, validate
from ovop_assess.yaml_source import Limits, Positions, parse_text

KNOWN = ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "X1"]
RULES = RuleIds(
    set_id="test",
    active={"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"},
    is_known=lambda rule: rule in KNOWN,
    known_list=lambda: list(KNOWN),
    evidence_keys={"champion_letter", "firm_list"},
)

HEAD = """\
format: ovop-region/1
region:
  name: Kauman
  level: kelurahan
  city: Kota Surakarta
  province: Jawa Tengah
"""  # 6 lines: what follows starts on line 7

RAW_WORDS = ("Input should", "validation error", "Field required", "Extra inputs", "pydantic", "type=")


def check(text: str, max_errors: int = MAX_ERRORS) -> Validated:
    result = validate(parse_text(text, Limits()), RULES, max_errors=max_errors)
    for finding in (*result.errors, *result.warnings):
        assert finding.message.id in CATALOGUE, finding
        for lang in ("en", "id"):
            shown = render(finding.message, lang)
            assert shown != finding.message.id
            assert not any(word in shown for word in RAW_WORDS), shown
    return result


def errors(text: str) -> list[tuple[int | None, str, str]]:
    """(line, path, message id) of each error, in report order."""
    return [(f.location.line, f.location.path, f.message.id) for f in check(text).errors if f.location]


def only(text: str) -> Finding:
    result = check(text)
    assert len(result.errors) == 1, result.errors
    return result.errors[0]


def en(finding: Finding) -> str:
    return render(finding.message, "en")


# --- valid files -------------------------------------------------------------------------------


def test_valid_file_gives_a_region() -> None:
    result = check(HEAD + "firms:\n  - {name: A, role: champion}\n  - {name: B, role: mentee}\n")
    assert result.errors == ()
    assert result.region is not None
    assert result.region.region.name == "Kauman"
    assert [f.name for f in result.region.firms or ()] == ["A", "B"]


def test_top_level_must_be_a_mapping() -> None:
    for text, line in (("- a\n- b\n", 1), ("# c\njust text\n", 2), ("# c\n\n[1, 2]\n", 3)):
        result = check(text)
        assert result.region is None
        assert [(f.message.id, f.location) for f in result.errors] == [
            ("schema.top_not_mapping", Location("", line, 1))
        ]


# --- pydantic errors, translated --------------------------------------------------------------------


def test_missing_fields_point_at_the_mapping_that_lacks_them() -> None:
    text = "# header\nregion:\n  level: desa\n  city: C\n  province: P\nfirms:\n  - role: champion\n"
    result = check(text)
    got = [(f.location, f.message.values) for f in result.errors if f.location]
    assert got == [
        (Location("format", 2, 1), {"field": "format"}),
        (Location("region.name", 3, 3), {"field": "name"}),
        (Location("firms[0].name", 7, 5), {"field": "name"}),
    ]
    assert en(result.errors[0]) == "required field 'format' is missing"


@pytest.mark.parametrize(
    ("fragment", "path", "message_id", "text"),
    [
        ("  proposal_year: '2012'\n", "region.proposal_year", "schema.hint_quoted_number", "remove the quotes"),
        ("  proposal_year: 2012.5\n", "region.proposal_year", "schema.expected_int", "expected a whole number"),
        ("  proposal_year: 1899\n", "region.proposal_year", "schema.too_small", "must be at least 1900"),
        ("  proposal_year: 2101\n", "region.proposal_year", "schema.too_big", "must be at most 2100"),
        ("  district: [a, b]\n", "region.district", "schema.expected_text", "expected text"),
        ("  code: '33-72-03'\n", "region.code", "schema.code_format", "PP.KK.CC"),
        # The code it is, without its dots or with spaces around it, as `area` and `init --code` take it.
        ("  code: '3372031009'\n", "region.code", "schema.code_write", 'write "33.72.03.1009" (not "3372031009")'),
        ("  code: ' 33.72.03.1009 '\n", "region.code", "schema.code_write", 'write "33.72.03.1009"'),
        ("  code: '337203'\n", "region.code", "schema.code_format", "PP.KK.CC"),  # a kecamatan's, for a kelurahan
        ("  code: '0033720310'\n", "region.code", "schema.code_format", "PP.KK.CC"),  # no code the table has
        ("  code: '33.72.3.1009'\n", "region.code", "schema.code_format", "PP.KK.CC"),  # which part lost a 0?
        ("  level: town\n", "region.level", "schema.one_of", "must be one of: desa, kelurahan, kecamatan"),
    ],
)
def test_region_field_errors(fragment: str, path: str, message_id: str, text: str) -> None:
    source = HEAD.replace("  level: kelurahan\n", "") if "level:" in fragment else HEAD
    finding = only(source + fragment)
    assert finding.location is not None and finding.location.path == path
    assert finding.message.id == message_id
    assert text in en(finding)


def test_firm_field_errors_with_lines_and_columns() -> None:
    text = HEAD + (
        "firms:\n"
        "  - name: A\n"
        "    role: champion\n"
        "    workers: -1\n"
        "    monthly_capacity: -0.5\n"
        "    willing_to_lead: 'true'\n"
        "    nib: '123'\n"
        "  - {name: B, role: boss}\n"
    )
    result = check(text)
    got = [(f.location, f.message.id) for f in result.errors if f.location]
    assert got == [
        (Location("firms[0].workers", 10, 14), "schema.too_small"),
        (Location("firms[0].monthly_capacity", 11, 23), "schema.too_small"),
        (Location("firms[0].willing_to_lead", 12, 22), "schema.expected_bool"),
        (Location("firms[0].nib", 13, 10), "schema.nib_length_quoted"),
        (Location("firms[1].role", 14, 21), "schema.one_of"),
    ]
    # 0, not 0.0: limits read as the analyst wrote them.
    assert en(result.errors[1]) == "must be at least 0"


def test_inf_and_nan_are_not_quantities() -> None:
    finding = only(HEAD + "access: {nearest_stop_m: .inf}\n")
    assert finding.message.id == "schema.finite_number"
    assert finding.location == Location("access.nearest_stop_m", 7, 26)


def test_wrong_shapes() -> None:
    text = HEAD + "firms: {name: A}\nproduct: [batik]\naccess:\n  public_transport: bus\nevidence: [a]\n"
    assert errors(text) == [
        (7, "firms", "schema.expected_list"),
        (8, "product", "schema.expected_mapping"),
        (10, "access.public_transport", "schema.hint_list"),
        (11, "evidence", "schema.expected_mapping"),
    ]


# --- YAML 1.1 hints ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [("NO", "true/false"), ("yes", "true/false"), ("on", "true/false"), ("Off", "true/false"), ("y", None)],
)
def test_yaml_1_1_booleans_as_firm_names(value: str, kind: str | None) -> None:
    result = check(HEAD + f"firms:\n  - name: {value}\n    role: champion\n")
    if kind is None:  # `y` is text for PyYAML (YAML 1.1 resolvers only take the long forms)
        assert result.errors == ()
        return
    finding = result.errors[0]
    assert finding.message.id == "schema.expected_text_quote"
    assert finding.location == Location("firms[0].name", 8, 11)
    assert en(finding) == (
        f'expected text, but YAML reads the unquoted {value} as {kind}; write it in quotes: "{value}"'
    )
    assert "tulis dalam tanda kutip" in render(finding.message, "id")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("  name: 2012-01-01\n", "a date"),
        ("  name: 1945\n", "a number"),
        ("  name: 0o17\n", None),
        ("  name: 3.5\n", "a number"),
        ("  name: 1_000\n", "a number"),
    ],
)
def test_yaml_1_1_numbers_and_dates_where_text_is_expected(line: str, kind: str | None) -> None:
    text = HEAD.replace("  name: Kauman\n", line)
    result = check(text)
    raw = line.split(": ", 1)[1].strip()
    if kind is None:  # not a YAML 1.1 number: plain text, fine
        assert result.errors == ()
        return
    assert [f.message.id for f in result.errors] == ["schema.expected_text_quote"]
    assert f"the unquoted {raw} as {kind}" in en(result.errors[0])


def test_yaml_1_1_numbers_are_one_error_each() -> None:
    """The loader refuses the number; pydantic adds nothing about the value left out."""
    text = HEAD.replace("  name: Kauman\n", "  name: 0x1F\n") + (
        "firms:\n  - {name: A, role: champion, workers: 010, monthly_capacity: 1:30, nib: 0123}\n"
    )
    result = check(text)
    assert [(f.message.id, f.location.path if f.location else None) for f in result.errors] == [
        ("yaml.based_number", "region.name"),
        ("yaml.octal_number", "firms[0].workers"),
        ("yaml.base60_number", "firms[0].monthly_capacity"),
        ("yaml.octal_code", "firms[0].nib"),
    ]
    assert en(result.errors[3]) == (
        "YAML 1.1 reads the unquoted 0123 as the octal number 83; a code keeps its leading zero:"
        ' put it in quotes, "0123"'
    )
    assert en(result.errors[1]) == (
        "YAML 1.1 reads the unquoted 010 as the octal number 8; write 10 (no leading zero) or, if it is text, "
        "put it in quotes"
    )
    assert "bilangan oktal 8" in render(result.errors[1].message, "id")


def test_yaml_1_1_readings_in_choices_names_and_numbers_get_a_hint() -> None:
    text = HEAD.replace("  level: kelurahan\n", "  level: on\n") + (
        "firms:\n  - {name: NULL, role: champion, monthly_capacity: 0900}\n"
    )
    assert [en(f) for f in check(text).errors] == [
        "must be one of: desa, kelurahan, kecamatan; YAML reads the unquoted on as true/false: write it in quotes, "
        '"on", if that is what you mean',
        'expected text, but YAML reads the unquoted NULL as empty; write it in quotes: "NULL"',
        "expected a number; YAML reads the unquoted 0900 as text because of its leading zero: write 900",
    ]
    quoted = HEAD + "firms:\n  - {name: A, role: champion, monthly_capacity: '0900'}\n"
    assert [en(f) for f in check(quoted).errors] == ["expected a number"]  # quoted: text on purpose


def test_empty_value_where_text_is_required() -> None:
    text = HEAD.replace("  name: Kauman\n", "  name:\n").replace("  city: Kota Surakarta\n", "  city: ~\n")
    assert [(f.location, en(f)) for f in check(text).errors] == [
        (Location("region.name", 3, 8), "must not be empty or only spaces"),
        (Location("region.city", 5, 9), "must not be empty or only spaces"),
    ]


def test_text_of_spaces_alone_says_nothing_and_is_refused() -> None:
    # A waiver whose reason is " " must not waive; a firm named with spaces must not count.
    text = (
        HEAD.replace("  name: Kauman\n", '  name: "   "\n')
        + 'waivers:\n  - {rule: C7, reason: " \\t", approved_by: Tim}\n'
    )
    assert [(f.location.path if f.location else "", en(f)) for f in check(text).errors] == [
        ("region.name", "must not be empty or only spaces"),
        ("waivers[0].reason", "must not be empty or only spaces"),
    ]
    assert check(HEAD.replace("  name: Kauman\n", '  name: " Kauman "\n')).errors == ()  # spaces around: fine
    for invisible in ("\\u200b", "\\ufeff", "\\u2800", "\\u3164", "\\u200e \\u2060"):  # shows nothing either
        reason = HEAD + f'waivers:\n  - {{rule: C7, reason: "{invisible}", approved_by: Tim}}\n'
        assert [f.location.path for f in check(reason).errors if f.location] == ["waivers[0].reason"], invisible


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("code", '"\u0663\u0663.72.03.1009"'),  # Arabic-Indic digits
        ("nib", '"\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0661\u0660\u0661"'),
        ("kbli", '"\uff11\uff13\uff11\uff13\uff14"'),  # full-width digits
    ],
)
def test_codes_take_ascii_digits_only(field: str, value: str) -> None:
    """As the exported JSON Schema says: a "digit" in a code is 0-9, not any script's digit."""
    if field == "code":
        text = HEAD.replace("  level: kelurahan\n", f"  level: kelurahan\n  code: {value}\n")
    elif field == "nib":
        text = HEAD + f"firms:\n  - {{name: A, role: champion, nib: {value}}}\n"
    else:
        text = HEAD + f"product: {{name: Batik, category: batik, kbli: {value}}}\n"
    errors = check(text).errors
    assert [f.location.path.rsplit(".", 1)[-1] for f in errors if f.location] == [field]


def test_quoted_values_get_no_yaml_hint() -> None:
    finding = only(HEAD + "firms:\n  - {name: A, role: champion, nib: 1234567890123}\n")
    assert "unquoted 1234567890123 as a number" in en(finding)
    finding = only(HEAD + "firms:\n  - {name: A, role: champion, workers: '12'}\n")
    assert en(finding) == "expected a number, not text in quotes: remove the quotes and write 12"


# --- unknown keys ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "path", "suggestion"),
    [
        ("organisation: []\n", "organisation", "organizations"),
        ("firm: []\n", "firm", "firms"),
        ("wavers: []\n", "wavers", "waivers"),
        ("firms:\n  - {name: A, role: champion, mentr: B}\n", "firms[0].mentr", "mentor"),
        ("firms:\n  - {name: A, role: champion, capacity: 5}\n", "firms[0].capacity", "monthly_capacity"),
        ("product:\n  name: x\n  category: y\n  uniqueness: {cultur: z}\n", "product.uniqueness.cultur", "culture"),
        ("access: {nearest_stop: 100}\n", "access.nearest_stop", "nearest_stop_m"),
    ],
)
def test_unknown_key_with_a_suggestion(fragment: str, path: str, suggestion: str) -> None:
    finding = only(HEAD + fragment)
    assert finding.message.id == "schema.unknown_key_suggest"
    assert finding.location is not None and finding.location.path == path
    assert finding.message.values["suggestion"] == suggestion
    assert f"did you mean '{suggestion}'?" in en(finding)


def test_unknown_key_points_at_the_key_and_lists_what_is_allowed() -> None:
    finding = only(HEAD + "resources:\n  - {type: skill, notes: batik}\n")
    assert finding.message.id == "schema.unknown_key"
    assert finding.location == Location("resources[0].notes", 8, 19)
    assert en(finding) == "unknown field 'notes'; allowed here: type, description"
    finding = only(HEAD + "\nzzz: 1\n")
    assert finding.location == Location("zzz", 8, 1)
    assert "allowed here: format, region, product" in en(finding)


def test_very_long_unknown_key_is_clipped_in_the_message() -> None:
    finding = only(HEAD + "x" * 1000 + ": 1\n")  # YAML keys stop at 1024 characters
    assert len(en(finding)) < 400


# --- checks across fields ------------------------------------------------------------------------


def test_mentors_and_champions() -> None:
    text = HEAD + (
        "firms:\n"
        "  - {name: A, role: champion}\n"
        "  - {name: B, role: champion}\n"
        "  - {name: C, role: mentee, mentor: A}\n"
        "  - {name: D, role: mentee}\n"
        "  - {name: E, role: mentee, mentor: C}\n"
        "  - {name: F, role: member, mentor: A}\n"
    )
    result = check(text)
    assert [(f.location, f.message.id) for f in result.errors] == [
        (Location("firms[3].mentor", 11, 5), "check.mentor_required"),
        (Location("firms[4].mentor", 12, 37), "check.mentor_not_champion"),  # C is a firm of the list: a mentee
    ]
    assert en(result.errors[1]) == (
        "mentor 'C' is the firm at line 10, whose role is mentee, not champion: a mentee's mentor must be a champion;"
        " make 'C' a champion, or name one of the champions (A, B)"
    )
    assert [(f.location, f.message.id) for f in result.warnings] == [
        (Location("firms[5].mentor", 13, 37), "warn.mentor_ignored")
    ]


def test_a_mentor_written_empty_is_asked_for_at_its_own_line() -> None:
    text = HEAD + (
        "firms:\n"
        "  - {name: A, role: champion}\n"
        "  - {name: B, role: champion}\n"
        "  - name: C\n"
        "    role: mentee\n"
        "    mentor:\n"
    )
    [finding] = check(text).errors
    assert (finding.location, finding.message.id) == (Location("firms[2].mentor", 12, 12), "check.mentor_required")
    assert en(finding).endswith("name its champion (mentor)")
    refused = text.replace("    mentor:\n", "    mentor: !!python/name:os.system\n")  # said once: the tag
    assert [f.message.id for f in check(refused).errors] == ["yaml.tag_not_allowed"]


def test_a_mentor_beside_a_role_in_error_is_not_said_to_be_ignored() -> None:
    text = HEAD + "firms:\n  - {name: A, role: champion}\n  - {name: B, role: mente, mentor: A}\n"
    result = check(text)
    assert [f.location.path for f in result.errors if f.location] == ["firms[1].role"]
    assert [f.message.id for f in result.warnings] == []


def test_many_champions_are_not_all_listed() -> None:
    champions = "".join(f"  - {{name: C{i}, role: champion}}\n" for i in range(25))
    finding = only(HEAD + "firms:\n" + champions + "  - {name: M, role: mentee, mentor: X}\n")
    assert en(finding).endswith(
        "(champions: C0, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15, C16, C17, C18, C19, …)"
    )


def test_mentee_without_mentor_and_a_single_champion_is_fine() -> None:
    result = check(HEAD + "firms:\n  - {name: A, role: champion}\n  - {name: B, role: mentee}\n")
    assert result.errors == () and result.region is not None


def test_duplicate_firm_names() -> None:
    text = HEAD + "firms:\n  - {name: A, role: champion}\n  - {name: A, role: mentee}\n  - {name: A, role: member}\n"
    result = check(text)
    assert [(f.location, f.message.values) for f in result.errors] == [
        (Location("firms[1].name", 9, 12), {"name": "A", "first_line": 8}),
        (Location("firms[2].name", 10, 12), {"name": "A", "first_line": 8}),
    ]


def test_firm_names_differing_only_in_case_are_warned_once_each() -> None:
    firms = "  - {name: Batik Sekar, role: champion}\n  - {name: batik sekar, role: member}\n"
    result = check(HEAD + "firms:\n" + firms + "  - {name: batik sekar, role: member}\n")
    assert [f.message.id for f in result.errors] == ["check.duplicate_firm"]  # the exact repeat
    assert [(f.location.path, f.message.values) for f in result.warnings if f.message.id == "check.firm_case_only"] == [
        ("firms[1].name", {"name": "batik sekar", "other": "Batik Sekar"})
    ]


def test_a_mentor_differing_from_its_champion_only_in_case_is_told_so() -> None:
    firms = "  - {name: Batik Sekar, role: champion}\n  - {name: Batik Mawar, role: mentee, mentor: batik sekar}\n"
    result = check(HEAD + "firms:\n" + firms)
    assert [(f.message.id, f.message.values) for f in result.errors] == [
        ("check.mentor_case", {"mentor": "batik sekar", "champion": "Batik Sekar"})
    ]


@pytest.mark.parametrize(
    ("mentor", "said"),
    [
        # A no-break space (text copied from the web or a chat) prints as a space: told so, not "no champion".
        ('"Batik\\u00a0Sekar"', ("check.mentor_spaces", {"mentor": "Batik\u00a0Sekar", "champion": "Batik Sekar"})),
        ('"Batik  Sekar "', ("check.mentor_spaces", {"mentor": "Batik  Sekar ", "champion": "Batik Sekar"})),
        ('"Batik Sekar\\u200b"', ("check.mentor_spaces", {"mentor": "Batik Sekar\u200b", "champion": "Batik Sekar"})),
        ("Batik Sekr", ("check.mentor_close", {"mentor": "Batik Sekr", "champion": "Batik Sekar"})),
        ("Lurik Jaya", ("check.mentor_unknown", {"mentor": "Lurik Jaya", "champions": "Batik Sekar"})),
        ("Batik Sekar 2", ("check.mentor_unknown", {"mentor": "Batik Sekar 2", "champions": "Batik Sekar"})),
        ("Batik Sekar B", ("check.mentor_unknown", {"mentor": "Batik Sekar B", "champions": "Batik Sekar"})),
    ],
)
def test_a_mentor_close_to_a_champion_is_told_which(mentor: str, said: tuple[str, dict[str, str]]) -> None:
    firms = f"  - {{name: Batik Sekar, role: champion}}\n  - {{name: Batik Mawar, role: mentee, mentor: {mentor}}}\n"
    result = check(HEAD + "firms:\n" + firms)
    assert [(f.message.id, f.message.values) for f in result.errors] == [said]


@pytest.mark.parametrize(
    "written",
    ['"Batik\\u00a0Sekar"', '"Batik \\u200bSekar"', '"Batik  Sekar"', '"Batik\\tSekar"', '"Batik S\\u00e9kar"'],
)
def test_firm_names_differing_only_in_spaces_or_invisible_characters_are_warned(written: str) -> None:
    """They look the same (a no-break or zero-width space, a double space, an accent typed as a letter and its
    accent): counted as two firms without a word before (an adversarial review). The first name is written
    with é typed as e and a combining accent where the second has é as one character."""
    first = "Batik Se\\u0301kar" if "u00e9" in written else "Batik Sekar"
    firms = f'  - {{name: "{first}", role: champion}}\n  - {{name: {written}, role: member}}\n'
    result = check(HEAD + "firms:\n" + firms)
    assert not result.errors
    assert [(f.location.path, f.message.id) for f in result.warnings] == [("firms[1].name", "check.firm_spaces_only")]


def test_a_firm_sheet_with_names_differing_only_in_invisible_characters_is_checked(tmp_path: Path) -> None:
    """The sheet's quick check across firms (names all ASCII and told apart by case) now sends such names to the
    whole check: a no-break space and a zero-width space in a CSV file."""
    from ovop_assess.firm_sheet import import_firms
    from ovop_assess.yaml_source import Limits

    path = tmp_path / "daftar.csv"
    rows = "Batik Sekar;penggerak\nBatik\u00a0Sekar;anggota\nBatik Sekar\u200b;anggota\nLurik Jaya;anggota\n"
    path.write_text("Nama Usaha;Peran\n" + rows, encoding="utf-8")
    found = import_firms(path, None, Limits())
    assert not found.errors
    assert [(f.message.id, f.location.cell) for f in found.warnings] == [
        ("check.firm_spaces_only", "A3"),
        ("check.firm_spaces_only", "A4"),
    ]


def test_a_mentor_naming_a_firm_that_is_no_champion_is_told_its_role_and_line() -> None:
    """Told "names no champion firm" before, as if the name were misspelt (a new user's report)."""
    firms = "  - {name: Batik Sekar, role: champion}\n  - {name: Batik Enam, role: member}\n"
    firms += "  - {name: Batik Lima, role: mentee, mentor: Batik Enam}\n"
    [error] = check(HEAD + "firms:\n" + firms).errors
    assert (error.location.path, error.location.line) == ("firms[2].mentor", 10)
    assert error.message.id == "check.mentor_not_champion"
    assert error.message.values["line"] == 9 and error.message.values["champions"] == "Batik Sekar"
    assert "role is member, not champion" in render(error.message, "en")
    assert "perannya anggota, bukan champion" in render(error.message, "id")


def test_a_sheet_mentor_naming_a_firm_that_is_no_champion_is_told_its_peran_cell(tmp_path: Path) -> None:
    from ovop_assess.firm_sheet import import_firms
    from ovop_assess.yaml_source import Limits

    path = tmp_path / "daftar.csv"
    rows = "Batik Sekar;penggerak;\nBatik Lima;binaan;Batik Enam\nBatik Enam;anggota;\n"
    path.write_text("Nama Usaha;Peran;Pembina\n" + rows, encoding="utf-8")
    [error] = import_firms(path, None, Limits()).errors
    assert (error.message.id, error.location.cell) == ("sheet.mentor_not_champion", "C3")
    assert error.message.values["cell"] == "B4" and error.message.values["role"] == "anggota"
    assert "Peran-nya anggota (sel B4), bukan penggerak" in render(error.message, "id")


@pytest.mark.parametrize(
    ("champion", "said"),
    [
        ('"Batik\\u00a0Sekar"', "check.champion_spaces"),  # the champion's own name holds it: retype that one
        ('"Batik Sekar"', "check.mentor_spaces"),  # the mentor's: retype it, or copy the champion's
    ],
)
def test_the_name_holding_the_invisible_space_is_the_one_to_retype(champion: str, said: str) -> None:
    mentor = '"Batik Sekar"' if said == "check.champion_spaces" else '"Batik\\u00a0Sekar"'
    firms = f"  - {{name: {champion}, role: champion}}\n  - {{name: Batik Mawar, role: mentee, mentor: {mentor}}}\n"
    [error] = check(HEAD + "firms:\n" + firms).errors
    assert error.message.id == said and error.location.path == "firms[1].mentor"
    if said == "check.champion_spaces":
        assert "it is the champion's name (line 8) that holds them" in render(error.message, "en")
        assert "(baris 8)" in render(error.message, "id")


def test_a_firm_sheet_with_names_differing_only_in_case_is_checked(tmp_path: Path) -> None:
    from ovop_assess.firm_sheet import import_firms
    from ovop_assess.yaml_source import Limits

    path = tmp_path / "daftar.csv"
    path.write_text("Nama Usaha;Peran\nBatik Sekar;penggerak\nBATIK SEKAR;anggota\n", encoding="utf-8")
    found = import_firms(path, None, Limits())
    assert [f.message.id for f in found.warnings] == ["check.firm_case_only"] and not found.errors


@pytest.mark.parametrize(
    ("level", "code", "message_id"),
    [
        ("kecamatan", "33.72.03.1009", "check.code_kecamatan_shape"),
        ("desa", "33.72.03", "check.code_village_shape"),
        ("kelurahan", "33.72.03", "check.code_village_shape"),
    ],
)
def test_code_shape_must_fit_level(level: str, code: str, message_id: str) -> None:
    text = HEAD.replace("level: kelurahan", f"level: {level}") + f'  code: "{code}"\n'
    finding = only(text)
    assert finding.message.id == message_id
    assert finding.location == Location("region.code", 7, 9)


def test_code_village_digit_mismatch_is_a_warning() -> None:
    result = check(HEAD.replace("level: kelurahan", "level: desa") + '  code: "33.72.03.1009"\n')
    assert result.errors == () and result.region is not None
    assert [f.message.id for f in result.warnings] == ["warn.code_village_kind"]


def test_waivers_unknown_and_unused_rules() -> None:
    text = HEAD + (
        "waivers:\n"
        "  - {rule: C1, reason: r}\n"
        "  - {rule: C9, reason: r}\n"
        "  - {rule: X1, reason: r}\n"
        "  - {rule: c1, reason: r}\n"
    )
    result = check(text)
    assert [(f.location, f.message.id) for f in result.errors] == [
        (Location("waivers[1].rule", 9, 12), "check.waiver_unknown_rule"),
        (Location("waivers[3].rule", 11, 12), "check.rule_capitals"),  # c1: C1 written otherwise
    ]
    assert "known rules: C1, C2" in en(result.errors[0])
    assert en(result.errors[1]) == "rule ids are written in capitals: write C1, not c1"
    assert [f.message.id for f in result.warnings] == ["warn.waiver_rule_unused"]


def test_unknown_evidence_key_is_a_warning() -> None:
    result = check(HEAD + "evidence:\n  champion_letter: a.pdf\n  zoning: b.pdf\n")
    assert result.errors == () and result.region is not None
    assert [(f.location, f.message.id) for f in result.warnings] == [
        (Location("evidence.zoning", 9, 3), "warn.evidence_unknown_key")
    ]


# --- all problems at once ------------------------------------------------------------------------

EVERYTHING = """\
format: ovop-region/1
region:
  name: Kauman
  level: kelurahan
  code: "33.72.03"
  city: Kota Surakarta
  province: Jawa Tengah
  province: Jateng
firms:
  - {name: A, role: champion, workers: -1}
  - {name: B, role: mentee, mentor: Z}
  - {name: A, role: boss}
  - {name: NO, role: member}
organisations: []
spatial_plan: !plan {conforms: true}
waivers:
  - {rule: C9, reason: r}
"""


def test_all_problems_of_a_file_at_once_in_file_order() -> None:
    assert errors(EVERYTHING) == [
        (5, "region.code", "check.code_village_shape"),
        (8, "region.province", "yaml.duplicate_key"),
        (10, "firms[0].workers", "schema.too_small"),
        (11, "firms[1].mentor", "check.mentor_unknown"),
        (12, "firms[2].name", "check.duplicate_firm"),
        (12, "firms[2].role", "schema.one_of"),
        (13, "firms[3].name", "schema.expected_text_quote"),
        (14, "organisations", "schema.unknown_key_suggest"),
        (15, "spatial_plan", "yaml.tag_not_allowed"),
        (17, "waivers[0].rule", "check.waiver_unknown_rule"),
    ]


def test_a_duplicate_key_with_a_bad_last_value_reports_both() -> None:
    text = HEAD + "firms:\n  - name: A\n    role: champion\n    role: boss\n"
    assert errors(text) == [
        (10, "firms[0].role", "yaml.duplicate_key"),
        (10, "firms[0].role", "schema.one_of"),
    ]


def test_a_dropped_value_is_reported_once() -> None:
    # The refused tag leaves None behind; "expected text" about that None would be noise.
    text = HEAD + "firms:\n  - {name: !!python/name:os.system , role: champion}\n  - !!python/tuple [1]\n"
    assert errors(text) == [
        (8, "firms[0].name", "yaml.tag_not_allowed"),
        (9, "firms[1]", "yaml.tag_not_allowed"),
    ]
    text = HEAD + "waivers:\n  - {rule: C1, reason: r, expires: 2026-02-30}\n"
    assert errors(text) == [(8, "waivers[0].expires", "schema.no_such_date")]


def test_invalid_file_keeps_its_warnings() -> None:
    text = HEAD + "evidence: {zoning: b.pdf}\nfirms:\n  - {name: A, role: boss}\n"
    result = check(text)
    assert result.region is None
    assert [f.message.id for f in result.errors] == ["schema.one_of"]
    assert [f.message.id for f in result.warnings] == ["warn.evidence_unknown_key"]


def test_many_problems_are_capped_with_a_count() -> None:
    text = HEAD + "".join(f"extra_{i}: 1\n" for i in range(30))
    result = check(text, max_errors=10)
    assert len(result.errors) == 11
    assert [f.location.line for f in result.errors[:10] if f.location] == list(range(7, 17))
    last = result.errors[-1]
    assert last.message.id == "file.more_errors"
    assert last.message.values == {"count": 20}
    assert last.location == Location("", 17, None)
    assert "20 more problems" in en(last)
    assert "20 masalah lain" in render(last.message, "id")


def test_cap_keeps_the_first_problems_in_file_order_not_pydantic_order() -> None:
    # pydantic reports in field order (format, region, ...); the cap must keep the earliest lines.
    text = "zzz: 1\nyyy: 2\n" + HEAD.replace("format: ovop-region/1\n", "") + "format: 3\n"
    result = check(text, max_errors=2)
    assert [f.location.path for f in result.errors if f.location] == ["zzz", "yyy", ""]


def test_many_warnings_are_capped_too() -> None:
    text = HEAD + "evidence:\n" + "".join(f"  doc_{i}: d{i}.pdf\n" for i in range(MAX_ERRORS + 5))
    result = check(text)
    assert result.errors == () and result.region is not None
    assert len(result.warnings) == MAX_ERRORS + 1
    assert result.warnings[-1].message.values == {"count": 5}


# --- the translation used by the criteria-set loader ---------------------------------------


def test_translate_locates_and_words_a_single_error() -> None:
    loaded = parse_text("format: ovop-region/1\nregion: {name: K, level: desa, city: C, province: P, x: 1}\n", Limits())
    with pytest.raises(ValidationError) as info:
        Region.model_validate(loaded.data)
    (error,) = info.value.errors(include_input=False)
    finding = translate(error, loaded.positions)
    assert finding.location == Location("region.x", 2, 54)
    assert finding.message.id == "schema.unknown_key"


def test_unexpected_pydantic_error_kinds_still_get_a_plain_message() -> None:
    from ovop_assess.yaml_source import Positions

    error: dict[str, Any] = {"type": "some_new_kind", "loc": ("region", "name"), "msg": "raw text", "ctx": {}}
    finding = translate(error, Positions())
    assert finding.message.id == "schema.invalid"
    assert "raw text" not in en(finding)


def test_unquoted_codes_that_yaml_1_1_keeps_as_text_get_a_warning() -> None:
    from ovop_assess import criteria_sets
    from ovop_assess.assess import assess_text

    text = (
        "format: ovop-region/1\n"
        "region: {name: X, level: desa, city: C, province: P}\n"
        "firms:\n"
        "  - {name: A, role: champion, nib: 0123456789012}\n"
        "  - {name: B, role: member, nib: '0123456789013'}\n"
    )
    result = assess_text(text, criteria_sets.load("default"), as_of=datetime.date(2026, 11, 28))
    assert result.verdict.value != "invalid"
    warned = [(w.message.id, w.location.path if w.location else "") for w in result.warnings]
    assert warned == [("warn.unquoted_code", "firms[0].nib")]


def test_how_firms_are_spelled_is_looked_at_only_where_yaml_writes_them() -> None:
    """A spreadsheet's firms are not asked how YAML wrote them (its reader checks its cells): 10,000 such
    questions cost a region of a 10,000-row sheet 10 ms for nothing."""
    from ovop_assess.cross_checks import cross_checks

    class SheetLike(Positions):
        def spelled_in_yaml(self, path: tuple[str | int, ...]) -> bool:
            return path[:1] != ("firms",)

        def unquoted(self, path: tuple[str | int, ...]) -> bool:
            assert path[:1] != ("firms",), path
            return super().unquoted(path)

        def text(self, path: tuple[str | int, ...]) -> str | None:
            assert path[:1] != ("firms",), path
            return super().text(path)

    loaded = parse_text(
        "region: {code: 33.10.03.2006}\n"
        "firms:\n  - {name: A, role: champion, nib: 0812345678901, monthly_capacity: 1.500}\n",
        Limits(),
    )
    errors: list[Finding] = []
    warnings: list[Finding] = []
    rules = RuleIds("default", (), lambda _: False, list, ())
    cross_checks(loaded.data, SheetLike(), rules, errors, warnings)
    assert [f.message.id for f in errors + warnings if f.location and f.location.path.startswith("firms")] == []
    cross_checks(loaded.data, loaded.positions, rules, errors, warnings)
    said = sorted(f.message.id for f in errors + warnings if f.location and f.location.path.startswith("firms"))
    assert said == ["schema.dotted_thousands", "warn.unquoted_code"]


def test_evidence_of_a_rule_the_set_switches_off_is_no_typo(tmp_path: Any) -> None:
    import pickle
    from pathlib import Path

    from ovop_assess import criteria_sets
    from ovop_assess.assess import rule_ids

    set_path = Path(tmp_path) / "no-c8.yaml"
    set_path.write_text("id: no-c8\nextends: default\nrules:\n  C8: {enabled: false}\n", encoding="utf-8")
    criteria = criteria_sets.load(str(set_path))
    assert criteria.disabled_evidence == {"access_map": "C8"}
    assert pickle.loads(pickle.dumps(criteria)).disabled_evidence == {"access_map": "C8"}  # --jobs sends it
    text = HEAD + "evidence:\n  access_map: peta.pdf\n  acces_map: peta.pdf\n"
    warnings = validate(parse_text(text, Limits()), rule_ids(criteria)).warnings
    assert [(f.message.id, f.message.values["key"]) for f in warnings] == [
        ("warn.evidence_unknown_key_suggest", "acces_map")
    ]
    assert "(did you mean 'access_map'?)" in en(warnings[0])
    assert "(maksud Anda 'access_map'?)" in render(warnings[0].message, "id")


def test_an_evidence_key_far_from_any_document_gets_no_suggestion() -> None:
    (warning,) = check(HEAD + "evidence:\n  zzz_qqq: a.pdf\n").warnings
    assert warning.message.id == "warn.evidence_unknown_key" and "did you mean" not in en(warning)


# --- Indonesian ways of writing numbers, yes/no and choices ------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "message_id", "en_text", "id_text"),
    [
        (
            "government_commitment:\n  - {type: budget, description: d, status: planned, amount_idr: 150.000.000}\n",
            "schema.hint_thousands_dots",
            "expected a number without thousands separators: write 150000000, not 150.000.000",
            "harus berupa angka tanpa titik pemisah ribuan: tulis 150000000, bukan 150.000.000",
        ),
        (  # a budget document's amount, with its cents (a new user's walkthrough)
            "government_commitment:\n  - type: budget\n    description: d\n    amount_idr: 150.000.000,00\n",
            "schema.hint_thousands_dots",
            "expected a number without thousands separators: write 150000000, not 150.000.000,00",
            "harus berupa angka tanpa titik pemisah ribuan: tulis 150000000, bukan 150.000.000,00",
        ),
        (
            "government_commitment:\n  - type: budget\n    description: d\n    amount_idr: Rp150.000.000,-\n",
            "schema.hint_rupiah",
            "expected an amount in rupiah as digits only, without Rp or words: write 150000000, not Rp150.000.000,-",
            "harus berupa jumlah rupiah dalam angka saja, tanpa Rp atau kata: tulis 150000000, bukan Rp150.000.000,-",
        ),
        (
            "government_commitment:\n  - {type: budget, description: d, status: planned, amount_idr: Rp 150 juta}\n",
            "schema.hint_rupiah",
            "expected an amount in rupiah as digits only, without Rp or words: write 150000000, not Rp 150 juta",
            "harus berupa jumlah rupiah dalam angka saja, tanpa Rp atau kata: tulis 150000000, bukan Rp 150 juta",
        ),
        (
            "government_commitment:\n  - {type: budget, description: d, status: planned, amount_idr: 'Rp1,5 miliar'}\n",
            "schema.hint_rupiah",
            "expected an amount in rupiah as digits only, without Rp or words: write 1500000000, not Rp1,5 miliar",
            "harus berupa jumlah rupiah dalam angka saja, tanpa Rp atau kata: tulis 1500000000, bukan Rp1,5 miliar",
        ),
        (
            "firms:\n  - {name: A, role: champion, monthly_capacity: 2 ribu}\n",
            "schema.hint_number_words",
            "expected a number in digits only, without words: write 2000, not 2 ribu",
            "harus berupa angka saja, tanpa kata: tulis 2000, bukan 2 ribu",
        ),
        (
            "access:\n  public_transport: [bus]\n  nearest_stop_m: 1,5\n",
            "schema.hint_decimal_comma",
            "expected a number with a decimal point, not a comma: write 1.5, not 1,5",
            "harus berupa angka dengan titik desimal, bukan koma: tulis 1.5, bukan 1,5",
        ),
        (
            "firms:\n  - {name: A, role: champion, willing_to_lead: Ya}\n",
            "schema.hint_yes_no",
            "expected true or false: write true, not Ya",
            "harus berupa true (ya) atau false (tidak): tulis true, bukan Ya",
        ),
        (
            "firms:\n  - {name: A, role: champion, willing_to_lead: Tidak}\n",
            "schema.hint_yes_no",
            "expected true or false: write false, not Tidak",
            "harus berupa true (ya) atau false (tidak): tulis false, bukan Tidak",
        ),
        (
            "spatial_plan:\n  conforms: Tidak  Sesuai\n",
            "schema.hint_yes_no",
            "expected true or false: write false, not Tidak  Sesuai",
            "harus berupa true (ya) atau false (tidak): tulis false, bukan Tidak  Sesuai",
        ),
        (
            "spatial_plan:\n  conforms: sesuai\n",
            "schema.hint_yes_no",
            "expected true or false: write true, not sesuai",
            "harus berupa true (ya) atau false (tidak): tulis true, bukan sesuai",
        ),
    ],
)
def test_indonesian_writing_gets_the_corrected_value(
    fragment: str, message_id: str, en_text: str, id_text: str
) -> None:
    finding = only(HEAD + fragment)
    assert finding.message.id == message_id
    assert finding.location is not None and finding.location.line == 7 + fragment.count("\n") - 1
    assert (en(finding), render(finding.message, "id")) == (en_text, id_text)


@pytest.mark.parametrize(
    "fragment",
    [
        "spatial_plan:\n  conforms: ada\n",  # a plan exists: not that the sentra conforms to it
        "product:\n  name: X\n  category: batik\n  export_oriented: sesuai\n",  # only conforms asks "sesuai?"
        "spatial_plan:\n  conforms: T\n",  # Tidak in Indonesian, True in English
    ],
)
def test_a_yes_no_word_whose_meaning_the_field_does_not_fix_gets_no_value(fragment: str) -> None:
    finding = only(HEAD + fragment)
    assert finding.message.id != "schema.hint_yes_no"


def test_a_quoted_year_and_a_capitalised_level_get_the_corrected_value() -> None:
    text = HEAD.replace("level: kelurahan", "level: Desa") + '  proposal_year: "2027"\n'
    level, year = check(text).errors
    assert (level.location, level.message.id) == (Location("region.level", 4, 10), "schema.hint_lower_case")
    assert en(level) == "the choices are written in lower case: write desa, not Desa"
    assert render(level.message, "id") == "pilihan ditulis dengan huruf kecil: tulis desa, bukan Desa"
    assert (year.location, year.message.id) == (Location("region.proposal_year", 7, 18), "schema.hint_quoted_number")
    assert en(year) == "expected a number, not text in quotes: remove the quotes and write 2027"
    assert render(year.message, "id") == (
        "harus berupa angka, bukan teks dalam tanda kutip: hapus tanda kutipnya dan tulis 2027"
    )


def test_codes_of_the_format_read_in_the_reader_language() -> None:
    text = HEAD + "firms:\n  - {name: A, role: champion}\n  - {name: B, role: member, mentor: A}\n"
    (warning,) = check(text).warnings
    assert render(warning.message, "id") != render(warning.message, "en")
    assert "anggota" in render(warning.message, "id") and "member" in render(warning.message, "en")


def test_a_decimal_comma_inside_braces_is_one_problem_with_the_corrected_value() -> None:
    finding = only(HEAD + "firms:\n  - {name: A, role: champion, monthly_capacity: 1,5}\n")
    assert finding.message.id == "yaml.decimal_comma_in_braces"
    assert finding.location == Location("firms[0].monthly_capacity", 8, 49)
    assert en(finding) == (
        "1,5 inside { } is read as two entries: the comma separates them; write the decimal point: 1.5"
    )
    assert render(finding.message, "id").endswith("tulis dengan titik desimal: 1.5")
    # A number then a key of its own, with a space after the comma, is two entries as meant: the key error stays.
    spaced = check(HEAD + "firms:\n  - {name: A, role: champion, workers: 1, 5: x}\n").errors
    assert [f.message.id for f in spaced] == ["yaml.key_not_text"]


def test_an_unquoted_area_code_is_answered_with_the_code_that_would_pass() -> None:
    # "write it in quotes: 3372031009" led to the next refusal: a code is written with its dots.
    text = HEAD.replace("  level: kelurahan\n", "  level: kelurahan\n  code: 3372031009\n")
    (finding,) = check(text).errors
    assert (
        en(finding)
        == 'YAML reads the unquoted 3372031009 as a number; an area code is text with its dots: write "33.72.03.1009"'
    )
    fixed = HEAD.replace("  level: kelurahan\n", '  level: kelurahan\n  code: "33.72.03.1009"\n')
    assert check(fixed).errors == ()


def test_init_code_names_the_codes_it_takes(capsys: pytest.CaptureFixture[str]) -> None:
    from ovop_assess.cli.main import main

    assert main(["init", "--code", "kauman"]) == 2
    assert "not the code of a kecamatan (PP.KK.CC) or of a desa/kelurahan" in capsys.readouterr().err


def test_an_unquoted_dotted_code_is_text_to_every_reader_and_draws_no_warning() -> None:
    """``code: 33.72.03.1009`` is no number in YAML 1.1 nor 1.2: no warning that other tools read a number."""
    result = check(HEAD + "  code: 33.72.03.1009\n")
    assert "warn.unquoted_code" not in [w.message.id for w in result.warnings]


def test_c2_names_the_other_categories_once_each_as_first_written(tmp_path: Path) -> None:
    """Spellings C2 takes for one category (ANYAMAN-MENDONG, anyaman-mendong) are one other category, counted
    together; past five, an ellipsis says there are more."""
    import datetime

    from ovop_assess import criteria_sets
    from ovop_assess.assess import assess_path

    others = ["Anyaman-Mendong", "ANYAMAN-MENDONG", "anyaman-mendong", "tikar", "tas", "topi", "keset", "bakul"]
    firms = "".join(f"  - {{name: F{i}, role: member, category: {c}}}\n" for i, c in enumerate(others))
    text = HEAD.replace("region:", "product: {name: P, category: anyaman, export_oriented: true}\nregion:", 1)
    path = tmp_path / "r.yaml"
    path.write_text(text + "firms:\n" + firms, encoding="utf-8")
    result = assess_path(path, criteria_sets.load("default"), as_of=datetime.date(2026, 11, 28))
    [c2] = [c for c in result.criteria if c.id == "C2"]
    [other] = [r for r in c2.reasons if r.message.id == "c2.other_categories"]
    assert other.message.values["categories"] == "Anyaman-Mendong (3), tikar (1), tas (1), topi (1), keset (1), …"
