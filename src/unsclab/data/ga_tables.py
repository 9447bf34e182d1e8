"""Derived GA tables for the snapshot (registered in :mod:`unsclab.data.tables`).

- ``ga_ideal_points`` — :func:`unsclab.data.idealpoints.read_ideal_points`, every column
  (state-years 1946–2025, with the ``reliable`` flag; Bailey, Strezhnev and Voeten,
  doi:10.7910/DVN/LEJUQZ, CC0).
- ``ga_recent_roll_calls``, ``ga_recent_votes`` — the Voeten v33 roll calls of the sessions
  after ``unvotes`` ends (GA years from :data:`FIRST_RECENT_YEAR`: sessions 75–78, 2020 – 4 June
  2024) and their votes (:func:`unsclab.data.ga_v33.read_ga_v33`; hdl:1902.1/12379 v33, CC0).
  With the ``unvotes`` tables ``ga_roll_calls`` / ``ga_votes`` (sessions 1–74) they make the
  GA record the vote model's alignment is computed from (:mod:`unsclab.votes.alignment`).
  For the years both sources cover, ``unvotes`` is kept (see docs/data.md, "GA sources").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unsclab.data.tables import register_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: First GA (session) year taken from v33: the year after the 74th session, where unvotes ends.
FIRST_RECENT_YEAR = 2020
_CODES = ("members.csv", "historical_states.csv")


@register_table("ga_ideal_points", schema_version=1, sources=("ga_ideal_points",),
                inputs=_CODES, description="GA ideal points by state-year 1946-2025 "
                "(Bailey, Strezhnev and Voeten), with a reliability flag")
def ga_ideal_points() -> pd.DataFrame:
    from unsclab.data.idealpoints import read_ideal_points

    return read_ideal_points().reset_index(drop=True)


def _recent() -> tuple[pd.DataFrame, pd.DataFrame]:
    from unsclab.data.ga_v33 import read_ga_v33

    rc, votes = read_ga_v33()
    rc = rc[rc["ga_year"] >= FIRST_RECENT_YEAR].drop(columns=["line"]).reset_index(drop=True)
    votes = votes[votes["rcid"].isin(rc["rcid"])][["rcid", "iso3", "vote"]]
    votes = votes.assign(iso3=votes["iso3"].cat.remove_unused_categories())
    return rc, votes.reset_index(drop=True)


@register_table("ga_recent_roll_calls", schema_version=1, sources=("ga_votes_v33",),
                inputs=_CODES, year="ga_year", description="GA roll calls of sessions 75-78 "
                "(2020 - June 2024; Voeten v33) with issue flags")
def ga_recent_roll_calls() -> pd.DataFrame:
    return _recent()[0]


@register_table("ga_recent_votes", schema_version=1, sources=("ga_votes_v33",),
                inputs=_CODES, year=None, via=("ga_recent_roll_calls", "rcid", "rcid"),
                description="GA votes by state, sessions 75-78 "
                "(Voeten v33: rcid, iso3, vote yes/abstain/no/absent)")
def ga_recent_votes() -> pd.DataFrame:
    return _recent()[1]


@register_table("ga_issue_codes", schema_version=1, sources=("ga_votes_v33",), inputs=_CODES,
                year="ga_year", description="Issue codes (me/nu/di/hr/co/ec) of every GA roll "
                "call 1946 - June 2024 (Voeten v33), for the vote model's issue agreement")
def ga_issue_codes() -> pd.DataFrame:
    """The v33 issue flags of the roll calls flagged with at least one issue (ids shared with
    ``unvotes``); see :mod:`unsclab.votes.issues`."""
    from unsclab.data.ga_v33 import ISSUES, read_ga_v33

    rc = read_ga_v33()[0]
    codes = list(ISSUES)
    rc = rc[rc[codes].any(axis=1)]
    return rc[["rcid", "ga_year", *codes]].reset_index(drop=True)
