"""CLI: ``unsclab replay ID|PATH`` — the Council's history under another design."""

from __future__ import annotations

from typing import Optional

import typer

from unsclab.cli.common import console, print_json, user_errors
from unsclab.cli.options import draws_option, seed_option, year_option
from unsclab.cli.output import explain_option, format_option, out_option, status, target


def register(app: typer.Typer) -> None:
    @app.command("replay")
    @user_errors
    def replay_cmd(
        design: str = typer.Argument(..., help="A catalogue id or a design file."),
        since: int = year_option("--since", 1946, "First year replayed."),
        until: int = year_option("--until", 2025, "Last year replayed."),
        draws: int = draws_option(1000),
        seed: int = seed_option(1),
        decision: Optional[str] = typer.Option(None, "--decision",
                                               help="Show the trail of one decision (symbol)."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
        fmt: str = format_option(),
        out: Optional[str] = out_option(),
        explain: bool = explain_option(),
    ) -> None:
        """Replay every recorded vote under a design: would the Council have acted?

        Examples: unsclab replay two-vetoes --since 1990 --json;
        unsclab replay g4-2005 --decision S/2024/312
        """
        from unsclab.designs import load_design
        from unsclab.errors import UnsclabError
        from unsclab.replay import replay

        dest = target(fmt, out, as_json, explain)
        as_json = dest.json
        d = load_design(design)
        if since > until:
            raise UnsclabError(f"--since {since} is after --until {until}")
        with status(f"Replaying {since}–{until} under {d.id} ({draws} draws)"):
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
        from unsclab.api.replays import replay_tables

        summary = res.to_dict()
        dest.emit(replay_tables(summary), json_payload=summary,
                  preamble=[f"{d.id}: {summary['decisions']} decisions {since}–{until}, "
                            f"{draws} draws, seed {seed}"],
                  notes=summary["notes"])
