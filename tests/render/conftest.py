"""Region files and reports shared by the renderer tests.

The files are small but real: they go through the loader, the validator,
the rules and the verdict, so the renderers see what a run produces.
Lines that tests check are noted next to the YAML.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path, make_report
from ovop_assess.results import CriterionResult, FileResult, Finding, Message, Report, Status
from ovop_assess.verdict import verdict_of

AS_OF = datetime.date(2026, 11, 28)

# A name with a comma, quotes, a pipe, a percent sign, a colon and a Javanese ê.
TRICKY_NAME = 'Laweyan, "Kampoeng | Batik" 100% Sêmbuh: Solo'

_ELIGIBLE_BODY = """\
  level: kelurahan
  city: Kota Surakarta
  province: Jawa Tengah
product:
  name: Batik tulis
  category: batik
  export_oriented: {export}
  uniqueness:
    local_skill: Batik tulis drawn by hand in the kampung
resources:
  - type: skill
    description: Batik craftsmanship
firms:
  - {{name: Firm A, role: champion, willing_to_lead: true}}
  - {{name: Firm B, role: mentee}}
  - {{name: Firm C, role: mentee}}
  - {{name: Firm D, role: mentee}}
  - {{name: Firm E, role: member}}
  - {{name: Firm F, role: member}}
  - {{name: Firm G, role: member}}
  - {{name: Firm H, role: member}}
  - {{name: Firm I, role: member}}
  - {{name: Firm J, role: member}}
organizations:
  - {{type: koperasi, name: Koperasi Batik}}
government_commitment:
  - {{type: training, description: Training, status: delivered}}
spatial_plan: {{regulation: Perda No. 1 Tahun 2012 tentang RTRW, conforms: true}}
raw_materials:
  - {{name: malam, source: local, main: true}}
access: {{public_transport: [{transport}], nearest_stop_m: 200}}
"""


def eligible_text(name: str = TRICKY_NAME, *, export: str = "true", transport: str = "bus") -> str:
    quoted = name.replace("'", "''")
    head = f"format: ovop-region/1\nregion:\n  name: '{quoted}'\n"
    return head + _ELIGIBLE_BODY.format(export=export, transport=transport)


REGIONS: dict[str, str] = {
    # every criterion passes
    "eligible.yaml": eligible_text(),
    # C2 fails: 5 firms of 10 (firms: key at line 16); firm E is a member naming a mentor (line 21,
    # a file warning); an expired waiver of C2 (waivers[0] at line 31) is a C2 warning.
    "not_eligible.yaml": """\
format: ovop-region/1
region:
  name: Kauman
  level: kelurahan
  city: Kota Surakarta
  province: Jawa Tengah
product:
  name: Batik tulis
  category: batik
  export_oriented: true
  uniqueness:
    local_skill: Batik tulis drawn by hand in the kampung
resources:
  - type: skill
    description: Batik craftsmanship
firms:
  - {name: Firm A, role: champion, willing_to_lead: true}
  - {name: Firm B, role: mentee}
  - {name: Firm C, role: mentee}
  - {name: Firm D, role: mentee}
  - {name: Firm E, role: member, mentor: Firm A}
organizations:
  - {type: koperasi, name: Koperasi Batik}
government_commitment:
  - {type: training, description: Training, status: delivered}
spatial_plan: {regulation: Perda No. 1 Tahun 2012 tentang RTRW, conforms: true}
raw_materials:
  - {name: malam, source: local, main: true}
access: {public_transport: [bus], nearest_stop_m: 200}
waivers:
  - rule: C2
    reason: "old waiver: 50% done"
    expires: 2020-01-01
""",
    # nothing but the region: every criterion unknown
    "incomplete.yaml": """\
format: ovop-region/1
region:
  name: Desa Tégalwangi
  level: desa
  city: Kabupaten Klaten
  province: Jawa Tengah
""",
    # C6 is not stated but waived (waivers[0] at line 35); the reason has two lines
    "waived.yaml": eligible_text("Kampung Waiver").replace(
        "spatial_plan: {regulation: Perda No. 1 Tahun 2012 tentang RTRW, conforms: true}\n", ""
    )
    + """\
