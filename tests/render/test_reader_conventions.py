"""The reader's conventions: documents for people write dates in full and, in Indonesian, decimal commas."""

from __future__ import annotations

import datetime
import html
import json
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.render.reader import decimal, long_date

BOYOLALI = Path(__file__).resolve().parents[2] / "examples" / "regions" / "boyolali-copper-craft.yaml"


def test_dates_and_decimals() -> None:
    assert long_date(datetime.date(2026, 12, 1), "id") == "1 Desember 2026"
    assert long_date(datetime.date(2026, 5, 31), "en") == "31 May 2026"
    assert decimal(0.875, "id") == "0,88" and decimal(0.875, "en") == "0.88"
    assert decimal(1.0, "id") == "1,00"


@pytest.mark.parametrize(
    ("score", "en", "id_"),
    [(0.125, "0.13", "0,13"), (0.725, "0.73", "0,73"), (0.625, "0.63", "0,63"), (1 / 3, "0.33", "0,33")],
)
def test_a_score_is_rounded_as_the_workbook_shows_it(score: float, en: str, id_: str) -> None:
    """Half up, as the number is written: the xlsx stores the score with the format 0.00, which Excel and
    LibreOffice show rounded half up (0.125 as 0,13); the page and the table must say the same (a new user saw
    0,12 on the round's page beside 0,13 in its workbook)."""
    assert (decimal(score, "en"), decimal(score, "id")) == (en, id_)


def test_the_table_and_checklist_under_lang_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", "id", str(BOYOLALI), "--as-of", "2026-12-01"])
    table = capsys.readouterr().out
    assert "skor total 0,88" in table and "0.88" not in table
    for output_format in ("markdown", "html"):
        target = tmp_path / f"checklist.{output_format}"
        args = ["checklist", str(BOYOLALI), "--as-of", "2026-12-01", "-f", output_format, "-o", str(target)]
        assert main(["--lang", "id", *args]) == 0
        page = target.read_text(encoding="utf-8")
        assert "1 Desember 2026" in page and "2026-12-01" not in page
        assert "0,88" in page and "0.88" not in page


