"""The trail of one replayed decision, in plain words: who held each seat and why, which votes
are real and which predicted (with the prediction and what it rests on), and how the rule
decided."""

from __future__ import annotations

__all__ = ["trail", "rule_text", "share_text", "HOW", "HOW_SHORT", "VOTE_WORDS"]

from typing import Any

import numpy as np

from unsclab.designs.model import Design
from unsclab.replay.counting import OUTCOME_NAMES
from unsclab.replay.seating import ELECTED, LEFT_BY_PERMANENT, NAMED, NEW_PERMANENT, SHARED
from unsclab.replay.subjects import subject_of
from unsclab.replay.vote_tables import record, vote_probabilities

#: Why a state holds a seat, by kind of seat.
SAT_IN_REALITY = "sat in reality"
HOW = {
    NEW_PERMANENT: "holder of a new permanent seat (drawn in the simulation, by electability)",
    ELECTED: "elected in the simulation",
    LEFT_BY_PERMANENT: "elected in the simulation, to the seat left by a real member who holds "
                       "a new permanent seat",
    NAMED: "named in the design as the seat's holder (not on the Council that day)",
    SHARED: "held by the organisation: the most common vote of its members who sat, or the "
            "vote predicted for its most populous member when none sat (assumed)",
}
#: The same, in a few words (the trail's text).
HOW_SHORT = {
    NEW_PERMANENT: "holder drawn by electability",
    ELECTED: "elected in the simulation",
    LEFT_BY_PERMANENT: "the seat a real member leaves for a new permanent one",
    NAMED: "its named holder, not on the Council that day",
    SHARED: "held by the organisation for its members (assumed vote)",
}
VOTE_WORDS = {"Y": "voted in favour", "A": "abstained", "N": "voted against",
              "NV": "did not vote"}


def share_text(p: float) -> str:
    """A share of draws as a percentage ("<1%" rather than "0%")."""
    return "<1%" if 0 < p < 0.01 else f"{p:.0%}"


def rule_text(design: Design, procedural: bool) -> str:
    """The decision rule of ``design`` in one sentence."""
    rule = design.rule
    n = design.size
    if procedural:
        return f"Procedural: {rule.procedural} of {n} in favour, no veto."
    parts = [f"{rule.quota} of {n} in favour"]
    if rule.weighted_quota is not None:
        parts[0] += f" and a vote weight of {rule.weighted_quota} of {design.total_weight}"
    veto = rule.veto
    if veto.classes:
        labels = " or ".join(design.seat_class(c).label for c in veto.classes)
        what = "any vote but one in favour" if veto.abstention_blocks else "a vote against"
        if veto.negatives == 1:
            parts.append(f"{what} by one of the {labels} is a veto")
        else:
            parts.append(f"{veto.negatives} such votes ({what}) by the {labels} make a veto")
    if veto.deferred:
        k = sum(design.seat_class(c).count for c in veto.deferred)
        parts.append(f"the veto of the {k} new permanent seat{'s' if k > 1 else ''} is "
                     "deferred (not exercised)")
    for clause in rule.majorities:
        labels = ", ".join(design.seat_class(c).label for c in clause.classes)
        parts.append(f"at least {clause.at_least} in favour among the {labels}")
    return "; ".join(parts) + "."


def _seat_label(design: Design, cls: str, number: int) -> str:
    c = design.seat_class(cls)
    return c.label if c.count == 1 else f"{c.label}, seat {number + 1}"


def _vote_name(cv, t: int, code: str) -> str:
    from unsclab.votes.data import VOTE_NAMES

    if cv.without_vote[t]:
        return "Y"
    v = VOTE_NAMES.get(int(cv.votes[t, cv.column(code)]), "NV")
    return v if v in VOTE_WORDS else "NV"


def _moves_to_permanent(res, t: int) -> dict[str, float]:
    """Real members who, in some draws, hold a new permanent seat: the share of draws."""
    H, _ = res.seat_votes_on(t)
    shares: dict[str, float] = {}
    for seat, h in zip(res.seats, H):
        if seat.kind != NEW_PERMANENT:
            continue
        for i, n in zip(*np.unique(h[h >= 0], return_counts=True)):
            code = res.universe[int(i)]
            shares[code] = shares.get(code, 0.0) + n / res.draws
    return shares


def _real_seats(res, t: int) -> list[dict[str, Any]]:
    from unsclab.states import state_name

    cv, seating, design = res.cv, res.seating[t], res.design
    order = {c.id: k for k, c in enumerate(design.seats)}
    moves = _moves_to_permanent(res, t)
    seats = []
    for code, cls in sorted(seating.seat_of.items(), key=lambda kv: (order[kv[1]], kv[0])):
        how = SAT_IN_REALITY
        if moves.get(code):
            how += (f"; holds a new permanent seat in {share_text(moves[code])} of draws (its "
                    "own seat is then filled in the simulation)")
        seats.append({"seat": design.seat_class(cls).label, "class": cls, "state": code,
                      "name": state_name(code), "how": how, "source": "real",
                      "vote": _vote_name(cv, t, code),
                      "p_new_permanent": float(moves.get(code, 0.0))})
    if seating.overflow is not None:
        share = res.lottery.sits[t].mean(axis=0)
        for code, s in zip(seating.overflow, share):
            seats.append({"seat": "elected seats (fewer than the real elected members)",
                          "class": None, "state": code, "name": state_name(code),
                          "how": f"{SAT_IN_REALITY}; keeps a seat in {s:.0%} of draws",
                          "source": "real", "vote": _vote_name(cv, t, code),
                          "p_sits": float(s)})
    return seats


