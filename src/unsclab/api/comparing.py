"""Designs side by side: ``unsclab compare`` and :func:`unsclab.compare`.

:func:`compare_rows` evaluates designs once each (:func:`unsclab.evaluate.evaluate_design`)
and, where the record can be read, replays its votes (:func:`unsclab.replay.replay_summary`):
one JSON-ready row per design, the shape of ``unsclab compare --json``; :func:`compare_tables`
lays them out as the CLI prints them.
"""

from __future__ import annotations

__all__ = ["compare", "compare_rows", "compare_row", "compare_tables", "flat_row"]

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from unsclab.designs.model import Design
from unsclab.errors import UnsclabError
from unsclab.tables import Column, Table


def compare_row(ev, state: str | None = None) -> dict[str, Any]:
    """The comparison row of one :class:`~unsclab.evaluate.Evaluation`."""
    d = ev.design
    veto = d.rule.veto
    holders = sum(c.count for c in d.seats if c.id in veto.classes)
    row = {
        "id": d.id, "name": d.name, "year": d.year, "status": d.status, "seats": d.size,
        "quota": d.rule.quota,
        "weighted_quota": (f"{d.rule.weighted_quota} of {d.total_weight}"
                           if d.rule.weighted_quota is not None else None),
        "veto": ("none" if not holders else f"{holders}" + (
            f" (need {veto.negatives})" if veto.negatives > 1 else "")),
        "coleman_act": float(ev.coleman_act),
        "p5_power_share": ev.representation["p5_power_share"],
        "p5_ternary_banzhaf_share": ev.representation.get("p5_ternary_banzhaf_share"),
        "seats_by_group": {g["group"]: g["seats"] for g in ev.groups},
        "power_by_group": {g["group"]: g["power_share"] for g in ev.groups},
        "equity_by_group": {g["group"]: g.get("representation_factor") for g in ev.groups},
        "population_with_permanent_seat": ev.representation["population_with_permanent_seat"],
        "penrose_distance": ev.representation["penrose_distance"],
        "gini_power_per_person": ev.representation["gini_power_per_person"],
        "occupancy": ev.occupancy.method,
    }
    if state:
        s = ev.state(state)
        row["state"] = {"iso3": state, "banzhaf_share": s["banzhaf"],
                        "shapley_shubik_share": s["shapley_shubik"],
                        "years_per_decade": s["years_per_decade"],
                        "representation_factor": s.get("representation_factor", 0.0)}
    return row


def replay_columns(design: Design, history: str, since: int, draws: int,
                   seed: int) -> dict | None:
    """Replay totals of ``compare``: adoption rate since ``since``, vetoed drafts that pass.

    ``history`` "no" skips; "yes" and "auto" replay (the record ships with the package, so
    there is no case where it cannot be read; a damaged data file raises).
    """
    if history == "no":
        return None
    from unsclab.replay import replay_summary

    s = replay_summary(design, since=since, draws=draws, seed=seed)
    from unsclab.views.headline import REPLAY_KEYS

    return {k: s[k] for k in REPLAY_KEYS}


def a_posteriori_columns(design: Design, since: int, draws: int, seed: int) -> dict:
    """A posteriori power on the real agenda since ``since`` under ``design``
    (:func:`unsclab.replay.power.design_power`): the P5's share of it and of the a priori
    (Banzhaf) decisiveness, and the mean of a seat held by another state, both ways."""
    from unsclab.replay.power import design_power

    p = design_power(design, since=since, until=2025, draws=draws, seed=seed)
    return {"since": since, "decisions": p["decisions"], "draws": draws, "seed": seed,
            "p5_share": p["p5_share"], "p5_share_a_priori": p["p5_share_a_priori"],
            "other_seat": p["other_seat"]["a_posteriori"],
            "other_seat_a_priori": p["other_seat"]["a_priori"]}


