"""A rich table of text cells, laid out directly when it prints without colours (a file, a pipe, a log).

:func:`rich_table` builds the table rich prints on a terminal: a simple
rule under the header, a blank line between rows, no padding at the outer
edges. :class:`PlainTable` prints the very same characters, line for line,
without rich's work for every cell (measured through three layers of
renderables, then rendered as segments that are padded, cropped and split
again): the round's 500 candidates took 0.34 s of CPU to print, now 0.09 s
(docs/internals.md, "The selection round"). It follows rich's own rules:

- a column is as wide as its widest line (header included) plus padding,
  at least its ``min_width``; when the columns are wider than the console,
  the widest wrapping columns give way first, down to the next widest, as
  rich's ``Table._collapse_widths`` does;
- a line that fits its cell is padded (or right-aligned) as it is; a cell
  with a line to wrap or fold, or a tab, is rendered by rich itself;
- what is rarer still (see ``_left_to_rich``) is the whole table by rich.

tests/cli/test_plain_table.py and tests/fuzz/test_fuzz_plain_table.py print
tables both ways and require the same text, so a rich upgrade that lays
tables out otherwise fails there rather than in an office's report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich import box
from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.control import strip_control_codes
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

_BOX = box.SIMPLE_HEAD
_PADDING = 1  # a space left and right of a cell, but at the table's outer edges


@dataclass(frozen=True)
class Column:
    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    overflow: Literal["fold", "ellipsis"] = "ellipsis"
    min_width: int | None = None


def rich_table(columns: Sequence[Column], rows: Iterable[Sequence[Text]]) -> Table:
    table = Table(box=_BOX, show_lines=True, pad_edge=False, padding=(0, _PADDING))
    for column in columns:
        table.add_column(
            Text(column.header),
            justify=column.justify,
            no_wrap=column.no_wrap,
            overflow=column.overflow,
            min_width=column.min_width,
        )
    for row in rows:
        table.add_row(*row)
    return table


class PlainTable:
    """:func:`rich_table` of these columns and rows (plain strings) as it prints without styles."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
        self.columns = list(columns)
        # Text() drops a few control codes (BEL, BS, VT, FF, CR): the same cells as rich_table's.
        self.rows = [[strip_control_codes(cell) for cell in row] for row in rows]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        count = len(self.columns)
        pads = [(0 if i == 0 else _PADDING, 0 if i == count - 1 else _PADDING) for i in range(count)]
        edges = 2 + count - 1  # the outer edges and the dividers between columns, one character each
        widths = self._widths(options.max_width - edges, pads)
        if self._left_to_rich(widths, pads, options.max_width - edges):
            yield rich_table(self.columns, ([Text(cell) for cell in row] for row in self.rows))
            return
        frame = _BOX.substitute(options, safe=console.safe_box)
        table = [[strip_control_codes(column.header) for column in self.columns], *self.rows]
        lines = [frame.get_top(widths)]
        for index, row in enumerate(table):
            first, last = index == 0, index == len(table) - 1
            cells = [
                self._cell(console, options, column, cell, width, pad)
                for column, cell, width, pad in zip(self.columns, row, widths, pads, strict=True)
            ]
            height = max(len(cell) for cell in cells)
            for cell, width in zip(cells, widths, strict=True):
                blank = [" " * width] * (height - len(cell))
                cell[:] = blank + cell if first else cell + blank  # the header sits on the rule; rows hang
            if first:
                left, right, divider = frame.head_left, frame.head_right, frame.head_vertical
            elif last:
                left, right, divider = frame.foot_left, frame.foot_right, frame.foot_vertical
            else:
                left, right, divider = frame.mid_left, frame.mid_right, frame.mid_vertical
            lines.extend(left + divider.join(parts) + right for parts in zip(*cells, strict=True))
            if first:
                lines.append(frame.get_row(widths, "head", edge=True))
            elif not last:
                lines.append(frame.get_row(widths, "row", edge=True))
        lines.append(frame.get_bottom(widths))
        new_line = Segment.line()
        for line in lines:
            yield Segment(line)
            yield new_line

    def _widths(self, max_width: int, pads: list[tuple[int, int]]) -> list[int]:
        """The widths (padding included) rich's Table gives these columns within ``max_width``."""
        widest = [
            max(_widest_line(cell) for cell in cells)
            for cells in zip([strip_control_codes(column.header) for column in self.columns], *self.rows, strict=True)
        ]
        columns = list(zip(self.columns, widest, pads, strict=True))
        widths = [_measure(column, text, sum(pad), max_width) or 1 for column, text, pad in columns]
        if sum(widths) > max_width:
            widths = _collapse(widths, [not column.no_wrap for column in self.columns], max_width)
            if sum(widths) > max_width:  # rich's last resort: every column gives way evenly
                widths = _ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
            widths = [
                _measure(column, text, sum(pad), width)
                for (column, text, pad), width in zip(columns, widths, strict=True)
            ]
        return widths

    def _left_to_rich(self, widths: list[int], pads: list[tuple[int, int]], max_width: int) -> bool:
        """Tables rare enough (the round prints blocks below 100 columns) to leave to rich's own rules.

        Columns squeezed below a character; columns that can't give way, wider than the console (rich
        crops each line); emoji joined by U+200D or U+FE0F, whose width is not the sum of their parts'.
        """
        if sum(widths) > max_width or any(w - left - right < 1 for w, (left, right) in zip(widths, pads, strict=True)):
            return True
        cells = [column.header for column in self.columns] + [cell for row in self.rows for cell in row]
        return any("\u200d" in cell or "\ufe0f" in cell for cell in cells)

    @staticmethod
    def _cell(
        console: Console, options: ConsoleOptions, column: Column, cell: str, width: int, pad: tuple[int, int]
    ) -> list[str]:
        left, right = pad
        inner = width - left - right
        lines = cell.split("\n")
        if all(_fits(line, inner) for line in lines):
            if column.justify == "right":
                laid = [" " * (inner - cell_len(line.rstrip())) + line.rstrip() for line in lines]
            else:
                laid = [set_cell_size(line, inner) for line in lines]
            return [" " * left + line + " " * right for line in laid]
        # As rich's Table renders a cell: padded, at the column's width (which crops a line too wide for it).
        render_options = options.update(
            width=width, justify=column.justify, no_wrap=column.no_wrap, overflow=column.overflow, height=None
        )
        padded = Padding(Text(cell), (0, right, 0, left))
        return ["".join(part.text for part in line) for line in console.render_lines(padded, render_options)]


