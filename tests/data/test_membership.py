"""Council membership from the record's ballots and the published elections, DPPA as a check."""

from __future__ import annotations

import pytest

from unsclab.data import membership as mship
from unsclab.data.layers import load_table
from unsclab.errors import DataError


@pytest.fixture(scope="module")
def table():
    return load_table("membership")


def test_seats_per_year_follow_the_charter(table):
    """11 members a year to 1965, 15 from 1966 (Art. 23 as amended, in force 31 August 1965)."""
    size = table.groupby("year").size()
    assert (size.loc[1946:1965] == 11).all() and (size.loc[1966:2027] == 15).all()
    assert list(size.index) == list(range(1946, 2028))
    assert (table.groupby("year")["permanent"].sum() == 5).all()


def test_basis_is_ballots_for_the_record_and_elections_after(table):
    basis = table.groupby("year")["basis"].agg(lambda s: set(map(str, s)))
    assert all(b == {"ballots"} for b in basis.loc[1946:2025])
    assert all(b == {"election"} for b in basis.loc[2026:2027])


def test_elections_of_2024_are_the_new_members_of_the_2025_ballots(table):
    """The June 2024 winners (press reports) are the 2025 members who did not sit in 2024."""
    members = table.groupby("year")["iso3"].agg(lambda s: set(map(str, s)))
    elected_2024 = {t["iso3"] for t in mship.elected_terms() if t["election"][:4] == "2024"}
    assert elected_2024 == members[2025] - members[2024]
    # Art. 23(2): no immediate re-election, so 2026's new members did not sit in 2025
    assert not (members[2026] - members[2025]) & {t["iso3"] for t in mship.elected_terms()
                                                  if t["term_end"] == 2025}
    assert {"KGZ", "AUT", "PRT", "ZWE", "TTO"} <= members[2027]


@pytest.mark.data
def test_dppa_agrees_where_it_is_present(table):
    from unsclab.data.readers import read_dppa

    assert mship.dppa_disagreements(table, read_dppa()).empty
    assert load_table("membership_dppa").empty


def test_disagreements_are_reported_both_ways():
    import pandas as pd

    ours = pd.DataFrame({"year": [2026, 2026], "iso3": ["COD", "BHR"]})
    dppa = pd.DataFrame({"year": [2026, 2026, 2030], "iso3": ["COD", "QAT", "FRA"]})
    d = mship.dppa_disagreements(ours, dppa)
    assert d.to_dict("records") == [
        {"year": 2026, "iso3": "BHR", "in_membership": True, "in_dppa": False},
        {"year": 2026, "iso3": "QAT", "in_membership": False, "in_dppa": True}]


@pytest.mark.parametrize("field, value, named, message", [
    ("iso3", "XXX", "iso3", "unknown state code"),
    ("group", "EEG", "group", "is in WEOG, not EEG"),
    ("term_end", "2029", "term_start", "term 2027-2029 elected in 2026; expected a two-year"),
])
def test_a_bad_election_row_names_file_line_and_field(monkeypatch, field, value, named,
                                                      message):
    from unsclab.data import readers

    row = {"election": "2026-06-03", "term_start": "2027", "term_end": "2028", "iso3": "AUT",
           "group": "WEOG", "votes": "131", "basis": "test"}
    monkeypatch.setattr(readers, "project_table", lambda name: [{**row, field: value}])
    with pytest.raises(DataError, match=rf"sc_elections\.csv:2: {named}: .*{message}"):
        mship.elected_terms()
