#!/usr/bin/env python3
"""Write ``ovop_assess/template_placeholders_data.py``: the ``init`` template's placeholders, read from it.

    .venv/bin/python scripts/update_template_placeholders.py [--check]

Run after changing ``ovop_assess/data/region-template.yaml`` (or the region
model's fields): ``tests/test_template_values.py`` fails until the kept
placeholders are the template's again. ``--check`` exits 1 when the file
differs from what this script would write.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "ovop_assess" / "template_placeholders_data.py"

HEADER = '''"""The ``init`` template's placeholders, each at its field: what ``read_placeholders()`` finds in it.

Written by ``scripts/update_template_placeholders.py`` from ``data/region-template.yaml``;
do not edit. ``tests/test_template_values.py`` fails when they differ from the template's.
"""

PLACEHOLDERS = frozenset(
    {
'''


def _quoted(text: str) -> str:
    """A Python string literal in double quotes, as the project's formatter writes them."""
    return json.dumps(text)


def _tuple(items: tuple[str, ...]) -> str:
    return "(" + ", ".join(map(_quoted, items)) + ("," if len(items) == 1 else "") + ")"


def source() -> str:
    sys.path.insert(0, str(ROOT))
    from ovop_assess.template_placeholders import read_placeholders

    lines = [f"        ({_tuple(path)}, {_quoted(value)}),\n" for path, value in sorted(read_placeholders())]
    return HEADER + "".join(lines) + "    }\n)\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is not what would be written")
    args = parser.parse_args()
    text = source()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is not the template's: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
