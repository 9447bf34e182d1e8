"""Browsing the record: filtered decisions, a state's history, yearly trends (pandas).

Shared by ``unsclab record state`` and the record's web pages and API; the filters themselves
(checked values, one-line errors with near matches) are those of :mod:`unsclab.record_query`,
which ``unsclab record list`` uses without pandas.
"""

from __future__ import annotations

__all__ = ["choose", "rows", "select", "state_history", "trends", "year_spans"]

from typing import Any

from unsclab.record_query import choose, display_rows, filters, frame_columns, matching


def select(rec, *, start=None, end=None, outcome=None, vote_type=None, vetoed_by=None,
           state=None, subject=None, region=None, search=None):
    """The decisions of ``rec`` matching every given filter (checked: one-line errors, near
    matches), as a DataFrame; the filters are those of :mod:`unsclab.record_query`."""
    given = filters(start=start, end=end, outcome=outcome, vote_type=vote_type,
                    vetoed_by=vetoed_by, state=state, subject=subject, region=region,
                    search=search)
    d = rec.decisions
    if not given:
        return d
    return d.iloc[matching(frame_columns(d), len(d), given)]


def rows(d, short: bool = False) -> list[dict[str, Any]]:
    """Display rows of decisions: date, symbol, title, outcome, type, tally, vetoed by."""
    return display_rows(frame_columns(d), range(len(d)), short)


def state_history(rec, code: str) -> dict[str, Any]:
    """A state's Council history: years, votes, votes against and abstentions, vetoes,
    the decisions concerning it."""
    from unsclab.record_groups import seat_category
    from unsclab.record_names import name_at, un_name

    m = rec.membership
    years = sorted(int(y) for y in m.loc[m["iso3"].astype(str) == code, "year"])
    b = rec.ballots[rec.ballots["iso3"].astype(str) == code].merge(
        rec.decisions[["id", "date", "symbol", "title", "outcome"]], left_on="decision",
        right_on="id")
    votes = {v: int((b["vote"].astype(str) == v).sum()) for v in ("Y", "N", "A", "NV")}

    def listed(sel):
        return [{"date": str(r.date.date()), "symbol": str(r.symbol), "outcome": str(r.outcome),
                 "title": str(r.title)} for r in b[sel].sort_values("date").itertuples()]

    d = rec.decisions
    vetoes = d[d["vetoed_by"].str.split(";").map(lambda s: code in s)]
    about = d[d["countries"].str.split(";").map(lambda s: code in s)]
    names = sorted({name_at(code, str(x.date())) for x in b["date"]}) or [un_name(code)]
    return {
        "iso3": code, "name": un_name(code), "names_on_the_council": names,
        "years_on_the_council": years,
        "seat_categories": {str(y): dict(zip(("category", "basis"), seat_category(code, y)))
                            for y in years},
        "decisions_voted": len(b), "votes": votes,
        "against": listed(b["vote"].astype(str) == "N"),
        "abstentions": listed(b["vote"].astype(str) == "A"),
        "vetoes": [{"date": str(r.date.date()), "symbol": str(r.symbol),
                    "type": str(r.vote_type), "title": str(r.title)}
                   for r in vetoes.itertuples()],
        "decisions_concerning": {
            "count": len(about),
            "by_outcome": {str(k): int(v) for k, v in about["outcome"].value_counts().items()
                           if v},
            "decisions": [{"date": str(r.date.date()), "symbol": str(r.symbol),
                           "outcome": str(r.outcome), "title": str(r.title)}
                          for r in about.itertuples()]},
    }


def year_spans(years: list[int]) -> str:
    """1964, 1965, 1990 → "1964–1965, 1990"."""
    out, start = [], None
    for i, y in enumerate(years):
        if start is None:
            start = y
        if i + 1 == len(years) or years[i + 1] != y + 1:
            out.append(str(start) if start == y else f"{start}–{y}")
            start = None
    return ", ".join(out) or "never"


def trends(rec) -> list[dict[str, Any]]:
    """Per year: adopted, vetoed, failed for lack of majority; vetoes by member (the Library's
    definition); the share of adopted resolutions adopted unanimously (every member in
    favour; adoption without a vote excluded)."""
    from unsclab.record_types import dhl_rows

    d = rec.decisions
    dhl = dhl_rows(d)
    out = []
    for year, g in d.groupby("year"):
        adopted = g[(g["outcome"] == "adopted") & ~g["adopted_without_vote"]]
        size = 11 if year < 1966 else 15
        v = dhl[dhl["year"] == year]
        out.append({
            "year": int(year),
            "adopted": int((g["outcome"] == "adopted").sum()),
            "vetoed": int((g["outcome"] == "vetoed").sum()),
            "lack_of_majority": int((g["outcome"] == "lack_of_majority").sum()),
            **{f"vetoes_{c}": int(v["vetoed_by"].str.split(";").map(
                lambda s, c=c: c in s).sum()) for c in ("CHN", "FRA", "RUS", "GBR", "USA")},
            "unanimous_share": (float((adopted["yes"] == size).mean()) if len(adopted)
                                else None),
        })
    return out
