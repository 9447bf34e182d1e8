"""The fast evaluation against published values and the library's own (slower) functions."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from unsclab.designs import load_catalog, load_design
from unsclab.explore.evaluation import Evaluation, profile_power


def test_profile_power_published_values():
    # reform-models.md B.2, computed from the definitions (Leech 2002; Felsenthal & Machover)
    sq = profile_power(5, 10, 9, 1)
    assert sq.winning == 848
    assert sq.coleman_act == F(53, 2048)
    assert sq.shapley(True) == F(421, 2145) and sq.shapley(False) == F(4, 2145)
    assert sq.banzhaf(True) == F(848, 5080) and sq.banzhaf(False) == F(84, 5080)
    assert float(sq.penrose(False)) == pytest.approx(0.005127, abs=5e-7)
    c45 = profile_power(5, 6, 7, 1)
    assert c45.winning == 57
    assert c45.shapley(True) == F(76, 385) and c45.shapley(False) == F(1, 462)
    assert c45.banzhaf(True) == F(57, 315) and c45.banzhaf(False) == F(5, 315)


def test_profile_power_without_veto_is_symmetric():
    p = profile_power(0, 15, 9, 1)
    assert p.banzhaf(False) == F(1, 15) and p.shapley(False) == F(1, 15)
    assert p.winning == sum(__import__("math").comb(15, k) for k in range(9, 16))


@pytest.mark.parametrize("v,m,q,k", [(5, 10, 9, 2), (11, 15, 15, 1), (11, 15, 15, 3), (5, 20, 15, 2)])
def test_profile_power_against_power_engine(v, m, q, k):
    from unsclab.power import CompositeGame, coleman_act, compute, quota_condition, veto_condition

    n = v + m
    conds = [quota_condition(n, q)] + ([veto_condition(n, range(v), k)] if v else [])
    game = CompositeGame(conds)
    values = compute(game, ["banzhaf", "shapley_shubik"])
    p = profile_power(v, m, q, k)
    assert p.coleman_act == coleman_act(game)
    assert values["banzhaf"][0] == p.banzhaf(True) and values["banzhaf"][-1] == p.banzhaf(False)
    assert values["shapley_shubik"][0] == p.shapley(True)
    assert values["shapley_shubik"][-1] == p.shapley(False)


@pytest.mark.parametrize("design", load_catalog(), ids=lambda d: d.id)
def test_matches_evaluate_design(design):
    from unsclab.evaluate import evaluate_design

    full = evaluate_design(design)
    fast = Evaluation(design)
    assert fast.coleman_act == pytest.approx(float(full.coleman_act), abs=1e-15)
    for cid, power in fast.class_power.items():
        assert power["banzhaf"] == full.per_seat["banzhaf"][cid]
        assert power["shapley_shubik"] == full.per_seat["shapley_shubik"][cid]
    for key, value in full.representation.items():
        if key in fast.representation:
            assert fast.representation[key] == pytest.approx(value, abs=1e-12), key
    for row in full.groups:
        assert fast.group_share(row["group"]) == pytest.approx(row["banzhaf_share"], abs=1e-12)
        assert fast.group_seats(row["group"]) == pytest.approx(row["seats"], abs=1e-12)
    for row in full.blocs:
        from unsclab.blocs import bloc

        members = bloc(row["bloc"]).members
        assert fast.share_of(members) == pytest.approx(row["banzhaf_share"], abs=1e-12)


def test_engine_fallback_for_extra_majorities():
    from unsclab.designs import Majority

    d = load_design("status-quo")
    rule = d.rule.model_copy(update={"majorities": (Majority(classes=("elected-africa",),
                                                             at_least=2),)})
    d2 = d.replace(rule=rule.model_dump())
    ev = Evaluation(d2)
    assert ev.profile is None
    total = sum(c.count * ev.class_power[c.id]["banzhaf"] for c in d2.seats)
    assert total == 1
    assert ev.coleman_act < Evaluation(d).coleman_act
