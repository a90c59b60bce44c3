"""The typer commands. Each parses its options, calls the library, renders and returns an exit code."""

from __future__ import annotations

import copy
import datetime
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from .. import cli as cli_package
from ..errors import UsageError
from ..messages import text
from ..results import Message, file_label
from ..yaml_source import Limits

_DEFAULT = Limits()

# The deepest --max-depth honoured. The loader builds the data recursively (about
# two Python frames per level), so Python's recursion limit (1000 frames) stops
# it near 480 levels, and libyaml refuses more than 1000 itself. Measured with a
# raised --max-depth (Python 3.11): flow and block nesting of lists and mappings
# load up to 486-487 levels in one process and 478-479 in a --jobs worker, and
# fail one level deeper with a false "deeper than N levels". 256 leaves room for
# the frames of whoever runs the command (a test runner, python -m, a worker).
MAX_DEPTH_CAP = 256


def _h(key: str) -> str:
    """Help text in the language chosen for this run (``--lang``/``OVOP_LANG``, read before import)."""
    return text(key, cli_package.HELP_LANG)


def _help_classes() -> tuple[type[TyperGroup] | None, type[TyperCommand] | None]:
    """typer's classes (None) in English; under --lang id, ones that print typer's own help words in Indonesian."""
    if cli_package.HELP_LANG != "id":
        return None, None
    from .indonesian import IdCommand, IdGroup

    return IdGroup, IdCommand


_GROUP_CLASS, _COMMAND_CLASS = _help_classes()

app = typer.Typer(
    name="ovop-assess",
    cls=_GROUP_CLASS,
    help=_h("help.app"),
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


@app.callback(help=_h("help.app"))
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_h("help.version"))
    ] = False,
) -> None:
    """Assess candidate OVOP sentra regions against the eight criteria."""


CriteriaOpt = Annotated[
    str,
    typer.Option("--criteria", help=_h("help.criteria")),
]
LangOpt = Annotated[
    LangChoice,
    typer.Option("--lang", envvar="OVOP_LANG", case_sensitive=False, help=_h("help.lang")),  # ID, En: as id, en
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help=_h("help.output"))]
DebugOpt = Annotated[bool, typer.Option("--debug", help=_h("help.debug"))]
# The limits a region file is read within: the same for assess and checklist, since a refusal names them.
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", min=1, help=_h("help.max_bytes"))]
MaxDepthOpt = Annotated[int, typer.Option("--max-depth", min=1, max=MAX_DEPTH_CAP, help=_h("help.max_depth"))]
MaxNodesOpt = Annotated[int, typer.Option("--max-nodes", min=1, help=_h("help.max_nodes"))]


def _as_of(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(Message("cli.bad_date", {"value": value})) from None


@app.command(cls=_COMMAND_CLASS, help=_h("help.cmd.assess"))
def assess(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar=_h("help.metavar.path"), readable=False, help=_h("help.paths")),
    ],
    criteria: CriteriaOpt = "default",
    lang: LangOpt = LangChoice.en,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help=_h("help.format")),
    ] = None,
    output: OutputOpt = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=_h("help.as_of"))] = None,
    allow_incomplete: Annotated[bool, typer.Option("--allow-incomplete", help=_h("help.allow_incomplete"))] = False,
    sort: Annotated[SortBy, typer.Option("--sort", help=_h("help.sort"))] = SortBy.file,
    max_bytes: MaxBytesOpt = _DEFAULT.max_bytes,
    max_depth: MaxDepthOpt = _DEFAULT.max_depth,
    max_nodes: MaxNodesOpt = _DEFAULT.max_nodes,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help=_h("help.jobs")),
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


@app.command(cls=_COMMAND_CLASS, help=_h("help.cmd.rules"))
def rules(criteria: CriteriaOpt = "default", lang: LangOpt = LangChoice.en, debug: DebugOpt = False) -> int:
    """List the rules of the active criteria set: id, title, required/group, parameters."""
    from .commands import run_rules

    return run_rules(criteria, lang.value)


