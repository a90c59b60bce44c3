#!/usr/bin/env python3
"""Render the HTML proposal checklist of a region file and, when Chromium is available, print it.

    python scripts/check_checklist_html.py REGION.yaml [--out-dir DIR] [--lang id|en]
        [--criteria default] [--as-of YYYY-MM-DD] [--chromium PATH]

Writes ``checklist.html`` into ``--out-dir`` (a new temporary folder when not
given) through the real command (``ovop-assess checklist``). When a Chromium
binary is found (``--chromium``, else ``chromium`` or ``chromium-browser`` on
the PATH), it also prints the page to ``checklist.pdf`` and takes a
screenshot ``checklist.png`` (1240x1754, A4 at 150 dpi) headless, with
networking off, and reports the PDF's page count (through ``pdfinfo`` when
installed). Look at the PNG to judge the layout.

Exit status: 0 when everything that could run succeeded (Chromium missing is
reported, not an error); 1 when the checklist or Chromium failed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
)
SCREEN = "1240,1754"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("region", type=Path, help="the region file")
    parser.add_argument("--out-dir", type=Path, default=None, help="where to write the files (default: a new temp dir)")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--criteria", default="default")
    parser.add_argument("--as-of", default="2026-11-28")
    parser.add_argument("--chromium", default=None, help="path of the Chromium binary")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for each Chromium run")
    args = parser.parse_args(argv)

    out_dir: Path = args.out_dir or Path(tempfile.mkdtemp(prefix="ovop-checklist-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    html = out_dir / "checklist.html"

    from ovop_assess.cli.main import main as cli

    code = cli(
        [
            "checklist",
            str(args.region),
            "--format",
            "html",
            "--output",
            str(html),
            "--lang",
            args.lang,
            "--criteria",
            args.criteria,
            "--as-of",
            args.as_of,
        ]
    )
    if code != 0 or not html.is_file():
        print(f"checklist failed (exit {code})", file=sys.stderr)
        return 1
    print(f"html: {html} ({html.stat().st_size} bytes)")

    chromium = args.chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium: not found; skipped the PDF and the screenshot")
        return 0

    pdf, png = out_dir / "checklist.pdf", out_dir / "checklist.png"
    ok = _chromium(chromium, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], html, args.timeout)
    ok = _chromium(chromium, [f"--screenshot={png}", f"--window-size={SCREEN}"], html, args.timeout) and ok
    if pdf.is_file():
        pages = _page_count(pdf)
        print(f"pdf: {pdf} ({pages if pages is not None else '?'} page(s))")
    if png.is_file():
        print(f"png: {png}")
    return 0 if ok and pdf.is_file() and png.is_file() else 1


def _chromium(binary: str, flags: list[str], html: Path, timeout: float) -> bool:
    with tempfile.TemporaryDirectory(prefix="ovop-chromium-") as profile:
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *flags, html.resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            print(f"chromium failed: {exc}", file=sys.stderr)
            return False
    if done.returncode != 0:
        print(f"chromium exited {done.returncode}: {done.stderr.strip()[-2000:]}", file=sys.stderr)
        return False
    return True


def _page_count(pdf: Path) -> int | None:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        done = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=False)
        found = re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE)
        if found:
            return int(found.group(1))
    # Without pdfinfo: count the page objects Chromium writes (good enough for its PDFs).
    data = pdf.read_bytes()
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    return count or None


if __name__ == "__main__":
    sys.exit(main())
