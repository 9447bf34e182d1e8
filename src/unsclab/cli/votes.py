"""CLI: ``unsclab votes backtest`` — the vote model against its baselines."""

from __future__ import annotations

from typing import Optional

import typer

from unsclab.cli.common import console, print_json, user_errors

votes_app = typer.Typer(help="The vote model (how a state that did not sit would have voted).\n\n"
                        "Example: unsclab votes backtest --since 1990",
                        no_args_is_help=True, rich_markup_mode=None)


@votes_app.command("backtest")
@user_errors
def backtest(
    since: Optional[int] = typer.Option(None, "--since", help="First year of decisions."),
    until: Optional[int] = typer.Option(None, "--until", help="Last year of decisions."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Hide each real elected member's vote on every decision and predict it.

    Example: unsclab votes backtest --since 1990 --json
    """
    from unsclab.votes.backtest import backtest as run

    res = run(since=since, until=until)
    if as_json:
        print_json(res)
        return
    from rich.table import Table

    con = console()
    t = Table(title=f"Vote model backtest ({res['samples']} hidden votes, "
                    f"{res['contested_samples']} on contested decisions)")
    for c in ("model", "accuracy", "log-loss", "contested acc.", "contested log-loss"):
        t.add_column(c)
    rows = [(res["model"]["name"], res["model"])] + list(res["baselines"].items())
    for name, r in rows:
        t.add_row(name, f"{r['accuracy']:.4f}", f"{r['log_loss']:.4f}",
                  f"{r['contested_accuracy']:.4f}", f"{r['contested_log_loss']:.4f}")
    con.print(t)
    for name, m in res["margin"].items():
        con.print(f"vs {name}: contested accuracy +{100 * m['contested_accuracy']:.1f} points, "
                  f"contested log-loss −{m['contested_log_loss']:.3f}")
    con.print(res["alignment_note"])


def register(app: typer.Typer) -> None:
    app.add_typer(votes_app, name="votes")
