"""The Design model, TOML round trips and the catalogue."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsclab.designs import (
    Design,
    catalog_ids,
    design_to_toml,
    load_catalog,
    load_design,
    parse_design,
    save_design,
)
from unsclab.errors import DesignError
from unsclab.groups import GROUPS


def test_status_quo_matches_charter_and_res_1991():
    # Charter Art. 23 (as amended 1965) and GA res. 1991 A (XVIII): 5 permanent + 10 elected,
    # elected seats 3 AG (practice) + 2 APG + 1 EEG + 2 GRULAC + 2 WEOG; Art. 27: 9 votes.
    d = load_design("status-quo")
    assert d.size == 15
    assert d.count_by_kind() == {"permanent": 5, "long-term": 0, "elected": 10}
    by_group = {c.group: c.count for c in d.seats if c.kind == "elected"}
    assert by_group == {"AG": 3, "APG": 2, "EEG": 1, "GRULAC": 2, "WEOG": 2}
    assert d.rule.quota == 9 and d.rule.procedural == 9
    assert set(d.named_holders) == {"CHN", "FRA", "RUS", "GBR", "USA"}


def test_charter_1945_council():
    # Original Art. 23 and 27: 11 members, 5 permanent, 6 elected; 7 affirmative votes.
    d = load_design("charter-1945")
    assert (d.size, d.count_by_kind()["permanent"], d.rule.quota) == (11, 5, 7)


def test_catalogue_has_at_least_twelve_designs_each_with_sources():
    designs = load_catalog()
    assert len(designs) >= 12, [d.id for d in designs]
    for d in designs:
        assert d.sources, d.id
        assert d.status in ("historical", "in-force", "tabled", "proposed", "hypothetical")


@pytest.mark.parametrize("design_id", catalog_ids())
def test_every_catalogue_design_round_trips(design_id, tmp_path):
    d = load_design(design_id)
    assert parse_design(design_to_toml(d)) == d
    path = save_design(d, tmp_path / f"{design_id}.toml")
    assert load_design(path) == d


def test_load_by_path_and_unknown_reference(tmp_path):
    with pytest.raises(DesignError, match="no catalogue design 'nonesuch'"):
        load_design("nonesuch")
    with pytest.raises(DesignError, match="no such file"):
        load_design(tmp_path / "missing.toml")


BASE = """\
id = "mine"
name = "My council"
year = 2030
status = "hypothetical"

[rule]
quota = 9

[rule.veto]
classes = ["permanent"]

[[seats]]
id = "permanent"
kind = "permanent"
count = 5
holders = ["CHN", "FRA", "RUS", "GBR", "USA"]

[[seats]]
id = "elected"
kind = "elected"
count = 10
group = "open"
term_years = 2

