"""Classic Security Council values (reform-models.md, section B.2) and textbook games.

Derivations (binary model; P = permanent member, E = elected member):

- Status quo, 15 seats, 9 votes incl. all 5 P. Winning coalitions: all 5 P and at least 4 of
  the 10 E: sum_{k=4..10} C(10, k) = 848, so Coleman's power to act is 848 / 2^15 = 53/2048.
  An E swings when all 5 P and exactly 3 of the other 9 E vote yes: C(9, 3) = 84; a P swings
  whenever the rest of a winning coalition is there: 848. Normalised Banzhaf: 848/5080 and
  84/5080 (5 * 848 + 10 * 84 = 5080). Shapley-Shubik: an E is pivotal when it is the 9th
  vote and all P came before it: 4/2145; a P gets (1 - 10 * 4/2145) / 5 = 421/2145.
- 1945, 11 seats, 7 votes incl. all 5 P: winning = sum_{k=2..6} C(6, k) = 57; an E swings with
  C(5, 1) = 5 coalitions; SS 76/385 and 1/462.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from unsclab.power import (
    CompositeGame,
    WeightedGame,
    coleman_act,
    compute,
    index_names,
    quota_condition,
    veto_condition,
)


def council(n_perm: int, n_elected: int, quota: int, negatives: int = 1) -> CompositeGame:
    n = n_perm + n_elected
    names = [f"P{i + 1}" for i in range(n_perm)] + [f"E{i + 1}" for i in range(n_elected)]
    return CompositeGame(
        [quota_condition(n, quota), veto_condition(n, range(n_perm), negatives)], names
    )


def council_charter_form(n_perm: int, n_elected: int, quota: int) -> CompositeGame:
    """As Article 27(3) reads: the quota AND, for each permanent seat, its concurring vote."""
    n = n_perm + n_elected
    vetoes = [veto_condition(n, [i]) for i in range(n_perm)]
    return CompositeGame([quota_condition(n, quota), *vetoes])


STATUS_QUO = {
    "winning": 848,
    "coleman_act": F(53, 2048),
    "shapley_shubik": (F(421, 2145), F(4, 2145)),
    "banzhaf": (F(848, 5080), F(84, 5080)),
    "penrose": (F(848, 2**14), F(84, 2**14)),  # 0.051758, 0.005127
    "coleman_prevent": (F(848, 848), F(84, 848)),  # elected: 0.099057
    "coleman_initiate": (F(848, 2**15 - 848), F(84, 31920)),  # elected: 0.002632
}

CHARTER_1945 = {
    "winning": 57,
    "coleman_act": F(57, 2048),
    "shapley_shubik": (F(76, 385), F(1, 462)),
    "banzhaf": (F(57, 315), F(5, 315)),
    "penrose": (F(57, 1024), F(5, 1024)),  # 0.055664, 0.004883
    "coleman_prevent": (F(1), F(5, 57)),  # elected: 0.087719
    "coleman_initiate": (F(57, 2048 - 57), F(5, 2048 - 57)),
}


@pytest.mark.parametrize(
    "game, expected, n_perm",
    [
        (council(5, 10, 9), STATUS_QUO, 5),
        (council_charter_form(5, 10, 9), STATUS_QUO, 5),
        (WeightedGame([7] * 5 + [1] * 10, 39), STATUS_QUO, 5),
        (WeightedGame([9] * 5 + [1] * 10, 49), STATUS_QUO, 5),
        (council(5, 6, 7), CHARTER_1945, 5),
        (council_charter_form(5, 6, 7), CHARTER_1945, 5),
        (WeightedGame([5] * 5 + [1] * 6, 27), CHARTER_1945, 5),
    ],
    ids=["sq-composite", "sq-charter", "sq-39", "sq-49", "1945", "1945-charter", "1945-27"],
)
def test_classic_council_values(game, expected, n_perm):
    got = compute(game, [k for k in expected if k not in ("winning", "coleman_act")])
    for name, (perm, elected) in ((k, v) for k, v in expected.items() if isinstance(v, tuple)):
        assert got[name][:n_perm] == [perm] * n_perm, name
        assert got[name][n_perm:] == [elected] * (game.n - n_perm), name
    assert coleman_act(game) == expected["coleman_act"]


def test_p5_bloc_shares():
    """reform-models.md B.2: P5 bloc SS 98.135 % (status quo), NBz 83.46 %."""
    got = compute(council(5, 10, 9), ["shapley_shubik", "banzhaf"])
    assert float(sum(got["shapley_shubik"][:5])) == pytest.approx(0.98135, abs=5e-6)
    assert float(sum(got["banzhaf"][:5])) == pytest.approx(0.8346, abs=5e-5)


def test_weighted_form_equals_composite_form_on_every_index():
    binary = [n for n in index_names() if not n.startswith("ternary_")]
    a = compute(WeightedGame([7] * 5 + [1] * 10, 39), binary)
    b = compute(council(5, 10, 9), binary)
    c = compute(council_charter_form(5, 10, 9), binary)
    assert a == b == c
    # with abstention the forms differ: in [39; 7 x 5, 1 x 10] an abstaining permanent member
    # withholds its 7 votes (the literal reading), in the veto form it does not block
    ternary = [n for n in index_names() if n.startswith("ternary_")]
    t_b, t_c = compute(council(5, 10, 9), ternary), compute(council_charter_form(5, 10, 9), ternary)
    assert t_b == t_c
    assert compute(WeightedGame([7] * 5 + [1] * 10, 39), ternary) != t_b


def test_small_weighted_game_from_the_literature():
    g = WeightedGame([7, 7, 1, 1, 1], 9)
    got = compute(g, ["shapley_shubik", "banzhaf"])
    assert got["shapley_shubik"] == [F(3, 10), F(3, 10), F(2, 15), F(2, 15), F(2, 15)]
    assert got["banzhaf"] == [F(2, 7), F(2, 7), F(1, 7), F(1, 7), F(1, 7)]


def test_structure_indices_status_quo_closed_forms():
    """Minimal winning coalitions: the 5 P and exactly 4 E: C(10, 4) = 210. Each P is in all
    210, each E in C(9, 3) = 84. Holler: 210 / (5*210 + 10*84) = 1/9 and 84/1890 = 2/45.
    Deegan-Packel: every MWC has 9 members, so each member gets 1/9 of each: P 1/9,
    E (84/210)/9 = 2/45. Johnston: in a winning coalition with 5 P and k E, the P are always
    critical and the E only when k = 4 (then all 9 members are critical); vulnerable = 848."""
    got = compute(council(5, 10, 9), ["holler", "deegan_packel", "johnston"])
    assert got["holler"][0] == F(1, 9) and got["holler"][-1] == F(2, 45)
    assert got["deegan_packel"][0] == F(1, 9) and got["deegan_packel"][-1] == F(2, 45)
    # Johnston score of an E: the 210 MWC, 84 containing it, each worth 1/9 -> 84/9;
    # of a P: 84/9*... computed from the definition: sum_k C(10,k) / (5 + 10 [k == 4])
    score_e = F(84, 9)
    score_p = F(210, 9) + sum(F(1, 5) * __import__("math").comb(10, k) for k in range(5, 11))
    assert got["johnston"][-1] == score_e / 848
    assert got["johnston"][0] == score_p / 848
    assert sum(got["johnston"]) == 1


def test_two_negatives_veto():
    """A veto needs 2 negative votes among the P5: at least 4 of the 5 P vote yes."""
    g = council(5, 10, 9, negatives=2)
    # winning: (all 5 P, >= 4 E) or (exactly 4 P, >= 5 E)
    from math import comb

    winning = sum(comb(10, k) for k in range(4, 11)) + 5 * sum(comb(10, k) for k in range(5, 11))
    assert coleman_act(g) == F(winning, 2**15)
