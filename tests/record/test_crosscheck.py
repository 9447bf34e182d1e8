"""The record against the UN Digital Library, its corrections and its numbering (issue 11)."""

from __future__ import annotations

import pytest


def _ballot(record, symbol):
    return record.show(symbol)[0]["ballot"]


def test_every_adopted_ballot_1946_2021_checked(record, report):
    s = report["second_source"]
    # the Library's SC records: S/RES/1 ... 2617, 15 or 11 members each (data README §9)
    assert s["available"] and s["decisions_checked"] == 2617
    # a full Council on each: 11 members before 1966, 15 from 1966 (Charter Art. 23 as amended)
    x = record.crosscheck
    size = x["library_date"].dt.year.map(lambda y: 11 if y < 1966 else 15)
    assert s["ballots_checked"] == int(size.sum()) == int(x["compared"].sum())
    # every difference is explained by a correction row, none unexplained
    assert "unexplained" not in s["by_status"]
    assert s["ballots_agree"] + sum(
        d["differences"].count(":") for d in s["disagreements"]) == s["ballots_checked"]


def test_known_errors_of_the_source_corrected(record, report):
    # the list, each checked against a UN press release or UN News (corrections.csv)
    b = _ballot(record, "S/RES/1559(2004)")
    assert sorted(k for k, v in b.items() if v == "A") == ["BRA", "CHN", "DZA", "PAK", "PHL",
                                                             "RUS"]
    r = record.show("S/RES/1559(2004)")[0]
    assert (r["yes"], r["no"], r["abstain"]) == (9, 0, 6)
    for sym in ("S/RES/1082(1996)", "S/RES/1239(1999)"):
        b = _ballot(record, sym)
        assert (b["RUS"], b["USA"]) == ("A", "Y")
    b = _ballot(record, "S/RES/2312(2016)")
    assert (b["EGY"], b["VEN"]) == ("Y", "A")
    statuses = {d["resolution"]: d["status"] for d in report["second_source"]["disagreements"]}
    assert {n: statuses[n] for n in (1082, 1239, 1559, 2312)} == dict.fromkeys(
        (1082, 1239, 1559, 2312), "corrected")


def test_resolution_2760_added_from_the_press_release(record):
    r = record.show("S/RES/2760(2024)")[0]
    # UN press release SC/15900: 14-0-1, the Russian Federation abstaining, 14 November 2024
    assert r["date"] == "2024-11-14" and (r["yes"], r["no"], r["abstain"]) == (14, 0, 1)
    assert [k for k, v in r["ballot"].items() if v != "Y"] == ["RUS"]
    # its ballot names exactly the 2024 Council (DPPA membership)
    m = record.membership
    assert set(r["ballot"]) == set(m.loc[m["year"] == 2024, "iso3"].astype(str))


def test_numbering_runs_without_gaps_and_year_counts_match(report):
    n = report["numbering"]
    assert (n["first"], n["last"], n["gaps"], n["duplicates"]) == (1, 2811, [], [])
    years = n["years"]
    # published counts: Highlights of Security Council Practice 2020, 2022, 2023
    assert (years[2020]["record"], years[2022]["record"], years[2023]["record"]) == (57, 54, 50)
    # the Library's own count for every year 1946-2021
    assert all(years[y]["library"] == years[y]["record"] for y in range(1946, 2022))
    assert n["year_mismatches"] == []
    assert years[2024] == {"record": 46, "first": 2722, "last": 2767}


def test_check_json_keeps_its_keys_and_adds_the_second_source(report):
    for key in ("decisions", "reproduced", "exceptions", "tallies", "seats", "membership",
                "ok", "second_source", "corrections", "numbering"):
        assert key in report
    cited = [c for c in report["corrections"] if c["kind"] == "vote"]
    assert cited and all("http" in c["basis"] or "SC/" in c["basis"] or "See the" in c["basis"]
                         for c in cited)
    both = {c["scope"] for c in report["corrections"] if c["status"] == "both_readings"}
    assert {"res=728", "res=1715", "res=1733"} <= both


def test_unknown_correction_kind_names_the_line(monkeypatch):
    from unsclab.data import readers
    from unsclab.errors import DataError
    from unsclab.record_corrections import read_corrections

    real = readers.project_table

    def fake(name):
        rows = real(name)
        if name == "corrections.csv":
            rows = rows[:1] + [dict(rows[1], kind="rewrite")]
        return rows

    monkeypatch.setattr(readers, "project_table", fake)
    with pytest.raises(DataError, match=r"corrections.csv:3: kind: unknown correction kind"):
        read_corrections()
