"""CLI: ``unsclab votes backtest`` — the vote model against its baselines."""

from __future__ import annotations

from typing import Optional

import typer

from unsclab.cli.common import user_errors
from unsclab.cli.options import year_option
from unsclab.cli.output import Column, Table, explain_option, format_option, out_option, status, \
    target

votes_app = typer.Typer(help="The vote model (how a state that did not sit would have voted).\n\n"
                        "Example: unsclab votes backtest --since 1990",
                        no_args_is_help=True, rich_markup_mode=None)


@votes_app.command("backtest")
@user_errors
def backtest(
    since: Optional[int] = year_option("--since", None, "First year of decisions."),
    until: Optional[int] = year_option("--until", None, "Last year of decisions."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
    explain: bool = explain_option(),
) -> None:
    """Hide each real elected member's vote on every decision and predict it.

    Example: unsclab votes backtest --since 1990 --json
    """
    from unsclab.votes.backtest import backtest as run

    dest = target(fmt, out, as_json, explain)
    with status("Backtesting the vote model"):
        res = run(since=since, until=until)
    rows = [{"model": name, **r} for name, r in
            [(res["model"]["name"], res["model"]), *res["baselines"].items()]]
    table = Table(f"Vote model backtest ({res['samples']} hidden votes, "
                  f"{res['contested_samples']} on contested decisions)", [
                      Column("model", header="Model"), Column("accuracy"), Column("log_loss"),
                      Column("contested_accuracy", quantity="accuracy",
                             header="Accuracy on contested decisions", short="Contested acc."),
                      Column("contested_log_loss", quantity="log_loss",
                             header="Log-loss on contested decisions",
                             short="Contested log-loss")], rows)
    notes = [f"vs {name}: contested accuracy +{100 * m['contested_accuracy']:.1f} points, "
             f"contested log-loss −{m['contested_log_loss']:.3f}"
             for name, m in res["margin"].items()]
    dest.emit([table], json_payload=res, notes=[*notes, res["alignment_note"]])


def register(app: typer.Typer) -> None:
    app.add_typer(votes_app, name="votes")
