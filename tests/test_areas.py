"""The shipped Kemendagri area table, its look-ups and the checks of a region's code and names."""

from __future__ import annotations

import hashlib
import io
import json
import string
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from ovop_assess import area_dataset, areas
from ovop_assess.areas import Place
from ovop_assess.messages.areas import CHECKS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "ovop_assess" / "data" / "areas"
KAUMAN = "33.72.03.1009"


def lines(level: str) -> int:
    return (DATA / f"{level}.tsv").read_bytes().count(b"\n")


# --- the shipped table ----------------------------------------------------


def test_dataset_names_its_edition_and_licence() -> None:
    assert areas.DATASET == ("idn-area-data", "4.0.1", "ODbL-1.0", "Kepmendagri No. 300.2.2-2138 Tahun 2025")
    notice = (DATA / "NOTICE.md").read_text(encoding="utf-8")
    assert "idn-area-data 4.0.1" in notice and "300.2.2-2138 Tahun 2025" in notice and "ODbL" in notice
    assert (DATA / "LICENSE-DATA.md").read_text(encoding="utf-8").startswith("# Open Database License (ODbL)")


def test_every_report_names_the_edition_from_one_place() -> None:
    """The JSON reports' ``area_table``, the checklist's footer and ``area``'s table: areas.table.edition()."""
    from ovop_assess.areas.table import edition
    from ovop_assess.messages import text

    assert edition() == areas.DATASET._asdict()
    assert list(edition()) == ["name", "version", "licence", "decree"]  # the JSON's keys, in this order
    assert text("area.dataset", "en", **edition()).count("idn-area-data") == 1


def test_counts_of_the_shipped_table() -> None:
    # The 2025 decree: eight more kecamatan and one desa fewer than the 2022 one (7,277 and 83,763).
    assert {level: lines(level) for level in ("provinces", "regencies", "districts", "villages")} == {
        "provinces": 38,
        "regencies": 514,
        "districts": 7285,
        "villages": 83762,
    }
    counts = (area_dataset.PROVINCES, area_dataset.REGENCIES, area_dataset.DISTRICTS, area_dataset.VILLAGES)
    assert counts == (38, 514, 7285, 83762)


def test_each_level_file_is_sorted_by_code() -> None:
    for level in ("provinces", "regencies", "districts", "villages"):
        codes = [line.split("\t")[0] for line in (DATA / f"{level}.tsv").read_text(encoding="utf-8").splitlines()]
        assert codes == sorted(set(codes)), level


def test_kauman_with_its_parents() -> None:
    assert areas.by_code(KAUMAN) == areas.Area(
        KAUMAN,
        "Kauman",
        "kelurahan",
        Place("33", "Jawa Tengah"),
        Place("33.72", "Kota Surakarta"),
        Place("33.72.03", "Pasar Kliwon"),
    )


def test_kadipiro_in_banjarsari() -> None:
    area = areas.by_code("33.72.05.1001")
    assert area is not None
    assert (area.name, area.level) == ("Kadipiro", "kelurahan")
    assert area.parents == (
        Place("33", "Jawa Tengah"),
        Place("33.72", "Kota Surakarta"),
        Place("33.72.05", "Banjarsari"),
    )


def test_kecamatan_cepogo_in_boyolali() -> None:
    area = areas.by_code("33.09.03")
    assert area is not None
    assert (area.name, area.level, area.regency, area.district) == (
        "Cepogo",
        "kecamatan",
        Place("33.09", "Kabupaten Boyolali"),
        None,
    )


def test_levels_from_the_code() -> None:
    levels = {code: getattr(areas.by_code(code), "level", None) for code in ("33", "33.09", "33.72", "33.09.03.2013")}
    assert levels == {"33": "provinsi", "33.09": "kabupaten", "33.72": "kota", "33.09.03.2013": "desa"}
    # 3 as the village part's first digit is a desa adat (Kabupaten Jayapura).
    assert getattr(areas.by_code("91.03.01.3007"), "level", None) == "desa"


