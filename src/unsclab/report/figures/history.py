"""Figures of time: a state's years on the Council, and history replayed."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from unsclab.designs.model import Design
from unsclab.quantities import quantity
from unsclab.report import style
from unsclab.report.figures.common import percent_axis, plt_, version

__all__ = ["years_per_decade", "replay_adoption"]


def years_per_decade(designs: Sequence[Design], iso3: str, *, title: str | None = None,
                     width: float = 7.0, occupancy=None, occupancy_note: str | None = None):
    """Expected years per decade that state ``iso3`` sits on the Council, by design.

    ``occupancy`` is a function ``design -> Occupancy``; by default uniform rotation within
    the seat pools (:func:`unsclab.occupancy.uniform_occupancy`). The caption names the method
    (``occupancy_note`` where given, e.g. with the draws and seed of the elections model). A
    named holder of a permanent seat sits 10 years in 10.
    """
    plt = plt_()
    from unsclab import states
    from unsclab.errors import UnsclabError
    from unsclab.occupancy import uniform_occupancy

    code = iso3.strip().upper()
    if not states.known_state(code):
        raise UnsclabError(f"unknown state code {iso3!r}; expected an ISO3 code such as 'IND'",
                           field="state")
    occ = occupancy or uniform_occupancy
    name = states.state(code).name
    group = states.state(code).group
    values = []
    method = None
    for d in designs:
        o = occ(d)
        method = o.method
        values.append(float(o.years_per_decade(code)))
    fig, ax = plt.subplots(figsize=(width, 0.9 + 0.38 * max(3, len(designs))))
    ys = list(range(len(designs)))[::-1]
    ax.barh(ys, values, color=style.group_colour(group), edgecolor="black", linewidth=0.6,
            height=0.65)
    for y, v in zip(ys, values):
        ax.text(v + 0.1, y, f"{v:.2f}", va="center", fontsize=7.5)
    ax.set_yticks(ys, [d.id for d in designs])
    ax.set_xlim(0, 10.9)
    ax.set_xticks(range(0, 11, 2))
    ax.set_xlabel(quantity("years_per_decade").name)
    ax.axvline(10, color="#999999", linewidth=0.8, linestyle=":")
    ax.set_title(title or f"{name} ({code}): expected years on the Council per decade",
                 loc="left")
    style.add_caption(
        fig,
        f"Occupancy: {occupancy_note or method or 'uniform rotation within group'}"
        + (" — each eligible state of a seat's group holds it for the same share of time (a "
           "simplification)" if method != "elections" else
           " — simulated General Assembly elections, not a forecast")
        + ". Named permanent holders sit 10 years in 10. "
        f"Groups: UN regional groups (mledoze/countries). Figure: unsclab {version()}.",
    )
    return fig


def replay_adoption(series: Mapping[str, Sequence[Any]], *, recorded: Sequence[tuple[int, float]] | None = None,
                    since: int | None = None, draws: int | None = None, seed: int | None = None,
                    title: str | None = None, width: float = 7.0, source: str = ""):
    """Share of drafts adopted per year under each design, against the recorded share.

    ``series`` maps a design id to its points: ``(year, adoption rate)`` pairs (rates between
    0 and 1), or the ``by_year`` rows of :func:`unsclab.replay.replay_summary` (``year``,
    ``adoption_rate``, ``historical_rate``, ``decisions``). ``recorded`` is the share the
    Council really adopted, as pairs; by default the ``historical_rate`` of the first series
    of ``by_year`` rows (the same for every design). It is drawn as a dashed black line.
    ``since`` marks the first year of the totals quoted beside the figure; ``draws`` and
    ``seed`` are named in the caption, ``source`` too.
    """
    plt = plt_()

    def pairs(points):
        return sorted((int(p["year"]), float(p["adoption_rate"])) if isinstance(p, Mapping)
                      else (int(p[0]), float(p[1])) for p in points)

    if recorded is None:
        for points in series.values():
            if points and isinstance(points[0], Mapping) and "historical_rate" in points[0]:
                recorded = [(int(p["year"]), float(p["historical_rate"])) for p in points]
                break
    fig, ax = plt.subplots(figsize=(width, width * 0.5))
    low = 1.0
    for i, (design_id, points) in enumerate(series.items()):
        pts = pairs(points)
        if pts:
            low = min(low, min(p[1] for p in pts))
        # black is the record's colour when it is drawn: the designs take the others
        ax.plot([p[0] for p in pts], [p[1] for p in pts],
                color=style.design_colour(i + 1 if recorded else i), linewidth=1.4,
                label=design_id, marker=style.design_marker(i), markersize=3,
                markevery=max(1, len(pts) // 8), zorder=2)
    if recorded:
        rec = sorted(recorded)
        low = min(low, min(p[1] for p in rec))
        ax.plot([p[0] for p in rec], [p[1] for p in rec], color="black", linewidth=1.1,
                linestyle=(0, (4, 2)), label="Recorded (history)", zorder=3)
    if since is not None:
        ax.axvline(since, color="#999999", linewidth=0.8, linestyle=":", zorder=1)
        ax.annotate(f"totals from {since} →", (since, 0.02), xytext=(3, 0),
                    textcoords="offset points", xycoords=("data", "axes fraction"),
                    fontsize=7, color="#555555", va="bottom", ha="left")
    from matplotlib.ticker import MaxNLocator

    years = [p[0] for pts in series.values() for p in pairs(pts)] + [p[0] for p in recorded or ()]
    if years:  # whole years, and no tick on the corner the percentages share
        ax.set_xlim(min(years) - 1.5, max(years) + 1.5)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    bottom = max(0.0, math.floor(low * 10) / 10 - 0.05) if series or recorded else 0.0
    ax.set_ylim(bottom, 1.02)
    percent_axis(ax.yaxis)
    ax.set_xlabel("Year")
    ax.set_ylabel(f"{quantity('adoption_rate').name} (%)")
    ax.grid(True, axis="y", color="#EEEEEE", linewidth=0.6)
    if series or recorded:
        # beside the plot: the lines fill every corner of it
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7.5, borderaxespad=0)
    ax.set_title(title or "History replayed: share of drafts adopted per year", loc="left")
    mc = f" Expected share (mean probability of adoption over {draws} draws, seed {seed})." \
        if draws else ""
    style.add_caption(
        fig,
        f"Replay of the Council's recorded votes under each design{': ' + source if source else ''}."
        f"{mc} Votes of states that did not sit are predicted (GA alignment vote model) and "
        "new or empty seats are filled by the elections model. Dashed: "
        "the share of drafts the Council really adopted (Sciences Po, \"UNSC votes since "
        "1946\", with the record's corrections). "
        f"Figure: unsclab {version()}.",
    )
    return fig
