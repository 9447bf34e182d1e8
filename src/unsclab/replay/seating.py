"""Stage 1 of the replay: who really sat, and in which of the design's seats.

Real members keep their seats where the design has one: named holders (the P5, and any named
new permanent member) sit in their own seats; the other real members fill the design's
non-permanent seats as :func:`unsclab.rules.seat_ballot` would — a seat of their own regional
group first, then an open seat, then any seat left. When the design has fewer such seats than
there were real elected members (the 1945 Charter's six seats after 1966), the ones who sit are
drawn later (:mod:`unsclab.replay.lottery`). What is left over are the **simulated seats**
(:class:`SimulatedSeat`), filled per draw by :mod:`unsclab.replay.holders`.
"""

from __future__ import annotations

__all__ = ["RealSeating", "SimulatedSeat", "SeatingTable", "seat_real_members", "seating_table",
           "simulated_seats", "state_group"]

from dataclasses import dataclass
from functools import cache

import numpy as np

from unsclab.designs.model import Design
from unsclab.groups import OPEN
from unsclab.replay.window import ReplayWindow

#: Kinds of simulated seat (:attr:`SimulatedSeat.kind`).
NEW_PERMANENT = "new-permanent"    # an unnamed permanent seat, held by a drawn state
LEFT_BY_PERMANENT = "left-by-permanent"  # the elected seat a drawn permanent holder vacated
ELECTED = "elected"                # an elected or long-term seat no real member fills
NAMED = "named"                    # a named holder (design) who did not really sit
SHARED = "shared"                  # a seat shared by an organisation (:mod:`.shared`)


@cache
def state_group(code: str) -> str | None:
    """The UN regional group of a state (None if unknown)."""
    from unsclab.states import state

    try:
        return state(code).group
    except KeyError:
        return None


@dataclass(frozen=True)
class SimulatedSeat:
    """A seat the record does not fill: its class, whether it carries a veto, the extra-majority
    clauses it counts in, and (kind :data:`NAMED`) its fixed holder or (kind :data:`SHARED`)
    the organisation's code."""

    kind: str
    seat_class: str
    number: int           # 0-based number among the seats of this kind and class
    veto: bool
    majorities: tuple[int, ...]
    holder: str | None = None

    @property
    def counts_only_yes(self) -> bool:
        """Only this seat's "yes" can change an outcome (no veto, no extra-majority clause)."""
        return not self.veto and not self.majorities


@dataclass
class RealSeating:
    """Where the real members of one decision sit under the design."""

    seat_of: dict[str, str]        # real member → seat class
    free_seats: dict[str, int]     # seat class → seats left for simulation
    overflow: list[str] | None     # real non-named members when they outnumber the seats
    overflow_seats: int            # seats for them in that case
    named_absent: list[str]        # named holders who did not sit


def _special_classes(design: Design) -> set[str]:
    special = set(design.rule.veto.classes) | set(design.rule.veto.deferred)
    for clause in design.rule.majorities:
        special |= set(clause.classes)
    return special


def _fits(seat_group: str, member_group: str | None, pass_: str) -> bool:
    return pass_ == "any" or (pass_ == "group" and seat_group == member_group) \
        or (pass_ == "open" and seat_group == OPEN)


def seat_real_members(design: Design, members: tuple[str, ...]) -> RealSeating:
    """Seat the real members of a decision as :func:`unsclab.rules.seat_ballot` does."""
    named = design.named_holders
    seat_of = {m: named[m] for m in members if m in named}
    # members of a shared seat that stands for them vote only through it (replay.shared)
    others = [m for m in members if m not in named and m not in design.represented]
    free = {c.id: 0 if c.shared else c.count - len(c.holders) for c in design.seats}
    special = _special_classes(design)
    # ordinary (plain) non-permanent classes first, as seat_ballot; then special ones
    plain = [c for c in design.seats if c.kind != "permanent" and c.id not in special]
    extra = [c for c in design.seats if c.kind != "permanent" and c.id in special]
    capacity = sum(free[c.id] for c in plain + extra)
    named_absent = [h for h in named if h not in seat_of]
    if len(others) > capacity:
        for c in plain + extra:
            free[c.id] = 0
        return RealSeating(seat_of, free, sorted(others), capacity, named_absent)
    for classes in (plain, extra):
        for pass_ in ("group", "open", "any"):
            for code in list(others):
                group = state_group(code)
                for c in classes:
                    if free[c.id] and _fits(c.group, group, pass_):
                        free[c.id] -= 1
                        seat_of[code] = c.id
                        others.remove(code)
                        break
    # unnamed permanent seats are filled by the draw, never by real members here
    return RealSeating(seat_of, free, None, 0, named_absent)


