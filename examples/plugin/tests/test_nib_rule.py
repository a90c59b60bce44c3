"""The plugin's rule cases, run with ovop-assess's own helper, and the plugin seen from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovop_assess.cli.main import main
from ovop_assess.testing import RuleCase, case_ids, check_case, load_cases

HERE = Path(__file__).parent
CASES = load_cases(HERE / "cases" / "NIB1.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_rule_case(case: RuleCase) -> None:
    check_case(case)


def test_enabled_by_a_criteria_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    region = tmp_path / "r.yaml"
    region.write_text(
        "format: ovop-region/1\nregion: {name: X, level: desa, city: C, province: P}\n"
        "firms:\n  - {name: A, role: champion}\n",
        encoding="utf-8",
    )
    main([str(region), "--criteria", str(HERE.parent / "nib-required.yaml"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    nib = next(c for c in report["results"][0]["criteria"] if c["id"] == "NIB1")
    assert nib["status"] == "fail" and nib["required"] is False
    assert main(["explain", "NIB1"]) == 0
    assert "firms-hold-nib" in capsys.readouterr().out


def test_a_firm_without_a_nib_in_a_spreadsheet_is_located_at_its_empty_nib_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "daftar.csv").write_text(
        "Nama Usaha;Peran;NIB\nA;penggerak;0000000000001\nB;binaan;\n", encoding="utf-8"
    )
    region = tmp_path / "r.yaml"
    region.write_text(
        "format: ovop-region/1\nregion: {name: X, level: desa, city: C, province: P}\nfirms: {file: daftar.csv}\n",
        encoding="utf-8",
    )
    main([str(region), "--criteria", str(HERE.parent / "nib-required.yaml"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    nib = next(c for c in report["results"][0]["criteria"] if c["id"] == "NIB1")
    [where] = nib["locations"]
    assert (where["path"], where["line"], Path(where["file"]).name, where["cell"]) == (
        "firms[1].nib",
        3,
        "daftar.csv",
        "C3",
    )
