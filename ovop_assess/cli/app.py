"""The typer app, built by one factory for the language of the run: :func:`make_app`.

Each command parses its options and hands them to a function of
:mod:`ovop_assess.cli.commands`, which calls the library, renders and returns
an exit code. Nothing here catches an exception: the error handler
(:mod:`ovop_assess.cli.error_handler`) maps every one.
"""

# No ``from __future__ import annotations``: typer reads the options from the
# annotations, which refer to option types made inside make_app for its language.

import datetime
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..errors import UsageError
from ..messages import Lang, text
from ..results import Message, file_label
from ..yaml_source import Limits
from .argv import COMMANDS
from .exit_codes import ExitCode

_DEFAULT = Limits()

# The deepest --max-depth honoured. The loader builds the data recursively (about
# two Python frames per level), so Python's recursion limit (1000 frames) stops
# it near 480 levels, and libyaml refuses more than 1000 itself. Measured with a
# raised --max-depth (Python 3.11): flow and block nesting of lists and mappings
# load up to 486-487 levels in one process and 478-479 in a --jobs worker, and
# fail one level deeper with a false "deeper than N levels". 256 leaves room for
# the frames of whoever runs the command (a test runner, python -m, a worker).
MAX_DEPTH_CAP = 256


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    junit = "junit"
    github = "github"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


class ChecklistFormat(StrEnum):
    markdown = "markdown"
    html = "html"


class RoundFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


class SortBy(StrEnum):
    file = "file"
    score = "score"


class LangChoice(StrEnum):
    en = "en"
    id = "id"


