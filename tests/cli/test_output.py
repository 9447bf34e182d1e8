"""Exports (--format/--out) parsed back, 80-column tables, --help in words, JSON errors."""

from __future__ import annotations

import io
import json
import re
from fractions import Fraction

import pandas as pd
import pytest
from typer.testing import CliRunner

from unsclab.cli.main import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def _csv(*args: str) -> pd.DataFrame:
    result = run(*args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return pd.read_csv(io.StringIO(result.stdout))


def test_csv_of_groups_reads_into_pandas():
    df = _csv("power", "status-quo", "--by", "group", "--occupancy", "uniform")
    assert list(df["Group"]) == ["AG", "APG", "EEG", "GRULAC", "WEOG"]
    # 193 UN member states (UN press release ORG/1469, 2011, on South Sudan's admission)
    assert df["Members"].sum() == 193
    # normalised shares add up to 100% (definition); 15 seats in all (Charter Art. 23 as amended)
    assert df["Banzhaf power (%)"].sum() == pytest.approx(100)
    assert df["Expected seats"].sum() == pytest.approx(15)


def test_csv_of_seats_keeps_full_precision():
    df = _csv("power", "status-quo")
    p5 = df[df["Seat"] == "USA"].iloc[0]
    # Shapley–Shubik of a permanent member: 421/2145 (Shapley & Shubik 1954; Straffin 1994)
    assert p5["Shapley–Shubik power (%)"] == pytest.approx(100 * 421 / 2145, abs=1e-12)
    assert p5["Banzhaf power (%)"] == pytest.approx(100 * 848 / 5080, abs=1e-12)


def test_csv_of_compare_joins_its_tables():
    df = _csv("compare", "status-quo", "no-veto", "--history", "no", "--occupancy", "uniform")
    assert list(df["Design"]) == ["status-quo", "no-veto"]
    # Coleman's power to act: 53/2048 with the veto, and the share of 15-seat coalitions of 9+
    # without it: sum C(15, k), k >= 9, over 2^15 (closed form)
    from math import comb

    no_veto = sum(comb(15, k) for k in range(9, 16)) / 2 ** 15
    assert list(df["Power to act (%)"]) == pytest.approx([100 * 53 / 2048, 100 * no_veto])
    assert {"African Group share of power (%)", "African Group expected seats", "Gini of power per person",
            "Quota"} <= set(df.columns)


def test_markdown_table_shape():
    result = run("designs", "list", "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("|")]
    header, rule, *body = lines
    n = header.count(" | ") + 1
    assert re.fullmatch(r"\|(:?-{3}:?\|)+", rule) and rule.count("|") == n + 1
    from unsclab.designs import catalog_ids

    assert len(body) == len(catalog_ids())
    assert all(row.replace("\\|", "").count("|") == n + 1 for row in body)


def test_latex_is_structurally_sound():
    result = run("compare", "status-quo", "g4-2005", "--history", "no", "--occupancy",
                 "uniform", "--format", "latex")
    assert result.exit_code == 0, result.output
    tex = result.stdout
    assert tex.count("\\begin{table}") == tex.count("\\end{table}") == 3  # rule, representation, factors
    assert tex.count("\\begin{tabular}") == tex.count("\\end{tabular}") == 3
    for spec, body in re.findall(r"\\begin\{tabular\}\{([lr]+)\}(.*?)\\end\{tabular\}", tex,
                                 re.S):
        rows = [r for r in body.split("\\\\") if "&" in r]
        assert rows and all(r.count("&") == len(spec) - 1 for r in rows)
    assert re.search(r"[^\\]%", tex.replace("% unsclab", "")) is None  # every % escaped
    assert "\\toprule" in tex and "\\bottomrule" in tex


def test_out_picks_format_from_extension(tmp_path):
    target = tmp_path / "groups.md"
    result = run("power", "status-quo", "--by", "group", "--occupancy", "uniform",
                 "--out", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.read_text().count("| AG |") == 1
    as_json = tmp_path / "groups.json"
    assert run("power", "status-quo", "--by", "group", "--occupancy", "uniform", "--out",
               str(as_json)).exit_code == 0
    assert json.loads(as_json.read_text())["by"] == "group"


@pytest.mark.parametrize("args, expected", [
    (["--out", "x.docx"], "cannot tell the format from the extension '.docx'"),
    (["--out", "nodir/x.csv"], "nodir/x.csv: --out: cannot write: the folder 'nodir' does not"),
    (["--format", "xlsx"], "error: --format: 'xlsx' is not a format; expected one of table, csv, "
                           "markdown, latex, json\n"),
])
def test_bad_output_options_are_one_line(args, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("designs", "list", *args)
    assert result.exit_code == 1
    assert expected in result.stderr and len(result.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_compare_plot_into_missing_folder_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("compare", "status-quo", "--plot", "nodir/c.png", "--history", "no")
    assert result.exit_code == 1
    assert result.stderr == ("error: nodir/c.png: --plot: cannot write: the folder 'nodir' "
                             "does not exist\n")


def test_errors_under_json_are_the_web_envelope():
    from unsclab.web.app import ErrorBody, ErrorEnvelope, ProblemOut

    result = run("compare", "status-quo", "--draws", "0", "--json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert set(doc) == set(ErrorEnvelope.model_fields)
    assert doc["ok"] is False
    assert set(doc["error"]) == set(ErrorBody.model_fields)
    assert [set(p) for p in doc["error"]["problems"]] == [set(ProblemOut.model_fields)]
    assert doc["error"]["problems"][0]["field"] == "--draws"
    unknown = json.loads(run("power", "atlantis", "--format", "json").stdout)
    assert unknown["error"]["status"] == 422 and "atlantis" in unknown["error"]["message"]


def _commands(group=None, prefix=()):
    import typer.main

    cmd = group or typer.main.get_command(app)
    for name, sub in cmd.commands.items():
        if hasattr(sub, "commands"):
            yield from _commands(sub, (*prefix, name))
        else:
            yield (*prefix, name)


def test_help_has_no_python_types():
    names = list(_commands())
    assert ("power",) in names and ("designs", "list") in names
    for name in names:
        text = run(*name, "--help").stdout
        assert not re.search(r"<(str|int|float|bool|path|list\[\w+\])>", text), (name, text)


def _lines(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_power_at_80_columns_shows_every_value():
    data = json.loads(run("power", "status-quo", "--json").stdout)
    lines = _lines(run("power", "status-quo", env={"COLUMNS": "80"}))
    assert max(len(ln) for ln in lines) <= 80
    text = "\n".join(lines)
    assert "…" not in text
    for seat in data["seats"]:
        row = " ".join(ln for ln in lines if ln.startswith(seat["seat"] + " "))
        for index in ("banzhaf", "shapley_shubik", "penrose", "holler", "johnston"):
            assert f"{100 * seat[index]:.2f}%" in row, (seat["seat"], index, row)


def test_compare_at_80_columns_shows_every_value():
    refs = ("status-quo", "g4-2005", "ezulwini-2005", "ufc-2005", "kazakhstan-principles")
    opts = ("--history", "no", "--occupancy", "uniform", "--state", "KAZ")
    rows = json.loads(run("compare", *refs, *opts, "--json").stdout)
    lines = _lines(run("compare", *refs, *opts, env={"COLUMNS": "80"}))
    assert max(len(ln) for ln in lines) <= 80
    for r in rows:
        tokens = " ".join(ln for ln in lines if ln.startswith(r["id"] + " ")).split()

        def shown(value: float, pct: bool = True) -> bool:
            x = 100 * value if pct else value
            forms = {f"{x:.{d}f}" + ("%" if pct else "") for d in range(2, 7)}
            return bool(forms & set(tokens))

        assert shown(r["coleman_act"]) and shown(r["p5_power_share"])
        assert all(shown(v) for v in r["power_by_group"].values())
        assert all(shown(v, pct=False) for v in r["seats_by_group"].values())
        assert f"{r['penrose_distance']:.3f}" in tokens
        assert f"{r['gini_power_per_person']:.3f}" in tokens
        assert shown(r["state"]["banzhaf_share"])
        assert str(r["quota"]) in tokens and str(r["seats"]) in tokens


def test_explain_defines_the_columns():
    out = run("power", "status-quo", "--by", "group", "--occupancy", "uniform",
              "--explain").stdout
    assert "Banzhaf power: The group's share of Banzhaf power" in out
    assert "Share of world population:" in out


def test_percent_precision_is_the_same_down_a_column():
    from unsclab.cli.output import Column, Table

    t = Table("t", [Column("k", header="K"), Column("banzhaf")],
               [{"k": "a", "banzhaf": Fraction(1, 3)}, {"k": "b", "banzhaf": 0.00012345}])
    assert [r[1] for r in t.text_rows()] == ["33.333%", "0.012%"]


def test_compare_abbreviations_name_the_groups_in_words():
    # the UN regional groups' names (A/RES/1991 (XVIII) practice; the UN's own group listing)
    lines = _lines(run("compare", "status-quo", "--history", "no", "--occupancy", "uniform",
                       env={"COLUMNS": "80"}))
    text = " ".join(ln.strip() for ln in lines)
    for code, name in (("AG", "African Group"), ("GRULAC", "Latin American and Caribbean Group"),
                       ("WEOG", "Western European and Others Group")):
        assert f"{code} = {name} share of power" in text
        assert f"{code} = {code} " not in text
