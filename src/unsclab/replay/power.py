"""A posteriori power under any design, through the replay: who would really swing the Council.

For each substantive decision of the record (not adopted without a vote, at least three votes
recorded), the replay (:func:`unsclab.replay.replay`) says who holds each of the design's seats
in each draw: the real members where they sat, the simulated holders elsewhere. Each holder
votes Y / A / N with the vote model's probabilities on that draft — a real member predicted
from the other members' real votes (as in :mod:`unsclab.votes.decisive`), any other state from
all the real votes (:mod:`unsclab.replay.vote_tables`); an empty seat does not vote. A seat's
vote is the mixture over the draws of its holders' votes, and seats vote independently. The
**a posteriori power** of a seat on a decision is its decisiveness
``P(adopted | yes) − P(adopted | no)`` under the design's rule (:mod:`unsclab.votes.swing`;
O'Neill 1996, Kaniovski 2008); a state's is the mean over the decisions, weighted by the share
of draws in which it holds a seat there. With every seat voting yes or no with probability ½,
the same computation gives the a priori (absolute Banzhaf) index printed beside it.

Under the design in force (``status-quo`` from 1966) every seat is held by its real member and
the result is that of :func:`unsclab.votes.decisive.a_posteriori_power` (tested equal).

A real member that did not vote on a draft (not voting, or its vote unknown) is left out of
that decision, as in :mod:`unsclab.votes.decisive`, and so is a seat nobody holds there.

Approximation: the holders of different seats are drawn jointly in the replay (a state holds
at most one seat; when the design has fewer seats than there were real elected members, a fixed
number of them sits in each draw); here each seat's vote is its own mixture, independent of the
others', and so is whether it is held.
Designs with extra-majority clauses, alternative majorities, vote weights or a seat shared by
an organisation are not covered.

References: B. O'Neill, "Power and satisfaction in the United Nations Security Council",
*Journal of Conflict Resolution* 40(2) (1996) 219–237, doi:10.1177/0022002796040002002;
V. Kaniovski, *Social Choice and Welfare* 31 (2008) 281–300, doi:10.1007/s00355-007-0281-9.
"""

from __future__ import annotations

__all__ = ["design_power", "decision_slots"]

from dataclasses import dataclass
from typing import Any

import numpy as np

from unsclab.replay.seating import LEFT_BY_PERMANENT, NEW_PERMANENT
from unsclab.votes.data import ABSENT


@dataclass(frozen=True)
class Slots:
    """The seats of one decision: holders per draw (universe index, −1 empty), seat classes and
    veto flags."""

    holders: np.ndarray      # (seats, draws)
    classes: list[str]
    veto: np.ndarray         # (seats,)


def _moved_holders(res, t: int, H: np.ndarray, V: np.ndarray, u: int) -> np.ndarray:
    """Per draw, who holds the elected seat of real member ``u``: ``u`` itself, or the state
    elected to the seat it leaves when it holds a new permanent seat (−1: nobody)."""
    held = np.full(H.shape[1], u, dtype=np.int64)
    left_of = {p: k for k, p in res.left_by.items()}
    for k, seat in enumerate(res.seats):
        if seat.kind != NEW_PERMANENT:
            continue
        moved = (H[k] == u) & (V[k] != ABSENT)
        if moved.any():
            k_left = left_of[k]
            filler = np.where(V[k_left] != ABSENT, H[k_left], -1)
            held = np.where(moved, filler, held)
    return held


def decision_slots(res, t: int) -> Slots:
    """Who holds each seat of the design on decision ``t`` of the replay ``res``, per draw."""
    design, seating, window = res.design, res.seating[t], res.window
    veto_classes = set(design.rule.veto.classes)
    H, V = res.seat_votes_on(t)
    rows, classes, veto = [], [], []
    cv = res.cv
    for code, cls in seating.seat_of.items():
        u = window.index(code)
        held = _moved_holders(res, t, H, V, u)
        if not 0 <= cv.votes[t, cv.column(code)] <= 2:  # did not vote: left out, as its seat
            held = np.where(held == u, -1, held)
        rows.append(held)
        classes.append(cls)
        veto.append(cls in veto_classes)
    if seating.overflow is not None:
        plain = next(c.id for c in design.seats if c.kind != "permanent")
        for m, code in enumerate(seating.overflow):
            rows.append(np.where(res.lottery.sits[t][:, m], window.index(code), -1))
            classes.append(plain)
            veto.append(False)
    for k, seat in enumerate(res.seats):
        if seat.kind == LEFT_BY_PERMANENT:
            continue  # folded into the seat of the real member who left it
        rows.append(np.where(V[k] != ABSENT, H[k], -1).astype(np.int64))
        classes.append(seat.seat_class)
        veto.append(seat.veto)
    holders = np.array(rows, dtype=np.int64).reshape(len(rows), -1)
    used = (holders >= 0).any(axis=1)   # a seat nobody holds on this decision is not one here
    return Slots(holders[used], [c for c, u in zip(classes, used) if u],
                 np.array(veto, bool)[used])


def _vote_table(res, t: int, loo: np.ndarray) -> np.ndarray:
    """(universe + 1) × 4: each state's Y/A/N/not-voting probabilities on decision ``t`` (the
    last row: an empty seat)."""
    from unsclab.replay.vote_tables import vote_probabilities

    p_yes, p_ya = vote_probabilities(res.record_key)
    row = int(res.window.rows[t])
    y, ya = p_yes[row].astype(float), p_ya[row].astype(float)
    Q = np.zeros((len(res.universe) + 1, 4))
    Q[:-1, 0], Q[:-1, 1], Q[:-1, 2] = y, ya - y, 1.0 - ya
    Q[-1, 3] = 1.0
    sat = np.flatnonzero(res.cv.votes[t] != ABSENT)
    for j in sat:  # a real member: its prediction from the others, or not voting (NV, unknown)
        u = int(res.window.state_of_column[j])
        Q[u] = (0.0, 0.0, 0.0, 1.0) if np.isnan(loo[j, 0]) else (*loo[j], 0.0)
    return Q


