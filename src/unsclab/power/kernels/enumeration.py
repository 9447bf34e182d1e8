"""Enumeration kernel: coalitions counted by type profile with multinomial counts.

Players with the same weight in every condition form a *type*; a coalition is summarised by how
many members of each type it holds (its *profile*), and each profile stands for the product of
binomial coefficients of coalitions. A 26-seat council with 11 veto seats has 12 x 16 = 192
profiles. Swings, minimal winning coalitions and critical members are read from the winning
status of neighbouring profiles. It is the only kernel for :class:`Structure`
(Holler, Deegan-Packel, Johnston).

Limit: ``LIMITS["profiles"]`` profiles (product over types of (count + 1)).

References
----------
.. [1] Leech, D. (2002). "Computation of power indices." Warwick Economic Research Papers 644
   (direct enumeration, and grouping of equal players).
.. [2] Matsui, T., and Matsui, Y. (2000). "A survey of algorithms for calculating power
   indices of weighted majority games." Journal of the Operations Research Society of Japan
   43(1): 71-86.
"""

from __future__ import annotations

__all__ = ["check_profiles", "enum_swings", "enum_structure"]

import math
from fractions import Fraction

import numpy as np

from unsclab.power.games import LIMITS, LimitError
from unsclab.power.kernels.common import Structure, _expand, _Types


def check_profiles(types: _Types, what: str) -> None:
    p = types.profiles
    if p > LIMITS["profiles"]:
        raise LimitError(
            f"{what} are computed by enumerating player-type profiles, limited to "
            f"{LIMITS['profiles']:,}; this game has {p:,} (players with distinct weights "
            f"multiply the count)",
            field="players",
        )


class _Grid:
    """Winning status, size and multiplicity of every type profile."""

    def __init__(self, types: _Types) -> None:
        check_profiles(types, "swings")
        self.types = types
        self.shape = tuple(m + 1 for m in types.counts)
        t = len(self.shape)
        self.exact64 = types.active <= 62
        dt = np.int64 if self.exact64 else object
        self.dtype = dt
        W = np.array(types.weights, dtype=object if _big(types) else np.int64)  # (t, C)
        idx = np.indices(self.shape, dtype=np.int64)
        met = []
        for c, q in enumerate(types.quotas):
            col = W[:, c]
            total = np.zeros(self.shape, dtype=col.dtype)
            for j in range(t):
                if col[j]:
                    total = total + idx[j] * col[j]
            met.append(total >= q)
        groups = types.groups or (tuple(range(len(met))),)
        win = np.zeros(self.shape, dtype=bool)
        for grp in groups:  # a union wins when it meets every condition of some alternative
            win |= np.logical_and.reduce([met[c] for c in grp])
        self.win = win
        self.idx = idx
        self.size = idx.sum(axis=0)
        mult = np.ones(self.shape, dtype=dt)
        self.binom = []
        for j, m in enumerate(types.counts):
            b = np.array([math.comb(m, k) for k in range(m + 1)], dtype=dt)
            self.binom.append(b)
            mult = mult * self._along(b, j)
        self.mult = mult

    def _along(self, arr: np.ndarray, j: int) -> np.ndarray:
        shape = [1] * len(self.shape)
        shape[j] = len(arr)
        return arr.reshape(shape)

    def sl(self, j: int, start: int | None, stop: int | None) -> tuple:
        s = [slice(None)] * len(self.shape)
        s[j] = slice(start, stop)
        return tuple(s)


def _big(types: _Types) -> bool:
    return any(sum(w[c] * m for w, m in zip(types.weights, types.counts, strict=True)) >= 2**62
               for c in range(len(types.quotas)))


def enum_swings(types: _Types) -> tuple[int, list[list[int]]]:
    g = _Grid(types)
    n = types.active
    winning = int(g.mult[g.win].sum()) if g.win.any() else 0
    out = []
    for j, m in enumerate(types.counts):
        lo, hi = g.sl(j, 0, m), g.sl(j, 1, m + 1)
        mask = g.win[hi] & ~g.win[lo]
        # coalitions with profile k (k_j <= m-1) avoiding one given player of type j
        b_j = g._along(g.binom[j][:m], j)
        b_m1 = g._along(np.array([math.comb(m - 1, k) for k in range(m)], dtype=g.dtype), j)
        cnt = (g.mult[lo] // b_j) * b_m1
        sizes = np.zeros(n + 1, dtype=g.dtype)
        if mask.any():
            np.add.at(sizes, g.size[lo][mask], cnt[mask])
        out.append([int(x) for x in sizes])
    return winning, out


def enum_structure(types: _Types) -> Structure:
    g = _Grid(types)
    n = types.active
    crit = []
    minimal = g.win.copy()
    ncrit = np.zeros(g.shape, dtype=np.int64)
    for j, m in enumerate(types.counts):
        cj = np.zeros(g.shape, dtype=bool)
        lo, hi = g.sl(j, 0, m), g.sl(j, 1, m + 1)
        cj[hi] = g.win[hi] & ~g.win[lo]
        crit.append(cj)
        present = g.idx[j] > 0
        minimal &= ~present | cj
        ncrit += cj * g.idx[j]
    vulnerable_mask = g.win & (ncrit > 0)
    minimal_total = int(g.mult[minimal].sum()) if minimal.any() else 0
    vulnerable = int(g.mult[vulnerable_mask].sum()) if vulnerable_mask.any() else 0
    least = int(g.size[minimal].min()) if minimal.any() else 0
    least_mask = minimal & (g.size == least)
    least_total = int(g.mult[least_mask].sum()) if least_mask.any() else 0
    mwc_t, least_t, dp_t, jo_t = [], [], [], []
    for j, m in enumerate(types.counts):
        b_j = g._along(g.binom[j], j)
        b_m1 = g._along(
            np.array([math.comb(m - 1, k - 1) if k else 0 for k in range(m + 1)], dtype=g.dtype),
            j,
        )
        cnt = (g.mult // b_j) * b_m1  # coalitions of profile k containing one given j-player
        mk = minimal & (g.idx[j] > 0)
        mwc_t.append(int(cnt[mk].sum()) if mk.any() else 0)
        lk = mk & least_mask
        least_t.append(int(cnt[lk].sum()) if lk.any() else 0)
        by_size = np.zeros(n + 1, dtype=g.dtype)
        if mk.any():
            np.add.at(by_size, g.size[mk], cnt[mk])
        dp = sum((Fraction(int(c), s) for s, c in enumerate(by_size) if c), Fraction(0))
        dp_t.append(dp / minimal_total if minimal_total else Fraction(0))
        by_c = np.zeros(n + 1, dtype=g.dtype)
        if crit[j].any():
            np.add.at(by_c, ncrit[crit[j]], cnt[crit[j]])
        jo_t.append(sum((Fraction(int(c), k) for k, c in enumerate(by_c) if c), Fraction(0)))
    scale = 1 << types.nulls
    return Structure(
        minimal=minimal_total,
        minimal_containing=_expand(types, mwc_t, 0),
        deegan_packel=_expand(types, dp_t, Fraction(0)),
        vulnerable=vulnerable * scale,
        johnston_score=_expand(types, [x * scale for x in jo_t], Fraction(0)),
        least_size=least,
        least_minimal=least_total,
        least_containing=_expand(types, least_t, 0),
    )

