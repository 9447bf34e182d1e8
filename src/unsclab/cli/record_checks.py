"""The tables and lines of ``unsclab record check`` (from :meth:`unsclab.record.Record.check`).

What was checked, with its result; every exception to plain arithmetic with its reason; the
resolutions where the UN Digital Library differs; every correction with its basis. Long texts
(reasons, bases) are ``block`` columns, written under their row on a narrow terminal.
"""

from __future__ import annotations

__all__ = ["check_lines", "check_tables"]

from typing import Any


def _checked(r: dict[str, Any]) -> list[dict[str, str]]:
    rows = [
        ("Decisions", f"{r['decisions']:,} ({r['decisions_with_known_votes']:,} with known votes)"),
        ("Reproduced by decide() (procedural votes and adoption without a vote modelled)",
         f"{r['reproduced']:,}"),
        ("Reproduced by plain arithmetic (every vote substantive)",
         f"{r['reproduced_plain']:,}"),
        ("Exceptions to plain arithmetic not documented", str(r.get("undocumented", 0))),
        ("Tallies differing from the ballots", str(len(r["tallies"]["mismatches"]))),
        ("Seats differing from the Council's size", str(len(r["seats"]["mismatches"]))),
        ("Years whose members differ from DPPA's list",
         f"{len(r['membership']['mismatches'])} of {r['membership']['years_checked']}"),
    ]
    s = r["second_source"]
    if s["available"]:
        rows += [(f"Ballots checked member by member against the {s['source']}",
                  f"{s['ballots_checked']:,} ({s['decisions_checked']:,} resolutions)"),
                 ("Ballots that agree", f"{s['ballots_agree']:,}"),
                 ("Resolutions that agree in full", f"{s['decisions_agree']:,}")]
    else:
        rows.append(("Ballots checked against the UN Digital Library",
                     "not checked: its records are not at hand"))
    p = r["press_releases"]
    rows += _press_rows("2022–2025 non-unanimous or failed votes", p)
    rows += _press_rows("Vetoed or failed votes before 2022", p["earlier_failed"])
    n = r["numbering"]
    rows += [(f"Resolution numbers {n['first']}…{n['last']}: gaps, duplicates",
              f"{len(n['gaps'])}, {len(n['duplicates'])}"),
             ("Years whose count differs from the Library or the published count",
              str(len(n["year_mismatches"]))),
             ("Corrections of the source, each with its basis", str(len(r["corrections"]))),
             ("Result", "ok" if r["ok"] else "NOT OK")]
    return [{"check": k, "result": v} for k, v in rows]


def _press_rows(what: str, p: dict[str, Any]) -> list[tuple[str, str]]:
    """One set of votes checked against reports of the vote (``data/press_checks.csv``)."""
    other = p["checked"] - p["checked_un_press_release"] - p["checked_un_other"]
    return [(what, f"{p['candidates']} ({p['candidates_failed']} failed)"),
            ("… checked against a report of the vote; agree",
             f"{p['checked']}; {p['agree']}"),
            ("… of them in a UN press release (agree), another UN text, another report",
             f"{p['checked_un_press_release']} ({p['agree_un_press_release']}), "
             f"{p['checked_un_other']}, {other}"),
            ("… no report of the vote found", str(len(p["not_found"]))),
            ("… not yet looked up", str(len(p["not_checked"])))]


def check_tables(r: dict[str, Any]) -> list:
    """The tables of ``record check``."""
    from unsclab.tables import Column, Table

    out = [Table("What was checked", [Column("check", header="Check"),
                                      Column("result", header="Result")], _checked(r))]
    exceptions = [{**e, "plain": e["plain"] or "undecidable",
                   "documented": bool(e["documented"])} for e in r["exceptions"]]
    out.append(Table(f"Exceptions to plain arithmetic ({len(exceptions)})", [
        Column("symbol", header="Symbol"), Column("date", header="Date"),
        Column("recorded", header="Recorded"), Column("plain", header="Plain arithmetic"),
        Column("kind", header="Kind"), Column("documented", header="Documented"),
        Column("reason", header="Reason", block=True)], exceptions))
    s = r["second_source"]
    if s["available"] and s["disagreements"]:
        rows = [{"resolution": f"S/RES/{d['resolution']}", "status": d["status"],
                 "differences": "; ".join(filter(None, (
                     str(d.get("differences") or "").replace(";", "; "),  # ISO3:record/Library
                     f"names differ ({d['names_differ']})" if d.get("names_differ") else "",
                     "" if d.get("date_agrees", True) else
                     f"the Library dates it {d.get('library_date')}")))
                 or "the corrected ballot agrees with the Library (see Corrections)"}
                for d in s["disagreements"]]
        out.append(Table(f"Resolutions where the UN Digital Library differs ({len(rows)})", [
            Column("resolution", header="Resolution"), Column("status", header="Status"),
            Column("differences", header="Differences", block=True)], rows))
    out.append(Table(f"Corrections ({len(r['corrections'])})", [
        Column("kind", header="Kind"), Column("scope", header="Scope"),
        Column("field", header="Field"), Column("old", header="Old"),
        Column("new", header="New"), Column("status", header="Status"),
        Column("basis", header="Basis", block=True)], r["corrections"]))
    return out


def check_lines(r: dict[str, Any]) -> list[str]:
    """Lines under the tables: the Library's resolutions by status, the press-release checks
    that differ, the 2022–2025 votes not yet checked."""
    lines = []
    s = r["second_source"]
    if s["available"]:
        lines.append("Resolutions by status against the Library: " + ", ".join(
            f"{k} {v}" for k, v in sorted(s["by_status"].items())) + ".")
    p = r["press_releases"]
    for q in (p, p["earlier_failed"]):
        lines += [f"- {x['symbol']} differs from {x['source']}: {'; '.join(x['differences'])}"
                  for x in q["rows"] if not x["agree"]]
    if p["not_found"]:
        lines.append(f"2022–2025 votes with no report of the vote found: "
                     f"{', '.join(p['not_found'])}.")
    if p["not_checked"]:
        lines.append(f"Not yet checked against a report of the vote: "
                     f"{', '.join(p['not_checked'])}.")
    n = r["numbering"]
    if n["gaps"] or n["duplicates"] or n["year_mismatches"]:
        lines.append(f"Numbering: gaps {n['gaps'] or 'none'}; duplicates "
                     f"{n['duplicates'] or 'none'}; year counts differing "
                     f"{n['year_mismatches'] or 'none'}.")
    lines.append("ok" if r["ok"] else "NOT OK: undocumented exceptions or mismatches above")
    return lines
