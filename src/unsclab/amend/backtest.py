"""Backtest: the one amendment of the Council that passed, GA resolution 1991 A (XVIII).

On 17 December 1963 the General Assembly adopted, 97–11–4, amendments to Articles 23 and 27
enlarging the Council from 11 to 15 members (ten elected: five African and Asian, one Eastern
European, two Latin American, two Western European and other); all five permanent members then
ratified, though only the Republic of China had voted in favour (France and the USSR against,
the United Kingdom and the United States abstaining), and the amendments entered into force on
31 August 1965 (UN Yearbook 1965, ch. XV).

The support model (:mod:`unsclab.amend.support`) is run with only what was known before the
vote: the 112 states that voted, the positions declared by then (``data/positions-1963.toml``),
GA ideal points of 1963, and each state's stake computed by the engine for the 1963 membership
(the 1945 Council, ``charter-1945``, against the Council of 1991 A, ``status-quo``; unnamed seats
rotating uniformly among the 1963 members of their group, the 1945 seats among all members).
A state is predicted to vote yes when its probability is at least one half; the recorded vote
counts as yes or not-yes (no and abstention). The baseline predicts that each state votes as the
majority of the rest of its regional group recorded — an oracle on the other votes, so a hard
baseline.

One vote of 112 states is one data point about the model: it can show the model is not absurd,
not that it forecasts. See docs/amend.md.
"""

from __future__ import annotations

__all__ = ["backtest", "occupancy_among"]

from fractions import Fraction
from importlib import resources

import numpy as np

from unsclab.designs.model import Design
from unsclab.groups import OPEN
from unsclab.occupancy import Occupancy

YEAR = 1963


def occupancy_among(design: Design, states, groups) -> Occupancy:
    """Uniform rotation of unnamed seats among ``states`` (their groups given), named holders fixed."""
    named = set(design.named_holders)
    by_class: dict[str, dict[str, Fraction]] = {}
    for c in design.seats:
        shares = {h: Fraction(1) for h in c.holders}
        free = c.count - len(c.holders)
        pool = [s for s, g in zip(states, groups)
                if s not in named and (c.group == OPEN or g == c.group)]
        if free and pool:
            for s in pool:
                shares[s] = shares.get(s, Fraction(0)) + Fraction(free, len(pool))
        by_class[c.id] = shares
    return Occupancy(design.id, f"uniform rotation among the {len(states)} members", by_class)


def _positions_1963():
    from unsclab.amend.positions import load_positions

    path = resources.files("unsclab.amend").joinpath("data/positions-1963.toml")
    with resources.as_file(path) as p:
        return load_positions(p, builtin=False)


def _group_baseline(states, groups, truth: np.ndarray) -> np.ndarray:
    """Each state votes with the majority of the rest of its regional group (yes vs not)."""
    pred = np.zeros(len(states), dtype=bool)
    for i, g in enumerate(groups):
        others = [j for j, h in enumerate(groups) if h == g and j != i]
        pred[i] = bool(others) and truth[others].mean() > 0.5
    return pred


def backtest(draws: int = 1000, seed: int | None = 1, weights=None) -> dict:
    """Predict every vote on GA resolution 1991 A (XVIII) and score it (module docstring)."""
    from unsclab.amend.data_access import RCID_1991A, ballot_1963
    from unsclab.amend.game import play
    from unsclab.amend.support import Weights, interest_terms, support
    from unsclab.designs import load_design
    from unsclab.states import state

    ballot = ballot_1963()
    states = tuple(sorted(ballot))
    groups = tuple(state(s).group or "" for s in states)
    before, after = load_design("charter-1945"), load_design("status-quo")
    occs = (occupancy_among(after, states, groups), occupancy_among(before, states, groups))
    interest = interest_terms(after, before, states, groups, occupancies=occs)
    sup = support(after, _positions_1963(), weights or Weights(), baseline=before, year=YEAR,
                  states=states, groups=groups, interest=interest)
    members = 113  # members in December 1963 (UN Digital Library record 664273: 113 members)
    game = play(sup, draws=draws, seed=seed, threshold=-(-2 * members // 3))
    truth = np.array([ballot[s] == "yes" for s in states])
    pred = sup.p >= 0.5
    base = _group_baseline(states, groups, truth)
    wrong = [{"state": s, "recorded": ballot[s], "p_yes": round(float(p), 3)}
             for s, p, t, q in zip(states, sup.p, truth, pred) if t != q]
    return {
        "resolution": "A/RES/1991(XVIII) A", "date": "1963-12-17", "rcid": RCID_1991A,
        "votes": len(states),
        "recorded": {v: sum(1 for x in ballot.values() if x == v) for v in ("yes", "no", "abstain")},
        "recorded_yes": int(truth.sum()),
        "predicted_yes": int(pred.sum()),
        "expected_yes": round(float(game.ga_yes_expected), 1),
        "threshold": game.threshold,
        "p_ga": game.p_ga,
        "accuracy": float((pred == truth).mean()),
        "correct": int((pred == truth).sum()),
        "baseline_accuracy": float((base == truth).mean()),
        "baseline_correct": int((base == truth).sum()),
        "p5": {k: round(v, 3) for k, v in game.p5.items()},
        "p5_recorded": {s: ballot.get(s) for s in ("CHN", "FRA", "RUS", "GBR", "USA")},
        "wrong": wrong,
        "weights": sup.weights.values,
    }
