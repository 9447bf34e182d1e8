"""CLI: ``unsclab replay`` JSON shapes and errors."""

from __future__ import annotations

import json

import pytest

from typer.testing import CliRunner

from unsclab.cli.main import app

pytestmark = pytest.mark.data  # reads the raw sources

runner = CliRunner()


def test_replay_json_keys():
    r = runner.invoke(app, ["replay", "two-vetoes", "--since", "2015", "--draws", "5", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    for key in ("decisions", "adopted", "vetoed", "failed", "changed", "vetoed_now_adopted",
                "adopted_now_failed", "by_decade", "by_subject"):
        assert key in out
    assert out["vetoed_now_adopted"] > 0


def test_replay_decision_trail_json():
    r = runner.invoke(app, ["replay", "g4-2005", "--since", "2024", "--until", "2024",
                            "--draws", "5", "--decision", "S/2024/312", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["trails"][0]["history"] == "vetoed"
    assert "reason" in out["trails"][0]


def test_replay_unknown_decision_is_a_user_error():
    r = runner.invoke(app, ["replay", "status-quo", "--since", "2024", "--draws", "2",
                            "--decision", "S/9999/1"])
    assert r.exit_code == 1
    assert "error:" in r.output and "S/9999/1" in r.output
