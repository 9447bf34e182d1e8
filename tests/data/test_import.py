"""``unsclab data import`` on UN Library voting CSVs written here (fixtures, not Library files).

SC fixture: S/RES/2812 (2026) of 14 January 2026 — the Secretary-General's monthly reports on
Houthi attacks in the Red Sea extended to 15 July 2026, adopted 13-0-2 with China and the
Russian Federation abstaining (UN press release of the meeting, as reprinted by Mirage News,
"UNSC Extends Houthi Red Sea Reporting by 6 Months"), by the 2026 Council (P5; Denmark, Greece,
Pakistan, Panama, Somalia; Bahrain, Colombia, DR Congo, Latvia, Liberia: the DPPA membership
table). S/RES/678 (1990) is written with the record's own ballot (unchanged), S/RES/2334 (2016)
with the US "no" instead of its abstention (a conflict).
"""

from __future__ import annotations

import csv
import json
import re

import pytest
from typer.testing import CliRunner

from unsclab.data import imports
from unsclab.data.undl_files import GA_COLUMNS, SC_COLUMNS
from unsclab.errors import UnsclabError


MEMBERS_2026 = ["CHN", "FRA", "RUS", "GBR", "USA", "DNK", "GRC", "PAK", "PAN", "SOM", "BHR",
                "COL", "COD", "LVA", "LBR"]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("import-cache")


@pytest.fixture(autouse=True)
def _own_cache(cache, monkeypatch):
    """Each test starts with no imports, in a cache of its own module."""
    monkeypatch.setenv("UNSCLAB_CACHE", str(cache))
    imports.clear()
    yield
    imports.clear()


@pytest.fixture(scope="module")
def record(cache):
    import os

    from unsclab.record import Record

    old = os.environ.get("UNSCLAB_CACHE")
    os.environ["UNSCLAB_CACHE"] = str(cache)
    try:
        return Record.load()
    finally:
        if old is None:
            os.environ.pop("UNSCLAB_CACHE")
        else:
            os.environ["UNSCLAB_CACHE"] = old


def _sc_rows(uid, symbol, date, ballot, *, note=""):
    counts = {v: sum(1 for x in ballot.values() if x == v) for v in ("Y", "N", "A", "X")}
    for code, vote in ballot.items():
        yield {
            "undl_id": uid, "ms_code": code, "ms_name": code, "permanent_member":
            str(code in ("CHN", "FRA", "RUS", "GBR", "USA")), "ms_vote": vote, "date": date,
            "resolution": symbol, "draft": "", "meeting": "", "description": symbol,
            "agenda": "", "subjects": "", "vote_note": note,
            "total_yes": f"{counts['Y']}.0", "total_no": f"{counts['N']}.0",
            "total_abstentions": f"{counts['A']}.0", "total_non_voting": f"{counts['X']}.0",
            "total_ms": f"{len(ballot)}.0", "modality": "Voting",
            "undl_link": f"https://digitallibrary.un.org/record/{uid}",
        }


def _write(path, columns, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)
    return path


def _record_ballot(record, symbol):
    (did,) = record.decisions.loc[record.decisions["resolution"] == symbol, "id"]
    b = record.ballots[record.ballots["decision"] == did]
    return {str(c): {"NV": "X"}.get(str(v), str(v)) for c, v in zip(b["iso3"], b["vote"])}


@pytest.fixture
def sc_file(tmp_path, record):
    res2812 = {c: "A" if c in ("CHN", "RUS") else "Y" for c in MEMBERS_2026}
    r2334 = _record_ballot(record, "S/RES/2334(2016)") | {"USA": "N"}
    rows = [*_sc_rows(4100001, "S/RES/2812 (2026)", "2026-01-14", res2812),
            *_sc_rows(102245, "S/RES/678 (1990)", "1990-11-29",
                      _record_ballot(record, "S/RES/678(1990)")),
            *_sc_rows(853446, "S/RES/2334 (2016)", "2016-12-23", r2334)]
    return _write(tmp_path / "sc_voting.csv", SC_COLUMNS, rows)


def test_sc_import_reports_and_refuses_conflict(sc_file, record):
    report = imports.import_file(sc_file)
    assert [i["symbol"] for i in report.added] == ["S/RES/2812 (2026)"]
    assert report.added[0]["tally"] == "13-0-2"
    assert [i["symbol"] for i in report.unchanged] == ["S/RES/678 (1990)"]
    (conflict,) = report.conflicts
    assert conflict["symbol"] == "S/RES/2334 (2016)"
    assert "USA A in the record, N in the file" in conflict["differences"]
    assert "no 0 in the record, 1 in the file" in conflict["differences"]
    assert report.refused and not report.written
    assert not (imports.imports_dir() / "sc_decisions.parquet").exists()


