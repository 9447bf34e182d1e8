"""CLI: ``unsclab data status|fetch`` and ``unsclab record check|summary|show``."""

from __future__ import annotations

import typer

from unsclab.cli.common import console, print_json, user_errors

data_app = typer.Typer(
    help="The raw sources: where they are, whether they verify, fetching them.\n\n"
    "Sources are looked for in $UNSCLAB_DATA, then in the user cache.\n\n"
    "Example: unsclab data status",
    no_args_is_help=True,
    rich_markup_mode=None,
)
record_app = typer.Typer(
    help="The historical record of Security Council votes since 1946, and its proof.\n\n"
    "Example: unsclab record show S/RES/678(1990)",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@data_app.command("status")
@user_errors
def status(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Each source: present, verified (SHA-256), and where it was found.

    Example: unsclab data status --json
    """
    from unsclab.data.fetch import cache_dir, data_dir, status as _status

    rows = _status()
    if as_json:
        print_json({"data_dir": str(data_dir()) if data_dir() else None,
                    "cache_dir": str(cache_dir()), "sources": rows})
        return
    from rich.table import Table

    d = data_dir()
    table = Table(title=f"unsclab sources (UNSCLAB_DATA={d or 'unset'}; cache {cache_dir()})")
    for col in ("source", "file", "present", "verified", "where"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["name"]), str(r["path"]), "yes" if r["present"] else "no",
                      "yes" if r["verified"] else ("MISMATCH" if r["present"] else "-"),
                      str(r["location"] or "missing"))
    console().print(table)


@data_app.command("fetch")
@user_errors
def fetch(
    offline: bool = typer.Option(False, "--offline", help="Do not download; only verify."),
) -> None:
    """Locate and verify every source, downloading missing ones into the user cache.

    Example: unsclab data fetch
    """
    from unsclab.data.fetch import fetch_all

    for r in fetch_all(download=not offline):
        typer.echo(f"{r['name']}: {r['location']}")


@record_app.command("check")
@user_errors
def check(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Prove the record: tallies, seats, membership against DPPA, and decide() on every vote.

    Exits 0 only when every decision is reproduced or its exception documented.

    Example: unsclab record check --json
    """
    from unsclab.record import Record

    report = Record.load().check()
    if as_json:
        print_json(report)
    else:
        _print_check(report)
    if not report["ok"]:
        raise typer.Exit(1)


def _print_check(report: dict) -> None:
    from rich.table import Table

    c = console()
    c.print(f"decisions: {report['decisions']} ({report['decisions_with_known_votes']} with "
            f"known votes)")
    c.print(f"reproduced by decide() (procedural and adoption without a vote modelled): "
            f"{report['reproduced']}")
    c.print(f"reproduced by plain arithmetic: {report['reproduced_plain']}")
    c.print(f"tallies: {len(report['tallies']['mismatches'])} mismatches; seats: "
            f"{len(report['seats']['mismatches'])}; membership vs DPPA: "
            f"{len(report['membership']['mismatches'])} of "
            f"{report['membership']['years_checked']} years differ")
    table = Table(title="exceptions to plain arithmetic")
    for col in ("symbol", "date", "recorded", "plain", "kind", "documented", "reason"):
        table.add_column(col, overflow="fold")
    for e in report["exceptions"]:
        table.add_row(e["symbol"], e["date"], e["recorded"], str(e["plain"]), e["kind"],
                      "yes" if e["documented"] else "NO", e["reason"][:160])
    c.print(table)
    from unsclab.cli.record import print_second_source

    print_second_source(report)
    c.print("ok" if report["ok"] else "NOT OK: undocumented exceptions or mismatches above")


@record_app.command("summary")
@user_errors
def summary(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Counts by outcome and by decade, vetoes by permanent member.

    Example: unsclab record summary --json
    """
    from unsclab.record import Record

    s = Record.load().summary()
    if as_json:
        print_json(s)
        return
    from rich.table import Table

    c = console()
    c.print(f"{s['decisions']} decisions, {s['first']} … {s['last']} ({s['source']})")
    table = Table(title="by decade")
    for col in ("decade", "adopted", "vetoed", "lack of majority"):
        table.add_column(col, justify="right")
    for dec, row in s["by_decade"].items():
        table.add_row(dec, *(str(row[k]) for k in ("adopted", "vetoed", "lack_of_majority")))
    table.add_row("total", *(str(s["by_outcome"][k])
                             for k in ("adopted", "vetoed", "lack_of_majority")))
    c.print(table)
    c.print("vetoes, all negative permanent votes on failed rows: " + ", ".join(
        f"{k} {v}" for k, v in s["vetoes_by_member"].items()) + f"; total {s['vetoes_total']}")
    c.print("vetoes on the Dag Hammarskjöld Library's definition (each vetoed draft or "
            "amendment once; no part votes, no Secretary-General ballots): " + ", ".join(
                f"{k} {v}" for k, v in s["vetoes_dhl_by_member"].items())
            + f"; total {s['vetoes_dhl_total']} (unsclab record vetoes)")
    c.print(f"adopted without a vote: {s['adopted_without_vote']}; procedural: "
            f"{s['procedural']}; votes unknown: {s['votes_unknown']}")


@record_app.command("show")
@user_errors
def show(
    symbol: str = typer.Argument(..., help="Draft symbol (S/2024/312) or resolution symbol "
                                 "(S/RES/678(1990))."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document (a list when "
                                 "several votes share the symbol)."),
) -> None:
    """One decision with its full ballot.

    Example: unsclab record show S/RES/678(1990) --json
    """
    from unsclab.record import Record

    hits = Record.load().show(symbol)
    if as_json:
        print_json(hits[0] if len(hits) == 1 else hits)
        return
    from rich.table import Table

    c = console()
    for h in hits:
        tally = f"{h['yes']}-{h['no']}-{h['abstain']}" + (
            f" ({h['not_voting']} not voting)" if h["not_voting"] else "")
        extra = []
        if h["vetoed_by"]:
            extra.append("vetoed by " + ", ".join(h["vetoed_by"]))
        if h["procedural"]:
            extra.append("procedural")
        if h["adopted_without_vote"]:
            extra.append("adopted without a vote")
        c.print(f"{h['symbol']}  {h['date']}  {h['outcome']}  {tally}"
                + (f"  ({'; '.join(extra)})" if extra else ""), markup=False)
        c.print(h["title"], markup=False)
        table = Table()
        table.add_column("seat")
        table.add_column("state at the time")
        table.add_column("vote")
        for code, vote in h["ballot"].items():
            table.add_row(code, h["names"][code]["name"], vote or "?")
        c.print(table)


def register(app: typer.Typer) -> None:
    """Add ``data`` and ``record`` to the ``unsclab`` command."""
    app.add_typer(data_app, name="data")
    app.add_typer(record_app, name="record")
