"""Region files checked against the official area table; `ovop-assess area` and `init --code` as a user runs them."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import pytest

from ovop_assess import criteria_sets
from ovop_assess.areas import Level as AreaLevel
from ovop_assess.areas import table as areas_table
from ovop_assess.assess import assess_path
from ovop_assess.cli.main import main
from ovop_assess.messages import CATALOGUE, level_word, render
from ovop_assess.region import LEVELS, code_level
from ovop_assess.results import Verdict

AS_OF = "2026-11-28"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "regions"


def region_file(tmp_path: Path, region: dict[str, str], name: str = "region.yaml") -> Path:
    """A region file with ``region`` as given (one field a line, in this order) and nothing else."""
    lines = ["format: ovop-region/1", "region:"]
    lines += [f'  {key}: "{value}"' if key == "code" else f"  {key}: {value}" for key, value in region.items()]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


KAUMAN = {
    "name": "Kauman",
    "level": "kelurahan",
    "code": "33.72.03.1009",
    "district": "Pasar Kliwon",
    "city": "Kota Surakarta",
    "province": "Jawa Tengah",
}


def warnings_of(path: Path, lang: str = "en") -> list[dict[str, object]]:
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        main(["assess", str(path), "--format", "json", "--as-of", AS_OF, "--lang", lang])
    result = json.loads(out.getvalue())["results"][0]
    warnings: list[dict[str, object]] = result["warnings"]
    return warnings


def test_a_right_code_gives_no_warning(tmp_path: Path) -> None:
    assert warnings_of(region_file(tmp_path, KAUMAN)) == []
    # written loosely: case, prefixes, abbreviations of the province
    loose = {**KAUMAN, "name": "KAUMAN", "district": "kecamatan pasar kliwon", "city": "Surakarta"}
    assert warnings_of(region_file(tmp_path, loose)) == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "code 33.72.03.1099 is not in the official area table; the closest by name: 33.72.03.1009 Kauman, "),
        ("id", "kode 33.72.03.1099 tidak ada dalam tabel kode wilayah resmi; yang namanya paling dekat: 33.72.03.1009"),
    ],
)
def test_a_wrong_code_is_a_warning_on_code_naming_the_closest(tmp_path: Path, lang: str, expected: str) -> None:
    path = region_file(tmp_path, {**KAUMAN, "code": "33.72.03.1099"})
    (warning,) = warnings_of(path, lang)
    assert (warning["path"], warning["line"], warning["id"]) == ("region.code", 5, "area.code_unknown")
    assert str(warning["message"]).startswith(expected)
    # the suggestions are kept apart by semicolons, each with its parents
    assert "Kauman, Pasar Kliwon, Kota Surakarta, Jawa Tengah; " in str(warning["message"])


def test_misspelled_names_are_warnings_on_each_field_with_the_official_spelling(tmp_path: Path) -> None:
    wrong = {**KAUMAN, "name": "Kaumann", "district": "Pasar Kliwonn", "city": "Kota Solo", "province": "Jateng"}
    found = {w["path"]: (w["line"], w["message"]) for w in warnings_of(region_file(tmp_path, wrong))}
    assert found == {
        "region.name": (3, "the official name of code 33.72.03.1009 is Kauman, not Kaumann"),
        "region.district": (6, "code 33.72.03.1009 lies in Kecamatan Pasar Kliwon, not Pasar Kliwonn"),
        "region.city": (7, "code 33.72.03.1009 lies in Kota Surakarta, not Kota Solo"),
        "region.province": (8, "code 33.72.03.1009 lies in the province of Jawa Tengah, not Jateng"),
    }
    found_id = {w["path"]: w["message"] for w in warnings_of(region_file(tmp_path, wrong), "id")}
    assert found_id["region.name"] == "nama resmi kode 33.72.03.1009 adalah Kauman, bukan Kaumann"
    assert found_id["region.province"] == "kode 33.72.03.1009 terletak di Provinsi Jawa Tengah, bukan Jateng"


def test_a_kabupaten_is_not_the_kota_of_the_same_name(tmp_path: Path) -> None:
    path = region_file(tmp_path, {**KAUMAN, "city": "Kabupaten Surakarta"})
    (warning,) = warnings_of(path)
    assert warning["path"] == "region.city" and "Kota Surakarta" in str(warning["message"])


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "no code is given; these names identify Kauman, Pasar Kliwon, Kota Surakarta, Jawa Tengah,"
            " whose official code is 33.72.03.1009",
        ),
        (
            "id",
            "kode tidak diisi; nama-nama ini menunjuk Kauman, Pasar Kliwon, Kota Surakarta, Jawa Tengah,"
            " yang kode resminya 33.72.03.1009",
        ),
    ],
)
def test_a_missing_code_is_suggested_on_region(tmp_path: Path, lang: str, message: str) -> None:
    path = region_file(tmp_path, {k: v for k, v in KAUMAN.items() if k != "code"})
    (warning,) = warnings_of(path, lang)
    assert (warning["path"], warning["line"], warning["id"], warning["message"]) == (
        "region",
        2,
        "area.code_suggested",
        message,
    )


def test_a_desa_code_for_a_kelurahan_is_said_once(tmp_path: Path) -> None:
    # a desa code (its village part starts with 2) for a kelurahan: said once, by the shape check, not twice
    desa = {
        "name": "Pejeng",
        "level": "kelurahan",
        "code": "51.04.04.2001",
        "district": "Tampaksiring",
        "city": "Kabupaten Gianyar",
        "province": "Bali",
    }
    ids = [w["id"] for w in warnings_of(region_file(tmp_path, desa))]
    assert ids == ["warn.code_village_kind"]


def test_nothing_of_the_table_without_a_code_and_a_full_set_of_names(tmp_path: Path) -> None:
    partial = {"name": "Kauman", "level": "kelurahan", "city": "Kota Surakarta", "province": "Jawa Tengah"}
    assert warnings_of(region_file(tmp_path, partial)) == []


def test_eligibility_never_depends_on_the_code(tmp_path: Path) -> None:
    text = (EXAMPLES / "kauman-batik.yaml").read_text(encoding="utf-8")
    assert '"33.72.03.1009"' in text
    wrong = tmp_path / "kauman-wrong.yaml"
    wrong.write_text(text.replace('"33.72.03.1009"', '"33.72.03.1099"'), encoding="utf-8")
    criteria = criteria_sets.load("default")
    import datetime

    day = datetime.date.fromisoformat(AS_OF)
    right_result = assess_path(EXAMPLES / "kauman-batik.yaml", criteria, as_of=day)
    wrong_result = assess_path(wrong, criteria, as_of=day)
    assert wrong_result.verdict is right_result.verdict is Verdict.ELIGIBLE
    assert [(c.id, c.status, c.score) for c in wrong_result.criteria] == [
        (c.id, c.status, c.score) for c in right_result.criteria
    ]
    assert [w.message.id for w in wrong_result.warnings] == ["area.code_unknown"]


def test_every_report_names_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = region_file(tmp_path, KAUMAN)
    assert main(["assess", str(path), "--format", "json"]) in (0, 1)
    header = json.loads(capsys.readouterr().out)["area_table"]
    assert header == {
        "name": "idn-area-data",
        "version": "4.0.1",
        "licence": "ODbL-1.0",
        "decree": "Kepmendagri No. 300.2.2-2138 Tahun 2025",
    }
    for output_format in ("markdown", "html"):
        for lang, words in (
            ("en", "Area codes and names: idn-area-data 4.0.1 (ODbL-1.0), following"),
            ("id", "sesuai"),
        ):
            assert main(["checklist", str(path), "--format", output_format, "--lang", lang]) == 0
            out = capsys.readouterr().out
            assert words in out and "Kepmendagri No. 300.2.2-2138 Tahun 2025" in out


# --- ovop-assess area --------------------------------------------------------


def area_json(capsys: pytest.CaptureFixture[str], *query: str) -> tuple[int, dict[str, Any]]:
    code = main(["area", *query, "--format", "json"])
    found: dict[str, Any] = json.loads(capsys.readouterr().out)
    return code, found


@pytest.mark.parametrize(
    ("code", "name", "level", "parents"),
    [
        ("11.71", "Kota Banda Aceh", "kota", [None, None, "Aceh"]),
        ("91.71.01", "Jayapura Utara", "kecamatan", [None, "Kota Jayapura", "Papua"]),
        ("51.04.04.2001", "Pejeng", "desa", ["Tampaksiring", "Kabupaten Gianyar", "Bali"]),
        ("73.71.01.1001", "Bontorannu", "kelurahan", ["Mariso", "Kota Makassar", "Sulawesi Selatan"]),
        ("3372031009", "Kauman", "kelurahan", ["Pasar Kliwon", "Kota Surakarta", "Jawa Tengah"]),
        ("94", "Papua Tengah", "provinsi", [None, None, None]),
    ],
)
def test_area_by_code_gives_the_area_and_its_parents(
    capsys: pytest.CaptureFixture[str], code: str, name: str, level: str, parents: list[str | None]
) -> None:
    status, found = area_json(capsys, code)
    assert status == 0
    (match,) = found["matches"]
    assert (match["name"], match["level"], match["exact"]) == (name, level, True)
    got = [match[key]["name"] if match[key] else None for key in ("district", "regency", "province")]
    assert got == parents
    assert found["area_table"]["version"] == "4.0.1"


@pytest.mark.parametrize(
    ("query", "first_code"),
    [
        (["kauman", "surakarta"], "33.72.03.1009"),
        (["Ubud"], "51.04.05"),
        (["Cepogo"], "33.09.03"),
        (["Banda", "Aceh"], "11.71"),
        (["kadipiro", "banjarsari"], "33.72.05.1001"),
    ],
)
def test_area_by_name_lists_the_best_first(
    capsys: pytest.CaptureFixture[str], query: list[str], first_code: str
) -> None:
    status, found = area_json(capsys, *query)
    assert status == 0
    matches = found["matches"]
    assert isinstance(matches, list) and matches[0]["code"] == first_code and matches[0]["exact"] is True


def test_area_table_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["area", "kauman", "surakarta"]) == 0
    out = capsys.readouterr().out
    assert "Code" in out and "Province" in out and "33.72.03.1009" in out and "Pasar Kliwon" in out
    assert "1 area(s) matching 'kauman surakarta'" in out and "idn-area-data 4.0.1" in out
    assert main(["--lang", "id", "area", "Ubud"]) == 0
    out = capsys.readouterr().out
    assert "Kode" in out and "Provinsi" in out and "Tingkat" in out and "51.04.05" in out
    assert "sesuai Kepmendagri" in out
    assert main(["--lang", "id", "area", "9171011001"]) == 0
    out = capsys.readouterr().out
    assert "wilayah berkode 91.71.01.1001 beserta wilayah induknya" in out and "Kota Jayapura" in out


def test_area_misspelled_name_lists_close_spellings(capsys: pytest.CaptureFixture[str]) -> None:
    status, found = area_json(capsys, "kaumann", "surakarta")
    matches = found["matches"]
    assert status == 0 and isinstance(matches, list)
    assert matches[0]["code"] == "33.72.03.1009" and matches[0]["exact"] is False and matches[0]["partial"] is False
    status, found = area_json(capsys, "kauman", "solo")  # each word spelled right, no one area holds both
    assert isinstance(found["matches"], list) and all(m["partial"] and not m["exact"] for m in found["matches"])
    assert main(["area", "kaumann", "surakarta"]) == 0
    assert "no area is named exactly 'kaumann surakarta'" in capsys.readouterr().out


def test_area_nothing_found_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["area", "qxqxqxqxqx"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "no area of the official table matches 'qxqxqxqxqx'" in captured.err
    assert main(["area", "33.72.03.1099"]) == 1
    err = capsys.readouterr().err
    assert "code 33.72.03.1099 is not in the official area table; the nearest codes: 33.72.03.1010 Mojo" in err
    status, found = area_json(capsys, "33.72.03.1099")
    assert status == 1 and found["matches"] == [] and found["code"] == "33.72.03.1099"
    assert [n["code"] for n in found["nearest"]] == ["33.72.03.1010", "33.72.03.1009", "33.72.03.1008"]


def test_area_a_short_word_found_nowhere_asks_for_3_letters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["area", "xq"]) == 1
    err = capsys.readouterr().err
    assert "no area of the official table matches 'xq'; a word of one or two letters (xq)" in err
    assert "write at least 3 letters" in err
    assert main(["--lang", "id", "area", "xq"]) == 1
    assert "kata satu atau dua huruf (xq) hanya cocok dengan kata utuh" in capsys.readouterr().err
    status, found = area_json(capsys, "gu")
    assert status == 0 and found["matches"][0]["code"] == "74.14.06"


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (["33.7"], "is not an area code"),
        (["..."], "give a code or a name"),
        (["kota"], "'kota' is only a prefix (Kabupaten, Kota, Desa, Kelurahan, Kecamatan, Provinsi …), which names no"),
        (["Kabupaten"], "add the name, e.g. ovop-assess area kota surakarta"),
    ],
)
def test_area_bad_input_is_a_usage_error(capsys: pytest.CaptureFixture[str], query: list[str], words: str) -> None:
    assert main(["area", *query]) == 2
    assert words in capsys.readouterr().err


def test_a_prefix_alone_is_told_to_add_the_name_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "id", "area", "Kecamatan"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ovop-assess: 'Kecamatan' hanya awalan (Kabupaten, Kota, Desa, Kelurahan, Kecamatan,")
    assert "tambahkan namanya" in err and "berikan kode atau nama" not in err


def test_the_nearest_codes_are_kept_apart_by_semicolons(capsys: pytest.CaptureFixture[str]) -> None:
    # Each nearest code names its parents with commas: a comma between two of them would run them together.
    assert main(["area", "33.72.03.1099"]) == 1
    err = capsys.readouterr().err
    assert "33.72.03.1010 Mojo, Pasar Kliwon, Kota Surakarta, Jawa Tengah; 33.72.03.1009 Kauman, " in err
    assert "Jawa Tengah, 33.72" not in err


def test_area_help_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "id", "area", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Menampilkan isi tabel kode wilayah resmi" in out and "KODE|NAMA..." in out


# --- ovop-assess init --code ----------------------------------------------------


@pytest.mark.parametrize(
    ("code", "region"),
    [
        (
            "33.72.03.1009",
            [
                "name: Kauman",
                "level: kelurahan",
                'code: "33.72.03.1009"',
                "district: Pasar Kliwon",
                "city: Kota Surakarta",
                "province: Jawa Tengah",
            ],
        ),
        (
            "1101012001",
            None,
        ),
        ("51.04.04.2001", ["name: Pejeng", "level: desa", "district: Tampaksiring", "city: Kabupaten Gianyar"]),
        ("91.71.01", ["name: Jayapura Utara", "level: kecamatan", "city: Kota Jayapura", "province: Papua"]),
        ("73.71.01.1001", ["name: Bontorannu", "level: kelurahan", "province: Sulawesi Selatan"]),
    ],
)
def test_init_code_fills_region_and_the_file_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], code: str, region: list[str] | None
) -> None:
    target = tmp_path / "new.yaml"
    assert main(["init", "--code", code, str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    for expected in region or []:
        assert expected in lines, expected
    if code == "91.71.01":
        assert "district:" not in " ".join(lines)  # a kecamatan has no kecamatan above it
    # the filled template is a region file with no area warning and no error
    assert warnings_of(target) == []


def test_init_code_unknown_or_not_a_region_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new.yaml"
    assert main(["init", "--code", "33.72.03.1099", str(target)]) == 2
    err = capsys.readouterr().err
    assert "33.72.03.1099 is not in the official area table; the nearest codes: 33.72.03.1010 Mojo" in err
    assert not target.exists()
    assert main(["--lang", "id", "init", "--code", "11.71", str(target)]) == 2
    assert "kode 11.71 adalah Kota Banda Aceh (kota)" in capsys.readouterr().err
    assert main(["init", "--code", "33.7"]) == 2
    assert not target.exists()


def test_the_template_sample_code_is_in_the_table() -> None:
    import re

    from ovop_assess import areas
    from ovop_assess.schema import region_template

    template = region_template()
    sample = re.search(r'# code: "([0-9.]+)"', template)
    assert sample is not None
    area = areas.by_code(sample[1])
    assert area is not None and area.level == "desa"  # the template's level
    assert area.province is not None and f"province: {area.province.name}" in template
    assert f"{sample[1]} = Desa {area.name}" in template


def test_a_code_of_no_province_says_so_instead_of_listing_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    from ovop_assess.cli.main import main

    assert main(["init", "--code", "99.99.01"]) == 2
    assert "nor is any code near it" in capsys.readouterr().err
    assert main(["--lang", "id", "area", "99.99.01.2001"]) == 1
    err = capsys.readouterr().err
    assert "begitu pula kode yang dekat dengannya" in err and ": -" not in err


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("33.72.03", "kecamatan"),
        ("33.72.03.1009", "kelurahan"),  # a village part starting with 1
        ("33.10.01.2001", "desa"),  # with 2
        ("51.06.01.3001", None),  # 3 (a desa adat) names neither: no shape warning, the table decides
        ("33.72", None),
    ],
)
def test_a_code_names_its_level_by_its_shape(code: str, level: str | None) -> None:
    assert code_level(code) == level
    if level in ("kelurahan", "desa"):
        assert areas_table._level(code, "") == level  # the table reads the digit by the same rule
    assert areas_table._level("51.06.01.3001", "") == "desa"  # and a desa adat is a desa


def test_every_level_has_its_words() -> None:
    levels = {*LEVELS, *typing.get_args(AreaLevel)}
    assert {f"level.{level}" for level in levels} <= set(CATALOGUE)
    assert all(render(level_word(level), "id") == level for level in levels)  # the catalogue words them as they are