def test_sc_import_keep_adds_2812_to_the_record(sc_file, record):
    from unsclab.record import Record

    report = imports.import_file(sc_file, on_conflict="keep")
    assert report.written and not report.replaced
    after = Record.load()
    assert len(after.decisions) == len(record.decisions) + 1
    new = after.decisions[after.decisions["resolution"] == "S/RES/2812(2026)"].iloc[0]
    assert (new["yes"], new["no"], new["abstain"], new["year"]) == (13, 0, 2, 2026)
    assert new["resolution_number"] == 2812 and new["outcome"] == "adopted"
    b = after.ballots[after.ballots["decision"] == new["id"]]
    assert set(b.loc[b["vote"] == "A", "iso3"].astype(str)) == {"CHN", "RUS"}
    assert set(b["iso3"].astype(str)) == set(MEMBERS_2026)
    # the conflicting resolution kept the record's ballot
    assert _record_ballot(after, "S/RES/2334(2016)")["USA"] == "A"
    # a second import of the same file now finds 2812 unchanged
    again = imports.import_file(sc_file, on_conflict="keep")
    assert not again.added and len(again.unchanged) == 2


def test_sc_import_replace_takes_the_files_ballot(sc_file):
    from unsclab.record import Record

    report = imports.import_file(sc_file, on_conflict="replace")
    assert [i["symbol"] for i in report.replaced] == ["S/RES/2334 (2016)"]
    after = Record.load()
    assert _record_ballot(after, "S/RES/2334(2016)")["USA"] == "N"
    assert after.decisions["id"].is_unique


@pytest.mark.parametrize("edit, line, field", [
    (lambda r: r[3].update(ms_code="ATL"), 5, "ms_code"),
    (lambda r: [x.update(total_yes="14.0") for x in r], 2, "total_yes"),
    (lambda r: r[1].update(total_no="1.0"), 3, "total_no"),
    (lambda r: [x.update(total_ms="16.0") for x in r[:15]], 2, "total_ms"),
    (lambda r: r[2].update(ms_vote="maybe"), 4, "ms_vote"),
])
def test_sc_bad_files_are_refused_untouched(tmp_path, edit, line, field):
    rows = list(_sc_rows(1, "S/RES/2812 (2026)", "2026-01-14",
                         {c: "A" if c in ("CHN", "RUS") else "Y" for c in MEMBERS_2026}))
    edit(rows)
    p = _write(tmp_path / "bad.csv", SC_COLUMNS, rows)
    with pytest.raises(UnsclabError) as err:
        imports.import_file(p, on_conflict="replace")
    assert f"{p}:{line}: {field}:" in str(err.value)
    assert not imports.imports_dir().exists() or not any(imports.imports_dir().iterdir())


def test_unknown_column_is_refused(tmp_path):
    rows = list(_sc_rows(1, "S/RES/2812 (2026)", "2026-01-14", {"USA": "Y"}))
    for r in rows:
        r["colour"] = "red"
    p = _write(tmp_path / "extra.csv", [*SC_COLUMNS, "colour"], rows)
    with pytest.raises(UnsclabError, match=r"extra\.csv:1: colour: unknown column"):
        imports.import_file(p)


# --------------------------------------------------------------------------- GA

def _ga_rows(uid, symbol, date, session, ballot):
    counts = {v: sum(1 for x in ballot.values() if x == v) for v in ("Y", "N", "A", "X")}
    for code, vote in ballot.items():
        yield {"undl_id": uid, "ms_code": code, "ms_name": code, "ms_vote": vote, "date": date,
               "session": session, "resolution": symbol, "draft": "", "committee_report": "",
               "meeting": "", "title": symbol, "agenda_title": "", "subjects": "",
               "vote_note": "", "total_yes": f"{counts['Y']}.0", "total_no": f"{counts['N']}.0",
               "total_abstentions": f"{counts['A']}.0", "total_non_voting": f"{counts['X']}.0",
               "total_ms": f"{len(ballot)}.0", "undl_link": ""}


@pytest.fixture(scope="module")
def ga_current(record):
    from unsclab.data.imports import _current_ga

    return _current_ga()


def _ga_ballot(ga_current, rcid):
    import pandas as pd

    v = pd.concat([t[t["rcid"] == rcid] for t in ga_current[1]]).astype(str)
    code = {"yes": "Y", "no": "N", "abstain": "A", "absent": "X"}
    return {c: code[x] for c, x in zip(v["iso3"], v["vote"])}