@app.command(cls=_COMMAND_CLASS, help=_h("help.cmd.explain"))
def explain(
    rule_id: Annotated[str, typer.Argument(metavar=_h("help.metavar.id"), help=_h("help.rule_id"))],
    lang: LangOpt = LangChoice.en,
    debug: DebugOpt = False,
) -> int:
    """Print a rule's documentation: what it checks, parameters, a passing and a failing fragment."""
    from .commands import run_explain

    return run_explain(rule_id, lang.value)


class ChecklistFormat(StrEnum):
    markdown = "markdown"
    html = "html"


@app.command(cls=_COMMAND_CLASS, help=_h("help.cmd.checklist"))
def checklist(
    file: Annotated[Path, typer.Argument(metavar=_h("help.metavar.file"), readable=False, help=_h("help.file"))],
    criteria: CriteriaOpt = "default",
    lang: LangOpt = LangChoice.en,
    output_format: Annotated[
        ChecklistFormat, typer.Option("--format", "-f", help=_h("help.checklist_format"))
    ] = ChecklistFormat.markdown,
    output: OutputOpt = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=_h("help.checklist_as_of"))] = None,
    max_bytes: MaxBytesOpt = _DEFAULT.max_bytes,
    max_depth: MaxDepthOpt = _DEFAULT.max_depth,
    max_nodes: MaxNodesOpt = _DEFAULT.max_nodes,
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
        limits=Limits(max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes),
    )


@app.command(cls=_COMMAND_CLASS, help=_h("help.cmd.schema"))
def schema(output: OutputOpt = None, lang: LangOpt = LangChoice.en, debug: DebugOpt = False) -> int:
    """Print the JSON Schema of the region format (for editors and other validators)."""
    # --lang is accepted by every command: here it sets the language of help and errors
    # (main() reads it before parsing); the schema itself is the same in both.
    from ..schema import region_schema_json
    from .output import write_output

    write_output(region_schema_json(), output)
    return 0


@app.command(cls=_COMMAND_CLASS, help=_h("help.cmd.init"))
def init(
    file: Annotated[
        Path | None, typer.Argument(metavar=_h("help.metavar.optional_file"), help=_h("help.init_file"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=_h("help.force"))] = False,
    lang: LangOpt = LangChoice.en,
    debug: DebugOpt = False,
) -> int:
    """Write a region-file template, commented in Bahasa Indonesia and English."""
    # --lang sets the language of help and errors only: the template is bilingual.
    from ..schema import region_template
    from .output import write_output

    if file is not None and file.exists() and not force:
        raise UsageError(Message("cli.exists", {"path": file_label(file)}))
    write_output(region_template(), file)
    return 0


def _command_for(args: list[str]) -> Any:
    """The click command that runs ``args``: only the one command asked for, when it is known.

    typer turns every command of an app into a click command, with all its
    parameters, on each call; a run needs just one. The whole app is built
    for everything else (its own --help, --version, an unknown command).
    """
    name = args[0] if args else None
    chosen = [
        info for info in app.registered_commands if (info.name or getattr(info.callback, "__name__", None)) == name
    ]
    if not chosen:
        return typer.main.get_command(app)
    lean = copy.copy(app)
    lean.registered_commands = chosen
    return typer.main.get_command(lean)


def invoke(args: list[str], lang: str = "en") -> int:
    """Run the app without click's own exit handling, so main() maps every outcome."""
    command = _command_for(args)
    try:
        result: Any = command.main(args=args, prog_name="ovop-assess", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        raise KeyboardInterrupt from None
    except typer.TyperException as exc:
        show = getattr(exc, "show", None)
        if lang == "id" and type(exc).__name__ != "NoArgsIsHelpError":  # (that one shows the help page)
            from .indonesian import usage_error

            sys.stderr.write(usage_error(exc))
        elif callable(show):
            show(file=sys.stderr)
        else:
            print(f"ovop-assess: {exc.message}", file=sys.stderr)
        return 2 if exc.exit_code == 2 else int(exc.exit_code)
    if result == 130:
        # typer turns Ctrl-C into a silent return of 130 (no command of ours returns it):
        # hand it back to main(), which says so and maps it.
        raise KeyboardInterrupt
    return result if isinstance(result, int) else 0
