"""CLI: ``unsclab compare`` — designs side by side: rule, power, history and representation."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from unsclab.cli.common import split_codes, user_errors
from unsclab.cli.output import (Column, Table, explain_option, format_option, out_option,
                                progress, target)


@user_errors
def compare_command(
    refs: list[str] = typer.Argument(None, help="Catalogue ids or design files; default the whole catalogue."),
    state: Optional[str] = typer.Option(None, "--state", help="Add this state's expected power and years on the Council (ISO3)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (a list, one object per design)."),
    plot: Optional[str] = typer.Option(None, "--plot", help="Write a comparison figure (PNG) to this file."),
    occupancy: str = typer.Option("auto", "--occupancy", help="Who fills unnamed seats: elections (calibrated model; needs the record), uniform (rotation within group), or auto."),
    history: str = typer.Option("auto", "--history", help="Replay the record under each design: yes, no, or auto (when the record can be read)."),
    since: int = typer.Option(1990, "--since", help="First year of the replay columns."),
    draws: int = typer.Option(200, "--draws", help="Monte Carlo draws for elections and replay."),
    seed: int = typer.Option(1, "--seed", help="Seed of the Monte Carlo draws."),
    holders: Optional[str] = typer.Option(None, "--holders", help="Scenario: these states (ISO3,ISO3,...) take the unnamed permanent seats of their group, e.g. BRA,DEU,IND,JPN,NGA,ZAF."),
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
    explain: bool = explain_option(),
) -> None:
    """Compare designs: power to act, the P5's share, seats and power by group, representation.

    Examples: unsclab compare status-quo g4-2005 ezulwini-2005 --state KAZ --plot compare.png;
    unsclab compare --format latex --out compare.tex
    """
    from unsclab.api import compare_rows
    from unsclab.designs import catalog_ids, load_design

    dest = target(fmt, out, as_json, explain)
    if plot:
        from unsclab._files import check_target

        check_target(plot, field="--plot", suffixes=(".png", ".svg", ".pdf"))
    designs = [load_design(r) for r in (refs or catalog_ids())]
    if holders:
        designs = [d.with_holders(split_codes(holders))[0] for d in designs]
    rows, evaluations = compare_rows(
        designs, state=state, occupancy=occupancy, history=history, since=since, draws=draws,
        seed=seed, each=lambda ds: progress(ds, "Comparing designs", total=len(designs)))
    if occupancy == "auto" and evaluations and evaluations[0].occupancy.method != "elections":
        sys.stderr.write("note: the record is not available (see 'unsclab data status'); "
                         "unnamed seats rotate uniformly within their group\n")
    if plot:
        from unsclab.report.compare import compare_figure

        compare_figure(evaluations, plot, state=rows[0].get("state", {}).get("iso3")
                       if rows else None)
    dest.emit(compare_tables(rows), json_payload=rows)
    if plot:
        sys.stderr.write(f"wrote {plot}\n")


def _group_columns(prefix: str, quantity: str, what: str) -> list[Column]:
    from unsclab.groups import GROUP_NAMES, GROUPS

    return [Column(f"{prefix}{g}", header=f"{g} {what}", short=g, quantity=quantity,
                   definition=f"{GROUP_NAMES[g]}: " + ("share of Banzhaf power."
                                                        if quantity == "power_share" else
                                                        "expected seats."))
            for g in GROUPS]


def compare_tables(rows: list[dict]) -> list[Table]:
    """The tables of ``unsclab compare`` (also what ``--format csv`` joins side by side)."""
    method = rows[0]["occupancy"] if rows else ""
    flat = []
    for r in rows:
        f = {k: v for k, v in r.items() if not isinstance(v, dict)}
        f.update({f"power:{g}": v for g, v in r["power_by_group"].items()})
        f.update({f"seats:{g}": v for g, v in r["seats_by_group"].items()})
        f.update({f"replay:{k}": v for k, v in (r.get("replay") or {}).items()})
        f.update({f"state:{k}": v for k, v in (r.get("state") or {}).items()})
        if r.get("replay"):
            rp = r["replay"]
            f["replay:vetoed_pass"] = f"{rp['vetoed_now_adopted']} of {rp['historical_vetoed']}"
        flat.append(f)
    design = Column("id", header="Design")
    tables = [Table(
        f"Decision rule, and share of power by group (unnamed seats filled by {method})",
        [design, Column("seats", quantity="size"), Column("quota"),
         Column("veto", header="Veto holders", short="Veto", kind="text",
                definition="Seats with a veto (and how many negative votes of theirs block)."),
         Column("coleman_act"), Column("p5_power_share"),
         *_group_columns("power:", "power_share", "share of power")], flat)]
    if rows and rows[0].get("replay"):
        rp0 = rows[0]["replay"]
        tables.append(Table(
            f"History replayed {rp0['since']}–2025 ({rp0['decisions']} decisions, "
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
    tables.append(Table(
        "Representation: expected seats by group and fairness (0 is fairest)",
        [design, *_group_columns("seats:", "seats", "expected seats"),
         Column("population_with_permanent_seat"), Column("penrose_distance"),
         Column("gini_power_per_person")], flat))
    if rows and rows[0].get("state"):
        from unsclab.states import state_name

        code = rows[0]["state"]["iso3"]
        tables.append(Table(
            f"{state_name(code)} ({code}): expected power and years on the Council",
            [design, Column("state:banzhaf_share", quantity="banzhaf"),
             Column("state:shapley_shubik_share", quantity="shapley_shubik"),
             Column("state:years_per_decade", quantity="years_per_decade")], flat))
    return tables


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