def test_ga_import_added_unchanged_conflict(tmp_path, ga_current):
    rc, _ = ga_current
    (r74,) = rc.loc[rc["symbol"] == "A/RES/74/56", "rcid"]
    late = rc[rc["date"] == rc["date"].max()].iloc[0]  # a v33 roll call, no symbol
    same = _ga_ballot(ga_current, r74)
    flipped = dict(same)
    flipped["USA"] = {"Y": "N", "N": "Y", "A": "Y"}[same["USA"]]
    rows = [*_ga_rows(4200001, "A/RES/80/999", "2025-12-01", "80", same),
            *_ga_rows(4200002, "A/RES/74/56", "2019-12-12", "74", same),
            *_ga_rows(4200003, "A/RES/78/998", str(late["date"].date()), "78",
                      _ga_ballot(ga_current, late["rcid"])),
            *_ga_rows(4200004, "A/RES/74/56", "2019-12-12", "74", flipped)]
    p = _write(tmp_path / "ga_voting.csv", GA_COLUMNS, rows)
    report = imports.import_file(p)
    assert [i["symbol"] for i in report.added] == ["A/RES/80/999"]
    assert sorted(i["undl_id"] for i in report.unchanged) == [4200002, 4200003]
    assert [i["undl_id"] for i in report.conflicts] == [4200004]
    assert report.refused and not report.written
    kept = imports.import_file(p, on_conflict="keep")
    assert kept.written
    from unsclab.votes.alignment import _table

    recent = _table("ga_recent_roll_calls")
    assert recent.loc[recent["rcid"] == 4200001, "ga_year"].tolist() == [2025]
    votes = _table("ga_recent_votes")
    assert len(votes[votes["rcid"] == 4200001]) == len(same)
    # and the vote model's GA alignment counts its votes in GA year 2025
    from unsclab.votes.alignment import _votes_by_year

    years, rcid, _, _ = _votes_by_year()
    assert set(years[rcid == 4200001]) == {2025}
    assert (rcid == 4200001).sum() == sum(v != "X" for v in same.values())


def test_ga_impossible_tally_is_refused(tmp_path):
    rows = list(_ga_rows(1, "A/RES/80/1", "2025-12-01", "80", {"USA": "Y", "FRA": "N"}))
    for r in rows:
        r["total_no"] = "0.0"
    p = _write(tmp_path / "ga.csv", GA_COLUMNS, rows)
    with pytest.raises(UnsclabError, match=r"ga\.csv:2: total_no: impossible tally"):
        imports.import_file(p)
    rows[1]["total_no"] = "1.0"
    p = _write(tmp_path / "ga.csv", GA_COLUMNS, rows)
    with pytest.raises(UnsclabError, match=r"ga\.csv:3: total_no: impossible tally"):
        imports.import_file(p)


def test_cli_import_json_and_exit_code(sc_file):
    from unsclab.cli.main import app

    result = CliRunner().invoke(app, ["data", "import", str(sc_file), "--json"])
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert out["refused"] and len(out["added"]) == 1 and len(out["conflicts"]) == 1
    result = CliRunner().invoke(app, ["data", "import", str(sc_file), "--on-conflict", "keep"])
    assert result.exit_code == 0 and "added: 1" in result.stdout
    status = json.loads(CliRunner().invoke(app, ["data", "status", "--json"]).stdout)
    (entry,) = status["imports"]
    assert (entry["file"], entry["kind"], entry["added"]) == ("sc_voting.csv", "sc", 1)


@pytest.mark.parametrize(("damage", "message"), [
    ("truncate", r"imported file refused \(truncated or altered: \d+ bytes, expected \d+\)"),
    ("flip", r"imported file refused \(corrupt: SHA-256 is [0-9a-f]{64}, expected [0-9a-f]{64}\)"),
    ("sidecar", r"imported file refused \(no checksum file \(sc_decisions\.parquet\.meta\.json\)\)"),
])
def test_a_damaged_import_is_refused_in_one_line(sc_file, damage, message):
    """An imported table that no longer matches its integrity sidecar stops the next command
    that reads the record: one line on stderr naming the file, exit 1, nothing read from it."""
    from unsclab.cli.main import app

    imports.import_file(sc_file, on_conflict="keep")
    path = imports.imports_dir() / "sc_decisions.parquet"
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    else:
        (path.parent / (path.name + ".meta.json")).unlink()
    result = CliRunner().invoke(app, ["data", "import", str(sc_file), "--dry-run"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert lines[0].startswith(f"error: {path}: ")
    assert re.search(message + r"; remove the imports with 'unsclab data import --undo' and "
                     "import the file again$", lines[0]), lines[0]
    assert not result.stdout.strip()  # no partial report


def test_ga_replace_swaps_the_roll_call(tmp_path, ga_current):
    from unsclab.votes.alignment import _table

    rc, _ = ga_current
    (r74,) = rc.loc[rc["symbol"] == "A/RES/74/56", "rcid"]
    flipped = _ga_ballot(ga_current, r74)
    flipped["USA"] = {"Y": "N", "N": "Y", "A": "Y"}[flipped["USA"]]
    p = _write(tmp_path / "ga.csv", GA_COLUMNS,
               list(_ga_rows(4200004, "A/RES/74/56", "2019-12-12", "74", flipped)))
    report = imports.import_file(p, on_conflict="replace")
    assert [i["record_id"] for i in report.replaced] == [r74]
    assert r74 not in set(_table("ga_votes")["rcid"])  # the unvotes roll call is replaced
    usa = _table("ga_recent_votes").query("rcid == 4200004 and iso3 == 'USA'")["vote"]
    assert usa.astype(str).tolist() == [{"Y": "yes", "N": "no"}[flipped["USA"]]]
