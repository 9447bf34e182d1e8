"""Weighted seats and seats shared by a regional organisation: the design format, decide and
the power engine, against brute-force enumeration and hand-computed cases."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest

from unsclab.designs import parse_design
from unsclab.errors import BallotError, DesignError
from unsclab.power import compute
from unsclab.power.compile import compile_design
from unsclab.rules import decide
from unsclab.states import member_states, state

WEIGHTED = """\
id = "weighted"
name = "A weighted council"
year = 2030
status = "hypothetical"

[rule]
quota = 1
weighted_quota = 12

[[seats]]
id = "big"
kind = "permanent"
count = 2
holders = ["USA", "CHN"]
weight = 5

[[seats]]
id = "small"
kind = "elected"
count = 5
group = "open"
term_years = 2
weight = 2

[[sources]]
title = "A test"
"""

SHARED = """\
id = "shared"
name = "A council with a shared seat"
year = 2030
status = "hypothetical"

[rule]
quota = 4

[rule.veto]
classes = ["union"]

[[seats]]
id = "union"
kind = "permanent"
count = 1

[seats.shared]
holder = "EU"
name = "European Union"
members = ["DEU", "FRA", "ITA", "ESP"]
source = "A test list"
split = "equal"

[[seats]]
id = "elected"
kind = "elected"
count = 6
group = "open"
term_years = 2

