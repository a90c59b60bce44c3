"""NIB1 firms-hold-nib: the sentra's firms hold a Nomor Induk Berusaha (NIB).

What it checks
    The share of the listed firms that have a ``nib`` (13 digits; the region
    format already rejects any other shape) is at least ``min_share``.

Why
    "Firms ready to hold business licences" is one of the stated goals of
    sentra support in the evaluation of OVOP in Surakarta; the NIB is the
    business identification number issued through OSS. A province may make
    it a condition, or an advisory check, of its proposals.

Status
    pass when the share reaches ``min_share``; fail below it (score = the
    share); unknown when ``firms`` is absent; fail when ``firms: []``.

Parameters
    min_share (number in (0, 1], default 1.0): share of firms that must have
    a NIB.

Passing fragment
    firms:
      - {name: A, role: champion, nib: "0123456789012"}

Failing fragment
    firms:
      - {name: A, role: champion, nib: "0123456789012"}
      - {name: B, role: member}
"""

from __future__ import annotations

from pydantic import Field

from ovop_assess.results import Outcome, Status
from ovop_assess.rules.base import Facts, RuleParams, msg, result

ID = "NIB1"
NAME = "firms-hold-nib"
TITLE = {
    "en": "The sentra's firms hold a business identification number (NIB)",
    "id": "Usaha di sentra memiliki Nomor Induk Berusaha (NIB)",
}

DOC_ID = """NIB1 firms-hold-nib: usaha di sentra memiliki Nomor Induk Berusaha (NIB).

Yang diperiksa
    Proporsi usaha tercantum yang mempunyai ``nib`` (13 digit; format
    berkas wilayah sudah menolak bentuk lain) sekurang-kurangnya
    ``min_share``.

Alasan
    "Menyiapkan perusahaan untuk memiliki ijin usaha" adalah salah satu
    tujuan pembinaan sentra yang disebut dalam evaluasi OVOP di Surakarta;
    NIB adalah nomor identitas berusaha yang diterbitkan melalui OSS.
    Provinsi dapat menjadikannya syarat, atau pemeriksaan anjuran, bagi
    usulannya.

Status
    dipenuhi (``pass``) bila proporsinya mencapai ``min_share``; tidak
    dipenuhi (``fail``) bila di bawahnya (skor = proporsinya); belum
    diketahui (``unknown``) bila ``firms`` tidak diisi; tidak dipenuhi bila
    ``firms: []``.

Parameter
    min_share (bilangan dalam (0, 1], bawaan 1.0): proporsi usaha yang
    wajib memiliki NIB.

Contoh yang dipenuhi
    firms:
      - {name: A, role: champion, nib: "0123456789012"}

Contoh yang tidak dipenuhi
    firms:
      - {name: A, role: champion, nib: "0123456789012"}
      - {name: B, role: member}
"""

MESSAGES = {
    "nib1.ok": {
        "en": "{count} of {total} firms hold a NIB.",
        "id": "{count} dari {total} usaha memiliki NIB.",
    },
    "nib1.short": {
        "en": "{count} of {total} firms hold a NIB (at least {share}% needed); without one: {names}.",
        "id": "{count} dari {total} usaha memiliki NIB (minimal {share}%); belum memiliki: {names}.",
    },
    "nib1.no_firms": {"en": "No firm is listed.", "id": "Tidak ada usaha yang tercantum."},
    "nib1.firms_absent": {"en": "The sentra's firms are not listed yet.", "id": "Usaha di sentra belum didaftar."},
    "missing.nib1": {
        "en": "a NIB for {count} more firm(s): {names}",
        "id": "NIB untuk {count} usaha lagi: {names}",
    },
}


class Params(RuleParams):
    min_share: float = Field(1.0, gt=0, le=1)


def check(facts: Facts, params: Params) -> Outcome:
    firms = facts.region.firms
    if firms is None:
        return result(Status.UNKNOWN, 0.0, [facts.finding("nib1.firms_absent")], missing=[msg("missing.firms")])
    if not firms:
        return result(Status.FAIL, 0.0, [facts.finding("nib1.no_firms", ("firms",))], missing=[msg("missing.firms")])
    without = [(i, f.name) for i, f in enumerate(firms) if f.nib is None]
    total = len(firms)
    count = total - len(without)
    share = count / total
    if share >= params.min_share:
        return result(Status.PASS, 1.0, [facts.finding("nib1.ok", ("firms",), count=count, total=total)])
    needed = -(-params.min_share * total // 1)  # ceiling without floats drifting below
    names = tuple(name for _, name in without[:5]) + (("…",) if len(without) > 5 else ())
    return result(
        Status.FAIL,
        share,
        [
            # At the first firm without one: its empty NIB cell in a spreadsheet, the firm's entry in YAML.
            facts.absent(
                "nib1.short",
                ("firms", without[0][0], "nib"),
                count=count,
                total=total,
                share=round(params.min_share * 100),
                names=names,
            )
        ],
        missing=[msg("missing.nib1", count=int(needed) - count, names=names)],
    )
