"""Browsing the record: filters with checked values, a state's history, yearly trends.

Shared by ``unsclab record list|state`` and the record's web pages and API. A filter value
that is not known raises :class:`~unsclab.errors.UnsclabError` with one line naming it and the
nearest choices (``difflib``).
"""

from __future__ import annotations

__all__ = ["choose", "rows", "select", "state_history", "trends", "year_spans"]

from typing import Any


def choose(value: str, allowed: tuple[str, ...], option: str) -> str:
    """``value`` if allowed, else a one-line error naming it with the nearest choices."""
    import difflib

    from unsclab.errors import UnsclabError

    v = (value or "").strip().lower()
    folded = {a.lower(): a for a in allowed}
    if v in folded:
        return folded[v]
    near = [folded[n] for n in difflib.get_close_matches(v, list(folded), n=3, cutoff=0.6)]
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UnsclabError(f"{value!r} is not known{hint} (expected one of "
                       f"{', '.join(allowed)})", field=option)


_OUTCOMES = ("adopted", "vetoed", "lack_of_majority", "failed")


def _date_bound(value: str | None, option: str, end: bool) -> str | None:
    import re

    from unsclab.errors import UnsclabError

    if value is None:
        return None
    v = value.strip()
    if re.fullmatch(r"\d{4}", v):
        return f"{v}-12-31" if end else f"{v}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return v
    raise UnsclabError(f"{value!r} is not a year or a date; expected YYYY or YYYY-MM-DD",
                       field=option)


def select(rec, *, start=None, end=None, outcome=None, vote_type=None, vetoed_by=None,
           state=None, subject=None, region=None, search=None):
    """The decisions matching every given filter (checked: one-line errors, near matches)."""
    from unsclab.record_names import resolve_state
    from unsclab.record_subjects import REGIONS, SUBJECTS
    from unsclab.record_types import VOTE_TYPES

    d = rec.decisions
    lo, hi = _date_bound(start, "--from", False), _date_bound(end, "--to", True)
    if lo:
        d = d[d["date"] >= lo]
    if hi:
        d = d[d["date"] <= hi]
    if outcome:
        o = choose(outcome, _OUTCOMES, "--outcome")
        d = d[d["outcome"].isin(["vetoed", "lack_of_majority"])] if o == "failed" else d[
            d["outcome"] == o]
    if vote_type:
        d = d[d["vote_type"] == choose(vote_type.replace("-", "_"), VOTE_TYPES, "--type")]
    if vetoed_by:
        code = resolve_state(vetoed_by)
        d = d[d["vetoed_by"].str.split(";").map(lambda s: code in s)]
    if state:
        code = resolve_state(state)
        d = d[d["countries"].str.split(";").map(lambda s: code in s)]
    if subject:
        d = d[d["subject"] == choose(subject, tuple(s for s, _ in SUBJECTS) + ("other",),
                                     "--subject")]
    if region:
        d = d[d["region"] == choose(region, REGIONS, "--region")]
    if search:
        text = search.lower()
        d = d[d["title"].str.lower().str.contains(text, regex=False)
              | d["symbol"].str.lower().str.contains(text, regex=False)]
    return d


def rows(d, short: bool = False) -> list[dict[str, Any]]:
    """Display rows of decisions: date, symbol, title, outcome, type, tally, vetoed by."""
    from unsclab.record_names import name_at

    out = []
    for r in d.itertuples():
        tally = "" if r.yes is None or str(r.yes) == "<NA>" else f"{r.yes}-{r.no}-{r.abstain}"
        day = str(r.date.date())
        title = str(r.title)
        if short and len(title) > 70:
            title = title[:69] + "…"
        out.append({"date": day, "symbol": str(r.symbol), "title": title,
                    "outcome": str(r.outcome), "type": str(r.vote_type), "tally": tally,
                    "vetoed_by": ", ".join(name_at(c, day) for c in str(r.vetoed_by).split(";")
                                           if c),
                    "subject": str(r.subject), "region": str(r.region)})
    return out


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