[[sources]]
title = "A test"
"""

# one state per seat of WEIGHTED: the two named holders, then five others
SEATED = ["USA", "CHN", "IND", "BRA", "NGA", "JPN", "MEX"]


def _problem(text: str):
    with pytest.raises(DesignError) as info:
        parse_design(text, file="bad.toml")
    return info.value.problems


def _brute_banzhaf(weights: list[int], quota: int) -> list[Fraction]:
    """Normalised Banzhaf by enumerating all 2^n coalitions (Banzhaf 1965)."""
    n = len(weights)
    swings = [0] * n
    for bits in itertools.product((0, 1), repeat=n):
        total = sum(w for w, b in zip(weights, bits) if b)
        if total >= quota:
            for i in range(n):
                if bits[i] and total - weights[i] < quota:
                    swings[i] += 1
    return [Fraction(s, sum(swings)) for s in swings]


def _brute_shapley(weights: list[int], quota: int) -> list[Fraction]:
    """Shapley–Shubik by enumerating all n! orders (Shapley & Shubik 1954)."""
    n = len(weights)
    pivots = [0] * n
    for order in itertools.permutations(range(n)):
        total = 0
        for i in order:
            total += weights[i]
            if total >= quota:
                pivots[i] += 1
                break
    return [Fraction(p, math.factorial(n)) for p in pivots]


# -- the weighted game ---------------------------------------------------------------------

def test_weighted_design_compiles_to_its_weighted_game_and_matches_brute_force():
    d = parse_design(WEIGHTED)
    game = compile_design(d)
    # quota = 1 is implied by the weighted quota, so one condition remains: [12; 5,5,2,2,2,2,2]
    assert [(c.weights, c.quota) for c in game.conditions] == [((5, 5, 2, 2, 2, 2, 2), 12)]
    values = compute(game, ["banzhaf", "shapley_shubik"])
    weights = [5, 5, 2, 2, 2, 2, 2]
    assert values["banzhaf"] == _brute_banzhaf(weights, 12)
    assert values["shapley_shubik"] == _brute_shapley(weights, 12)


def test_count_quota_kept_when_the_weights_do_not_imply_it():
    # quota 4 of 7 seats, weighted quota 12: {USA, CHN, IND} has weight 12 but only 3 seats
    d = parse_design(WEIGHTED.replace("quota = 1\n", "quota = 4\n"))
    game = compile_design(d)
    assert len(game.conditions) == 2
    assert not game.is_winning({0, 1, 2}) and game.is_winning({0, 1, 2, 3})


def test_weighted_compiled_game_wins_exactly_when_decide_adopts():
    # every one of the 2^7 yes/no ballots, and with a count quota of 4 as well
    for quota in (1, 4):
        d = parse_design(WEIGHTED.replace("quota = 1\n", f"quota = {quota}\n"))
        game = compile_design(d)
        for bits in itertools.product((0, 1), repeat=7):
            votes = {code: "Y" if b else "N" for code, b in zip(SEATED, bits)}
            yes = {i for i, b in enumerate(bits) if b}
            assert game.is_winning(yes) == decide(d, votes).adopted, (quota, bits)


def test_decide_counts_weights_and_says_how_far_short():
    d = parse_design(WEIGHTED)
    # weight in favour: USA 5 + IND 2 + BRA 2 = 9 of 12
    out = decide(d, {"USA": "Y", "CHN": "N", "IND": "Y", "BRA": "Y"})
    assert (out.outcome, out.yes_weight, out.required_weight) == ("failed", 9, 12)
    assert "weight 3 short of the 12 required" in out.reason
    assert out.to_dict()["yes_weight"] == 9
    # USA + CHN + IND = 12: adopted although only 3 of 7 seats vote yes
    assert decide(d, {"USA": "Y", "CHN": "Y", "IND": "Y"}).adopted


def test_unweighted_decision_has_no_weight_fields():
    d = parse_design(SHARED)
    assert "yes_weight" not in decide(d, {"EU": "Y"}).to_dict()


def test_derived_weight_is_the_holders_population_share_times_scale():
    text = WEIGHTED.replace('count = 2\nholders = ["USA", "CHN"]\nweight = 5',
                            'count = 1\nholders = ["IND"]\nweight = {population = 1, scale = 1000}')
    d = parse_design(text)
    world = sum(s.population for s in member_states())
    expected = math.floor(1000 * state("IND").population / world + 0.5)
    assert d.class_weights()["big"] == expected
    assert 150 <= expected <= 200  # India: about 18 % of the members' population


def test_derived_weight_mix_with_an_equal_part():
    text = WEIGHTED.replace('count = 2\nholders = ["USA", "CHN"]\nweight = 5',
                            'count = 1\nholders = ["TUV"]\n'
                            'weight = {population = 1, equal = 1, scale = 1930}')
    # Tuvalu: a population share near 0, an equal share of 1/193: (0 + 10) / 2 = 5
    assert parse_design(text).class_weights()["big"] == 5


# -- the shared seat -----------------------------------------------------------------------

def test_shared_seat_votes_under_the_organisations_code():
    d = parse_design(SHARED)
    assert d.organisations == {"EU": "union"}
    assert set(d.represented) == {"DEU", "FRA", "ITA", "ESP"}
    out = decide(d, {"EU": "N", "IND": "Y", "BRA": "Y", "NGA": "Y", "JPN": "Y"})
    assert out.outcome == "vetoed" and out.vetoed_by == ("EU",)
    assert out.reason.startswith("Vetoed by the European Union:")
    assert decide(d, {"EU": "Y", "IND": "Y", "BRA": "Y", "NGA": "Y"}).adopted


def test_member_of_a_shared_seat_cannot_vote_for_itself():
    d = parse_design(SHARED)
    with pytest.raises(BallotError, match="FRA is represented by the shared seat of EU"):
        decide(d, {"FRA": "Y", "IND": "Y"})


def test_shared_seat_power_is_split_among_its_members():
    from unsclab.evaluate import evaluate_design

    d = parse_design(SHARED)
    ev = evaluate_design(d)
    seat = ev.per_seat["banzhaf"]["union"]
    rows = {r["iso3"]: r for r in ev.states}
    for m in ("DEU", "FRA", "ITA", "ESP"):  # split = "equal": a quarter each
        assert rows[m]["banzhaf"] == pytest.approx(float(seat) / 4)
        assert rows[m]["expected_seats"] == pytest.approx(0.25)
    # and the members leave the pools of the elected seats
    assert all(m not in ev.occupancy.by_class["elected"] for m in d.represented)


def test_population_split_gives_each_member_its_population_share():
    from unsclab.occupancy import uniform_occupancy

    d = parse_design(SHARED.replace('split = "equal"', 'split = "population"'))
    shares = uniform_occupancy(d).by_class["union"]
    pops = {m: state(m).population for m in ("DEU", "FRA", "ITA", "ESP")}
    assert shares == {m: Fraction(p, sum(pops.values())) for m, p in pops.items()}


def test_shared_seat_power_in_a_hand_computed_game():
    # Veto seat + 6 elected, quota 4: the union is a veto player; each elected seat swings in
    # coalitions {union} + 3..6 others where it is one of exactly 3 others: C(5,2) = 10 swings;
    # the union swings whenever 3+ others vote yes: sum_{k=3..6} C(6,k) = 42.
    d = parse_design(SHARED)
    values = compute(compile_design(d), ["banzhaf"])["banzhaf"]
    assert values[0] == Fraction(42, 42 + 6 * 10)
    assert values[1] == Fraction(10, 42 + 6 * 10)


# -- bad input: one line naming the field --------------------------------------------------

@pytest.mark.parametrize("weight, expected", [
    ("-2", "expected a vote weight from 1 to 10000, got -2"),
    ("0", "expected a vote weight from 1 to 10000, got 0"),
    ("2.5", "expected a whole-number vote weight"),
    ("true", "expected a whole-number vote weight"),
    ("{scale = 100}", "expected at least one part above 0"),
    ("{population = -1, scale = 100}", "greater than or equal to 0"),
])
def test_bad_weight(weight, expected):
    problems = _problem(WEIGHTED.replace("weight = 2", f"weight = {weight}"))
    assert any(p.field and p.field.startswith("seats[2].weight") and expected in p.message
               for p in problems), problems


def test_weights_without_a_weighted_quota():
    (p,) = _problem(WEIGHTED.replace("weighted_quota = 12\n", ""))
    assert p.field == "seats[1].weight" and "only under a weighted quota" in p.message


def test_weighted_quota_beyond_the_total_weight():
    (p,) = _problem(WEIGHTED.replace("weighted_quota = 12", "weighted_quota = 21"))
    assert p.field == "rule.weighted_quota" and "total weight 20, got 21" in p.message


def test_weighted_quota_with_alternatives():
    text = WEIGHTED.replace("weighted_quota = 12\n",
                            "weighted_quota = 12\n[[rule.alternatives]]\nquota = 6\n")
    (p,) = _problem(text)
    assert p.field == "rule.weighted_quota" and "cannot be combined with alternatives" in p.message


def test_derived_weight_on_an_unnamed_seat():
    (p,) = _problem(WEIGHTED.replace("weight = 2", "weight = {population = 1, scale = 100}"))
    assert p.field == "seats[2].weight" and "needs its holder" in p.message


def test_derived_weight_that_rounds_to_zero():
    text = WEIGHTED.replace('count = 2\nholders = ["USA", "CHN"]\nweight = 5',
                            'count = 1\nholders = ["TUV"]\nweight = {population = 1, scale = 10}')
    (p,) = _problem(text)
    assert p.field == "seats[1].weight" and "rounds to 0" in p.message


def test_empty_union():
    problems = _problem(SHARED.replace('members = ["DEU", "FRA", "ITA", "ESP"]', "members = []"))
    assert any(p.field == "seats[1].shared.members" and "an empty union" in p.message
               for p in problems)


def test_unknown_member_state():
    (p,) = _problem(SHARED.replace('"ESP"]', '"XEU"]'))
    assert p.field == "seats[1].shared.members" and "unknown member state 'XEU'" in p.message


def test_shared_seat_holder_that_is_a_state():
    (p,) = _problem(SHARED.replace('holder = "EU"', 'holder = "DEU"'))
    assert p.field == "seats[1].shared.holder" and "code of a member state" in p.message


def test_shared_seat_of_two_seats():
    (p,) = _problem(SHARED.replace("count = 1\n", "count = 2\n"))
    assert p.field == "seats[1].count" and "a shared seat is one seat" in p.message


def test_member_of_a_shared_seat_named_elsewhere():
    text = SHARED.replace('group = "open"\nterm', 'group = "open"\nholders = ["FRA"]\nterm')
    (p,) = _problem(text)
    assert p.field == "seats[1].shared.members" and "FRA is represented" in p.message
    allowed = text.replace('split = "equal"', 'split = "equal"\nmembers_hold_other_seats = true')
    assert parse_design(allowed).represented == {}


def test_unknown_organisation_on_the_ballot():
    with pytest.raises(BallotError, match="expected the ISO3 code of a UN member state or EU"):
        decide(parse_design(SHARED), {"AU": "Y"})


def test_shared_seat_holder_code_and_split_are_checked():
    (p,) = _problem(SHARED.replace('holder = "EU"', 'holder = "eu"'))
    assert p.field == "seats[1].shared.holder" and "upper-case" in p.message
    (p,) = _problem(SHARED.replace('split = "equal"', 'split = "gdp"'))
    assert p.field == "seats[1].shared.split" and "'population', 'sqrt-population' or 'equal'" \
        in p.message


def test_shared_seat_equity_factor_by_hand():
    # split = "equal": each of the four members has a quarter of the union seat's power; its
    # representation factor is its share of all power over its share of the 193 members'
    # square roots of population (Gould & Rablen 2016).
    from unsclab.evaluate import evaluate_design

    d = parse_design(SHARED)
    ev = evaluate_design(d)
    rows = {r["iso3"]: r for r in ev.states}
    total = sum(r["banzhaf"] for r in ev.states)
    roots = {s.iso3: math.sqrt(s.population) for s in member_states()}
    for m in ("DEU", "ESP"):
        expected = (float(ev.per_seat["banzhaf"]["union"]) / 4 / total) \
            / (roots[m] / sum(roots.values()))
        assert rows[m]["representation_factor"] == pytest.approx(expected, rel=1e-12)


def test_the_1958_eec_council_as_a_weighted_design():
    # Council of the EEC, Treaty of Rome Art. 148 (1958): France, Germany, Italy 4 votes,
    # Belgium and the Netherlands 2, Luxembourg 1; a qualified majority of 12 of 17 on a
    # Commission proposal. Luxembourg is the textbook null player, "not a single configuration of
    # votes in which Luxembourg's decision could theoretically have made a difference" (Games
    # 9(2) (2018) 29, mdpi.com/2073-4336/9/2/29). The other values against enumeration of all
    # coalitions and all orders.
    seats = "".join(f"""
[[seats]]
id = "{code.lower()}"
kind = "permanent"
count = 1
holders = ["{code}"]
weight = {w}
""" for code, w in (("FRA", 4), ("DEU", 4), ("ITA", 4), ("BEL", 2), ("NLD", 2), ("LUX", 1)))
    text = f"""id = "eec-1958"
name = "EEC Council 1958"
year = 1958
status = "historical"
[rule]
quota = 1
weighted_quota = 12
{seats}
[[sources]]
title = "Treaty establishing the European Economic Community, Art. 148"
"""
    values = compute(compile_design(parse_design(text)), ["banzhaf", "shapley_shubik"])
    assert values["banzhaf"][5] == 0 and values["shapley_shubik"][5] == 0
    assert values["banzhaf"] == _brute_banzhaf([4, 4, 4, 2, 2, 1], 12)
    assert values["shapley_shubik"] == _brute_shapley([4, 4, 4, 2, 2, 1], 12)
