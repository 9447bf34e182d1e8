"""The notebook API: unsclab.compare / power / replay return DataFrame-backed results."""

from __future__ import annotations

import io
from math import comb

import pandas as pd
import pytest

import unsclab


def test_power_by_group_frame_and_html():
    res = unsclab.power("status-quo", by="group", occupancy="uniform")
    df = res.frame
    assert list(df.index) == ["AG", "APG", "EEG", "GRULAC", "WEOG"]
    # 193 member states (ORG/1469); normalised Banzhaf shares add up to 1 (definition)
    assert df["members"].sum() == 193
    assert df["power_share"].sum() == pytest.approx(1)
    html = res._repr_html_()
    assert html.count("<table>") == 1 and "<caption>" in html
    assert 'title="The group&#x27;s share of Banzhaf power' in html  # the definition as tooltip
    assert "53.39%" in html  # WEOG: formatted as the CLI prints it


def test_power_by_seat_is_exact_when_asked():
    res = unsclab.power("status-quo", exact=True, indices=["shapley_shubik"])
    # 421/2145 per permanent seat, 4/2145 per elected seat (Shapley & Shubik 1954)
    assert res.frame.loc["USA", "shapley_shubik"] == "421/2145"
    assert res.frame.loc["elected-weog-1", "shapley_shubik"] == "4/2145"


def test_power_is_still_the_package():
    from unsclab.power import WeightedGame, compute

    assert callable(unsclab.power) and unsclab.power.compute is compute
    assert compute(WeightedGame([1, 1, 1], 2), ["banzhaf"])["banzhaf"][0] == pytest.approx(1 / 3)


def test_compare_frame():
    res = unsclab.compare(["status-quo", "no-veto"], history="no", occupancy="uniform",
                          state="KAZ")
    df = res.frame
    assert list(df.index) == ["status-quo", "no-veto"]
    # power to act: 53/2048 under the veto (Felsenthal & Machover 1998), and without it the
    # share of the 2^15 yes/no profiles with 9 or more yes votes
    no_veto = sum(comb(15, k) for k in range(9, 16)) / 2 ** 15
    assert list(df["coleman_act"]) == pytest.approx([53 / 2048, no_veto])
    groups = ["power_AG", "power_APG", "power_EEG", "power_GRULAC", "power_WEOG"]
    assert df[groups].sum(axis=1).tolist() == pytest.approx([1, 1])
    assert {"state_banzhaf_share", "seats_WEOG", "gini_power_per_person"} <= set(df.columns)
    back = pd.read_csv(io.StringIO(res.to_csv()))
    assert list(back["Design"]) == ["status-quo", "no-veto"]


def test_replay_frame_under_the_design_in_force_is_history():
    res = unsclab.replay("status-quo", since=2020, draws=5)
    df = res.frame
    assert len(df) == res.data["decisions"] > 0
    # under the rules in force the replay reproduces every recorded outcome
    assert (df["modal"] == df["history"]).all()
    assert set(df["history"]) <= {"adopted", "vetoed", "failed"}
    assert "<caption>Most likely outcomes by decade" in res._repr_html_()


def test_result_writes_files(tmp_path):
    res = unsclab.power("status-quo", by="bloc", occupancy="uniform")
    res.to_latex(tmp_path / "blocs.tex")
    assert (tmp_path / "blocs.tex").read_text().count("\\begin{tabular}") == 1
    with pytest.raises(unsclab.UnsclabError, match="does not exist"):
        res.to_csv(tmp_path / "nodir" / "x.csv")