waivers:
  - rule: C6
    approved_by: Dinas Koperasi, UKM
    reason: |-
      RTRW under revision: 50% done
      second line
""",
    # two problems: region.level (line 4, column 10) and firms[0].role (line 8, column 21)
    "invalid.yaml": """\
format: ovop-region/1
region:
  name: Bad
  level: town
  city: Kota Surakarta
  province: Jawa Tengah
firms:
  - {name: A, role: boss}
""",
}
ORDER = ("eligible.yaml", "not_eligible.yaml", "incomplete.yaml", "waived.yaml", "invalid.yaml")


@pytest.fixture
def write_regions(tmp_path: Path) -> Callable[[dict[str, str]], list[Path]]:
    def write(files: dict[str, str]) -> list[Path]:
        paths = []
        for name, content in files.items():
            path = tmp_path / name
            path.write_text(content, encoding="utf-8")
            paths.append(path)
        return paths

    return write


@pytest.fixture
def region_paths(write_regions: Callable[[dict[str, str]], list[Path]]) -> list[Path]:
    return write_regions({name: REGIONS[name] for name in ORDER})


AssessFiles = Callable[..., Report]
RouteGroup = Callable[[Status, Status], Report]


@pytest.fixture
def assess_files() -> AssessFiles:
    """Assess files (labelled by their file names) into a report."""

    def assess(paths: Sequence[Path], criteria: str = "default") -> Report:
        criteria_set = criteria_sets.load(criteria)
        results = [assess_path(p, criteria_set, as_of=AS_OF, label=p.name) for p in paths]
        return make_report(criteria_set, results)

    return assess


@pytest.fixture
def report(region_paths: list[Path], assess_files: AssessFiles) -> Report:
    return assess_files(region_paths)


@pytest.fixture
def tricky_name() -> str:
    return TRICKY_NAME


@pytest.fixture
def eligible_yaml() -> Callable[..., str]:
    """``eligible_yaml(name, export="true", transport="bus")``: the text of an eligible region file."""
    return eligible_text


@pytest.fixture
def with_crash() -> Callable[[Report, str, str], Report]:
    """``with_crash(report, file, rule_id)``: the report with that rule crashed (status error)."""
    return _with_crash


def _with_crash(report: Report, file: str, rule_id: str) -> Report:

    def crash(result: FileResult) -> FileResult:
        if result.file != file:
            return result
        criteria = tuple(
            c._replace(
                status=Status.ERROR,
                score=0.0,
                reasons=(Finding(Message("rule.crashed", {"rule": c.id, "error": "ZeroDivisionError: boom"})),),
                missing=(),
            )
            if c.id == rule_id
            else c
            for c in result.criteria
        )
        return result._replace(criteria=criteria)

    return report._replace(results=tuple(crash(r) for r in report.results))


@pytest.fixture
def route_group(assess_files: AssessFiles, write_regions: Callable[[dict[str, str]], list[Path]]) -> RouteGroup:
    """``route_group(c1, c2)``: an eligible file under the set ``routes`` with its group's members set to these.

    C1 and C2 are the alternatives of group ``route`` there; the verdict is the
    verdict's own for the new statuses, so a renderer sees what a run would give.
    """
    paths = write_regions({"route.yaml": eligible_text("Route")})

    def make(c1: Status, c2: Status) -> Report:
        report = assess_files(paths, "routes")
        wanted = {"C1": c1, "C2": c2}

        def member(c: CriterionResult) -> CriterionResult:
            if c.id not in wanted or wanted[c.id] is Status.PASS:
                return c
            said = Finding(Message("ui.warning", {}))  # any reason: the renderers only pass it on
            return c._replace(status=wanted[c.id], score=0.0, reasons=(said,), assurance=None)

        result = report.results[0]
        criteria = tuple(map(member, result.criteria))
        result = result._replace(criteria=criteria, verdict=verdict_of(criteria))
        return report._replace(results=(result,))

    return make
