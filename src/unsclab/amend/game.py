"""The Article 108 game: adoption by the General Assembly, then ratification.

Charter Article 108: an amendment comes into force when adopted by a vote of two thirds of the
members of the General Assembly (129 of 193) and ratified by two thirds of the members,
including all the permanent members of the Security Council.

Each draw of :func:`play` adds to every state's logit (:mod:`unsclab.amend.support`) a shock
shared by all states (sd ``sigma_common``) and one shared within its regional group (sd
``sigma_group``), then draws each state's vote. A state ratifies in that draw if its vote would
have been yes with ``ratify_shift`` added to its logit (the same uniform draw: every yes voter
ratifies, and some others do — in 1963–65 four permanent members that had not voted yes
ratified). The outcome is the share of draws with at least ``threshold`` yes votes
(``p_ga``), and with that and at least ``threshold`` ratifications including all five permanent
members (``p_ratification``).
"""

from __future__ import annotations

__all__ = ["Game", "binding_reason", "ga_threshold", "pivotal", "play"]

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from unsclab.amend.support import Support
from unsclab.errors import UnsclabError


def ga_threshold(members: int, threshold: int | None = None) -> int:
    """Votes needed: two thirds of the members (Art. 108), or ``threshold`` if given and possible."""
    if threshold is None:
        return math.ceil(2 * members / 3)
    if not 1 <= threshold <= members:
        raise UnsclabError(f"threshold {threshold} is impossible with {members} members; expected "
                           f"a number of votes from 1 to {members}", field="--threshold")
    return threshold


@dataclass(frozen=True)
class Game:
    support: Support
    threshold: int
    draws: int
    seed: int | None
    yes: np.ndarray            # yes votes per draw
    ratified: np.ndarray       # ratifications per draw
    p_yes: np.ndarray          # per state: share of draws voting yes
    p_ratify: np.ndarray       # per state: share of draws ratifying
    p_ga: float
    p_ratification: float
    p5: dict[str, float]

    @property
    def ga_yes_expected(self) -> float:
        return float(self.yes.mean())


def play(sup: Support, draws: int = 1000, seed: int | None = 1,
         threshold: int | None = None, per_state: bool = True) -> Game:
    """Monte Carlo of the Article 108 game (see the module docstring). ``per_state=False``
    skips each state's share of yes votes and ratifications (``p_yes``, ``p_ratify`` are then
    empty), which a search does not need."""
    if draws < 1:
        raise UnsclabError(f"expected at least 1 draw, got {draws}", field="--draws")
    n = len(sup.states)
    need = ga_threshold(n, threshold)
    w = sup.weights
    groups = sorted(set(sup.groups))
    gidx = tuple(groups.index(g) for g in sup.groups)
    make = _draws if seed is not None else _draws.__wrapped__
    shock, logit_u = make(seed, draws, gidx, w["sigma_common"], w["sigma_group"])
    z = sup.z[None, :] + shock
    votes = logit_u < z
    ratifies = logit_u < z + w["ratify_shift"]
    yes = votes.sum(axis=1)
    ratified = ratifies.sum(axis=1)
    holders = {h for c in sup.baseline.seats if c.kind == "permanent" for h in c.holders}
    permanent = [i for i, s in enumerate(sup.states) if s in holders]
    p5_all = ratifies[:, permanent].all(axis=1) if permanent else np.ones(draws, dtype=bool)
    passed = yes >= need
    in_force = passed & (ratified >= need) & p5_all
    empty = np.empty(0)
    return Game(sup, need, draws, seed, yes, ratified,
                votes.mean(axis=0) if per_state else empty,
                ratifies.mean(axis=0) if per_state else empty,
                float(passed.mean()), float(in_force.mean()),
                {sup.states[i]: float(ratifies[:, i].mean()) for i in permanent})


@lru_cache(maxsize=8)
def _draws(seed, draws: int, gidx: tuple[int, ...], sigma_common: float, sigma_group: float):
    """The random part of a game: per-draw shocks (common + regional group) and the logit of
    each state's uniform draw. Cached: a search plays thousands of designs with one seed, and
    meeting the same random numbers makes their differences free of noise (:func:`play` does
    not cache ``seed=None``: fresh entropy each time)."""
    rng = np.random.default_rng(seed)
    n, k = len(gidx), max(gidx) + 1
    shock = (rng.normal(0, sigma_common, (draws, 1))
             + rng.normal(0, sigma_group, (draws, k))[:, list(gidx)])
    u = rng.random((draws, n))
    # P(u < sigmoid(z)) = sigmoid(z); the logit form avoids overflow for large |z|
    logit_u = np.log(u) - np.log1p(-u)
    shock.flags.writeable = False
    logit_u.flags.writeable = False
    return shock, logit_u


def pivotal(game: Game, k: int = 10) -> list[str]:
    """The ``k`` states around the threshold in the order of support: the states a two-thirds
    coalition most plausibly turns on (the 'pivot' of a supermajority, as in Krehbiel, *Pivotal
    Politics*, 1998)."""
    order = np.argsort(-game.p_yes, kind="stable")
    lo = max(0, game.threshold - 1 - k // 2)
    return [game.support.states[i] for i in order[lo:lo + k]]


def binding_reason(sup: Support, iso3: str) -> str:
    """Why a permanent member might not ratify: its most negative term of the model."""
    i = sup.index(iso3)
    w = sup.weights
    parts = {
        "loses or sees weakened its veto": -w["veto_loss"] * sup.terms["veto_loss"][i],
        "new veto holders are added": -w["new_veto"] * sup.terms["new_veto"][i],
        "loss of relative voting power": w["power"] * sup.terms["power"][i],
        "its declared position": w["position"] * sup.terms["position"][i],
        "GA alignment with the design's opponents": w["alignment"] * sup.terms["alignment"][i],
    }
    name, value = min(parts.items(), key=lambda kv: kv[1])
    if value >= 0:
        return "no term against it"
    return name
