"""CLI: ``unsclab replay ID|PATH`` — the Council's history under another design."""

from __future__ import annotations

from typing import Any, Optional

import typer

from unsclab.cli.common import console, print_json, user_errors
from unsclab.cli.options import draws_option, seed_option, year_option
from unsclab.cli.output import explain_option, format_option, out_option, status, target



def _subject(value: str | None) -> str | None:
    from unsclab.errors import UnsclabError
    from unsclab.replay import SUBJECTS

    if value is None:
        return None
    for s in SUBJECTS:
        if s.lower() == value.strip().lower():
            return s
    raise UnsclabError(f"--subject {value!r}: unknown subject; expected one of "
                       + ", ".join(SUBJECTS))


def _print_trail(con, tr: dict[str, Any]) -> None:
    from unsclab.replay.trail_text import trail_lines

    for line in trail_lines(tr, width=min(con.width, 100)):
        con.print(line, markup=False, highlight=False, soft_wrap=True)


def _trails(res, decision: str, since: int, until: int, as_json: bool, draws: int,
            seed: int) -> None:
    from unsclab.errors import UnsclabError

    idx = res.cv.index_of(decision)
    if not idx:
        raise UnsclabError(f"--decision {decision!r}: no recorded vote with that symbol "
                           f"between {since} and {until}; expected e.g. S/RES/678(1990) "
                           "or S/2024/312")
    trails = [res.trail(t) for t in idx]
    if as_json:
        print_json({"design": res.design.id, "symbol": decision, "draws": draws, "seed": seed,
                    "trails": trails})
        return
    con = console()
    for tr in trails:
        _print_trail(con, tr)


def _filters_text(subject: str | None, region: str | None) -> str:
    return (f" on {subject}" if subject else "") + (f" (region: {region})" if region else "")


def _grouped(dest, res, by: str, since: int, until: int, subject: str | None,
             region: str | None, draws: int, seed: int) -> None:
    from unsclab.errors import UnsclabError
    from unsclab.replay.groups import grouped_table, grouped_totals

    what = _filters_text(subject, region)
    rows = grouped_totals(res, by, subject=subject, region=region)
    if not rows:
        raise UnsclabError(f"no recorded decision {since}–{until}{what}")
    dest.emit([grouped_table(rows, by, res.design.id, what)],
              json_payload={"design": res.design.id, "since": since, "until": until,
                            "draws": draws, "seed": seed, "by": by, "subject": subject,
                            "region": region, "groups": rows},
              preamble=[f"{res.design.id}: {sum(r['decisions'] for r in rows):,} decisions "
                        f"{since}–{until}{what}, {draws} draws, seed {seed}"],
              notes=list(res.notes))


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
        changed_only: bool = typer.Option(False, "--changed-only",
                                          help="Only the decisions whose outcome changes."),
        subject: Optional[str] = typer.Option(None, "--subject",
                                              help="Only decisions on this subject (title "
                                                   "keywords) in the lists."),
        region: Optional[str] = typer.Option(None, "--region", metavar="REGION",
                                             help="Only decisions on this region (the "
                                                  "record's coding) in the lists."),
        by: Optional[str] = typer.Option(None, "--by", metavar="period|subject|region",
                                         help="One table of totals by period, subject or "
                                              "region."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
        fmt: str = format_option(),
        out: Optional[str] = out_option(),
        explain: bool = explain_option(),
    ) -> None:
        """Replay every recorded vote under a design: would the Council have acted?

        Lists the decisions whose outcome changes. Examples: unsclab replay two-vetoes
        --since 1990 --changed-only; unsclab replay g4-2005 --decision S/2024/312;
        unsclab replay two-vetoes --since 2000 --by region
        """
        from unsclab.designs import load_design
        from unsclab.errors import UnsclabError
        from unsclab.replay import replay
        from unsclab.replay.changes import changed_table

        dest = target(fmt, out, as_json, explain)
        d = load_design(design)
        if since > until:
            raise UnsclabError(f"--since {since} is after --until {until}")
        from unsclab.replay.groups import choose_grouping, choose_region

        wanted, place, grouping = _subject(subject), choose_region(region), choose_grouping(by)
        with status(f"Replaying {since}–{until} under {d.id} ({draws} draws)"):
            res = replay(d, period=(since, until), draws=draws, seed=seed)
        if decision:
            _trails(res, decision, since, until, dest.json, draws, seed)
            return
        if grouping:
            _grouped(dest, res, grouping, since, until, wanted, place, draws, seed)
            return
        from unsclab.api.replays import replay_tables

        changed = res.changed_decisions(subject=wanted, region=place)
        summary = {**res.to_dict(), "changed_decisions": changed}
        tables = [changed_table(changed, d.id)]
        if not changed_only:
            tables = replay_tables(summary) + tables
        none = [f"No decision {since}–{until}{_filters_text(wanted, place)} changes its most "
                f"likely outcome under {d.id}."] if not changed else []
        dest.emit(tables, json_payload={"design": d.id, "changed_decisions": changed}
                  if changed_only else summary,
                  preamble=[f"{d.id}: {summary['decisions']:,} decisions {since}–{until}, "
                            f"{draws} draws, seed {seed}"],
                  notes=none + summary["notes"])
