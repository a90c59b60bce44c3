"""A rich progress bar for long runs on a terminal (never in a pipe or CI log)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..messages import Lang, text
from ..results import FileResult


def with_progress(files: list[Path], one: Callable[[Path], FileResult], lang: Lang) -> list[FileResult]:
    results: list[FileResult] = []
    console = Console(stderr=True)
    columns = (TextColumn(text("ui.assessing", lang)), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("assess", total=len(files))
        for path in files:
            results.append(one(path))
            progress.advance(task)
    return results
