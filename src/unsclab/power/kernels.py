"""Exact counting kernels behind the power indices.

Every index unsclab computes is a function of two summaries of a game:

:class:`Swings`
    the number of winning coalitions, and for each player the number of *swings* (coalitions
    not containing the player that lose without it and win with it), with the Shapley-Shubik
    value obtained from the swings counted by coalition size.
:class:`Structure`
    minimal winning coalitions and "vulnerable" winning coalitions (those with at least one
    critical member), for Holler, Deegan-Packel and Johnston.

Three exact kernels compute them; :func:`swings` picks one.

``enumerate``
    Players with the same weight in every condition form a *type*; coalitions are counted by
    how many members of each type they hold (a *profile*) with multinomial (product of binomial)
    counts. A 26-seat council with 11 veto seats has 12 x 16 = 192 profiles. This is the only
    kernel for :class:`Structure`. Limit: ``LIMITS["profiles"]`` profiles.
``weighted``
    One weighted condition, any number of players: the generating function
    ``prod_j (1 + y x^{w_j})`` counts coalitions by size and weight (Brams & Affuso 1976;
    Bilbao et al. 2000). The table is built once, players in ascending weight so that only the
    reachable band of each row is touched, and truncated at the quota. Each player's swings
    follow from the table divided by ``(1 + y x^{w_i})`` (the "leave-one-out" step; Uno 2012):
    ``c_{-i}[s][v] = sum_k (-1)^k c[s-k][v-k w_i]``, so a player's swings by size are alternating
    sums of differences of prefix sums of the table, O(n) per size instead of a new table per
    player. Counts reach ``2^n``, so the table is kept modulo several primes below 2^51 in
    numpy ``uint64`` (only additions and subtractions are needed, so nothing overflows) and
    the exact integers are rebuilt by the Chinese remainder theorem; the product of the primes
    exceeds ``2^n``, the bound of every quantity rebuilt. With at most 62 non-null players plain
    ``int64`` is exact and no modulus is used. Limit: ``LIMITS["weighted_cells"]`` cells.
``composite``
    Several conditions: the same generating function in as many weight dimensions as
    conditions, with the leave-one-out division done by the recurrence
    ``c_{-i}[s] = c[s] - shift(c_{-i}[s-1])``. Limit: ``LIMITS["composite_cells"]`` cells.

Null players (weight 0 in every condition) are removed before counting and put back exactly:
they double the coalition counts and leave every index of the others unchanged (the
Shapley value of a game is unchanged by adding a null player).

References
----------
.. [1] Brams, S. J., and Affuso, P. J. (1976). "Power and size: a new paradox." Theory and
   Decision 7: 29-56.
.. [2] Bilbao, J. M., Fernandez, J. R., Jimenez Losada, A., and Lopez, J. J. (2000).
   "Generating functions for computing power indices efficiently." TOP 8(2): 191-213.
.. [3] Uno, T. (2012). "Efficient computation of power indices for weighted majority games."
   In Algorithms and Computation (ISAAC 2012), LNCS 7676: 679-689.
.. [4] Leech, D. (2002). "Computation of power indices." Warwick Economic Research Papers 644.
.. [5] Matsui, T., and Matsui, Y. (2000). "A survey of algorithms for calculating power
   indices of weighted majority games." Journal of the Operations Research Society of Japan
   43(1): 71-86.
.. [6] Kakimura, N., and Terai, Y. (2025). "Computing power indices in weighted majority games
   with formal power series." arXiv:2511.14995 (the same generating functions, with modular
   computation and the Chinese remainder theorem for exact values).
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
]

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np

from unsclab.errors import GameError
from unsclab.power.games import LIMITS, CompositeGame

METHODS = ("auto", "enumerate", "weighted", "composite", "bigint")

#: profiles below which enumeration is always used (it is the cheapest kernel there)
_ENUM_FAST = 50_000
#: bytes of table processed at once when the moduli are many
_GROUP_BYTES = 256 * 2**20


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
    """

    minimal: int
    minimal_containing: tuple[int, ...]
    deegan_packel: tuple[Fraction, ...]
    vulnerable: int
    johnston_score: tuple[Fraction, ...]


# ---------------------------------------------------------------------------------------------
# player types


