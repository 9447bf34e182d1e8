"""Elections to a design's non-permanent seats, simulated year by year.

Model
-----
**Strength.** Each state's chance of winning a seat of its group is proportional to its
*strength*, a smoothed rate of service calibrated on Council membership by year
(:mod:`unsclab.data.membership`: the record's ballots 1946–2025, then the General Assembly's
elections for 2026–2027; years 1946–2025 by default). For a state *s* of group *g*::

    r_s = (n_s + α · r̄_g) / (E_s + α)

where ``n_s`` is the number of years *s* sat as an elected (non-permanent) member in the
calibration window, ``E_s`` the number of years it was a UN member in the window (first year with
a GA roll-call vote, :mod:`unsclab.votes.alignment`), ``r̄_g = Σ n / Σ E`` the group's rate, and
``α`` (default 20 pseudo-years) the strength of the prior: a Beta(α r̄_g, α (1 − r̄_g)) prior on
the rate, i.e. Bayesian (Dirichlet/Beta) smoothing towards the group mean. A state that never
served gets the floor ``α r̄_g / (E_s + α)``; Japan, Brazil, Argentina, India … get rates near
their record. ``E_s`` counts the years in which the state cast a GA roll-call vote, so South
Africa's exclusion from the Assembly (1974–1993) is not counted as years it could have served.

**Electability.** Winning is rarer than the rate for the strongest states, because the rules
(no immediate re-election, one seat at a time) cap how often anyone can win. So the draw weights
``w_s`` are *fitted* (:func:`calibrate`, ``fit`` = 6 iterations on 200 seeded draws) until the
status quo's simulated service rate of each state over the calibration years matches ``r_s``:
``w_s ← w_s · (r_s / simulated_s) ** 0.8``, starting from ``w_s = r_s``.

**Seats, terms and staggering.** Named holders sit throughout. An unnamed permanent seat is held
by one state for the whole run, drawn once per draw from its group with weights
``strength ** 4`` (:data:`PERMANENT_KAPPA`: the likeliest are the states that served most).
Elected and long-term seats have terms of ``term_years``;
their seats are spread over staggered cohorts (a seat's terms start in years ≡ offset mod term).
Two-year classes follow the status quo's odd/even pattern: terms starting in even years hold
2 African, 1 Asia-Pacific, 1 Eastern European and 1 Latin American seat, terms starting in odd
years 1 African, 1 Asia-Pacific, 1 Latin American and 2 WEOG seats (GA res. 1991 A (XVIII);
Security Council Report election reports); other counts are balanced between the cohorts.

**Elections.** Each year, the seats whose terms start are filled by drawing states without
replacement with probability proportional to strength (Gumbel top-k sampling) among the group's
UN members who are not sitting that year. Where the design forbids immediate re-election
(Charter Art. 23(2)) members whose term just ended are excluded; where it allows it, each
retiring member is re-elected with probability ``reelect`` (default 0.5, an assumption: no
re-election record exists for such seats), else it stands down.

**Two-thirds rule** (GA rule 83). A winner needs two-thirds of the Assembly; the model keeps
only candidates whose strength is at least ``threshold`` × the strongest candidate's (default
0.0, i.e. no exclusion: the backtest found no threshold that improves the Brier score, because
states that had never served keep winning seats — the rule's effect is absorbed in the
calibrated strengths). This is a documented simplification of repeated balloting.

**Arab swing seat.** By an unrecorded understanding ("since 1968 there has always been an Arab
state on the Council", Security Council Report, What's in Blue, 18 Oct 2013), one seat
alternates between an Arab state of Africa (terms starting in years ≡ 0 mod 4, e.g. Tunisia
2020–21, Algeria 2024–25) and of the Asia-Pacific Group (years ≡ 2 mod 4: Kuwait 2018–19, UAE
2022–23, Bahrain 2026–27). Applied from 1968 to designs with two-year, non-re-eligible elected
African and Asia-Pacific classes: one winner of that cohort is drawn among the Arab League
members of the group (:data:`ARAB_STATES`).

Validation: :func:`backtest` calibrates on 1966–2005 and predicts 2006–2025 under the status
quo; the Brier score of P(state sits in year) is compared with a uniform-within-group baseline.
"""

