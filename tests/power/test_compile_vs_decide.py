"""The compiled game of every catalogued design wins exactly when ``decide()`` adopts.

``decide`` is the one rule of the project; the power indices are computed on
``compile_design(design)``. In the binary model (each seat votes yes or no), a coalition of
yes-seats must win the game if and only if ``decide`` adopts the ballot in which those seats vote
``Y`` and all others ``N``. Checked exhaustively for the 1945 Council, and on seeded random
ballots concentrated around the quota for every design, substantive and procedural.
"""

from __future__ import annotations

import random

import pytest

from unsclab.designs import catalog_ids, load_design
from unsclab.power.compile import compile_design
from unsclab.rules import Ballot, decide


def _seated(design):
    """One state per seat: named holders, then member states of each seat's regional group
    (any state for an open seat) and among its eligible states, as a real Council would be."""
    import csv
    from pathlib import Path

    import unsclab

    table = Path(unsclab.__file__).parent / "data" / "members.csv"
    with table.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    named = set(design.named_holders) | set(design.represented)  # a shared seat's members
    taken: set[str] = set()

    def pick(seat) -> str:
        cls = design.seat_class(seat.seat_class)
        code = next(r["iso3"] for r in rows if r["iso3"] not in named | taken
                    and cls.group in ("open", r.get("group"))
                    and (not cls.eligible or r["iso3"] in cls.eligible))
        taken.add(code)
        return code

    return [(s.holder or pick(s), s.seat_class) for s in design.seat_list()]


def _adopted(design, seated, yes: set[int], procedural: bool) -> bool:
    votes = {code: ("Y" if i in yes else "N") for i, (code, _) in enumerate(seated)}
    seats = {code: cls for code, cls in seated}
    return decide(design, Ballot(votes, seats), procedural=procedural).outcome == "adopted"


def _samples(n: int, quota: int, vetoes: list[int], rng: random.Random, k: int):
    """Empty, full, and ``k`` coalitions of about ``quota`` members; in most of them all veto
    seats vote yes (or all but one), where the outcome turns on the other seats."""
    yield set()
    yield set(range(n))
    for _ in range(k):
        size = min(n, max(0, quota + rng.randint(-2, 3)))
        yes = set(vetoes) if vetoes and rng.random() < 0.7 else set()
        if yes and rng.random() < 0.3:
            yes.discard(rng.choice(vetoes))
        rest = [i for i in range(n) if i not in yes]
        yes |= set(rng.sample(rest, max(0, min(len(rest), size - len(yes)))))
        yield yes


@pytest.mark.parametrize("design_id", catalog_ids())
@pytest.mark.parametrize("procedural", [False, True], ids=["substantive", "procedural"])
def test_compiled_game_agrees_with_decide(design_id, procedural):
    design = load_design(design_id)
    game = compile_design(design, procedural=procedural)
    seated = _seated(design)
    assert game.n == design.size == len(seated)
    quota = design.rule.procedural if procedural else design.rule.quota
    rng = random.Random(f"{design_id}-{procedural}")
    vetoes = [i for i, seat in enumerate(design.seat_list()) if seat.veto]
    for yes in _samples(game.n, quota, vetoes, rng, 300):
        assert game.is_winning(yes) == _adopted(design, seated, yes, procedural), sorted(yes)


def test_charter_1945_exhaustive():
    design = load_design("charter-1945")
    game = compile_design(design)
    seated = _seated(design)
    for mask in range(1 << game.n):
        yes = {i for i in range(game.n) if mask >> i & 1}
        assert game.is_winning(yes) == _adopted(design, seated, yes, False)


# -- rule variants the catalogue does not exercise ------------------------------------------
# Every catalogued design has procedural_quota == quota and no extra-majority clause, so a
# compile_design or decide that used the substantive quota on procedural matters, or applied a
# substantive-only clause to procedural votes, would pass every test above.

def _status_quo_variant(**rule):
    design = load_design("status-quo")
    return design.replace(id="status-quo-variant", rule={**design.rule.model_dump(), **rule})


AG2 = {"classes": ["elected-africa"], "at_least": 2}  # 2 of the 3 African seats vote yes
VARIANTS = {
    "procedural-7": {"procedural_quota": 7},
    "ag2-substantive": {"majorities": [{**AG2, "applies_to": "substantive"}]},
    "ag2-all": {"majorities": [{**AG2, "applies_to": "all"}]},
}


def _c(n, k):
    from math import comb

    return comb(n, k)


# Winning coalitions of the 2^15, counted by hand (P = the 5 permanent seats, E = the 10
# elected, AG = the 3 African seats among E, R = the other 12 seats):
# - substantive, no clause: all 5 P and >= 4 of 10 E: sum_{k>=4} C(10,k) = 848.
# - procedural, quota q, no clause: any q of 15: sum_{k>=q} C(15,k).
# - substantive with AG >= 2: all 5 P, a in {2,3} of AG, >= 4-a of the 7 other E:
#   C(3,2)(2^7 - 1 - 7) + C(3,3)(2^7 - 1) = 360 + 127 = 487.
# - procedural with AG >= 2 (applies_to = "all"): a of AG and >= 9-a of R:
#   C(3,2) sum_{b>=7} C(12,b) + C(3,3) sum_{b>=6} C(12,b) = 3*1586 + 2510 = 7268.
WINNING = {
    ("procedural-7", False): 848,
    ("procedural-7", True): sum(_c(15, k) for k in range(7, 16)),
    ("ag2-substantive", False): 487,
    ("ag2-substantive", True): sum(_c(15, k) for k in range(9, 16)),
    ("ag2-all", False): 487,
    ("ag2-all", True): 7268,
}


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("procedural", [False, True], ids=["substantive", "procedural"])
def test_rule_variants_winning_counts_and_decide(variant, procedural):
    from unsclab.power import coleman_act

    design = _status_quo_variant(**VARIANTS[variant])
    game = compile_design(design, procedural=procedural)
    assert coleman_act(game) * 2**15 == WINNING[variant, procedural]
    seated = _seated(design)
    quota = design.rule.procedural if procedural else design.rule.quota
    rng = random.Random(f"{variant}-{procedural}")
    vetoes = [i for i, seat in enumerate(design.seat_list()) if seat.veto]
    for yes in _samples(game.n, quota, vetoes, rng, 150):
        assert game.is_winning(yes) == _adopted(design, seated, yes, procedural), sorted(yes)