@dataclass(frozen=True)
class _Types:
    n: int  # all players
    weights: tuple[tuple[int, ...], ...]  # per type, weight in each canonical condition
    counts: tuple[int, ...]  # players of each type
    quotas: tuple[int, ...]  # per canonical condition
    player_type: tuple[int, ...]  # type of each player, -1 for a null player
    nulls: int

    @property
    def active(self) -> int:
        return sum(self.counts)

    @property
    def profiles(self) -> int:
        return math.prod(m + 1 for m in self.counts)


def _types(game: CompositeGame) -> _Types:
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


# ---------------------------------------------------------------------------------------------
# public entry points (cached: games are immutable and hashable)


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


def _check_players(game: CompositeGame) -> None:
    if game.n > LIMITS["players"]:
        raise GameError(
            f"exact computation is limited to {LIMITS['players']} players, got {game.n}",
            field="players",
        )


def _choose(types: _Types, method: str) -> str:
    if method != "auto":
        return method
    if types.profiles <= _ENUM_FAST:
        return "enumerate"
    if len(types.quotas) == 1:
        return "weighted"
    cells = _composite_cells(types)
    if cells <= LIMITS["composite_cells"]:
        return "composite"
    if types.profiles <= LIMITS["profiles"]:
        return "enumerate"
    raise GameError(
        f"exact computation of a game with several conditions is limited to "
        f"{LIMITS['profiles']:,} player-type profiles or {LIMITS['composite_cells']:,} table "
        f"cells ((non-null players + 1) x product of (total weight + 1)); this game has "
        f"{types.profiles:,} profiles and needs {cells:,} cells",
        field="conditions",
    )


def _compute_swings(game: CompositeGame, shapley: bool, method: str) -> Swings:
    _check_players(game)
    types = _types(game)
    n = game.n
    if types.active == 0:  # impossible for a valid game (quota >= 1), kept for safety
        raise GameError("expected at least one player with a positive weight", field="weights")
    kind = _choose(types, method)
    if kind == "enumerate":
        win, per_type_sizes = _enum_swings(types)
        sized = True
    elif kind in ("weighted", "bigint"):
        if len(types.quotas) != 1:
            raise GameError(
                f"the {kind!r} kernel takes one weighted condition, this game has "
                f"{len(types.quotas)}",
                field="method",
            )
        win, per_type_sizes = _weighted_swings(types, shapley, bigint=(kind == "bigint"))
        sized = shapley
    else:
        win, per_type_sizes = _composite_swings(types)
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


@lru_cache(maxsize=256)
def structure(game: CompositeGame) -> Structure:
    """Minimal and vulnerable winning coalitions, by enumeration over player types.

    Raises
    ------
    GameError
        When the game has more than ``LIMITS["profiles"]`` type profiles.
    """
    _check_players(game)
    types = _types(game)
    _check_profiles(types, "minimal winning coalitions")
    return _enum_structure(types)


# ---------------------------------------------------------------------------------------------
# enumeration over type profiles


def _check_profiles(types: _Types, what: str) -> None:
    p = types.profiles
    if p > LIMITS["profiles"]:
        raise GameError(
            f"{what} are computed by enumerating player-type profiles, limited to "
            f"{LIMITS['profiles']:,}; this game has {p:,} (players with distinct weights "
            f"multiply the count)",
            field="players",
        )


class _Grid:
    """Winning status, size and multiplicity of every type profile."""

    def __init__(self, types: _Types) -> None:
        _check_profiles(types, "swings")
        self.types = types
        self.shape = tuple(m + 1 for m in types.counts)
        t = len(self.shape)
        self.exact64 = types.active <= 62
        dt = np.int64 if self.exact64 else object
        self.dtype = dt
        W = np.array(types.weights, dtype=object if _big(types) else np.int64)  # (t, C)
        idx = np.indices(self.shape, dtype=np.int64)
        win = None
        for c, q in enumerate(types.quotas):
            col = W[:, c]
            total = np.zeros(self.shape, dtype=col.dtype)
            for j in range(t):
                if col[j]:
                    total = total + idx[j] * col[j]
            ok = total >= q
            win = ok if win is None else (win & ok)
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


def _enum_swings(types: _Types) -> tuple[int, list[list[int]]]:
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


