"""Two or more checkouts of ovop-assess timed against each other, interleaved: start-up, a batch, memory.

    .venv/bin/python bench/compare_trees.py NAME=PATH NAME=PATH ... [--files 2000] [--repeat 21]
        [--batch-repeat 5] [--instructions]

Each PATH is a checkout with its own environment, installed as a user
installs it (byte-compiled): ``cd PATH && python3 -m venv .venv &&
.venv/bin/pip install -q .``. For example, to see what a redesign changed
(``git worktree add --detach /tmp/t-old f78b39f`` and so on for each tree):

    .venv/bin/python bench/compare_trees.py f78b39f=/tmp/t-old c31c655=/tmp/t-mid main=/tmp/t-main

Every tree reads the same files: the first tree's shipped
``examples/regions/kauman-batik.yaml`` for the start-up (a file the oldest
tree reads too) and ``bench/benchmark.py``'s plain generated files (no area
codes) for the batch. The floors are ``benchmark.py``'s, run with this
Python; each tree's figure is a ratio to them, runs interleaved (floor,
tree 1, tree 2, …) and the minimum kept, so a slow spell of a shared
machine hits every tree alike. Memory: peak RSS for ``--files`` files and a
quarter of them.

``--instructions`` also counts the instructions each tree executes (needs
valgrind; ``PYTHONHASHSEED=0``), which do not depend on the neighbours: a
cold start, and per file (a 200-file batch less the cold start, over 199).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchmark


def _trees(specs: list[str]) -> dict[str, Path]:
    trees: dict[str, Path] = {}
    for spec in specs:
        name, _, path = spec.partition("=")
        tool = Path(path, ".venv", "bin", "ovop-assess")
        if not name or not path or not tool.exists():
            raise SystemExit(f"{spec}: give NAME=PATH, PATH a checkout with the tool installed in PATH/.venv")
        trees[name] = Path(path)
    return trees


def _instructions(command: list[str]) -> int:
    """Instructions callgrind counts for one run of ``command``."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {' '.join(command)}: {done.stderr[-300:]}")
    return int(found[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", help="NAME=PATH of each checkout, oldest first")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=21, help="repeats of the start-up runs")
    parser.add_argument("--batch-repeat", type=int, default=5, help="repeats of the batch runs")
    parser.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
    args = parser.parse_args()
    trees = _trees(args.trees)
    tools = {name: str(path / ".venv" / "bin" / "ovop-assess") for name, path in trees.items()}
    example = str(next(iter(trees.values())) / "examples" / "regions" / "kauman-batik.yaml")
    python = sys.executable

    with tempfile.TemporaryDirectory(prefix="ovop-trees-") as tmp:
        folder, quarter, small = Path(tmp, "regions"), Path(tmp, "quarter"), Path(tmp, "small")
        benchmark.generate(folder, args.files)
        benchmark.generate(quarter, max(1, args.files // 4))
        floor_cold, floor_parse = Path(tmp, "floor_cold.py"), Path(tmp, "floor_parse.py")
        floor_cold.write_text(benchmark.FLOOR_COLD, encoding="utf-8")
        floor_parse.write_text(benchmark.FLOOR_PARSE, encoding="utf-8")
        for tool in tools.values():  # the file cache warmed, and each tree seen to read the files
            benchmark.measure([tool, example, "--format", "json"], 1)
            benchmark.measure([tool, str(quarter), "--format", "json", "--jobs", "1"], 1)

        print(f"{len(trees)} trees, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
        cold = benchmark.interleaved(
            [[python, str(floor_cold)], *([tool, example, "--format", "json"] for tool in tools.values())],
            args.repeat,
        )
        print(f"start-up, one file --format json (best of {args.repeat}; ratio to the floor; median CPU):")
        for name, timing in zip(["floor", *tools], cold, strict=True):
            print(
                f"  {name:12s} {timing.best * 1000:7.1f} ms  x{timing.best / cold[0].best:.3f}"
                f"   CPU {statistics.median(timing.cpu) * 1000:6.1f} ms"
            )
        batch = benchmark.interleaved(
            [
                [python, str(floor_parse), str(folder)],
                *([tool, str(folder), "--format", "json", "--jobs", "1"] for tool in tools.values()),
            ],
            args.batch_repeat,
        )
        print(f"{args.files} files --format json --jobs 1 (best of {args.batch_repeat}; ratio to the parse floor):")
        for name, timing in zip(["floor", *tools], batch, strict=True):
            print(f"  {name:12s} {timing.best:7.3f} s  x{timing.best / batch[0].best:.3f}")
        print(f"peak memory, {args.files} files and {max(1, args.files // 4)} (--jobs 1):")
        for name, tool in tools.items():
            whole = benchmark.peak_rss([tool, str(folder), "--format", "json", "--jobs", "1"])
            part = benchmark.peak_rss([tool, str(quarter), "--format", "json", "--jobs", "1"])
            print(f"  {name:12s} {whole / 1024:6.1f} MiB {part / 1024:6.1f} MiB  x{whole / part:.2f}")
        if args.instructions:
            benchmark.generate(small, 200)
            print("instructions (callgrind, PYTHONHASHSEED=0): a cold start; per file, of 200")
            for name, tool in tools.items():
                start = _instructions([tool, example, "--format", "json"])
                whole = _instructions([tool, str(small), "--format", "json", "--jobs", "1"])
                print(f"  {name:12s} {start / 1e6:8.1f} M   {(whole - start) / 199 / 1e6:6.3f} M a file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
