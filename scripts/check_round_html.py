#!/usr/bin/env python3
"""Render the round report's HTML page and, when Chromium is available, print it and check the layout.

    python scripts/check_round_html.py PATH... [--office office.yaml] [--out-dir DIR] [--lang id|en]
        [--as-of YYYY-MM-DD] [--year N] [--chromium PATH]

Writes ``round.html`` through the real command (``ovop-assess round --format
html``), then, with Chromium, ``round.pdf`` and a screenshot ``round.png``
(1754x1240: A4 landscape at 150 dpi). With ``pdftotext`` (poppler) it checks
from the position of every word: every page is A4 landscape and no word runs
past the 12 mm margins. Look at the PNG to judge the rest. The Chromium and
pdftotext helpers are those of ``check_checklist_html.py``.

Exit status: 0 when everything that could run succeeded; 1 when the page,
Chromium or a layout check failed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_checklist_html import TOLERANCE_PT, _chromium, _page_count, _words

A4_LANDSCAPE_PT = (841.89, 595.28)
MARGIN_PT = 12 / 25.4 * 72  # the page's @page margin, 12 mm
SCREEN = "1754,1240"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--office", type=Path, default=None)
    parser.add_argument("--out-dir", type=Path, default=None)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--as-of", default="2026-12-01")
    parser.add_argument("--year", default=None)
    parser.add_argument("--chromium", default=None)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)

    out_dir: Path = args.out_dir or Path(tempfile.mkdtemp(prefix="ovop-round-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    html = out_dir / "round.html"
    from ovop_assess.cli.main import main as cli

    command = ["round", *map(str, args.paths), "--format", "html", "--output", str(html), "--lang", args.lang]
    command += ["--as-of", args.as_of, *(["--office", str(args.office)] if args.office else [])]
    command += ["--year", args.year] if args.year else []
    code = cli(command)
    if code not in (0, 3) or not html.is_file():
        print(f"round failed (exit {code})", file=sys.stderr)
        return 1
    print(f"html: {html} ({html.stat().st_size} bytes)")
    chromium = args.chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium: not found; skipped the PDF and the screenshot")
        return 0
    pdf, png = out_dir / "round.pdf", out_dir / "round.png"
    ok = _chromium(chromium, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], html, args.timeout)
    ok = _chromium(chromium, [f"--screenshot={png}", f"--window-size={SCREEN}"], html, args.timeout) and ok
    if not (ok and pdf.is_file() and png.is_file()):
        return 1
    print(f"pdf: {pdf} ({_page_count(pdf) or '?'} page(s))\npng: {png}")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        print("layout: pdftotext not found; skipped the layout checks")
        return 0
    problems = []
    for number, (width, height, words) in enumerate(_words(pdftotext, pdf), 1):
        if abs(width - A4_LANDSCAPE_PT[0]) > TOLERANCE_PT or abs(height - A4_LANDSCAPE_PT[1]) > TOLERANCE_PT:
            problems.append(f"page {number} is {width:.1f} x {height:.1f} pt, not A4 landscape")
        left, right = MARGIN_PT - TOLERANCE_PT, width - MARGIN_PT + TOLERANCE_PT
        problems += [
            f"page {number}: {word.text[:60]!r} runs past the margin ({word.x_min:.1f}..{word.x_max:.1f})"
            for word in words
            if word.x_min < left or word.x_max > right
        ]
    for problem in problems:
        print(f"layout problem: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("layout: A4 landscape, every word within the margins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
