"""Stage 5 of the replay: the result object — outcomes, totals, ballots and trails."""

from __future__ import annotations

__all__ = ["ReplayResult", "totals"]

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from unsclab.designs.model import Design
from unsclab.replay.counting import ADOPTED, FAILED, OUTCOME_NAMES, VETOED, Lottery
from unsclab.replay.seating import (LEFT_BY_PERMANENT, NEW_PERMANENT, SHARED, RealSeating,
                                    SimulatedSeat)
from unsclab.replay.shared import member_indices, organisation_votes
from unsclab.replay.subjects import SUBJECTS, subject_of
from unsclab.replay.vote_tables import vote_probabilities
from unsclab.replay.window import ReplayWindow
from unsclab.votes.data import ABSENT, A, N, NV, Y, CouncilVotes


@dataclass
class ReplayResult:
    """The outcome of a replay.

    ``outcomes[d, t]`` (int8: 0 adopted, 1 vetoed, 2 failed) per draw and decision; ``prob``
    (decisions × 3) the probabilities; ``modal`` the modal outcome; ``history`` the real
    outcome. Trails (who sat, real and predicted votes, why) come from :meth:`trail`.
    """

    design: Design
    window: ReplayWindow
    period: tuple[int, int]
    draws: int
    seed: int | None
    outcomes: np.ndarray
    sampled: np.ndarray                # decisions whose outcome depended on simulated votes
    history: np.ndarray
    seats: list[SimulatedSeat]         # the seats the record leaves empty
    holders: list[np.ndarray]          # per seat: (draws, years) holder (universe index), −1
    active: list[np.ndarray]           # per seat: decisions where it may be filled
    left_by: dict[int, int]            # seat left by a permanent holder → that permanent seat
    seat_votes: dict[int, tuple[np.ndarray, np.ndarray | None]]  # drawn votes (decisions, T×D)
    lottery: Lottery
    seating: list[RealSeating]         # per decision: where the real members sit
    notes: list[str] = field(default_factory=list)
    record_key: int = 0                # key of the full record in the prediction cache

    @property
    def cv(self) -> CouncilVotes:
        return self.window.cv

    @property
    def universe(self) -> tuple[str, ...]:
        return self.window.universe

    @property
    def prob(self) -> np.ndarray:
        out = np.zeros((self.outcomes.shape[1], 3))
        for k in range(3):
            out[:, k] = (self.outcomes == k).mean(axis=0)
        return out

    @property
    def modal(self) -> np.ndarray:
        # ties broken towards the historical outcome, then adopted < vetoed < failed
        p = self.prob + 1e-9 * (np.arange(3)[None, :] == self.history[:, None])
        return np.argmax(p, axis=1)

    @property
    def subjects(self) -> np.ndarray:
        return np.array([subject_of(t) for t in self.cv.titles])

    @cached_property
    def regions(self) -> np.ndarray:
        """The record's region of each decision (:func:`unsclab.replay.groups.decision_regions`,
        computed once per record)."""
        from unsclab.replay.groups import record_regions

        return record_regions(self.record_key)[self.window.rows]

    def summary(self, since: int | None = None, until: int | None = None) -> dict[str, Any]:
        from unsclab.replay.groups import select

        return totals(self, select(self, since, until))

    def to_dict(self) -> dict[str, Any]:
        years = self.cv.years
        out = {"design": self.design.id, "period": list(self.period), "draws": self.draws,
               "seed": self.seed, **totals(self, np.ones(len(self.cv), bool))}
        out["by_decade"] = {f"{d}s": totals(self, (years // 10 * 10) == d, brief=True)
                            for d in sorted({int(y) // 10 * 10 for y in years})}
        subj = self.subjects
        out["by_subject"] = {s: totals(self, subj == s, brief=True) for s in SUBJECTS
                             if (subj == s).any()}
        out["notes"] = list(self.notes)
        return out

    def decisions_table(self) -> list[dict[str, Any]]:
        p, modal = self.prob, self.modal
        return [{"symbol": self.cv.symbols[t], "date": str(self.cv.dates[t]),
                 "history": OUTCOME_NAMES[self.history[t]],
                 "modal": OUTCOME_NAMES[modal[t]], "p_adopted": float(p[t, 0]),
                 "p_vetoed": float(p[t, 1]), "p_failed": float(p[t, 2])}
                for t in range(len(self.cv))]

    def _sits(self, k: int, seat: SimulatedSeat, t: int, held: np.ndarray) -> np.ndarray:
        if seat.kind == NEW_PERMANENT:
            return held >= 0
        if seat.kind == LEFT_BY_PERMANENT:
            perm = self.holders[self.left_by[k]][:, self.window.year_of[t]]
            really = self._real_codes(t)
            return (held >= 0) & (perm >= 0) & (really[np.maximum(perm, 0)] != ABSENT)
        return (held >= 0) & bool(np.isin(t, self.active[k]))

    def _real_codes(self, t: int) -> np.ndarray:
        """Real votes of decision ``t`` by universe index (ABSENT where the state did not sit;
        unknown votes as not voting)."""
        out = np.full(len(self.universe), ABSENT, dtype=np.int8)
        v = self.cv.votes[t]
        out[self.window.state_of_column] = np.where((v >= Y) & (v <= N) | (v == ABSENT), v, NV)
        return out

    def seat_votes_on(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        """Holders (seats × draws, universe index, −1 empty) and votes (seats × draws, codes,
        ABSENT when the seat is not filled) of the simulated seats on decision ``t``. Votes the
        replay did not draw (they could not change the outcome) are drawn here from a generator
        seeded by (seed, decision), so a trail repeats exactly."""
        n, draws = len(self.seats), self.draws
        H = np.full((n, draws), -1, dtype=np.int64)
        V = np.full((n, draws), ABSENT, dtype=np.int8)
        row = int(self.window.rows[t])
        p_yes, p_yes_or_abstain = vote_probabilities(self.record_key)
        lazy = np.random.default_rng([0 if self.seed is None else int(self.seed), row, 5]) \
            .random((n, draws))
        real = self._real_codes(t)
        for k, seat in enumerate(self.seats):
            held = self.holders[k][:, self.window.year_of[t]].astype(np.int64)
            H[k] = held
            sits = self._sits(k, seat, t, held)
            stored = self.seat_votes.get(k)
            if stored is not None and stored[1] is not None:
                pos = np.searchsorted(stored[0], t)
                if pos < len(stored[0]) and stored[0][pos] == t:
                    V[k] = stored[1][pos]
                    continue
            h = np.maximum(held, 0)
            v = (lazy[k] >= p_yes[row, h]).astype(np.int8) \
                + (lazy[k] >= p_yes_or_abstain[row, h]).astype(np.int8)
            if seat.kind == NEW_PERMANENT:
                v = np.where(real[h] != ABSENT, real[h], v)
            if seat.kind == SHARED:  # the members' most common real vote, where some sat
                org = organisation_votes(real[None, :], member_indices(
                    self.design, seat.seat_class, self.window))[0]
                v = np.where(org != ABSENT, org, v).astype(np.int8)
            if self.cv.without_vote[t]:
                v[:] = Y
            V[k] = np.where(sits, v, ABSENT)
        return H, V

    def ballot(self, d: int, t: int) -> tuple[dict[str, str], dict[str, str]]:
        """The full ballot of draw ``d`` on decision ``t``: (ISO3 → vote, ISO3 → seat class for
        states not named in the design) — ready for :func:`unsclab.rules.decide`."""
        from unsclab.votes.data import VOTE_NAMES

        cv, seating = self.cv, self.seating[t]
        named = self.design.named_holders
        votes: dict[str, str] = {}
        seat_of: dict[str, str] = {}

        def real(code: str) -> str:
            v = int(cv.votes[t, cv.column(code)])
            return "Y" if cv.without_vote[t] else (VOTE_NAMES[v] if v in (Y, A, N) else "NV")

        for code, cls in seating.seat_of.items():
            votes[code] = real(code)
            if code not in named:
                seat_of[code] = cls
        if seating.overflow is not None:
            for code, sits in zip(seating.overflow, self.lottery.sits[t][d]):
                if sits:
                    votes[code] = real(code)
        H, V = self.seat_votes_on(t)
        for seat, h, v in zip(self.seats, H[:, d], V[:, d]):
            if h < 0 or v == ABSENT:
                continue
            code = seat.holder if seat.kind == SHARED else self.universe[int(h)]
            votes[code] = VOTE_NAMES[int(v)]
            if code in named or seat.kind == SHARED:
                continue
            if seat.kind == LEFT_BY_PERMANENT:  # takes the seat its permanent holder left
                seat_of.pop(code, None)
            else:
                seat_of[code] = seat.seat_class
        return votes, seat_of

    def changed_decisions(self, since: int | None = None, until: int | None = None,
                          subject: str | None = None,
                          region: str | None = None) -> list[dict[str, Any]]:
        """The decisions whose most likely outcome differs from the record, with what happened
        and why (:func:`unsclab.replay.changes.changed_decisions`)."""
        from unsclab.replay.changes import changed_decisions

        return changed_decisions(self, since, until, subject, region)

    def trail(self, t: int, top: int = 3) -> dict[str, Any]:
        """Who sat, which votes were real and which predicted, and why the outcome."""
        from unsclab.replay.trail import trail

        return trail(self, t, top)


def totals(res: ReplayResult, m: np.ndarray, brief: bool = False) -> dict[str, Any]:
    """Counts of modal and historical outcomes over the decisions ``m``."""
    p, modal, hist = res.prob[m], res.modal[m], res.history[m]
    out = {
        "decisions": int(m.sum()),
        "adopted": int((modal == ADOPTED).sum()),
        "vetoed": int((modal == VETOED).sum()),
        "failed": int((modal == FAILED).sum()),
        "changed": int((modal != hist).sum()),
        "vetoed_now_adopted": int(((hist == VETOED) & (modal == ADOPTED)).sum()),
        "adopted_now_failed": int(((hist == ADOPTED) & (modal != ADOPTED)).sum()),
        "expected_adopted": float(p[:, 0].sum()),
        "expected_vetoed": float(p[:, 1].sum()),
        "expected_failed": float(p[:, 2].sum()),
        "adoption_rate": float(p[:, 0].mean()) if len(p) else None,
        "historical_adopted": int((hist == ADOPTED).sum()),
        "historical_vetoed": int((hist == VETOED).sum()),
        "historical_failed": int((hist == FAILED).sum()),
    }
    if brief:
        for k in ("historical_vetoed", "historical_failed", "expected_vetoed", "expected_failed"):
            out.pop(k)
    return out
