"""Under --lang id typer's own texts are Bahasa Indonesia too: the words of --help and the parser's errors."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from ovop_assess.cli.argv import COMMANDS as ALL_COMMANDS
from ovop_assess.cli.indonesian import IdCommand, IdGroup, usage_error
from ovop_assess.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = list(ALL_COMMANDS)  # every command's help, in both languages

# Words typer and click print in English; none may remain under --lang id.
ENGLISH_HELP_WORDS = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "default:",
    "required",
    "env var",
    "[OPTIONS]",
    "COMMAND",
    "ARGS",
    "<str>",
    "<path>",
    "int range",
    "list[",
    "x>=",
    "PATH",
    "FILE",
    # The placeholders of our own options, each from the catalogue (help.metavar.*):
    "SECONDS",
    "YYYY-MM-DD",
    "CODE",
    "NAME",
    "SHEET",
    "OLD",
    "NEW",
    "<text>",
    "<int>",
    "<float>",
]
ENGLISH_ERROR_WORDS = [
    "Invalid",
    "Input should",
    "Value error",
    "is not one of",
    "Error",
    "Try ",
    "Usage",
    "env var",
    "Got unexpected",
    "requires",
    "does not take",
    "No such",
    "Permission",
    "directory",
]

# Runs main() for each argv in a fresh process (help texts and typer's classes are chosen
# when the app is first imported) and reports what each printed.
RUNNER = """
import contextlib, io, json, sys
from ovop_assess.cli.indonesian import IdCommand, IdGroup, usage_error
from ovop_assess.cli.main import main
results = []
for args in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    results.append({"code": code, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps(results))
"""


@pytest.fixture
def eligible(tmp_path: Path) -> Path:
    """An eligible region file (a shipped example) in a folder of its own."""
    path = tmp_path / "eligible.yaml"
    path.write_bytes((ROOT / "examples" / "regions" / "kauman-batik.yaml").read_bytes())
    return path


def run_fresh(cases: list[list[str]], lang_env: str | None) -> list[dict[str, object]]:
    env = {k: v for k, v in os.environ.items() if k != "OVOP_LANG"}
    env["COLUMNS"] = "80"
    if lang_env is not None:
        env["OVOP_LANG"] = lang_env
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps(cases)], capture_output=True, text=True, env=env, check=True
    )
    results: list[dict[str, object]] = json.loads(done.stdout)
    return results


@pytest.fixture(scope="module")
def helps_by_env() -> dict[str, str]:
    """``--help`` of the app and of each command, with OVOP_LANG=id; the app with no arguments too."""
    cases = [["--help"], *[[c, "--help"] for c in COMMANDS], []]
    results = run_fresh(cases, "id")
    helps = {" ".join(case): str(r["out"]) for case, r in zip(cases[:-1], results[:-1], strict=True)}
    no_args = results[-1]
    assert no_args["code"] == 2
    helps["(no arguments)"] = str(no_args["err"])
    return helps


def test_help_words_are_indonesian_with_ovop_lang(helps_by_env: dict[str, str]) -> None:
    for name, page in helps_by_env.items():
        assert page.startswith("Penggunaan: ovop-assess"), name
        assert "Opsi:" in page and "[OPSI]" in page, name
        assert "--help" in page and "Menampilkan pesan ini lalu keluar." in page, name
        english = [word for word in ENGLISH_HELP_WORDS if word in page]
        assert not english, f"{name}: English left: {english}\n{page}"


def test_app_help_lists_the_commands_in_indonesian(helps_by_env: dict[str, str]) -> None:
    page = helps_by_env["--help"]
    assert "Penggunaan: ovop-assess [OPSI] PERINTAH [ARGUMEN]..." in page
    assert "Perintah:" in page and "Memvalidasi dan menilai berkas wilayah" in page
    assert helps_by_env["(no arguments)"] == page


def test_assess_help_notes_in_indonesian(helps_by_env: dict[str, str]) -> None:
    page = helps_by_env["assess --help"]
    assert "Penggunaan: ovop-assess assess [OPSI] {JALUR}..." in page
    assert "Argumen:" in page and "JALUR <jalur>..." in page
    words = " ".join(page.split())  # as read, whatever the line breaks
    for note in (
        "[wajib]",
        "[bawaan: default]",
        "[variabel lingkungan: OVOP_LANG, kini id; bawaan: en]",  # (the value set, beside the default)
        "[bawaan: 32; 1 sampai 256]",  # --max-depth, capped
        "[bawaan: 10; 0,001 sampai 86400]",  # --rule-timeout: decimals as Indonesian writes them
    ):
        assert note in words, note
    assert "--max-bytes <bilangan bulat>" in page and "--criteria <teks>" in page and "-o, --output <jalur>" in page
    assert "Penggunaan: ovop-assess checklist [OPSI] {BERKAS}" in helps_by_env["checklist --help"]


def test_help_words_are_indonesian_with_lang_option() -> None:
    cases = [[c, "--help", "--lang", "id"] for c in COMMANDS]
    for case, result in zip(cases, run_fresh(cases, None), strict=True):
        page = str(result["out"])
        assert result["code"] == 0 and page.startswith("Penggunaan: ovop-assess"), case
        assert not [word for word in ENGLISH_HELP_WORDS if word in page], page
        if "--lang <en|id>" in page:  # no OVOP_LANG set: the default alone
            assert "[variabel lingkungan: OVOP_LANG; bawaan: en]" in " ".join(page.split()), case


def test_every_date_and_time_placeholder_is_indonesian(helps_by_env: dict[str, str]) -> None:
    dated = [name for name, page in helps_by_env.items() if "--as-of" in page]
    assert sorted(dated) == ["assess --help", "checklist --help", "compare --help", "round --help"]
    for name in dated:
        assert "--as-of <tanggal>" in helps_by_env[name], name
    for name in ("assess --help", "checklist --help", "compare --help"):
        assert "--rule-timeout <detik>" in helps_by_env[name], name


def test_english_help_keeps_typer_words() -> None:
    app, assess = run_fresh([["--help"], ["assess", "--help"]], None)
    assert "Usage: ovop-assess [OPTIONS] COMMAND [ARGS]..." in str(app["out"])
    assert "Commands:" in str(app["out"]) and "Show this message and exit." in str(app["out"])
    page = str(assess["out"])
    assert page.startswith("Usage: ovop-assess assess [OPTIONS] {PATH}...")
    for words in ("Arguments:", "Options:", "PATH <list[Path]>", "[required]", "[default: default]", "[env var:"):
        assert words in page, words
    assert "--max-bytes <int range>" in page and "[default: (1048576 bytes = 1 MiB); x>=1]" in " ".join(page.split())


BAD_VALUES = [
    (
        ["--format", "nope"],
        "nilai tidak sah untuk '--format' / '-f': "
        "harus salah satu dari table, json, junit, github, csv, markdown, xlsx, bukan 'nope'",
    ),
    (["--jobs", "0"], "nilai tidak sah untuk '--jobs' / '-j': harus minimal 1, bukan 0"),
    (["--jobs", "x"], "nilai tidak sah untuk '--jobs' / '-j': harus bilangan bulat, bukan 'x'"),
    (["--max-bytes", "-1"], "nilai tidak sah untuk '--max-bytes': harus minimal 1, bukan -1"),
    (["--max-depth", "1.5"], "nilai tidak sah untuk '--max-depth': harus bilangan bulat, bukan '1.5'"),
    (["--sort", "size"], "nilai tidak sah untuk '--sort': harus salah satu dari file, score, bukan 'size'"),
]


@pytest.mark.parametrize(("args", "line"), BAD_VALUES)
def test_bad_option_values_in_indonesian(
    args: list[str], line: str, eligible: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(eligible), *args, "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert err == f"ovop-assess: {line}\nCoba 'ovop-assess assess --help' untuk bantuan.\n"
    assert not [word for word in ENGLISH_ERROR_WORDS if word in err]


def test_bad_lang_is_reported_in_the_language_of_ovop_lang(
    eligible: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OVOP_LANG", "id")
    assert main([str(eligible), "--lang", "xx"]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    # The value is the option's, not the environment's (which holds id): the variable is not blamed.
    assert first == "ovop-assess: --lang harus en (bahasa Inggris) atau id (Bahasa Indonesia), bukan 'xx'"


def test_a_language_is_named_as_people_write_it_and_a_wrong_one_is_said_plainly(
    eligible: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--lang indonesia`` is Indonesian, as the variable's value is; a value that names no language is said
    in the tool's words, with the two it takes, never as typer's "(env var: 'OVOP_LANG')" when the variable
    is not even set (a new user's walkthrough)."""
    monkeypatch.delenv("OVOP_LANG", raising=False)
    for named in ("indonesia", "ID", "id_ID", "bahasa"):
        assert main(["rules", "--lang", named]) == 0
        assert "Delapan kriteria sentra OVOP" in capsys.readouterr().out
    assert main([str(eligible), "--lang", "indonesian!"]) == 2
    err = capsys.readouterr().err
    assert err == "ovop-assess: --lang must be en (English) or id (Bahasa Indonesia), not 'indonesian!'\n"
    monkeypatch.setenv("OVOP_LANG", "ind")
    assert main(["rules"]) == 2
    assert "OVOP_LANG must name a language: en (English) or id" in capsys.readouterr().err
    assert main(["rules", "--lang", "en"]) == 0  # the option given: the variable is not read
    capsys.readouterr()
    assert main(["--version"]) == 0 and main(["--help"]) == 0  # they read no language: as before (a review)
    monkeypatch.setenv("OVOP_LANG", " ")  # set and blank: as if unset, for typer too
    assert main(["rules"]) == 0
    assert "env var" not in capsys.readouterr().err


def test_other_parser_errors_in_indonesian(eligible: Path) -> None:
    cases = [[str(eligible), "--jobs"], [str(eligible), "--debug=1"], ["init", "a.yaml", "b.yaml"], ["checklist"]]
    expected = [
        "opsi '--jobs' memerlukan nilai",
        "opsi '--debug' tidak menerima nilai",
        "argumen berlebih yang tidak diharapkan: b.yaml",
        "argumen 'BERKAS' belum diberikan",
    ]
    commands = ["assess", "assess", "init", "checklist"]
    for line, command, result in zip(expected, commands, run_fresh(cases, "id"), strict=True):
        err = str(result["err"])
        assert result["code"] == 2
        assert err == f"ovop-assess: {line}\nCoba 'ovop-assess {command} --help' untuk bantuan.\n"
        assert not [word for word in ENGLISH_ERROR_WORDS if word in err]


# --- the Indonesian classes on parameters ovop-assess does not use (yet), in-process ---

small = typer.Typer(cls=IdGroup, add_completion=False, rich_markup_mode=None)


@small.command(cls=IdCommand)
def first(
    names: Annotated[list[str], typer.Argument(help="Names.")],
    ratio: Annotated[float, typer.Option(min=0.0, max=1.0, help="A ratio.")] = 0.5,
    count: Annotated[int, typer.Option(max=9)] = 3,
    when: Annotated[datetime.datetime | None, typer.Option(show_default="now")] = None,
    colour: Annotated[bool, typer.Option("--colour/--no-colour")] = True,
) -> None:
    """The first command."""


@small.command(cls=IdCommand, hidden=True)
def second() -> None:
    """Hidden."""


def test_id_classes_on_other_parameters() -> None:
    runner = CliRunner()
    page = " ".join(runner.invoke(small, ["first", "--help"], env={"COLUMNS": "100"}).output.split())
    assert page.startswith("Penggunaan: root first [OPSI] {names}...")
    assert "names <teks>... Names. [wajib]" in page
    assert "--ratio <angka> A ratio. [bawaan: 0,5; 0 sampai 1]" in page
    assert "--count <bilangan bulat> [bawaan: 3; maksimal 9]" in page
    assert "--when <datetime> [bawaan: (now)]" in page  # a type it has no word for: typer's label
    assert "--colour / --no-colour [bawaan: colour]" in page
    top = runner.invoke(small, ["--help"], env={"COLUMNS": "100"}).output
    assert "Perintah:" in top and "first" in top and "second" not in top


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        (["--ratio", "2"], "harus maksimal 1.0, bukan 2"),
        (["--ratio", "x"], "harus berupa angka, bukan 'x'"),
        (["--when", "x"], "'x' tidak dapat diterima"),
    ],
)
def test_id_errors_on_other_parameters(value: list[str], detail: str) -> None:
    with pytest.raises(typer.BadParameter) as caught:
        typer.main.get_command(small).main(["first", "a", *value], standalone_mode=False)
    assert usage_error(caught.value).startswith(f"ovop-assess: nilai tidak sah untuk '{value[0]}': {detail}\n")


