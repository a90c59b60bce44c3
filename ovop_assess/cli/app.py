"""The typer app, built by one factory for the language of the run: :func:`make_app`.

Each command parses its options and hands them to a function of
:mod:`ovop_assess.cli.commands`, which calls the library, renders and returns
an exit code. Nothing here catches an exception: the error handler
(:mod:`ovop_assess.cli.error_handler`) maps every one.
"""

# No ``from __future__ import annotations``: typer reads the options from the
# annotations, which refer to option types made inside make_app for its language.

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..errors import UsageError
from ..exit_codes import ExitCode
from ..messages import Lang, render, text
from ..render.registry import default_format, formats_for
from ..results import Message, file_label
from ..rule_guard import DEFAULT_RULE_TIMEOUT
from ..sizes import option_default
from ..yaml_source import Limits
from ..yaml_source.limits import MAX_DEPTH_CAP
from .argv import COMMANDS
from .option_values import as_of as _as_of
from .option_values import file_to_read as _file_to_read
from .option_values import file_to_write as _file_to_write

_DEFAULT = Limits()


# Each command's --format choices are its formats in the one registry of renderers, its default the first;
# the commands with formats are the ones the registry has renderers for.
_FORMAT_COMMANDS = tuple(command for command in COMMANDS if formats_for(command))
_DEFAULT_FORMAT = {command: default_format(command) for command in _FORMAT_COMMANDS}
if TYPE_CHECKING:  # to mypy a format is the string typer hands over
    AssessFormat: TypeAlias = str
    ChecklistFormat: TypeAlias = str
    AreaFormat: TypeAlias = str
    RoundFormat: TypeAlias = str
    CompareFormat: TypeAlias = str
else:  # to typer, the choices: a Literal of the registered names (no renderer is imported to list them)
    _CHOICES = {command: Literal[formats_for(command)] for command in _FORMAT_COMMANDS}
    AssessFormat, ChecklistFormat, AreaFormat, RoundFormat, CompareFormat = (
        _CHOICES[command] for command in ("assess", "checklist", "area", "round", "compare")
    )


class SortBy(StrEnum):
    file = "file"
    score = "score"


class AssuranceLevel(StrEnum):
    declared = "declared"
    documented = "documented"
    verified = "verified"


