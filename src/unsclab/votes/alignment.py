"""General Assembly voting alignment between states, year by year (Voeten-style agreement).

For each GA year *y* (session *s* ↔ year 1945 + *s*, so the 74th session is 2019) and each pair of
states *(i, j)*, the **agreement score** is the share of agreement over the roll calls on which
both voted, with votes coded yes = 1, abstain = 0.5, no = 0 (Voeten's coding; absences are not
votes)::

    agree(i, j, y) = 1 − mean_r |v_ir − v_jr|   over roll calls r of year y where both voted

Pairs with few common votes are shrunk towards the year's mean agreement ā_y with *m* = 10
pseudo-votes: ``(Σ_r (1 − |v_ir − v_jr|) + m·ā_y) / (n_ij + m)``; a pair with no common vote gets
ā_y. Years with fewer than 10 roll calls (1964: the 19th session held a single one) take the
previous year's matrix; years after 2023 take **2023, the latest GA year in the data** (the 78th
session, whose roll calls run to 4 June 2024).

Sources: E. Voeten, A. Strezhnev and M. Bailey, "United Nations General Assembly Voting Data",
Harvard Dataverse, hdl:1902.1/12379 (CC0) — sessions 1–74 (1946–2019) as packaged in the R
package ``unvotes`` (D. Robinson; tables ``ga_roll_calls`` / ``ga_votes``), sessions 75–78
(2020–2023) from version 33 of the same dataset (tables ``ga_recent_roll_calls`` /
``ga_recent_votes``, :mod:`unsclab.data.ga_tables`). ``unvotes`` is kept where both cover a year:
the two never disagree on a vote they both record, and ``unvotes`` keeps the states v33 dropped
(GDR, Czechoslovakia, the two Yemens before 1990; docs/data.md, "GA sources"). v33's
"absent" cells are not votes. Agreement scores as in E. Voeten, "Clashes in the Assembly",
*International Organization* 54 (2000) 185–215, and the dataset's documentation.

The matrices are computed once (≈2 s) from the ``ga_votes`` and ``ga_roll_calls`` tables of the
data layers (:mod:`unsclab.data.layers`; the embedded snapshot has them) and cached as numpy
arrays (``.npz``) in the unsclab user cache, keyed by those tables' keys and checked on load.
"""

from __future__ import annotations

__all__ = ["Alignment", "alignment", "agreement_matrix", "LAST_GA_YEAR", "FIRST_GA_YEAR"]

from dataclasses import dataclass, field
from functools import cache

import numpy as np

FIRST_GA_YEAR = 1946
LAST_GA_YEAR = 2023
_SHRINK = 10.0
_VERSION = 3
_MIN_ROLL_CALLS = 10


@dataclass(frozen=True)
class Alignment:
    """Agreement matrices by year.

    ``agree[k, i, j]`` is the agreement of states ``states[i]`` and ``states[j]`` in year
    ``years[k]`` (shrunk as in the module docstring); ``common[k, i, j]`` the number of roll calls
    both voted on. ``first_year[i]`` / ``last_year[i]`` bound the years in which the state voted
    in the GA (a proxy for UN membership; ``last_year`` is 9999 for states still members).
    """

    states: list[str]
    years: np.ndarray
    agree: np.ndarray
    common: np.ndarray
    first_year: np.ndarray
    last_year: np.ndarray
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update({s: i for i, s in enumerate(self.states)})

    def index(self, iso3: str) -> int | None:
        return self._index.get(iso3)

    def year_row(self, year: int) -> int:
        """Row of the matrix used for ``year`` (clamped to 1946–2023; 1964 → 1963)."""
        y = min(max(int(year), int(self.years[0])), int(self.years[-1]))
        k = int(np.searchsorted(self.years, y, side="right")) - 1
        return max(k, 0)

    def used_year(self, year: int) -> int:
        """The GA year whose alignment stands for ``year`` (stated in outputs)."""
        return int(self.years[self.year_row(year)])

    def matrix(self, year: int) -> np.ndarray:
        return self.agree[self.year_row(year)]

    def is_member(self, iso3: str, year: int) -> bool:
        """Whether the state voted in the GA by ``year`` and had not left it (membership proxy)."""
        i = self._index.get(iso3)
        if i is None:
            return False
        last = self.last_year[i]
        return bool(self.first_year[i] <= year and (last >= LAST_GA_YEAR or year <= last))

    def took_part(self, iso3: str, year: int) -> bool:
        """Whether the state cast a GA roll-call vote in ``year`` (years without a matrix: the
        year used instead; after 2023: membership). South Africa, excluded from the Assembly's
        work 1974–1993, is out in those years."""
        i = self._index.get(iso3)
        if i is None:
            return False
        if year > LAST_GA_YEAR:
            return self.is_member(iso3, year)
        return bool(self.common[self.year_row(year), i, i] > 0) and self.is_member(iso3, year)


def _table(name: str):
    """A derived GA table from the data layers (:func:`unsclab.data.layers.load_table`), with
    the user's imports of UN Library GA voting files laid over it (:mod:`unsclab.data.imports`)."""
    from unsclab.data.layers import load_table

    return load_table(name)


