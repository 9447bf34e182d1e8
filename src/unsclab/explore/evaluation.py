"""Fast evaluation of many designs: power cached by the game's type profile, vectorised occupancy.

The explorer evaluates thousands of designs that share their seat-class structure. Two facts make
that cheap:

1. **Power depends only on the type profile.** Without extra majority clauses, the simple game of
   a design (:func:`unsclab.power.compile.compile_design`) has two kinds of seat: the ``v`` seats
   that exercise a veto and the ``m`` others. A coalition with ``a`` yes-votes among the veto
   seats and ``b`` among the others wins iff ``a + b >= q`` and ``a >= v - k + 1`` (``k`` negative
   votes of veto holders block; binary a-priori model, an abstention counts as not voting yes).
   Every index is then a short sum of products of binomial coefficients; it is computed exactly
   (integers and :class:`~fractions.Fraction`) once per profile ``(v, m, q, k)`` and cached. A
   search over 10,000 designs meets a few hundred profiles. Designs with extra majority clauses
   fall back to the power engine (:func:`unsclab.power.kernels.swings`), also cached.
2. **Occupancy is linear.** Under uniform rotation (:mod:`unsclab.occupancy`) a state's expected
   seats are a sum over classes of ``free seats / pool size`` on the class's pool; the pools of
   the regional groups are index arrays computed once per process. Each state's expected power is
   ``occupancy @ power per seat``; the representation measures of :mod:`unsclab.metrics` follow
   with a few numpy operations on 193-vectors. The tests check both paths against the library's
   own functions (:func:`unsclab.metrics.representation`, the power engine).

An :class:`Evaluation` computes what is asked of it, lazily, and keeps it: objectives (see
:mod:`unsclab.explore.objectives`) read from it, and a later objective (replay) can store its own
results on it with :meth:`Evaluation.cached`.
"""

from __future__ import annotations

__all__ = ["Evaluation", "profile_power", "ProfilePower", "StateContext", "context"]

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any

import numpy as np

from unsclab.designs.model import Design
from unsclab.designs.sharing import member_shares
from unsclab.groups import GROUPS, OPEN
from unsclab.metrics import gini_weighted_array

P5 = ("CHN", "FRA", "RUS", "GBR", "USA")
#: Index names, as registered in :mod:`unsclab.power`.
INDICES = ("banzhaf", "shapley_shubik", "penrose")


# -- power by type profile ----------------------------------------------------------------------


@dataclass(frozen=True)
class ProfilePower:
    """Exact power of one veto seat and one ordinary seat in the game ``(v, m, q, k)``.

    ``winning`` is the number of winning coalitions out of ``2**n``; ``swings_*`` the raw Banzhaf
    scores; ``shapley_*`` the Shapley–Shubik values. With no veto (``v = 0``) the ``*_veto``
    fields are zero.
    """

    v: int
    m: int
    q: int
    k: int
    winning: int
    swings_veto: int
    swings_other: int
    shapley_veto: Fraction
    shapley_other: Fraction

    @property
    def n(self) -> int:
        return self.v + self.m

    @property
    def total_swings(self) -> int:
        return self.v * self.swings_veto + self.m * self.swings_other

    @property
    def coleman_act(self) -> Fraction:
        """Coleman's power of the collectivity to act: winning coalitions / 2^n."""
        return Fraction(self.winning, 2**self.n)

    def banzhaf(self, veto: bool) -> Fraction:
        """Normalised Banzhaf index of one seat."""
        total = self.total_swings
        s = self.swings_veto if veto else self.swings_other
        return Fraction(s, total) if total else Fraction(0)

    def penrose(self, veto: bool) -> Fraction:
        """Absolute Banzhaf (Penrose) index of one seat: swings / 2^(n-1)."""
        s = self.swings_veto if veto else self.swings_other
        return Fraction(s, 2 ** (self.n - 1))

    def shapley(self, veto: bool) -> Fraction:
        return self.shapley_veto if veto else self.shapley_other


@lru_cache(maxsize=None)
def profile_power(v: int, m: int, q: int, k: int) -> ProfilePower:
    """Exact indices of the game: ``q`` yes of ``v + m`` seats, and fewer than ``k`` of the ``v``
    veto seats voting no (``v = 0``: no veto), computed once per profile by the power engine
    (:func:`unsclab.power.swings`) on the game :func:`unsclab.power.compile.compile_design`
    would build.

    >>> p = profile_power(5, 10, 9, 1)   # the Council since 1965
    >>> p.winning, p.banzhaf(True), p.shapley(False)
    (848, Fraction(106, 635), Fraction(4, 2145))
    """
    from unsclab.power import CompositeGame, quota_condition, swings, veto_condition

    n = v + m
    conditions = [quota_condition(n, q)]
    if v:
        conditions.append(veto_condition(n, range(v), k))
    counts = swings(CompositeGame(tuple(conditions)), shapley=True)
    assert counts.shapley is not None
    return ProfilePower(
        v, m, q, k, counts.winning,
        counts.swings[0] if v else 0, counts.swings[v] if m else 0,
        counts.shapley[0] if v else Fraction(0), counts.shapley[v] if m else Fraction(0),
    )


