"""Stage 2 of the replay: who holds each simulated seat, in each draw and year.

- **Unnamed permanent seats** are held, in each draw, by the states of a random order of the
  seat's group drawn with weights ``strength ** 4`` (:data:`unsclab.elections.PERMANENT_KAPPA`;
  the elections model's calibrated strengths, so Japan, Brazil, Germany, India … are the
  likeliest), taking at each date the first states of the order that are UN members then.
- **Elected and long-term seats left empty** are held for terms of the class's length,
  staggered as :mod:`unsclab.elections` staggers the class, by a state drawn with probability
  proportional to its electability among the seat pool's UN members who sit in none of the
  term's years and hold no other seat then; without re-eligibility the previous term's holder is
  excluded.
- **The elected seat a drawn permanent holder leaves** (when that holder really sat) is filled
  year by year from the same weights.
- **A named holder who did not really sit** holds its seat in the years it is a UN member.
- **A seat shared by an organisation** is "held" by its most populous member of the year, whose
  predicted vote it casts when none of its members sat (:mod:`unsclab.replay.shared`).

Holders are universe indices (:class:`unsclab.replay.window.ReplayWindow`), −1 for an empty
seat. ``taken[d, y, s]`` marks the states holding some seat in draw ``d`` and year ``y``, so no
state holds two.
"""

from __future__ import annotations

__all__ = ["draw_holders"]

from dataclasses import dataclass

import numpy as np

from unsclab.designs.model import Design
from unsclab.replay.seating import (ELECTED, LEFT_BY_PERMANENT, NAMED, NEW_PERMANENT, SHARED,
                                    SimulatedSeat)
from unsclab.replay.window import ReplayWindow

EMPTY = -1


def _pool(design: Design, cls_id: str, universe: tuple[str, ...]) -> np.ndarray:
    """Universe indices of the states eligible for a seat class."""
    from unsclab.elections import _pool_mask

    return np.flatnonzero(_pool_mask(design, design.seat_class(cls_id), universe))


def _yearly_draw(rng: np.random.Generator, weights: np.ndarray, taken: np.ndarray,
                 pool: np.ndarray, draws: int, rounds: int = 4) -> np.ndarray:
    """For each (draw, year), a pool position drawn with probability proportional to the year's
    ``weights`` (years × pool) among states not yet ``taken`` in that draw and year, marked
    taken. A few rounds of rejection (redraw a pick already taken), then an exact masked draw
    for the rest: the law of a sequential weighted draw without replacement. −1 where nobody
    is left."""
    n_years, n_pool = weights.shape
    cum = np.cumsum(weights, axis=1)
    total = cum[:, -1]
    out = np.full((draws, n_years), EMPTY, dtype=np.int64)
    span = float(total.max()) + 1.0
    flat = (cum + np.arange(n_years)[:, None] * span).ravel()
    years = np.flatnonzero(total > 0)
    d = np.repeat(np.arange(draws), len(years))
    y = np.tile(years, draws)
    for _ in range(rounds):
        if len(d) == 0:
            break
        u = rng.random(len(d)) * total[y]
        idx = np.minimum(np.searchsorted(flat, u + y * span, side="right") - y * n_pool,
                         n_pool - 1)
        clash = taken[d, y, pool[idx]]
        ok = ~clash
        out[d[ok], y[ok]] = idx[ok]
        taken[d[ok], y[ok], pool[idx[ok]]] = True
        d, y = d[clash], y[clash]
    if len(d):
        left = weights[y] * ~taken[d[:, None], y[:, None], pool[None, :]]
        c = np.cumsum(left, axis=1)
        tot = c[:, -1]
        idx = np.minimum((c <= (rng.random(len(d)) * tot)[:, None]).sum(axis=1), n_pool - 1)
        has = tot > 0
        out[d[has], y[has]] = idx[has]
        taken[d[has], y[has], pool[idx[has]]] = True
    return np.where(out >= 0, pool[np.maximum(out, 0)], EMPTY)


def _term_starts(first_year: int, n_years: int, term: int, offset: int) -> list[int]:
    """Year indices where a term starts (terms begin in years ≡ offset mod term; the first is
    cut at the start of the period)."""
    return [0] + [k for k in range(1, n_years) if (first_year + k - offset) % term == 0]


