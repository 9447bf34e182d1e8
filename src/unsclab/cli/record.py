"""CLI: the record's cross-check output and ``unsclab record list|state|vetoes``.

The ``record`` command group itself lives in :mod:`unsclab.cli.data`; this module adds its
browsing commands and prints the second-source part of ``record check``.
"""

from __future__ import annotations

from typing import Any

import typer


def print_second_source(report: dict[str, Any]) -> None:
    """The second-source, corrections and numbering part of ``record check`` (text output)."""
    from unsclab.cli.common import console

    c = console()
    s = report["second_source"]
    if not s["available"]:
        c.print("second source: the UN Digital Library records are not at hand; not checked")
    else:
        c.print(f"second source ({s['source']}): {s['decisions_checked']} adopted resolutions, "
                f"{s['ballots_checked']} ballots checked member by member; "
                f"{s['ballots_agree']} agree; {s['decisions_agree']} resolutions agree in full",
                markup=False)
        by = ", ".join(f"{k} {v}" for k, v in sorted(s["by_status"].items()))
        c.print(f"resolutions by status: {by}", markup=False)
    p = report["press_releases"]
    c.print(f"2022-2025 non-unanimous or failed decisions: {p['candidates']} "
            f"({p['candidates_failed']} failed); checked against a report of the vote "
            f"{p['checked']}, agree {p['agree']} (UN press releases {p['checked_un_press_release']}"
            f", agree {p['agree_un_press_release']}; other reports "
            f"{p['checked'] - p['checked_un_press_release']}); not yet checked "
            f"{len(p['not_checked'])}", markup=False)
    for r in p["rows"]:
        if not r["agree"]:
            c.print(f"- {r['symbol']} differs: {'; '.join(r['differences'])}", markup=False)
    n = report["numbering"]
    c.print(f"resolution numbers {n['first']}…{n['last']}: gaps {n['gaps'] or 'none'}, "
            f"duplicates {n['duplicates'] or 'none'}; year counts differing from the "
            f"Library or the published count: {n['year_mismatches'] or 'none'}", markup=False)
    c.print(f"corrections ({len(report['corrections'])}):", markup=False)
    for r in report["corrections"]:
        c.print(f"- {r['kind']} {r['scope']} {r['field']}: {r['old']} → {r['new']} "
                f"[{r['status']}] {r['basis']}", markup=False)


def register(app: typer.Typer) -> None:
    """The browsing commands join the ``record`` group of :mod:`unsclab.cli.data`."""


# -- record vetoes -----------------------------------------------------------------------------


_P5 = ("CHN", "FRA", "RUS", "GBR", "USA")


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
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, markdown, latex or "
                            "json."),
    out: str | None = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """Vetoes by permanent member, decade, subject or vote type, on either definition.

    On the Library's definition the rows are reconciled one by one with the World Politics
    Data Lab's scrape of the Library's list (to 8 July 2022).

    Example: unsclab record vetoes --by decade
    """
    from unsclab.cli.common import user_errors

    user_errors(_vetoes)(definition, by, as_json, fmt, out)


def _vetoes(definition, by, as_json, fmt, out) -> None:
    from unsclab.cli.output import target
    from unsclab.errors import DataError
    from unsclab.record import Record
    from unsclab.record_browse import choose
    from unsclab.record_types import reconcile_wpdl, veto_counts
    from unsclab.tables import Column, Table

    definition = choose(definition, ("dhl", "all"), "--definition")
    by = choose(by, ("member", "decade", "subject", "type"), "--by")
    tgt = target(fmt, out, as_json)
    rec = Record.load()
    counts = veto_counts(rec.decisions, definition, by)
    if by == "member":
        counts = {c: {c: counts.get(c, {}).get(c, 0)} for c in _P5}
    rows = [{by: g, **{c: cell.get(c, 0) for c in _P5}, "total": sum(cell.values())}
            for g, cell in counts.items()]
    total = {by: "total", **{c: sum(r[c] for r in rows) for c in _P5}}
    total["total"] = sum(total[c] for c in _P5)
    cols = [Column(by, header=by), *(Column(c, header=c, kind="int") for c in _P5),
            Column("total", header="total", kind="int")]
    if by == "member":
        cols = [Column(by, header=by), Column("total", header="vetoes", kind="int")]
    label = {"dhl": "the Dag Hammarskjöld Library's definition (each vetoed draft resolution "
                    "or amendment once per meeting; not part votes nor Secretary-General "
                    "ballots)",
             "all": "every negative vote of a permanent member on a row that failed for it"}
    notes = [f"Counted on {label[definition]}. Joint vetoes count once for each member."]
    payload = {"definition": definition, "by": by, "rows": rows + [total]}
    rc = None
    if definition == "dhl":
        try:
            rc = reconcile_wpdl(rec.decisions)
        except DataError:  # the WPDL list is a raw source, not in the embedded snapshot
            notes.append("Not reconciled with the WPDL scrape of the Library's list: the "
                         "source is not at hand (see 'unsclab data status').")
    if rc is not None:
        ex = rc["explanation"].value_counts().to_dict()
        payload["reconciliation"] = {
            "until": str(rc["date"].max().date()),
            "explanations": {str(k): int(v) for k, v in ex.items()},
            "rows": [{"date": str(r.date.date()), "symbol": str(r.symbol),
                      "vetoed_by": str(r.vetoed_by), "explanation": r.explanation}
                     for r in rc.itertuples() if r.explanation != "in both"]}
        both = rec.decisions[rec.decisions["id"].isin(
            rc.loc[rc["explanation"] == "in both", "id"].dropna().astype(int))]
        listed = {c: int(both["vetoed_by"].str.split(";").map(lambda s, c=c: c in s).sum())
                  for c in _P5}
        payload["reconciliation"]["in_both_by_member"] = listed
        notes.append("On the rows in both lists: " + ", ".join(
            f"{c} {n}" for c, n in listed.items()) + ".")
        documented = rc[rc["explanation"].str.startswith("not in the WPDL list: ")]
        short = {k: v for k, v in ex.items() if k not in set(documented["explanation"])}
        if len(documented):
            short[f"not in the WPDL list, each explained row by row "
                  f"({', '.join(map(str, documented['symbol']))}; rows in --json)"] = len(
                documented)
        # One line per explanation: the explanations themselves contain semicolons.
        notes.append(f"Reconciled with the WPDL scrape of the Library's list to "
                     f"{payload['reconciliation']['until']}:")
        notes.extend(f"  {v}: {k}" for k, v in short.items())
    tgt.emit([Table(f"Vetoes by {by}", cols, rows + [total], notes=notes)],
             json_payload=payload)


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
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, markdown, latex or "
                            "json."),
    out: str | None = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """The decisions that match: date, symbol, title, outcome, tally and who vetoed.

    Example: unsclab record list --vetoed-by USSR --from 1946 --to 1950
    """
    from unsclab.cli.common import user_errors

    user_errors(_list)(start, end, outcome, vote_type, vetoed_by, state, subject, region,
                       search, fmt, out)


