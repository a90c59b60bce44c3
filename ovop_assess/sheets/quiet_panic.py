"""Descriptor 2 silenced while calamine reads: its Rust panics print there before Python sees them."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def panic_output_hidden() -> Iterator[None]:
    """Descriptor 2 silenced while calamine reads.

    When its Rust code panics it prints the panic, and with ``RUST_BACKTRACE``
    a page of backtrace, straight to descriptor 2 before Python sees the
    exception, which the caller turns into "damaged": the reader would get
    both. Nothing of ours writes while calamine reads.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):  # a full or closed stderr, or none at all
        sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no descriptor 2 at all: nothing to hide
        yield
        return
    quiet = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(quiet, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(quiet)