def _exact_draw(rng: np.random.Generator, weights: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """One state per row of ``weights`` (rows × pool), drawn in proportion; −1 for a row of
    zeros."""
    cum = np.cumsum(weights, axis=1)
    total = cum[:, -1]
    j = np.minimum((cum <= (rng.random(len(total)) * total)[:, None]).sum(axis=1), len(pool) - 1)
    return np.where(total > 0, pool[j], EMPTY)


@dataclass(frozen=True)
class _Terms:
    """The terms of one elected seat in the period: each term's first year, its years where
    the seat must be filled (padded with 0, ``valid`` marks the real ones), and the
    electability of each pool state for it (0 for states not eligible)."""

    starts: list[int]
    years: np.ndarray       # (terms, longest)
    valid: np.ndarray       # (terms, longest)
    weights: np.ndarray     # (terms, pool)

    def busy(self, taken: np.ndarray, d: np.ndarray, j: np.ndarray,
             states: np.ndarray) -> np.ndarray:
        """Whether ``states`` (n) hold a seat in draw ``d`` in some year of term ``j``."""
        n_years, n_states = taken.shape[1:]
        flat = taken.reshape(-1)
        base = d * (n_years * n_states) + states
        out = np.zeros(len(d), dtype=bool)
        for col in range(self.years.shape[1]):  # 1-D takes: much faster than 3-D indexing
            out |= flat.take(base + self.years[j, col] * n_states) & self.valid[j, col]
        return out

    def free(self, taken: np.ndarray, d: np.ndarray, j: np.ndarray,
             pool: np.ndarray) -> np.ndarray:
        """Whether each pool state (n × pool) holds no seat in draw ``d`` in term ``j``."""
        rows = taken[d[:, None], self.years[j]]              # (n, longest, universe)
        return ~(rows[:, :, pool] & self.valid[j][:, :, None]).any(axis=1)

    def mark(self, taken: np.ndarray, pick: np.ndarray) -> None:
        """Mark the holders ``pick`` (draws × terms) as holding a seat in their terms' years."""
        d, j = np.nonzero(pick >= 0)
        states = pick[d, j]
        for col in range(self.years.shape[1]):
            ok = self.valid[j, col]
            taken[d[ok], self.years[j[ok], col], states[ok]] = True


def _terms(window: ReplayWindow, term: int, offset: int, needed_years: np.ndarray,
           pool: np.ndarray) -> _Terms:
    starts = _term_starts(window.first_year, window.n_years, term, offset)
    needed = [np.arange(a, b)[needed_years[a:b]]
              for a, b in zip(starts, starts[1:] + [window.n_years])]
    years = np.zeros((len(starts), max(1, max(len(n) for n in needed))), dtype=np.int64)
    valid = np.zeros(years.shape, dtype=bool)
    for j, n in enumerate(needed):
        years[j, :len(n)] = n
        valid[j, :len(n)] = True
    sat = (window.really_sat[years][:, :, pool] & valid[:, :, None]).any(axis=1)
    eligible = window.un_member[starts][:, pool] & ~sat & valid.any(axis=1)[:, None]
    return _Terms(starts, years, valid, np.where(eligible, window.electability[pool], 0.0))


def _restricted_draw(rng: np.random.Generator, terms: _Terms, taken: np.ndarray,
                     d: np.ndarray, j: np.ndarray, pool: np.ndarray,
                     previous: np.ndarray | None = None, rounds: int = 10) -> np.ndarray:
    """For each pair (draw ``d``, term ``j``), a pool state drawn by the term's weights among
    the states holding no seat in that draw in the term's years (and other than ``previous``):
    rounds of rejection, then an exact draw from the restricted weights for the pairs left —
    each the law of the restricted draw. −1 where no state is left."""
    cum = np.cumsum(terms.weights, axis=1)
    total = cum[:, -1]
    span = float(total.max()) + 1.0
    flat = (cum + np.arange(len(total))[:, None] * span).ravel()
    out = np.full(len(d), EMPTY, dtype=np.int64)
    left = np.flatnonzero(total[j] > 0)
    for _ in range(rounds):
        if len(left) == 0:
            return out
        dl, jl = d[left], j[left]
        u = rng.random(len(left)) * total[jl] + jl * span
        idx = np.minimum(np.searchsorted(flat, u, side="right") - jl * len(pool), len(pool) - 1)
        clash = terms.busy(taken, dl, jl, pool[idx])
        if previous is not None:
            clash |= pool[idx] == previous[left]
        out[left[~clash]] = pool[idx[~clash]]
        left = left[clash]
    if len(left):
        free = terms.free(taken, d[left], j[left], pool)
        if previous is not None:
            free &= pool[None, :] != previous[left][:, None]
        out[left] = _exact_draw(rng, terms.weights[j[left]] * free, pool)
    return out


def _term_draw(rng: np.random.Generator, window: ReplayWindow, term: int, offset: int,
               needed_years: np.ndarray, pool: np.ndarray, taken: np.ndarray, draws: int,
               re_eligible: bool) -> np.ndarray:
    """Holders (draws × years) of one elected seat, all terms at once: each term's holder is
    drawn by electability among the pool's UN members (at the term's start) who sit in none of
    the term's needed years and hold no other seat then in that draw. Without re-eligibility,
    a holder equal to the previous term's (final) holder is drawn again excluding it, earliest
    term first in each draw (rejection again: the law of the sequential draw that excludes it
    from the start)."""
    terms = _terms(window, term, offset, needed_years, pool)
    n_terms = len(terms.starts)
    d, j = np.repeat(np.arange(draws), n_terms), np.tile(np.arange(n_terms), draws)
    pick = _restricted_draw(rng, terms, taken, d, j, pool).reshape(draws, n_terms)
    while not re_eligible and n_terms > 1:
        repeat = (pick[:, 1:] >= 0) & (pick[:, 1:] == pick[:, :-1])
        rows = np.flatnonzero(repeat.any(axis=1))
        if len(rows) == 0:
            break
        k = np.argmax(repeat[rows], axis=1) + 1      # each draw's first repeated term
        pick[rows, k] = _restricted_draw(rng, terms, taken, rows, k, pool,
                                         previous=pick[rows, k - 1])
    terms.mark(taken, pick)
    term_of_year = np.searchsorted(terms.starts, np.arange(window.n_years), side="right") - 1
    return pick[:, term_of_year]


def _permanent_orders(rng, window: ReplayWindow, pool: np.ndarray, n_seats: int,
                      draws: int) -> np.ndarray:
    """Holders (seats × draws × years) of the unnamed permanent seats of one class: per draw a
    random order of the pool drawn with weights ``strength ** PERMANENT_KAPPA`` (Gumbel keys),
    the seats going at each year to the first states of the order that are UN members then."""
    from unsclab.elections import PERMANENT_KAPPA

    keys = PERMANENT_KAPPA * np.log(window.electability[pool])[None, :] \
        + rng.gumbel(size=(draws, len(pool)))
    order = np.argsort(-keys, axis=1)
    ordered = pool[order]
    by_membership: dict[bytes, np.ndarray] = {}
    out = np.full((n_seats, draws, window.n_years), EMPTY, dtype=np.int64)
    for y in range(window.n_years):
        members = window.un_member[y, pool]
        key = members.tobytes()
        if key not in by_membership:
            ok = members[order]
            rank = np.cumsum(ok, axis=1)
            picks = np.full((n_seats, draws), EMPTY, dtype=np.int64)
            for j in range(n_seats):
                hit = ok & (rank == j + 1)
                picks[j] = np.where(hit.any(axis=1), ordered[np.arange(draws),
                                                             np.argmax(hit, axis=1)], EMPTY)
            by_membership[key] = picks
        out[:, :, y] = by_membership[key]
    return out


def _mark(taken: np.ndarray, holders: np.ndarray) -> None:
    d, y = np.nonzero(holders >= 0)
    taken[d, y, holders[d, y]] = True


def _term_offsets(design: Design) -> dict[str, list[int]]:
    from unsclab.elections import _cohorts

    offsets: dict[str, list[int]] = {}
    for cohort in _cohorts(design):
        offsets.setdefault(cohort.cls.id, []).append(cohort.offset)
    return offsets


def draw_holders(rng: np.random.Generator, design: Design, window: ReplayWindow,
                 seats: list[SimulatedSeat], free_seats: dict[str, np.ndarray],
                 draws: int) -> list[np.ndarray]:
    """Holders (draws × years, universe index or −1) of every simulated seat, in the order of
    ``seats`` (:func:`unsclab.replay.seating.simulated_seats`)."""
    taken = np.broadcast_to(window.really_sat[None], (draws,) + window.really_sat.shape).copy()
    for h in design.named_holders:
        if window.index(h) >= 0:
            taken[:, :, window.index(h)] = True
    holders: list[np.ndarray | None] = [None] * len(seats)
    permanent = [k for k, s in enumerate(seats) if s.kind == NEW_PERMANENT]
    for cls in dict.fromkeys(seats[k].seat_class for k in permanent):
        ks = [k for k in permanent if seats[k].seat_class == cls]
        orders = _permanent_orders(rng, window, _pool(design, cls, window.universe), len(ks),
                                   draws)
        for j, k in enumerate(ks):
            holders[k] = orders[j]
            _mark(taken, orders[j])
    offsets = _term_offsets(design)
    pools: dict[str, np.ndarray] = {}

    def pool_of(cls: str) -> np.ndarray:
        if cls not in pools:
            pools[cls] = _pool(design, cls, window.universe)
        return pools[cls]

    for k, seat in enumerate(seats):
        if seat.kind == SHARED:  # whose predicted vote it casts when no member sat
            from unsclab.replay.shared import proxy_holders

            holders[k] = np.broadcast_to(proxy_holders(design, seat.seat_class, window)[None, :],
                                         (draws, window.n_years)).copy()
        elif seat.kind == NAMED:
            h = window.index(seat.holder)
            years = window.un_member[:, h] if h >= 0 else np.zeros(window.n_years, bool)
            holders[k] = np.broadcast_to(np.where(years, h, EMPTY)[None, :],
                                         (draws, window.n_years)).copy()
        elif seat.kind == ELECTED:
            needed = np.zeros(window.n_years, bool)
            needed[np.unique(window.year_of[free_seats[seat.seat_class] > seat.number])] = True
            c = design.seat_class(seat.seat_class)
            offs = offsets.get(seat.seat_class) or [0]
            holders[k] = _term_draw(rng, window, c.term_years or 1, offs[seat.number % len(offs)],
                                    needed, pool_of(seat.seat_class),
                                    taken, draws, c.re_eligible)
        elif seat.kind == LEFT_BY_PERMANENT:
            pool = pool_of(seat.seat_class)
            available = window.un_member[:, pool] & ~window.really_sat[:, pool]
            weights = np.where(available, window.electability[pool][None, :], 0.0)
            holders[k] = _yearly_draw(rng, weights, taken, pool, draws)
    return [h.astype(np.int32) for h in holders]
