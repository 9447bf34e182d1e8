"""The trail of one replayed decision: who sat, which votes were real and which predicted, and
why the outcome."""

from __future__ import annotations

__all__ = ["trail"]

from typing import Any

import numpy as np

from unsclab.replay.counting import OUTCOME_NAMES
from unsclab.replay.vote_tables import vote_probabilities


def trail(res, t: int, top: int = 5) -> dict[str, Any]:
    """The trail of decision ``t`` of the replay ``res`` (:class:`ReplayResult`)."""
    from unsclab.rules import Ballot, decide
    from unsclab.votes.data import ABSENT, VOTE_NAMES

    cv, seating = res.cv, res.seating[t]
    p = res.prob[t]
    modal = int(res.modal[t])
    seats = []
    for code, cls in sorted(seating.seat_of.items(), key=lambda kv: kv[1]):
        v = int(cv.votes[t, cv.column(code)])
        seats.append({"class": cls, "state": code, "vote": "Y" if cv.without_vote[t]
                      else VOTE_NAMES.get(v, "NV"), "source": "real"})
    if seating.overflow is not None:
        share = res.lottery.sits[t].mean(axis=0)
        for code, s in zip(seating.overflow, share):
            v = int(cv.votes[t, cv.column(code)])
            seats.append({"class": "(ordinary seats, drawn)", "state": code,
                          "vote": VOTE_NAMES.get(v, "NV"), "source": "real",
                          "p_sits": float(s)})
    p_yes, p_yes_or_abstain = vote_probabilities(res.record_key)
    row = int(res.window.rows[t])
    H, V = res.seat_votes_on(t)
    for seat, h, vv in zip(res.seats, H, V):
        active = vv != ABSENT
        if not active.any():
            continue
        counts = np.bincount(h[active], minlength=len(res.universe))
        holders = []
        for i in np.argsort(-counts)[:top]:
            if counts[i] == 0:
                break
            code = res.universe[i]
            really = code in cv._col and cv.votes[t, cv.column(code)] != ABSENT
            entry = {"state": code, "p_holds": float(counts[i] / res.draws)}
            if really:
                entry["source"] = "real"
                entry["vote"] = VOTE_NAMES.get(int(cv.votes[t, cv.column(code)]), "NV")
            else:
                entry["source"] = "predicted"
                entry["p"] = {"Y": float(p_yes[row, i]),
                              "A": float(p_yes_or_abstain[row, i] - p_yes[row, i]),
                              "N": float(1 - p_yes_or_abstain[row, i])}
            holders.append(entry)
        seats.append({"class": seat.seat_class, "seat": f"{seat.kind}-{seat.number + 1}",
                      "p_active": float(active.mean()), "holders": holders})
    # the reason: decide() on the first draw with the modal outcome
    d = int(np.argmax(res.outcomes[:, t] == modal))
    votes, seat_map = res.ballot(d, t)
    dec = decide(res.design, Ballot(votes, seat_map), procedural=bool(cv.procedural[t]))
    return {
        "symbol": cv.symbols[t], "date": str(cv.dates[t]), "title": cv.titles[t],
        "design": res.design.id, "history": OUTCOME_NAMES[res.history[t]],
        "procedural": bool(cv.procedural[t]), "adopted_without_vote": bool(cv.without_vote[t]),
        "p_adopted": float(p[0]), "p_vetoed": float(p[1]), "p_failed": float(p[2]),
        "modal": OUTCOME_NAMES[modal], "seats": seats,
        "example_draw": d, "example_ballot": votes,
        "reason": dec.reason,
    }
