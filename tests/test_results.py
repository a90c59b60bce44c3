"""Plain result values: how a file is named in reports, and the facts a result carries as values."""

from __future__ import annotations

import datetime
import os
import pickle
from pathlib import Path
from types import SimpleNamespace

from ovop_assess.assess import assess_text
from ovop_assess.messages import render
from ovop_assess.results import (
    AppliedWaiver,
    Location,
    Outcome,
    RuleCrash,
    Status,
    Verdict,
    file_label,
    rule_crashes,
)
from ovop_assess.rules import Unavailable
from ovop_assess.rules.base import NoParams
from ovop_assess.testing import criteria_for


def test_a_utf8_name_is_kept_as_it_is() -> None:
    assert file_label(Path("regions/kauman-batik.yaml")) == "regions/kauman-batik.yaml"
    assert file_label("Sêmbuh/région ✓.yaml") == "Sêmbuh/région ✓.yaml"
    assert file_label("a\\xe9.yaml") == "a\\xe9.yaml"  # a real backslash stays one


def test_bytes_that_are_not_utf8_are_written_as_escapes() -> None:
    name = os.fsdecode(b"b8/r\xe9gion.yaml")  # Latin-1 é: a lone surrogate in Python's str
    label = file_label(Path(name))
    assert label == "b8/r\\xe9gion.yaml"
    assert label.encode("utf-8")  # valid UTF-8, whatever the output
    # UTF-8 around the bad byte is decoded; only the bad bytes are escaped.
    assert file_label(os.fsdecode("é/".encode() + b"\xff\xfe.yaml")) == "é/\\xff\\xfe.yaml"


# --- what a result says, as values (never read back out of a message) ----------------------------

AS_OF = datetime.date(2026, 11, 28)
BASE = """\
format: ovop-region/1
region: {name: Kauman, level: kelurahan, city: Kota Surakarta, province: Jawa Tengah}
"""


def _crashing_rule() -> SimpleNamespace:
    def check(facts: object, params: object) -> Outcome:
        raise RuntimeError("plugin bug")

    return SimpleNamespace(ID="X9", NAME="crashes", TITLE={"en": "x", "id": "x"}, Params=NoParams, check=check)


def test_a_crash_is_on_the_result_and_its_reason_reads_as_before() -> None:
    result = assess_text(BASE, criteria_for("X9", rule=_crashing_rule()), as_of=AS_OF)
    [criterion] = result.criteria
    assert criterion.status is Status.ERROR and criterion.waiver is None
    assert criterion.crash is not None
    assert criterion.crash.error == "RuntimeError: plugin bug"
    assert "Traceback" in criterion.crash.traceback and "plugin bug" in criterion.crash.traceback
    assert [render(f.message) for f in criterion.reasons] == [
        "The rule X9 failed while checking: RuntimeError: plugin bug"
    ]
    assert rule_crashes(result) == (RuleCrash("<text>", "X9", "RuntimeError: plugin bug", criterion.crash.traceback),)


def test_a_rule_that_could_not_load_is_a_crash_without_traceback() -> None:
    missing = Unavailable("X8", "some-plugin", "ImportError: no module named x")
    criteria = criteria_for("C8")
    criteria = criteria._replace(rules=(criteria.rules[0]._replace(id="X8", spec=missing),))
    [crash] = rule_crashes(assess_text(BASE, criteria, as_of=AS_OF))
    assert (crash.rule, crash.detail, crash.traceback) == ("X8", "ImportError: no module named x", "")


def test_a_waiver_is_on_the_result_and_its_reason_comes_first() -> None:
    text = BASE + "access: {public_transport: []}\nwaivers:\n  - {rule: C8, reason: A shuttle, expires: 2027-01-31}\n"
    [criterion] = assess_text(text, criteria_for("C8"), as_of=AS_OF).criteria
    assert criterion.status is Status.WAIVED
    assert criterion.waiver == AppliedWaiver(
        "C8", "A shuttle", None, datetime.date(2027, 1, 31), Location("waivers[0]", 5, 5)
    )
    assert render(criterion.reasons[0].message) == "Waived by the assessing office: A shuttle"
    assert [f.message.id for f in criterion.rule_reasons] == ["c8.empty"]
    assert criterion.reasons[1:] == criterion.rule_reasons


def test_without_a_waiver_the_rules_reasons_are_all_the_reasons() -> None:
    [criterion] = assess_text(BASE + "access: {public_transport: []}\n", criteria_for("C8"), as_of=AS_OF).criteria
    assert criterion.waiver is None and criterion.crash is None
    assert criterion.rule_reasons == criterion.reasons and criterion.reasons


def test_unknown_evidence_keys_are_values_with_their_warning() -> None:
    text = BASE + "evidence: {foto_produk: a.jpg, peta: b.pdf}\n"
    result = assess_text(text, criteria_for("C8"), as_of=AS_OF)
    assert [u.key for u in result.unknown_evidence] == ["foto_produk", "peta"]
    assert [u.warning for u in result.unknown_evidence] == list(result.warnings)
    invalid = assess_text(text + "firms: 3\n", criteria_for("C8"), as_of=AS_OF)
    assert invalid.verdict is Verdict.INVALID
    assert [u.key for u in invalid.unknown_evidence] == ["foto_produk", "peta"]


def test_results_with_crash_waiver_and_unknown_evidence_pickle() -> None:
    """Workers (--jobs) send results back pickled: the new values must travel too."""
    crashed = assess_text(BASE, criteria_for("X9", rule=_crashing_rule()), as_of=AS_OF)
    text = BASE + "evidence: {peta: b.pdf}\nwaivers:\n  - {rule: C8, reason: A shuttle, approved_by: Dinas}\n"
    waived = assess_text(text, criteria_for("C8"), as_of=AS_OF)
    for result in (crashed, waived):
        assert pickle.loads(pickle.dumps(result)) == result
    assert pickle.loads(pickle.dumps(crashed)).criteria[0].crash == crashed.criteria[0].crash
    again = pickle.loads(pickle.dumps(waived))
    assert again.criteria[0].waiver == waived.criteria[0].waiver is not None
    assert again.unknown_evidence == waived.unknown_evidence != ()
