"""The vote model: alignment matrices, probabilities, calibration, and the backtest's margins."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from unsclab.votes import alignment, council_votes, default_vote_model
from unsclab.votes.backtest import backtest

pytestmark = pytest.mark.data  # reads the raw sources


@pytest.fixture(scope="module")
def result():
    return backtest()


def test_alignment_is_symmetric_and_sensible():
    al = alignment()
    M = al.matrix(1985)
    assert np.allclose(M, M.T, atol=1e-6)
    i = al.index
    assert M[i("USA"), i("GBR")] > M[i("USA"), i("CUB")]
    assert M[i("RUS"), i("CUB")] > M[i("USA"), i("CUB")]
    assert al.used_year(2024) == 2023 and al.used_year(1964) == 1963


def test_predictions_are_probabilities():
    model = default_vote_model()
    cv = council_votes()
    (t,) = cv.index_of("S/RES/678(1990)")
    P = model.predict_decision(cv, t, ["IND", "DEU", "BRA", "CUB"])
    assert P.shape == (4, 3) and np.allclose(P.sum(axis=1), 1)
    assert (P >= 0).all()


def test_model_beats_both_baselines_on_contested_decisions(result):
    m = result["model"]
    for name in ("majority", "always_yes"):
        b = result["baselines"][name]
        assert m["contested_accuracy"] > b["contested_accuracy"]
        assert m["contested_log_loss"] < b["contested_log_loss"]
        assert m["log_loss"] < b["log_loss"]


def test_reliability_table_is_calibrated(result):
    rows = [r for r in result["reliability"] if r["n"] >= 300]
    assert len(rows) >= 6
    for r in rows:
        assert abs(r["predicted"] - r["observed"]) < 0.05, r
    # expected calibration error over every bin
    n = sum(r["n"] for r in result["reliability"])
    ece = sum(r["n"] * abs(r["predicted"] - r["observed"]) for r in result["reliability"]) / n
    assert ece < 0.01


def test_cli_votes_backtest_json():
    from unsclab.cli.main import app

    r = CliRunner().invoke(app, ["votes", "backtest", "--since", "2015", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    for part in [out["model"], *out["baselines"].values()]:
        for key in ("accuracy", "log_loss", "contested_accuracy"):
            assert key in part
