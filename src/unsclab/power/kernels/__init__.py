"""Exact counting kernels behind the power indices: one module per algorithm.

Every index unsclab computes is a function of two summaries of a game
(:mod:`~unsclab.power.kernels.common`):

:class:`Swings`
    the number of winning coalitions, and for each player the number of *swings* (coalitions
    not containing the player that lose without it and win with it), with the Shapley-Shubik
    value obtained from the swings counted by coalition size.
:class:`Structure`
    minimal winning coalitions and "vulnerable" winning coalitions (those with at least one
    critical member), for Holler, Deegan-Packel and Johnston.

Three exact kernels compute them; :func:`swings` picks one.

``enumerate`` (:mod:`~unsclab.power.kernels.enumeration`)
    coalitions counted by player-type profile; few types (any Council design); the only kernel
    for :class:`Structure`. Limit: ``LIMITS["profiles"]`` profiles.
``weighted`` (:mod:`~unsclab.power.kernels.weighted_gf`)
    one weighted condition, hundreds of players: a generating function by size and weight with
    leave-one-out division. Limit: ``LIMITS["weighted_cells"]`` cells.
``composite`` (:mod:`~unsclab.power.kernels.multi_weight_dp`)
    several conditions: the same generating function in as many weight dimensions as
    conditions. Limit: ``LIMITS["composite_cells"]`` cells.

Big counts are kept modulo primes and rebuilt exactly (:mod:`~unsclab.power.kernels.modular`).
Null players (weight 0 in every condition) are removed before counting and put back exactly.

References
----------
.. [1] Leech, D. (2002). "Computation of power indices." Warwick Economic Research Papers 644.
.. [2] Matsui, T., and Matsui, Y. (2000). "A survey of algorithms for calculating power
   indices of weighted majority games." Journal of the Operations Research Society of Japan
   43(1): 71-86.
"""

from __future__ import annotations

__all__ = [
    "Swings",
    "Structure",
    "swings",
    "structure",
    "player_types",
    "player_profiles",
    "METHODS",
    "exact_problem",
]

from fractions import Fraction
from functools import lru_cache

from unsclab.errors import GameError
from unsclab.power.games import LIMITS, CompositeGame, LimitError
from unsclab.power.kernels.common import (
    Structure,
    Swings,
    _expand,
    _factorials,
    _shapley_from_sizes,
    _Types,
    _types,
    check_players,
    player_profiles,
    player_types,
)
from unsclab.power.kernels.enumeration import check_profiles, enum_structure, enum_swings
from unsclab.power.kernels.multi_weight_dp import composite_cells, composite_swings
from unsclab.power.kernels.weighted_gf import weighted_cells, weighted_swings

METHODS = ("auto", "enumerate", "weighted", "composite", "bigint")

#: profiles below which enumeration is always used (it is the cheapest kernel there)
_ENUM_FAST = 50_000


def swings(game: CompositeGame, *, shapley: bool = True, method: str = "auto") -> Swings:
    """Count the swings of every player (and its Shapley-Shubik value if ``shapley``).

    Parameters
    ----------
    game : CompositeGame
        Any simple game of :mod:`unsclab.power.games`.
    shapley : bool
        Also compute Shapley-Shubik values (needs the coalition-size dimension, which the
        weighted kernel otherwise skips).
    method : {"auto", "enumerate", "weighted", "composite", "bigint"}
        Kernel; ``"bigint"`` is the weighted kernel in Python integers (a slow reference).

    Returns
    -------
    Swings

    Raises
    ------
    GameError
        When the game exceeds the stated limit of the kernel (the limit is named).

    Examples
    --------
    >>> from unsclab.power.games import WeightedGame
    >>> r = swings(WeightedGame([7, 7, 7, 7, 7] + [1] * 10, 39))
    >>> r.winning, r.swings[0], r.swings[14], r.shapley[0]
    (848, 848, 84, Fraction(421, 2145))
    """
    if method not in METHODS:
        raise GameError(
            f"expected a method among {', '.join(METHODS)}, got {method!r}", field="method"
        )
    key = (game, method)
    hit = _CACHE.get(key)
    if hit is not None and (hit.shapley is not None or not shapley):
        return hit
    result = _compute_swings(game, shapley, method)
    if len(_CACHE) >= 256:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = result
    return result


_CACHE: dict[tuple[CompositeGame, str], Swings] = {}


