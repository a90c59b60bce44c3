"""Bad input, end to end through the CLI (spec: cli.md, "Bad input" and "Exit codes").

Every file of ``tests/bad_inputs/`` is assessed with
``ovop-assess assess FILE --format json --as-of 2026-11-28`` and must give
exit 3, verdict ``invalid`` and exactly the errors listed for it in
``tests/bad_inputs/expected.yaml`` (line, column, field path, message id and
a piece of the text), all at once, in plain words, without a traceback.

Hostile files that would be large (deep nesting, over the size limit, too
many values) are generated into ``tmp_path``. They are not timed here (timing
tests are flaky); each is made to finish in well under a second.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from ovop_assess.cli.main import main
from ovop_assess.messages import CATALOGUE

BAD = Path(__file__).parent / "bad_inputs"
EXPECTED: dict[str, list[dict[str, Any]]] = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
AS_OF = "2026-11-28"
CASES = sorted(EXPECTED)

# Words of pydantic's and Python's own error texts, which must never reach a user.
RAW_WORDS = (
    "Traceback",
    "Input should",
    "validation error",
    "Field required",
    "Extra inputs",
    "errors.pydantic.dev",
    "type=",
    "ValidationError",
    "Exception",
)

GOOD = """\
format: ovop-region/1
region:
  name: Kauman
  level: kelurahan
  code: "33.72.03.1009"
  city: Kota Surakarta
  province: Jawa Tengah
product:
  name: Batik tulis dan cap Kauman
  category: batik
firms:
  - {name: Batik Kauman A, role: champion, willing_to_lead: true}
  - {name: Batik Kauman B, role: mentee}
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    for word in RAW_WORDS:
        assert word not in captured.out and word not in captured.err, f"{word!r} shown to the user"
    return code, captured.out, captured.err


def _assess_json(capsys: pytest.CaptureFixture[str], *paths: str | Path, options: tuple[str, ...] = ()) -> Any:
    code, out, _ = _run(capsys, "assess", *(str(p) for p in paths), "--format", "json", "--as-of", AS_OF, *options)
    report = json.loads(out)
    report["exit"] = code
    return report


def _ids(result: dict[str, Any]) -> list[str]:
    return [error["id"] for error in result["errors"]]


def _copy_case(case: str, folder: Path) -> str:
    """The case file copied into ``folder`` (the working directory of the test), by its bare name."""
    name = f"{case}.yaml"
    shutil.copyfile(BAD / name, folder / name)
    return name


def _check_plain(result: dict[str, Any]) -> None:
    """Every error is a catalogue message in plain words, with a line wherever the file has one."""
    for error in result["errors"]:
        assert error["id"] in CATALOGUE, error
        assert error["message"] and error["message"] != error["id"], error
        assert error["line"] is None or error["line"] >= 1, error
        assert error["column"] is None or error["column"] >= 1, error


def _invalid(report: dict[str, Any], index: int = 0) -> dict[str, Any]:
    result: dict[str, Any] = report["results"][index]
    assert result["verdict"] == "invalid", result
    assert result["criteria"] == [] and result["region"] is None
    assert result["errors"], "an invalid file must say why"
    _check_plain(result)
    return result


# --- the corpus ---------------------------------------------------------------------


def test_every_corpus_file_has_expectations() -> None:
    files = {p.stem for p in BAD.iterdir() if p.suffix == ".yaml" and p.name != "expected.yaml"}
    assert files == set(EXPECTED), "tests/bad_inputs/*.yaml and expected.yaml must list the same cases"


