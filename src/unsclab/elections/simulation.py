"""Simulation of the elections, year by year, ``draws`` times at once (numpy, one row per draw).

Each year the seats whose terms start are emptied and refilled class by class: re-eligible
members may stay (probability ``reelect``), the real members elected for that year take their
seats where the membership table knows them, the Arab swing seat goes first to an Arab state of
its group, and the remaining seats are drawn by Gumbel top-k sampling with the calibrated
weights among the members of the class's pool who are not sitting (see :mod:`unsclab.elections`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

from unsclab.designs.model import Design
from unsclab.elections.seats import (
    ARAB_STATES,
    LAST_KNOWN_YEAR,
    P5,
    PERMANENT_KAPPA,
    _arab_classes,
    _cohorts,
    _pool_mask,
    _Slot,
)
from unsclab.elections.states import membership, real_members, universe

if TYPE_CHECKING:
    from unsclab.designs.model import Seat
    from unsclab.elections.calibration import ElectionModel


@dataclass
class ElectionSim:
    """Simulated holders: ``holders[d, y, k]`` is the index in ``states`` of the holder of seat
    ``k`` (of ``design.seat_list()``) in year ``years[y]`` in draw ``d`` (−1: empty)."""

    design: Design
    years: np.ndarray
    states: tuple[str, ...]
    holders: np.ndarray
    draws: int
    seed: int | None
    model: ElectionModel
    notes: list[str] = field(default_factory=list)

    def sit_probability(self) -> np.ndarray:
        """(years, states): probability that each state sits in each year."""
        D, Yn, K = self.holders.shape
        out = np.zeros((Yn, len(self.states)))
        for y in range(Yn):
            h = self.holders[:, y, :]
            flat = h[h >= 0]
            # a state holds at most one seat in a year, so counts / draws is the probability
            out[y] = np.bincount(flat, minlength=len(self.states)) / D
        return out

    def class_shares(self) -> dict[str, dict[str, Fraction]]:
        """Mean seats of each class held per year, per state (exact rational of the sample)."""
        seats = self.design.seat_list()
        D, Yn, K = self.holders.shape
        total = D * Yn
        out: dict[str, dict[str, Fraction]] = {c.id: {} for c in self.design.seats}
        for k, seat in enumerate(seats):
            h = self.holders[:, :, k].ravel()
            counts = np.bincount(h[h >= 0], minlength=len(self.states))
            for i in np.flatnonzero(counts):
                code = self.states[i]
                out[seat.seat_class][code] = out[seat.seat_class].get(code, Fraction(0)) + \
                    Fraction(int(counts[i]), total)
        return out


def _gumbel_pick(keys: np.ndarray, allowed: np.ndarray, k: int) -> np.ndarray:
    """Per row, the indices of the k largest keys among allowed columns (−1 if none left)."""
    keys = np.where(allowed, keys, -np.inf)
    out = np.full((keys.shape[0], k), -1, dtype=np.int64)
    for j in range(k):
        best = np.argmax(keys, axis=1)
        ok = np.isfinite(keys[np.arange(len(best)), best])
        out[:, j] = np.where(ok, best, -1)
        keys[np.arange(len(best)), best] = -np.inf
    return out



@dataclass
class _Run:
    """What every simulated year of one :func:`simulate` call shares."""

    design: Design
    model: ElectionModel
    rng: np.random.Generator
    draws: int
    states: tuple[str, ...]
    index: dict[str, int]  # state -> position in ``states``
    slots: list[_Slot]
    pools: dict[str, np.ndarray]  # class id -> states that may stand
    weights: np.ndarray
    logw: np.ndarray
    arab: dict[str, str]  # group -> class id of the Arab swing seat
    arab_mask: dict[str, np.ndarray]
    seeded: bool  # started from the real members (incumbents)
    start: int  # first simulated year (burn-in included)
    known_until: int
    unavailable: dict[int, set[str]] | None


def simulate(design: Design, years: range | tuple[int, int], draws: int = 1000,
             seed: int | None = 1, *, model: ElectionModel | None = None,
             rng: np.random.Generator | None = None, arab_swing: bool | None = None,
             burn_in: int | None = None, incumbents: bool = True,
             known_until: int = LAST_KNOWN_YEAR,
             unavailable: dict[int, set[str]] | None = None) -> ElectionSim:
    """Simulate elections to ``design`` for ``years`` (inclusive range), ``draws`` times.

    ``incumbents``: seed two-year classes with the real members (membership table) whose terms
    continue into the first simulated year, and exclude the real members retiring the year
    before (no immediate re-election); in years up to ``known_until`` (default 2027, the last
    year the membership table lists) the real members elected for terms starting that year take
    their seats in two-year elected classes of their group before the other seats are drawn.
    Otherwise the run starts ``burn_in`` years early (default: the longest term) from empty
    seats. ``unavailable`` maps a year to states that cannot take a simulated seat that year
    (replay: the states really sitting).
    """
    from unsclab.elections.calibration import default_model
    from unsclab.votes.alignment import LAST_GA_YEAR

    if isinstance(years, tuple):
        years = range(years[0], years[1] + 1)
    model = model or default_model()
    U = universe()
    seats = design.seat_list()
    maxterm = max([c.term_years or 1 for c in design.seats] + [1])
    y_first, y_last = min(years), max(years)
    prev_real = set(real_members(y_first - 1)) if y_first - 1 <= known_until else set()
    seeded = incumbents and bool(prev_real)
    start = y_first if seeded else y_first - (maxterm if burn_in is None else burn_in)
    sim_years = range(start, y_last + 1)
    member = membership(sim_years)
    weights = model.weights(U)
    run = _Run(design, model, rng if rng is not None else np.random.default_rng(seed), draws, U,
               {s: i for i, s in enumerate(U)}, _cohorts(design),
               {c.id: _pool_mask(design, c, U) for c in design.seats}, weights, np.log(weights),
               _arab_classes(design) if arab_swing in (None, True) else {},
               {g: np.array([s in ARAB_STATES[g] for s in U]) for g in ARAB_STATES},
               seeded, start, known_until, unavailable)

    holders = np.full((draws, len(years), len(seats)), -1, dtype=np.int16)
    perm_member = member[-1] if y_first > LAST_GA_YEAR else member[sim_years.index(y_first)]
    cur = _first_holders(run, seats, perm_member)
    retiring = np.zeros((draws, len(U)), dtype=bool)
    if seeded:
        _seat_continuing(run, cur, prev_real, y_first)
        for s in prev_real:
            if s in run.index:
                retiring[:, run.index[s]] = True
    for yi, y in enumerate(sim_years):
        _elect(run, y, member[yi], cur, retiring)
        if y >= y_first:
            holders[:, y - y_first, :] = cur
    return ElectionSim(design, np.arange(y_first, y_last + 1), U, holders, draws, seed, model)


def _first_holders(run: _Run, seats: list[Seat], perm_member: np.ndarray) -> np.ndarray:
    """(draws, seats) holders before the first year: the named holders, and the unnamed
    permanent seats, drawn once per draw with weights ``strength ** PERMANENT_KAPPA``."""
    draws, n = run.draws, len(run.states)
    cur = np.full((draws, len(seats)), -1, dtype=np.int64)
    for k, s in enumerate(seats):
        if s.holder is not None and s.holder in run.index:
            cur[:, k] = run.index[s.holder]
    taken = np.zeros((draws, n), dtype=bool)
    for k in np.flatnonzero(cur[0] >= 0):
        taken[:, cur[0, k]] = True
    for c in run.design.seats:
        if c.kind != "permanent":
            continue
        ks = [k for k, s in enumerate(seats) if s.seat_class == c.id and s.holder is None]
        if not ks:
            continue
        g = run.rng.gumbel(size=(draws, n))
        pick = _gumbel_pick(PERMANENT_KAPPA * run.logw + g, run.pools[c.id] & perm_member & ~taken,
                            len(ks))
        for j, k in enumerate(ks):
            cur[:, k] = pick[:, j]
            ok = pick[:, j] >= 0
            taken[np.flatnonzero(ok), pick[ok, j]] = True
    return cur


def _seat_continuing(run: _Run, cur: np.ndarray, prev_real: set[str], y_first: int) -> None:
    """Seed the two-year classes with the real members whose terms continue into ``y_first``."""
    before = set(real_members(y_first - 2))
    continuing = sorted(prev_real - before - set(P5))
    for c in run.design.seats:
        T = c.term_years or 0
        if c.kind == "permanent" or T != 2:
            continue
        open_slots = [sl for sl in run.slots if sl.cls.id == c.id
                      and (y_first - 1 - sl.offset) % T == 0]
        fits = [s for s in continuing if s in run.index and run.pools[c.id][run.index[s]]]
        for sl, s in zip(open_slots, fits):
            cur[:, sl.seat_index] = run.index[s]
            continuing.remove(s)


def _mark(mask: np.ndarray, idx: np.ndarray) -> None:
    """Set ``mask[d, idx[d, j]]`` for every held entry (``idx >= 0``) of ``idx``."""
    rows = np.repeat(np.arange(len(idx)), idx.shape[1])
    flat = idx.ravel()
    ok = flat >= 0
    mask[rows[ok], flat[ok]] = True


def _elect(run: _Run, y: int, mem: np.ndarray, cur: np.ndarray, retiring: np.ndarray) -> None:
    """Fill the seats whose terms start in year ``y``, class by class (``cur`` in place)."""
    draws, n = run.draws, len(run.states)
    starting = [sl for sl in run.slots
                if (y - sl.offset) % (sl.cls.term_years or 1) == 0 or y == run.start]
    if run.seeded and y == run.start:
        starting = [sl for sl in starting if cur[0, sl.seat_index] < 0]
    start_cols = [sl.seat_index for sl in starting]
    old = cur[:, start_cols].copy() if start_cols else np.zeros((draws, 0), np.int64)
    retiring_now = np.zeros((draws, n), dtype=bool)
    if y != run.start or run.seeded:
        _mark(retiring_now, old)
        if y == run.start and run.seeded:
            retiring_now |= retiring
    cur[:, start_cols] = -1
    sitting = np.zeros((draws, n), dtype=bool)
    _mark(sitting, cur)
    blocked = sitting | ~mem[None, :]
    if run.unavailable and y in run.unavailable:
        for s in run.unavailable[y]:
            if s in run.index:
                blocked[:, run.index[s]] = True
    by_class: dict[str, list[_Slot]] = {}
    for sl in starting:
        by_class.setdefault(sl.cls.id, []).append(sl)
    for sls in by_class.values():
        _fill_class(run, y, sls, cur, old[:, [start_cols.index(sl.seat_index) for sl in sls]],
                    blocked, retiring_now)


def _fill_class(run: _Run, y: int, sls: list[_Slot], cur: np.ndarray, prev: np.ndarray,
                blocked: np.ndarray, retiring_now: np.ndarray) -> None:
    """Elect the seats ``sls`` of one class starting in ``y``; ``prev`` their last holders.
    Updates ``cur`` and ``blocked`` (who sits) in place."""
    draws, c = run.draws, sls[0].cls
    cols = [sl.seat_index for sl in sls]
    pool = run.pools[c.id][None, :]
    allowed = pool & ~blocked
    need = np.ones((draws, len(cols)), dtype=bool)
    if c.re_eligible:
        keep = (prev >= 0) & (run.rng.random(prev.shape) < run.model.reelect)
        keep &= ~np.take_along_axis(blocked, np.maximum(prev, 0), axis=1)
        for j, k in enumerate(cols):
            cur[keep[:, j], k] = prev[keep[:, j], j]
            r = np.flatnonzero(keep[:, j])
            blocked[r, prev[r, j]] = True
        need = ~keep
        allowed = pool & ~blocked & ~retiring_now
    else:
        allowed &= ~retiring_now
    if run.model.threshold > 0:
        w = run.weights[None, :]
        wmax = np.max(np.where(allowed, w, 0), axis=1, keepdims=True)
        strong = allowed & (w >= run.model.threshold * wmax)
        enough = strong.sum(axis=1) >= len(cols)
        allowed = np.where(enough[:, None], strong, allowed)
    keys = run.logw[None, :] + run.rng.gumbel(size=(draws, len(run.states)))
    placed_real = False
    if run.seeded and y <= run.known_until and c.kind == "elected" and c.term_years == 2 \
            and not c.re_eligible:
        placed_real = _seat_real_starters(run, y, c.id, cols, cur, need, allowed, blocked)
    arab_first = None if placed_real else _arab_cohort(run, y, c.id, sls)
    for j, k in enumerate(cols):
        a = allowed.copy()
        if j == 0 and arab_first:
            only = a & run.arab_mask[arab_first][None, :]
            a = np.where(only.any(axis=1)[:, None], only, a)
        pick = _gumbel_pick(keys, a, 1)[:, 0]
        pick = np.where(need[:, j], pick, -2)
        chosen = pick >= 0
        cur[chosen, k] = pick[chosen]
        allowed[np.flatnonzero(chosen), pick[chosen]] = False
        blocked[np.flatnonzero(chosen), pick[chosen]] = True


def _seat_real_starters(run: _Run, y: int, cid: str, cols: list[int], cur: np.ndarray,
                        need: np.ndarray, allowed: np.ndarray, blocked: np.ndarray) -> bool:
    """The real members elected for terms starting in ``y`` take the class's seats first, in
    the draws where they are not already sitting. True if any was placed."""
    starters = [x for x in real_members(y)
                if x not in real_members(y - 1) and x not in P5 and x in run.index]
    j = 0
    for x in starters:
        xi = run.index[x]
        if j >= len(cols) or not run.pools[cid][xi]:
            continue
        free_d = ~blocked[:, xi]  # draws where the state is not already sitting
        cur[free_d, cols[j]] = xi
        need[free_d, j] = False
        allowed[:, xi] = False
        blocked[free_d, xi] = True
        j += 1
    return j > 0


def _arab_cohort(run: _Run, y: int, cid: str, sls: list[_Slot]) -> str | None:
    """The group whose Arab state takes the swing seat of class ``cid`` in ``y``, if any: Africa
    in years ≡ 0 mod 4, Asia-Pacific in years ≡ 2 mod 4, from 1968."""
    if y >= 1968 and run.arab:
        g = "AG" if y % 4 == 0 else "APG" if y % 4 == 2 else None
        if g and run.arab.get(g) == cid and any(sl.offset == y % 2 for sl in sls):
            return g
    return None


def elections_occupancy(design: Design, years: range | tuple[int, int] = (2027, 2060),
                        draws: int = 1000, seed: int | None = 1):
    """Expected occupancy of the design's seats under the elections model, as an
    :class:`unsclab.occupancy.Occupancy` with method ``"elections"`` (shares are the exact
    rational means of the simulated sample)."""
    from unsclab.occupancy import Occupancy

    from unsclab.designs.sharing import member_shares

    sim = simulate(design, years, draws, seed)
    shares = sim.class_shares()
    for c in design.seats:  # a shared seat is held by its organisation, for its members
        if c.shared is not None:
            shares[c.id] = member_shares(c.shared)
    return Occupancy(design.id, "elections", shares)
