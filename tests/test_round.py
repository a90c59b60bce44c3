"""The selection round: ranking, the row of each candidate, its formats, --previous, and the command."""

from __future__ import annotations

import datetime
import importlib.util
import json
import os
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.render.registry import formats_for, lookup
from ovop_assess.results import Assurance, CriterionResult, FileResult, Message, RegionInfo, SetInfo, Status, Verdict
from ovop_assess.selection_round import make_round, read_previous

ROOT = Path(__file__).resolve().parents[1]
REGIONS = ROOT / "examples" / "regions"
OFFICE = ROOT / "examples" / "round" / "office.yaml"
INFO = SetInfo("default", "2026.1", {"en": "Default", "id": "Bawaan"}, None)
DAY = datetime.date(2026, 12, 1)


def _criterion(cid: str, status: Status, missing: tuple[Message, ...] = ()) -> CriterionResult:
    score = 1.0 if status is Status.PASS else 0.0
    return CriterionResult(cid, cid.lower(), status, score, True, None, 1.0, (), (), missing)


def _result(
    name: str, verdict: Verdict, score: float, assurance: Assurance | None = None, **region: object
) -> FileResult:
    if verdict is Verdict.INVALID:
        return FileResult(f"{name}.yaml", None, verdict, 0.0)
    items = [Message("ui.none", {"item": n}) for n in range(4)]  # four different things missing
    criteria = (
        _criterion("C1", Status.PASS),
        _criterion("C2", Status.FAIL, (items[0], items[1])),
        _criterion("C3", Status.UNKNOWN, (items[2], items[3])),
    )
    info = RegionInfo(name, "desa", "Kabupaten Contoh", **region)  # type: ignore[arg-type]
    return FileResult(f"{name}.yaml", info, verdict, score, criteria, assurance=assurance)


def test_ranking_order() -> None:
    results = [
        _result("invalid", Verdict.INVALID, 0.0),
        _result("ne-low", Verdict.NOT_ELIGIBLE, 0.5),
        _result("inc", Verdict.INCOMPLETE, 0.6),
        _result("el-declared", Verdict.ELIGIBLE, 1.0, Assurance.DECLARED),
        _result("ne-high", Verdict.NOT_ELIGIBLE, 0.9),
        _result("el-verified", Verdict.ELIGIBLE, 0.9, Assurance.VERIFIED),
        _result("el-documented", Verdict.ELIGIBLE, 0.95, Assurance.DOCUMENTED),
        _result("el-documented-2", Verdict.ELIGIBLE, 0.97, Assurance.DOCUMENTED),
    ]
    document = make_round("0", INFO, results, as_of=DAY)
    order = [(c.rank, c.result.file.removesuffix(".yaml")) for c in document.candidates]
    assert order == [
        (1, "el-verified"),
        (2, "el-documented-2"),
        (3, "el-documented"),
        (4, "el-declared"),
        (5, "inc"),
        (6, "ne-high"),
        (7, "ne-low"),
        (None, "invalid"),
    ]


def test_a_row_names_what_fails_and_the_first_missing_items() -> None:
    document = make_round("0", INFO, [_result("a", Verdict.NOT_ELIGIBLE, 0.33, proposal_year=2027)], as_of=DAY)
    (row,) = document.candidates
    assert [c.id for c in row.open_criteria] == ["C2", "C3"]
    assert len(row.missing) == 3 and row.missing_total == 4
    assert document.year == 2027  # the proposal year the candidates give
    assert make_round("0", INFO, [], as_of=DAY).year == 2026
    assert make_round("0", INFO, [], as_of=DAY, year=2030).year == 2030


