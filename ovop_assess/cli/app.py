"""The typer commands. Each parses its options, calls the library, renders and returns an exit code."""

from __future__ import annotations

import datetime
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import __version__
from ..errors import UsageError
from ..results import Message
from ..yaml_source import Limits

_DEFAULT = Limits()

app = typer.Typer(
    name="ovop-assess",
    help="Assess whether a candidate region (desa, kelurahan, kecamatan) qualifies as an OVOP sentra.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    junit = "junit"
    github = "github"
    csv = "csv"
    markdown = "markdown"


class SortBy(StrEnum):
    file = "file"
    score = "score"


class LangChoice(StrEnum):
    en = "en"
    id = "id"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ovop-assess {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Assess candidate OVOP sentra regions against the eight criteria."""


CriteriaOpt = Annotated[
    str,
    typer.Option("--criteria", help="A shipped criteria set (default, routes, coordination) or a path to a set file."),
]
LangOpt = Annotated[LangChoice, typer.Option("--lang", envvar="OVOP_LANG", help="Language of all text: id or en.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report to this file (whole or not at all).")
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the traceback of internal errors.")]


def _as_of(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(Message("cli.bad_date", {"value": value})) from None


@app.command()
def assess(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH", readable=False, help="Region files, or folders of *.yaml/*.yml files."),
    ],
    criteria: CriteriaOpt = "default",
    lang: LangOpt = LangChoice.en,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="table (default), json, junit, github, csv or markdown."),
    ] = None,
    output: OutputOpt = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Assessment date YYYY-MM-DD (waivers are judged on it).")
    ] = None,
    allow_incomplete: Annotated[
        bool, typer.Option("--allow-incomplete", help="Exit 0 rather than 1 for incomplete regions.")
    ] = False,
    sort: Annotated[SortBy, typer.Option("--sort", help="Order of results: file (as given) or score.")] = SortBy.file,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest region file read.")
    ] = _DEFAULT.max_bytes,
    max_depth: Annotated[int, typer.Option("--max-depth", min=1, help="Deepest nesting read.")] = _DEFAULT.max_depth,
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", min=1, help="Most values read, aliases expanded.")
    ] = _DEFAULT.max_nodes,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per core for big batches)."),
    ] = None,
    debug: DebugOpt = False,
) -> int:
    """Validate and assess region files (a folder means every *.yaml/*.yml below it)."""
    from .commands import run_assess

    return run_assess(
        paths=paths,
        criteria=criteria,
        lang=lang.value,
        output_format=output_format.value if output_format else "table",
        output=output,
        as_of=_as_of(as_of),
        allow_incomplete=allow_incomplete,
        sort=sort.value,
        limits=Limits(max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes),
        jobs=jobs,
        debug=debug,
    )


@app.command()
def rules(criteria: CriteriaOpt = "default", lang: LangOpt = LangChoice.en, debug: DebugOpt = False) -> int:
    """List the rules of the active criteria set: id, title, required/group, parameters."""
    from .commands import run_rules

    return run_rules(criteria, lang.value)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id, e.g. C2.")],
    lang: LangOpt = LangChoice.en,
    debug: DebugOpt = False,
) -> int:
    """Print a rule's documentation: what it checks, parameters, a passing and a failing fragment."""
    from .commands import run_explain

    return run_explain(rule_id, lang.value)


class ChecklistFormat(StrEnum):
    markdown = "markdown"
    html = "html"


@app.command()
def checklist(
    file: Annotated[Path, typer.Argument(metavar="FILE", readable=False, help="The region file.")],
    criteria: CriteriaOpt = "default",
    lang: LangOpt = LangChoice.en,
    output_format: Annotated[
        ChecklistFormat, typer.Option("--format", "-f", help="markdown (default) or html (one printable page).")
    ] = ChecklistFormat.markdown,
    output: OutputOpt = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date of the checklist, YYYY-MM-DD.")] = None,
    debug: DebugOpt = False,
) -> int:
    """Write the proposal checklist for one region: status, what is missing, evidence documents."""
    from .commands import run_checklist

    return run_checklist(
        file=file,
        criteria=criteria,
        lang=lang.value,
        output_format=output_format.value,
        output=output,
        as_of=_as_of(as_of),
    )


@app.command()
def schema(output: OutputOpt = None, debug: DebugOpt = False) -> int:
    """Print the JSON Schema of the region format (for editors and other validators)."""
    from ..schema import region_schema_json
    from .output import write_output

    write_output(region_schema_json(), output)
    return 0


@app.command()
def init(
    file: Annotated[
        Path | None, typer.Argument(metavar="[FILE]", help="Where to write; standard output if omitted.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    debug: DebugOpt = False,
) -> int:
    """Write a region-file template, commented in Bahasa Indonesia and English."""
    from ..schema import region_template
    from .output import write_output

    if file is not None and file.exists() and not force:
        raise UsageError(Message("cli.exists", {"path": str(file)}))
    write_output(region_template(), file)
    return 0


def invoke(args: list[str]) -> int:
    """Run the app without click's own exit handling, so main() maps every outcome."""
    command = typer.main.get_command(app)
    try:
        result: Any = command.main(args=args, prog_name="ovop-assess", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        raise KeyboardInterrupt from None
    except typer.TyperException as exc:
        show = getattr(exc, "show", None)
        if callable(show):
            show(file=sys.stderr)
        else:
            print(f"ovop-assess: {exc.message}", file=sys.stderr)
        return 2 if exc.exit_code == 2 else int(exc.exit_code)
    if result == 130:
        # typer turns Ctrl-C into a silent return of 130 (no command of ours returns it):
        # hand it back to main(), which says so and maps it.
        raise KeyboardInterrupt
    return result if isinstance(result, int) else 0
