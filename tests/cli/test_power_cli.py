"""``unsclab power`` and ``unsclab compare`` as a user runs them."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from typer.testing import CliRunner

from unsclab.cli.main import app
from unsclab.designs import catalog_ids

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_weighted_game_json_status_quo():
    result = run("power", "--weights", "7,7,7,7,7,1,1,1,1,1,1,1,1,1,1", "--quota", "39", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    players = data["players"]
    assert [p["name"] for p in players][:2] == ["p1", "p2"]
    assert players[0]["shapley_shubik"] == pytest.approx(421 / 2145)
    assert players[5]["shapley_shubik"] == pytest.approx(4 / 2145)
    assert players[0]["banzhaf"] == pytest.approx(848 / 5080)
    assert data["coleman_act"] == pytest.approx(53 / 2048)


def test_weighted_game_exact():
    result = run("power", "--weights", "7,7,1,1,1", "--quota", "9", "--json", "--exact",
                 "--index", "shapley_shubik", "--index", "banzhaf")
    data = json.loads(result.stdout)
    # [9; 7,7,1,1,1]: SS (3/10, 3/10, 2/15 x3), NBz (2/7, 2/7, 1/7 x3) (reform-models.md B.2)
    assert [Fraction(p["shapley_shubik"]) for p in data["players"]] == [
        Fraction(3, 10), Fraction(3, 10), Fraction(2, 15), Fraction(2, 15), Fraction(2, 15)]
    assert [Fraction(p["banzhaf"]) for p in data["players"]] == [
        Fraction(2, 7), Fraction(2, 7), Fraction(1, 7), Fraction(1, 7), Fraction(1, 7)]


def test_weights_file(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("name,weight\nbig,7\nbig2,7\na,1\nb,1\nc,1\n")
    data = json.loads(run("power", "--weights-file", str(f), "--quota", "9", "--json").stdout)
    assert [p["name"] for p in data["players"]] == ["big", "big2", "a", "b", "c"]


@pytest.mark.parametrize(
    "args, expected",
    [
        (("power", "--weights", "7,x,1", "--quota", "3"), "weight 2 is 'x'; expected a non-negative integer"),
        (("power", "--weights", "7,-1,1", "--quota", "3"), "expected a non-negative integer"),
        (("power", "--weights", "1,1,1", "--quota", "4"), "quota"),
        (("power", "--weights", "1,1,1"), "needs --quota"),
        (("power", "--weights", "", "--quota", "1"), "no weights given"),
        (("power",), "expected a design"),
        (("power", "status-quo", "--by", "planet"), "expected one of seat, state, group, bloc"),
        (("power", "status-quo", "--index", "nonsense"), "unknown index 'nonsense'"),
        (("compare", "status-quo", "--state", "QQQ"), "unknown state code 'QQQ'"),
    ],
)
def test_bad_input(args, expected):
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert expected in result.stderr and "Traceback" not in result.output


def test_bad_weights_file_names_file_and_line(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("name,weight\na,1\nb,two\n")
    result = run("power", "--weights-file", str(f), "--quota", "1")
    assert result.exit_code == 1 and f"{f}:3:" in result.stderr


def test_design_power_by_seat_state_group_bloc():
    seat = json.loads(run("power", "status-quo", "--json", "--exact").stdout)
    assert Fraction(seat["seats"][0]["shapley_shubik"]) == Fraction(421, 2145)
    assert Fraction(seat["coleman_act"]) == Fraction(53, 2048)
    state = json.loads(run("power", "status-quo", "--by", "state", "--json").stdout)
    assert state["rows"][0]["iso3"] in {"CHN", "FRA", "RUS", "GBR", "USA"}
    group = json.loads(run("power", "status-quo", "--by", "group", "--json").stdout)
    assert sum(r["power_share"] for r in group["rows"]) == pytest.approx(1)
    bloc = json.loads(run("power", "status-quo", "--by", "bloc", "--json").stdout)
    p5 = next(r for r in bloc["rows"] if r["bloc"] == "P5")
    assert p5["shapley_shubik_share"] == pytest.approx(5 * 421 / 2145)
    for by in ("seat", "state", "group", "bloc"):
        assert run("power", "status-quo", "--by", by).exit_code == 0


def test_compare_whole_catalogue_json_and_state(tmp_path):
    result = run("compare", "--json", "--state", "KAZ", "--occupancy", "uniform", "--history", "no")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == list(catalog_ids())
    sq = next(r for r in rows if r["id"] == "status-quo")
    assert sq["coleman_act"] == pytest.approx(53 / 2048)
    assert sq["state"]["years_per_decade"] == pytest.approx(20 / 53)


def test_compare_plot_writes_a_png(tmp_path):
    out = tmp_path / "c.png"
    result = run("compare", "status-quo", "g4-2005", "--plot", str(out), "--history", "no",
                 "--occupancy", "uniform")
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "status-quo" in result.stdout


def test_user_defined_bloc():
    data = json.loads(run("power", "status-quo", "--by", "bloc", "--bloc", "ca=KAZ,UZB",
                          "--bloc", "G4", "--json", "--occupancy", "uniform").stdout)
    rows = {r["bloc"]: r for r in data["rows"]}
    # KAZ and UZB each hold an APG seat 2/53 of the time (2 seats, 53 APG states other than China)
    assert rows["ca"]["expected_seats"] == pytest.approx(4 / 53)
    assert rows["ca"]["banzhaf_share"] == pytest.approx(4 / 53 * 84 / 5080)
    assert set(rows) == {"ca", "G4"}
    bad = run("power", "status-quo", "--by", "bloc", "--bloc", "x=QQQ")
    assert bad.exit_code == 1 and "unknown state code(s) QQQ" in bad.stderr


def test_compare_replay_columns_against_the_record():
    """Under two-vetoes, the drafts vetoed since 1990 by one permanent member pass; joint
    vetoes (two or more permanent members against) still block. Counted from the Record."""
    from unsclab.record import Record

    d = Record.load().decisions
    vetoed = d[(d.year >= 1990) & (d.outcome == "vetoed")]
    single = int((~vetoed.vetoed_by.str.contains(";")).sum())
    result = run("compare", "status-quo", "two-vetoes", "no-veto", "--json", "--draws", "20")
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert rows["status-quo"]["occupancy"] == "elections"
    assert rows["status-quo"]["replay"]["vetoed_now_adopted"] == 0
    assert rows["status-quo"]["replay"]["historical_vetoed"] == len(vetoed)
    assert rows["two-vetoes"]["replay"]["vetoed_now_adopted"] == single
    assert rows["no-veto"]["replay"]["vetoed_now_adopted"] == len(vetoed)
    # the elections model still fills exactly the design's seats
    assert sum(rows["status-quo"]["seats_by_group"].values()) == pytest.approx(15)


def test_compare_without_raw_data_uses_the_snapshot(tmp_path):
    """No raw sources, an empty cache and no network: the embedded snapshot answers, so the
    history table is there and nothing falls back (tests/data/test_offline.py compares the
    numbers with those from the raw sources)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "UNSCLAB_DATA": str(tmp_path), "UNSCLAB_CACHE": str(tmp_path / "cache"),
           # any download attempt is refused at once by a closed port on loopback
           "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}
    cmd = [sys.executable, "-m", "unsclab.cli.main", "compare", "status-quo", "--history", "yes",
           "--occupancy", "uniform", "--draws", "20"]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "History replayed 1990–2025" in r.stdout and "uniform rotation" in r.stdout
    assert "not available" not in r.stderr + r.stdout