@pytest.mark.parametrize("name", [f for f in formats_for("round") if not lookup("round", f).binary])
def test_every_text_format_in_both_languages(name: str) -> None:
    results = [
        _result("Sukamaju", Verdict.ELIGIBLE, 0.875, Assurance.VERIFIED, district="Kec", code="32.14.01.2001",
                product="Keramik", kbli="23931", proposal_year=2027),
        _result("broken", Verdict.INVALID, 0.0),
    ]  # fmt: skip
    document = make_round("0", INFO, results, as_of=DAY)
    english = lookup("round", name).render_text(document, "en")
    indonesian = lookup("round", name).render_text(document, "id")
    for needle in ("Sukamaju", "32.14.01.2001", "Keramik", "23931", "2027", "broken.yaml"):
        assert needle in english and needle in indonesian, (name, needle)
    if name == "json":
        data = json.loads(english)
        assert data["round"] == {"year": 2027, "as_of": "2026-12-01", "office": None, "previous": None}
        first = data["candidates"][0]
        assert first["rank"] == 1 and first["assurance"] == "verified" and first["score"] == 0.875
        assert first["open_criteria"] == [{"id": "C2", "status": "fail"}, {"id": "C3", "status": "unknown"}]
        assert data["candidates"][1]["rank"] is None
        assert json.loads(indonesian)["candidates"][0]["score"] == 0.875  # JSON keeps points
    else:
        assert "0,88" in indonesian and "0.88" in english
        assert "1 Desember 2026" in indonesian and "1 December 2026" in english
        assert "terverifikasi" in indonesian and "verified" in english
        assert "Rekapitulasi Hasil Penilaian Calon Sentra OVOP Tahun 2027" in indonesian


def test_markup_from_region_files_is_escaped() -> None:
    document = make_round("0", INFO, [_result("<b>x</b> | *y*", Verdict.INCOMPLETE, 0.5)], as_of=DAY)
    page = lookup("round", "html").render_text(document, "en")
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    markdown = lookup("round", "markdown").render_text(document, "en")
    assert r"\| \*y\*" in markdown