def test_codes_not_in_the_table_or_malformed() -> None:
    assert areas.by_code("33.72.03.1999") is None
    assert areas.by_code("99.01") is None
    assert areas.by_code("33.7.03") is None
    assert areas.by_code("") is None


def test_a_code_may_be_written_without_dots_or_with_spaces() -> None:
    assert areas.canonical_code("3372031009") == KAUMAN
    assert areas.canonical_code(" 33.72.03.1009 ") == KAUMAN
    assert areas.canonical_code("330903") == "33.09.03"
    assert areas.canonical_code("33720310") is None
    assert getattr(areas.by_code("3372031009"), "name", None) == "Kauman"


# --- search ---------------------------------------------------------------


def codes(query: str, limit: int = 10) -> list[str]:
    return [match.area.code for match in areas.search(query, limit)]


def test_several_words_narrow_to_the_area_in_that_city() -> None:
    assert codes("kauman surakarta") == [KAUMAN]
    assert codes("Kadipiro Banjarsari") == ["33.72.05.1001"]
    assert codes("  KAUMAN   Kota  Surakarta ") == [KAUMAN]


def test_whole_names_first_and_the_wider_area_before_the_narrower() -> None:
    found = codes("cepogo")
    assert found[:2] == ["33.09.03", "33.09.03.2013"]
    assert all(match.exact for match in areas.search("cepogo"))
    assert codes("Kab. Boyolali", 2) == ["33.09", "33.09.05"]
    assert codes("Kota Surakarta", 1) == ["33.72"]


def test_a_word_inside_a_longer_name_ranks_after_the_whole_name() -> None:
    found = areas.search("surakarta", 10)
    whole = [m.area.name for m in found if m.area.name.lower() in {"surakarta", "kota surakarta"}]
    assert found[0].area.code == "33.72" and whole == [m.area.name for m in found[: len(whole)]]
    assert "Abung Surakarta" in [m.area.name for m in found]


def test_a_code_as_the_query() -> None:
    assert areas.search("33.72.03.1009") == [areas.Match(areas.by_code(KAUMAN), True)]  # type: ignore[arg-type]
    assert areas.search("33.72.03.1999") == []


def test_misspelled_words_find_the_area_not_exactly() -> None:
    found = areas.search("kauwan surakarta")
    assert [m.area.code for m in found] == [KAUMAN] and not found[0].exact
    assert codes("kadipiro banjarsarri") == ["33.72.05.1001"]
    assert "34.71" in codes("jogjakarta")  # Kota Yogyakarta, through difflib when no one-letter edit is a name


def test_words_spelled_right_that_no_one_area_holds_are_said_so_not_called_a_close_spelling(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ovop_assess.cli.main import main

    found = areas.search("kauman solo")  # Solo is what people call Surakarta; the table says Surakarta
    assert found and all(m.partial and not m.exact for m in found)
    assert not any(m.partial for m in areas.search("kauwan surakarta"))  # a close spelling is one
    assert main(["area", "kauman solo", "--lang", "id"]) == 0
    title = " ".join(capsys.readouterr().out.split())
    assert "cocok dengan sebagian katanya" in title and "ejaan" not in title
    assert main(["area", "kauwan surakarta"]) == 0
    assert "close spelling" in " ".join(capsys.readouterr().out.split())


def test_a_word_of_one_or_two_letters_matches_only_whole_words() -> None:
    # "ka" is inside tens of thousands of names (Kauman, Sukamaju): looking at each took seconds.
    found = areas.search("ka", 50)
    assert found and all("ka" in areas.fold(m.area.name.encode()).decode().split() for m in found)
    assert codes("gu")[0] == "74.14.06"  # Kecamatan Gu: the whole name first
    assert {"74.14.01.1008", "12.12.24.2010"} <= set(codes("gu"))  # Gu Timur, Lumban Sirait Gu
    assert codes("xq") == [] and codes("kota ka") == codes("ka")
    assert not areas.search("kauman ka")[0].exact  # no Kauman has the word "ka": kauman alone is covered
    assert areas.look_up("kauman ka").short == ("ka",) and areas.look_up("kauman").short == ()


def test_nothing_to_search() -> None:
    assert areas.search("") == []
    assert areas.search("Kabupaten") == []
    assert areas.search("kauman", 0) == []
    assert areas.search("qqqqqqqqqqqq") == []


# --- comparing names ------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "official"),
    [
        ("pasar  KLIWON", "Pasar Kliwon"),
        ("Surakarta", "Kota Surakarta"),
        ("Kab. Boyolali", "Kabupaten Boyolali"),
        ("Kelurahan Kauman", "Kauman"),
        ("Kecamatan Cepogo", "Cepogo"),
        ("Desa Cepogo", "Cepogo"),
        ("Pasarkliwon", "Pasar Kliwon"),
        ("Kotabaru", "Kota Baru"),
        ("Toli Toli", "Kabupaten Toli-Toli"),
        ("DKI Jakarta", "Daerah Khusus Ibukota Jakarta"),
        ("DI Yogyakarta", "Daerah Istimewa Yogyakarta"),
    ],
)
def test_same_name(given: str, official: str) -> None:
    assert areas.same_name(given, official)


