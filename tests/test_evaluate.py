"""evaluate_design: per-seat, per-state, per-group and per-bloc power against closed forms."""

from __future__ import annotations

from fractions import Fraction

import pytest

from unsclab.designs import load_catalog, load_design
from unsclab.evaluate import evaluate_design
from unsclab.power.compile import compile_design


def test_status_quo_classic_values():
    # reform-models.md B.2 [C]: SS 421/2145 and 4/2145; NBz 848/5080 and 84/5080; A = 53/2048.
    ev = evaluate_design(load_design("status-quo"))
    assert ev.per_seat["shapley_shubik"]["permanent"] == Fraction(421, 2145)
    assert ev.per_seat["shapley_shubik"]["elected-africa"] == Fraction(4, 2145)
    assert ev.per_seat["banzhaf"]["permanent"] == Fraction(848, 5080)
    assert ev.per_seat["banzhaf"]["elected-weog"] == Fraction(84, 5080)
    assert ev.coleman_act == Fraction(53, 2048)
    # P5 bloc normalised Banzhaf share 5 * 848/5080 = 83.46 %
    assert ev.representation["p5_power_share"] == pytest.approx(5 * 848 / 5080)


def test_charter_1945_classic_values():
    # 11 seats, 7 votes incl. all 5 P: winning = sum_{k=2..6} C(6, k) = 57, so A = 57/2^11;
    # SS of an E: pivotal as the 7th vote with all 5 P before it, 1/462; of a P
    # (1 - 6/462)/5 = 76/385 (derivations in tests/power/test_classic.py).
    ev = evaluate_design(load_design("charter-1945"))
    assert ev.per_seat["shapley_shubik"]["permanent"] == Fraction(76, 385)
    assert ev.per_seat["shapley_shubik"]["elected"] == Fraction(1, 462)
    assert ev.coleman_act == Fraction(57, 2048)


def test_weighted_form_equals_composite_form():
    # [39; 7x5, 1x10] is the Council game (mathematics-democracy-institute.org; B.2) in the
    # binary model; with abstention it is the literal reading (an abstaining P withholds its 7)
    from unsclab.power import WeightedGame, compute, index_names

    binary = [n for n in index_names() if not n.startswith("ternary_")]
    composite = compute(compile_design(load_design("status-quo")), binary)
    weighted = compute(WeightedGame([7] * 5 + [1] * 10, 39), binary)
    assert composite == weighted


@pytest.mark.parametrize("design", load_catalog(), ids=lambda d: d.id)
def test_state_shares_sum_to_one(design):
    ev = evaluate_design(design)
    for index in ("banzhaf", "shapley_shubik"):
        assert sum(r[index] for r in ev.states) == pytest.approx(1.0)
    assert sum(r["expected_seats"] for r in ev.states) == pytest.approx(design.size)
    assert sum(g["power_share"] for g in ev.groups) == pytest.approx(1.0)


def test_state_power_under_uniform_rotation():
    ev = evaluate_design(load_design("status-quo"))
    # Kazakhstan holds one of 2 APG seats 2/53 of the time: 2/53 * 84/5080 of the Banzhaf power.
    assert ev.state("KAZ")["banzhaf"] == pytest.approx(2 / 53 * 84 / 5080)
    assert ev.state("USA")["shapley_shubik"] == pytest.approx(421 / 2145)
    p5 = next(b for b in ev.blocs if b["bloc"] == "P5")
    assert p5["banzhaf_share"] == pytest.approx(5 * 848 / 5080)


def test_no_veto_design_gives_every_seat_equal_power():
    ev = evaluate_design(load_design("no-veto"))
    values = set(ev.per_seat["shapley_shubik"].values())
    assert values == {Fraction(1, 15)}
    # Coleman: coalitions of >= 9 of 15: sum C(15,k), k=9..15 / 2^15
    from math import comb

    assert ev.coleman_act == Fraction(sum(comb(15, k) for k in range(9, 16)), 2**15)
