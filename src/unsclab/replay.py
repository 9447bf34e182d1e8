"""Replay the Council's history under any design: would the Council have acted?

``replay(design, record, period, draws, seed)`` re-decides every recorded vote (1946–2025) as if
``design`` had been in force, with Monte Carlo uncertainty over who would have sat and how they
would have voted.

Seats, for each decision
------------------------
1. **Real members keep their seats where the design has one.** Named holders (the P5, and any
   named new permanent member) sit in their own seats. The other real members fill the design's
   non-permanent seats as :func:`unsclab.rules.seat_ballot` would: a seat of their own regional
   group first, then an open seat, then any seat left. If the design has fewer such seats than
   there were real elected members (e.g. the 1945 Charter's six seats after 1966), the ones who
   sit are drawn uniformly among them, once per draw and year.
2. **Unnamed permanent seats** are held, in each draw, by the states of a random order of the
   seat's group drawn with weights ``strength ** 4`` (:data:`PERMANENT_KAPPA`; the elections
   model's calibrated strengths, so Japan, Brazil, Germany, India … are the likeliest), taking
   at each date the first states of the order that are UN members then. When such a holder
   really sat that day, its real vote moves to
   the permanent seat and the elected seat it leaves is filled as in 3.
3. **Seats left empty** are filled, per draw, by terms: each empty elected or long-term seat is
   held for terms of its class's length, staggered as :mod:`unsclab.elections` staggers the
   class, by a state drawn with probability proportional to its fitted electability among the
   seat pool's UN members who sit in none of the term's years and hold no other seat then;
   without re-eligibility the previous term's holder is excluded. (The seat a drawn permanent
   holder leaves, see 2, is filled year by year.)
4. A named holder who did not really sit is a simulated seat with a fixed holder (if a UN member
   that year; otherwise the seat is empty).

Votes
-----
Real votes where the state really voted (``NV`` and unknown votes count as not voting).
Simulated holders' votes are drawn from the vote model's probabilities
(:class:`unsclab.votes.AlignmentVoteModel`, from the real members' votes on that decision and the
holder's GA alignment with them). Decisions the Record marks as **adopted without a vote** are
adopted under every design (every seat counts as in favour, as the Library's voting data records
them). Decisions marked **procedural** are decided with the procedural quota and no veto.

Decision rule
-------------
Vectorised over draws × decisions: the votes of the seats are small integers and the rule is
counting — affirmative votes against the quota, negative votes (or, with
``abstention_blocks``, anything but "yes", absence included) of veto seats against
``veto.negatives``, affirmative votes of each extra-majority clause's seats — in the order of
:func:`unsclab.rules.decide` (short of the quota → failed; else veto → vetoed; else unmet
clause → failed; else adopted). ``tests/replay`` proves it equal to ``decide`` on every historical
decision for the design in force and on random draws for every catalogue design.

Subjects
--------
Each decision gets a subject from keywords of its title (:data:`SUBJECT_KEYWORDS`, first match
wins; "Other" otherwise): a coarse, documented coding, not WPDL's (which covers vetoed drafts to
2022 only).
"""

from __future__ import annotations

__all__ = ["replay", "replay_summary", "ReplayResult", "design_in_force", "SUBJECT_KEYWORDS", "subject_of"]

import sys
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from unsclab.designs.model import Design
from unsclab.groups import OPEN
from unsclab.votes.data import ABSENT, A, CouncilVotes, N, NV, UNKNOWN, Y, council_votes

ADOPTED, VETOED, FAILED = 0, 1, 2

from unsclab.elections import PERMANENT_KAPPA  # noqa: E402  (strength ** 4 for permanent seats)
OUTCOME_NAMES = ("adopted", "vetoed", "failed")
_OUT = {"adopted": ADOPTED, "vetoed": VETOED, "failed": FAILED}

#: Title keywords → subject (case-insensitive, first match wins).
SUBJECT_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Admission and appointments", ("admission", "appointment of the secretary-general",
                                    "secretary-general of the united nations",
                                    "international court of justice", "election of",
                                    "date of election", "vacancy", "new members",
                                    "membership in the united nations")),
    ("Middle East", ("israel", "palestin", "middle east", "lebanon", "syria", "golan",
                     "jerusalem", "iraq", "kuwait", "iran", "yemen", "jordan", "gaza",
                     "suez", "egypt", "arab", "unef", "disengagement observer", "undof", "unifil",
                     "untso", "unikom", "unami", "unmovic", "unscom", "hariri", "oil-for-food")),
    ("Africa", ("africa", "congo", "sudan", "somalia", "namibia", "rhodesia", "angola",
                "mozambique", "liberia", "sierra leone", "côte", "cote", "ivoire", "rwanda",
                "burundi", "mali", "libya", "sahara", "ethiopia", "eritrea", "chad", "guinea",
                "senegal", "zambia", "botswana", "lesotho", "benin", "uganda", "tanzania",
                "seychelles", "comoros", "mauritania", "zimbabwe", "great lakes", "sahel",
                "tunisia", "darfur", "abyei", "unita", "minurso", "monusco", "monuc", "unmiss",
                "unmis", "unamid", "unisfa", "minusma", "minusca", "unmil", "unoci", "unamsil",
                "unomsil", "unamir", "unavem", "onumoz", "unmee", "amisom", "unsom", "onub",
                "uganda", "kenya", "gambia", "nigeria", "cameroon", "niger")),
    ("Europe", ("bosnia", "yugoslav", "croatia", "kosovo", "cyprus", "georgia", "ukraine",
                "greek", "greece", "trieste", "hungary", "czechoslovak", "berlin", "albania",
                "macedonia", "serbia", "spain", "spanish", "abkhazia", "balkan", "corfu",
                "unficyp", "unprofor", "unmik", "unomig", "unmop", "prevlaka", "sfor", "kfor",
                "eufor", "moldova", "armenia", "azerbaijan", "unpredep", "protection force")),
    ("Asia and the Pacific", ("korea", "afghanistan", "cambodia", "kampuchea", "timor",
                              "india", "pakistan", "kashmir", "viet", "laos", "myanmar",
                              "nepal", "tajikistan", "indonesia", "bangladesh", "thailand",
                              "china", "formosa", "taiwan", "bougainville", "papua",
                              "hyderabad", "bahrain", "unmogip", "unmot", "unama", "unmit", "untaet",
                              "taliban", "sri lanka", "philippines", "solomon")),
    ("Americas", ("haiti", "cuba", "panama", "nicaragua", "guatemala", "el salvador",
                  "colombia", "grenada", "dominican", "falkland", "malvinas",
                  "central america", "venezuela", "honduras", "caribbean", "minustah", "unmih",
                  "binuh", "minujusth", "mexico", "chile", "argentina", "guyana", "belize")),
    ("Thematic", ("terroris", "non-proliferation", "weapons", "nuclear", "child",
                  "women", "civilians", "peacekeeping", "climate", "small arms", "sanctions",
                  "threats to international peace", "maintenance of international peace",
                  "piracy", "humanitarian", "tribunal", "justice", "sexual violence",
                  "explosives")),
)