# -- states, pools ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateContext:
    """Member states as arrays (one process-wide copy)."""

    iso3: tuple[str, ...]
    index: dict[str, int]
    group: np.ndarray  # group code per state (object array)
    population: np.ndarray  # float
    sqrt_share: np.ndarray
    group_masks: dict[str, np.ndarray]


@cache
def context() -> StateContext:
    from unsclab.states import member_states

    members = member_states()
    iso3 = tuple(s.iso3 for s in members)
    pop = np.array([float(s.population or 0) for s in members])
    group = np.array([s.group or "" for s in members], dtype=object)
    sq = np.sqrt(pop)
    return StateContext(
        iso3=iso3,
        index={c: i for i, c in enumerate(iso3)},
        group=group,
        population=pop,
        sqrt_share=sq / sq.sum(),
        group_masks={g: group == g for g in GROUPS},
    )


@lru_cache(maxsize=4096)
def _pool(group: str, eligible: tuple[str, ...], named: frozenset[str]) -> np.ndarray:
    """Indices of the states an unnamed seat rotates among (as :func:`unsclab.occupancy.seat_pool`)."""
    ctx = context()
    if eligible:
        codes = [c for c in eligible if c not in named]
        return np.array([ctx.index[c] for c in codes if c in ctx.index], dtype=np.int64)
    if group != OPEN:
        mask = ctx.group_masks[group].copy()
    else:
        mask = np.ones(len(ctx.iso3), dtype=bool)
    for c in named:
        if c in ctx.index:
            mask[ctx.index[c]] = False
    return np.flatnonzero(mask)


# -- the evaluation of one design ----------------------------------------------------------------


