"""Fuzzing the CLI in process (typer's CliRunner): whatever the options or the design file,
no traceback; a bad input exits non-zero with ``error:`` lines only (issue 16)."""

from __future__ import annotations

import json

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from unsclab.cli.main import app
from unsclab.designs import design_to_toml, load_design

from fuzz_designs import mutated  # noqa: E402  (tests/fuzz/fuzz_designs.py)

runner = CliRunner()
FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))

#: values a user (or a script) might pass by mistake, and values meant to break things
HOSTILE = st.one_of(
    st.sampled_from(["", "-1", "0", "3000", "1e9", "NaN", "nonsense", "9" * 30, "-" * 3,
                     "/dev/zero", "/etc/passwd", "../../x", "USA=", "=permanent",
                     "XXX=permanent", "NGA=nonexistent", "1,2,3", "99999999999999999999999,1",
                     "\x00", "ü", " "]),
    st.integers(-10**30, 10**30).map(str),
    st.text(max_size=12),
)


def _check(result, args) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, repr(result.exception))
    assert "Traceback" not in result.output, args
    assert result.exit_code in (0, 1, 2), (args, result.exit_code)
    if result.exit_code != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        if lines:
            assert all(line.startswith(("error: ", "note: ")) or ": " in line
                       for line in lines), (args, lines)
        else:  # under --json the error is the JSON envelope on stdout
            assert json.loads(result.stdout)["ok"] is False, args


# cheap commands: any value may be tried, valid ones finish in milliseconds
CHEAP = [
    lambda v: ["decide", "status-quo", "--yes", v],
    lambda v: ["decide", "ezulwini-2005", "--yes", "USA,NGA", "--seat", v],
    lambda v: ["decide", "status-quo", "--no", "USA", "--abstain", v, "--json"],
    lambda v: ["designs", "show", v],
    lambda v: ["power", "--weights", v, "--quota", "2"],
    lambda v: ["power", "--weights", "3,2,1", "--quota", v],
    lambda v: ["power", "status-quo", "--index", v],
    lambda v: ["designs", "list", "--format", v],
]
# costly commands: only options that are refused before any work
REFUSED = [
    lambda v: ["replay", "status-quo", "--seed", f"-{v.lstrip('-') or '1'}"],
    lambda v: ["replay", "status-quo", "--since", "3000", "--until", v],
    lambda v: ["elections", "status-quo", "--years", v + "x"],
    lambda v: ["compare", "status-quo", "--occupancy", v + "?"],
    lambda v: ["compare", "status-quo", "--history", v + "?"],
    lambda v: ["explore", "/dev/zero", "--budget", v],
]


@FUZZ
@given(command=st.sampled_from(CHEAP), value=HOSTILE)
def test_cheap_commands_never_trace_back(command, value):
    args = command(value)
    _check(runner.invoke(app, args), args)


@FUZZ
@given(command=st.sampled_from(REFUSED), value=HOSTILE)
def test_bad_options_of_costly_commands_are_refused(command, value):
    args = command(value)
    result = runner.invoke(app, args)
    _check(result, args)
    assert result.exit_code != 0, args


PATHS = [("rule", "quota"), ("rule", "procedural_quota"), ("year",), ("name",), ("id",),
         ("seats", 1, "count"), ("seats", 1, "term_years"), ("seats", 1, "group"),
         ("seats", 0, "holders"), ("rule", "veto", "negatives"), ("rule", "veto", "classes"),
         ("seats", 1, "re_eligible"), ("sources",), ("seats",)]
VALUES = st.one_of(st.integers(-10**40, 10**40), st.booleans(), st.text(max_size=30),
                   st.floats(allow_nan=False), st.lists(st.integers(0, 300), max_size=5),
                   st.just([[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]), st.just({}))


@FUZZ
@given(path=st.sampled_from(PATHS), value=VALUES)
def test_mutated_design_files_validate_or_fail_in_one_line_each(tmp_path_factory, path, value):
    data = mutated(path, value)
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):
        return  # not representable in TOML
    file = tmp_path_factory.mktemp("fuzz") / "d.toml"
    file.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["designs", "validate", str(file)])
    _check(result, path)
    if result.exit_code:
        for line in result.output.splitlines():
            assert line.startswith(str(file)), line  # file: line: field: message


@FUZZ
@given(cut=st.integers(0, 4000), junk=st.binary(max_size=20))
def test_damaged_toml_text_fails_in_one_line_each(tmp_path_factory, cut, junk):
    text = design_to_toml(load_design("g4-2005")).encode()
    cut = min(cut, len(text))
    file = tmp_path_factory.mktemp("fuzz") / "d.toml"
    file.write_bytes(text[:cut] + junk + text[cut:])
    result = runner.invoke(app, ["designs", "validate", str(file)])
    _check(result, (cut, junk))
