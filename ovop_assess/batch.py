"""Assess many files, in one process or spread over worker processes, in a stable order.

Workers are forked when the platform allows it, so they start with the
library (and the resolved criteria set) already imported; each is handed
chunks of paths and sends back plain result values. Results come back in
the order the paths were given, whatever finishes first.
"""

from __future__ import annotations

import copyreg
import datetime
import gc
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from . import rule_guard
from .assess import assess_path
from .criteria_sets import CriteriaSet
from .results import FileResult
from .rule_guard import DEFAULT_RULE_TIMEOUT
from .yaml_source import Limits

# Below this many files a pool costs more than it saves.
MIN_FILES_PER_WORKER = 64

T = TypeVar("T")
Job = tuple[CriteriaSet, datetime.date, Limits, Callable[[FileResult], Any], float | None]
_job: Job | None = None


def _mapping_proxy(values: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(values)


def _reduce_mapping_proxy(proxy: MappingProxyType[str, Any]) -> tuple[Any, tuple[dict[str, Any]]]:
    return _mapping_proxy, (dict(proxy),)


# A result holds read-only mappings (a plugin's message values, a region's evidence), which pickle cannot
# send back from a worker by itself: registered here, where the workers are made (a spawned worker
# imports this module too), sent as a dict and made read-only again.
copyreg.pickle(MappingProxyType, _reduce_mapping_proxy)


def default_jobs(n_files: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, n_files // MIN_FILES_PER_WORKER))


def _init(job: Job) -> None:
    global _job
    _job = job


def _one(path: Path) -> Any:
    assert _job is not None, "worker not initialised"
    criteria, as_of, limits, convert, rule_timeout = _job
    return convert(assess_path(path, criteria, as_of=as_of, limits=limits, rule_timeout=rule_timeout))


def unchanged(result: FileResult) -> FileResult:
    """The ``convert`` that keeps the whole result (a module-level function: workers pickle it)."""
    return result


def iter_assess(
    paths: Sequence[Path],
    criteria: CriteriaSet,
    *,
    as_of: datetime.date,
    limits: Limits,
    jobs: int | None = None,
    convert: Callable[[FileResult], T] = unchanged,  # type: ignore[assignment]
    on_result: Callable[[T], None] | None = None,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> Iterator[T]:
    """Assess ``paths`` with ``jobs`` processes (None: one per core for large batches), in order.

    Each result is yielded as soon as it and those before it are done.
    ``convert`` runs where the file was assessed (in the worker), so what
    travels back and what the caller keeps can be smaller than a full
    result; it must be picklable (a module-level function or a ``partial``).
    """
    workers = default_jobs(len(paths)) if jobs is None else max(1, jobs)
    with _quiet_gc():
        for result in _iterate(paths, (criteria, as_of, limits, convert, rule_timeout), workers):
            rule_guard.raise_if_stopped()  # a signal whose exception was swallowed (by a plugin, a hook) still stops
            if on_result is not None:
                on_result(result)
            yield result


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """Collect less often during a batch.

    Each file makes tens of thousands of short-lived, acyclic objects (YAML
    nodes, dicts, results); with the default threshold the cyclic collector
    runs hundreds of times per file and rescans every long-lived object the
    imports made. Freezing those and raising the threshold saves several
    per cent; cycles (recursive YAML aliases) are still collected, even when
    the caller had turned the collector off.
    """
    previous = gc.get_threshold()
    enabled = gc.isenabled()  # the CLI turns collection off while it imports
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)
    gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()
        if not enabled:
            gc.disable()


def _iterate(paths: Sequence[Path], job: Job, workers: int) -> Iterator[Any]:
    if workers <= 1 or len(paths) < 2:
        _init(job)
        yield from (_one(p) for p in paths)
        return
    # Imported here: only batches that use workers pay for them.
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    while done < len(paths):
        try:
            for result in _pooled(paths[done:], job, workers):
                done += 1
                yield result
        except BrokenProcessPool:
            # A worker died (a plugin that killed its process, a crash in native code, the system's
            # out-of-memory killer): the file first in line is assessed alone, in a worker of its own, and
            # reported as the tool's bug if that one dies too; the pool starts again after it. Each break
            # moves the batch on by a file at least, so it always ends.
            yield _alone(paths[done], job)
            done += 1


def _alone(path: Path, job: Job) -> Any:
    from concurrent.futures.process import BrokenProcessPool

    from .assess import worker_died
    from .results import file_label

    try:
        [result] = list(_pooled([path], job, 1))
        return result
    except BrokenProcessPool:
        return job[3](worker_died(file_label(path)))


def _pooled(paths: Sequence[Path], job: Job, workers: int) -> Iterator[Any]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(32, len(paths) // (workers * 8)))
    # The workers are forked by the thread that first advances this generator (at its map() below). Only the
    # main thread lives as long as the run: a worker asks to end with its parent only when forked by it.
    parent = os.getpid() if threading.current_thread() is threading.main_thread() else None
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(job, parent))
    try:
        # The workers are forked while map() submits; a signal handler that raised in the middle of a fork
        # (in an at-fork hook, where Python only prints "Exception ignored") would be lost, or leave a
        # worker the pool never registered. Held back until every fork is done, it is raised right after.
        with _signals_held():
            results = executor.map(_one, paths, chunksize=chunk)
        for result in results:
            rule_guard.raise_if_stopped()
            yield result
    except BaseException:
        # Ctrl-C, a consumer that stops early, or a worker that died: stop now, never hang.
        # A second Ctrl-C must not cut the stopping short and leave the workers running.
        with _sigint_ignored():
            _stop(executor)
        raise
    executor.shutdown(wait=True)


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM blocked (delivered when it ends); a no-op where the platform cannot block them."""
    import signal
    import threading

    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _init_worker(job: Job, parent: int | None) -> None:
    import signal

    # Ctrl-C is the parent's to handle: it stops the workers. A worker that took the
    # signal itself would die mid-task, print its own traceback and could wedge the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the CLI's SIGTERM handler, which would raise in the middle of a
    # task (or be swallowed by a plugin): a worker dies on SIGTERM, as the parent stops it so
    # (while a child reads an .ods for it, it kills the child first: sheets/isolated.py).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Forked while the parent held them back: a worker takes them again, once its own handlers are set (a
    # SIGTERM taken before would run the CLI's handler, and print "Exception in initializer").
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    rule_guard.clear_stop()
    if parent is not None:
        _end_with(parent)
    _init(job)


def _end_with(parent: int) -> None:
    """Have the kernel end this worker with SIGTERM when its parent dies (Linux: ``PR_SET_PDEATHSIG``).

    A run killed outright (``kill -9``, a CI job's timeout, a crash in native code) cannot stop its
    workers, and each waits for work on a pipe that its siblings, forked with it, keep open: it would wait
    forever. SIGTERM is what the run stops a worker with, so one reading a spreadsheet in a child ends that
    child first (``sheets/isolated.py``). The kernel sends it when the *thread* that forked the worker ends,
    so only a worker forked by the main thread asks (``_pooled``): a library caller may advance the batch from
    threads that come and go (a thread pool serving each result), and its workers would die with the first.
    A parent gone before the request was made (``parent``: its pid, given before the fork) is seen at once.
    Elsewhere, or where ``ctypes`` cannot be loaded (a Python built without libffi), nothing is done.
    """
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (ImportError, OSError, AttributeError):  # no _ctypes, or a libc without prctl: as elsewhere
        return
    if prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0) != 0:
        return
    if os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _stop(executor: Any) -> None:
    import multiprocessing

    processes = list((getattr(executor, "_processes", None) or {}).values())
    # Any child this process started, registered with the pool or not: none may outlive the run.
    processes += [child for child in multiprocessing.active_children() if child not in processes]
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=2)
    for process in processes:  # one that ignores SIGTERM (a plugin set a handler) must not outlive the run
        if process.is_alive():
            process.kill()
            process.join(timeout=2)