@pytest.mark.parametrize("case", CASES)
def test_bad_input_json(case: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    name = _copy_case(case, tmp_path)
    report = _assess_json(capsys, name)
    assert report["exit"] == 3
    assert report["summary"]["invalid"] == 1
    result = _invalid(report)
    assert result["file"] == name
    got = [(e["line"], e["path"], e["id"]) for e in result["errors"]]
    want = [(e["line"], e["path"], e["id"]) for e in EXPECTED[case]]
    assert got == want
    for error, expected in zip(result["errors"], EXPECTED[case], strict=True):
        if "column" in expected:
            assert error["column"] == expected["column"], (expected, error)
        assert expected["text"] in error["message"], (expected, error)
    # Tags never build objects: the Python tags of python-object-tags.yaml would create this file.
    assert not (tmp_path / "ovop-pwned-marker").exists()


@pytest.mark.parametrize("case", CASES)
def test_bad_input_table_names_file_and_line(
    case: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    name = _copy_case(case, tmp_path)
    code, out, _ = _run(capsys, "assess", name, "--as-of", AS_OF)
    assert code == 3
    for expected in EXPECTED[case]:
        where = f"{name}:{expected['line']}" if expected["line"] is not None else name
        assert where in out, f"{where} not in the table:\n{out}"
        if expected["path"]:
            assert f" {expected['path']}:" in out


@pytest.mark.parametrize("case", CASES)
def test_bad_input_in_bahasa_indonesia(
    case: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    name = _copy_case(case, tmp_path)
    report = _assess_json(capsys, name, options=("--lang", "id"))
    result = _invalid(report)
    english = {e["text"] for e in EXPECTED[case]}
    for error in result["errors"]:
        assert not any(text in error["message"] for text in english if " " in text and text.isascii()), error


def test_indonesian_texts_are_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    report = _assess_json(capsys, BAD / "yaml11-booleans.yaml", options=("--lang", "id"))
    message = report["results"][0]["errors"][0]["message"]
    assert "tulis dalam tanda kutip" in message and "benar/salah" in message
    report = _assess_json(capsys, BAD / "syntax-tab-indentation.yaml", options=("--lang", "id"))
    assert "spasi" in report["results"][0]["errors"][0]["message"]


# --- several files in one run ------------------------------------------------------------


def test_batch_good_file_still_assessed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad = [BAD / f"{case}.yaml" for case in ("not-utf8-latin1", "syntax-tab-indentation", "alias-bomb", "wrong-types")]
    missing = tmp_path / "nowhere.yaml"
    report = _assess_json(capsys, bad[0], good, *bad[1:], missing)
    assert report["exit"] == 3
    results = report["results"]
    assert [r["file"] for r in results] == [str(p) for p in (bad[0], good, *bad[1:], missing)]
    assessed = results[1]
    assert assessed["verdict"] != "invalid" and assessed["errors"] == []
    assert assessed["region"]["name"] == "Kauman"
    assert {c["id"] for c in assessed["criteria"]} >= {"C1", "C2", "C8"}
    for index in (0, 2, 3, 4, 5):
        _invalid(report, index)
    assert _ids(results[5]) == ["file.not_found"]
    assert report["summary"]["invalid"] == 5 and report["summary"]["files"] == 6


def test_batch_table_lists_every_bad_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    names = [_copy_case(case, tmp_path) for case in ("duplicate-firm-names", "empty")]
    code, out, _ = _run(capsys, "assess", "good.yaml", *names, "--as-of", AS_OF)
    assert code == 3
    assert "duplicate-firm-names.yaml:11:12: firms[2].name:" in out
    assert "empty.yaml:1: the file is empty" in out
    assert "Kauman" in out


def test_folder_with_bad_files_and_a_folder_named_like_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "regions"
    (folder / "nested.yaml").mkdir(parents=True)  # a folder where a file is expected: skipped
    (folder / "a-good.yaml").write_text(GOOD, encoding="utf-8")
    shutil.copyfile(BAD / "duplicate-key-top.yaml", folder / "b-bad.yaml")
    report = _assess_json(capsys, folder)
    assert report["exit"] == 3
    files = [Path(r["file"]).name for r in report["results"]]
    assert files == ["a-good.yaml", "b-bad.yaml"]
    assert report["results"][0]["verdict"] != "invalid"
    assert _ids(_invalid(report, 1)) == ["yaml.duplicate_key"]


def test_file_and_folder_in_one_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = _write(tmp_path, "good.yaml", GOOD)
    folder = tmp_path / "more"
    folder.mkdir()
    shutil.copyfile(BAD / "nib-12-digits.yaml", folder / "nib.yaml")
    (folder / "notes.txt").write_text("not a region file", encoding="utf-8")
    report = _assess_json(capsys, good, folder)
    assert report["exit"] == 3
    assert [Path(r["file"]).name for r in report["results"]] == ["good.yaml", "nib.yaml"]
    assert report["results"][0]["verdict"] != "invalid"
    assert _ids(_invalid(report, 1)) == ["schema.nib_length_quoted"]


def test_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = _assess_json(capsys, tmp_path / "no-such-region.yaml")
    assert report["exit"] == 3
    result = _invalid(report)
    assert result["errors"] == [
        {"path": "", "line": None, "column": None, "id": "file.not_found", "message": "file not found"}
    ]


def test_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        report = _assess_json(capsys, locked)
    finally:
        locked.chmod(0o644)
    assert report["exit"] == 3
    assert _ids(_invalid(report)) == ["file.no_permission"]


# --- hostile files, generated --------------------------------------------------------------


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "format: ovop-region/1\nregion: " + "[" * 100_000 + "\n",
        "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "{a: " * 100_000 + "\n",
        "- " * 100_000 + "x\n",
    ],
    ids=["flow-open", "flow-in-field", "flow-closed", "flow-mappings", "block-compact"],
)
def test_deep_nesting_is_refused_not_crashing(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str) -> None:
    report = _assess_json(capsys, _write(tmp_path, "deep.yaml", text))
    assert report["exit"] == 3
    result = _invalid(report)
    assert _ids(result) == ["yaml.too_deep"]
    assert result["errors"][0]["line"] in (1, 2)
    assert "32" in result["errors"][0]["message"]


def test_deep_flow_with_the_highest_depth_limit_still_does_not_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # --max-depth stops at 256 (ovop_assess.yaml_source.limits.MAX_DEPTH_CAP), below Python's recursion
    # limit and libyaml's own 1000 levels (a larger limit: tests/test_yaml_source.py).
    report = _assess_json(capsys, _write(tmp_path, "deep.yaml", "[" * 100_000), options=("--max-depth", "256"))
    assert report["exit"] == 3
    result = _invalid(report)
    assert _ids(result) == ["yaml.too_deep"]
    assert "256" in result["errors"][0]["message"]


def test_deep_block_nesting(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = "format: ovop-region/1\nregion:\n" + "".join("  " * (i + 2) + f"k{i}:\n" for i in range(60)) + "\n"
    report = _assess_json(capsys, _write(tmp_path, "deep.yaml", text))
    result = _invalid(report)
    assert _ids(result) == ["yaml.too_deep"]
    error = result["errors"][0]
    # region is level 1, the value of k31 level 33: the first level over the limit of 32.
    assert error["path"] == "region." + ".".join(f"k{i}" for i in range(32))
    assert error["line"] == 35  # where that value (the mapping holding k32) starts


def test_max_depth_raises_the_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    deep = "[" * 40 + "batik" + "]" * 40
    path = _write(tmp_path, "deep.yaml", GOOD + f"resources:\n  - type: skill\n    description: {deep}\n")
    assert _ids(_invalid(_assess_json(capsys, path))) == ["yaml.too_deep"]
    # With room for 40 levels the file is read, and what is left is an ordinary schema error.
    result = _invalid(_assess_json(capsys, path, options=("--max-depth", "64")))
    assert _ids(result) == ["schema.expected_text"]
    assert result["errors"][0]["path"] == "resources[0].description"
    # A limit lower than the file's own nesting refuses a good file.
    good = _write(tmp_path, "good.yaml", GOOD)
    assert _ids(_invalid(_assess_json(capsys, good, options=("--max-depth", "2")))) == ["yaml.too_deep"]
    assert _assess_json(capsys, good)["results"][0]["verdict"] != "invalid"


def test_file_over_the_size_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    padding = "# padding to make the file large\n" * 40_000  # about 1.3 MB of comments
    path = _write(tmp_path, "large.yaml", GOOD + padding)
    report = _assess_json(capsys, path)
    assert report["exit"] == 3
    result = _invalid(report)
    assert _ids(result) == ["file.too_large"]
    assert "--max-bytes" in result["errors"][0]["message"]
    assert f"({path.stat().st_size:,} bytes)" in result["errors"][0]["message"]
    raised = _assess_json(capsys, path, options=("--max-bytes", "2000000"))
    assert raised["results"][0]["verdict"] != "invalid"
    assert raised["exit"] != 3
    lowered = _assess_json(capsys, _write(tmp_path, "small.yaml", GOOD), options=("--max-bytes", "100"))
    assert _ids(_invalid(lowered)) == ["file.too_large"]


def test_too_many_values_and_max_nodes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    modes = ", ".join(["bus"] * 60_000)
    path = _write(tmp_path, "wide.yaml", GOOD + f"access:\n  public_transport: [{modes}]\n")
    result = _invalid(_assess_json(capsys, path))
    assert _ids(result) == ["yaml.too_many_nodes"]
    assert result["errors"][0]["line"] == 15
    raised = _assess_json(capsys, path, options=("--max-nodes", "100000"))
    assert raised["results"][0]["verdict"] != "invalid"


def test_alias_bomb_with_raised_node_limit_is_still_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    # 9^9 values: no limit a user would set lets it through, and the refusal is still quick.
    monkeypatch.chdir(tmp_path)
    name = _copy_case("alias-bomb", tmp_path)
    result = _invalid(_assess_json(capsys, name, options=("--max-nodes", "500000")))
    # Refused by the node count or, first, by the text the aliases repeat (--max-bytes).
    assert _ids(result) in (["yaml.too_many_nodes"], ["yaml.expanded_too_large"])
    assert "500000" in result["errors"][0]["message"] or "1,048,576 characters" in result["errors"][0]["message"]


def test_thousands_of_problems_are_counted_not_all_listed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = GOOD + "".join(f"extra_{i}: 1\n" for i in range(5_000))
    path = _write(tmp_path, "noisy.yaml", text)
    result = _invalid(_assess_json(capsys, path))
    assert len(result["errors"]) == 101
    assert result["errors"][0]["path"] == "extra_0" and result["errors"][0]["line"] == 14
    last = result["errors"][-1]
    assert last["id"] == "file.more_errors"
    assert "4900 more problems" in last["message"]
    assert last["line"] == 114
    code, out, _ = _run(capsys, "assess", str(path), "--as-of", AS_OF)
    assert code == 3 and "4900 more problems" in out
