"""Measure ovop-assess against baselines run in the same invocation, and print the ratios.

    .venv/bin/python bench/benchmark.py [--files 2000] [--repeat 15] [--out bench-out]

Figures (each a ratio to a baseline measured in the same run, so they travel
between machines better than seconds do):

- cold start: ``ovop-assess one.yaml --format json`` (and ``table``) against a
  floor script that imports yaml, imports pydantic's BaseModel, defines a
  one-field model and validates it: what any pydantic-model tool pays;
- batch: ``ovop-assess DIR --format json --jobs 1`` over N generated region
  files against merely parsing the same files with PyYAML's C loader in one
  process; and ``--jobs 2`` against ``--jobs 1`` (throughput gain), next to what the
  machine gives the parse floor split over two processes (its ceiling right now);
- area codes: the same batch with every file giving a real code of the official
  table and its names (checked against the table), against the parse floor of
  those files; and the cold start of one file with a code, and with the names
  alone (no code: looked up by names), against the same file with neither (the
  table untouched): the look-up's cost in milliseconds;
- memory: peak RSS for N files against N/4 files (the report grows, nothing else should);
- check-jsonschema validating the same files against ``ovop-assess schema``
  (files per second), when check-jsonschema is installed next to this Python.

Repeats are interleaved (baseline, tool, baseline, tool, ...) and the minimum
wall-clock time of each is kept: on a shared machine whose speed drifts, that
compares like with like. CPU times (user+sys of the child) are shown too. Generated files live in a
temporary folder and are removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(PYTHON).parent

FLOOR_COLD = """
import yaml
from pydantic import BaseModel
class M(BaseModel):
    x: int
M.model_validate({"x": 1})
"""

FLOOR_PARSE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)
"""

# The same parse split over two forked processes: what this machine gives two processes right
# now (a shared machine rarely gives 2.0), the ceiling to read --jobs 2 against.
FLOOR_PARSE_2 = """
import os, sys, yaml
from pathlib import Path
paths = sorted(Path(sys.argv[1]).rglob("*.yaml"))
child = os.fork()
for path in paths[::2] if child else paths[1::2]:
    yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)
if child:
    os.waitpid(child, 0)
else:
    os._exit(0)
"""

CATEGORIES = ["batik", "pottery", "copper-craft", "bamboo-weaving", "paper-craft", "rattan-weaving"]


def region_text(rng: random.Random, index: int, area: list[str] | None = None) -> str:
    """A plausible region file; a few are incomplete, not eligible or invalid, like a real batch.

    With ``area`` (code, name, kecamatan, kabupaten/kota, province of a desa or kelurahan of the
    official table), the region is that area, with its code.
    """
    category = rng.choice(CATEGORIES)
    n_firms = rng.randint(3, 30)
    firms = [f"  - {{name: Usaha {index}-{0:02d}, role: champion, willing_to_lead: true, monthly_capacity: 900}}"]
    for i in range(1, n_firms):
        role = "mentee" if i <= rng.randint(2, 4) else "member"
        nib = f', nib: "{rng.randrange(10**12, 10**13):013d}"' if rng.random() < 0.7 else ""
        firms.append(f"  - {{name: Usaha {index}-{i:02d}, role: {role}, workers: {rng.randint(1, 40)}{nib}}}")
    if area is None:
        where = [
            f"  name: Desa {index}",
            "  level: desa",
            f"  district: Kecamatan {index % 97}",
            "  city: Kabupaten Contoh",
            "  province: Jawa Tengah",
        ]
    else:
        code, name, district, city, province = area
        level = "kelurahan" if code.split(".")[3].startswith("1") else "desa"
        where = [
            f"  name: {json.dumps(name)}",
            f"  level: {level}",
            f'  code: "{code}"',
            f"  district: {json.dumps(district)}",
            f"  city: {json.dumps(city)}",
            f"  province: {json.dumps(province)}",
        ]
    sections = [
        "format: ovop-region/1",
        "region:",
        *where,
        "  proposal_year: 2027",
        "product:",
        f"  name: Produk {category}",
        f"  category: {category}",
        "  export_oriented: true",
        "  uniqueness: {local_skill: Keterampilan turun-temurun, culture: Motif lokal}",
        "resources:",
        "  - {type: skill, description: Keterampilan masyarakat}",
        "firms:",
        *firms,
        "organizations:",
        "  - {type: paguyuban, name: Paguyuban Contoh, established: 2012}",
        "government_commitment:",
        "  - {type: training, description: Pelatihan oleh Dinas Koperasi dan UMKM, status: delivered}",
        "  - {type: budget, description: Anggaran fasilitasi, year: 2027, amount_idr: 150000000, status: planned}",
    ]
    if rng.random() < 0.8:  # the rest: spatial plan not known yet -> incomplete
        sections.append("spatial_plan: {regulation: Perda RTRW Kabupaten Contoh, zone: permukiman, conforms: true}")
    source = rng.choice(["local", "local", "regional", "national"])
    sections += [
        "raw_materials:",
        f"  - {{name: bahan utama, source: {source}}}",
        f"access: {{public_transport: [bus, angkot], nearest_stop_m: {rng.randint(50, 1500)}}}",
    ]
    if rng.random() < 0.03:  # a typo: invalid file
        sections.append("organisations: []")
    return "\n".join(sections) + "\n"


