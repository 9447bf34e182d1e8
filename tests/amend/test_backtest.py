"""The 1963 backtest: GA resolution 1991 A (XVIII), recorded 97–11–4."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from unsclab.amend.backtest import backtest
from unsclab.amend.data_access import ballot_1963
from unsclab.cli.main import app


def test_the_recorded_ballot_is_1991_a():
    ballot = ballot_1963()
    counts = {v: sum(1 for x in ballot.values() if x == v) for v in ("yes", "no", "abstain")}
    assert counts == {"yes": 97, "no": 11, "abstain": 4}   # the tally of the official record
    assert ballot["CHN"] == "yes" and ballot["FRA"] == ballot["RUS"] == "no"
    assert ballot["GBR"] == ballot["USA"] == "abstain"


def test_backtest_reproduces_the_direction_and_reports_accuracy():
    r = backtest(draws=300)
    assert r["votes"] == 112 and r["recorded_yes"] == 97
    assert r["predicted_yes"] >= r["threshold"] == 76      # adopted, as it was
    assert r["p_ga"] > 0.5
    assert 0 <= r["accuracy"] <= 1 and 0 <= r["baseline_accuracy"] <= 1
    assert r["correct"] == round(r["accuracy"] * 112)
    assert r["p5"]["RUS"] < 0.5                            # the declared Soviet objection


def test_backtest_cli_json_keys():
    res = CliRunner().invoke(app, ["amend", "backtest", "--json"])
    assert res.exit_code == 0, res.output
    r = json.loads(res.stdout)
    assert {"votes", "accuracy", "baseline_accuracy", "predicted_yes", "recorded_yes"} <= set(r)
