"""Issue 11: a run always ends, whole, with the right exit code, whatever a plugin, a signal or a pipe does.

Each test runs the real command in a subprocess with an adversarial plugin
installed on ``PYTHONPATH`` (a ``*.dist-info`` with entry points), bounded
in time: a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "regions"
BOUND = 60  # seconds: no subprocess here may take longer

EVIL = """
import logging, subprocess, sys, time, types
from ovop_assess.results import Finding, Location, Message, Outcome, Status
from ovop_assess.rules.base import RuleParams, result

# A handler made at import, on the stdout of that moment.
log = logging.getLogger("evil")
log.addHandler(logging.StreamHandler(sys.stdout))
log.setLevel(logging.INFO)


class Forever(str):
    def __format__(self, spec):
        while True:
            pass


class EndlessText(Exception):
    def __str__(self):
        while True:
            pass


class Custom(BaseException):
    pass


def loop(facts, params):
    while True:
        pass


def sleep(facts, params):
    time.sleep(1000)


def endless_value(facts, params):
    return result(Status.PASS, 1, [facts.finding("evil.v", None, v=Forever("x"))])


def endless_exception(facts, params):
    raise EndlessText()


def swallow(facts, params):
    # Swallows the first expiry (or signal), then loops on, swallowing what Exception catches.
    try:
        while True:
            pass
    except BaseException:
        pass
    while True:
        try:
            time.sleep(0.01)
        except Exception:
            pass


def generator_exit(facts, params):
    raise GeneratorExit("bye")


def custom(facts, params):
    raise Custom("mine")


def keyboard(facts, params):
    raise KeyboardInterrupt


def string_location(facts, params):
    return Outcome(Status.PASS, 1.0, (Finding(Message("evil.v", {"v": 1}), "firms"),))


def float_line(facts, params):
    return Outcome(Status.PASS, 1.0, (Finding(Message("evil.v", {"v": 1}), Location("firms", 2.5)),))


def surrogate(facts, params):
    return result(Status.PASS, 1, [facts.finding("evil.v", None, v="\\udce9")])


def unpicklable(facts, params):
    return result(Status.PASS, 1, [facts.finding("evil.v", None, v=lambda: 1)])


def noisy(facts, params):
    print("PLUGIN-PRINT")
    log.info("PLUGIN-LOG")
    subprocess.run([sys.executable, "-c", "print('PLUGIN-SUBPROCESS')"], check=False)
    sys.__stdout__.write("PLUGIN-DUNDER\\n")
    sys.__stdout__.flush()
    return result(Status.PASS, 1, [facts.finding("evil.v", None, v=1)])


def mutate(facts, params):
    facts.region.firms.clear()
    return result(Status.PASS, 1, [facts.finding("evil.v", None, v=1)])


def _rule(rule_id, check, messages=None):
    return types.SimpleNamespace(
        ID=rule_id, NAME=rule_id.lower(), TITLE={"en": rule_id, "id": rule_id}, Params=RuleParams,
        check=check, __doc__=rule_id, MESSAGES=messages or {},
    )


RULES = {
    "E01": _rule("E01", loop, {"evil.v": {"en": "value {v}", "id": "nilai {v}"}}),
    "E02": _rule("E02", sleep),
    "E03": _rule("E03", endless_value),
    "E04": _rule("E04", endless_exception),
    "E05": _rule("E05", swallow),
    "E06": _rule("E06", generator_exit),
    "E07": _rule("E07", custom),
    "E08": _rule("E08", keyboard),
    "E09": _rule("E09", string_location),
    "E10": _rule("E10", float_line),
    "E11": _rule("E11", surrogate),
    "E12": _rule("E12", unpicklable),
    "E13": _rule("E13", noisy),
    "E14": _rule("E14", mutate),
}
for _id, _r in RULES.items():
    globals()[_id] = _r
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    (folder / "evil_rules.py").write_text(EVIL, encoding="utf-8")
    info = folder / "evil_rules-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil-rules\nVersion: 0.1\n", encoding="utf-8")
    entries = "".join(f"E{n:02d} = evil_rules:E{n:02d}\n" for n in range(1, 15))
    (info / "entry_points.txt").write_text(f"[ovop_assess.rules]\n{entries}", encoding="utf-8")
    return folder


