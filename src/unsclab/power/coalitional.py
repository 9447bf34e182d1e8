"""A priori unions: the Owen and Banzhaf-Owen values of blocs that act together.

A bloc that coordinates (the A3, the G4, the EU members on the Council) is modelled as an a
priori union: a partition of the players into unions, the unions bargaining with each other as
players of the *quotient game* and each union's members sharing what it wins (Owen 1977). A
player's value sums, over coalitions ``T`` of the other unions and ``S`` of its own union's
other members, its marginal contribution ``v(Q_T + S + i) - v(Q_T + S)`` with weight

- Owen value: ``t! (m - t - 1)! / m!  x  s! (u - s - 1)! / u!`` (Shapley in the quotient game,
  then Shapley inside the union);
- Banzhaf-Owen value: ``1 / 2^(m-1)  x  1 / 2^(u-1)`` (Banzhaf in both; Owen 1981),

for ``m`` unions, ``t`` of them in ``T``, ``u`` members in the player's union and ``s`` in
``S``. With every player alone they are the Shapley-Shubik index and the Penrose measure; with
one union of everyone, the same. Counted exactly by enumerating, for each union, the profiles
of the other unions (grouped when they have the same weights) and of its own members (grouped
by type): limited to ``LIMITS["profiles"]`` profiles per union.

References
----------
.. [1] Owen, G. (1977). "Values of games with a priori unions." In R. Henn and O. Moeschlin
   (eds.), Mathematical Economics and Game Theory, Berlin: Springer, 76-88.
.. [2] Owen, G. (1981). "Modification of the Banzhaf-Coleman index for games with a priori
   unions." In M. J. Holler (ed.), Power, Voting and Voting Power, Wurzburg: Physica, 232-238.
.. [3] Alonso-Meijide, J. M., and Bowles, C. (2005). "Generating functions for coalitional
   power indices: an application to the IMF." Annals of Operations Research 137: 21-44.
"""

from __future__ import annotations

__all__ = ["owen", "banzhaf_owen", "check_unions", "unions_problem"]

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from functools import lru_cache

import numpy as np

from unsclab.errors import GameError
from unsclab.power.games import LIMITS, CompositeGame, LimitError
from unsclab.power.indices import register_index
from unsclab.power.kernels.common import _types


def check_unions(game, unions: Iterable[Iterable[int | str]] | None) -> tuple[tuple[int, ...], ...]:
    """The partition: the unions given (players by index or name), every other player alone.

    Raises :class:`GameError` (field ``unions``) for an empty union or a player in two unions.
    """
    seen: dict[int, int] = {}
    out = []
    for k, union in enumerate(unions or ()):
        members = [game.index(p) for p in union]
        if not members:
            raise GameError(f"union {k + 1} is empty; expected at least one player",
                            field="unions")
        for p in members:
            if p in seen and seen[p] != k:
                raise GameError(f"player {game.names[p]!r} is in unions {seen[p] + 1} and "
                                f"{k + 1}; expected a partition", field="unions")
            seen[p] = k
        out.append(tuple(sorted(set(members))))
    out += [(p,) for p in range(game.n) if p not in seen]
    return tuple(out)


def _profile_count(vectors) -> int:
    """Rows :func:`_profiles` would build: the product of (copies + 1) over distinct vectors."""
    groups: dict[tuple[int, ...], int] = {}
    for v in vectors:
        groups[v] = groups.get(v, 0) + 1
    return math.prod(c + 1 for c in groups.values())


def _player_vectors(game) -> list[tuple[int, ...]]:
    types = _types(game)
    zero = (0,) * len(types.quotas)
    return [zero if t < 0 else types.weights[t] for t in types.player_type]


def unions_problem(game, unions) -> str | None:
    """Why the coalitional values of ``game`` with ``unions`` are beyond ``LIMITS``, or None:
    the same count of profiles as the computation, checked before building any of them."""
    if game.n > LIMITS["players"]:
        return f"exact computation is limited to {LIMITS['players']} players, got {game.n}"
    partition = check_unions(game, unions)
    w = _player_vectors(game)
    C = len(w[0]) if w else 0
    for k, union in enumerate(partition):
        blocks = [tuple(sum(w[p][c] for p in other) for c in range(C))
                  for j, other in enumerate(partition) if j != k]
        others = _profile_count(blocks)
        own = max(_profile_count([w[p] for p in union if p != i]) for i in union)
        if others * own > LIMITS["profiles"]:
            return (f"coalitional values enumerate the other unions' and the union's own "
                    f"profiles, limited to {LIMITS['profiles']:,}; union {k + 1} needs "
                    f"{others * own:,}")
    return None


