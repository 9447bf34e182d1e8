"""The General Assembly data the amendment game reads: ideal points and the 1963 ballot."""

from __future__ import annotations

__all__ = ["RCID_1991A", "ballot_1963", "ideal_point_table"]

from functools import cache

#: unvotes roll call of GA resolution 1991 A (XVIII), 17 December 1963. unvotes labels it
#: ``R/18/1992A`` and dates it 3 December; its description ("draft resolution II-A (A/5675)
#: adopting amendments to the Charter to enlarge non-permanent membership of the Security
#: Council to 10, and allotting 5 of these to Afro-Asian States") and its tally, 97–11–4, are
#: those of 1991 A (UN Digital Library record 664273 gives the same tally and the same eleven
#: noes and four abstentions). The roll call labelled ``R/18/1991`` (rcid 876, 111–0–0) is the
#: one before it, on the General Committee.
RCID_1991A = 877


@cache
def ideal_point_table() -> dict[str, dict[int, float]]:
    """``{iso3: {year: ideal point}}`` from the Bailey–Strezhnev–Voeten estimates (reliable rows)."""
    from unsclab.data.layers import load_table

    df = load_table("ga_ideal_points")
    df = df[df["reliable"]]
    out: dict[str, dict[int, float]] = {}
    for iso3, year, x in zip(df["iso3"].astype(str), df["year"].astype(int), df["ideal_point"]):
        out.setdefault(iso3, {})[year] = float(x)
    return out


@cache
def ballot_1963() -> dict[str, str]:
    """Each state's recorded vote on GA resolution 1991 A (XVIII): ``yes``/``no``/``abstain``."""
    from unsclab.data.layers import load_table
    from unsclab.errors import DataError

    rc = load_table("ga_roll_calls")
    row = rc[rc["rcid"] == RCID_1991A]
    if row.empty or "SECURITY COUNCIL TO 10" not in str(row["descr"].iloc[0]).upper():
        raise DataError(f"roll call {RCID_1991A} is not the vote on GA resolution 1991 A (XVIII)",
                        field="rcid")
    votes = load_table("ga_votes")
    votes = votes[votes["rcid"] == RCID_1991A]
    return dict(zip(votes["iso3"].astype(str), votes["vote"].astype(str)))
