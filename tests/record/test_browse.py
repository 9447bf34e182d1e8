"""Identities on known dates, UN names, record list / state and their bad input (issue 11)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from unsclab.record_names import name_at, resolve_state, state_at, un_name


def _cli(*args):
    from unsclab.cli.main import app

    return CliRunner().invoke(app, list(args))


def test_identities_on_known_dates():
    # GA resolution 2758 (XXVI) of 25 October 1971; the Russian Federation from 24 Dec 1991
    assert (state_at("CHN", "1971-10-24"), state_at("CHN", "1971-10-25")) == ("TWN", "CHN")
    assert (state_at("RUS", "1991-12-23"), state_at("RUS", "1991-12-24")) == ("SUN", "RUS")
    assert name_at("CHN", "1950-06-25") == "Republic of China"
    assert name_at("COD", "1990-06-01") == "Zaire" and name_at("YEM", "1990-05-07") == (
        "Democratic Yemen")


def test_ballots_carry_seat_and_state(record):
    b = record.ballots.merge(record.decisions[["id", "date"]], left_on="decision",
                             right_on="id")
    chn = b[b["iso3"] == "CHN"]
    assert set(chn.loc[chn["date"] < "1971-10-25", "state"].astype(str)) == {"TWN"}
    assert set(chn.loc[chn["date"] >= "1971-10-25", "state"].astype(str)) == {"CHN"}
    rus = b[b["iso3"] == "RUS"]
    assert set(rus.loc[rus["date"] <= "1991-12-23", "state"].astype(str)) == {"SUN"}
    assert set(rus.loc[rus["date"] >= "1991-12-24", "state"].astype(str)) == {"RUS"}


@pytest.mark.data  # reads the raw sources
def test_un_names_agree_with_the_library_2021(record):
    # every member that voted in the GA in 2021 has the UN short name the Library used then
    # (accents and case aside), but for Türkiye, renamed in 2022
    import unicodedata

    from unsclab.data.undl import read_undl_scrape

    u = read_undl_scrape()
    votes = u.ga_votes[u.ga_votes["record"].isin(u.ga.loc[u.ga["year"] == 2021, "record"])]
    column = votes.groupby("iso3", observed=True)["column"].agg(
        lambda s: s.astype(str).value_counts().index[0])

    def up(s):
        return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().upper()

    differ = {c for c, col in column.items() if up(un_name(c)) != col}
    assert differ == {"TUR"} and len(column) == 193


def test_common_names_are_searchable():
    for text, code in (("Ivory Coast", "CIV"), ("South Korea", "KOR"), ("Zaire", "COD"),
                       ("USSR", "RUS"), ("Cabo Verde", "CPV"), ("Türkiye", "TUR")):
        assert resolve_state(text) == code


def test_list_filters_and_formats(record):
    res = _cli("record", "list", "--vetoed-by", "USSR", "--from", "1946", "--to", "1946",
               "--format", "json")
    rows = json.loads(res.stdout)
    assert res.exit_code == 0 and rows and all(r["date"].startswith("1946") for r in rows)
    assert all("Union of Soviet Socialist Republics" in r["vetoed_by"] for r in rows)
    res = _cli("record", "list", "--search", "1559", "--format", "csv")
    assert res.exit_code == 0 and "S/RES/1559(2004),adopted,9-0-6" in res.stdout


def test_list_bad_input_and_empty_result():
    res = _cli("record", "list", "--region", "afrika")
    assert res.exit_code == 1 and "'afrika' is not known; did you mean Africa?" in res.output
    res = _cli("record", "list", "--state", "Atlantis")
    assert res.exit_code == 1 and "unknown state 'Atlantis'" in res.output
    res = _cli("record", "list", "--from", "19x6")
    assert res.exit_code == 1 and "is not a year or a date" in res.output
    res = _cli("record", "list", "--search", "no such words anywhere")
    assert res.exit_code == 0 and "no decisions match" in res.output


def test_state_history_cote_divoire(record):
    res = _cli("record", "state", "Ivory Coast", "--json")
    h = json.loads(res.stdout)
    # DPPA membership: 1964-65, 1990-91, 2018-19
    assert h["years_on_the_council"] == [1964, 1965, 1990, 1991, 2018, 2019]
    assert h["name"] == "Côte d'Ivoire"
    assert len(h["against"]) == h["votes"]["N"] and len(h["abstentions"]) == h["votes"]["A"]


def test_export_csv_and_parquet(record, tmp_path):
    import pandas as pd

    paths = record.to_csv(tmp_path / "csv")
    assert [p.name for p in paths] == ["decisions.csv", "ballots.csv", "membership.csv",
                                       "crosscheck.csv"]
    back = pd.read_csv(tmp_path / "csv" / "decisions.csv")
    assert len(back) == len(record.decisions) == 3203
    record.to_parquet(tmp_path / "pq")
    again = pd.read_parquet(tmp_path / "pq" / "ballots.parquet")
    assert again["vote"].astype(str).tolist() == record.ballots["vote"].astype(str).tolist()


def test_seat_categories_follow_the_1963_allocation(record):
    # GA resolution 1991 A (XVIII): from 1966, five African and Asian, one Eastern European,
    # two Latin American and two Western European and other elected members every year
    b = record.ballots.merge(record.decisions[["id", "year"]], left_on="decision",
                             right_on="id")
    elected = b[~b["permanent"] & (b["year"] >= 1966)].drop_duplicates(["iso3", "year"])
    counts = elected.groupby("year")["seat_category"].value_counts().unstack(fill_value=0)
    want = {"African and Asian States": 5, "Eastern European States": 1,
            "Latin American States": 2, "Western European and other States": 2}
    bad = [int(y) for y, row in counts.iterrows()
           if {k: int(row.get(k, 0)) for k in want} != want]
    assert bad == []
    # before 1966, the seats read in a document (the contested Eastern European seat)
    pre = b[(b["year"] < 1966)].drop_duplicates(["iso3", "year"]).set_index(["iso3", "year"])
    assert pre.loc[("JPN", 1958), "seat_category"] == "Eastern Europe"  # TIME, 1957
    assert pre.loc[("TUR", 1954), "seat_category"] == "Eastern Europe"  # FRUS 1952-54 III 278
