"""Non-unanimous and failed decisions of 2022–2025 against UN press releases (issue 11).

The expected tallies are those of the press releases and reports cited in
``data/press_checks.csv``; the record is compared with them, never with itself.
"""

from __future__ import annotations

import pytest


def _fake_rows(monkeypatch, change):
    from unsclab.data import readers

    real = readers.project_table

    def fake(name):
        rows = real(name)
        return [change(dict(r)) for r in rows] if name == "press_checks.csv" else rows

    monkeypatch.setattr(readers, "project_table", fake)


def test_every_checked_vote_agrees_and_is_reported(report):
    p = report["press_releases"]
    assert p["checked"] >= 50 and p["agree"] == p["checked"]
    assert p["checked_un_press_release"] >= 25
    assert p["checked"] + len(p["not_found"]) + len(p["not_checked"]) == p["candidates"]
    assert all(r["source"] for r in p["rows"])
    # a row read in the release itself carries its symbol
    assert "SC/14908" in p["press_release_symbols"]


def test_earlier_failed_votes_are_counted_the_same_way(report):
    e = report["press_releases"]["earlier_failed"]
    assert e["candidates"] == e["candidates_failed"] > 300
    assert e["agree"] == e["checked"]
    assert e["checked"] + len(e["not_found"]) + len(e["not_checked"]) == e["candidates"]


def test_the_south_sudan_sanctions_vote_matches_sc_14908_member_by_member(record):
    # SC/14908, 26 May 2022: 10 in favour (Albania, Brazil, France, Ghana, Ireland, Mexico,
    # Norway, United Arab Emirates, United Kingdom, United States), 5 abstentions (China,
    # Gabon, India, Kenya, Russian Federation)
    ballot = record.show("S/RES/2633(2022)")[0]["ballot"]
    assert {k for k, v in ballot.items() if v == "Y"} == {
        "ALB", "BRA", "FRA", "GHA", "IRL", "MEX", "NOR", "ARE", "GBR", "USA"}
    assert {k for k, v in ballot.items() if v == "A"} == {"CHN", "GAB", "IND", "KEN", "RUS"}


def test_the_referenda_veto_of_30_september_2022_matches_sc_15046(record):
    # SC/15046: 10 in favour, the Russian Federation against (veto), Brazil, China, Gabon and
    # India abstaining.
    ballot = record.show("S/2022/720")[0]["ballot"]
    by_vote = {v: {k for k, x in ballot.items() if x == v} for v in "YNA"}
    assert len(by_vote["Y"]) == 10 and by_vote["N"] == {"RUS"}
    assert by_vote["A"] == {"BRA", "CHN", "GAB", "IND"}


def test_a_differing_source_is_reported_not_hidden(monkeypatch, record):
    from unsclab.record_presscheck import press_report

    def change(r):
        if r["symbol"] == "S/2022/431":
            r.update(yes="12", abstain="1", abstaining="GHA")
        return r

    _fake_rows(monkeypatch, change)
    p = press_report(record.decisions, record.ballots)
    bad = [r for r in p["rows"] if not r["agree"]]
    assert [r["symbol"] for r in bad] == ["S/2022/431"]
    assert "GHA: record Y, source A" in bad[0]["differences"]
    assert p["agree"] == p["checked"] - 1


def test_unknown_source_kind_names_the_line(monkeypatch, record):
    from unsclab.errors import DataError
    from unsclab.record_presscheck import press_report

    _fake_rows(monkeypatch, lambda r: dict(r, source_kind="blog"))
    with pytest.raises(DataError, match=r"press_checks.csv:2: source_kind: unknown source_kind"):
        press_report(record.decisions, record.ballots)


def test_a_not_found_row_must_say_what_was_searched(monkeypatch, record):
    from unsclab.errors import DataError
    from unsclab.record_presscheck import press_report

    _fake_rows(monkeypatch, lambda r: dict(r, status="not_found", searched=""))
    with pytest.raises(DataError, match=r"press_checks.csv:2: searched: a not_found row needs"):
        press_report(record.decisions, record.ballots)


