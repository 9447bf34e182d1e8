"""Checks of a design that involve several fields; each problem names the field to fix.

Run by :class:`~unsclab.designs.model.Design` after its fields validate: unique class ids,
quotas within the council's size, vetoes and majorities naming existing classes, named holders
and eligible states known and of the right group, and enough eligible states for every unnamed
seat.
"""

from __future__ import annotations

__all__ = ["cross_problems"]

from collections.abc import Iterator
from typing import TYPE_CHECKING

from unsclab.designs.limits import MAX_SEAT_WEIGHT, MAX_SEATS
from unsclab.errors import Problem
from unsclab.groups import OPEN

if TYPE_CHECKING:
    from unsclab.designs.model import Design


def cross_problems(design: Design) -> Iterator[Problem]:
    """Problems that involve several fields; each names the field to fix."""
    ids = [c.id for c in design.seats]
    seen: set[str] = set()
    for i, cid in enumerate(ids):
        if cid in seen:
            yield Problem(f"seat class id {cid!r} is used twice; expected unique ids",
                          field=f"seats[{i + 1}].id")
        seen.add(cid)
    size = design.size
    if size > MAX_SEATS:
        yield Problem(f"{size} seats in all; expected at most {MAX_SEATS}, one per UN member state",
                      field="seats")
    rule = design.rule
    if not 1 <= rule.quota <= size:
        yield Problem(f"expected a quota between 1 and the council's {size} seats, got {rule.quota}",
                      field="rule.quota")
    if rule.procedural_quota is not None and not 1 <= rule.procedural_quota <= size:
        yield Problem(
            f"expected a procedural quota between 1 and the council's {size} seats, "
            f"got {rule.procedural_quota}",
            field="rule.procedural_quota",
        )
    yield from _rule_part_problems(design, rule.veto, rule.majorities, "rule", seen, ids)
    for k, alt in enumerate(rule.alternatives):
        at = f"rule.alternatives[{k + 1}]"
        if not 1 <= alt.quota <= size:
            yield Problem(f"expected a quota between 1 and the council's {size} seats, "
                          f"got {alt.quota}", field=f"{at}.quota")
        yield from _rule_part_problems(design, alt.veto, alt.majorities, at, seen, ids)
    owner: dict[str, str] = {}
    for i, c in enumerate(design.seats):
        for h in c.holders:
            if h in owner:
                yield Problem(f"{h} already holds a seat in class {owner[h]!r}",
                              field=f"seats[{i + 1}].holders")
            owner[h] = c.id
    yield from _holder_problems(design)
    yield from _shared_problems(design, owner)
    yield from _weight_problems(design)
    yield from _pool_problems(design)


def _rule_part_problems(design: Design, veto, majorities, at: str, seen: set[str],
                        ids: list[str]) -> Iterator[Problem]:
    """The veto and majority clauses of the rule (``at`` = "rule") or of an alternative."""
    known = ", ".join(repr(c) for c in ids)
    for key in ("classes", "deferred"):
        for name in getattr(veto, key):
            if name not in seen:
                yield Problem(f"no seat class {name!r}; expected one of {known}",
                              field=f"{at}.veto.{key}")
    both = set(veto.classes) & set(veto.deferred)
    if both:
        yield Problem(f"{', '.join(sorted(both))} cannot hold a veto and a deferred veto at once",
                      field=f"{at}.veto.deferred")
    holders = sum(c.count for c in design.seats if c.id in veto.classes)
    all_known = all(name in seen for name in veto.classes)
    if veto.classes and all_known and not 1 <= veto.negatives <= holders:
        yield Problem(
            f"expected between 1 and the {holders} veto holders' votes, got {veto.negatives}",
            field=f"{at}.veto.negatives",
        )
    if not veto.classes and veto.negatives != 1:
        yield Problem("a number of negative votes is given but no class holds a veto",
                      field=f"{at}.veto.negatives")
    if veto.deferred and veto.review_after_years is None:
        yield Problem("deferred vetoes need review_after_years (e.g. 15)",
                      field=f"{at}.veto.review_after_years")
    for j, maj in enumerate(majorities):
        missing = [n for n in maj.classes if n not in seen]
        for name in missing:
            yield Problem(f"no seat class {name!r}; expected one of {known}",
                          field=f"{at}.majorities[{j + 1}].classes")
        if not missing:
            pool = sum(c.count for c in design.seats if c.id in maj.classes)
            if maj.at_least > pool:
                yield Problem(f"expected at most the {pool} seats of those classes, got {maj.at_least}",
                              field=f"{at}.majorities[{j + 1}].at_least")


def _pool_problems(design: Design):
    """Every unnamed seat needs states to fill it: no more free seats than eligible states."""
    from unsclab.occupancy import seat_pool

    for i, c in enumerate(design.seats):
        free = c.count - len(c.holders)
        if free <= 0:
            continue
        pool = seat_pool(design, c)
        if free > len(pool):
            yield Problem(f"{free} unnamed seats but only {len(pool)} eligible states to fill them",
                          field=f"seats[{i + 1}].count")


