"""GA ideal points and Voeten v33 roll calls: the data README's counts, the comparison with
``unvotes``, and refusal of bad files (fixtures written here)."""

from __future__ import annotations

import pandas as pd
import pytest

from unsclab.data.ga_compare import compare_ga_sources
from unsclab.data.ga_v33 import read_ga_v33
from unsclab.data.idealpoints import MIN_VOTES, read_ideal_points
from unsclab.errors import DataError


@pytest.fixture(scope="module")
def ip():
    return read_ideal_points()


@pytest.fixture(scope="module")
def v33():
    return read_ga_v33()


@pytest.mark.data
def test_ideal_points_readme_counts(ip):
    assert len(ip) == 11_610
    per_year = ip.groupby("year").size()
    # data README §7: 193 states a year 2017-2021, 192 in 2022-2023, 190 in 2024-2025
    assert set(per_year.loc[2017:2021]) == {193}
    assert set(per_year.loc[2022:2023]) == {192}
    assert set(per_year.loc[2024:2025]) == {190}
    assert 1964 not in per_year.index  # no recorded GA votes in 1964
    mean = ip.groupby("year")["n_votes"].mean()
    assert 6 < mean[2024] < 8 and 140 < mean[2025] < 150  # "about 7" and "about 146"


@pytest.mark.data
def test_ideal_points_reliability_flag(ip):
    assert not ip.loc[ip["year"] == 2024, "reliable"].any()
    y2025 = ip[ip["year"] == 2025]
    assert (y2025["reliable"] == (y2025["n_votes"] >= MIN_VOTES)).all()
    assert y2025["reliable"].mean() > 0.9
    assert not ip.loc[ip["n_votes"] < MIN_VOTES, "reliable"].any()
    # the first row of the file, read by eye: USA 1946, 25 votes, 1.7402
    usa = ip[(ip["iso3"] == "USA") & (ip["year"] == 1946)].iloc[0]
    assert usa["n_votes"] == 25 and usa["ideal_point"] == pytest.approx(1.7402)
    # quantiles are ordered (a property of quantiles, not of this code)
    q = ip[["q05", "q10", "q50", "q90", "q95"]].to_numpy()
    assert (q[:, :-1] <= q[:, 1:] + 1e-12).all()


@pytest.mark.data
def test_ideal_points_china_seat(ip):
    china = ip[ip["iso3"] == "CHN"].set_index("year")["iso3c"].astype(str).sort_index()
    assert (china.loc[:1970] == "TWN").all() and china.loc[1971] == "CHN"
    assert not ip.duplicated(["iso3", "year"]).any()


@pytest.mark.data
def test_v33_readme_counts(v33):
    rc, votes = v33
    assert len(rc) == 6_551 and rc["rcid"].is_unique
    assert rc["rcid_source"].nunique() == 6_547  # four duplicated ids (README §8)
    assert rc["date"].min() == pd.Timestamp("1946-01-01")
    assert rc["date"].max() == pd.Timestamp("2024-06-04")
    by_year = rc.groupby("year").size()
    assert by_year.loc[2020:2024].to_dict() == {2020: 95, 2021: 79, 2022: 81, 2023: 88, 2024: 6}
    assert set(votes["vote"].cat.categories) == {"yes", "abstain", "no", "absent"}
    assert votes.duplicated(["rcid", "iso3"]).sum() == 0


@pytest.mark.data
def test_v33_agrees_with_unvotes():
    c = compare_ga_sources()
    assert c["common_roll_calls"] == c["unvotes_roll_calls"] == 6_203
    assert c["date_mismatches"] == 0
    # where both sources record a yes/abstain/no they never differ; what v33 lacks is the states
    # it has no column for (GDR, Czechoslovakia, the two Yemens before 1990, Zanzibar) and a
    # hundred cells it marks absent
    assert c["different_vote"] == 0 and c["v33_extra_votes"] == 0
    assert set(c["missing_in_v33_by_state"]) <= {"CSK", "DDR", "YEM", "YMD", "XZN"}
    assert c["absent_in_v33"] < 200
    assert c["agreement"] >= 0.985  # measured 0.98667 (docs/data.md)
    assert sum(c["v33_only_by_ga_year"].values()) == 6_551 - 6_203