def _list(start, end, outcome, vote_type, vetoed_by, state, subject, region, search, fmt,
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
    rows = display_rows(columns, matching(columns, n, given), short=tgt.fmt == "table")
    if not rows:
        # said in words; a file or a machine format still gets its (empty) table
        typer.echo("no decisions match these filters", err=tgt.fmt != "table" or bool(out))
        if tgt.fmt == "table" and not out:
            return
    cols = [Column("date", header="Date"), Column("symbol", header="Symbol"),
            Column("outcome", header="Outcome"), Column("tally", header="Tally"),
            Column("vetoed_by", header="Vetoed by"), Column("title", header="Title")]
    if tgt.fmt != "table":
        cols += [Column("type", header="Type"), Column("subject", header="Subject"),
                 Column("region", header="Region")]
    tgt.emit([Table(f"{len(rows)} decisions", cols, rows)], json_payload=rows)


# -- record state ------------------------------------------------------------------------------


@_record_app().command("state")
def state_cmd(
    state: str = typer.Argument(..., help="ISO3 code or name (e.g. IND, India, Ivory Coast)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """A state's Council history: years on the Council, its votes (against and abstentions
    listed), its vetoes, and the decisions concerning it.

    Example: unsclab record state IND
    """
    from unsclab.cli.common import user_errors

    user_errors(_state)(state, as_json)


def _state(state, as_json) -> None:
    from unsclab.cli.common import console, print_json
    from unsclab.record import Record
    from unsclab.record_browse import state_history, year_spans
    from unsclab.record_names import resolve_state

    h = state_history(Record.load(), resolve_state(state))
    if as_json:
        print_json(h)
        return
    c = console()
    v = h["votes"]
    c.print(f"{h['name']} ({h['iso3']}); on the Council as "
            f"{', '.join(h['names_on_the_council'])}", markup=False)
    c.print(f"years on the Council: {year_spans(h['years_on_the_council'])}", markup=False)
    cats = sorted({v["category"] for v in h["seat_categories"].values()})
    if cats:
        c.print(f"seat categories: {', '.join(cats)}", markup=False)
    c.print(f"votes cast on {h['decisions_voted']} decisions: {v['Y']} in favour, {v['N']} "
            f"against, {v['A']} abstentions, {v['NV']} not voting", markup=False)
    for key, label in (("against", "against"), ("abstentions", "abstained")):
        rows = h[key]
        if rows:
            c.print(f"{label} ({len(rows)}):", markup=False)
            for r in rows[:25]:
                line = f"  {r['date']}  {r['symbol']}  {r['outcome']}  {r['title']}"
                c.print(line if len(line) <= 79 else line[:78] + "…", markup=False)
            if len(rows) > 25:
                c.print(f"  … and {len(rows) - 25} more (--json lists all)", markup=False)
    if h["vetoes"]:
        c.print(f"vetoes (every negative vote on a failed row): {len(h['vetoes'])}",
                markup=False)
    a = h["decisions_concerning"]
    c.print(f"decisions naming it in their title: {a['count']} (" + ", ".join(
        f"{k} {n}" for k, n in a["by_outcome"].items()) + ")", markup=False)