[[sources]]
title = "A test"
"""


def _problem(text: str):
    with pytest.raises(DesignError) as info:
        parse_design(text, file="bad.toml")
    return info.value.problems


def test_base_design_is_valid():
    assert parse_design(BASE).size == 15


def test_toml_syntax_error_names_file_and_line():
    (p,) = _problem(BASE.replace('quota = 9', 'quota = = 9'))
    assert p.file == "bad.toml" and p.line == 7 and "TOML syntax error" in p.message


def test_unknown_key_is_refused_with_its_line():
    (p,) = _problem(BASE.replace("quota = 9", "quota = 9\nquorum = 3"))
    assert p.field == "rule.quorum" and p.line == 8 and "unknown key" in p.message


def test_quota_larger_than_council():
    (p,) = _problem(BASE.replace("quota = 9", "quota = 16"))
    assert p.field == "rule.quota" and p.line == 7
    assert "between 1 and the council's 15 seats, got 16" in p.message


def test_negative_count():
    (p,) = _problem(BASE.replace("count = 10", "count = -2"))
    assert p.field == "seats[2].count" and p.line == 21
    assert "from 1 to 193 (one per UN member state at most), got -2" in p.message


def test_veto_naming_a_missing_class():
    (p,) = _problem(BASE.replace('classes = ["permanent"]', 'classes = ["permanents"]'))
    assert p.field == "rule.veto.classes" and p.line == 10
    assert "no seat class 'permanents'" in p.message


def test_group_that_is_not_a_un_regional_group():
    (p,) = _problem(BASE.replace('group = "open"', 'group = "ASIA"'))
    assert p.field == "seats[2].group" and p.line == 22
    assert all(g in p.message for g in GROUPS)


def test_unknown_holder_and_holder_of_wrong_group():
    problems = _problem(BASE.replace('"USA"]', '"XYZ"]'))
    assert any("unknown state code 'XYZ'" in p.message for p in problems)
    wrong = BASE.replace('group = "open"\nterm', 'group = "AG"\nholders = ["JPN"]\nterm')
    (p,) = _problem(wrong)
    assert "JPN belongs to APG" in p.message


def test_several_problems_are_all_reported():
    text = BASE.replace("quota = 9", "quota = 99").replace("count = 10", "count = 0")
    fields = {p.field for p in _problem(text)}
    assert "seats[2].count" in fields


def test_save_leaves_nothing_behind_when_it_fails(tmp_path):
    d = load_design("status-quo")
    missing_dir = tmp_path / "no" / "such" / "dir"
    with pytest.raises(OSError):
        save_design(d, missing_dir / "x.toml")
    assert list(tmp_path.iterdir()) == []


# -- property: any valid generated design round-trips -------------------------------------

@st.composite
def designs(draw):
    n_classes = draw(st.integers(1, 5))
    seats = []
    for i in range(n_classes):
        kind = draw(st.sampled_from(["permanent", "long-term", "elected"]))
        seat = {"id": f"c{i}", "kind": kind, "count": draw(st.integers(1, 12)),
                "group": draw(st.sampled_from((*GROUPS, "open")))}
        if kind != "permanent":
            seat["term_years"] = draw(st.integers(1, 10))
            seat["re_eligible"] = draw(st.booleans())
        seats.append(seat)
    size = sum(s["count"] for s in seats)
    veto_classes = draw(st.lists(st.sampled_from([s["id"] for s in seats]), unique=True))
    holders = sum(s["count"] for s in seats if s["id"] in veto_classes)
    rule = {"quota": draw(st.integers(1, size)),
            "veto": {"classes": veto_classes,
                     "negatives": draw(st.integers(1, holders)) if holders else 1}}
    return {"id": "gen", "name": "Generated", "year": 2030, "status": "hypothetical",
            "seats": seats, "rule": rule, "sources": [{"title": "generated"}]}


@settings(max_examples=60, deadline=None)
@given(designs())
def test_generated_designs_round_trip(data):
    d = Design.model_validate(data)
    assert parse_design(design_to_toml(d)) == d


def test_holders_scenario_fills_unnamed_permanent_seats_by_group():
    g4, unplaced = load_design("g4-2005").with_holders(["BRA", "DEU", "IND", "JPN", "NGA", "ZAF", "KAZ"])
    assert unplaced == ["KAZ"]  # the two Asia-Pacific seats went to India and Japan first
    held = {h for c in g4.seats if c.kind == "permanent" for h in c.holders}
    assert held == {"CHN", "FRA", "RUS", "GBR", "USA", "BRA", "DEU", "IND", "JPN", "NGA", "ZAF"}
    assert g4.id == "g4-2005-holders" and "Scenario" in g4.assumptions[-1].note
    assert g4.size == 25 and g4.rule == load_design("g4-2005").rule
    same, left = load_design("status-quo").with_holders(["IND"])
    assert same == load_design("status-quo") and left == ["IND"]
    with pytest.raises(DesignError, match="unknown state code 'XYZ'"):
        load_design("g4-2005").with_holders(["XYZ"])


def test_holders_scenario_population_with_a_permanent_seat():
    # Independent count from the committed members table (World Bank SP.POP.TOTL, 2024).
    import csv
    from importlib import resources

    from unsclab.evaluate import evaluate_design
    from unsclab.occupancy import uniform_occupancy

    rows = list(csv.DictReader(resources.files("unsclab.data").joinpath("members.csv")
                               .read_text(encoding="utf-8").splitlines()))
    pop = {r["iso3"]: int(r["population"]) for r in rows}
    holders = ["CHN", "FRA", "RUS", "GBR", "USA", "BRA", "DEU", "IND", "JPN", "NGA", "ZAF"]
    expected = sum(pop[h] for h in holders) / sum(pop.values())
    design, _ = load_design("g4-2005").with_holders(holders[5:])
    ev = evaluate_design(design, occupancy=uniform_occupancy(design))
    assert ev.representation["population_with_permanent_seat"] == pytest.approx(expected)
