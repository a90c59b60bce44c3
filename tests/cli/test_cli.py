"""The command line as a user runs it: commands, options, outputs and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ovop_assess.cli import commands
from ovop_assess.cli.main import main

AS_OF = ["--as-of", "2026-11-28"]

ELIGIBLE = """\
format: ovop-region/1
region: {name: Contoh, level: desa, city: Kabupaten Contoh, province: Jawa Tengah}
product:
  name: Gerabah
  category: pottery
  export_oriented: true
  uniqueness: {local_skill: Hand-thrown pottery}
resources: [{type: natural, description: Local clay}]
firms:
  - {name: F01, role: champion, willing_to_lead: true}
  - {name: F02, role: mentee}
  - {name: F03, role: mentee}
  - {name: F04, role: mentee}
  - {name: F05, role: member}
  - {name: F06, role: member}
  - {name: F07, role: member}
  - {name: F08, role: member}
  - {name: F09, role: member}
  - {name: F10, role: member}
organizations: [{type: kub, name: KUB Contoh}]
government_commitment: [{type: training, description: Training, status: delivered}]
spatial_plan: {regulation: Perda RTRW Contoh, conforms: true}
raw_materials: [{name: clay, source: local}]
access: {public_transport: [angkot], nearest_stop_m: 300}
"""


def region_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def eligible(tmp_path: Path) -> Path:
    return region_file(tmp_path, "eligible.yaml", ELIGIBLE)


@pytest.fixture
def incomplete(tmp_path: Path) -> Path:
    return region_file(
        tmp_path,
        "incomplete.yaml",
        ELIGIBLE.replace("spatial_plan: {regulation: Perda RTRW Contoh, conforms: true}\n", ""),
    )


@pytest.fixture
def not_eligible(tmp_path: Path) -> Path:
    return region_file(tmp_path, "not-eligible.yaml", ELIGIBLE.replace("conforms: true", "conforms: false"))


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main([*args, "--format", "json", *AS_OF])
    return code, json.loads(capsys.readouterr().out)


def test_bare_file_means_assess(eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(eligible), *AS_OF, "--format", "json"]) == 0
    first = capsys.readouterr().out
    assert main(["assess", str(eligible), *AS_OF, "--format", "json"]) == 0
    assert capsys.readouterr().out == first


def test_exit_codes(
    eligible: Path, incomplete: Path, not_eligible: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(eligible), *AS_OF]) == 0
    assert main([str(incomplete), *AS_OF]) == 1
    assert main([str(incomplete), *AS_OF, "--allow-incomplete"]) == 0
    assert main([str(not_eligible), *AS_OF, "--allow-incomplete"]) == 1
    assert main([str(eligible), str(tmp_path / "missing.yaml"), *AS_OF]) == 3
    assert main([str(not_eligible), str(tmp_path / "missing.yaml"), *AS_OF]) == 3  # highest wins
    assert main(["assess", *AS_OF]) == 2  # no file argument
    assert main([str(eligible), "--no-such-option"]) == 2
    assert main([str(eligible), "--criteria", "no-such-set"]) == 2
    assert main([str(eligible), "--as-of", "28/11/2026"]) == 2
    capsys.readouterr()


def test_json_report_shape(eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_json([str(eligible)], capsys)
    assert code == 0
    assert report["tool"]["name"] == "ovop-assess"
    assert report["criteria_set"]["id"] == "default"
    result = report["results"][0]
    assert result["verdict"] == "eligible" and result["score"] == 1.0
    assert [c["id"] for c in result["criteria"]] == [f"C{i}" for i in range(1, 9)]
    c1 = result["criteria"][0]
    assert c1["status"] == "pass" and c1["locations"][0]["line"] > 0
    assert report["summary"] == {"files": 1, "eligible": 1, "not_eligible": 0, "incomplete": 0, "invalid": 0}


def test_routes_set_changes_the_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Nine firms: C2 fails, C1 passes. Default: not eligible; routes: eligible through C1.
    nine = region_file(tmp_path, "nine.yaml", ELIGIBLE.replace("  - {name: F10, role: member}\n", ""))
    _, default = run_json([str(nine)], capsys)
    _, routes = run_json([str(nine), "--criteria", "routes"], capsys)
    assert default["results"][0]["verdict"] == "not_eligible"
    assert routes["results"][0]["verdict"] == "eligible"
    assert routes["criteria_set"]["id"] == "routes"
    assert routes["results"][0]["criteria"][1]["group"] == "route"


def test_folder_means_every_yaml_below(
    tmp_path: Path, eligible: Path, not_eligible: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    region_file(sub, "third.yml", ELIGIBLE)
    region_file(sub, "notes.txt", "not a region")
    code, report = run_json([str(tmp_path)], capsys)
    assert code == 1
    assert sorted(Path(r["file"]).name for r in report["results"]) == [
        "eligible.yaml",
        "not-eligible.yaml",
        "third.yml",
    ]


def test_empty_folder_is_an_invalid_entry_and_the_others_go_on(
    tmp_path: Path, eligible: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "dir.yaml").mkdir()
    code, report = run_json([str(tmp_path / "empty"), str(tmp_path / "dir.yaml"), str(eligible)], capsys)
    assert code == 3
    verdicts = [(Path(r["file"]).name, r["verdict"]) for r in report["results"]]
    assert verdicts == [("empty", "invalid"), ("dir.yaml", "invalid"), ("eligible.yaml", "eligible")]
    assert "no region files" in report["results"][0]["errors"][0]["message"]


def test_unreadable_file_and_folder_are_invalid_entries(
    tmp_path: Path, eligible: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    folder = tmp_path / "tree"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    region_file(folder, "ok.yaml", ELIGIBLE)
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root reads everything: simulate a folder it may not list
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", lambda p, mode: str(p) != str(locked))
    code, report = run_json([str(folder)], capsys)
    assert code == 3
    entries = {Path(r["file"]).name: r for r in report["results"]}
    assert entries["ok.yaml"]["verdict"] == "eligible"
    assert entries["locked"]["verdict"] == "invalid" and "permission" in entries["locked"]["errors"][0]["message"]


def test_sort_by_score(eligible: Path, incomplete: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, report = run_json([str(tmp_path / "missing.yaml"), str(incomplete), str(eligible), "--sort", "score"], capsys)
    assert [Path(r["file"]).name for r in report["results"]] == ["eligible.yaml", "incomplete.yaml", "missing.yaml"]


def test_output_file_written_whole(eligible: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    assert main([str(eligible), "--format", "json", "--output", str(out), *AS_OF]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["results"][0]["verdict"] == "eligible"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert out.stat().st_mode & 0o044, "the report is readable by others, as with a plain open()"


def test_interrupt_leaves_no_output_file(
    eligible: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "render", interrupted)
    out = tmp_path / "report.json"
    assert main([str(eligible), "--output", str(out), *AS_OF]) == 130
    assert list(tmp_path.glob("report.json*")) == [] and list(tmp_path.glob(".report.json*")) == []
    assert capsys.readouterr().err.strip() == "ovop-assess: interrupted"


def test_internal_error_is_exit_4_without_traceback(
    eligible: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(commands, "render", broken)
    assert main([str(eligible), *AS_OF]) == 4
    err = capsys.readouterr().err
    assert "boom" in err and "--debug" in err and "Traceback" not in err
    assert main([str(eligible), *AS_OF, "--debug"]) == 4
    assert "Traceback" in capsys.readouterr().err


def test_table_names_verdict_and_set(eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(eligible), *AS_OF]) == 0
    out = capsys.readouterr().out
    assert "Verdict: eligible" in out and "criteria set default" in out
    for rule_id in ("C1", "C8"):
        assert rule_id in out


def test_summary_table_for_many_files(eligible: Path, not_eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main([str(eligible), str(not_eligible), *AS_OF])
    out = capsys.readouterr().out
    assert "2 file(s): 1 eligible, 1 not eligible" in out


def test_lang_id_and_env(eligible: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    main([str(eligible), *AS_OF, "--lang", "id"])
    assert "Hasil penilaian: layak" in capsys.readouterr().out
    monkeypatch.setenv("OVOP_LANG", "id")
    main([str(eligible), *AS_OF])
    assert "Hasil penilaian: layak" in capsys.readouterr().out


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(f"C{i}" in out for i in range(1, 9)) and "similar-firms" in out
    assert main(["rules", "--criteria", "routes"]) == 0
    assert "group route" in capsys.readouterr().out
    assert main(["explain", "C2"]) == 0
    out = capsys.readouterr().out
    assert "min_similar_firms" in out and "Passing fragment" in out and "Failing fragment" in out
    assert main(["explain", "C99"]) == 2
    assert "C99" in capsys.readouterr().err


def test_explain_with_a_criteria_set_ends_with_what_the_set_makes_of_the_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "ketat.yaml"
    own.write_text(
        "id: ketat\nextends: default\n"
        "rules:\n  C2: {params: {min_similar_firms: 25}, weight: 0.5}\n  C8: {enabled: false}\n",
        encoding="utf-8",
    )
    assert main(["explain", "C2", "--criteria", str(own)]) == 0
    page = capsys.readouterr().out
    documented, configured = page.split("In criteria set ketat (version not given):")
    assert "min_similar_firms (integer >= 1, default 10)" in documented  # the rule's own page, unchanged
    assert configured.split("\n")[1:4] == [
        "  Counts as: required",
        "  Weight: 0.5",
        "  Parameters: min_similar_firms = 25",
    ]
    assert main(["--lang", "id", "explain", "C2", "--criteria", str(own)]) == 0
    assert "  Bobot: 0,5\n" in capsys.readouterr().out  # a decimal comma, as the rules table writes it
    assert main(["--lang", "id", "rules", "--criteria", str(own)]) == 0
    assert " 0,5 " in capsys.readouterr().out
    assert main(["--lang", "id", "explain", "C8", "--criteria", str(own)]) == 0
    assert "C8 dimatikan dalam kumpulan kriteria ketat (versi tidak disebut)" in capsys.readouterr().out
    assert main(["explain", "C2"]) == 0
    assert "criteria set" not in capsys.readouterr().out  # no set asked for: the page alone
    assert main(["explain", "C2", "--criteria", str(tmp_path / "none.yaml")]) == 2  # a set that cannot be read
    assert "none.yaml" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["rules"], ["explain", "C2", "--criteria", "default"]])
def test_what_a_plugin_prints_as_a_set_loads_is_not_the_page(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Loading a set imports the plugins it names; one that prints as it is imported writes no line of the page."""
    from ovop_assess import criteria_sets

    load = criteria_sets.load

    def noisy(name: str) -> criteria_sets.CriteriaSet:
        print("plugin noise")
        return load(name)

    monkeypatch.setattr(criteria_sets, "load", noisy)
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "plugin noise" not in out and "C2" in out