from __future__ import annotations

__all__ = [
    "ARAB_STATES",
    "ElectionModel",
    "ElectionSim",
    "calibrate",
    "simulate",
    "elections_occupancy",
    "backtest",
    "member_in_year",
    "universe",
]

from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache

import numpy as np

from unsclab.designs.model import Design, SeatClass
from unsclab.groups import OPEN

P5 = ("CHN", "FRA", "RUS", "GBR", "USA")

#: Arab League members (League of Arab States, Pact of 1945 and later accessions; Syria's
#: suspension 2011–2023 ignored), by UN regional group — the pool of the Arab swing seat.
ARAB_STATES: dict[str, tuple[str, ...]] = {
    "AG": ("DZA", "COM", "DJI", "EGY", "LBY", "MRT", "MAR", "SOM", "SDN", "TUN"),
    "APG": ("BHR", "IRQ", "JOR", "KWT", "LBN", "OMN", "QAT", "SAU", "SYR", "ARE", "YEM"),
}

#: Status quo's staggering of two-year seats: (terms starting in even years, in odd years).
STATUS_QUO_COHORTS = {"AG": (2, 1), "APG": (1, 1), "EEG": (1, 0), "GRULAC": (1, 1), "WEOG": (0, 2)}

LAST_KNOWN_YEAR = 2027  # members elected in June 2025 and June 2026 (sc_elections.csv)

#: Unnamed permanent seats are drawn once with weights strength ** PERMANENT_KAPPA: a permanent
#: seat is a one-off choice concentrated on the states with the longest service (assumption).
PERMANENT_KAPPA = 4.0


# ----------------------------------------------------------------------------- states

@cache
def universe() -> tuple[str, ...]:
    """States that can hold a seat: the 193 members and historical states with a group
    (Czechoslovakia, Yugoslavia, the GDR, South Yemen, Zanzibar)."""
    from unsclab.states import _table

    out = []
    for code, st in _table().items():
        if st.member or (st.group and st.successor is None) or code in ("CSK", "DDR", "YMD", "XZN"):
            out.append(code)
    return tuple(sorted(set(out)))


def _group(code: str) -> str | None:
    from unsclab.states import state

    return state(code).group


def member_in_year(code: str, year: int) -> bool:
    """UN membership proxy: cast a GA roll-call vote in ``year`` (so South Africa is out in
    1974–1993, when it was excluded from the Assembly's work); current members count as members
    in every year after the GA data ends (``LAST_GA_YEAR``, 2023)."""
    from unsclab.states import is_member
    from unsclab.votes.alignment import LAST_GA_YEAR, alignment

    al = alignment()
    i = al.index(code)
    if i is None:
        return is_member(code) and year > LAST_GA_YEAR
    if year > LAST_GA_YEAR:
        return is_member(code) and al.first_year[i] <= year
    return al.took_part(code, year)


@cache
def _membership_matrix(y0: int, y1: int) -> np.ndarray:
    """(years, universe) boolean membership."""
    U = universe()
    return np.array([[member_in_year(s, y) for s in U] for y in range(y0, y1 + 1)], dtype=bool)


def membership(years: range) -> np.ndarray:
    lo, hi = min(years), max(years)
    return _membership_matrix(lo, hi)


@cache
def _membership_by_year() -> dict[int, tuple[str, ...]]:
    """Council members by year, from the ``membership`` table of the data layers."""
    from unsclab.data.layers import load_table

    df = load_table("membership")
    out: dict[int, list[str]] = {}
    for y, s in zip(df["year"].astype(int), df["iso3"].astype(str)):
        out.setdefault(y, []).append(s)
    return {y: tuple(sorted(v)) for y, v in out.items()}


