"""The Article 108 game: closed forms, the documented direction of every assumption, bad input."""

from __future__ import annotations

import itertools
import json
from fractions import Fraction

import pytest
from typer.testing import CliRunner

from unsclab.amend.analysis import Setup, setup
from unsclab.amend.apriori import membership_by_year, two_thirds
from unsclab.amend.changes import _with_extra_seat, coalition
from unsclab.amend.game import ga_threshold
from unsclab.amend.positions import load_positions
from unsclab.amend.support import Weights, support
from unsclab.cli.main import app
from unsclab.designs import load_design
from unsclab.errors import UnsclabError

runner = CliRunner()


def test_two_thirds_of_193_against_the_power_engine():
    from unsclab.power import coleman_act
    from unsclab.power.games import WeightedGame

    game = two_thirds(193)
    assert game.quota == 129 == ga_threshold(193)
    # the engine counts winning coalitions by generating functions, not by binomial sums
    assert game.coleman_act == coleman_act(WeightedGame([1] * 193, 129))


def test_two_thirds_against_brute_force():
    n, q = 13, 9
    wins = sum(1 for k in range(n + 1) for c in itertools.combinations(range(n), k) if k >= q)
    g = two_thirds(n)
    assert g.quota == q and g.winning == wins
    swings = sum(1 for c in itertools.combinations(range(1, n), q - 1))  # player 0 decisive
    assert g.banzhaf == Fraction(swings, 2 ** (n - 1))


def test_reform_grew_harder_with_membership():
    members = membership_by_year(1945, 2019)
    assert members[1945] == 51 and members[2019] == 193
    assert members[1963] == 113     # 113 members voted or could vote on 1991 A (UNDL record 664273)
    assert two_thirds(193).coleman_act < two_thirds(51).coleman_act / 100


def _everyone(tmp_path, family: str, support_value: float = 0.99):
    f = tmp_path / "all.toml"
    f.write_text("".join(
        f'[[bloc]]\nid = "all-{g}"\nmembers = "group:{g}"\nsource = "test"\n'
        f'[[position]]\nholder = "all-{g}"\nfamily = "{family}"\nsupport = {support_value}\n'
        f'source = "test"\n' for g in ("AG", "APG", "EEG", "GRULAC", "WEOG")), encoding="utf-8")
    return f


NEUTRAL = {"power": 0.0, "years": 0.0, "region": 0.0, "alignment": 0.0}


def _only(f):
    """The file's positions alone (no built-in ones), interest and alignment switched off."""
    return Setup(load_positions(f, builtin=False), Weights().with_(NEUTRAL), draws=500)


def test_a_design_everyone_prefers_passes(tmp_path):
    game = _only(_everyone(tmp_path, "elected")).play(
        _with_extra_seat(load_design("status-quo"), "AG"))
    assert game.p_ga == 1.0 and game.p_ratification > 0.95
    assert min(game.p5.values()) > 0.98


def test_removing_a_permanent_veto_fails_ratification(tmp_path):
    game = _only(_everyone(tmp_path, "veto-limit")).play(load_design("no-veto"))
    assert game.p_ga == 1.0               # the Assembly adopts it ...
    assert game.p_ratification < 0.01     # ... the permanent members do not all ratify
    assert max(game.p5.values()) < 0.5


@pytest.mark.parametrize("name, value, key, sign", [
    ("intercept", 1.0, "ga_yes_expected", +1),   # a lean toward yes adds yes votes
    ("position", 0.0, "ga_yes_expected", -1),    # without stances, G4 supporters count less
    ("veto_loss", 0.0, "p5_min", +1),            # no penalty for losing a veto: P5 ratify more
])
def test_an_assumption_moves_the_result_in_its_direction(name, value, key, sign):
    design = {"veto_loss": "two-vetoes"}.get(name, "g4-2005")

    def run(*extra):
        res = runner.invoke(app, ["amend", design, "--json", "--no-changes", "--draws", "300", *extra])
        assert res.exit_code == 0, res.output
        r = json.loads(res.stdout)
        r["p5_min"] = min(r["p5"].values())
        return r[key]

    assert sign * (run("--weight", f"{name}={value}") - run()) > 0


def test_seeded_runs_repeat():
    st = setup(draws=200, seed=7)
    a, b = st.play(load_design("ufc-2024")), st.play(load_design("ufc-2024"))
    assert (a.yes == b.yes).all() and a.p_ga == b.p_ga


def test_coalition_reaches_two_thirds_in_order_of_cost():
    st = setup()
    sup = support(load_design("kazakhstan-principles"), st.positions, st.weights)
    res = coalition(sup, ["KAZ", "QAT", "TUR"], 129)
    assert res["reached"] and res["steps"][-1]["joined"] == 129
    costs = [s["cost"] for s in res["steps"][1:]]
    assert costs == sorted(costs)


@pytest.mark.parametrize("args, words", [
    (["amend", "g4-2005", "--state", "XXX"], "unknown state 'XXX'"),
    (["amend", "g4-2005", "--threshold", "500"], "threshold 500 is impossible"),
    (["amend", "g4-2005", "--weight", "charm=2"], "unknown weight 'charm'"),
    (["amend", "g4-2005", "--weight", "alignment"], "expected NAME=NUMBER"),
    (["amend", "coalition", "g4-2005", "--partners", "KAZ,KAZ"], "listed twice"),
    (["amend", "coalition", "g4-2005", "--partners", "KAZ,XXX"], "--partners: unknown state 'XXX'"),
    (["amend", "no-such-design"], "no-such-design"),
])
def test_bad_input_is_one_line(args, words):
    res = runner.invoke(app, args)
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], res.stderr
    assert res.stdout == ""


@pytest.mark.parametrize("option", [["--draws", "0"], ["--seed", "-1"], ["--occupancy", "x"]])
def test_bad_options_are_refused_before_any_work(option):
    res = runner.invoke(app, ["amend", "g4-2005", *option])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1 and res.stdout == ""


def test_bad_positions_file_on_the_command_line(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text('[[position]]\nholder = "KAZ"\nfamily = "elected"\nsupport = -0.1\n'
                 'source = "x"\n', encoding="utf-8")
    res = runner.invoke(app, ["amend", "g4-2005", "--positions", str(f)])
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"error: {f}:4: position[1].support: expected a probability "
                                  "between 0 and 1, got -0.1")


def test_weights_from_a_positions_file(tmp_path):
    f = tmp_path / "w.toml"
    f.write_text("[weights]\nintercept = 2\n", encoding="utf-8")
    base = setup(draws=200).play(load_design("g4-2005")).ga_yes_expected
    assert setup((f,), draws=200).play(load_design("g4-2005")).ga_yes_expected > base
    f.write_text("[weights]\nundeclared = 3\n", encoding="utf-8")
    with pytest.raises(UnsclabError, match="weights.undeclared"):
        setup((f,))
