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
hdl:1902.1/12379, version 33 (CC0): the issue codes of its roll calls (table ``ga_issue_codes``,
:mod:`unsclab.data.ga_tables`; roll-call ids shared with ``unvotes``) over the GA record of
:mod:`unsclab.votes.alignment`; issue codes as documented (and in Bailey, Strezhnev and Voeten 2017, doi:10.1177/0022002715595700).
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

    def matrix(self, issue: str, year: int) -> np.ndarray | None:
        """The latest matrix of ``issue`` for a GA year up to ``year`` (None if none)."""
        k = int(np.searchsorted(self.years, year, side="right")) - 1
        i = ISSUE_CODES.index(issue)
        while k >= 0 and np.isnan(self.agree[i, k, 0, 0]):
            k -= 1
        return self.agree[i, k] if k >= 0 else None


_MIN_ROLL_CALLS = 3
_VERSION = 2


def _compute(states: list[str]) -> IssueAlignment:
    from unsclab.data.layers import load_table
    from unsclab.votes.alignment import _votes_by_year, agreement_matrix

    years_all, rcid, codes, kind = _votes_by_year()   # the GA record of the alignment
    position = {s: i for i, s in enumerate(states)}
    keep = np.array([c in position for c in codes])
    year, rcid, kind = years_all[keep], rcid[keep], kind[keep]
    state = np.array([position[c] for c in codes[keep]], dtype=np.int64)
    flags = load_table("ga_issue_codes")
    years = np.array(sorted(y for y in set(year) if y >= 1945))
    out = np.full((len(ISSUE_CODES), len(years), len(states), len(states)), np.nan,
                  dtype=np.float32)
    for i, code in enumerate(ISSUE_CODES):
        m_issue = np.isin(rcid, flags.loc[flags[code].astype(bool), "rcid"].to_numpy(np.int64))
        for k, y in enumerate(years):
            m = m_issue & (year == y)
            if len(np.unique(rcid[m])) >= _MIN_ROLL_CALLS:
                out[i, k] = agreement_matrix(kind[m], state[m], rcid[m], len(states))[0]
    return IssueAlignment(years.astype(np.int16), out)


@cache
def issue_alignment() -> IssueAlignment:
    """Issue-specific agreement for every GA year, from the GA record of
    :mod:`unsclab.votes.alignment` and the v33 issue codes (data layers: the embedded snapshot
    has them), cached on disk (``.npz``, checked by :func:`unsclab.data.integrity.cached`)."""
    import hashlib

    from unsclab.data.fetch import cache_dir
    from unsclab.data.integrity import cached
    from unsclab.votes.alignment import alignment

    al = alignment()
    key = hashlib.sha256(al.agree.tobytes()).hexdigest()[:16]

    def write(p, value: IssueAlignment) -> None:
        with open(p, "wb") as f:
            np.savez(f, years=value.years, agree=value.agree)

    def read(p) -> IssueAlignment:
        with np.load(p, allow_pickle=False) as z:
            return IssueAlignment(z["years"], z["agree"])

    return cached(cache_dir() / f"ga-issue-alignment-{key}.npz",
                  build=lambda: _compute(al.states), write=write, read=read,
                  kind="ga-issue-alignment", version=_VERSION)
