"""The registry: every index once, documented with its definition and references."""

from __future__ import annotations

from fractions import Fraction

from unsclab.power import INDICES, WeightedGame, compute, index_names, player_types

EXPECTED = {
    "penrose", "banzhaf", "shapley_shubik", "coleman_act", "coleman_prevent",
    "coleman_initiate", "holler", "deegan_packel", "johnston",
}
ON_REQUEST = {
    "ternary_penrose", "ternary_coleman_act", "rae", "nevison", "koenig_braeuninger",
    "public_help_theta", "felsenthal", "minimal_winning", "minimal_winning_total",
}


def test_all_issue_indices_registered_with_references():
    assert set(index_names()) >= EXPECTED | ON_REQUEST
    assert {n for n, i in INDICES.items() if not i.default} >= ON_REQUEST
    for name, idx in INDICES.items():
        assert "References" in idx.doc and "----------" in idx.doc, name
        assert idx.title and idx.scope in ("player", "game")


def test_exact_and_float_output():
    g = WeightedGame([7, 7, 1, 1, 1], 9)
    exact = compute(g)
    floats = compute(g, exact=False)
    assert set(exact) == EXPECTED - {"coleman_act"} | {"ternary_banzhaf", "ternary_shapley_shubik"}
    for name, values in exact.items():
        assert all(isinstance(v, Fraction) for v in values)
        assert floats[name] == [float(v) for v in values]


def test_types_group_identical_players():
    types = player_types(WeightedGame([7] * 5 + [1] * 10, 39))
    assert types == (tuple(range(5)), tuple(range(5, 15)))
