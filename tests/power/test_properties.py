"""Random games against the brute-force reference, and the axioms every index must satisfy."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from power_reference import reference

from unsclab.power import (
    INDICES,
    CompositeGame,
    WeightedGame,
    compute,
    index_names,
    kernels,
    swings,
)

ALL = tuple(n for n in index_names()  # ternary and coalitional: test_ternary, test_coalitional
            if INDICES[n].needs not in ("ternary", "unions"))
PLAYER = [n for n in ALL if INDICES[n].scope == "player"]
COUNT_MEMBERSHIP = {"rae", "nevison", "koenig_braeuninger", "public_help_theta"}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def weighted_games(draw, max_n=10, max_w=20):
    n = draw(st.integers(1, max_n))
    w = draw(st.lists(st.integers(0, max_w), min_size=n, max_size=n))
    if sum(w) == 0:
        w[draw(st.integers(0, n - 1))] = draw(st.integers(1, max_w))
    q = draw(st.integers(1, sum(w)))
    return WeightedGame(w, q)


@st.composite
def composite_games(draw, max_n=9, max_w=6):
    n = draw(st.integers(1, max_n))
    conds = []
    for _ in range(draw(st.integers(1, 3))):
        w = draw(st.lists(st.integers(0, max_w), min_size=n, max_size=n))
        if sum(w) == 0:
            w[draw(st.integers(0, n - 1))] = 1
        conds.append((w, draw(st.integers(1, sum(w)))))
    if draw(st.booleans()):  # single-player "must vote yes" conditions, as the Charter has
        for i in draw(st.sets(st.integers(0, n - 1), max_size=3)):
            conds.append(([1 if j == i else 0 for j in range(n)], 1))
    return CompositeGame(conds)


def _conds(game):
    return [(c.weights, c.quota) for c in game.conditions]


def _check_against_reference(game, method="auto"):
    ref = reference(_conds(game), game.n)
    kernels._CACHE.clear()
    r = swings(game, method=method)
    assert r.winning == ref["winning"]
    assert list(r.swings) == ref["swings"]
    assert list(r.shapley) == ref["shapley_shubik"]
    if method == "auto":
        got = compute(game, ALL)
        for name in ALL:
            assert got[name] == ref[name], name


@SETTINGS
@given(weighted_games())
def test_weighted_games_match_brute_force(game):
    _check_against_reference(game)


@SETTINGS
@given(composite_games())
def test_composite_games_match_brute_force(game):
    _check_against_reference(game)


@pytest.mark.parametrize("method", ["enumerate", "weighted", "bigint", "composite"])
@settings(max_examples=25, deadline=None)
@given(game=weighted_games(max_n=9, max_w=40))
def test_every_kernel_matches_brute_force(method, game):
    _check_against_reference(game, method)


@settings(max_examples=25, deadline=None)
@given(game=composite_games(max_n=8))
def test_composite_kernel_matches_brute_force(game):
    _check_against_reference(game, "composite")


@pytest.mark.parametrize("method", ["weighted", "composite"])
@settings(max_examples=25, deadline=None)
@given(game=weighted_games(max_n=11, max_w=60))
def test_modular_arithmetic_with_tiny_primes(method, game, monkeypatch_module):
    """Force the multi-modular path with primes so small that every step wraps, so the
    reductions and the Chinese-remainder rebuild are exercised (product 47027 > 2^12)."""
    monkeypatch_module.setattr(kernels.modular, "moduli_for", lambda n: (31, 37, 41))
    try:
        _check_against_reference(game, method)
    finally:
        monkeypatch_module.undo()
        kernels._CACHE.clear()


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


@SETTINGS
@given(composite_games())
def test_axioms(game):
    got = compute(game, PLAYER)
    for name in ("shapley_shubik", "banzhaf", "holler", "deegan_packel", "johnston",
                 "public_help_theta", "felsenthal"):
        assert sum(got[name]) == 1, name  # efficiency
    # symmetric players (same weight in every condition) get the same value
    cols = list(zip(*(c.weights for c in game.conditions)))
    for i in range(game.n):
        for j in range(i):
            if cols[i] == cols[j]:
                for name in PLAYER:
                    assert got[name][i] == got[name][j], name
    # null players (never a swing) get zero under every index that has the null-player property
    # (Rae gives them 1/2; Nevison, Konig-Brauninger and Public Help count winning coalitions
    # they merely belong to)
    for i, s in enumerate(swings(game).swings):
        if s == 0:
            for name in set(PLAYER) - COUNT_MEMBERSHIP:
                assert got[name][i] == 0, name
            assert got["rae"][i] == Fraction(1, 2)
    for name in set(PLAYER) - {"minimal_winning"}:
        assert all(0 <= v <= 1 for v in got[name]), name


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fast_path_equals_bigint_on_large_weights(seed):
    """70-90 players with weights up to 300: the multi-modular int64 path (more than 62
    non-null players) against the same algorithm in Python integers."""
    rng = random.Random(seed)
    n = rng.randint(70, 90)
    w = [rng.randint(1, 300) for _ in range(n)]
    q = rng.randint(sum(w) // 3, 2 * sum(w) // 3)
    g = WeightedGame(w, q)
    kernels._CACHE.clear()
    fast = swings(g, method="weighted")
    slow = swings(g, method="bigint")
    assert fast.winning == slow.winning
    assert fast.swings == slow.swings
    assert fast.shapley == slow.shapley
    assert sum(fast.shapley) == 1
    # the Banzhaf-only pass (no size dimension) agrees too
    kernels._CACHE.clear()
    assert swings(g, shapley=False, method="weighted").swings == slow.swings


def test_null_players_double_counts_and_keep_indices():
    base = WeightedGame([5, 3, 2, 2], 7)
    padded = WeightedGame([5, 0, 3, 2, 0, 2], 7)
    a, b = swings(base), swings(padded)
    assert b.winning == 4 * a.winning
    assert [b.swings[i] for i in (0, 2, 3, 5)] == [4 * s for s in a.swings]
    assert [b.shapley[i] for i in (0, 2, 3, 5)] == list(a.shapley)
    assert b.shapley[1] == b.shapley[4] == Fraction(0)


def test_more_than_62_players_closed_form():
    """[51; 1 x 100]: each player swings in C(99, 50) coalitions; SS 1/100 by symmetry."""
    from math import comb

    g = WeightedGame([1] * 100, 51)
    for method in ("enumerate", "weighted", "bigint"):
        kernels._CACHE.clear()
        r = swings(g, method=method)
        assert r.swings == (comb(99, 50),) * 100
        assert r.winning == sum(comb(100, k) for k in range(51, 101))
        assert r.shapley == (Fraction(1, 100),) * 100


def test_composite_kernel_beyond_int64_matches_enumeration():
    """70 players, two conditions: the modular multi-dimensional kernel against enumeration
    over types (Python integers)."""
    rng = random.Random(1)
    w2 = [rng.randint(0, 3) for _ in range(70)]
    g = CompositeGame([([1] * 70, 40), (w2, sum(w2) // 2)])
    kernels._CACHE.clear()
    a = swings(g, method="composite")
    kernels._CACHE.clear()
    b = swings(g, method="enumerate")
    assert (a.winning, a.swings, a.shapley) == (b.winning, b.swings, b.shapley)
    assert sum(a.shapley) == 1


def test_moduli_processed_in_groups_give_the_same_counts(monkeypatch):
    """Large tables are processed a few moduli at a time; the split must not change a count."""
    rng = random.Random(11)
    w = [rng.randint(1, 500) for _ in range(120)]  # 120 non-null players: 3 moduli
    g = WeightedGame(w, sum(w) // 2 + 1)
    kernels._CACHE.clear()
    together = swings(g, method="weighted")
    monkeypatch.setattr(kernels.weighted_gf, "_GROUP_BYTES", 1)  # one modulus per pass
    kernels._CACHE.clear()
    apart = swings(g, method="weighted")
    kernels._CACHE.clear()
    assert (together.winning, together.swings, together.shapley) == (
        apart.winning, apart.swings, apart.shapley)
    assert sum(apart.shapley) == 1
