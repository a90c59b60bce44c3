#!/usr/bin/env python3
"""Regenerate the shipped Kemendagri area table from a release of the ``idn-area-data`` npm package.

    python scripts/update_area_table.py SOURCE [--decree TEXT] [--out-dir DIR] [--module FILE]

``SOURCE`` is a package tarball (``idn-area-data-4.0.1.tgz``) or a version
(``4.0.1``), which is fetched with ``npm pack`` (a development-time tool; the
installed package never touches the network). The tarball's
``data/{provinces,regencies,districts,villages}.csv`` become one sorted file
per level, ``code<TAB>name`` a line, read by :mod:`ovop_assess.areas` with
binary search; the data licence (ODbL) is copied next to them with a notice of
attribution, and ``ovop_assess/area_dataset.py`` records the edition.

The same tarball always gives the same bytes: rows are sorted by code, no
time stamp or path is written, and ``--decree`` (the decree the release
follows, which the package itself does not name) is part of the input.
Every row is checked: a code of the level's shape, unique, whose parent exists.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ovop_assess.areas import fold  # noqa: E402  (the words must be folded exactly as the search folds them)

PACKAGE = "idn-area-data"
LICENCE = "ODbL-1.0"

# The package does not name its decree in the tarball; its repository's docs/references.md does.
KNOWN_DECREES = {
    "4.": "Kepmendagri No. 300.2.2-2138 Tahun 2025",
    "3.": "Kepmendagri No. 100.1.1-6117 Tahun 2022",
}

# level file, the CSV holding it, the code's shape, the CSV column naming the parent
LEVELS = (
    ("provinces", r"[0-9]{2}", None),
    ("regencies", r"[0-9]{2}\.[0-9]{2}", "province_code"),
    ("districts", r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}", "regency_code"),
    ("villages", r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}", "district_code"),
)


class DataError(Exception):
    """The release does not have the shape this tool relies on."""


def fetch(version: str, into: Path) -> Path:
    done = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", str(into)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise DataError(f"npm pack {PACKAGE}@{version} failed: {done.stderr.strip()}")
    return into / f"{PACKAGE}-{version}.tgz"


def read_release(tarball: Path) -> tuple[str, dict[str, list[tuple[str, str]]], str]:
    """The release's version, its rows per level (sorted by code) and its data licence text."""
    with tarfile.open(tarball, "r:gz") as tar:

        def text(name: str) -> str:
            member = tar.extractfile(f"package/{name}")
            if member is None:
                raise DataError(f"{tarball}: package/{name} is not a file")
            return member.read().decode("utf-8")

        try:
            manifest = text("package.json")
            licence = text("data/LICENSE.md")
            sources = {level: text(f"data/{level}.csv") for level, _, _ in LEVELS}
        except KeyError as missing:
            raise DataError(f"{tarball}: not an {PACKAGE} release ({missing})") from None
    meta = json.loads(manifest)
    if meta.get("name") != PACKAGE or not isinstance(meta.get("version"), str):
        raise DataError(f"{tarball}: package.json does not name {PACKAGE} and its version")
    if "Open Database License" not in licence:
        raise DataError(f"{tarball}: data/LICENSE.md is not the Open Database License")
    rows: dict[str, list[tuple[str, str]]] = {}
    parents: set[str] = set()
    for level, shape, parent_column in LEVELS:
        codes: set[str] = set()
        level_rows = []
        for row in csv.DictReader(io.StringIO(sources[level], newline="")):
            code, name = row["code"].strip(), clean(row["name"])
            if not re.fullmatch(shape, code) or not name:
                raise DataError(f"{level}.csv: bad row {row}")
            if code in codes:
                raise DataError(f"{level}.csv: code {code} twice")
            if parent_column is not None and (
                row[parent_column] != code.rpartition(".")[0] or row[parent_column] not in parents
            ):
                raise DataError(f"{level}.csv: {code} has no parent {row[parent_column]}")
            codes.add(code)
            level_rows.append((code, name))
        rows[level] = sorted(level_rows)
        parents = codes
    return str(meta["version"]), rows, licence


