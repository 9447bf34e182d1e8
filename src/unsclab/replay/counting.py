"""Stage 4 of the replay: the decision rule, vectorised over draws × decisions.

The votes of the seats are small integers and the rule is counting — affirmative votes against
the quota, negative votes (or, with ``abstention_blocks``, anything but "yes", absence
included) of veto seats against ``veto.negatives``, affirmative votes of each extra-majority
clause's seats — in the order of :func:`unsclab.rules.decide`: short of the quota → failed; else
veto → vetoed; else unmet clause → failed; else adopted. Procedural decisions (Art. 27(2)) use
the procedural quota and no veto; decisions adopted without a vote are adopted.

With a weighted quota the weights of the seats voting yes are summed alongside the count, and a
draft short of either fails. A seat shared by an organisation votes as
:mod:`unsclab.replay.shared` reconstructs it.

Most decisions cannot depend on the simulated votes (15 real "yes" under a quota of 14 with no
simulated veto): :func:`outcome_bounds` settles those once, and votes are drawn only where they
can change the outcome. ``tests/replay`` proves the result equal to ``decide`` on every
historical decision for the design in force and on random draws for every catalogue design.
"""

from __future__ import annotations

__all__ = ["ADOPTED", "VETOED", "FAILED", "OUTCOME_NAMES", "RealCounts", "Lottery", "Bounds",
           "Tally", "real_counts", "draw_lottery", "active_decisions", "outcome_bounds",
           "count_votes", "apply_rule"]

from dataclasses import dataclass

import numpy as np

from unsclab.designs.model import Design
from unsclab.replay.seating import LEFT_BY_PERMANENT, NAMED, NEW_PERMANENT, SHARED, \
    RealSeating, SimulatedSeat
from unsclab.replay.vote_tables import VoteTables, real_votes
from unsclab.replay.window import ReplayWindow
from unsclab.votes.data import ABSENT, N, Y, CouncilVotes

ADOPTED, VETOED, FAILED = 0, 1, 2
OUTCOME_NAMES = ("adopted", "vetoed", "failed")


@dataclass(frozen=True)
class RealCounts:
    """Per decision, the votes of real members in the design's seats."""

    yes: np.ndarray            # affirmative votes
    veto_no: np.ndarray        # "no" of veto seats
    veto_not_yes: np.ndarray   # anything but "yes" of veto seats (absence included)
    majority_yes: np.ndarray   # (decisions, clauses) affirmative votes of each clause's seats
    yes_weight: np.ndarray     # vote weight in favour (zeros without rule.weighted_quota)


def class_weight_array(design: Design) -> np.ndarray:
    """Vote weight of a seat of each class (``design.seats`` order), and 0 for "no seat"."""
    weights = design.class_weights()
    return np.array([weights[c.id] for c in design.seats] + [0], dtype=np.int64)


def real_counts(design: Design, cv: CouncilVotes, class_of: np.ndarray) -> RealCounts:
    rule = design.rule
    classes = [c.id for c in design.seats]
    veto_class = np.array([c in rule.veto.classes for c in classes] + [False])
    votes = real_votes(cv)
    seated = class_of >= 0
    yes = (votes == Y) & seated
    veto_seat = veto_class[class_of] & seated
    majority = np.zeros((len(cv), len(rule.majorities)), np.int64)
    for j, clause in enumerate(rule.majorities):
        in_clause = np.array([c in clause.classes for c in classes] + [False])
        majority[:, j] = (yes & in_clause[class_of]).sum(axis=1)
    yes_weight = (yes * class_weight_array(design)[class_of]).sum(axis=1) \
        if rule.weighted_quota is not None else np.zeros(len(cv), np.int64)
    return RealCounts(yes.sum(axis=1), ((votes == N) & veto_seat).sum(axis=1),
                      ((votes != Y) & veto_seat).sum(axis=1), majority, yes_weight)


def overflow_weight(design: Design, seating: list[RealSeating]) -> int:
    """The vote weight of a seat drawn for real members who outnumber the seats (1 without
    weights): the lottery seats them in the non-permanent classes, so those must weigh alike."""
    if design.rule.weighted_quota is None:
        return 1
    weights = design.class_weights()
    kinds = {weights[c.id] for c in design.seats if c.kind != "permanent" and not c.shared}
    if len(kinds) > 1 and any(s.overflow_seats for s in seating):
        from unsclab.errors import UnsclabError

        raise UnsclabError(f"{design.id}: more real members than non-permanent seats, which "
                           "weigh differently; the replay cannot tell whose seat weighs what",
                           field="seats.weight")
    return kinds.pop() if kinds else 1


