"""Calibration of the elections model: smoothed rates of service and fitted electability."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from unsclab.elections.seats import P5
from unsclab.elections.states import (
    _membership_by_year,
    group_of,
    member_in_year,
    membership,
    real_members,
    universe,
)


@dataclass(frozen=True)
class ElectionModel:
    """Calibrated strengths (see the module docstring)."""

    period: tuple[int, int]
    alpha: float
    strength: dict[str, float]
    served: dict[str, int]
    eligible_years: dict[str, int]
    group_rate: dict[str, float]
    kappa: float = 1.0
    threshold: float = 0.0
    reelect: float = 0.5
    electability: dict[str, float] | None = None
    fit_iterations: int = 0

    def weights(self, codes: list[str] | tuple[str, ...]) -> np.ndarray:
        """Draw weights: the fitted electability where fitted, else ``strength ** kappa``."""
        if self.electability is not None:
            return np.array([max(self.electability.get(c, 0.0), 1e-12) for c in codes])
        w = np.array([self.strength.get(c, 0.0) for c in codes])
        return np.power(np.maximum(w, 1e-9), self.kappa)


def calibrate(period: tuple[int, int] = (1946, 2025), alpha: float = 20.0, kappa: float = 1.0,
              threshold: float = 0.0, reelect: float = 0.5, fit: int = 6,
              fit_draws: int = 200, seed: int = 0) -> ElectionModel:
    """Calibrate strengths on Council membership in ``period`` (inclusive).

    With ``fit`` > 0 the draw weights ("electability") are then fitted so that the status quo's
    simulated rate of service of each state over the period matches its smoothed rate ``r_s``:
    ``w ← w · (r_s / simulated_s) ** 0.8``, ``fit`` times, each on ``fit_draws`` seeded draws.
    Without it the weights are ``r_s ** kappa``; the fit is needed because the rules
    (no immediate re-election, one seat at a time) cap how often a strong state can win.
    """
    lo, hi = period
    U = universe()
    served = {s: 0 for s in U}
    elig = {s: 0 for s in U}
    for y in range(lo, hi + 1):
        sitting = set(real_members(y))
        for s in U:
            if s in P5:
                continue
            if member_in_year(s, y) or s in sitting:
                elig[s] += 1
                served[s] += s in sitting
    rate: dict[str, float] = {}
    for g in ("AG", "APG", "EEG", "GRULAC", "WEOG"):
        codes = [s for s in U if group_of(s) == g and s not in P5]
        n = sum(served[s] for s in codes)
        e = sum(elig[s] for s in codes)
        rate[g] = n / e if e else 0.0
    strength = {}
    for s in U:
        if s in P5:
            continue
        g = group_of(s)
        rg = rate.get(g or "", 0.05)
        strength[s] = (served[s] + alpha * rg) / (elig[s] + alpha)
    model = ElectionModel((lo, hi), alpha, strength, served, elig, rate, kappa, threshold,
                          reelect)
    if fit <= 0:
        return model
    from unsclab.designs import load_design
    from unsclab.elections.simulation import simulate

    design = load_design("status-quo")
    start = max(lo, 1966)
    elect = {s: strength[s] ** kappa for s in strength}
    rng = np.random.default_rng(seed)
    for it in range(fit):
        model = ElectionModel((lo, hi), alpha, strength, served, elig, rate, kappa, threshold,
                              reelect, dict(elect), it + 1)
        sim = simulate(design, (start, hi), fit_draws, rng=rng, model=model, incumbents=False)
        P = sim.sit_probability()
        mem = membership(range(start, hi + 1))
        for i, code in enumerate(sim.states):
            if code not in elect:
                continue
            years_member = mem[:, i].sum()
            if years_member == 0:
                continue
            simulated = P[mem[:, i], i].mean()
            target = strength[code]
            elect[code] *= float(np.clip((target / max(simulated, 1e-4)) ** 0.8, 0.2, 5.0))
    return ElectionModel((lo, hi), alpha, strength, served, elig, rate, kappa, threshold,
                         reelect, elect, fit)


_MODEL_VERSION = 1


@cache
def default_model() -> ElectionModel:
    """Strengths calibrated on 1946–2025, electability fitted (cached on disk as checked JSON,
    keyed by the membership table, the GA participation and the states)."""
    import hashlib
    import json
    from dataclasses import asdict

    from unsclab.data.fetch import cache_dir
    from unsclab.data.integrity import cached_json
    from unsclab.votes.alignment import alignment

    h = hashlib.sha256(f"v{_MODEL_VERSION}".encode())
    h.update(json.dumps(sorted(_membership_by_year().items())).encode())
    h.update(" ".join(universe()).encode())
    h.update(alignment().common.sum(dtype=np.int64).tobytes())
    path = cache_dir() / f"elections-model-{h.hexdigest()[:20]}.json"
    data = cached_json(path, build=lambda: asdict(calibrate()), kind="elections-model",
                       version=_MODEL_VERSION)
    return ElectionModel(**{**data, "period": tuple(data["period"])})
