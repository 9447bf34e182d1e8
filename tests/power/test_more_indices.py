"""Rae, Nevison, Konig-Brauninger, Public Help theta, Felsenthal and minimal winning coalition
counts against published values and hand computations (the brute-force check of every index on
random games is in test_properties.py)."""

from __future__ import annotations

from fractions import Fraction as F
from itertools import combinations

import pytest

from unsclab.power import WeightedGame, compute, structure

NEW = ["rae", "nevison", "koenig_braeuninger", "public_help_theta", "felsenthal",
       "minimal_winning", "minimal_winning_total"]


def _coopgame_vector(game):
    """The game as the R package CoopGame writes it: v(S) for the non-empty coalitions in
    order of size, then lexicographically."""
    n = game.n
    return [int(game.is_winning(S)) for k in range(1, n + 1) for S in combinations(range(n), k)]


# Stach (2016), p. 105, as quoted in CoopGame's documentation of publicHelpIndex and raeIndex
STACH_3 = [0, 0, 0, 1, 1, 0, 1]
STACH_4 = [0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1]


def test_public_help_theta_published_examples():
    g3, g4 = WeightedGame([2, 1, 1], 3), WeightedGame([4, 2, 2, 1], 6)
    assert _coopgame_vector(g3) == STACH_3 and _coopgame_vector(g4) == STACH_4
    # CoopGame: 0.4285714 0.2857143 0.2857143 and 0.3529412 0.2352941 0.2352941 0.1764706
    assert compute(g3, ["public_help_theta"])["public_help_theta"] == [F(3, 7), F(2, 7), F(2, 7)]
    assert [round(float(x), 7) for x in compute(g4, ["public_help_theta"])["public_help_theta"]] \
        == [0.3529412, 0.2352941, 0.2352941, 0.1764706]


def test_rae_published_example():
    # CoopGame raeIndex on STACH_4: 0.875 0.625 0.625 0.500 (player 4 is a null player)
    got = compute(WeightedGame([4, 2, 2, 1], 6), ["rae"])["rae"]
    assert got == [F(7, 8), F(5, 8), F(5, 8), F(1, 2)]


def test_winning_coalition_indices_by_hand():
    """[3; 2, 1, 1]: the winning coalitions are {1,2}, {1,3}, {1,2,3} (omega = 3); player 1
    is in 3, players 2 and 3 in 2 each. Nevison w_i / 2^2; Konig-Brauninger w_i / 3."""
    got = compute(WeightedGame([2, 1, 1], 3), ["nevison", "koenig_braeuninger"])
    assert got["nevison"] == [F(3, 4), F(1, 2), F(1, 2)]
    assert got["koenig_braeuninger"] == [F(1), F(2, 3), F(2, 3)]


def test_felsenthal_by_hand():
    """[6; 4, 3, 2, 1]: minimal winning coalitions {A,B}, {A,C}, {B,C,D}; the least size is 2
    with {A,B} and {A,C}, so A gets 2 x 1/2 / 2 = 1/2, B and C 1/4, D 0 (while Deegan-Packel
    gives D a share through {B,C,D})."""
    g = WeightedGame([4, 3, 2, 1], 6)
    got = compute(g, ["felsenthal", "deegan_packel", "minimal_winning", "minimal_winning_total"])
    assert got["felsenthal"] == [F(1, 2), F(1, 4), F(1, 4), F(0)]
    assert got["deegan_packel"][3] == F(1, 9)
    assert got["minimal_winning"] == [2, 2, 2, 1]
    assert got["minimal_winning_total"] == 3
    st = structure(g)
    assert (st.least_size, st.least_minimal) == (2, 2)


def test_status_quo_closed_forms():
    """Status quo (848 winning coalitions; 210 minimal, all of size 9): a P is in all 848,
    an E in sum_{k=4..10} C(9, k-1) = 466; Felsenthal equals Deegan-Packel since every minimal
    winning coalition has the least size."""
    from math import comb

    g = WeightedGame([7] * 5 + [1] * 10, 39)
    got = compute(g, NEW + ["deegan_packel"])
    w_e = sum(comb(9, k - 1) for k in range(4, 11))
    assert w_e == 466
    assert got["koenig_braeuninger"][0] == 1 and got["koenig_braeuninger"][5] == F(466, 848)
    assert got["nevison"][5] == F(466, 2**14)
    assert got["rae"][5] == F(2**14 + 84, 2**15)
    assert got["felsenthal"] == got["deegan_packel"]
    assert got["minimal_winning_total"] == comb(10, 4)


@pytest.mark.parametrize("name", ["public_help_theta", "felsenthal"])
def test_normalised_indices_sum_to_one(name):
    g = WeightedGame([9, 7, 5, 3, 3, 1], 15)
    assert sum(compute(g, [name])[name]) == 1


def test_on_request_indices_are_not_in_the_default_output():
    assert not set(NEW) & set(compute(WeightedGame([2, 1, 1], 3)))
