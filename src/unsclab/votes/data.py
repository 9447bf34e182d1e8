"""The Council's voting record as compact numpy arrays, for the vote model and replay.

:class:`CouncilVotes` holds one row per decision (chronological) and one column per state that
ever sat, with each cell a small integer vote code (:data:`Y`, :data:`A`, :data:`N`, :data:`NV`,
:data:`UNKNOWN`, or :data:`ABSENT` when the state did not sit). It is built from the project's
:class:`unsclab.record.Record` (Sciences Po "UNSC votes since 1946", CC BY 4.0; MARTIN, Benoît,
2026, data.sciencespo, V1; with ``data/corrections.csv`` and ``data/procedural_decisions.csv``
applied), given or loaded through the data layers.
"""

from __future__ import annotations

__all__ = ["Y", "A", "N", "NV", "UNKNOWN", "ABSENT", "VOTE_CODES", "VOTE_NAMES", "CouncilVotes",
           "council_votes", "from_record"]

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

#: Vote codes (int8). Y/A/N are 0/1/2 so that they index the vote model's probability columns.
Y, A, N, NV, UNKNOWN, ABSENT = 0, 1, 2, 3, 4, -1
VOTE_CODES = {"Y": Y, "A": A, "N": N, "NV": NV}
VOTE_NAMES = {Y: "Y", A: "A", N: "N", NV: "NV", UNKNOWN: "?", ABSENT: ""}


@dataclass(frozen=True)
class CouncilVotes:
    """Every Council decision with every sitting member's vote.

    Attributes
    ----------
    ids : int64[T]          the decision ids (Sciences Po "Vote in the DB", or the Record's ids)
    dates : datetime64[D][T]
    years : int16[T]
    symbols, titles : list[str]
    outcomes : list[str]    ``adopted`` / ``vetoed`` / ``failed`` (lack of majority)
    procedural : bool[T]    taken as procedural (Art. 27(2)) by the Council
    without_vote : bool[T]  adopted without a vote (the Record's flag; all members count Y)
    states : list[str]      ISO3 column codes (project codes: RUS for the USSR, CHN for the
                            China seat)
    votes : int8[T, S]      vote codes, :data:`ABSENT` where the state did not sit
    source : str            where the table came from
    """

    ids: np.ndarray
    dates: np.ndarray
    years: np.ndarray
    symbols: list[str]
    titles: list[str]
    outcomes: list[str]
    procedural: np.ndarray
    without_vote: np.ndarray
    states: list[str]
    votes: np.ndarray
    source: str
    _col: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._col.update({s: i for i, s in enumerate(self.states)})

    def __len__(self) -> int:
        return len(self.ids)

    def column(self, iso3: str) -> int:
        return self._col[iso3]

    def members(self, t: int) -> list[str]:
        """States sitting at decision ``t`` (a filled cell, whatever the vote)."""
        return [self.states[j] for j in np.flatnonzero(self.votes[t] != ABSENT)]

    def index_of(self, symbol: str) -> list[int]:
        """Row indices of the decisions with this symbol (``S/RES/678(1990)``, ``S/2024/312``)."""
        key = symbol.strip().upper().replace(" ", "")
        return [i for i, s in enumerate(self.symbols) if s.upper().replace(" ", "") == key]

    def subset(self, mask: np.ndarray) -> CouncilVotes:
        idx = np.flatnonzero(mask)
        return CouncilVotes(
            ids=self.ids[idx], dates=self.dates[idx], years=self.years[idx],
            symbols=[self.symbols[i] for i in idx], titles=[self.titles[i] for i in idx],
            outcomes=[self.outcomes[i] for i in idx], procedural=self.procedural[idx],
            without_vote=self.without_vote[idx], states=list(self.states),
            votes=self.votes[idx], source=self.source,
        )


def _outcome(raw: str) -> str:
    raw = str(raw).strip().lower()
    if raw.startswith("adopt"):
        return "adopted"
    if raw.startswith("veto"):
        return "vetoed"
    return "failed"


def _from_tables(decisions: Any, ballots: Any, source: str) -> CouncilVotes:
    """Build from a decisions table and a long ballots table (Record shape)."""
    import pandas as pd

    dec = decisions.copy()
    dec["date"] = pd.to_datetime(dec["date"])
    dec = dec.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    key = "decision" if "decision" in ballots.columns else "id"
    b = ballots[[key, "iso3", "vote"]].copy()
    b = b[b[key].isin(dec["id"])]
    states = sorted(b["iso3"].astype(str).unique())
    col = {s: i for i, s in enumerate(states)}
    row = {int(d): i for i, d in enumerate(dec["id"])}
    votes = np.full((len(dec), len(states)), ABSENT, dtype=np.int8)
    r = b[key].map(row).to_numpy()
    c = b["iso3"].astype(str).map(col).to_numpy()
    raw = b["vote"].astype("string")
    codes = raw.map(lambda v: UNKNOWN if pd.isna(v) else VOTE_CODES.get(str(v), UNKNOWN))
    votes[r, c] = codes.to_numpy(dtype=np.int8)
    n = len(dec)
    proc = dec["procedural"].to_numpy(dtype=bool) if "procedural" in dec else np.zeros(n, bool)
    wov = (dec["adopted_without_vote"].fillna(False).to_numpy(dtype=bool)
           if "adopted_without_vote" in dec else np.zeros(n, bool))
    title_col = "title" if "title" in dec else "symbol"
    return CouncilVotes(
        ids=dec["id"].to_numpy(dtype=np.int64),
        dates=dec["date"].to_numpy().astype("datetime64[D]"),
        years=dec["date"].dt.year.to_numpy(dtype=np.int16),
        symbols=[str(s) for s in dec["symbol"]],
        titles=["" if pd.isna(t) else str(t) for t in dec[title_col]],
        outcomes=[_outcome(o) for o in dec["outcome"]],
        procedural=proc, without_vote=wov, states=states, votes=votes, source=source,
    )


def from_record(record: Any) -> CouncilVotes:
    """Adapt an :class:`unsclab.record.Record` (tables ``decisions`` and ``ballots``)."""
    return _from_tables(record.decisions, record.ballots, "unsclab.record.Record")


@cache
def _default() -> CouncilVotes:
    from unsclab.record import Record

    return from_record(Record.load())


def council_votes(record: Any | None = None) -> CouncilVotes:
    """The Council's votes: from ``record`` if given, else the project's Record (read through
    the data layers: ``$UNSCLAB_DATA`` → user cache → embedded snapshot)."""
    if record is None:
        return _default()
    if isinstance(record, CouncilVotes):
        return record
    return from_record(record)
