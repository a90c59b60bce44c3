"""The cold cost of the area-table check in a fresh process: importing the table module, then one check.

    for i in $(seq 12); do .venv/bin/python bench/area_cold.py code; done | sort -n -k2 | head -1

Prints two figures in milliseconds: ``import ovop_assess.areas`` (after the
rest of the package a run imports anyway), and one ``check_region`` call:
``code`` (a kelurahan by its code, its four names compared), ``names`` (the
same kelurahan by its names, no code) or ``kec`` (a kecamatan in Papua by code).
"""

from __future__ import annotations

import sys
import time

from ovop_assess import area_check  # noqa: F401  (imported by validate in every run)

started = time.perf_counter()
from ovop_assess import areas  # noqa: E402  (timed)

imported = time.perf_counter()
if sys.argv[1:] == ["code"]:
    areas.check_region("33.72.03.1009", "Kauman", "kelurahan", "Pasar Kliwon", "Kota Surakarta", "Jawa Tengah")
elif sys.argv[1:] == ["names"]:
    areas.check_region(None, "Kauman", "kelurahan", "Pasar Kliwon", "Kota Surakarta", "Jawa Tengah")
else:
    areas.check_region("91.71.01", "Jayapura Utara", "kecamatan", None, "Kota Jayapura", "Papua")
done = time.perf_counter()
print(f"{(imported - started) * 1000:.2f} {(done - imported) * 1000:.2f}")
