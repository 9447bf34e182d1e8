"""Human output of ``unsclab amend`` (rich tables, 80 columns)."""

from __future__ import annotations

from unsclab.states import state_name

_P5_NAMES = {"CHN": "China", "FRA": "France", "RUS": "Russia", "GBR": "United Kingdom",
             "USA": "United States"}


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def show(con, r: dict) -> None:
    from rich.table import Table

    d = r["design"]
    fams = ", ".join(r["families"]) or "no change in seats or veto"
    con.print(f"[bold]{d['name']}[/bold] ({d['id']}, {d['seats']} seats) — family: {fams}")
    lo, hi = r["ga_yes_interval_90"]
    con.print(f"General Assembly: {r['ga_yes_expected']:.1f} yes expected of {r['members']} "
              f"(sd {r['ga_yes_sd']:.1f}; 90% of draws {lo}–{hi}); {r['threshold']} needed.")
    con.print(f"P(adopted by the GA) = {_pct(r['p_ga'])}   "
              f"P(in force: GA and ratification) = {_pct(r['p_ratification'])}   "
              f"({r['draws']} draws, seed {r['seed']})")
    t = Table(title="Ratification by the permanent members")
    for c in ("member", "P(ratify)", "binding reason"):
        t.add_column(c)
    for k, v in sorted(r["p5"].items(), key=lambda kv: kv[1]):
        t.add_row(_P5_NAMES.get(k, k), _pct(v), r["p5_reason"][k])
    con.print(t)
    t = Table(title=f"Pivotal states (around the {r['threshold']}th most favourable)")
    for c in ("state", "group", "P(yes)", "blocs"):
        t.add_column(c)
    for row in r["pivotal_detail"]:
        t.add_row(state_name(row["state"]), row["group"], _pct(row["p_yes"]),
                  ", ".join(row["blocs"]) or "—")
    con.print(t)
    con.print("Pivotal states by group: " + _tally(r["pivotal_detail"], lambda row: [row["group"]])
              + "; by bloc: " + (_tally(r["pivotal_detail"], lambda row: row["blocs"]) or "none"))
    t = Table(title="Expected yes by regional group")
    for c in ("group", "members", "expected yes"):
        t.add_column(c)
    for g, row in r["by_group"].items():
        t.add_row(g, str(row["members"]), f"{row['expected_yes']:.1f}")
    con.print(t)
    _needs(con, r)
    if "state" in r:
        _state(con, r["state"])


def _tally(rows: list[dict], keys) -> str:
    from collections import Counter

    counts = Counter(k for row in rows for k in keys(row))
    return ", ".join(f"{k} {n}" for k, n in counts.most_common())


def _needs(con, r: dict) -> None:
    from rich.table import Table

    gap = r["threshold"] - r["ga_yes_expected"]
    if gap > 0 and r["needs_states"]:
        names = ", ".join(f"{state_name(s['state'])} ({_pct(s['p_yes'])})"
                          for s in r["needs_states"])
        con.print(f"Short by {gap:.1f} votes on average. Closest states still short of an even "
                  f"chance: {names}.")
        con.print("  by group: " + _tally(r["needs_states"], lambda row: [row["group"]])
                  + "; by bloc: " + (_tally(r["needs_states"], lambda row: row["blocs"]) or "none"))
    if r.get("changes"):
        t = Table(title="Changes of the design, played again")
        for c in ("change", "yes", "P(GA)", "P(in force)"):
            t.add_column(c)
        for row in r["changes"]:
            t.add_row(row["change"], f"{row['ga_yes_expected']:.1f}", _pct(row["p_ga"]),
                      _pct(row["p_ratification"]))
        con.print(t)
    con.print("Weights (assumptions; change with --weight NAME=VALUE): "
              + ", ".join(f"{k}={v:g}" for k, v in r["weights"].items()))


def _state(con, s: dict) -> None:
    con.print(f"[bold]{state_name(s['state'])}[/bold] ({s['group']}): P(yes) {_pct(s['p_yes'])}, "
              f"P(ratify) {_pct(s['p_ratify'])}; blocs: {', '.join(s['blocs']) or 'none'}")
    stance = f"{s['stance']:.2f}" + ("" if s["declared"] else " (none declared: assumed)")
    con.print(f"  stance {stance}; logit {s['logit']:+.2f} = "
              + " ".join(f"{k} {v:+.2f}" for k, v in s["contributions"].items() if v))
    for src in s["sources"]:
        con.print(f"  read in: {src}")


def show_backtest(con, r: dict) -> None:
    rec = r["recorded"]
    con.print(f"GA resolution 1991 A (XVIII), {r['date']}: recorded {rec['yes']}–{rec['no']}–"
              f"{rec['abstain']} ({r['votes']} votes; {r['threshold']} of 113 needed).")
    con.print(f"Model: {r['predicted_yes']} predicted yes (expected {r['expected_yes']}), "
              f"P(adopted) {_pct(r['p_ga'])}; {r['correct']} of {r['votes']} votes right "
              f"({_pct(r['accuracy'])}).")
    con.print(f"Baseline (vote with your regional group's majority): {r['baseline_correct']} of "
              f"{r['votes']} ({_pct(r['baseline_accuracy'])}).")
    con.print("Permanent members, P(ratify) in the model vs recorded vote: "
              + ", ".join(f"{_P5_NAMES[k]} {_pct(v)} ({r['p5_recorded'][k]})"
                          for k, v in r["p5"].items()) + "; all five ratified by 1965.")
    con.print("Missed: " + ", ".join(f"{state_name(w['state'])} ({w['recorded']}, "
                                      f"P(yes) {_pct(w['p_yes'])})" for w in r["wrong"]))
    con.print("One vote is one data point: this shows the model is not absurd, not that it "
              "forecasts.")


def show_apriori(con, rows: list[dict], every: int) -> None:
    from rich.table import Table

    t = Table(title="The GA's two-thirds game a priori (all yes/no profiles equally likely)")
    for c in ("year", "members", "quota", "power to act", "log10", "Banzhaf per member"):
        t.add_column(c, justify="right")
    for i, row in enumerate(rows):
        if i % every and i != len(rows) - 1:
            continue
        t.add_row(str(row["year"]), str(row["members"]), str(row["quota"]),
                  f"{row['coleman_act']:.3g}", f"{row['log10_coleman_act']:.2f}",
                  f"{row['banzhaf']:.3g}")
    con.print(t)


def show_coalition(con, r: dict) -> None:
    from rich.table import Table

    start = r["steps"][0]
    con.print(f"{r['design']}: {len(r['partners'])} partners; expected yes with them "
              f"{start['expected_yes']:.1f}; {r['threshold']} needed.")
    steps = r["steps"][1:]
    leaning = [s for s in steps if s["cost"] == 0]
    if leaning:
        con.print(f"{len(leaning)} states already lean yes (P(yes) ≥ 50%): with them, "
                  f"{leaning[-1]['joined']} won.")
    t = Table(title="The states cheapest to win next (logit shift to an even chance)")
    for c in ("step", "state", "group", "P(yes)", "cost", "won", "expected yes"):
        t.add_column(c)
    for row in steps[len(leaning):]:
        t.add_row(str(row["step"]), state_name(row["state"]), row["group"], _pct(row["p_yes"]),
                  f"{row['cost']:.2f}", str(row["joined"]), f"{row['expected_yes']:.1f}")
    con.print(t)
    con.print("Two thirds reached." if r["reached"] else "Two thirds not reached.")