def test_a_run_whose_error_cannot_be_said_ends_with_one_line_and_exit_4(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """``ulimit -n 8``: the error handler's own imports fail with EMFILE; one line, never a traceback."""
    from ovop_assess.cli import error_handler, rule_pages

    def crash(*_: object) -> int:
        raise RuntimeError("the first error\x1b[2J")

    def no_descriptor(*_: object) -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(rule_pages, "run_explain", crash)
    monkeypatch.setattr(error_handler, "note", no_descriptor)
    assert main(["explain", "C1"]) == 4
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("ovop-assess: internal error: RuntimeError: the first error\\x1b[2J")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == "ovop-assess 0.1.0"


def test_library_does_not_import_cli_libraries() -> None:
    code = (
        "import sys, ovop_assess.assess, ovop_assess.criteria_sets, ovop_assess.render.json_report;"
        "bad = [m for m in ('typer', 'rich') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_json_stream_interrupted_leaves_no_output_file(
    eligible: Path, not_eligible: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ovop_assess.render import json_report

    real = json_report.json_entry
    calls: list[int] = []

    def interrupted_on_second(*args: object, **kwargs: object) -> json_report.JsonEntry:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(json_report, "json_entry", interrupted_on_second)
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    assert main([str(eligible), str(not_eligible), "--format", "json", "--output", str(out), *AS_OF]) == 130
    assert list(out.parent.iterdir()) == []


def test_jobs_give_the_same_report_in_the_same_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        text = ELIGIBLE if i % 3 else ELIGIBLE.replace("conforms: true", "conforms: false")
        region_file(folder, f"r{i:02d}.yaml", text.replace("name: Contoh", f"name: Contoh {i}"))
    region_file(folder, "r99.yaml", "format: ovop-region/1\nregion: []\n")
    outputs = {}
    for jobs in ("1", "2"):
        code = main([str(folder), "--format", "json", "--jobs", jobs, *AS_OF])
        outputs[jobs] = capsys.readouterr().out
        assert code == 3
    assert outputs["1"] == outputs["2"]
    report = json.loads(outputs["2"])
    assert [Path(r["file"]).name for r in report["results"]] == sorted(p.name for p in folder.iterdir())
    assert report["summary"]["invalid"] == 1 and report["summary"]["not_eligible"] == 14


def test_progress_bar_only_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(25):
        region_file(folder, f"r{i:02d}.yaml", ELIGIBLE)
    assert main([str(folder), "--format", "json", *AS_OF]) == 0
    assert capsys.readouterr().err == ""  # not a terminal: no bar
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    monkeypatch.setenv("TERM", "xterm")
    assert main([str(folder), "--format", "json", "--jobs", "1", *AS_OF]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["eligible"] == 25
    assert "25/25" in captured.err or "Assessing" in captured.err


def test_a_path_the_os_calls_unreadable_is_not_a_usage_error(
    eligible: Path, not_eligible: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The option parser must not reject an unreadable path (exit 2): it is one invalid file among others."""
    import os

    monkeypatch.setattr(os, "access", lambda p, mode, **kw: str(p) != str(eligible))
    code, report = run_json([str(eligible), str(not_eligible)], capsys)
    assert code != 2 and len(report["results"]) == 2


def test_usage_errors_and_help_in_indonesian(eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(eligible), "--no-such", "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert "opsi tidak dikenal: --no-such" in err and "Coba 'ovop-assess assess --help'" in err
    assert main(["checklist", "--lang", "id"]) == 2
    assert "argumen 'BERKAS' belum diberikan" in capsys.readouterr().err
    # Help texts are read when the commands are defined: a fresh process per language.
    env = {**__import__("os").environ, "OVOP_LANG": "id"}
    done = subprocess.run(
        [sys.executable, "-m", "ovop_assess", "assess", "--help"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0 and "Memvalidasi dan menilai berkas wilayah" in done.stdout


def test_checklist_of_a_folder_is_a_usage_error(
    eligible: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder where one region file is expected: exit 2, and no talk of a folder without region files."""
    assert main(["checklist", str(tmp_path), *AS_OF]) == 2
    err = capsys.readouterr().err
    assert err == f"ovop-assess: {tmp_path} is a folder; a checklist is written for one region file\n"
    assert main(["checklist", str(tmp_path), "--lang", "id", *AS_OF]) == 2
    assert capsys.readouterr().err == (
        f"ovop-assess: {tmp_path} adalah folder; daftar periksa dibuat untuk satu berkas wilayah\n"
    )
    assert main(["checklist", str(tmp_path / "missing.yaml"), *AS_OF]) == 3  # a missing file stays invalid


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "id", "checklist", "f.yaml"], ["checklist", "--lang", "id", "f.yaml"]),
        (["--lang=id", "--debug", "rules"], ["rules", "--lang=id", "--debug"]),
        (["--debug", "--lang", "en", "explain", "C1"], ["explain", "--debug", "--lang", "en", "C1"]),
        (["--lang", "id", "f.yaml"], ["assess", "--lang", "id", "f.yaml"]),
        (["--lang", "id", "checklist.yaml"], ["assess", "--lang", "id", "checklist.yaml"]),
        (["--debug", "f.yaml"], ["assess", "--debug", "f.yaml"]),
        (["--lang", "id"], []),  # nothing but the language: the app's help
        (["--lang"], ["assess", "--lang"]),
        (["--lang", "id", "--help"], ["--help"]),  # no command named: the app's help, listing the commands
        (["--debug", "--lang=id", "--version"], ["--version"]),
        (["--help", "--lang", "id"], ["--help"]),
        (["--help", "--lang=id"], ["--help"]),
        (["checklist", "f.yaml", "--lang", "id"], ["checklist", "f.yaml", "--lang", "id"]),
        (["f.yaml", "checklist"], ["assess", "f.yaml", "checklist"]),
        ([], []),
    ],
)
def test_options_before_the_command_name(argv: list[str], expected: list[str]) -> None:
    from ovop_assess.cli.argv import with_default_command

    assert with_default_command(argv) == expected


