"""The explorer's p_ga and p_ratification: the amendment game at search speed."""

from __future__ import annotations

import pytest

from unsclab.amend.analysis import setup
from unsclab.designs import load_design
from unsclab.explore.evaluation import Evaluation
from unsclab.explore.objectives import bind


@pytest.mark.parametrize("design_id", ["g4-2005", "ezulwini-2005", "ufc-2024", "two-vetoes"])
def test_objectives_agree_with_the_full_game(design_id):
    design = load_design(design_id)
    ev = Evaluation(design)
    p_ga = bind("p_ga", {})(design, ev)
    p_rat = bind("p_ratification", {})(design, ev)
    full = setup(draws=4000, seed=3).play(design)
    # 256 draws against 4,000: binomial standard errors below 0.035
    assert abs(p_ga - full.p_ga) < 0.1
    assert abs(p_rat - full.p_ratification) < 0.1
    assert 0 <= p_rat <= p_ga <= 1


def test_a_two_vote_veto_is_not_ratified():
    design = load_design("two-vetoes")
    assert bind("p_ratification", {})(design, Evaluation(design)) == 0.0