# --------------------------------------------------------------------------- bad files

_V33_HEAD = "rcid,date,me,nu,di,hr,co,ec,FRA,USA\n"


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_v33_reads_a_small_file(tmp_path):
    p = _write(tmp_path, "v.csv", _V33_HEAD + "3,1946-01-01,FALSE,TRUE,FALSE,FALSE,FALSE,FALSE,"
               "1.0,9\n9001,1947-05-06,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,8,3\n")
    rc, votes = read_ga_v33(p)
    assert rc["nu"].tolist() == [True, False] and rc["ga_year"].tolist() == [1945, 1946]
    assert votes[["rcid", "iso3", "vote"]].astype(str).values.tolist() == [
        ["3", "FRA", "yes"], ["9001", "FRA", "absent"], ["9001", "USA", "no"]]


@pytest.mark.parametrize("row, line, field, what", [
    ("3,1946-01-01,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,1.5,1", 2, "FRA", "'1.5'"),
    ("3,1946-01-01,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,4,1", 2, "FRA", "'4'"),
    ("3,1946-13-01,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,1,1", 2, "date", "a date"),
    ("3,1946-01-01,MAYBE,FALSE,FALSE,FALSE,FALSE,FALSE,1,1", 2, "me", "TRUE or FALSE"),
    ("x,1946-01-01,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,1,1", 2, "rcid", "roll-call id"),
])
def test_v33_refuses_bad_cells(tmp_path, row, line, field, what):
    p = _write(tmp_path, "v.csv", _V33_HEAD + row + "\n")
    with pytest.raises(DataError) as err:
        read_ga_v33(p)
    msg = str(err.value)
    assert f"{p}:{line}: {field}:" in msg and what in msg


def test_v33_refuses_an_unexplained_duplicate_and_unknown_columns(tmp_path):
    row = "3,1946-01-01,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,1,1\n"
    p = _write(tmp_path, "dup.csv", _V33_HEAD + row + row)
    with pytest.raises(DataError, match=r"dup\.csv:3: rcid: roll-call id 3 appears twice"):
        read_ga_v33(p)
    p = _write(tmp_path, "col.csv", _V33_HEAD.replace("USA", "XXX") + row)
    with pytest.raises(DataError, match=r"col\.csv:1: XXX: unknown state column"):
        read_ga_v33(p)
    p = _write(tmp_path, "head.csv", "id,date\n1,2\n")
    with pytest.raises(DataError, match=r"head\.csv:1: header starts"):
        read_ga_v33(p)


_IP_HEAD = "ccode\tiso3c\tCountryname\tyear\tNVotesFP\tIdealPointFP\tQ5%FP\tQ10%FP\tQ50%FP" \
           "\tQ90%FP\tQ95%FP\n"


def test_ideal_points_small_file_and_bad_rows(tmp_path):
    good = '2\t"USA"\t"United States"\t2024\t7\t1.5\t1\t1.1\t1.5\t1.9\t2\n'
    p = _write(tmp_path, "ip.tab", _IP_HEAD + good + good.replace("\t7\t", "\t30\t")
               .replace("2024", "2025"))
    df = read_ideal_points(p)
    assert df["reliable"].tolist() == [False, True] and df["q95"].tolist() == [2.0, 2.0]
    for bad, field in ((good.replace("1.5\t1\t", "x\t1\t"), "IdealPointFP"),
                       (good.replace('"USA"', '"ATL"'), "iso3c"),
                       (good.replace("\t7\t", "\tseven\t"), "NVotesFP")):
        p = _write(tmp_path, "bad.tab", _IP_HEAD + bad)
        with pytest.raises(DataError) as err:
            read_ideal_points(p)
        assert f"{p}:2: {field}:" in str(err.value)
    p = _write(tmp_path, "twice.tab", _IP_HEAD + good + good)
    with pytest.raises(DataError, match=r"twice\.tab:3: iso3c: USA has two rows for 2024"):
        read_ideal_points(p)
    p = _write(tmp_path, "csv.tab", _IP_HEAD.replace("\t", ","))
    with pytest.raises(DataError, match=r"csv\.tab:1: header is"):
        read_ideal_points(p)