def test_lang_before_the_command_runs_that_command(eligible: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "id", "checklist", str(eligible), *AS_OF]) == 0
    assert capsys.readouterr().out.startswith("# Daftar periksa usulan sentra OVOP: Contoh")
    assert main(["--lang", "id", str(eligible), *AS_OF]) == 0
    assert "Hasil penilaian: layak" in capsys.readouterr().out


@pytest.mark.parametrize("value", ["ID", "Id"])
def test_the_language_in_any_case(
    value: str, eligible: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ovop_assess.cli.argv import language as _lang

    assert main([str(eligible), *AS_OF, "--lang", value]) == 0
    assert "Hasil penilaian: layak" in capsys.readouterr().out
    monkeypatch.setenv("OVOP_LANG", value)
    assert _lang([]) == "id" and _lang(["--lang", "EN"]) == "en"
    for argv in ([str(eligible)], ["checklist", str(eligible)]):
        assert main([*argv, *AS_OF]) == 0, argv
        captured = capsys.readouterr()
        said = captured.out
        assert "Invalid value" not in captured.err and ("Hasil penilaian: layak" in said or "Daftar" in said)
    monkeypatch.setenv("OVOP_LANG", "EN")
    assert main([str(eligible), *AS_OF]) == 0
    assert "Verdict: eligible" in capsys.readouterr().out


def test_control_characters_from_a_file_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name holding ESC sequences could erase the tool's own error lines and print "all good"."""
    bad = tmp_path / "esc.yaml"
    bad.write_text(
        'format: ovop-region/1\nregion: {name: "Kau\\e[2J\\rman", level: desa, city: C, province: P}\n'
        'firms:\n  - {name: "A\\e[1A\\e[2Kall good", role: champion}\n'
        '  - {name: "A\\e[1A\\e[2Kall good", role: member}\n',
        encoding="utf-8",
    )
    assert main([str(bad), *AS_OF]) == 3
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out
    assert "A\\x1b[1A\\x1b[2Kall good" in out  # shown, visibly
    good = tmp_path / "good.yaml"
    good.write_text(bad.read_text(encoding="utf-8").replace('  - {name: "A\\e[1A\\e[2Kall good", role: member}\n', ""))
    assert main([str(good), str(bad), *AS_OF]) == 3
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Kau\\x1b[2J\\x0dman" in out


@pytest.mark.parametrize(
    ("argv", "command"),
    [(["chekclist", "x.yaml"], "checklist"), (["explian", "C1"], "explain"), (["asses", "x.yaml"], "assess")],
)
def test_a_mistyped_command_is_a_usage_error_naming_the_command(
    argv: list[str], command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert f"did you mean '{command}'?" in capsys.readouterr().err
    assert main([*argv, "--lang", "id"]) == 2
    assert f"maksud Anda '{command}'?" in capsys.readouterr().err


def test_a_file_named_like_a_command_is_still_assessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rule").write_text("format: ovop-region/1\n", encoding="utf-8")
    assert main(["rule"]) == 3  # assessed (and invalid), not taken for 'rules'
    assert "did you mean" not in capsys.readouterr().err


def test_version_is_an_option_not_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 2
    assert "ovop-assess --version" in capsys.readouterr().err
    for flag in ("-V", "--version"):
        assert main([flag]) == 0
        out = capsys.readouterr()
        assert out.out.startswith("ovop-assess ") and "assess" not in out.err
