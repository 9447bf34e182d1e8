"""Union (OR) games against brute-force enumeration, and their bad input."""

from __future__ import annotations

import random
from fractions import Fraction
from math import factorial

import pytest
from power_reference import reference
from ternary_reference import ternary_reference

from unsclab.errors import GameError
from unsclab.power import (
    CompositeGame,
    Condition,
    UnionGame,
    compute,
    index_names,
    kernels,
    quota_condition,
    swings,
    veto_condition,
)

BINARY = [n for n in index_names()  # the coalitional values: test_coalitional.py
          if not n.startswith("ternary_") and n not in ("owen", "banzhaf_owen")]
TERNARY = [n for n in index_names() if n.startswith("ternary_")]


def _random_union(rng: random.Random, n: int, max_w: int = 4) -> UnionGame:
    alts = []
    for _ in range(rng.randint(1, 3)):
        conds = []
        for _ in range(rng.randint(1, 2)):
            w = [rng.randint(0, max_w) for _ in range(n)]
            if sum(w) == 0:
                w[rng.randrange(n)] = 1
            conds.append(Condition(tuple(w), rng.randint(1, sum(w)),
                                   abstain_passes=rng.random() < 0.5))
        if rng.random() < 0.3:
            conds.append(veto_condition(n, [rng.randrange(n)]))
        alts.append(conds)
    return UnionGame(alts)


def _brute_swings(game: UnionGame):
    """Winning count, swings and Shapley-Shubik by definition over all 2^n coalitions."""
    n = game.n
    win = [game.is_winning([i for i in range(n) if m >> i & 1]) for m in range(1 << n)]
    sw, ss = [0] * n, [Fraction(0)] * n
    for m in range(1 << n):
        if win[m]:
            continue
        s = bin(m).count("1")
        for i in range(n):
            if not m >> i & 1 and win[m | 1 << i]:
                sw[i] += 1
                ss[i] += Fraction(factorial(s) * factorial(n - 1 - s), factorial(n))
    return sum(win), sw, ss


@pytest.mark.parametrize("seed", range(12))
def test_union_matches_brute_force_up_to_14_players(seed):
    rng = random.Random(seed)
    g = _random_union(rng, rng.randint(10, 14), max_w=6)
    winning, sw, ss = _brute_swings(g)
    for method in ("auto", "enumerate"):
        kernels._CACHE.clear()
        r = swings(g, method=method)
        assert (r.winning, list(r.swings), list(r.shapley)) == (winning, sw, ss), method
    r = kernels._union_swings(g, True, "auto")  # inclusion-exclusion, forced
    assert (r.winning, list(r.swings), list(r.shapley)) == (winning, sw, ss)


@pytest.mark.parametrize("seed", range(20))
def test_every_index_of_a_union_matches_its_definition(seed):
    rng = random.Random(100 + seed)
    g = _random_union(rng, rng.randint(2, 7))
    ref = reference(None, g.n, won=lambda S: g.is_winning(S))
    got = compute(g, BINARY)
    for name in BINARY:
        assert got[name] == ref[name], name


@pytest.mark.parametrize("seed", range(15))
def test_ternary_indices_of_a_union(seed):
    rng = random.Random(200 + seed)
    g = _random_union(rng, rng.randint(2, 5))
    ref = ternary_reference(None, g.n, won=g.passes)
    r = kernels.ternary.ternary_counts(g)
    assert (r.winning, list(r.decisive), list(r.pivotal)) == (
        ref["winning"], ref["decisive"], ref["pivotal"])


def test_veto_override_by_hand():
    """9 of 15 including the 5 permanent members, or 12 of 15 whatever they do. Winning:
    all 5 P and >= 4 of 10 E (848), plus coalitions of >= 12 that lack a P: with p of the 5
    P (p < 5), at least 12 - p of the 10 E."""
    from math import comb

    n = 15
    g = UnionGame([[quota_condition(n, 9), veto_condition(n, range(5))],
                   [quota_condition(n, 12)]])
    extra = sum(comb(5, p) * sum(comb(10, e) for e in range(12 - p, 11)) for p in range(5))
    assert swings(g).winning == 848 + extra
    assert compute(g, ["coleman_act"])["coleman_act"] == Fraction(848 + extra, 2**15)


def test_bad_unions_name_the_field():
    with pytest.raises(GameError, match="at least one alternative") as e:
        UnionGame([])
    assert e.value.problems[0].field == "alternatives"
    with pytest.raises(GameError, match="same 3 players") as e:
        UnionGame([[([1, 1, 1], 2)], [([1, 1], 1)]])
    assert e.value.problems[0].field == "alternatives"
    a = CompositeGame([([1, 1], 1)], names=["A", "B"])
    b = CompositeGame([([1, 1], 2)], names=["A", "C"])
    with pytest.raises(GameError, match="same player list"):
        UnionGame([a, b])
    with pytest.raises(GameError, match="alternative 2: .*non-negative") as e:
        UnionGame([[([1, 1], 1)], [([1, -1], 1)]])
    assert e.value.problems[0].field == "weights"


