"""The General Assembly's two-thirds game a priori: how hard Article 108 has become.

Treat the Assembly as *n* equal members voting yes or no with every profile equally likely
(the Penrose–Banzhaf a priori model). An amendment needs *q* = ⌈2n/3⌉ yes votes (Art. 108: "two
thirds of the members", not of those present). Then, exactly:

- Coleman's power of the collectivity to act (Coleman 1971): ``A = Σ_{k=q}^{n} C(n, k) / 2^n``;
- each member's Penrose–Banzhaf power (probability of being decisive): ``C(n−1, q−1) / 2^(n−1)``;
- Coleman's power of a member to prevent action: ``C(n−1, q−1) / Σ_{k=q}^{n} C(n, k)``.

As membership grew from 51 to 193, *A* fell by many orders of magnitude: the share of yes/no
profiles that clear two thirds shrinks like a binomial tail. Hosli, Moody, O'Donovan, Kaniovski &
Little, "Squaring the circle? Collective and distributive effects of United Nations Security
Council reform", *Review of International Organizations* 6(2) (2011) 163–187, make this point
for the Assembly's ratification hurdle; the numbers here are computed, not copied from them.

Membership by year: 51 in 1945 (the original members, Charter Art. 3 and the signatures of
1945); from 1946 the number of states that had cast a GA roll-call vote by that year and not yet
left (first and last GA votes as in :mod:`unsclab.votes.alignment`, from the Voeten et al.
GA voting data, hdl:1902.1/12379); a current member that stops voting (Article 19 arrears)
remains a member. A state admitted late in a year counts from the first year it
voted, so the proxy lags admissions by up to a year (1955: 65, as the sixteen states admitted on
14 December 1955 first voted in 1956).
"""

from __future__ import annotations

__all__ = ["ORIGINAL_MEMBERS", "TwoThirds", "history", "membership_by_year", "two_thirds"]

import math
from dataclasses import dataclass
from fractions import Fraction

#: The 51 original members of 1945 (50 signatories at San Francisco and Poland).
ORIGINAL_MEMBERS = 51


@dataclass(frozen=True)
class TwoThirds:
    """Exact a priori values of the ``q``-of-``n`` equal-member game."""

    members: int
    quota: int
    winning: int                 # number of winning yes-sets, Σ_{k≥q} C(n, k)

    @property
    def coleman_act(self) -> Fraction:
        return Fraction(self.winning, 2 ** self.members)

    @property
    def banzhaf(self) -> Fraction:
        return Fraction(math.comb(self.members - 1, self.quota - 1), 2 ** (self.members - 1))

    @property
    def coleman_prevent(self) -> Fraction:
        return Fraction(math.comb(self.members - 1, self.quota - 1), self.winning)

    def to_dict(self) -> dict:
        return {"members": self.members, "quota": self.quota,
                "coleman_act": float(self.coleman_act),
                "log10_coleman_act": math.log10(self.winning) - self.members * math.log10(2),
                "banzhaf": float(self.banzhaf), "coleman_prevent": float(self.coleman_prevent)}


def two_thirds(members: int, quota: int | None = None) -> TwoThirds:
    """The a priori game of ``members`` equal members with ``quota`` (default ⌈2n/3⌉)."""
    from unsclab.errors import UnsclabError

    q = math.ceil(2 * members / 3) if quota is None else quota
    if members < 1 or not 1 <= q <= members:
        raise UnsclabError(f"quota {q} is impossible with {members} members; expected 1 to "
                           f"{members}", field="quota")
    return TwoThirds(members, q, sum(math.comb(members, k) for k in range(q, members + 1)))


def membership_by_year(first: int = 1945, last: int = 2025) -> dict[int, int]:
    """UN membership by year (see the module docstring for the source and its lag)."""
    from unsclab.states import is_member
    from unsclab.votes.alignment import alignment

    al = alignment()
    current = [is_member(s) for s in al.states]
    out = {}
    for year in range(first, last + 1):
        if year <= 1945:
            out[year] = ORIGINAL_MEMBERS
            continue
        # a current member counts from its first vote on (a state that stops voting, as under
        # Art. 19 for arrears, stays a member); a former state until its last vote
        out[year] = sum(1 for i, cur in enumerate(current)
                        if al.first_year[i] <= year and (cur or year <= al.last_year[i]))
    return out


def history(first: int = 1945, last: int = 2025) -> list[dict]:
    """One row per year: members, the Art. 108 quota and the exact a priori values."""
    rows = []
    for year, n in membership_by_year(first, last).items():
        rows.append({"year": year, **two_thirds(n).to_dict()})
    return rows
