"""A bug met on one file (not in a rule) ends that file's assessment, not the run.

The file's result is ``invalid`` with the error ``file.internal_error``
(the file itself may be fine), the other files are assessed and reported,
and the run ends with exit 4, the traceback shown with ``--debug``: in one
process and across workers (``--jobs``), for ``assess``, ``round``,
``checklist`` and ``compare``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovop_assess import validate as validate_module
from ovop_assess.assess import assess_path
from ovop_assess.cli.main import main
from ovop_assess.criteria_sets import load
from ovop_assess.sheets import read as sheet_read
from tests.cli.test_cli import AS_OF, ELIGIBLE, region_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def broken_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation raises (a bug) for a region named "Rusak", and only for it."""
    real = validate_module.validate

    def validate(loaded, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(loaded.data, dict) and (loaded.data.get("region") or {}).get("name") == "Rusak":
            raise KeyError("a bug met on this file")
        return real(loaded, *args, **kwargs)

    monkeypatch.setattr("ovop_assess.assess.validate", validate)


def _files(tmp_path: Path) -> list[Path]:
    return [
        region_file(tmp_path, "a.yaml", ELIGIBLE),
        region_file(tmp_path, "rusak.yaml", ELIGIBLE.replace("name: Contoh,", "name: Rusak,")),
        region_file(tmp_path, "c.yaml", ELIGIBLE.replace("name: Contoh,", "name: Lain,")),
    ]


@pytest.mark.usefixtures("broken_on")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_other_files_are_assessed_and_the_run_exits_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    code = main([*map(str, _files(tmp_path)), "--format", "json", "--jobs", jobs, *AS_OF])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert code == 4
    verdicts = [(Path(r["file"]).name, r["verdict"]) for r in report["results"]]
    assert verdicts == [("a.yaml", "eligible"), ("rusak.yaml", "invalid"), ("c.yaml", "eligible")]
    (error,) = report["results"][1]["errors"]
    assert error["id"] == "file.internal_error" and "KeyError" in error["message"]
    assert "rusak.yaml" in captured.err and "a bug met on this file" in captured.err
    assert "--debug" in captured.err and "Traceback" not in captured.err


@pytest.mark.usefixtures("broken_on")
def test_debug_shows_the_traceback_of_the_file_that_met_the_bug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*map(str, _files(tmp_path)), "--debug", *AS_OF]) == 4
    err = capsys.readouterr().err
    assert "Traceback" in err and "KeyError" in err and "in validate" in err


@pytest.mark.usefixtures("broken_on")
def test_indonesian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*map(str, _files(tmp_path)), "--lang", "id", *AS_OF]) == 4
    captured = capsys.readouterr()
    assert "kesalahan program (bug) di ovop-assess" in captured.out + captured.err
    assert "kode keluar 4" in captured.err


@pytest.mark.usefixtures("broken_on")
def test_round_ranks_the_others_and_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["round", *map(str, _files(tmp_path)), "--format", "json", *AS_OF])
    captured = capsys.readouterr()
    assert code == 4
    assert json.loads(captured.out)  # the round is written whole
    assert "rusak.yaml" in captured.err and "file.internal_error" not in captured.err


@pytest.mark.usefixtures("broken_on")
def test_checklist_and_compare_exit_4_not_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad, _ = _files(tmp_path)
    assert main(["checklist", str(bad), *AS_OF]) == 4
    assert "a bug met on this file" in capsys.readouterr().err
    assert main(["compare", str(good), str(bad), *AS_OF]) == 4
    assert "a bug met on this file" in capsys.readouterr().err


def test_a_bug_in_reading_a_firm_spreadsheet_stops_that_file_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise ZeroDivisionError("a bug in the sheet reader")

    monkeypatch.setattr(sheet_read, "firms_from_columns", broken)  # the CSV reader's last step
    criteria = load("default")
    sheet = assess_path(EXAMPLES / "regions" / "rajapolah-weaving.yaml", criteria, as_of=_as_of())
    assert sheet.verdict == "invalid" and sheet.crash is not None
    assert "ZeroDivisionError: a bug in the sheet reader" in sheet.crash.traceback
    assert [e.message.id for e in sheet.errors] == ["file.internal_error"]
    plain = assess_path(EXAMPLES / "regions" / "kauman-batik.yaml", criteria, as_of=_as_of())
    assert plain.crash is None and plain.verdict != "invalid"


def _as_of():  # type: ignore[no-untyped-def]
    import datetime

    return datetime.date.fromisoformat(AS_OF[1])


class _Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text")


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (OSError(2, "No such file", "daftar-\udcff.xlsx"), "daftar-\\udcff.xlsx"),  # a name not in UTF-8
        (_Unprintable(), "_Unprintable (its text could not be shown)"),
    ],
)
def test_an_exception_whose_text_cannot_be_written_still_leaves_the_report_whole(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], raised: Exception, said: str
) -> None:
    real = validate_module.validate

    def validate(loaded, *args, **kwargs):  # type: ignore[no-untyped-def]
        if (loaded.data.get("region") or {}).get("name") == "Rusak":
            raise raised
        return real(loaded, *args, **kwargs)

    monkeypatch.setattr("ovop_assess.assess.validate", validate)
    assert main([*map(str, _files(tmp_path)), "--format", "json", *AS_OF]) == 4
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [r["verdict"] for r in report["results"]] == ["eligible", "invalid", "eligible"]
    assert said in report["results"][1]["errors"][0]["message"]