@dataclass(frozen=True)
class SeatingTable:
    """The real seating of every decision as arrays.

    ``per_decision[t]`` is decision ``t``'s :class:`RealSeating` (shared between decisions with
    the same members); ``class_of[t, j]`` the index (in ``design.seats``) of the seat of record
    column ``j``, −1 when it holds none; ``free_seats[cls][t]`` the seats of a class left empty.
    """

    per_decision: list[RealSeating]
    distinct: list[RealSeating]
    class_of: np.ndarray
    free_seats: dict[str, np.ndarray]

    @property
    def seated(self) -> np.ndarray:
        return self.class_of >= 0


def seating_table(design: Design, window: ReplayWindow) -> SeatingTable:
    """Seat the real members of every decision (computed once per distinct member set)."""
    cv = window.cv
    distinct = [seat_real_members(design, members) for members in window.member_sets]
    per_decision = [distinct[k] for k in window.member_set_of]
    class_pos = {c.id: i for i, c in enumerate(design.seats)}
    class_by_set = np.full((len(distinct), len(cv.states)), -1, dtype=np.int64)
    free_by_set = {c.id: np.zeros(len(distinct), dtype=np.int64) for c in design.seats}
    for i, seating in enumerate(distinct):
        for code, cls in seating.seat_of.items():
            class_by_set[i, cv.column(code)] = class_pos[cls]
        for cls, n in seating.free_seats.items():
            free_by_set[cls][i] = n
    free = {cls: n[window.member_set_of] for cls, n in free_by_set.items()}
    return SeatingTable(per_decision, distinct, class_by_set[window.member_set_of], free)


def simulated_seats(design: Design, distinct: list[RealSeating]) -> list[SimulatedSeat]:
    """The design's seats the record leaves empty somewhere in the period, in the order the
    draws fill them: unnamed permanent seats, the elected seats their holders may vacate,
    elected seats, named holders who did not sit."""
    veto = set(design.rule.veto.classes)

    def clauses(cls: str) -> tuple[int, ...]:
        return tuple(j for j, c in enumerate(design.rule.majorities) if cls in c.classes)

    unnamed = [(c, c.count - len(c.holders)) for c in design.seats
               if c.kind == "permanent" and c.count > len(c.holders) and not c.shared]
    seats = [SimulatedSeat(NEW_PERMANENT, c.id, s, c.id in veto, clauses(c.id))
             for c, n in unnamed for s in range(n)]
    seats += [SimulatedSeat(LEFT_BY_PERMANENT, c.id, s, False, ()) for c, n in unnamed
              for s in range(n)]
    for c in design.seats:
        if c.kind == "permanent" or c.shared:
            continue
        most_free = max((s.free_seats.get(c.id, 0) for s in distinct), default=0)
        seats += [SimulatedSeat(ELECTED, c.id, s, c.id in veto, clauses(c.id))
                  for s in range(most_free)]
    for holder, cls in design.named_holders.items():
        if any(holder in s.named_absent for s in distinct):
            seats.append(SimulatedSeat(NAMED, cls, 0, cls in veto, clauses(cls), holder=holder))
    for code, cls in design.organisations.items():
        seats.append(SimulatedSeat(SHARED, cls, 0, cls in veto, clauses(cls), holder=code))
    return seats
