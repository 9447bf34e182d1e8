"""Ternary kernel: games in which each player votes yes, abstains or votes no.

A ternary voting game (Felsenthal & Machover 1997) decides from a *roll call* -- each player's
yes (Y), abstention (A) or no (N) -- whether a proposal passes. unsclab's ternary games are the
composite games of :mod:`unsclab.power.games` read with three options: a condition counts the
weights of its yes-voters, and also of its abstainers when ``Condition.abstain_passes`` is set
(a veto condition: "fewer than k holders vote no", so an abstaining holder does not block, as in
the Council's practice under Art. 27(3)). In the binary model abstention counts as no and the
flag changes nothing.

Counts, all exact, by enumeration over player-type profiles (players with equal weights in every
condition form a type; a profile is how many of each type vote Y, A, N -- or have not voted yet --
with multinomial multiplicities):

``winning``
    roll calls that pass, out of ``3**n``;
``decisive``
    for each player, the roll calls of the others (out of ``3**(n-1)``) in which the outcome
    follows the player's vote: it passes if the player votes yes and fails if it votes no (in a
    monotone game a player whose vote changes the outcome at all changes it this way);
``pivotal``
    for each player, the probability that it is the *pivot* of a random ordered roll call: the
    players vote one by one in a random order, each Y, A or N with probability 1/3, and the
    pivot is the first player after whose vote the outcome is settled whatever the others do
    (Felsenthal & Machover 1997; for yes/no votes this roll-call model gives the Shapley value,
    Felsenthal & Machover 1996). The outcome is settled "yes" when it passes even if every
    player yet to vote votes no, and "no" when it fails even if they all vote yes.

Limit: ``LIMITS["ternary_cells"]`` cells, the product over types of C(players + 3, 3) (profiles
of partial roll calls, the larger of the two enumerations).

References
----------
.. [1] Felsenthal, D. S., and Machover, M. (1997). "Ternary voting games." International
   Journal of Game Theory 26(3): 335-351.
.. [2] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
   Cheltenham: Edward Elgar, ch. 8 (abstention; the Security Council as a ternary game).
.. [3] Felsenthal, D. S., and Machover, M. (1996). "Alternative forms of the Shapley value and
   the Shapley-Shubik index." Public Choice 87(3-4): 315-318.
"""

from __future__ import annotations

__all__ = ["TernaryCounts", "ternary_counts", "ternary_cells"]

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np

from unsclab.power.games import LIMITS, CompositeGame, LimitError
from unsclab.power.kernels.common import check_players


@dataclass(frozen=True)
class TernaryCounts:
    """Exact counts of a ternary game (see the module docstring).

    Attributes
    ----------
    n : int
        Number of players.
    winning : int
        Roll calls (out of ``3**n``) that pass.
    decisive : tuple of int
        For each player, roll calls of the others (out of ``3**(n-1)``) where it is decisive.
    pivotal : tuple of Fraction
        For each player, the probability of being the pivot of a random ordered roll call.
    """

    n: int
    winning: int
    decisive: tuple[int, ...]
    pivotal: tuple[Fraction, ...]


@dataclass(frozen=True)
class _TTypes:
    weights: tuple[tuple[int, ...], ...]  # per type, its weight in each condition
    counts: tuple[int, ...]
    quotas: tuple[int, ...]
    passes: tuple[bool, ...]  # per condition: abstentions count towards its quota
    player_type: tuple[int, ...]  # -1 for a null player
    groups: tuple[tuple[int, ...], ...]  # conditions of each alternative (one for a conjunction)


