"""Bad input: one-line GameError naming the field and what was expected; limits named."""

from __future__ import annotations

import pytest

from unsclab.errors import GameError, UnsclabError
from unsclab.power import (
    INDICES,
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
from unsclab.power.games import LimitError


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


def _beyond(needs: str):
    """A game beyond the exact limit of the indices needing ``needs`` (with its unions)."""
    if needs in ("swings", "shapley"):  # 100 distinct weights, quota 7e7 > 60e6 table cells
        return WeightedGame([10**6 + i for i in range(100)], 7 * 10**7), None
    # 30 distinct players: 2^30 profiles, 4^30 ternary cells; singleton unions: 2^28 profiles
    return WeightedGame(list(range(1, 31)), 200), [[0, 1]]


@pytest.mark.parametrize("name", [n for n in INDICES])
def test_every_index_refuses_beyond_its_limit_in_one_line_offering_the_estimate(name):
    from unsclab.power.approx import APPROXIMABLE, approximate

    game, unions = _beyond(INDICES[name].needs)
    assert not feasible(name, game, unions)  # the pre-check agrees with the computation
    with pytest.raises(LimitError) as err:
        compute(game, [name], unions=unions)
    message = str(err.value)
    assert "\n" not in message and message.startswith(f"{err.value.problems[0].field}: {name}: ")
    assert "limited to" in message
    if name in APPROXIMABLE:
        assert f"approximate(game, [{name!r}])" in message
        assert len(approximate(game, [name], samples=200).values[name]) == game.n
    else:
        assert f"no estimate of {name}; {', '.join(APPROXIMABLE)} can be estimated" in message
    # within the limits the same index is feasible and computed
    small = WeightedGame([3, 2, 2, 1], 5)
    assert feasible(name, small, [[0, 1]])
    assert len(compute(small, [name], unions=[[0, 1]])[name] if INDICES[name].scope == "player"
               else [1]) >= 1