def generate(folder: Path, count: int, seed: int = 2026, coded: bool = False) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    chosen = _areas(rng, count) if coded else [None] * count
    for i in range(count):
        (folder / f"region-{i:05d}.yaml").write_text(region_text(rng, i, chosen[i]), encoding="utf-8")


def _areas(rng: random.Random, count: int) -> list[list[str] | None]:
    """``count`` desa/kelurahan drawn from the whole official table, with their parents' names."""
    data = ROOT / "ovop_assess" / "data" / "areas"

    def names(level: str) -> dict[str, str]:
        lines = (data / f"{level}.tsv").read_text(encoding="utf-8").splitlines()
        return dict(line.split("\t", 1) for line in lines)

    provinces, regencies, districts = names("provinces"), names("regencies"), names("districts")
    villages = sorted(names("villages").items())
    picked = rng.sample(villages, count)
    return [[code, name, districts[code[:8]], regencies[code[:5]], provinces[code[:2]]] for code, name in picked]


@dataclass
class Timing:
    wall: list[float]
    cpu: list[float]
    rss_kib: int

    @property
    def best(self) -> float:
        return min(self.wall)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_best(self) -> float:
        return min(self.cpu)


def measure(cmd: list[str], repeat: int, cwd: Path | None = None) -> Timing:
    walls: list[float] = []
    cpus: list[float] = []
    rss = 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        rss = max(rss, after.ru_maxrss)
        if done.returncode not in (0, 1, 3):
            raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return Timing(walls, cpus, rss)


def interleaved(commands: list[list[str]], repeat: int) -> list[Timing]:
    """Time each command ``repeat`` times, taking turns, and merge each one's runs."""
    runs: list[list[Timing]] = [[] for _ in commands]
    for _ in range(repeat):
        for i, cmd in enumerate(commands):
            runs[i].append(measure(cmd, 1))
    return [
        Timing(
            [w for t in timings for w in t.wall], [c for t in timings for c in t.cpu], max(t.rss_kib for t in timings)
        )
        for timings in runs
    ]


