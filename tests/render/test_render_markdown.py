"""Markdown: the table read back cell by cell (split on unescaped pipes), marks, escaping, problems."""

from __future__ import annotations

import re
from collections.abc import Callable

from ovop_assess.render.markdown import escape, render_markdown
from ovop_assess.results import Report

PIPE = re.compile(r"(?<!\\)\|")


def _table(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    cells = []
    for row in rows:
        assert row.endswith(" |"), row
        cells.append([cell.strip() for cell in PIPE.split(row)[1:-1]])
    return cells


def test_summary_table(report: Report) -> None:
    text = render_markdown(report, "en")
    assert text.splitlines()[0] == "**5 file(s): 2 eligible, 1 not eligible, 1 incomplete, 1 invalid**"
    header, separator, *rows = _table(text)
    assert header == ["Region", "File", *(f"C{i}" for i in range(1, 9)), "Verdict", "Assurance", "Documents", "Score"]
    assert separator == ["---", "---", *[":-:"] * 8, "---", "---", "--:", "--:"]
    assert all(len(row) == len(header) for row in rows)
    assert rows == [
        [
            r'Laweyan, "Kampoeng \| Batik" 100% Sêmbuh: Solo',
            "eligible.yaml",
            *["✅"] * 8,
            "eligible",
            "declared only",
            "0/9",
            "1.00",
        ],
        ["Kauman", r"not\_eligible.yaml", "✅", "❌", *["✅"] * 6, "not eligible", "declared only", "0/9", "0.94"],
        ["Desa Tégalwangi", "incomplete.yaml", *["❔"] * 8, "incomplete", "", "0/9", "0.00"],
        ["Kampung Waiver", "waived.yaml", *["✅"] * 5, "➖", "✅", "✅", "eligible", "declared only", "0/9", "1.00"],  # noqa: RUF001
        ["—", "invalid.yaml", *[""] * 8, "invalid file", "", "", "—"],
    ]


def test_legend_and_invalid_problems(report: Report) -> None:
    lines = render_markdown(report, "en").splitlines()
    assert "✅ pass · ❌ fail · ❔ unknown · ➖ waived · ⚠️ error — criteria set default (version 2026.1)" in lines  # noqa: RUF001
    at = lines.index("**2 problem(s) in invalid.yaml**")
    assert lines[at + 1 : at + 4] == [
        "",
        "- invalid.yaml:4 — region.level: must be one of: desa, kelurahan, kecamatan",
        r"- invalid.yaml:8 — firms\[0\].role: must be one of: champion, mentee, member",
    ]


def test_escaping() -> None:
    assert escape("a | b") == r"a \| b"
    assert escape("two\nlines  here") == "two lines here"
    assert escape("<b>*x*</b> [l](u) `c` _u_ ~s~ &amp; #h \\") == (
        r"\<b\>\*x\*\</b\> \[l\](u) \`c\` \_u\_ \~s\~ \&amp; \#h \\"
    )
    assert escape("Sêmbuh, Tégalwangi") == "Sêmbuh, Tégalwangi"


def test_crashed_rule_mark(report: Report, with_crash: Callable[[Report, str, str], Report]) -> None:
    rows = _table(render_markdown(with_crash(report, "eligible.yaml", "C4"), "en"))
    assert rows[2][2:10] == ["✅", "✅", "✅", "⚠️", "✅", "✅", "✅", "✅"]


def test_indonesian(report: Report) -> None:
    text = render_markdown(report, "id")
    header, _, *rows = _table(text)
    assert header[:2] == ["Wilayah", "Berkas"] and header[-4:] == [
        "Hasil penilaian",
        "Tingkat bukti",
        "Dokumen",
        "Skor",
    ]
    assert [row[-4] for row in rows] == ["layak", "tidak layak", "belum lengkap", "layak", "berkas tidak valid"]
    assert [row[-3] for row in rows] == ["baru dinyatakan", "baru dinyatakan", "", "baru dinyatakan", ""]
    assert all("," in row[-1] and "." not in row[-1] for row in rows[:4])  # 0,88 as the checklist writes it
    assert "**2 masalah di invalid.yaml**" in text.splitlines()
    assert "- invalid.yaml:4 — region.level: harus salah satu dari: desa, kelurahan, kecamatan" in text.splitlines()


def test_bidi_controls_in_names_stay_inside_the_name(report: Report) -> None:
    """A region named with a RIGHT-TO-LEFT OVERRIDE must not reverse the table around it in a PR comment."""
    first = report.results[0]
    assert first.region is not None
    spoofed = first._replace(region=first.region._replace(name="Kauman \u202eelbigile"))
    text = render_markdown(report._replace(results=(spoofed, *report.results[1:])), "en")
    assert "\u2068Kauman \u202eelbigile\u2069" in text  # isolated: the override ends with the name
    assert "\u2068" not in render_markdown(report, "en")  # ordinary names are written as they are
