"""Plain result values: how a file is named in reports."""

from __future__ import annotations

import os
from pathlib import Path

from ovop_assess.results import file_label


def test_a_utf8_name_is_kept_as_it_is() -> None:
    assert file_label(Path("regions/kauman-batik.yaml")) == "regions/kauman-batik.yaml"
    assert file_label("Sêmbuh/région ✓.yaml") == "Sêmbuh/région ✓.yaml"
    assert file_label("a\\xe9.yaml") == "a\\xe9.yaml"  # a real backslash stays one


def test_bytes_that_are_not_utf8_are_written_as_escapes() -> None:
    name = os.fsdecode(b"b8/r\xe9gion.yaml")  # Latin-1 é: a lone surrogate in Python's str
    label = file_label(Path(name))
    assert label == "b8/r\\xe9gion.yaml"
    assert label.encode("utf-8")  # valid UTF-8, whatever the output
    # UTF-8 around the bad byte is decoded; only the bad bytes are escaped.
    assert file_label(os.fsdecode("é/".encode() + b"\xff\xfe.yaml")) == "é/\\xff\\xfe.yaml"
