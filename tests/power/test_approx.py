"""Monte Carlo estimates within their stated bounds of the exact values, and the CLI's fallback
to them beyond the exact kernels' limits."""

from __future__ import annotations

import json
import random

import pytest

from unsclab.errors import GameError
from unsclab.power import (
    CompositeGame,
    UnionGame,
    WeightedGame,
    compute,
    feasible,
    quota_condition,
    veto_condition,
)
from unsclab.power.approx import APPROXIMABLE, approximate


def _games():
    rng = random.Random(5)
    w = [rng.randint(1, 50) for _ in range(60)]
    yield WeightedGame(w, sum(w) // 2 + 1)
    yield CompositeGame([quota_condition(15, 9), veto_condition(15, range(5))])
    w2 = [rng.randint(1, 9) for _ in range(25)]
    yield CompositeGame([([1] * 25, 14), (w2, sum(w2) * 2 // 3)])
    yield UnionGame([[quota_condition(15, 9), veto_condition(15, range(5))],
                     [quota_condition(15, 12)]])


@pytest.mark.parametrize("k", range(4))
def test_estimates_within_their_stated_error(k):
    """Every estimate, the ternary ones included where the exact ternary kernel runs (on
    the status quo and the union: the Council's veto lets abstentions through)."""
    game = list(_games())[k]
    names = [n for n in APPROXIMABLE if feasible(n, game)]
    assert ("ternary_banzhaf" in names) == (k in (1, 3))
    exact = compute(game, names, exact=False)
    est = approximate(game, names, samples=20_000, seed=k)
    for name in names:
        for i, (x, y, e) in enumerate(zip(exact[name], est.values[name], est.error[name],
                                          strict=True)):
            assert abs(x - y) <= e, (name, i, x, y, e)


def test_seeded_and_bounded():
    g = WeightedGame([5, 4, 3, 2, 1], 8)
    a, b = approximate(g, seed=3), approximate(g, seed=3)
    assert a.values == b.values
    assert approximate(g, seed=4).values != a.values
    assert "seed 3" in a.label and "probability 99%" in a.label
    with pytest.raises(GameError, match="samples"):
        approximate(g, samples=10)
    with pytest.raises(GameError, match="no approximation of 'holler'"):
        approximate(g, ["holler"])


def test_cli_labels_an_estimate_instead_of_refusing(tmp_path):
    """30 players with two conditions of distinct large weights: beyond the profile and
    table-cell limits of the exact kernels."""
    from typer.testing import CliRunner

    from unsclab.cli.main import app

    rng = random.Random(2)
    players = [f"p{i}" for i in range(30)]
    a = [rng.randint(500, 1500) for _ in players]
    b = [rng.randint(500, 1500) for _ in players]
    path = tmp_path / "big.toml"
    path.write_text(
        f'name = "big"\nplayers = {json.dumps(players)}\n'
        f'[[conditions]]\nweights = {a}\nquota = {sum(a) // 2}\n'
        f'[[conditions]]\nweights = {b}\nquota = {sum(b) // 2}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["power", "--game", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert "showing estimates" in result.stderr
    data = json.loads(result.stdout)
    assert data["coleman_act"] is None and len(data["players"]) == 30
    assert abs(sum(r["shapley_shubik"] for r in data["players"]) - 1) < 1e-9
