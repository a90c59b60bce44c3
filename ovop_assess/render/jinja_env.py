"""The Jinja2 environments of the pages rendered from ``ovop_assess/templates``: the checklist's and the round's.

Whatever comes from a region file is escaped: the HTML environment
autoescapes, the Markdown one passes every value through
:func:`~.markdown_text.escape_markdown` (its ``finalize``). Both isolate
every value for bidirectional text (:func:`~.bidi.isolate`), except a
catalogue sentence already rendered with isolated values (:class:`Rendered`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2

from .bidi import isolate
from .markdown_text import Verbatim, code_span, escape_markdown


class Rendered(str):
    """A catalogue sentence whose values are already isolated; ``finalize`` does not wrap it again."""

    __slots__ = ()


def _finalize_html(value: object) -> object:
    if isinstance(value, Rendered) or hasattr(value, "__html__") or not isinstance(value, str):
        return value  # a sentence of the catalogue, markup of the template (a macro), or not text
    return isolate(value)


def _env(autoescape: bool, finalize: Callable[[Any], Any]) -> jinja2.Environment:
    """The package's templates, undefined names an error, block tags leaving no blank lines."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("ovop_assess", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )


def html_env() -> jinja2.Environment:
    """The HTML pages' environment: autoescaped, every value isolated, undefined names an error."""
    return _env(True, _finalize_html)


def markdown_env() -> jinja2.Environment:
    """The Markdown pages' environment: every value escaped for Markdown and isolated; ``code`` a code span."""
    env = _env(False, _finalize_markdown)
    env.filters["code"] = code_span
    return env


def _finalize_markdown(value: object) -> object:
    if isinstance(value, Verbatim):
        return value
    if isinstance(value, Rendered):
        return escape_markdown(value)
    return escape_markdown(isolate("" if value is None else str(value)))
