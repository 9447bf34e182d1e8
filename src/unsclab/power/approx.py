"""Monte Carlo estimates of power indices for games beyond the exact kernels' limits.

Penrose (absolute Banzhaf) measure: the share of random coalitions (each player in with
probability 1/2) in which a player is a swing. Shapley-Shubik index: the share of random orders
in which it is the pivot. Ternary Penrose measure (Felsenthal & Machover 1997): the share of
random roll calls of the others (each yes, abstain or no with probability 1/3) in which the
player is decisive -- the proposal passes if it votes yes and fails if it votes no. Ternary
Shapley-Shubik index: the share of random ordered roll calls (a random order, each vote yes,
abstain or no with probability 1/3) in which the player is the first after whose vote the outcome
is settled whatever the rest do. All are means of ``N`` independent 0/1 draws; with ``L = ln(4 n /
(1 - confidence))``, with probability at least ``confidence`` every player's estimate ``p`` is
within

    ``error = min(sqrt(L / (2 N)), sqrt(2 V L / N) + 7 L / (3 (N - 1)))``,  ``V = p (1 - p) N / (N - 1)``

of the exact value: Hoeffding's bound (1963) or the empirical Bernstein bound of Maurer & Pontil
(2009), whichever is smaller for that player, each at level ``(1 - confidence) / 2n`` (a union
bound over players and the two bounds). Small values get small bounds. The normalised Banzhaf
index is the Penrose estimates divided by their sum (the ternary Banzhaf index likewise); its
error follows from the same event (see :func:`approximate`).
Works on any game of :mod:`unsclab.power` (weighted, composite, unions), any number of players;
randomness only through ``seed``.

References
----------
.. [1] Hoeffding, W. (1963). "Probability inequalities for sums of bounded random variables."
   Journal of the American Statistical Association 58(301): 13-30.
.. [2] Maurer, A., and Pontil, M. (2009). "Empirical Bernstein bounds and sample variance
   penalization." Proceedings of COLT 2009.
.. [3] Mann, I., and Shapley, L. S. (1960). "Values of large games, IV: evaluating the
   Electoral College by Monte Carlo techniques." RAND Corporation RM-2651.
.. [4] Leech, D. (2003). "Computing power indices for large voting games." Management Science
   49(6): 831-837.
.. [5] Felsenthal, D. S., and Machover, M. (1997). "Ternary voting games." International Journal
   of Game Theory 26: 335-351.
"""

from __future__ import annotations

__all__ = ["Approximation", "approximate", "APPROXIMABLE", "DEFAULT_ESTIMATES", "error_bound"]

import math
from dataclasses import dataclass

import numpy as np

from unsclab.errors import GameError

#: Indices with a Monte Carlo estimate.
APPROXIMABLE = ("penrose", "banzhaf", "shapley_shubik", "ternary_penrose", "ternary_banzhaf",
                "ternary_shapley_shubik")
#: Those estimated when none is named: the binary ones.
DEFAULT_ESTIMATES = ("penrose", "banzhaf", "shapley_shubik")
_CHUNK = 4_000_000  # matrix entries per batch (players x samples)


@dataclass(frozen=True)
class Approximation:
    """Estimates ``values[index][player]`` and their error bounds ``error[index][player]``,
    holding simultaneously with probability ``confidence``."""

    values: dict[str, list[float]]
    error: dict[str, list[float]]
    samples: int
    seed: int
    confidence: float

    @property
    def label(self) -> str:
        """How the numbers were obtained, for captions."""
        bounds = ", ".join(f"{k} ±{max(v):.2g}" for k, v in self.error.items())
        return (f"approximate: Monte Carlo, {self.samples:,} samples, seed {self.seed}; "
                f"largest error {bounds} with probability {self.confidence:.0%}")


def error_bound(p: np.ndarray, samples: int, confidence: float) -> np.ndarray:
    """Per-player bounds for estimates ``p`` of ``samples`` draws (module docstring)."""
    n, N = len(p), samples
    L = math.log(4 * n / (1 - confidence))
    hoeffding = math.sqrt(L / (2 * N))
    V = p * (1 - p) * N / (N - 1)
    bernstein = np.sqrt(2 * V * L / N) + 7 * L / (3 * (N - 1))
    return np.minimum(hoeffding, bernstein)


