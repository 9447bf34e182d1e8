"""The support model: how likely each member state is to vote for (and ratify) a design.

For state *i* and design *D* against the baseline *B* (the Council since 1965)::

    z_i = intercept
        + position  · logit(s_i)                     declared stance toward D's families
        + power     · tanh(log((b_i(D) + ε) / (b_i(B) + ε)))   own expected voting power
        + years     · (y_i(D) − y_i(B)) / 10          own years on the Council per decade
        + region    · tanh(log(r_g(D) / r_g(B)))     its regional group's share of power
        + alignment · a_i                            GA closeness to proponents vs opponents
        − veto_loss · [i loses or sees weakened its veto]
        − new_veto  · [i is a permanent member and D adds veto holders]
    P(yes_i) = 1 / (1 + exp(−z_i))

- ``s_i`` is the state's declared stance (:mod:`unsclab.amend.positions`) toward the least
  acceptable of the design's families (a package is judged by its worst part), clipped to
  [0.02, 0.98]; a state with no declared stance gets ``undeclared`` (default 0.5: no lean).
- ``b_i`` is the state's normalised Banzhaf share and ``y_i`` its expected years on the
  Council per decade, computed by :func:`unsclab.evaluate.evaluate_design` (uniform rotation of
  unnamed seats within their groups unless the elections model is asked for); ``r_g`` is its
  regional group's Banzhaf share; ε = 0.001.
- ``a_i`` compares the state's GA ideal point (Bailey, Strezhnev & Voeten 2017, *Journal of
  Conflict Resolution* 61(2) 430–456) with the median ideal point of the design's proponents
  (states whose stance is ≥ 0.75) and of its opponents (stance ≤ 0.25):
  ``a_i = clip((|x_i − m_opp| − |x_i − m_prop|) / sd(x), −2, 2) / 2``; 0 if either side is empty.

Every weight is a stated assumption, changeable with ``--weight name=value`` or a ``[weights]``
table in a positions file (:data:`WEIGHTS` lists them with their defaults and meaning). The
defaults are judgement, not estimates: with ``position = 1`` a declared stance alone *is* the
probability of a yes vote.
"""

from __future__ import annotations

__all__ = ["WEIGHTS", "Support", "Weights", "parse_weight", "support"]

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from unsclab.amend.families import families, new_veto_seats, veto_losers
from unsclab.amend.positions import Positions
from unsclab.designs.model import Design
from unsclab.errors import UnsclabError

#: name → (default, meaning). Changing one moves every result in the direction it says.
WEIGHTS: dict[str, tuple[float, str]] = {
    "intercept": (0.0, "baseline lean toward yes (logit)"),
    "position": (1.0, "weight of the declared stance (logit of the stance)"),
    "undeclared": (0.5, "stance assumed for a state with no declared position"),
    "power": (1.0, "weight of the change in the state's own voting power"),
    "years": (1.0, "weight of the change in its years on the Council per decade"),
    "region": (1.0, "weight of the change in its regional group's share of power"),
    "alignment": (1.0, "weight of GA closeness to proponents rather than opponents"),
    "veto_loss": (6.0, "penalty for a state that loses or sees weakened its own veto"),
    "new_veto": (2.0, "penalty for a permanent member when new veto holders are added"),
    "ratify_shift": (1.5, "added lean toward ratifying once the GA has adopted (logit)"),
    "sigma_common": (0.5, "sd of a shock shared by all states in a draw (logit)"),
    "sigma_group": (0.5, "sd of a shock shared within each regional group in a draw (logit)"),
}
_EPS = 0.001
PROPONENT, OPPONENT = 0.75, 0.25


