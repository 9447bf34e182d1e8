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