def _profiles(vectors: Sequence[tuple[int, ...]], dtype):
    """Profiles of a multiset of weight vectors: (sums per condition, count chosen, multiplicity),
    identical vectors grouped with binomial multiplicities."""
    groups: dict[tuple[int, ...], int] = {}
    for v in vectors:
        groups[v] = groups.get(v, 0) + 1
    sums = np.zeros((1, len(next(iter(groups)) if groups else ())), dtype=np.int64)
    size = np.zeros(1, dtype=np.int64)
    mult = np.ones(1, dtype=dtype)
    for vec, c in groups.items():
        j = np.arange(c + 1, dtype=np.int64)
        sums = (sums[:, None, :] + j[None, :, None] * np.array(vec, dtype=np.int64)).reshape(
            -1, sums.shape[1])
        size = (size[:, None] + j[None, :]).reshape(-1)
        binom = np.array([math.comb(c, k) for k in range(c + 1)], dtype=dtype)
        mult = (mult[:, None] * binom[None, :]).reshape(-1)
    return sums, size, mult


def _wins(sums: np.ndarray, quotas: tuple[int, ...], groups) -> np.ndarray:
    met = [sums[..., c] >= q for c, q in enumerate(quotas)]
    ok = np.zeros(sums.shape[:-1], dtype=bool)
    for grp in groups:
        ok |= np.logical_and.reduce([met[c] for c in grp])
    return ok


@lru_cache(maxsize=128)
def _counts(game, partition: tuple[tuple[int, ...], ...]) -> dict[int, np.ndarray]:
    """For each player, marginal-contribution counts by (unions in T, members in S)."""
    problem = unions_problem(game, partition)
    if problem:  # refused before any profile is built (they would not fit in memory)
        raise LimitError(problem, field="players" if game.n > LIMITS["players"] else "unions")
    types = _types(game)
    C = len(types.quotas)
    groups = types.groups or (tuple(range(C)),)
    w = _player_vectors(game)
    dtype = np.int64 if game.n <= 62 else object
    out: dict[int, np.ndarray] = {}
    for k, union in enumerate(partition):
        blocks = [tuple(sum(w[p][c] for p in other) for c in range(C))
                  for j, other in enumerate(partition) if j != k]
        bs, bt, bm = _profiles(blocks, dtype) if blocks else (
            np.zeros((1, C), np.int64), np.zeros(1, np.int64), np.ones(1, dtype))
        done: dict[tuple[int, ...], np.ndarray] = {}
        for i in union:
            if w[i] in done:
                out[i] = done[w[i]]
                continue
            own = [w[p] for p in union if p != i]
            os_, osz, om = _profiles(own, dtype) if own else (
                np.zeros((1, C), np.int64), np.zeros(1, np.int64), np.ones(1, dtype))
            total = bs[:, None, :] + os_[None, :, :]
            marginal = (_wins(total + np.array(w[i], dtype=np.int64), types.quotas, groups)
                        & ~_wins(total, types.quotas, groups))
            counts = np.zeros((len(partition), len(union)), dtype=dtype)
            mult = bm[:, None] * om[None, :]
            np.add.at(counts, (np.broadcast_to(bt[:, None], marginal.shape)[marginal],
                               np.broadcast_to(osz[None, :], marginal.shape)[marginal]),
                      mult[marginal])
            out[i] = done[w[i]] = counts
    return out


def _value(game, unions, weight) -> tuple[Fraction, ...]:
    partition = check_unions(game, unions)
    counts = _counts(game, partition)
    m = len(partition)
    size = {p: len(u) for u in partition for p in u}
    vals = []
    for i in range(game.n):
        u = size[i]
        c = counts[i]
        vals.append(sum((Fraction(int(c[t, s])) * weight(t, m, s, u)
                         for t in range(m) for s in range(u) if c[t, s]), Fraction(0)))
    return tuple(vals)


def _owen_weight(t: int, m: int, s: int, u: int) -> Fraction:
    f = math.factorial
    return Fraction(f(t) * f(m - t - 1), f(m)) * Fraction(f(s) * f(u - s - 1), f(u))


def _banzhaf_owen_weight(t: int, m: int, s: int, u: int) -> Fraction:
    return Fraction(1, 2 ** (m - 1 + u - 1))


@register_index("owen", title="Owen value (a priori unions)", needs="unions", default=False)
def owen(game: CompositeGame, unions=None) -> tuple[Fraction, ...]:
    """Owen value: Shapley-Shubik among the unions, then within each union.

    ``unions``: blocs as lists of players (index or name); players in none are alone. Sums to
    1. Without unions it is the Shapley-Shubik index.

    References
    ----------
    .. [1] Owen, G. (1977). "Values of games with a priori unions." In R. Henn and
       O. Moeschlin (eds.), Mathematical Economics and Game Theory, Berlin: Springer, 76-88.
    """
    return _value(game, unions, _owen_weight)


@register_index("banzhaf_owen", title="Banzhaf-Owen value (a priori unions)", needs="unions",
                default=False)
def banzhaf_owen(game: CompositeGame, unions=None) -> tuple[Fraction, ...]:
    """Banzhaf-Owen value: Banzhaf among the unions, then within each union (not normalised).

    ``unions`` as for :func:`owen`. Without unions it is the Penrose measure.

    References
    ----------
    .. [1] Owen, G. (1981). "Modification of the Banzhaf-Coleman index for games with a priori
       unions." In M. J. Holler (ed.), Power, Voting and Voting Power, Wurzburg: Physica,
       232-238.
    """
    return _value(game, unions, _banzhaf_owen_weight)