def _holder_problems(design: Design):
    """Named holders and eligible states must be known states of the right group."""
    from unsclab import states

    for i, c in enumerate(design.seats):
        for key in ("holders", "eligible"):
            for code in getattr(c, key):
                if not states.known_state(code):
                    yield Problem(f"unknown state code {code!r}; expected an ISO3 code of a UN "
                                  "member state", field=f"seats[{i + 1}].{key}")
                    continue
                group = states.state(code).group
                if c.group != OPEN and group and group != c.group:
                    yield Problem(f"{code} belongs to {group}, not to this class's group {c.group}",
                                  field=f"seats[{i + 1}].{key}")


def _shared_problems(design: Design, owner: dict[str, str]) -> Iterator[Problem]:
    """A shared seat is one seat, held by a known organisation for known member states."""
    from unsclab import states

    codes: dict[str, str] = {}
    for i, c in enumerate(design.seats):
        if c.shared is None:
            continue
        at = f"seats[{i + 1}].shared"
        if c.count != 1:
            yield Problem(f"a shared seat is one seat; expected count = 1, got {c.count}",
                          field=f"seats[{i + 1}].count")
        if c.holders or c.eligible:
            key = "holders" if c.holders else "eligible"
            yield Problem(f"a shared seat is held by {c.shared.holder}; remove {key}",
                          field=f"seats[{i + 1}].{key}")
        code = c.shared.holder
        if states.known_state(code):
            yield Problem(f"{code!r} is the code of a member state; expected the code of the "
                          "organisation (e.g. 'EU', 'AU')", field=f"{at}.holder")
        elif code in codes:
            yield Problem(f"{code} already holds the shared seat {codes[code]!r}",
                          field=f"{at}.holder")
        codes[code] = c.id
        for m in c.shared.members:
            if not states.known_state(m):
                yield Problem(f"unknown member state {m!r}; expected an ISO3 code of a UN "
                              "member state", field=f"{at}.members")
            elif m in owner and not c.shared.members_hold_other_seats:
                yield Problem(f"{m} is represented by the shared seat of {code} and cannot "
                              f"also hold a seat in {owner[m]!r} (set "
                              "members_hold_other_seats = true to allow it)", field=f"{at}.members")


def _weight_problems(design: Design) -> Iterator[Problem]:
    """Weights count only under a weighted quota, which must be within the total weight; a
    derived weight needs a known holder, and seats of one class share one weight."""
    from unsclab.designs.sharing import DerivedWeight

    rule = design.rule
    weighted = [i for i, c in enumerate(design.seats) if c.weight is not None]
    if weighted and rule.weighted_quota is None:
        i = weighted[0]
        yield Problem("vote weights count only under a weighted quota; add "
                      "rule.weighted_quota or remove the weight", field=f"seats[{i + 1}].weight")
    if rule.weighted_quota is not None and rule.alternatives:
        yield Problem("rule.alternatives count seats, not weights: a weighted quota cannot be "
                      "combined with alternatives", field="rule.weighted_quota")
    for i, c in enumerate(design.seats):
        if not isinstance(c.weight, DerivedWeight):
            continue
        if c.shared is None and (c.count != 1 or len(c.holders) != 1):
            yield Problem("a derived weight needs its holder: one seat with a named holder "
                          "(or a shared seat), since the seats of a class share one weight",
                          field=f"seats[{i + 1}].weight")
    if not _weights_computable(design):
        return  # the holder problems above say what to fix first
    weights = design.class_weights()
    bad = False
    for i, c in enumerate(design.seats):
        bad = bad or not 1 <= weights[c.id] <= MAX_SEAT_WEIGHT
        if weights[c.id] < 1:
            yield Problem(f"the derived weight rounds to {weights[c.id]}; expected at least 1 "
                          "(raise scale or add an equal part)", field=f"seats[{i + 1}].weight")
        elif weights[c.id] > MAX_SEAT_WEIGHT:
            yield Problem(f"the derived weight is {weights[c.id]}; expected at most "
                          f"{MAX_SEAT_WEIGHT} (lower scale)", field=f"seats[{i + 1}].weight")
    total = design.total_weight
    if not bad and rule.weighted_quota is not None and not 1 <= rule.weighted_quota <= total:
        yield Problem(f"expected a weighted quota between 1 and the council's total weight "
                      f"{total}, got {rule.weighted_quota}", field="rule.weighted_quota")


def _weights_computable(design: Design) -> bool:
    """Whether every derived weight has known states to derive it from."""
    from unsclab import states
    from unsclab.designs.sharing import DerivedWeight

    for c in design.seats:
        if isinstance(c.weight, DerivedWeight):
            codes = c.shared.members if c.shared is not None else c.holders
            if not codes or not all(states.known_state(m) for m in codes):
                return False
    return True
