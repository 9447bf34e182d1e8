"""Bounds and strict types of the design model, and bounded reading of design inputs.

Each case is a failure found by an adversarial run (issue 16): a value that validated though it
was wrong (``quota = true`` read as 1), or an input that made a computation or the parser blow up
(``term_years = 10000000``, 5,000 nested arrays, a 5,000-digit integer, ``/dev/zero``).
"""

from __future__ import annotations

import copy
import os
import random

import pytest
from typer.testing import CliRunner

from unsclab.cli.main import app
from unsclab.designs import (design_from_dict, design_to_dict, design_to_toml, load_design,
                             parse_design)
from unsclab.designs.limits import MAX_SEATS, MAX_TERM_YEARS
from unsclab.errors import DesignError

STATUS_QUO = design_to_dict(load_design("status-quo"))


def _refused(change, field: str) -> str:
    data = copy.deepcopy(STATUS_QUO)
    change(data)
    with pytest.raises(DesignError) as info:
        design_from_dict(data, file="t.json")
    fields = [p.field for p in info.value.problems]
    assert field in fields, info.value
    return str(info.value)


def _set(path: tuple, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


@pytest.mark.parametrize(("path", "value", "field"), [
    (("rule", "quota"), True, "rule.quota"),
    (("rule", "quota"), "9", "rule.quota"),
    (("rule", "quota"), 9.0, "rule.quota"),
    (("year",), "2030", "year"),
    (("seats", 1, "count"), True, "seats[2].count"),
    (("seats", 1, "term_years"), "2", "seats[2].term_years"),
    (("seats", 1, "re_eligible"), 1, "seats[2].re_eligible"),
    (("seats", 1, "re_eligible"), "false", "seats[2].re_eligible"),
    (("rule", "veto", "negatives"), False, "rule.veto.negatives"),
    (("rule", "veto", "abstention_blocks"), 0, "rule.veto.abstention_blocks"),
])
def test_strict_types(path, value, field):
    message = _refused(_set(path, value), field)
    assert "expected" in message and len(message.splitlines()) == 1


@pytest.mark.parametrize(("path", "value", "field", "words"), [
    (("seats", 1, "term_years"), 10**7, "seats[2].term_years", "1 to 50 years"),
    (("seats", 1, "term_years"), MAX_TERM_YEARS + 1, "seats[2].term_years", "1 to 50 years"),
    (("seats", 1, "count"), 10**30, "seats[2].count", "a number of 31 digits"),
    (("seats", 1, "count"), MAX_SEATS + 1, "seats[2].count", "from 1 to 193"),
    (("rule", "quota"), 10**9, "rule.quota", "less than or equal to 193"),
    (("rule", "procedural_quota"), -1, "rule.procedural_quota", "greater than or equal to 1"),
    (("rule", "veto", "negatives"), 10**40, "rule.veto.negatives", "less than or equal to 193"),
    (("rule", "veto", "review_after_years"), 10**6, "rule.veto.review_after_years",
     "less than or equal to 100"),
    (("year",), 10**5, "year", "less than or equal to 2200"),
    (("name",), "x" * 100_000, "name", "at most 500 characters"),
    (("summary",), "x" * 20_000, "summary", "at most 10000 characters"),
])
def test_every_number_and_text_is_bounded(path, value, field, words):
    message = _refused(_set(path, value), field)
    assert words in message, message
    assert len(message) < 300, "the message shows a long value cut short"


def test_lists_are_bounded():
    _refused(lambda d: d.__setitem__("sources", d["sources"] * 65), "sources")
    many = [{**STATUS_QUO["seats"][1], "id": f"c{i}", "count": 1} for i in range(65)]
    _refused(lambda d: d.__setitem__("seats", many), "seats")


def test_more_seats_than_member_states():
    open_class = {"id": "a", "kind": "elected", "count": 150, "group": "open", "term_years": 2}
    seats = [open_class, {**open_class, "id": "b"}]  # each fits in 193 states, 300 do not
    message = _refused(lambda d: d.update(seats=seats, rule={"quota": 150}), "seats")
    assert "300 seats in all; expected at most 193" in message


# -- inputs ------------------------------------------------------------------------------------

TOML = design_to_toml(load_design("status-quo"))


@pytest.mark.parametrize(("text", "words"), [
    ("x = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
    ("x = " + "[" * 40 + "]" * 40, "nested too deeply"),
    ("x = " + "9" * 5000, "more than 4300 digits"),
    ("#" * (1024 * 1024 + 1), "larger than 1048576"),
    (TOML.replace("quota = 9", "quota = 9 = 9"), "TOML syntax error"),
])
def test_hostile_toml_is_one_line(text, words):
    with pytest.raises(DesignError) as info:
        parse_design(text, file="f.toml")
    assert words in str(info.value) and len(str(info.value).splitlines()) == 1
    assert str(info.value).startswith("f.toml")


def test_files_are_read_with_bounds(tmp_path):
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (1024 * 1024 + 1))
    cases = {"": "empty name", "/dev/zero": "not a regular file", str(tmp_path): "is a folder",
             str(big): "larger than 1048576 bytes", str(tmp_path / "no.toml"): "no such file"}
    if os.path.exists("/dev/null"):
        cases["/dev/null"] = "not a regular file"
    for ref, words in cases.items():
        with pytest.raises(DesignError, match=words):
            load_design(ref)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(DesignError, match="not a regular file"):
        load_design(fifo)  # a plain open() of a FIFO waits for a writer; ours must not


@pytest.mark.parametrize("args", [
    ("designs", "validate", "/dev/zero"),
    ("designs", "show", ""),
    ("designs", "show", "/"),
])
def test_cli_refuses_hostile_paths_in_one_line(args):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output


def test_cohort_offsets_match_a_brute_force_and_do_not_grow_with_the_term():
    from unsclab.elections import _least_loaded

    def brute(counts, term):  # the original rule: fewest seats, then the smallest offset
        return sorted(range(term), key=lambda o: (counts.get(o, 0), o))[0]

    rng = random.Random(7)
    for _ in range(500):
        term = rng.randint(1, 12)
        counts = {o: rng.randint(1, 3) for o in rng.sample(range(term), rng.randint(0, term))}
        assert _least_loaded(counts, term) == brute(counts, term)
    assert _least_loaded({0: 1, 1: 1}, 10**12) == 2  # no range(term) is built
