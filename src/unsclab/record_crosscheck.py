"""Every ballot of every adopted resolution 1946–2021 against the UN Digital Library.

The second source is the Library's voting records as scraped to 2021 (``unsclab.data.undl``):
one row per adopted resolution S/RES/1 … 2617 with each member's vote. The comparison is member
by member on the seat (the project's ISO3 code), after the record's corrections; a difference
is resolved by a row of ``data/corrections.csv`` (``corrected``, ``confirmed`` or
``both_readings``, each with the primary document read) or reported as ``unexplained``.

The two sources are not fully independent: the Sciences Po database was compiled from UN
documents and agrees with the Library on every date but one, including a date both get wrong
(resolution 726 (1992), corrected). Agreement therefore shows the record transcribes the UN's
own voting data faithfully; it cannot prove the UN data right.
"""

from __future__ import annotations

__all__ = ["EMPTY_COLUMNS", "crosscheck_undl"]

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Library state codes that name the holder of a seat the record files under another code:
#: Democratic Yemen held the 1990-91 seat until unification on 22 May 1990 (corrections.csv,
#: kind identity, resolutions 647-654).
_SAME_SEAT = {"YMD": "YEM"}

EMPTY_COLUMNS = ("resolution_number", "decision", "library_record", "compared", "agree",
                 "differences", "names_differ", "library_date", "date_agrees", "status")


def _status_by_resolution() -> dict[int, str]:
    from unsclab.record_corrections import read_corrections, resolution_scope

    out: dict[int, str] = {}
    rank = {"both_readings": 3, "corrected": 2, "confirmed": 1}
    for c in read_corrections():
        if not c["scope"].startswith("res="):
            continue
        for n in resolution_scope(c["scope"]):
            if rank[c["status"]] > rank.get(out.get(n, ""), 0):
                out[n] = c["status"]
    return out


def crosscheck_undl(decisions: pd.DataFrame, ballots: pd.DataFrame,
                    path: str | None = None) -> pd.DataFrame:
    """One row per adopted resolution found in both sources (see the module docstring).

    Columns: ``resolution_number`` (int32), ``decision`` (int32, the record's id),
    ``library_record`` (int64), ``compared`` (int8, members in either ballot), ``agree``
    (int8, members with the same vote in both), ``differences`` (string, ``ISO3:record/library``
    joined by ``;``), ``names_differ`` (string, ``seat/state`` where the Library names another
    state for the seat), ``library_date`` (datetime64), ``date_agrees`` (bool), ``status``
    (string: ``agree``, ``corrected``, ``confirmed``, ``both_readings`` or ``unexplained``).
    """
    import pandas as pd

    from unsclab.data.undl import read_undl_scrape

    lib = read_undl_scrape(path)
    adopted = decisions[(decisions["outcome"] == "adopted")
                        & decisions["resolution_number"].notna()]
    adopted = adopted[adopted["resolution_number"].isin(lib.sc["number"])]
    ours = ballots.merge(adopted[["id", "resolution_number"]], left_on="decision",
                         right_on="id")[["resolution_number", "iso3", "vote"]]
    theirs = lib.sc_votes.merge(lib.sc[["record", "number"]], on="record")
    theirs = pd.DataFrame({"resolution_number": theirs["number"],
                           "state": theirs["iso3"].astype(str),
                           "vote_lib": theirs["vote"].astype(str)})
    theirs["iso3"] = theirs["state"].map(lambda c: _SAME_SEAT.get(c, c))
    ours = ours.assign(iso3=ours["iso3"].astype(str), vote=ours["vote"].astype(str),
                       resolution_number=ours["resolution_number"].astype(int))
    theirs["resolution_number"] = theirs["resolution_number"].astype(int)
    both = ours.merge(theirs, on=["resolution_number", "iso3"], how="outer")
    both["same"] = both["vote"] == both["vote_lib"]
    diff = both[~both["same"]].fillna({"vote": "-", "vote_lib": "-"})
    diff_text = diff.groupby("resolution_number").apply(
        lambda g: ";".join(f"{r.iso3}:{r.vote}/{r.vote_lib}" for r in g.itertuples()),
        include_groups=False)
    renamed = both[both["state"].notna() & (both["state"] != both["iso3"])]
    names = renamed.groupby("resolution_number").apply(
        lambda g: ";".join(f"{r.iso3}/{r.state}" for r in g.itertuples()),
        include_groups=False)
    counts = both.groupby("resolution_number").agg(compared=("iso3", "size"),
                                                   agree=("same", "sum"))
    meta = lib.sc.set_index("number")
    out = adopted[["resolution_number", "id", "date"]].copy()
    out["resolution_number"] = out["resolution_number"].astype(int)
    out = out.join(counts, on="resolution_number")
    n = out["resolution_number"]
    out = pd.DataFrame({
        "resolution_number": n.astype("int32"),
        "decision": out["id"].astype("int32"),
        "library_record": n.map(meta["record"]).astype("int64"),
        "compared": out["compared"].astype("int8"),
        "agree": out["agree"].astype("int8"),
        "differences": n.map(diff_text).fillna("").astype("string"),
        "names_differ": n.map(names).fillna("").astype("string"),
        "library_date": n.map(meta["date"]),
        "date_agrees": (out["date"].values == n.map(meta["date"]).values),
    })
    statuses = _status_by_resolution()
    clean = (out["differences"] == "") & out["date_agrees"] & (out["names_differ"] == "")
    out["status"] = [statuses.get(int(k), "agree" if ok else "unexplained")
                     for k, ok in zip(out["resolution_number"], clean)]
    out["status"] = out["status"].astype("string")
    return out.sort_values("resolution_number").reset_index(drop=True)


