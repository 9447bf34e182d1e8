"""Owen and Banzhaf-Owen values against their definitions, hand computations and limits."""

from __future__ import annotations

import random
from fractions import Fraction as F
from itertools import permutations

import pytest

from unsclab.errors import GameError
from unsclab.power import CompositeGame, UnionGame, WeightedGame, compute


def _owen_by_orders(game, partition):
    """Owen's definition: the Shapley value averaged over the orders in which every union's
    members come together (orders of the unions, then of the members within each)."""
    n = game.n
    total, piv = 0, [0] * n
    for union_order in permutations(range(len(partition))):
        inner = [list(permutations(partition[u])) for u in union_order]

        def walk(k, prefix):
            nonlocal total
            if k == len(inner):
                total += 1
                members = set()
                for p in prefix:
                    members.add(p)
                    if game.is_winning(members):
                        piv[p] += 1
                        return
                return
            for seq in inner[k]:
                walk(k + 1, prefix + list(seq))

        walk(0, [])
    return [F(p, total) for p in piv]


def _banzhaf_owen_by_definition(game, partition):
    n, m = game.n, len(partition)
    where = {p: k for k, u in enumerate(partition) for p in u}
    out = []
    for i in range(n):
        k = where[i]
        others = [u for j, u in enumerate(partition) if j != k]
        own = [p for p in partition[k] if p != i]
        val = F(0)
        for tm in range(1 << len(others)):
            base = {p for b, u in enumerate(others) if tm >> b & 1 for p in u}
            for sm in range(1 << len(own)):
                S = base | {own[b] for b in range(len(own)) if sm >> b & 1}
                val += game.is_winning(S | {i}) - game.is_winning(S)
        out.append(val / 2 ** (m - 1 + len(own)))
    return out


def _random_partition(rng, n):
    players = list(range(n))
    rng.shuffle(players)
    parts, at = [], 0
    while at < n:
        size = rng.randint(1, 3)
        parts.append(tuple(sorted(players[at:at + size])))
        at += size
    return parts


@pytest.mark.parametrize("seed", range(15))
def test_against_definitions(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 6)
    w = [rng.randint(0, 5) for _ in range(n)]
    w[0] = max(w[0], 1)
    conds = [(w, rng.randint(1, sum(w)))]
    if rng.random() < 0.5:
        conds.append(([1] * n, rng.randint(1, n)))
    game = CompositeGame(conds)
    if rng.random() < 0.3:
        game = UnionGame([game, CompositeGame([([1] * n, n - 1)])])
    partition = _random_partition(rng, n)
    got = compute(game, ["owen", "banzhaf_owen"], unions=partition)
    assert got["owen"] == _owen_by_orders(game, partition)
    assert got["banzhaf_owen"] == _banzhaf_owen_by_definition(game, partition)
    assert sum(got["owen"]) == 1


def test_three_player_majority_by_hand():
    """[2; 1, 1, 1] with players 1 and 2 united: the union alone has 2 votes, so it is a
    dictator of the quotient game and its members share: Owen (1/2, 1/2, 0). Banzhaf-Owen of
    player 1: of the 4 pairs (T, S), it is decisive in ({}, {2}) and ({3}, {}): 2/4."""
    got = compute(WeightedGame([1, 1, 1], 2), ["owen", "banzhaf_owen"], unions=[[0, 1]])
    assert got["owen"] == [F(1, 2), F(1, 2), F(0)]
    assert got["banzhaf_owen"] == [F(1, 2), F(1, 2), F(0)]


def test_trivial_structures_give_shapley_and_penrose():
    g = WeightedGame([7] * 5 + [1] * 10, 39)
    alone = compute(g, ["owen", "banzhaf_owen", "shapley_shubik", "penrose"])
    assert alone["owen"] == alone["shapley_shubik"]
    assert alone["banzhaf_owen"] == alone["penrose"]
    everyone = compute(g, ["owen", "banzhaf_owen"], unions=[range(15)])
    assert everyone["owen"] == alone["shapley_shubik"]
    assert everyone["banzhaf_owen"] == alone["penrose"]


def test_status_quo_a3_as_a_union_by_orders():
    """The status quo with three elected seats united (the A3), against Owen's definition on
    a smaller Council of the same shape: [7; 3 x 3, 1 x 4] (3 vetoes, quota 5 of 7 in one-seat
    units) with two elected seats united."""
    g = CompositeGame([([1] * 7, 5), ([1, 1, 1, 0, 0, 0, 0], 3)])
    partition = [(3, 4), (0,), (1,), (2,), (5,), (6,)]
    got = compute(g, ["owen"], unions=[[3, 4]])["owen"]
    assert got == _owen_by_orders(g, partition)


def test_bad_unions():
    g = WeightedGame([1, 1, 1], 2, names=["A", "B", "C"])
    with pytest.raises(GameError, match="union 1 is empty") as e:
        compute(g, ["owen"], unions=[[]])
    assert e.value.problems[0].field == "unions"
    with pytest.raises(GameError, match="'B' is in unions 1 and 2"):
        compute(g, ["owen"], unions=[["A", "B"], ["B", "C"]])
    with pytest.raises(GameError, match="player name"):
        compute(g, ["owen"], unions=[["A", "Z"]])
