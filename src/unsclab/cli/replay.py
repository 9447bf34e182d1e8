"""CLI: ``unsclab replay ID|PATH`` — the Council's history under another design."""

from __future__ import annotations

from typing import Optional

import typer

from unsclab.cli.common import console, print_json, user_errors


def register(app: typer.Typer) -> None:
    @app.command("replay")
    @user_errors
    def replay_cmd(
        design: str = typer.Argument(..., help="A catalogue id or a design file."),
        since: int = typer.Option(1946, "--since", help="First year replayed."),
        until: int = typer.Option(2025, "--until", help="Last year replayed."),
        draws: int = typer.Option(1000, "--draws", min=1, help="Monte Carlo draws."),
        seed: int = typer.Option(1, "--seed", help="Seed of the random generator."),
        decision: Optional[str] = typer.Option(None, "--decision",
                                               help="Show the trail of one decision (symbol)."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    ) -> None:
        """Replay every recorded vote under a design: would the Council have acted?

        Examples: unsclab replay two-vetoes --since 1990 --json;
        unsclab replay g4-2005 --decision S/2024/312
        """
        from unsclab.designs import load_design
        from unsclab.errors import UnsclabError
        from unsclab.replay import replay

        d = load_design(design)
        if since > until:
            raise UnsclabError(f"--since {since} is after --until {until}")
        res = replay(d, period=(since, until), draws=draws, seed=seed)
        if decision:
            idx = res.cv.index_of(decision)
            if not idx:
                raise UnsclabError(f"--decision {decision!r}: no recorded vote with that symbol "
                                   f"between {since} and {until}; expected e.g. S/RES/678(1990) "
                                   "or S/2024/312")
            trails = [res.trail(t) for t in idx]
            if as_json:
                print_json({"design": d.id, "symbol": decision, "draws": draws, "seed": seed,
                            "trails": trails})
                return
            con = console()
            for tr in trails:
                con.print(f"[bold]{tr['symbol']}[/bold] ({tr['date']}) {tr['title']}")
                con.print(f"history: {tr['history']}; under {d.id}: P(adopted) "
                          f"{tr['p_adopted']:.3f}, P(vetoed) {tr['p_vetoed']:.3f}, "
                          f"P(failed) {tr['p_failed']:.3f} → {tr['modal']}")
                for s in tr["seats"]:
                    if "holders" in s:
                        hs = ", ".join(
                            f"{h['state']} {h['p_holds']:.2f}"
                            + (f" (real {h['vote']})" if h["source"] == "real" else
                               f" (Y {h['p']['Y']:.2f} A {h['p']['A']:.2f} N {h['p']['N']:.2f})")
                            for h in s["holders"])
                        con.print(f"  {s['class']} {s['seat']} (active {s['p_active']:.2f}): {hs}")
                    else:
                        con.print(f"  {s['class']}: {s['state']} {s['vote']} (real)")
                con.print(f"why (draw {tr['example_draw']}): {tr['reason']}")
            return
        out = res.to_dict()
        if as_json:
            print_json(out)
            return
        from rich.table import Table

        con = console()
        con.print(f"{d.id}: {out['decisions']} decisions {since}–{until}, {draws} draws, "
                  f"seed {seed}")
        t = Table(title="Modal outcomes (history in brackets)")
        for c in ("", "decisions", "adopted", "vetoed", "failed", "changed",
                  "vetoed→adopted", "adopted→not"):
            t.add_column(c)

        def row(name, r):
            return (name, str(r["decisions"]), f"{r['adopted']} ({r['historical_adopted']})",
                    str(r["vetoed"]), str(r["failed"]), str(r["changed"]),
                    str(r["vetoed_now_adopted"]), str(r["adopted_now_failed"]))

        t.add_row(*row("all", out))
        for dec, r in out["by_decade"].items():
            t.add_row(*row(dec, r))
        con.print(t)
        t = Table(title="By subject (title keywords)")
        for c in ("", "decisions", "adopted", "vetoed", "failed", "changed",
                  "vetoed→adopted", "adopted→not"):
            t.add_column(c)
        for subj, r in out["by_subject"].items():
            t.add_row(*row(subj, r))
        con.print(t)
        for n in out["notes"]:
            con.print(n)