def _canonical(game: CompositeGame) -> list[tuple[tuple[int, ...], int, bool]]:
    """Conditions reduced by their weights' gcd; single-player conditions ("this player must
    vote yes" / "must not vote no") merged per kind, so that such players can form one type."""
    out: list[tuple[tuple[int, ...], int, bool]] = []
    single: dict[bool, set[int]] = {False: set(), True: set()}
    for c in game.conditions:
        g = math.gcd(*c.weights)
        w = tuple(x // g for x in c.weights)
        nz = [i for i, x in enumerate(w) if x]
        if len(nz) == 1:
            single[c.abstain_passes].add(nz[0])
            continue
        out.append((w, -(-c.quota // g), c.abstain_passes))
    for passes, players in single.items():
        if players:
            out.append((tuple(int(i in players) for i in range(game.n)), len(players), passes))
    strictest: dict[tuple[tuple[int, ...], bool], int] = {}  # same weights and kind: the
    for w, q, p in out:                                        # higher quota implies the lower
        strictest[w, p] = max(q, strictest.get((w, p), q))
    return [(w, q, p) for (w, p), q in strictest.items()]


def _ttypes(game: CompositeGame) -> _TTypes:
    conds, groups = [], []
    for alt in getattr(game, "alternatives", (game,)):  # a UnionGame, or one conjunction
        part = _canonical(alt)
        groups.append(tuple(range(len(conds), len(conds) + len(part))))
        conds.extend(part)
    index: dict[tuple[int, ...], int] = {}
    ptype, counts, vecs = [], [], []
    for vec in zip(*(w for w, _, _ in conds), strict=True):
        if not any(vec):
            ptype.append(-1)
            continue
        t = index.setdefault(vec, len(vecs))
        if t == len(vecs):
            vecs.append(vec)
            counts.append(0)
        counts[t] += 1
        ptype.append(t)
    return _TTypes(tuple(vecs), tuple(counts), tuple(q for _, q, _ in conds),
                   tuple(p for _, _, p in conds), tuple(ptype), tuple(groups))


def ternary_cells(game: CompositeGame) -> int:
    """Cells of the ternary enumeration: the product over types of C(players + 3, 3)."""
    return math.prod(math.comb(m + 3, 3) for m in _ttypes(game).counts)


def _check(game: CompositeGame, types: _TTypes) -> None:
    check_players(game)
    cells = math.prod(math.comb(m + 3, 3) for m in types.counts)
    if cells > LIMITS["ternary_cells"]:
        raise LimitError(
            f"exact ternary indices enumerate partial roll calls by player type, limited to "
            f"{LIMITS['ternary_cells']:,} cells (product over types of C(players + 3, 3)); this "
            f"game needs {cells:,}",
            field="players",
        )


def _rows(m: int, partial: bool, kind: str) -> list[tuple[int, int, int, int, int]]:
    """A type's profiles ``(y, a, n, u, multiplicity)`` over its ``m`` players.

    ``partial``: ``u`` players have not voted yet; else ``u = 0``. A type that only appears in
    conditions of one kind needs fewer profiles: where abstentions never pass (``kind ==
    "yes"``) an abstention counts like a no, so A and N merge (kept as N, each member of the
    merged group counted twice); where they always pass (``"pass"``) A merges into Y.
    """
    rows = []
    f = math.factorial
    for u in range(m + 1 if partial else 1):
        for y in range(m - u + 1):
            rest = m - u - y
            if kind == "both":
                rows += [(y, a, rest - a, u, f(m) // (f(y) * f(a) * f(rest - a) * f(u)))
                         for a in range(rest + 1)]
            elif kind == "yes":  # y yes, rest = a + n not yes
                rows.append((y, 0, rest, u, f(m) // (f(y) * f(rest) * f(u)) * 2**rest))
            else:  # y = yes + abstain, rest = no
                rows.append((y, 0, rest, u, f(m) // (f(y) * f(rest) * f(u)) * 2**y))
    return rows


class _Grid:
    """All joint profiles of the types with ``counts`` players, as broadcastable 1-D features:
    per condition the weight counted towards the quota and the weight not yet voted, the
    number who voted, and the multiplicity (flattened at the end)."""

    def __init__(self, types: _TTypes, counts: tuple[int, ...], partial: bool) -> None:
        T, C = len(counts), len(types.quotas)
        self.quotas = types.quotas
        self.groups = types.groups
        dtype = np.int64 if sum(counts) <= 30 else object  # multiplicities sum to 4^m
        self.counted = [0] * C
        self.undecided = [0] * C
        self.voted = 0
        mult = np.ones((1,) * T, dtype=dtype)
        for t, m in enumerate(counts):
            rows = np.array(_rows(m, partial, _kind(types, t)), dtype=object).reshape(-1, 5)
            sh = [1] * T
            sh[t] = len(rows)
            y, a, k, u = (rows[:, j].astype(np.int64).reshape(sh) for j in range(4))
            for c, passes in enumerate(types.passes):
                w = types.weights[t][c]
                if w:
                    self.counted[c] = self.counted[c] + w * (y + a if passes else y)
                    self.undecided[c] = self.undecided[c] + w * u
            self.voted = self.voted + (y + a + k)
            mult = mult * rows[:, 4].astype(dtype).reshape(sh)
        self.shape = mult.shape
        self.mult = mult.reshape(-1)
        self.voted = np.broadcast_to(self.voted, self.shape).reshape(-1)

    def wins(self, own: list[int], extra: bool = False) -> np.ndarray:
        """Cells that pass with ``own`` added to each condition's counted weight (and, if
        ``extra``, every undecided weight counted too)."""
        met = [np.broadcast_to(self.counted[c] + own[c] + (self.undecided[c] if extra else 0)
                               >= q, self.shape) for c, q in enumerate(self.quotas)]
        ok = np.zeros(self.shape, dtype=bool)
        for grp in self.groups:  # some alternative has every condition met
            ok |= np.logical_and.reduce([met[c] for c in grp])
        return ok.reshape(-1)


def _kind(types: _TTypes, t: int) -> str:
    flags = {p for c, p in enumerate(types.passes) if types.weights[t][c]}
    return "both" if len(flags) == 2 else ("pass" if flags == {True} else "yes")


def _own(types: _TTypes, t: int, vote: str | None) -> list[int]:
    """What player ``t`` adds to each condition's counted weight when it votes ``vote``."""
    return [w if vote == "Y" or (vote == "A" and p) else 0
            for w, p in zip((types.weights[t][c] for c in range(len(types.quotas))),
                            types.passes, strict=True)]


def _total(mult: np.ndarray, mask: np.ndarray) -> int:
    return int(mult[mask].sum()) if mask.any() else 0


def _others(types: _TTypes, t: int) -> tuple[int, ...]:
    return tuple(m - (j == t) for j, m in enumerate(types.counts))


def _decisive(types: _TTypes, t: int) -> int:
    g = _Grid(types, _others(types, t), partial=False)
    return _total(g.mult, g.wins(_own(types, t, "Y")) & ~g.wins(_own(types, t, "N")))


def _pivotal(types: _TTypes, t: int, n: int) -> Fraction:
    g = _Grid(types, _others(types, t), partial=True)
    w_t = [types.weights[t][c] for c in range(len(types.quotas))]
    zero = [0] * len(w_t)
    # not settled before t votes: fails if all undecided (t too) vote no, passes if all yes
    open_ = ~g.wins(zero) & g.wins(w_t, extra=True)
    hits = np.zeros(len(g.mult), dtype=np.int64)
    for vote in ("Y", "A", "N"):
        own = _own(types, t, vote)
        hits += open_ & (g.wins(own) | ~g.wins(own, extra=True))
    # P(order puts these first) x P(their votes and t's): k!(n-1-k)!/n! x 3^-(k+1)
    num = 0
    for size in np.unique(g.voted[hits > 0]):
        sel = (g.voted == size) & (hits > 0)
        s = int(size)
        num += (int((g.mult[sel] * hits[sel]).sum()) * math.factorial(s)
                * math.factorial(n - 1 - s) * 3 ** (n - 1 - s))
    return Fraction(num, math.factorial(n) * 3**n)


@lru_cache(maxsize=256)
def ternary_counts(game: CompositeGame) -> TernaryCounts:
    """Winning roll calls, decisive roll calls and pivot probabilities of a ternary game.

    Raises
    ------
    GameError
        Beyond ``LIMITS["players"]`` players or ``LIMITS["ternary_cells"]`` cells.

    Examples
    --------
    The Council since 1965, with the practice that a permanent member's abstention is no veto:

    >>> from unsclab.power.games import CompositeGame, quota_condition, veto_condition
    >>> g = CompositeGame([quota_condition(15, 9), veto_condition(15, range(5))])
    >>> r = ternary_counts(g)
    >>> r.decisive[0] > 0 and sum(r.pivotal) == 1
    True
    """
    types = _ttypes(game)
    _check(game, types)
    nulls = sum(1 for t in types.player_type if t < 0)
    active = sum(types.counts)
    g = _Grid(types, types.counts, partial=False)
    winning = _total(g.mult, g.wins([0] * len(types.quotas))) * 3**nulls
    dec = [_decisive(types, t) * 3**nulls for t in range(len(types.counts))]
    piv = [_pivotal(types, t, active) for t in range(len(types.counts))]
    return TernaryCounts(
        n=game.n,
        winning=winning,
        decisive=tuple(0 if t < 0 else dec[t] for t in types.player_type),
        pivotal=tuple(Fraction(0) if t < 0 else piv[t] for t in types.player_type),
    )
