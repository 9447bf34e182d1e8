"""Design explorer: search a space of councils for the designs no other design beats.

A search space file (TOML) gives ranges or choices for the council's seats, quota and veto rule,
constraints and objectives (see :mod:`unsclab.explore.space` and ``docs/explore.md``). Every
candidate becomes a real :class:`~unsclab.designs.Design`; :func:`explore` evaluates them
(in-process or on a Dask cluster, incrementally to Parquet) and returns the full table and the
Pareto front. From the repository's root::

    from unsclab.explore import load_space, explore
    result = explore(load_space("examples/explore-small.toml"))
    result.pareto[["id", "coleman_act"]]

Objectives are a registry of functions ``objective(design, evaluation) -> float``
(:mod:`unsclab.explore.objectives`); new ones plug in with :func:`register_objective`.
"""

from unsclab.explore.evaluation import Evaluation, profile_power
from unsclab.explore.objectives import OBJECTIVES, Objective, register_objective
from unsclab.explore.pareto import pareto_mask
from unsclab.explore.run import ExploreResult, design_from_table, evaluate_rows, explore
from unsclab.explore.space import Space, SpaceError, load_space, parse_space

__all__ = [
    "Evaluation",
    "ExploreResult",
    "OBJECTIVES",
    "Objective",
    "Space",
    "SpaceError",
    "design_from_table",
    "evaluate_rows",
    "explore",
    "load_space",
    "pareto_mask",
    "parse_space",
    "profile_power",
    "register_objective",
]
