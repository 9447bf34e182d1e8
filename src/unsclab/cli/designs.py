"""CLI: ``unsclab designs list|show|validate`` and ``unsclab decide``."""

from __future__ import annotations

from typing import Optional

import typer

from unsclab.cli.common import console, print_json, split_codes, user_errors

designs_app = typer.Typer(
    help="The catalogue of council designs, and your own design files.\n\n"
    "Example: unsclab designs show g4-2005",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@designs_app.command("list")
@user_errors
def list_designs(
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list instead of a table."),
) -> None:
    """List the built-in catalogue of designs.

    Example: unsclab designs list --json
    """
    from unsclab.designs import design_summary, load_catalog

    rows = [design_summary(d) for d in load_catalog()]
    if as_json:
        print_json(rows)
        return
    from rich.table import Table

    table = Table(title="unsclab catalogue of Security Council designs")
    for col in ("id", "name", "year", "status", "seats", "P", "LT", "E", "quota", "veto"):
        table.add_column(col, justify="right" if col in ("year", "seats", "P", "LT", "E", "quota") else "left")
    for r in rows:
        veto = "none" if not r["veto_holders"] else (
            f"{r['veto_holders']} holders" + (f", {r['veto_negatives']} needed" if r["veto_negatives"] > 1 else ""))
        table.add_row(r["id"], r["name"], str(r["year"]), r["status"], str(r["seats"]),
                      str(r["permanent"]), str(r["long_term"]), str(r["elected"]), str(r["quota"]), veto)
    console().print(table)


@designs_app.command("show")
@user_errors
def show_design(
    ref: str = typer.Argument(..., help="A catalogue id or the path of a design TOML file."),
    as_json: bool = typer.Option(False, "--json", help="Print the full design as JSON."),
) -> None:
    """Show a design: seats by class and group, the decision rule, sources and assumptions.

    Example: unsclab designs show ezulwini-2005
    """
    from unsclab.designs import design_to_dict, load_design

    design = load_design(ref)
    if as_json:
        print_json({**design_to_dict(design), "size": design.size})
        return
    from rich.table import Table

    out = console()
    out.print(f"[bold]{design.name}[/bold]  ({design.id}, {design.year}, {design.status})")
    if design.summary:
        out.print(design.summary.strip())
    seats = Table(title=f"Seats: {design.size}")
    for col in ("class", "kind", "group", "seats", "term", "re-eligible", "veto", "holders"):
        seats.add_column(col)
    veto = design.rule.veto
    for c in design.seats:
        status = "yes" if c.id in veto.classes else ("deferred" if c.id in veto.deferred else "no")
        seats.add_row(c.label or c.id, c.kind, c.constituency or c.group, str(c.count),
                      f"{c.term_years} yr" if c.term_years else "—", "yes" if c.re_eligible else "no",
                      status, ", ".join(c.holders) or "—")
    out.print(seats)
    rule = design.rule
    out.print(f"Decision rule: {rule.quota} of {design.size} affirmative votes on substantive matters, "
              f"{rule.procedural} on procedural matters.")
    if veto.classes:
        if veto.abstention_blocks:
            what = "anything but a concurring vote (abstention and absence block too)"
        elif veto.negatives == 1:
            what = "one holder's negative vote"
        else:
            what = f"negative votes of {veto.negatives} holders"
        out.print(f"Veto: holders in {', '.join(veto.classes)}; blocking takes {what}.")
    else:
        out.print("Veto: none.")
    if veto.deferred:
        out.print(f"Deferred veto: {', '.join(veto.deferred)} (review after {veto.review_after_years} years).")
    for j, maj in enumerate(rule.majorities, 1):
        out.print(f"Extra majority {j}: at least {maj.at_least} in favour among {', '.join(maj.classes)}.")
    out.print("[bold]Sources[/bold]")
    for s in design.sources:
        bits = [b for b in (s.symbol, s.title, s.date, s.url) if b]
        out.print("  - " + " — ".join(bits))
    if design.assumptions:
        out.print("[bold]Assumptions[/bold]")
        for a in design.assumptions:
            out.print(f"  - {a.field}: {a.note}")


@designs_app.command("validate")
def validate_designs(
    paths: list[str] = typer.Argument(..., help="Design TOML files to check."),
) -> None:
    """Check design files; exit 0 when all are valid, else 1 with one line per problem.

    Example: unsclab designs validate my-council.toml
    """
    import sys

    from unsclab.designs import load_design
    from unsclab.errors import UnsclabError

    bad = False
    for path in paths:
        try:
            design = load_design(path)
        except UnsclabError as err:
            bad = True
            for problem in err.problems:
                sys.stderr.write(f"{problem}\n")
        else:
            sys.stdout.write(f"{path}: valid ({design.id}, {design.size} seats)\n")
    if bad:
        raise typer.Exit(1)


@user_errors
def decide_command(
    ref: str = typer.Argument(..., help="A catalogue id or the path of a design TOML file."),
    yes: Optional[str] = typer.Option(None, "--yes", help="States voting in favour: ISO3,ISO3,…"),
    no: Optional[str] = typer.Option(None, "--no", help="States voting against."),
    abstain: Optional[str] = typer.Option(None, "--abstain", help="States abstaining."),
    not_voting: Optional[str] = typer.Option(None, "--not-voting", help="States present and not voting."),
    seat: list[str] = typer.Option([], "--seat", help="ISO3=CLASS: seat a state in a class (for unnamed veto seats)."),
    procedural: bool = typer.Option(False, "--procedural", help="Decide as a procedural matter (no veto)."),
    as_json: bool = typer.Option(False, "--json", help="Print the decision as JSON."),
) -> None:
    """Decide a vote under a design: adopted, vetoed (by whom) or failed (short by how many).

    Example: unsclab decide status-quo --yes DZA,ECU,GUY,JPN,MLT,MOZ,KOR,SLE,SVN,FRA,RUS,CHN
    --no USA --abstain GBR,CHE
    """
    from unsclab.designs import load_design
    from unsclab.errors import BallotError
    from unsclab.rules import Ballot, decide

    seats = {}
    for item in seat:
        code, sep, cls = item.partition("=")
        if not sep or not code or not cls:
            raise BallotError(f"--seat {item!r}: expected ISO3=CLASS, e.g. NGA=permanent-africa")
        seats[code.strip().upper()] = cls.strip()
    design = load_design(ref)
    ballot = Ballot.from_lists(split_codes(yes), split_codes(no), split_codes(abstain),
                               split_codes(not_voting), seats=seats)
    decision = decide(design, ballot, procedural=procedural)
    if as_json:
        print_json({"design": design.id, **decision.to_dict()})
    else:
        console().print(decision.reason)


def register(app: typer.Typer) -> None:
    app.add_typer(designs_app, name="designs")
    app.command("decide")(decide_command)