def _fits(line: str, width: int) -> bool:
    """Whether rich would print ``line`` as it is in ``width`` cells: nothing to wrap or fold, no tab to expand.

    Characters, not only cells: rich strips the spaces ending a line of more characters than cells.
    """
    return len(line) <= width and cell_len(line) <= width and "\t" not in line


def _widest_line(cell: str) -> int:
    # splitlines, as rich measures a Text: a U+2028 in a name counts as a line break there.
    return max((cell_len(line) for line in cell.splitlines()), default=0)


def _measure(column: Column, widest: int, padding: int, max_width: int) -> int:
    """A column's width as rich measures it: its widest line padded, within ``max_width``, at least ``min_width``."""
    if max_width < 1:
        return 0
    width = max_width if max_width - padding < 1 else min(widest + padding, max_width)
    return width if column.min_width is None else max(width, column.min_width + padding)


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """Narrow the widest wrapping columns, down to the next widest, until the table fits (rich's rule)."""
    excess = sum(widths) - max_width
    while any(wrapable) and excess > 0:
        widest = max(w for w, can in zip(widths, wrapable, strict=True) if can)
        next_widest = max(w if can and w != widest else 0 for w, can in zip(widths, wrapable, strict=True))
        ratios = [1 if w == widest and can else 0 for w, can in zip(widths, wrapable, strict=True)]
        if not any(ratios) or widest == next_widest:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, widest - next_widest)] * len(widths), widths)
        excess = sum(widths) - max_width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Take ``total`` off ``values`` in proportion to ``ratios``, at most ``maximums`` each (rich's ratio_reduce)."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(maximum, round(ratio * total / total_ratio))
            result.append(value - taken)
            total -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result
