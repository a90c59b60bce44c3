"""typer's own words in Bahasa Indonesia: the fixed words of ``--help`` and the option parser's errors.

Imported only under ``--lang id`` (or ``OVOP_LANG=id``); in English the app
keeps typer's own classes and messages, untouched.

typer has no switch for its language: the section titles go through
``gettext`` with no Indonesian catalogue (and setting one up would change
the whole process's gettext domain), while ``Usage:``, the ``--help``
option's text and the ``[default: …]`` markers are literals in its code. So
:class:`IdCommand` and :class:`IdGroup`, passed to typer with ``cls=``,
override the public formatting methods of click's ``Command``
(``format_usage``, ``format_options``, ``get_help_option``) and lay out the
same help page from the parameters' attributes, every word from the message
catalogue. :func:`usage_error` does the same for the option parser's errors:
it builds the line from the exception's values (the option, its choices,
its minimum, the value given) instead of passing typer's English text on;
the classes' ``parse_args`` gives the errors that typer raises without one
the command they are about, so the line can name the option and the command.
No private typer function is patched: English output is typer's, byte for byte.
"""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

from typer.core import TyperCommand, TyperGroup, TyperOption

from ..messages import text

if TYPE_CHECKING:
    from typer import TyperException
    from typer._click import Context, HelpFormatter, Parameter

# The type shown after an option, by the parameter's annotation.
_TYPE_WORDS: dict[object, str] = {
    str: "help.type.text",
    int: "help.type.int",
    float: "help.type.number",
    Path: "help.type.path",
    bool: "help.type.bool",
}


class IdCommand(TyperCommand):
    """A typer command whose help page is in Bahasa Indonesia."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = text("help.options_metavar", "id")

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        _write_usage(self, ctx, formatter)

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _write_parameters(self, ctx, formatter)

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        return _translated_help_option(super().get_help_option(ctx))

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        with _errors_name_the_command(ctx):
            return super().parse_args(ctx, args)


class IdGroup(TyperGroup):
    """The typer app (a group of commands) whose help page is in Bahasa Indonesia."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.options_metavar = text("help.options_metavar", "id")
        self.subcommand_metavar = text("help.subcommand_metavar", "id")

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        _write_usage(self, ctx, formatter)

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _write_parameters(self, ctx, formatter)
        _write_commands(self, ctx, formatter)

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        return _translated_help_option(super().get_help_option(ctx))

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        with _errors_name_the_command(ctx):
            return super().parse_args(ctx, args)


@contextmanager
def _errors_name_the_command(ctx: Context) -> Iterator[None]:
    """Attach the command's context to a parser error raised without it (``--jobs`` given no value)."""
    try:
        yield
    except Exception as exc:
        if hasattr(exc, "ctx") and exc.ctx is None:
            exc.ctx = ctx
        raise


def _translated_help_option(option: TyperOption | None) -> TyperOption | None:
    if option is not None:
        option.help = text("help.help", "id")
    return option


def _write_usage(command: TyperCommand | TyperGroup, ctx: Context, formatter: HelpFormatter) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=f"{text('help.usage', 'id')} ")


def _write_parameters(command: TyperCommand | TyperGroup, ctx: Context, formatter: HelpFormatter) -> None:
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = _help_record(param, ctx)
        if record is not None:
            (arguments if param.param_type_name == "argument" else options).append(record)
    if arguments:
        with formatter.section(text("help.section.arguments", "id")):
            formatter.write_dl(arguments)
    if options:
        with formatter.section(text("help.section.options", "id")):
            formatter.write_dl(options)


def _write_commands(group: TyperGroup, ctx: Context, formatter: HelpFormatter) -> None:
    commands = [(name, group.get_command(ctx, name)) for name in group.list_commands(ctx)]
    visible = [(name, command) for name, command in commands if command is not None and not command.hidden]
    if not visible:
        return
    limit = formatter.width - 6 - max(len(name) for name, _ in visible)
    with formatter.section(text("help.section.commands", "id")):
        formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in visible])