def real_members(year: int) -> tuple[str, ...]:
    """Council members in ``year`` (the ``membership`` table), P5 included."""
    return _membership_by_year().get(year, ())


# ----------------------------------------------------------------------------- calibration

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
        codes = [s for s in U if _group(s) == g and s not in P5]
        n = sum(served[s] for s in codes)
        e = sum(elig[s] for s in codes)
        rate[g] = n / e if e else 0.0
    strength = {}
    for s in U:
        if s in P5:
            continue
        g = _group(s)
        rg = rate.get(g or "", 0.05)
        strength[s] = (served[s] + alpha * rg) / (elig[s] + alpha)
    model = ElectionModel((lo, hi), alpha, strength, served, elig, rate, kappa, threshold,
                          reelect)
    if fit <= 0:
        return model
    from unsclab.designs import load_design

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


# ----------------------------------------------------------------------------- simulation

@dataclass
class _Slot:
    cls: SeatClass
    offset: int  # terms start in years y with (y - offset) % term == 0
    seat_index: int  # position in design.seat_list()


def _cohorts(design: Design) -> list[_Slot]:
    """Non-permanent unnamed seats with their staggering offsets."""
    seats = design.seat_list()
    slots: list[_Slot] = []
    load: dict[int, dict[int, int]] = {}  # term length -> offset -> seats
    for c in design.seats:
        if c.kind == "permanent":
            continue
        idx = [i for i, s in enumerate(seats) if s.seat_class == c.id and s.holder is None]
        T = c.term_years or 2
        if T == 2 and c.group in STATUS_QUO_COHORTS:
            even, odd = STATUS_QUO_COHORTS[c.group]
            base = [0] * min(even, len(idx)) + [1] * min(odd, max(0, len(idx) - even))
        else:
            base = []
        counts = load.setdefault(T, {})
        for o in base:
            counts[o] = counts.get(o, 0) + 1
        offsets = list(base)
        for _ in range(len(idx) - len(base)):
            o = _least_loaded(counts, T)
            counts[o] = counts.get(o, 0) + 1
            offsets.append(o)
        slots.extend(_Slot(c, o, i) for i, o in zip(idx, offsets))
    return slots


def _least_loaded(counts: dict[int, int], term: int) -> int:
    """The staggering offset (0 … term-1) with the fewest seats so far, the smallest on ties.

    ``counts`` holds only offsets already used, so the work grows with the seats, not the term.
    """
    if len(counts) < term:  # an offset has no seat yet: the smallest such
        o = 0
        while o in counts:
            o += 1
        return o
    return min(counts, key=lambda o: (counts[o], o))


def _arab_classes(design: Design) -> dict[str, str]:
    """Group → class id of the Arab swing seat, when the design has the status-quo shape."""
    out = {}
    for g in ("AG", "APG"):
        for c in design.seats:
            if c.kind == "elected" and c.group == g and c.term_years == 2 and not c.re_eligible \
                    and not c.eligible and not c.constituency:
                out[g] = c.id
                break
    return out if len(out) == 2 else {}


def _pool_mask(design: Design, c: SeatClass, U: tuple[str, ...]) -> np.ndarray:
    named = set(design.named_holders) | set(P5)
    if c.eligible:
        ok = set(c.eligible)
        return np.array([s in ok and s not in named for s in U])
    if c.group != OPEN:
        return np.array([_group(s) == c.group and s not in named for s in U])
    return np.array([s not in named for s in U])