def _holder(res, t: int, i: int, share: float, row: int, model) -> dict[str, Any]:
    from unsclab.states import state_name

    cv = res.cv
    code = res.universe[i]
    entry = {"state": code, "name": state_name(code), "p_holds": share}
    if code in cv._col and cv.votes[t, cv.column(code)] >= 0:
        entry.update(source="real", vote=_vote_name(cv, t, code),
                     why="sat on the Council that day: its real vote moves to this seat")
        return entry
    p_yes, p_yes_or_abstain = vote_probabilities(res.record_key)
    y, ya = float(p_yes[row, i]), float(p_yes_or_abstain[row, i])
    without = bool(cv.without_vote[t])
    entry.update(source="predicted", p={"Y": y, "A": ya - y, "N": 1.0 - ya},
                 rests_on=model.basis(record(res.record_key), row, code) if not without
                 else "adopted without a vote: every seat counts in favour",
                 closest=None if without else model.closest(record(res.record_key), row, code))
    return entry


def _simulated_seats(res, t: int, top: int) -> list[dict[str, Any]]:
    from unsclab.votes.data import ABSENT
    from unsclab.votes.logit import default_council_model

    model = default_council_model()
    row = int(res.window.rows[t])
    H, V = res.seat_votes_on(t)
    seats = []
    for seat, h, v in zip(res.seats, H, V):
        filled = v != ABSENT
        if not filled.any():
            continue
        if seat.kind == SHARED:
            seats.append(_shared_seat(res, t, seat, h, v, model))
            continue
        counts = np.bincount(h[filled], minlength=len(res.universe))
        order = [i for i in np.argsort(-counts, kind="stable")[:top] if counts[i]]
        cast = np.bincount(v[filled].astype(np.int64), minlength=4) / filled.sum()
        seats.append({"seat": _seat_label(res.design, seat.seat_class, seat.number),
                      "class": seat.seat_class, "kind": seat.kind, "how": HOW[seat.kind],
                      "p_filled": float(filled.mean()),
                      "holders_count": int((counts > 0).sum()),
                      "other_holders_share": float(counts.sum() - counts[order].sum())
                      / res.draws,
                      "votes_cast": {"Y": float(cast[0]), "A": float(cast[1]),
                                     "N": float(cast[2]), "NV": float(cast[3])},
                      "holders": [_holder(res, t, int(i), float(counts[i] / res.draws), row,
                                          model) for i in order]})
    return seats


def _shared_seat(res, t: int, seat, h: np.ndarray, v: np.ndarray, model) -> dict[str, Any]:
    """A shared seat: the organisation's vote, from its members who sat or predicted."""
    from unsclab.states import state_name
    from unsclab.votes.data import VOTE_NAMES

    members = res.design.seat_class(seat.seat_class).shared.members
    sat = {m: _vote_name(res.cv, t, m) for m in members
           if m in res.cv._col and res.cv.votes[t, res.cv.column(m)] >= 0}
    name = res.design.organisation_name(seat.holder)
    if sat:
        entry = {"state": seat.holder, "name": name, "p_holds": 1.0, "source": "members",
                 "vote": VOTE_NAMES[int(v[0])],
                 "why": "the most common vote of its members who sat ("
                        + ", ".join(f"{m} {x}" for m, x in sat.items()) + ")"}
    else:
        proxy = int(h[0])
        entry = _holder(res, t, proxy, 1.0, int(res.window.rows[t]), model)
        entry.update(state=seat.holder, name=f"{name}, as {state_name(res.universe[proxy])} "
                     "(no member sat)")
    cast = np.bincount(v.astype(np.int64), minlength=4) / len(v)
    return {"seat": _seat_label(res.design, seat.seat_class, 0), "class": seat.seat_class,
            "kind": SHARED, "how": HOW[SHARED], "p_filled": 1.0, "holders_count": 1,
            "other_holders_share": 0.0,
            "votes_cast": {"Y": float(cast[0]), "A": float(cast[1]), "N": float(cast[2]),
                           "NV": float(cast[3])},
            "holders": [entry]}


def trail(res, t: int, top: int = 3) -> dict[str, Any]:
    """The trail of decision ``t`` of the replay ``res`` (:class:`ReplayResult`): for each
    simulated seat, its ``top`` likeliest holders, how many states held it and the share of
    draws the others held."""
    from unsclab.replay.changes import example_decision, recorded_decision

    cv = res.cv
    p = res.prob[t]
    modal = int(res.modal[t])
    draw, dec = example_decision(res, t, modal)
    return {
        "symbol": cv.symbols[t], "date": str(cv.dates[t]), "title": cv.titles[t],
        "subject": subject_of(cv.titles[t]), "design": res.design.id,
        "history": OUTCOME_NAMES[res.history[t]],
        "recorded_reason": recorded_decision(res, t).reason,
        "procedural": bool(cv.procedural[t]), "adopted_without_vote": bool(cv.without_vote[t]),
        "p_adopted": float(p[0]), "p_vetoed": float(p[1]), "p_failed": float(p[2]),
        "modal": OUTCOME_NAMES[modal], "rule": rule_text(res.design, bool(cv.procedural[t])),
        "seats": _real_seats(res, t) + _simulated_seats(res, t, top),
        "example_draw": draw, "example_ballot": res.ballot(draw, t)[0] if draw is not None
        else None,
        "reason": dec.reason if dec is not None else None,
    }
