"""What every kernel shares: the count summaries, player types, and exact assembly.

Players with the same weight in every (canonical) condition form a *type*; every kernel counts
coalitions by type and players of one type get equal values. Null players (weight 0 in every
condition) are left out of the counting and put back exactly: they double the coalition counts
and leave every index of the others unchanged.
"""

from __future__ import annotations

__all__ = ["Swings", "Structure", "player_types", "player_profiles"]

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from unsclab.power.games import LIMITS, CompositeGame, LimitError


@dataclass(frozen=True)
class Swings:
    """Swing counts of a game (binary a-priori model).

    Attributes
    ----------
    n : int
        Number of players.
    winning : int
        Number of winning coalitions (out of ``2**n``).
    swings : tuple of int
        For each player, the number of coalitions not containing it that lose without it and
        win with it (its raw Banzhaf score).
    shapley : tuple of Fraction or None
        Shapley-Shubik value of each player (None when not requested).
    method : str
        The kernel that computed them.
    """

    n: int
    winning: int
    swings: tuple[int, ...]
    shapley: tuple[Fraction, ...] | None
    method: str


@dataclass(frozen=True)
class Structure:
    """Minimal and vulnerable winning coalitions of a game.

    Attributes
    ----------
    minimal : int
        Number of minimal winning coalitions (every member critical).
    minimal_containing : tuple of int
        For each player, the number of minimal winning coalitions it belongs to.
    deegan_packel : tuple of Fraction
        For each player, the sum over minimal winning coalitions containing it of
        ``1 / size``, divided by ``minimal``.
    vulnerable : int
        Number of winning coalitions with at least one critical member.
    johnston_score : tuple of Fraction
        For each player, the sum over vulnerable coalitions in which it is critical of
        ``1 / (number of critical members)``.
    least_size : int
        Size of the smallest minimal winning coalitions.
    least_minimal : int
        Number of minimal winning coalitions of that size.
    least_containing : tuple of int
        For each player, the number of those it belongs to.
    """

    minimal: int
    minimal_containing: tuple[int, ...]
    deegan_packel: tuple[Fraction, ...]
    vulnerable: int
    johnston_score: tuple[Fraction, ...]
    least_size: int
    least_minimal: int
    least_containing: tuple[int, ...]



@dataclass(frozen=True)
class _Types:
    n: int  # all players
    weights: tuple[tuple[int, ...], ...]  # per type, weight in each canonical condition
    counts: tuple[int, ...]  # players of each type
    quotas: tuple[int, ...]  # per canonical condition
    player_type: tuple[int, ...]  # type of each player, -1 for a null player
    nulls: int
    # a union game: the canonical conditions of each alternative (indices into quotas); a
    # profile wins when it meets every condition of some group. None: one conjunction.
    groups: tuple[tuple[int, ...], ...] | None = None

    @property
    def active(self) -> int:
        return sum(self.counts)

    @property
    def profiles(self) -> int:
        return math.prod(m + 1 for m in self.counts)


def _types(game: CompositeGame) -> _Types:
    groups = None
    if hasattr(game, "canonical_groups"):  # a UnionGame
        per_alt = game.canonical_groups()
        conds, groups, at = [], [], 0
        for alt in per_alt:
            conds.extend(alt)
            groups.append(tuple(range(at, at + len(alt))))
            at += len(alt)
        groups = tuple(groups)
    else:
        conds = game.canonical()
    cols = list(zip(*(w for w, _ in conds), strict=True))  # per player, its weight vector
    index: dict[tuple[int, ...], int] = {}
    ptype = []
    counts: list[int] = []
    vecs: list[tuple[int, ...]] = []
    for vec in cols:
        if not any(vec):
            ptype.append(-1)
            continue
        t = index.get(vec)
        if t is None:
            t = index[vec] = len(vecs)
            vecs.append(vec)
            counts.append(0)
        counts[t] += 1
        ptype.append(t)
    return _Types(
        n=game.n,
        weights=tuple(vecs),
        counts=tuple(counts),
        quotas=tuple(q for _, q in conds),
        player_type=tuple(ptype),
        nulls=sum(1 for t in ptype if t < 0),
        groups=groups,
    )


def player_types(game: CompositeGame) -> tuple[tuple[int, ...], ...]:
    """Players grouped by type: same weight in every (canonical) condition.

    The kernels group players this way automatically; players of one type get equal values of
    every index. Null players (weight 0 everywhere) are left out.

    >>> from unsclab.power.games import WeightedGame
    >>> player_types(WeightedGame([7, 1, 7, 0], 8))
    ((0, 2), (1,))
    """
    t = _types(game)
    groups: list[list[int]] = [[] for _ in t.counts]
    for i, k in enumerate(t.player_type):
        if k >= 0:
            groups[k].append(i)
    return tuple(tuple(g) for g in groups)


def player_profiles(game: CompositeGame) -> int:
    """Number of type profiles, ``prod (players of the type + 1)``: the enumeration's size."""
    return _types(game).profiles


def _factorials(n: int) -> list[int]:
    f = [1] * (n + 1)
    for i in range(1, n + 1):
        f[i] = f[i - 1] * i
    return f


def _shapley_from_sizes(sizes: Sequence[int], n: int, fact: list[int]) -> Fraction:
    """sum_s sizes[s] * s! (n-1-s)! / n!  (Shapley & Shubik 1954)."""
    num = 0
    for s, c in enumerate(sizes):
        if c:
            num += int(c) * fact[s] * fact[n - 1 - s]
    return Fraction(num, fact[n])


def _expand(types: _Types, per_type: Sequence, null_value) -> tuple:
    return tuple(null_value if t < 0 else per_type[t] for t in types.player_type)



def check_players(game: CompositeGame) -> None:
    """Refuse a game beyond ``LIMITS["players"]`` (every exact kernel)."""
    if game.n > LIMITS["players"]:
        raise LimitError(
            f"exact computation is limited to {LIMITS['players']} players, got {game.n}",
            field="players",
        )
