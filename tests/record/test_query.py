"""The lean query path of ``record list`` (record_query): same rows as the Record, every filter.

Expected selections are written here directly in pandas on ``Record.decisions``, independently
of the filters' own code; the CLI is checked to answer without importing pandas or numpy.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from unsclab.record import Record
from unsclab.record_query import COLUMNS, decision_columns, filters, frame_columns, matching


@pytest.fixture(scope="module")
def decisions():
    return Record.load().decisions


def _ids(**given) -> list[int]:
    cols, n = decision_columns()
    return [cols["id"][i] for i in matching(cols, n, filters(**given))]


def test_index_holds_the_records_decisions(decisions):
    cols, n = decision_columns()
    assert n == len(decisions) == 3203
    frame = frame_columns(decisions)
    for name in COLUMNS:
        assert list(cols[name]) == list(frame[name]), name


def test_index_is_checked_and_rebuilt(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path))
    first, n = decision_columns()
    (index,) = (tmp_path / "tables").glob("decisions-index-" + "?" * 20 + ".json")
    index.write_text(index.read_text()[:-100], encoding="utf-8")  # truncated
    again, m = decision_columns()
    assert "truncated or altered" in capsys.readouterr().err
    assert (m, list(again["symbol"])) == (n, list(first["symbol"]))


def _pick(d, mask) -> list[int]:
    return [int(i) for i in d.loc[mask, "id"]]


def _has(column, code):
    return column.astype(str).str.split(";").map(lambda codes: code in codes)


def test_every_filter_selects_what_pandas_selects(decisions):
    d = decisions
    year = d["date"].dt.year
    cases = {
        "dates": ({"start": "1990", "end": "1999-06-30"},
                  (d["date"] >= "1990-01-01") & (d["date"] <= "1999-06-30")),
        "vetoed": ({"outcome": "vetoed"}, d["outcome"] == "vetoed"),
        "failed": ({"outcome": "failed"}, d["outcome"] != "adopted"),
        "type": ({"vote_type": "sg-nomination"}, d["vote_type"] == "sg_nomination"),
        "vetoed by": ({"vetoed_by": "USSR"}, _has(d["vetoed_by"], "RUS")),
        "state": ({"state": "Ivory Coast"}, _has(d["countries"], "CIV")),
        "subject": ({"subject": "Sanctions"}, d["subject"] == "sanctions"),
        "region": ({"region": "africa"}, d["region"] == "Africa"),
        "search": ({"search": "somalia"}, d["title"].str.lower().str.contains("somalia")
                   | d["symbol"].str.lower().str.contains("somalia")),
        "combined": ({"start": "2000", "region": "Africa", "subject": "peace operations"},
                     (year >= 2000) & (d["region"] == "Africa")
                     & (d["subject"] == "peace operations")),
    }
    for name, (given, mask) in cases.items():
        want = _pick(d, mask)
        assert want, name  # each case selects something
        assert _ids(**given) == want, name
    # the record's own totals
    summary = Record.load().summary()
    assert len(_ids(outcome="vetoed")) == summary["by_outcome"]["vetoed"]
    assert len(_ids()) == summary["decisions"]


def test_select_on_a_record_is_the_same_filter(decisions):
    from unsclab.record_browse import select

    got = select(Record.load(), vetoed_by="China", start="1946", end="1971-10-24")
    assert [int(i) for i in got["id"]] == _ids(vetoed_by="China", start="1946",
                                               end="1971-10-24")
    # the Republic of China's one "no" on a failed row: the separate vote on Mongolia in the
    # admissions draft S/3502 of 13 December 1955 (the Dag Hammarskjöld Library's veto list)
    assert got["symbol"].tolist() == ["S/3502"]


def test_record_list_imports_neither_pandas_nor_numpy(tmp_path):
    code = ("import sys, runpy\n"
            "sys.argv = ['unsclab', 'record', 'list', '--outcome', 'vetoed', '--state',"
            " 'Ukraine', '--format', 'json']\n"
            "try:\n    runpy.run_module('unsclab.cli.main', run_name='__main__')\n"
            "except SystemExit as e:\n    assert not e.code, e.code\n"
            "sys.stderr.write(repr(sorted(m for m in ('pandas', 'numpy', 'pyarrow') "
            "if m in sys.modules)))\n")
    env = {**__import__("os").environ, "UNSCLAB_CACHE": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=True) for _ in range(2)]
    assert runs[0].stderr.endswith("['numpy', 'pyarrow']")  # the first run builds the index
    assert runs[1].stderr.endswith("[]")
    rows = json.loads(runs[1].stdout)
    assert rows == json.loads(runs[0].stdout) and rows
    assert all(r["outcome"] == "vetoed" for r in rows)
