"""CLI: ``unsclab votes backtest``, ``model`` and ``power`` — the vote model and what it gives."""

from __future__ import annotations

from typing import Optional

import typer

from unsclab.cli.common import user_errors
from unsclab.cli.options import draws_option, seed_option, year_option
from unsclab.cli.output import Column, Table, explain_option, format_option, out_option, status, \
    target

votes_app = typer.Typer(help="The vote model (how a state that did not sit would have voted).\n\n"
                        "Example: unsclab votes backtest --since 2000",
                        no_args_is_help=True, rich_markup_mode=None)

_FEATURE_WORDS = {
    "alpha_abstain": "Constant of an abstention (a vote in favour is the reference).",
    "alpha_no": "Constant of a vote against.",
    "share": "Log share of the other members casting that vote on the draft.",
    "issue": "Log share weighted by GA agreement (session before) on the decision's issue "
             "(me/nu/di/hr/co/ec), or on all roll calls.",
    "ideal": "Log share weighted by closeness of GA ideal points (with their uncertainty).",
    "council": "Log share weighted by agreement on earlier contested Council votes.",
    "own": "Log of the state's own earlier frequency of that vote on contested drafts.",
    "group": "Log share among the members of the state's regional group.",
    "nearest": "1 if the state's nearest GA neighbour among the members cast that vote.",
}


def _score_columns(first: Column) -> list[Column]:
    return [first, Column("accuracy"), Column("log_loss"),
            Column("brier", header="Brier score", kind="number", digits=3,
                   definition="Mean squared error of the three probabilities."),
            Column("contested_accuracy", quantity="accuracy",
                   header="Accuracy on contested decisions", short="Contested acc."),
            Column("contested_log_loss", quantity="log_loss",
                   header="Log-loss on contested decisions", short="Contested log-loss")]


def _tables(res: dict) -> list[Table]:
    overall = [{"model": res["model"]["name"], **res["model"]},
               *({"model": k, **v} for k, v in res["baselines"].items())]
    tables = [Table(f"Vote model backtest {res['since']}–{res['until']} ({res['samples']} hidden "
                    f"votes, {res['contested_samples']} on contested decisions)",
                    _score_columns(Column("model", header="Model")), overall)]
    for key, title, caption in (
            ("by_period", "Period", "By period"),
            ("by_split", "Years", "Where features were selected, and the held-out years"),
            ("by_subject", "Subject", "By subject")):
        if not res.get(key):
            continue
        rows = [{"part": part, "model": name, **s} for part, by in res[key].items()
                for name, s in by.items()]
        tables.append(Table(caption, [Column("part", header=title),
                                                    *_score_columns(Column("model",
                                                                           header="Model"))],
                            rows))
    tables.append(Table("Reliability (held-out years)", [
        Column("vote", header="Vote"), Column("bin", header="Predicted", kind="text"),
        Column("n", header="Votes", kind="int"),
        Column("predicted", header="Mean predicted", kind="number", digits=3),
        Column("observed", header="Observed", kind="number", digits=3)], res["reliability"]))
    return tables


