"""Ternary (yes / abstain / no) games: the kernel against enumeration of every roll call and
every ordered roll call, hand-computed games, and the Charter rule as ``decide`` applies it."""

from __future__ import annotations

import random
from fractions import Fraction as F
from math import comb

import pytest
from ternary_reference import ternary_reference
from test_compile_vs_decide import _seated  # one member state per seat

from unsclab.designs import catalog_ids, load_design
from unsclab.errors import GameError
from unsclab.power import CompositeGame, Condition, compute, quota_condition, veto_condition
from unsclab.power.compile import compile_design
from unsclab.power.kernels.ternary import ternary_counts
from unsclab.rules import Ballot, decide

TERNARY = ["ternary_penrose", "ternary_banzhaf", "ternary_shapley_shubik", "ternary_coleman_act"]


def _random_game(rng: random.Random, n: int) -> CompositeGame:
    conds = []
    for _ in range(rng.randint(1, 3)):
        w = [rng.randint(0, 3) for _ in range(n)]
        if sum(w) == 0:
            w[rng.randrange(n)] = 1
        conds.append(Condition(tuple(w), rng.randint(1, sum(w)),
                               abstain_passes=rng.random() < 0.5))
    if rng.random() < 0.5:  # single-player vetoes, as the Charter writes them
        conds += [veto_condition(n, [i]) for i in rng.sample(range(n), min(n, 2))]
    return CompositeGame(conds)


@pytest.mark.parametrize("seed", range(40))
def test_kernel_matches_enumeration_of_roll_calls(seed):
    rng = random.Random(seed)
    g = _random_game(rng, rng.randint(1, 5))
    ref = ternary_reference([(c.weights, c.quota, c.abstain_passes) for c in g.conditions], g.n)
    r = ternary_counts(g)
    assert r.winning == ref["winning"]
    assert list(r.decisive) == ref["decisive"]
    assert list(r.pivotal) == ref["pivotal"]
    assert sum(r.pivotal) == 1


def test_two_player_game_by_hand():
    """Player 1 holds a veto that only a no exercises; one yes passes. The 9 roll calls: pass
    YY, YA, YN, AY (4/9). Player 1 is decisive whatever 2 does (its yes passes, its no
    fails): 3/3; player 2 only when 1 abstains: 1/3. Ordered roll calls: if 1 votes first it
    settles the outcome unless it abstains (2/3 of the time), if 2 votes first 1 always
    settles it: 1's pivot probability 1/2 x 2/3 + 1/2 x 1 = 5/6."""
    g = CompositeGame([quota_condition(2, 1), veto_condition(2, [0])])
    got = compute(g, TERNARY)
    assert got["ternary_coleman_act"] == F(4, 9)
    assert got["ternary_penrose"] == [F(1), F(1, 3)]
    assert got["ternary_banzhaf"] == [F(3, 4), F(1, 4)]
    assert got["ternary_shapley_shubik"] == [F(5, 6), F(1, 6)]


def test_status_quo_decisive_counts_by_hand():
    """Status quo, a permanent member's abstention no veto. A permanent member P is decisive
    when, voting yes, the proposal passes (its no always fails): the other 4 P do not vote no
    (j of them yes, the rest abstain) and at least 8 - j of the 10 elected vote yes (each
    other elected member abstains or votes no). An elected member E is decisive when the 5 P
    do not vote no (j yes) and exactly 8 - j of the other 9 E vote yes."""
    g = compile_design(load_design("status-quo"))
    r = ternary_counts(g)
    p = sum(comb(4, j) * sum(comb(10, k) * 2 ** (10 - k) for k in range(8 - j, 11))
            for j in range(5))
    e = sum(comb(5, j) * comb(9, 8 - j) * 2 ** (9 - (8 - j)) for j in range(6))
    assert r.decisive == (p,) * 5 + (e,) * 10
    assert (p, e) == (108336, 53154)
    # passes: the 5 P do not vote no (j yes, 5 - j abstain) and at least 9 - j of the 10 E
    # vote yes
    assert r.winning == sum(comb(5, j)
                            * sum(comb(10, k) * 2 ** (10 - k) for k in range(9 - j, 11))
                            for j in range(6))


def test_literal_reading_counts_abstention_as_no():
    """With abstention_blocks every condition counts only yes votes, so a player is decisive
    exactly when the yes-voters among the others form one of its binary swings, each yes with
    probability 1/3: the decisive count is sum over swings S of 2^(n-1-|S|)."""
    g = CompositeGame([quota_condition(7, 4), veto_condition(7, [0, 1], abstention_blocks=True)])
    r = ternary_counts(g)
    for i in range(7):
        others = [j for j in range(7) if j != i]
        want = 0
        for mask in range(1 << 6):
            S = {others[b] for b in range(6) if mask >> b & 1}
            if g.is_winning(S | {i}) and not g.is_winning(S):
                want += 2 ** (6 - len(S))
        assert r.decisive[i] == want


@pytest.mark.parametrize("seed", range(30))
def test_ternary_shapley_equals_shapley_when_abstention_is_a_no(seed):
    """Where no condition lets abstentions through, an abstention is a no, and the roll-call
    pivot probability is the Shapley-Shubik index whatever the chance of a yes (Felsenthal &
    Machover 1996 show it for yes and no equally likely)."""
    rng = random.Random(seed)
    n = rng.randint(1, 9)
    conds = []
    for _ in range(rng.randint(1, 3)):
        w = [rng.randint(0, 5) for _ in range(n)]
        if sum(w) == 0:
            w[0] = 1
        conds.append((w, rng.randint(1, sum(w))))
    got = compute(CompositeGame(conds), ["shapley_shubik", "ternary_shapley_shubik"])
    assert got["ternary_shapley_shubik"] == got["shapley_shubik"]


@pytest.mark.parametrize("design_id", catalog_ids())
def test_compiled_game_passes_exactly_when_decide_adopts(design_id):
    """Random yes / abstain / no ballots, concentrated near the quota, in which a veto holder
    often abstains: the compiled game's ternary reading agrees with decide()."""
    design = load_design(design_id)
    game = compile_design(design)
    seated = _seated(design)
    rng = random.Random(design_id)
    for _ in range(300):
        share = (design.rule.quota + rng.randint(-2, 2)) / design.size
        votes = [rng.choices("YAN", weights=(share, (1 - share) * 0.7, (1 - share) * 0.3))[0]
                 for _ in seated]
        ballot = Ballot({code: v for (code, _), v in zip(seated, votes, strict=True)},
                        dict(seated))
        assert game.passes(votes) == (decide(design, ballot).outcome == "adopted"), votes


def test_abstention_blocks_design_reads_as_literal():
    design = load_design("status-quo")
    literal = design.replace(
        id="literal", rule={**design.rule.model_dump(),
                            "veto": {**design.rule.veto.model_dump(), "abstention_blocks": True}})
    votes = ["A"] + ["Y"] * 14
    assert compile_design(design).passes(votes)
    assert not compile_design(literal).passes(votes)


def test_bad_roll_call_and_limit():
    g = CompositeGame([quota_condition(3, 2)])
    with pytest.raises(GameError, match="each 'Y', 'A' or 'N'"):
        g.passes(["Y", "X", "N"])
    big = CompositeGame([(list(range(1, 41)), 400)])  # 40 distinct weights: 41^... cells
    with pytest.raises(GameError, match="ternary"):
        ternary_counts(big)
