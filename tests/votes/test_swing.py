"""A posteriori power: the vectorised decisiveness against a brute-force enumeration of the
ballots, the closed form of the Banzhaf index, the real Council through the replay against the
direct computation, and the seats of a replayed decision against its ballots.
"""

from __future__ import annotations

import itertools
from math import comb

import numpy as np
import pytest

from unsclab.votes.swing import decisiveness_many


def _brute_force(P, veto, quota, negatives, abstention_blocks):
    """Enumerate every ballot of the others (Y, A, N, not voting) and count."""
    n = len(P)
    out = np.zeros(n)
    for i in range(n):
        others = [j for j in range(n) if j != i]
        for combo in itertools.product(range(4), repeat=n - 1):
            pr = np.prod([P[j, v] for j, v in zip(others, combo)])

            def adopted(vote_i: int) -> bool:
                votes = dict(zip(others, combo)) | {i: vote_i}
                yes = sum(v == 0 for v in votes.values())
                blocks = sum(1 for j, v in votes.items()
                             if veto[j] and (v == 2 or (abstention_blocks and v != 0)))
                return yes >= quota and (negatives == 0 or blocks < negatives)

            out[i] += pr * (adopted(0) - adopted(2))
    return out


@pytest.mark.parametrize("case", range(12))
def test_decisiveness_equals_brute_force_on_small_councils(case):
    rng = np.random.default_rng(case)
    n = int(rng.integers(3, 7))
    P = rng.dirichlet(np.ones(4), size=n)
    veto = rng.random(n) < 0.4
    quota, negatives = int(rng.integers(1, n + 1)), int(rng.integers(0, 3))
    blocks = bool(case % 2)
    got = decisiveness_many(P[None], veto[None], quota, negatives, blocks)[0]
    assert np.allclose(got, _brute_force(P, veto, quota, negatives, blocks), atol=1e-12)


def test_coin_tosses_give_the_banzhaf_index_of_the_charter_council():
    """15 seats, 9 votes, one "no" of the five permanent members vetoes: an elected member swings
    when exactly 3 of the other 9 elected vote yes with the P5 — C(9,3)/2^14 — and a permanent
    member when at least 4 of the 10 elected do (Banzhaf 1965; Felsenthal and Machover 1998)."""
    P = np.tile([0.5, 0.0, 0.5, 0.0], (1, 15, 1))
    veto = np.array([[True] * 5 + [False] * 10])
    d = decisiveness_many(P, veto, 9, 1)[0]
    assert d[5:] == pytest.approx(comb(9, 3) / 2 ** 14)
    assert d[:5] == pytest.approx(sum(comb(10, k) for k in range(4, 11)) / 2 ** 14)


pytestmark_data = pytest.mark.data  # reads the raw sources


@pytestmark_data
def test_real_council_through_the_replay_equals_the_direct_computation():
    from unsclab.replay.power import design_power
    from unsclab.votes.decisive import a_posteriori_power

    through = design_power("status-quo", 2018, 2025, draws=3)
    direct = a_posteriori_power(2018, 2025)
    assert through["decisions"] == direct["decisions"] > 300
    a = {r["iso3"]: r for r in through["states"]}
    b = {r["iso3"]: r for r in direct["states"]}
    assert set(a) == set(b)
    for code, r in b.items():
        assert a[code]["decisions"] == r["decisions"], code
        assert a[code]["a_posteriori"] == pytest.approx(r["a_posteriori"], abs=1e-6), code
        assert a[code]["a_priori"] == pytest.approx(r["a_priori"], abs=1e-12), code
    # by subject: every decision once, the same means both ways
    assert sum(r["decisions"] for r in direct["by_subject"]) == direct["decisions"]
    assert [r["subject"] for r in through["by_subject"]] == \
        [r["subject"] for r in direct["by_subject"]]
    for x, y in zip(through["by_subject"], direct["by_subject"]):
        assert x["decisions"] == y["decisions"]
        assert x["veto_seat"] == pytest.approx(y["veto_seat"], abs=1e-6)
        assert x["other_seat"] == pytest.approx(y["other_seat"], abs=1e-6)


@pytestmark_data
def test_seats_of_a_replayed_decision_are_the_voters_of_its_ballots():
    """Every draw: the states holding a seat in the power computation are those of the
    replay's ballot (res.ballot, as decide() reads it), less real members that did not vote."""
    from unsclab.replay import replay
    from unsclab.replay.power import decision_slots

    res = replay("g4-2005", period=(2024, 2024), draws=30, seed=3)
    (t,) = res.cv.index_of("S/2024/312")
    slots = decision_slots(res, t)
    assert len(slots.classes) == 25
    for d in range(res.draws):
        votes, _ = res.ballot(d, t)
        expected = {c for c, v in votes.items() if v != "NV"}
        held = [res.universe[h] for h in slots.holders[:, d] if h >= 0]
        assert len(held) == len(set(held)) and set(held) == expected, d
    assert slots.veto.sum() == 5  # the P5; the six new permanent seats' veto is deferred


@pytestmark_data
def test_votes_power_under_a_design_cli_and_bad_input():
    import json

    from typer.testing import CliRunner

    from unsclab.cli.main import app

    runner = CliRunner()
    r = runner.invoke(app, ["votes", "power", "--design", "two-vetoes", "--since", "2024",
                            "--draws", "5", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["design"] == "two-vetoes" and out["by_period"] and out["states"]
    for args, words in ((["--design", "no-such-design"], "no-such-design"),
                        (["--subject", "Mars"], "unknown subject"),
                        (["--since", "2020", "--until", "2010"], "is after")):
        r = runner.invoke(app, ["votes", "power", "--draws", "2", *args])
        assert r.exit_code == 1 and words in r.output, r.output
        assert r.output.strip().count("\n") == 0


@pytestmark_data
def test_compare_puts_a_posteriori_beside_the_a_priori_power():
    """With coin tosses the P5's share of decisiveness on the real agenda is the a priori
    Banzhaf share of the power engine (up to drafts on which a member did not vote)."""
    from unsclab.api.comparing import compare_rows
    from unsclab.designs import load_design
    from unsclab.replay.power import design_power

    rows, _ = compare_rows([load_design("status-quo")], history="no", since=2024, draws=2,
                           a_posteriori=True)
    ap = rows[0]["a_posteriori"]
    assert ap["p5_share_a_priori"] == pytest.approx(float(rows[0]["p5_power_share"]), abs=2e-3)
    direct = design_power("status-quo", 2024, 2025, draws=2)
    assert ap["p5_share"] == pytest.approx(direct["p5_share"]) and ap["p5_share"] > 0.9
