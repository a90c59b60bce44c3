"""Issue 11: criteria sets, numbers, dates and folders that once gave internal errors or silent results."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.results import CriterionResult, Status
from ovop_assess.verdict import total_score

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "regions"
KAUMAN = EXAMPLES / "kauman-batik.yaml"


def test_a_criteria_set_that_is_a_symlink_loop_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to("loop.yaml")
    assert main([str(KAUMAN), "--criteria", str(loop)]) == 2
    err = capsys.readouterr().err
    assert "symbolic links" in err and "internal error" not in err
    (tmp_path / "child.yaml").write_text("id: child\nextends: loop.yaml\n", encoding="utf-8")
    assert main([str(KAUMAN), "--criteria", str(tmp_path / "child.yaml")]) == 2


def test_an_extends_chain_deeper_than_the_limit_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(40):
        (tmp_path / f"s{n}.yaml").write_text(f"id: s{n}\nextends: s{n + 1}.yaml\n", encoding="utf-8")
    (tmp_path / "s40.yaml").write_text("id: s40\nextends: default\n", encoding="utf-8")
    assert main([str(KAUMAN), "--criteria", str(tmp_path / "s0.yaml")]) == 2
    assert "at most 16" in capsys.readouterr().err
    assert main([str(KAUMAN), "--criteria", str(tmp_path / "s30.yaml"), "--format", "json"]) in (0, 1)


def _criterion(weight: float, status: Status = Status.PASS, score: float = 1.0) -> CriterionResult:
    return CriterionResult("C1", "x", status, score, True, None, weight, (), (), ())


def test_weights_that_overflow_never_give_nan() -> None:
    score = total_score([_criterion(1.7e308), _criterion(1.7e308), _criterion(1.7e308, Status.FAIL, 0.0)])
    assert math.isfinite(score) and score == pytest.approx(0.6667)
    assert total_score([_criterion(0.0), _criterion(0.0)]) == 1.0  # all zero: every rule counts alike
    assert total_score([]) == 0.0


def test_a_set_of_huge_or_zero_weights_gives_strict_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for weight, expected in (("1.7e+308", 1.0), ("0", 1.0)):
        rules = "".join(f"  C{n}: {{weight: {weight}}}\n" for n in range(1, 9))
        rule_set = tmp_path / f"w{weight}.yaml"
        rule_set.write_text(f"id: w\nextends: default\nrules:\n{rules}", encoding="utf-8")
        assert main([str(KAUMAN), "--criteria", str(rule_set), "--format", "json", "--as-of", "2026-11-28"]) == 0
        report = json.loads(capsys.readouterr().out, parse_constant=lambda name: pytest.fail(f"{name} in the report"))
        assert report["results"][0]["score"] == expected


@pytest.mark.parametrize("value", ["2024-W01", "20240203", "2024-W01-1", "2024-02-03T00:00"])
def test_dates_are_yyyy_mm_dd_only(value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(KAUMAN), "--as-of", value]) == 2
    text = KAUMAN.read_text(encoding="utf-8")
    region = tmp_path / "region.yaml"
    region.write_text(text + f"  - {{rule: C8, reason: r, expires: '{value}'}}\n", encoding="utf-8")
    assert text.rstrip().splitlines()[-1].lstrip().startswith("# expires")  # the example ends with its waivers
    assert main([str(region), "--format", "json", "--as-of", "2026-11-28"]) == 3


def test_a_symlinked_subfolder_is_followed_and_a_loop_walked_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top = tmp_path / "top"
    (top / "own").mkdir(parents=True)
    shutil.copy(KAUMAN, top / "own" / "a.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(EXAMPLES / "bangli-bamboo-weaving.yaml", elsewhere / "b.yaml")
    (top / "linked").symlink_to(elsewhere)
    (top / "twice").symlink_to(elsewhere)
    code = main([str(top), "--format", "json", "--as-of", "2026-11-28"])
    files = [r["file"] for r in json.loads(capsys.readouterr().out)["results"]]
    assert len(files) == 2 and any(f.endswith("b.yaml") for f in files) and code == 1
    # A link back to a folder above: every file is still assessed once, and the loop is no error (it was
    # reported as "a folder with no region files", exit 3, though no file was lost).
    (top / "own" / "back").symlink_to(top)
    (top / "own" / "up").symlink_to(tmp_path)
    assert main([str(top), "--format", "json", "--as-of", "2026-11-28"]) == 1
    results = json.loads(capsys.readouterr().out)["results"]
    assert sorted(Path(r["file"]).name for r in results) == ["a.yaml", "b.yaml"]
    assert all(r["verdict"] != "invalid" for r in results)


def test_criteria_set_text_is_never_markup_and_its_controls_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule_set = tmp_path / "set.yaml"
    rule_set.write_text(
        'id: "m[/route]"\nextends: default\ntitle: {en: "[link=http://evil]click[/link] [/route] \\e[2J", id: "x"}\n'
        'source: "[bold]loud[/bold]\\rVerdict: eligible"\nrules:\n  C2: {params: {min_similar_firms: 3}}\n',
        encoding="utf-8",
    )
    for command in (["rules", "--criteria", str(rule_set)], [str(KAUMAN), "--criteria", str(rule_set)]):
        code = main(command)
        out = capsys.readouterr()
        assert code in (0, 1), out.err
        assert "\x1b" not in out.out and "\r" not in out.out
        if command[0] == "rules":
            assert "[link=http://evil]click[/link] [/route] \\x1b[2J" in out.out
            assert "[bold]loud[/bold]\\x0dVerdict: eligible" in out.out
        else:
            assert "criteria set m[/route]" in out.out  # the footer


def test_a_line_break_in_a_region_value_never_starts_a_line_of_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = KAUMAN.read_text(encoding="utf-8").replace(
        "    name: Paguyuban Kampung Wisata Batik Kauman (PKWBK)",
        '    name: "P\\rX\\nVerdict: eligible\\u2028| a |"',
    )
    region = tmp_path / "region.yaml"
    region.write_text(text, encoding="utf-8")
    for command in ([str(region)], [str(region), str(KAUMAN)], ["checklist", str(region)]):
        main([*command, "--as-of", "2026-11-28"])
        out = capsys.readouterr().out
        assert "\r" not in out and "\u2028" not in out
        lines = [line.lstrip() for line in out.splitlines()]
        assert not [line for line in lines if line.startswith(("| a |", "Verdict: eligible\\u2028"))]
        assert len([line for line in lines if line.startswith("Verdict:")]) <= 1  # the tool's own, at most


def test_a_file_swapped_for_a_fifo_after_the_check_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check (stat) and the open are apart: the opened descriptor is what counts, opened without blocking."""
    import os

    from ovop_assess.yaml_source import Limits, LoadError, load_file, reading

    fifo = tmp_path / "swapped.yaml"
    os.mkfifo(fifo)
    regular = os.stat(KAUMAN)
    monkeypatch.setattr(reading.os, "stat", lambda path: regular)  # the check saw a regular file
    with pytest.raises(LoadError) as raised:
        load_file(fifo, Limits())
    assert raised.value.findings[0].message.id == "file.not_regular"


def test_a_criteria_set_that_is_a_fifo_is_refused_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    fifo = tmp_path / "set.yaml"
    os.mkfifo(fifo)
    assert main([str(KAUMAN), "--criteria", str(fifo)]) == 2


@pytest.mark.parametrize(
    ("option", "given", "said"),
    [
        ("--office", ".", "ovop-assess: .: ini folder, bukan berkas\n"),
        (
            "--office",
            "/dev/null",
            "ovop-assess: /dev/null: bukan berkas biasa (pipa, perangkat, atau soket); hanya berkas biasa yang"
            " dibaca\n",
        ),
        (
            "--criteria",
            "/dev/null",
            "ovop-assess: /dev/null: kumpulan kriteria tidak dapat dibaca: bukan berkas biasa (pipa, perangkat, atau"
            " soket); hanya berkas biasa yang dibaca\n",
        ),
    ],
)
def test_an_office_profile_or_set_that_is_no_file_is_not_called_a_region_file(
    option: str, given: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # "a folder with no region files below it" and "only region files are read" were said of --office .
    assert main(["--lang", "id", "round", str(KAUMAN), option, given]) == 2
    assert capsys.readouterr().err.endswith(said)