def criteria(folder: Path, *rule_ids: str) -> Path:
    path = folder / f"set-{'-'.join(rule_ids)}.yaml"
    rules = "".join(f"  {rule_id}: {{}}\n" for rule_id in rule_ids)
    path.write_text(f"id: evil\nextends: default\nrules:\n{rules}", encoding="utf-8")
    return path


def env(site: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(site), "OVOP_LANG": "en"}


def cli(site: Path, *args: str | Path, timeout: float = BOUND) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ovop_assess", *map(str, args)],
        capture_output=True,
        text=True,
        env=env(site),
        timeout=timeout,
        check=False,
    )


def statuses(report: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {c["id"]: c["status"] for c in report["results"][0]["criteria"]}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rules_that_never_return_are_errors_within_the_timeout(site: Path, tmp_path: Path, jobs: str) -> None:
    rule_set = criteria(tmp_path, "E01", "E02", "E03", "E04", "E05")
    files = [EXAMPLES / "kauman-batik.yaml", EXAMPLES / "boyolali-copper-craft.yaml"]
    started = time.monotonic()
    done = cli(site, *files, "--criteria", rule_set, "--format", "json", "--rule-timeout", "0.3", "--jobs", jobs)
    assert time.monotonic() - started < 30
    assert done.returncode == 4, done.stderr
    report = json.loads(done.stdout)  # whole and strict
    for result in report["results"]:
        got = {c["id"]: c for c in result["criteria"]}
        for rule_id in ("E01", "E02", "E03", "E05"):
            assert got[rule_id]["status"] == "error"
            assert "0.3 s" in got[rule_id]["reasons"][0], got[rule_id]
        assert got["E04"]["status"] == "error" and "EndlessText" in got["E04"]["reasons"][0]
        assert got["C1"]["status"] == "pass"  # the other rules ran
    assert "did not return within 0.3 s" in done.stderr
    if jobs == "1":  # in Indonesian with its decimal comma: "0.5 detik" was written with a point
        said = cli(site, files[0], "--criteria", rule_set, "--format", "json", "--rule-timeout", "0.3", "--lang", "id")
        got = {c["id"]: c for c in json.loads(said.stdout)["results"][0]["criteria"]}
        assert "tidak selesai dalam 0,3 detik" in got["E01"]["reasons"][0]


def test_any_exception_and_malformed_outcomes_are_errors(site: Path, tmp_path: Path) -> None:
    rule_set = criteria(tmp_path, "E06", "E07", "E08", "E09", "E10", "E11", "E12")
    for jobs in ("1", "2"):
        files = [EXAMPLES / "kauman-batik.yaml", EXAMPLES / "bangli-bamboo-weaving.yaml"]
        done = cli(site, *files, "--criteria", rule_set, "--format", "json", "--jobs", jobs)
        assert done.returncode == 4, done.stderr
        got = statuses(json.loads(done.stdout))
        assert all(got[f"E{n:02d}"] == "error" for n in range(6, 13)), got
        assert "Traceback" not in done.stderr
    reasons = {c["id"]: c["reasons"][0] for c in json.loads(done.stdout)["results"][0]["criteria"]}
    assert "GeneratorExit" in reasons["E06"] and "Custom: mine" in reasons["E07"]
    assert "KeyboardInterrupt" in reasons["E08"] and "location" in reasons["E09"] and "line" in reasons["E10"]
    assert "UnicodeEncodeError" in reasons["E11"] and "function" in reasons["E12"]


def test_nothing_a_plugin_writes_enters_the_report(site: Path, tmp_path: Path) -> None:
    rule_set = criteria(tmp_path, "E13")
    for fmt, parse in (("json", json.loads), ("csv", str)):
        done = cli(site, EXAMPLES / "kauman-batik.yaml", "--criteria", rule_set, "--format", fmt)
        assert "PLUGIN" not in done.stdout, done.stdout
        parse(done.stdout)
        assert done.returncode == 0  # Kauman is eligible; the plugin's rule passes
    debug = cli(site, EXAMPLES / "kauman-batik.yaml", "--criteria", rule_set, "--format", "json", "--debug")
    assert "PLUGIN" not in debug.stdout and "PLUGIN-SUBPROCESS" in debug.stderr  # --debug: shown on stderr
    out = tmp_path / "report.json"
    done = cli(site, EXAMPLES / "kauman-batik.yaml", "--criteria", rule_set, "--format", "json", "-o", "/dev/stdout")
    json.loads(done.stdout)
    assert not out.exists()


def test_checklist_agrees_with_assess_on_a_crashed_rule(site: Path, tmp_path: Path) -> None:
    rule_set = criteria(tmp_path, "E07")
    done = cli(site, "checklist", EXAMPLES / "kauman-batik.yaml", "--criteria", rule_set)
    assert done.returncode == 4 and "E07" in done.stderr and "Traceback" not in done.stderr
    assert "E07" in done.stdout  # the checklist is written, the rule's error in it
    debug = cli(site, "checklist", EXAMPLES / "kauman-batik.yaml", "--criteria", rule_set, "--debug")
    assert debug.returncode == 4 and "Traceback" in debug.stderr and "Custom" in debug.stderr
    timed = cli(
        site,
        "checklist",
        EXAMPLES / "kauman-batik.yaml",
        "--criteria",
        criteria(tmp_path, "E02"),
        "--rule-timeout",
        "0.2",
    )
    assert timed.returncode == 4 and "0.2 s" in timed.stderr


def _workers_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find worker processes")
@pytest.mark.parametrize(
    ("rule_id", "jobs", "signals"),
    [
        ("E02", "1", 1),
        ("E02", "2", 1),
        ("E05", "1", 1),
        ("E05", "2", 1),
        ("E02", "2", 2),
        ("E05", "1", 2),
    ],
)
def test_sigterm_ends_the_run_promptly(site: Path, tmp_path: Path, rule_id: str, jobs: str, signals: int) -> None:
    folder = tmp_path / "regions"
    folder.mkdir()
    for n in range(4):
        (folder / f"r{n}.yaml").write_bytes((EXAMPLES / "kauman-batik.yaml").read_bytes())
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ovop_assess",
            str(folder),
            "--criteria",
            str(criteria(tmp_path, rule_id)),
            "--format",
            "json",
            "--jobs",
            jobs,
            "--rule-timeout",
            "100",
            "--output",
            str(out),
        ],
        env=env(site),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not (jobs == "1" or len(_workers_of(process.pid)) >= 2):
            time.sleep(0.05)
        time.sleep(1.0)  # the rules are running now
        workers = _workers_of(process.pid)
        for _ in range(signals):
            process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        _, err = process.communicate(timeout=15)
    finally:
        process.kill()
    assert process.returncode == 143, err
    assert time.monotonic() - started < 5
    assert "terminated" in err and "Traceback" not in err
    assert list(out.parent.iterdir()) == []  # no temporary file left
    time.sleep(0.2)
    assert not [
        w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]
    ]


