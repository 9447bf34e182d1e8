"""Votes beyond the UN Digital Library scrape checked against UN press releases.

The scrape (:mod:`unsclab.record_crosscheck`) holds adopted resolutions to 2021 only. Two sets of
decisions are checked here instead, row by row, against the UN's meetings-coverage press
releases (press.un.org, symbols SC/…):

* every decision of 2022–2025 with a vote against or an abstention, and every one that failed
  (:func:`press_candidates`);
* every vetoed or failed vote before 2022 (:func:`earlier_candidates`; press.un.org covers
  roughly 1995 onwards, so most older rows stay unchecked).

``data/press_checks.csv`` holds one row per check: ``status`` ``checked`` (with the tally and the
members the source names in favour, against or abstaining) or ``not_found`` (no report of the
vote could be read); ``source_kind`` ``un_press_release`` (the release itself or a copy of its
text), ``un_other`` (another UN text: UN News, the meeting summary on UN Web TV, the meeting
record) or ``other`` (a press report quoting the vote); ``press_release`` (its symbol, where
read) and ``meeting``; ``source`` (the citation shown to users); ``searched`` (what was searched
for a ``not_found`` row; for maintainers, never printed). A row is matched to the record by
symbol and date (rows of one symbol and day in record order), then compared: the tally, and each
member named (a blank list means the source names none there, and nothing is compared).
"""

from __future__ import annotations

__all__ = ["earlier_candidates", "press_candidates", "press_report"]

from typing import TYPE_CHECKING, Any

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_FILE = "unsclab/data/press_checks.csv"
_NAMED = (("in_favour", "Y"), ("against", "N"), ("abstaining", "A"))
KINDS = ("un_press_release", "un_other", "other")
STATUSES = ("checked", "not_found")


def press_candidates(decisions: pd.DataFrame) -> pd.DataFrame:
    """The decisions of 2022–2025 with a vote against or an abstention, or that failed."""
    year = decisions["date"].dt.year
    split = (decisions["no"] > 0) | (decisions["abstain"] > 0) | (
        decisions["outcome"] != "adopted")
    return decisions[year.between(2022, 2025) & split]


def earlier_candidates(decisions: pd.DataFrame) -> pd.DataFrame:
    """The vetoed and failed votes before 2022 (the scrape holds adopted resolutions only)."""
    return decisions[(decisions["date"].dt.year < 2022) & (decisions["outcome"] != "adopted")]


def _read() -> list[dict[str, str]]:
    from unsclab.record_csv import checked_rows

    rows = checked_rows("press_checks.csv", {
        "status": ("status", STATUSES),
        "source_kind": ("source_kind", KINDS + ("",))}, ("yes", "no", "abstain"),
        blank_counts=True)
    for line, r in enumerate(rows, start=2):
        need = ("yes", "no", "abstain", "source_kind", "source") if r["status"] == "checked" \
            else ("searched",)
        for f in need:
            if not r[f]:
                raise DataError(f"a {r['status']} row needs {f}", file=_FILE, line=line,
                                field=f)
    return rows


def _compare(row: dict[str, str], decision: Any, ballot: dict[str, str]) -> list[str]:
    """What the record says differently from the source (empty when they agree)."""
    diffs = []
    for f in ("yes", "no", "abstain"):
        if int(row[f]) != int(decision[f]):
            diffs.append(f"{f}: record {int(decision[f])}, source {row[f]}")
    for f, code in _NAMED:
        for iso3 in filter(None, row[f].split(";")):
            if ballot.get(iso3) != code:
                diffs.append(f"{iso3}: record {ballot.get(iso3, 'absent')}, source {code}")
    return diffs


def _key(symbol: Any, date: Any) -> tuple[str, str]:
    return str(symbol).replace(" ", ""), str(date)[:10]


def _match(rows: list[dict[str, str]], sets: dict[str, pd.DataFrame]
           ) -> dict[str, list[tuple[dict[str, str], Any]]]:
    """Each CSV row with its decision, by set; rows of one symbol and day in record order."""
    queue: dict[tuple[str, str], list[tuple[str, Any]]] = {}
    for name, cand in sets.items():
        for d in cand.sort_values("id").itertuples():
            queue.setdefault(_key(d.symbol, d.date), []).append((name, d))
    out: dict[str, list] = {name: [] for name in sets}
    for line, row in enumerate(rows, start=2):
        waiting = queue.get(_key(row["symbol"], row["date"]))
        if not waiting:
            raise DataError(f"{row['symbol']} of {row['date']} is not a decision to check "
                            "(a non-unanimous or failed one of 2022-2025, or a failed one "
                            "before), or it is listed more often than the record has it",
                            file=_FILE, line=line, field="symbol")
        name, d = waiting.pop(0)
        out[name].append((row, d))
    return out


def _summary(cand: pd.DataFrame, pairs: list, ballots: pd.DataFrame) -> dict[str, Any]:
    key = "decision" if "decision" in ballots.columns else "id"
    by_dec = {k: g for k, g in ballots.groupby(key, observed=True)}
    rows, not_found, seen = [], [], set()
    for row, d in pairs:
        seen.add(int(d.id))
        if row["status"] == "not_found":
            not_found.append(f"{row['symbol']} ({row['date']})")
            continue
        b = by_dec.get(d.id)
        ballot = {} if b is None else dict(zip(b["iso3"].astype(str), b["vote"].astype(str)))
        diffs = _compare(row, d._asdict(), ballot)
        rows.append({"id": int(d.id), "symbol": row["symbol"], "date": row["date"],
                     "source_kind": row["source_kind"], "press_release": row["press_release"],
                     "meeting": row["meeting"], "agree": not diffs, "differences": diffs,
                     "source": row["source"]})
    un = [r for r in rows if r["source_kind"] == "un_press_release"]
    un_other = [r for r in rows if r["source_kind"] == "un_other"]
    return {
        "candidates": int(len(cand)),
        "candidates_failed": int((cand["outcome"] != "adopted").sum()),
        "checked": len(rows), "agree": sum(r["agree"] for r in rows),
        "checked_un_press_release": len(un),
        "agree_un_press_release": sum(r["agree"] for r in un),
        "checked_un_other": len(un_other),
        "press_release_symbols": sorted({r["press_release"] for r in rows
                                         if r["press_release"]}),
        "not_found": not_found,
        "not_checked": [f"{s} ({str(t)[:10]})" for i, s, t in
                        zip(cand["id"], cand["symbol"], cand["date"]) if int(i) not in seen],
        "rows": rows,
    }


def press_report(decisions: pd.DataFrame, ballots: pd.DataFrame) -> dict[str, Any]:
    """The 2022–2025 check (its keys at the top) and the earlier failed votes'
    (``earlier_failed``, the same keys): candidates, checked by kind of source, agreeing, the
    press-release symbols read, the votes no report was found for, those not yet looked up."""
    sets = {"recent": press_candidates(decisions), "earlier": earlier_candidates(decisions)}
    pairs = _match(_read(), sets)
    return {**_summary(sets["recent"], pairs["recent"], ballots),
            "earlier_failed": _summary(sets["earlier"], pairs["earlier"], ballots)}
