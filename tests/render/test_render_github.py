"""GitHub workflow commands: every line parsed with a regex, properties and messages unescaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ovop_assess.render.github import escape_data, escape_property, render_github
from ovop_assess.results import Report, Status, Verdict

from .conftest import RouteGroup

LINE = re.compile(r"^::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape_data(value: str) -> str:
    return value.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def _unescape_property(value: str) -> str:
    return _unescape_data(value.replace("%3A", ":").replace("%2C", ","))


@dataclass
class Command:
    kind: str
    props: dict[str, str]
    message: str

    @property
    def file(self) -> str:
        return self.props["file"]

    @property
    def line(self) -> int:
        return int(self.props["line"])


def _parse(out: str) -> list[Command]:
    assert out.endswith("\n")
    commands = []
    for raw in out.splitlines():
        match = LINE.match(raw)
        assert match, raw
        props = {}
        for pair in match["props"].split(","):
            key, _, value = pair.partition("=")
            props[key] = _unescape_property(value)
        assert set(props) <= {"file", "line", "col", "title"}
        commands.append(Command(match["kind"], props, _unescape_data(match["message"])))
    return commands


def _of(commands: list[Command], file: str) -> list[Command]:
    return [c for c in commands if c.file == file]


def test_escaping_rules() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a: b, 100%\nc") == "a%3A b%2C 100%25%0Ac"


def test_one_command_per_line_and_a_notice_per_file(report: Report) -> None:
    commands = _parse(render_github(report, "en"))
    notices = [c for c in commands if c.kind == "notice"]
    assert [n.file for n in notices] == [r.file for r in report.results]
    assert all(n.line == 1 for n in notices)
    # the notice closes each file's block
    for result in report.results:
        assert _of(commands, result.file)[-1].kind == "notice"


def test_eligible_file_only_gets_its_notice_with_escaped_title(report: Report, tricky_name: str) -> None:
    out = render_github(report, "en")
    first = out.splitlines()[0]
    assert 'title=Laweyan%2C "Kampoeng | Batik" 100%25 Sêmbuh%3A Solo::' in first
    (notice,) = _of(_parse(out), "eligible.yaml")
    assert notice.props["title"] == tricky_name
    assert notice.message == "Verdict: eligible — declared only, 0 of 9 documents on hand; total score 1.00"


def test_failed_required_criterion_is_an_error_on_the_deciding_line(report: Report) -> None:
    commands = _of(_parse(render_github(report, "en")), "not_eligible.yaml")
    assert [(c.kind, c.line, c.props["title"]) for c in commands] == [
        ("error", 16, "C2 similar-firms: fail"),
        ("warning", 31, "C2 similar-firms: warning"),
        ("warning", 21, "warning: firms[4].mentor"),
        ("notice", 1, "Kauman"),
    ]
    error, expired, _mentor, notice = commands
    assert error.message == (
        "5 of the 10 firms of category batik needed.\nstill missing: 5 more firm(s) of category batik"
    )
    assert expired.message.endswith("has no effect: old waiver: 50% done")
    assert notice.message == ("Verdict: not eligible — declared only, 0 of 9 documents on hand; total score 0.94")


def test_message_escaping_is_raw_in_the_output(report: Report) -> None:
    raw = [line for line in render_github(report, "en").splitlines() if "not_eligible.yaml" in line]
    assert raw[0].endswith(
        "::5 of the 10 firms of category batik needed.%0Astill missing: 5 more firm(s) of category batik"
    )
    assert raw[1].endswith("old waiver: 50%25 done")


def test_unknown_criteria_are_warnings_on_line_1(report: Report) -> None:
    commands = _of(_parse(render_github(report, "en")), "incomplete.yaml")
    warnings = [c for c in commands if c.kind == "warning"]
    assert len(warnings) == 8
    assert {c.line for c in warnings} == {1}
    assert warnings[0].props["title"] == "C1 resource-champion-mentees: unknown"
    assert "still missing:" in warnings[0].message


def test_waived_criterion_is_no_annotation_but_named_in_the_notice(report: Report) -> None:
    commands = _of(_parse(render_github(report, "en")), "waived.yaml")
    assert [c.kind for c in commands] == ["notice"]
    assert commands[0].message == (
        "Verdict: eligible — declared only, 0 of 9 documents on hand; total score 1.00; waived: C6"
    )


def test_invalid_file_problems_are_errors_with_line_and_column(report: Report) -> None:
    commands = _of(_parse(render_github(report, "en")), "invalid.yaml")
    assert [(c.kind, c.line, c.props.get("col"), c.props["title"], c.message) for c in commands] == [
        ("error", 4, "10", "invalid file: region.level", "must be one of: desa, kelurahan, kecamatan"),
        ("error", 8, "21", "invalid file: firms[0].role", "must be one of: champion, mentee, member"),
        ("notice", 1, None, "invalid.yaml", "Verdict: invalid file; 2 problem(s) in invalid.yaml"),
    ]


def test_crashed_rule_is_an_error(report: Report, with_crash: Callable[[Report, str, str], Report]) -> None:
    commands = _of(_parse(render_github(with_crash(report, "eligible.yaml", "C5"), "en")), "eligible.yaml")
    first = commands[0]
    assert (first.kind, first.line, first.props["title"]) == ("error", 1, "C5 management-body: error")
    assert "ZeroDivisionError: boom" in commands[0].message


def test_advisory_and_alternative_failures_are_warnings(
    write_regions: Callable[[dict[str, str]], list[Path]],
    assess_files: Callable[..., Report],
    eligible_yaml: Callable[..., str],
    tmp_path: Path,
) -> None:
    # C1 fails (its only champion will not lead, line 17) and C8 fails (no transport, line 34).
    # (Not through export_oriented: C2 reads it too, and C2 must pass for the routes case.)
    text = eligible_yaml("Ngúter", transport="").replace("willing_to_lead: true", "willing_to_lead: false")
    paths = write_regions({"r.yaml": text})
    (tmp_path / "advisory.yaml").write_text("id: advisory\nextends: default\nrules:\n  C8: {required: false}\n")

    def annotations(criteria: str) -> list[tuple[str, int, str]]:
        commands = _parse(render_github(assess_files(paths, criteria=criteria), "en"))
        return [(c.kind, c.line, c.props["title"]) for c in commands if c.kind != "notice"]

    assert annotations("default") == [
        ("error", 17, "C1 resource-champion-mentees: fail"),
        ("error", 34, "C8 public-transport: fail"),
    ]
    assert annotations(str(tmp_path / "advisory.yaml")) == [
        ("error", 17, "C1 resource-champion-mentees: fail"),
        ("warning", 34, "C8 public-transport: fail (advisory)"),
    ]
    # routes: C2 passes, so C1's failure does not decide the verdict
    assert annotations("routes") == [
        ("warning", 17, "C1 resource-champion-mentees: fail (one of group route)"),
        ("error", 34, "C8 public-transport: fail"),
    ]


def test_indonesian(report: Report) -> None:
    commands = _of(_parse(render_github(report, "id")), "not_eligible.yaml")
    assert commands[0].props["title"] == "C2 similar-firms: tidak dipenuhi"
    assert commands[0].message.startswith("Baru 5 UMKM sejenis (batik); minimal 10")
    assert commands[-1].message == (
        "Hasil penilaian: tidak layak — baru dinyatakan, 0 dari 9 dokumen tersedia; skor total 0.94"
    )


@pytest.mark.parametrize(
    ("c2", "verdict", "kinds"),
    [
        (Status.FAIL, Verdict.NOT_ELIGIBLE, ["error", "error"]),  # the whole group fails: both decide
        (Status.UNKNOWN, Verdict.INCOMPLETE, ["warning", "warning"]),  # C2 may still pass the group
        (Status.PASS, Verdict.ELIGIBLE, ["warning"]),  # C2 passed the group
    ],
)
def test_a_failed_alternative_is_an_error_only_when_its_whole_group_fails(
    route_group: RouteGroup, c2: Status, verdict: Verdict, kinds: list[str]
) -> None:
    report = route_group(Status.FAIL, c2)
    assert report.results[0].verdict is verdict
    commands = [c for c in _parse(render_github(report, "en")) if c.kind != "notice"]
    assert [c.kind for c in commands] == kinds
    assert commands[0].props["title"] == "C1 resource-champion-mentees: fail (one of group route)"
