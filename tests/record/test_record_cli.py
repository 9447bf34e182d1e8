"""The record's and the data's tables on the shared output layer (issue 15): exports parsed
back, 80-column rendering with every value untruncated, headers in words, veto definitions.

Expected values come from the record's own totals, computed here in pandas from the Record's
tables (or published figures), never from what the commands print.
"""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
from typer.testing import CliRunner

from unsclab.record import P5, Record


def _run(*args, width: int | None = None):
    from unsclab.cli.main import app

    env = {"COLUMNS": str(width)} if width else None
    res = CliRunner().invoke(app, list(args), env=env)
    assert res.exit_code == 0, res.output
    return res.stdout


def _csv(*args) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(_run(*args, "--format", "csv")))


def _lines80(*args) -> list[str]:
    lines = _run(*args, width=80).splitlines()
    # within 80 columns, but for a word longer than a line (a URL), which is written whole
    assert all(len(ln) <= 80 or len(ln.split()) == 1 for ln in lines)
    return lines


@pytest.fixture(scope="module")
def decisions():
    return Record.load().decisions


def _by_decade(d) -> pd.DataFrame:
    decade = (d["year"] // 10 * 10).astype(str) + "s"
    return pd.crosstab(decade, d["outcome"].astype(str))


def _vetoes_all(d) -> dict[str, int]:
    vetoed = d[d["outcome"] == "vetoed"]["vetoed_by"].astype(str).str.split(";")
    return {c: int(vetoed.map(lambda codes, c=c: c in codes).sum()) for c in P5}


def _dhl(d) -> dict[str, int]:
    from unsclab.record_types import dhl_rows

    rows = dhl_rows(d)["vetoed_by"].astype(str).str.split(";")
    return {c: int(rows.map(lambda codes, c=c: c in codes).sum()) for c in P5}


def test_summary_csv_holds_the_records_totals(decisions):
    df = _csv("record", "summary")
    dec = df[df["Table"] == "Decisions by decade and outcome"].set_index("Decade")
    want = _by_decade(decisions)
    for decade, row in want.iterrows():
        for outcome, header in (("adopted", "Adopted"), ("vetoed", "Vetoed"),
                                ("lack_of_majority", "Lack of majority")):
            assert dec.loc[decade, header] == row[outcome], (decade, outcome)
        assert dec.loc[decade, "Decisions"] == row.sum()
    assert dec.loc["Total", "Decisions"] == len(decisions) == 3203
    vet = df[df["Table"].str.startswith("Vetoes by permanent member")].set_index("Member")
    for code, n in _vetoes_all(decisions).items():
        assert vet.loc[code, "Vetoes (every negative vote)"] == n
    for code, n in _dhl(decisions).items():
        assert vet.loc[code, "Vetoes (Library's definition)"] == n
    types = df[df["Table"] == "Votes by type"]
    assert types["Votes"].sum() == len(decisions)


def test_summary_at_80_columns_says_which_definition(decisions):
    lines = _lines80("record", "summary")
    text = "\n".join(lines)
    assert "…" not in text.replace("1946-01-25 …", "")
    header = next(ln for ln in lines if ln.startswith("Member "))
    assert "Library's definition" in header and "every negative vote" in header
    dhl, every = _dhl(decisions), _vetoes_all(decisions)
    for code in P5:
        row = next(ln for ln in lines if ln.startswith(code + " "))
        assert row.split()[1:] == [f"{dhl[code]:,}", f"{every[code]:,}"], row
    want = _by_decade(decisions)
    for decade, row in want.iterrows():
        shown = next(ln for ln in lines if ln.startswith(decade + " ")).split()
        assert shown[1:] == [f"{row[o]:,}" for o in ("adopted", "vetoed", "lack_of_majority")
                             ] + [f"{row.sum():,}"]


def test_summary_markdown_and_latex_are_tables():
    md = _run("record", "summary", "--format", "markdown")
    pipes = [ln for ln in md.splitlines() if ln.startswith("|")]
    rules = [ln for ln in pipes if re.fullmatch(r"\|(:?-{3}:?\|)+", ln)]
    assert len(rules) == 3  # three tables
    assert all(ln.count("|") == pipes[pipes.index(r) - 1].count("|") for r in rules
               for ln in [r])
    tex = _run("record", "summary", "--format", "latex")
    assert tex.count("\\begin{tabular}") == tex.count("\\end{tabular}") == 3
    for spec, body in re.findall(r"\\begin\{tabular\}\{([lr]+)\}(.*?)\\end\{tabular\}", tex,
                                 re.S):
        rows = [r for r in body.split("\\\\") if "&" in r]
        assert rows and all(r.count("&") == len(spec) - 1 for r in rows)
    assert "Dag Hammarsk" in tex  # each column's definition is in the footnote


def test_summary_json_keeps_its_keys(tmp_path):
    doc = json.loads(_run("record", "summary", "--json"))
    assert {"decisions", "by_outcome", "by_decade", "vetoes_by_member", "vetoes_total",
            "vetoes_dhl_by_member", "vetoes_dhl_total", "adopted_without_vote"} <= set(doc)
    out = tmp_path / "summary.json"
    _run("record", "summary", "--out", str(out))
    assert json.loads(out.read_text()) == doc


def test_vetoes_title_and_values_at_80_columns(decisions):
    lines = _lines80("record", "vetoes")
    assert lines[0] == "Vetoes by member, on the Dag Hammarskjöld Library's definition"
    dhl = _dhl(decisions)
    for code in P5:
        assert next(ln for ln in lines if ln.startswith(code + " ")).split() == [
            code, str(dhl[code])]
    lines = _lines80("record", "vetoes", "--by", "decade", "--definition", "all")
    total = next(ln for ln in lines if ln.startswith("Total ")).split()
    every = _vetoes_all(decisions)
    assert total[1:] == [str(every[c]) for c in P5] + [str(sum(every.values()))]


def test_vetoes_csv_by_decade_adds_up(decisions):
    df = _csv("record", "vetoes", "--by", "decade", "--definition", "all")
    body = df[df["Decade"] != "Total"]
    every = _vetoes_all(decisions)
    assert {c: int(body[c].sum()) for c in P5} == every
    assert (body[list(P5)].sum(axis=1) == body["Total"]).all()


def test_state_tables_list_every_vote_against_and_abstention():
    rec = Record.load()
    b = rec.ballots[rec.ballots["iso3"].astype(str) == "CIV"]
    df = _csv("record", "state", "Ivory Coast")
    against = df[df["Table"].str.startswith("Voted against")]
    abstained = df[df["Table"].str.startswith("Abstained")]
    assert len(against) == int((b["vote"] == "N").sum())
    assert len(abstained) == int((b["vote"] == "A").sum())
    lines = _lines80("record", "state", "Ivory Coast")
    text = "\n".join(lines)
    for symbol in [*against["Symbol"], *abstained["Symbol"]]:
        assert re.search(rf"(?<!\S){re.escape(symbol)}(?!\S)", text), symbol


def test_show_ballot_of_resolution_1559():
    # UN Digital Library record of S/RES/1559 (2004): 9-0-6, Algeria, Brazil, China,
    # Pakistan, the Philippines and Russia abstaining
    df = _csv("record", "show", "S/RES/1559(2004)")
    assert sorted(df.loc[df["Vote"] == "abstention", "Seat"]) == [
        "BRA", "CHN", "DZA", "PAK", "PHL", "RUS"]
    assert (df["Vote"] == "yes").sum() == 9


def test_data_status_tables_read_back():
    from unsclab.data.snapshot import embedded_dir, read_manifest
    from unsclab.data.tables import tables

    df = _csv("data", "status")
    listed = df.dropna(subset=["Data table"])
    assert sorted(listed["Data table"]) == sorted(tables())
    assert set(listed["Layer"]) <= {"data", "cache", "snapshot"}
    manifest = read_manifest(embedded_dir())["tables"]
    lines = _lines80("data", "status")
    for name, entry in manifest.items():  # the embedded tables show the manifest's rows
        row = next(ln for ln in lines if ln.startswith(name + " ")).split()
        if row[1] == "snapshot":
            assert f"{entry['rows']:,}" in row


@pytest.mark.data  # the second source is a raw source
def test_check_tables_list_every_exception_and_correction():
    doc = json.loads(_run("record", "check", "--json"))
    df = _csv("record", "check")
    exceptions = df[df["Table"].str.startswith("Exceptions to plain arithmetic")]
    assert len(exceptions) == len(doc["exceptions"]) == sum(doc["exceptions_by_kind"].values())
    corrections = df[df["Table"].str.startswith("Corrections")]
    assert len(corrections) == len(doc["corrections"])
    lines = _lines80("record", "check")
    text = " ".join(" ".join(lines).split())
    for e in doc["exceptions"]:  # every reason in full, wrapped but never cut
        assert " ".join(e["reason"].split()) in text, e["symbol"]


@pytest.mark.data  # locates the raw sources
def test_data_fetch_lists_every_source_verified():
    from unsclab.data.registry import source_names

    df = _csv("data", "fetch", "--offline")
    assert sorted(df["Source"]) == sorted(source_names())
    lines = _lines80("data", "fetch", "--offline")
    for name in source_names():  # each name whole on its line, its location under it
        assert name in lines
