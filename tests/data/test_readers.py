"""Readers against the sources' published totals (../shared/data/README.md) and bad input."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from unsclab.data import readers
from unsclab.errors import DataError

FIXTURES = Path(__file__).parent / "fixtures"
SP = "sc_votes_sciencespo/UNSC_votes_1946-2025.csv"


@pytest.fixture(scope="module")
def sp():
    return readers.read_sciencespo()


@pytest.mark.data
def test_sciencespo_outcomes_match_readme(sp):
    v = sp.votes
    assert len(v) == 3203 and v["id"].is_unique
    assert v["outcome"].value_counts().to_dict() == {
        "adopted": 2810, "vetoed": 270, "lack_of_majority": 123}
    assert v["date"].min() == pd.Timestamp("1946-01-25")
    assert v["date"].max() == pd.Timestamp("2025-12-29")
    assert (v["typology"] == "adopted (unanimity)").sum() == 2223
    numbers = set(v["resolution"].dropna().astype(int))
    assert numbers == set(range(1, 2812)) - {2760}  # README: only S/RES/2760 is missing


@pytest.mark.data
def test_sciencespo_unknowns_and_seats(sp):
    b = sp.ballots.merge(sp.votes[["id", "date"]], on="id")
    assert b["vote"].isna().sum() == 44  # the 44 '?' cells
    unknown = set(sp.votes.loc[sp.votes["id"].isin(b.loc[b["vote"].isna(), "id"]), "symbol"])
    assert unknown == {"S/516", "S/1148", "S/1158", "S/1159"}
    size = b.groupby("id").size()
    year = sp.votes.set_index("id")["date"].dt.year
    assert (size[year[size.index] < 1966] == 11).all()
    assert (size[year[size.index] >= 1966] == 15).all()


@pytest.mark.data
def test_sciencespo_vetoes_by_member(sp):
    vetoed = sp.votes.loc[sp.votes["outcome"] == "vetoed", "id"]
    b = sp.ballots[sp.ballots["id"].isin(vetoed) & (sp.ballots["vote"] == "N")
                   & sp.ballots["iso3"].isin(readers.P5)]
    counts = b["iso3"].value_counts().to_dict()
    assert {k: counts[k] for k in readers.P5} == {
        "RUS": 159, "USA": 96, "GBR": 32, "CHN": 21, "FRA": 17}
    assert len(b) == 325
    per_row = b.groupby("id").size()
    recorded = sp.votes.set_index("id").loc[vetoed, "vetoes"]
    assert (per_row.reindex(vetoed, fill_value=0).values == recorded.values).all()


@pytest.mark.data
def test_sciencespo_res_678(sp):
    row = sp.votes[sp.votes["symbol"] == "S/RES/678(1990)"].iloc[0]
    assert (row["yes"], row["no"], row["abstain"]) == (12, 2, 1)
    b = sp.ballots[sp.ballots["id"] == row["id"]].set_index("iso3")["vote"]
    assert set(b[b == "N"].index) == {"CUB", "YEM"}
    assert b["CHN"] == "A"


@pytest.mark.data
def test_sciencespo_stray_carriage_return_removed(sp):
    assert (sp.votes["symbol"] == "Oral amendment").sum() == 2
    assert not sp.votes["symbol"].str.contains("\r").any()


@pytest.mark.data
def test_sciencespo_historical_columns_mapped(sp):
    cols = sp.ballots.drop_duplicates("column").set_index("column")["iso3"]
    assert cols["RUSSIAN FEDERATION/USSR"] == "RUS" and cols["CHINA"] == "CHN"
    assert cols["ZAIRE"] == "COD" and cols["GERMAN DEMOCRATIC REPUBLIC"] == "DDR"
    assert cols["GERMANY, FEDERAL REPUBLIC OF"] == "DEU" and cols["CZECHOSLOVAKIA"] == "CSK"
    assert cols["EGYPT / UNITED ARAB REPUBLIC"] == "EGY" and cols["SRI LANKA/CEYLAN"] == "LKA"
    assert cols["YUGOSLAVIA"] == "YUG"


def _edit(copy_source, old: bytes, new: bytes) -> Path:
    p = copy_source(SP)
    raw = p.read_bytes()
    assert old in raw
    p.write_bytes(raw.replace(old, new, 1))
    return p


def _line_of(raw: bytes, needle: bytes) -> int:
    return raw[: raw.index(needle)].count(b"\n") + 1


def test_corrupt_vote_cell_names_file_and_line(copy_source):
    p = copy_source(SP)
    raw = p.read_bytes()
    start = raw.index(b"\r\n3000,") + 2
    line = raw[:start].count(b"\n") + 1
    end = raw.index(b"\r\n", start)
    row = raw[start:end]
    bad = row.replace(b",Y,", b",Q,", 1)
    p.write_bytes(raw[:start] + bad + raw[end:])
    with pytest.raises(DataError) as err:
        readers.read_sciencespo(p)
    msg = str(err.value)
    assert f"{p}:{line}" in msg and "'Q' is not a vote" in msg


def test_truncated_row_names_line(copy_source):
    p = copy_source(SP)
    raw = p.read_bytes()
    start = raw.index(b"\r\n2500,") + 2
    end = raw.index(b"\r\n", start)
    p.write_bytes(raw[:end - 40] + raw[end:])
    line = raw[:start].count(b"\n") + 1
    with pytest.raises(DataError) as err:
        readers.read_sciencespo(p)
    assert f":{line}:" in str(err.value) and "fields; expected 150" in str(err.value)


def test_line_numbers_after_stray_carriage_return(copy_source):
    p = copy_source(SP)
    raw = p.read_bytes()
    needle = b"\r\n1,S/RES/1(1946)"
    line = raw[: raw.index(needle) + 2].count(b"\n") + 1
    assert line == 3204  # last row of the file
    p.write_bytes(raw.replace(b"\r\n1,S/RES/1(1946),adopted", b"\r\n1,S/RES/1(1946),adoptd", 1))
    with pytest.raises(DataError) as err:
        readers.read_sciencespo(p)
    assert f":{line}: Vote outcome" in str(err.value)


def test_unknown_country_column_stops_the_load(copy_source):
    p = _edit(copy_source, b",ZAIRE,", b",ATLANTIS,")
    with pytest.raises(DataError) as err:
        readers.read_sciencespo(p)
    assert "ATLANTIS" in str(err.value) and "sciencespo_names.csv" in str(err.value)
    assert ":1:" in str(err.value)


def test_missing_path_names_file_and_unsclab_data(tmp_path):
    with pytest.raises(DataError) as err:
        readers.read_sciencespo(tmp_path / "nope.csv")
    assert "nope.csv" in str(err.value) and "UNSCLAB_DATA" in str(err.value)


@pytest.mark.data
def test_dppa_membership():
    # README §3: 1,150 member-years 1946-2027, 11 a year to 1965 and 15 from 1966; the 8 rows
    # with an empty name are, by elimination, Côte d'Ivoire (1964-65, 1990-91, 2018-19) and
    # the Democratic Republic of the Congo (2026-27).
    d = readers.read_dppa()
    assert len(d) == 1150 and d["year"].min() == 1946 and d["year"].max() == 2027
    per_year = d.groupby("year").size()
    assert (per_year[per_year.index <= 1965] == 11).all()
    assert (per_year[per_year.index >= 1966] == 15).all()
    res = d[d["resolved"]].set_index("year")["iso3"].astype(str).to_dict()
    assert res == {1964: "CIV", 1965: "CIV", 1990: "CIV", 1991: "CIV", 2018: "CIV",
                   2019: "CIV", 2026: "COD", 2027: "COD"}
    assert not d.duplicated(["year", "iso3"]).any()


def test_dppa_unknown_name(copy_source):
    p = copy_source("sc_membership_dppa/DPPA-SCMembership.csv")
    raw = p.read_bytes()
    p.write_bytes(raw.replace(b",Australia,", b",Atlantis,", 1))
    line = _line_of(raw, b",Australia,")
    with pytest.raises(DataError) as err:
        readers.read_dppa(p)
    assert "Atlantis" in str(err.value) and f":{line}:" in str(err.value)


@pytest.mark.data
def test_wpdl_vetoes():
    # README §2: 214 rows, 1946-02-16 to 2022-07-08, the decade counts below, and member_veto*
    # names adding up to 265 (USSR 90, Russia 31, USA 82, UK 29, China 17, France 16).
    w = readers.read_vetoes_wpdl()
    assert len(w) == 214
    assert w["date"].min() == pd.Timestamp("1946-02-16")
    assert w["date"].max() == pd.Timestamp("2022-07-08")
    names = w["member_veto"].str.split(";").explode().value_counts().to_dict()
    assert names == {"USSR": 90, "Russia": 31, "USA": 82, "UK": 29, "China": 17, "France": 16}
    decade = (w["year"] // 10 * 10).value_counts().to_dict()
    assert decade == {1940: 41, 1950: 27, 1960: 15, 1970: 33, 1980: 46, 1990: 9, 2000: 14,
                      2010: 22, 2020: 7}


@pytest.mark.data
def test_ga_unvotes():
    # README §4: 6,203 roll calls (to session 74), 5,745 issue rows, 870,109 country votes
    # (yes 693,664 / abstain 110,897 / no 65,548).
    rc = readers.read_ga_roll_calls()
    assert len(rc) == 6203 and rc["session"].max() == 74
    assert len(readers.read_ga_issues()) == 5745
    v = readers.read_ga_votes(roll_calls=rc)
    assert len(v) == 870109
    assert v["vote"].value_counts().to_dict() == {"yes": 693664, "abstain": 110897, "no": 65548}
    assert v["iso3"].notna().all()
    assert set(v.loc[v["country"] == "Taiwan", "iso3"]) == {"CHN"}
    # no roll call has two votes for one code (e.g. Taiwan and China, FRG and Germany)
    assert not v.duplicated(["rcid", "iso3"]).any()


def test_ga_corrupt_rda(copy_source):
    p = copy_source("ga_unvotes/un_roll_call_issues.rda")
    p.write_bytes(p.read_bytes()[:500])
    with pytest.raises(DataError) as err:
        readers.read_ga_issues(p)
    assert str(p) in str(err.value)


def test_undl_fixture():
    dec, bal = readers.read_undl_sc_voting(FIXTURES / "undl_sc_voting_sample.csv")
    assert len(dec) == 2 and len(bal) == 30
    r678 = dec[dec["resolution"] == "S/RES/678(1990)"].iloc[0]
    assert (r678["yes"], r678["no"], r678["abstain"], r678["not_voting"]) == (12, 2, 1, 0)
    assert not r678["adopted_without_vote"]
    b = bal[bal["decision"] == r678["id"]].set_index("iso3")
    assert set(b.index[b["vote"] == "N"]) == {"CUB", "YEM"} and b.loc["CHN", "vote"] == "A"
    assert "RUS" in b.index and "COD" in b.index  # SUN and ZAR by the project convention
    assert set(b.index[b["permanent"]]) == {"CHN", "FRA", "GBR", "RUS", "USA"}
    wv = dec[dec["resolution"] == "S/RES/9999(2008)"].iloc[0]
    assert wv["adopted_without_vote"]


def test_undl_unknown_code_names_line(tmp_path):
    text = (FIXTURES / "undl_sc_voting_sample.csv").read_text(encoding="utf-8")
    text = text.replace("\n102245,CUB,CUBA,", "\n102245,XYZ,ATLANTIS,", 1)
    p = tmp_path / "sc.csv"
    p.write_text(text, encoding="utf-8")
    line = text[: text.index("XYZ")].count("\n") + 1
    with pytest.raises(DataError) as err:
        readers.read_undl_sc_voting(p)
    assert f"{p}:{line}: ms_code" in str(err.value) and "XYZ" in str(err.value)


def test_members_table():
    m = readers.read_members()
    assert len(m) == 193 and m["iso3"].is_unique
    assert m["group"].value_counts().to_dict() == {
        "AG": 54, "APG": 54, "GRULAC": 33, "WEOG": 29, "EEG": 23}
    assert (m["population_year"] == 2024).all()
    assert m.loc[m["iso3"] == "PRK", "gdp_usd"].isna().all()