@dataclass(frozen=True)
class Lottery:
    """Real members who outnumber the design's seats: who sits, per draw (drawn once per year
    and member set)."""

    sits: dict[int, np.ndarray]   # decision → (draws, members) mask, members as in ``overflow``
    yes: dict[int, np.ndarray]    # decision → (draws,) their affirmative votes
    min_yes: np.ndarray           # per decision: fewest and most affirmative votes they can add
    max_yes: np.ndarray


def draw_lottery(rng: np.random.Generator, cv: CouncilVotes, seating: list[RealSeating],
                 year_of: np.ndarray, draws: int) -> Lottery:
    sits: dict[int, np.ndarray] = {}
    yes: dict[int, np.ndarray] = {}
    drawn: dict[tuple[int, tuple[str, ...]], np.ndarray] = {}
    lo = np.zeros(len(cv), np.int64)
    hi = np.zeros(len(cv), np.int64)
    for t, s in enumerate(seating):
        if s.overflow is None:
            continue
        key = (int(year_of[t]), tuple(s.overflow))
        if key not in drawn:
            m = len(s.overflow)
            u = rng.random((draws, m))
            if s.overflow_seats:
                threshold = np.sort(u, axis=1)[:, m - s.overflow_seats]
                drawn[key] = u >= threshold[:, None]
            else:
                drawn[key] = np.zeros_like(u, bool)
        sits[t] = drawn[key]
        votes = np.array([Y if cv.without_vote[t] else int(cv.votes[t, cv.column(c)])
                          for c in s.overflow])
        yes[t] = (sits[t] & (votes == Y)[None, :]).sum(axis=1)
        n_yes = int((votes == Y).sum())
        lo[t] = max(0, s.overflow_seats - (len(votes) - n_yes))
        hi[t] = min(s.overflow_seats, n_yes)
    return Lottery(sits, yes, lo, hi)


def permanent_seat_of(seats: list[SimulatedSeat]) -> dict[int, int]:
    """For each seat a drawn permanent holder leaves, the index of that permanent seat."""
    permanent = {(s.seat_class, s.number): k for k, s in enumerate(seats)
                 if s.kind == NEW_PERMANENT}
    return {k: permanent[(s.seat_class, s.number)] for k, s in enumerate(seats)
            if s.kind == LEFT_BY_PERMANENT}


def active_decisions(seats: list[SimulatedSeat], holders: list[np.ndarray],
                     window: ReplayWindow, free_seats: dict[str, np.ndarray],
                     seating: list[RealSeating]) -> list[np.ndarray]:
    """Per simulated seat, the decisions where it may be filled (for a seat left by a permanent
    holder, a superset: the years in which some draw's permanent holder really sat)."""
    left_by = permanent_seat_of(seats)
    out = []
    for k, seat in enumerate(seats):
        if seat.kind == NEW_PERMANENT:
            cols = np.arange(window.n_decisions)
        elif seat.kind == LEFT_BY_PERMANENT:
            perm = holders[left_by[k]]
            sat = window.really_sat[np.arange(window.n_years)[None, :], np.maximum(perm, 0)] \
                & (perm >= 0)
            cols = np.flatnonzero(sat.any(axis=0)[window.year_of])
        elif seat.kind == NAMED:
            cols = np.flatnonzero([seat.holder in s.named_absent for s in seating])
        elif seat.kind == SHARED:
            cols = np.arange(window.n_decisions)
        else:
            cols = np.flatnonzero(free_seats[seat.seat_class] > seat.number)
        out.append(cols)
    return out


@dataclass(frozen=True)
class Bounds:
    """What real votes alone settle."""

    required: np.ndarray      # affirmative votes needed (procedural or substantive quota)
    veto_floor: np.ndarray    # blocking votes of real members in veto seats
    yes_matters: np.ndarray   # simulated "yes" votes can change the outcome
    sampled: np.ndarray       # simulated votes can change the outcome
    settled: np.ndarray       # the outcome where they cannot
    required_weight: int = 0  # rule.weighted_quota (0 without weights)
    lottery_weight: int = 1   # weight of a seat the lottery fills (:func:`overflow_weight`)


