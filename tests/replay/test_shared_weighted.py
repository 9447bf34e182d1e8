"""The replay of weighted councils and of seats shared by an organisation.

Oracles: ``rules.decide`` on every reconstructed ballot, the recorded votes of the members
(Sciences Po, via the Record), and the weights of the design summed by hand.
"""

from __future__ import annotations

import numpy as np
import pytest

from unsclab.designs import load_design
from unsclab.replay import OUTCOME_NAMES, replay
from unsclab.replay.shared import organisation_votes
from unsclab.rules import Ballot, decide
from unsclab.votes.data import ABSENT, A, N, Y

pytestmark = pytest.mark.data  # reads the raw sources


@pytest.fixture(scope="module")
def replays():
    return {d: replay(d, draws=2, seed=3) for d in ("eu-seat-2016", "au-seat",
                                                   "strand-rapkin-2011")}


@pytest.mark.parametrize("design_id", ["eu-seat-2016", "au-seat", "strand-rapkin-2011"])
def test_vectorised_rule_equals_decide_on_every_decision(replays, design_id):
    res = replays[design_id]
    for t in range(len(res.cv)):
        votes, seats = res.ballot(1, t)
        dec = decide(res.design, Ballot(votes, seats), procedural=bool(res.cv.procedural[t]),
                     groups="loose")
        assert OUTCOME_NAMES[res.outcomes[1, t]] == dec.outcome, res.cv.symbols[t]


def _index(res, symbol: str) -> int:
    return list(res.cv.symbols).index(symbol)


def test_eu_seat_casts_its_members_real_vote(replays):
    # S/2011/612 (4 Oct 2011, Syria; S/PV.6627): France, Germany, Portugal and the United Kingdom
    # voted in favour, so the EU seat votes in favour in every draw, and its members vote only
    # through it.
    res = replays["eu-seat-2016"]
    t = _index(res, "S/2011/612")
    votes, _ = res.ballot(0, t)
    assert votes["EU"] == "Y"
    assert not {"FRA", "GBR", "DEU", "PRT"} & set(votes)  # represented by the EU seat


def test_strand_rapkin_adopts_s_2024_312_by_weight(replays):
    # S/2024/312 (18 Apr 2024, admission of Palestine; S/PV.9609), 12-1-2, vetoed by the US.
    # Of the design's 2025 members, these sat and voted in favour: CHN FRA RUS DZA SLE KOR SVN
    # GUY; their weights alone reach the simple majority of the weights, and nobody holds a veto.
    res = replays["strand-rapkin-2011"]
    d = load_design("strand-rapkin-2011")
    w = d.class_weights()
    by_holder = {c.holders[0]: w[c.id] for c in d.seats}
    real_yes = sum(by_holder[s] for s in ("CHN", "FRA", "RUS", "DZA", "SLE", "KOR", "SVN", "GUY"))
    assert real_yes >= d.rule.weighted_quota
    t = _index(res, "S/2024/312")
    assert res.history[t] == 1 and (res.outcomes[:, t] == 0).all()  # vetoed → adopted


def test_organisation_vote_is_the_most_common_a_tie_abstains():
    real = np.array([[Y, Y, N, ABSENT],    # 2 yes, 1 no → yes
                     [Y, N, ABSENT, ABSENT],  # tie → abstain
                     [N, A, A, Y],          # 2 abstain → abstain
                     [ABSENT] * 4,          # nobody sat
                     [N, N, Y, A]], dtype=np.int8)
    out = organisation_votes(real, np.arange(4))
    assert out.tolist() == [Y, A, A, ABSENT, N]


def test_weighted_seats_of_unequal_weight_for_more_real_members_than_seats():
    # Three elected seats weighing 1 and 2, for the ten real elected members since 1966: the
    # lottery could not tell whose seat weighs what, so the replay says so.
    from unsclab.designs import parse_design
    from unsclab.errors import UnsclabError

    text = """
id = "uneven"
name = "Uneven"
year = 2030
status = "hypothetical"
[rule]
quota = 1
weighted_quota = 5
[[seats]]
id = "permanent"
kind = "permanent"
count = 5
holders = ["CHN", "FRA", "RUS", "GBR", "USA"]
[[seats]]
id = "light"
kind = "elected"
count = 2
term_years = 2
weight = 1
[[seats]]
id = "heavy"
kind = "elected"
count = 1
term_years = 2
weight = 2
[[sources]]
title = "A test"
"""
    with pytest.raises(UnsclabError, match="weigh differently"):
        replay(parse_design(text), period=(2020, 2021), draws=2)


def test_trail_of_a_shared_seat_names_its_members_votes(replays):
    # S/2011/612 (S/PV.6627): France, Germany, Portugal and the United Kingdom in favour.
    from unsclab.replay.trail_text import trail_lines

    res = replays["eu-seat-2016"]
    tr = res.trail(_index(res, "S/2011/612"))
    (seat,) = [s for s in tr["seats"] if s.get("kind") == "shared"]
    assert seat["votes_cast"]["Y"] == 1.0
    assert seat["holders"][0]["why"] == ("the most common vote of its members who sat "
                                         "(FRA Y, DEU Y, PRT Y, GBR Y)")
    assert any("so Y" in line for line in trail_lines(tr, width=100))


@pytest.mark.parametrize("design_id", ["eu-seat-2016", "strand-rapkin-2011"])
def test_a_posteriori_power_says_it_does_not_cover_weights_or_shared_seats(design_id):
    from unsclab.errors import UnsclabError
    from unsclab.replay.power import design_power

    with pytest.raises(UnsclabError, match="vote weights or a shared seat"):
        design_power(design_id, since=2020, until=2021, draws=2)
