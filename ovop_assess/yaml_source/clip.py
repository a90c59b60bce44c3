"""Text from a file, shortened for a message: shared by the loader and the validator."""

from __future__ import annotations


def clip(text: str, limit: int = 60) -> str:
    """Text from the file, short enough for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