def _as_of(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(Message("cli.bad_date", {"value": value})) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ovop-assess {__version__}")
        raise typer.Exit(0)


def make_app(lang: Lang, only: str | None = None) -> typer.Typer:
    """The app, its help in ``lang``; with ``only``, just that command (typer converts every
    registered command to click on each call, building a pydantic adapter per parameter: a run
    needs one). ``only=None``, or a name that is no command, builds them all (the app's help,
    ``--version``, an unknown command).
    """

    def h(key: str) -> str:
        return text(key, lang)

    group_cls: type[TyperGroup] | None = None
    command_cls: type[TyperCommand] | None = None
    if lang == "id":  # typer's own words (Usage, Options, [default: …]) in Indonesian
        from .indonesian import IdCommand, IdGroup

        group_cls, command_cls = IdGroup, IdCommand

    app = typer.Typer(
        name="ovop-assess",
        cls=group_cls,
        help=h("help.app"),
        add_completion=False,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )

    @app.callback(help=h("help.app"))
    def _root(
        version: Annotated[
            bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=h("help.version"))
        ] = False,
    ) -> None:
        """Assess candidate OVOP sentra regions against the eight criteria."""

    criteria_opt = Annotated[str, typer.Option("--criteria", help=h("help.criteria"))]
    # Declared so that it shows in the help and a bad value is refused; the language itself
    # was read before the app was built (cli/argv.py) and is the one the commands use.
    lang_opt = Annotated[
        LangChoice, typer.Option("--lang", envvar="OVOP_LANG", case_sensitive=False, help=h("help.lang"))
    ]
    output_opt = Annotated[Path | None, typer.Option("--output", "-o", help=h("help.output"))]
    debug_opt = Annotated[bool, typer.Option("--debug", help=h("help.debug"))]
    # The limits a region file is read within: the same for assess and checklist, since a refusal names them.
    max_bytes_opt = Annotated[int, typer.Option("--max-bytes", min=1, help=h("help.max_bytes"))]
    max_depth_opt = Annotated[int, typer.Option("--max-depth", min=1, max=MAX_DEPTH_CAP, help=h("help.max_depth"))]
    max_nodes_opt = Annotated[int, typer.Option("--max-nodes", min=1, help=h("help.max_nodes"))]

    def assess(
        paths: Annotated[
            list[Path], typer.Argument(metavar=h("help.metavar.path"), readable=False, help=h("help.paths"))
        ],
        criteria: criteria_opt = "default",
        lang_: lang_opt = LangChoice.en,
        output_format: Annotated[OutputFormat | None, typer.Option("--format", "-f", help=h("help.format"))] = None,
        output: output_opt = None,
        as_of: Annotated[str | None, typer.Option("--as-of", help=h("help.as_of"))] = None,
        allow_incomplete: Annotated[bool, typer.Option("--allow-incomplete", help=h("help.allow_incomplete"))] = False,
        sort: Annotated[SortBy, typer.Option("--sort", help=h("help.sort"))] = SortBy.file,
        max_bytes: max_bytes_opt = _DEFAULT.max_bytes,
        max_depth: max_depth_opt = _DEFAULT.max_depth,
        max_nodes: max_nodes_opt = _DEFAULT.max_nodes,
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=h("help.jobs"))] = None,
        debug: debug_opt = False,
    ) -> int:
        from .commands import run_assess

        return run_assess(
            paths=paths,
            criteria=criteria,
            lang=lang,
            output_format=output_format.value if output_format else "table",
            output=output,
            as_of=_as_of(as_of),
            allow_incomplete=allow_incomplete,
            sort=sort.value,
            limits=Limits(max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes),
            jobs=jobs,
            debug=debug,
        )

    def rules(criteria: criteria_opt = "default", lang_: lang_opt = LangChoice.en, debug: debug_opt = False) -> int:
        from .commands import run_rules

        return run_rules(criteria, lang)

    def explain(
        rule_id: Annotated[str, typer.Argument(metavar=h("help.metavar.id"), help=h("help.rule_id"))],
        lang_: lang_opt = LangChoice.en,
        debug: debug_opt = False,
    ) -> int:
        from .commands import run_explain

        return run_explain(rule_id, lang)

    def checklist(
        file: Annotated[Path, typer.Argument(metavar=h("help.metavar.file"), readable=False, help=h("help.file"))],
        criteria: criteria_opt = "default",
        lang_: lang_opt = LangChoice.en,
        output_format: Annotated[
            ChecklistFormat, typer.Option("--format", "-f", help=h("help.checklist_format"))
        ] = ChecklistFormat.markdown,
        output: output_opt = None,
        as_of: Annotated[str | None, typer.Option("--as-of", help=h("help.checklist_as_of"))] = None,
        office: Annotated[Path | None, typer.Option("--office", help=h("help.office"))] = None,
        max_bytes: max_bytes_opt = _DEFAULT.max_bytes,
        max_depth: max_depth_opt = _DEFAULT.max_depth,
        max_nodes: max_nodes_opt = _DEFAULT.max_nodes,
        debug: debug_opt = False,
    ) -> int:
        from .commands import run_checklist

        return run_checklist(
            file=file,
            criteria=criteria,
            lang=lang,
            output_format=output_format.value,
            output=output,
            as_of=_as_of(as_of),
            limits=Limits(max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes),
            office=office,
        )

    def round_(
        paths: Annotated[
            list[Path], typer.Argument(metavar=h("help.metavar.path"), readable=False, help=h("help.round_paths"))
        ],
        office: Annotated[Path | None, typer.Option("--office", help=h("help.office"))] = None,
        year: Annotated[int | None, typer.Option("--year", min=1900, max=2100, help=h("help.year"))] = None,
        previous: Annotated[Path | None, typer.Option("--previous", help=h("help.previous"))] = None,
        criteria: criteria_opt = "default",
        lang_: lang_opt = LangChoice.en,
        output_format: Annotated[
            RoundFormat, typer.Option("--format", "-f", help=h("help.round_format"))
        ] = RoundFormat.table,
        output: output_opt = None,
        as_of: Annotated[str | None, typer.Option("--as-of", help=h("help.round_as_of"))] = None,
        max_bytes: max_bytes_opt = _DEFAULT.max_bytes,
        max_depth: max_depth_opt = _DEFAULT.max_depth,
        max_nodes: max_nodes_opt = _DEFAULT.max_nodes,
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=h("help.jobs"))] = None,
        debug: debug_opt = False,
    ) -> int:
        from .commands import run_round

        return run_round(
            paths=paths,
            criteria=criteria,
            lang=lang,
            output_format=output_format.value,
            output=output,
            as_of=_as_of(as_of),
            office=office,
            year=year,
            previous=previous,
            limits=Limits(max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes),
            jobs=jobs,
            debug=debug,
        )

    def schema(
        output: output_opt = None,
        office: Annotated[bool, typer.Option("--office", help=h("help.schema_office"))] = False,
        lang_: lang_opt = LangChoice.en,
        debug: debug_opt = False,
    ) -> int:
        # The schema is the same in both languages: --lang sets the language of help and errors.
        from ..schema import office_schema_json, region_schema_json
        from .output import write_output

        write_output(office_schema_json() if office else region_schema_json(), output)
        return ExitCode.OK

    def init(
        file: Annotated[
            Path | None, typer.Argument(metavar=h("help.metavar.optional_file"), help=h("help.init_file"))
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=h("help.force"))] = False,
        office: Annotated[bool, typer.Option("--office", help=h("help.init_office"))] = False,
        lang_: lang_opt = LangChoice.en,
        debug: debug_opt = False,
    ) -> int:
        # The template is bilingual: --lang sets the language of help and errors.
        from ..schema import office_template, region_template
        from .output import write_output

        if file is not None and file.exists() and not force:
            raise UsageError(Message("cli.exists", {"path": file_label(file)}))
        write_output(office_template() if office else region_template(), file)
        return ExitCode.OK

    commands: dict[str, Callable[..., int]] = {
        "assess": assess,
        "rules": rules,
        "explain": explain,
        "checklist": checklist,
        "round": round_,
        "schema": schema,
        "init": init,
    }
    wanted = [only] if only in commands else list(COMMANDS)
    for name in wanted:
        app.command(name, cls=command_cls, help=h(f"help.cmd.{name}"))(commands[name])
    return app


def invoke(app: typer.Typer, args: list[str]) -> int:
    """Run ``app`` on ``args`` without click's own exit handling: the error handler maps every outcome."""
    command: Any = typer.main.get_command(app)
    result: Any = command.main(args=args, prog_name="ovop-assess", standalone_mode=False)
    if result == ExitCode.INTERRUPTED:
        # typer turns Ctrl-C into a silent return of 130 (no command of ours returns it):
        # the error handler says so and maps it.
        raise KeyboardInterrupt
    return result if isinstance(result, int) else ExitCode.OK