def _votes_by_year() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(GA year, rcid, ISO3, vote kind 0/1/2 = yes/abstain/no) of every vote, both sources."""
    import pandas as pd

    rc = _table("ga_roll_calls")
    old = _table("ga_votes")
    old_year = old["rcid"].map(dict(zip(rc["rcid"], rc["session"].astype(int) + 1945)))
    rc_new = _table("ga_recent_roll_calls")
    new = _table("ga_recent_votes")
    new = new[new["vote"].astype(str) != "absent"]
    overlap = set(rc_new["rcid"]) & set(rc["rcid"])
    if overlap:  # the recent tables start where unvotes ends; a shared id would count twice
        from unsclab.errors import DataError

        raise DataError(f"roll calls {sorted(overlap)[:5]} are in both unvotes and the v33 "
                        "sessions 75-78; expected disjoint tables", field="rcid")
    new_year = new["rcid"].map(dict(zip(rc_new["rcid"], rc_new["ga_year"].astype(int))))
    years = np.concatenate([old_year.fillna(-1).to_numpy(int), new_year.to_numpy(int)])
    rcid = np.concatenate([old["rcid"].to_numpy(np.int64), new["rcid"].to_numpy(np.int64)])
    codes = np.concatenate([old["iso3"].astype(str).to_numpy(), new["iso3"].astype(str)
                            .to_numpy()])
    vote = pd.concat([old["vote"].astype(str), new["vote"].astype(str)]).to_numpy()
    kind = np.where(vote == "yes", 0, np.where(vote == "abstain", 1, 2))
    return years, rcid, codes, kind


def agreement_matrix(kind: np.ndarray, state: np.ndarray, rcid: np.ndarray,
                     n_states: int) -> tuple[np.ndarray, np.ndarray]:
    """Shrunk agreement (module docstring) and common roll calls of every pair of states, from
    votes ``kind`` (0/1/2 = yes/abstain/no) of states ``state`` on roll calls ``rcid``."""
    r_ids, r_pos = np.unique(rcid, return_inverse=True)
    onehot = np.zeros((3, n_states, len(r_ids)), dtype=np.float32)
    onehot[kind, state, r_pos] = 1.0
    Yv, Av, Nv = onehot
    P = Yv + Av + Nv
    n = P @ P.T
    dist = 0.5 * (Yv @ Av.T + Av @ Yv.T + Av @ Nv.T + Nv @ Av.T) + (Yv @ Nv.T + Nv @ Yv.T)
    s = n - dist
    has = n > 0
    mean = float(s[has].sum() / n[has].sum()) if has.any() else 0.5
    return (s + _SHRINK * mean) / (n + _SHRINK), n


def _compute() -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    years_all, rcid, codes, kind = _votes_by_year()
    states = sorted(set(codes))
    sidx = {s: i for i, s in enumerate(states)}
    si = np.array([sidx[c] for c in codes])
    per_year = {y: len(set(rcid[years_all == y])) for y in set(years_all)}
    # sessions with fewer than _MIN_ROLL_CALLS roll calls (the 19th, 1964-65, held one) take
    # the previous year's matrix
    years = np.array(sorted(y for y, n in per_year.items()
                            if y >= FIRST_GA_YEAR and n >= _MIN_ROLL_CALLS))
    S = len(states)
    agree = np.zeros((len(years), S, S), dtype=np.float32)
    common = np.zeros((len(years), S, S), dtype=np.int32)
    first = np.full(S, 9999, dtype=np.int16)
    last = np.zeros(S, dtype=np.int16)
    for k, y in enumerate(years):
        m = years_all == y
        agree[k], n = agreement_matrix(kind[m], si[m], rcid[m], S)
        common[k] = np.rint(n).astype(np.int32)
        voted = np.flatnonzero(np.diag(n) > 0)
        first[voted] = np.minimum(first[voted], y)
        last[voted] = np.maximum(last[voted], y)
    last = np.where(last >= LAST_GA_YEAR - 1, 9999, last).astype(np.int16)
    # A state's last year as 9999 means "still a member after the GA data ends".
    return states, years.astype(np.int16), agree, common, first, last


_TABLES = ("ga_votes", "ga_roll_calls", "ga_recent_votes", "ga_recent_roll_calls")
_ARRAYS = ("states", "years", "agree", "common", "first_year", "last_year")


def _write(path, value: tuple) -> None:
    states, *rest = value
    with open(path, "wb") as f:
        np.savez(f, **dict(zip(_ARRAYS, (np.array(states), *rest))))


def _read(path) -> tuple:
    with np.load(path, allow_pickle=False) as z:
        arrays = [z[k] for k in _ARRAYS]
    return (list(map(str, arrays[0])), *arrays[1:])


@cache
def alignment() -> Alignment:
    """The agreement matrices for 1946–2023, computed once and cached on disk (``.npz``, checked
    by :func:`unsclab.data.integrity.cached`), keyed by the GA tables' keys."""
    from unsclab.data.fetch import cache_dir
    from unsclab.data.imports import imports_digest
    from unsclab.data.integrity import cached
    from unsclab.data.layers import find_table

    key = "-".join([find_table(n).key[:8] for n in _TABLES]
                   + ([imports_digest()] if imports_digest() else []))
    path = cache_dir() / f"ga-alignment-{key}.npz"
    states, years, agree, common, first, last = cached(
        path, build=_compute, write=_write, read=_read, kind="ga-alignment", version=_VERSION)
    return Alignment(states, years, agree, common, first, last)
