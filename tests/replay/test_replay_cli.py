"""CLI: ``unsclab replay`` JSON shapes and errors."""

from __future__ import annotations

import json

import pytest

from typer.testing import CliRunner

from unsclab.cli.main import app


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


def _record_counts(since: int, key: str):
    """Per group, the record's own counts (Sciences Po's outcome, tallies and vetoed_by
    columns, the record's region coding), and the single-veto drafts two vetoes would pass."""
    from unsclab.record import Record
    from unsclab.replay.groups import period_label

    dec = Record.load().decisions
    dec = dec[dec["year"] >= since].copy()
    dec["period"] = [period_label(int(y)) for y in dec["year"]]
    single = (dec["outcome"] == "vetoed") & ~dec["procedural"].astype(bool) \
        & (dec["vetoed_by"].fillna("").str.split(";").str.len() == 1) & (dec["yes"] >= 9)
    out = {}
    for g, d in dec.groupby(dec[key].astype(str)):
        out[g] = {"decisions": len(d),
                  "historical_adopted": int((d["outcome"] == "adopted").sum()),
                  "historical_vetoed": int((d["outcome"] == "vetoed").sum()),
                  "historical_failed": int((d["outcome"] == "lack_of_majority").sum()),
                  "vetoed_now_adopted": int(single[d.index].sum())}
    return {g: v for g, v in out.items() if v["decisions"]}


@pytest.mark.parametrize("by,key", [("region", "region"), ("period", "period")])
def test_replay_by_region_and_period_counts_equal_the_record(by, key):
    r = runner.invoke(app, ["replay", "two-vetoes", "--since", "2000", "--draws", "2",
                            "--by", by, "--json"])
    assert r.exit_code == 0, r.output
    rows = {g["group"]: g for g in json.loads(r.stdout)["groups"]}
    expected = _record_counts(2000, key)
    assert set(rows) == set(expected)
    for g, want in expected.items():
        assert {k: rows[g][k] for k in want} == want, g
    # "drafts on the Middle East vetoed since 2000 that would pass with two vetoes"
    if by == "region":
        assert rows["Middle East"]["vetoed_now_adopted"] == expected["Middle East"][
            "vetoed_now_adopted"] > 20


def test_replay_by_subject_csv_and_filters():
    args = ["replay", "two-vetoes", "--since", "2010", "--draws", "2", "--by", "subject"]
    r = runner.invoke(app, args + ["--region", "middle east", "--format", "csv"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("Subject,Decisions,Adopted in the record")
    from unsclab.record import Record

    dec = Record.load().decisions
    n = int(((dec["year"] >= 2010) & (dec["region"] == "Middle East")).sum())
    assert sum(int(line.split(",")[1]) for line in lines[1:]) == n


@pytest.mark.parametrize("args,words", [
    (["--by", "colour"], "--by 'colour': unknown"),
    (["--region", "Mars"], "--region 'Mars': unknown"),
    (["--since", "2025", "--region", "several", "--by", "period"],
     "no recorded decision 2025–2025 (region: several)"),
])
def test_replay_grouping_bad_input_is_one_line(args, words):
    r = runner.invoke(app, ["replay", "two-vetoes", "--draws", "2", *args])
    assert r.exit_code == 1 and words in r.output, r.output
    assert r.output.strip().count("\n") == 0