@pytest.mark.parametrize(
    ("given", "official"),
    [
        ("Kaumann", "Kauman"),
        ("Kabupaten Bogor", "Kota Bogor"),
        ("Kota Bogor", "Kabupaten Bogor"),
        ("Jawa Timur", "Jawa Tengah"),
    ],
)
def test_different_names(given: str, official: str) -> None:
    assert not areas.same_name(given, official)


# --- check_region ---------------------------------------------------------


def check(**fields: str | None) -> dict[str, tuple[str, dict[str, object]]]:
    region: dict[str, str | None] = {
        "code": KAUMAN,
        "name": "Kauman",
        "level": "kelurahan",
        "district": "Pasar Kliwon",
        "city": "Kota Surakarta",
        "province": "Jawa Tengah",
    }
    region.update(fields)
    return {f.path: (f.message_id, dict(f.values)) for f in areas.check_region(**region)}


def test_a_right_code_and_names_written_loosely_give_nothing() -> None:
    assert check() == {}
    assert check(name="KAUMAN", district="Kecamatan Pasar  Kliwon", city="Surakarta", province="Jawa tengah") == {}
    assert check(district=None) == {}


def test_each_differing_field_is_named_with_the_official_spelling() -> None:
    assert check(
        name="Kaumann", level="desa", district="Serengan", city="Kabupaten Surakarta", province="Jawa Timur"
    ) == {
        "region.name": ("area.name_differs", {"code": KAUMAN, "official": "Kauman", "given": "Kaumann"}),
        "region.level": ("area.level_differs", {"code": KAUMAN, "official": "kelurahan", "given": "desa"}),
        "region.district": ("area.district_differs", {"code": KAUMAN, "official": "Pasar Kliwon", "given": "Serengan"}),
        "region.city": (
            "area.city_differs",
            {"code": KAUMAN, "official": "Kota Surakarta", "given": "Kabupaten Surakarta"},
        ),
        "region.province": (
            "area.province_differs",
            {"code": KAUMAN, "official": "Jawa Tengah", "given": "Jawa Timur"},
        ),
    }


def test_a_kecamatan_code_is_compared_with_the_kecamatan_fields() -> None:
    kecamatan = {"code": "33.09.03", "name": "Cepogo", "level": "kecamatan", "district": None, "city": "Boyolali"}
    assert check(**kecamatan) == {}
    assert check(**{**kecamatan, "name": "Cepoga"})["region.name"] == (
        "area.name_differs",
        {"code": "33.09.03", "official": "Cepogo", "given": "Cepoga"},
    )
    assert check(**{**kecamatan, "level": "desa"})["region.level"][1]["official"] == "kecamatan"


def test_a_code_not_in_the_table_names_the_closest_codes_by_name() -> None:
    found = check(code="33.72.03.1099")
    message_id, values = found["region.code"]
    assert message_id == "area.code_unknown" and list(found) == ["region.code"]
    assert values["code"] == "33.72.03.1099"
    assert values["codes"][0] == KAUMAN  # type: ignore[index]
    assert values["suggestions"][0] == "33.72.03.1009 Kauman, Pasar Kliwon, Kota Surakarta, Jawa Tengah"  # type: ignore[index]


