"""Scenarios built on a design: who would hold its unnamed seats."""

from __future__ import annotations

__all__ = ["with_holders"]

from typing import TYPE_CHECKING

from unsclab.errors import DesignError

if TYPE_CHECKING:
    from unsclab.designs.model import Design


def with_holders(design: Design, codes, kinds: tuple[str, ...] = ("permanent",)
                 ) -> tuple[Design, list[str]]:
    """:meth:`unsclab.designs.model.Design.with_holders` (its docstring says what it does)."""
    from unsclab import states
    from unsclab.designs.model import Design

    data = design.model_dump()
    named = set(design.named_holders)
    unplaced: list[str] = []
    placed: list[str] = []
    for raw in codes:
        code = raw.strip().upper()
        if not states.known_state(code):
            raise DesignError(f"unknown state code {code!r}; expected an ISO3 code of a UN "
                              "member state", field="holders")
        if code in named:
            continue
        group = states.state(code).group
        for seat in data["seats"]:
            free = seat["count"] - len(seat["holders"])
            fits = seat["group"] == group or seat["group"] == "open"
            allowed = not seat["eligible"] or code in seat["eligible"]
            if seat["kind"] in kinds and free > 0 and fits and allowed:
                seat["holders"] = (*seat["holders"], code)
                named.add(code)
                placed.append(code)
                break
        else:
            unplaced.append(code)
    if placed:
        data["id"] = f"{design.id}-holders"
        data["assumptions"] = (*data["assumptions"], {
            "field": "seats.holders",
            "note": f"Scenario, not part of the proposal: {', '.join(placed)} assumed to hold "
                    f"unnamed {'/'.join(kinds)} seats."})
    return Design.model_validate(data), unplaced
