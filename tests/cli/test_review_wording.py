"""What a reader sees: counts with thousands separators, codes beside words, one-line errors."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from unsclab.cli.main import app

runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_record_list_title_counts_with_a_thousands_separator():
    rows = json.loads(run("record", "list", "--outcome", "adopted", "--format", "json"))
    assert len(rows) > 1000
    assert run("record", "list", "--outcome", "adopted").splitlines()[0] == f"{len(rows):,} decisions"


def test_record_state_counts_with_a_thousands_separator():
    # France has sat on every decision of the record since 1946 (a permanent member)
    n = len(json.loads(run("record", "list", "--format", "json")))
    assert f"Votes cast on {n:,} decisions" in run("record", "state", "FRA")


def test_summary_names_vote_types_in_words_beside_the_code_type_takes():
    # the six vote types of the record and what each is (unsclab.record_types' table)
    out = run("record", "summary")
    words = {"draft_resolution": "draft resolution", "amendment_oral": "oral amendment",
             "sg_nomination": "appointment of the Secretary-General"}
    for code, name in words.items():
        assert any(ln.startswith(name + " ") and f" {code} " in ln for ln in out.splitlines())
    df = pd.read_csv(io.StringIO(run("record", "summary", "--format", "csv")))
    types = df[df["Table"] == "Votes by type"]
    assert not types["Vote type"].str.contains("_").any()
    assert set(types["As --type takes it"]) == {"draft_resolution", "amendment", "amendment_oral",
                                                "separate_vote", "procedural", "sg_nomination"}


def test_replay_by_period_counts_with_a_thousands_separator():
    doc = json.loads(run("replay", "status-quo", "--since", "2000", "--by", "period",
                         "--draws", "2", "--json"))
    n = sum(g["decisions"] for g in doc["groups"])
    assert n > 1000
    out = run("replay", "status-quo", "--since", "2000", "--by", "period", "--draws", "2")
    assert out.splitlines()[0] == f"status-quo: {n:,} decisions 2000–2025, 2 draws, seed 1"


def test_votes_power_by_state_counts_whole_decisions_on_the_real_council():
    out = run("votes", "power", "--since", "2024", "--top", "3", "--draws", "2")
    table = out[out.index("By state"):].splitlines()
    assert table[1].split()[:2] == ["State", "Decisions"]
    rows = [ln.split() for ln in table[3:6]]
    # a state sits on a decision or not: whole counts, never '104.0'
    assert all(r[-3].replace(",", "").isdigit() for r in rows), rows
    under = run("votes", "power", "--since", "2024", "--top", "3", "--draws", "2",
                "--design", "two-vetoes")
    assert "Decisions (expected)" in under


def test_record_show_says_the_vote_type_in_words():
    # resolution 678 (1990) was adopted on a draft resolution (S/RES/678(1990))
    assert "Vote type: draft resolution" in run("record", "show", "S/RES/678(1990)")


def test_vetoes_by_type_in_words_and_codes_in_json():
    df = pd.read_csv(io.StringIO(run("record", "vetoes", "--by", "type", "--format", "csv")))
    if "Table" in df:  # with the WPDL list at hand, its reconciliation is a second table
        df = df[df["Table"].str.startswith("Vetoes by vote type")]
    shown = df["Vote type"]
    assert "oral amendment" in set(shown) and not shown.str.contains("_").any()
    rows = json.loads(run("record", "vetoes", "--by", "type", "--json"))["rows"]
    assert {"draft_resolution", "amendment_oral"} <= {r["type"] for r in rows}


@pytest.mark.data  # the reconciliation needs the WPDL list, a raw source
def test_vetoes_name_the_world_politics_data_lab():
    # the scrape of the Library's veto list is the World Politics Data Lab's (Yordan)
    assert "World Politics Data Lab's scrape (WPDL)" in " ".join(
        ln.strip() for ln in run("record", "vetoes").splitlines())
