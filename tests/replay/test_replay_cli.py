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


def test_replay_changed_only_json_and_csv_list_the_same_decisions():
    args = ["replay", "two-vetoes", "--since", "2020", "--draws", "3", "--changed-only"]
    r = runner.invoke(app, args + ["--json"])
    assert r.exit_code == 0, r.output
    changed = json.loads(r.stdout)["changed_decisions"]
    assert changed and all(c["recorded"] == "vetoed" and c["outcome"] == "adopted"
                           for c in changed)
    r = runner.invoke(app, args + ["--format", "csv"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("Symbol,Date,Subject,Title,Recorded")
    assert [line.split(",")[0] for line in lines[1:]] == [c["symbol"] for c in changed]


def test_replay_table_lists_the_changed_decisions():
    r = runner.invoke(app, ["replay", "two-vetoes", "--since", "2024", "--draws", "3"])
    assert r.exit_code == 0, r.output
    assert "Decisions whose outcome changes under two-vetoes" in r.output
    assert "vetoed by Russia" in r.output or "vetoed by United States" in r.output


@pytest.mark.parametrize("args,words,code", [
    (["--subject", "Mars"], "unknown subject", 1),
    (["--since", "2020", "--until", "2010"], "is after", 1),
    (["--since", "2030", "--until", "2031"], "less than or equal to 2025", 2),
])
def test_replay_bad_input_is_one_line(args, words, code):
    r = runner.invoke(app, ["replay", "two-vetoes", "--draws", "2", *args])
    assert r.exit_code == code
    assert words in r.output and r.output.strip().count("\n") == 0


def test_replay_of_a_period_without_decisions_says_so():
    from unsclab.errors import UnsclabError
    from unsclab.replay import replay

    with pytest.raises(UnsclabError, match="no recorded decision between 2030 and 2031"):
        replay("two-vetoes", period=(2030, 2031), draws=2)


def test_replay_unknown_design_is_one_line():
    r = runner.invoke(app, ["replay", "no-such-design", "--draws", "2"])
    assert r.exit_code == 1 and "error:" in r.output and r.output.strip().count("\n") == 0
