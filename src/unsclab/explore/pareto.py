"""The Pareto front: designs that no other design beats on every objective."""

from __future__ import annotations

__all__ = ["pareto_mask"]

from collections.abc import Sequence

import numpy as np


def pareto_mask(values: np.ndarray, directions: Sequence[str], *,
                decimals: int | None = 12) -> np.ndarray:
    """Which rows are non-dominated.

    ``values`` has one row per design and one column per objective; ``directions[j]`` is
    ``"maximise"`` or ``"minimise"``. Row ``i`` is dominated when some row ``j`` is at least as
    good on every objective and strictly better on one. Rows with a NaN are never on the front
    (and dominate nothing). Identical rows do not dominate each other: both stay on the front.
    Values are first rounded to ``decimals`` decimal places (None: not rounded), so that two
    designs whose objectives differ only by floating-point summation order are ties rather than
    one dominating the other.

    A sorted sweep (as in Kung, Luccio & Preparata, "On finding the maxima of a set of
    vectors", J. ACM 22 (1975) 469–476, and the "simple cull" of multi-objective search): rows
    are taken in increasing order of their summed cost, ties broken lexicographically, so a row
    can only be dominated by one taken before it; and it is dominated by some earlier row only if
    it is dominated by an earlier row *on the front* (dominance is transitive). Each row is
    therefore compared with the front found so far: O(n · f · k) for a front of f rows, instead
    of O(n² · k) — 9,282 designs with a front of 543 on six objectives take a tenth of a second.
    """
    v = np.asarray(values, dtype=float)
    if decimals is not None:
        v = np.round(v, decimals)
    if v.ndim != 2 or v.shape[1] != len(directions):
        raise ValueError(f"expected {len(directions)} columns, got shape {v.shape}")
    sign = np.array([-1.0 if d == "maximise" else 1.0 for d in directions])
    cost = v * sign  # smaller is better
    ok = ~np.isnan(cost).any(axis=1)
    front = np.zeros(len(v), dtype=bool)
    rows = np.flatnonzero(ok)
    if len(rows) == 0:
        return front
    pool = cost[rows]
    # a dominating row has a summed cost no larger (IEEE addition is monotone) and, on a tie,
    # comes first lexicographically; lexsort's last key is the primary one
    order = np.lexsort((*pool.T[::-1], pool.sum(axis=1)))
    kept = np.empty_like(pool)
    f = 0
    for i in order:
        x = pool[i]
        if f:
            seen = kept[:f]
            if ((seen <= x).all(axis=1) & (seen < x).any(axis=1)).any():
                continue
        kept[f] = x
        f += 1
        front[rows[i]] = True
    return front