class LangChoice(StrEnum):
    en = "en"
    id = "id"


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
        # Shell completion costs typer's completion modules at every start: offered only where a run
        # may need it (the app's help, --install-completion, --show-completion and the shell's own
        # completion requests all build the whole app), never on a run of one command.
        add_completion=only not in COMMANDS,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )

    # Each command is its function, named after it (a trailing _ where the name is Python's: round_, import_);
    # which commands there are, and their order, is argv.COMMANDS, read before the app is built.
    commands: dict[str, Callable[..., int]] = {}

    def command(function: Callable[..., int]) -> Callable[..., int]:
        commands[function.__name__.rstrip("_")] = function
        return function

    @app.callback(help=h("help.app"))
    def _root(
        version: Annotated[
            bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=h("help.version"))
        ] = False,
    ) -> None:
        """Assess candidate OVOP sentra regions against the eight criteria."""

    criteria_opt = Annotated[str, typer.Option("--criteria", help=h("help.criteria"))]
    # Declared so that it shows in the help and a bad value is refused; the language was read before (argv.py).
    lang_opt = Annotated[
        LangChoice, typer.Option("--lang", envvar="OVOP_LANG", case_sensitive=False, help=h("help.lang"))
    ]
    output_opt = Annotated[Path | None, typer.Option("--output", "-o", parser=_file_to_write, help=h("help.output"))]
    debug_opt = Annotated[bool, typer.Option("--debug", help=h("help.debug"))]

    # The limits a region file is read within: the same for assess and checklist, since a refusal names them.
    def byte_limit(flag: str, key: str, default: int) -> Any:  # its default said as a file manager says a size too
        return typer.Option(flag, min=1, show_default=render(option_default(default), lang), help=h(key))

    max_bytes_opt = Annotated[int, byte_limit("--max-bytes", "help.max_bytes", _DEFAULT.max_bytes)]
    max_depth_opt = Annotated[int, typer.Option("--max-depth", min=1, max=MAX_DEPTH_CAP, help=h("help.max_depth"))]
    max_nodes_opt = Annotated[int, typer.Option("--max-nodes", min=1, help=h("help.max_nodes"))]
    # No default: without the option the criteria set's min_assurance (or none) holds.
    min_assurance_opt = Annotated[
        AssuranceLevel | None, typer.Option("--min-assurance", case_sensitive=False, help=h("help.min_assurance"))
    ]
    rule_timeout_opt = Annotated[
        float,
        typer.Option(
            "--rule-timeout", min=0.001, max=86_400, metavar=h("help.metavar.seconds"), help=h("help.rule_timeout")
        ),
    ]
    max_sheet_bytes_opt = Annotated[
        int, byte_limit("--max-sheet-bytes", "help.max_sheet_bytes", _DEFAULT.max_sheet_bytes)
    ]
    max_unpacked_opt = Annotated[
        int, byte_limit("--max-unpacked-bytes", "help.max_unpacked_bytes", _DEFAULT.max_unpacked_bytes)
    ]
    max_rows_opt = Annotated[int, typer.Option("--max-rows", min=1, help=h("help.max_rows"))]
    max_cells_opt = Annotated[int, typer.Option("--max-cells", min=1, help=h("help.max_cells"))]

    @command
    def assess(
        paths: Annotated[
            list[Path], typer.Argument(metavar=h("help.metavar.path"), parser=_file_to_read, help=h("help.paths"))
        ],
        criteria: criteria_opt = "default",
        lang_: lang_opt = LangChoice.en,
        # No default shown: the help's sentence says what a run without --format gives.
        output_format: Annotated[AssessFormat | None, typer.Option("--format", "-f", help=h("help.format"))] = None,
        output: output_opt = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", metavar=h("help.metavar.date"), help=h("help.as_of"))
        ] = None,
        min_assurance: min_assurance_opt = None,
        allow_incomplete: Annotated[bool, typer.Option("--allow-incomplete", help=h("help.allow_incomplete"))] = False,
        sort: Annotated[SortBy, typer.Option("--sort", help=h("help.sort"))] = SortBy.file,
        max_bytes: max_bytes_opt = _DEFAULT.max_bytes,
        max_depth: max_depth_opt = _DEFAULT.max_depth,
        max_nodes: max_nodes_opt = _DEFAULT.max_nodes,
        max_sheet_bytes: max_sheet_bytes_opt = _DEFAULT.max_sheet_bytes,
        max_unpacked_bytes: max_unpacked_opt = _DEFAULT.max_unpacked_bytes,
        max_rows: max_rows_opt = _DEFAULT.max_rows,
        max_cells: max_cells_opt = _DEFAULT.max_cells,
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=h("help.jobs"))] = None,
        rule_timeout: rule_timeout_opt = DEFAULT_RULE_TIMEOUT,
        details: Annotated[bool, typer.Option("--details", help=h("help.details"))] = False,
        debug: debug_opt = False,
    ) -> int:
        from .commands import run_assess

        return run_assess(
            paths=paths,
            criteria=criteria,
            lang=lang,
            output_format=output_format or _DEFAULT_FORMAT["assess"],
            output=output,
            as_of=_as_of(as_of),
            min_assurance=min_assurance.value if min_assurance else None,
            allow_incomplete=allow_incomplete,
            sort=sort.value,
            limits=Limits(max_bytes, max_depth, max_nodes, max_sheet_bytes, max_unpacked_bytes, max_rows, max_cells),
            jobs=jobs,
            debug=debug,
            rule_timeout=rule_timeout,
            details=details,
        )

    @command
    def rules(criteria: criteria_opt = "default", lang_: lang_opt = LangChoice.en, debug: debug_opt = False) -> int:
        from .rule_pages import run_rules

        return run_rules(criteria, lang)

    @command
    def explain(
        rule_id: Annotated[str, typer.Argument(metavar=h("help.metavar.id"), help=h("help.rule_id"))],
        criteria: Annotated[str | None, typer.Option("--criteria", help=h("help.explain_criteria"))] = None,
        lang_: lang_opt = LangChoice.en,
        debug: debug_opt = False,
    ) -> int:
        from .rule_pages import run_explain

        return run_explain(rule_id, lang, criteria)

    @command
    def checklist(
        file: Annotated[
            Path, typer.Argument(metavar=h("help.metavar.file"), parser=_file_to_read, help=h("help.file"))
        ],
        criteria: criteria_opt = "default",
        lang_: lang_opt = LangChoice.en,
        output_format: Annotated[
            ChecklistFormat, typer.Option("--format", "-f", help=h("help.checklist_format"))
        ] = _DEFAULT_FORMAT["checklist"],
        output: output_opt = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", metavar=h("help.metavar.date"), help=h("help.checklist_as_of"))
        ] = None,
        min_assurance: min_assurance_opt = None,
        office: Annotated[Path | None, typer.Option("--office", parser=_file_to_read, help=h("help.office"))] = None,
        max_bytes: max_bytes_opt = _DEFAULT.max_bytes,
        max_depth: max_depth_opt = _DEFAULT.max_depth,
        max_nodes: max_nodes_opt = _DEFAULT.max_nodes,
        rule_timeout: rule_timeout_opt = DEFAULT_RULE_TIMEOUT,
        max_sheet_bytes: max_sheet_bytes_opt = _DEFAULT.max_sheet_bytes,
        max_unpacked_bytes: max_unpacked_opt = _DEFAULT.max_unpacked_bytes,
        max_rows: max_rows_opt = _DEFAULT.max_rows,
        max_cells: max_cells_opt = _DEFAULT.max_cells,
        debug: debug_opt = False,
    ) -> int:
        from .commands import run_checklist

        return run_checklist(
            file=file,
            criteria=criteria,
            lang=lang,
            output_format=output_format,
            output=output,
            as_of=_as_of(as_of),
            min_assurance=min_assurance.value if min_assurance else None,
            limits=Limits(max_bytes, max_depth, max_nodes, max_sheet_bytes, max_unpacked_bytes, max_rows, max_cells),
            debug=debug,
            rule_timeout=rule_timeout,
            office=office,
        )

    @command
    def round_(
        paths: Annotated[
            list[Path], typer.Argument(metavar=h("help.metavar.path"), parser=_file_to_read, help=h("help.round_paths"))
        ],
        office: Annotated[Path | None, typer.Option("--office", parser=_file_to_read, help=h("help.office"))] = None,
        year: Annotated[int | None, typer.Option("--year", min=1900, max=2100, help=h("help.year"))] = None,
        previous: Annotated[
            Path | None, typer.Option("--previous", parser=_file_to_read, help=h("help.previous"))
        ] = None,
        criteria: criteria_opt = "default",
        lang_: lang_opt = LangChoice.en,
        output_format: Annotated[
            RoundFormat, typer.Option("--format", "-f", help=h("help.round_format"))
        ] = _DEFAULT_FORMAT["round"],
        output: output_opt = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", metavar=h("help.metavar.date"), help=h("help.round_as_of"))
        ] = None,
        max_bytes: max_bytes_opt = _DEFAULT.max_bytes,
        max_depth: max_depth_opt = _DEFAULT.max_depth,
        max_nodes: max_nodes_opt = _DEFAULT.max_nodes,
        max_sheet_bytes: max_sheet_bytes_opt = _DEFAULT.max_sheet_bytes,
        max_unpacked_bytes: max_unpacked_opt = _DEFAULT.max_unpacked_bytes,
        max_rows: max_rows_opt = _DEFAULT.max_rows,
        max_cells: max_cells_opt = _DEFAULT.max_cells,
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=h("help.jobs"))] = None,
        debug: debug_opt = False,
    ) -> int:
        from .commands import run_round

        return run_round(
            paths=paths,
            criteria=criteria,
            lang=lang,
            output_format=output_format,
            output=output,
            as_of=_as_of(as_of),
            office=office,
            year=year,
            previous=previous,
            limits=Limits(max_bytes, max_depth, max_nodes, max_sheet_bytes, max_unpacked_bytes, max_rows, max_cells),
            jobs=jobs,
            debug=debug,
        )

    @command
    def compare(
        old: Annotated[
            Path, typer.Argument(metavar=h("help.metavar.old"), parser=_file_to_read, help=h("help.compare_old"))
        ],
        new: Annotated[
            Path, typer.Argument(metavar=h("help.metavar.new"), parser=_file_to_read, help=h("help.compare_new"))
        ],
        criteria: criteria_opt = "default",
        lang_: lang_opt = LangChoice.en,
        output_format: Annotated[
            CompareFormat, typer.Option("--format", "-f", help=h("help.compare_format"))
        ] = _DEFAULT_FORMAT["compare"],
        output: output_opt = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", metavar=h("help.metavar.date"), help=h("help.compare_as_of"))
        ] = None,
        min_assurance: min_assurance_opt = None,
        max_bytes: max_bytes_opt = _DEFAULT.max_bytes,
        max_depth: max_depth_opt = _DEFAULT.max_depth,
        max_nodes: max_nodes_opt = _DEFAULT.max_nodes,
        rule_timeout: rule_timeout_opt = DEFAULT_RULE_TIMEOUT,
        max_sheet_bytes: max_sheet_bytes_opt = _DEFAULT.max_sheet_bytes,
        max_unpacked_bytes: max_unpacked_opt = _DEFAULT.max_unpacked_bytes,
        max_rows: max_rows_opt = _DEFAULT.max_rows,
        max_cells: max_cells_opt = _DEFAULT.max_cells,
        debug: debug_opt = False,
    ) -> int:
        from .commands import run_compare

        return run_compare(
            old=old,
            new=new,
            criteria=criteria,
            lang=lang,
            output_format=output_format,
            output=output,
            as_of=_as_of(as_of),
            min_assurance=min_assurance.value if min_assurance else None,
            limits=Limits(max_bytes, max_depth, max_nodes, max_sheet_bytes, max_unpacked_bytes, max_rows, max_cells),
            debug=debug,
            rule_timeout=rule_timeout,
        )

    @command
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

    @command
    def init(
        file: Annotated[
            Path | None,
            typer.Argument(metavar=h("help.metavar.file"), parser=_file_to_write, help=h("help.init_file")),
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=h("help.force"))] = False,
        firms_sheet: Annotated[
            Path | None,
            typer.Option(
                "--firms-sheet", metavar=h("help.metavar.xlsx"), parser=_file_to_write, help=h("help.firms_sheet")
            ),
        ] = None,
        code: Annotated[
            str | None, typer.Option("--code", metavar=h("help.metavar.code"), help=h("help.init_code"))
        ] = None,
        office: Annotated[bool, typer.Option("--office", help=h("help.init_office"))] = False,
        lang_: lang_opt = LangChoice.en,
        debug: debug_opt = False,
    ) -> int:
        # The template is bilingual: --lang sets the language of help and errors.
        if firms_sheet is not None:
            from .init_command import run_init_firms_sheet

            if code is not None or office:  # for the region template or the office profile: not written here
                option = "--code" if code is not None else "--office"
                what = Message("cli.what_code_is_for" if code is not None else "cli.what_office_is_for", {})
                raise UsageError(Message("cli.firms_sheet_option", {"option": option, "what": what}))
            if file is not None:  # one file per run: which of the two a FILE meant would be a guess
                raise UsageError(Message("cli.firms_sheet_and_file", {"path": file_label(file)}))
            return run_init_firms_sheet(target=firms_sheet, force=force, lang=lang)
        from .init_command import run_init

        return run_init(target=file, force=force, code=code, office=office, lang=lang)

    @command
    def import_(
        sheet_file: Annotated[
            Path, typer.Argument(metavar=h("help.metavar.sheet"), parser=_file_to_read, help=h("help.sheet_file"))
        ],
        sheet: Annotated[str | None, typer.Option("--sheet", help=h("help.sheet_name"))] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", parser=_file_to_write, help=h("help.import_output"))
        ] = None,
        lang_: lang_opt = LangChoice.en,
        debug: debug_opt = False,
        max_sheet_bytes: max_sheet_bytes_opt = _DEFAULT.max_sheet_bytes,
        max_unpacked_bytes: max_unpacked_opt = _DEFAULT.max_unpacked_bytes,
        max_rows: max_rows_opt = _DEFAULT.max_rows,
        max_cells: max_cells_opt = _DEFAULT.max_cells,
    ) -> int:
        from .commands import run_import

        limits = _DEFAULT._replace(
            max_sheet_bytes=max_sheet_bytes,
            max_unpacked_bytes=max_unpacked_bytes,
            max_rows=max_rows,
            max_cells=max_cells,
        )
        return run_import(sheet_file=sheet_file, sheet=sheet, output=output, lang=lang, limits=limits)

    @command
    def area(
        query: Annotated[list[str], typer.Argument(metavar=h("help.metavar.query"), help=h("help.area_query"))],
        output_format: Annotated[
            AreaFormat, typer.Option("--format", "-f", help=h("help.area_format"))
        ] = _DEFAULT_FORMAT["area"],
        limit: Annotated[int, typer.Option("--limit", "-n", min=1, help=h("help.area_limit"))] = 10,
        lang_: lang_opt = LangChoice.en,
        debug: debug_opt = False,
    ) -> int:
        from .area_command import run_area

        return run_area(" ".join(query), output_format, limit, lang)

    wanted = [only] if only in COMMANDS else COMMANDS
    for name in wanted:
        app.command(name, cls=command_cls, help=h(f"help.cmd.{name}"))(commands[name])
    return app


_COMPLETION_HELP = {"install_completion": "help.install_completion", "show_completion": "help.show_completion"}


def invoke(app: typer.Typer, args: list[str], lang: Lang = "en") -> int:
    """Run ``app`` on ``args`` without click's own exit handling: the error handler maps every outcome."""
    command: Any = typer.main.get_command(app)
    for param in command.params:  # typer's own completion options, their help in the reader's language
        if param.name in _COMPLETION_HELP:
            param.help = text(_COMPLETION_HELP[param.name], lang)
    # Shell completion still ends in sys.exit() (typer's own, outside standalone mode): the error handler maps it.
    result: Any = command.main(args=args, prog_name="ovop-assess", standalone_mode=False)
    if result == ExitCode.INTERRUPTED:
        # typer turns Ctrl-C into a silent return of 130 (no command of ours returns it):
        # the error handler says so and maps it.
        raise KeyboardInterrupt
    return result if isinstance(result, int) else ExitCode.OK