def test_a_row_for_a_unanimous_decision_is_refused(monkeypatch, record):
    # S/RES/2627(2022) was adopted unanimously: there is nothing to check
    from unsclab.errors import DataError
    from unsclab.record_presscheck import press_report

    def change(r):
        return dict(r, symbol="S/RES/2627(2022)") if r["symbol"] == "S/2022/231" else r

    _fake_rows(monkeypatch, change)
    with pytest.raises(DataError, match=r"press_checks.csv:\d+: symbol: S/RES/2627\(2022\)"):
        press_report(record.decisions, record.ballots)


@pytest.mark.parametrize("symbol, abstaining, release", [
    ("S/RES/2713(2023)", {"FRA"}, "SC/15510"),  # the source had the Russian Federation
    ("S/RES/2720(2023)", {"RUS", "USA"}, "SC/15546"),  # the source had China and the US
])
def test_press_release_corrections_give_the_releases_abstentions(record, report, symbol,
                                                                 abstaining, release):
    # the two 2023 votes where the source differs from the UN press release, corrected from it
    ballot = record.show(symbol)[0]["ballot"]
    assert {k for k, v in ballot.items() if v == "A"} == abstaining
    assert sum(v == "Y" for v in ballot.values()) == 15 - len(abstaining)
    number = symbol.split("/")[2].split("(")[0]
    assert any(c["kind"] == "vote" and c["scope"] == f"res={number}" and release in c["basis"]
               for c in report["corrections"])


def test_the_2001_observer_draft_matches_sc_7040_member_by_member(record, report):
    # SC/7040, 27 March 2001: 9 in favour, 1 against (United States), 4 abstentions (France,
    # Ireland, Norway, United Kingdom); Ukraine, presiding, did not participate. The source had
    # 10-1-4 with Colombia abstaining and Ireland and Ukraine in favour.
    ballot = record.show("S/2001/270")[0]["ballot"]
    by_vote = {v: {k for k, x in ballot.items() if x == v} for v in ("Y", "N", "A", "NV")}
    assert len(by_vote["Y"]) == 9 and "COL" in by_vote["Y"]
    assert by_vote["N"] == {"USA"}
    assert by_vote["A"] == {"FRA", "IRL", "NOR", "GBR"}
    assert by_vote["NV"] == {"UKR"}
    assert any(c["kind"] == "vote" and c["scope"] == "id=1647" and "SC/7040" in c["basis"]
               for c in report["corrections"])


def test_a_vote_correction_by_id_must_name_a_vote_of_the_source():
    # a ``vote`` correction may name a failed draft by its source id; an unknown id stops
    import pandas as pd

    from unsclab.errors import DataError
    from unsclab.record_corrections import _scoped_id

    votes = pd.DataFrame({"id": [1647, 1648], "resolution": [pd.NA, 1346],
                          "outcome": ["lack_of_majority", "adopted"]})
    assert _scoped_id(votes, "id=1647") == 1647
    assert _scoped_id(votes, "res=1346") == 1648
    with pytest.raises(DataError, match="vote id 99"):
        _scoped_id(votes, "id=99")


def test_the_1989_libyan_aircraft_draft_matches_the_un_chronicle(record, report):
    # UN Chronicle and the Los Angeles Times: S/20378 failed 9-4-2, Canada against with the
    # three vetoing members, Brazil and Finland abstaining; the source had 11-3-1.
    d = record.show("S/20378")[0]
    ballot = d["ballot"]
    assert {k for k, v in ballot.items() if v == "N"} == {"CAN", "FRA", "GBR", "USA"}
    assert {k for k, v in ballot.items() if v == "A"} == {"BRA", "FIN"}
    assert sum(v == "Y" for v in ballot.values()) == 9
    assert any(c["kind"] == "vote" and c["scope"] == "id=908" for c in report["corrections"])
