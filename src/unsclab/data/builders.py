"""The built-in derived tables (registered in :mod:`unsclab.data.tables`).

- ``decisions``, ``ballots``, ``record_dropped``, ``record_crosscheck``, ``membership`` — the
  historical record
  (:meth:`unsclab.record.Record.build`: Sciences Po UNSC votes with ``corrections.csv`` and
  ``procedural_decisions.csv`` applied; see :mod:`unsclab.record` for the columns);
- ``members`` — the 193 member states (``members.csv``, itself derived from mledoze/countries
  and the World Bank by ``scripts/build_members.py``);
- ``ga_roll_calls``, ``ga_votes`` — the General Assembly roll calls and votes 1946–2019 that
  the GA alignment of the vote model and the elections model are computed from (unvotes;
  Voeten, Strezhnev and Bailey, hdl:1902.1/12379, CC0). ``ga_votes`` keeps ``rcid``, ``iso3``
  and ``vote`` (the country names and ISO2 codes of :func:`~unsclab.data.readers.read_ga_votes`
  are dropped); ``ga_roll_calls`` has every column of
  :func:`~unsclab.data.readers.read_ga_roll_calls`.

Every builder reads its sources through :func:`unsclab.data.fetch.locate`, so it builds from
whichever folder the caller chose (:func:`unsclab.data.fetch.sources_from`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from unsclab.data.tables import register_table
from unsclab.record import _SOURCES as RECORD_SOURCES
from unsclab.record import _TABLES as RECORD_INPUTS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_RECORD: dict[str, Any] = {}


def _record() -> Any:
    """:meth:`Record.build` once per source folder (four tables come from one build)."""
    from unsclab.data.fetch import data_dir
    from unsclab.data.tables import input_sha256
    from unsclab.record import Record

    key = (str(data_dir()), tuple(input_sha256(f) for f in RECORD_INPUTS))
    if key not in _RECORD:
        _RECORD.clear()
        _RECORD[key] = Record.build()
    return _RECORD[key]


_REC = dict(schema_version=4, sources=RECORD_SOURCES, inputs=RECORD_INPUTS)


@register_table("decisions", **_REC, description="one row per Council vote on a draft, "
                "1946-2025 (Sciences Po, corrections applied)")
def decisions() -> pd.DataFrame:
    return _record().decisions


@register_table("ballots", **_REC, year=None, via=("decisions", "decision", "id"),
                description="one row per member per decision (corrections applied)")
def ballots() -> pd.DataFrame:
    return _record().ballots


@register_table("record_dropped", **_REC, year=None,
                description="source rows the corrections drop, with their basis")
def record_dropped() -> pd.DataFrame:
    import pandas as pd

    cols = ["id", "symbol", "date", "recorded", "reason", "basis"]
    return pd.DataFrame(_record().dropped, columns=cols).astype(
        {"id": "int32", **{c: "string" for c in cols[1:]}})


@register_table("record_crosscheck", **_REC, year=None,
                description="each adopted resolution 1946-2021 against the UN Digital Library: "
                "ballots compared, agreeing, differences and how each was resolved")
def record_crosscheck() -> pd.DataFrame:
    return _record().crosscheck


@register_table("membership", **_REC, description="Council members by year: the record's "
                "ballots to 2025, then the elections of sc_elections.csv")
def membership() -> pd.DataFrame:
    return _record().membership


@register_table("membership_dppa", schema_version=1,
                sources=(*RECORD_SOURCES, "dppa_membership"), inputs=RECORD_INPUTS,
                description="(year, state) pairs on which membership and the DPPA table "
                "disagree (0 rows: none)")
def membership_dppa() -> pd.DataFrame:
    from unsclab.data.membership import dppa_disagreements
    from unsclab.data.readers import read_dppa

    return dppa_disagreements(_record().membership, read_dppa())


@register_table("members", schema_version=1, inputs=("members.csv",), year=None,
                credits=("countries", "population", "gdp"),
                description="the 193 UN member states: group, population, GDP")
def members() -> pd.DataFrame:
    from unsclab.data.readers import read_members

    return read_members()


_GA = ("ga_votes", "ga_roll_calls", "countries")


@register_table("ga_roll_calls", schema_version=2, sources=("ga_roll_calls",), year="date",
                description="GA roll calls 1946-2019 (unvotes)")
def ga_roll_calls() -> pd.DataFrame:
    from unsclab.data.readers import read_ga_roll_calls

    return read_ga_roll_calls().reset_index(drop=True)


@register_table("ga_votes", schema_version=1, sources=_GA, inputs=("historical_states.csv",),
                year=None, via=("ga_roll_calls", "rcid", "rcid"),
                description="GA votes by state 1946-2019 (unvotes: rcid, iso3, vote)")
def ga_votes() -> pd.DataFrame:
    from unsclab.data.readers import read_ga_roll_calls, read_ga_votes

    gv = read_ga_votes(roll_calls=read_ga_roll_calls())
    return gv[["rcid", "iso3", "vote"]].reset_index(drop=True)
