"""Bad input: one-line GameError naming the field and what was expected; limits named."""

from __future__ import annotations

import pytest

from unsclab.errors import GameError, UnsclabError
from unsclab.power import (
    LIMITS,
    CompositeGame,
    WeightedGame,
    compute,
    feasible,
    index_value,
    register_index,
    swings,
    veto_condition,
)


@pytest.mark.parametrize(
    "weights, quota, field, words",
    [
        ([], 1, "weights", "at least one player"),
        ([1, -2, 3], 2, "weights", "non-negative integer weight for player 2"),
        ([1, 2.5], 2, "weights", "non-negative integer weight for player 2"),
        ([1, True], 1, "weights", "non-negative integer weight for player 2"),
        ([1, 2, 3], 0, "quota", "between 1 and the total weight 6"),
        ([1, 2, 3], 7, "quota", "between 1 and the total weight 6"),
        ([1, 2, 3], 2.0, "quota", "integer quota"),
        ([0, 0], 1, "quota", "between 1 and the total weight 0"),
        ("123", 2, "weights", "list of non-negative integer weights"),
    ],
)
def test_bad_weighted_games(weights, quota, field, words):
    with pytest.raises(GameError) as err:
        WeightedGame(weights, quota)
    (problem,) = err.value.problems
    assert problem.field == field
    assert words in problem.message
    assert "\n" not in str(err.value)
    assert isinstance(err.value, UnsclabError)


def test_bad_composite_games():
    with pytest.raises(GameError, match="at least one condition"):
        CompositeGame([])
    with pytest.raises(GameError, match="condition 2: expected a quota between 1 and the total"):
        CompositeGame([([1, 1, 1], 2), ([1, 1, 0], 3)])
    with pytest.raises(GameError, match="condition 1: expected a list of integer weights"):
        CompositeGame([(5, 2)])
    with pytest.raises(GameError, match="same 3 players"):
        CompositeGame([([1, 1, 1], 2), ([1, 1], 1)])
    with pytest.raises(GameError, match="3 player names"):
        CompositeGame([([1, 1, 1], 2)], names=["a", "b"])
    with pytest.raises(GameError, match="unique player names"):
        CompositeGame([([1, 1, 1], 2)], names=["a", "b", "a"])
    with pytest.raises(GameError, match="negatives between 1 and the 2 veto holders"):
        veto_condition(4, [0, 1], negatives=3)
    with pytest.raises(GameError, match="veto holders among players 1..4"):
        veto_condition(4, [5])


def test_limits_are_named():
    n = LIMITS["players"] + 1
    with pytest.raises(GameError, match=f"limited to {LIMITS['players']} players"):
        swings(WeightedGame([1] * n, n // 2 + 1))
    big = WeightedGame([10**6 + i for i in range(100)], 5 * 10**7)  # all distinct
    with pytest.raises(GameError, match="table cells") as err:
        swings(big)
    assert err.value.problems[0].field == "quota"
    many = WeightedGame(list(range(1, 31)), 200)  # 30 distinct players: 2^30 profiles
    assert not feasible("holler", many)
    with pytest.raises(GameError, match="player-type profiles, limited to 2,000,000"):
        index_value("holler", many)
    # the default index list leaves out what the size does not allow, and says nothing wrong
    assert "holler" not in compute(many) and "shapley_shubik" in compute(many)
    # several conditions, too many distinct players and too much weight for either kernel
    w = [10**4 + i for i in range(40)]
    with pytest.raises(GameError, match="several conditions") as err:
        swings(CompositeGame([(w, sum(w) // 2), (list(reversed(w)), sum(w) // 2)]))
    assert "2,000,000" in str(err.value) and "8,000,000" in str(err.value)


def test_unknown_index_and_duplicate_registration():
    g = WeightedGame([1, 1, 1], 2)
    with pytest.raises(GameError, match="expected an index among penrose, banzhaf"):
        compute(g, ["banzaf"])
    with pytest.raises(ValueError, match="already registered"):

        @register_index("penrose", title="again")
        def again(game):
            """Again.

            References
            ----------
            none
            """
