"""CLI: ``unsclab record summary|show|check`` as tables of the shared output layer.

Each prints its tables to fit the terminal, or as CSV, Markdown, LaTeX or its JSON document
(``--format``, ``--out``; :mod:`unsclab.cli.output`); ``--json`` keeps the keys it always had.
Every count is defined by its column (:mod:`unsclab.quantities`, ``--explain``), and the veto
counts say which definition they use.
"""

from __future__ import annotations

from typing import Any

import typer

from unsclab.cli.data import record_app
from unsclab.cli.output import explain_option, format_option, out_option

_OUTCOMES = ("adopted", "vetoed", "lack_of_majority")
P5 = ("CHN", "FRA", "RUS", "GBR", "USA")  # unsclab.record.P5, without importing the record
SEATS_NOTE = ("CHN and RUS are seats: the Republic of China held CHN until 25 October 1971 "
               "(GA resolution 2758 (XXVI)), the USSR held RUS until 24 December 1991.")


#: The vote types of unsclab.record_types in words (its table defines each).
VOTE_TYPE_WORDS = {"draft_resolution": "draft resolution", "amendment": "written amendment",
                   "amendment_oral": "oral amendment",
                   "separate_vote": "separate vote (one of several on a draft)",
                   "procedural": "procedural vote (Art. 27(2))",
                   "sg_nomination": "appointment of the Secretary-General"}

def _json_option():
    return typer.Option(False, "--json", help="Print one JSON document (as --format json).")


# -- record summary ------------------------------------------------------------------------------


@record_app.command("summary")
def summary(as_json: bool = _json_option(), fmt: str = format_option(),
            out: str | None = out_option(), explain: bool = explain_option()) -> None:
    """Counts by outcome and by decade, vetoes by permanent member on both definitions, votes
    by type.

    Example: unsclab record summary --format csv
    """
    from unsclab.cli.common import user_errors

    user_errors(_summary)(as_json=as_json, fmt=fmt, out=out, explain=explain)


def summary_tables(s: dict[str, Any]) -> list:
    """The tables of ``record summary`` from :meth:`Record.summary`."""
    from unsclab.tables import Column, Table

    def counts(row: dict[str, int]) -> dict[str, int]:
        return {**{o: row[o] for o in _OUTCOMES}, "decisions": sum(row[o] for o in _OUTCOMES)}

    decades = [{"decade": k, **counts(v)} for k, v in s["by_decade"].items()]
    decades.append({"decade": "Total", **counts(s["by_outcome"])})
    by_decade = Table("Decisions by decade and outcome", [
        Column("decade", header="Decade"),
        *(Column(o, quantity=f"record_{o}") for o in _OUTCOMES),
        Column("decisions", quantity="record_decisions")], decades)
    members = [{"member": c, "dhl": s["vetoes_dhl_by_member"].get(c, 0),
                "all": s["vetoes_by_member"].get(c, 0)} for c in P5]
    members.append({"member": "Total", "dhl": s["vetoes_dhl_total"],
                    "all": s["vetoes_total"]})
    vetoes = Table("Vetoes by permanent member, on both definitions", [
        Column("member", header="Member"), Column("dhl", quantity="record_vetoes_dhl"),
        Column("all", quantity="record_vetoes_all")], members,
        notes=["Vetoes (Library's definition) is the count to compare with the Dag "
               "Hammarskjöld Library's veto list ('unsclab record vetoes' reconciles it row "
               "by row); Vetoes (every negative vote) counts every failed vote a permanent "
               "member voted against. A joint veto counts once for each member.", SEATS_NOTE])
    types = [{"type": VOTE_TYPE_WORDS.get(k, k), "code": k, "votes": v}
             for k, v in s["by_vote_type"].items()]
    by_type = Table("Votes by type", [Column("type", header="Vote type"),
                                      Column("code", header="As --type takes it", short="--type"),
                                      Column("votes", quantity="record_votes")], types)
    return [by_decade, vetoes, by_type]


