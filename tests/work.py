"""Work counted, not timed: the measures of the tests that guard against a blow-up.

CI runs on machines of unknown load, and performance is measured by the
benchmarks (``bench/``), never by a test: a test that asserted "done within
a second" failed on a loaded machine. Such a test counts what the code did
instead (Python calls made, bytes inflated, memory taken), which is the
same on any machine, and still fails if the blow-up it guards against (a
quadratic scan, an exponential expansion, a zip bomb inflated) comes back.
"""

from __future__ import annotations

import contextlib
import sys
import tracemalloc
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any
from unittest import mock


class TooMuchWork(BaseException):
    """Raised inside the code measured once it has spent its budget: a blow-up fails the test at once
    instead of running for hours. A BaseException, so no ``except Exception`` of that code swallows it."""


@dataclass
class Count:
    n: int = 0


@contextlib.contextmanager
def counted_calls(budget: int | None = None) -> Iterator[Count]:
    """Count the Python function calls made in the block (``sys.setprofile``'s "call" events; a generator
    resumed counts as a call), raising :class:`TooMuchWork` where the call over ``budget`` is made.

    Work done without a call is not counted: the turns of a loop within one function (a generator's
    too, when it yields nothing), and C (a builtin, libyaml, a dict lookup) but for the calls it makes
    back into Python. To count the comparisons a scan, a lookup or a count makes, give it values whose
    ``__eq__`` is Python's (:class:`Compared`). Coverage traces with ``sys.settrace``, which this leaves
    alone; the profile function set before is set again after.
    """
    count = Count()

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call":
            count.n += 1
            if budget is not None and count.n > budget:
                raise TooMuchWork(f"more than {budget:,} Python calls")

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield count
    finally:
        sys.setprofile(previous)


class Compared(str):
    """Text whose every comparison for equality is a Python call, which :func:`counted_calls` counts,
    even one a dict or ``list.count`` makes in C. Python asks a subclass first when it is compared with
    its base class, from either side of ``==``."""

    def __eq__(self, other: object) -> bool:
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return str.__ne__(self, other)

    __hash__ = str.__hash__


@contextlib.contextmanager
def inflated_bytes() -> Iterator[Count]:
    """Count the bytes zlib inflates in the block: ``zipfile`` inflates every deflated member through
    ``zlib.decompressobj``. (python-calamine inflates in Rust, out of sight: see ``calamine_never_opens``
    in ``tests/sheets/conftest.py``.)"""
    count = Count()
    real = zlib.decompressobj

    class Counting:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._inner = real(*args, **kwargs)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self._inner.decompress(data, max_length)
            count.n += len(out)
            return out

        def flush(self, *args: Any) -> bytes:
            out = self._inner.flush(*args)
            count.n += len(out)
            return out

        def __getattr__(self, name: str) -> Any:  # eof, unconsumed_tail, unused_data
            return getattr(self._inner, name)

    with mock.patch.object(zlib, "decompressobj", Counting):
        yield count


@contextlib.contextmanager
def peak_memory() -> Iterator[Count]:
    """The most memory Python's allocators held at once in the block, over what they held before it
    (tracemalloc: allocations made in C through Python's allocators count, a Rust library's do not)."""
    count = Count()
    started = not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    try:
        yield count
    finally:
        count.n = tracemalloc.get_traced_memory()[1] - before
        if started:
            tracemalloc.stop()


@contextlib.contextmanager
def coverage_paused() -> Iterator[None]:
    """Coverage tracing stopped in the block, if it runs: it slows hypothesis several times over, and the
    coverage figure should come from the targeted tests, not from what random inputs happened to reach."""
    try:
        from coverage import Coverage
    except ImportError:  # pragma: no cover - coverage not installed
        yield
        return
    current = Coverage.current()
    if current is None:
        yield
        return
    current.stop()
    try:
        yield
    finally:
        current.start()
