"""Backtest of the elections model: calibrate on past years, predict later ones under the status
quo, score the predicted probability of sitting against who really sat."""

from __future__ import annotations

import numpy as np

from unsclab.elections.calibration import calibrate
from unsclab.elections.seats import P5
from unsclab.elections.simulation import simulate
from unsclab.elections.states import group_of, membership, real_members


def backtest(calibration: tuple[int, int] = (1966, 2005), test: tuple[int, int] = (2006, 2025),
             draws: int = 2000, seed: int = 1, **params) -> dict:
    """Calibrate on ``calibration``, simulate the status quo over ``test``, compare with the real membership.

    Returns the Brier score of P(sit) by state-year against the truth, the same for the
    uniform-within-group baseline (each member of a group sits with probability
    seats / eligible members, the P5 excluded), and predicted vs actual years served by state
    and by group.
    """
    from unsclab.designs import load_design

    design = load_design("status-quo")
    model = calibrate(calibration, **params)
    sim = simulate(design, test, draws, seed, model=model, known_until=test[0] - 1)
    P = sim.sit_probability()
    U = sim.states
    years = list(range(test[0], test[1] + 1))
    member = membership(range(test[0], test[1] + 1))
    elig = np.array([s not in P5 and group_of(s) is not None for s in U])
    truth = np.array([[s in real_members(y) for s in U] for y in years], dtype=float)
    seats_by_group = {}
    for c in design.seats:
        if c.kind != "permanent":
            seats_by_group[c.group] = seats_by_group.get(c.group, 0) + c.count
    base = np.zeros_like(P)
    for yi in range(len(years)):
        for g, n in seats_by_group.items():
            m = member[yi] & elig & np.array([group_of(s) == g for s in U])
            base[yi, m] = n / m.sum()
    mask = member & elig[None, :]
    brier = float(((P - truth) ** 2)[mask].mean())
    brier_base = float(((base - truth) ** 2)[mask].mean())
    served_pred = (P * mask).sum(axis=0)
    served_true = (truth * mask).sum(axis=0)
    states = []
    for i in np.argsort(-served_true - 1e-3 * served_pred):
        if served_true[i] == 0 and served_pred[i] < 0.5:
            continue
        states.append({"iso3": U[i], "group": group_of(U[i]),
                       "predicted_years": float(served_pred[i]),
                       "actual_years": int(served_true[i])})
    groups = []
    for g in ("AG", "APG", "EEG", "GRULAC", "WEOG"):
        m = np.array([group_of(s) == g for s in U])
        groups.append({"group": g, "predicted_years": float(served_pred[m].sum()),
                       "actual_years": int(served_true[m].sum())})
    # calibration by probability bin
    p, t = P[mask], truth[mask]
    edges = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 1.0]
    rel = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (p >= lo) & (p < hi) if hi < 1 else (p >= lo)
        if m.any():
            rel.append({"bin": f"{lo:.2f}-{hi:.2f}", "n": int(m.sum()),
                        "predicted": float(p[m].mean()), "observed": float(t[m].mean())})
    return {
        "calibration": list(calibration),
        "test": list(test),
        "draws": draws,
        "seed": seed,
        "params": {"alpha": model.alpha, "kappa": model.kappa, "threshold": model.threshold},
        "brier": brier,
        "brier_uniform": brier_base,
        "brier_skill": 1 - brier / brier_base,
        "state_years": int(mask.sum()),
        "groups": groups,
        "states": states,
        "reliability": rel,
    }
