"""A posteriori power: the decisiveness kernel against brute force, and its a priori limit.

Independent oracles: enumeration of every vote profile of the other members, and the Council's
absolute Banzhaf values under the Charter rule (9 of 15, P5 veto): 848/16384 for a permanent
member and 84/16384 for an elected one (counts of swings among 2^14 profiles).
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from unsclab.votes.decisive import decisiveness


def _brute(P, veto, quota, negatives):
    n = len(P)
    out = np.zeros(n)
    for i in range(n):
        others = [j for j in range(n) if j != i]
        for profile in itertools.product(range(3), repeat=len(others)):
            p = np.prod([P[j][v] for j, v in zip(others, profile)])
            yes = sum(v == 0 for v in profile)
            vetoes = sum(v == 2 and veto[j] for j, v in zip(others, profile))
            adopted_yes = yes + 1 >= quota and vetoes < negatives
            adopted_no = yes >= quota and vetoes + bool(veto[i]) < negatives
            out[i] += p * (int(adopted_yes) - int(adopted_no))
    return out


@pytest.mark.parametrize("negatives", [1, 2])
def test_decisiveness_equals_enumeration(negatives):
    rng = np.random.default_rng(3)
    P = rng.dirichlet([2, 1, 1], size=7)
    veto = np.array([True, True, True, False, False, False, False])
    assert np.allclose(decisiveness(P, veto, 4, negatives), _brute(P, veto, 4, negatives))


def test_coin_tosses_give_the_councils_banzhaf_values():
    half = np.tile([0.5, 0.0, 0.5], (15, 1))
    veto = np.array([True] * 5 + [False] * 10)
    d = decisiveness(half, veto, 9, 1)
    assert np.allclose(d[:5], 848 / 2**14) and np.allclose(d[5:], 84 / 2**14)


def test_a_posteriori_power_of_the_real_council():
    from unsclab.votes.decisive import a_posteriori_power

    r = a_posteriori_power(2020, 2025)
    seat = r["by_seat"]
    # drafts put to the vote mostly pass: a permanent member's "no" decides almost always,
    # an elected member's vote almost never — far from the coin-toss values
    assert seat["permanent"]["a_posteriori"] > 0.8 > seat["permanent"]["a_priori"]
    assert seat["elected"]["a_posteriori"] < seat["elected"]["a_priori"] * 5
    assert {s["iso3"] for s in r["states"][:5]} == {"CHN", "FRA", "RUS", "GBR", "USA"}
    with pytest.raises(Exception, match="no substantive decision"):
        a_posteriori_power(2020, 2025, subject="Nowhere")