def outcome_bounds(design: Design, cv: CouncilVotes, counts: RealCounts, lottery: Lottery,
                   seats: list[SimulatedSeat], active: list[np.ndarray],
                   lottery_weight: int = 1) -> Bounds:
    rule = design.rule
    weights = design.class_weights()
    n_seats = np.zeros(len(cv), np.int64)
    n_veto_seats = np.zeros(len(cv), np.int64)
    seat_weight = np.zeros(len(cv), np.int64)
    for seat, cols in zip(seats, active):
        n_seats[cols] += 1
        seat_weight[cols] += weights[seat.seat_class]
        if seat.veto:
            n_veto_seats[cols] += 1
    has_veto = bool(rule.veto.classes)
    wov, proc = cv.without_vote, cv.procedural
    required = np.where(proc, rule.procedural, rule.quota)
    need_weight = rule.weighted_quota or 0
    yes_lo = counts.yes + lottery.min_yes
    yes_hi = counts.yes + lottery.max_yes + n_seats
    weight_lo = counts.yes_weight + lottery_weight * lottery.min_yes
    weight_hi = counts.yes_weight + lottery_weight * lottery.max_yes + seat_weight
    can_pass = (yes_hi >= required) & (weight_hi >= need_weight)
    veto_lo = counts.veto_not_yes if rule.veto.abstention_blocks else counts.veto_no
    veto_hi = veto_lo + n_veto_seats
    need = rule.veto.negatives
    yes_matters = ((yes_lo < required) | (weight_lo < need_weight)) & can_pass & ~wov
    veto_matters = can_pass & (veto_lo < need) & (veto_hi >= need) & ~proc & ~wov & has_veto
    if rule.majorities:
        yes_matters |= ~wov
    settled = np.where(wov, ADOPTED, np.where(~can_pass, FAILED, np.where(
        ~proc & has_veto & (veto_lo >= need), VETOED, ADOPTED)))
    return Bounds(required, veto_lo, yes_matters, yes_matters | veto_matters,
                  settled.astype(np.int8), need_weight, lottery_weight)


@dataclass
class Tally:
    """Counts on the sampled decisions (sampled decisions × draws: decision-major, so that a
    seat's votes on one decision are contiguous) and, per seat, the votes drawn (decisions,
    decisions × draws, or None when not kept)."""

    sampled: np.ndarray
    yes: np.ndarray
    vetoes: np.ndarray
    majority: np.ndarray | None
    seat_votes: dict[int, tuple[np.ndarray, np.ndarray | None]]
    yes_weight: np.ndarray | None = None  # weight in favour, with rule.weighted_quota


def _start_tally(rule, counts: RealCounts, lottery: Lottery, bounds: Bounds,
                 draws: int) -> Tally:
    sampled = np.flatnonzero(bounds.sampled)
    n = len(sampled)
    yes = np.repeat(counts.yes[sampled].astype(np.int16)[:, None], draws, axis=1)
    position = {t: i for i, t in enumerate(sampled)}
    for t, lottery_yes in lottery.yes.items():
        if t in position:
            yes[position[t]] += lottery_yes.astype(np.int16)
    vetoes = np.repeat(bounds.veto_floor[sampled].astype(np.int16)[:, None], draws, axis=1)
    majority = np.repeat(counts.majority_yes[sampled].astype(np.int16)[:, None, :], draws,
                         axis=1) if rule.majorities else None
    weight = None
    if rule.weighted_quota is not None:
        weight = np.repeat(counts.yes_weight[sampled].astype(np.int64)[:, None], draws, axis=1)
        for t, lottery_yes in lottery.yes.items():
            if t in position:
                weight[position[t]] += bounds.lottery_weight * lottery_yes.astype(np.int64)
    return Tally(sampled, yes, vetoes, majority, {}, weight)


def _add(total: np.ndarray, rows: np.ndarray | None, values: np.ndarray) -> None:
    if rows is None:
        total += values
    else:
        total[rows] += values


def _sits(seat: SimulatedSeat, k: int, cols: np.ndarray, held: np.ndarray,
          holders_t: list[np.ndarray], left_by: dict[int, int], window: ReplayWindow,
          tables: VoteTables) -> np.ndarray:
    """Whether the seat is filled (decisions × draws); a seat left by a permanent holder only
    when that holder really sat."""
    sits = held >= 0
    if seat.kind == LEFT_BY_PERMANENT:
        perm = holders_t[left_by[k]]
        sits &= (perm[window.year_of[cols]] >= 0) \
            & (tables.gather(tables.real, cols, window.year_of, perm) != ABSENT)
    return sits


