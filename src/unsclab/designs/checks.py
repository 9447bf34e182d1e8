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

from unsclab.designs.limits import MAX_SEATS
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
