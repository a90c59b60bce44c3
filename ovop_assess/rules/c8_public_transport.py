"""C8 public-transport: the sentra is easy to reach by public transport.

What it checks
    ``access.public_transport`` lists at least one mode that stops near the
    sentra (``bus``, ``angkot``, ``train``, ...) and, when
    ``access.nearest_stop_m`` is given, the nearest stop is at most
    ``max_stop_distance_m`` metres away. Modes listed without
    ``nearest_stop_m`` pass with a warning: give the distance.

Why
    The eighth OVOP sentra criterion in the source document: the sentra
    location is easy to reach by public transport.
    The source's: easy access by public transport, with no distance.
    This tool's reading, not the source's: the distance threshold, 1000 m
    by default, which a criteria set may change; that a listed mode
    stopping near the sentra makes it easy to reach; and that without the
    distance the modes pass with a warning.

Status
    fail when the list is empty or the stop is too far (even if the modes
    are not listed yet); unknown when ``access`` or
    ``access.public_transport`` is absent. Score 0 or 1. An empty list
    says no public transport stops near the sentra: what is missing then
    is a route serving it (or a waiver of C8), not a longer list.

Parameters
    max_stop_distance_m (number > 0, default 1000).

Passing fragment
    access: {public_transport: [bus, angkot], nearest_stop_m: 200}

Failing fragment
    access: {public_transport: [bus], nearest_stop_m: 2500}
"""

from __future__ import annotations

from pydantic import Field

from ..results import Finding, Message, Outcome, Status
from .base import Facts, RuleParams, fmt_number, fmt_quantity, msg, result

ID = "C8"
NAME = "public-transport"
TITLE = {"en": "Access by public transport", "id": "Kemudahan akses dengan angkutan umum"}

