"""Bad options and environments: one line on stderr, a non-zero exit, no traceback (issue 16).

Each case was found by an adversarial run: it either ended in a traceback (``--seed -1``,
``--weights 999…``, ``UNSCLAB_CACHE=/etc/passwd``), printed click's three-line usage block, or was
accepted silently (``compare --since 3000``, ``--occupancy nonsense``, ``--seat USA=nonexistent``).
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from unsclab.cli.main import app

runner = CliRunner()


def _one_line_error(args, code=None, env=None):
    result = runner.invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{args}: {result.exception!r}")
    assert result.exit_code != 0, (args, result.output)
    if code is not None:
        assert result.exit_code == code, (args, result.output)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), (args, result.stderr)
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize(("args", "words"), [
    (("replay", "status-quo", "--seed", "-1"), "--seed"),
    (("elections", "status-quo", "--seed", "-1"), "--seed"),
    (("compare", "status-quo", "--seed", "-1", "--history", "no"), "--seed"),
    (("explore", "space.toml", "--seed", "-1"), "--seed"),
    (("replay", "status-quo", "--seed", str(2**40)), "--seed"),
    (("compare", "status-quo", "--since", "3000"), "--since"),
    (("replay", "status-quo", "--until", "1900"), "--until"),
    (("replay", "status-quo", "--draws", "0"), "--draws"),
    (("replay", "status-quo", "--draws", "10000000"), "--draws"),
    (("power", "status-quo", "--occupancy", "nonsense"), "'nonsense' is not one of"),
    (("compare", "status-quo", "--occupancy", "x", "--history", "no"), "is not one of"),
    (("compare", "status-quo", "--history", "maybe"), "is not one of"),
    (("replay", "status-quo", "--frobnicate"), "No such option"),
    (("decide",), "Missing argument"),
])
def test_options_out_of_bounds_are_refused_by_the_parser(args, words):
    line = _one_line_error(args, code=2)
    assert words in line and "--help" in line


@pytest.mark.parametrize(("args", "words"), [
    (("power", "--weights", "99999999999999999999999,1", "--quota", "2"), "at most 2**62"),
    (("designs", "show", ""), "empty name"),
    (("decide", "ezulwini-2005", "--yes", "USA", "--seat", "NGA=nonexistent"),
     "seat class 'nonexistent'"),
    (("decide", "ezulwini-2005", "--yes", "USA", "--seat", "NGA=new-permanent-africa"),
     "casts no vote"),
    (("decide", "status-quo", "--yes", "USA", "--seat", "XXX=permanent"), "unknown state code"),
])
def test_bad_values_are_one_line(args, words):
    assert words in _one_line_error(args, code=1)


@pytest.mark.parametrize("where", ["/etc/passwd", "/etc/passwd/sub", "/dev/null"])
def test_unusable_cache_names_the_variable_and_the_path(where, tmp_path):
    # `data status` always consults the cache (a replay may find the record already in memory)
    line = _one_line_error(("data", "status"), code=1, env={"UNSCLAB_CACHE": where})
    assert f"UNSCLAB_CACHE={where}:" in line


def test_read_only_cache_folder(tmp_path, monkeypatch):
    import os

    from unsclab.data.fetch import cache_dir
    from unsclab.errors import DataError

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(tmp_path)
                        else real(p, mode))  # root ignores permission bits: simulate them
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path / "cache"))
    with pytest.raises(DataError, match="cannot be created .* is read-only"):
        cache_dir()
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path))
    with pytest.raises(DataError, match="cannot write in"):
        cache_dir()
    assert list(tmp_path.iterdir()) == []  # nothing left behind


def test_help_and_good_options_still_work():
    assert runner.invoke(app, ["replay", "--help"]).exit_code == 0
    assert runner.invoke(app, ["--version"]).exit_code == 0
    ok = runner.invoke(app, ["decide", "status-quo", "--yes", "USA", "--json"])
    assert ok.exit_code == 0, ok.output
