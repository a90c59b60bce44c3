"""Values written as Indonesian writing has them.

A decimal grouped in thousands (``nearest_stop_m: 1.200``) is an error naming both readings
(``cross_checks``): YAML's 1.2 would pass C8 for a stop 1,200 m away. A choice in its Indonesian word, a
distance with its unit, an amount in rupiah words and a NIB of the wrong shape get the value to write
(``value_hints``, ``schema_errors``)."""

from __future__ import annotations

import typing

import pytest

from ovop_assess import region as region_models
from ovop_assess.cross_checks import QUANTITY_PATHS
from ovop_assess.messages import render
from ovop_assess.results import Location

from .test_validate import HEAD, check


@pytest.mark.parametrize(
    ("line", "path", "column", "message"),
    [
        (
            "access: {nearest_stop_m: 1.200}",
            "access.nearest_stop_m",
            26,
            "1.200 reads as 1.2 in YAML, where the dot is a decimal point, but as 1200 in Indonesian writing, where it"
            " groups thousands: write 1200 if that is meant; if 1.2 is meant, write 1.2",
        ),
        (
            "firms: [{name: A, role: champion, monthly_capacity: 12.345}]",
            "firms[0].monthly_capacity",
            53,
            "12.345 reads as 12.345 in YAML, where the dot is a decimal point, but as 12345 in Indonesian writing,"
            " where it groups thousands: write 12345 if that is meant; if 12.345 is meant, write 12.3450",
        ),
    ],
)
def test_a_dotted_thousand_is_an_error_naming_both_readings(line: str, path: str, column: int, message: str) -> None:
    [error] = check(HEAD + line + "\n").errors
    assert (error.message.id, error.location) == ("schema.dotted_thousands", Location(path, 7, column))
    assert render(error.message) == message
    assert "penulisan Indonesia berarti" in render(error.message, "id")


@pytest.mark.parametrize(
    "value", ["1.2", "1.25", "0.500", "1200", "1.2340", "'1.200'", "1234.5", "1_200.000", "1.5e3", "12.3456"]
)
def test_other_numbers_are_not_taken_for_thousands(value: str) -> None:
    result = check(HEAD + f"access: {{nearest_stop_m: {value}}}\n")
    assert "schema.dotted_thousands" not in [e.message.id for e in result.errors]


def test_a_whole_number_field_keeps_its_own_hint() -> None:
    [error] = check(HEAD + "firms: [{name: A, role: champion, workers: 1.200}]\n").errors
    assert error.message.id == "schema.hint_thousands_dots"


def _kinds(hint: object) -> list[object]:
    """The types a field's annotation may hold: unions, Annotated and lists (``Items``) unwrapped."""
    if typing.get_origin(hint) is typing.Annotated:
        return _kinds(typing.get_args(hint)[0])
    arguments = typing.get_args(hint)
    if arguments and typing.get_origin(hint) is not typing.Literal:
        return [kind for argument in arguments for kind in _kinds(argument)]
    return [hint]


