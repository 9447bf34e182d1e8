"""Feasibility of a design for the explorer: ``p_ga`` and ``p_ratification`` at search speed.

The same support model and game as ``unsclab amend`` (built-in positions, default weights,
uniform rotation of unnamed seats), with the design's per-state power and years taken from the
explorer's own :class:`~unsclab.explore.evaluation.Evaluation` instead of a second evaluation, and
fewer draws (:data:`DRAWS`, one fixed seed, so every design of a search meets the same random
numbers and their differences are not noise).
"""

from __future__ import annotations

__all__ = ["DRAWS", "SEED", "feasibility"]

from functools import cache

DRAWS = 256
SEED = 2025


@cache
def _baseline():
    from unsclab.designs import load_design
    from unsclab.explore.evaluation import Evaluation

    sq = load_design("status-quo")
    ev = Evaluation(sq)
    return sq, ev.state_share("banzhaf"), 10 * ev.seats_held


@cache
def _positions():
    from unsclab.amend.positions import load_positions

    return load_positions()


def feasibility(design, evaluation) -> dict[str, float]:
    """``{"p_ga": …, "p_ratification": …}`` for ``design`` (see the module docstring)."""
    from unsclab.amend.game import play
    from unsclab.amend.support import Weights, interest_from, support
    from unsclab.explore.evaluation import context

    ctx = context()
    sq, b_b, y_b = _baseline()
    groups = tuple(ctx.group)
    interest = interest_from(evaluation.state_share("banzhaf"), 10 * evaluation.seats_held,
                             b_b, y_b, groups)
    sup = support(design, _positions(), Weights(), baseline=sq, states=ctx.iso3, groups=groups,
                  interest=interest)
    game = play(sup, DRAWS, SEED, per_state=False)
    return {"p_ga": game.p_ga, "p_ratification": game.p_ratification}