def peak_rss(cmd: list[str]) -> int:
    """Peak RSS of one child in KiB (a fresh interpreter each time so earlier children don't count)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", probe, *cmd], capture_output=True, text=True, check=True).stdout
    return int(out.strip())


def many_firms_text(mentees: int) -> str:
    """A region file with one champion and ``mentees`` mentees, each naming a category of its own."""
    lines = [
        "format: ovop-region/1",
        "region: {name: Banyak, level: desa, city: Kota Contoh, province: Jawa Tengah}",
        "firms:",
        "  - {name: Juara, role: champion, willing_to_lead: true}",
        *(f"  - {{name: Binaan {i}, role: mentee, category: kategori-{i}}}" for i in range(mentees)),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15, help="repeats of the cold-start runs")
    parser.add_argument("--batch-repeat", type=int, default=3, help="repeats of the batch runs")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    args = parser.parse_args()

    tool = str(BIN / "ovop-assess")
    if not Path(tool).exists():
        raise SystemExit(f"{tool} not found: install the package into this Python's environment first")
    example = str(ROOT / "examples" / "regions" / "kauman-batik.yaml")
    rows: list[tuple[str, str, str, str]] = []

    with tempfile.TemporaryDirectory(prefix="ovop-bench-") as tmp:
        folder = Path(tmp) / "regions"
        generate(folder, args.files)
        coded = Path(tmp) / "coded"
        generate(coded, args.files, coded=True)
        quarter = Path(tmp) / "quarter"
        generate(quarter, max(1, args.files // 4))
        floor_cold = Path(tmp) / "floor_cold.py"
        floor_cold.write_text(FLOOR_COLD, encoding="utf-8")
        floor_parse = Path(tmp) / "floor_parse.py"
        floor_parse.write_text(FLOOR_PARSE, encoding="utf-8")
        floor_parse_2 = Path(tmp) / "floor_parse_2.py"
        floor_parse_2.write_text(FLOOR_PARSE_2, encoding="utf-8")

        # An editable install is not byte-compiled, and PYTHONDONTWRITEBYTECODE (set on some
        # machines) stops Python from caching it: compile once, as `pip install .` does.
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "ovop_assess")], check=True)
        # Warm the file cache once.
        measure([tool, example, "--format", "json"], 1)
        measure([PYTHON, str(floor_parse), str(folder)], 1)

        # Repeats are interleaved (floor, ours, floor, ours, ...) so that a slow spell of a
        # shared machine hits baseline and tool alike; the minimum of each is kept.
        cold, one_json, one_table = interleaved(
            [[PYTHON, str(floor_cold)], [tool, example, "--format", "json"], [tool, example, "--format", "table"]],
            args.repeat,
        )
        floor_label = "floor: import yaml + pydantic, validate one model"
        rows.append((floor_label, f"{cold.best * 1000:.0f} ms", "1.00", "baseline"))
        rows.append(_row("one file, cold, --format json", one_json, cold, "≤ 1.5"))
        rows.append(_row("one file, cold, --format table", one_table, cold, "≤ 2.0"))

        parse, jobs1, jobs2, parse2 = interleaved(
            [
                [PYTHON, str(floor_parse), str(folder)],
                [tool, str(folder), "--format", "json", "--jobs", "1"],
                [tool, str(folder), "--format", "json", "--jobs", "2"],
                [PYTHON, str(floor_parse_2), str(folder)],
            ],
            args.batch_repeat,
        )
        rows.append((f"floor: parse {args.files} files with the C loader", f"{parse.best:.2f} s", "1.00", "baseline"))
        rows.append(_row(f"{args.files} files, --format json, --jobs 1", jobs1, parse, "≤ 1.5"))
        rows.append(
            (
                f"{args.files} files, --format json, --jobs 2",
                f"{jobs2.best:.2f} s",
                f"{jobs1.best / jobs2.best:.2f} x the throughput of --jobs 1",
                "≥ 1.6 on 2 cores",
            )
        )
        rows.append(
            (
                "machine: the parse floor in 2 processes",
                f"{parse2.best:.2f} s",
                f"{parse.best / parse2.best:.2f} x the throughput of 1 process",
                "what 2 cores give now",
            )
        )

        # No rule may be quadratic: thousands of firms, each naming its own category, and no product.
        many = Path(tmp) / "many-firms.yaml"
        many.write_text(many_firms_text(12_400), encoding="utf-8")
        one = Path(tmp) / "one-firm.yaml"
        one.write_text(many_firms_text(1), encoding="utf-8")
        roomy = ["--format", "json", "--max-nodes", "1000000", "--max-bytes", "100000000"]
        one_firm, many_firms = interleaved([[tool, str(one), *roomy], [tool, str(many), *roomy]], args.repeat // 3 or 1)
        rows.append(_row("12,400 mentees, each its own category, no product", many_firms, one_firm, "≤ 5 (linear)"))
        # The official area table: a batch whose every file gives a code (each looked up and its
        # names compared), and one file cold with a code, with names only, and with neither.
        coded_parse, coded_jobs1 = interleaved(
            [[PYTHON, str(floor_parse), str(coded)], [tool, str(coded), "--format", "json", "--jobs", "1"]],
            args.batch_repeat,
        )
        rows.append((f"floor: parse {args.files} files with codes", f"{coded_parse.best:.2f} s", "1.00", "baseline"))
        rows.append(_row(f"{args.files} files with codes, --format json, --jobs 1", coded_jobs1, coded_parse, "≤ 1.5"))
        kauman = Path(example).read_text(encoding="utf-8")
        with_code = Path(tmp) / "with-code.yaml"
        with_code.write_text(kauman, encoding="utf-8")
        names_only = Path(tmp) / "names-only.yaml"
        without_code = re.sub(r"(?m)^  code: .*\n", "", kauman)
        names_only.write_text(without_code, encoding="utf-8")
        neither = Path(tmp) / "neither.yaml"
        neither.write_text(re.sub(r"(?m)^  district: .*\n", "", without_code), encoding="utf-8")
        no_look_up, by_code, by_names = interleaved(
            [[tool, str(path), "--format", "json"] for path in (neither, with_code, names_only)], args.repeat
        )
        for label, timing in (("by code", by_code), ("by names, no code", by_names)):
            rows.append(
                (
                    f"one file cold, area look-up {label}",
                    f"{timing.best * 1000:.0f} ms",
                    f"+{(timing.best - no_look_up.best) * 1000:.1f} ms over none ({no_look_up.best * 1000:.0f} ms)",
                    "≤ +20 ms",
                )
            )
        # The selection round: 500 candidates in every format against assess on the same files.
        round_folder = Path(tmp) / "round"
        generate(round_folder, 500)
        book = Path(tmp) / "round.xlsx"
        round_formats = ["table", "json", "markdown", "html", "xlsx"]
        timings = interleaved(
            [
                [tool, str(round_folder), "--format", "json", "--jobs", "1"],
                *(
                    [tool, "round", str(round_folder), "--format", fmt, "--jobs", "1", "--output", str(book)]
                    for fmt in round_formats
                ),
            ],
            args.batch_repeat,
        )
        rows.append(("500 candidates: assess --format json, --jobs 1", f"{timings[0].best:.2f} s", "1.00", "baseline"))
        for fmt, timing in zip(round_formats, timings[1:], strict=True):
            rows.append(_row(f"500 candidates: round --format {fmt}", timing, timings[0], "≤ 1.5"))

        rss_small = peak_rss([tool, str(quarter), "--format", "json", "--jobs", "1"])
        rss_big = peak_rss([tool, str(folder), "--format", "json", "--jobs", "1"])
        rows.append(
            (
                f"peak memory, {args.files} vs {args.files // 4} files",
                f"{rss_big / 1024:.0f} MiB vs {rss_small / 1024:.0f} MiB",
                f"{rss_big / rss_small:.2f}",
                "the report only",
            )
        )

        checker = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
        if checker:
            schema = Path(tmp) / "schema.json"
            schema.write_text(
                subprocess.run([tool, "schema"], capture_output=True, text=True, check=True).stdout, encoding="utf-8"
            )
            files = sorted(str(p) for p in folder.glob("*.yaml"))
            other = measure([checker, "--schemafile", str(schema), *files], 1)
            ours = args.files / jobs1.best
            theirs = args.files / other.best
            rows.append(
                (
                    "check-jsonschema, same files, exported schema",
                    f"{theirs:.0f} files/s vs ours {ours:.0f} files/s",
                    f"{ours / theirs:.2f} x faster (jobs 1)",
                    "> 1",
                )
            )
        else:
            rows.append(("check-jsonschema", "not installed", "—", "pip install check-jsonschema"))

    round_cpu = ", ".join(
        f"{fmt} {timing.cpu_best / timings[0].cpu_best:.2f}"
        for fmt, timing in zip(round_formats, timings[1:], strict=True)
    )
    lines = [
        f"ovop-assess benchmark — {args.files} files, Python {sys.version.split()[0]}, {os.cpu_count()} cores",
        "",
        "| measure | time | ratio | target |",
        "| --- | --- | --- | --- |",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
        f"cold start: min of {args.repeat} runs; batches: min of {args.batch_repeat} runs; "
        f"CPU (user+sys) ratios: json {one_json.cpu_best / cold.cpu_best:.2f}, "
        f"table {one_table.cpu_best / cold.cpu_best:.2f}, batch {jobs1.cpu_best / parse.cpu_best:.2f}, "
        f"batch with codes {coded_jobs1.cpu_best / coded_parse.cpu_best:.2f}; "
        f"round (500 candidates) against assess json: {round_cpu}",
    ]
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "benchmark.md").write_text(text, encoding="utf-8")
    (args.out / "benchmark.json").write_text(json.dumps({"rows": rows}, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _row(label: str, timing: Timing, base: Timing, target: str) -> tuple[str, str, str, str]:
    return (
        label,
        f"{timing.best * 1000:.0f} ms" if timing.best < 1 else f"{timing.best:.2f} s",
        f"{timing.best / base.best:.2f}",
        target,
    )


if __name__ == "__main__":
    raise SystemExit(main())