def _help_record(param: Parameter, ctx: Context) -> tuple[str, str] | None:
    """One row of the Arguments/Options list: the name column and the help with its [bracketed] notes."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        name = f"{param.metavar or param.name} {_type_label(param, ctx)}"
    else:
        name = ", ".join(sorted(param.opts, key=_prefix_length))
        if param.secondary_opts:
            name += " / " + ", ".join(sorted(param.secondary_opts, key=_prefix_length))
        if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
            name += f" {param.metavar or _type_label(param, ctx)}"
    help_text = inspect.cleandoc(getattr(param, "help", None) or "")
    notes = _notes(param, ctx)
    if notes:
        bracket = f"[{'; '.join(notes)}]"
        help_text = f"{help_text}  {bracket}" if help_text else bracket
    return name, help_text


def _prefix_length(option: str) -> int:
    return len(option) - len(option.lstrip("-/+"))


def _type_label(param: Parameter, ctx: Context) -> str:
    descriptor = getattr(param, "type_descriptor", None)
    choices = _choices(param)
    if choices:
        return f"<{'|'.join(choices)}>"
    annotation = getattr(descriptor, "annotation", None)
    suffix = ""
    if get_origin(annotation) is list and len(get_args(annotation)) == 1:
        annotation, suffix = get_args(annotation)[0], "..."
    key = _TYPE_WORDS.get(annotation) if isinstance(annotation, type) else None
    if key is None:  # a type this app does not use: typer's own label
        display = getattr(param, "display_type", None)
        return str(display(ctx)) if callable(display) else ""
    return f"<{text(key, 'id')}>{suffix}"


def _choices(param: object) -> list[str]:
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None) or ()
    return [str(choice.value) if isinstance(choice, Enum) else str(choice) for choice in choices]


def _notes(param: Parameter, ctx: Context) -> list[str]:
    notes: list[str] = []
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    if envvar:
        notes.append(_envvar_text(envvar))
    default = _default_text(param, ctx)
    if default:
        notes.append(text("help.default", "id", default=default))
    bounds = _range_text(getattr(param, "min", None), getattr(param, "max", None))
    if bounds:
        notes.append(bounds)
    if param.required:
        notes.append(text("help.required", "id"))
    return notes


def _default_text(param: Parameter, ctx: Context) -> str:
    show = getattr(param, "show_default", None)
    if isinstance(show, str):
        return f"({show})"
    if not (show or ctx.show_default):
        return ""
    resilient = ctx.resilient_parsing
    ctx.resilient_parsing = True  # read the default without converting it
    try:
        value = param.get_default(ctx, call=False)
    finally:
        ctx.resilient_parsing = resilient
    if value is None:
        return ""
    if getattr(param, "is_bool_flag", False):
        if param.secondary_opts:  # --colour/--no-colour: the default is named by its option
            return (param.opts if value else param.secondary_opts)[0].lstrip("-/+")
        if not value:
            return ""
    return _value_text(value)


def _value_text(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return str(_number_text(value))
    if isinstance(value, list | tuple):
        return ", ".join(_value_text(item) for item in value)
    if inspect.isfunction(value):
        return text("help.dynamic", "id")
    return str(value)


def _envvar_text(envvar: str | Sequence[str] | None) -> str:
    """The variable's name, and the value it holds now: with ``OVOP_LANG=id`` set, "bawaan: en" alone reads as
    if the help were wrong about the language it is shown in."""
    names = _names(envvar)
    now = next((os.environ[name] for name in names if os.environ.get(name)), None)
    if now is None:
        return text("help.envvar", "id", var=_joined(names))
    return text("help.envvar_set", "id", var=_joined(names), value=now)


def _range_text(low: object, high: object) -> str:
    low, high = _number_text(low), _number_text(high)
    if low is not None and high is not None:
        return text("help.range", "id", min=low, max=high)
    if low is not None:
        return text("help.min", "id", min=low)
    if high is not None:
        return text("help.max", "id", max=high)
    return ""


def _number_text(value: object) -> object:
    """A decimal as Indonesian writes it (``0,001``; a whole one without ``,0``); anything else unchanged."""
    if isinstance(value, float):
        return format(int(value), "d") if value.is_integer() else repr(value).replace(".", ",")
    return value


def _names(envvar: str | Sequence[str] | None) -> list[str]:
    """A parameter's environment variables as a list (click keeps one name, or several, or none)."""
    return [envvar] if isinstance(envvar, str) else list(envvar or ())


def _joined(names: str | Sequence[str]) -> str:
    return names if isinstance(names, str) else ", ".join(str(name) for name in names)


# --- the option parser's errors ------------------------------------------