def _enum_structure(types: _Types) -> Structure:
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
    mwc_t, dp_t, jo_t = [], [], []
    for j, m in enumerate(types.counts):
        b_j = g._along(g.binom[j], j)
        b_m1 = g._along(
            np.array([math.comb(m - 1, k - 1) if k else 0 for k in range(m + 1)], dtype=g.dtype),
            j,
        )
        cnt = (g.mult // b_j) * b_m1  # coalitions of profile k containing one given j-player
        mk = minimal & (g.idx[j] > 0)
        mwc_t.append(int(cnt[mk].sum()) if mk.any() else 0)
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
    )


# ---------------------------------------------------------------------------------------------
# modular arithmetic helpers


def _is_prime(n: int) -> bool:
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in small:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in small:  # deterministic for n < 3.3e24
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


@lru_cache(maxsize=None)
def _primes(k: int) -> tuple[int, ...]:
    """The ``k`` largest primes below 2^51 (each above 2^50)."""
    out = []
    c = (1 << 51) - 1
    while len(out) < k:
        if _is_prime(c):
            out.append(c)
        c -= 2
    return tuple(out)


def _moduli_for(n_active: int) -> tuple[int, ...] | None:
    """Moduli whose product exceeds 2^n (None: plain int64 is exact)."""
    if n_active <= 62:
        return None
    return _primes(-(-(n_active + 1) // 50))


def _crt(res: np.ndarray, primes: tuple[int, ...]) -> np.ndarray:
    """Rebuild integers from residues on the last axis (object array of Python ints)."""
    M = math.prod(primes)
    coef = []
    for p in primes:
        Mp = M // p
        coef.append(Mp * pow(Mp, -1, p))
    R = np.mod(res.astype(np.int64), np.array(primes, dtype=np.int64)).astype(object)
    return (R * np.array(coef, dtype=object)).sum(axis=-1) % M


def _modsum(values: np.ndarray, primes: tuple[int, ...], axis: int) -> np.ndarray:
    """Sum signed residues (|v| < 2^52) along ``axis`` modulo the primes (on the last axis
    of the result), in chunks of 2048 so that no partial sum leaves int64."""
    v = np.moveaxis(values, axis, 0).astype(np.int64)
    P = np.array(primes, dtype=np.int64)
    acc = np.zeros(v.shape[1:], dtype=np.int64)
    for st in range(0, v.shape[0], 2048):
        acc = np.mod(acc + v[st:st + 2048].sum(axis=0), P)
    return acc


# ---------------------------------------------------------------------------------------------
# one weighted condition


def _weighted_swings(types: _Types, sized: bool, bigint: bool = False):
    (quota,) = types.quotas
    ws: list[int] = []
    for w, m in zip(types.weights, types.counts, strict=True):
        ws.extend([w[0]] * m)
    ws.sort()
    n = len(ws)
    Q = quota
    S = n + 1 if sized else 1
    cells = S * (Q + 1)
    if cells > LIMITS["weighted_cells"]:
        what = "(non-null players + 1) x (quota + 1)" if sized else "quota + 1"
        raise GameError(
            f"exact computation of a weighted game is limited to {what} <= "
            f"{LIMITS['weighted_cells']:,} table cells, this game needs {cells:,}",
            field="quota",
        )
    distinct = sorted({w[0] for w in types.weights})
    if bigint:
        groups = [None]
        dtype = object
    else:
        mods = _moduli_for(n)
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
        losing = int(_crt(lr, primes_all))
        bands = {}
        for w in distinct:
            r = np.concatenate([b[w] for b in band_res], axis=-1)
            bands[w] = [int(x) for x in _crt(r, primes_all)]
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
        losing = _modsum(tot, primes, axis=0)
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
                out = _modsum(G[0], primes, axis=1)[None, :]  # (1, K)
            else:
                out = G[0].sum(axis=1)[None, :]
        bands[w] = out  # (S, K)
    return losing, bands


# ---------------------------------------------------------------------------------------------
# several conditions: multi-dimensional generating function


def _composite_cells(types: _Types) -> int:
    totals = [
        sum(w[c] * m for w, m in zip(types.weights, types.counts, strict=True))
        for c in range(len(types.quotas))
    ]
    return (types.active + 1) * math.prod(t + 1 for t in totals)


def _composite_swings(types: _Types):
    cells = _composite_cells(types)
    if cells > LIMITS["composite_cells"]:
        raise GameError(
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
    primes = _moduli_for(n)
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
            out.append([int(x) for x in _crt(arr, primes)])
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
    return int(_crt(tot, primes))
