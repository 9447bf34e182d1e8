"""Bad input to the record's commands: one line naming the value with near matches, exit 1,
nothing on stdout; an empty result says so and exits 0 (issue 11)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner


def _cli(*args):
    from unsclab.cli.main import app

    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("args, expected", [
    (["list", "--from", "19x6"], "--from: '19x6' is not a year or a date"),
    (["list", "--to", "2024-13-45"], "--to: '2024-13-45' is not a date of the calendar"),
    (["list", "--from", "2000", "--to", "1990"], "--from 2000 is after --to 1990"),
    (["list", "--outcome", "vetoe"], "'vetoe' is not known; did you mean vetoed?"),
    (["list", "--type", "amendmnt"], "'amendmnt' is not known; did you mean amendment"),
    (["list", "--vetoed-by", "Frnace"], "unknown state 'Frnace'; did you mean France (FRA)?"),
    (["list", "--vetoed-by", "India"], "'India' is not a permanent member; expected one of "
                                       "China (CHN)"),
    (["list", "--state", "Atlantis"], "unknown state 'Atlantis'; did you mean"),
    (["list", "--subject", "sanction"], "'sanction' is not known; did you mean sanctions?"),
    (["list", "--region", "afrika"], "'afrika' is not known; did you mean Africa?"),
    (["list", "--format", "xlsx"], "--format: 'xlsx' is not a format; expected one of table"),
    (["state", "Untied States"], "unknown state 'Untied States'; did you mean United States "
                                 "(USA)"),
    (["state", "IND", "--format", "docx"], "--format: 'docx' is not a format; expected one of"),
    (["show", "S/RES/1559"], "no decision with symbol 'S/RES/1559'; did you mean "
                             "S/RES/1559(2004)"),
    (["vetoes", "--by", "decad"], "'decad' is not known; did you mean decade?"),
    (["vetoes", "--definition", "dhk"], "'dhk' is not known; did you mean dhl?"),
])
def test_bad_value_is_one_line_naming_it(args, expected):
    res = _cli("record", *args)
    assert res.exit_code == 1, res.output
    assert res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], lines


def test_bad_value_under_json_is_the_error_envelope():
    res = _cli("record", "list", "--region", "afrika", "--format", "json")
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert doc["ok"] is False and doc["error"]["problems"][0]["field"] == "--region"


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "markdown"])
def test_empty_result_says_so(fmt):
    res = _cli("record", "list", "--search", "no such words anywhere", "--format", fmt)
    assert res.exit_code == 0
    assert "no decisions match these filters" in res.output
    if fmt == "json":
        assert json.loads(res.stdout) == []
    if fmt == "csv":
        assert res.stdout.splitlines() == ["Date,Symbol,Outcome,Tally,Vetoed by,Title,Type,"
                                           "Subject,Region"]


def test_state_that_never_sat_says_so():
    res = _cli("record", "state", "Bhutan")
    assert res.exit_code == 0
    assert "Bhutan (BTN) has never sat on the Council: no vote in the record." in res.stdout
    doc = json.loads(_cli("record", "state", "Bhutan", "--json").stdout)
    assert doc["years_on_the_council"] == [] and doc["decisions_voted"] == 0