def test_an_unknown_kecamatan_in_the_code_and_a_misspelled_name_still_find_the_village() -> None:
    found = check(code="33.72.99.1009", name="Kaumn", city="Surakarta")
    assert found["region.code"][1]["codes"][0] == KAUMAN  # type: ignore[index]


def test_an_unknown_code_with_no_close_name() -> None:
    found = check(code="99.99.99.9999", name="Qxqxqxqx", district="Zzzz", city="Yyyy", province="Wwww")
    assert found == {"region.code": ("area.code_unknown_unmatched", {"code": "99.99.99.9999"})}


def test_no_code_but_names_of_exactly_one_area_suggest_its_code() -> None:
    assert check(code=None, city="Surakarta") == {
        "region": (
            "area.code_suggested",
            {"code": KAUMAN, "area": "33.72.03.1009 Kauman, Pasar Kliwon, Kota Surakarta, Jawa Tengah"},
        )
    }
    cepogo = check(code=None, name="Cepogo", level="kecamatan", district=None, city="Kab. Boyolali")
    assert cepogo["region"][1]["code"] == "33.09.03"


def test_no_code_and_names_of_no_single_area_give_nothing() -> None:
    assert check(code=None, name="Kaumann") == {}
    assert check(code=None, district=None) == {}  # a kelurahan's names are not complete without its kecamatan


def test_every_message_in_both_languages_with_the_same_placeholders() -> None:
    used = {
        "area.code_unknown",
        "area.code_unknown_unmatched",
        "area.level_differs",
        "area.name_differs",
        "area.district_differs",
        "area.city_differs",
        "area.province_differs",
        "area.code_suggested",
    }
    assert set(CHECKS) == used
    for texts in CHECKS.values():
        assert set(texts) == {"en", "id"}
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in texts.values()]
        assert fields[0] == fields[1]


def test_template_region() -> None:
    assert areas.template_region("3372031009") == {
        "name": "Kauman",
        "level": "kelurahan",
        "code": KAUMAN,
        "district": "Pasar Kliwon",
        "city": "Kota Surakarta",
        "province": "Jawa Tengah",
    }
    assert areas.template_region("33.09.03") == {
        "name": "Cepogo",
        "level": "kecamatan",
        "code": "33.09.03",
        "city": "Kabupaten Boyolali",
        "province": "Jawa Tengah",
    }
    assert areas.template_region("33.72") is None
    assert areas.template_region("33.72.03.1999") is None


# --- cost: nothing read before a look-up ------------------------------------

PROBE = """
import sys
opened = []
def hook(event, args):
    if event == "open" and "areas" in str(args[0]):
        opened.append(str(args[0]))
sys.addaudithook(hook)
from ovop_assess import areas
def tables():
    return sorted({p.rsplit("/", 1)[-1] for p in opened if p.endswith(".tsv")})
steps = {"import": tables()}
areas.check_region(None, "Kauman", "kelurahan", None, "Surakarta", "Jawa Tengah")
steps["incomplete names"] = tables()
areas.check_region(None, None, None, None, None, None)
steps["nothing"] = tables()
areas.by_code("33.72.03.1009")
steps["by code"] = tables()
print(json.dumps(steps))
"""


def test_the_table_is_read_only_by_a_look_up() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import json\n" + PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == {
        "import": [],
        "incomplete names": [],
        "nothing": [],
        "by code": ["districts.tsv", "provinces.tsv", "regencies.tsv", "villages.tsv"],
    }


# --- the regeneration script ------------------------------------------------