def _structure(game):
    alts = getattr(game, "alternatives", (game,))
    conds, groups = [], []
    for g in alts:
        groups.append(tuple(range(len(conds), len(conds) + len(g.conditions))))
        conds.extend(g.conditions)
    W = np.array([c.weights for c in conds], dtype=np.float64)  # exact below 2^53
    if W.sum(axis=1).max() >= 2**53:
        raise GameError("weights too large for the Monte Carlo estimate (total >= 2^53)",
                        field="weights")
    abstain = np.array([c.abstain_passes for c in conds], dtype=np.float64)
    return W, np.array([c.quota for c in conds], dtype=np.float64), groups, abstain


def _wins(sums: np.ndarray, q: np.ndarray, groups) -> np.ndarray:
    """``sums``: (..., conditions) -> winning mask (...)."""
    met = sums >= q
    ok = np.zeros(sums.shape[:-1], dtype=bool)
    for grp in groups:
        ok |= met[..., list(grp)].all(axis=-1)
    return ok


def _batches(samples: int, n: int, conditions: int):
    """Draws per batch, summing to ``samples``, each batch at most ``_CHUNK`` matrix entries."""
    per = max(1, _CHUNK // (n * conditions))
    for start in range(0, samples, per):
        yield min(per, samples - start)


def _swings(without: np.ndarray, weight: np.ndarray, q, groups) -> int:
    """Roll calls a player's vote turns from losing (``without`` it) to winning (with it)."""
    return int((_wins(without + weight, q, groups) & ~_wins(without, q, groups)).sum())


def _penrose(W, q, groups, n, samples, rng) -> np.ndarray:
    hits = np.zeros(n, dtype=np.int64)
    for k in _batches(samples, n, W.shape[0]):
        X = rng.random((k, n)) < 0.5
        base = X.astype(np.float64) @ W.T  # (k, C)
        for i in range(n):
            without = base - np.outer(X[:, i], W[:, i])
            hits[i] += _swings(without, W[:, i], q, groups)
    return hits / samples


def _ternary_penrose(W, q, groups, abstain, n, samples, rng) -> np.ndarray:
    """Decisiveness over random yes / abstain / no roll calls; an abstainer's weight counts in
    the conditions that let abstentions through (``abstain``: 1.0 for those)."""
    hits = np.zeros(n, dtype=np.int64)
    for k in _batches(samples, n, W.shape[0]):
        V = rng.integers(0, 3, size=(k, n))  # 0 no, 1 abstain, 2 yes
        yes, ab = (V == 2).astype(np.float64), (V == 1).astype(np.float64)
        base = yes @ W.T + (ab @ W.T) * abstain  # (k, C)
        for i in range(n):
            own = np.outer(yes[:, i], W[:, i]) + np.outer(ab[:, i], W[:, i] * abstain)
            without = base - own
            hits[i] += _swings(without, W[:, i], q, groups)
    return hits / samples


def _ternary_shapley(W, q, groups, abstain, n, samples, rng) -> np.ndarray:
    """Pivots of random ordered roll calls: after each vote, settled if the draft passes with
    everyone left voting no, or fails with everyone left voting yes (the game is monotone)."""
    hits = np.zeros(n, dtype=np.int64)
    total = W.sum(axis=1)
    for k in _batches(samples, n, W.shape[0]):
        order = np.argsort(rng.random((k, n)), axis=1)
        V = rng.integers(0, 3, size=(k, n))  # 0 no, 1 abstain, 2 yes, in voting order
        w = W.T[order]  # (k, n, C): the weights in voting order
        counted = w * ((V == 2)[..., None] + (V == 1)[..., None] * abstain)
        low = np.cumsum(counted, axis=1)  # counted weight once each has voted, the rest no
        high = low + (total - np.cumsum(w, axis=1))  # ... the rest yes
        settled = _wins(low, q, groups) | ~_wins(high, q, groups)
        pivot_pos = settled.argmax(axis=1)  # the last vote always settles it
        np.add.at(hits, order[np.arange(k), pivot_pos], 1)
    return hits / samples


def _normalised(p: np.ndarray, eps: np.ndarray) -> tuple[list[float], list[float]]:
    """``p / sum p`` and its bound on the event where every ``|p_i - exact| <= eps_i``."""
    total = p.sum()
    b = p / total if total > 0 else np.zeros(len(p))
    margin = total - eps.sum()
    err = (eps + b * eps.sum()) / margin if margin > 0 else np.full(len(p), math.inf)
    return b.tolist(), err.tolist()


def _shapley(W, q, groups, n, samples, rng) -> np.ndarray:
    hits = np.zeros(n, dtype=np.int64)
    for k in _batches(samples, n, W.shape[0]):
        order = np.argsort(rng.random((k, n)), axis=1)
        sums = np.cumsum(W.T[order], axis=1)  # (k, n, C): weight after each arrival
        win = _wins(sums, q, groups)
        pivot_pos = win.argmax(axis=1)  # the first prefix that wins (the full set always does)
        np.add.at(hits, order[np.arange(k), pivot_pos], 1)
    return hits / samples


def approximate(game, indices=DEFAULT_ESTIMATES, *, samples: int = 20_000, seed: int = 0,
                confidence: float = 0.99) -> Approximation:
    """Monte Carlo estimates of ``indices`` (among :data:`APPROXIMABLE`) with a stated bound.

    The Penrose and Shapley-Shubik bounds are per player (module docstring). On the same
    event, the normalised Banzhaf estimate ``b_i = p_i / sum p`` is within
    ``(e_i + b_i sum e) / (sum p - sum e)`` of the exact value, ``e`` the Penrose bounds
    (infinite when ``sum p <= sum e``: take more samples).

    >>> from unsclab.power import WeightedGame
    >>> a = approximate(WeightedGame([3, 2, 1, 1], 4), ["shapley_shubik"], seed=1)
    >>> abs(a.values["shapley_shubik"][0] - 1 / 2) <= a.error["shapley_shubik"][0]  # exact 1/2
    True
    """
    bad = [i for i in indices if i not in APPROXIMABLE]
    if bad:
        raise GameError(f"no approximation of {bad[0]!r}; expected among "
                        f"{', '.join(APPROXIMABLE)}", field="index")
    if not isinstance(samples, int) or not 100 <= samples <= 10_000_000:
        raise GameError(f"expected 100 to 10,000,000 samples, got {samples!r}", field="samples")
    if not 0.5 <= confidence < 1:
        raise GameError(f"expected a confidence in [0.5, 1), got {confidence!r}",
                        field="confidence")
    n = game.n
    W, q, groups, abstain = _structure(game)
    rng = np.random.default_rng(seed)
    values: dict[str, list[float]] = {}
    error: dict[str, list[float]] = {}
    for prefix in ("", "ternary_"):
        if f"{prefix}penrose" not in indices and f"{prefix}banzhaf" not in indices:
            continue
        p = (_ternary_penrose(W, q, groups, abstain, n, samples, rng) if prefix
             else _penrose(W, q, groups, n, samples, rng))
        eps = error_bound(p, samples, confidence)
        if f"{prefix}penrose" in indices:
            values[f"{prefix}penrose"], error[f"{prefix}penrose"] = p.tolist(), eps.tolist()
        if f"{prefix}banzhaf" in indices:
            values[f"{prefix}banzhaf"], error[f"{prefix}banzhaf"] = _normalised(p, eps)
    if "shapley_shubik" in indices:
        s = _shapley(W, q, groups, n, samples, rng)
        values["shapley_shubik"] = s.tolist()
        error["shapley_shubik"] = error_bound(s, samples, confidence).tolist()
    if "ternary_shapley_shubik" in indices:
        s = _ternary_shapley(W, q, groups, abstain, n, samples, rng)
        values["ternary_shapley_shubik"] = s.tolist()
        error["ternary_shapley_shubik"] = error_bound(s, samples, confidence).tolist()
    return Approximation(values, error, samples, seed, confidence)