def subject_of(title: str) -> str:
    low = (title or "").lower()
    for name, words in SUBJECT_KEYWORDS:
        if any(w in low for w in words):
            return name
    return "Other"


@cache
def _design_by_id(design_id: str) -> Design:
    from unsclab.designs import load_design

    return load_design(design_id)


def design_in_force(year: int) -> Design:
    """The Charter of 1945 before 1966, the status quo (15 members) from 1966."""
    return _design_by_id("charter-1945" if year < 1966 else "status-quo")


# ----------------------------------------------------------------------------- helpers

def _group(code: str) -> str | None:
    from unsclab.states import state

    try:
        return state(code).group
    except KeyError:
        return None


@dataclass(frozen=True)
class _Channel:
    """A simulated seat: its class, whether it carries a veto, and its majority clauses."""

    kind: str          # "perm" | "class" | "named" | "aux"
    cls: str           # seat class id
    slot: int          # slot within the kind/class (perm seat number, free-seat number)
    veto: bool
    majorities: tuple[int, ...]
    holder: str | None = None  # fixed holder (kind "named")


@dataclass
class _Placement:
    fixed: dict[str, str]          # real member → class
    free: dict[str, int]           # class → seats left for simulation
    lottery: list[str] | None      # real non-named members when they overflow the seats
    capacity: int                  # seats for them in that case
    named_absent: list[str]        # named holders not sitting


def _special(design: Design) -> set[str]:
    special = set(design.rule.veto.classes) | set(design.rule.veto.deferred)
    for maj in design.rule.majorities:
        special |= set(maj.classes)
    return special


def _place(design: Design, members: tuple[str, ...]) -> _Placement:
    """Seat real members as :func:`unsclab.rules.seat_ballot` does (non-permanent classes)."""
    named = design.named_holders
    fixed: dict[str, str] = {}
    free = {c.id: c.count - len(c.holders) for c in design.seats}
    others = []
    for m in members:
        if m in named:
            fixed[m] = named[m]
        else:
            others.append(m)
    special = _special(design)
    # ordinary (plain) non-permanent classes first, as seat_ballot; then special non-permanent
    plain = [c for c in design.seats if c.kind != "permanent" and c.id not in special]
    extra = [c for c in design.seats if c.kind != "permanent" and c.id in special]
    capacity = sum(free[c.id] for c in plain + extra)
    named_absent = [h for h in named if h not in fixed]
    if len(others) > capacity:
        for c in plain + extra:
            free[c.id] = 0
        return _Placement(fixed, free, sorted(others), capacity, named_absent)
    for classes in (plain, extra):
        for pass_ in ("group", "open", "any"):
            for code in list(others):
                g = _group(code)
                for c in classes:
                    if free[c.id] == 0:
                        continue
                    if (pass_ == "group" and c.group == g) or pass_ == "any" \
                            or (pass_ == "open" and c.group == OPEN):
                        free[c.id] -= 1
                        fixed[code] = c.id
                        others.remove(code)
                        break
    # unnamed permanent seats are filled by the draw, never by real members here
    return _Placement(fixed, free, None, 0, named_absent)


def _pool(design: Design, cls_id: str, U: tuple[str, ...]) -> np.ndarray:
    from unsclab.elections import _pool_mask

    return _pool_mask(design, design.seat_class(cls_id), U)


def _weighted_draw(rng: np.random.Generator, wy: np.ndarray, need: np.ndarray,
                   taken: np.ndarray, pool: np.ndarray, draws: int,
                   rounds: int = 4) -> np.ndarray:
    """For each (draw, year) with ``need[year]``, pick a pool position with probability
    proportional to the year's weights ``wy`` (Y × P) among states not yet ``taken`` in that
    draw and year, and mark it taken. A few rounds of rejection (redraw a pick already taken)
    and then an exact masked draw for the rest: the law of a sequential weighted draw without
    replacement. −1 where nobody is left."""
    Yn, P = wy.shape
    cum = np.cumsum(wy, axis=1)
    total = cum[:, -1]
    out = np.full((draws, Yn), -1, dtype=np.int64)
    span = float(total.max()) + 1.0
    flat = (cum + np.arange(Yn)[:, None] * span).ravel()
    ys = np.flatnonzero(need & (total > 0))
    d = np.repeat(np.arange(draws), len(ys))
    y = np.tile(ys, draws)
    for _ in range(rounds):
        if len(d) == 0:
            break
        u = rng.random(len(d)) * total[y]
        idx = np.minimum(np.searchsorted(flat, u + y * span, side="right") - y * P, P - 1)
        bad = taken[d, y, pool[idx]]
        ok = ~bad
        out[d[ok], y[ok]] = idx[ok]
        taken[d[ok], y[ok], pool[idx[ok]]] = True
        d, y = d[bad], y[bad]
    if len(d):
        wrest = wy[y] * ~taken[d[:, None], y[:, None], pool[None, :]]
        c = np.cumsum(wrest, axis=1)
        tot = c[:, -1]
        u = rng.random(len(d)) * tot
        idx = np.minimum((c <= u[:, None]).sum(axis=1), P - 1)
        has = tot > 0
        out[d[has], y[has]] = idx[has]
        taken[d[has], y[has], pool[idx[has]]] = True
    return out


