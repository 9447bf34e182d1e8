"""The seat category a member sat in at the time.

From 1966 the elected seats are allocated by GA resolution 1991 A (XVIII) of 17 December 1963
(in force with the Charter amendment on 31 August 1965): five for African and Asian States,
one for Eastern European States, two for Latin American States, two for Western European and
other States. A member's category is that of its regional group (``members.csv`` /
``historical_states.csv``); AG and APG share the African and Asian category.

Before 1966 the six elected seats followed the 1946 London "Gentlemen's Agreement", an oral
agreement never recorded in an official document (Dag Hammarskjöld Library, Ask DAG FAQ 14368;
summarised by Vyshinsky at the 450th plenary meeting of the General Assembly, A/PV.450, 1953):
two seats for Latin America, one each for the British Commonwealth, Eastern Europe, the Middle
East and Western Europe (as Malik recalled it to Lodge, FRUS 1952-54 vol. III doc. 278). The
committed table ``data/seat_categories.csv`` gives the member-years read in a document (the
contested Eastern European seat); every other member-year is assigned by the state's place in
that pattern and says "assumed". Asian and African states elected outside the pattern (from the
late 1950s) are ``outside the 1946 pattern``.
"""

from __future__ import annotations

__all__ = ["seat_categories", "seat_category"]

from functools import cache

_1946 = {
    "Commonwealth": {"AUS", "CAN", "IND", "NZL", "PAK", "LKA", "GBR"},
    "Eastern Europe": {"POL", "UKR", "BLR", "CSK", "ROU", "YUG", "BGR", "HUN"},
    "Middle East": {"EGY", "SYR", "LBN", "IRQ", "IRN", "JOR", "SAU", "TUR"},
    "Western Europe": {"NLD", "BEL", "NOR", "DNK", "SWE", "ITA", "IRL", "GRC", "AUT",
                       "FIN", "ESP", "PRT", "LUX", "ISL"},
}
_GROUPS_1966 = {"AG": "African and Asian States", "APG": "African and Asian States",
                "EEG": "Eastern European States", "GRULAC": "Latin American States",
                "WEOG": "Western European and other States"}


@cache
def _read() -> dict[tuple[str, int], tuple[str, str]]:
    from unsclab.data.readers import project_table

    out = {}
    for r in project_table("seat_categories.csv"):
        for y in range(int(r["from"]), int(r["to"]) + 1):
            out[(r["iso3"], y)] = (r["category"], r["basis"])
    return out


@cache
def _groups() -> dict[str, str]:
    from unsclab.data.readers import project_table

    g = {r["iso3"]: r["group"] for r in project_table("historical_states.csv")}
    g.update({r["iso3"]: r["group"] for r in project_table("members.csv")})
    return g


def seat_category(iso3: str, year: int) -> tuple[str, str]:
    """(category, basis) of an elected member's seat in ``year``; permanent members are
    ``permanent``."""
    if iso3 in ("CHN", "FRA", "RUS", "GBR", "USA"):
        return "permanent", "Charter Art. 23(1)"
    group = _groups().get(iso3, "")
    if year >= 1966:
        return (_GROUPS_1966.get(group, "unknown"),
                "GA resolution 1991 A (XVIII), 17 December 1963, para. 3")
    if (iso3, year) in _read():
        return _read()[(iso3, year)]
    if group == "GRULAC":
        return "Latin America", "assumed: a Latin American state (1946 agreement, two seats)"
    for category, states in _1946.items():
        if iso3 in states:
            return category, f"assumed: the state's place in the 1946 pattern ({category})"
    return "outside the 1946 pattern", "assumed: an Asian or African state elected outside it"


def seat_categories(ballots, decisions):
    """``seat_category`` for every ballot row (the member's category in the decision's year)."""
    import pandas as pd

    year = ballots["decision"].map(decisions.set_index("id")["year"]).astype(int)
    pairs = pd.DataFrame({"iso3": ballots["iso3"].astype(str), "year": year})
    table = {(c, y): seat_category(c, y)[0] for c, y in set(zip(pairs["iso3"], pairs["year"]))}
    return pd.Categorical([table[(c, y)] for c, y in zip(pairs["iso3"], pairs["year"])])