class Evaluation:
    """What the explorer knows about one design, computed on demand and kept.

    Attributes read by the built-in objectives: :attr:`class_power`, :attr:`coleman_act`,
    :meth:`state_power`, :attr:`occupancy`, :attr:`representation`, :meth:`group_share`.
    :meth:`to_dict` gives a JSON-ready summary in the shape of ``unsclab.evaluate``'s output
    (power per seat class and per state, groups, representation, Coleman's power to act).
    """

    def __init__(self, design: Design) -> None:
        self.design = design
        self._cache: dict[str, Any] = {}

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per evaluation under ``key`` (for objectives registered later)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    # -- power ---------------------------------------------------------------------------------

    @property
    def profile(self) -> ProfilePower | None:
        """The type profile's exact power, or None when the rule has extra majority clauses,
        alternatives or vote weights."""
        return self.cached("profile", self._profile)

    def _profile(self) -> ProfilePower | None:
        d = self.design
        if d.rule.majorities or d.rule.alternatives or d.rule.weighted_quota is not None:
            return None  # not a two-type game: the power engine computes it
        veto = d.rule.veto
        v = sum(c.count for c in d.seats if c.id in veto.classes)
        k = veto.negatives if v else 1
        return profile_power(v, d.size - v, d.rule.quota, k)

    @property
    def class_power(self) -> dict[str, dict[str, Fraction]]:
        """Per seat class: exact ``banzhaf`` (normalised), ``shapley_shubik`` and ``penrose`` of one
        seat (the index names of :mod:`unsclab.power`)."""
        return self.cached("class_power", self._class_power)

    def _class_power(self) -> dict[str, dict[str, Fraction]]:
        d = self.design
        prof = self.profile
        if prof is not None:
            return {
                c.id: {
                    "banzhaf": prof.banzhaf(c.id in d.veto_classes),
                    "shapley_shubik": prof.shapley(c.id in d.veto_classes),
                    "penrose": prof.penrose(c.id in d.veto_classes),
                }
                for c in d.seats
            }
        return _engine_class_power(d)

    @property
    def coleman_act(self) -> float:
        """Coleman's power of the collectivity to act (share of coalitions that win)."""
        prof = self.profile
        if prof is not None:
            return float(prof.coleman_act)
        return self.cached("coleman", lambda: _engine_coleman(self.design))

    def seat_power(self, index: str = "banzhaf") -> np.ndarray:
        """Power of each seat, in ``Design.seat_list()`` order (floats)."""
        cp = self.class_power
        return np.array([float(cp[c.id][index]) for c in self.design.seats for _ in range(c.count)])

    # -- occupancy and per-state power ----------------------------------------------------------

    @property
    def occupancy(self) -> dict[str, np.ndarray]:
        """Per seat class, the expected number of its seats each member state holds (193-vector)."""
        return self.cached("occupancy", self._occupancy)

    def _occupancy(self) -> dict[str, np.ndarray]:
        ctx = context()
        d = self.design
        named = frozenset(d.named_holders) | frozenset(d.represented)
        out: dict[str, np.ndarray] = {}
        for c in d.seats:
            vec = np.zeros(len(ctx.iso3))
            if c.shared is not None:  # credited to its members (unsclab.designs.sharing)
                for m, share in member_shares(c.shared).items():
                    vec[ctx.index[m]] += float(share)
                out[c.id] = vec
                continue
            for h in c.holders:
                if h in ctx.index:
                    vec[ctx.index[h]] += 1.0
            free = c.count - len(c.holders)
            if free:
                pool = _pool(c.group, c.eligible, named)
                if len(pool):
                    vec[pool] += min(free / len(pool), 1.0)
            out[c.id] = vec
        return out

    @property
    def seats_held(self) -> np.ndarray:
        """Expected seats held by each member state (its expected share of time on the Council)."""
        return self.cached("seats_held", lambda: sum(self.occupancy.values()))

    def state_power(self, index: str = "banzhaf") -> np.ndarray:
        """Expected power of each member state (``context().iso3`` order)."""
        def compute() -> np.ndarray:
            cp = self.class_power
            return sum(occ * float(cp[cid][index]) for cid, occ in self.occupancy.items())
        return self.cached(f"state_power:{index}", compute)

    def state_share(self, index: str = "banzhaf") -> np.ndarray:
        p = self.state_power(index)
        total = p.sum()
        return p / total if total else p

    def share_of(self, codes, index: str = "banzhaf") -> float:
        """Share of the member states' total power held by ``codes`` (ISO3)."""
        ctx = context()
        idx = [ctx.index[c] for c in codes if c in ctx.index]
        return float(self.state_share(index)[idx].sum())

    def group_share(self, groups, index: str = "banzhaf") -> float:
        """Share of power held by the states of the given regional groups."""
        mask = self._group_mask(groups)
        return float(self.state_share(index)[mask].sum())

    def group_seats(self, groups) -> float:
        """Expected seats held by the states of the given regional groups."""
        return float(self.seats_held[self._group_mask(groups)].sum())

    @staticmethod
    def _group_mask(groups) -> np.ndarray:
        ctx = context()
        mask = np.zeros(len(ctx.iso3), dtype=bool)
        for g in ([groups] if isinstance(groups, str) else groups):
            mask |= ctx.group_masks[g]
        return mask

    # -- representation (as unsclab.metrics.representation) -----------------------------------

    @property
    def representation(self) -> dict[str, float]:
        return self.cached("representation", self._representation)

    def _representation(self) -> dict[str, float]:
        ctx = context()
        d = self.design
        pop = ctx.population
        power = self.state_power("banzhaf")
        total = power.sum()
        share = power / total if total else power
        permanent = [c.id for c in d.seats if c.kind == "permanent"]
        # a shared permanent seat represents every member (unsclab.metrics.representation)
        perm = sum(((self.occupancy[cid] > 0) if d.seat_class(cid).shared else self.occupancy[cid]
                    for cid in permanent), np.zeros(len(pop)))
        p5 = [ctx.index[c] for c in P5]
        return {
            "population_with_permanent_seat": float((perm * pop).sum() / pop.sum()),
            "penrose_distance": float(0.5 * np.abs(share - ctx.sqrt_share).sum()),
            "gini_power_per_person": gini_weighted_array(power, pop),
            "p5_power_share": float(share[p5].sum()),
        }

    # -- summary --------------------------------------------------------------------------------

    def full(self):
        """The library's full evaluation (:func:`unsclab.evaluate.evaluate_design`), computed once."""
        from unsclab.evaluate import evaluate_design

        return self.cached("full", lambda: evaluate_design(self.design))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (power per class and per state, groups, representation)."""
        ctx = context()
        d = self.design
        groups = []
        for g in GROUPS:
            groups.append({
                "group": g,
                "seats": self.group_seats(g),
                "seat_share": self.group_seats(g) / d.size,
                "banzhaf_share": self.group_share(g, "banzhaf"),
                "shapley_shubik_share": self.group_share(g, "shapley_shubik"),
            })
        bz, ss = self.state_share("banzhaf"), self.state_share("shapley_shubik")
        return {
            "design": d.id,
            "size": d.size,
            "quota": d.rule.quota,
            "coleman_act": self.coleman_act,
            "seat_classes": [
                {"id": c.id, "count": c.count, "veto": c.id in d.veto_classes,
                 **{k: float(x) for k, x in self.class_power[c.id].items()}}
                for c in d.seats
            ],
            "states": {
                iso: {"seats": float(self.seats_held[i]), "banzhaf": float(bz[i]),
                      "shapley_shubik": float(ss[i])}
                for i, iso in enumerate(ctx.iso3) if self.seats_held[i] > 0
            },
            "groups": groups,
            "representation": self.representation,
        }


# -- fallback: the power engine ------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _engine(design: Design) -> tuple[dict[str, dict[str, Fraction]], Fraction]:
    """Per-class power and Coleman's power to act from :mod:`unsclab.power` (any rule)."""
    from unsclab.power import coleman_act, compute
    from unsclab.power.compile import compile_design

    game = compile_design(design)
    values = compute(game, list(INDICES))
    out: dict[str, dict[str, Fraction]] = {}
    for i, seat in enumerate(design.seat_list()):
        out.setdefault(seat.seat_class, {name: values[name][i] for name in INDICES})
    return out, coleman_act(game)


def _engine_class_power(design: Design) -> dict[str, dict[str, Fraction]]:
    return _engine(design)[0]


def _engine_coleman(design: Design) -> float:
    return float(_engine(design)[1])
