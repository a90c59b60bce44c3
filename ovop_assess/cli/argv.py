"""What the command line says before typer parses it: the language, and which command runs.

The language must be known before the app is built, because typer reads every
help text when the commands are defined; it is read here once
(:func:`language`) and handed to :func:`ovop_assess.cli.app.make_app`.
typer still declares ``--lang`` on every command (so it shows in the help and
a bad value is refused), but the commands take the language from the app.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence

from ..errors import UsageError
from ..messages import Lang
from ..results import Message

# The commands of the app, in the order its help lists them (a test checks make_app agrees).
COMMANDS: tuple[str, ...] = (
    "assess",
    "rules",
    "explain",
    "checklist",
    "round",
    "compare",
    "schema",
    "init",
    "import",
    "area",
)
_TOP_OPTIONS = frozenset({"--help", "--version", "-V", "--install-completion", "--show-completion"})


def language(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> Lang:
    """The last valid ``--lang`` of ``argv`` (as typer takes it), else ``OVOP_LANG``, else English; any case.

    A ``--lang`` value that is no language (``--lang xx``) is left to typer,
    which refuses it in the language of ``OVOP_LANG``.
    """
    chosen: Lang | None = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        chosen = env_language(value) or chosen  # --lang ID, --lang indonesia: as the variable may name it
    if chosen is not None:
        return chosen
    return env_language(environ.get("OVOP_LANG", "")) or "en"


# The language's name as people write it in the variable, in English or Indonesian.
_LANGUAGE_NAMES: dict[str, Lang] = {
    "indonesia": "id",
    "indonesian": "id",
    "bahasa": "id",
    "bahasa indonesia": "id",
    "english": "en",
    "inggris": "en",
    "bahasa inggris": "en",
}
_LOCALE = re.compile(r"(id|in|en)(?:[_-][a-z]{2})?(?:\.[a-z0-9-]+)?(?:@[a-z]+)?")  # (folded to lower case)
_LOCALE_CODES: dict[str, Lang] = {"id": "id", "in": "id", "en": "en"}  # in: Java's old code for Indonesian


def languages_named(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """``argv`` with each ``--lang`` value that names a language written ``en`` or ``id`` (the two typer takes),
    and the first value that names none (said by the caller in its own words, not typer's, which blames
    ``OVOP_LANG``)."""
    args, wrong = list(argv), None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            at, value, prefix = i + 1, args[i + 1], ""
        elif arg.startswith("--lang="):
            at, value, prefix = i, arg.split("=", 1)[1], "--lang="
        else:
            continue
        named = env_language(value)
        if named is None:
            wrong = value if wrong is None else wrong
        else:
            args[at] = prefix + named
    return args, wrong


def env_language(value: str) -> Lang | None:
    """The language ``OVOP_LANG`` names: ``id`` or ``en`` in any case, as ``LANG`` writes a locale
    (``id_ID.UTF-8``, ``in_ID``, ``en-US``), or by name (``indonesia``, ``bahasa``, ``english``); ``None`` for
    anything else, which typer then refuses."""
    folded = " ".join(value.lower().split())
    if folded in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[folded]
    locale = _LOCALE.fullmatch(folded)
    return _LOCALE_CODES[locale[1]] if locale is not None else None


def with_default_command(argv: Sequence[str]) -> list[str]:
    """``ovop-assess FILE...`` means ``ovop-assess assess FILE...``.

    The options every command takes (``--lang X``, ``--lang=X``, ``--debug``)
    may come before the command's name: ``ovop-assess --lang id checklist
    f.yaml`` runs ``checklist`` with them moved after its name, and
    ``ovop-assess --lang id f.yaml`` still means ``assess``. Before the app's
    own options (``--help``, ``--version``) or alone, they are dropped: the
    language has been read already, and the app's help lists the commands.
    """
    args = list(argv)
    leading = _leading_common_options(args)
    rest = args[len(leading) :]
    if not rest or rest[0] in _TOP_OPTIONS:
        return _without_lang(rest)
    if rest[0] in COMMANDS:
        return [rest[0], *leading, *rest[1:]]
    _refuse_a_mistyped_command(rest[0])
    return ["assess", *args]


def _refuse_a_mistyped_command(word: str) -> None:
    """``ovop-assess chekclist x.yaml`` is a usage error naming the command, not a missing file ``chekclist``.

    Only a word that is no existing path and has no dot or slash is taken for a
    command: a region file named like a command (``rules``, ``init.yaml``) is
    still assessed, and a missing ``checklist.yaml`` is reported as missing.
    """
    if word.startswith("-") or any(c in word for c in "./\\") or os.path.lexists(word):
        return
    if word.lower() == "version":
        raise UsageError(Message("cli.version_is_an_option", {}))
    import difflib

    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.75)
    if close:
        raise UsageError(Message("cli.unknown_command", {"given": word, "command": close[0]}))


def _without_lang(argv: list[str]) -> list[str]:
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept


def _leading_common_options(argv: list[str]) -> list[str]:
    """The options every command takes that open ``argv`` (``--lang`` with its value, ``--debug``)."""
    count = 0
    while count < len(argv):
        arg = argv[count]
        if arg == "--lang" and count + 1 < len(argv):
            count += 2
        elif arg.startswith("--lang=") or arg == "--debug":
            count += 1
        else:
            break
    return argv[:count]
