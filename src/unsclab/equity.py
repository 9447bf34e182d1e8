"""Equity of representation as Gould & Rablen measure it: expected power against the
square-root-of-population benchmark.

A citizen's indirect power is the power of its state's seat, times the probability that the state
holds a seat, times its own power in the national vote, which falls as 1/sqrt(population)
(Penrose 1946). Representation is equitable when every citizen's indirect power is the same, that
is when each state's *expected* power (seat power x probability of holding it, from the
occupancy model) is proportional to the square root of its population. The representation factor
of a state is its share of expected power divided by its share of the square roots of the 193
members' populations: 1 is equitable, above 1 over-represented; a regional group's factor is its
members' summed power share over their summed square-root share (Gould & Rablen 2016, sections 3
and 5, read in the published abstract and the CESifo working paper's summary; their exact
estimator, with its preference-correlation variants, is not reproduced here).

A seat held jointly by a regional organisation (an EU or AU seat) counts for its member states:
the occupancy model gives each member its ``split`` share of the seat
(:mod:`unsclab.designs.sharing`), so the seat's power reaches their factors through them.

References
----------
.. [1] Gould, M., and Rablen, M. D. (2016). "Equitable representation in councils: theory and an
   application to the United Nations Security Council." Public Choice 169(1-2): 19-51.
.. [2] Penrose, L. S. (1946). "The elementary statistics of majority voting." Journal of the
   Royal Statistical Society 109(1): 53-57.
"""

from __future__ import annotations

__all__ = ["representation_factors"]

import math
from collections.abc import Mapping

from unsclab.states import member_states


def representation_factors(
    power: Mapping[str, float], population: Mapping[str, float] | None = None,
) -> tuple[dict[str, float], dict[str, float]]:
    """Per state (all 193 members) and per regional group: share of ``power`` (expected power
    by state, any index) over share of the square root of population.

    ``population``: ISO3 -> population to use instead of the members table's (World Bank
    2024), e.g. another year's, to see how much the benchmark moves; a member missing from it
    keeps the table's figure.
    """
    members = member_states()
    pop = {s.iso3: float((population or {}).get(s.iso3, s.population or 0)) for s in members}
    root = {k: math.sqrt(v) for k, v in pop.items()}
    total_root = sum(root.values())
    total_power = sum(float(power.get(s.iso3, 0.0)) for s in members) or 1.0
    share = {s.iso3: float(power.get(s.iso3, 0.0)) / total_power for s in members}
    by_state = {k: (share[k] / (root[k] / total_root) if root[k] else 0.0) for k in root}
    groups: dict[str, list[float]] = {}
    for s in members:
        g = groups.setdefault(s.group, [0.0, 0.0])
        g[0] += share[s.iso3]
        g[1] += root[s.iso3] / total_root
    return by_state, {g: (p / r if r else 0.0) for g, (p, r) in groups.items()}
