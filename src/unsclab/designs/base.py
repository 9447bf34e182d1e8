"""The base of every design model: immutable, strict, no unknown keys."""

from __future__ import annotations

__all__ = ["Frozen"]

from pydantic import BaseModel, ConfigDict


# Numbers and flags are strict (StrictInt, StrictBool): ``quota = true`` or ``"quota": "9"`` is
# refused, never read as 1 or 9.
class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)
