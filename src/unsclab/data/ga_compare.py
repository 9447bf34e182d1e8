"""Compare the two GA roll-call sources where they overlap (1946 – the 74th session, 2019).

``unvotes`` (:func:`unsclab.data.readers.read_ga_votes`, Voeten et al. as packaged in 2021) and
Voeten v33 reshaped (:func:`unsclab.data.ga_v33.read_ga_v33`) come from the same Dataverse
dataset, at different versions and through different hands. :func:`compare_ga_sources` counts,
on the roll calls both hold, how the country cells line up. The figures are quoted in
docs/data.md ("GA sources") and bounded by the tests.
"""

from __future__ import annotations

__all__ = ["compare_ga_sources"]


def compare_ga_sources() -> dict[str, object]:
    """Roll-call and per-cell agreement of v33 with ``unvotes`` on their common roll calls.

    Keys: ``unvotes_roll_calls``, ``v33_roll_calls``, ``common_roll_calls``,
    ``date_mismatches`` (common ids with different dates), ``v33_only_by_ga_year`` (v33 ids not in
    ``unvotes``, counted by session year), ``unvotes_votes`` (yes/abstain/no cells),
    ``same_vote``, ``different_vote`` (both record yes/abstain/no and they differ),
    ``absent_in_v33`` (``unvotes`` has a vote, v33 says absent), ``missing_in_v33_by_state``
    (``unvotes`` votes with no v33 cell: states without a successor column), ``v33_absences``
    (v33 "absent" cells on common roll calls where ``unvotes`` has no row),
    ``v33_extra_votes`` (v33 yes/abstain/no cells ``unvotes`` lacks), ``agreement`` (``same_vote / unvotes_votes``).
    """
    from unsclab.data.ga_v33 import read_ga_v33
    from unsclab.data.readers import read_ga_roll_calls, read_ga_votes

    rc_un = read_ga_roll_calls()
    un = read_ga_votes(roll_calls=rc_un)
    rc33, v33 = read_ga_v33()
    common = set(rc_un["rcid"]) & set(rc33["rcid"])
    dates = rc_un.set_index("rcid")["date"].reindex(sorted(common))
    dates33 = rc33.set_index("rcid")["date"].reindex(sorted(common))
    only33 = rc33[~rc33["rcid"].isin(common)]

    a = un[["rcid", "iso3", "vote"]].astype({"iso3": str, "vote": str})
    b = v33.loc[v33["rcid"].isin(common), ["rcid", "iso3", "vote"]].astype(
        {"iso3": str, "vote": str})
    j = a.merge(b, on=["rcid", "iso3"], how="outer", suffixes=("_un", "_v33"), indicator=True)
    both = j[j["_merge"] == "both"]
    voted = both[both["vote_v33"] != "absent"]
    missing = j[j["_merge"] == "left_only"]
    extra = j[j["_merge"] == "right_only"]
    same = int((voted["vote_un"] == voted["vote_v33"]).sum())
    return {
        "unvotes_roll_calls": len(rc_un),
        "v33_roll_calls": len(rc33),
        "common_roll_calls": len(common),
        "date_mismatches": int((dates.dt.normalize() != dates33.dt.normalize()).sum()),
        "v33_only_by_ga_year": {int(y): int(n) for y, n in
                                only33.groupby("ga_year").size().items()},
        "unvotes_votes": len(a),
        "same_vote": same,
        "different_vote": int(len(voted) - same),
        "absent_in_v33": int((both["vote_v33"] == "absent").sum()),
        "missing_in_v33_by_state": {str(k): int(n) for k, n in
                                    missing["iso3"].value_counts().items()},
        "v33_absences": int((extra["vote_v33"] == "absent").sum()),
        "v33_extra_votes": int((extra["vote_v33"] != "absent").sum()),
        "agreement": same / len(a),
    }