def _summary(*, as_json, fmt, out, explain) -> None:
    from unsclab.cli.output import target
    from unsclab.record import Record

    tgt = target(fmt, out, as_json, explain)
    s = Record.load().summary()
    head = [f"{s['decisions']:,} decisions, {s['first']} … {s['last']}; read in the {s['source']}"
            ", with the corrections that 'unsclab record check' lists."]
    tail = [f"Adopted without a vote (every member recorded not voting): "
            f"{s['adopted_without_vote']}; procedural (a permanent member's no is no veto, "
            f"Charter Art. 27(2)): {s['procedural']}; member votes unknown: "
            f"{s['votes_unknown']}."]
    tgt.emit(summary_tables(s), json_payload=s, preamble=head, notes=tail)


# -- record show ---------------------------------------------------------------------------------


@record_app.command("show")
def show(
    symbol: str = typer.Argument(..., help="Draft symbol (S/2024/312) or resolution symbol "
                                 "(S/RES/678(1990))."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document (a list when "
                                 "several votes share the symbol)."),
    fmt: str = format_option(), out: str | None = out_option(),
) -> None:
    """One decision with its full ballot.

    Example: unsclab record show S/RES/678(1990) --json
    """
    from unsclab.cli.common import user_errors

    user_errors(_show)(symbol=symbol, as_json=as_json, fmt=fmt, out=out)


_VOTES = {"Y": "yes", "N": "no", "A": "abstention", "NV": "not voting", None: "unknown"}


def _show(*, symbol, as_json, fmt, out) -> None:
    from unsclab.cli.output import target
    from unsclab.record import Record
    from unsclab.tables import Column, Table

    tgt = target(fmt, out, as_json)
    hits = Record.load().show(symbol)
    tables = []
    for h in hits:
        tally = f"{h['yes']}-{h['no']}-{h['abstain']}" + (
            f" ({h['not_voting']} not voting)" if h["not_voting"] else "")
        about = [f"Vote type: {VOTE_TYPE_WORDS.get(h['vote_type'], h['vote_type'])}"]
        if h["vetoed_by"]:
            about.append("vetoed by " + ", ".join(h["names"][c]["name"] for c in h["vetoed_by"]))
        if h["procedural"]:
            about.append("procedural (a permanent member's no is no veto)")
        if h["adopted_without_vote"]:
            about.append("adopted without a vote")
        rows = [{"seat": code, "state": h["names"][code]["name"], "vote": _VOTES.get(vote, vote)}
                for code, vote in h["ballot"].items()]
        tables.append(Table(f"{h['symbol']}, {h['date']}, {h['outcome']} {tally}: {h['title']}",
                            [Column("seat", header="Seat"),
                             Column("state", header="State at the time"),
                             Column("vote", header="Vote")], rows, notes=["; ".join(about) + "."]))
    tgt.emit(tables, json_payload=hits[0] if len(hits) == 1 else hits)


# -- record check --------------------------------------------------------------------------------


@record_app.command("check")
def check(as_json: bool = _json_option(), fmt: str = format_option(),
          out: str | None = out_option()) -> None:
    """Prove the record: tallies, seats, membership against DPPA, decide() on every vote, the
    ballots against a second source, every correction with its citation.

    Exits 0 only when every decision is reproduced or its exception documented.

    Example: unsclab record check --json
    """
    from unsclab.cli.common import user_errors

    user_errors(_check)(as_json=as_json, fmt=fmt, out=out)


def _check(*, as_json, fmt, out) -> None:
    from unsclab.cli.output import status, target
    from unsclab.cli.record_checks import check_lines, check_tables
    from unsclab.record import Record

    tgt = target(fmt, out, as_json)
    with status("checking the record"):
        report = Record.load().check()
    tgt.emit(check_tables(report), json_payload=report, notes=check_lines(report))
    if not report["ok"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """The commands join the ``record`` group of :mod:`unsclab.cli.data` when imported."""
