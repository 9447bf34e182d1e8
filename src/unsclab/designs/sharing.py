"""Weighted seats and seats shared by a regional organisation.

**Vote weights.** A seat class may carry a vote weight (``weight = 3``), or derive it from its
holder (``weight = {population = 1, gdp = 1, equal = 1, scale = 1000}``): a mix of the holder's
share of the 193 member states' population, of the square roots of their populations, of their
GDP, and an equal share ``1/193`` (sovereign equality), each counted ``part`` times, times
``scale`` (the weight of the whole membership), rounded to a whole number. Strand & Rapkin,
"Weighted voting in the United Nations Security Council: a simulation", *Simulation & Gaming* 42
(2011) 772–802, weigh the Council's members by population, contributions to the UN and a
measure of sovereign equality, mixed in three ways (read in the article's abstract; their
figures are not reproduced here, and GDP stands in for contributions, which the UN's scale of
assessments bases on national income). Weights count only under a weighted quota
(``rule.weighted_quota``): the sum of the weights of the seats voting yes must reach it.

**Shared seats.** A seat may be held jointly by a regional organisation (an EU or an AU seat,
as in the "EU acting as a single entity" reform Gould & Rablen appraise in "Reform of the United
Nations Security Council: equity and efficiency", working paper SERPS 2016009, 2016). The organisation casts the seat's one vote; its member states are listed
with a source; the seat's power is credited to them in proportion to ``split`` (population,
square root of population, or equally) wherever unsclab reports power by state, group or equity.
Unless ``members_hold_other_seats``, its members are represented by it alone: they hold no
other seat, named or elected (as in Gould & Rablen's scenario, where the EU's members leave the
regional groups).
"""

from __future__ import annotations

__all__ = ["DerivedWeight", "SharedSeat", "derived_weight", "class_weights", "member_shares",
           "holders_text", "sharing_lines", "MIX_PARTS"]

import math
import re
from fractions import Fraction
from typing import Literal

from pydantic import Field, StrictBool, StrictInt, field_validator, model_validator

from unsclab.designs import limits as L
from unsclab.designs.base import Frozen

#: The parts of a derived weight's mix, in the order they are documented.
MIX_PARTS = ("population", "sqrt_population", "gdp", "equal")
_ORG = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _part(description: str):
    return Field(0, ge=0, le=L.MAX_MIX_PART, description=description)


class DerivedWeight(Frozen):
    """A seat's vote weight derived from its holder's population and income (module docstring)."""

    population: StrictInt = _part("Parts of the holder's share of the members' population.")
    sqrt_population: StrictInt = _part(
        "Parts of its share of the square roots of the members' populations (Penrose 1946).")
    gdp: StrictInt = _part("Parts of its share of the members' GDP.")
    equal: StrictInt = _part("Parts of an equal share, 1/193 (sovereign equality).")
    scale: StrictInt = Field(ge=1, le=L.MAX_WEIGHT_SCALE,
                             description="Weight of the whole UN membership, before rounding.")
    note: str | None = Field(None, max_length=L.MAX_TEXT_CHARS)

    @model_validator(mode="after")
    def _some_part(self) -> DerivedWeight:
        if not any(getattr(self, p) for p in MIX_PARTS):
            raise ValueError(f"expected at least one part above 0 among {', '.join(MIX_PARTS)}")
        return self