def _term_draw(rng: np.random.Generator, y0: int, Yn: int, term: int, offset: int,
               need: np.ndarray, pool: np.ndarray, w: np.ndarray, member: np.ndarray,
               sitting_year: np.ndarray, taken: np.ndarray, draws: int,
               re_eligible: bool) -> np.ndarray:
    """Holders (draws × years, universe index) of one simulated seat elected for terms of
    ``term`` years starting in years ≡ ``offset`` (mod term) (the first term is cut at the start
    of the period). Each term's holder is drawn by weight among the pool's UN members (at the
    term's start) who sit in none of the term's needed years and hold no other seat then in that
    draw; without re-eligibility the previous term's holder is excluded."""
    out = np.full((draws, Yn), -1, dtype=np.int64)
    starts = [0] + [k for k in range(1, Yn) if (y0 + k - offset) % term == 0]
    ends = starts[1:] + [Yn]
    prev = np.full(draws, -1, dtype=np.int64)
    rows = np.arange(draws)
    pos_in_pool = np.full(len(w), -1, dtype=np.int64)
    pos_in_pool[pool] = np.arange(len(pool))
    for a, b in zip(starts, ends):
        needed = np.arange(a, b)[need[a:b]]
        if len(needed) == 0:
            prev[:] = -1
            continue
        ok = member[a, pool] & ~sitting_year[needed][:, pool].any(axis=0)
        wb = np.where(ok, w[pool], 0.0)
        cumb = np.cumsum(wb)
        if cumb[-1] <= 0:
            prev[:] = -1
            continue
        # one round of sampling from the term's weights, rejecting states that hold another
        # seat in that draw (or held this one the term before, without re-eligibility); the
        # rejected draws are then drawn exactly from their restricted weights — together the
        # law of a draw from the restricted weights
        idx = np.minimum(np.searchsorted(cumb, rng.random(draws) * cumb[-1], side="right"),
                         len(pool) - 1)
        pick = pool[idx]
        bad = taken[rows[:, None], needed[None, :], pick[:, None]].any(axis=1)
        if not re_eligible:
            bad |= pick == prev
        if bad.any():
            r = rows[bad]
            busy = taken[np.ix_(r, needed, pool)].any(axis=1)
            wd = wb[None, :] * ~busy
            if not re_eligible:
                pp = pos_in_pool[np.maximum(prev[r], 0)]
                hit = (prev[r] >= 0) & (pp >= 0)
                wd[np.flatnonzero(hit), pp[hit]] = 0.0
            cum = np.cumsum(wd, axis=1)
            tot = cum[:, -1]
            j = np.minimum((cum <= (rng.random(len(r)) * tot)[:, None]).sum(axis=1),
                           len(pool) - 1)
            pick[r] = np.where(tot > 0, pool[j], -1)
        out[:, a:b] = pick[:, None]
        has = pick >= 0
        for y in needed:
            taken[rows[has], y, pick[has]] = True
        prev = pick
    return out


# ----------------------------------------------------------------------------- predictions

@cache
def _predictions(cv_key: int) -> tuple[np.ndarray, np.ndarray]:
    """Cumulative vote probabilities (T × U) P(Y) and P(Y)+P(A) for every state of the
    elections universe, on every decision of the (full) record. Cached on disk (``.npz``,
    keyed by the record's votes, the states and the vote model's parameters)."""
    import hashlib
    from dataclasses import astuple

    from unsclab.data.fetch import cache_dir
    from unsclab.elections import universe
    from unsclab.votes.model import default_vote_model

    cv = _CV[cv_key]
    model = default_vote_model()
    U = list(universe())
    h = hashlib.sha256()
    for part in (cv.votes.tobytes(), cv.ids.tobytes(), cv.without_vote.tobytes(),
                 cv.years.tobytes(), " ".join(cv.states).encode(), " ".join(U).encode(),
                 repr(astuple(model.params)).encode(),
                 model.alignment.agree.sum(dtype=np.float64).tobytes()):
        h.update(part)
    path = cache_dir() / f"replay-predictions-{h.hexdigest()[:20]}.npz"
    if path.is_file():
        try:
            z = np.load(path, allow_pickle=False)
            return z["cy"], z["cya"]
        except (OSError, ValueError, KeyError):
            pass  # rebuilt below
    T = len(cv)
    cy = np.ones((T, len(U)), dtype=np.float32)
    cya = np.ones((T, len(U)), dtype=np.float32)
    for t in range(T):
        if cv.without_vote[t]:
            continue
        P = model.predict_decision(cv, t, U)
        cy[t] = P[:, 0]
        cya[t] = P[:, 0] + P[:, 1]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, cy=cy, cya=cya)
        tmp.replace(path)
    except OSError:
        pass
    return cy, cya


_CV: dict[int, CouncilVotes] = {}


def _register(cv: CouncilVotes) -> int:
    key = id(cv)
    _CV[key] = cv
    return key


# ----------------------------------------------------------------------------- result