@dataclass
class ElectionSim:
    """Simulated holders: ``holders[d, y, k]`` is the index in ``states`` of the holder of seat
    ``k`` (of ``design.seat_list()``) in year ``years[y]`` in draw ``d`` (−1: empty)."""

    design: Design
    years: np.ndarray
    states: tuple[str, ...]
    holders: np.ndarray
    draws: int
    seed: int | None
    model: ElectionModel
    notes: list[str] = field(default_factory=list)

    def sit_probability(self) -> np.ndarray:
        """(years, states): probability that each state sits in each year."""
        D, Yn, K = self.holders.shape
        out = np.zeros((Yn, len(self.states)))
        for y in range(Yn):
            h = self.holders[:, y, :]
            flat = h[h >= 0]
            # a state holds at most one seat in a year, so counts / draws is the probability
            out[y] = np.bincount(flat, minlength=len(self.states)) / D
        return out

    def class_shares(self) -> dict[str, dict[str, Fraction]]:
        """Mean seats of each class held per year, per state (exact rational of the sample)."""
        seats = self.design.seat_list()
        D, Yn, K = self.holders.shape
        total = D * Yn
        out: dict[str, dict[str, Fraction]] = {c.id: {} for c in self.design.seats}
        for k, seat in enumerate(seats):
            h = self.holders[:, :, k].ravel()
            counts = np.bincount(h[h >= 0], minlength=len(self.states))
            for i in np.flatnonzero(counts):
                code = self.states[i]
                out[seat.seat_class][code] = out[seat.seat_class].get(code, Fraction(0)) + \
                    Fraction(int(counts[i]), total)
        return out


def _gumbel_pick(keys: np.ndarray, allowed: np.ndarray, k: int) -> np.ndarray:
    """Per row, the indices of the k largest keys among allowed columns (−1 if none left)."""
    keys = np.where(allowed, keys, -np.inf)
    out = np.full((keys.shape[0], k), -1, dtype=np.int64)
    for j in range(k):
        best = np.argmax(keys, axis=1)
        ok = np.isfinite(keys[np.arange(len(best)), best])
        out[:, j] = np.where(ok, best, -1)
        keys[np.arange(len(best)), best] = -np.inf
    return out


