"""Multi-weight dynamic programme: several weighted conditions over the same players.

The generating function of :mod:`unsclab.power.kernels.weighted_gf` in as many weight
dimensions as conditions, plus the size dimension, built by adding one player at a time; the
leave-one-out division is done by the recurrence ``c_{-i}[s] = c[s] - shift(c_{-i}[s-1])``.
Counts beyond int64 are kept modulo primes (:mod:`unsclab.power.kernels.modular`).

Limit: ``LIMITS["composite_cells"]`` cells, (non-null players + 1) x product over conditions of
(total weight + 1).

References
----------
.. [1] Bilbao, J. M., Fernandez, J. R., Jimenez Losada, A., and Lopez, J. J. (2000).
   "Generating functions for computing power indices efficiently." TOP 8(2): 191-213
   (multiple weighted majority games).
.. [2] Algaba, E., Bilbao, J. M., Fernandez Garcia, J. R., and Lopez, J. J. (2003).
   "Computing power indices in weighted multiple majority games." Mathematical Social
   Sciences 46(1): 63-80.
"""

from __future__ import annotations

__all__ = ["composite_cells", "composite_swings"]

import math

import numpy as np

from unsclab.power.games import LIMITS, LimitError
from unsclab.power.kernels import modular
from unsclab.power.kernels.common import _Types
from unsclab.power.kernels.modular import crt


def composite_cells(types: _Types) -> int:
    totals = [
        sum(w[c] * m for w, m in zip(types.weights, types.counts, strict=True))
        for c in range(len(types.quotas))
    ]
    return (types.active + 1) * math.prod(t + 1 for t in totals)


def composite_swings(types: _Types):
    cells = composite_cells(types)
    if cells > LIMITS["composite_cells"]:
        raise LimitError(
            f"exact computation of a game with several conditions is limited to "
            f"(non-null players + 1) x product of (total weight + 1) <= "
            f"{LIMITS['composite_cells']:,} cells, this game needs {cells:,}",
            field="conditions",
        )
    n = types.active
    C_ = len(types.quotas)
    totals = [
        sum(w[c] * m for w, m in zip(types.weights, types.counts, strict=True))
        for c in range(C_)
    ]
    primes = modular.moduli_for(n)
    K = 1 if primes is None else len(primes)
    dtype = np.int64 if primes is None else np.uint64
    S = n + 1
    shape = (S, K) + tuple(t + 1 for t in totals)
    T = np.zeros(shape, dtype=dtype)
    T[(0, slice(None)) + (0,) * C_] = 1
    M = None if primes is None else np.array(primes, dtype=np.uint64).reshape((K,) + (1,) * C_)

    def reduce(a):
        if M is not None:
            np.minimum(a, a - M, out=a)

    for w, m in zip(types.weights, types.counts, strict=True):
        for _ in range(m):
            dst = T[(slice(1, S), slice(None)) + tuple(slice(x, None) for x in w)]
            src = T[(slice(0, S - 1), slice(None)) + tuple(slice(0, t + 1 - x)
                                                           for x, t in zip(w, totals, strict=True))]
            np.add(dst, src, out=dst)
            reduce(dst)
    # winning status of every weight vector
    grids = np.indices(tuple(t + 1 for t in totals), dtype=np.int64)
    win = np.ones(grids.shape[1:], dtype=bool)
    for c, q in enumerate(types.quotas):
        win &= grids[c] >= q
    winning = _masked_total(T, win, primes)
    out = []
    for w in types.weights:
        wv = np.ones_like(win)
        for c, q in enumerate(types.quotas):
            wv &= grids[c] + w[c] >= q
        region = wv & ~win
        prev = None
        sizes = []
        for s in range(S):
            cur = T[s].astype(np.int64) if M is not None else T[s].copy()
            if prev is not None:
                dst = cur[(slice(None),) + tuple(slice(x, None) for x in w)]
                dst -= prev[(slice(None),) + tuple(slice(0, t + 1 - x)
                                                   for x, t in zip(w, totals, strict=True))]
                if M is not None:
                    np.mod(cur, M.astype(np.int64), out=cur)
            sizes.append(_masked_residues(cur, region, primes))
            prev = cur
        arr = np.array(sizes, dtype=np.int64 if primes is not None else object)
        if primes is None:
            out.append([int(x) for x in arr[:, 0]])
        else:
            out.append([int(x) for x in crt(arr, primes)])
    return winning, out


def _masked_residues(cur: np.ndarray, mask: np.ndarray, primes):
    """Per modulus, the sum of ``cur[k][mask]`` (exact; residues when modular)."""
    K = cur.shape[0]
    res = []
    for k in range(K):
        vals = cur[k][mask]
        if primes is None:
            res.append(int(vals.sum()))
        else:
            v = vals.astype(np.int64)
            hi = int((v >> 26).sum())
            lo = int((v & ((1 << 26) - 1)).sum())
            res.append(((hi << 26) + lo) % primes[k])
    return res


def _masked_total(T: np.ndarray, mask: np.ndarray, primes) -> int:
    per_s = np.array([_masked_residues(T[s], mask, primes) for s in range(T.shape[0])],
                     dtype=np.int64 if primes is not None else object)
    if primes is None:
        return int(sum(int(x) for x in per_s[:, 0]))
    tot = np.mod(per_s.sum(axis=0), np.array(primes, dtype=np.int64))  # < S * 2^51, fine
    return int(crt(tot, primes))
