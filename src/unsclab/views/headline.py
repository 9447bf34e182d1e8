"""The numbers a comparison shows for one design (the compare page and ``/api/compare``)."""

from __future__ import annotations

__all__ = ["headline", "REPLAY_KEYS"]

from typing import Any

#: the replay totals a comparison shows, as ``unsclab compare`` does
REPLAY_KEYS = ("since", "draws", "seed", "decisions", "adoption_rate", "vetoed_now_adopted",
               "adopted_now_failed", "changed", "historical_vetoed", "historical_adopted")


def headline(view: dict[str, Any]) -> dict[str, Any]:
    """The comparison row of one :func:`~unsclab.views.design.design_view`."""
    d = view["design"]
    power = view.get("power") or {}
    rep = view.get("representation") or {}
    rp = view.get("replay")
    return {
        "id": d["id"], "name": d["name"], "year": d["year"], "seats": d["seats"],
        "permanent": d["permanent"], "long_term": d["long_term"], "elected": d["elected"],
        "quota": d["quota"], "veto_holders": d["veto_holders"],
        "veto_negatives": d["veto_negatives"],
        "ability_to_act": power.get("ability_to_act"),
        "p5_power_share": rep.get("p5_power_share"),
        "penrose_distance": rep.get("penrose_distance"),
        "gini_power_per_person": rep.get("gini_power_per_person"),
        "population_with_permanent_seat": rep.get("population_with_permanent_seat"),
        "occupancy_method": view.get("occupancy_method"),
        "replay": {k: rp[k] for k in REPLAY_KEYS} if rp else None,
    }
