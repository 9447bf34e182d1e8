"""replay(): identity with history, equality with decide(), seeds, the two-vetoes design, trails.

Independent oracles: the recorded outcomes (Sciences Po, via the Record), ``rules.decide`` on
the reconstructed ballot of each draw, and the veto arithmetic done by hand on the record.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from unsclab.designs import catalog_ids, load_design
from unsclab.replay import ADOPTED, OUTCOME_NAMES, VETOED, replay
from unsclab.replay.seating import ELECTED
from unsclab.rules import Ballot, decide
from unsclab.votes.data import N, Y, council_votes


P5 = ("CHN", "FRA", "RUS", "GBR", "USA")


@pytest.fixture(scope="module")
def history():
    return {
        "charter": replay("charter-1945", period=(1946, 1965), draws=3, seed=1),
        "sq": replay("status-quo", period=(1966, 2025), draws=3, seed=1),
    }


def test_identity_design_in_force_reproduces_history(history):
    cv = council_votes()
    total = 0
    for res in history.values():
        assert (res.outcomes == res.history[None, :]).all()
        assert (res.modal == res.history).all()
        assert res.summary()["changed"] == 0
        total += len(res.cv)
    assert total == len(cv)  # every recorded decision is replayed


def test_vectorised_rule_equals_decide_on_every_historical_decision(history):
    for res in history.values():
        for t in range(len(res.cv)):
            votes, seats = res.ballot(0, t)
            dec = decide(res.design, Ballot(votes, seats), procedural=bool(res.cv.procedural[t]),
                         groups="loose")
            assert OUTCOME_NAMES[res.outcomes[0, t]] == dec.outcome, res.cv.symbols[t]
            assert dec.outcome == res.cv.outcomes[t]


@pytest.mark.parametrize("design_id", catalog_ids())
def test_vectorised_rule_equals_decide_on_random_draws(design_id):
    res = replay(design_id, draws=6, seed=11)
    rng = np.random.default_rng(5)
    ts = rng.choice(len(res.cv), size=120, replace=False)
    for t in ts:
        for d in (0, 5):
            votes, seats = res.ballot(d, t)
            dec = decide(res.design, Ballot(votes, seats), procedural=bool(res.cv.procedural[t]),
                         groups="loose")
            assert OUTCOME_NAMES[res.outcomes[d, t]] == dec.outcome, (design_id, res.cv.symbols[t])


def test_seeded_runs_repeat_and_differ():
    a = replay("g4-2005", period=(1990, 2025), draws=20, seed=7)
    b = replay("g4-2005", period=(1990, 2025), draws=20, seed=7)
    c = replay("g4-2005", period=(1990, 2025), draws=20, seed=8)
    assert np.array_equal(a.outcomes, b.outcomes)
    assert all(np.array_equal(x, y) for x, y in zip(a.holders, b.holders))
    assert a.to_dict() == b.to_dict()
    t = int(np.argmax(a.history == VETOED))
    assert a.trail(t) == b.trail(t)
    assert any(not np.array_equal(x, y) for x, y in zip(a.holders, c.holders))


def test_global_rng_untouched():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    replay("ufc-2005", period=(2000, 2005), draws=5, seed=1)
    assert np.array_equal(np.random.get_state()[1], before)


def test_two_vetoes_changes_exactly_the_predicted_decisions():
    """Two negative P5 votes to veto: a draft vetoed by a single P5 "no" that had 9 votes passes;
    nothing else changes, and no vote is predicted (1966-2025: every seat is a real member's)."""
    res = replay("two-vetoes", period=(1966, 2025), draws=4, seed=1)
    assert all(len(p) == 0 for p in res.active)  # no simulated seat, no predicted vote
    cv = res.cv
    p5 = [cv.column(p) for p in P5]
    expected = set()
    for t in range(len(cv)):
        if cv.outcomes[t] != "vetoed" or cv.procedural[t]:
            continue
        negatives = int((cv.votes[t, p5] == N).sum())
        yes = int((cv.votes[t] == Y).sum())
        if negatives == 1 and yes >= 9:
            expected.add(t)
    changed = set(np.flatnonzero(res.modal != res.history))
    assert changed == expected
    assert all(res.modal[t] == ADOPTED for t in changed)
    assert (res.prob.max(axis=1) == 1.0).all()  # deterministic: only real votes
    s = res.summary()
    assert s["vetoed_now_adopted"] == len(expected) and s["adopted_now_failed"] == 0
    assert len(expected) > 100  # most vetoes since 1966 were cast by one permanent member


def test_trail_of_a_vetoed_draft():
    res = replay("status-quo", period=(2024, 2024), draws=5, seed=1)
    (t,) = res.cv.index_of("S/2024/312")
    tr = res.trail(t)
    assert tr["history"] == "vetoed" and tr["modal"] == "vetoed" and tr["p_vetoed"] == 1.0
    assert tr["reason"].startswith("Vetoed by the United States: 12 in favour, 1 against")
    assert {s["state"] for s in tr["seats"] if s.get("source") == "real"} >= set(P5)
    json.dumps(tr)


def test_trail_shows_predicted_votes_with_probabilities():
    res = replay("g4-2005", period=(2024, 2024), draws=50, seed=1)
    (t,) = res.cv.index_of("S/2024/312")
    tr = res.trail(t)
    predicted = [h for s in tr["seats"] if "holders" in s for h in s["holders"]
                 if h["source"] == "predicted"]
    assert predicted
    for h in predicted:
        assert abs(sum(h["p"].values()) - 1) < 1e-5


def test_totals_by_decade_and_subject_add_up():
    res = replay("ezulwini-2005", period=(1980, 2025), draws=10, seed=2)
    out = res.to_dict()
    for key in ("decisions", "adopted", "vetoed", "failed", "changed"):
        assert sum(r[key] for r in out["by_decade"].values()) == out[key]
        assert sum(r[key] for r in out["by_subject"].values()) == out[key]
    assert out["adopted"] + out["vetoed"] + out["failed"] == out["decisions"]
    assert abs(out["expected_adopted"] + out["expected_vetoed"] + out["expected_failed"]
               - out["decisions"]) < 1e-6


def test_adopted_without_vote_stay_adopted():
    res = replay("ufc-2024", draws=5, seed=1)
    wov = res.cv.without_vote
    assert wov.sum() > 0
    assert (res.outcomes[:, wov] == ADOPTED).all()


def _variant(base: str, change) -> object:
    from unsclab.designs import design_from_dict, design_to_dict

    data = design_to_dict(load_design(base))
    data["id"] = f"{base}-variant"
    change(data)
    return design_from_dict(data)


def _name_g4(data):
    holders = {"new-permanent-asia-pacific": ["IND", "JPN"],
               "new-permanent-latin-america": ["BRA"], "new-permanent-weog": ["DEU"]}
    for s in data["seats"]:
        s["holders"] = holders.get(s["id"], s.get("holders", []))


def _literal(data):
    data["rule"]["veto"]["abstention_blocks"] = True


def _majority(data):
    data["rule"]["majorities"] = [{"classes": ["elected-africa", "elected-asia-pacific"],
                                   "at_least": 4}]


def _literal_two(data):
    data["rule"]["veto"]["abstention_blocks"] = True
    data["rule"]["veto"]["negatives"] = 2


@pytest.mark.parametrize("base,change", [("g4-2005", _name_g4), ("status-quo", _literal),
                                         ("status-quo", _majority),
                                         ("ezulwini-2005", _literal_two)])
def test_vectorised_rule_equals_decide_on_rule_variants(base, change):
    """Named new permanent members, the literal Art. 27(3) (abstention and absence block), an
    extra-majority clause, and two blocking votes among eleven veto holders."""
    design = _variant(base, change)
    res = replay(design, draws=4, seed=2)
    rng = np.random.default_rng(1)
    for t in rng.choice(len(res.cv), size=100, replace=False):
        for d in (0, 3):
            votes, seats = res.ballot(d, t)
            dec = decide(design, Ballot(votes, seats), procedural=bool(res.cv.procedural[t]),
                         groups="loose")
            assert OUTCOME_NAMES[res.outcomes[d, t]] == dec.outcome, res.cv.symbols[t]


def test_simulated_elected_seats_serve_whole_terms_without_immediate_re_election():
    res = replay("ufc-2024", period=(1990, 2025), draws=30, seed=4)
    seats_of = {c.id: c for c in res.design.seats}
    checked = 0
    for seat, H in zip(res.seats, res.holders):
        if seat.kind != ELECTED:
            continue
        c = seats_of[seat.seat_class]
        for d in range(H.shape[0]):
            run, last = 0, None
            for h in H[d]:
                run = run + 1 if (h == last and h >= 0) else 1
                last = h
                if not c.re_eligible:
                    assert run <= c.term_years, (seat, d)
            checked += 1
    assert checked


def test_keep_votes_does_not_change_the_draws():
    a = replay("ufc-2024", period=(2000, 2010), draws=40, seed=9)
    b = replay("ufc-2024", period=(2000, 2010), draws=40, seed=9, keep_votes=False)
    assert np.array_equal(a.outcomes, b.outcomes)
