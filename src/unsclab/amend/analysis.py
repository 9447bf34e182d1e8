"""One analysis of a design under Article 108, as a JSON-ready dict (CLI, web and reports)."""

from __future__ import annotations

__all__ = ["Setup", "analyse", "setup"]

from dataclasses import dataclass

from unsclab.amend.positions import Positions, load_positions
from unsclab.amend.support import Weights
from unsclab.designs.model import Design


@dataclass(frozen=True)
class Setup:
    """Positions, weights and the settings of the game, shared by every design played."""

    positions: Positions
    weights: Weights
    draws: int = 1000
    seed: int | None = 1
    threshold: int | None = None
    occupancy: str = "uniform"
    year: int = 2025

    def play(self, design: Design):
        from unsclab.amend.game import play
        from unsclab.amend.support import support

        sup = support(design, self.positions, self.weights, occupancy=self.occupancy,
                      year=self.year)
        return play(sup, self.draws, self.seed, self.threshold)


def setup(positions_files=(), weights: dict[str, float] | None = None, **settings) -> Setup:
    """Load positions files and apply weights: first each file's ``[weights]``, then ``weights``."""
    pos = load_positions(*positions_files)
    w = Weights()
    for f in pos.files[1:]:
        file_weights = load_positions(f).weights
        w = w.with_(file_weights, file=f)
    w = w.with_(weights or {})
    return Setup(pos, w, **settings)


def _state_detail(game, positions: Positions, iso3: str) -> dict:
    sup = game.support
    i = sup.index(iso3)
    w = sup.weights
    sign = {"veto_loss": -1, "new_veto": -1}
    contributions = {name: round(sign.get(name, 1) * float(w[name] * sup.terms[name][i]), 3)
                     for name in ("position", "power", "years", "region", "alignment",
                                  "veto_loss", "new_veto")}
    return {"state": iso3, "group": sup.groups[i], "p_yes": round(float(game.p_yes[i]), 3),
            "p_ratify": round(float(game.p_ratify[i]), 3),
            "stance": round(float(sup.stance[i]), 3), "declared": bool(sup.declared[i]),
            "sources": sup.sources.get(iso3, []),
            "blocs": [b.id for b in positions.blocs_of(iso3)],
            "contributions": contributions, "logit": round(float(sup.z[i]), 3)}


def analyse(design: Design, st: Setup, state: str | None = None, changes: bool = True) -> dict:
    """Everything ``unsclab amend DESIGN`` reports (see docs/amend.md)."""
    import numpy as np

    from unsclab.amend.changes import needed_states, try_variants
    from unsclab.amend.game import binding_reason, pivotal

    game = st.play(design)
    sup = game.support
    yes = game.yes
    by_group = {}
    for g in sorted(set(sup.groups)):
        idx = [i for i, h in enumerate(sup.groups) if h == g]
        by_group[g] = {"members": len(idx), "expected_yes": round(float(game.p_yes[idx].sum()), 1)}
    by_bloc = {}
    for b in st.positions.blocs.values():
        idx = [sup.states.index(s) for s in b.members if s in sup.states]
        if idx:
            by_bloc[b.id] = {"members": len(idx), "expected_yes": round(float(game.p_yes[idx].sum()), 1)}
    piv = pivotal(game)
    out = {
        "design": {"id": design.id, "name": design.name, "seats": design.size},
        "families": list(sup.families),
        "members": len(sup.states), "threshold": game.threshold,
        "draws": game.draws, "seed": game.seed,
        "ga_yes_expected": round(game.ga_yes_expected, 2),
        "ga_yes_sd": round(float(yes.std()), 2),
        "ga_yes_interval_90": [int(np.percentile(yes, 5)), int(np.percentile(yes, 95))],
        "p_ga": game.p_ga, "p_ratification": game.p_ratification,
        "p5": {k: round(v, 3) for k, v in game.p5.items()},
        "p5_reason": {k: binding_reason(sup, k) for k in game.p5},
        "pivotal": piv,
        "pivotal_detail": [{"state": s, "group": sup.groups[sup.index(s)],
                            "p_yes": round(float(game.p_yes[sup.index(s)]), 3),
                            "blocs": [b.id for b in st.positions.blocs_of(s)]} for s in piv],
        "by_group": by_group, "by_bloc": by_bloc,
        "proponents": len(sup.proponents), "opponents": len(sup.opponents),
        "needs_states": [{**row, "blocs": [b.id for b in st.positions.blocs_of(row["state"])]}
                         for row in needed_states(game)],
        "weights": sup.weights.values,
        "positions_files": list(st.positions.files),
        "occupancy": st.occupancy,
        "yes_by_state": {s: round(float(p), 3) for s, p in zip(sup.states, game.p_yes)},
    }
    if changes:
        out["changes"] = try_variants(design, sup.baseline, st.play, game.p_ga, game.p_ratification)
    if state:
        out["state"] = _state_detail(game, st.positions, state.upper())
    return out