@pytest.mark.parametrize("fmt", ["json", "csv", "table", "markdown"])
def test_a_reader_that_stops_early_keeps_the_files_exit_code(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "regions"
    folder.mkdir()
    for n in range(400):
        (folder / f"r{n:03d}.yaml").write_bytes((EXAMPLES / "kauman-batik.yaml").read_bytes())
    base = f"set -o pipefail; {sys.executable} -m ovop_assess {folder} --format {fmt} --as-of 2026-11-28"
    eligible = subprocess.run(["bash", "-c", f"{base} | head -n1"], capture_output=True, timeout=BOUND, check=False)
    assert eligible.returncode == 0, eligible.stderr
    (folder / "r999.yaml").write_text("format: ovop-region/1\n", encoding="utf-8")
    invalid = subprocess.run(["bash", "-c", f"{base} | head -n1"], capture_output=True, timeout=BOUND, check=False)
    assert invalid.returncode == 3, invalid.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["json", "table", "csv"])
def test_a_full_disk_on_stdout_is_an_environment_error(fmt: str) -> None:
    command = f"{sys.executable} -m ovop_assess {EXAMPLES / 'kauman-batik.yaml'} --format {fmt} > /dev/full"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=BOUND, check=False)
    assert done.returncode not in (0, 4) and "No space left on device" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_plugin_sees_the_region_read_only(site: Path, tmp_path: Path) -> None:
    rule_set = criteria(tmp_path, "E14")
    done = cli(
        site, EXAMPLES / "kauman-batik.yaml", "--criteria", rule_set, "--format", "json", "--as-of", "2026-11-28"
    )
    assert done.returncode == 4
    got = {c["id"]: c for c in json.loads(done.stdout)["results"][0]["criteria"]}
    assert got["E14"]["status"] == "error" and "AttributeError" in got["E14"]["reasons"][0]
    assert got["C2"]["status"] == "pass"  # the firms are all still there for the rules after it


