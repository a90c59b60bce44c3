"""A rich progress bar for long runs on a terminal (never in a pipe or CI log)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..messages import Lang, text


@contextmanager
def progress_bar(total: int, lang: Lang) -> Iterator[Callable[[object], None]]:
    """Yield a callback to call once per finished file; the bar disappears at the end."""
    columns = (TextColumn(text("ui.assessing", lang)), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("assess", total=total)
        yield lambda _result: progress.advance(task)
