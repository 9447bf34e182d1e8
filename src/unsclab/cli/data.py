"""CLI: ``unsclab data status|update|fetch`` and the ``record`` group (its commands:
:mod:`unsclab.cli.record_report`, :mod:`unsclab.cli.record`)."""

from __future__ import annotations

import typer

from unsclab.cli.output import explain_option, format_option, out_option

from unsclab.cli.common import user_errors

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
def status(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    fmt: str = format_option(),
    out: str | None = out_option(),
    explain: bool = explain_option(),
) -> None:
    """Each table: the layer it is read from, its build date and coverage; each raw source:
    present, verified (SHA-256), where.

    Example: unsclab data status --json
    """
    user_errors(_status)(as_json=as_json, fmt=fmt, out=out, explain=explain)


def _status_tables(tables: list[dict], sources: list[dict]) -> list:
    from unsclab.tables import Column, Table

    rows = [{**r, "years": "–".join(map(str, r["years"])) if r["years"] else "—"}
            for r in tables]
    src = [{"name": r["name"], "present": bool(r["present"]),
            "verified": "yes" if r["verified"] else ("MISMATCH" if r["present"] else "—"),
            "where": r["where"]} for r in sources]
    return [
        Table("Tables (layers: data → cache → snapshot)", [
            Column("table", header="Data table"),
            Column("layer", header="Layer",
                   definition="Where the table is read: data (built from the raw sources in "
                              "UNSCLAB_DATA), cache (the user cache, 'unsclab data update'), "
                              "snapshot (embedded in the package)."),
            Column("built", header="Built", definition="The day the table was built."),
            Column("rows", header="Rows", kind="count"),
            Column("years", header="Years", definition="The years the table covers.")], rows),
        Table("Raw sources", [
            Column("name", header="Source"), Column("present", header="Present"),
            Column("verified", header="Verified",
                   definition="Whether the file's SHA-256 is the one the source registry "
                              "pins."),
            Column("where", header="Where")], src)]


def _status(*, as_json, fmt, out, explain) -> None:
    from unsclab.cli.output import target
    from unsclab.data.fetch import cache_dir, data_dir
    from unsclab.data.fetch import status as source_status
    from unsclab.data.imports import import_status
    from unsclab.data.layers import status as table_status

    tgt = target(fmt, out, as_json, explain)
    tables, sources, imported = table_status(), source_status(), import_status()
    d = data_dir()
    payload = {"data_dir": str(d) if d else None, "cache_dir": str(cache_dir()),
               "tables": tables, "sources": sources, "imports": imported}
    lines = [f"imported {e['file']} ({e['imported'][:10]}): {e['added']} added, "
             f"{e['replaced']} replaced" for e in imported]  # laid over the tables above
    tgt.emit(_status_tables(tables, sources), json_payload=payload,
             preamble=[f"UNSCLAB_DATA: {d or 'unset'}; user cache: {cache_dir()}"],
             notes=lines)


@data_app.command("update")
def update(
    offline: bool = typer.Option(False, "--offline", help="Do not download; use the sources "
                                 "already in UNSCLAB_DATA or the cache."),
    fmt: str = format_option(), out: str | None = out_option(),
) -> None:
    """Rebuild the user cache's tables from the raw sources (UNSCLAB_DATA, the cache, or
    downloads verified by SHA-256). Tables whose sources cannot be had are left out (the
    embedded snapshot answers for them), and said so.

    Example: unsclab data update
    """
    user_errors(_update)(offline=offline, fmt=fmt, out=out)


def _update(*, offline, fmt, out) -> None:
    from unsclab.cli.output import status, target
    from unsclab.data.fetch import locate
    from unsclab.data.layers import cache_snapshot_dir
    from unsclab.data.snapshot import update_cache_snapshot
    from unsclab.data.tables import tables
    from unsclab.errors import DataError
    from unsclab.tables import Column, Table

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
    tgt = target(fmt, out)
    with status(f"building {len(names)} tables from the raw sources"):
        manifest = update_cache_snapshot(cache_snapshot_dir(), names)
    skipped = [n for n in tables() if n not in manifest["tables"]]
    if skipped:
        typer.echo(f"not rebuilt (sources missing; the embedded snapshot answers): "
                   f"{', '.join(skipped)}", err=True)
    rows = [{"table": name, "rows": t["rows"],
             "years": "–".join(map(str, t["years"])) if t["years"] else "—"}
            for name, t in manifest["tables"].items()]
    tgt.emit([Table(f"Tables rebuilt in the user cache ({cache_snapshot_dir()})", [
        Column("table", header="Data table"), Column("rows", header="Rows", kind="count"),
        Column("years", header="Years")], rows)], json_payload=manifest)


@data_app.command("fetch")
def fetch(
    offline: bool = typer.Option(False, "--offline", help="Do not download; only verify."),
    fmt: str = format_option(), out: str | None = out_option(),
) -> None:
    """Locate and verify every source, downloading missing ones into the user cache.

    Example: unsclab data fetch
    """
    user_errors(_fetch)(offline=offline, fmt=fmt, out=out)


def _fetch(*, offline, fmt, out) -> None:
    from unsclab.cli.output import status, target
    from unsclab.data.fetch import fetch_all
    from unsclab.tables import Column, Table

    tgt = target(fmt, out)
    with status("locating and verifying the raw sources"):
        found = list(fetch_all(download=not offline))
    tgt.emit([Table("Raw sources, verified (SHA-256)", [
        Column("name", header="Source"), Column("location", header="Location", block=True)],
        found)],
        json_payload=found)


def register(app: typer.Typer) -> None:
    """Add ``data`` and ``record`` to the ``unsclab`` command."""
    app.add_typer(data_app, name="data")
    app.add_typer(record_app, name="record")
