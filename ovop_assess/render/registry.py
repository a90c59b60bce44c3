"""The one registry of renderers: for each command, its ``--format`` names and what renders them.

Every output format is one :class:`Renderer` in :data:`RENDERERS`: the
command it serves, its ``--format`` name, and its function as a path,
``"module:function"``. The module is imported only when the format is used,
so a run loads the one renderer it needs, and this registry is plain data
that imports nothing heavy. The rich terminal ``table`` lives in the CLI
(``ovop_assess.cli.table``), since the library never imports rich or typer;
it is registered here by its path like every other format and imported only
when a run asks for it.

What a format can do is data on its entry, read by the commands, never an
``if name == ...`` of theirs:

- ``binary``: the function returns bytes (a workbook) rather than text;
  :func:`ovop_assess.cli.output.write_output` writes either;
- ``terminal``: the function takes ``to_terminal=`` (width and colour follow
  the terminal when the output goes to one);
- ``details``: the function takes ``details=`` (``--details``: every
  region's full table under a batch's summary); the other formats hold every
  detail already and ignore the option;
- ``quiet_when_empty``: a result with nothing in it (``area``: no area
  found) writes no output, and the command says on stderr what was not
  found; the other formats write their document, empty;
- ``per_file``: the format can be streamed: a function encodes each file's
  result where it is assessed (in the worker under ``--jobs``) and another
  joins the encoded files into the output as they arrive, so a batch never
  holds the report. Formats without it get the whole report at once.

The first format registered for a command is its default
(:func:`default_format`). The CLI offers :func:`formats_for` as each
command's ``--format`` choices, so this is the one list of format names.

What the function is given depends on the command (its *subject*):

- ``assess``: ``function(report: Report, lang) -> str | bytes`` (plus
  ``to_terminal=`` for a terminal format); a per-file format adds
  ``encode(result: FileResult, lang=lang) -> FileEntry`` and
  ``assemble(tool_version, set_info, entries, lang) -> Iterable[str]``;
- ``checklist``: ``function(document: Checklist, lang) -> str``;
- ``area``: ``function(lookup: ovop_assess.areas.Lookup, lang) -> str``
  (plus ``to_terminal=`` for its rich ``table``).
- ``round``: ``function(document: Round, lang) -> str`` (plus ``to_terminal=``
  for its terminal table), the ranked candidates of
  :mod:`ovop_assess.selection_round`.
- ``compare``: ``function(document: Comparison, lang) -> str`` (plus
  ``to_terminal=`` for its terminal table), the two assessments of
  :mod:`ovop_assess.comparison`.

Adding a format (the office's ``xlsx``, the round report's ``html``, the
output of ``compare``) is one small module and one line:

1. write ``ovop_assess/render/<format>.py``: a module docstring saying what
   a consumer gets, and one pure function of the command's subject as
   above (a new command such as ``round`` or ``compare`` adds its subject
   to that list); import what it needs (openpyxl, jinja2) inside the
   module, never here;
2. add ``Renderer("round", "xlsx", "ovop_assess.render.xlsx:render_xlsx",
   binary=True)`` to :data:`RENDERERS`.

The command then offers it through :func:`formats_for` and renders it with
``lookup(command, name).render(subject, lang)``; the registry's tests
import every registered function and check that no library renderer
loads rich or typer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, Final, NamedTuple, Protocol

if TYPE_CHECKING:  # the registry stays plain data: nothing is imported to build it
    import datetime

    from ..messages import Lang
    from ..results import FileResult, RuleCrash, SetInfo, Verdict


class FileEntry(Protocol):
    """One file's result as a per-file format encoded it: what the run keeps besides the text."""

    @property
    def verdict(self) -> Verdict: ...

    @property
    def score(self) -> float: ...

    @property
    def crashes(self) -> tuple[RuleCrash, ...]: ...

    @property
    def sheet_files(self) -> tuple[str, ...]: ...

    @property
    def evidence_files(self) -> tuple[str, ...]: ...


class PerFile(NamedTuple):
    """The two functions of a streamed format, each as ``"module:function"``."""

    encode: str  # one FileResult -> a FileEntry, where the file was assessed
    assemble: str  # (tool version, set info, entries, lang) -> the output's pieces, as entries arrive


