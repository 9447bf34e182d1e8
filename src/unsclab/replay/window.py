"""The decisions a replay covers and the calendar facts every stage shares."""

from __future__ import annotations

__all__ = ["ReplayWindow", "replay_window"]

from dataclasses import dataclass

import numpy as np

from unsclab.votes.data import ABSENT, CouncilVotes


@dataclass(frozen=True)
class ReplayWindow:
    """The replayed decisions and, for each year of the period, who could sit.

    States are indexed in the elections model's universe (:func:`unsclab.elections.universe`);
    years from ``first_year``.
    """

    cv: CouncilVotes               # the decisions replayed (chronological)
    rows: np.ndarray               # decision → row of the full record
    universe: tuple[str, ...]      # every state that can hold a seat
    state_of_column: np.ndarray    # record column → universe index
    first_year: int
    year_of: np.ndarray            # decision → year index
    un_member: np.ndarray          # (years, universe) UN member in that year
    really_sat: np.ndarray         # (years, universe) sat on the Council in that year
    electability: np.ndarray       # (universe,) fitted strength of each state in elections
    member_sets: list[tuple[str, ...]]  # the distinct sets of sitting members, first seen first
    member_set_of: np.ndarray      # decision → index in ``member_sets``

    @property
    def n_years(self) -> int:
        return self.un_member.shape[0]

    @property
    def n_decisions(self) -> int:
        return len(self.cv)

    def index(self, code: str) -> int:
        """Universe index of a state, −1 if it cannot sit."""
        return self.universe.index(code) if code in self.universe else -1


def replay_window(full: CouncilVotes, period: tuple[int, int]) -> ReplayWindow:
    """The decisions of ``full`` in ``period`` (inclusive years) with their calendar."""
    from unsclab.elections import default_model, membership, universe
    from unsclab.errors import UnsclabError

    lo, hi = period
    in_period = (full.years >= lo) & (full.years <= hi)
    if not in_period.any():
        raise UnsclabError(f"no recorded decision between {lo} and {hi}")
    cv = full.subset(in_period)
    states = universe()
    position = {s: i for i, s in enumerate(states)}
    state_of_column = np.array([position[s] for s in cv.states])
    first, last = int(cv.years.min()), int(cv.years.max())
    year_of = (cv.years - first).astype(np.int64)
    sitting = cv.votes != ABSENT
    sat = np.zeros((last - first + 1, len(states)), dtype=bool)
    t, j = np.nonzero(sitting)
    sat[year_of[t], state_of_column[j]] = True
    _, first_seen, inverse = np.unique(sitting, axis=0, return_index=True, return_inverse=True)
    order = np.argsort(first_seen)           # distinct member sets in order of appearance
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    member_sets = [tuple(cv.members(int(first_seen[k]))) for k in order]
    return ReplayWindow(cv, np.flatnonzero(in_period), states, state_of_column, first, year_of,
                        membership(range(first, last + 1)), sat,
                        default_model().weights(states), member_sets,
                        rank[inverse.ravel()])