def usage_error(exc: TyperException) -> str:
    """The option parser's error as two lines in Bahasa Indonesia: the problem, and where to find help.

    Read by duck typing from the exception's attributes, which click and
    typer's vendored copy of it share.
    """
    kind = type(exc).__name__
    param = getattr(exc, "param", None)
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "")
        possible = ", ".join(sorted(getattr(exc, "possibilities", None) or []))
        if possible:
            line = text("cli.no_such_option", "id", option=option, possible=possible)
        else:  # no option close to it: nothing to suggest, as in English
            line = text("cli.no_such_option_plain", "id", option=option)
    elif kind == "MissingParameter":
        key = "cli.missing_option" if getattr(param, "param_type_name", "") == "option" else "cli.missing_argument"
        line = text(key, "id", name=_param_name(exc))
    elif kind == "BadParameter":
        line = _bad_value(exc, param)
    elif kind == "BadOptionUsage":
        line = _bad_option_usage(exc)
    else:
        line = _other_usage_error(exc)
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", None) or "ovop-assess"
    return f"ovop-assess: {line}\n{text('cli.try_help', 'id', command=command)}\n"


def _param_name(exc: TyperException, from_env: bool = True) -> str:
    """How the error names the parameter: '--format' / '-f', 'FILE' (typer's hint adds an English env-var note)."""
    hint = getattr(exc, "param_hint", None)
    if hint is not None:
        return " / ".join(str(h) for h in hint) if isinstance(hint, list | tuple) else str(hint)
    param = getattr(exc, "param", None)
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") != "option":
        return f"'{getattr(param, 'metavar', None) or getattr(param, 'name', '')}'"
    name = " / ".join(f"'{option}'" for option in getattr(param, "opts", ()))
    envvar = getattr(param, "envvar", None)
    if getattr(param, "show_envvar", False) and envvar and from_env:
        name += " " + text("cli.envvar_hint", "id", var=_joined(envvar))
    return name


def _bad_value(exc: TyperException, param: object) -> str:
    found, value = _given_value(exc)
    names = _names(getattr(param, "envvar", None))
    # Named as the environment's only when the value is the one it holds: --lang indonesia is the option's.
    name = _param_name(exc, from_env=not found or any(os.environ.get(var) == str(value) for var in names))
    if not found:
        return text("cli.bad_value_plain", "id", name=name)
    return text("cli.bad_value", "id", name=name, detail=_why_bad(param, value))


def _given_value(exc: BaseException) -> tuple[bool, object]:
    """The value the user gave: typer converts with pydantic, whose error (the cause) keeps it as ``input``."""
    errors = getattr(exc.__cause__, "errors", None)
    if not callable(errors):
        return False, None
    try:
        first = errors()[0]
        return "input" in first, first.get("input")
    except (IndexError, KeyError, TypeError, AttributeError, ValueError):
        return False, None


def _why_bad(param: object, value: object) -> str:
    choices = _choices(param)
    if choices:
        return text("cli.not_a_choice", "id", choices=", ".join(choices), value=value)
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if annotation in (int, float):
        try:
            number: float = int(str(value)) if annotation is int else float(str(value))
        except ValueError:
            key = "cli.not_an_int" if annotation is int else "cli.not_a_number"
            return text(key, "id", value=value)
        low, high = getattr(param, "min", None), getattr(param, "max", None)
        if low is not None and number < low:
            return text("cli.below_min", "id", min=low, value=value)
        if high is not None and number > high:
            return text("cli.above_max", "id", max=high, value=value)
    return text("cli.not_accepted", "id", value=value)


def _bad_option_usage(exc: TyperException) -> str:
    """An option given without its value, or a flag given one (``--debug=1``)."""
    option = getattr(exc, "option_name", "") or ""
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command", None)
    params = command.get_params(ctx) if command is not None else []
    param = next((p for p in params if option in p.opts or option in p.secondary_opts), None)
    if param is None:
        key = "cli.bad_option_usage"
    else:
        key = "cli.option_takes_no_value" if getattr(param, "is_flag", False) else "cli.option_needs_value"
    return text(key, "id", option=f"'{option}'")


# The one parser error with no values of its own: its English text is all there is to read.
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<arguments>.*)\)\Z", re.DOTALL)


def _other_usage_error(exc: TyperException) -> str:
    found = _EXTRA_ARGUMENTS.match(getattr(exc, "message", "") or "")
    if found:
        return text("cli.extra_arguments", "id", arguments=found["arguments"])
    return text("cli.usage_error", "id", detail=exc.format_message())