class Renderer(NamedTuple):
    """One output format of one command; see the module docstring for the fields' meaning."""

    command: str
    name: str
    function: str  # "module:function"
    binary: bool = False
    terminal: bool = False
    details: bool = False
    per_file: PerFile | None = None
    quiet_when_empty: bool = False

    def render(self, subject: Any, lang: Lang, *, to_terminal: bool = False, details: bool = False) -> str | bytes:
        """The whole output for ``subject`` (a report, a checklist): text, or bytes for a binary format."""
        function = load(self.function)
        options: dict[str, bool] = {"to_terminal": to_terminal} if self.terminal else {}
        if self.details:
            options["details"] = details
        output = function(subject, lang, **options)
        expected = bytes if self.binary else str
        if not isinstance(output, expected):  # a writer takes bytes and text differently: never guess
            raise TypeError(f"{self.function} returned {type(output).__name__}, not {expected.__name__}")
        return output

    def render_text(self, subject: Any, lang: Lang, *, to_terminal: bool = False) -> str:
        """The whole output as text; ``ValueError`` for a binary format."""
        output = self.render(subject, lang, to_terminal=to_terminal)
        if isinstance(output, bytes):
            raise ValueError(f"format {self.name!r} of {self.command} is binary, not text")
        return output

    def encoder(self, lang: Lang) -> Callable[[FileResult], FileEntry]:
        """The per-file encoder in ``lang``, to run where each file is assessed; picklable for workers."""
        encode: Callable[..., FileEntry] = load(self._per_file().encode)
        return partial(encode, lang=lang)

    def stream(
        self,
        tool_version: str,
        info: SetInfo,
        entries: Iterable[FileEntry],
        lang: Lang,
        as_of: datetime.date | None = None,
    ) -> Iterable[str]:
        """The output in pieces, as the encoded ``entries`` arrive."""
        assemble: Callable[..., Iterable[str]] = load(self._per_file().assemble)
        return assemble(tool_version, info, entries, lang, as_of=as_of)

    def _per_file(self) -> PerFile:
        if self.per_file is None:
            raise ValueError(f"format {self.name!r} of {self.command} is not streamed per file")
        return self.per_file


_JSON: Final = "ovop_assess.render.json_report"
_JSON_PER_FILE: Final = PerFile(f"{_JSON}:json_entry", f"{_JSON}:stream_json_entries")

RENDERERS: Final[tuple[Renderer, ...]] = (
    Renderer("assess", "table", "ovop_assess.cli.table:render_table", terminal=True, details=True),
    Renderer("assess", "json", f"{_JSON}:render_json", per_file=_JSON_PER_FILE),
    Renderer("assess", "junit", "ovop_assess.render.junit:render_junit"),
    Renderer("assess", "github", "ovop_assess.render.github:render_github"),
    Renderer("assess", "csv", "ovop_assess.render.csv_report:render_csv"),
    Renderer("assess", "markdown", "ovop_assess.render.markdown:render_markdown"),
    Renderer("assess", "xlsx", "ovop_assess.render.xlsx_report:render_assess_xlsx", binary=True),
    Renderer("checklist", "markdown", "ovop_assess.render.checklist:render_markdown"),
    Renderer("checklist", "html", "ovop_assess.render.checklist:render_html"),
    Renderer("area", "table", "ovop_assess.cli.area_table:render_area_table", terminal=True, quiet_when_empty=True),
    Renderer("area", "json", "ovop_assess.render.area_json:render_area_json"),
    Renderer("round", "table", "ovop_assess.cli.round_table:render_round_table", terminal=True),
    Renderer("round", "json", "ovop_assess.render.round_json:render_round_json"),
    Renderer("round", "markdown", "ovop_assess.render.round_markdown:render_round_markdown"),
    Renderer("round", "html", "ovop_assess.render.round_html:render_round_html"),
    Renderer("round", "xlsx", "ovop_assess.render.xlsx_report:render_round_xlsx", binary=True),
    Renderer("compare", "table", "ovop_assess.cli.comparison_table:render_comparison_table", terminal=True),
    Renderer("compare", "markdown", "ovop_assess.render.comparison_markdown:render_comparison_markdown"),
    Renderer("compare", "json", "ovop_assess.render.comparison_json:render_comparison_json"),
)


def formats_for(command: str) -> tuple[str, ...]:
    """The ``--format`` names ``command`` takes, its default first; empty for a command without formats."""
    return tuple(renderer.name for renderer in RENDERERS if renderer.command == command)


def default_format(command: str) -> str:
    """The format ``command`` renders without ``--format``: its first registered; ``ValueError`` for none."""
    names = formats_for(command)
    if not names:
        raise ValueError(f"{command} has no output formats")
    return names[0]


def lookup(command: str, name: str) -> Renderer:
    """The renderer of format ``name`` for ``command``; ``ValueError`` naming the known formats otherwise."""
    for renderer in RENDERERS:
        if renderer.command == command and renderer.name == name:
            return renderer
    known = ", ".join(formats_for(command)) or "none"
    raise ValueError(f"unknown output format {name!r} for {command}; known formats: {known}")


def load(path: str) -> Callable[..., Any]:
    """The function a ``"module:function"`` path names, its module imported now (looked up on every call)."""
    module_name, _, attribute = path.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module_name), attribute)
    return function
