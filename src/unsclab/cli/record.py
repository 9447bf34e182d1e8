"""CLI: ``unsclab record list|state|vetoes``, the record's browsing commands.

The ``record`` command group itself lives in :mod:`unsclab.cli.data`; ``summary``, ``show``
and ``check`` are in :mod:`unsclab.cli.record_report`.
"""

from __future__ import annotations

import typer

from unsclab.cli.output import explain_option, format_option, out_option
from unsclab.cli.record_report import P5, SEATS_NOTE, VOTE_TYPE_WORDS


def register(app: typer.Typer) -> None:
    """The browsing commands join the ``record`` group of :mod:`unsclab.cli.data`."""


# -- record vetoes -----------------------------------------------------------------------------



def _record_app():
    from unsclab.cli.data import record_app

    return record_app


@_record_app().command("vetoes")
def vetoes(
    definition: str = typer.Option("dhl", "--definition", help="dhl: the Dag Hammarskjöld "
                                   "Library's veto list (each vetoed draft or amendment once); "
                                   "all: every negative permanent vote on a failed row."),
    by: str = typer.Option("member", "--by", help="member, decade, subject or type."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    fmt: str = format_option(),
    out: str | None = out_option(),
    explain: bool = explain_option(),
) -> None:
    """Vetoes by permanent member, decade, subject or vote type, on either definition.

    On the Library's definition the rows are reconciled one by one with the World Politics
    Data Lab's scrape of the Library's list (to 8 July 2022).

    Example: unsclab record vetoes --by decade
    """
    from unsclab.cli.common import user_errors

    user_errors(_vetoes)(definition=definition, by=by, as_json=as_json, fmt=fmt, out=out,
                         explain=explain)


_BY = {"member": "Member", "decade": "Decade", "subject": "Subject", "type": "Vote type"}
_DEFINED = {"dhl": "on the Dag Hammarskjöld Library's definition",
            "all": "every permanent member's no on a failed vote"}


def _veto_table(counts: dict[str, dict[str, int]], definition: str, by: str):
    """The table of vetoes by ``by`` (rows) and permanent member (columns) with a total."""
    from unsclab.quantities import quantity
    from unsclab.tables import Column, Table

    if by == "member":
        counts = {c: {c: counts.get(c, {}).get(c, 0)} for c in P5}
    rows = [{by: g, **{c: cell.get(c, 0) for c in P5}, "total": sum(cell.values())}
            for g, cell in counts.items()]
    total = {by: "Total", **{c: sum(r[c] for r in rows) for c in P5}}
    total["total"] = sum(total[c] for c in P5)
    counted = Column("total", quantity=f"record_vetoes_{definition}")
    cols = [Column(by, header=_BY[by]), *(Column(c, header=c, kind="count") for c in P5),
            Column("total", header="Total", kind="count",
                   definition=quantity(counted.quantity).definition)]
    if by == "member":
        cols = [Column(by, header=_BY[by]), counted]
    notes = [SEATS_NOTE]
    # the table names vote types in words; --json keeps the codes --type takes
    shown = [{**r, by: VOTE_TYPE_WORDS.get(r[by], r[by])} for r in rows] if by == "type" else rows
    return Table(f"Vetoes by {_BY[by].lower()}, {_DEFINED[definition]}", cols,
                 shown + [total], notes=notes), rows + [total]


def _reconciliation(rec, payload: dict) -> tuple[list, list[str]]:
    """The row-by-row reconciliation with the WPDL scrape of the Library's list, as a table
    of explanations, and lines; adds ``reconciliation`` to ``payload``."""
    from unsclab.errors import DataError
    from unsclab.record_types import reconcile_wpdl
    from unsclab.tables import Column, Table

    try:
        rc = reconcile_wpdl(rec.decisions)
    except DataError:  # the WPDL list is a raw source, not in the embedded snapshot
        return [], ["Not reconciled with the WPDL scrape of the Library's list: the source "
                    "is not at hand (see 'unsclab data status')."]
    ex = rc["explanation"].value_counts().to_dict()
    rec_payload = payload["reconciliation"] = {
        "until": str(rc["date"].max().date()),
        "explanations": {str(k): int(v) for k, v in ex.items()},
        "rows": [{"date": str(r.date.date()), "symbol": str(r.symbol),
                  "vetoed_by": str(r.vetoed_by), "explanation": r.explanation}
                 for r in rc.itertuples() if r.explanation != "in both"]}
    both = rec.decisions[rec.decisions["id"].isin(
        rc.loc[rc["explanation"] == "in both", "id"].dropna().astype(int))]
    listed = {c: int(both["vetoed_by"].str.split(";").map(lambda s, c=c: c in s).sum())
              for c in P5}
    rec_payload["in_both_by_member"] = listed
    documented = rc[rc["explanation"].str.startswith("not in the WPDL list: ")]
    short = {k: v for k, v in ex.items() if k not in set(documented["explanation"])}
    if len(documented):
        short[f"not in the WPDL list, each explained row by row "
              f"({', '.join(map(str, documented['symbol']))}; rows in --json)"] = len(documented)
    table = Table(f"Reconciled row by row with the World Politics Data Lab's scrape (WPDL) of "
                  f"the Library's list to "
                  f"{rec_payload['until']}", [
                      Column("rows", header="Votes", kind="count",
                             definition="Vetoed votes of the record (or rows of the WPDL "
                                        "list) with this explanation."),
                      Column("explanation", header="Explanation")],
                  [{"rows": v, "explanation": k} for k, v in short.items()])
    return [table], ["Vetoes on the votes in both lists: " + ", ".join(
        f"{c} {n}" for c, n in listed.items()) + "."]


def _vetoes(*, definition, by, as_json, fmt, out, explain) -> None:
    from unsclab.cli.output import target
    from unsclab.record import Record
    from unsclab.record_browse import choose
    from unsclab.record_types import veto_counts

    definition = choose(definition, ("dhl", "all"), "--definition")
    by = choose(by, tuple(_BY), "--by")
    tgt = target(fmt, out, as_json, explain)
    rec = Record.load()
    table, rows = _veto_table(veto_counts(rec.decisions, definition, by), definition, by)
    # --json as before this table: the total row is labelled "total"
    payload = {"definition": definition, "by": by,
               "rows": [*rows[:-1], {**rows[-1], by: "total"}]}
    tables, lines = _reconciliation(rec, payload) if definition == "dhl" else ([], [])
    tgt.emit([table, *tables], json_payload=payload, notes=lines)


# -- record list -------------------------------------------------------------------------------


@_record_app().command("list")
def list_(
    start: str | None = typer.Option(None, "--from", help="First year or date (YYYY or "
                                     "YYYY-MM-DD)."),
    end: str | None = typer.Option(None, "--to", help="Last year or date."),
    outcome: str | None = typer.Option(None, "--outcome", help="adopted, vetoed, "
                                       "lack_of_majority or failed (both)."),
    vote_type: str | None = typer.Option(None, "--type", help="draft_resolution, amendment, "
                                         "amendment_oral, separate_vote, procedural, "
                                         "sg_nomination."),
    vetoed_by: str | None = typer.Option(None, "--vetoed-by", help="A permanent member (code "
                                         "or name, e.g. USSR, China)."),
    state: str | None = typer.Option(None, "--state", help="A state the decision concerns "
                                     "(named in its title)."),
    subject: str | None = typer.Option(None, "--subject", help="e.g. 'peace operations', "
                                       "sanctions, membership."),
    region: str | None = typer.Option(None, "--region", help="Africa, Americas, Asia-Pacific, "
                                      "Europe, Middle East, several, thematic."),
    search: str | None = typer.Option(None, "--search", help="Text in the title or symbol."),
    fmt: str = format_option(),
    out: str | None = out_option(),
) -> None:
    """The decisions that match: date, symbol, title, outcome, tally and who vetoed.

    Example: unsclab record list --vetoed-by USSR --from 1946 --to 1950
    """
    from unsclab.cli.common import user_errors

    user_errors(_list)(start=start, end=end, outcome=outcome, vote_type=vote_type,
                       vetoed_by=vetoed_by, state=state, subject=subject, region=region,
                       search=search, fmt=fmt, out=out)


def _list(*, start, end, outcome, vote_type, vetoed_by, state, subject, region, search, fmt,
          out) -> None:
    # No pandas and no Record here: the lean path of unsclab.record_query keeps the whole
    # command under 0.5 s (benchmarks/record_list.py).
    from unsclab.cli.output import target
    from unsclab.record_query import decision_columns, display_rows, filters, matching
    from unsclab.tables import Column, Table

    tgt = target(fmt, out)
    given = filters(start=start, end=end, outcome=outcome, vote_type=vote_type,
                    vetoed_by=vetoed_by, state=state, subject=subject, region=region,
                    search=search)
    columns, n = decision_columns()
    rows = display_rows(columns, matching(columns, n, given))
    if not rows:
        # said in words; a file or a machine format still gets its (empty) table
        typer.echo("no decisions match these filters", err=tgt.fmt != "table" or bool(out))
        if tgt.fmt == "table" and not out:
            return
    cols = [Column("date", header="Date"), Column("symbol", header="Symbol"),
            Column("outcome", header="Outcome"), Column("tally", header="Tally"),
            Column("vetoed_by", header="Vetoed by"), Column("title", header="Title", block=True)]
    if tgt.fmt != "table":
        cols += [Column("type", header="Type"), Column("subject", header="Subject"),
                 Column("region", header="Region")]
    tgt.emit([Table(f"{len(rows):,} decisions", cols, rows)], json_payload=rows)


# -- record state ------------------------------------------------------------------------------


@_record_app().command("state")
def state_cmd(
    state: str = typer.Argument(..., help="ISO3 code or name (e.g. IND, India, Ivory Coast)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    fmt: str = format_option(),
    out: str | None = out_option(),
    explain: bool = explain_option(),
) -> None:
    """A state's Council history: years on the Council, its votes (against and abstentions
    listed), its vetoes, and the decisions concerning it.

    Example: unsclab record state IND
    """
    from unsclab.cli.common import user_errors

    user_errors(_state)(state=state, as_json=as_json, fmt=fmt, out=out, explain=explain)


_SHOWN = 25  # decisions listed per table on a terminal (every one in the other formats)


def _state_tables(h: dict, terminal: bool) -> tuple[list, list[str]]:
    """The tables of ``record state``: votes by kind, then the decisions it voted against,
    abstained on and vetoed, and the decisions naming it by outcome; and the lines after."""
    from unsclab.tables import Column, Table

    v = h["votes"]
    votes = [{"vote": k, "decisions": v[c]} for k, c in (
        ("in favour", "Y"), ("against", "N"), ("abstention", "A"), ("not voting", "NV"))]
    tables = [Table(f"Votes cast on {h['decisions_voted']:,} decisions", [
        Column("vote", header="Vote"),
        Column("decisions", header="Decisions", kind="count",
               definition="Votes of the record on which the state, holding its seat, cast "
                          "this vote.")], votes)] if h["decisions_voted"] else []
    lines = []
    listed = (("against", "Voted against"), ("abstentions", "Abstained"),
              ("vetoes", "Vetoes (every negative vote on a failed vote)"))
    for key, label in listed:
        rows = h[key]
        if not rows:
            if h["decisions_voted"]:
                lines.append(f"{label}: none.")
            continue
        shown = rows[:_SHOWN] if terminal else rows
        cols = [Column("date", header="Date"), Column("symbol", header="Symbol"),
                Column("type" if key == "vetoes" else "outcome",
                       header="Vote type" if key == "vetoes" else "Outcome"),
                Column("title", header="Title", block=True)]
        notes = ([f"… and {len(rows) - _SHOWN} more (--format csv or --json lists all)"]
                 if len(shown) < len(rows) else [])
        tables.append(Table(f"{label} ({len(rows)})", cols, shown, notes=notes))
    a = h["decisions_concerning"]
    tables.append(Table(f"Decisions naming it in their title ({a['count']})", [
        Column("outcome", header="Outcome"),
        Column("decisions", header="Decisions", kind="count",
               definition="Votes of the record whose title names the state.")],
        [{"outcome": k, "decisions": n} for k, n in a["by_outcome"].items()]))
    return tables, lines


def _state(*, state, as_json, fmt, out, explain) -> None:
    from unsclab.cli.output import target
    from unsclab.record import Record
    from unsclab.record_browse import state_history, year_spans
    from unsclab.record_names import resolve_state

    tgt = target(fmt, out, as_json, explain)
    code = resolve_state(state)
    h = state_history(Record.load(), code)
    head = [f"{h['name']} ({h['iso3']}); on the Council as "
            f"{', '.join(h['names_on_the_council'])}",
            f"Years on the Council: {year_spans(h['years_on_the_council'])}"]
    if not h["decisions_voted"]:  # an empty history says so
        years = h["years_on_the_council"]
        head = [f"{h['name']} ({h['iso3']}) " + (
            f"has cast no vote in the record (years on the Council: {year_spans(years)})."
            if years else "has never sat on the Council: no vote in the record.")]
    cats = sorted({c["category"] for c in h["seat_categories"].values()})
    if cats:
        head.append(f"Seat categories: {', '.join(cats)}")
    tables, lines = _state_tables(h, terminal=tgt.fmt == "table" and not out)
    tgt.emit(tables, json_payload=h, preamble=head, notes=lines)
