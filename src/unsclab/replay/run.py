"""The replay, stage by stage: seating → holders → real or predicted votes → the rule → result."""

from __future__ import annotations

__all__ = ["replay", "replay_summary", "design_in_force"]

from functools import cache, lru_cache
from typing import Any

import numpy as np

from unsclab.designs.model import Design
from unsclab.replay.counting import (active_decisions, apply_rule, class_weight_array,
                                     count_votes, draw_lottery, outcome_bounds,
                                     overflow_weight, permanent_seat_of, real_counts)
from unsclab.replay.holders import draw_holders
from unsclab.replay.result import ReplayResult
from unsclab.replay.seating import seating_table, simulated_seats
from unsclab.replay.vote_tables import record, register_record, vote_probabilities, vote_tables
from unsclab.replay.window import ReplayWindow, replay_window
from unsclab.votes.data import council_votes

_OUTCOME_CODES = {"adopted": 0, "vetoed": 1, "failed": 2}
NOTES = (
    "Vote model: council-ga-logit (the draft's own vote, Council and GA agreement, GA ideal "
    "points, regional group; GA data of the year before each decision, to 2023).",
    "Simulated seats are held for whole terms by states drawn by electability "
    "(unsclab.elections, calibrated on Council membership 1946-2025).",
)


@lru_cache(maxsize=16)
def _window(record_key: int, period: tuple[int, int]) -> ReplayWindow:
    return replay_window(record(record_key), period)


@cache
def _design_by_id(design_id: str) -> Design:
    from unsclab.designs import load_design

    return load_design(design_id)


def design_in_force(year: int) -> Design:
    """The Charter of 1945 before 1966, the status quo (15 members) from 1966."""
    return _design_by_id("charter-1945" if year < 1966 else "status-quo")


def replay(design: Design | str, record: Any = None, period: tuple[int, int] = (1946, 2025),
           draws: int = 1000, seed: int | None = 1, *, rng: np.random.Generator | None = None,
           keep_votes: bool = True) -> ReplayResult:
    """Replay the recorded votes in ``period`` (inclusive years) under ``design``.

    Parameters
    ----------
    design : Design or catalogue id / path
    record : unsclab.record.Record, CouncilVotes or None (the project's Record)
    period : (first year, last year)
    draws : Monte Carlo draws
    seed : seed of the numpy Generator (ignored when ``rng`` is given)
    keep_votes : keep the drawn votes of every seat (for trails and ballots); without them
        the same draws are made, faster
    """
    from unsclab.designs import load_design

    design = load_design(design) if not isinstance(design, Design) else design
    rng = rng if rng is not None else np.random.default_rng(seed)
    full = council_votes(record)
    record_key = register_record(full)
    probabilities = vote_probabilities(record_key)
    window = _window(record_key, tuple(period))
    cv = window.cv
    seating = seating_table(design, window)
    counts = real_counts(design, cv, seating.class_of)
    seats = simulated_seats(design, seating.distinct)
    holders = draw_holders(rng, design, window, seats, seating.free_seats, draws)
    lottery = draw_lottery(rng, cv, seating.per_decision, window.year_of, draws)
    active = active_decisions(seats, holders, window, seating.free_seats, seating.per_decision)
    bounds = outcome_bounds(design, cv, counts, lottery, seats, active,
                            overflow_weight(design, seating.distinct))
    seat_weight = class_weight_array(design)[seating.class_of] \
        if design.rule.weighted_quota is not None else None
    tables = vote_tables(window, probabilities, seating.seated, seat_weight)
    tally = count_votes(rng, design, seats, holders, active, window, counts, lottery, bounds,
                        tables, draws, keep_votes)
    outcomes = apply_rule(design, cv, bounds, tally, draws)
    history = np.array([_OUTCOME_CODES[o] for o in cv.outcomes], dtype=np.int8)
    return ReplayResult(design, window, tuple(period), draws, seed, outcomes, tally.sampled,
                        history, seats, holders, active, permanent_seat_of(seats),
                        tally.seat_votes, lottery, seating.per_decision, _notes(design),
                        record_key)


def _notes(design: Design) -> list[str]:
    from unsclab.replay.shared import NOTE

    return [*NOTES, *([NOTE] if design.organisations else [])]


def replay_summary(design: Design | str, since: int = 1990, draws: int = 200,
                   seed: int | None = 1) -> dict[str, Any]:
    """A compact, JSON-ready summary of the replay of ``design`` for pages, reports and
    ``unsclab compare``: the totals since ``since`` (:meth:`ReplayResult.summary`) and, for
    every year of the record, the expected share of drafts adopted under the design against
    the recorded share; ``changed_decisions`` lists the decisions since ``since`` whose most
    likely outcome changes (:meth:`ReplayResult.changed_decisions`).
    """
    res = replay(design, draws=draws, seed=seed)
    years = res.cv.years
    p_adopted = res.prob[:, 0]
    by_year = []
    for y in sorted({int(v) for v in years}):
        m = years == y
        by_year.append({"year": y, "adoption_rate": float(p_adopted[m].mean()),
                        "historical_rate": float((res.history[m] == 0).mean()),
                        "decisions": int(m.sum())})
    return {"design": res.design.id, "since": since, "draws": draws, "seed": seed,
            **res.summary(since=since), "by_year": by_year,
            "changed_decisions": res.changed_decisions(since=since), "notes": list(res.notes)}
