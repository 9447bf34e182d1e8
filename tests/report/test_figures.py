"""Figures: each draws, is labelled and carries a caption; the Pareto front is exact."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")

from unsclab.designs import load_design
from unsclab.report import figures
from unsclab.views import design_view

PNG = b"\x89PNG\r\n\x1a\n"


def _texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


def test_seat_diagram_has_one_marker_per_seat_and_caption():
    design = load_design("status-quo")
    fig = figures.seat_diagram(design)
    ax = fig.axes[0]
    # one scatter collection per seat
    assert len(ax.collections) == design.size
    text = _texts(fig)
    assert "Source:" in text and "status-quo" in text
    for code in ("CHN", "FRA", "RUS", "GBR", "USA"):
        assert code in text
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Holds a veto" in legend and "Permanent seat" in legend
    assert figures.to_png(fig).startswith(PNG)


def test_seat_diagram_marks_deferred_vetoes():
    fig = figures.seat_diagram(load_design("g4-2005"))
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "Veto deferred (not exercised)" in legend
    assert figures.to_svg(fig).startswith("<svg")


def test_group_power_and_pareto_and_years_draw():
    views = [design_view(load_design(i), replay=False)
             for i in ("status-quo", "charter-1945")]
    fig = figures.group_power(views[0])
    assert fig.axes[0].get_ylabel() and "Population" in _texts(fig)
    assert figures.to_png(fig).startswith(PNG)
    fig = figures.act_vs_equality(views)
    assert fig.axes[0].get_xlabel() == "Power to act (%)"
    assert figures.to_png(fig).startswith(PNG)
    fig = figures.years_per_decade([load_design("status-quo")], "USA")
    # a named permanent member sits every year: 10 per decade
    assert fig.axes[0].patches[0].get_width() == pytest.approx(10.0)
    figures.to_png(fig)


def test_replay_adoption_draws_series():
    fig = figures.replay_adoption({"a": [(2000, 0.5), (2001, 1.0)], "b": [(2000, 0.25)]})
    assert len(fig.axes[0].lines) == 2
    figures.to_png(fig)


def test_pareto_front_by_brute_force():
    pts = [(0.1, 0.9), (0.2, 0.5), (0.05, 0.95), (0.1, 0.4), (0.2, 0.5)]
    front = figures.pareto_front(pts)
    # by hand, both coordinates maximised: (0.1, 0.4) is beaten by (0.1, 0.9); the duplicates
    # (0.2, 0.5) dominate nothing of each other; returned by increasing first coordinate
    assert front == [2, 0, 1, 4]
    # and against the definition, on seeded random points with many ties
    import random

    rng = random.Random(3)
    for _ in range(50):
        pts = [(rng.randint(0, 5) / 5, rng.randint(0, 5) / 5) for _ in range(rng.randint(1, 25))]
        expected = [i for i, (x, y) in enumerate(pts)
                    if not any(a >= x and b >= y and (a, b) != (x, y) for a, b in pts)]
        got = figures.pareto_front(pts)
        assert sorted(got) == expected
        assert [pts[i][0] for i in got] == sorted(pts[i][0] for i in got)


def test_years_per_decade_refuses_unknown_state():
    from unsclab.errors import UnsclabError

    with pytest.raises(UnsclabError, match="unknown state code"):
        figures.years_per_decade([load_design("status-quo")], "XXX")


def test_replay_adoption_draws_the_record_dashed():
    rows = [{"year": 2000, "adoption_rate": 0.9, "historical_rate": 0.8, "decisions": 10},
            {"year": 2001, "adoption_rate": 1.0, "historical_rate": 0.9, "decisions": 5}]
    fig = figures.replay_adoption({"a": rows, "b": rows}, since=2000, draws=50, seed=3)
    lines = fig.axes[0].lines
    recorded = [ln for ln in lines if ln.get_label() == "Recorded (history)"]
    assert len(recorded) == 1 and recorded[0].get_linestyle() != "-"
    assert list(recorded[0].get_ydata()) == [0.8, 0.9]
    assert "50 draws, seed 3" in _texts(fig)
    figures.to_png(fig)


# -- figures a journal would print: read back the rendered text ---------------------------------

def _all_figures():
    from unsclab.evaluate import evaluate_design, occupancy_for

    ids = ("status-quo", "g4-2005", "ezulwini-2005", "ufc-2005", "two-vetoes",
           "kazakhstan-principles", "no-veto", "hlp-2004-a")
    views = [design_view(load_design(i), replay=False) for i in ids]
    designs = [load_design(i) for i in ids]
    yield "seats", figures.seat_diagram(designs[2])
    yield "groups", figures.group_power(views[1])
    yield "act", figures.act_vs_equality(views)
    yield "years", figures.years_per_decade(designs[:5], "IND")
    # a narrow range of rates: percent ticks must not repeat ("2.4%, 2.4%, 2.5%")
    yield "replay", figures.replay_adoption(
        {"a": [(y, 0.95 + 0.001 * (y % 3)) for y in range(1990, 2026)],
         "b": [(y, 0.952) for y in range(1990, 2026)]}, since=1990, draws=10, seed=1)
    from unsclab.report.compare import compare_axes

    evs = [evaluate_design(d, occupancy=occupancy_for(d, "uniform")) for d in designs]
    yield "compare", compare_axes(evs, state="IND")


@pytest.fixture(scope="module")
def rendered():
    return list(_all_figures())


def test_no_tick_label_repeats_on_an_axis(rendered):
    for name, fig in rendered:
        assert figures.duplicate_ticks(fig) == [], name


def test_no_two_texts_overlap(rendered):
    for name, fig in rendered:
        assert figures.overlapping_texts(fig) == [], name


def test_one_name_and_unit_per_quantity(rendered):
    labels = {name: " | ".join(a.get_xlabel() + " / " + a.get_ylabel() for a in fig.axes)
              for name, fig in rendered}
    assert "Power to act (%)" in labels["act"] and "Power to act (%" in labels["compare"]
    assert "Distance from Penrose's ideal" in labels["act"]
    assert "Distance from Penrose's ideal" in labels["compare"]
    assert not any("1 −" in v or "Coleman" in v for v in labels.values())


def test_designs_do_not_wear_the_groups_colours(rendered):
    from matplotlib.colors import to_hex

    from unsclab.report import style

    groups = {c.lower() for c in style.GROUP_COLOURS.values()}
    assert not groups & {c.lower() for c in style.DESIGN_COLOURS}
    fig = dict(rendered)["compare"]
    scatter = fig.axes[1].collections
    assert scatter and all(to_hex(c.get_facecolor()[0]) not in groups for c in scatter)
