"""Representation and equality measures of a design (no history needed).

All measures take a design, the power of one seat of each seat class (from
:mod:`unsclab.power`), and the expected occupancy of seats by states
(:mod:`unsclab.occupancy`). Population comes from the committed members table (World Bank
SP.POP.TOTL, latest year; see ``data/SOURCES.md``).

Measures
--------
- **Seats and power by regional group** against each group's share of UN membership and of the
  member states' population.
- **Population with a permanent seat**: share of the member states' population living in a
  state that holds a permanent seat (expected, for unnamed permanent seats), or a member of
  an organisation holding a shared permanent seat.
- **Penrose square-root distance**: the total-variation distance ½ Σ|p_s − r_s| between each
  state's share of (normalised Banzhaf) power and its share of √population. Penrose's
  square-root law says a citizen's indirect power is equal across states when a state's power
  is proportional to the square root of its population: 0 is the Penrose ideal, 1 the farthest.
  Penrose, L. S. (1946), "The elementary statistics of majority voting", JRSS 109(1): 53–57;
  Słomczyński, W. & Życzkowski, K. (2006), "Penrose voting system and optimal quota", Acta
  Physica Polonica B 37(11): 3133–3143.
- **Gini of power per person**: the Gini coefficient of per-capita power across the world's
  people (population-weighted Lorenz curve of states ordered by power per person). 0 when every
  person's state has power proportional to its population; near 1 when few hold it all.
- **P5 share**: the permanent five's total share of power.
"""

from __future__ import annotations

__all__ = ["state_power", "group_table", "representation", "gini_weighted", "gini_weighted_array",
           "tv_distance"]

import math
from collections.abc import Mapping
from fractions import Fraction

from unsclab.designs.model import Design
from unsclab.groups import GROUPS
from unsclab.occupancy import Occupancy
from unsclab.states import member_states


def state_power(occupancy: Occupancy, per_seat: Mapping[str, Fraction | float]) -> dict[str, Fraction | float]:
    """Expected power of each state: Σ over classes of (expected seats held × power per seat)."""
    out: dict[str, Fraction | float] = {}
    for class_id, shares in occupancy.by_class.items():
        power = per_seat[class_id]
        for iso3, seats in shares.items():
            out[iso3] = out.get(iso3, 0) + seats * power
    return out


def tv_distance(p: Mapping[str, float], q: Mapping[str, float]) -> float:
    """Total-variation distance ½ Σ |p_i − q_i| between two share vectors (missing keys = 0)."""
    keys = sorted(set(p) | set(q))  # fsum: the same bits whatever the order (hash seed)
    return 0.5 * math.fsum(abs(p.get(k, 0.0) - q.get(k, 0.0)) for k in keys)


def gini_weighted(values: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """Gini coefficient of a quantity shared by weighted units (e.g. power among people).

    ``values[s]`` is the total held by unit ``s`` (a state's power), ``weights[s]`` its size (its
    population). The Lorenz curve orders units by value per weight; Gini = 1 − Σ ΔW (L_i + L_{i−1}),
    the trapezoid form for grouped data. See :func:`gini_weighted_array`.
    """
    import numpy as np

    keys = list(weights)
    return gini_weighted_array(np.array([float(values.get(k, 0.0)) for k in keys]),
                               np.array([float(weights[k]) for k in keys]))


def gini_weighted_array(values, weights) -> float:
    """:func:`gini_weighted` on aligned numpy arrays (units with zero weight are left out)."""
    import numpy as np

    keep = weights > 0
    v, w = values[keep], weights[keep]
    total_w, total_v = w.sum(), v.sum()
    if total_w == 0 or total_v == 0:
        return 0.0
    order = np.argsort(v / w, kind="stable")
    v, w = v[order], w[order]
    cum = np.cumsum(v) / total_v
    prev = np.concatenate(([0.0], cum[:-1]))
    return float(1.0 - ((w / total_w) * (cum + prev)).sum())


def _shares(values: Mapping[str, float]) -> dict[str, float]:
    total = sum(values.values())
    return {k: (v / total if total else 0.0) for k, v in values.items()}


def group_table(design: Design, occupancy: Occupancy, per_seat: Mapping[str, float]) -> list[dict]:
    """Per regional group: expected seats and power against membership and population shares."""
    members = member_states()
    pop = {s.iso3: float(s.population or 0) for s in members}
    world_pop = sum(pop.values())
    power = {k: float(v) for k, v in state_power(occupancy, per_seat).items()}
    total_power = sum(power.values())
    rows = []
    for g in GROUPS:
        states = [s.iso3 for s in members if s.group == g]
        seats = sum(float(occupancy.seats_of(s)) for s in states)
        g_power = sum(power.get(s, 0.0) for s in states)
        rows.append({
            "group": g,
            "members": len(states),
            "membership_share": len(states) / len(members),
            "population_share": sum(pop[s] for s in states) / world_pop,
            "seats": seats,
            "seat_share": seats / design.size,
            "power_share": g_power / total_power if total_power else 0.0,
        })
    return rows


def representation(design: Design, occupancy: Occupancy, banzhaf_per_seat: Mapping[str, float]) -> dict:
    """The representation measures of the module docstring, as a flat dict of floats.

    ``banzhaf_per_seat`` gives the normalised Banzhaf power of one seat of each class.
    """
    members = member_states()
    pop = {s.iso3: float(s.population or 0) for s in members}
    world_pop = sum(pop.values())
    power = {k: float(v) for k, v in state_power(occupancy, banzhaf_per_seat).items() if k in pop}
    power_share = _shares(power)
    sqrt_share = _shares({s: math.sqrt(p) for s, p in pop.items()})
    permanent = {c.id for c in design.seats if c.kind == "permanent"}
    # every member of a shared permanent seat is represented by it, whatever its share of power
    perm_pop = sum(
        (1.0 if design.seat_class(cid).shared else float(seats)) * pop.get(s, 0.0)
        for cid, shares in occupancy.by_class.items() if cid in permanent
        for s, seats in shares.items()
    )
    p5 = ("CHN", "FRA", "RUS", "GBR", "USA")
    return {
        "population_with_permanent_seat": perm_pop / world_pop,
        "penrose_distance": tv_distance(power_share, sqrt_share),
        "gini_power_per_person": gini_weighted(power, pop),
        "p5_power_share": sum(power_share.get(s, 0.0) for s in p5),
    }
