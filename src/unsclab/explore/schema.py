"""The search space file's schema: limits, the pydantic models of its tables, the choice syntax.

A field's choices are a list (``count = [0, 1, 2]``), a range (``count = {min = 3, max = 6}``,
optional ``step``) or a single value; :func:`_choices` turns each into a tuple of distinct values.
The file's reference is the docstring of :mod:`unsclab.explore.space` and ``docs/explore.md``.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from unsclab.designs.model import check_group, check_slug
from unsclab.errors import UnsclabError
from unsclab.groups import OPEN

#: Choices of one field of a search space (a range such as ``count = {max = 100000000}`` once
#: tried to build a list of 10**8 values).
MAX_CHOICES = 1_000
#: Characters of one constraint (a 20,000-term sum overflowed Python's parser).
MAX_CONSTRAINT_CHARS = 2_000
#: Designs one search may evaluate.
MAX_BUDGET = 1_000_000

#: Spaces with at most this many combinations are enumerated in full (then sampled down to the
#: budget if needed); larger ones are sampled by rejection, seeded.
ENUMERATE_LIMIT = 250_000
P5 = ("CHN", "FRA", "RUS", "GBR", "USA")
VETO_RULES = ("one", "two", "none", "deferred")
FEATURE_HELP = (
    "size, quota, quota_fraction, veto, negatives, veto_holders, new_vetoes, deferred_vetoes, p5, "
    "p5_veto, permanent, long_term, elected, seats_G / permanent_G / long_term_G / elected_G / "
    "veto_G for G in AG, APG, EEG, GRULAC, WEOG, open; count_<family id>"
)


class SpaceError(UnsclabError):
    """A search space file that cannot be read, is invalid, or describes no council."""


def _choices(value: Any, kind: type, what: str) -> tuple:
    """A list / range table / single value → a tuple of distinct values of ``kind``."""
    if isinstance(value, dict):
        extra = set(value) - {"min", "max", "step"}
        if extra or "min" not in value or "max" not in value:
            raise ValueError(f"expected a range as {{min = …, max = …, step = …}}, got {value!r}")
        lo, hi, step = value["min"], value["max"], value.get("step", 1)
        for x in (lo, hi, step):
            _check_type(x, kind if kind is not bool else int, what)
        if step <= 0:
            raise ValueError(f"expected a positive step, got {step!r}")
        if lo > hi:
            raise ValueError(f"empty range: min {lo!r} is above max {hi!r}")
        n = math.floor((hi - lo) / step + 1e-9) + 1
        if n > MAX_CHOICES:  # refused by size, before a list of 10**8 values is built
            raise ValueError(f"the range has {n} values; expected at most {MAX_CHOICES} "
                             "choices per field (a larger step narrows it)")
        if kind is int:
            items = list(range(lo, hi + 1, step))
        else:
            count = int(math.floor((hi - lo) / step + 1e-9)) + 1
            items = [round(lo + i * step, 10) for i in range(count)]
    elif isinstance(value, list):
        items = value
        if len(items) > MAX_CHOICES:
            raise ValueError(f"{len(items)} choices; expected at most {MAX_CHOICES} per field")
    else:
        items = [value]
    if not items:
        raise ValueError("expected at least one choice; an empty list leaves nothing to search")
    out: list = []
    for x in items:
        _check_type(x, kind, what)
        x = float(x) if kind is float else x
        if x not in out:
            out.append(x)
    return tuple(out)


def _check_type(x: Any, kind: type, what: str) -> None:
    ok = (isinstance(x, bool) if kind is bool else
          isinstance(x, int) and not isinstance(x, bool) if kind is int else
          isinstance(x, (int, float)) and not isinstance(x, bool) if kind is float else
          isinstance(x, kind))
    if not ok:
        raise ValueError(f"expected {what}, got {x!r}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SearchSpec(_Strict):
    id: str = Field(description="Short id, lower-case letters, digits and hyphens; prefixes design ids.")
    name: str = ""
    year: int = Field(2025, ge=1945, le=2200)
    budget: int = Field(10_000, ge=1, le=MAX_BUDGET,
                        description="Evaluate at most this many designs (sample above).")
    seed: int = Field(0, ge=0, description="Seed of the sampling (the CLI's --seed overrides it).")
    chunk_size: int = Field(500, ge=1, description="Designs per Parquet part.")
    p5: bool = Field(True, description="Keep the five permanent members as named permanent seats.")
    review_after_years: int = Field(15, ge=1, description="Review of deferred vetoes (veto = deferred).")
    store_toml: bool = Field(False, description="Keep every design's TOML in the table (the front's "
                                                "is always kept; any row rebuilds its design).")

    _slug = field_validator("id")(classmethod(lambda cls, v: check_slug(v)))


class RuleSpec(_Strict):
    veto: Any = ("one",)
    quota: Any = None
    quota_fraction: Any = None

    @field_validator("veto")
    @classmethod
    def _veto(cls, v: Any) -> tuple:
        out = _choices(list(v) if isinstance(v, tuple) else v, str, "a veto rule")
        for x in out:
            if x not in VETO_RULES:
                raise ValueError(f"expected veto rules among {', '.join(VETO_RULES)}, got {x!r}")
        return out

    @field_validator("quota")
    @classmethod
    def _quota(cls, v: Any) -> tuple | None:
        if v is None:
            return None
        out = _choices(v, int, "a whole number of affirmative votes")
        if min(out) < 1:
            raise ValueError(f"expected quotas of at least 1, got {min(out)}")
        return out

    @field_validator("quota_fraction")
    @classmethod
    def _fraction(cls, v: Any) -> tuple | None:
        if v is None:
            return None
        out = _choices(v, float, "a fraction of the seats between 0 and 1")
        for x in out:
            if not 0 < x <= 1:
                raise ValueError(f"expected a fraction of the seats in (0, 1], got {x!r}")
        return out


class SeatFamily(_Strict):
    id: str | None = None
    kind: Literal["permanent", "long-term", "elected"]
    group: str = OPEN
    label: str | None = None
    count: Any
    veto: Any = (False,)
    term_years: Any = None
    re_eligible: Any = None
    eligible: tuple[str, ...] = ()
    eligible_bloc: str | None = None

    _slug = field_validator("id")(classmethod(lambda cls, v: v if v is None else check_slug(v)))
    _group = field_validator("group")(classmethod(lambda cls, v: check_group(v)))

    @field_validator("count")
    @classmethod
    def _count(cls, v: Any) -> tuple:
        out = _choices(v, int, "a whole number of seats")
        if min(out) < 0:
            raise ValueError(f"expected counts of at least 0, got {min(out)}")
        return out

    @field_validator("veto", "re_eligible")
    @classmethod
    def _bools(cls, v: Any) -> tuple | None:
        if v is None:
            return None
        return _choices(list(v) if isinstance(v, tuple) else v, bool, "true or false")

    @field_validator("term_years")
    @classmethod
    def _terms(cls, v: Any) -> tuple | None:
        if v is None:
            return None
        out = _choices(v, int, "a whole number of years")
        if min(out) < 1:
            raise ValueError(f"expected terms of at least 1 year, got {min(out)}")
        return out


class ConstraintSpec(_Strict):
    expr: str = Field(min_length=1)
    note: str | None = None


class ObjectiveSpec(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    name: str
    direction: Literal["maximise", "minimise"] | None = None
    label: str | None = None


class SpaceFile(_Strict):
    search: SearchSpec
    rule: RuleSpec = RuleSpec()
    seats: tuple[SeatFamily, ...] = Field(min_length=1)
    constraints: tuple[ConstraintSpec, ...] = ()
    objectives: tuple[ObjectiveSpec, ...] = Field(min_length=1)