#: Resolutions adopted per year as published by the UN Security Council Affairs Division,
#: "Highlights of Security Council Practice" (read in the year reviews): 2020 57 (UN
#: Delegate, "Year in review 2020"), 2022 54 (UN Delegate, "Year in review 2022:
#: Highlights of Security Council Practice"), 2023 50 (DPPA, "Highlights of Security Council
#: Practice 2023", 12 January 2024). Years 1946-2021 are also counted in the Library's records.
PUBLISHED_COUNTS = {2020: 57, 2022: 54, 2023: 50}


def numbering_report(decisions: pd.DataFrame, crosscheck: pd.DataFrame | None) -> dict:
    """Resolution numbers 1 … last: gaps, duplicates, and each year's count against the
    Library's records (1946-2021) and the published counts above."""
    adopted = decisions[decisions["outcome"] == "adopted"]
    nums = adopted["resolution_number"].dropna().astype(int)
    last = int(nums.max())
    gaps = sorted(set(range(1, last + 1)) - set(nums))
    dups = sorted(set(nums[nums.duplicated()]))
    by_year = adopted.groupby(adopted["year"].astype(int))["resolution_number"].agg(
        ["count", "min", "max"])
    lib_years: dict[int, int] = {}
    if crosscheck is not None and len(crosscheck):
        lib_years = crosscheck.groupby(crosscheck["library_date"].dt.year).size().to_dict()
    years, mismatches = {}, []
    for y, row in by_year.iterrows():
        entry = {"record": int(row["count"]), "first": int(row["min"]), "last": int(row["max"])}
        if y in lib_years:
            entry["library"] = int(lib_years[y])
        if y in PUBLISHED_COUNTS:
            entry["published"] = PUBLISHED_COUNTS[y]
        if any(entry[k] != entry["record"] for k in ("library", "published") if k in entry):
            mismatches.append(int(y))
        years[int(y)] = entry
    return {"first": int(nums.min()), "last": last, "gaps": gaps, "duplicates": dups,
            "years": years, "year_mismatches": mismatches,
            "published_source": "UN Security Council Affairs Division, Highlights of Security "
                                "Council Practice 2020, 2022, 2023; UN Digital Library voting "
                                "records 1946-2021"}


def second_source_report(crosscheck: pd.DataFrame | None) -> dict:
    """How many ballots were checked against the Library and how many agree."""
    if crosscheck is None or not len(crosscheck):
        return {"source": None, "available": False, "decisions_checked": 0,
                "ballots_checked": 0, "ballots_agree": 0, "decisions_agree": 0,
                "by_status": {}, "disagreements": []}
    x = crosscheck
    rows = x[x["status"] != "agree"]
    return {
        "source": "UN Digital Library voting records, Security Council, to 2021 (scrape)",
        "available": True,
        "decisions_checked": len(x),
        "ballots_checked": int(x["compared"].sum()),
        "ballots_agree": int(x["agree"].sum()),
        "decisions_agree": int((x["status"] == "agree").sum()),
        "by_status": {str(k): int(v) for k, v in x["status"].value_counts().items()},
        "disagreements": [
            {"resolution": int(r.resolution_number), "library_record": int(r.library_record),
             "differences": str(r.differences), "names_differ": str(r.names_differ),
             "library_date": str(r.library_date.date()), "date_agrees": bool(r.date_agrees),
             "status": str(r.status)} for r in rows.itertuples()],
    }