@dataclass
class ReplayResult:
    """The outcome of a replay.

    ``outcomes[d, t]`` (int8: 0 adopted, 1 vetoed, 2 failed) per draw and decision; ``prob``
    (T × 3) the probabilities; ``modal`` the modal outcome; ``history`` the real outcome.
    Trails (who sat, real and predicted votes, why) come from :meth:`trail`.
    """

    design: Design
    cv: CouncilVotes
    period: tuple[int, int]
    draws: int
    seed: int | None
    outcomes: np.ndarray
    sampled: np.ndarray                # decisions whose outcome depended on simulated votes
    history: np.ndarray
    channels: list[_Channel]
    year_holders: list[np.ndarray]     # per channel: (D, years) holder index in universe, −1 empty
    yi: np.ndarray                     # decision → year index
    potential: list[np.ndarray]        # per channel: decisions where it may be active
    perm_of: dict[int, int]            # aux channel → its permanent channel
    ch_data: dict[int, tuple[np.ndarray, np.ndarray | None]]  # sampled votes (cols, (D, Tc))
    lottery: dict[int, np.ndarray]     # decision → (D, m) sits mask of the lottery members
    placements: list[_Placement]
    universe: tuple[str, ...]
    notes: list[str] = field(default_factory=list)
    rows: np.ndarray | None = None     # decision → row of the full record
    record_key: int = 0                # key of the full record in the prediction cache

    @property
    def prob(self) -> np.ndarray:
        T = self.outcomes.shape[1]
        out = np.zeros((T, 3))
        for k in range(3):
            out[:, k] = (self.outcomes == k).mean(axis=0)
        return out

    @property
    def modal(self) -> np.ndarray:
        # ties broken towards the historical outcome, then adopted < vetoed < failed
        p = self.prob + 1e-9 * (np.arange(3)[None, :] == self.history[:, None])
        return np.argmax(p, axis=1)

    def summary(self, since: int | None = None, until: int | None = None) -> dict[str, Any]:
        years = self.cv.years
        m = np.ones(len(years), bool)
        if since is not None:
            m &= years >= since
        if until is not None:
            m &= years <= until
        return _totals(self, m)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "design": self.design.id,
            "period": list(self.period),
            "draws": self.draws,
            "seed": self.seed,
            **_totals(self, np.ones(len(self.cv), bool)),
        }
        decades = sorted({int(y) // 10 * 10 for y in self.cv.years})
        out["by_decade"] = {f"{d}s": _totals(self, (self.cv.years // 10 * 10) == d, brief=True)
                            for d in decades}
        subj = np.array([subject_of(t) for t in self.cv.titles])
        out["by_subject"] = {s: _totals(self, subj == s, brief=True)
                             for s in [n for n, _ in SUBJECT_KEYWORDS] + ["Other"]
                             if (subj == s).any()}
        out["notes"] = list(self.notes)
        return out

    def decisions_table(self) -> list[dict[str, Any]]:
        p = self.prob
        modal = self.modal
        return [{"symbol": self.cv.symbols[t], "date": str(self.cv.dates[t]),
                 "history": OUTCOME_NAMES[self.history[t]],
                 "modal": OUTCOME_NAMES[modal[t]], "p_adopted": float(p[t, 0]),
                 "p_vetoed": float(p[t, 1]), "p_failed": float(p[t, 2])}
                for t in range(len(self.cv))]

    def channel_votes(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        """Holders (C × D, universe index, −1 empty) and votes (C × D, codes, ABSENT when the
        seat is inactive) of the simulated seats on decision ``t``. Votes not sampled by the
        replay (they could not change the outcome) are drawn here from a generator seeded by
        (seed, decision), so a trail repeats exactly."""
        cv = self.cv
        C, D = len(self.channels), self.draws
        H = np.full((C, D), -1, dtype=np.int64)
        Vt = np.full((C, D), ABSENT, dtype=np.int8)
        row = int(self.rows[t]) if self.rows is not None else t
        cy, cya = _predictions(self.record_key)
        lazy = np.random.default_rng([0 if self.seed is None else int(self.seed), row, 5]) \
            .random((C, D))
        wov = bool(cv.without_vote[t])
        for k, ch in enumerate(self.channels):
            h = self.year_holders[k][:, self.yi[t]].astype(np.int64)
            H[k] = h
            if ch.kind == "perm":
                act = h >= 0
            elif ch.kind == "aux":
                hp = self.year_holders[self.perm_of[k]][:, self.yi[t]]
                sat = np.array([hp_d >= 0 and self.universe[hp_d] in cv._col
                                and cv.votes[t, cv.column(self.universe[hp_d])] != ABSENT
                                for hp_d in hp])
                act = sat & (h >= 0)
            else:
                act = (h >= 0) & bool(np.isin(t, self.potential[k]))
            stored = self.ch_data.get(k)
            if stored is not None and stored[1] is not None:
                pos = np.searchsorted(stored[0], t)
                if pos < len(stored[0]) and stored[0][pos] == t:
                    Vt[k] = stored[1][:, pos]
                    continue
            hh = np.maximum(h, 0)
            u = lazy[k]
            v = (u >= cy[row, hh]).astype(np.int8) + (u >= cya[row, hh]).astype(np.int8)
            if ch.kind == "perm":
                for d in np.flatnonzero(act):
                    code = self.universe[hh[d]]
                    if code in cv._col and cv.votes[t, cv.column(code)] != ABSENT:
                        rv = int(cv.votes[t, cv.column(code)])
                        v[d] = rv if rv in (Y, A, N) else NV
            if wov:
                v[:] = Y
            Vt[k] = np.where(act, v, ABSENT)
        return H, Vt

    def ballot(self, d: int, t: int) -> tuple[dict[str, str], dict[str, str]]:
        """The full ballot of draw ``d`` on decision ``t``: (ISO3 → vote, ISO3 → seat class for
        states not named in the design) — ready for :func:`unsclab.rules.decide`."""
        from unsclab.votes.data import VOTE_NAMES

        cv, pl = self.cv, self.placements[t]
        votes: dict[str, str] = {}
        seats: dict[str, str] = {}
        named = self.design.named_holders
        wov = bool(cv.without_vote[t])

        def real(code: str) -> str:
            v = int(cv.votes[t, cv.column(code)])
            return "Y" if wov else (VOTE_NAMES[v] if v in (Y, A, N) else "NV")

        for code, cls in pl.fixed.items():
            votes[code] = real(code)
            if code not in named:
                seats[code] = cls
        if pl.lottery is not None:
            for code, s in zip(pl.lottery, self.lottery[t][d]):
                if s:
                    votes[code] = real(code)
        H, Vt = self.channel_votes(t)
        for ch, h, v in zip(self.channels, H[:, d], Vt[:, d]):
            if h < 0 or v == ABSENT:
                continue
            code = self.universe[int(h)]
            votes[code] = VOTE_NAMES[int(v)]
            if code in named:
                continue
            if ch.kind == "aux":  # takes the seat its permanent-seat holder left
                seats.pop(code, None)
            else:
                seats[code] = ch.cls
        return votes, seats

    def trail(self, t: int, top: int = 5) -> dict[str, Any]:
        """Who sat, which votes were real and which predicted, and why the outcome."""
        from unsclab.rules import Ballot, decide
        from unsclab.votes.data import VOTE_NAMES

        cv, pl = self.cv, self.placements[t]
        p = self.prob[t]
        modal = int(self.modal[t])
        seats = []
        for code, cls in sorted(pl.fixed.items(), key=lambda kv: kv[1]):
            v = int(cv.votes[t, cv.column(code)])
            seats.append({"class": cls, "state": code, "vote": "Y" if cv.without_vote[t]
                          else VOTE_NAMES.get(v, "NV"), "source": "real"})
        if pl.lottery is not None:
            share = self.lottery[t].mean(axis=0)
            for code, s in zip(pl.lottery, share):
                v = int(cv.votes[t, cv.column(code)])
                seats.append({"class": "(ordinary seats, drawn)", "state": code,
                              "vote": VOTE_NAMES.get(v, "NV"), "source": "real",
                              "p_sits": float(s)})
        cy, cya = _predictions(self.record_key)
        row = int(self.rows[t]) if self.rows is not None else t
        H, Vt = self.channel_votes(t)
        for ch, h, vv in zip(self.channels, H, Vt):
            active = vv != ABSENT
            if not active.any():
                continue
            hs = h[active]
            counts = np.bincount(hs, minlength=len(self.universe))
            holders = []
            for i in np.argsort(-counts)[:top]:
                if counts[i] == 0:
                    break
                code = self.universe[i]
                really = code in cv._col and cv.votes[t, cv.column(code)] != ABSENT
                entry = {"state": code, "p_holds": float(counts[i] / self.draws)}
                if really:
                    entry["source"] = "real"
                    entry["vote"] = VOTE_NAMES.get(int(cv.votes[t, cv.column(code)]), "NV")
                else:
                    entry["source"] = "predicted"
                    entry["p"] = {"Y": float(cy[row, i]), "A": float(cya[row, i] - cy[row, i]),
                                  "N": float(1 - cya[row, i])}
                holders.append(entry)
            seats.append({"class": ch.cls, "seat": f"{ch.kind}-{ch.slot + 1}",
                          "p_active": float(active.mean()), "holders": holders})
        # the reason: decide() on the first draw with the modal outcome
        d = int(np.argmax(self.outcomes[:, t] == modal))
        votes, seat_map = self.ballot(d, t)
        dec = decide(self.design, Ballot(votes, seat_map), procedural=bool(cv.procedural[t]))
        return {
            "symbol": cv.symbols[t], "date": str(cv.dates[t]), "title": cv.titles[t],
            "design": self.design.id, "history": OUTCOME_NAMES[self.history[t]],
            "procedural": bool(cv.procedural[t]), "adopted_without_vote": bool(cv.without_vote[t]),
            "p_adopted": float(p[0]), "p_vetoed": float(p[1]), "p_failed": float(p[2]),
            "modal": OUTCOME_NAMES[modal], "seats": seats,
            "example_draw": d, "example_ballot": votes,
            "reason": dec.reason,
        }


def _totals(res: ReplayResult, m: np.ndarray, brief: bool = False) -> dict[str, Any]:
    p = res.prob[m]
    modal = res.modal[m]
    hist = res.history[m]
    out = {
        "decisions": int(m.sum()),
        "adopted": int((modal == ADOPTED).sum()),
        "vetoed": int((modal == VETOED).sum()),
        "failed": int((modal == FAILED).sum()),
        "changed": int((modal != hist).sum()),
        "vetoed_now_adopted": int(((hist == VETOED) & (modal == ADOPTED)).sum()),
        "adopted_now_failed": int(((hist == ADOPTED) & (modal != ADOPTED)).sum()),
        "expected_adopted": float(p[:, 0].sum()),
        "expected_vetoed": float(p[:, 1].sum()),
        "expected_failed": float(p[:, 2].sum()),
        "adoption_rate": float(p[:, 0].mean()) if len(p) else None,
        "historical_adopted": int((hist == ADOPTED).sum()),
        "historical_vetoed": int((hist == VETOED).sum()),
        "historical_failed": int((hist == FAILED).sum()),
    }
    if brief:
        for k in ("historical_vetoed", "historical_failed", "expected_vetoed", "expected_failed"):
            out.pop(k)
    return out


# ----------------------------------------------------------------------------- replay

def replay(design: Design | str, record: Any = None, period: tuple[int, int] = (1946, 2025),
           draws: int = 1000, seed: int | None = 1, *, rng: np.random.Generator | None = None,
           keep_votes: bool = True) -> ReplayResult:
    """Replay the recorded votes in ``period`` (inclusive years) under ``design``.

    Parameters
    ----------
    design : Design or catalogue id / path
    record : unsclab.record.Record, CouncilVotes or None (the project's Record)
    period : (first year, last year)
    draws : Monte Carlo draws
    seed : seed of the numpy Generator (ignored when ``rng`` is given)
    """
    from unsclab.designs import load_design
    from unsclab.elections import default_model, membership, universe

    design = load_design(design) if not isinstance(design, Design) else design
    rng = rng if rng is not None else np.random.default_rng(seed)
    full = council_votes(record)
    key = _register(full)
    cy_all, cya_all = _predictions(key)
    lo, hi = period
    rows = np.flatnonzero((full.years >= lo) & (full.years <= hi))
    cv = full.subset((full.years >= lo) & (full.years <= hi))
    T, D = len(cv), draws
    U = universe()
    uidx = {s: i for i, s in enumerate(U)}
    ucol = np.array([uidx[s] for s in cv.states])  # record column → universe index
    if T == 0:
        from unsclab.errors import UnsclabError

        raise UnsclabError(f"no recorded decision between {lo} and {hi}")
    y0, y1 = int(cv.years.min()), int(cv.years.max())
    Yn = y1 - y0 + 1
    yi = (cv.years - y0).astype(np.int64)
    member = membership(range(y0, y1 + 1))  # (Yn, U)
    emodel = default_model()
    w = emodel.weights(U)
    rule = design.rule
    veto_cls = set(rule.veto.classes)
    seats_of = {c.id: c for c in design.seats}

    def maj_of(cls: str, procedural_only: bool = False) -> tuple[int, ...]:
        return tuple(j for j, mj in enumerate(rule.majorities) if cls in mj.classes)

    # --- real placement per decision (cached by member set)
    cache_pl: dict[tuple[str, ...], _Placement] = {}
    placements = []
    for t in range(T):
        mem = tuple(cv.members(t))
        if mem not in cache_pl:
            cache_pl[mem] = _place(design, mem)
        placements.append(cache_pl[mem])
    sitting_year = np.zeros((Yn, len(U)), dtype=bool)
    for t in range(T):
        cols = np.flatnonzero(cv.votes[t] != ABSENT)
        sitting_year[yi[t], ucol[cols]] = True

    # --- fixed contributions (counts) per decision
    V = cv.votes
    is_wov = cv.without_vote
    is_proc = cv.procedural
    cls_ids = [c.id for c in design.seats]
    cpos = {c: i for i, c in enumerate(cls_ids)}
    veto_flag = np.array([c in veto_cls for c in cls_ids] + [False])
    keys = list(cache_pl)
    kpos = {k: i for i, k in enumerate(keys)}
    keyvec = np.full((len(keys), len(cv.states)), -1, dtype=np.int64)
    for i, k in enumerate(keys):
        for code, cls in cache_pl[k].fixed.items():
            keyvec[i, cv.column(code)] = cpos[cls]
    dkey = np.array([kpos[tuple(cv.members(t))] for t in range(T)])
    fixed_cls = keyvec[dkey]                                   # (T, S_cv)
    fixed = fixed_cls >= 0
    Vw = np.where(is_wov[:, None] & (V != ABSENT), Y, V)
    yes_fixed = ((Vw == Y) & fixed).sum(axis=1)
    veto_col = veto_flag[fixed_cls] & fixed
    veto_fixed = ((Vw == N) & veto_col).sum(axis=1)
    veto_block_fixed = ((Vw != Y) & veto_col).sum(axis=1)
    maj_fixed = np.zeros((T, len(rule.majorities)), np.int64)
    for j, mj in enumerate(rule.majorities):
        in_maj = np.array([c in mj.classes for c in cls_ids] + [False])
        maj_fixed[:, j] = ((Vw == Y) & in_maj[fixed_cls] & fixed).sum(axis=1)
    free_of = {c: np.array([pl.free.get(c, 0) for pl in placements]) for c in cls_ids}
    fixed_u = np.zeros((T, len(U)), dtype=bool)
    fixed_u[:, ucol] = fixed
    # named holders absent: counted in channels (predicted) or as empty veto seats
    # --- channels
    channels: list[_Channel] = []
    for c in design.seats:
        if c.kind == "permanent":
            for s in range(c.count - len(c.holders)):
                channels.append(_Channel("perm", c.id, s, c.id in veto_cls, maj_of(c.id)))
    n_perm = len(channels)
    for c in design.seats:
        if c.kind == "permanent" and c.count > len(c.holders):
            for s in range(c.count - len(c.holders)):
                channels.append(_Channel("aux", c.id, s, False, ()))
    max_free = {}
    for pl in cache_pl.values():
        for cid, n in pl.free.items():
            if seats_of[cid].kind != "permanent":
                max_free[cid] = max(max_free.get(cid, 0), n)
    for c in design.seats:
        for s in range(max_free.get(c.id, 0)):
            channels.append(_Channel("class", c.id, s, c.id in veto_cls, maj_of(c.id)))
    for h, cid in design.named_holders.items():
        if any(h in pl.named_absent for pl in cache_pl.values()):
            channels.append(_Channel("named", cid, 0, cid in veto_cls, maj_of(cid), holder=h))

    # --- holders per (draw, year)
    taken = np.zeros((D, Yn, len(U)), dtype=bool)
    taken |= sitting_year[None, :, :]
    for h in design.named_holders:
        if h in uidx:
            taken[:, :, uidx[h]] = True
    year_holders: list[np.ndarray] = []
    # unnamed permanent seats: a strength-weighted order per draw, first members at each year
    perm_by_class: dict[str, list[int]] = {}
    for k, ch in enumerate(channels[:n_perm]):
        perm_by_class.setdefault(ch.cls, []).append(k)
    perm_year: dict[int, np.ndarray] = {}
    for cid, ks in perm_by_class.items():
        pool = np.flatnonzero(_pool(design, cid, U))
        keys = PERMANENT_KAPPA * np.log(w[pool])[None, :] + rng.gumbel(size=(D, len(pool)))
        order = np.argsort(-keys, axis=1)                   # (D, P) positions into pool
        ordered = pool[order]                               # universe indices
        patterns: dict[bytes, np.ndarray] = {}
        hold = np.full((len(ks), D, Yn), -1, dtype=np.int64)
        for y in range(Yn):
            mem = member[y, pool]
            key_p = mem.tobytes()
            if key_p not in patterns:
                ok = mem[order]                             # (D, P)
                rank = np.cumsum(ok, axis=1)
                picks = np.full((len(ks), D), -1, dtype=np.int64)
                for j in range(len(ks)):
                    hit = ok & (rank == j + 1)
                    has = hit.any(axis=1)
                    pos = np.argmax(hit, axis=1)
                    picks[j] = np.where(has, ordered[np.arange(D), pos], -1)
                patterns[key_p] = picks
            hold[:, :, y] = patterns[key_p]
        for j, k in enumerate(ks):
            perm_year[k] = hold[j]
            hj = hold[j]
            d_i, y_i = np.nonzero(hj >= 0)
            taken[d_i, y_i, hj[d_i, y_i]] = True
    for k in range(n_perm):
        year_holders.append(perm_year[k])
    # aux and class channels: strength-weighted draws among available pool members
    from unsclab.elections import _cohorts

    offsets: dict[str, list[int]] = {}
    for sl in _cohorts(design):
        offsets.setdefault(sl.cls.id, []).append(sl.offset)
    for ch in channels[n_perm:]:
        if ch.kind == "named":
            hi_ = uidx.get(ch.holder, -1)
            ok_y = member[:, hi_] if hi_ >= 0 else np.zeros(Yn, bool)
            year_holders.append(np.broadcast_to(np.where(ok_y, hi_, -1)[None, :], (D, Yn)).copy())
            continue
        pool = np.flatnonzero(_pool(design, ch.cls, U))
        if ch.kind == "class":
            # a simulated member serves its whole term: terms of the class's length, staggered
            # as the elections model staggers the class's seats; no immediate re-election where
            # the design forbids it
            need = np.zeros(Yn, bool)
            need[np.unique(yi[free_of[ch.cls] > ch.slot])] = True
            c = seats_of[ch.cls]
            offs = offsets.get(ch.cls) or [0]
            year_holders.append(_term_draw(
                rng, y0, Yn, c.term_years or 1, offs[ch.slot % len(offs)], need, pool, w,
                member, sitting_year, taken, D, c.re_eligible))
            continue
        avail = member[:, pool] & ~sitting_year[:, pool]
        wy = np.where(avail, w[pool][None, :], 0.0)
        need = np.ones(Yn, bool)
        picks = _weighted_draw(rng, wy, need, taken, pool, D)
        year_holders.append(np.where(picks >= 0, pool[np.maximum(picks, 0)], -1))

    # --- votes per channel, on the decisions where they can change the outcome
    # Thresholds on a 16-bit uniform r: vote Y if r < tY, A if tY <= r < tYA, N otherwise
    # (probabilities resolved to 2^-16, capped at 65535/65536). Both thresholds are packed in one
    # uint32 table (decision × state, flattened) so that each seat needs a single gather.
    Un = len(U)
    tY = np.minimum(np.rint(cy_all[rows] * 65536.0), 65535).astype(np.uint32).ravel()
    tYA = np.minimum(np.rint(cya_all[rows] * 65536.0), 65535).astype(np.uint32).ravel()
    packed = tY | (tYA << 16)
    real_u = np.full((T, Un), ABSENT, dtype=np.int8)
    real_u[:, ucol] = np.where(V == UNKNOWN, NV, V)
    real_u = np.where(is_wov[:, None] & (real_u != ABSENT), Y, real_u).astype(np.int8)
    real_flat = real_u.ravel()
    fixed_flat = fixed_u.ravel()
    perm_index = {(ch.cls, ch.slot): k for k, ch in enumerate(channels) if ch.kind == "perm"}
    perm_of = {k: perm_index[(ch.cls, ch.slot)] for k, ch in enumerate(channels)
               if ch.kind == "aux"}
    year_holders = [h.astype(np.int32) for h in year_holders]

    # lottery (more real members than seats): who sits, per draw and year
    lottery: dict[int, np.ndarray] = {}
    lot_keys: dict[tuple[int, tuple[str, ...]], np.ndarray] = {}
    lot_min = np.zeros(T, np.int64)
    lot_max = np.zeros(T, np.int64)
    lot_yes: dict[int, np.ndarray] = {}
    for t, pl in enumerate(placements):
        if pl.lottery is None:
            continue
        kk = (int(yi[t]), tuple(pl.lottery))
        if kk not in lot_keys:
            m = len(pl.lottery)
            keys_l = rng.random((D, m))
            if pl.capacity:
                thr = np.sort(keys_l, axis=1)[:, m - pl.capacity]
                lot_keys[kk] = keys_l >= thr[:, None]
            else:
                lot_keys[kk] = np.zeros_like(keys_l, bool)
        sits = lot_keys[kk]
        lottery[t] = sits
        codes = np.array([Y if is_wov[t] else int(V[t, cv.column(c)]) for c in pl.lottery])
        lot_yes[t] = (sits & (codes == Y)[None, :]).sum(axis=1)
        ny = int((codes == Y).sum())
        lot_min[t] = max(0, pl.capacity - (len(codes) - ny))
        lot_max[t] = min(pl.capacity, ny)

    # where each channel can be active (a superset for the "aux" seats: the years in which
    # some draw's permanent holder really sat)
    potential: list[np.ndarray] = []
    for k, ch in enumerate(channels):
        if ch.kind == "perm":
            cols = np.arange(T)
        elif ch.kind == "aux":
            Hp = year_holders[perm_of[k]]
            hit = sitting_year[np.arange(Yn)[None, :], np.maximum(Hp, 0)] & (Hp >= 0)
            cols = np.flatnonzero(hit.any(axis=0)[yi])
        elif ch.kind == "class":
            cols = np.flatnonzero(free_of[ch.cls] > ch.slot)
        else:
            cols = np.flatnonzero([ch.holder in pl.named_absent for pl in placements])
        potential.append(cols)
    # Bounds: the outcome of most decisions cannot depend on the simulated votes (e.g. 15 real
    # "yes" under a quota of 14 with no simulated veto). Those are settled once; votes are
    # sampled only where they can change the outcome. Votes not sampled are drawn lazily, from a
    # generator of their own, when a trail or a ballot asks for them.
    n_any = np.zeros(T, np.int64)
    n_veto = np.zeros(T, np.int64)
    for k, ch in enumerate(channels):
        n_any[potential[k]] += 1
        if ch.veto:
            n_veto[potential[k]] += 1
    has_veto = bool(rule.veto.classes)
    required_t = np.where(is_proc, rule.procedural, rule.quota)
    y_lo = yes_fixed + lot_min
    y_hi = yes_fixed + lot_max + n_any
    v_lo = veto_block_fixed if rule.veto.abstention_blocks else veto_fixed
    v_hi = v_lo + n_veto
    yes_matters = (y_lo < required_t) & (y_hi >= required_t) & ~is_wov
    veto_matters = (y_hi >= required_t) & (v_lo < rule.veto.negatives) & \
        (v_hi >= rule.veto.negatives) & ~is_proc & ~is_wov & has_veto
    if rule.majorities:
        yes_matters |= ~is_wov
    sampled = yes_matters | veto_matters
    settled = np.where(
        is_wov, ADOPTED,
        np.where(y_hi < required_t, FAILED,
                 np.where(~is_proc & has_veto & (v_lo >= rule.veto.negatives), VETOED, ADOPTED)))
    S = np.flatnonzero(sampled)
    posS = np.full(T, -1, np.int64)
    posS[S] = np.arange(len(S))
    nS = len(S)
    yes = np.broadcast_to(yes_fixed[S].astype(np.int16)[None, :], (D, nS)).copy()
    for t, ly in lot_yes.items():
        if posS[t] >= 0:
            yes[:, posS[t]] += ly.astype(np.int16)
    veto_cnt = np.broadcast_to(v_lo[S].astype(np.int16)[None, :], (D, nS)).copy()
    maj_cnt = np.broadcast_to(maj_fixed[S].astype(np.int16)[None, :, :],
                              (D, nS, len(rule.majorities))).copy() if rule.majorities else None
    ch_data: dict[int, tuple[np.ndarray, np.ndarray | None]] = {}
    for k, ch in enumerate(channels):
        cols = potential[k]
        matters = sampled if (ch.veto or rule.majorities) else yes_matters
        cols = cols[matters[cols]]
        if len(cols) == 0:
            continue
        p = posS[cols]
        Hc = year_holders[k][:, yi[cols]]                          # (D, Tc)
        if sys.byteorder != "little":  # pragma: no cover
            raise RuntimeError("replay's packed tables assume a little-endian machine")
        act = Hc >= 0
        flat_idx = cols.astype(np.int64)[None, :] * Un + np.maximum(Hc, 0)
        if ch.kind == "aux":
            hp = year_holders[perm_of[k]][:, yi[cols]]
            fp = cols.astype(np.int64)[None, :] * Un + np.maximum(hp, 0)
            act &= (hp >= 0) & (real_flat.take(fp) != ABSENT)
        r = rng.integers(0, 65536, size=Hc.shape, dtype=np.uint16)
        pk = packed.take(flat_idx).view(np.uint16).reshape(Hc.shape + (2,))  # little-endian
        if not keep_votes and ch.kind in ("class", "aux", "named") and not ch.veto \
                and not ch.majorities:
            # only "yes" counts for this seat: skip building the vote codes (same draws)
            if len(cols) == nS:
                yes += (r < pk[..., 0]) & act
            else:
                yes[:, p] += (r < pk[..., 0]) & act
            ch_data[k] = (cols, None)
            continue
        v = (r >= pk[..., 0]).view(np.int8)
        v += r >= pk[..., 1]
        if ch.kind == "perm":  # a drawn holder who really sat votes as it really did ...
            rv = real_flat.take(flat_idx)
            sat = rv != ABSENT
            v = np.where(sat, rv, v)
            # ... and no longer counts in the elected seat where it was placed
            dup = act & sat & fixed_flat.take(flat_idx)
            if dup.any():
                yes[:, p] -= (dup & (rv == Y)).astype(np.int16)
        v = np.where(act, v, ABSENT).astype(np.int8)
        ch_data[k] = (cols, v if keep_votes else None)
        if len(cols) == nS:
            yes += v == Y
        else:
            yes[:, p] += v == Y
        if ch.veto:
            veto_cnt[:, p] += (v != Y) if rule.veto.abstention_blocks else (v == N)
        if maj_cnt is not None:
            for j in ch.majorities:
                maj_cnt[:, p, j] += v == Y

    # --- the rule, on the sampled decisions (the others are settled)
    proc_S = is_proc[S][None, :]
    short = yes < required_t[S][None, :]
    vetoed = ~proc_S & has_veto & (veto_cnt >= rule.veto.negatives)
    unmet = np.zeros((D, nS), bool)
    for j, mj in enumerate(rule.majorities):
        applies = np.ones((1, nS), bool) if mj.applies_to == "all" else ~proc_S
        unmet |= applies & (maj_cnt[:, :, j] < mj.at_least)
    out = np.broadcast_to(settled.astype(np.int8)[None, :], (D, T)).copy()
    out[:, S] = np.where(short, FAILED, np.where(vetoed, VETOED, np.where(unmet, FAILED, ADOPTED)))
    history = np.array([_OUT[o] for o in cv.outcomes], dtype=np.int8)
    notes = [
        "Vote model: ga-alignment-logit (GA agreement; years after 2019 use the 2019 alignment).",
        "Simulated seats are held for whole terms by states drawn by electability "
        "(unsclab.elections, calibrated on DPPA membership 1946-2025).",
    ]
    return ReplayResult(design, cv, (lo, hi), D, seed, out, S, history,
                        channels, year_holders, yi, potential, perm_of, ch_data, lottery,
                        placements, U, notes, rows, key)


def replay_summary(design: Design | str, since: int = 1990, draws: int = 200,
                   seed: int | None = 1) -> dict[str, Any]:
    """A compact, JSON-ready summary of the replay of ``design`` for pages, reports and
    ``unsclab compare``: the totals since ``since`` (:meth:`ReplayResult.summary`) and, for
    every year of the record, the expected share of drafts adopted under the design against
    the recorded share.
    """
    res = replay(design, draws=draws, seed=seed, keep_votes=False)
    years = res.cv.years
    p_adopted = res.prob[:, 0]
    by_year = []
    for y in sorted({int(v) for v in years}):
        m = years == y
        by_year.append({"year": y, "adoption_rate": float(p_adopted[m].mean()),
                        "historical_rate": float((res.history[m] == 0).mean()),
                        "decisions": int(m.sum())})
    return {"design": res.design.id, "since": since, "draws": draws, "seed": seed,
            **res.summary(since=since), "by_year": by_year, "notes": list(res.notes)}
