"""Third-party rules through the ``ovop_assess.rules`` entry-point group, and how they may fail."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovop_assess import messages
from ovop_assess import rules as registry
from ovop_assess.cli.main import main
from ovop_assess.results import Message

REGION = """\
format: ovop-region/1
region: {name: X, level: desa, city: C, province: P}
firms:
  - {name: A, role: champion, willing_to_lead: true}
"""

GOOD_RULE = '''
"""X1 always-checks-firms: passes when at least min_firms firms are listed."""
from pydantic import Field
from ovop_assess.results import Outcome, Status
from ovop_assess.rules.base import Facts, RuleParams, result

ID = "X1"
NAME = "firm-listed"
TITLE = {"en": "A firm is listed", "id": "Ada usaha yang tercantum"}
MESSAGES = {"x1.count": {"en": "{count} firm(s).", "id": "{count} usaha."}}

class Params(RuleParams):
    min_firms: int = Field(1, ge=1)

def check(facts: Facts, params: Params) -> Outcome:
    count = len(facts.region.firms or [])
    status = Status.PASS if count >= params.min_firms else Status.FAIL
    return result(status, count / params.min_firms, [facts.finding("x1.count", ("firms",), count=count)])
'''

RAISING_RULE = GOOD_RULE.replace('ID = "X1"', 'ID = "X2"').replace(
    "    count = len(", "    raise ZeroDivisionError('plugin bug')\n    count = len("
)


def make_dist(site: Path, name: str, entries: dict[str, str], modules: dict[str, str]) -> None:
    info = site / f"{name}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    lines = "".join(f"{rule_id} = {target}\n" for rule_id, target in entries.items())
    (info / "entry_points.txt").write_text(f"[ovop_assess.rules]\n{lines}", encoding="utf-8")
    for module, source in modules.items():
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "site"
    folder.mkdir()
    make_dist(
        folder,
        "fake_rules",
        {"X1": "fake_good", "X2": "fake_raising", "X3": "fake_broken", "X4": "fake_not_a_rule"},
        {
            "fake_good": GOOD_RULE,
            "fake_raising": RAISING_RULE,
            "fake_broken": "import no_such_module_anywhere\n",
            "fake_not_a_rule": "ID = 'X4'\n",
        },
    )
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setattr(registry, "_plugins", None)
    yield folder
    registry._plugins = None


def run(tmp_path: Path, rules_yaml: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    region = tmp_path / "region.yaml"
    region.write_text(REGION, encoding="utf-8")
    criteria = tmp_path / "set.yaml"
    criteria.write_text(f"id: plug\nextends: default\nrules:\n{rules_yaml}", encoding="utf-8")
    code = main([str(region), "--criteria", str(criteria), "--format", "json", "--as-of", "2026-11-28"])
    return code, json.loads(capsys.readouterr().out)


def criterion(report: dict, rule_id: str) -> dict:  # type: ignore[type-arg]
    return next(c for c in report["results"][0]["criteria"] if c["id"] == rule_id)


def test_plugin_rule_runs_with_validated_params(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, report = run(tmp_path, "  X1: {params: {min_firms: 2}, weight: 2}\n", capsys)
    x1 = criterion(report, "X1")
    assert x1["status"] == "fail" and x1["score"] == 0.5 and x1["reasons"] == ["1 firm(s)."]
    assert x1["locations"][0]["line"] == 3  # the `firms:` key


def test_plugin_bad_param_is_a_usage_error(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    region = tmp_path / "region.yaml"
    region.write_text(REGION, encoding="utf-8")
    criteria = tmp_path / "set.yaml"
    criteria.write_text("id: plug\nextends: default\nrules:\n  X1: {params: {min_firm: 2}}\n", encoding="utf-8")
    assert main([str(region), "--criteria", str(criteria)]) == 2
    err = capsys.readouterr().err
    assert "X1" in err and "min_firm" in err and "set.yaml" in err


def test_plugin_raising_is_an_error_of_that_rule_only(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = run(tmp_path, "  X2: {}\n", capsys)
    x2 = criterion(report, "X2")
    assert x2["status"] == "error" and "plugin bug" in x2["reasons"][0]
    assert criterion(report, "C1")["status"] in ("fail", "unknown")  # the others still ran
    assert any("X2" in e["message"] for e in report["results"][0]["errors"])
    assert code == 4  # a rule that cannot run is a bug: the report is complete, the exit code says so


def test_plugin_misbehaving_is_an_error_not_a_crash(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sys.exit(), printing, and malformed outcomes are the rule's error; the report stays whole and valid."""
    bad = {
        "fake_exit": GOOD_RULE.replace('ID = "X1"', 'ID = "X5"').replace(
            "    count = len(", "    print('noise')\n    import sys; sys.exit(3)\n    count = len("
        ),
        "fake_str_status": GOOD_RULE.replace('ID = "X1"', 'ID = "X6"').replace(
            "    return result(status,", "    return result('pass',"
        ),
        "fake_str_reason": GOOD_RULE.replace('ID = "X1"', 'ID = "X7"').replace(
            '[facts.finding("x1.count", ("firms",), count=count)]', '["a plain string"]'
        ),
        "fake_unknown_message": GOOD_RULE.replace('ID = "X1"', 'ID = "X8"').replace(
            '"x1.count", ("firms",)', '"x8.nope", ("firms",)'
        ),
    }
    make_dist(
        site,
        "fake_bad",
        {"X5": "fake_exit", "X6": "fake_str_status", "X7": "fake_str_reason", "X8": "fake_unknown_message"},
        bad,
    )
    registry._plugins = None
    code, report = run(tmp_path, "  X5: {}\n  X6: {}\n  X7: {}\n  X8: {}\n", capsys)
    assert code == 4
    for rule_id, needle in (("X5", "SystemExit"), ("X6", "status"), ("X7", "Finding"), ("X8", "catalogue")):
        entry = criterion(report, rule_id)
        assert entry["status"] == "error" and needle in entry["reasons"][0], (rule_id, entry["reasons"])
    assert criterion(report, "C5")["status"] == "unknown"