def compare_rows(designs: Sequence[Design], *, state: str | None = None,
                 occupancy: str = "auto", history: str = "auto", since: int = 1990,
                 draws: int = 200, seed: int = 1,
                 each: Callable[[Iterable[Design]], Iterable[Design]] = iter,
                 a_posteriori: bool = False) -> tuple[list[dict[str, Any]], list]:
    """Rows of ``unsclab compare`` and the evaluations behind them.

    ``each`` wraps the loop over designs (the CLI passes a progress bar); ``a_posteriori``
    adds :func:`a_posteriori_columns` (several seconds a design).
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
        if a_posteriori:
            row["a_posteriori"] = a_posteriori_columns(design, since, draws, seed)
        rows.append(row)
        evaluations.append(ev)
    return rows, evaluations


def flat_row(row: dict[str, Any], sep: str = "_") -> dict[str, Any]:
    """A comparison row with its nested parts spread into columns (``power_AG``, ...)."""
    names = {"power_by_group": "power", "seats_by_group": "seats", "replay": "replay",
             "state": "state", "equity_by_group": "equity", "a_posteriori": "a_posteriori"}
    flat = {k: v for k, v in row.items() if not isinstance(v, dict) and k not in names}
    for key, prefix in names.items():
        flat.update({f"{prefix}{sep}{k}": v for k, v in (row.get(key) or {}).items()})
    return flat


def _group_columns(prefix: str, quantity: str, what: str) -> list[Column]:
    from unsclab.groups import GROUP_NAMES, GROUPS

    # a share or a count is headed by the group's name (its code in the abbreviations line); the
    # factor table keeps the codes, which the tables above it have defined
    return [Column(f"{prefix}{g}", header=f"{g if what == 'factor' else GROUP_NAMES[g]} {what}",
                   short=g, quantity=quantity,
                   definition=f"{GROUP_NAMES[g]}: " + {
                       "power_share": "share of Banzhaf power.",
                       "representation_factor": "share of expected Banzhaf power over share of "
                                                "the square roots of its members' populations.",
                   }.get(quantity, "expected seats."))
            for g in GROUPS]


def compare_tables(rows: list[dict]) -> list[Table]:
    """The tables of ``unsclab compare`` (also what ``--format csv`` joins side by side)."""
    method = rows[0]["occupancy"] if rows else ""
    flat = [flat_row(r, sep=":") for r in rows]
    for f, r in zip(flat, rows, strict=True):
        if r.get("replay"):
            rp = r["replay"]
            f["replay:vetoed_pass"] = f"{rp['vetoed_now_adopted']} of {rp['historical_vetoed']}"
    design = Column("id", header="Design")
    tables = [Table(
        f"Decision rule, and share of power by group (unnamed seats filled by {method})",
        [design, Column("seats", quantity="size"), Column("quota"),
         *([Column("weighted_quota", header="Weighted quota", short="Wt quota", kind="text",
                   definition="Vote weight needed in favour, of the council's total weight.")]
           if any(r.get("weighted_quota") for r in rows) else []),
         Column("veto", header="Veto holders", short="Veto", kind="text",
                definition="Seats with a veto (and how many negative votes of theirs block)."),
         Column("coleman_act"), Column("p5_power_share"), Column("p5_ternary_banzhaf_share"),
         *_group_columns("power:", "power_share", "share of power")], flat)]
    if rows and rows[0].get("replay"):
        rp0 = rows[0]["replay"]
        tables.append(Table(
            f"History replayed {rp0['since']}–2025 ({rp0['decisions']:,} decisions, "
            f"{rp0['draws']} draws, seed {rp0['seed']}; votes of new members predicted)",
            [design, Column("replay:adoption_rate", quantity="adoption_rate"),
             Column("replay:vetoed_pass", header="Vetoed drafts that pass", short="Unvetoed",
                    kind="text", definition="Drafts vetoed in history that the design adopts."),
             Column("replay:adopted_now_failed", header="Adopted drafts that fail",
                    short="Now fail", kind="int",
                    definition="Drafts adopted in history that the design does not adopt."),
             Column("replay:changed", header="Outcomes changed", short="Changed", kind="int",
                    definition="Drafts whose most likely outcome differs from history.")],
            flat))
    if rows and rows[0].get("a_posteriori"):
        ap = rows[0]["a_posteriori"]
        share = "share of the summed P(decisive) of all seats"
        tables.append(Table(
            f"A posteriori power on the real agenda {ap['since']}–2025 ({ap['decisions']:,} "
            f"substantive decisions, {ap['draws']} draws) against a priori (coin tosses)",
            [design,
             Column("a_posteriori:p5_share", header="P5 share a posteriori", short="P5 post.",
                    kind="percent", definition=f"The P5's {share}, voting as the vote model "
                                               "predicts on the real drafts."),
             Column("a_posteriori:p5_share_a_priori", header="P5 share a priori",
                    short="P5 prior", kind="percent",
                    definition=f"The P5's {share}, every vote a coin toss (Banzhaf)."),
             Column("a_posteriori:other_seat", header="Other seat a posteriori",
                    short="Other post.", kind="number", digits=4,
                    definition="Mean P(decisive) of a seat held by another state."),
             Column("a_posteriori:other_seat_a_priori", header="Other seat a priori",
                    short="Other prior", kind="number", digits=4,
                    definition="The same with coin tosses (absolute Banzhaf index).")], flat))
    tables.append(Table(
        "Representation: expected seats by group and fairness (0 is fairest)",
        [design, *_group_columns("seats:", "seats", "expected seats"),
         Column("population_with_permanent_seat"), Column("penrose_distance"),
         Column("gini_power_per_person")], flat))
    tables.append(Table(
        "Representation factor by group: expected power against the square root of population "
        "(1 is equitable; Gould & Rablen 2016)",
        [design, *_group_columns("equity:", "representation_factor", "factor")],
        flat))
    if rows and rows[0].get("state"):
        from unsclab.states import state_name

        code = rows[0]["state"]["iso3"]
        tables.append(Table(
            f"{state_name(code)} ({code}): expected power and years on the Council",
            [design, Column("state:banzhaf_share", quantity="banzhaf"),
             Column("state:shapley_shubik_share", quantity="shapley_shubik"),
             Column("state:years_per_decade", quantity="years_per_decade"),
             Column("state:representation_factor", quantity="representation_factor")], flat))
    return tables


def compare(designs: Iterable[str | Design] | None = None, *, state: str | None = None,
            occupancy: str = "auto", history: str = "auto", since: int = 1990,
            draws: int = 200, seed: int = 1, a_posteriori: bool = False):
    """Compare designs (catalogue ids, design files or :class:`~unsclab.Design` objects; default
    the whole catalogue), as ``unsclab compare`` does.

    Returns a :class:`~unsclab.api.Result`: ``frame`` has one row per design (index ``id``) with
    ``coleman_act`` (power to act), ``p5_power_share`` (and ``p5_ternary_banzhaf_share``, with
    abstention), ``power_AG`` … (shares of Banzhaf power
    by group), ``seats_AG`` … (expected seats), ``penrose_distance``,
    ``gini_power_per_person``, the replay totals ``replay_*`` (unless ``history`` is ``no``), and
    with ``state`` that state's ``state_banzhaf_share`` and ``state_years_per_decade``; with
    ``a_posteriori`` the P5's share of a posteriori and a priori power on the real agenda
    (``a_posteriori_p5_share`` …, :func:`a_posteriori_columns`).
    """
    from unsclab.api.result import Result
    from unsclab.designs import catalog_ids, load_design

    chosen = [d if isinstance(d, Design) else load_design(d)
              for d in (catalog_ids() if designs is None else designs)]
    rows, _ = compare_rows(chosen, state=state, occupancy=occupancy, history=history,
                           since=since, draws=draws, seed=seed, a_posteriori=a_posteriori)
    return Result([flat_row(r) for r in rows], compare_tables(rows), rows, index="id")
