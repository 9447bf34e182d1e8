"""Issue-specific General Assembly agreement, matched to the subject of a Council decision.

Voeten's roll calls (version 33, 1946 – June 2024) flag each roll call with six issue codes:
``me`` (the Palestinian conflict), ``nu`` (nuclear weapons and material), ``di`` (arms control
and disarmament), ``hr`` (human rights), ``co`` (colonialism) and ``ec`` (economic
development). For each issue and GA year, the agreement of every pair of states is computed as
in :mod:`unsclab.votes.alignment` (yes = 1, abstain = ½, no = 0; shrunk towards the year's mean
with 10 pseudo-votes), on that issue's roll calls only.

A Council decision is matched to an issue by keywords of its title (:data:`ISSUE_KEYWORDS`,
first match wins); decisions matched to none use the all-issue agreement.

Source: E. Voeten, "United Nations General Assembly Voting Data", Harvard Dataverse,
hdl:1902.1/12379, version 33 (CC0), read by :func:`unsclab.data.ga_v33.read_ga_v33`; issue
codes as documented there (and in Bailey, Strezhnev and Voeten 2017, doi:10.1177/0022002715595700).
"""

from __future__ import annotations

__all__ = ["ISSUE_KEYWORDS", "ISSUE_CODES", "IssueAlignment", "issue_alignment", "issue_of"]

from dataclasses import dataclass
from functools import cache

import numpy as np

ISSUE_CODES = ("me", "nu", "di", "hr", "co", "ec")

#: Title keywords → GA issue code (case-insensitive, first match wins).
ISSUE_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("me", ("palestin", "middle east", "israel", "gaza", "jerusalem", "golan", "lebanon",
            "occupied arab", "west bank")),
    ("nu", ("nuclear", "non-proliferation", "democratic people's republic of korea",
            "weapons of mass destruction", "iaea")),
    ("di", ("disarmament", "arms", "weapons", "chemical")),
    ("co", ("colonial", "rhodesia", "namibia", "south africa", "apartheid", "portug",
            "self-determination", "western sahara", "timor", "territories under")),
    ("hr", ("human rights", "civilians", "children", "women", "sexual violence", "genocide",
            "refugees", "humanitarian")),
    ("ec", ("economic", "development", "poverty")),
)


def issue_of(title: str) -> str | None:
    """The GA issue code matched to a decision's title (None: no issue matched)."""
    low = (title or "").lower()
    for code, words in ISSUE_KEYWORDS:
        if any(w in low for w in words):
            return code
    return None


@dataclass(frozen=True)
class IssueAlignment:
    """``agree[issue, k, i, j]``: agreement on one issue in GA year ``years[k]``, states in the
    order of :class:`unsclab.votes.alignment.Alignment` (NaN where the year has too few roll
    calls on the issue)."""

    years: np.ndarray
    agree: np.ndarray

    @property
    def available(self) -> bool:
        return len(self.years) > 0

    def matrix(self, issue: str, year: int) -> np.ndarray | None:
        """The latest matrix of ``issue`` for a GA year up to ``year`` (None if none)."""
        k = int(np.searchsorted(self.years, year, side="right")) - 1
        i = ISSUE_CODES.index(issue)
        while k >= 0 and np.isnan(self.agree[i, k, 0, 0]):
            k -= 1
        return self.agree[i, k] if k >= 0 else None


_MIN_ROLL_CALLS = 3
_VERSION = 1


def _compute(states: list[str]) -> IssueAlignment:
    from unsclab.data.ga_v33 import read_ga_v33
    from unsclab.votes.alignment import agreement_matrix

    roll_calls, votes = read_ga_v33()
    votes = votes[votes["vote"].astype(str) != "absent"]
    position = {s: i for i, s in enumerate(states)}
    votes = votes[votes["iso3"].astype(str).isin(position)]
    year_of = dict(zip(roll_calls["rcid"], roll_calls["ga_year"].astype(int)))
    rcid = votes["rcid"].to_numpy(np.int64)
    year = np.array([year_of[r] for r in rcid])
    state = votes["iso3"].astype(str).map(position).to_numpy(np.int64)
    vote = votes["vote"].astype(str).to_numpy()
    kind = np.where(vote == "yes", 0, np.where(vote == "abstain", 1, 2))
    years = np.array(sorted(set(year)))
    out = np.full((len(ISSUE_CODES), len(years), len(states), len(states)), np.nan,
                  dtype=np.float32)
    for i, code in enumerate(ISSUE_CODES):
        on_issue = set(roll_calls.loc[roll_calls[code].astype(bool), "rcid"])
        m_issue = np.isin(rcid, list(on_issue))
        for k, y in enumerate(years):
            m = m_issue & (year == y)
            if len(np.unique(rcid[m])) >= _MIN_ROLL_CALLS:
                out[i, k] = agreement_matrix(kind[m], state[m], rcid[m], len(states))[0]
    return IssueAlignment(years.astype(np.int16), out)


@cache
def issue_alignment() -> IssueAlignment:
    """Issue-specific agreement for every GA year of version 33, cached on disk (``.npz``,
    checked by :func:`unsclab.data.integrity.cached`). Without the v33 file (an install with
    the embedded snapshot only), no issue matrix: every decision uses the all-issue agreement
    (:attr:`IssueAlignment.available` is False and the vote model is fitted that way)."""
    from unsclab.data.fetch import cache_dir, locate, sha256_of
    from unsclab.data.integrity import cached
    from unsclab.errors import DataError
    from unsclab.votes.alignment import alignment

    states = alignment().states
    try:
        key = sha256_of(locate("ga_votes_v33", download=False))[:12]
    except (DataError, OSError):
        n = len(states)
        return IssueAlignment(np.zeros(0, np.int16), np.zeros((len(ISSUE_CODES), 0, n, n)))

    def write(p, value: IssueAlignment) -> None:
        with open(p, "wb") as f:
            np.savez(f, years=value.years, agree=value.agree)

    def read(p) -> IssueAlignment:
        with np.load(p, allow_pickle=False) as z:
            return IssueAlignment(z["years"], z["agree"])

    return cached(cache_dir() / f"ga-issue-alignment-{key}-{len(states)}.npz",
                  build=lambda: _compute(states), write=write, read=read,
                  kind="ga-issue-alignment", version=_VERSION)
