"""Council membership by year, with its provenance: the record's ballots, then elections.

- **Years the record covers** (1946–2025): the states with a ballot in that year's decisions
  (every decision of the record has 11 ballots before 1966 and 15 after, so a state that sat
  appears). ``basis`` is ``ballots``.
- **Years after the record**: the permanent members, plus each state elected by the General
  Assembly for a term covering the year, from ``sc_elections.csv`` (each row cites the meeting,
  date and votes; the June 2024 election for 2025–26, June 2025 for 2026–27, June 2026 for
  2027–28). Only years whose ten elected seats are all known are kept (to 2027). ``basis`` is
  ``election``.

The DPPA table ("DPPA-SCMembership", UN Peace and Security Data Hub) is not needed: where it is
present it is a cross-check (:func:`dppa_disagreements`, table ``membership_dppa``). On the
sources staged with this release it agrees with the ballots in all 80 years 1946–2025 and with
the elections in 2026–2027.
"""

from __future__ import annotations

__all__ = ["membership_table", "elected_terms", "dppa_disagreements", "P5"]

from typing import TYPE_CHECKING

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

P5 = ("CHN", "FRA", "RUS", "GBR", "USA")
GROUPS = ["AG", "APG", "EEG", "GRULAC", "WEOG"]
_ELECTIONS = "sc_elections.csv"
_ELECTED_SEATS = 10  # Charter Art. 23(1) as amended in 1965


def elected_terms() -> list[dict[str, object]]:
    """The rows of ``sc_elections.csv``, checked (state codes, groups, two-year terms)."""
    from unsclab.data.readers import project_table
    from unsclab.states import known_state, state

    rows = []
    for line, r in enumerate(project_table(_ELECTIONS), start=2):
        where = {"file": f"unsclab/data/{_ELECTIONS}", "line": line}
        if not known_state(r["iso3"]):
            raise DataError(f"unknown state code {r['iso3']!r}", field="iso3", **where)
        if state(r["iso3"]).group != r["group"]:
            raise DataError(f"{r['iso3']} is in {state(r['iso3']).group}, not {r['group']}",
                            field="group", **where)
        start, end = int(r["term_start"]), int(r["term_end"])
        if end != start + 1 or int(r["election"][:4]) != start - 1:
            raise DataError(f"term {start}-{end} elected in {r['election'][:4]}; expected a "
                            "two-year term starting the year after the election",
                            field="term_start", **where)
        rows.append({**r, "term_start": start, "term_end": end})
    return rows


def _from_elections(first_year: int) -> list[tuple[int, str, str]]:
    """(year, iso3, basis) for the complete years from ``first_year`` on."""
    terms = elected_terms()
    out = []
    year = first_year
    while True:
        elected = sorted(t["iso3"] for t in terms if t["term_start"] <= year <= t["term_end"])
        if len(elected) != _ELECTED_SEATS:
            return out
        out += [(year, c, "election") for c in (*P5, *elected)]
        year += 1


def membership_table(decisions: pd.DataFrame, ballots: pd.DataFrame) -> pd.DataFrame:
    """Council members by year: ``year`` (int16), ``iso3`` (category), ``permanent`` (bool),
    ``group`` (category; today's regional group), ``basis`` (category ballots/election)."""
    import pandas as pd

    from unsclab.data.readers import project_table

    year_of = decisions.set_index("id")["year"]
    seen = pd.DataFrame({"year": ballots["decision"].map(year_of).astype(int),
                         "iso3": ballots["iso3"].astype(str)}).drop_duplicates()
    rows = [(int(y), c, "ballots") for y, c in seen.itertuples(index=False)]
    last = int(seen["year"].max())
    rows += _from_elections(last + 1)
    groups = {r["iso3"]: r["group"] for r in project_table("historical_states.csv")}
    groups.update({r["iso3"]: r["group"] for r in project_table("members.csv")})
    mem = pd.DataFrame(rows, columns=["year", "iso3", "basis"])
    mem["year"] = mem["year"].astype("int16")
    mem["permanent"] = mem["iso3"].isin(P5)
    mem["group"] = pd.Categorical(mem["iso3"].map(groups), categories=GROUPS)
    mem = mem.sort_values(["year", "permanent", "iso3"], ascending=[True, False, True])
    mem["iso3"] = mem["iso3"].astype("category")
    mem["basis"] = pd.Categorical(mem["basis"], categories=["ballots", "election"])
    return mem[["year", "iso3", "permanent", "group", "basis"]].reset_index(drop=True)


def dppa_disagreements(membership: pd.DataFrame, dppa: pd.DataFrame) -> pd.DataFrame:
    """Every (year, state) on which ``membership`` and the DPPA table disagree, for the years
    both cover: ``year``, ``iso3``, ``in_membership``, ``in_dppa`` (empty when they agree)."""
    import pandas as pd

    ours = {(int(y), str(c)) for y, c in zip(membership["year"], membership["iso3"])}
    theirs = {(int(y), str(c)) for y, c in zip(dppa["year"], dppa["iso3"])}
    years = {y for y, _ in ours} & {y for y, _ in theirs}
    diff = sorted(p for p in ours ^ theirs if p[0] in years)
    return pd.DataFrame({
        "year": pd.array([y for y, _ in diff], dtype="int16"),
        "iso3": pd.array([c for _, c in diff], dtype="string"),
        "in_membership": pd.array([p in ours for p in diff], dtype="bool"),
        "in_dppa": pd.array([p in theirs for p in diff], dtype="bool"),
    })
