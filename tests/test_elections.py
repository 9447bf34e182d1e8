"""Elections: calibration formula, quotas, term limits, Arab swing seat, seeds, backtest."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest
from typer.testing import CliRunner

from unsclab import elections as el
from unsclab.designs import load_design
from unsclab.occupancy import Occupancy
from unsclab.states import state


@pytest.fixture(scope="module")
def sq_sim():
    return el.simulate(load_design("status-quo"), (2028, 2070), draws=200, seed=3)


def _runs(holders_of_state_by_year: np.ndarray) -> list[int]:
    runs, n = [], 0
    for x in holders_of_state_by_year:
        if x:
            n += 1
        elif n:
            runs.append(n)
            n = 0
    if n:
        runs.append(n)
    return runs


def test_calibration_formula_and_floor():
    m = el.calibrate((1966, 2005), alpha=20.0)
    for code in ("JPN", "BRA", "NRU"):
        g = state(code).group
        expected = (m.served[code] + 20.0 * m.group_rate[g]) / (m.eligible_years[code] + 20.0)
        assert m.strength[code] == pytest.approx(expected)
    assert m.served["NRU"] == 0 and m.strength["NRU"] > 0  # never served: smoothed floor
    # Years served and years as a member in 1966-2005, from the UN's list of elected members
    # (un.org/securitycouncil/content/countries-elected-members): Japan 1966-67, 1971-72,
    # 1975-76, 1981-82, 1987-88, 1992-93, 1997-98 and 2005 = 15 of 40 years (member since 1956);
    # Brazil 1967-68, 1988-89, 1993-94, 1998-99, 2004-05 = 10 of 40 (founding member).
    assert (m.served["JPN"], m.eligible_years["JPN"]) == (15, 40)
    assert (m.served["BRA"], m.eligible_years["BRA"]) == (10, 40)
    assert m.strength["JPN"] > 3 * m.group_rate["APG"]  # Japan served far more than average


def test_every_year_respects_group_quotas_and_distinct_holders(sq_sim):
    design = sq_sim.design
    seats = design.seat_list()
    H = sq_sim.holders
    assert (H >= 0).all()  # every seat filled in every draw and year
    for d in range(H.shape[0]):
        for y in range(H.shape[1]):
            row = H[d, y]
            assert len(set(row.tolist())) == len(row)
            for k, seat in enumerate(seats):
                code = sq_sim.states[row[k]]
                if seat.holder:
                    assert code == seat.holder
                else:
                    assert state(code).group == seat.group, (seat.seat_class, code)


def test_no_immediate_re_election(sq_sim):
    H = sq_sim.holders
    n_states = len(sq_sim.states)
    p5 = {sq_sim.states.index(c) for c in el.P5}
    for d in range(0, H.shape[0], 7):
        sits = np.zeros((H.shape[1], n_states), bool)
        for y in range(H.shape[1]):
            sits[y, H[d, y]] = True
        for i in range(n_states):
            if i in p5:
                continue
            assert max(_runs(sits[:, i]), default=0) <= 2


def test_long_terms_and_re_eligibility():
    lt = el.simulate(load_design("liechtenstein-intermediate"), (2030, 2070), draws=30, seed=1)
    ufc = el.simulate(load_design("ufc-2005"), (2030, 2070), draws=30, seed=1)
    for sim, limit in ((lt, 8), (ufc, None)):
        H = sim.holders
        longest = 0
        for d in range(H.shape[0]):
            sits = np.zeros((H.shape[1], len(sim.states)), bool)
            for y in range(H.shape[1]):
                sits[y, H[d, y]] = True
            for i, code in enumerate(sim.states):
                if code in el.P5:
                    continue
                longest = max(longest, max(_runs(sits[:, i]), default=0))
        if limit:
            assert longest <= limit
        else:
            assert longest > 2  # re-election allowed: some members stay longer than a term


def test_arab_swing_seat_keeps_an_arab_state_on_the_council(sq_sim):
    arab = {sq_sim.states.index(c) for g in el.ARAB_STATES.values() for c in g}
    H = sq_sim.holders
    for d in range(H.shape[0]):
        for y in range(H.shape[1]):
            assert arab & set(H[d, y].tolist()), (d, y)


def test_seeded_simulation_repeats_and_differs():
    d = load_design("g4-2005")
    a = el.simulate(d, (2030, 2040), draws=20, seed=5)
    b = el.simulate(d, (2030, 2040), draws=20, seed=5)
    c = el.simulate(d, (2030, 2040), draws=20, seed=6)
    assert np.array_equal(a.holders, b.holders)
    assert not np.array_equal(a.holders, c.holders)


def test_occupancy_shares_sum_to_seat_counts():
    d = load_design("status-quo")
    occ = el.elections_occupancy(d, (2030, 2035), draws=50, seed=1)
    assert isinstance(occ, Occupancy) and occ.method == "elections"
    for c in d.seats:
        assert sum(occ.by_class[c.id].values(), Fraction(0)) == c.count
    assert occ.seats_of("USA") == 1


def test_backtest_beats_uniform_baseline_and_matches_group_totals():
    res = el.backtest(draws=300, seed=1)
    assert res["brier"] < res["brier_uniform"]
    for g in res["groups"]:
        assert g["predicted_years"] == pytest.approx(g["actual_years"], abs=0.5)
    json.dumps(res)


def test_cli_elections_state_json():
    from unsclab.cli.main import app

    r = CliRunner().invoke(app, ["elections", "g4-2005", "--years", "2030-2031", "--draws", "40",
                                 "--state", "JPN", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    (row,) = out["states"]
    assert row["iso3"] == "JPN" and set(row["p_by_year"]) == {"2030", "2031"}
    bad = CliRunner().invoke(app, ["elections", "status-quo", "--years", "2060-2030"])
    assert bad.exit_code == 1 and "error:" in bad.output