def clean(name: str) -> str:
    # A tab or line break would break the one-line-per-area file; runs of spaces are noise.
    return " ".join(name.split())


def table_file(rows: Iterable[tuple[str, str]]) -> bytes:
    return "".join(f"{code}\t{name}\n" for code, name in rows).encode("utf-8")


def notice(version: str, decree: str, counts: dict[str, int]) -> str:
    return f"""# The official area table: source and licence

The files `provinces.tsv`, `regencies.tsv`, `districts.tsv` and `villages.tsv`
in this folder are the codes and names of Indonesia's administrative areas
(provinsi, kabupaten/kota, kecamatan, desa/kelurahan), with `words.txt`, the
distinct words of their names, folded for search; they are taken from the npm
package **{PACKAGE} {version}** by Fityan (fityannugroho), whose data follows
the **{decree}** on the provision and updating of codes and data of
government administrative areas and islands (Pemberian dan Pemutakhiran Kode,
Data Wilayah Administrasi Pemerintahan, dan Pulau).

Counts: {counts["provinces"]} provinces, {counts["regencies"]} kabupaten/kota,
{counts["districts"]} kecamatan, {counts["villages"]} desa/kelurahan.

The data of {PACKAGE} is made available under the Open Database License
(ODbL) v1.0, whose full text is in `LICENSE-DATA.md` beside this file. These
files are a Derivative Database of it (the same rows, one file per level,
`code<TAB>name` a line, sorted by code, spacing in names normalised), and are
likewise made available under the ODbL v1.0. They are regenerated by
`scripts/update_area_table.py` from the package release named above; the
program code of ovop-assess remains under its own licence.
"""


def dataset_module(version: str, decree: str, counts: dict[str, int]) -> str:
    return f'''"""The edition of the shipped area table. Generated by scripts/update_area_table.py: do not edit."""

from __future__ import annotations

from typing import Final

NAME: Final = "{PACKAGE}"
VERSION: Final = "{version}"
LICENCE: Final = "{LICENCE}"
DECREE: Final = "{decree}"
PROVINCES: Final = {counts["provinces"]}
REGENCIES: Final = {counts["regencies"]}
DISTRICTS: Final = {counts["districts"]}
VILLAGES: Final = {counts["villages"]}
'''


def write(tarball: Path, decree: str | None, out_dir: Path, module: Path) -> str:
    version, rows, licence = read_release(tarball)
    if decree is None:
        decree = next((text for prefix, text in KNOWN_DECREES.items() if version.startswith(prefix)), None)
        if decree is None:
            raise DataError(f"which decree does {PACKAGE} {version} follow? Say it with --decree")
    counts = {level: len(level_rows) for level, level_rows in rows.items()}
    out_dir.mkdir(parents=True, exist_ok=True)
    for level, level_rows in rows.items():
        (out_dir / f"{level}.tsv").write_bytes(table_file(level_rows))
    words = {word for level_rows in rows.values() for _, name in level_rows for word in fold(name.encode()).split()}
    (out_dir / "words.txt").write_bytes(b"".join(word + b"\n" for word in sorted(words)))
    (out_dir / "LICENSE-DATA.md").write_bytes(licence.encode("utf-8"))
    (out_dir / "NOTICE.md").write_bytes(notice(version, decree, counts).encode("utf-8"))
    module.write_bytes(dataset_module(version, decree, counts).encode("utf-8"))
    return f"{PACKAGE} {version} ({decree}): " + ", ".join(f"{count} {level}" for level, count in counts.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="an idn-area-data tarball (.tgz) or a version to fetch with npm pack")
    parser.add_argument("--decree", help="the decree the release follows (known for versions 3.x and 4.x)")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "ovop_assess" / "data" / "areas")
    parser.add_argument("--module", type=Path, default=ROOT / "ovop_assess" / "area_dataset.py")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            source = Path(args.source)
            tarball = (
                source if source.suffix in {".tgz", ".gz"} or source.exists() else fetch(args.source, Path(scratch))
            )
            print(write(tarball, args.decree, args.out_dir, args.module))
    except (DataError, OSError, ValueError, tarfile.TarError, csv.Error, UnicodeDecodeError) as problem:
        print(f"update_area_table: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
