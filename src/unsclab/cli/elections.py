"""CLI: ``unsclab elections ID|PATH`` (who would sit, year by year) and
``unsclab elections backtest``."""

from __future__ import annotations

from typing import Optional

import typer

from unsclab.cli.common import user_errors
from unsclab.cli.options import draws_option, seed_option
from unsclab.cli.output import Column, Table, explain_option, format_option, out_option, status
from unsclab.cli.output import target as to


def _years(text: str) -> tuple[int, int]:
    from unsclab.errors import UnsclabError

    try:
        if "-" in text:
            a, b = text.split("-", 1)
            lo, hi = int(a), int(b)
        else:
            lo = hi = int(text)
    except ValueError:
        raise UnsclabError(
            f"--years {text!r}: expected YEAR or FIRST-LAST, e.g. 2027-2060") from None
    if lo > hi or lo < 1946 or hi > 2200:
        raise UnsclabError(
            f"--years {text!r}: expected FIRST-LAST with 1946 <= FIRST <= LAST <= 2200")
    return lo, hi


def register(app: typer.Typer) -> None:
    @app.command("elections")
    @user_errors
    def elections(
        target: str = typer.Argument(..., help="A catalogue id or design file, or 'backtest'."),
        years: str = typer.Option("2027-2060", "--years", help="Years to simulate, FIRST-LAST."),
        draws: int = draws_option(1000),
        seed: int = seed_option(1),
        state: Optional[str] = typer.Option(None, "--state", help="Show one state (ISO3)."),
        calibration: str = typer.Option("1966-2005", "--calibration",
                                        help="backtest: calibration years."),
        test: str = typer.Option("2006-2025", "--test", help="backtest: test years."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
        fmt: str = format_option(),
        out: Optional[str] = out_option(),
        explain: bool = explain_option(),
    ) -> None:
        """Simulate General Assembly elections to a design's seats, or backtest the model.

        Examples: unsclab elections g4-2005 --years 2027-2060 --state IND;
        unsclab elections backtest --json
        """
        import numpy as np

        from unsclab import elections as el
        from unsclab.errors import UnsclabError

        dest = to(fmt, out, as_json, explain)
        if target == "backtest":
            with status("Backtesting the elections model"):
                res = el.backtest(_years(calibration), _years(test), draws=draws, seed=seed)
            shown = res["states"][:20] if dest.fmt == "table" and not dest.out else res["states"]
            dest.emit([Table("Years served, predicted and actual" + (
                " (top states)" if len(shown) < len(res["states"]) else ""), [
                    Column("iso3", header="State"), Column("group", header="Group"),
                    Column("predicted_years", header="Predicted years", kind="number", digits=1,
                           definition="Expected years on the Council over the test years."),
                    Column("actual_years", header="Actual years", kind="int",
                           definition="Years actually served over the test years.")], shown)],
                json_payload=res,
                preamble=[f"Elections backtest: calibrated on {res['calibration'][0]}–"
                          f"{res['calibration'][1]}, predicting {res['test'][0]}–"
                          f"{res['test'][1]} (status quo, {draws} draws, seed {seed})",
                          f"Brier score {res['brier']:.5f}; uniform-within-group baseline "
                          f"{res['brier_uniform']:.5f}; skill {100 * res['brier_skill']:.1f}%"])
            return
        from unsclab.designs import load_design

        design = load_design(target)
        lo, hi = _years(years)
        with status(f"Simulating elections {lo}–{hi} ({draws} draws)"):
            sim = el.simulate(design, (lo, hi), draws, seed)
        P = sim.sit_probability()
        codes = list(sim.states)
        if state:
            code = state.strip().upper()
            if code not in codes:
                raise UnsclabError(f"--state {state!r}: expected the ISO3 code of a UN member "
                                   "state, e.g. IND")
            pick = [codes.index(code)]
        else:
            pick = [i for i in np.argsort(-P.sum(axis=0)) if P[:, i].sum() > 0]
        from unsclab.states import state as st

        span = hi - lo + 1
        rows = []
        for i in pick:
            code = codes[i]
            rows.append({
                "iso3": code, "name": st(code).name, "group": st(code).group,
                "expected_years": float(P[:, i].sum()),
                "expected_years_per_decade": float(10 * P[:, i].sum() / span),
                "p_by_year": {str(y): float(P[k, i]) for k, y in enumerate(range(lo, hi + 1))},
            })
        out = {"design": design.id, "years": [lo, hi], "draws": draws, "seed": seed,
               "method": "elections", "states": rows,
               "model": {"calibration": list(sim.model.period), "alpha": sim.model.alpha}}
        mid = min(hi, lo + 10)
        for r in rows:
            r["state_text"] = f"{r['iso3']} {r['name']}"
            r["p_first"], r["p_mid"] = r["p_by_year"][str(lo)], r["p_by_year"][str(mid)]
        shown = rows[:40] if dest.fmt == "table" and not dest.out else rows
        dest.emit([Table(f"{design.id}: who sits {lo}–{hi} ({draws} draws, seed {seed})", [
            Column("state_text", header="State"), Column("group", header="Group"),
            Column("expected_years_per_decade", quantity="years_per_decade"),
            Column("p_first", header=f"Chance of a seat in {lo}", short=f"P({lo})", kind="percent",
                   definition=f"Probability that the state sits in {lo}."),
            Column("p_mid", header=f"Chance of a seat in {mid}", short=f"P({mid})", kind="percent",
                   definition=f"Probability that the state sits in {mid}.")], shown)],
            json_payload=out, notes=[
                f"Shared seat {c.id!r} is held by the {c.shared.name} for its "
                f"{len(c.shared.members)} member states"
                + ("" if c.shared.members_hold_other_seats else ", who are elected to no other "
                   "seat") + "; it is not a state's seat and is not listed here."
                for c in design.seats if c.shared is not None])
