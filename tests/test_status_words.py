"""The Indonesian status words are the same wherever a status is shown: ``dipenuhi``, ``tidak dipenuhi``.

Tables, the checklist, the workbook and ``compare`` say a status with the
catalogue's ``status.*`` words; ``explain`` (a rule's documentation) and the
round's legend said ``lulus``/``gagal`` for the same statuses.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ovop_assess import rules as registry
from ovop_assess.cli.main import main
from ovop_assess.messages import CATALOGUE, text

ROOT = Path(__file__).resolve().parents[1]
KAUMAN = ROOT / "examples" / "regions" / "kauman-batik.yaml"
#: ``lulus``/``gagal`` as a criterion's status (not "the rule failed while checking", nor a spreadsheet's formula).
_OTHER_WORDS = re.compile(r"\b(lulus|gagal|kegagalan)\b")


def test_the_catalogue_says_the_status_words() -> None:
    assert text("status.pass", "id") == "dipenuhi" and text("status.fail", "id") == "tidak dipenuhi"
    assert text("status.fail", "en") == "fail"


@pytest.mark.parametrize("rule_id", ["C1", "C2", "C3", "C5", "C6", "C7", "C8"])
def test_explain_says_tidak_dipenuhi_for_fail(rule_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "id", "explain", rule_id]) == 0
    page = capsys.readouterr().out
    assert "tidak dipenuhi ('fail')" in page
    assert "Contoh yang dipenuhi" in page and "Contoh yang tidak dipenuhi" in page
    assert not _OTHER_WORDS.search(page), _OTHER_WORDS.findall(page)
    assert main(["explain", rule_id]) == 0
    english = capsys.readouterr().out
    assert "Passing fragment" in english and "Failing fragment" in english


@pytest.mark.parametrize("rule_id", ["C4", "NIB1"])  # (NIB1: the example plugin, installed for the tests)
def test_explain_says_dipenuhi_for_pass(rule_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "id", "explain", rule_id]) == 0
    page = capsys.readouterr().out
    assert "dipenuhi ('pass')" in page and not _OTHER_WORDS.search(page)


def test_no_indonesian_text_calls_a_status_lulus_or_gagal() -> None:
    """Every Indonesian sentence of the catalogue and every rule's Indonesian documentation."""
    registry.known_ids()  # loads every rule, so that their MESSAGES are in the catalogue
    said = {key: entry["id"] for key, entry in CATALOGUE.items()}
    # A rule that fails *while checking* (it crashed) and a spreadsheet formula that fails are no statuses.
    allowed = {"rule.crashed", "rule.params_failed"}
    offending = {key: words for key, words in said.items() if key not in allowed and _OTHER_WORDS.search(words)}
    offending = {key: words for key, words in offending.items() if "rumus gagal" not in words}
    assert offending == {}


@pytest.mark.parametrize(("lang", "mark"), [("en", "✗ fails"), ("id", "✗ tidak dipenuhi")])
def test_the_round_legend_says_the_status_word(lang: str, mark: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", lang, "round", str(KAUMAN), "--as-of", "2026-11-28", "-f", "markdown"])
    out = capsys.readouterr().out
    assert mark in out and "gagal" not in out