@dataclass(frozen=True)
class Weights:
    values: dict[str, float] = field(default_factory=lambda: {k: v for k, (v, _) in WEIGHTS.items()})

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def with_(self, changes: dict[str, float], file: str | None = None) -> Weights:
        for name, value in changes.items():
            if name not in WEIGHTS:
                raise UnsclabError(f"unknown weight {name!r}; expected one of {', '.join(WEIGHTS)}",
                                   file=file, field=f"weights.{name}" if file else "--weight")
            if name == "undeclared" and not 0 <= value <= 1:
                raise UnsclabError(f"expected a probability between 0 and 1, got {value}",
                                   file=file, field=f"weights.{name}" if file else "--weight")
            if name.startswith("sigma") and value < 0:
                raise UnsclabError(f"expected a standard deviation ≥ 0, got {value}",
                                   file=file, field=f"weights.{name}" if file else "--weight")
        return Weights({**self.values, **changes})


def parse_weight(spec: str) -> tuple[str, float]:
    """``"alignment=0.5"`` → ``("alignment", 0.5)``."""
    name, sep, value = spec.partition("=")
    try:
        if not sep:
            raise ValueError
        return name.strip(), float(value)
    except ValueError:
        raise UnsclabError(f"{spec!r}: expected NAME=NUMBER, e.g. alignment=0.5",
                           field="--weight") from None


@dataclass(frozen=True)
class Support:
    """Per-state terms of the model (arrays over ``states``) and the resulting logits."""

    design: Design
    baseline: Design
    families: tuple[str, ...]
    states: tuple[str, ...]
    groups: tuple[str, ...]
    stance: np.ndarray
    declared: np.ndarray
    terms: dict[str, np.ndarray]
    z: np.ndarray
    proponents: tuple[str, ...]
    opponents: tuple[str, ...]
    weights: Weights
    sources: dict[str, list[str]]

    @property
    def p(self) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.z))

    def index(self, iso3: str, field: str = "--state") -> int:
        try:
            return self.states.index(iso3)
        except ValueError:
            raise UnsclabError(f"unknown state {iso3!r}; expected the ISO3 code of a UN member "
                               "state", field=field) from None


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p, 0.02, 0.98)
    return np.log(q / (1 - q))


_STANCES: dict = {}


def _stances(positions: Positions, states, fams, undeclared: float):
    key = (id(positions), tuple(states), fams, undeclared)
    if key not in _STANCES:
        if len(_STANCES) > 256:
            _STANCES.clear()
        _STANCES[key] = (positions, _compute_stances(positions, states, fams, undeclared))
    return _STANCES[key][1]


def _compute_stances(positions: Positions, states, fams, undeclared: float):
    stance = np.full(len(states), undeclared)
    declared = np.zeros(len(states), dtype=bool)
    sources: dict[str, list[str]] = {}
    for i, s in enumerate(states):
        worst: float | None = None
        cited: list[str] = []
        for fam in fams:
            value, used = positions.stance(s, fam)
            if value is None:
                continue
            cited += [f"{p.holder} on {fam}: {p.source}" for p in used]
            worst = value if worst is None else min(worst, value)
        if worst is not None:
            stance[i], declared[i] = worst, True
            sources[s] = cited
    return stance, declared, sources


def interest_terms(design: Design, baseline: Design, states, groups, occupancy: str = "uniform",
                   occupancies=None):
    """The engine's view of each state's stake: power, years per decade, regional share.

    Per-seat normalised Banzhaf power is exact (:func:`unsclab.evaluate.evaluate_design`);
    ``occupancies`` (design's, baseline's) overrides who sits where, e.g. for the 1963 membership.
    """
    from unsclab.evaluate import evaluate_design, occupancy_for
    from unsclab.metrics import state_power

    occ_d, occ_b = occupancies or (occupancy_for(design, occupancy),
                                   occupancy_for(baseline, occupancy))

    def stake(d: Design, occ):
        per_seat = evaluate_design(d, indices=("banzhaf",), occupancy=occ).per_seat["banzhaf"]
        power = state_power(occ, {k: float(v) for k, v in per_seat.items()})
        b = np.array([float(power.get(s, 0.0)) for s in states])
        y = np.array([float(occ.years_per_decade(s)) for s in states])
        return b, y

    b_d, y_d = stake(design, occ_d)
    b_b, y_b = stake(baseline, occ_b)
    return interest_from(b_d, y_d, b_b, y_b, groups)


