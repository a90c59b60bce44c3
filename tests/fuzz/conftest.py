"""Hypothesis profiles for the fuzz tests (see test_fuzz_regions.py for why they are set so).

- ``ci`` (the default): a fixed number of examples per property, derandomized, so
  every CI run tries the same inputs and a red build can be re-run and reproduced.
- ``long``: ``OVOP_FUZZ=long pytest tests/fuzz``, many more examples from a fresh
  random seed each run, to explore inputs CI has never tried. A failure prints
  the falsifying example and a ``@reproduce_failure`` blob.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from ..work import coverage_paused

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,  # a timing-dependent deadline makes CI flaky; each example takes milliseconds anyway
    derandomize=True,
    database=None,  # derandomized runs replay the same inputs: nothing to keep between runs
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],  # composing a whole region file per example is not "too slow"
)
settings.register_profile(
    "long",
    max_examples=5_000,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)

settings.load_profile(os.environ.get("OVOP_FUZZ", "ci") or "ci")


@pytest.fixture(scope="module", autouse=True)
def _without_coverage() -> Iterator[None]:
    """Stop coverage tracing while the fuzz tests run: it slows hypothesis about 2.5 times, and the
    coverage figure should come from the targeted tests, not from what random inputs happened to reach.
    (pytest-cov's ``no_cover`` marker would do this, but crashes under ``--no-cov``.)"""
    with coverage_paused():
        yield