def test_compare_holders_scenario():
    rows = json.loads(run("compare", "status-quo", "g4-2005", "--holders", "BRA,DEU,IND,JPN,NGA,ZAF",
                          "--history", "no", "--occupancy", "uniform", "--json").stdout)
    assert [r["id"] for r in rows] == ["status-quo", "g4-2005-holders"]
    assert rows[1]["population_with_permanent_seat"] > rows[0]["population_with_permanent_seat"]
    note = run("power", "status-quo", "--holders", "IND", "--by", "group", "--occupancy", "uniform")
    assert note.exit_code == 0 and "no unnamed permanent seat of their group for IND" in note.stderr


def test_seat_rows_show_the_holders_regional_group(tmp_path):
    # The P5's seat class is open to any group (group = "open"); each row shows its holder's
    # UN regional group instead: China Asia-Pacific, Russia Eastern Europe, France, the UK and
    # the US Western European and Others (the UN's list of regional groups, as members.csv).
    seats = {s["seat"]: s for s in json.loads(run("power", "status-quo", "--json").stdout)["seats"]}
    assert {k: seats[k]["group"] for k in ("CHN", "RUS", "FRA", "GBR", "USA")} == {
        "CHN": "APG", "RUS": "EEG", "FRA": "WEOG", "GBR": "WEOG", "USA": "WEOG"}
    assert seats["CHN"]["seat_group"] == "open"
    assert seats["elected-africa-1"]["group"] == "AG"
    # a seat open to every group with no named holder reads "any"
    from unsclab.designs import load_design
    from unsclab.designs.io import design_to_toml

    text = design_to_toml(load_design("status-quo"))
    assert '    "USA",\n' in text
    text = text.replace('    "USA",\n', "", 1)
    path = tmp_path / "four-named.toml"
    path.write_text(text)
    rows = json.loads(run("power", str(path), "--json").stdout)["seats"]
    assert [r["group"] for r in rows[:5]] == ["APG", "WEOG", "EEG", "WEOG", "any"]
    table = run("power", "status-quo", "--index", "banzhaf").stdout
    assert "open" not in table and "APG" in table
