"""Stage 3 of the replay: which votes are real and which are predicted.

Real votes where the state really voted (``NV`` and unknown votes count as not voting).
Simulated holders' votes are drawn from the vote model's probabilities
(:func:`unsclab.votes.logit.default_council_model`), computed once for every state of the elections
universe on every recorded decision and cached on disk. Decisions the Record marks as
**adopted without a vote** count every seat in favour, as the Library's voting data records
them.

For speed, a vote is drawn from a 16-bit uniform ``r``: "yes" if ``r < t_yes``, "abstain" if
``t_yes <= r < t_yes_or_abstain``, "no" otherwise (probabilities resolved to 2^-16, capped at
65535/65536). The thresholds are gathered year by year (a seat's holder does not change within
a year), in decision-major layout, and only "yes" where only "yes" can change the outcome.
"""

from __future__ import annotations

__all__ = ["VoteTables", "record", "register_record", "vote_probabilities", "vote_tables"]

from dataclasses import dataclass
from functools import cache

import numpy as np

from unsclab.votes.data import ABSENT, NV, UNKNOWN, Y, CouncilVotes
from unsclab.replay.window import ReplayWindow

_RECORDS: dict[int, CouncilVotes] = {}


def register_record(cv: CouncilVotes) -> int:
    """A key for the full record, under which its vote probabilities are cached."""
    key = id(cv)
    _RECORDS[key] = cv
    return key


def _cache_path(cv: CouncilVotes, states: list[str], model, kind: str = "predictions"
                ) -> object:
    import hashlib

    from unsclab.data.fetch import cache_dir

    h = hashlib.sha256()
    for part in (cv.votes.tobytes(), cv.ids.tobytes(), cv.without_vote.tobytes(),
                 cv.years.tobytes(), " ".join(cv.states).encode(), " ".join(states).encode(),
                 model.name.encode(), np.asarray(model.coef, dtype=np.float64).tobytes()):
        h.update(part)
    return cache_dir() / f"replay-{kind}-{h.hexdigest()[:20]}.npz"


def record(record_key: int) -> CouncilVotes:
    """The full record registered under ``record_key``."""
    return _RECORDS[record_key]


@cache
def vote_probabilities(record_key: int) -> tuple[np.ndarray, np.ndarray]:
    """P(yes) and P(yes) + P(abstain) (decisions × universe, float32) of every state on every
    decision of the registered record; cached on disk (``.npz``, keyed by the record's votes,
    the states and the vote model's coefficients)."""
    from unsclab.elections import universe
    from unsclab.votes.logit import default_council_model

    cv = _RECORDS[record_key]
    model = default_council_model()
    states = list(universe())
    from unsclab.data.integrity import cached

    def build() -> tuple[np.ndarray, np.ndarray]:
        P = model.predict_record(cv, states)
        return P[:, :, 0].copy(), (P[:, :, 0] + P[:, :, 1]).astype(np.float32)

    def write(p, value) -> None:
        with open(p, "wb") as f:
            np.savez(f, cy=value[0], cya=value[1])

    def read(p) -> tuple[np.ndarray, np.ndarray]:
        with np.load(p, allow_pickle=False) as z:
            return z["cy"], z["cya"]

    return cached(_cache_path(cv, states, model), build=build, write=write, read=read,
                  kind="replay-predictions", version=2)


@cache
def member_probabilities(record_key: int) -> np.ndarray:
    """Y/A/N probabilities (decisions × record columns × 3, float32; NaN where the state did not
    vote Y, A or N) of every real member on every decision, each predicted from the other
    members' real votes (:func:`unsclab.votes.features.decision_blocks`, "members"); cached on
    disk like :func:`vote_probabilities`."""
    from unsclab.data.integrity import cached
    from unsclab.votes.features import decision_blocks
    from unsclab.votes.logit import _probs, _with_dummies, default_council_model

    cv = _RECORDS[record_key]
    model = default_council_model()

    def build() -> np.ndarray:
        out = np.full((len(cv), len(cv.states), 3), np.nan, dtype=np.float32)
        for t, cols, F in decision_blocks(cv, model.src, "members"):
            out[t, cols] = _probs(_with_dummies(F), model.coef)
        return out

    def write(p, value) -> None:
        with open(p, "wb") as f:
            np.savez(f, p=value)

    def read(p) -> np.ndarray:
        with np.load(p, allow_pickle=False) as z:
            return z["p"]

    return cached(_cache_path(cv, [], model, "member-predictions"), build=build, write=write,
                  read=read, kind="replay-member-predictions", version=1)


@dataclass(frozen=True)
class VoteTables:
    """Decision × universe tables of the replayed decisions."""

    t_yes: np.ndarray             # uint16 thresholds: "yes" if r < t_yes
    t_yes_or_abstain: np.ndarray  # uint16: "abstain" if t_yes <= r < t_yes_or_abstain
    real: np.ndarray              # int8 real vote (ABSENT if the state did not sit; Y w/o vote)
    seated: np.ndarray            # bool: the state sits in one of the design's seats
    seat_weight: np.ndarray | None = None  # int64: weight of that seat (weighted designs)

    @staticmethod
    def gather(table: np.ndarray, decisions: np.ndarray, year_of: np.ndarray,
               holders: np.ndarray) -> np.ndarray:
        """``table[t, holder]`` for every decision and draw (decisions × draws; ``holders`` is
        years × draws). A seat's holder is the same through a year, so the gather goes year by
        year on a small slice of the table (an empty seat reads state 0)."""
        out = np.empty((len(decisions), holders.shape[1]), dtype=table.dtype)
        years, starts = np.unique(year_of[decisions], return_index=True)
        ends = np.append(starts[1:], len(decisions))
        for y, a, b in zip(years, starts, ends):
            np.take(table[decisions[a:b]], np.maximum(holders[y], 0), axis=1, out=out[a:b])
        return out


def real_votes(cv: CouncilVotes) -> np.ndarray:
    """Votes as counted: unknown → not voting, every sitting member "yes" when adopted
    without a vote."""
    v = np.where(cv.votes == UNKNOWN, NV, cv.votes)
    return np.where(cv.without_vote[:, None] & (v != ABSENT), Y, v).astype(np.int8)


def vote_tables(window: ReplayWindow, probabilities: tuple[np.ndarray, np.ndarray],
                seated: np.ndarray, seat_weight: np.ndarray | None = None) -> VoteTables:
    """The tables for the decisions of ``window`` (``seated``, ``seat_weight``: decisions ×
    record columns)."""
    p_yes, p_yes_or_abstain = (p[window.rows] for p in probabilities)
    n_states = len(window.universe)
    real = np.full((window.n_decisions, n_states), ABSENT, dtype=np.int8)
    real[:, window.state_of_column] = real_votes(window.cv)
    seated_u = np.zeros((window.n_decisions, n_states), dtype=bool)
    seated_u[:, window.state_of_column] = seated
    weight_u = None
    if seat_weight is not None:
        weight_u = np.zeros((window.n_decisions, n_states), dtype=np.int64)
        weight_u[:, window.state_of_column] = seat_weight
    return VoteTables(_thresholds(p_yes), _thresholds(p_yes_or_abstain), real, seated_u,
                      weight_u)


def _thresholds(p: np.ndarray) -> np.ndarray:
    return np.minimum(np.rint(p * 65536.0), 65535).astype(np.uint16)
