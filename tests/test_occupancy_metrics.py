"""Occupancy of seats and representation measures, against closed forms."""

from __future__ import annotations

from fractions import Fraction

import pytest

from unsclab.designs import load_catalog, load_design
from unsclab.metrics import gini_weighted, group_table, tv_distance
from unsclab.occupancy import uniform_occupancy


@pytest.mark.parametrize("design", load_catalog(), ids=lambda d: d.id)
def test_expected_seats_add_up_to_the_council(design):
    occ = uniform_occupancy(design)
    total = sum(occ.seats_of(s) for s in occ.states())
    assert total == design.size


def test_uniform_rotation_in_the_status_quo():
    occ = uniform_occupancy(load_design("status-quo"))
    # Two Asia-Pacific seats rotate among the 54 APG members other than China: 2/53 of the time.
    assert occ.years_per_decade("KAZ") == Fraction(20, 53)
    # Three African seats among 54 African states.
    assert occ.seats_of("NGA") == Fraction(3, 54)
    assert occ.years_per_decade("USA") == 10


def test_status_quo_seats_by_group_count_the_p5_in_their_groups():
    occ = uniform_occupancy(load_design("status-quo"))
    equal = {"permanent": 1, **{c: 1 for c in ("elected-africa", "elected-asia-pacific",
                                                "elected-eastern-europe", "elected-latin-america",
                                                "elected-weog")}}
    rows = {r["group"]: r for r in group_table(load_design("status-quo"), occ, equal)}
    # China in APG, Russia in EEG, France/UK/US in WEOG (members table, mledoze groups).
    assert {g: round(r["seats"], 9) for g, r in rows.items()} == {
        "AG": 3, "APG": 3, "EEG": 2, "GRULAC": 2, "WEOG": 5}
    assert sum(r["members"] for r in rows.values()) == 193


def test_gini_closed_forms():
    pop = {"a": 1.0, "b": 1.0, "c": 2.0}
    # proportional to population: perfect equality
    assert gini_weighted({"a": 1, "b": 1, "c": 2}, pop) == pytest.approx(0.0)
    # one unit with a quarter of the people holds everything: Gini = 1 - 1/4
    assert gini_weighted({"a": 5}, pop) == pytest.approx(0.75)


def test_tv_distance():
    assert tv_distance({"a": 0.5, "b": 0.5}, {"a": 0.5, "b": 0.5}) == 0
    assert tv_distance({"a": 1.0}, {"b": 1.0}) == 1


def test_gini_orders_by_value_per_person_not_by_value():
    # a: 1 unit for 1 person (1 per head); b: 2 units for 4 people (1/2 per head). Ordered per
    # head (b, a) the Lorenz points are (4/5, 2/3) and (1, 1): Gini = 1 - 4/5 * 2/3 - 1/5 * 5/3
    # = 2/15. (Ordered by value, a before b, the curve would cross the diagonal.)
    assert gini_weighted({"a": 1.0, "b": 2.0}, {"a": 1.0, "b": 4.0}) == pytest.approx(2 / 15)


def _gini_pairs(values, weights):
    """Gini as the mean absolute difference between two people drawn at random, over twice the
    mean (Gini 1912): sum_ij w_i w_j |x_i - x_j| / (2 W^2 mu), x = value per person. With equal
    values inside each unit this equals the grouped Lorenz-curve (trapezoid) form exactly."""
    W = sum(weights.values())
    x = {s: values.get(s, 0.0) / w for s, w in weights.items()}
    mu = sum(values.get(s, 0.0) for s in weights) / W
    return sum(weights[i] * weights[j] * abs(x[i] - x[j])
               for i in weights for j in weights) / (2 * W * W * mu)


