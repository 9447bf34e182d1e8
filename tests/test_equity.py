"""Representation factors (Gould & Rablen 2016): expected power against the square root of
population."""

from __future__ import annotations

import math

import pytest

from unsclab.designs import load_design
from unsclab.equity import representation_factors
from unsclab.evaluate import evaluate_design
from unsclab.states import member_states


def test_power_proportional_to_root_population_is_equitable():
    power = {s.iso3: math.sqrt(s.population) for s in member_states()}
    by_state, by_group = representation_factors(power)
    assert all(f == pytest.approx(1.0) for f in by_state.values())
    assert all(f == pytest.approx(1.0) for f in by_group.values())


def test_status_quo_permanent_members_by_root_population():
    """Equal power, so the P5's factors are in the inverse ratio of their populations' square
    roots; every state that never sits has factor 0; the shares weigh to 1."""
    ev = evaluate_design(load_design("status-quo"))
    pop = {s.iso3: s.population for s in member_states()}
    gbr, chn = ev.state("GBR")["representation_factor"], ev.state("CHN")["representation_factor"]
    assert gbr / chn == pytest.approx(math.sqrt(pop["CHN"] / pop["GBR"]))
    root = {k: math.sqrt(v) for k, v in pop.items()}
    total = sum(root.values())
    assert sum(ev.state(k)["representation_factor"] * root[k] / total for k in pop) \
        == pytest.approx(1.0)
    groups = {g["group"]: g["representation_factor"] for g in ev.groups}
    assert min(groups, key=groups.get) == "AG"  # Africa most under-represented (G&R 2016)


def test_another_years_population_moves_only_the_benchmark():
    """Doubling one state's population divides its factor by sqrt(2) relative to the others
    (the benchmark is the square root); the table's figures are the default."""
    ev = evaluate_design(load_design("status-quo"))
    power = {r["iso3"]: r["banzhaf"] for r in ev.states}
    base, _ = representation_factors(power)
    pop = {s.iso3: s.population for s in member_states()}
    moved, _ = representation_factors(power, {"GBR": 2 * pop["GBR"]})
    assert (base["GBR"] / base["CHN"]) / (moved["GBR"] / moved["CHN"]) == pytest.approx(
        math.sqrt(2))
    assert representation_factors(power, {})[0] == base