DOC_ID = """C8 public-transport: sentra mudah dicapai dengan transportasi umum.

Yang diperiksa
    ``access.public_transport`` mencantumkan sekurang-kurangnya satu moda
    yang berhenti di dekat sentra (``bus``, ``angkot``, ``train``, ...) dan,
    bila ``access.nearest_stop_m`` diisi, tempat pemberhentian terdekat
    berjarak paling jauh ``max_stop_distance_m`` meter. Moda yang
    tercantum tanpa ``nearest_stop_m`` tetap dipenuhi dengan peringatan:
    isikan jaraknya.

Alasan
    Kriteria kedelapan sentra OVOP dalam dokumen sumber: "kemudahan akses ke
    lokasi sentra untuk dicapai transportasi umum".
    Dari sumber: akses yang mudah dengan angkutan umum, tanpa jarak.
    Tafsiran alat ini, bukan dari sumber: ambang jarak, bawaannya 1000 m,
    yang dapat diubah kumpulan kriteria; bahwa moda yang berhenti dekat
    sentra membuatnya mudah dicapai; dan bahwa tanpa jaraknya moda yang
    tercantum tetap dipenuhi dengan peringatan.

Status
    tidak dipenuhi (``fail``) bila daftarnya kosong atau tempat
    pemberhentiannya terlalu jauh (meskipun modanya belum dicantumkan);
    belum diketahui (``unknown``) bila ``access`` atau
    ``access.public_transport`` tidak diisi. Skor 0 atau 1. Daftar kosong
    berarti tidak ada angkutan umum yang berhenti dekat sentra: yang kurang
    adalah trayek yang melayaninya (atau pengecualian C8), bukan daftar yang
    lebih panjang.

Parameter
    max_stop_distance_m (bilangan > 0, bawaan 1000).

Contoh yang dipenuhi
    access: {public_transport: [bus, angkot], nearest_stop_m: 200}

Contoh yang tidak dipenuhi
    access: {public_transport: [bus], nearest_stop_m: 2500}
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The rule's own reading (``reading``), with the criteria set's distance
    "c8.reading": {
        "en": "a listed public-transport mode makes the sentra easy to reach; when the distance is given, the "
        "nearest stop at most {limit} m away; without it, a pass with a warning",
        "id": "moda angkutan umum yang tercantum membuat sentra mudah dicapai; bila jaraknya disebutkan, tempat "
        "pemberhentian terdekat paling jauh {limit} m; tanpa jarak, tetap dipenuhi dengan peringatan",
    },
    "c8.ok": {"en": "Reached by {modes}.", "id": "Dapat dicapai dengan {modes}."},
    "c8.ok_distance": {
        "en": "Reached by {modes}; the nearest stop is {distance} m away (at most {limit} m).",
        "id": "Dapat dicapai dengan {modes}; tempat pemberhentian terdekat berjarak {distance} m (maksimal {limit} m).",
    },
    "c8.distance_absent": {
        "en": "The distance to the nearest stop is not given (nearest_stop_m): C8 passes on the modes alone.",
        "id": "Jarak ke tempat pemberhentian terdekat belum diisi (nearest_stop_m): C8 dipenuhi hanya berdasarkan "
        "moda angkutan umum yang tercantum.",
    },
    "c8.too_far": {
        "en": "The nearest public-transport stop is {distance} m away; at most {limit} m.",
        "id": "Tempat pemberhentian angkutan umum terdekat berjarak {distance} m; maksimal {limit} m.",
    },
    "c8.empty": {
        "en": "No public transport serves the sentra.",
        "id": "Tidak ada angkutan umum yang melayani sentra.",
    },
    "c8.absent": {
        "en": "Public-transport access to the sentra is not stated yet.",
        "id": "Akses angkutan umum ke sentra belum dinyatakan.",
    },
    "missing.c8.modes": {
        "en": "list the public-transport modes that stop near the sentra",
        "id": "daftarkan jenis angkutan umum yang berhenti dekat sentra",
    },
    "missing.c8.route": {
        "en": "a public-transport route that stops near the sentra: none does now (public_transport is empty), "
        "so C8 cannot be met until one serves it, unless C8 is waived",
        "id": "trayek angkutan umum yang berhenti dekat sentra: saat ini tidak ada (daftar angkutan umum kosong), "
        "sehingga C8 tidak dapat dipenuhi sampai ada trayek yang melayaninya, kecuali C8 dikecualikan",
    },
    "missing.c8.closer": {
        "en": "a public-transport stop within {limit} m of the sentra",
        "id": "tempat pemberhentian angkutan umum dalam jarak {limit} m dari sentra",
    },
}


class Params(RuleParams):
    max_stop_distance_m: float = Field(1000, gt=0)


def reading(params: Params) -> Message:
    """This tool's reading, with the criteria set's distance."""
    return msg("c8.reading", limit=fmt_quantity(params.max_stop_distance_m))


def check(facts: Facts, params: Params) -> Outcome:
    access = facts.region.access
    limit = fmt_number(params.max_stop_distance_m)
    if access is None:
        return result(Status.UNKNOWN, 0.0, [facts.finding("c8.absent")], missing=[msg("missing.c8.modes")])
    distance = access.nearest_stop_m
    modes = access.public_transport
    failed: list[Finding] = []
    unknown: list[Finding] = []
    missing: list[Message] = []  # everything still needed, not only the first blocker
    closer: list[Message] = []  # a closer stop: listed after the modes
    if distance is not None and distance > params.max_stop_distance_m:
        failed.append(
            facts.finding("c8.too_far", ("access", "nearest_stop_m"), distance=fmt_number(distance), limit=limit)
        )
        closer.append(msg("missing.c8.closer", limit=limit))
    if modes is None:
        unknown.append(facts.finding("c8.absent", ("access",)))
        missing.append(msg("missing.c8.modes"))
    elif not modes:
        # Explicitly none: listing modes cannot help, a route has to serve the sentra.
        failed.append(facts.finding("c8.empty", ("access", "public_transport")))
        missing.append(msg("missing.c8.route"))
    missing.extend(closer)
    if failed:
        return result(Status.FAIL, 0.0, failed + unknown, missing=missing)
    if unknown:
        return result(Status.UNKNOWN, 0.0, unknown, missing=missing)
    listed = tuple(modes or ())  # neither absent nor empty by now
    where = ("access", "public_transport")
    if distance is None:
        # The modes alone pass it; how near they stop is what a reviewer would ask next.
        warning = facts.finding("c8.distance_absent", ("access",))
        return result(Status.PASS, 1.0, [facts.finding("c8.ok", where, modes=listed)], [warning])
    return result(
        Status.PASS,
        1.0,
        [facts.finding("c8.ok_distance", where, modes=listed, distance=fmt_number(distance), limit=limit)],
    )