def test_json_and_csv_keep_points(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", "id", str(BOYOLALI), "--as-of", "2026-12-01", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["results"][0]["score"] == 0.875
    main(["--lang", "id", str(BOYOLALI), "--as-of", "2026-12-01", "--format", "csv"])
    assert "0.875" in capsys.readouterr().out


# --- dates inside messages: in full for people, ISO for scripts --------------------------------------------

KAUMAN = Path(__file__).resolve().parents[2] / "examples" / "regions" / "kauman-batik.yaml"
EXPIRED = {
    "en": "A waiver of this criterion expired on 31 December 2026 and has no effect",
    "id": "Pengecualian kriteria ini berakhir pada 31 Desember 2026 sehingga sudah tidak berlaku",
}
VERIFY = {
    "en": "record the office's check of the facts of C1 under verification, dated on or before 5 January 2027",
    "id": "catat pemeriksaan dinas atas data C1 pada bagian verification, bertanggal paling lambat 5 Januari 2027",
}
ISO_EXPIRED = {"en": "expired on 2026-12-31 and", "id": "berakhir pada 2026-12-31 sehingga"}
ISO_VERIFY = {"en": "dated on or before 2027-01-05", "id": "bertanggal paling lambat 2027-01-05"}
AFTER_AS_OF = {
    "en": "this verification is dated 1 February 2027, after the assessment date 5 January 2027",
    "id": "verifikasi ini bertanggal 1 Februari 2027, setelah tanggal penilaian 5 Januari 2027",
}


def _expired_waiver(tmp_path: Path, extra: str = "") -> Path:
    """The Kauman example with its C7 waiver expiring on 31 December 2026 (assessed on 5 January 2027)."""
    text = KAUMAN.read_text(encoding="utf-8")
    marker = "    # expires: 2027-12-31"
    assert marker in text
    text = text.replace(marker, "    expires: 2026-12-31\n" + marker, 1) + extra
    path = tmp_path / "kauman.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "id"])
def test_dates_in_messages_are_written_in_full_in_the_table(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # every reason on one line of its cell
    late = "verification:\n  - {criteria: all, by: Tim penilai, date: 2027-02-01, method: field_visit}\n"
    path = _expired_waiver(tmp_path, late)
    main(["--lang", lang, str(path), "--as-of", "2027-01-05", "--min-assurance", "verified"])
    out = _words(capsys.readouterr().out)
    assert EXPIRED[lang] in out and VERIFY[lang] in out and AFTER_AS_OF[lang] in out
    assert "2026-12-31" not in out and "2027-01-05" not in out and "2027-02-01" not in out


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_dates_in_messages_are_written_in_full_in_the_checklist(lang: str, output_format: str, tmp_path: Path) -> None:
    target = tmp_path / f"checklist.{output_format}"
    args = [str(_expired_waiver(tmp_path)), "--as-of", "2027-01-05", "--min-assurance", "verified"]
    main(["--lang", lang, "checklist", *args, "-f", output_format, "-o", str(target)])
    page = _words(html.unescape(target.read_text(encoding="utf-8")))
    assert EXPIRED[lang] in page and VERIFY[lang] in page
    assert "2026-12-31" not in page and "2027-01-05" not in page


@pytest.mark.parametrize("lang", ["en", "id"])
def test_dates_in_messages_are_written_in_full_in_the_workbook(lang: str, tmp_path: Path) -> None:
    import python_calamine

    target = tmp_path / "report.xlsx"
    args = [str(_expired_waiver(tmp_path)), "--as-of", "2027-01-05", "--min-assurance", "verified"]
    main(["--lang", lang, *args, "-f", "xlsx", "-o", str(target)])
    with python_calamine.CalamineWorkbook.from_path(target) as book:
        sheets = [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]
    cells = [c for rows in sheets for row in rows for c in row]
    said = _words(" ".join(c for c in cells if isinstance(c, str)))
    assert EXPIRED[lang] in said and VERIFY[lang] in said
    assert ISO_EXPIRED[lang] not in said and ISO_VERIFY[lang] not in said


@pytest.mark.parametrize("lang", ["en", "id"])
def test_dates_in_the_rounds_missing_items_are_written_in_full(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    criteria = tmp_path / "verified.yaml"  # (round has no --min-assurance: a set asks for it)
    criteria.write_text("id: verified\nextends: default\nmin_assurance: verified\n", encoding="utf-8")
    args = [str(_expired_waiver(tmp_path)), "--as-of", "2027-01-05", "--criteria", str(criteria)]
    main(["--lang", lang, "round", *args, "-f", "markdown"])
    out = _words(capsys.readouterr().out)
    assert VERIFY[lang] in out and ISO_VERIFY[lang] not in out
    main(["--lang", lang, "round", *args])  # the table (its cell wraps the item)
    out = capsys.readouterr().out
    assert "2027-01-05" not in out and ("5 Januari" if lang == "id" else "5 January") in out
    main(["--lang", lang, "round", *args, "-f", "json"])
    (candidate,) = json.loads(capsys.readouterr().out)["candidates"]
    assert any(ISO_VERIFY[lang] in item for item in candidate["missing"])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_json_and_the_ci_formats_keep_dates_iso(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """docs/json-report.md: dates stay ISO (2026-12-01) in the texts of the JSON report; JUnit and GitHub too."""
    args = [str(_expired_waiver(tmp_path)), "--as-of", "2027-01-05", "--min-assurance", "verified"]
    main(["--lang", lang, *args, "--format", "json"])
    criteria = {c["id"]: c for c in json.loads(capsys.readouterr().out)["results"][0]["criteria"]}
    assert any(ISO_EXPIRED[lang] in w for w in criteria["C7"]["warnings"])
    assert any(ISO_VERIFY[lang] in m for m in criteria["C1"]["missing"])
    for output_format in ("junit", "github"):
        main(["--lang", lang, *args, "--format", output_format])
        out = capsys.readouterr().out
        assert ISO_EXPIRED[lang] in out and "31 Desember" not in out and "31 December" not in out


@pytest.mark.parametrize("lang", ["en", "id"])
def test_compare_writes_the_dates_of_missing_items_in_full(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    path = _expired_waiver(tmp_path)
    report = tmp_path / "old.json"
    base = ["--as-of", "2027-01-05", "--min-assurance", "verified"]
    main(["--lang", lang, str(path), *base, "--format", "json", "-o", str(report)])
    main(["--lang", lang, "compare", str(report), str(path), *base, "-f", "markdown"])
    out = _words(capsys.readouterr().out)
    assert VERIFY[lang] in out and ISO_VERIFY[lang] not in out  # NEW's items, which are a region file's
    main(["--lang", lang, "compare", str(report), str(path), *base, "-f", "json"])
    changes = json.loads(capsys.readouterr().out)["criteria"]
    fields = ("still_missing", "added", "newly_missing")
    items = [item for change in changes for field in fields for item in change[field]]
    assert items and not any("Januari" in item or "January" in item for item in items)


def test_two_scores_are_written_with_the_decimals_that_tell_them_apart() -> None:
    """An adversarial review: compare said "0.13 → 0.13: improved" once 0.125 was written 0.13."""
    from ovop_assess.render.reader import places_apart

    assert places_apart(0.125, 0.13) == 3 and decimal(0.125, "en", 3) == "0.125"
    assert places_apart(0.875, 0.88) == 3
    assert places_apart(0.5, 0.75) == 2 and places_apart(0.5, 0.5) == 2
