"""The batch summary table on narrow terminals, the reasons under it, and ``--details``."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path, make_report
from ovop_assess.cli.main import main
from ovop_assess.cli.table import render_table
from ovop_assess.messages import Lang, text
from ovop_assess.results import CriterionResult, FileResult, Finding, Message, Report, Status, Verdict
from ovop_assess.verdict import verdict_of

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "regions"
# The four examples these widths were measured with (later examples have other names and verdicts).
FILES = [
    EXAMPLES / name
    for name in (
        "bangli-bamboo-weaving.yaml",
        "boyolali-copper-craft.yaml",
        "kauman-batik.yaml",
        "sambi-kadipiro-paper-craft.yaml",
    )
]
AS_OF = datetime.date(2026, 11, 28)


def _report() -> Report:
    criteria = criteria_sets.load("default")
    results = [assess_path(path, criteria, as_of=AS_OF, label=f"examples/regions/{path.name}") for path in FILES]
    return make_report(criteria, results)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_summary_never_cuts_score_verdict_or_region(width: int, lang: Lang) -> None:
    report = _report()
    out = render_table(report, lang, to_terminal=False, width=width)
    lines = out.splitlines()
    # The lines under the table stay whole lines in a file or a log (grep); the table fits the width.
    assert all(len(line) <= width for line in lines if not line.startswith(("✗ ", "? ")))
    assert "…" not in out
    header = next(line for line in lines if text("ui.region", lang) in line)
    assert text("ui.verdict", lang) in header and text("ui.score", lang) in header
    for result in report.results:
        assert result.region is not None
        verdict = text("verdict." + result.verdict.value, lang)
        # The region's name, its verdict and its score, whole, on one row of the table.
        row = re.compile(rf"^\s+{re.escape(result.region.name)}\s.*\s{re.escape(verdict)}\s+{result.score:.2f}\s*$")
        assert any(row.match(line) for line in lines), (width, lang, out)
    # Every region's marks are shown: one column per criterion, or one column of marks when narrow.
    assert ("C1\N{EN DASH}C8" in header) == (width < 120)  # the verdict cell carries the assurance too
    assert sum(line.count("✓") + line.count("✗") + line.count("?") + line.count("~") for line in lines[:10]) >= 32


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_the_path_line_gives_way_first(width: int) -> None:
    out = render_table(_report(), "en", to_terminal=False, width=width)
    full = "examples/regions/kauman-batik.yaml"
    if width >= 100:
        assert full in out
    elif width >= 80:
        assert full not in out.split("✗")[0] and "\n  kauman-batik.yaml" in out
    else:  # too narrow even for the files' names: left to the lines under the table
        assert "\n  kauman-batik.yaml" not in out


def test_paths_wrap_rather_than_vanish_when_names_repeat() -> None:
    report = _report()
    twice = make_report(criteria_sets.load("default"), [*report.results, *report.results])
    out = render_table(twice, "en", to_terminal=False, width=60)
    assert "bangli-bamboo-weaving." in out and "sambi-kadipiro-paper-c" in out


@pytest.mark.parametrize("lang", ["en", "id"])
def test_one_line_per_region_that_needs_attention(lang: Lang) -> None:
    out = render_table(_report(), lang, to_terminal=False, width=400)
    why = [line for line in out.splitlines() if line.startswith(("✗ ", "? "))]
    fail, unknown = text("status.fail", lang), text("status.unknown", lang)
    assert len(why) == 3  # Bangli and Cepogo not eligible, Kadipiro incomplete; Kauman eligible is not listed
    assert why[0].startswith("✗ Bangli (examples/regions/bangli-bamboo-weaving.yaml): C2 " + fail + ": ")
    assert "C7 " + fail + ": " in why[1] and "C2" not in why[1]
    assert why[2].startswith("? Kadipiro") and why[2].count(unknown + ": ") == 5
    first_missing = {
        "en": "4 more firm(s) of category bamboo-weaving",
        "id": "4 UMKM sejenis lagi (bamboo-weaving)",
    }[lang]
    assert first_missing in why[0]
    assert "Kauman" not in "\n".join(why)


def test_details_prints_every_region_table(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("OVOP_LANG", raising=False)
    args = ["assess", *map(str, FILES), "--as-of", "2026-11-28"]
    assert main(args) == 1
    summary = capsys.readouterr().out
    assert "Reason" not in summary
    assert main([*args, "--details"]) == 1
    detailed = capsys.readouterr().out
    assert detailed.startswith(summary.rsplit("\n", 1)[0]) or summary.splitlines()[1] in detailed
    assert detailed.count("Reason") == len(FILES)
    assert detailed.count("Verdict: ") == len(FILES)
    assert "Champion Tembaga Cepogo 02 is willing to lead" in detailed


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_one_region_table_cuts_nothing(width: int, lang: Lang) -> None:
    criteria = criteria_sets.load("default")
    path = EXAMPLES / "boyolali-copper-craft.yaml"
    report = make_report(criteria, [assess_path(path, criteria, as_of=AS_OF, label="boyolali-copper-craft.yaml")])
    out = render_table(report, lang, to_terminal=False, width=width)
    assert "…" not in out
    # The table fits; the warnings under it stay whole lines in a file or a log (grep), as the errors do.
    assert all(len(line) <= width for line in out.splitlines() if not line.startswith("⚠"))
    assert any(line.startswith("⚠") and line.endswith("33.09.03") for line in out.splitlines())
    one, zero = (" 1,00 ", " 0,00 ") if lang == "id" else (" 1.00 ", " 0.00 ")  # decimal commas in Indonesian
    assert out.count(one) == 7 and out.count(zero) == 1  # every criterion's score, whole
    assert "copper-craft" in out  # a long word in a reason wraps rather than being cut


# --- which criteria the lines under the summary name: the verdict's own rule --------------------------------

P, F, U, W, E = Status.PASS, Status.FAIL, Status.UNKNOWN, Status.WAIVED, Status.ERROR


def _criterion(cid: str, status: Status, *, required: bool = True, group: str | None = None) -> CriterionResult:
    reasons = (Finding(Message(f"why {cid}", {})),)
    return CriterionResult(cid, cid.lower(), status, 1.0 if status is P else 0.0, required, group, 1, reasons, (), ())


def _why(*criteria: CriterionResult) -> list[str]:
    """The ids the line under the summary names for one region with these criteria (and one eligible beside it)."""
    results = tuple(criteria)
    region = FileResult("r.yaml", None, verdict_of(results), 0.0, results)
    eligible = FileResult("ok.yaml", None, Verdict.ELIGIBLE, 1.0, (_criterion("C1", P),))
    report = make_report(criteria_sets.load("default"), [region, eligible])
    out = render_table(report, "en", to_terminal=False, width=400)
    lines = [line for line in out.splitlines() if line.startswith(("✗ ", "? "))]
    if region.verdict is Verdict.ELIGIBLE:
        assert lines == []
        return []
    (line,) = lines
    assert line.startswith("✗ " if region.verdict is Verdict.NOT_ELIGIBLE else "? ")
    return re.findall(r"(C\d) [a-z]+: why ", line)


@pytest.mark.parametrize(
    ("criteria", "named"),
    [
        # plain: every required failure; what is unknown beside a failure does not decide
        ([_criterion("C1", F), _criterion("C2", P), _criterion("C3", F)], ["C1", "C3"]),
        ([_criterion("C1", F), _criterion("C2", U)], ["C1"]),
        # incomplete: what is unknown, an error too (it counts as unknown)
        ([_criterion("C1", U), _criterion("C2", P), _criterion("C3", E)], ["C1", "C3"]),
        # a group where one member failed and another passed: the group passed, the failure decides nothing
        ([_criterion("C1", F, group="route"), _criterion("C2", P, group="route"), _criterion("C3", F)], ["C3"]),
        ([_criterion("C1", F, group="route"), _criterion("C2", W, group="route"), _criterion("C3", U)], ["C3"]),
        # a group where every member failed: each member is a reason
        ([_criterion("C1", F, group="route"), _criterion("C2", F, group="route")], ["C1", "C2"]),
        # a group still open: its unknown member keeps it open, not its failed one
        ([_criterion("C1", F, group="route"), _criterion("C2", U, group="route"), _criterion("C3", P)], ["C2"]),
        # advisory rules never: neither a failure nor an unknown
        ([_criterion("C1", F, required=False), _criterion("C2", F)], ["C2"]),
        ([_criterion("C1", F, required=False), _criterion("C2", U, required=False), _criterion("C3", U)], ["C3"]),
        ([_criterion("C1", F, required=False), _criterion("C2", P)], []),  # eligible: no line
    ],
)
def test_the_lines_under_the_summary_name_what_the_verdict_rests_on(
    criteria: list[CriterionResult], named: list[str]
) -> None:
    assert _why(*criteria) == named


@pytest.mark.parametrize("lang", ["en", "id"])
def test_errors_and_warnings_stay_whole_lines_in_a_file(
    lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``file:line:col: field: message`` is what grep and an editor's error list read: in a file or a pipe, each
    error and each warning under a file's errors or table is one line however long, and no line of the output
    ends in the spaces rich pads a table with (a new user's walkthrough: they broke at 120 columns)."""
    source = (EXAMPLES / "kauman-batik.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "kauman.yaml"
    # An unquoted KBLI (an error) and a code the official table does not have (a warning with three suggestions).
    broken.write_text(
        source.replace('kbli: "13134"', "kbli: 13134").replace('"33.72.03.1009"', '"33.72.03.1019"'), encoding="utf-8"
    )
    assert main(["--lang", lang, str(broken)]) == 3
    out = capsys.readouterr().out
    error = next(line for line in out.splitlines() if "product.kbli" in line)
    assert len(error) > 120 and error.endswith('"13134"'), out
    warning = next(line for line in out.splitlines() if "33.72.03.1019" in line and "33.09.18.2019" in line)
    assert warning.lstrip().startswith("⚠") and warning.rstrip().endswith("Jawa Tengah"), out
    valid = tmp_path / "valid.yaml"
    valid.write_text(source.replace('"33.72.03.1009"', '"33.72.03.1019"'), encoding="utf-8")
    main(["--lang", lang, str(valid)])
    out = capsys.readouterr().out
    assert any(line.startswith("⚠") and "33.09.18.2019" in line for line in out.splitlines()), out
    assert not [line for line in out.splitlines() if line != line.rstrip()]


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [30, 45, 55, 60, 70, 80, 100, 140])
def test_rules_keep_names_and_parameters_whole(
    lang: Lang, width: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule's name and its parameters are typed from this page (explain, a criteria set): on 80 columns
    they broke mid-word, `resource-champ` / `ion-mentees` (a new user's walkthrough); then, below 57
    columns, whole names beside a column of parameters made rich cut lines at the edge: `min_similar_firms: 1`
    for 10 (an adversarial review). Folded where there is no room, never cut."""
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["--lang", lang, "rules", "--criteria", "routes"]) == 0
    out = capsys.readouterr().out
    table = out[out.index("━") :].split("\n\n")[0]
    assert all(len(line) <= width for line in table.splitlines())
    joined = "".join(table.split())  # one column when narrow: its folded lines read on
    for whole in ("resource-champion-mentees", "government-commitment", "min_similar_firms: 10", "min_mentees: 3"):
        assert whole in out or (width < 65 and whole.replace(" ", "") in joined), (width, out)
    assert "max_stop_distance_m:" in out and "1000.0" in out  # (wrapped at its space, maybe: not cut)
    weight = text("ui.weight", lang)
    assert (f"{weight.lower()} 1" in out) == (width < 100)  # under the title when narrow, else a column
