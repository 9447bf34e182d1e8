"""decide() seats states where they belong: by group, named holders, seats with a veto."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from unsclab.cli.main import app
from unsclab.designs import load_design
from unsclab.errors import BallotError
from unsclab.rules import Ballot, decide

P5 = ["CHN", "FRA", "GBR", "RUS", "USA"]
runner = CliRunner()

# A 26-member ballot for the African Union's draft A/59/L.67 (Ezulwini Consensus): the P5, six
# new permanent seats (AG 2, APG 2, GRULAC 1, WEOG 1, all with a veto) and 15 elected seats
# (AG 5, APG 3, EEG 2, GRULAC 3, WEOG 2), as the draft allots them.
AFRICA = ["ZAF", "EGY", "KEN", "SEN", "GHA", "CMR"]
ASIA = ["IND", "JPN", "PAK", "IDN", "KAZ"]
LATAM = ["BRA", "ARG", "MEX", "CHL"]
EEG = ["POL", "UKR"]
WEOG = ["DEU", "ITA", "CAN"]


def test_nigeria_voting_no_is_not_silently_given_an_elected_seat():
    # the outcome depends on where Nigeria sits: a new permanent seat has a veto (L.67)
    ezulwini = load_design("ezulwini-2005")
    yes = [*P5, *AFRICA, *ASIA, *LATAM, *EEG, *WEOG]
    with pytest.raises(BallotError, match="--seat NGA=new-permanent-africa or --seat "
                                          "NGA=elected-africa"):
        decide(ezulwini, Ballot.from_lists(yes=yes, no=["NGA"]))
    vetoed = decide(ezulwini, Ballot.from_lists(yes=yes, no=["NGA"],
                                                seats={"NGA": "new-permanent-africa"}))
    assert (vetoed.outcome, vetoed.vetoed_by) == ("vetoed", ("NGA",))
    assert vetoed.reason.startswith("Vetoed by Nigeria")
    elected = decide(ezulwini, Ballot.from_lists(yes=yes, no=["NGA"],
                                                 seats={"NGA": "elected-africa"}))
    assert elected.outcome == "adopted"  # 25 in favour of 26, quota 15, no veto cast
    assert any("'new-permanent-africa'" in w and "left empty" not in w
               for w in elected.warnings)  # an African Yes took a new permanent seat


def test_weog_states_do_not_take_african_seats():
    # status quo: two elected WEOG seats (GA resolution 1991 A (XVIII)); a third WEOG state
    # has nowhere to sit
    with pytest.raises(BallotError, match=r"3 WEOG states \(ESP, NLD, BEL\) for 2 free "
                                          r"ordinary WEOG seats in 'status-quo'"):
        decide(load_design("status-quo"),
               Ballot.from_lists(yes=[*P5, "ESP", "NLD", "BEL", "DZA"]))


def test_each_state_sits_in_its_own_group():
    # the Council of 2024: Algeria, Mozambique, Sierra Leone (AG), Japan, Korea (APG), Slovenia
    # (EEG), Ecuador, Guyana (GRULAC), Malta, Switzerland (WEOG) — S/2024/312's ballot
    d = decide(load_design("status-quo"), Ballot.from_lists(
        yes=["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "FRA", "RUS",
             "CHN"], no=["USA"], abstain=["GBR", "CHE"]))
    seat = dict(d.seating)
    assert {seat[c] for c in ("DZA", "MOZ", "SLE")} == {"elected-africa"}
    assert {seat[c] for c in ("MLT", "CHE")} == {"elected-weog"}
    assert seat["SVN"] == "elected-eastern-europe" and d.warnings == ()


def test_members_missing_from_the_ballot_are_warned_about():
    d = decide(load_design("status-quo"),
               Ballot.from_lists(yes=["USA", "FRA", "GBR", "RUS", "DZA", "ECU", "GUY", "JPN",
                                      "MLT"]))
    assert d.outcome == "adopted" and d.not_voting == 6
    assert "not on the ballot, counted as not voting: CHN" in d.warnings[0]
    assert d.warnings[1] == "5 of the 15 seats have no state on the ballot and count as not voting"


def test_a_seat_of_another_group_is_refused():
    with pytest.raises(BallotError, match="ESP cannot sit in 'elected-africa': the class is a "
                                          "AG seat and ESP is in WEOG"):
        decide(load_design("status-quo"),
               Ballot.from_lists(yes=[*P5, "ESP"], seats={"ESP": "elected-africa"}))


def test_empty_ballot_is_an_error():
    with pytest.raises(BallotError, match="the ballot is empty"):
        decide(load_design("status-quo"), {})
    result = runner.invoke(app, ["decide", "status-quo"])
    assert result.exit_code == 1 and "error: the ballot is empty" in result.stderr


def test_cli_prints_warnings_as_notes_and_in_json():
    args = ["decide", "status-quo", "--yes", "USA,FRA,GBR,RUS,DZA,ECU,GUY,JPN,MLT"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout == "Adopted: 9 in favour, 0 against, 0 abstentions, 6 not voting.\n"
    assert "note: not on the ballot, counted as not voting: CHN" in result.stderr
    doc = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert len(doc["warnings"]) == 2