def test_unknown_option_without_a_suggestion_has_no_parenthesis(
    eligible: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As typer in English: 'No such option: --zzzzzz', with no list when none is close."""
    assert main([str(eligible), "--zzzzzz", "--lang", "id"]) == 2
    assert capsys.readouterr().err == (
        "ovop-assess: opsi tidak dikenal: --zzzzzz\nCoba 'ovop-assess assess --help' untuk bantuan.\n"
    )
    assert main([str(eligible), "--lan", "id", "--lang", "id"]) == 2
    assert capsys.readouterr().err.startswith("ovop-assess: opsi tidak dikenal: --lan (opsi yang ada: --lang)\n")


@pytest.mark.parametrize(
    ("written", "lang"),
    [
        ("id", "id"),
        ("ID", "id"),
        ("indonesia", "id"),
        ("Bahasa Indonesia", "id"),
        ("id_ID.UTF-8", "id"),
        ("in_ID", "id"),
        ("en_US.UTF-8", "en"),
        ("english", "en"),
        ("id_ID.utf8@euro", "id"),
        ("klingon", None),
        ("", None),
        ("id rm -rf", None),
        ("en español", None),
        ("en_US:id", None),
        ("id.", None),
        ("eng", None),
        ("fr_FR.UTF-8", None),
    ],
)
def test_ovop_lang_takes_a_locale_or_the_language_s_name(written: str, lang: str | None) -> None:
    from ovop_assess.cli.argv import env_language, language

    assert env_language(written) == lang
    assert language([], {"OVOP_LANG": written}) == (lang or "en")


def test_a_locale_in_ovop_lang_runs_in_indonesian_and_the_variable_is_left_as_it_was(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OVOP_LANG", "id_ID.UTF-8")
    assert main(["rules"]) == 0
    assert "kumpulan kriteria default" in capsys.readouterr().out
    assert os.environ["OVOP_LANG"] == "id_ID.UTF-8"
    monkeypatch.setenv("OVOP_LANG", "indonesia")
    assert main(["explain", "C4"]) == 0
    assert "disepakati" in capsys.readouterr().out


def test_byte_limits_show_their_default_as_a_size_too() -> None:
    [english, indonesian] = run_fresh([["import", "--help"], ["import", "--help", "--lang", "id"]], None)
    assert "[default: (134217728 bytes = 128 MiB); x>=1]" in " ".join(str(english["out"]).split())
    assert "[bawaan: (16777216 bita = 16 MiB); minimal 1]" in " ".join(str(indonesian["out"]).split())
