"""Who sits where when a ballot is decided under a design (:func:`seat_ballot`).

A ballot names states; the design has seat classes. States are seated where they belong:

1. **Named holders** (the P5, any named new permanent member) take their own seats.
2. **Seats the user names** (``Ballot.seats``, ``--seat ISO3=CLASS``) are taken as given, if
   the class has a free seat, the state is of its group (or the class is open) and eligible.
3. **Everyone else** takes a free *ordinary* seat of its own regional group, then an open one:
   the elected seats are allotted by group (GA resolution 1991 A (XVIII), para. 3), so Spain,
   the Netherlands and Belgium cannot sit in African seats. With ``groups="strict"`` (the
   default) a state that finds no seat of its group is an error; ``groups="loose"`` (for the
   historical record, whose groups have moved over the decades) seats it in any ordinary seat
   left and says so.
4. **Seats with other powers** — an unnamed veto seat, or a seat counted in an extra majority —
   are never filled silently. A state that could hold one (its group, free, eligible) and whose
   vote would count differently there (against, under a veto; in favour, for an extra
   majority) is refused with the ``--seat`` options to choose from. Otherwise it takes an
   ordinary seat; when its group has none left, it takes such a seat (its vote counts the same
   there) and ``warnings`` says so, as it names the seats left empty.
"""

from __future__ import annotations

__all__ = ["Seating", "seat_ballot"]

from collections.abc import Mapping
from dataclasses import dataclass, field

from unsclab import states
from unsclab.designs.model import Design, SeatClass
from unsclab.errors import BallotError


@dataclass(frozen=True)
class Seating:
    """ISO3 → seat class id, and what the user should know about the seating."""

    seats: dict[str, str]
    warnings: tuple[str, ...] = field(default=())


def _label(c: SeatClass) -> str:
    return c.label or c.id


def _fits(c: SeatClass, code: str) -> bool:
    group = states.state(code).group
    return (c.group in (group, "open")) and (not c.eligible or code in c.eligible)


def _special_classes(design: Design) -> dict[str, str]:
    """Classes whose holder's vote counts differently: class id → the vote that matters."""
    rules = [design.rule, *getattr(design.rule, "alternatives", ())]
    special = {c: "N" for r in rules for c in r.veto.classes}
    for r in rules:
        for maj in r.majorities:
            for c in maj.classes:
                special.setdefault(c, "Y")
    return special


def _named_seat(design: Design, code: str, cls_id: str, free: dict[str, int],
                named: Mapping[str, str], strict: bool) -> str:
    if code in named:
        if cls_id != named[code]:
            raise BallotError(f"{code} holds a named seat in {named[code]!r}, not {cls_id!r}",
                              field="--seat")
        return cls_id
    if cls_id not in free:
        known = ", ".join(c.id for c in design.seats)
        raise BallotError(f"{code} is given seat class {cls_id!r}; expected one of {known}",
                          field="--seat")
    c = design.seat_class(cls_id)
    if strict and not _fits(c, code):
        why = ("does not list it among its eligible states" if c.eligible and code not in c.eligible
               else f"is a {c.group} seat and {code} is in {states.state(code).group}")
        raise BallotError(f"{code} cannot sit in {cls_id!r}: the class {why}", field="--seat")
    if free[cls_id] == 0:
        raise BallotError(f"class {cls_id!r} has no free seat left for {code}", field="--seat")
    free[cls_id] -= 1
    return cls_id


