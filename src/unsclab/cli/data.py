"""CLI: ``unsclab data status|update|fetch`` and ``unsclab record check|summary|show``."""

from __future__ import annotations

import typer

from unsclab.cli.common import console, print_json, user_errors

data_app = typer.Typer(
    help="The data: which layer each table comes from, the raw sources, updating the cache.\n\n"
    "Tables are read from $UNSCLAB_DATA (built from the raw sources), then the user cache "
    "(written by 'unsclab data update'), then the snapshot embedded in the package.\n\n"
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
    """Each table: the layer it is read from, its build date and coverage; each raw source:
    present, verified (SHA-256), where.

    Example: unsclab data status --json
    """
    from unsclab.data.fetch import cache_dir, data_dir
    from unsclab.data.fetch import status as source_status
    from unsclab.data.layers import status as table_status

    from unsclab.data.imports import import_status

    tables, sources, imported = table_status(), source_status(), import_status()
    d = data_dir()
    if as_json:
        print_json({"data_dir": str(d) if d else None, "cache_dir": str(cache_dir()),
                    "tables": tables, "sources": sources, "imports": imported})
        return
    from rich.table import Table

    c = console()
    c.print(f"UNSCLAB_DATA: {d or 'unset'}; user cache: {cache_dir()}", markup=False)
    t = Table(title="tables (layers: data → cache → snapshot)")
    for col in ("table", "layer", "built", "rows", "years"):
        t.add_column(col, justify="right" if col == "rows" else "left")
    for r in tables:
        years = "–".join(map(str, r["years"])) if r["years"] else "-"
        t.add_row(r["table"], r["layer"], str(r["built"] or "-"), f"{r['rows']:,}", years)
    c.print(t)
    t = Table(title="raw sources")
    for col in ("source", "present", "verified", "where"):
        t.add_column(col)
    for r in sources:
        t.add_row(str(r["name"]), "yes" if r["present"] else "no",
                  "yes" if r["verified"] else ("MISMATCH" if r["present"] else "-"),
                  str(r["where"]))
    c.print(t)
    for e in imported:  # laid over the tables above ('unsclab data import')
        c.print(f"imported {e['file']} ({e['imported'][:10]}): {e['added']} added, "
                f"{e['replaced']} replaced", markup=False)


@data_app.command("update")
@user_errors
def update(
    offline: bool = typer.Option(False, "--offline", help="Do not download; use the sources "
                                 "already in UNSCLAB_DATA or the cache."),
) -> None:
    """Rebuild the user cache's tables from the raw sources (UNSCLAB_DATA, the cache, or
    downloads verified by SHA-256). Tables whose sources cannot be had are left out (the
    embedded snapshot answers for them), and said so.

    Example: unsclab data update
    """
    from unsclab.data.fetch import locate
    from unsclab.data.layers import cache_snapshot_dir
    from unsclab.data.snapshot import update_cache_snapshot
    from unsclab.data.tables import tables
    from unsclab.errors import DataError

    missing: dict[str, str] = {}
    names = []
    for name, spec in tables().items():
        for src in spec.sources:
            if src not in missing:
                try:
                    locate(src, download=not offline)
                except DataError as err:
                    missing[src] = str(err).splitlines()[0]
        if all(s not in missing for s in spec.sources):
            names.append(name)
    for src, why in missing.items():
        typer.echo(f"note: source {src} not available: {why}", err=True)
    if not names:
        raise DataError("no table could be built: no raw source is available; set UNSCLAB_DATA "
                        "or allow downloads", field="sources")
    manifest = update_cache_snapshot(cache_snapshot_dir(), names)
    for name, t in manifest["tables"].items():
        years = "–".join(map(str, t["years"])) if t["years"] else "-"
        typer.echo(f"{name}: {t['rows']:,} rows, years {years}")
    skipped = [n for n in tables() if n not in manifest["tables"]]
    if skipped:
        typer.echo(f"not rebuilt (sources missing; the embedded snapshot answers): "
                   f"{', '.join(skipped)}", err=True)
    typer.echo(f"wrote {cache_snapshot_dir()}")


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
    # One line per exception, in full: a table at 80 columns folds the reasons to a word per
    # line, and cutting them would hide the document that justifies the exception.
    c.print(f"exceptions to plain arithmetic ({len(report['exceptions'])}):", markup=False)
    for e in report["exceptions"]:
        documented = "documented" if e["documented"] else "NOT DOCUMENTED"
        plain = e["plain"] or "undecidable"
        c.print(f"- {e['symbol']} {e['date']}: recorded {e['recorded']}, plain arithmetic "
                f"{plain} ({e['kind']}, {documented}): {e['reason']}", markup=False)
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
