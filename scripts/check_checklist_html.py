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

With ``pdftotext`` (poppler) installed it also checks the printed layout
from the position of every word in the PDF: each page is A4; no word runs
past the page margins (a long name, URL or file path that does not wrap
pushes text and boxes off the page); and the page is not shrunk to fit,
judged against a reference PDF printed from the same page's styles with only
its first line (Chromium scales a page whose content is too wide).

Exit status: 0 when everything that could run succeeded (Chromium or
pdftotext missing is reported, not an error); 1 when the checklist or
Chromium failed, or a layout check found a problem.
"""

from __future__ import annotations

import argparse
import html as html_text
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
A4_PT = (595.28, 841.89)  # 210 x 297 mm in PDF points
MARGIN_PT = 15 / 25.4 * 72  # the page's @page margin, 15 mm
TOLERANCE_PT = 1.0
SCALE_TOLERANCE = 0.02


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
    if not (ok and pdf.is_file() and png.is_file()):
        return 1
    problems = _layout_problems(chromium, html, pdf, args.timeout)
    if problems is None:
        print("layout: pdftotext not found; skipped the layout checks")
        return 0
    for problem in problems:
        print(f"layout problem: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("layout: A4, every word within the margins, not shrunk")
    return 0


class Word:
    __slots__ = ("text", "x_max", "x_min", "y_max", "y_min")

    def __init__(self, text: str, x_min: float, y_min: float, x_max: float, y_max: float) -> None:
        self.text, self.x_min, self.y_min, self.x_max, self.y_max = text, x_min, y_min, x_max, y_max

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def _words(pdftotext: str, pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """Each page's width, height (points) and words with their boxes, from ``pdftotext -bbox``."""
    done = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=False)
    pages = []
    for width, height, body in _PAGE.findall(done.stdout):
        words = [
            Word(html_text.unescape(text), float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, text in _WORD.findall(body)
        ]
        pages.append((float(width), float(height), words))
    return pages


def _layout_problems(chromium: str, html: Path, pdf: Path, timeout: float) -> list[str] | None:
    """What is wrong with the printed layout; None when pdftotext is not installed."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return None
    pages = _words(pdftotext, pdf)
    if not pages or not pages[0][2]:
        return ["no text found in the PDF"]
    problems: list[str] = []
    for number, (width, height, words) in enumerate(pages, 1):
        if abs(width - A4_PT[0]) > TOLERANCE_PT or abs(height - A4_PT[1]) > TOLERANCE_PT:
            problems.append(f"page {number} is {width:.1f} x {height:.1f} pt, not A4 ({A4_PT[0]} x {A4_PT[1]})")
        left, right = MARGIN_PT - TOLERANCE_PT, width - MARGIN_PT + TOLERANCE_PT
        for word in words:
            if word.x_min < left or word.x_max > right:
                problems.append(
                    f"page {number}: {word.text[:60]!r} runs past the margin "
                    f"(x {word.x_min:.1f}..{word.x_max:.1f}, printable {left:.1f}..{right:.1f})"
                )
    # The same styles and first line on a page of its own: its first word must be as tall.
    page = html.read_text(encoding="utf-8")
    head, _, rest = page.partition("<body>")
    first_line = re.search(r'<p class="kicker">.*?</p>', rest, re.DOTALL)
    if first_line is None:
        return [*problems, "the page has no first line (kicker) to compare with"]
    reference = html.with_name("reference.html")
    reference.write_text(
        f'{head}<body>\n<main class="page"><header class="top">{first_line.group(0)}</header></main>\n'
        "</body>\n</html>\n",
        encoding="utf-8",
    )
    reference_pdf = reference.with_suffix(".pdf")
    if not _chromium(chromium, [f"--print-to-pdf={reference_pdf}", "--no-pdf-header-footer"], reference, timeout):
        return [*problems, "could not print the reference page"]
    reference_pages = _words(pdftotext, reference_pdf)
    if not reference_pages or not reference_pages[0][2]:
        return [*problems, "no text found in the reference PDF"]
    expected, got = reference_pages[0][2][0], pages[0][2][0]
    scale = got.height / expected.height if expected.height else 0.0
    if abs(scale - 1.0) > SCALE_TOLERANCE:
        problems.append(
            f"the page is printed at {scale:.2f} of its size ({got.text!r} is {got.height:.2f} pt tall, "
            f"{expected.height:.2f} pt on the reference page): something is too wide and Chromium shrank it"
        )
    return problems


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
