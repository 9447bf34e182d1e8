"""CLI: ``unsclab compare`` — designs side by side: rule, power, history and representation."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from unsclab.cli.common import split_codes, user_errors
from unsclab.cli.options import HISTORIES, OCCUPANCIES, choice_option, seed_option, year_option
from unsclab.cli.output import explain_option, format_option, out_option, progress, target


@user_errors
def compare_command(
    refs: list[str] = typer.Argument(None, help="Catalogue ids or design files; default the whole catalogue."),
    state: Optional[str] = typer.Option(None, "--state", help="Add this state's expected power and years on the Council (ISO3)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (a list, one object per design)."),
    plot: Optional[str] = typer.Option(None, "--plot", help="Write a comparison figure (PNG) to this file."),
    occupancy: str = choice_option("--occupancy", "auto", OCCUPANCIES, "Who fills unnamed seats: elections (the calibrated model; auto is the same), or uniform (rotation within group)."),
    history: str = choice_option("--history", "auto", HISTORIES, "Replay the record under each design: yes (auto is the same) or no."),
    since: int = year_option("--since", 1990, "First year of the replay columns."),
    draws: int = typer.Option(200, "--draws", help="Monte Carlo draws for elections and replay (1 … 100,000)."),
    seed: int = seed_option(1, "Seed of the Monte Carlo draws."),
    a_posteriori: bool = typer.Option(False, "--a-posteriori", help="Add a posteriori power on the real agenda since --since, through the replay, against a priori (several seconds a design)."),
    holders: Optional[str] = typer.Option(None, "--holders", help="Scenario: these states (ISO3,ISO3,...) take the unnamed permanent seats of their group, e.g. BRA,DEU,IND,JPN,NGA,ZAF."),
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
    explain: bool = explain_option(),
) -> None:
    """Compare designs: power to act, the P5's share, seats and power by group, representation.

    Examples: unsclab compare status-quo g4-2005 ezulwini-2005 --state KAZ --plot compare.png;
    unsclab compare status-quo two-vetoes --a-posteriori; unsclab compare --format latex --out
    compare.tex
    """
    from unsclab.api.comparing import compare_rows, compare_tables
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
        seed=seed, each=lambda ds: progress(ds, "Comparing designs", total=len(designs)),
        a_posteriori=a_posteriori)
    if plot:
        from unsclab.report.compare import compare_figure

        compare_figure(evaluations, plot, state=rows[0].get("state", {}).get("iso3")
                       if rows else None)
    dest.emit(compare_tables(rows), json_payload=rows)
    if plot:
        sys.stderr.write(f"wrote {plot}\n")


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
