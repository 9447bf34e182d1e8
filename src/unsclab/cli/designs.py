"""CLI: ``unsclab designs list|show|validate`` and ``unsclab decide``."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from unsclab.cli.common import console, print_json, split_codes, user_errors
from unsclab.cli.output import (Column, Table, explain_option, format_option, out_option,
                                target)

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
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
    explain: bool = explain_option(),
) -> None:
    """List the built-in catalogue of designs.

    Examples: unsclab designs list --json; unsclab designs list --out catalogue.md
    """
    from unsclab.designs import design_summary, load_catalog

    dest = target(fmt, out, as_json, explain)
    rows = [design_summary(d) for d in load_catalog()]
    for r in rows:
        r["veto_text"] = "none" if not r["veto_holders"] else (
            f"{r['veto_holders']} holders" + (f", {r['veto_negatives']} needed"
                                              if r["veto_negatives"] > 1 else ""))
    table = Table("The unsclab catalogue of Security Council designs", [
        Column("id", header="Design"), Column("name", header="Name"),
        Column("year", header="Year", kind="int"), Column("status", header="Status"),
        Column("seats", quantity="size"),
        Column("permanent", header="Permanent", short="P", kind="int",
               definition="Permanent seats."),
        Column("long_term", header="Long-term", short="LT", kind="int",
               definition="Long-term (renewable) seats."),
        Column("elected", header="Elected", short="E", kind="int",
               definition="Elected seats (two-year terms unless the design says otherwise)."),
        Column("quota"),
        Column("veto_text", header="Veto", kind="text",
               definition="Veto holders, and how many of their negative votes block.")], rows)
    dest.emit([table], json_payload=[{k: v for k, v in r.items() if k != "veto_text"}
                                     for r in rows])


@designs_app.command("show")
@user_errors
def show_design(
    ref: str = typer.Argument(..., help="A catalogue id or the path of a design TOML file."),
    as_json: bool = typer.Option(False, "--json", help="Print the full design as JSON."),
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
) -> None:
    """Show a design: seats by class and group, the decision rule, sources and assumptions.

    Example: unsclab designs show ezulwini-2005
    """
    from unsclab.designs import design_to_dict, load_design
    from unsclab.designs.sharing import holders_text

    dest = target(fmt, out, as_json)
    design = load_design(ref)
    veto = design.rule.veto
    rows = [{"class": c.label or c.id, "kind": c.kind, "group": c.constituency or ("any" if c.group == "open" else c.group),
             "count": c.count, "term": f"{c.term_years} yr" if c.term_years else "—",
             "re_eligible": c.re_eligible,
             "veto": "yes" if c.id in veto.classes else (
                 "deferred" if c.id in veto.deferred else "no"),
             "holders": holders_text(c) or ""} for c in design.seats]
    table = Table(f"Seats: {design.size}", [
        Column("class", header="Class"), Column("kind", header="Kind"),
        Column("group", header="Group"), Column("count", header="Seats", kind="int"),
        Column("term", header="Term"), Column("re_eligible", header="Re-eligible", kind="text"),
        Column("veto", header="Veto"), Column("holders", header="Holders", block=True)], rows)
    preamble = [f"[bold]{design.name}[/bold]  ({design.id}, {design.year}, {design.status})"]
    if design.summary:
        preamble.append(design.summary.strip())
    dest.emit([table], json_payload={**design_to_dict(design), "size": design.size},
              preamble=preamble if dest.fmt == "table" else [_plain(p) for p in preamble],
              notes=_rule_lines(design))


def _plain(text: str) -> str:
    return text.replace("[bold]", "").replace("[/bold]", "")


def _rule_lines(design) -> list[str]:
    """The decision rule, sources and assumptions of ``design`` in sentences."""
    from unsclab.designs.sharing import sharing_lines

    rule, veto = design.rule, design.rule.veto
    names = {c.id: c.label or c.id for c in design.seats}

    def classes(ids) -> str:
        return "; ".join(names.get(i, i) for i in ids)

    lines = [f"Decision rule: {rule.quota} of {design.size} affirmative votes on substantive "
             f"matters, {rule.procedural} on procedural matters."]
    if veto.classes:
        if veto.abstention_blocks:
            what = "anything but a concurring vote (abstention and absence block too)"
        elif veto.negatives == 1:
            what = "one holder's negative vote"
        else:
            what = f"negative votes of {veto.negatives} holders"
        lines.append(f"Veto: held by {classes(veto.classes)}; blocking takes {what}.")
    else:
        lines.append("Veto: none.")
    if veto.deferred:
        lines.append(f"Deferred veto: {classes(veto.deferred)} (review after "
                     f"{veto.review_after_years} years).")
    for j, maj in enumerate(rule.majorities, 1):
        lines.append(f"Extra majority {j}: at least {maj.at_least} in favour among "
                     f"{classes(maj.classes)}.")
    lines.extend(sharing_lines(design))
    lines.append("Sources:")
    for s in design.sources:  # the link on a line of its own: never broken, easy to copy
        lines.append("  - " + " — ".join(b for b in (s.symbol, s.title, s.date) if b))
        if s.url:
            lines.append(f"    {s.url}")
    if design.assumptions:
        lines.append("Assumptions:")
        lines.extend(f"  - {a.field}: {a.note}" for a in design.assumptions)
    return lines


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
    yes: Optional[str] = typer.Option(None, "--yes", help="States voting in favour: ISO3,ISO3,… (a shared seat votes under its organisation's code, e.g. EU)."),
    no: Optional[str] = typer.Option(None, "--no", help="States voting against."),
    abstain: Optional[str] = typer.Option(None, "--abstain", help="States abstaining."),
    not_voting: Optional[str] = typer.Option(None, "--not-voting", help="States present and not voting."),
    seat: list[str] = typer.Option([], "--seat", help="Seat a state in a class, e.g. NGA=new-permanent-africa (needed where an unnamed seat has a veto); repeatable."),
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
        return
    console().print(decision.reason, markup=False)
    for warning in decision.warnings:
        sys.stderr.write(f"note: {warning}\n")


def register(app: typer.Typer) -> None:
    app.add_typer(designs_app, name="designs")
    app.command("decide")(decide_command)
