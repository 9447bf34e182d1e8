"""The vote model: alignment matrices, probabilities, calibration, no leakage, and the backtest.

Independent oracles: a perturbation of the future (the predictions of a year cannot depend on
later data), the record's own votes (the hidden truth), and the bin frequencies of the
reliability table recomputed here.
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from typer.testing import CliRunner

from unsclab.votes import alignment, council_votes
from unsclab.votes.backtest import CALIBRATION_TOLERANCE, backtest, held_out_predictions
from unsclab.votes.features import FEATURES, feature_sources
from unsclab.votes.logit import COEFFICIENTS, default_council_model


@pytest.fixture(scope="module")
def result():
    return backtest(since=1990)


def test_alignment_is_symmetric_and_sensible():
    al = alignment()
    M = al.matrix(1985)
    assert np.allclose(M, M.T, atol=1e-6)
    i = al.index
    assert M[i("USA"), i("GBR")] > M[i("USA"), i("CUB")]
    assert M[i("RUS"), i("CUB")] > M[i("USA"), i("CUB")]
    assert al.used_year(2024) == 2023 and al.used_year(1964) == 1963


def test_predictions_are_probabilities():
    cv = council_votes()
    P = default_council_model().predict_record(cv, ["IND", "DEU", "BRA", "CUB", "XKX"])
    assert P.shape == (len(cv), 5, 3)
    assert np.allclose(P.sum(axis=2), 1, atol=1e-5) and (P >= 0).all()
    (t,) = cv.index_of("S/2024/312")  # 12 in favour: the likeliest vote of anyone is yes
    assert (P[t, :, 0] > 0.5).all()


def _future_perturbed(cv, src, first: int):
    """The record and GA inputs with everything from ``first`` on replaced by noise."""
    rng = np.random.default_rng(0)
    votes = cv.votes.copy()
    later = cv.years >= first
    cast = (votes[later] >= 0) & (votes[later] <= 2)  # Y/A/N cells: the same votes to hide
    votes[later] = np.where(cast, rng.integers(0, 3, size=cast.shape), votes[later])
    cv2 = dataclasses.replace(cv, votes=votes, _col={})
    al = src.alignment
    agree = al.agree.copy()
    agree[al.years >= first - 1] = rng.random(agree[al.years >= first - 1].shape)
    al2 = dataclasses.replace(al, agree=agree, _index={})
    ia = src.issues
    issues = ia.agree.copy()
    issues[:, ia.years >= first - 1] = rng.random(issues[:, ia.years >= first - 1].shape)
    ideal = src.ideal.copy()
    ideal[first - 1 - 1946:] = rng.normal(size=ideal[first - 1 - 1946:].shape)
    return cv2, dataclasses.replace(src, alignment=al2, issues=dataclasses.replace(
        ia, agree=issues), ideal=ideal)


def test_backtest_never_uses_the_future():
    cv, src = council_votes(), feature_sources()
    cv2, src2 = _future_perturbed(cv, src, 2010)
    s1, y1, P1, old1, _ = held_out_predictions(cv, src, 2004, 2009)
    s2, y2, P2, old2, _ = held_out_predictions(cv2, src2, 2004, 2009)
    assert np.array_equal(s1.decision, s2.decision) and np.array_equal(s1.state, s2.state)
    early = (y1 >= 2004) & (y1 <= 2009)
    assert early.sum() > 1000
    assert np.array_equal(P1[early], P2[early])          # the model: bit for bit
    # the previous model reads the GA session of the decision's own year (perturbed here for
    # 2009, the year before the perturbed Council votes): equal up to 2008 only
    before = (y1 >= 2004) & (y1 <= 2008)
    assert np.array_equal(old1[before], old2[before])
    assert not np.array_equal(old1[y1 == 2009], old2[y1 == 2009])
    # and the perturbation is real: the later years' predictions do change
    late1 = held_out_predictions(cv, src, 2011, 2011)[2]
    late2 = held_out_predictions(cv2, src2, 2011, 2011)[2]
    later = y1 == 2011
    assert not np.allclose(late1[later], late2[later])


def test_model_beats_the_baselines_on_contested_decisions(result):
    m = result["model"]
    for name in ("majority", "always_yes", "ga-alignment-logit"):
        b = result["baselines"][name]
        assert m["contested_accuracy"] > b["contested_accuracy"], name
        assert m["contested_log_loss"] < b["contested_log_loss"], name
        assert m["log_loss"] < b["log_loss"] and m["brier"] < b["brier"], name
    # the years where candidate features were tried, and the held-out years
    assert list(result["by_split"]) == ["1990-2009 (selection)", "2010-2025 (held out)"]
    held_out = result["by_split"]["2010-2025 (held out)"]
    assert held_out["council-ga-logit"]["n"] == sum(
        result["by_period"][p]["council-ga-logit"]["n"] for p in ("2010-2019", "2020-2025"))
    assert held_out["council-ga-logit"]["contested_log_loss"] < \
        held_out["majority"]["contested_log_loss"]
    recent = result["by_period"]["2020-2025"]
    for name in ("majority", "always_yes"):
        assert recent["council-ga-logit"]["contested_accuracy"] >= \
            recent[name]["contested_accuracy"]


def test_held_out_years_are_calibrated_within_the_stated_tolerance(result):
    rows = [r for r in result["reliability"] if r["n"] >= 200]
    assert len(rows) >= 5  # the big bins: Y high, A and N low, and the bins between
    for r in rows:
        assert abs(r["predicted"] - r["observed"]) <= CALIBRATION_TOLERANCE, r
    assert result["calibration"]["within_tolerance"]
    # each class's bins hold every prediction once
    per_class = {v: sum(r["n"] for r in result["reliability"] if r["vote"] == v) for v in "YAN"}
    assert set(per_class.values()) == {result["samples"]}


def test_cli_votes_backtest_and_model_json():
    from unsclab.cli.main import app

    r = CliRunner().invoke(app, ["votes", "backtest", "--since", "2015", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    for part in [out["model"], *out["baselines"].values()]:
        for key in ("accuracy", "log_loss", "brier", "contested_accuracy"):
            assert key in part
    assert set(out["by_period"]) == {"2010-2019", "2020-2025"}
    r = CliRunner().invoke(app, ["votes", "model", "--json"])
    assert r.exit_code == 0, r.output
    assert list(json.loads(r.stdout)["coefficients"]) == list(COEFFICIENTS)
    assert COEFFICIENTS[2:] == FEATURES
    r = CliRunner().invoke(app, ["votes", "backtest", "--since", "2020", "--until", "2010"])
    assert r.exit_code == 1 and "is after" in r.output
