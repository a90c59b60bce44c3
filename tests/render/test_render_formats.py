"""The format dispatch: every name gives text, an unknown name is a ValueError."""

from __future__ import annotations

import pytest

from ovop_assess.render import formats
from ovop_assess.render.json_report import render_json
from ovop_assess.results import Report


@pytest.mark.parametrize("name", formats.FORMATS)
def test_every_format_renders_text_ending_in_a_newline(name: str, report: Report) -> None:
    for lang in ("en", "id"):
        out = formats.render(name, report, lang)
        assert out.endswith("\n")
        assert "eligible.yaml" in out


def test_json_is_the_reference_renderer(report: Report) -> None:
    assert formats.render("json", report, "id") == render_json(report, "id")


@pytest.mark.parametrize("name", ["table", "xml", "", "JUNIT"])
def test_unknown_format_is_a_value_error(name: str, report: Report) -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        formats.render(name, report, "en")


def test_criterion_ids_follow_the_set_and_skip_invalid_files(report: Report) -> None:
    assert formats.criterion_ids(report) == [f"C{i}" for i in range(1, 9)]
    invalid_only = Report(report.tool_version, report.criteria_set, report.results[-1:])
    assert formats.criterion_ids(invalid_only) == []


def test_decisive_line_is_the_first_located_fact_else_line_1(report: Report) -> None:
    by_file = {r.file: r for r in report.results}
    c2 = next(c for c in by_file["not_eligible.yaml"].criteria if c.id == "C2")
    assert formats.decisive_line(c2) == 16
    unknown = by_file["incomplete.yaml"].criteria[0]
    assert unknown.locations == ()
    assert formats.decisive_line(unknown) == 1


def test_renderers_know_nothing_of_rich_or_typer() -> None:
    import ast
    from pathlib import Path

    folder = Path(formats.__file__).parent
    for name in ("formats", "junit", "github", "csv_report", "markdown"):
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        imported = {
            (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert not any(m.split(".")[0] in {"rich", "typer", "click"} for m in imported), name
        assert ast.get_docstring(tree), f"{name} needs a module docstring"
