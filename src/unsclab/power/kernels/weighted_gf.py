"""Weighted generating-function kernel: one weighted condition, any number of players.

The generating function ``prod_j (1 + y x^{w_j})`` counts coalitions by size and weight (Brams &
Affuso 1976; Bilbao et al. 2000). The table is built once, players in ascending weight so that
only the reachable band of each row is touched, and truncated at the quota. Each player's swings
follow from the table divided by ``(1 + y x^{w_i})`` (the "leave-one-out" step; Uno 2012):
``c_{-i}[s][v] = sum_k (-1)^k c[s-k][v-k w_i]``, so a player's swings by size are alternating
sums of differences of prefix sums of the table, O(n) per size instead of a new table per
player. Counts are kept modulo primes (:mod:`unsclab.power.kernels.modular`); with at most 62
non-null players plain ``int64`` is exact and no modulus is used. Without the size dimension
(Banzhaf only) the table has one row.

Limit: ``LIMITS["weighted_cells"]`` cells, (non-null players + 1) x (quota + 1) with the size
dimension, quota + 1 without.

References
----------
.. [1] Brams, S. J., and Affuso, P. J. (1976). "Power and size: a new paradox." Theory and
   Decision 7: 29-56.
.. [2] Bilbao, J. M., Fernandez, J. R., Jimenez Losada, A., and Lopez, J. J. (2000).
   "Generating functions for computing power indices efficiently." TOP 8(2): 191-213.
.. [3] Uno, T. (2012). "Efficient computation of power indices for weighted majority games."
   In Algorithms and Computation (ISAAC 2012), LNCS 7676: 679-689.
"""

from __future__ import annotations

__all__ = ["weighted_cells", "weighted_swings"]

import numpy as np

from unsclab.power.games import LIMITS, LimitError
from unsclab.power.kernels import modular
from unsclab.power.kernels.common import _Types
from unsclab.power.kernels.modular import crt, modsum

#: bytes of table processed at once when the moduli are many
_GROUP_BYTES = 256 * 2**20


def weighted_cells(types: _Types, sized: bool) -> int:
    """Table cells the kernel needs: (non-null players + 1) x (quota + 1), or quota + 1
    without the size dimension (Banzhaf and Coleman only)."""
    (quota,) = types.quotas
    return (types.active + 1 if sized else 1) * (quota + 1)


