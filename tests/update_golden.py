"""Regenerate the golden JSON reports of the shipped examples.

For every ``examples/regions/<stem>.yaml`` this writes ``tests/golden/<stem>.json``:
exactly the standard output of

    ovop-assess assess examples/regions/<stem>.yaml --format json --as-of 2026-11-28

run from the repository root, produced here through the library (the same
calls the CLI makes, so the bytes are identical). Goldens whose example is
gone are removed.

Usage (from anywhere; the paths are relative to this file):

    .venv/bin/python tests/update_golden.py           # rewrite the goldens
    .venv/bin/python tests/update_golden.py --check   # only report differences; exit 1 if any

It also writes the round of the examples (examples/round/README.md) into
``tests/golden/round/``: the standard output of

    ovop-assess round examples/regions --office examples/round/office.yaml \
        --as-of 2026-12-01 --year 2027 --format FORMAT --lang LANG

for each (FORMAT, LANG) of :data:`ROUND_OUTPUTS`, run from the repository root.

And the comparison of the shipped pair (examples/compare/README.md) into
``tests/golden/compare/``: the standard output of

    ovop-assess compare examples/compare/kauman-batik-2011.yaml examples/regions/kauman-batik.yaml \
        --as-of 2026-11-28 --format FORMAT --lang LANG

for each (FORMAT, LANG) of :data:`COMPARE_OUTPUTS`.

Regenerate only after checking that the change in a report is intended;
tests/test_examples.py also pins each example's verdict.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ovop_assess import criteria_sets
from ovop_assess.assess import assess_path, make_report
from ovop_assess.criteria_sets import CriteriaSet
from ovop_assess.messages import Lang
from ovop_assess.render.json_report import render_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "regions"
GOLDEN = ROOT / "tests" / "golden"
AS_OF = datetime.date(2026, 11, 28)
CRITERIA = "default"
LANG: Lang = "en"
ROUND_GOLDEN = GOLDEN / "round"
#: The golden outputs of the examples' round: file name -> (format, language).
ROUND_OUTPUTS: dict[str, tuple[str, Lang]] = {
    "round.json": ("json", "en"),
    "round.id.md": ("markdown", "id"),
    "round.id.html": ("html", "id"),
}
ROUND_ARGS = ["examples/regions", "--office", "examples/round/office.yaml", "--as-of", "2026-12-01", "--year", "2027"]

COMPARE_GOLDEN = GOLDEN / "compare"
#: The golden outputs of the shipped pair's comparison: file name -> (format, language).
COMPARE_OUTPUTS: dict[str, tuple[str, Lang]] = {
    "compare.json": ("json", "en"),
    "compare.id.json": ("json", "id"),
    "compare.md": ("markdown", "en"),
    "compare.id.md": ("markdown", "id"),
}
COMPARE_ARGS = [
    "examples/compare/kauman-batik-2011.yaml",
    "examples/regions/kauman-batik.yaml",
    "--as-of",
    "2026-11-28",
]


def render_round(output_format: str, lang: Lang) -> bytes:
    """The examples' round in one format, exactly as the command writes it from the repository root."""
    return _run_command(["round", *ROUND_ARGS], output_format, lang)


def render_comparison(output_format: str, lang: Lang) -> bytes:
    """The shipped pair's comparison in one format, exactly as the command writes it from the repository root."""
    return _run_command(["compare", *COMPARE_ARGS], output_format, lang)


def _run_command(command: list[str], output_format: str, lang: Lang) -> bytes:
    from ovop_assess.cli.main import main as cli

    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(ROOT):
        target = Path(folder) / "out"
        args = [*command, "--format", output_format, "--lang", lang, "--output", str(target)]
        code = cli(args)
        if code != 0:
            raise RuntimeError(f"ovop-assess {' '.join(args)} exited {code}")
        return target.read_bytes()


def example_files() -> list[Path]:
    """The shipped examples, in a stable order."""
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def label(example: Path) -> str:
    """The path as the CLI names it when run from the repository root."""
    return example.relative_to(ROOT).as_posix()


def golden_path(example: Path) -> Path:
    return GOLDEN / f"{example.stem}.json"


def render_example(example: Path, criteria: CriteriaSet | None = None) -> str:
    """The JSON report of one example, as ``ovop-assess assess`` prints it."""
    criteria = criteria or criteria_sets.load(CRITERIA)
    result = assess_path(example, criteria, as_of=AS_OF, label=label(example))
    return render_json(make_report(criteria, [result], AS_OF), LANG)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date goldens without writing")
    args = parser.parse_args(argv)

    criteria = criteria_sets.load(CRITERIA)
    examples = example_files()
    wanted = {golden_path(e) for e in examples}
    stale: list[str] = []
    for example in examples:
        target = golden_path(example)
        data = render_example(example, criteria).encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        stale.append(f"{'outdated' if target.exists() else 'missing'}: {target.relative_to(ROOT).as_posix()}")
        if not args.check:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    orphans = sorted(p for p in GOLDEN.glob("*.json") if p not in wanted) if GOLDEN.is_dir() else []
    for orphan in orphans:
        stale.append(f"no example: {orphan.relative_to(ROOT).as_posix()}")
        if not args.check:
            orphan.unlink()

    for name, (output_format, lang) in ROUND_OUTPUTS.items():
        target = ROUND_GOLDEN / name
        data = render_round(output_format, lang)
        if target.is_file() and target.read_bytes() == data:
            continue
        stale.append(f"{'outdated' if target.exists() else 'missing'}: {target.relative_to(ROOT).as_posix()}")
        if not args.check:
            ROUND_GOLDEN.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    for name, (output_format, lang) in COMPARE_OUTPUTS.items():
        target = COMPARE_GOLDEN / name
        data = render_comparison(output_format, lang)
        if target.is_file() and target.read_bytes() == data:
            continue
        stale.append(f"{'outdated' if target.exists() else 'missing'}: {target.relative_to(ROOT).as_posix()}")
        if not args.check:
            COMPARE_GOLDEN.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    for line in stale:
        print(line if args.check else f"updated ({line})")
    if args.check:
        return 1 if stale else 0
    print(f"{len(examples)} golden report(s) up to date in {GOLDEN.relative_to(ROOT).as_posix()}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