def test_plugin_failing_to_import_is_reported_by_name(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, report = run(tmp_path, "  X3: {}\n  X4: {}\n", capsys)
    x3, x4 = criterion(report, "X3"), criterion(report, "X4")
    assert x3["status"] == "error" and "no_such_module_anywhere" in x3["reasons"][0]
    assert x4["status"] == "error" and "not a rule" in x4["reasons"][0]


def _clashing(rule_id: str, key: str) -> str:
    """A plugin rule whose MESSAGES add one sentence and reword ``key``, which the tool already has."""
    own = f'"{rule_id.lower()}.extra": {{"en": "extra", "id": "tambahan"}}'
    return GOOD_RULE.replace('ID = "X1"', f'ID = "{rule_id}"').replace(
        "MESSAGES = {", f'MESSAGES = {{{own}, "{key}": {{"en": "reworded", "id": "diubah"}}, '
    )


def test_plugin_rewording_the_tools_messages_is_not_loaded(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plugin's MESSAGES may add sentences, never replace one: the tool's own or a built-in rule's."""
    make_dist(
        site,
        "fake_clash",
        {"X10": "fake_clash_shared", "X11": "fake_clash_rule"},
        {"fake_clash_shared": _clashing("X10", "file.not_found"), "fake_clash_rule": _clashing("X11", "c1.ok")},
    )
    registry._plugins = None
    before = {key: dict(messages.CATALOGUE[key]) for key in ("file.not_found", "c1.ok")}
    code, report = run(tmp_path, "  X10: {}\n  X11: {}\n", capsys)
    assert code == 4  # like a plugin that fails to import: a bug, reported, the run goes on
    assert criterion(report, "X10")["reasons"] == [
        "The rule X10 could not be loaded: the message id 'file.not_found' in the MESSAGES of X10 is already "
        "taken, by ovop-assess or another plugin; a plugin may add messages but never replace one "
        "(give it an id of its own)"
    ]
    x11 = criterion(report, "X11")
    assert x11["status"] == "error" and "'c1.ok' in the MESSAGES of X11" in x11["reasons"][0]
    assert criterion(report, "C1")["status"] in ("fail", "unknown")  # the others still ran
    assert {key: messages.CATALOGUE[key] for key in before} == before
    assert "x10.extra" not in messages.CATALOGUE and "x11.extra" not in messages.CATALOGUE  # all or nothing

    entry = registry.lookup("X10")
    assert isinstance(entry, registry.Unavailable)
    assert entry.error == Message("rule.message_clash", {"rule": "X10", "message": "file.not_found"})
    assert entry.reason("id").startswith("id pesan 'file.not_found' dalam MESSAGES X10 sudah dipakai")
    assert main(["explain", "X10", "--lang", "id"]) == 2
    assert "Aturan X10 tidak dapat dimuat: id pesan 'file.not_found'" in capsys.readouterr().err


def test_plugin_messages_without_both_languages_are_not_loaded(site: Path) -> None:
    one_language = GOOD_RULE.replace('ID = "X1"', 'ID = "X12"').replace(
        "MESSAGES = {", 'MESSAGES = {"x12.only_english": {"en": "English only"}, '
    )
    make_dist(site, "fake_one_language", {"X12": "fake_one_language_rule"}, {"fake_one_language_rule": one_language})
    registry._plugins = None
    entry = registry.lookup("X12")
    assert isinstance(entry, registry.Unavailable)
    assert entry.reason() == "ValueError: message 'x12.only_english' lacks language(s) id"
    assert "x12.only_english" not in messages.CATALOGUE


def test_plugin_rules_are_listed_and_explained(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "X1"]) == 0
    assert "always-checks-firms" in capsys.readouterr().out
    assert main(["explain", "X3"]) == 2
    assert "X3" in capsys.readouterr().err


def test_unknown_rule_lists_plugin_ids(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    region = tmp_path / "region.yaml"
    region.write_text(REGION, encoding="utf-8")
    criteria = tmp_path / "set.yaml"
    criteria.write_text("id: plug\nextends: default\nrules:\n  X9: {}\n", encoding="utf-8")
    assert main([str(region), "--criteria", str(criteria)]) == 2
    assert "X1" in capsys.readouterr().err


def test_no_plugins_from_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_dist(tmp_path, "sneaky", {"X1": "sneaky_rule"}, {"sneaky_rule": GOOD_RULE})
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend("")
    monkeypatch.setattr(registry, "_plugins", None)
    assert registry.lookup("X1") is None


def test_entry_point_name_must_match_the_rule_id(site: Path) -> None:
    make_dist(
        site,
        "fake_misnamed",
        {"G7": "fake_misnamed_rule"},
        {"fake_misnamed_rule": GOOD_RULE.replace('"X1"', '"WRONGID"')},
    )
    registry._plugins = None
    entry = registry.lookup("G7")
    assert isinstance(entry, registry.Unavailable) and "WRONGID" in entry.reason()
    assert entry.reason("id") == "entry point bernama G7, tetapi ID aturannya WRONGID"
    assert registry.lookup("WRONGID") is None


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        # MESSAGES whose reading exits: the run ended with that exit code, silently.
        (
            GOOD_RULE.replace('ID = "X1"', 'ID = "G8"')
            .replace(
                "MESSAGES = {", "class M(dict):\n    def items(self):\n        raise SystemExit(9)\nMESSAGES = M({"
            )
            .replace('"{count} usaha."}}', '"{count} usaha."}})'),
            "SystemExit: 9",
        ),
        # MESSAGES whose reading never ends: the run hung.
        (
            GOOD_RULE.replace('ID = "X1"', 'ID = "G8"')
            .replace("MESSAGES = {", "class M(dict):\n    def items(self):\n        while True: pass\nMESSAGES = M({")
            .replace('"{count} usaha."}}', '"{count} usaha."}})'),
            "reading its MESSAGES did not finish within 0.5 s",
        ),
        # An import that ends the process, or changes the working folder: the run ended silently (exit 0).
        ("import os\nos._exit(0)\n", "PluginExit: 0"),
        # An import that raises an exception whose text never ends: the run hung.
        (
            "class E(Exception):\n    def __str__(self):\n        while True: pass\nraise E()\n",
            "E (its text could not be shown)",
        ),
    ],
)
def test_plugin_code_outside_check_is_limited_too(
    module: str, expected: str, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ovop_assess import rule_guard

    monkeypatch.setattr(rule_guard, "DEFAULT_RULE_TIMEOUT", 0.5)
    name = f"fake_outside_{abs(hash(expected))}"  # a module of its own each: imports are cached by name
    make_dist(site, name, {"G8": name}, {name: module})
    registry._plugins = None
    entry = registry.lookup("G8")
    assert isinstance(entry, registry.Unavailable) and entry.reason() == expected


def test_a_plugins_parameter_validator_that_exits_is_that_rules_error(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A validator of the plugin's Params that called sys.exit(4) ended the run: exit 4, nothing written."""
    source = GOOD_RULE.replace('ID = "X1"', 'ID = "G9"').replace(
        "    min_firms: int = Field(1, ge=1)\n",
        "    min_firms: int = Field(1, ge=1)\n\n"
        "    from pydantic import field_validator\n\n"
        "    @field_validator('min_firms')\n"
        "    @classmethod\n"
        "    def _exit(cls, value: int) -> int:\n"
        "        raise SystemExit(4)\n",
    )
    make_dist(site, "fake_params", {"G9": "fake_params_rule"}, {"fake_params_rule": source})
    registry._plugins = None
    code, report = run(tmp_path, "  G9: {params: {min_firms: 2}}\n", capsys)
    g9 = criterion(report, "G9")
    assert code == 4 and g9["status"] == "error"
    assert g9["reasons"] == ["The rule G9 could not be loaded: checking its parameters failed: SystemExit: 4"]
    assert criterion(report, "C1")["status"] in ("fail", "unknown")


def test_plugin_module_is_not_shadowed_by_the_working_directory(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shadow = tmp_path / "cwd"
    shadow.mkdir()
    (shadow / "fake_good.py").write_text("raise RuntimeError('the shadow was imported')\n", encoding="utf-8")
    monkeypatch.chdir(shadow)
    monkeypatch.syspath_prepend("")
    import sys

    sys.modules.pop("fake_good", None)
    registry._plugins = None
    spec = registry.lookup("X1")
    assert not isinstance(spec, registry.Unavailable) and spec is not None


def test_a_plugin_cannot_change_the_process_for_the_rest_of_the_run(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """os._exit is the rule's error (it ended the run with no report and exit 0); the signal handlers, the
    working folder and the standard streams a plugin changed are put back after its call."""
    import os
    import signal
    import sys

    body = (
        "    import os, signal, sys\n"
        "    signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "    os.chdir('/')\n"
        "    sys.stderr = None\n"
        "    os._exit(0)\n"
        "    count = len("
    )
    make_dist(
        site,
        "fake_exiting",
        {"X9": "fake_exiting"},
        {"fake_exiting": GOOD_RULE.replace('ID = "X1"', 'ID = "X9"').replace("    count = len(", body)},
    )
    monkeypatch.setattr(registry, "_plugins", None)
    monkeypatch.chdir(tmp_path)
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    stderr = sys.stderr
    code, report = run(tmp_path, "  X9: {}\n", capsys)
    x9 = criterion(report, "X9")
    assert x9["status"] == "error" and "PluginExit" in x9["reasons"][0]
    assert code == 4 and criterion(report, "C1")["status"] in ("fail", "unknown")
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers
    assert os.getcwd() == str(tmp_path) and sys.stderr is stderr and os._exit.__name__ == "_exit"


def test_a_worker_killed_by_a_plugin_costs_its_file_only(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under --jobs a plugin that kills its own process (no guard in the process can stop it) ended the run:
    BrokenProcessPool, exit 4, no report. Now that file is the tool's bug and the others are assessed."""
    body = (
        "    import os, signal\n"
        "    if facts.region.region.name == 'KILL':\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    count = len("
    )
    source = GOOD_RULE.replace('ID = "X1"', 'ID = "X10"').replace("    count = len(", body)
    make_dist(site, "fake_killing", {"X10": "fake_killing"}, {"fake_killing": source})
    monkeypatch.setattr(registry, "_plugins", None)
    paths = []
    for index in range(6):
        path = tmp_path / f"r{index}.yaml"
        path.write_text(REGION.replace("name: X", "name: KILL" if index == 3 else f"name: R{index}"), encoding="utf-8")
        paths.append(str(path))
    criteria = tmp_path / "set.yaml"
    criteria.write_text("id: plug\nextends: default\nrules:\n  X10: {}\n", encoding="utf-8")
    code = main([*paths, "--criteria", str(criteria), "-f", "json", "-j", "2", "--as-of", "2026-11-28"])
    report = json.loads(capsys.readouterr().out)
    assert code == 4
    verdicts = [(Path(r["file"]).name, r["verdict"]) for r in report["results"]]
    assert [name for name, _ in verdicts] == [f"r{index}.yaml" for index in range(6)]
    assert verdicts[3][1] == "invalid" and all(v != "invalid" for _, v in verdicts[:3] + verdicts[4:])
    [error] = report["results"][3]["errors"]
    assert error["id"] == "file.worker_died" and "ended abruptly" in error["message"]


def test_a_plugins_own_outcome_scores_as_the_built_in_rules_do() -> None:
    """A pass scores 1 and an unknown 0 whatever the plugin wrote: the criterion's line and the total agree."""
    from ovop_assess.plugin_outcome import plain_outcome
    from ovop_assess.results import Outcome, Status

    def scored(status: Status, score: float) -> float:
        return plain_outcome(Outcome(status, score, (), (), ())).score

    assert (scored(Status.UNKNOWN, 0.7), scored(Status.PASS, 0.3), scored(Status.FAIL, 0.4)) == (0.0, 1.0, 0.4)


def test_a_plugins_finding_keeps_its_place_in_a_firm_spreadsheet() -> None:
    """A plugin's reason about a firm of a sheet names its cell, as a built-in rule's does (facts.absent, say)."""
    from ovop_assess.plugin_outcome import outcome_problem, plain_outcome
    from ovop_assess.results import Finding, Location, Outcome, Status

    class Named(str):  # a plugin's own str: made plain text
        pass

    where = Location("firms[1].nib", 3, 1, Named("daftar.xlsx"), "Daftar UMKM", "G3")
    found = Finding(Message("nib1.short", {}), where)
    [kept] = plain_outcome(Outcome(Status.FAIL, 0.5, (found,), (), ())).reasons
    assert kept.location == where and type(kept.location.file) is str  # (exactly str)
    for odd, problem in (
        (where._replace(file=""), "a location's file must be None, not empty text"),
        (where._replace(file=None), "a location's sheet or cell needs its file"),
        (where._replace(cell="sel 3"), "a location's cell must be a cell name such as C12, not 'sel 3'"),
    ):
        assert outcome_problem(Outcome(Status.FAIL, 0.5, (Finding(Message("ui.none", {}), odd),), (), ())) == problem
    wide = where._replace(cell="AAAB3")  # a CSV file's column past ZZZ, as cell_name writes it
    assert outcome_problem(Outcome(Status.FAIL, 0.5, (Finding(Message("ui.none", {}), wide),), (), ())) is None
    bad = Finding(Message("ui.none", {}), where._replace(cell=3))
    assert (
        outcome_problem(Outcome(Status.FAIL, 0.5, (bad,), (), ())) == "a location's cell must be text or None, not int"
    )