def test_gini_equals_the_mean_difference_on_random_data():
    import random

    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(1, 12)
        weights = {f"s{i}": rng.choice([0.5, 1.0, 3.0, 10.0, 250.0]) * rng.random() + 0.01
                   for i in range(n)}
        values = {s: rng.choice([0.0, rng.random(), 5 * rng.random()]) for s in weights}
        if sum(values.values()) == 0:
            continue
        assert gini_weighted(values, weights) == pytest.approx(_gini_pairs(values, weights),
                                                               abs=1e-12)


@pytest.mark.parametrize("design", load_catalog(), ids=lambda d: d.id)
def test_group_table_seats_fill_the_council(design):
    # Every seat of the design is held by a state of exactly one group, so the groups' expected
    # seats add up to the council's size and their seat shares to 1 (also for councils that are
    # not 15 seats); the membership column counts the members table's 193 states.
    occ = uniform_occupancy(design)
    per_seat = {c.id: 1 for c in design.seats}
    rows = group_table(design, occ, per_seat)
    assert sum(r["seats"] for r in rows) == pytest.approx(design.size)
    assert sum(r["seat_share"] for r in rows) == pytest.approx(1.0)
    assert sum(r["members"] for r in rows) == 193
    assert sum(r["membership_share"] for r in rows) == pytest.approx(1.0)
    assert sum(r["population_share"] for r in rows) == pytest.approx(1.0)
    # equal power per seat: a group's power share is its seat share
    for r in rows:
        assert r["power_share"] == pytest.approx(r["seat_share"]), r["group"]


def test_representation_of_the_status_quo_from_the_members_table():
    """Against values built here from the members table and the published seat powers:
    P5 Banzhaf 848/5080 each, an elected seat 84/5080 (tests/power/test_classic.py), held by
    each state of its group (the P5 left out) k/g of the time under uniform rotation."""
    import math

    from unsclab.metrics import representation
    from unsclab.states import member_states

    design = load_design("status-quo")
    members = member_states()
    pop = {s.iso3: float(s.population or 0) for s in members}
    p5 = {"CHN", "FRA", "RUS", "GBR", "USA"}
    seats = {"AG": 3, "APG": 2, "EEG": 1, "GRULAC": 2, "WEOG": 2}
    pool = {g: [s.iso3 for s in members if s.group == g and s.iso3 not in p5] for g in seats}
    power = {c: 848 / 5080 for c in p5}
    for g, codes in pool.items():
        for c in codes:
            power[c] = seats[g] / len(codes) * 84 / 5080
    root = {c: math.sqrt(p) for c, p in pop.items()}
    penrose = 0.5 * sum(abs(power.get(c, 0.0) - root[c] / sum(root.values())) for c in pop)
    per_seat = {c.id: Fraction(848 if c.kind == "permanent" else 84, 5080) for c in design.seats}
    rep = representation(design, uniform_occupancy(design), per_seat)
    assert rep["population_with_permanent_seat"] == pytest.approx(
        sum(pop[c] for c in p5) / sum(pop.values()))
    assert rep["penrose_distance"] == pytest.approx(penrose)
    assert rep["p5_power_share"] == pytest.approx(5 * 848 / 5080)


def test_a_class_with_more_seats_than_eligible_states_is_refused():
    # Three rotating seats among two eligible states cannot be filled (a state holds at most
    # one seat of a class): the design is refused, naming the field, rather than leaving a
    # seat silently empty in every expectation.
    from unsclab.errors import DesignError

    design = load_design("status-quo")
    data = design.model_dump()
    for c in data["seats"]:
        if c["id"] == "elected-africa":
            c["eligible"] = ["NGA", "EGY"]
    with pytest.raises(DesignError, match="3 unnamed seats but only 2 eligible states"):
        type(design).model_validate(data)
    # with as many eligible states as seats, each holds one seat all the time
    for c in data["seats"]:
        if c["id"] == "elected-africa":
            c["eligible"] = ["NGA", "EGY", "ZAF"]
    occ = uniform_occupancy(type(design).model_validate(data))
    assert occ.by_class["elected-africa"] == {"NGA": 1, "EGY": 1, "ZAF": 1}