def simulate(design: Design, years: range | tuple[int, int], draws: int = 1000,
             seed: int | None = 1, *, model: ElectionModel | None = None,
             rng: np.random.Generator | None = None, arab_swing: bool | None = None,
             burn_in: int | None = None, incumbents: bool = True,
             known_until: int = LAST_KNOWN_YEAR,
             unavailable: dict[int, set[str]] | None = None) -> ElectionSim:
    """Simulate elections to ``design`` for ``years`` (inclusive range), ``draws`` times.

    ``incumbents``: seed two-year classes with the real members (membership table) whose terms
    continue into the first simulated year, and exclude the real members retiring the year
    before (no immediate re-election); in years up to ``known_until`` (default 2027, the last
    year the membership table lists) the real members elected for terms starting that year take
    their seats in two-year elected classes of their group before the other seats are drawn. Otherwise the run
    starts ``burn_in`` years early (default: the longest term) from empty seats. ``unavailable`` maps a year to states that cannot take a
    simulated seat that year (replay: the states really sitting).
    """
    if isinstance(years, tuple):
        years = range(years[0], years[1] + 1)
    model = model or default_model()
    rng = rng if rng is not None else np.random.default_rng(seed)
    U = universe()
    uidx = {s: i for i, s in enumerate(U)}
    seats = design.seat_list()
    K = len(seats)
    slots = _cohorts(design)
    maxterm = max([c.term_years or 1 for c in design.seats] + [1])
    y_first, y_last = min(years), max(years)
    prev_real = set(real_members(y_first - 1)) if y_first - 1 <= known_until else set()
    seeded = incumbents and bool(prev_real)
    start = y_first if seeded else y_first - (maxterm if burn_in is None else burn_in)
    sim_years = range(start, y_last + 1)
    member = membership(sim_years)
    weights = model.weights(U)
    logw = np.log(weights)
    arab = _arab_classes(design) if arab_swing in (None, True) else {}
    arab_mask = {g: np.array([s in ARAB_STATES[g] for s in U]) for g in ARAB_STATES}
    pools = {c.id: _pool_mask(design, c, U) for c in design.seats}

    holders = np.full((draws, len(years), K), -1, dtype=np.int16)
    cur = np.full((draws, K), -1, dtype=np.int64)
    # named holders
    for k, s in enumerate(seats):
        if s.holder is not None and s.holder in uidx:
            cur[:, k] = uidx[s.holder]
    # unnamed permanent seats: drawn once per draw by strength
    taken = np.zeros((draws, len(U)), dtype=bool)
    for k in np.flatnonzero(cur[0] >= 0):
        taken[:, cur[0, k]] = True
    from unsclab.votes.alignment import LAST_GA_YEAR

    perm_member = member[-1] if y_first > LAST_GA_YEAR else member[sim_years.index(y_first)]
    for c in design.seats:
        if c.kind != "permanent":
            continue
        ks = [k for k, s in enumerate(seats) if s.seat_class == c.id and s.holder is None]
        if not ks:
            continue
        g = rng.gumbel(size=(draws, len(U)))
        pick = _gumbel_pick(PERMANENT_KAPPA * logw + g, pools[c.id] & perm_member & ~taken,
                            len(ks))
        for j, k in enumerate(ks):
            cur[:, k] = pick[:, j]
            ok = pick[:, j] >= 0
            taken[np.flatnonzero(ok), pick[ok, j]] = True
    # seed continuing two-year members
    if seeded:
        before = set(real_members(y_first - 2))
        continuing = sorted(prev_real - before - set(P5))
        for c in design.seats:
            T = c.term_years or 0
            if c.kind == "permanent" or T != 2:
                continue
            open_slots = [sl for sl in slots if sl.cls.id == c.id
                          and (y_first - 1 - sl.offset) % T == 0]
            fits = [s for s in continuing if s in uidx and pools[c.id][uidx[s]]]
            for sl, s in zip(open_slots, fits):
                cur[:, sl.seat_index] = uidx[s]
                continuing.remove(s)
    retiring = np.zeros((draws, len(U)), dtype=bool)
    if seeded:
        for s in prev_real:
            if s in uidx:
                retiring[:, uidx[s]] = True

    for yi, y in enumerate(sim_years):
        mem = member[yi]
        starting = [sl for sl in slots
                    if (y - sl.offset) % (sl.cls.term_years or 1) == 0 or y == start]
        if seeded and y == start:
            starting = [sl for sl in starting if cur[0, sl.seat_index] < 0]
        start_cols = [sl.seat_index for sl in starting]
        old = cur[:, start_cols].copy() if start_cols else np.zeros((draws, 0), np.int64)
        if y != start or seeded:
            retiring_now = np.zeros((draws, len(U)), dtype=bool)
            if old.size:
                rows = np.repeat(np.arange(draws), old.shape[1])
                flat = old.ravel()
                ok = flat >= 0
                retiring_now[rows[ok], flat[ok]] = True
            if y == start and seeded:
                retiring_now |= retiring
        else:
            retiring_now = np.zeros((draws, len(U)), dtype=bool)
        cur[:, start_cols] = -1
        sitting = np.zeros((draws, len(U)), dtype=bool)
        rows = np.repeat(np.arange(draws), K)
        flat = cur.ravel()
        ok = flat >= 0
        sitting[rows[ok], flat[ok]] = True
        blocked = sitting | ~mem[None, :]
        if unavailable and y in unavailable:
            for s in unavailable[y]:
                if s in uidx:
                    blocked[:, uidx[s]] = True
        by_class: dict[str, list[_Slot]] = {}
        for sl in starting:
            by_class.setdefault(sl.cls.id, []).append(sl)
        for cid, sls in by_class.items():
            c = sls[0].cls
            cols = [sl.seat_index for sl in sls]
            allowed = pools[cid][None, :] & ~blocked
            need = np.ones((draws, len(cols)), dtype=bool)
            if c.re_eligible:
                prev = old[:, [start_cols.index(k) for k in cols]]
                keep = (prev >= 0) & (rng.random(prev.shape) < model.reelect)
                keep &= ~np.take_along_axis(blocked, np.maximum(prev, 0), axis=1)
                for j, k in enumerate(cols):
                    cur[keep[:, j], k] = prev[keep[:, j], j]
                    r = np.flatnonzero(keep[:, j])
                    blocked[r, prev[r, j]] = True
                need = ~keep
                allowed = pools[cid][None, :] & ~blocked & ~retiring_now
            else:
                allowed &= ~retiring_now
            if model.threshold > 0:
                wmax = np.max(np.where(allowed, weights[None, :], 0), axis=1, keepdims=True)
                strong = allowed & (weights[None, :] >= model.threshold * wmax)
                enough = strong.sum(axis=1) >= len(cols)
                allowed = np.where(enough[:, None], strong, allowed)
            keys = logw[None, :] + rng.gumbel(size=(draws, len(U)))
            order = list(range(len(cols)))
            arab_first = None
            placed_real = False
            if seeded and y <= known_until and c.kind == "elected" and c.term_years == 2 \
                    and not c.re_eligible:
                starters = [x for x in real_members(y)
                            if x not in real_members(y - 1) and x not in P5 and x in uidx]
                j = 0
                for x in starters:
                    xi = uidx[x]
                    if j >= len(cols) or not pools[cid][xi]:
                        continue
                    free_d = ~blocked[:, xi]  # draws where the state is not already sitting
                    cur[free_d, cols[j]] = xi
                    need[free_d, j] = False
                    allowed[:, xi] = False
                    blocked[free_d, xi] = True
                    placed_real = True
                    j += 1
            if y >= 1968 and arab and not placed_real:
                g = "AG" if y % 4 == 0 else "APG" if y % 4 == 2 else None
                if g and arab.get(g) == cid and any(sl.offset == y % 2 for sl in sls):
                    arab_first = g
            for j in order:
                a = allowed.copy()
                if j == 0 and arab_first:
                    only = a & arab_mask[arab_first][None, :]
                    a = np.where(only.any(axis=1)[:, None], only, a)
                pick = _gumbel_pick(keys, a, 1)[:, 0]
                pick = np.where(need[:, j], pick, -2)
                k = cols[j]
                chosen = pick >= 0
                cur[chosen, k] = pick[chosen]
                allowed[np.flatnonzero(chosen), pick[chosen]] = False
                blocked[np.flatnonzero(chosen), pick[chosen]] = True
        if y >= y_first:
            holders[:, y - y_first, :] = cur
    return ElectionSim(design, np.arange(y_first, y_last + 1), U, holders, draws, seed, model)