@votes_app.command("backtest")
@user_errors
def backtest(
    since: Optional[int] = year_option("--since", 1990, "First year of decisions."),
    until: Optional[int] = year_option("--until", None, "Last year of decisions."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
    explain: bool = explain_option(),
) -> None:
    """Hide each real elected member's vote and predict it, training on earlier years only.

    Example: unsclab votes backtest --since 2000 --json
    """
    from unsclab.errors import UnsclabError
    from unsclab.votes.backtest import backtest as run

    if since is not None and until is not None and since > until:
        raise UnsclabError(f"--since {since} is after --until {until}")
    dest = target(fmt, out, as_json, explain)
    with status("Backtesting the vote model"):
        res = run(since=since, until=until)
    notes = [f"vs {name}: contested accuracy {100 * m['contested_accuracy']:+.1f} points, "
             f"contested log-loss {-100 * m['contested_log_loss_reduction']:+.0f}%"
             for name, m in res["margin"].items()]
    cal = res["calibration"]
    notes.append(f"Calibration: largest gap {cal['worst_bin_gap']:.3f} in bins of "
                 f"{cal['min_bin']}+ votes (tolerance {cal['tolerance']}).")
    dest.emit(_tables(res), json_payload=res, notes=[*notes, res["alignment_note"]])


@votes_app.command("model")
@user_errors
def model(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
    explain: bool = explain_option(),
) -> None:
    """The vote model's features and fitted coefficients (all votes 1946–2025).

    Example: unsclab votes model
    """
    from unsclab.votes.logit import default_council_model

    dest = target(fmt, out, as_json, explain)
    with status("Fitting the vote model"):
        m = default_council_model()
    rows = [{"feature": k, "coefficient": v, "meaning": _FEATURE_WORDS[k]}
            for k, v in m.coefficients().items()]
    table = Table(f"{m.name}: P(vote) ∝ exp(constant + Σ coefficient × feature), fitted on "
                  f"{m.n_train} votes", [
                      Column("feature", header="Feature", kind="text"),
                      Column("coefficient", header="Coefficient", kind="number", digits=3),
                      Column("meaning", header="Meaning", kind="text")], rows)
    dest.emit([table], json_payload=m.describe(),
              notes=["Each feature and the fit: help(unsclab.votes.features), "
                     "help(unsclab.votes.logit)."])


@votes_app.command("power")
@user_errors
def power(
    since: int = year_option("--since", 1990, "First year of decisions."),
    until: int = year_option("--until", 2025, "Last year of decisions."),
    subject: Optional[str] = typer.Option(None, "--subject", help="Only decisions on this "
                                          "subject (title keywords)."),
    design: Optional[str] = typer.Option(None, "--design", help="Under this design (catalogue "
                                         "id or file), through the replay; default the real "
                                         "Council."),
    draws: int = draws_option(200),
    seed: int = seed_option(1),
    top: int = typer.Option(20, "--top", min=1, help="States shown."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
    explain: bool = explain_option(),
) -> None:
    """A posteriori power: each member's probability of being decisive on the real agenda.

    Examples: unsclab votes power --since 2000 --subject "Middle East";
    unsclab votes power --design g4-2005 --since 2000
    """
    from unsclab.cli.replay import _subject
    from unsclab.errors import UnsclabError

    if since > until:
        raise UnsclabError(f"--since {since} is after --until {until}")
    dest = target(fmt, out, as_json, explain)
    wanted = _subject(subject)
    if design is not None:
        from unsclab.designs import load_design
        from unsclab.replay.power import design_power

        d = load_design(design)
        with status(f"Computing a posteriori power under {d.id} ({draws} draws)"):
            res = design_power(d, since, until, wanted, draws=draws, seed=seed)
    else:
        from unsclab.votes.decisive import a_posteriori_power

        with status("Computing a posteriori power"):
            res = a_posteriori_power(since, until, wanted)
    dest.emit(_power_tables(res, top), json_payload=res,
              notes=["Method and references: help(unsclab.votes.decisive)"
                     + (", help(unsclab.replay.power)." if design else ".")])


def _power_tables(res: dict, top: int) -> list[Table]:
    from unsclab.states import state_name

    cols = [Column("a_posteriori", header="A posteriori P(decisive)", short="A posteriori",
                   kind="number", digits=4,
                   definition="P(adopted if it votes yes) − P(adopted if it votes no), the "
                              "others voting with the vote model's probabilities."),
            Column("a_priori", header="A priori (Banzhaf)", short="A priori", kind="number",
                   digits=4, definition="The same with every vote a coin toss: the absolute "
                                        "Banzhaf index.")]
    where = f" under {res['design']}" if res.get("design") else ""
    what = f" on {res['subject']}" if res["subject"] else ""
    seats = [{"seat": k, **v} for k, v in res["by_seat"].items()]
    rows = [{**r, "name": state_name(r["iso3"])} for r in res["states"][:top]]
    tables = [Table(f"By seat{where}: {res['decisions']:,} substantive decisions "
                    f"{res['since']}–{res['until']}{what}",
                    [Column("seat", header="Seat", kind="text"), *cols], seats)]
    periods = sorted({r["period"] for r in res.get("by_period", [])})
    if len(periods) > 1:
        wide: dict[str, dict] = {}
        for r in res["by_period"]:
            wide.setdefault(r["seat"], {"seat": r["seat"]})[r["period"]] = r["a_posteriori"]
        order = {k: i for i, k in enumerate(res["by_seat"])}
        tables.append(Table("A posteriori P(decisive) by period", [
            Column("seat", header="Seat", kind="text"),
            *(Column(p, header=p, kind="number", digits=4,
                     definition=f"Mean a posteriori P(decisive) on the decisions of {p}.")
              for p in periods)], sorted(wide.values(), key=lambda r: order.get(r["seat"], 0))))
    if len(res.get("by_subject", [])) > 1:
        seat = [Column("veto_seat", header="Seat with a veto", short="Veto seat", kind="number",
                       digits=4, definition="Mean a posteriori P(decisive) of a seat with a "
                                            "veto on the subject's decisions."),
                Column("other_seat", header="Seat without a veto", short="Other seat",
                       kind="number", digits=4,
                       definition="The same for a seat without a veto.")]
        tables.append(Table("A posteriori P(decisive) by subject (title keywords)", [
            Column("subject", header="Subject", kind="text"),
            Column("decisions", header="Decisions", kind="int"), *seat], res["by_subject"]))
    tables.append(Table("By state (mean over the decisions it sat on)" if not where else
                        "By state (mean over the decisions, weighted by the share of draws "
                        "it holds a seat)",
                        [Column("name", header="State", kind="text"),
                         # under a design a count of draws' shares (one decimal), else a count
                         Column("decisions", header="Decisions (expected)" if where else
                                "Decisions", kind="number" if where else "count", digits=1,
                                definition="Decisions it sat on (under a design, summed over the "
                                           "decisions: the share of draws it holds a seat)."),
                         *cols], rows))
    return tables


def register(app: typer.Typer) -> None:
    app.add_typer(votes_app, name="votes")