def interest_from(b_d, y_d, b_b, y_b, groups) -> dict[str, np.ndarray]:
    """The three interest terms from per-state power (``b``) and years per decade (``y``) under
    the design (``_d``) and the baseline (``_b``), all arrays over the same states."""
    g = np.asarray(groups, dtype=object)
    region = np.zeros(len(g))
    for name in set(groups):
        mask = g == name
        region[mask] = math.tanh(math.log((b_d[mask].sum() + _EPS) / (b_b[mask].sum() + _EPS)))
    return {"power": np.tanh(np.log((b_d + _EPS) / (b_b + _EPS))),
            "years": np.clip((y_d - y_b) / 10, -1, 1), "region": region}


def alignment_term(ideal: np.ndarray, stance: np.ndarray, declared: np.ndarray) -> np.ndarray:
    """``a_i`` of the module docstring; states without an ideal point (NaN) get 0."""
    known = ~np.isnan(ideal)
    prop = known & declared & (stance >= PROPONENT)
    opp = known & declared & (stance <= OPPONENT)
    if not prop.any() or not opp.any() or known.sum() < 3:
        return np.zeros(len(ideal))
    sd = float(np.std(ideal[known])) or 1.0
    m_prop, m_opp = float(np.median(ideal[prop])), float(np.median(ideal[opp]))
    a = np.clip((np.abs(ideal - m_opp) - np.abs(ideal - m_prop)) / sd, -2, 2) / 2
    return np.where(known, a, 0.0)


@lru_cache(maxsize=64)
def ideal_points(states: tuple[str, ...], year: int) -> np.ndarray:
    """GA ideal points of ``states`` in ``year`` (the latest earlier year a state has; NaN if none)."""
    from unsclab.amend.data_access import ideal_point_table

    table = ideal_point_table()
    out = np.full(len(states), np.nan)
    for i, s in enumerate(states):
        years = table.get(s)
        if years:
            usable = [y for y in years if y <= year]
            if usable:
                out[i] = years[max(usable)]
    return out


def support(design: Design, positions: Positions, weights: Weights | None = None,
            baseline: Design | None = None, occupancy: str = "uniform",
            year: int = 2025, states: tuple[str, ...] | None = None,
            groups: tuple[str, ...] | None = None, interest: dict | None = None,
            ideal: np.ndarray | None = None) -> Support:
    """The support model of the module docstring for every UN member state (or ``states``)."""
    from unsclab.designs import load_design
    from unsclab.states import member_states

    w = weights or Weights()
    base = baseline or load_design("status-quo")
    if states is None:
        ms = member_states()
        states, groups = tuple(s.iso3 for s in ms), tuple(s.group or "" for s in ms)
    fams = families(design, base)
    stance, declared, sources = _stances(positions, states, fams, w["undeclared"])
    terms = dict(interest if interest is not None
                 else interest_terms(design, base, states, groups, occupancy))
    x = ideal if ideal is not None else ideal_points(tuple(states), year)
    terms["alignment"] = alignment_term(x, stance, declared)
    losers = veto_losers(design, base)
    terms["veto_loss"] = np.array([1.0 if s in losers else 0.0 for s in states])
    adds = new_veto_seats(design, base) > 0
    permanent = {h for c in base.seats if c.kind == "permanent" for h in c.holders}
    terms["new_veto"] = np.array([1.0 if adds and s in permanent else 0.0 for s in states])
    terms["position"] = _logit(stance)
    z = (w["intercept"] + w["position"] * terms["position"] + w["power"] * terms["power"]
         + w["years"] * terms["years"] + w["region"] * terms["region"]
         + w["alignment"] * terms["alignment"] - w["veto_loss"] * terms["veto_loss"]
         - w["new_veto"] * terms["new_veto"])
    prop = tuple(s for s, v, d in zip(states, stance, declared) if d and v >= PROPONENT)
    opp = tuple(s for s, v, d in zip(states, stance, declared) if d and v <= OPPONENT)
    return Support(design, base, fams, tuple(states), tuple(groups), stance, declared, terms, z,
                   prop, opp, w, sources)