def elections_occupancy(design: Design, years: range | tuple[int, int] = (2027, 2060),
                        draws: int = 1000, seed: int | None = 1):
    """Expected occupancy of the design's seats under the elections model, as an
    :class:`unsclab.occupancy.Occupancy` with method ``"elections"`` (shares are the exact
    rational means of the simulated sample)."""
    from unsclab.occupancy import Occupancy

    sim = simulate(design, years, draws, seed)
    return Occupancy(design.id, "elections", sim.class_shares())


# ----------------------------------------------------------------------------- backtest

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
    elig = np.array([s not in P5 and _group(s) is not None for s in U])
    truth = np.array([[s in real_members(y) for s in U] for y in years], dtype=float)
    seats_by_group = {}
    for c in design.seats:
        if c.kind != "permanent":
            seats_by_group[c.group] = seats_by_group.get(c.group, 0) + c.count
    base = np.zeros_like(P)
    for yi in range(len(years)):
        for g, n in seats_by_group.items():
            m = member[yi] & elig & np.array([_group(s) == g for s in U])
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
        states.append({"iso3": U[i], "group": _group(U[i]),
                       "predicted_years": float(served_pred[i]),
                       "actual_years": int(served_true[i])})
    groups = []
    for g in ("AG", "APG", "EEG", "GRULAC", "WEOG"):
        m = np.array([_group(s) == g for s in U])
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