def _choose(types: _Types, method: str) -> str:
    if method != "auto":
        return method
    if types.profiles <= _ENUM_FAST:
        return "enumerate"
    if len(types.quotas) == 1:
        return "weighted"
    cells = composite_cells(types)
    if cells <= LIMITS["composite_cells"]:
        return "composite"
    if types.profiles <= LIMITS["profiles"]:
        return "enumerate"
    raise LimitError(
        f"exact computation of a game with several conditions is limited to "
        f"{LIMITS['profiles']:,} player-type profiles or {LIMITS['composite_cells']:,} table "
        f"cells ((non-null players + 1) x product of (total weight + 1)); this game has "
        f"{types.profiles:,} profiles and needs {cells:,} cells",
        field="conditions",
    )


def _union_swings(game, shapley: bool, method: str) -> Swings:
    """A union game by inclusion-exclusion over its alternatives' conjunctions: every count is
    linear in the game's indicator (see :mod:`unsclab.power.union`)."""
    terms = [(sign, swings(g, shapley=shapley, method=method)) for sign, g in game.conjunctions()]
    winning = sum(sign * r.winning for sign, r in terms)
    sw = tuple(sum(sign * r.swings[i] for sign, r in terms) for i in range(game.n))
    ss = None
    if all(r.shapley is not None for _, r in terms):
        ss = tuple(sum((sign * r.shapley[i] for sign, r in terms), Fraction(0))
                   for i in range(game.n))
    return Swings(n=game.n, winning=winning, swings=sw, shapley=ss,
                  method="inclusion-exclusion(" + ",".join(sorted({r.method for _, r in terms}))
                  + ")")


def _compute_swings(game: CompositeGame, shapley: bool, method: str) -> Swings:
    check_players(game)
    types = _types(game)
    n = game.n
    if types.active == 0:  # impossible for a valid game (quota >= 1), kept for safety
        raise GameError("expected at least one player with a positive weight", field="weights")
    if types.groups is not None:  # a union of conjunctions
        limit = _ENUM_FAST if method == "auto" else LIMITS["profiles"]
        if method not in ("auto", "enumerate") or types.profiles > limit:
            return _union_swings(game, shapley, method)
    kind = _choose(types, method)
    if kind == "enumerate":
        win, per_type_sizes = enum_swings(types)
        sized = True
    elif kind in ("weighted", "bigint"):
        if len(types.quotas) != 1:
            raise GameError(
                f"the {kind!r} kernel takes one weighted condition, this game has "
                f"{len(types.quotas)}",
                field="method",
            )
        win, per_type_sizes = weighted_swings(types, shapley, bigint=(kind == "bigint"))
        sized = shapley
    else:
        win, per_type_sizes = composite_swings(types)
        sized = True
    m = types.active
    scale = 1 << types.nulls
    totals = [sum(int(x) for x in sizes) * scale for sizes in per_type_sizes]
    ss = None
    if shapley and sized:
        fact = _factorials(m)
        ss_t = [_shapley_from_sizes(sz, m, fact) for sz in per_type_sizes]
        ss = _expand(types, ss_t, Fraction(0))
    return Swings(
        n=n,
        winning=win * scale,
        swings=_expand(types, totals, 0),
        shapley=ss,
        method=kind,
    )


def exact_problem(game, shapley: bool = True) -> str | None:
    """Why :func:`swings` would refuse ``game`` (the limit it meets), or None: the same
    choices as the computation, without computing."""
    if game.n > LIMITS["players"]:
        return f"exact computation is limited to {LIMITS['players']} players, got {game.n}"
    types = _types(game)
    if types.groups is not None and types.profiles > _ENUM_FAST:
        for _, g in game.conjunctions():
            problem = exact_problem(g, shapley)
            if problem:
                return problem
        return None
    try:
        kind = _choose(types, "auto")
    except LimitError as err:
        return err.problems[0].message
    if kind == "weighted" and weighted_cells(types, shapley) > LIMITS["weighted_cells"]:
        return (f"exact computation of a weighted game is limited to "
                f"{LIMITS['weighted_cells']:,} table cells, this game needs "
                f"{weighted_cells(types, shapley):,}")
    return None


@lru_cache(maxsize=256)
def structure(game: CompositeGame) -> Structure:
    """Minimal and vulnerable winning coalitions, by enumeration over player types.

    Raises
    ------
    GameError
        When the game has more than ``LIMITS["profiles"]`` type profiles.
    """
    check_players(game)
    types = _types(game)
    check_profiles(types, "minimal winning coalitions")
    return enum_structure(types)

