"""CLI: ``unsclab data import PATH`` — merge a newer UN Library voting CSV into the user cache."""

from __future__ import annotations

from pathlib import Path

import typer

from unsclab.cli.common import print_json, user_errors

_SHOWN = 12


def _line(item: dict) -> str:
    return f"  {item['symbol']:<20} {item['date']}  {item['tally']}"


def _print(report) -> None:
    d = report.to_dict()
    typer.echo(f"{Path(d['file']).name}: UN Library {d['title']}")
    for label, items in (("added", d["added"]), ("unchanged", d["unchanged"]),
                         ("conflicts", d["conflicts"])):
        typer.echo(f"{label}: {len(items)}")
        shown = items if label != "unchanged" else items[:3]
        for item in shown[:_SHOWN]:
            typer.echo(_line(item))
            for diff in item.get("differences", []):
                typer.echo(f"      {diff}")
        if len(items) > len(shown[:_SHOWN]):
            typer.echo(f"  … and {len(items) - len(shown[:_SHOWN])} more")
    if d["refused"]:
        _say("Nothing was changed: the file conflicts with the current record. Use "
             "--on-conflict keep to add only the new items, or --on-conflict replace to take "
             "the file's version.")
    elif d["written"]:
        kept = len(d["conflicts"]) - len(d["replaced"])
        _say(f"Merged into the user cache: {len(d['added'])} added, {len(d['replaced'])} "
             f"replaced by the file's version, {kept} conflicting kept as in the record. "
             "'unsclab data import --undo' removes every import.")
    else:
        _say("Nothing to merge." if not d["added"] and not d["replaced"]
             else "Dry run: nothing was written.")


def _say(text: str) -> None:
    import shutil
    import textwrap

    width = min(shutil.get_terminal_size((80, 24)).columns, 80)
    typer.echo(textwrap.fill(text, width=width, break_on_hyphens=False))


def import_command(
    path: Path = typer.Argument(None, help="The Library's SC or GA voting-data CSV."),
    on_conflict: str = typer.Option(
        "refuse", "--on-conflict",
        help="What to do where the file disagrees with the current record: refuse (change "
        "nothing), keep (add only what is new) or replace (take the file's version)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Report, write nothing."),
    undo: bool = typer.Option(False, "--undo", help="Remove every import from the user cache."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Merge a newer UN Library voting file (Security Council or General Assembly CSV).

    Reports what the file adds, what is unchanged and what conflicts with the current record;
    changes nothing on a conflict unless --on-conflict says otherwise. A file with unknown
    columns, unknown state codes or impossible tallies is refused with its line and field.

    Example: unsclab data import 2026_02_06_sc_voting.csv --dry-run
    """
    from unsclab.data.imports import clear, import_file
    from unsclab.errors import UnsclabError

    if undo:
        n = clear()
        print_json({"removed": n}) if as_json else typer.echo(f"removed {n} import files")
        return
    if path is None:
        raise UnsclabError("give the path of a UN Library voting-data CSV (or --undo)",
                           field="PATH")
    report = import_file(path, on_conflict=on_conflict, dry_run=dry_run)
    if as_json:
        print_json(report.to_dict())
    else:
        _print(report)
    if report.refused:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``import`` to the ``data`` group (registered by :mod:`unsclab.cli.data`)."""
    from unsclab.cli.data import data_app

    data_app.command("import")(user_errors(import_command))