class SharedSeat(Frozen):
    """A seat held jointly by a regional organisation on behalf of its member states."""

    holder: str = Field(description="Code of the organisation, e.g. 'EU' or 'AU'.")
    name: str = Field(min_length=1, max_length=L.MAX_NAME_CHARS,
                      description="Name of the organisation.")
    members: tuple[str, ...] = Field(max_length=L.MAX_UNION_MEMBERS,
                                     description="ISO3 codes of its member states.")
    source: str = Field(min_length=1, max_length=L.MAX_TEXT_CHARS,
                        description="Where the list of members can be read.")
    votes: Literal["organisation"] = Field(
        "organisation", description="How the seat votes: one vote cast by the organisation.")
    split: Literal["population", "sqrt-population", "equal"] = Field(
        "population", description="How the seat's power is credited to its members.")
    members_hold_other_seats: StrictBool = Field(
        False, description="Whether its members may also hold other seats of the council.")

    @field_validator("holder")
    @classmethod
    def _code(cls, value: str) -> str:
        if not _ORG.match(value):
            raise ValueError("expected the organisation's code in 2 to 8 upper-case letters or "
                             f"digits (e.g. 'EU', 'AU'), got {value!r}")
        return value

    @field_validator("members")
    @classmethod
    def _members(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("an empty union: expected the ISO3 codes of the organisation's "
                             "member states")
        for code in value:
            if not _ISO3.match(code):
                raise ValueError(f"expected ISO3 codes in upper case (e.g. 'DEU'), got {code!r}")
        repeated = sorted({c for c in value if value.count(c) > 1})
        if repeated:
            raise ValueError(f"each state may be listed once; repeated: {', '.join(repeated)}")
        return value


def check_weight(value: object) -> object:
    """``seats.weight`` before validation: a whole number in range, or a table (a mix)."""
    if value is None or isinstance(value, dict | DerivedWeight):
        return value
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("expected a whole-number vote weight or a table such as "
                         f"{{population = 1, scale = 1000}}, got {value!r}")
    if not 1 <= value <= L.MAX_SEAT_WEIGHT:
        raise ValueError(f"expected a vote weight from 1 to {L.MAX_SEAT_WEIGHT}, "
                         f"got {L.shown(value)}")
    return value


def _quantities() -> dict[str, dict[str, float]]:
    """Each member state's population, its square root, GDP and 1 (the parts of a mix)."""
    from unsclab.states import member_states

    out: dict[str, dict[str, float]] = {p: {} for p in MIX_PARTS}
    for s in member_states():
        pop = float(s.population or 0)
        out["population"][s.iso3] = pop
        out["sqrt_population"][s.iso3] = math.sqrt(pop)
        out["gdp"][s.iso3] = float(s.gdp_usd or 0)
        out["equal"][s.iso3] = 1.0
    return out


def derived_weight(spec: DerivedWeight, states: tuple[str, ...]) -> int:
    """The whole-number weight of a seat held by ``states`` (one state, or a shared seat's
    members): ``scale`` × the mix of their summed shares, rounded half up."""
    quantities = _quantities()
    parts = sum(getattr(spec, p) for p in MIX_PARTS)
    mix = 0.0
    for p in MIX_PARTS:
        if getattr(spec, p):
            values = quantities[p]
            mix += getattr(spec, p) * math.fsum(values.get(s, 0.0) for s in states) \
                / math.fsum(values.values())
    return math.floor(spec.scale * mix / parts + 0.5)


def class_weights(design) -> dict[str, int]:
    """Vote weight of one seat of each class of ``design``: its fixed ``weight``, the weight
    derived from its holder (or a shared seat's members), else 1."""
    out = {}
    for c in design.seats:
        if isinstance(c.weight, DerivedWeight):
            states = c.shared.members if c.shared is not None else c.holders
            out[c.id] = derived_weight(c.weight, tuple(states))
        else:
            out[c.id] = 1 if c.weight is None else c.weight
    return out


def member_shares(shared: SharedSeat) -> dict[str, Fraction]:
    """Each member's share of a shared seat's power (summing to 1), by ``shared.split``."""
    from unsclab.states import state

    if shared.split == "equal":
        raw = {m: Fraction(1) for m in shared.members}
    elif shared.split == "population":
        raw = {m: Fraction(state(m).population or 0) for m in shared.members}
    else:
        raw = {m: Fraction(math.sqrt(state(m).population or 0)) for m in shared.members}
    total = sum(raw.values())
    if total == 0:  # no population known: equal shares rather than a division by zero
        return {m: Fraction(1, len(raw)) for m in raw}
    return {m: v / total for m, v in raw.items()}


def holders_text(seat_class) -> str:
    """The holders of a class as a table cell: ISO3 codes, or the organisation of a shared seat."""
    if seat_class.shared is not None:
        return f"{seat_class.shared.holder} ({len(seat_class.shared.members)} members)"
    return ", ".join(seat_class.holders)


def sharing_lines(design) -> list[str]:
    """Sentences on a design's vote weights and shared seats (none for a plain design)."""
    lines = []
    if design.rule.weighted_quota is not None:
        weights = design.class_weights()
        each = ", ".join(f"{c.id} {weights[c.id]}" for c in design.seats)
        lines.append(f"Weighted quota: {design.rule.weighted_quota} of the {design.total_weight} "
                     f"vote weight in favour, on every decision (weight per seat: {each}).")
    for c in design.seats:
        if c.shared is not None:
            s = c.shared
            lines.append(f"Shared seat {c.id!r}: held by {s.name} ({s.holder}), one vote cast by "
                         f"the organisation, for {', '.join(s.members)}; its power is credited to "
                         f"them by {s.split.replace('-', ' ')}"
                         + ("" if s.members_hold_other_seats else
                            ", and they hold no other seat") + f". Members: {s.source}")
    return lines