def synthetic_release(path: Path, version: str, villages: str) -> Path:
    files = {
        "package/package.json": json.dumps({"name": "idn-area-data", "version": version}),
        "package/data/LICENSE.md": "# Open Database License (ODbL)\n\nsynthetic\n",
        "package/data/provinces.csv": "code,name\n33,Jawa Tengah\n11,Aceh\n",
        "package/data/regencies.csv": (
            "code,province_code,name\n33.72,33,Kota Surakarta\n11.01,11,Kabupaten Aceh Selatan\n"
        ),
        "package/data/districts.csv": "code,regency_code,name\n33.72.03,33.72,Pasar  Kliwon\n11.01.01,11.01,Bakongan\n",
        "package/data/villages.csv": "code,district_code,name\n" + villages,
    }
    tarball = path / f"idn-area-data-{version}.tgz"
    with tarfile.open(tarball, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return tarball


def run_script(tarball: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "scripts" / "update_area_table.py"), str(tarball)]
    command += ["--out-dir", str(out / "areas"), "--module", str(out / "area_dataset.py"), *extra]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.*"))
    }


def test_the_script_gives_the_same_bytes_for_the_same_release(tmp_path: Path) -> None:
    villages = (
        '33.72.03.1009,33.72.03,Kauman\n11.01.01.2001,11.01.01,"Keude\tBakongan"\n33.72.03.1003,33.72.03,Pasarkliwon\n'
    )
    tarball = synthetic_release(tmp_path, "4.0.1", villages)
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_script(tarball, first).returncode == 0
    assert run_script(tarball, second).returncode == 0
    assert digest(first) == digest(second)
    assert (first / "areas" / "villages.tsv").read_text(encoding="utf-8") == (
        "11.01.01.2001\tKeude Bakongan\n33.72.03.1003\tPasarkliwon\n33.72.03.1009\tKauman\n"
    )
    assert (first / "areas" / "districts.tsv").read_text(
        encoding="utf-8"
    ) == "11.01.01\tBakongan\n33.72.03\tPasar Kliwon\n"
    assert (first / "areas" / "words.txt").read_text(encoding="utf-8").split() == sorted(
        {"aceh", "bakongan", "jawa", "kabupaten", "kauman", "keude", "kliwon", "kota", "pasar", "pasarkliwon"}
        | {"selatan", "surakarta", "tengah"}
    )
    module = (first / "area_dataset.py").read_text(encoding="utf-8")
    assert 'VERSION: Final = "4.0.1"' in module and "VILLAGES: Final = 3" in module and "2138 Tahun 2025" in module
    assert "idn-area-data 4.0.1" in (first / "areas" / "NOTICE.md").read_text(encoding="utf-8")


def test_the_script_refuses_an_orphan_row_and_an_unknown_decree(tmp_path: Path) -> None:
    orphan = synthetic_release(tmp_path, "4.0.1", "33.72.04.1001,33.72.04,Nowhere\n")
    done = run_script(orphan, tmp_path / "out")
    assert done.returncode == 1 and "no parent 33.72.04" in done.stderr
    future = synthetic_release(tmp_path, "9.0.0", "33.72.03.1009,33.72.03,Kauman\n")
    done = run_script(future, tmp_path / "out")
    assert done.returncode == 1 and "--decree" in done.stderr
    assert run_script(future, tmp_path / "out", "--decree", "Kepmendagri No. 1 Tahun 2030").returncode == 0


def test_a_hostile_long_name_is_never_edited_letter_by_letter() -> None:
    # The edits of an 8,000-letter word would take gigabytes, and difflib against every official name
    # seconds: a name far longer than any in the table is close to none, and is answered so at once.
    from ovop_assess.areas.lookup import _close_words
    from ovop_assess.areas.names import similarity

    long = "qz" * 4000
    assert _close_words(long) == [] and _close_words(long, thorough=False) == []
    assert similarity(long, "kauman") == pytest.approx(12 / 8006)
    assert similarity("kauman", "kaumen") == pytest.approx(5 / 6)  # short names: difflib as before
    assert not areas.look_up(long).matches


def test_a_query_of_more_words_than_any_area_has_matches_nothing_at_once() -> None:
    from ovop_assess.areas.lookup import MAX_QUERY_WORDS, search

    assert search(" ".join(["kauman"] * (MAX_QUERY_WORDS + 1))) == []
    assert search("kauman pasar kliwon surakarta jawa tengah")  # a full address is far below the cap