def _decisions(res, since: int, until: int, subject: str | None,
               loo: np.ndarray) -> np.ndarray:
    """Substantive decisions with at least three real Y/A/N votes (those the model predicts)."""
    from unsclab.replay.groups import select

    m = select(res, since, until, subject) & ~res.cv.procedural & ~res.cv.without_vote
    m &= ~np.isnan(loo[res.window.rows, :, 0]).all(axis=1)
    return np.flatnonzero(m)


def design_power(design, since: int = 1990, until: int = 2025, subject: str | None = None,
                 draws: int = 200, seed: int = 1) -> dict[str, Any]:
    """A posteriori power under ``design`` on the decisions of ``since``–``until`` (one subject
    if given): per state, per kind of seat, per period and per subject, with the a priori
    Banzhaf value."""
    from unsclab.errors import UnsclabError
    from unsclab.replay import replay
    from unsclab.replay.vote_tables import member_probabilities
    from unsclab.votes.swing import decisiveness_many

    res = replay(design, period=(since, until), draws=draws, seed=seed)
    rule = res.design.rule
    if rule.majorities or rule.alternatives or rule.weighted_quota is not None \
            or res.design.organisations:
        raise UnsclabError(f"{res.design.id}: a posteriori power covers rules of a quota and a "
                           "veto; this design has extra-majority clauses, alternatives, vote "
                           "weights or a shared seat")
    loo = member_probabilities(res.record_key)
    ts = _decisions(res, since, until, subject, loo)
    if len(ts) == 0:
        raise UnsclabError(f"no substantive decision with recorded votes between {since} and "
                           f"{until}" + (f" on {subject}" if subject else ""))
    slots = [decision_slots(res, int(t)) for t in ts]
    K = max(len(s.classes) for s in slots)
    P = np.zeros((len(ts), K, 4))
    P[:, :, 3] = 1.0
    prior = P.copy()
    veto = np.zeros((len(ts), K), bool)
    for n, (t, s) in enumerate(zip(ts, slots)):
        Q = _vote_table(res, int(t), loo[int(res.window.rows[t])])
        k = len(s.classes)
        P[n, :k] = Q[s.holders].mean(axis=1)
        filled = (s.holders >= 0).mean(axis=1)[:, None]   # coin tosses where the seat is held
        prior[n, :k] = np.array([0.5, 0.0, 0.5, 0.0]) * filled + np.array([0, 0, 0, 1.0]) * (
            1 - filled)
        veto[n, :k] = s.veto
    args = (rule.quota, rule.veto.negatives if rule.veto.classes else 0,
            rule.veto.abstention_blocks)
    d = decisiveness_many(P, veto, *args)
    b = decisiveness_many(prior, veto, *args)
    return _summarise(res, ts, slots, d, b, since, until, subject)


def _summarise(res, ts, slots, d, b, since, until, subject) -> dict[str, Any]:
    from unsclab.replay.groups import period_label
    from unsclab.votes.decisive import SubjectTally

    U = len(res.universe)
    weight = np.zeros(U)
    power = np.zeros(U)
    a_priori = np.zeros(U)
    kinds: dict[str, list[tuple[float, float]]] = {}
    periods: dict[tuple[str, str], list[float]] = {}
    subjects = SubjectTally()
    for n, (t, s) in enumerate(zip(ts, slots)):
        subjects.add(res.cv.titles[t], d[n, :len(s.classes)], s.veto)
        for k, cls in enumerate(s.classes):
            share = np.bincount(s.holders[k][s.holders[k] >= 0], minlength=U) / res.draws
            weight += share
            power += share * d[n, k]
            a_priori += share * b[n, k]
            kinds.setdefault(cls, []).append((d[n, k], b[n, k]))
            periods.setdefault((period_label(int(res.cv.years[t])), cls), []).append(d[n, k])
    held = np.flatnonzero(weight > 0)
    p5 = np.isin(np.array(res.universe), ("CHN", "FRA", "RUS", "GBR", "USA"))
    states = [{"iso3": res.universe[u], "decisions": float(weight[u]),
               "a_posteriori": float(power[u] / weight[u]),
               "a_priori": float(a_priori[u] / weight[u])} for u in held]
    states.sort(key=lambda r: -r["a_posteriori"])
    labels = {c.id: c.label for c in res.design.seats}
    return {"design": res.design.id, "since": since, "until": until, "subject": subject,
            "decisions": int(len(ts)), "draws": res.draws, "seed": res.seed,
            "p5_share": float(power[p5].sum() / power.sum()) if power.sum() else None,
            "p5_share_a_priori": float(a_priori[p5].sum() / a_priori.sum()),
            "other_seat": {"a_posteriori": float(power[~p5].sum() / weight[~p5].sum()),
                           "a_priori": float(a_priori[~p5].sum() / weight[~p5].sum())},
            "by_seat": {labels[c]: {"a_posteriori": float(np.mean([x for x, _ in kinds[c]])),
                                    "a_priori": float(np.mean([y for _, y in kinds[c]]))}
                        for c in labels if c in kinds},
            "by_period": [{"period": p, "seat": labels[c], "a_posteriori": float(np.mean(v))}
                          for (p, c), v in sorted(periods.items())],
            "by_subject": subjects.rows(), "states": states}
