"""One front door: each fact of the command line is kept in one place and read from there.

- the exit codes: one table, :mod:`ovop_assess.exit_codes` (in the library, which never imports the CLI);
- exceptions to messages and exit codes: :mod:`ovop_assess.cli.error_handler` alone;
- the ``--format`` names and defaults: the registry of renderers (:mod:`ovop_assess.render.registry`);
- the commands: :data:`ovop_assess.cli.argv.COMMANDS`;
- why an ``area`` query is refused: the library decides (:class:`ovop_assess.areas.BadQuery`).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from ovop_assess import areas
from ovop_assess.cli import app as cli_app
from ovop_assess.cli.error_handler import run_guarded, stopped
from ovop_assess.cli.signals import Terminated
from ovop_assess.errors import OvopError, UsageError
from ovop_assess.exit_codes import ExitCode
from ovop_assess.render.registry import RENDERERS, default_format, formats_for, lookup
from ovop_assess.results import Finding, Location, Message

PACKAGE = Path(__file__).resolve().parents[2] / "ovop_assess"


def test_the_exit_codes_are_one_table_in_the_library() -> None:
    assert not (PACKAGE / "cli" / "exit_codes.py").exists()
    assert OvopError.exit_code is ExitCode.INTERNAL and UsageError.exit_code is ExitCode.USAGE
    # Each number is written once: an alias (NOT_FOUND) names the member it repeats.
    tree = ast.parse((PACKAGE / "exit_codes.py").read_text(encoding="utf-8"))
    values = [node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)]
    numbers = [value.value for value in values if isinstance(value, ast.Constant) and isinstance(value.value, int)]
    assert sorted(numbers) == sorted(set(numbers)) == sorted(int(code) for code in ExitCode)
    assert ExitCode["NOT_FOUND"] is ExitCode["NOT_ELIGIBLE"]


def test_no_module_writes_an_exit_code_as_a_number() -> None:
    bare = re.compile(r"\bexit_code\s*(?::[^=\n]*)?=\s*\d|\bExitCode\s*\(")
    for path in PACKAGE.rglob("*.py"):
        if path.name != "exit_codes.py":
            assert not bare.search(path.read_text(encoding="utf-8")), path


def test_the_table_loads_no_cli() -> None:
    code = "import sys, ovop_assess.errors; sys.exit(any(m.startswith('ovop_assess.cli') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(
    ("raised", "code", "said"),
    [
        (KeyboardInterrupt(), ExitCode.INTERRUPTED, "ovop-assess: interrupted\n"),
        (Terminated(), ExitCode.TERMINATED, "ovop-assess: terminated (SIGTERM)\n"),
    ],
)
def test_a_stop_is_said_and_mapped_in_one_place(
    raised: BaseException, code: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def run() -> int:
        raise raised

    assert run_guarded(run, "en", debug=False) == code
    assert capsys.readouterr().err == said
    assert stopped(raised, "en") == code  # what the entry point calls for one that escapes the guarded run
    assert capsys.readouterr().err == said


def test_a_system_exit_of_shell_completion_is_its_code() -> None:
    def completion() -> int:
        raise SystemExit(0)

    assert run_guarded(completion, "en", debug=False) == 0


def test_a_parsers_usage_error_keeps_its_code(capsys: pytest.CaptureFixture[str]) -> None:
    def bad_option() -> int:
        raise typer.BadParameter("no")

    assert run_guarded(bad_option, "en", debug=False) == ExitCode.USAGE
    capsys.readouterr()


def test_a_field_goes_after_the_place_even_when_the_file_name_holds_a_colon(
    capsys: pytest.CaptureFixture[str],
) -> None:
    finding = Finding(Message("cli.bad_date", {"value": "x"}), Location(path="region.code", line=7))

    def refused() -> int:
        raise OvopError(Message("cli.bad_date", {"value": "y"}), file="a: b.yaml", details=(finding,))

    assert run_guarded(refused, "en", debug=False) == ExitCode.INTERNAL
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("ovop-assess: a: b.yaml: ") and "'y'" in lines[0]
    assert lines[1].startswith("ovop-assess: a: b.yaml:7: region.code: ") and "'x'" in lines[1]


def _format_option(command: str) -> typer.core.TyperOption:
    built = typer.main.get_command(cli_app.make_app("en", only=command))
    params = built.commands[command].params  # type: ignore[attr-defined]
    option: typer.core.TyperOption = next(p for p in params if p.name == "output_format")
    return option


@pytest.mark.parametrize("command", sorted({renderer.command for renderer in RENDERERS}))
def test_the_format_choices_are_the_registrys(command: str) -> None:
    option = _format_option(command)
    assert tuple(option.type_descriptor.choices or ()) == formats_for(command)
    # assess shows no default (its help sentence names it); every other command shows the first registered.
    assert option.default == (None if command == "assess" else default_format(command))
    assert default_format(command) == formats_for(command)[0]


def test_building_the_app_imports_no_renderer() -> None:
    code = (
        "import sys; from ovop_assess.cli.app import make_app; make_app('en');"
        "from ovop_assess.render.registry import RENDERERS;"
        "loaded = [r.function for r in RENDERERS if r.function.partition(':')[0] in sys.modules];"
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_only_the_area_table_is_quiet_when_nothing_is_found() -> None:
    assert [(r.command, r.name) for r in RENDERERS if r.quiet_when_empty] == [("area", "table")]
    assert not lookup("area", "json").quiet_when_empty


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", Message("area.empty_query", {})),
        ("   ", Message("area.empty_query", {})),
        ("...", Message("area.empty_query", {})),
        ("Kabupaten", Message("area.prefix_only", {"query": "Kabupaten"})),
        ("  kab.  Kota ", Message("area.prefix_only", {"query": "kab. Kota"})),
        ("33.7", Message("area.bad_code", {"query": "33.7"})),
        (" 33.7 ", Message("area.bad_code", {"query": "33.7"})),
    ],
)
def test_the_library_says_why_a_query_is_refused(query: str, message: Message) -> None:
    with pytest.raises(areas.BadQuery) as caught:
        areas.look_up(query)
    assert isinstance(caught.value, UsageError)
    assert caught.value.message == message


def test_the_commands_are_listed_once() -> None:
    source = (PACKAGE / "cli" / "app.py").read_text(encoding="utf-8")
    assert '"assess":' not in source and '"import":' not in source
