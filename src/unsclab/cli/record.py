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


# -- shared option checks ----------------------------------------------------------------------


def choose(value: str, allowed: tuple[str, ...], option: str) -> str:
    """``value`` if allowed, else a one-line error naming it with the nearest choices."""
    import difflib

    from unsclab.errors import UnsclabError

    v = (value or "").strip().lower()
    if v in allowed:
        return v
    near = difflib.get_close_matches(v, allowed, n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UnsclabError(f"{value!r} is not known{hint} (expected one of "
                       f"{', '.join(allowed)})", field=option)


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
    from unsclab.record import Record
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
    if definition == "dhl":
        rc = reconcile_wpdl(rec.decisions)
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
        notes.append(f"Reconciled with the WPDL scrape of the Library's list to "
                     f"{payload['reconciliation']['until']}: " + "; ".join(
                         f"{v} {k}" for k, v in ex.items()) + ".")
    tgt.emit([Table(f"Vetoes by {by}", cols, rows + [total], notes=notes)],
             json_payload=payload)
