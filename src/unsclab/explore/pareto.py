"""The Pareto front: designs that no other design beats on every objective."""

from __future__ import annotations

__all__ = ["pareto_mask"]

from collections.abc import Sequence

import numpy as np


def pareto_mask(values: np.ndarray, directions: Sequence[str], *, block: int = 512,
                decimals: int | None = 12) -> np.ndarray:
    """Which rows are non-dominated.

    ``values`` has one row per design and one column per objective; ``directions[j]`` is
    ``"maximise"`` or ``"minimise"``. Row ``i`` is dominated when some row ``j`` is at least as
    good on every objective and strictly better on one. Rows with a NaN are never on the front
    (and dominate nothing). Identical rows do not dominate each other: both stay on the front.
    Values are first rounded to ``decimals`` decimal places (None: not rounded), so that two
    designs whose objectives differ only by floating-point summation order are ties rather than
    one dominating the other. Vectorised in blocks of rows (O(n² k) comparisons, memory
    O(block · n · k)).
    """
    v = np.asarray(values, dtype=float)
    if decimals is not None:
        v = np.round(v, decimals)
    if v.ndim != 2 or v.shape[1] != len(directions):
        raise ValueError(f"expected {len(directions)} columns, got shape {v.shape}")
    sign = np.array([-1.0 if d == "maximise" else 1.0 for d in directions])
    cost = v * sign  # smaller is better
    ok = ~np.isnan(cost).any(axis=1)
    front = ok.copy()
    pool = cost[ok]
    if len(pool) == 0:
        return front
    rows = np.flatnonzero(ok)
    for start in range(0, len(rows), block):
        chunk = cost[rows[start:start + block]]  # (b, k)
        le = (pool[None, :, :] <= chunk[:, None, :]).all(axis=2)  # (b, n): pool j <= chunk i
        lt = (pool[None, :, :] < chunk[:, None, :]).any(axis=2)
        dominated = (le & lt).any(axis=1)
        front[rows[start:start + block]] = ~dominated
    return front