def test_the_region_model_is_read_only_all_the_way_down() -> None:
    from ovop_assess.region import Region

    region = Region.model_validate(
        {
            "format": "ovop-region/1",
            "region": {"name": "X", "level": "desa", "city": "C", "province": "P"},
            "firms": [{"name": "A", "role": "champion"}],
            "access": {"public_transport": ["bus"]},
            "evidence": {"firm_list": "a.pdf"},
            "waivers": [],
        }
    )
    assert isinstance(region.firms, tuple) and isinstance(region.waivers, tuple)
    assert region.access is not None and isinstance(region.access.public_transport, tuple)
    with pytest.raises(TypeError):
        region.evidence["firm_list"] = "b.pdf"  # type: ignore[index]
    with pytest.raises(Exception):  # noqa: B017  (pydantic's frozen-instance error)
        region.firms = ()  # type: ignore[misc]


def test_a_plugin_whose_import_exits_or_never_ends_is_unavailable(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "exits_at_import.py").write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    info = folder / "bad_imports-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: bad-imports\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[ovop_assess.rules]\nX1 = exits_at_import\n", encoding="utf-8")
    done = cli(folder, EXAMPLES / "kauman-batik.yaml", "--criteria", criteria(tmp_path, "X1"), "--format", "json")
    assert done.returncode == 4, done.stderr
    x1 = {c["id"]: c for c in json.loads(done.stdout)["results"][0]["criteria"]}["X1"]
    assert x1["status"] == "error" and "SystemExit" in x1["reasons"][0]


def test_a_stop_whose_exception_was_lost_still_ends_the_run_as_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A signal handler's exception raised inside an at-fork hook or a __del__ is only printed by Python
    # ("Exception ignored in ..."): the run went on, wrote its whole report and exited 0.
    from ovop_assess import rule_guard
    from ovop_assess.cli.error_handler import run_guarded
    from ovop_assess.cli.output import write_output
    from ovop_assess.cli.signals import Terminated

    rule_guard.clear_stop()
    try:
        rule_guard.request_stop(Terminated())
        target = tmp_path / "report.json"
        with pytest.raises(Terminated):
            write_output("{}", target)
        assert list(tmp_path.iterdir()) == []  # no report, no temporary file
        assert run_guarded(lambda: 0, "en", debug=False) == 143
        assert "terminated" in capsys.readouterr().err
    finally:
        rule_guard.clear_stop()
    assert run_guarded(lambda: 0, "en", debug=False) == 0