def _decimal_fields(model: type, prefix: tuple[str, ...]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for name, field in model.model_fields.items():  # type: ignore[attr-defined]
        listed = any(word in str(field.annotation) for word in ("list[", "tuple[", "List[", "Tuple["))
        for kind in _kinds(field.annotation):
            if kind is float:
                found.add((*prefix, name))
            elif isinstance(kind, type) and hasattr(kind, "model_fields"):
                found |= _decimal_fields(kind, (*prefix, name, "*") if listed else (*prefix, name))
    return found


def test_every_field_holding_a_decimal_is_checked() -> None:
    """The paths the check looks at are every field of type Quantity (a float) in the region models."""
    assert _decimal_fields(region_models.Region, ()) == set(QUANTITY_PATHS)


@pytest.mark.parametrize(
    ("line", "path", "plain"),
    [
        ("firms: [{name: A, role: penggerak}]", "firms[0].role", "champion"),
        ("raw_materials: [{name: Kain, source: Lokal}]", "raw_materials[0].source", "local"),
        ("government_commitment: [{type: budget, status: rencana}]", "government_commitment[0].status", "planned"),
        ("government_commitment: [{type: HKI, status: planned}]", "government_commitment[0].type", "ip_facilitation"),
        ("government_commitment: [{type: fasilitasi HKI}]", "government_commitment[0].type", "ip_facilitation"),
        # the words the template used to pair with committed and delivered (a new user's walkthrough)
        ("government_commitment: [{type: budget, status: ditetapkan}]", "government_commitment[0].status", "committed"),
        (
            "government_commitment: [{type: budget, status: direalisasikan}]",
            "government_commitment[0].status",
            "delivered",
        ),
    ],
)
def test_an_indonesian_word_for_a_choice_gets_its_value(line: str, path: str, plain: str) -> None:
    errors = [e for e in check(HEAD + line + "\n").errors if e.location is not None and e.location.path == path]
    assert [(e.message.id, e.message.values["plain"]) for e in errors] == [("schema.hint_choice_word", plain)]
    assert render(errors[0].message, "id").startswith(f"pilihan ditulis dengan nilai bahasa Inggrisnya: tulis {plain}")


@pytest.mark.parametrize("written", ["kelompok usaha", "Kelompok Usaha", "kelompok-usaha", "'kelompok  usaha'"])
def test_a_choice_of_two_words_written_apart_gets_its_joined_value(written: str) -> None:
    errors = check(HEAD + f"organizations: [{{type: {written}, name: KU Batik}}]\n").errors
    found = [e for e in errors if e.location is not None and e.location.path == "organizations[0].type"]
    said = [(e.message.id, e.message.values["plain"]) for e in found]
    assert said == [("schema.hint_choice_joined", "kelompok_usaha")]
    assert "tulis kelompok_usaha" in render(found[0].message, "id")


@pytest.mark.parametrize(
    ("value", "plain"), [("1,5 km", "1500"), ("800 m", "800"), ("1.2km", "1200"), ("950 meter", "950")]
)
def test_a_distance_written_with_its_unit_gets_the_metres_to_write(value: str, plain: str) -> None:
    [error] = check(HEAD + f"access:\n  nearest_stop_m: {value}\n").errors
    assert (error.message.id, error.message.values["plain"]) == ("schema.hint_metres", plain)


@pytest.mark.parametrize(("value", "plain"), [("1.500 m", "1500"), ("1.200m", "1200"), ("1,5 km", "1500")])
def test_a_distance_grouped_in_thousands_keeps_its_thousands(value: str, plain: str) -> None:
    [error] = check(HEAD + f"access:\n  nearest_stop_m: {value}\n").errors
    assert (error.message.id, error.message.values["plain"]) == ("schema.hint_metres", plain)


def test_a_distance_that_may_be_either_gets_no_guess() -> None:
    [error] = check(HEAD + "access:\n  nearest_stop_m: 1.500 km\n").errors
    assert error.message.id != "schema.hint_metres"


@pytest.mark.parametrize("value", ["+1.200", "01.200"])
def test_a_sign_or_a_leading_zero_does_not_hide_the_thousands(value: str) -> None:
    [error] = check(HEAD + f"access: {{nearest_stop_m: {value}}}\n").errors
    assert (error.message.id, error.message.values["plain"]) == ("schema.dotted_thousands", "1200")


def test_a_huge_amount_is_an_error_not_a_crash() -> None:
    [error] = check(HEAD + "access:\n  nearest_stop_m: " + "9" * 400 + " juta\n").errors
    assert error.message.id == "schema.expected_number"


@pytest.mark.parametrize(
    ("value", "plain"), [("Rp 5 M", "5000000000"), ("Rp 10.000.000.000.000.000.001", "10000000000000000001")]
)
def test_rupiah_in_miliar_and_past_float_precision(value: str, plain: str) -> None:
    text = HEAD + f"government_commitment:\n  - {{type: budget, description: APBD, amount_idr: {value}}}\n"
    [error] = check(text).errors
    assert error.message.values["plain"] == plain


def test_a_nib_with_other_characters_is_said_so_not_counted() -> None:
    [error] = check(HEAD + 'firms: [{name: A, role: champion, nib: "812 0000 0000 01"}]\n').errors
    assert error.message.id == "schema.nib_format_other"
    assert "no spaces, dots or dashes" in render(error.message)


def test_a_quoted_dotted_thousand_gets_the_number_to_write_not_the_same_dots() -> None:
    """ "1.500" was told to lose its quotes and be written 1.500, which is then refused as 1.5 or 1500."""
    errors = check(HEAD + 'firms: [{name: A, role: champion, monthly_capacity: "1.500", workers: "1.200"}]\n').errors
    capacity, workers = errors
    assert (capacity.message.id, capacity.message.values["plain"]) == ("schema.hint_quoted_dotted", "1500")
    assert render(capacity.message, "id").endswith(
        "tulis 1500 tanpa tanda kutip (atau 1.5, jika maksudnya bilangan desimal)"
    )
    assert (workers.message.id, workers.message.values["plain"]) == ("schema.hint_thousands_dots", "1200")


@pytest.mark.parametrize("value", ["daftar-usaha.xlsx", '"Daftar UMKM 2026.ods"', "firms.CSV"])
def test_a_spreadsheet_named_as_the_firm_list_gets_the_file_form(value: str) -> None:
    [error] = check(HEAD + f"firms: {value}\n").errors
    assert error.message.id == "schema.hint_firms_file"
    assert render(error.message).endswith(f"write firms: {{file: {value.strip(chr(34))}}}")


@pytest.mark.parametrize(
    ("value", "said", "plain"),
    [
        ("31-12-2027", "schema.hint_date_day_first", "2027-12-31"),
        ("31/12/2027", "schema.hint_date_day_first", "2027-12-31"),
        ("3.4.2027", "schema.hint_date_day_first", "2027-04-03"),  # day first: 3 April
        ("31 Desember 2027", "schema.hint_date", "2027-12-31"),
        ("3 Mei 2027", "schema.hint_date", "2027-05-03"),
        ("2027-2-3", "schema.hint_date", "2027-02-03"),
        ("31-02-2027", "schema.no_such_date", None),
        ("12/31/2027", "schema.hint_date", "2027-12-31"),  # no day first reads it; month first does, and only so
        ("13/13/2027", "schema.no_such_date", None),
        ("2027-02-30", "schema.no_such_date", None),  # YAML's own date shape: no such day
        ("besok", "schema.expected_date", None),
    ],
)
def test_a_date_written_as_an_office_writes_it_gets_the_date_to_write(value: str, said: str, plain: str | None) -> None:
    [error] = check(HEAD + f"waivers:\n  - rule: C7\n    reason: x\n    expires: {value}\n").errors
    assert (error.message.id, error.message.values.get("plain"), error.location.path) == (
        said,
        plain,
        "waivers[0].expires",
    )


@pytest.mark.parametrize(
    ("line", "said", "plain"),
    [
        ("firms: [{name: A, role: champion, monthly_capacity: 500 m}]", "schema.expected_number", None),  # metres
        ("firms: [{name: A, role: champion, workers: '1.5'}]", "schema.expected_int", None),  # not "write 1.5"
        (
            "government_commitment: [{type: budget, description: d, amount_idr: 0.500.000}]",
            "schema.hint_thousands_dots",
            "500000",
        ),
        (
            "government_commitment: [{type: budget, description: d, amount_idr: 2 M}]",
            "schema.hint_number_words",
            "2000000000",
        ),
    ],
)
def test_no_hint_gives_a_wrong_value(line: str, said: str, plain: str | None) -> None:
    """A second adversarial review: 500 m of batik was told to be 500000000000 (M read as miliar outside an
    amount); "1.5" in a whole-number field was told to lose its quotes; 0.500.000 to be 0500000 (octal)."""
    [error] = check(HEAD + line + "\n").errors
    assert (error.message.id, error.message.values.get("plain")) == (said, plain)


def test_an_amount_whose_comma_may_group_thousands_gets_no_guess() -> None:
    [error] = check(
        HEAD + "government_commitment:\n  - type: budget\n    description: d\n    amount_idr: Rp 1,500 juta\n"
    ).errors
    assert error.message.id == "schema.expected_int"


@pytest.mark.parametrize(
    ("line", "path", "said"),
    [
        ("firms: [{name: A, role: champion, workers: 12 orang}]", "firms[0].workers", "write 12, not 12 orang"),
        ("firms: [{name: A, role: champion, workers: 1.200 orang}]", "firms[0].workers", "write 1200, not 1.200 orang"),
        (
            "firms: [{name: A, role: champion, monthly_capacity: 500 unit/bulan}]",
            "firms[0].monthly_capacity",
            "write 500, not 500 unit/bulan",
        ),
        ("access: {public_transport: angkot}", "access.public_transport", "write [angkot]"),
        ("access: {public_transport: 'bus, angkot'}", "access.public_transport", "write [bus, angkot]"),
        (
            "firms: [{name: A, role: champion, monthly_capacity: 500 pcs/bulan}]",
            "firms[0].monthly_capacity",
            "write 500, not 500 pcs/bulan",
        ),
    ],
)
def test_a_count_with_its_unit_or_one_item_for_a_list_gets_what_to_write(line: str, path: str, said: str) -> None:
    """A new user's walkthrough: `workers: 12 orang` was told "expected a whole number", `public_transport:
    angkot` "expected a list", neither how to write it."""
    [finding] = check(HEAD + line + "\n").errors
    assert finding.location is not None and finding.location.path == path
    assert said in render(finding.message, "en")


@pytest.mark.parametrize(
    "line",
    [
        "firms: [{name: A, role: champion, monthly_capacity: 1.500 unit}]",  # 1.5 or 1500: no guess
        "resources: batik",  # a list of mappings: [batik] would be refused next
        # An adversarial review's: each hint would have been a wrong value to write.
        "access: {nearest_stop_m: 5 menit}",
        "access: {nearest_stop_m: 3 mil}",
        "access: {nearest_stop_m: 200 langkah}",
        "firms: [{name: A, role: champion, workers: 1e3 orang}]",
        "firms: [{name: A, role: champion, workers: 10 sampai 15 orang}]",
        "firms: [{name: A, role: champion, workers: 12 orang dan 5 magang}]",
        "firms: [{name: A, role: champion, workers: 3 x 4 orang}]",
        "firms: [{name: A, role: champion, monthly_capacity: 1e3 pcs}]",
        "firms: [{name: A, role: champion, monthly_capacity: 3 lusin/minggu}]",
        "firms: [{name: A, role: champion, monthly_capacity: 30 pcs per hari}]",
        "access: {public_transport: '[angkot, bus]'}",
        "access: {public_transport: '#x'}",
        "access: {public_transport: 123}",
        "access: {public_transport: 'yes'}",
        "access: {public_transport: 'null'}",
        "access: {public_transport: 'a, b: c'}",
        "access: {public_transport: 'bus (jalur A, B)'}",  # two items to YAML, split inside the brackets
        "region: {name: X, level: kecamatan, city: Y, province: Z, code: '3372'}",
        "region: {name: X, level: kecamatan, city: Y, province: Z, code: ' 33 '}",
    ],
)
def test_no_value_is_guessed_where_it_would_mislead(line: str) -> None:
    head = HEAD[: HEAD.index("region:")] if line.startswith("region:") else HEAD
    findings = check(head + line + "\n").errors
    assert findings
    for finding in findings:
        said = (finding.message.id, render(finding.message, "en"))
        assert finding.message.id not in ("schema.hint_number_alone", "schema.hint_list", "schema.code_write"), said
        assert finding.message.id != "schema.hint_metres" or "menit" not in said[1], said
