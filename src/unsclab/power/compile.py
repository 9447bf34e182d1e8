"""Compile a :class:`~unsclab.designs.Design` into a simple game over its seats.

The players are the design's seats (``Design.seat_list()`` order: class by class, named holders
first). The winning coalitions are the sets of seats whose affirmative votes adopt a
substantive decision under :func:`unsclab.rules.decide` in the binary a-priori model (every seat
votes yes or no), as a conjunction of weighted conditions:

- the quota: at least ``rule.quota`` of all seats (weight 1 each);
- the veto: fewer than ``rule.veto.negatives`` negative votes among the seats of the veto
  classes, i.e. at least ``v − negatives + 1`` of the ``v`` veto seats vote yes (deferred vetoes
  are not exercised, so they add nothing);
- each extra majority clause: at least ``at_least`` yes among the seats of its classes;
- a weighted quota (``rule.weighted_quota``): the yes seats' vote weights sum to at least it
  (Strand & Rapkin 2011; :mod:`unsclab.designs.sharing`). The count quota is then left out
  when the weighted one implies it (``ceil(weighted_quota / heaviest weight) >= quota``), which
  changes no coalition's outcome and keeps the game a single weighted condition.

A seat shared by a regional organisation is one player, like any other seat.

In the binary model a veto holder's abstention counts as not voting yes, so the Charter game is
the classic ``[39; 7×5, 1×10]`` (Felsenthal & Machover 1998, §3.3). The veto condition also
carries the practice that an abstention is not a veto (unless ``veto.abstention_blocks``), which
the ternary indices (:mod:`unsclab.power.ternary`) and :meth:`CompositeGame.passes` read, so the
compiled game passes a yes / abstain / no roll call exactly when :func:`unsclab.rules.decide`
adopts it.
"""

from __future__ import annotations

__all__ = ["compile_design", "seat_names", "seat_unions"]

from unsclab.designs.model import Design
from unsclab.power.games import CompositeGame, Condition, quota_condition, veto_condition
from unsclab.power.union import UnionGame


def seat_names(design: Design) -> list[str]:
    """Player names of the compiled game: the holder's ISO3, or ``class-k`` for unnamed seats."""
    return [seat.name for seat in design.seat_list()]


def seat_unions(design: Design, specs) -> list[list[int]]:
    """Seats of each bloc acting as an a priori union (for ``owen`` and ``banzhaf_owen``).

    A spec is a built-in bloc id (``P5``, ``G4``; :mod:`unsclab.blocs`: the seats its members
    hold by name) or ``NAME=TOKEN,TOKEN`` where a token is a seat class id (all its seats, e.g.
    the three ``elected-africa`` seats for the A3), a seat name or the ISO3 code of a named
    holder. A bloc none of whose members holds a seat of the design is refused.
    """
    from unsclab.blocs import BLOCS, bloc
    from unsclab.errors import GameError

    seats = design.seat_list()
    out = []
    for spec in specs:
        text = spec.strip()
        if "=" in text:
            name, _, rest = text.partition("=")
            tokens = [t.strip() for t in rest.split(",") if t.strip()]
        elif text.upper() in {b.upper() for b in BLOCS}:
            name, tokens = text, list(bloc(text).members)
        else:
            raise GameError(f"{spec!r}: expected a built-in bloc ({', '.join(BLOCS)}) "
                            f"or NAME=CLASS-OR-SEAT,...", field="--union")
        members = sorted({i for i, s in enumerate(seats)
                          if s.seat_class in tokens or s.name in tokens or s.holder in tokens})
        if not members:
            raise GameError(f"{name.strip()!r}: no seat of {design.id} belongs to it "
                            f"(seat classes: {', '.join(c.id for c in design.seats)})",
                            field="--union")
        out.append(members)
    return out


def compile_design(design: Design, *, procedural: bool = False) -> CompositeGame | UnionGame:
    """The simple game of a design's substantive (or procedural) decisions.

    A rule with ``alternatives`` compiles to a :class:`~unsclab.power.union.UnionGame`: the
    main rule's conditions, or any alternative's (substantive decisions only).

    >>> from unsclab.designs import load_design
    >>> g = compile_design(load_design("status-quo"))
    >>> g.n, [c.quota for c in g.conditions]
    (15, [9, 5])
    """
    seats = design.seat_list()
    rule = design.rule
    names = tuple(seat_names(design))
    main = CompositeGame(_conditions(seats, rule.procedural if procedural else rule.quota,
                                     None if procedural else rule.veto, rule.majorities,
                                     procedural, rule.weighted_quota), names)
    if procedural or not rule.alternatives:
        return main
    alts = [CompositeGame(_conditions(seats, alt.quota, alt.veto, alt.majorities, False), names)
            for alt in rule.alternatives]
    return UnionGame([main, *alts], names)


def _conditions(seats, quota: int, veto, majorities, procedural: bool,
                weighted_quota: int | None = None) -> tuple[Condition, ...]:
    n = len(seats)
    conditions: list[Condition] = []
    if weighted_quota is not None:
        heaviest = max(s.weight for s in seats)
        implied = -(-weighted_quota // heaviest)  # fewest seats that can reach the weight
        conditions.append(Condition(tuple(s.weight for s in seats), weighted_quota, "weighted"))
        if implied < quota:
            conditions.append(quota_condition(n, quota))
    else:
        conditions.append(quota_condition(n, quota))
    if veto is not None and veto.classes:
        holders = [i for i, s in enumerate(seats) if s.seat_class in veto.classes]
        conditions.append(veto_condition(n, holders, veto.negatives,
                                         abstention_blocks=veto.abstention_blocks))
    for maj in majorities:
        if procedural and maj.applies_to != "all":
            continue
        weights = tuple(1 if s.seat_class in maj.classes else 0 for s in seats)
        conditions.append(Condition(weights, maj.at_least, "majority"))
    return tuple(conditions)
