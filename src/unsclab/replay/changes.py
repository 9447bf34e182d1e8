"""The decisions whose outcome a design changes, each with what happened and why.

For every decision whose most likely outcome under the design differs from the record:
its symbol, date, title and subject; the recorded outcome with its reason (``decide`` under the
design in force on the real ballot: who vetoed, how many votes were missing); the most likely
outcome under the design with its probability, and the reason of one draw with that outcome
(``decide`` on that draw's ballot).
"""

from __future__ import annotations

__all__ = ["changed_decisions", "recorded_decision", "example_decision"]

from typing import Any

import numpy as np

from unsclab.replay.counting import OUTCOME_NAMES
from unsclab.replay.subjects import subject_of


def recorded_decision(res, t: int):
    """``decide`` under the design in force on the real ballot of decision ``t``."""
    from unsclab.replay.run import design_in_force
    from unsclab.rules import decide
    from unsclab.votes.data import ABSENT, VOTE_NAMES

    cv = res.cv
    cols = np.flatnonzero(cv.votes[t] != ABSENT)
    names = [VOTE_NAMES.get(int(cv.votes[t, j])) for j in cols]
    ballot = {cv.states[j]: "Y" if cv.without_vote[t] else (v if v in ("Y", "A", "N") else "NV")
              for j, v in zip(cols, names)}
    return decide(design_in_force(int(cv.years[t])), ballot, procedural=bool(cv.procedural[t]),
                  groups="loose")


def example_decision(res, t: int, outcome: int, tries: int = 20):
    """(draw, ``decide`` on its ballot) for the first draw of decision ``t`` with ``outcome``
    whose ballot ``decide`` confirms (always the first when the replay kept its votes)."""
    from unsclab.rules import Ballot, decide

    draws = np.flatnonzero(res.outcomes[:, t] == outcome)[:tries]
    for d in draws:
        votes, seats = res.ballot(int(d), t)
        dec = decide(res.design, Ballot(votes, seats), procedural=bool(res.cv.procedural[t]),
                     groups="loose")  # the replay seats real members where they sat
        if dec.outcome == OUTCOME_NAMES[outcome]:
            return int(d), dec
    return None, None


def _why(dec) -> dict[str, Any]:
    if dec is None:
        return {"reason": None, "vetoed_by": [], "short_by": 0}
    return {"reason": dec.reason, "vetoed_by": list(dec.vetoed_by), "short_by": int(dec.short_by)}


def changed_decisions(res, since: int | None = None, until: int | None = None,
                      subject: str | None = None, region: str | None = None
                      ) -> list[dict[str, Any]]:
    """The decisions of the replay ``res`` whose most likely outcome differs from the record
    (optionally within years ``since``–``until``, on one subject and in one region of the
    record's coding), in date order."""
    from unsclab.replay.groups import select

    cv, modal, prob = res.cv, res.modal, res.prob
    keep = (modal != res.history) & select(res, since, until, None, region)
    out = []
    for t in np.flatnonzero(keep):
        subj = subject_of(cv.titles[t])
        if subject is not None and subj != subject:
            continue
        recorded = recorded_decision(res, t)
        draw, under = example_decision(res, t, int(modal[t]))
        why_then, why_now = _why(recorded), _why(under)
        out.append({
            "symbol": cv.symbols[t], "date": str(cv.dates[t]), "title": cv.titles[t],
            "subject": subj, "region": str(res.regions[t]),
            "recorded": OUTCOME_NAMES[res.history[t]],
            "recorded_reason": why_then["reason"], "recorded_vetoed_by": why_then["vetoed_by"],
            "recorded_short_by": why_then["short_by"],
            "outcome": OUTCOME_NAMES[modal[t]], "probability": float(prob[t, modal[t]]),
            "p_adopted": float(prob[t, 0]), "p_vetoed": float(prob[t, 1]),
            "p_failed": float(prob[t, 2]),
            "reason": why_now["reason"], "vetoed_by": why_now["vetoed_by"],
            "short_by": why_now["short_by"], "example_draw": draw,
        })
        last = out[-1]
        last["recorded_text"] = outcome_phrase(last["recorded"], last["recorded_vetoed_by"],
                                               last["recorded_short_by"])
        now = outcome_phrase(last["outcome"], last["vetoed_by"], last["short_by"])
        last["outcome_text"] = f"{now} ({last['probability']:.2f})"
    return out


def outcome_phrase(outcome: str, vetoed_by: list[str], short_by: int) -> str:
    """"vetoed by Russia", "failed, 2 votes short", "adopted"."""
    from unsclab.states import state_name

    if outcome == "vetoed" and vetoed_by:
        return "vetoed by " + ", ".join(state_name(c) for c in vetoed_by)
    if outcome == "failed" and short_by:
        return f"failed, {short_by} vote{'s' if short_by > 1 else ''} short"
    return outcome


def changed_table(rows: list[dict[str, Any]], design_id: str):
    """The changed decisions as a :class:`unsclab.tables.Table`."""
    from unsclab.tables import Column, Table

    columns = [
        Column("symbol", header="Symbol", kind="text", key_column=True),
        Column("date", header="Date", kind="text"),
        Column("subject", header="Subject", kind="text",
               definition="From keywords of the title (coarse coding)."),
        Column("title", header="Title", kind="text"),
        Column("recorded_text", header="Recorded", kind="text",
               definition="The outcome in the record, and who vetoed or how many votes were "
                          "missing."),
        Column("outcome_text", header=f"Under {design_id}", kind="text",
               definition="The most likely outcome under the design, with its probability."),
        Column("reason", header="Why (one draw)", kind="text",
               definition="The rule's reason in one draw with that outcome."),
    ]
    return Table(f"Decisions whose outcome changes under {design_id} ({len(rows)})", columns,
                 rows)
