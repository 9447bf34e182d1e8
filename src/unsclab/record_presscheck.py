"""Non-unanimous votes of 2022–2025 checked against UN press releases and other reports.

The UN Digital Library scrape (:mod:`unsclab.record_crosscheck`) ends in 2021. For later years,
and for vetoed and failed drafts, ``data/press_checks.csv`` holds the tally and the named
members read in a UN press release (``source_kind`` = ``un_press_release``, press.un.org,
symbols SC/…) or, where none could be read, in a press report that quotes the vote
(``other``, named in ``source``). Each row is compared here with the record: the tally, and
each member named as voting in favour, against or abstaining (a blank list means the source
names none, and nothing is compared). The rows not yet checked are counted, not hidden.
"""

from __future__ import annotations

__all__ = ["press_candidates", "press_report"]

from typing import TYPE_CHECKING, Any

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_FILE = "unsclab/data/press_checks.csv"
_NAMED = (("in_favour", "Y"), ("against", "N"), ("abstaining", "A"))
KINDS = ("un_press_release", "other")


def press_candidates(decisions: pd.DataFrame) -> pd.DataFrame:
    """The decisions of 2022–2025 with a vote against or an abstention, or that failed."""
    year = decisions["date"].dt.year
    split = (decisions["no"] > 0) | (decisions["abstain"] > 0) | (
        decisions["outcome"] != "adopted")
    return decisions[year.between(2022, 2025) & split]


def _read() -> list[dict[str, str]]:
    from unsclab.data.readers import project_table

    rows = project_table("press_checks.csv")
    for i, r in enumerate(rows, start=2):
        if r["source_kind"] not in KINDS:
            raise DataError(f"unknown source_kind {r['source_kind']!r}; expected one of "
                            f"{', '.join(KINDS)}", file=_FILE, line=i, field="source_kind")
        for f in ("yes", "no", "abstain"):
            if not r[f].isdigit():
                raise DataError(f"{f} {r[f]!r} is not a count", file=_FILE, line=i, field=f)
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


def press_report(decisions: pd.DataFrame, ballots: pd.DataFrame) -> dict[str, Any]:
    """Candidates, how many were checked (by kind of source), how many agree, each row."""
    cand = press_candidates(decisions)
    by_symbol = {str(s).replace(" ", ""): r for s, r in zip(cand["symbol"], cand.itertuples())}
    key = "decision" if "decision" in ballots.columns else "id"
    checked = []
    for i, row in enumerate(_read(), start=2):
        d = by_symbol.get(row["symbol"])
        if d is None:
            raise DataError(f"{row['symbol']} is not a non-unanimous or failed decision of "
                            "2022-2025 in the record", file=_FILE, line=i, field="symbol")
        b = ballots.loc[ballots[key] == d.id]
        diffs = _compare(row, d._asdict(), dict(zip(b["iso3"].astype(str),
                                                   b["vote"].astype(str))))
        checked.append({"id": int(d.id), "symbol": row["symbol"], "date": row["date"],
                        "source_kind": row["source_kind"], "agree": not diffs,
                        "differences": diffs, "source": row["source"]})
    un = [c for c in checked if c["source_kind"] == "un_press_release"]
    return {
        "candidates": int(len(cand)),
        "candidates_failed": int((cand["outcome"] != "adopted").sum()),
        "checked": len(checked), "agree": sum(c["agree"] for c in checked),
        "checked_un_press_release": len(un), "agree_un_press_release": sum(
            c["agree"] for c in un),
        "not_checked": [f"{s} ({str(t)[:10]})" for i, s, t in
                        zip(cand["id"], cand["symbol"], cand["date"])
                        if int(i) not in {c["id"] for c in checked}],
        "rows": checked,
    }
