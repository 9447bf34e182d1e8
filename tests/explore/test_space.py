"""Search space files: validation, errors, enumeration, sampling, designs rebuilt from rows."""

from __future__ import annotations

import pytest

from unsclab.designs import design_to_toml, parse_design
from unsclab.explore import SpaceError, load_space, parse_space

from pathlib import Path

SMALL = Path(__file__).resolve().parents[2] / "examples" / "explore-small.toml"


def _error(text: str) -> str:
    with pytest.raises(SpaceError) as info:
        parse_space(text, "bad.toml").candidates()
    msg = str(info.value)
    return msg


def test_small_example_loads():
    space = load_space(SMALL)
    table, info = space.candidates()
    assert info["mode"] == "enumerated" and len(table) == info["candidates"] > 0
    assert table["id"].is_unique


def test_impossible_constraint(tiny_text):
    text = tiny_text + '\n[[constraints]]\nexpr = "seats_AG >= 40"\n'
    msg = _error(text)
    line = text.splitlines().index('expr = "seats_AG >= 40"') + 1
    assert msg.startswith(f"bad.toml:{line}: constraints[1].expr: impossible constraint")
    assert "seats_AG ranges from 3 to 5" in msg
    assert "\n" not in msg


def test_jointly_impossible_constraints(tiny_text):
    text = tiny_text + ('\n[[constraints]]\nexpr = "size <= 15"\n'
                        '\n[[constraints]]\nexpr = "seats_AG >= 5"\n')
    msg = _error(text)
    assert "constraints: no design in the space satisfies all the constraints together" in msg


def test_unknown_objective(tiny_text):
    text = tiny_text.replace('name = "penrose_distance"', 'name = "penrose_dist"')
    msg = _error(text)
    line = text.splitlines().index('name = "penrose_dist"') + 1
    assert msg.startswith(f"bad.toml:{line}: objectives[2].name: unknown objective 'penrose_dist'")
    assert "\n" not in msg


def test_bad_objective_parameter(tiny_text):
    text = tiny_text.replace('bloc = "SWP-middle-powers"', 'bloc = "nonsense"')
    msg = _error(text)
    assert "objectives[3].bloc: unknown bloc 'nonsense'" in msg


def test_empty_choice_list(tiny_text):
    text = tiny_text.replace("count = [3, 4]", "count = []")
    msg = _error(text)
    line = text.splitlines().index("count = []") + 1
    assert msg == (f"bad.toml:{line}: seats[3].count: expected at least one choice; "
                   "an empty list leaves nothing to search")


def test_empty_range(tiny_text):
    msg = _error(tiny_text.replace("{min = 2, max = 4}", "{min = 4, max = 2}"))
    assert "seats[2].count: empty range: min 4 is above max 2" in msg


def test_space_with_no_valid_council(tiny_text):
    text = tiny_text.replace('quota_fraction = [0.6, 0.67]', 'quota = [40]')
    msg = _error(text)
    assert "seats: the space is empty" in msg


def test_unknown_name_and_bad_syntax(tiny_text):
    msg = _error(tiny_text + '\n[[constraints]]\nexpr = "seats_africa >= 4"\n')
    assert "constraints[1].expr: unknown name 'seats_africa'" in msg
    msg = _error(tiny_text + '\n[[constraints]]\nexpr = "size <="\n')
    assert "constraints[1].expr: cannot parse 'size <='" in msg
    msg = _error(tiny_text + '\n[[constraints]]\nexpr = "__import__(\'os\')"\n')
    assert "constraints[1].expr: only abs(), min() and max() may be called" in msg


def test_unknown_key_and_missing_objectives(tiny_text):
    msg = _error(tiny_text.replace("budget = 1000", "budgett = 1000"))
    assert "search.budgett: unknown key" in msg
    head = tiny_text.split("[[objectives]]")[0]
    assert "objectives: required field is missing" in _error(head)


def test_elected_veto_refused(tiny_text):
    text = tiny_text.replace('group = "APG"\n', 'group = "APG"\nveto = true\n')
    assert "seats[2].veto: elected seats cannot hold a veto" in _error(text)


def test_missing_file(tmp_path):
    with pytest.raises(SpaceError, match="no such file"):
        load_space(tmp_path / "nope.toml")


def test_designs_rebuilt_from_rows_and_unique(tiny_text):
    space = parse_space(tiny_text, "tiny.toml")
    table, info = space.candidates()
    designs = [space.design(r) for r in table.to_dict("records")]
    assert len({d.id for d in designs}) == len(designs)
    bodies = {design_to_toml(d.replace(id="x", name="x", summary="")) for d in designs}
    assert len(bodies) == len(designs)  # no duplicate councils under two ids
    for d in designs[:10]:
        assert parse_design(design_to_toml(d)) == d
    # duplicates were removed: the permanent seat's veto flag only with a seat and a veto rule
    none = table[table["veto"] == "none"]
    assert not none["permanent-ag.veto"].any()
    assert not table[table["permanent-ag.count"] == 0]["permanent-ag.veto"].any()


def test_veto_rules_make_the_right_designs(tiny_text):
    space = parse_space(tiny_text, "tiny.toml")
    row = {"veto": "two", "quota_fraction": 0.6, "permanent-ag.count": 1, "permanent-ag.veto": True,
           "elected-apg.count": 2, "elected-ag.count": 3, "elected-eeg.count": 1,
           "elected-grulac.count": 2, "elected-weog.count": 2}
    for d in space.dims:
        row.setdefault(d.name, d.values[0])
    d = space.design(row)
    # 5 P5 + 1 African permanent + 2 + 3 + 1 + 2 + 2 elected = 16 seats; quota ceil(0.6 * 16) = 10
    assert d.size == 16 and d.rule.quota == 10
    assert set(d.rule.veto.classes) == {"permanent", "permanent-ag"} and d.rule.veto.negatives == 2
    d = space.design({**row, "veto": "none"})
    assert d.rule.veto.classes == ()


def test_seeded_sampling_repeats(tiny_text):
    space = parse_space(tiny_text, "tiny.toml")
    a, info = space.candidates(seed=11, budget=20)
    b, _ = space.candidates(seed=11, budget=20)
    c, _ = space.candidates(seed=12, budget=20)
    assert info["mode"] == "sampled" and len(a) == 20
    assert a.equals(b)
    assert list(a["id"]) != list(c["id"])


def test_rejection_sampling_of_a_large_space(tiny_text, monkeypatch):
    import unsclab.explore.space as sp

    monkeypatch.setattr(sp, "ENUMERATE_LIMIT", 10)
    space = parse_space(tiny_text + "\n", "tiny.toml")  # new text: not the cached Space
    a, info = space.candidates(seed=4, budget=15)
    b, _ = space.candidates(seed=4, budget=15)
    assert info["mode"] == "sampled" and info["feasible"] is None
    assert a.equals(b) and a["id"].is_unique and len(a) == 15


def test_tiny_space_counts_by_hand(tiny_text):
    """3 veto rules x 2 quota fractions x (count, veto flag) of the African permanent seat x 3 APG
    counts x 2 AG counts = 3 * 2 * 4 * 3 * 2 = 144 combinations. The veto flag means nothing
    without the seat or without a veto rule, so (rule, count, flag) gives 2 distinct councils
    under "none" and 1 + 2 = 3 under "one" and under "two": 8, times 2 * 3 * 2 = 96."""
    table, info = parse_space(tiny_text, "tiny.toml").candidates()
    assert info["combinations"] == 144
    assert info["mode"] == "enumerated" and len(table) == info["candidates"] == 96