def weighted_swings(types: _Types, sized: bool, bigint: bool = False):
    """Winning count and, per type, swings by coalition size (one entry when not ``sized``)."""
    (quota,) = types.quotas
    ws: list[int] = []
    for w, m in zip(types.weights, types.counts, strict=True):
        ws.extend([w[0]] * m)
    ws.sort()
    n = len(ws)
    Q = quota
    S = n + 1 if sized else 1
    cells = weighted_cells(types, sized)
    if cells > LIMITS["weighted_cells"]:
        what = "(non-null players + 1) x (quota + 1)" if sized else "quota + 1"
        raise LimitError(
            f"exact computation of a weighted game is limited to {what} <= "
            f"{LIMITS['weighted_cells']:,} table cells, this game needs {cells:,}",
            field="quota",
        )
    distinct = sorted({w[0] for w in types.weights})
    if bigint:
        groups = [None]
        dtype = object
    else:
        mods = modular.moduli_for(n)
        dtype = np.int64 if mods is None else np.uint64
        if mods is None:
            groups = [None]
        else:
            per = max(1, _GROUP_BYTES // (cells * 8))
            groups = [mods[i:i + per] for i in range(0, len(mods), per)]
    losing_res, band_res = [], []
    for primes in groups:
        P = _weighted_table(ws, Q, S, primes, dtype)
        losing, bands = _weighted_bands(P, Q, distinct, primes, sized)
        losing_res.append(losing)
        band_res.append(bands)
        del P
    if groups[0] is None:
        losing = int(losing_res[0][0])
        bands = {w: [int(x) for x in b[:, 0]] for w, b in band_res[0].items()}
    else:
        primes_all = tuple(p for grp in groups for p in grp)
        lr = np.concatenate([np.asarray(x, dtype=np.int64) for x in losing_res])
        losing = int(crt(lr, primes_all))
        bands = {}
        for w in distinct:
            r = np.concatenate([b[w] for b in band_res], axis=-1)
            bands[w] = [int(x) for x in crt(r, primes_all)]
    winning = (1 << n) - losing
    return winning, [bands[w[0]] for w in types.weights]


def _weighted_table(ws, Q, S, primes, dtype):
    """Prefix sums P[s, k, v] = #coalitions of size s and weight < v (mod primes[k])."""
    K = 1 if primes is None else len(primes)
    C = np.zeros((S, K, Q + 1), dtype=dtype)
    if dtype is object:
        C[...] = 0
    C[0, :, 1] = 1  # the empty coalition: size 0, weight 0 (column v + 1 holds weight v)
    modular = primes is not None
    if modular:
        M = np.array(primes, dtype=np.uint64).reshape(K, 1)
        tmp = np.empty((K, Q + 1), dtype=np.uint64)
    pre = [0]
    sized = S > 1
    for j, w in enumerate(ws):
        if w <= Q - 1:
            if sized:
                for s in range(j + 1, 0, -1):
                    a = pre[s - 1]  # lightest weight of s-1 of the first j players
                    if a > Q - 1 - w:
                        continue
                    b = min(pre[j] - pre[j - s + 1], Q - 1 - w)  # heaviest, capped
                    dst = C[s, :, a + w + 1:b + w + 2]
                    np.add(dst, C[s - 1, :, a + 1:b + 2], out=dst)
                    if modular:
                        t = tmp[:, :b - a + 1]
                        np.subtract(dst, M, out=t)
                        np.minimum(dst, t, out=dst)
            else:
                b = min(pre[j], Q - 1 - w)
                dst = C[0, :, w + 1:b + w + 2]
                np.add(dst, C[0, :, 1:b + 2], out=dst)  # numpy buffers the overlap
                if modular:
                    t = tmp[:, :b + 1]
                    np.subtract(dst, M, out=t)
                    np.minimum(dst, t, out=dst)
        pre.append(pre[-1] + w)
    # prefix sums along the weight axis
    if not modular:
        np.cumsum(C, axis=2, out=C)
    else:
        Mb = M.reshape(1, K, 1)
        carry = np.zeros((S, K, 1), dtype=np.uint64)
        step = 4096  # 4096 * 2^51 + 2^51 < 2^64
        for st in range(0, Q + 1, step):
            blk = C[:, :, st:st + step]
            np.cumsum(blk, axis=2, out=blk)
            blk += carry
            np.remainder(blk, Mb, out=blk)
            carry = blk[:, :, -1:].copy()
    return C


def _weighted_bands(P, Q, distinct, primes, sized):
    """Losing count and, per distinct weight, swings by size (residues on the last axis)."""
    S = P.shape[0]
    modular = primes is not None
    if modular:
        tot = P[:, :, Q].astype(np.int64)
        losing = modsum(tot, primes, axis=0)
    else:
        losing = P[:, :, Q].sum(axis=0)
    bands = {}
    for w in distinct:
        if sized:
            kmax = min((Q - 1) // w, S - 1)
        else:
            kmax = (Q - 1) // w
        ks = np.arange(kmax + 1, dtype=np.int64)
        hi = Q - ks * w
        lo = np.maximum(0, Q - (ks + 1) * w)
        if modular:
            G = P[:, :, hi].astype(np.int64) - P[:, :, lo].astype(np.int64)
        else:
            G = P[:, :, hi] - P[:, :, lo]
        G[:, :, 1::2] *= -1
        if sized:
            out = G[:, :, 0].copy()
            for k in range(1, kmax + 1):
                out[k:] += G[:S - k, :, k]
            if modular:
                out = np.mod(out, np.array(primes, dtype=np.int64))
        else:
            if modular:
                out = modsum(G[0], primes, axis=1)[None, :]  # (1, K)
            else:
                out = G[0].sum(axis=1)[None, :]
        bands[w] = out  # (S, K)
    return losing, bands