def seat_ballot(design: Design, votes: Mapping[str, str], chosen: Mapping[str, str] | None = None,
                *, groups: str = "strict") -> Seating:
    """Seat the states of ``votes`` (ISO3 → vote) in ``design``, as the module docstring says.

    ``chosen`` maps ISO3 → seat class for the states the user seats; ``groups`` is "strict"
    or "loose". Raises :class:`BallotError` naming the states and the options to fix it.
    """
    chosen = chosen or {}
    named = {**design.named_holders, **design.organisations}
    represented = design.represented
    # a shared seat is its organisation's, like a named holder's
    free = {c.id: 0 if c.shared else c.count - len(c.holders) for c in design.seats}
    special = _special_classes(design)
    seats: dict[str, str] = {}
    for code in votes:
        if code in represented:
            org = design.seat_class(represented[code]).shared.holder
            raise BallotError(f"{code} is represented by the shared seat of {org}; give that "
                              f"seat's vote as {org} instead")
        if not states.known_state(code) and code not in named:
            raise BallotError(f"unknown state code {code!r}; expected the ISO3 code of a UN "
                              "member state" + (f" or {', '.join(design.organisations)}"
                                                if design.organisations else ""))
    for code in chosen:
        if code not in votes:
            raise BallotError(f"--seat {code}={chosen[code]}: {code} has no vote in the ballot")
    for code in votes:
        if code in named or code in chosen:
            seats[code] = _named_seat(design, code, chosen.get(code, named.get(code)), free,
                                      named, groups == "strict")
    rest = [code for code in votes if code not in seats]
    _refuse_ambiguous(design, votes, rest, free, special)
    plain = [c for c in design.seats if c.id not in special]
    before = dict(free)
    own = _fill(plain, rest, free, seats, lambda c, code: c.group == states.state(
        code).group and (not c.eligible or code in c.eligible))
    unplaced = _fill(plain, own, free, seats, _fits)
    warnings: list[str] = []
    if unplaced:  # seats with other powers, where this state's vote counts the same
        extra = [c for c in design.seats if c.id in special]
        blocks = design.rule.veto.abstention_blocks
        left = _fill(extra, unplaced, free, seats, lambda c, code: _fits(c, code) and votes[
            code] != special[c.id] and not (blocks and c.id in design.rule.veto.classes))
        moved = [code for code in unplaced if code not in left]
        if moved:
            warnings.append("seated in seats with other powers, where their votes count the "
                            "same: " + ", ".join(f"{code} in {seats[code]!r}" for code in moved)
                            + " (name another seat with --seat ISO3=CLASS)")
        unplaced = left
    if unplaced:
        problem = _out_of_group(design, rest, unplaced, before, plain)
        if groups == "strict":
            raise BallotError(problem + ": elected seats are allotted by regional group, so "
                              "these states cannot sit in another group's seats")
        left = _fill(plain, unplaced, free, seats, lambda c, code: True)
        if left:
            n = len(left)
            raise BallotError(f"{n} state{'s' if n > 1 else ''} find{'' if n > 1 else 's'} "
                              f"no free ordinary seat in {design.id!r}: {', '.join(left)}")
        warnings.append(problem + "; seated in: " + ", ".join(
            f"{code} in {seats[code]!r}" for code in unplaced))
    warnings += _empty_special_seats(design, free, special)
    return Seating(seats, tuple(warnings))


def _fill(classes, codes, free, seats, ok) -> list[str]:
    """Seat each of ``codes`` in the first class with a free seat where ``ok``; the rest."""
    left = []
    for code in codes:
        for c in classes:
            if free[c.id] > 0 and ok(c, code):
                free[c.id] -= 1
                seats[code] = c.id
                break
        else:
            left.append(code)
    return left


def _refuse_ambiguous(design, votes, rest, free, special) -> None:
    """A state whose vote would count differently in a free seat with other powers: refuse."""
    problems = []
    for code in rest:
        for cls_id, matters in special.items():
            c = design.seat_class(cls_id)
            if free[cls_id] > 0 and _fits(c, code) and votes[code] == matters:
                ordinary = [o.id for o in design.seats if o.id not in special and _fits(o, code)
                            and free[o.id] > 0]
                power = "a veto" if cls_id in design.rule.veto.classes else "an extra majority"
                options = " or ".join(f"--seat {code}={o}" for o in [cls_id, *ordinary[:1]])
                problems.append(
                    f"{code} votes {'against' if matters == 'N' else 'in favour'} and could hold "
                    f"a seat of {_label(c)!r}, with {power}, or an ordinary seat; the outcome "
                    f"depends on which: say {options}")
                break
    if problems:
        raise BallotError("; ".join(problems), field="--seat")


def _out_of_group(design, rest, unplaced, free, plain) -> str:
    """'3 WEOG states (ESP, NLD, BEL) for 2 free ordinary WEOG seats in 'status-quo''."""
    parts = []
    for group in dict.fromkeys(states.state(code).group for code in unplaced):
        codes = [code for code in rest if states.state(code).group == group]
        seats = sum(free[c.id] for c in plain if c.group == group)
        plural = "s" if len(codes) > 1 else ""
        parts.append(f"{len(codes)} {group} state{plural} ({', '.join(codes)}) for {seats} free "
                     f"ordinary {group} seat{'' if seats == 1 else 's'}")
    return "; ".join(parts) + f" in {design.id!r}"


def _empty_special_seats(design, free, special) -> list[str]:
    """A warning for each seat with other powers left empty (it counts as not voting)."""
    out = []
    for cls_id in special:
        if free[cls_id] > 0:
            c = design.seat_class(cls_id)
            power = ("has a veto" if cls_id in design.rule.veto.classes
                     else "counts in an extra majority")
            n = free[cls_id]
            out.append(f"{n} seat{'s' if n > 1 else ''} of {_label(c)!r} left empty (it "
                       f"{power}; counted as not voting): seat a state there with "
                       f"--seat ISO3={cls_id}")
    return out
