"""The Python API behind ``unsclab compare`` (and, for notebooks, :func:`compare`).

:func:`compare_rows` evaluates designs once each (:func:`unsclab.evaluate.evaluate_design`)
and, where the record can be read, replays its votes (:func:`unsclab.replay.replay_summary`):
one JSON-ready row per design, the shape of ``unsclab compare --json``.
"""

from __future__ import annotations

__all__ = ["compare_rows", "compare_row"]

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from unsclab.designs.model import Design
from unsclab.errors import UnsclabError


def compare_row(ev, state: str | None = None) -> dict[str, Any]:
    """The comparison row of one :class:`~unsclab.evaluate.Evaluation`."""
    d = ev.design
    veto = d.rule.veto
    holders = sum(c.count for c in d.seats if c.id in veto.classes)
    row = {
        "id": d.id, "name": d.name, "year": d.year, "status": d.status, "seats": d.size,
        "quota": d.rule.quota,
        "veto": ("none" if not holders else f"{holders}" + (
            f" (need {veto.negatives})" if veto.negatives > 1 else "")),
        "coleman_act": float(ev.coleman_act),
        "p5_power_share": ev.representation["p5_power_share"],
        "seats_by_group": {g["group"]: g["seats"] for g in ev.groups},
        "power_by_group": {g["group"]: g["power_share"] for g in ev.groups},
        "population_with_permanent_seat": ev.representation["population_with_permanent_seat"],
        "penrose_distance": ev.representation["penrose_distance"],
        "gini_power_per_person": ev.representation["gini_power_per_person"],
        "occupancy": ev.occupancy.method,
    }
    if state:
        s = ev.state(state)
        row["state"] = {"iso3": state, "banzhaf_share": s["banzhaf"],
                        "shapley_shubik_share": s["shapley_shubik"],
                        "years_per_decade": s["years_per_decade"]}
    return row


def replay_columns(design: Design, history: str, since: int, draws: int,
                   seed: int) -> dict | None:
    """Replay totals of ``compare``: adoption rate since ``since``, vetoed drafts that pass.

    ``history`` "no" skips; "auto" gives None when the record cannot be read; "yes" raises.
    """
    if history == "no":
        return None
    from unsclab.errors import DataError
    from unsclab.replay import replay_summary

    try:
        s = replay_summary(design, since=since, draws=draws, seed=seed)
    except DataError:
        if history == "yes":
            raise
        return None
    return {k: s[k] for k in ("since", "draws", "seed", "decisions", "adoption_rate",
                              "vetoed_now_adopted", "adopted_now_failed", "changed",
                              "historical_adopted", "historical_vetoed")}


def compare_rows(designs: Sequence[Design], *, state: str | None = None,
                 occupancy: str = "auto", history: str = "auto", since: int = 1990,
                 draws: int = 200, seed: int = 1,
                 each: Callable[[Iterable[Design]], Iterable[Design]] = iter,
                 ) -> tuple[list[dict[str, Any]], list]:
    """Rows of ``unsclab compare`` and the evaluations behind them.

    ``each`` wraps the loop over designs (the CLI passes a progress bar).
    """
    from unsclab.evaluate import evaluate_design, occupancy_for
    from unsclab.states import known_state

    if history not in ("auto", "yes", "no"):
        raise UnsclabError(f"--history {history!r}: expected yes, no or auto", field="--history")
    if draws < 1 or draws > 100_000:
        raise UnsclabError(f"--draws {draws}: expected 1 to 100000", field="--draws")
    if state is not None:
        state = state.strip().upper()
        if not known_state(state):
            raise UnsclabError(f"unknown state code {state!r}; expected the ISO3 code of a UN "
                               "member state", field="--state")
    rows, evaluations = [], []
    for design in each(designs):
        ev = evaluate_design(design, occupancy=occupancy_for(design, occupancy, draws=draws,
                                                              seed=seed))
        row = compare_row(ev, state)
        row["replay"] = replay_columns(design, history, since, draws, seed)
        rows.append(row)
        evaluations.append(ev)
    return rows, evaluations