def _override_design(**alt):  # alt may override the quota 12
    from unsclab.designs import load_design

    design = load_design("status-quo")
    rule = {**design.rule.model_dump(), "alternatives": [{"quota": 12} | alt]}
    return design.replace(id="veto-override", rule=rule)


def test_design_alternative_compiles_to_a_union_that_agrees_with_decide():
    """A veto that 12 of 15 override (a hypothetical design): the compiled union game wins
    exactly when decide() adopts, on random yes/no and yes/abstain/no ballots."""
    from test_compile_vs_decide import _adopted, _seated

    from unsclab.power.compile import compile_design
    from unsclab.rules import Ballot, decide

    design = _override_design(note="four-fifths override")
    game = compile_design(design)
    assert isinstance(game, UnionGame)
    seated = _seated(design)
    rng = random.Random(6)
    for _ in range(1500):
        yes = set(rng.sample(range(15), rng.randint(7, 15)))
        assert game.is_winning(yes) == _adopted(design, seated, yes, False)
    rng = random.Random(7)
    for _ in range(500):
        votes = rng.choices("YAN", k=15, weights=(0.7, 0.15, 0.15))
        ballot = Ballot({c: v for (c, _), v in zip(seated, votes, strict=True)}, dict(seated))
        d = decide(design, ballot)
        assert game.passes(votes) == (d.outcome == "adopted")
    votes = {c: "Y" for c, _ in seated}
    votes[seated[0][0]] = "N"
    d = decide(design, Ballot(votes, dict(seated)))
    assert d.outcome == "adopted" and "alternative 1 of the rule (four-fifths override)" in d.reason


def test_bad_alternative_names_the_field():
    from unsclab.errors import DesignError

    with pytest.raises(DesignError) as e:
        _override_design(veto={"classes": ["nonexistent"]})
    assert e.value.problems[0].field == "rule.alternatives[1].veto.classes"
    with pytest.raises(DesignError) as e:
        _override_design(quota=16)
    assert "rule.alternatives[1].quota" in {p.field for p in e.value.problems}


EXAMPLE = __import__("pathlib").Path(__file__).parents[2] / "examples" / "eu-council-qmv.toml"


def test_eu_example_blocking_minority_clause_counted_independently():
    """The clause adds exactly the coalitions of at least 24 members short of 65 % of the
    population: counted here by listing the at most 3 members outside them (3,304 cases)."""
    from itertools import combinations

    from unsclab.power.gamefile import load_game

    game, name = load_game(str(EXAMPLE))
    assert name.startswith("Council of the EU")
    qmv, clause = game.alternatives
    members, population = qmv.conditions
    extra = sum(1 for k in range(4) for out in combinations(range(27), k)
                if sum(population.weights) - sum(population.weights[i] for i in out)
                < population.quota)
    assert extra > 0
    assert swings(game).winning == swings(qmv).winning + extra


@pytest.mark.parametrize("text, field", [
    ('players = ["A", "B"]\nalternatives = []', "alternatives"),
    ('players = ["A", "B"]\n[[conditions]]\nweights = [1, -1]\nquota = 1', "conditions[1].weights"),
    ('players = ["A", "B"]\n[[conditions]]\nweights = [1]\nquota = 1', "conditions[1].weights"),
    ('players = ["A", "B"]\n[[alternatives]]\n[[alternatives.conditions]]\nweight = 1\n'
     'quota = 3', "alternatives[1].conditions[1].quota"),
    ('players = ["A"]\nconditions = [{weight = 1, quota = 1}]\nalternatives = []',
     "alternatives"),
])
def test_bad_game_files_name_file_and_field(tmp_path, text, field):
    from unsclab.power.gamefile import load_game

    path = tmp_path / "game.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GameError) as e:
        load_game(str(path))
    p = e.value.problems[0]
    assert (p.file, p.field) == (str(path), field)
    assert "\n" not in str(e.value)


def test_eu_example_is_the_scripts_output():
    import importlib.util

    script = EXAMPLE.parents[1] / "scripts" / "build_eu_example.py"
    spec = importlib.util.spec_from_file_location("build_eu_example", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert EXAMPLE.read_text(encoding="utf-8") == mod.build()


def test_cli_union_with_default_indices():
    # The README's `unsclab power status-quo --union A3=elected-africa` (default indices, which
    # include game-scope ones) once failed with an internal error; Owen values are efficient.
    import json
    from fractions import Fraction

    from typer.testing import CliRunner

    from unsclab.cli.main import app

    res = CliRunner().invoke(app, ["power", "status-quo", "--union", "A3=elected-africa",
                                   "--exact", "--json"])
    assert res.exit_code == 0, res.output
    seats = json.loads(res.stdout)["seats"]
    assert sum(Fraction(s["owen"]) for s in seats) == 1