def test_the_html_page_carries_the_letterhead_and_signatures(tmp_path: Path) -> None:
    page = tmp_path / "round.html"
    args = ["round", str(REGIONS), "--office", str(OFFICE), "--as-of", "2026-12-01", "--year", "2027"]
    assert main([*args, "--lang", "id", "--format", "html", "--output", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "PEMERINTAH" not in html  # the office's own words, as written; CSS sets the case
    assert "Pemerintah Kabupaten Purwakarta" in html and "Dinas Koperasi dan Usaha Mikro" in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert "Rekapitulasi Hasil Penilaian Calon Sentra OVOP Tahun 2027" in html
    assert "Purwakarta, 1 Desember 2026" in html
    assert "NIP 19700101 199003 1 001" in html and "Kepala Dinas" in html
    assert "size: A4" in html
    assert html.index("Kauman") < html.index("Kadipiro") < html.index("Bangli") < html.index("Cepogo")


def test_the_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["round", str(REGIONS), "--as-of", "2026-12-01"]) == 0  # written, whatever the verdicts
    capsys.readouterr()
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: [\n", encoding="utf-8")
    assert main(["round", str(REGIONS / "kauman-batik.yaml"), str(broken), "--format", "json"]) == 3
    data = json.loads(capsys.readouterr().out)
    assert [c["verdict"] for c in data["candidates"]] == ["eligible", "invalid"]
    # Why the invalid one is, for a script (stderr says it too): as the assess report gives its errors.
    eligible, invalid = data["candidates"]
    assert eligible["errors"] == [] and invalid["errors"][0]["line"] == 2  # (the list "format: [" leaves open)
    assert set(invalid["errors"][0]) >= {"path", "line", "column", "id", "message"}
    assert main(["round", str(REGIONS), "--format", "xml"]) == 2


def test_the_invalid_files_problems_on_stderr_carry_no_second_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("format: [\n", encoding="utf-8")
    assert main(["round", str(REGIONS / "kauman-batik.yaml"), str(tmp_path), "--as-of", "2026-12-01"]) == 3
    out, err = capsys.readouterr()
    assert "3 file(s): 1 eligible" in out and "0.00" not in out  # an invalid file has no score, not 0
    assert "a.yaml" in err and "b.yaml" in err and "file(s):" not in err and "0.00" not in err


def test_previous_adds_since_last_round(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "2025.json"
    assert main(["assess", str(REGIONS / "kauman-batik.yaml"), "--format", "json", "--output", str(old)]) == 0
    data = json.loads(old.read_text(encoding="utf-8"))
    data["results"][0]["verdict"], data["results"][0]["score"] = "incomplete", 0.5
    old.write_text(json.dumps(data), encoding="utf-8")
    args = ["round", str(REGIONS / "kauman-batik.yaml"), str(REGIONS / "bangli-bamboo-weaving.yaml")]
    assert main([*args, "--previous", str(old), "--format", "json"]) == 0
    rows = {c["region"]["name"]: c["since"] for c in json.loads(capsys.readouterr().out)["candidates"]}
    assert rows["Kauman"] == {"found": True, "verdict": "incomplete", "score": 0.5}
    assert rows["Bangli"] == {"found": False, "verdict": None, "score": None}
    assert main([*args, "--previous", str(old), "--format", "markdown", "--lang", "id"]) == 0
    markdown = capsys.readouterr().out
    assert "Sejak penilaian sebelumnya" in markdown and "↑ sebelumnya belum lengkap, 0,50" in markdown
    assert "| baru |" in markdown
    # a previous round report works too, matched by area code
    round_json = tmp_path / "round.json"
    assert main([*args, "--format", "json", "--output", str(round_json)]) == 0
    assert read_previous(round_json).by_code
    not_json = tmp_path / "x.json"
    not_json.write_text("[1]", encoding="utf-8")
    assert main([*args, "--previous", str(not_json)]) == 2
    assert "no JSON report of ovop-assess" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["round.json", "round.id.md", "round.id.html"])
def test_the_examples_round_matches_its_golden_output(name: str) -> None:
    spec = importlib.util.spec_from_file_location("update_golden", ROOT / "tests" / "update_golden.py")
    assert spec is not None and spec.loader is not None
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    golden = update.ROUND_GOLDEN / name
    assert golden.is_file(), "run .venv/bin/python tests/update_golden.py"
    assert update.render_round(*update.ROUND_OUTPUTS[name]) == golden.read_bytes(), (
        "if the change is intended, run `.venv/bin/python tests/update_golden.py` and review the diff"
    )


def test_a_hostile_or_missing_previous_report_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    region = str(REGIONS / "kauman-batik.yaml")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")  # json.loads would overflow the stack
    nan = tmp_path / "nan.json"
    nan.write_text('{"results": [{"region": {"name": "Kauman"}, "verdict": "eligible", "score": NaN}]}')
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # read blocking, it would hang the run
    for path in (deep, nan, fifo):
        assert main(["round", region, "--previous", str(path)]) == 2
        assert "is no JSON report of ovop-assess" in capsys.readouterr().err
    assert main(["round", region, "--previous", str(tmp_path / "none.json")]) == 2
    assert capsys.readouterr().err == f"ovop-assess: {tmp_path / 'none.json'}: file not found\n"


@pytest.mark.parametrize("score", ["1e999", "57", "-3", "true", '"0.5"', "1" + "0" * 400])
def test_a_previous_score_out_of_range_is_not_taken(
    score: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 1e999 made the round's JSON invalid (Infinity); a hand-edited 57 showed as "was eligible, 57.00".
    previous = tmp_path / "old.json"
    row = {"region": {"name": "Kauman", "level": "kelurahan", "city": "Kota Surakarta"}, "verdict": "eligible"}
    previous.write_text(json.dumps({"results": [row]})[:-3] + f', "score": {score}}}]}}', encoding="utf-8")
    args = ["round", str(REGIONS / "kauman-batik.yaml"), "--previous", str(previous), "--format", "json"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "Infinity" not in out and json.loads(out)["candidates"][0]["since"]["found"] is False
    # 1e999 (read as infinity) was passed over without a word; true was read as 1 and "0.5" as 0.5; an integer
    # of 400 digits overflowed float() (an internal error). Each is said as a score out of range.
    shown = "Infinity" if score == "1e999" else score if len(score) < 60 else score[:59] + "…"
    assert err == (
        f"ovop-assess: warning: {previous} gives Kauman, Kota Surakarta a score of {shown}, but a score is a "
        "number from 0 to 1: the report was changed after ovop-assess wrote it, so Kauman, Kota Surakarta is "
        "not looked up in it (shown as new)\n"
    )


def test_a_previous_score_just_past_1_is_said_in_indonesian_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = tmp_path / "old.json"
    region = {"name": "Kauman", "level": "kelurahan", "city": "Kota Surakarta"}
    previous.write_text(json.dumps({"results": [{"region": region, "verdict": "eligible", "score": 1.0000000001}]}))
    args = ["--lang", "id", "round", str(REGIONS / "kauman-batik.yaml"), "--previous", str(previous)]
    assert main([*args, "--format", "json"]) == 0
    assert capsys.readouterr().err == (
        f"ovop-assess: peringatan: {previous} memberi Kauman, Kota Surakarta skor 1.0000000001, padahal skor adalah "
        "angka dari 0 sampai 1: laporan itu diubah setelah ditulis ovop-assess, sehingga Kauman, Kota Surakarta "
        "tidak dicari di dalamnya (ditampilkan sebagai baru)\n"
    )


def test_brackets_in_a_region_are_its_text_never_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    text = (REGIONS / "kauman-batik.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: Kauman ", '  name: "[/] [bold]Kauman" ', 1)
    text = text.replace("  name: Batik Kauman\n", "  name: Batik Kauman [tulis]\n", 1)
    region = tmp_path / "kauman.yaml"
    region.write_text(text, encoding="utf-8")
    assert main(["round", str(region), "--as-of", "2026-12-01"]) == 0  # rich markup: exit 4, no round
    out = capsys.readouterr().out
    assert "[/] [bold]Kauman" in out and "Batik Kauman [tulis]" in out
    assert main(["area", "kauman [/]"]) in (0, 1)
    assert "internal error" not in capsys.readouterr().err


def test_previous_finds_the_same_sentra_as_compare_does(tmp_path: Path) -> None:
    def row(name: str, city: str, code: str | None, level: str = "desa") -> dict[str, object]:
        region = {"name": name, "level": level, "city": city, "code": code}
        return {"region": region, "verdict": "incomplete", "score": 0.5}

    previous = tmp_path / "last.json"
    rows = [row("Sukamaju", "Kabupaten Bandung", "32.06.08.2004"), row("Bangli", "Bangli", None, "kecamatan")]
    previous.write_text(json.dumps({"results": rows}), encoding="utf-8")
    earlier = read_previous(previous)
    other_sukamaju = RegionInfo("Sukamaju", "desa", "Kabupaten Bandung", code="32.06.38.2003")
    assert earlier.find(other_sukamaju) == (False, None, None)  # two codes differ: never the same by name
    assert earlier.find(RegionInfo("Sukamaju", "desa", "Kabupaten Bandung", code="3206082004")).found  # by code
    assert earlier.find(RegionInfo("Sukamaju", "desa", "Bandung")).found  # no code here: by name and city
    assert earlier.find(RegionInfo("Kecamatan Bangli", "kecamatan", "Kabupaten Bangli")).found  # prefixes aside
    assert not earlier.find(RegionInfo("Bangli", "desa", "Bangli")).found  # a desa is not the kecamatan


def test_a_narrow_terminal_gets_a_block_per_candidate(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # At 80 columns the table left "still missing" 7 letters a line; each candidate is a block instead.
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["round", str(REGIONS), "--as-of", "2026-12-01", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert "\n4. Rajapolah (desa), Rajapolah, Kabupaten Tasikmalaya\n" in out
    assert "   Yang masih kurang (butir-butir pertama): daftarkan jenis angkutan umum yang" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["round", str(REGIONS), "--as-of", "2026-12-01"]) == 0
    assert "\n4. Rajapolah" not in capsys.readouterr().out  # wide enough: the table


def test_an_invalid_candidate_says_why_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The round's row says only "invalid file": the problems go to stderr, as checklist and compare give them."""
    missing = tmp_path / "hilang.yaml"
    assert main(["round", str(missing), str(REGIONS / "kauman-batik.yaml"), "--format", "json"]) == 3
    err = capsys.readouterr().err
    assert "hilang.yaml" in err and "file not found" in err


def test_the_title_year_is_the_one_most_candidates_give_and_a_tie_is_none() -> None:
    from ovop_assess.selection_round import _usual_year

    def results(*years: int) -> list[FileResult]:
        return [_result(f"R{i}", Verdict.ELIGIBLE, 1.0, proposal_year=year) for i, year in enumerate(years)]

    assert _usual_year(results(2027, 2027, 2026), DAY) == 2027
    assert _usual_year(results(2012, 2008), DAY) == DAY.year
    assert _usual_year([], DAY) == DAY.year


def test_a_file_named_twice_is_ranked_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same file given directly and within its folder (or through a link) is one candidate, said so."""
    kauman = REGIONS / "kauman-batik.yaml"
    link = tmp_path / "link.yaml"
    link.symlink_to(kauman)
    args = ["round", str(kauman), str(REGIONS), str(link), "--format", "json", "--as-of", "2026-12-01"]
    assert main(args) == 0
    captured = capsys.readouterr()
    files = [c["file"] for c in json.loads(captured.out)["candidates"]]
    assert len(files) == len(set(files)) == len(list(REGIONS.glob("*.yaml")))
    assert "was given more than once: it is ranked once" in captured.err
    assert f"{link} is the same file as {kauman}: it is ranked once, as {kauman}" in captured.err
    assert main(["round", str(kauman), str(kauman), str(kauman), "--as-of", "2026-12-01"]) == 0
    assert capsys.readouterr().err.count("was given more than once") == 1  # given three times: said once
    assert main([*args, "--lang", "id"]) == 0
    assert "disebut lebih dari sekali" in capsys.readouterr().err


def test_a_copy_proposing_the_same_product_for_the_same_area_is_pointed_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "kauman-batik-lama.yaml"
    copy.write_bytes((REGIONS / "kauman-batik.yaml").read_bytes())
    assert main(["round", str(REGIONS), str(copy), "--format", "json", "--as-of", "2026-12-01"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["candidates"]) == len(list(REGIONS.glob("*.yaml"))) + 1  # both ranked
    [line] = [line for line in captured.err.splitlines() if "same product" in line]
    assert "kauman-batik.yaml and " in line and "kauman-batik-lama.yaml" in line and "old copy" in line


def test_two_products_of_one_area_are_two_candidates() -> None:
    from ovop_assess.same_sentra import repeated_candidates

    batik = RegionInfo("Kauman", "kelurahan", "Kota Surakarta", code="33.72.03.1009", product="Batik")
    pottery = batik._replace(product="Gerabah")
    same = batik._replace(code="3372031009", product=" batik ")  # the same, written otherwise
    other_place = batik._replace(code="33.72.03.1010")
    regions = [("a.yaml", batik), ("b.yaml", pottery), ("c.yaml", None), ("d.yaml", other_place), ("e.yaml", same)]
    assert repeated_candidates(regions) == [("a.yaml", "e.yaml", same)]


def test_a_thing_missing_for_two_criteria_is_said_once_and_a_waiver_is_shown() -> None:
    """The firms list missing for C1 and C2 is one thing to do; a candidate eligible through a waiver says so."""
    firms = Message("ui.none", {"item": "firms"})
    result = _result("a", Verdict.ELIGIBLE, 1.0, Assurance.DECLARED)._replace(
        criteria=(
            _criterion("C1", Status.UNKNOWN, (firms,)),
            _criterion("C2", Status.UNKNOWN, (firms, Message("ui.none", {"item": "export"}))),
            _criterion("C7", Status.WAIVED),
        )
    )
    (row,) = make_round("0", INFO, [result], as_of=DAY).candidates
    assert row.missing == (firms, Message("ui.none", {"item": "export"})) and row.missing_total == 2
    assert [c.id for c in row.waived] == ["C7"] and [c.id for c in row.open_criteria] == ["C1", "C2"]
    document = make_round("0", INFO, [result], as_of=DAY)
    assert json.loads(lookup("round", "json").render(document, "en"))["candidates"][0]["waived_criteria"] == ["C7"]
    assert "C1? C2? C7~" in lookup("round", "markdown").render(document, "en").replace("\\~", "~")


def test_the_signatures_keep_the_end_of_the_table_with_them() -> None:
    """Printed, a page holding the signatures alone is not signed: the legend and the signatures are the table's
    last row, which may not start a page, so the last candidate goes with them (Chromium carries no table row
    across a block's break-before; seen in print previews of 1 to 20 candidates, not testable here)."""
    from ovop_assess.office import load_office

    profile = load_office(OFFICE)
    document = make_round("0", INFO, [_result("a", Verdict.ELIGIBLE, 1.0)], as_of=DAY, office=profile)
    page = lookup("round", "html").render(document, "en")
    assert "table.round tr.closing { break-before: avoid;" in page
    closing = page[page.index('<tr class="closing">') : page.index("</table>")]
    assert 'class="legend"' in closing and 'class="signing"' in closing
    assert 'class="closing"' not in lookup("round", "html").render(make_round("0", INFO, [], as_of=DAY), "en")


def test_a_missing_file_named_twice_is_one_invalid_row_and_a_draft_without_product_pairs_with_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing, kauman = tmp_path / "nope.yaml", str(REGIONS / "kauman-batik.yaml")
    assert main(["round", str(missing), str(missing), kauman, "--format", "json", "--as-of", "2026-12-01"]) == 3
    assert len(json.loads(capsys.readouterr().out)["candidates"]) == 2
    draft = (  # a draft naming no product yet
        "format: ovop-region/1\nregion: {name: Kauman, level: kelurahan, city: Kota Surakarta, province: Jawa Tengah}\n"
    )
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(draft, encoding="utf-8")
    main(["round", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "--format", "json", "--as-of", "2026-12-01"])
    captured = capsys.readouterr()
    assert [c["verdict"] for c in json.loads(captured.out)["candidates"]] == ["incomplete", "incomplete"]
    assert all(c["product"] is None for c in json.loads(captured.out)["candidates"])
    assert "same product" not in captured.err and "None" not in captured.err


def test_a_firm_spreadsheet_s_warnings_are_said_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """The round's page has no room for a file's warnings; a firm in a hidden row counts towards the ranking
    like the others, so what the sheet hides must reach the office somewhere (a new user's walkthrough)."""
    assert main(["round", str(REGIONS), "--as-of", "2026-12-01", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert (
        "ovop-assess: warning: examples/regions/bayat-pottery.yaml: examples/regions/bayat-pottery-firms.xlsx, "
        "sheet Daftar UMKM, cell A1: columns not part of the firm list, ignored: No (A), Alamat (I), No. HP (J)\n"
    ) in err.replace(str(ROOT) + "/", "")


@pytest.mark.parametrize("output_format", ["table", "markdown", "html", "json", "xlsx"])
def test_a_lone_surrogate_in_the_previous_round_is_shown_escaped(output_format: str, tmp_path: Path) -> None:
    old = tmp_path / "2025.json"
    assert main(["assess", str(REGIONS / "kauman-batik.yaml"), "--format", "json", "--output", str(old)]) == 0
    data = json.loads(old.read_text(encoding="utf-8"))
    data["results"][0]["region"]["name"] = "Kauman\udc80"
    data["results"][0]["region"]["product"] = {"\ud800": ["\udfff"]}
    old.write_text(json.dumps(data), encoding="ascii")
    out = tmp_path / f"round.{output_format}"
    args = ["round", str(REGIONS / "kauman-batik.yaml"), "--previous", str(old), "-f", output_format]
    assert main([*args, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    previous = read_previous(old)
    assert [region.name for candidates in previous.by_name.values() for region, _ in candidates] == ["Kauman\\udc80"]


def test_paths_none_of_which_is_a_region_file_write_no_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped or empty folder is a usage error, not a page under a letterhead ranking one "invalid file"."""
    (tmp_path / "empty").mkdir()
    page = tmp_path / "rekap.html"
    args = ["round", str(tmp_path / "calon"), str(tmp_path / "empty"), "--format", "html", "--output", str(page)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert not page.exists()
    assert "no region file to rank" in err and "calon: file not found" in err and "nothing was written" in err
    assert "empty: this is a folder with no region files" in err
    assert main(["--lang", "id", "round", str(tmp_path / "calon")]) == 2
    assert "tidak ada berkas wilayah untuk diperingkat" in capsys.readouterr().err


def test_a_code_the_official_table_disputes_is_marked_on_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page goes into a letter: a code the official table does not have is marked there, and said on stderr
    with its file and line; a code the table only suggests (the file gives none) is said, not marked."""
    wrong = tmp_path / "kauman.yaml"
    text_ = (REGIONS / "kauman-batik.yaml").read_text(encoding="utf-8")
    assert 'code: "33.72.03.1009"' in text_
    wrong.write_text(text_.replace('code: "33.72.03.1009"', 'code: "33.72.03.1019"'), encoding="utf-8")
    cepogo = str(REGIONS / "boyolali-copper-craft.yaml")  # no code: the table gives 33.09.03
    assert main(["round", str(wrong), cepogo, "--format", "json", "--as-of", "2026-12-01"]) == 0
    captured = capsys.readouterr()
    first, second = json.loads(captured.out)["candidates"]
    line = text_[: text_.index("33.72.03.1009")].count("\n") + 1
    assert first["area_warnings"][0]["line"] == line
    assert (first["area_warnings"][0]["id"], first["area_warnings"][0]["path"]) == ("area.code_unknown", "region.code")
    assert second["area_warnings"][0]["id"] == "area.code_suggested"
    assert first["area_warnings"][0]["message"].startswith("code 33.72.03.1019 is not in the official area table")
    assert "33.09.03" in second["area_warnings"][0]["message"]
    assert f"kauman.yaml:{line}: code 33.72.03.1019 is not in the official area table" in captured.err
    assert main(["--lang", "id", "round", str(wrong), cepogo, "--format", "markdown", "--as-of", "2026-12-01"]) == 0
    page = capsys.readouterr().out
    assert "| 33.72.03.1019 ⚠ |" in page and "| — |" in page  # Cepogo gives no code: not marked
    assert "⚠ pada kode: kode itu tidak ada dalam tabel kode wilayah resmi" in page
    assert "Kode dan nama wilayah: idn-area-data" in page  # the table's edition, as its licence asks


def test_an_invalid_candidate_s_row_carries_no_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its row shows no code: no ⚠ beside the dash (an adversarial review)."""
    text_ = (REGIONS / "bayat-pottery.yaml").read_text(encoding="utf-8")  # its firm sheet not copied: invalid
    broken = text_.replace("  level: desa\n", '  level: desa\n  code: "33.10.03.2999"\n')
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    assert main(["round", str(tmp_path / "broken.yaml"), str(REGIONS / "kauman-batik.yaml"), "-f", "markdown"]) == 3
    page = capsys.readouterr().out
    assert "⚠ |" not in page and "— ⚠" not in page


def test_a_score_since_last_round_told_apart_says_the_score_now_as_finely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cepogo's 0.875 shows as 0.88 in its row: last round's 0.88 is then said "0.880 (now 0.875)", not a bare
    "↓ was 0.880" beside a row reading 0.88 (a review)."""
    old = tmp_path / "2025.json"
    cepogo = str(REGIONS / "boyolali-copper-craft.yaml")
    assert main(["assess", cepogo, "--format", "json", "--output", str(old)]) == 1
    data = json.loads(old.read_text(encoding="utf-8"))
    data["results"][0]["score"] = 0.88
    old.write_text(json.dumps(data), encoding="utf-8")
    assert main(["round", cepogo, "--previous", str(old), "--format", "markdown"]) == 0
    assert "↓ was not eligible, 0.880 (now 0.875)" in capsys.readouterr().out


def test_an_invalid_files_path_breaks_after_its_slashes_on_the_page(tmp_path: Path) -> None:
    # A narrow column broke "kalisampurno.yaml" as "kalisampurn o.yaml": the path may now break after a /.
    folder = tmp_path / "calon" / "kalisampurno"
    folder.mkdir(parents=True)
    (folder / "kalisampurno.yaml").write_text("format: ovop-region/1\nregion: {name: X\n", encoding="utf-8")
    page = tmp_path / "round.html"
    assert main(["round", str(tmp_path / "calon"), "-f", "html", "-o", str(page)]) == 3
    html = page.read_text(encoding="utf-8")
    # <wbr>, not a zero-width space: the path copied from the page is the path.
    assert "calon/<wbr>kalisampurno/<wbr>kalisampurno.yaml" in html and "calon/\u200b" not in html
