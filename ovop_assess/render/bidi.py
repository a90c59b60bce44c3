"""Text from a region file inside the tool's own sentences, safe for bidirectional display.

A firm named "Batik \u202eSari" would otherwise reverse the rest of the
sentence around it in a browser (the HTML checklist, a pull-request comment,
a CI annotation). Values are wrapped in an isolate only when they hold a bidi
control character, so every ordinary name is output byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ..messages import Lang, render
from ..results import Message

#: Characters that change the direction of the text around them: the embeddings and
#: overrides (LRE, RLE, PDF, LRO, RLO), the isolates (LRI, RLI, FSI, PDI) and the marks
#: (LRM, RLM, ALM).
BIDI_CONTROLS: Final[str] = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_FSI, _PDI = "\u2068", "\u2069"
_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")


def isolate(value: str) -> str:
    """``value`` as a bidi isolate when it holds a bidi control character; otherwise unchanged.

    Inside FSI … PDI the value's own controls act on the value only: the
    closing PDI ends every embedding and override opened in it. So that it
    also ends the value's isolate, a PDI that closes nothing of the value's
    own is dropped, and isolates the value leaves open are closed first.
    """
    if not _BIDI.search(value):
        return value
    kept: list[str] = []
    depth = 0
    for char in value:
        if char in _ISOLATE_OPENERS:
            depth += 1
        elif char == _PDI:
            if depth == 0:
                continue  # would close our isolate, letting the rest of the value loose
            depth -= 1
        kept.append(char)
    return _FSI + "".join(kept) + _PDI * depth + _PDI


def isolated(value: Any) -> Any:
    """A message value (or message) with every text in it isolated; numbers and dates stay as they are."""
    if isinstance(value, Message):
        return Message(value.id, {key: isolated(item) for key, item in value.values.items()})
    if isinstance(value, str):
        return isolate(value)
    if isinstance(value, tuple):
        return tuple(isolated(item) for item in value)
    if isinstance(value, Mapping):  # a text given in both languages (a criteria set's, a plugin rule's reading)
        return {key: isolated(item) for key, item in value.items()}
    return value


def render_isolated(message: Message, lang: Lang) -> str:
    """A catalogue message in ``lang`` with every value from the region file isolated."""
    return render(isolated(message), lang)
