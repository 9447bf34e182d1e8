"""Voting power: simple games, exact power indices and the kernels that count them.

>>> from unsclab.power import WeightedGame, compute
>>> compute(WeightedGame([7, 7, 1, 1, 1], 9), ["shapley_shubik"])["shapley_shubik"]
[Fraction(3, 10), Fraction(3, 10), Fraction(2, 15), Fraction(2, 15), Fraction(2, 15)]

Public names (stable):

- games: ``WeightedGame(weights, quota, names=None)``, ``CompositeGame(conditions, names=None)``
  with conditions as ``Condition`` objects or ``(weights, quota)`` pairs,
  ``UnionGame(alternatives, names=None)`` (wins when some alternative wins: any monotone game),
  ``CompositeGame.from_vectors(weights, quotas, names)``, ``quota_condition(n, quota)``,
  ``veto_condition(n, holders, negatives=1)``, ``LIMITS``.
- indices: ``compute(game, indices=None, exact=True) -> {name: [value per player]}``,
  ``coleman_act(game) -> Fraction``, ``index_value(name, game)``, ``feasible(name, game)``,
  ``INDICES`` (name -> ``PowerIndex``), ``index_names()``, ``register_index``.
- counts: ``swings(game)``, ``structure(game)``, ``player_types(game)`` (players with the same
  weight in every condition are grouped automatically; single-player "must vote yes"
  conditions are merged into one veto condition first, so the P5 of a composite Council game
  form one type).

- :mod:`unsclab.power.games` -- :class:`WeightedGame`, :class:`CompositeGame` (a conjunction of
  weighted conditions: quota, vetoes, double majorities) and the stated limits
  :data:`LIMITS` of exact computation.
- :mod:`unsclab.power.registry` -- the registry :data:`INDICES` and :func:`compute`.
- :mod:`unsclab.power.indices` -- the classic indices (Penrose, Banzhaf, Shapley-Shubik,
  Coleman x3, Holler, Deegan-Packel, Johnston), computed by default.
- :mod:`unsclab.power.more_indices` -- indices given on request (Rae, Nevison,
  Konig-Brauninger, Public Help theta, Felsenthal, minimal winning coalition counts).
- :mod:`unsclab.power.ternary` -- indices of ternary games (yes / abstain / no), names
  starting ``ternary_``.
- :mod:`unsclab.power.coalitional` -- a priori unions: ``owen``, ``banzhaf_owen``
  (``compute(game, ["owen"], unions=[["CHN", "RUS"], ...])``).
- :mod:`unsclab.power.kernels` -- the exact counting algorithms (:func:`swings`,
  :func:`structure`), one module per algorithm.
"""

from __future__ import annotations

from unsclab.power import coalitional, more_indices, ternary  # noqa: F401  (register indices)
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
    coleman_act,
    compute,
    feasible,
    index_names,
    index_value,
    register_index,
)
from unsclab.power.kernels import Structure, Swings, player_types, structure, swings
from unsclab.power.union import UnionGame

__all__ = [
    "CompositeGame",
    "Condition",
    "UnionGame",
    "WeightedGame",
    "quota_condition",
    "veto_condition",
    "LIMITS",
    "INDICES",
    "PowerIndex",
    "compute",
    "coleman_act",
    "index_value",
    "feasible",
    "index_names",
    "register_index",
    "Swings",
    "Structure",
    "swings",
    "structure",
    "player_types",
]

from unsclab._callable import make_callable as _make_callable

# unsclab.power(...) is the notebook API (unsclab.api.power); the package stays importable.
_make_callable(__name__, "unsclab.api.power")