def count_votes(rng: np.random.Generator, design: Design, seats: list[SimulatedSeat],
                holders: list[np.ndarray], active: list[np.ndarray], window: ReplayWindow,
                counts: RealCounts, lottery: Lottery, bounds: Bounds, tables: VoteTables,
                draws: int, keep_votes: bool) -> Tally:
    """Draw the simulated seats' votes where they can matter and add them to the counts."""
    rule = design.rule
    tally = _start_tally(rule, counts, lottery, bounds, draws)
    position = np.full(window.n_decisions, -1, np.int64)
    position[tally.sampled] = np.arange(len(tally.sampled))
    left_by = permanent_seat_of(seats)
    holders_t = [np.ascontiguousarray(h.T) for h in holders]   # years × draws
    weights = design.class_weights()
    weighted = tally.yes_weight is not None
    for k, seat in enumerate(seats):
        matters = bounds.sampled if (seat.veto or rule.majorities) else bounds.yes_matters
        cols = active[k][matters[active[k]]]
        if len(cols) == 0:
            continue
        rows = None if len(cols) == len(tally.sampled) else position[cols]
        held = holders_t[k][window.year_of[cols]]
        sits = _sits(seat, k, cols, held, holders_t, left_by, window, tables)
        r = rng.integers(0, 65536, size=held.shape, dtype=np.uint16)
        w = weights[seat.seat_class]
        if not keep_votes and seat.kind not in (NEW_PERMANENT, SHARED) and seat.counts_only_yes:
            # only "yes" counts for this seat: skip building the vote codes (same draws)
            t_yes = tables.gather(tables.t_yes, cols, window.year_of, holders_t[k])
            yes = (r < t_yes) & sits
            _add(tally.yes, rows, yes)
            if weighted:
                _add(tally.yes_weight, rows, w * yes)
            tally.seat_votes[k] = (cols, None)
            continue
        v = (r >= tables.gather(tables.t_yes, cols, window.year_of, holders_t[k])).view(np.int8)
        v += r >= tables.gather(tables.t_yes_or_abstain, cols, window.year_of, holders_t[k])
        if seat.kind == NEW_PERMANENT:  # a drawn holder who really sat votes as it did ...
            real = tables.gather(tables.real, cols, window.year_of, holders_t[k])
            really = real != ABSENT
            v = np.where(really, real, v)
            # ... and no longer counts in the elected seat where it was placed
            moved = sits & really & tables.gather(tables.seated, cols, window.year_of,
                                                  holders_t[k])
            if moved.any():
                tally.yes[position[cols]] -= (moved & (real == Y)).astype(np.int16)
                if weighted:  # ... nor with that seat's weight
                    tally.yes_weight[position[cols]] -= (moved & (real == Y)) * tables.gather(
                        tables.seat_weight, cols, window.year_of, holders_t[k])
        if seat.kind == SHARED:  # the members' most common real vote, where some sat
            from unsclab.replay.shared import member_indices, organisation_votes

            org = organisation_votes(tables.real[cols],
                                     member_indices(design, seat.seat_class, window))
            v = np.where((org != ABSENT)[:, None], org[:, None], v)
        v = np.where(sits, v, ABSENT).astype(np.int8)
        tally.seat_votes[k] = (cols, v if keep_votes else None)
        _add(tally.yes, rows, v == Y)
        if weighted:
            _add(tally.yes_weight, rows, w * (v == Y))
        if seat.veto:
            tally.vetoes[position[cols]] += (v != Y) if rule.veto.abstention_blocks \
                else (v == N)
        for j in seat.majorities if tally.majority is not None else ():
            tally.majority[position[cols], :, j] += v == Y
    return tally


def apply_rule(design: Design, cv: CouncilVotes, bounds: Bounds, tally: Tally,
               draws: int) -> np.ndarray:
    """Outcomes (draws × decisions, int8: ADOPTED, VETOED, FAILED)."""
    rule = design.rule
    s = tally.sampled
    procedural = cv.procedural[s][:, None]
    short = tally.yes < bounds.required[s][:, None]
    if tally.yes_weight is not None:
        short |= tally.yes_weight < bounds.required_weight
    vetoed = ~procedural & bool(rule.veto.classes) & (tally.vetoes >= rule.veto.negatives)
    unmet = np.zeros((len(s), draws), bool)
    for j, clause in enumerate(rule.majorities):
        applies = np.ones((len(s), 1), bool) if clause.applies_to == "all" else ~procedural
        unmet |= applies & (tally.majority[:, :, j] < clause.at_least)
    decided = np.full((len(s), draws), ADOPTED, dtype=np.int8)
    decided[unmet] = FAILED
    decided[vetoed] = VETOED
    decided[short] = FAILED
    out = np.broadcast_to(bounds.settled[None, :], (draws, len(cv))).copy()
    out[:, s] = decided.T
    return out
