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

Holders are universe indices (:class:`unsclab.replay.window.ReplayWindow`), −1 for an empty
seat. ``taken[d, y, s]`` marks the states holding some seat in draw ``d`` and year ``y``, so no
state holds two.
"""

from __future__ import annotations

__all__ = ["draw_holders"]

import numpy as np

from unsclab.designs.model import Design
from unsclab.replay.seating import ELECTED, LEFT_BY_PERMANENT, NAMED, NEW_PERMANENT, SimulatedSeat
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


def _redraw_clashes(rng, pick, clash, needed, pool, term_weights, taken, previous,
                    re_eligible) -> None:
    """Draw again, exactly from their restricted weights, the holders that clash."""
    rows = np.flatnonzero(clash)
    busy = taken[np.ix_(rows, needed, pool)].any(axis=1)
    w = term_weights[None, :] * ~busy
    if not re_eligible:
        pos_in_pool = np.full(taken.shape[2], -1, dtype=np.int64)
        pos_in_pool[pool] = np.arange(len(pool))
        pp = pos_in_pool[np.maximum(previous[rows], 0)]
        hit = (previous[rows] >= 0) & (pp >= 0)
        w[np.flatnonzero(hit), pp[hit]] = 0.0
    cum = np.cumsum(w, axis=1)
    tot = cum[:, -1]
    j = np.minimum((cum <= (rng.random(len(rows)) * tot)[:, None]).sum(axis=1), len(pool) - 1)
    pick[rows] = np.where(tot > 0, pool[j], EMPTY)


def _term_draw(rng: np.random.Generator, window: ReplayWindow, term: int, offset: int,
               needed_years: np.ndarray, pool: np.ndarray, taken: np.ndarray, draws: int,
               re_eligible: bool) -> np.ndarray:
    """Holders (draws × years) of one elected seat, term by term: each term's holder drawn by
    electability among the pool's UN members (at the term's start) who sit in none of the
    term's needed years and hold no other seat then; without re-eligibility the previous term's
    holder is excluded."""
    n_years = window.n_years
    out = np.full((draws, n_years), EMPTY, dtype=np.int64)
    starts = _term_starts(window.first_year, n_years, term, offset)
    previous = np.full(draws, EMPTY, dtype=np.int64)
    all_draws = np.arange(draws)
    for a, b in zip(starts, starts[1:] + [n_years]):
        needed = np.arange(a, b)[needed_years[a:b]]
        eligible = window.un_member[a, pool] & ~window.really_sat[needed][:, pool].any(axis=0)
        term_weights = np.where(eligible, window.electability[pool], 0.0)
        cum = np.cumsum(term_weights)
        if len(needed) == 0 or cum[-1] <= 0:
            previous[:] = EMPTY
            continue
        # one round from the term's weights, rejecting states that hold another seat in that
        # draw (or held this one the term before, without re-eligibility); those are then drawn
        # exactly from their restricted weights — together the law of the restricted draw
        idx = np.minimum(np.searchsorted(cum, rng.random(draws) * cum[-1], side="right"),
                         len(pool) - 1)
        pick = pool[idx]
        clash = taken[all_draws[:, None], needed[None, :], pick[:, None]].any(axis=1)
        if not re_eligible:
            clash |= pick == previous
        if clash.any():
            _redraw_clashes(rng, pick, clash, needed, pool, term_weights, taken, previous,
                            re_eligible)
        out[:, a:b] = pick[:, None]
        has = pick >= 0
        for y in needed:
            taken[all_draws[has], y, pick[has]] = True
        previous = pick
    return out


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
    for k, seat in enumerate(seats):
        if seat.kind == NAMED:
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
                                    needed, _pool(design, seat.seat_class, window.universe),
                                    taken, draws, c.re_eligible)
        elif seat.kind == LEFT_BY_PERMANENT:
            pool = _pool(design, seat.seat_class, window.universe)
            available = window.un_member[:, pool] & ~window.really_sat[:, pool]
            weights = np.where(available, window.electability[pool][None, :], 0.0)
            holders[k] = _yearly_draw(rng, weights, taken, pool, draws)
    return [h.astype(np.int32) for h in holders]
