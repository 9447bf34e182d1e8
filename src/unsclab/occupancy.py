"""Who sits in which seat: expected occupancy of a design's seats by each state.

Named holders sit in their seats all the time. An unnamed seat rotates among the states eligible
for it. Until the elections model is used (``method="elections"``), the rotation is **uniform
within the seat's pool**: each eligible state holds a seat of the class for the same share of
time, ``free seats / eligible states``. This is a stated simplification, not a forecast: in
reality some states serve far more often (Japan and Brazil have each served 12 terms or more).

The pool of a class is, in order of precedence: its ``eligible`` list; else the UN member
states of its regional group; else (an ``open`` class) every UN member state. States that hold a
named seat anywhere in the design are left out of every pool, as are the members of a shared
seat that stands for them (:mod:`unsclab.designs.sharing`).

A seat held jointly by a regional organisation is "held" by its member states in proportion to
the seat's ``split``: Germany, with 18.6 % of the EU-27's population, holds 0.186 of an EU seat.
So per-state power, group power and the equity factors credit the seat's power to its members.
"""

from __future__ import annotations

__all__ = ["Occupancy", "uniform_occupancy", "seat_pool"]

from dataclasses import dataclass
from fractions import Fraction

from unsclab.designs.model import Design, SeatClass
from unsclab.designs.sharing import member_shares
from unsclab.groups import OPEN
from unsclab.states import group_members


@dataclass(frozen=True)
class Occupancy:
    """Expected share of time each state holds a seat of each class.

    ``by_class[class_id][iso3]`` is the expected number of seats of that class the state holds
    (between 0 and the class's seat count, ≤ 1 for rotating seats); summed over classes, it is
    the expected share of years the state sits on the Council.
    """

    design_id: str
    method: str
    by_class: dict[str, dict[str, Fraction]]

    def seats_of(self, iso3: str) -> Fraction:
        """Expected number of seats a state holds (its expected share of time on the Council)."""
        return sum((shares.get(iso3, Fraction(0)) for shares in self.by_class.values()),
                   Fraction(0))

    def years_per_decade(self, iso3: str) -> Fraction:
        """Expected years on the Council per ten years."""
        return 10 * self.seats_of(iso3)

    def states(self) -> list[str]:
        return sorted({s for shares in self.by_class.values() for s in shares})


def seat_pool(design: Design, seat_class: SeatClass) -> list[str]:
    """The states an unnamed seat of ``seat_class`` rotates among (see module docstring)."""
    named = set(design.named_holders) | set(design.represented)
    if seat_class.eligible:
        pool = list(seat_class.eligible)
    elif seat_class.group != OPEN:
        pool = group_members(seat_class.group)
    else:
        pool = group_members()
    return [s for s in pool if s not in named]


def uniform_occupancy(design: Design) -> Occupancy:
    """Occupancy with uniform rotation of unnamed seats within their pools (exact fractions)."""
    by_class: dict[str, dict[str, Fraction]] = {}
    for c in design.seats:
        if c.shared is not None:
            by_class[c.id] = member_shares(c.shared)
            continue
        shares = {h: Fraction(1) for h in c.holders}
        free = c.count - len(c.holders)
        if free:
            pool = seat_pool(design, c)
            if pool:
                # Design validation guarantees free <= len(pool), so each share is at most 1.
                each = Fraction(free, len(pool))
                for s in pool:
                    shares[s] = shares.get(s, Fraction(0)) + each
        by_class[c.id] = shares
    return Occupancy(design.id, "uniform rotation within group", by_class)
