"""Voting power: simple games, exact power indices and the kernels that count them.

>>> from unsclab.power import WeightedGame, compute
>>> compute("shapley_shubik", WeightedGame([7, 7, 1, 1, 1], 9))
(Fraction(3, 10), Fraction(3, 10), Fraction(2, 15), Fraction(2, 15), Fraction(2, 15))

- :mod:`unsclab.power.games` -- :class:`WeightedGame`, :class:`CompositeGame` (a conjunction of
  weighted conditions: quota, vetoes, double majorities) and the stated limits
  :data:`LIMITS` of exact computation.
- :mod:`unsclab.power.indices` -- the registry :data:`INDICES` (Penrose, Banzhaf,
  Shapley-Shubik, Coleman x3, Holler, Deegan-Packel, Johnston), :func:`compute`,
  :func:`compute_all`.
- :mod:`unsclab.power.kernels` -- the exact counting algorithms (:func:`swings`,
  :func:`structure`).
"""

from __future__ import annotations

from unsclab.power.games import (
    LIMITS,
    CompositeGame,
    Condition,
    WeightedGame,
    quota_condition,
    veto_condition,
)
from unsclab.power.indices import (
    INDICES,
    PowerIndex,
    compute,
    compute_all,
    index_names,
    register_index,
)
from unsclab.power.kernels import Structure, Swings, structure, swings

__all__ = [
    "CompositeGame",
    "Condition",
    "WeightedGame",
    "quota_condition",
    "veto_condition",
    "LIMITS",
    "INDICES",
    "PowerIndex",
    "compute",
    "compute_all",
    "index_names",
    "register_index",
    "Swings",
    "Structure",
    "swings",
    "structure",
]
