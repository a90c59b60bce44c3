"""The office profile (``office.yaml``): who assesses, for the letterhead and signature blocks of a page.

The round report and, with ``--office``, the checklist carry the assessing
office's identity so the page can be attached to a letter. The file is read
with the region file's loader and checked like one: every problem at once,
each with its line. A bad profile stops the run as a usage error (exit 2),
as a bad criteria set does: it configures the run, it is not a candidate.

The profile holds only what the office wrote: the tool adds no legal
wording of its own to a page that carries it.
"""

from __future__ import annotations

import base64
import os
import re
import stat
from pathlib import Path
from typing import Annotated, NamedTuple

from pydantic import Field, ValidationError

from .errors import UsageError
from .results import Finding, Location, Message, file_label
from .sizes import fmt_bytes
from .strict_model import StrictModel, Text
from .yaml_source import Limits, LoadError, PathKey, Positions, format_path, load_file

#: A NIP (Nomor Induk Pegawai) is 18 digits, usually grouped 8-6-1-3: ``19700101 199003 1 001``.
NIP_PATTERN = r"^[0-9]{8} ?[0-9]{6} ?[0-9] ?[0-9]{3}$"
#: A logo is embedded in the page; one larger than this would bloat every page that carries it.
MAX_LOGO_BYTES = 1_000_000
_LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}


class Contact(StrictModel):
    phone: Text | None = None
    email: Text | None = None
    website: Text | None = None


class Signatory(StrictModel):
    name: Text
    nip: Annotated[str, Field(pattern=NIP_PATTERN)] | None = None
    position: Text


class Office(StrictModel):
    """The whole ``office.yaml``."""

    office: Text
    government: Text | None = None
    address: Text | None = None
    contact: Contact | None = None
    logo: str | None = None  # a PNG, JPEG or SVG file, relative to office.yaml
    place: Text | None = None  # the town of the place-and-date line: "Purwakarta, 1 Desember 2026"
    signatories: Annotated[list[Signatory], Field(max_length=4, default_factory=list)]


class OfficeProfile(NamedTuple):
    """A checked profile, ready for a page: the office's words and its logo as a ``data:`` URI."""

    office: Office
    logo: str | None  # data:image/png;base64,… (None without a logo)
    file: str  # the profile's label, for messages
    warnings: tuple[Finding, ...] = ()  # values still the template's examples (said on stderr, not fatal)
    logo_file: Path | None = None  # where the logo was read from: an input no --output may replace


class OfficeInvalid(UsageError):
    """``office.yaml`` cannot be used; ``details`` lists every problem with its line."""


def load_office(path: Path, limits: Limits | None = None) -> OfficeProfile:
    """The profile at ``path``, or :class:`OfficeInvalid` listing every problem."""
    from .schema_errors import translate

    label = file_label(path)
    try:
        loaded = load_file(path, limits or Limits(), region=False)
    except LoadError as exc:
        raise _invalid(label, exc.findings) from None
    findings = list(loaded.problems)
    office: Office | None = None
    if not isinstance(loaded.data, dict):
        findings.append(Finding(Message("office.top_not_mapping", {}), loaded.positions.value(())))
    else:
        try:
            office = Office.model_validate(loaded.data)
        except ValidationError as exc:
            errors = exc.errors(include_input=False)
            findings.extend(translate(error, loaded.positions, root=Office) for error in errors)
    logo: str | None = None
    if office is not None and office.logo is not None:
        where = loaded.positions.value(("logo",))
        logo_or_problem = _logo(path.parent / office.logo, where)
        if isinstance(logo_or_problem, Finding):
            findings.append(logo_or_problem)
        else:
            logo = logo_or_problem
    if findings or office is None:
        raise _invalid(label, sorted(findings, key=_line))
    logo_file = path.parent / office.logo if office.logo is not None else None
    return OfficeProfile(office, logo, label, _template_leftovers(office, loaded.positions), logo_file)


def _template_leftovers(office: Office, positions: Positions) -> tuple[Finding, ...]:
    """A warning for each value still equal to the template's example: it would go into a letter as it is."""
    import yaml

    # The template's contact block is commented out: its sample values count once uncommented.
    uncommented = re.sub(r"^# (contact:|  (?:phone|email|website):)", r"\1", office_template(), flags=re.M)
    sample = yaml.safe_load(uncommented)
    signer = sample["signatories"][0]
    given: list[tuple[PathKey, str | None, object]] = [
        ((key,), getattr(office, key), sample.get(key)) for key in ("office", "government", "address", "place")
    ]
    if office.contact is not None:
        given += [
            (("contact", key), getattr(office.contact, key), sample["contact"][key])
            for key in ("phone", "email", "website")
        ]
    for index, person in enumerate(office.signatories):
        given += [(("signatories", index, "name"), person.name, signer["name"])]
        given += [(("signatories", index, "nip"), person.nip, signer["nip"])]
    return tuple(
        Finding(
            Message("warn.template_kept", {"field": format_path(path), "value": value}),
            positions.value(path),
        )
        for path, value, example in given
        if value is not None and value == example
    )


def _line(finding: Finding) -> int:
    return finding.location.line or 0 if finding.location is not None else 0


def _invalid(label: str, findings: list[Finding]) -> OfficeInvalid:
    return OfficeInvalid(Message("office.invalid", {"count": len(findings)}), file=label, details=tuple(findings))


def _logo(path: Path, where: Location) -> str | Finding:
    """The logo as a ``data:`` URI, or the problem with it, located at the ``logo`` field."""
    kind = _LOGO_TYPES.get(path.suffix.lower())
    if kind is None:
        return Finding(Message("office.logo_type", {"path": file_label(path)}), where)
    try:
        # Non-blocking, and only a regular file: a FIFO or a device named as the logo must not hang the run.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return Finding(Message("office.logo_unreadable", {"path": file_label(path)}), where)
            data = handle.read(MAX_LOGO_BYTES + 1)
    except (OSError, ValueError):
        return Finding(Message("office.logo_unreadable", {"path": file_label(path)}), where)
    if len(data) > MAX_LOGO_BYTES:
        return Finding(
            Message("office.logo_too_large", {"path": file_label(path), "limit": fmt_bytes(MAX_LOGO_BYTES)}), where
        )
    if not _looks_like(kind, data):  # a page with a broken image is worse than an error now
        return Finding(
            Message(
                "office.logo_not_image", {"path": file_label(path), "type": kind.split("/")[1].split("+")[0].upper()}
            ),
            where,
        )
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _looks_like(kind: str, data: bytes) -> bool:
    """Whether the bytes begin as an image of ``kind`` does (the signatures of PNG and JPEG; SVG's root element)."""
    if kind == "image/png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "image/jpeg":
        return data.startswith(b"\xff\xd8\xff")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in data[:65536].lower()


def office_schema() -> dict[str, object]:
    """The JSON Schema of ``office.yaml`` (``ovop-assess schema --office``)."""
    schema = Office.model_json_schema(mode="validation")
    body = {k: v for k, v in schema.items() if k not in ("title", "description")}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ovop-assess office profile (office.yaml)",
        "description": "The assessing office: letterhead and signature blocks of the round report and checklist.",
        **body,
    }


def office_template() -> str:
    """The commented ``office.yaml`` template that ``ovop-assess init --office`` writes."""
    from importlib import resources

    return resources.files("ovop_assess").joinpath("data/office-template.yaml").read_text(encoding="utf-8")
