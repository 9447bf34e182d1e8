"""The list of changed decisions and the trail in plain words.

Independent oracles: the Record's own tallies and ``vetoed_by`` column (Sciences Po's totals,
not the ballots the replay reads), the recorded ballot of S/2024/312 (12-1-2: the United States
against, the United Kingdom and Switzerland abstaining; S/PV.9609), and the design file's seats.
"""

from __future__ import annotations

import json

import pytest

from unsclab.designs import load_design
from unsclab.record import Record
from unsclab.replay import replay
from unsclab.states import state


P5 = {"CHN", "FRA", "RUS", "GBR", "USA"}


def test_changed_list_under_two_vetoes_is_the_single_veto_drafts_of_the_record():
    dec = Record.load().decisions
    d = dec[(dec["year"] >= 1966) & ~dec["procedural"].astype(bool)
            & (dec["outcome"] == "vetoed")]
    single = d[d["vetoed_by"].fillna("").str.split(";").str.len() == 1]
    expected = set(single.loc[single["yes"] >= 9, "symbol"])
    res = replay("two-vetoes", period=(1966, 2025), draws=2, seed=1)
    changed = res.changed_decisions()
    assert {c["symbol"] for c in changed} == expected
    for c in changed:
        assert c["recorded"] == "vetoed" and c["outcome"] == "adopted"
        assert c["probability"] == 1.0 and len(c["recorded_vetoed_by"]) == 1
        assert c["reason"].startswith("Adopted") and c["recorded_reason"].startswith("Vetoed by")
    assert len(changed) == res.summary()["vetoed_now_adopted"]


def test_changed_list_filters_by_subject_and_years():
    res = replay("two-vetoes", period=(1990, 2025), draws=2, seed=1)
    middle_east = res.changed_decisions(since=2000, subject="Middle East")
    assert middle_east and all(c["subject"] == "Middle East" and c["date"] >= "2000"
                               for c in middle_east)
    assert len(middle_east) < len(res.changed_decisions())


@pytest.fixture(scope="module")
def replay_312():
    res = replay("g4-2005", period=(2024, 2024), draws=200, seed=1)
    (t,) = res.cv.index_of("S/2024/312")
    return res, t


@pytest.fixture(scope="module")
def trail_312(replay_312):
    res, t = replay_312
    return res.trail(t)


def test_trail_of_s_2024_312_under_g4_2005_names_the_real_seats_and_votes(trail_312):
    recorded = {"CHN": "Y", "FRA": "Y", "GBR": "A", "RUS": "Y", "USA": "N", "DZA": "Y",
                "ECU": "Y", "GUY": "Y", "JPN": "Y", "KOR": "Y", "MLT": "Y", "MOZ": "Y",
                "SLE": "Y", "SVN": "Y", "CHE": "A"}
    real = [s for s in trail_312["seats"] if "holders" not in s]
    assert {s["state"]: s["vote"] for s in real} == recorded
    design = load_design("g4-2005")
    for s in real:
        assert s["how"].startswith("sat in reality")
        cls = design.seat_class(s["class"])
        assert s["seat"] == cls.label
        assert (cls.id == "permanent") == (s["state"] in P5)
        if cls.id != "permanent":
            assert cls.group == state(s["state"]).group
    assert trail_312["recorded_reason"].startswith("Vetoed by the United States: 12 in favour, "
                                                   "1 against, 2 abstentions")


def test_trail_of_s_2024_312_under_g4_2005_names_the_simulated_seats(trail_312):
    design = load_design("g4-2005")
    simulated = [s for s in trail_312["seats"] if "holders" in s]
    new_permanent = [s for s in simulated if s["how"].startswith("holder of a new permanent")]
    # six new permanent seats (A/59/L.64: 2 African, 2 Asia-Pacific, 1 GRULAC, 1 WEOG)
    assert len(new_permanent) == 6
    elected = [s for s in simulated if s["how"] == "elected in the simulation"]
    # four new two-year seats, one in each of four groups, left empty by the 10 real members
    assert sorted(s["class"] for s in elected) == ["elected-africa", "elected-asia-pacific",
                                                   "elected-eastern-europe",
                                                   "elected-latin-america"]
    real_members = {s["state"] for s in trail_312["seats"] if "holders" not in s}
    for s in simulated:
        group = design.seat_class(s["class"]).group
        for h in s["holders"]:
            assert state(h["state"]).group == group
            if h["source"] == "real":
                assert h["state"] in real_members
            else:
                assert h["state"] not in real_members
                assert abs(sum(h["p"].values()) - 1) < 1e-6 and h["rests_on"]
    assert trail_312["modal"] == "vetoed" and "United States" in trail_312["reason"]


def test_trail_speaks_no_internal_names(trail_312):
    text = json.dumps(trail_312)
    for internal in ("perm-", "aux-", "class-1", "channel", "(active"):
        assert internal not in text


def test_trail_counts_the_holders_of_each_seat_from_the_draws(replay_312, trail_312):
    """Each simulated seat: the likeliest three holders, how many states held it and the share
    of draws of the others, recounted here from the drawn holders and votes."""
    import numpy as np

    from unsclab.votes.data import ABSENT

    res, t = replay_312
    H, V = res.seat_votes_on(t)
    simulated = [s for s in trail_312["seats"] if "holders" in s]
    filled_rows = [k for k in range(len(res.seats)) if (V[k] != ABSENT).any()]
    assert len(simulated) == len(filled_rows)
    for s, k in zip(simulated, filled_rows):
        held = H[k][V[k] != ABSENT]
        codes, counts = np.unique(held, return_counts=True)
        assert s["holders_count"] == len(codes)
        top = sorted(counts, reverse=True)[:3]
        assert [round(h["p_holds"] * res.draws) for h in s["holders"]] == top
        assert s["other_holders_share"] * res.draws == pytest.approx(len(held) - sum(top))
        votes = V[k][V[k] != ABSENT]
        assert s["votes_cast"]["A"] == pytest.approx((votes == 1).mean())


def test_trail_text_fits_80_columns_and_says_how_many_others(trail_312):
    from unsclab.replay.trail_text import trail_lines

    lines = trail_lines(trail_312, width=80)
    assert max(len(line) for line in lines) <= 80
    text = " ".join(line.strip() for line in lines)
    for s in (s for s in trail_312["seats"] if "holders" in s):
        shown = 1 if s["p_filled"] < 0.05 else len(s["holders"])
        if s["holders_count"] > shown:
            assert f"and {s['holders_count'] - shown} other" in text
    assert "United Kingdom A" in text and "United States N" in text
    assert len(lines) < 150  # five holders a seat, each on two or three lines, made ~290
