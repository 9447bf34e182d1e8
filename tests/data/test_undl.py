"""The UN Digital Library scrape reader: published coverage, known ballots, bad input."""

from __future__ import annotations

import zipfile

import pytest

from unsclab.data.undl import read_undl_scrape, undl_title_subject
from unsclab.errors import DataError

HEADER = ("Council,Date,Title,Resolution,TOTAL VOTES,NO-VOTE COUNT,ABSENT COUNT,NO COUNT,"
          "YES COUNT,Link,token")


@pytest.fixture(scope="module")
def undl():
    return read_undl_scrape()


@pytest.mark.data
def test_coverage_matches_the_data_readme(undl):
    # ../shared/data/README.md §9: SC 2,617 rows, S/RES/1 … 2617, 1946 – 2021-12-30; GA 5,238.
    assert len(undl.sc) == 2617
    assert undl.sc["number"].tolist() == list(range(1, 2618))
    assert str(undl.sc["date"].min().date()) == "1946-01-25"
    assert str(undl.sc["date"].max().date()) == "2021-12-30"
    assert len(undl.ga) == 5238


@pytest.mark.data
def test_counts_are_the_cells(undl):
    # the scrape's own count columns, under their real meaning, equal its cells on every row
    cells = undl.sc_votes.groupby(["record", "vote"], observed=False).size().unstack()
    sc = undl.sc.set_index("record")
    for col, vote in (("yes", "Y"), ("no", "N"), ("abstain", "A"), ("not_voting", "NV")):
        assert (sc[col].astype(int) == cells[vote].reindex(sc.index)).all(), col


@pytest.mark.data
def test_known_ballots(undl):
    by_symbol = undl.sc.set_index("symbol")["record"]
    votes = undl.sc_votes

    def ballot(symbol):
        b = votes[votes["record"] == by_symbol[symbol]]
        return dict(zip(b["iso3"].astype(str), b["vote"].astype(str)))

    # S/RES/1559 (2004): 9-0-6, Algeria, Brazil, China, Pakistan, the Philippines and Russia
    # abstaining (UN Digital Library record 529453; issue text)
    b = ballot("S/RES/1559(2004)")
    assert sorted(k for k, v in b.items() if v == "A") == ["BRA", "CHN", "DZA", "PAK", "PHL",
                                                             "RUS"]
    # S/RES/82 (1950): the USSR absent (boycott from January 1950), Yugoslavia abstaining
    b = ballot("S/RES/82(1950)")
    assert b["RUS"] == "NV" and b["YUG"] == "A" and len(b) == 11
    state = votes[(votes["record"] == by_symbol["S/RES/82(1950)"]) & (votes["iso3"] == "RUS")]
    assert state["state"].astype(str).tolist() == ["SUN"]


@pytest.mark.data
def test_ga_has_2020_2021_votes(undl):
    ga = undl.ga
    assert set(ga["year"]) >= {2020, 2021}
    recs = set(ga.loc[ga["year"] == 2021, "record"])
    assert undl.ga_votes["record"].isin(recs).sum() > 80 * 150


def test_title_subject():
    assert undl_title_subject("Security Council resolution 1 (1946) [on establishment of the "
                              "Military Staff Committee]") == ("on establishment of the "
                                                               "Military Staff Committee")
    assert undl_title_subject("resolution 554 (1984) <on the new constitution>") == (
        "on the new constitution")
    assert undl_title_subject("Situation of human rights in Myanmar") is None


def _zip(tmp_path, body: str, entry: str = "UN DATA.csv"):
    p = tmp_path / "UN_DATA.csv.zip"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr(entry, "\ufeff" + body)
    return p


_ROW = ("Security Council,1946-01-25,Security Council resolution 1 (1946) [on x],S/RES/1(1946),"
        "2,0,0,0,2,https://digitallibrary.un.org/record/280453?ln=en,280453,")


def test_fixture_reads(tmp_path):
    p = _zip(tmp_path, f"{HEADER},USSR,CHINA\n{_ROW}Y,Y\n")
    u = read_undl_scrape(p)
    assert u.sc["symbol"].tolist() == ["S/RES/1(1946)"]
    assert dict(zip(u.sc_votes["state"].astype(str), u.sc_votes["iso3"].astype(str))) == {
        "SUN": "RUS", "CHN": "CHN"}
    assert u.ga.empty


def test_bad_cell_names_line_and_column(tmp_path):
    p = _zip(tmp_path, f"{HEADER},USSR,CHINA\n{_ROW}Y,Q\n")
    with pytest.raises(DataError, match=r":2: CHINA: 'Q' is not a vote"):
        read_undl_scrape(p)


def test_unknown_column_stops_the_load(tmp_path):
    p = _zip(tmp_path, f"{HEADER},ATLANTIS\n{_ROW}Y\n")
    with pytest.raises(DataError, match="unknown state column 'ATLANTIS'"):
        read_undl_scrape(p)


def test_wrong_entry_and_not_a_zip(tmp_path):
    p = _zip(tmp_path, f"{HEADER}\n", entry="other.csv")
    with pytest.raises(DataError, match="no entry 'UN DATA.csv'"):
        read_undl_scrape(p)
    q = tmp_path / "plain.zip"
    q.write_text("not a zip")
    with pytest.raises(DataError, match="not a zip archive"):
        read_undl_scrape(q)


def test_two_columns_for_one_state(tmp_path):
    p = _zip(tmp_path, f"{HEADER},CHILE,CHILEs \n{_ROW}Y,Y\n")
    with pytest.raises(DataError, match="two columns give a vote for CHL"):
        read_undl_scrape(p)


@pytest.mark.data
def test_zip_entry_is_the_readme_file():
    # ../shared/data/README.md §9: the CSV inside is 4,768,609 bytes with this SHA-256
    import hashlib

    from unsclab.data.fetch import locate

    with zipfile.ZipFile(locate("undl_scrape", download=False)) as z:
        raw = z.read("UN DATA.csv")
    assert len(raw) == 4768609
    assert hashlib.sha256(raw).hexdigest() == ("9203994188ccd3db512a3d6ad2b2c43d"
                                               "147c1910fc8135bdf568d11c49efd359")
