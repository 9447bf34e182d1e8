"""The designs and decide commands, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from unsclab.cli.main import app
from unsclab.designs import catalog_ids

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_designs_list_json_has_the_documented_keys():
    result = run("designs", "list", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == list(catalog_ids())
    for r in rows:
        assert {"id", "name", "year", "status", "seats", "sources"} <= set(r)
    sq = next(r for r in rows if r["id"] == "status-quo")
    assert sq["seats"] == 15 and sq["year"] == 1965


def test_designs_list_table():
    result = run("designs", "list")
    assert result.exit_code == 0 and "status-quo" in result.stdout


def test_designs_show_table_and_json():
    result = run("designs", "show", "status-quo")
    assert result.exit_code == 0
    assert "A/RES/1991(XVIII)" in result.stdout and "9 of 15" in result.stdout
    data = json.loads(run("designs", "show", "charter-1945", "--json").stdout)
    assert data["size"] == 11 and data["rule"]["quota"] == 7


@pytest.mark.parametrize("design_id", list(catalog_ids()))
def test_designs_show_prints_every_link_whole_at_80_columns(design_id, monkeypatch):
    """A source's URL is never broken across lines, even when longer than the terminal; the
    prose around it wraps at spaces, within 80 columns."""
    from unsclab.designs import load_design

    monkeypatch.setenv("COLUMNS", "80")
    result = run("designs", "show", design_id)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for source in load_design(design_id).sources:
        if source.url:
            assert any(line.strip() == source.url for line in lines), source.url
    sources = lines[lines.index("Sources:"):]
    assert all(len(line) <= 80 for line in sources if "://" not in line)


def test_validate_good_and_bad_files(tmp_path):
    from unsclab.designs import design_to_toml, load_design

    good = tmp_path / "good.toml"
    good.write_text(design_to_toml(load_design("status-quo")))
    assert run("designs", "validate", str(good)).exit_code == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(good.read_text().replace("quota = 9", "quota = 20", 1))
    result = run("designs", "validate", str(good), str(bad))
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln]
    assert len(lines) == 1
    assert lines[0].startswith(f"{bad}:") and "rule.quota" in lines[0] and "got 20" in lines[0]


def test_decide_json():
    result = run("decide", "status-quo", "--yes", "DZA,ECU,GUY,JPN,MLT,MOZ,KOR,SLE,SVN,FRA,RUS,CHN",
                 "--no", "USA", "--abstain", "GBR,CHE", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["outcome"] == "vetoed" and data["vetoed_by"] == ["USA"]
    assert (data["yes"], data["no"], data["abstain"], data["not_voting"], data["short_by"]) == (12, 1, 2, 0, 0)
    assert data["reason"].startswith("Vetoed by the United States")


def test_decide_human_output_and_procedural():
    result = run("decide", "status-quo", "--yes", "ALB,BRA,FRA,GAB,GHA,IRL,KEN,MEX,NOR,GBR,USA",
                 "--no", "RUS", "--abstain", "CHN,IND,ARE", "--procedural")
    assert result.exit_code == 0 and "Adopted (procedural)" in result.stdout


@pytest.mark.parametrize(
    "args, expected",
    [
        (("decide", "status-quo", "--yes", "FRA", "--no", "FRA"), "FRA appears twice"),
        (("decide", "status-quo", "--yes", "QQQ"), "unknown state code 'QQQ'"),
        (("decide", "nonesuch", "--yes", "FRA"), "no catalogue design 'nonesuch'"),
        (("decide", "status-quo", "--seat", "FRA"), "expected ISO3=CLASS"),
        (("designs", "show", "missing.toml"), "missing.toml: no such file"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(args, expected):
    result = run(*args)
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_console_script_runs_without_traceback(tmp_path):
    bad = tmp_path / "syntax.toml"
    bad.write_text("id = \n")
    proc = subprocess.run([sys.executable, "-m", "unsclab.cli.main", "designs", "show", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error: {bad}:1: TOML syntax error")
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_every_command_has_help_with_an_example():
    for args in (["designs", "list"], ["designs", "show"], ["designs", "validate"], ["decide"]):
        result = run(*args, "--help")
        assert result.exit_code == 0 and "Example" in result.stdout, args


def _commands(group, prefix=()):
    """Every command of the CLI as (path, click command)."""
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):  # a command group
            yield from _commands(cmd, (*prefix, name))
        else:
            yield (*prefix, name), cmd


def test_every_cli_command_documents_itself_with_an_example():
    import typer.main

    root = typer.main.get_command(app)
    commands = list(_commands(root))
    assert len(commands) >= 15
    for path, cmd in commands:
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert "Example" in result.stdout, f"'unsclab {' '.join(path)} --help' has no example"
