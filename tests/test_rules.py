"""decide(): checked against recorded votes (tallies and outcomes published by the UN)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsclab.designs import load_catalog, load_design
from unsclab.errors import BallotError
from unsclab.rules import Ballot, decide

P5 = ["CHN", "FRA", "RUS", "GBR", "USA"]


@pytest.fixture(scope="module")
def status_quo():
    return load_design("status-quo")


def test_resolution_678_1990_adopted_12_2_1(status_quo):
    # S/RES/678 (1990), 29 Nov 1990: 12-2-1, Cuba and Yemen against, China abstaining
    # (S/PV.2963). Members in 1990: P5 + CAN COL CIV CUB ETH FIN MYS ROU YEM and Zaire (COD).
    ballot = Ballot.from_lists(
        yes=["FRA", "RUS", "GBR", "USA", "CAN", "COL", "CIV", "ETH", "FIN", "MYS", "ROU", "COD"],
        no=["CUB", "YEM"], abstain=["CHN"])
    d = decide(status_quo, ballot)
    assert (d.outcome, d.yes, d.no, d.abstain, d.not_voting) == ("adopted", 12, 2, 1, 0)
    assert d.vetoed_by == () and d.short_by == 0
    assert d.reason == "Adopted: 12 in favour, 2 against, 1 abstention."


S_2024_312 = dict(
    # Draft S/2024/312, 18 Apr 2024 (admission of Palestine), S/PV.9609: 12-1-2, US against,
    # Switzerland and the UK abstaining.
    yes=["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "FRA", "RUS", "CHN"],
    no=["USA"], abstain=["GBR", "CHE"])


def test_s_2024_312_vetoed_by_the_united_states(status_quo):
    d = decide(status_quo, Ballot.from_lists(**S_2024_312))
    assert d.outcome == "vetoed" and d.vetoed_by == ("USA",)
    assert (d.yes, d.no, d.abstain) == (12, 1, 2)
    assert d.reason == "Vetoed by the United States: 12 in favour, 1 against, 2 abstentions."


def test_s_2024_312_is_adopted_under_the_two_vetoes_rule(status_quo):
    two = status_quo.replace(rule={**status_quo.rule.model_dump(),
                                   "veto": {"classes": ["permanent"], "negatives": 2}})
    assert decide(two, Ballot.from_lists(**S_2024_312)).outcome == "adopted"


def test_resolution_1973_2011_adopted_10_0_5(status_quo):
    # S/RES/1973 (2011), 17 Mar 2011: 10-0-5; Brazil, China, Germany, India, Russia abstaining.
    ballot = Ballot.from_lists(
        yes=["FRA", "GBR", "USA", "BIH", "COL", "GAB", "LBN", "NGA", "PRT", "ZAF"],
        abstain=["BRA", "CHN", "DEU", "IND", "RUS"])
    d = decide(status_quo, ballot)
    assert (d.outcome, d.yes, d.no, d.abstain) == ("adopted", 10, 0, 5)


def test_seven_in_favour_and_eight_abstentions_fail_two_short(status_quo):
    ballot = Ballot.from_lists(
        yes=["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR"],
        abstain=["SLE", "SVN", "CHE", *P5])
    d = decide(status_quo, ballot)
    assert (d.outcome, d.short_by, d.vetoed_by) == ("failed", 2, ())
    assert "2 votes short of the 9 required" in d.reason


def test_a_permanent_no_on_a_draft_short_of_nine_is_no_veto(status_quo):
    # The UN counts a veto only when the draft otherwise had the votes (DHL veto list).
    ballot = Ballot.from_lists(yes=["RUS", "CHN", "DZA", "MOZ", "GUY"], no=["USA", "GBR"],
                               abstain=["FRA", "ECU", "JPN", "MLT", "KOR", "SLE", "SVN", "CHE"])
    d = decide(status_quo, ballot)
    assert d.outcome == "failed" and d.vetoed_by == () and d.short_by == 4


def test_procedural_vote_ignores_permanent_no(status_quo):
    # Uniting for Peace referral, S/RES/2623 (2022), 27 Feb 2022: 11-1-3, Russia against,
    # China, India, UAE abstaining — procedural, so adopted.
    ballot = Ballot.from_lists(
        yes=["ALB", "BRA", "FRA", "GAB", "GHA", "IRL", "KEN", "MEX", "NOR", "GBR", "USA"],
        no=["RUS"], abstain=["CHN", "IND", "ARE"])
    assert decide(status_quo, ballot).outcome == "vetoed"
    d = decide(status_quo, ballot, procedural=True)
    assert d.outcome == "adopted" and d.reason.startswith("Adopted (procedural)")


def test_absent_permanent_member_does_not_veto(status_quo):
    # 1950: the USSR absent when resolutions 83 and 84 (Korea) were adopted.
    ballot = Ballot.from_lists(yes=["CHN", "FRA", "GBR", "USA", "DZA", "ECU", "GUY"],
                               not_voting=["RUS"]) 
    ballot = Ballot({**ballot.votes, "JPN": "Y", "MLT": "Y"})
    d = decide(status_quo, ballot)
    assert d.outcome == "adopted" and d.not_voting == 6


def test_literal_reading_makes_abstention_a_veto(status_quo):
    literal = status_quo.replace(rule={**status_quo.rule.model_dump(),
                                       "veto": {"classes": ["permanent"], "abstention_blocks": True}})
    d = decide(literal, Ballot.from_lists(**S_2024_312))
    assert d.outcome == "vetoed" and set(d.vetoed_by) == {"USA", "GBR"}


# -- ballots that do not fit ----------------------------------------------------------------

def test_unknown_code_is_refused(status_quo):
    with pytest.raises(BallotError, match="unknown state code 'ZZZ'"):
        decide(status_quo, {"ZZZ": "Y"})


def test_state_twice_is_refused():
    with pytest.raises(BallotError, match="FRA appears twice"):
        Ballot.from_lists(yes=["FRA"], no=["FRA"])


def test_bad_vote_is_refused():
    with pytest.raises(BallotError, match="expected Y, N, A or NV"):
        Ballot({"FRA": "maybe"})


def test_too_many_states_is_refused(status_quo):
    eleven = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE", "BRA"]
    with pytest.raises(BallotError, match=r"3 GRULAC states \(ECU, GUY, BRA\) for 2 free "
                                          "ordinary GRULAC seats in 'status-quo'"):
        decide(status_quo, Ballot.from_lists(yes=[*P5, *eleven]))
    with pytest.raises(BallotError, match="1 state finds no free ordinary seat in 'status-quo': BRA"):
        decide(status_quo, Ballot.from_lists(yes=[*P5, *eleven]), groups="loose")


# -- properties -------------------------------------------------------------------------------

STATES = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE", "BRA", "IND",
          "NGA", "DEU", "ZAF", "EGY", "MEX", "IDN", "ARG", "KAZ", "PAK", "ITA", "POL", "KEN",
          "SEN", "CAN", "TUR", "VNM", "CHL"]
DESIGNS = load_catalog()


@st.composite
def seated_ballots(draw):
    """A random ballot that fills every seat, groups ignored (decided with groups="loose":
    these properties are about the arithmetic, not the seating)."""
    design = draw(st.sampled_from(DESIGNS))
    special = set(design.rule.veto.classes) | set(design.rule.veto.deferred)
    for m in design.rule.majorities:
        special |= set(m.classes)
    named = [*design.named_holders, *design.organisations]  # a shared seat votes as one
    free = {c.id: 0 if c.shared else c.count - len(c.holders) for c in design.seats}
    free_special = {c: n for c, n in free.items() if c in special}
    plain = sum(n for c, n in free.items() if c not in special)
    pool = [s for s in STATES if s not in named and s not in design.represented]
    others = draw(st.permutations(pool))
    seats, picked = {}, []
    for cls, free in free_special.items():
        for _ in range(free):
            seats[others[len(picked)]] = cls
            picked.append(others[len(picked)])
    picked += list(others[len(picked):len(picked) + plain])
    votes = {code: draw(st.sampled_from(["Y", "N", "A", "NV"])) for code in [*named, *picked]}
    return design, Ballot(votes, seats)


@settings(max_examples=300, deadline=None)
@given(seated_ballots(), st.booleans(), st.data())
def test_adding_a_yes_never_turns_adoption_into_failure(case, procedural, data):
    design, ballot = case
    before = decide(design, ballot, procedural=procedural, groups="loose")
    changeable = [c for c, v in ballot.votes.items() if v != "Y"]
    if before.outcome != "adopted" or not changeable:
        return
    code = data.draw(st.sampled_from(changeable))
    after = decide(design, Ballot({**ballot.votes, code: "Y"}, ballot.seats), procedural=procedural,
                   groups="loose")
    assert after.outcome == "adopted"


@settings(max_examples=300, deadline=None)
@given(seated_ballots(), st.data())
def test_a_veto_holders_abstention_never_vetoes(case, data):
    design, ballot = case
    if design.rule.veto.abstention_blocks:
        return
    decision = decide(design, ballot, groups="loose")
    holders = [c for c, cls in decision.seating.items() if cls in design.rule.veto.classes]
    if not holders:
        return
    code = data.draw(st.sampled_from(holders))
    after = decide(design, Ballot({**ballot.votes, code: "A"}, ballot.seats), groups="loose")
    assert code not in after.vetoed_by


@settings(max_examples=200, deadline=None)
@given(seated_ballots())
def test_counts_add_up_to_the_council(case):
    design, ballot = case
    d = decide(design, ballot, groups="loose")
    assert d.yes + d.no + d.abstain + d.not_voting == design.size
    short_of_weight = d.required_weight is not None and d.yes_weight < d.required_weight
    assert (d.outcome == "failed") == (d.short_by > 0 or bool(d.unmet_majorities)
                                       or short_of_weight)


def test_literal_reading_makes_absence_a_veto(status_quo):
    # A permanent member absent, as the USSR was from June to August 1950: under the literal
    # reading of Art. 27(3) its missing concurring vote blocks; in practice it does not.
    literal = status_quo.replace(rule={**status_quo.rule.model_dump(),
                                       "veto": {"classes": ["permanent"], "abstention_blocks": True}})
    yes = ["CHN", "FRA", "GBR", "USA", "DZA", "ECU", "GUY", "JPN", "MLT"]
    d = decide(literal, Ballot.from_lists(yes=yes))
    assert d.outcome == "vetoed" and d.vetoed_by == ("RUS",)
    assert decide(status_quo, Ballot.from_lists(yes=yes)).outcome == "adopted"


# -- rules the catalogue does not exercise: a lower procedural quota, extra majorities ------
# (every catalogued design has procedural_quota == quota and no majority clause)

SEVEN_YES = {"yes": ["DZA", "MOZ", "SLE", "ECU", "GUY", "JPN", "KOR"], "no": [*P5],
             "abstain": ["MLT", "SVN", "CHE"]}


def test_procedural_quota_is_the_procedural_one(status_quo):
    # Art. 27(2) as a design may set it: 7 affirmative votes suffice on procedure, while a
    # substantive draft with the same 7 votes is 2 short of 9.
    seven = status_quo.replace(rule={**status_quo.rule.model_dump(), "procedural_quota": 7})
    d = decide(seven, Ballot.from_lists(**SEVEN_YES), procedural=True)
    assert (d.outcome, d.required, d.short_by) == ("adopted", 7, 0)
    d = decide(seven, Ballot.from_lists(**SEVEN_YES))
    assert (d.outcome, d.required, d.short_by) == ("failed", 9, 2)


@pytest.mark.parametrize("applies_to, procedural_outcome",
                         [("substantive", "adopted"), ("all", "failed")])
def test_extra_majority_clause_and_its_scope(status_quo, applies_to, procedural_outcome):
    # "At least 2 of the 3 African seats in favour": 11 yes with only one African seat among
    # them meets the quota and the veto but not the clause. A substantive-only clause does not
    # bind a procedural vote; an "all" clause does.
    design = status_quo.replace(rule={**status_quo.rule.model_dump(), "majorities": [
        {"classes": ["elected-africa"], "at_least": 2, "applies_to": applies_to}]})
    ballot = Ballot.from_lists(yes=[*P5, "DZA", "ECU", "GUY", "JPN", "KOR", "MLT"],
                               no=["MOZ", "SLE"], abstain=["SVN", "CHE"],
                               seats={c: "elected-africa" for c in ("DZA", "MOZ", "SLE")})
    d = decide(design, ballot)
    assert (d.outcome, d.unmet_majorities, d.vetoed_by) == ("failed", (1,), ())
    assert "extra majority was not met" in d.reason
    p = decide(design, ballot, procedural=True)
    assert p.outcome == procedural_outcome
    assert p.unmet_majorities == (() if applies_to == "substantive" else (1,))
    # a second African yes meets the clause either way
    two = Ballot({**ballot.votes, "MOZ": "Y"}, ballot.seats)
    assert decide(design, two).outcome == "adopted"
    assert decide(design, two, procedural=True).outcome == "adopted"


def test_unnamed_deferred_veto_seats_are_filled_without_being_named():
    # G4 2005 (A/59/L.64): six new permanent seats whose veto is deferred until a review; with
    # no veto exercised, who sits in them cannot change an outcome, so a 25-state ballot needs
    # no seat assignment. 14 in favour adopts (quota 14) even with every P5 member abstaining.
    g4 = load_design("g4-2005")
    others = ["BRA", "DEU", "IND", "JPN", "NGA", "ZAF", "EGY", "KEN", "ARG", "PAK",
              "IDN", "MEX", "POL", "ITA", "CAN", "SEN", "KAZ", "CHL", "GHA", "UKR"]
    ballot = Ballot.from_lists(yes=others[:14], abstain=[*P5, *others[14:]])
    d = decide(g4, ballot)
    assert (d.outcome, d.yes, d.abstain, d.not_voting) == ("adopted", 14, 11, 0)
    assert decide(g4, Ballot.from_lists(yes=others[:13], abstain=[*P5, *others[13:]])).short_by == 1
