"""The one pydantic base of what the tool reads: region files, criteria sets, rule cases, rule parameters."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Unknown keys are errors, values are never converted (YAML already typed them), and models are immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
