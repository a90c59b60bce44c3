"""Generated ``content.xml`` documents for holding ``ods_cells``' scan to the expat walk.

A document is built from a string of bytes hypothesis draws (one draw per
document: drawing every choice on its own made an example cost 0.2 s), each
byte one choice; zero bytes give the plainest document, so a failure shrinks
towards one. Every document is well-formed and binds every prefix it uses on
the root. ``plain`` documents hold only what LibreOffice and Excel write (the
scan must answer for them); the others add, now and then, what the scan must
either follow exactly or hand to the walk: other quoting and white space,
references in values, nested tables, rows inside rows, cells outside rows,
comments, declarations below the root, end tags with white space, names
that begin as a row's or a table's, a result after many attributes, and so
on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from hypothesis import strategies as st

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
FORM = "urn:oasis:names:tc:opendocument:xmlns:form:1.0"

# Sheet names drawn for tables: the wanted one among them, so that it may be missing, first, later or twice.
WANTED = 'Daftar "UMKM" & Co\'s'
NAMES = [WANTED, "Lain", "Daftar", "Petunjuk"]

T = TypeVar("T")


def escape(text: str, quote: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(quote, "&quot;" if quote == '"' else "&apos;")


class Writer:
    """The choices of one document, read a byte at a time, and its spelling: prefixes, quoting, white space."""

    def __init__(self, choices: bytes, plain: bool) -> None:
        self.choices = choices
        self.at = 0
        self.plain = plain
        self.t = "table" if plain else self.pick(["table", "table", "t"])
        self.o = "office" if plain else self.pick(["office", "office", "of"])

    def byte(self) -> int:
        self.at += 1
        return self.choices[self.at - 1] if self.at <= len(self.choices) else 0

    def pick(self, options: Sequence[T]) -> T:
        return options[self.byte() % len(options)]

    def count(self, most: int) -> int:
        return self.byte() % (most + 1)

    def one_in(self, n: int) -> bool:
        return self.byte() % n == n - 1

    def odd(self, n: int = 8) -> bool:
        """Now and then, in a document that is not plain."""
        return not self.plain and self.one_in(n)

    def attribute(self, name: str, value: str, raw: bool = False) -> str:
        quote = "'" if self.odd() else '"'
        space = self.pick(["\n  ", "\t", "  "]) if self.odd() else " "
        equals = " = " if self.odd() else "="
        text = value if raw else escape(value, quote)
        return f"{space}{name}{equals}{quote}{text}{quote}"

    def tag(self, name: str, attributes: list[str], body: str | None) -> str:
        if self.odd(4):
            attributes = attributes[::-1]
        inside = "".join(attributes) + ("\n" if self.odd() else "")
        if body is None and self.one_in(2):
            return f"<{name}{inside}{' ' if self.odd() else ''}/>"
        closing = self.pick([" ", "\n"]) if self.odd() else ""  # white space before an end tag's ">"
        return f"<{name}{inside}>{body or ''}</{name}{closing}>"

    def number(self) -> str:
        """A repeat or span, sometimes one the walk's ``int`` reads oddly (or not at all)."""
        if self.odd(4):
            return self.pick(["0", "-2", " 2 ", "+3", "x", "\u0663", "1_0", "", "2\n", "&#50;"])
        return self.pick(["1", "2", "3"])

    def text(self) -> str:
        words = ["Usaha", "batik", "formula", "s-spanned", ":formula", 'x="1"', "&amp;", "> <", "Ya!", "why?"]
        words += ["rows-repeated", "columns-repeated"]
        if self.odd(16):
            words.append("xmlns")
        picked = [self.pick(words) for _ in range(self.count(3))]
        text = " ".join(w if w.startswith("&") else escape(w, '"') for w in picked)
        return f"<text:span>{text}</text:span> {text}" if self.one_in(4) else text  # a hit after an end tag

    def cell(self, depth: int) -> str:
        t, o = self.t, self.o
        attributes: list[str] = []
        if self.one_in(4):
            attributes.append(self.attribute(f"{t}:number-columns-repeated", self.number()))
        covered = self.one_in(5)
        if not covered or self.odd():
            if self.one_in(3):
                attributes.append(self.attribute(f"{t}:number-columns-spanned", self.number()))
            if self.one_in(4):
                attributes.append(self.attribute(f"{t}:number-rows-spanned", self.number()))
        if self.one_in(3):
            formula = self.pick(["of:=ROW()-1", "of:=IF([.A1]>0;1;0)", 'of:="a"&"b"'])
            attributes.append(self.attribute(f"{t}:formula", formula))
            if self.odd(12):  # more attributes between the formula and its result than the pattern looks across
                attributes += [self.attribute(f"text:a{n}", "1") for n in range(20 + self.count(10))]
            if not self.one_in(4):
                kind = self.pick(["float", "float", "string", "date", "boolean", "percentage"])
                attributes.insert(self.count(len(attributes)), self.attribute(f"{o}:value-type", kind))
                if kind == "percentage":  # (no choice drawn: the documents stay those drawn before errors)
                    attributes.append(' calcext:value-type="error"')  # a result LibreOffice saves as an error
            results = {
                self.pick(["value", "date-value", "string-value", "boolean-value"]) for _ in range(self.count(2))
            }
            attributes += [self.attribute(f"{o}:{name}", "1") for name in sorted(results)]
        elif self.one_in(2):
            attributes.append(self.attribute(f"{o}:value-type", "string"))
        if self.one_in(4):
            attributes.insert(0, self.attribute(f"{t}:style-name", "ce1"))
        if self.odd(12):
            attributes.append(self.attribute(f"{t}:content-validation-name", "v"))
        body = None
        if self.one_in(2):
            body = f"<text:p>{self.text()}</text:p>"
            if depth < 1 and self.odd(12):  # a sub-table, which ODF allows in a cell
                body += self.table(depth + 1)
            if depth < 1 and self.odd(16):  # a cell inside a cell: well-formed, counted by the walk all the same
                body += self.cell(depth + 1)
        return self.tag(f"{t}:{'covered-table-cell' if covered else 'table-cell'}", attributes, body)

    def row(self, depth: int) -> str:
        attributes = [self.attribute(f"{self.t}:style-name", "ro1")] if self.one_in(2) else []
        if self.one_in(5):
            attributes.append(self.attribute(f"{self.t}:number-rows-repeated", self.number()))
        cells = [self.cell(depth) for _ in range(self.count(5))]
        if depth < 1 and self.odd(16):  # a row inside a row
            cells.insert(self.count(len(cells)), self.row(depth + 1))
        return self.tag(f"{self.t}:table-row", attributes, "".join(cells) or None)

    def rows(self, depth: int) -> str:
        """Rows, some in the groups LibreOffice writes (header rows for print titles, row groups for outlines)."""
        parts = []
        for _ in range(self.count(7)):
            if depth < 2 and self.one_in(10):
                group = self.pick(["table-header-rows", "table-row-group", "table-rows"])
                parts.append(f"<{self.t}:{group}>{self.rows(depth + 1)}</{self.t}:{group}>")
            elif self.odd(20):  # a cell outside any row
                parts.append(self.cell(1))
            elif self.odd(20):  # elements whose names begin as a row's or a table's do
                parts.append(f"<{self.t}:{self.pick(['table-row-x', 'tablex', 'table-rows'])}/>")
            else:
                parts.append(self.row(depth))
        return "".join(parts)

    def table(self, depth: int = 0) -> str:
        t = self.t
        name = self.pick([WANTED, WANTED, *NAMES])
        attributes = [] if self.odd(16) else [self.attribute(f"{t}:name", name)]
        if attributes and self.odd(12):  # the first letter as a character reference: the same name to expat
            rest = escape(name[1:], '"').replace("'", "&apos;")
            attributes = [self.attribute(f"{t}:name", f"&#{ord(name[0])};{rest}", raw=True)]
        if self.one_in(2):
            attributes.append(self.attribute(f"{t}:style-name", "ta1"))
        if self.odd(16):  # an empty table, self-closing
            return f"<{t}:table{''.join(attributes)}/>"
        columns = self.tag(f"{t}:table-column", [self.attribute(f"{t}:number-columns-repeated", "16384")], None)
        head = f'<{self.o}:forms form:automatic-focus="false"/>' if self.one_in(2) else ""
        return self.tag(f"{t}:table", attributes, head + columns + self.rows(depth))

    def document(self) -> str:
        t, o = self.t, self.o
        declarations = [
            self.attribute(f"xmlns:{o}", OFFICE),
            self.attribute(f"xmlns:{t}", TABLE),
            self.attribute("xmlns:text", TEXT),
            self.attribute("xmlns:calcext", CALCEXT),
            self.attribute("xmlns:form", FORM),
        ]
        if self.odd(12):  # the table namespace's name spelled with a reference: the same binding to expat
            declarations[1] = self.attribute(f"xmlns:{t}", TABLE.replace("urn", "&#117;rn"), raw=True)
        sheets = "".join(self.table() for _ in range(1 + self.count(2)))
        content = f"<{o}:body><{o}:spreadsheet>{sheets}</{o}:spreadsheet></{o}:body>"
        if self.odd(8):
            content = (
                f'<{o}:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
                f'style:name="ta1" style:family="table"/></{o}:automatic-styles>' + content
            )
        if self.odd(12):
            content = self.pick(["<!-- c -->", "<?pi x?>", "<![CDATA[<t>]]>"]) + content
        if self.odd(12):  # a declaration below the root (here, what the scan must see and hand on)
            declared = f' xmlns:{self.pick([o, t, "q"])}="{self.pick([OFFICE, TABLE, "x:y"])}"'
            content = re.sub(f"<{t}:table-row(?=[ \\t\\n/>])", lambda m: m.group() + declared, content, count=1)
        prolog = self.pick(['<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="UTF-8"?>', ""])
        if self.odd(16):
            prolog = "\ufeff" + prolog
        root = f"{o}:document-content"
        return f"{prolog}<{root}{''.join(declarations)} {o}:version='1.3'>{content}</{root}>"


def document(plain: bool = False) -> st.SearchStrategy[str]:
    build: Callable[[bytes], str] = lambda choices: Writer(choices, plain).document()  # noqa: E731
    return st.binary(min_size=400, max_size=1500).map(build)
