"""Figures of power: by regional group, and power to act against representation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from unsclab.quantities import quantity
from unsclab.report import style
from unsclab.report.figures.common import (label_points, occupancy_words, percent_axis, plt_,
                                           version)

__all__ = ["group_power", "act_vs_equality", "pareto_front"]


def group_power(view: Mapping[str, Any], *, title: str | None = None, width: float = 7.0):
    """Power by UN regional group against membership and population shares (grouped bars).

    ``view`` is :func:`unsclab.views.design_view` of one design: its ``groups`` rows
    give each group's share of UN membership, of the member states' population, of the seats
    (expected) and of normalised Banzhaf power (expected; unnamed seats filled as the view's
    ``occupancy_method`` says, named in the caption).
    """
    plt = plt_()

    rows = view.get("groups") or []
    design = view["design"]
    fig, ax = plt.subplots(figsize=(width, width * 0.5))
    series = [
        ("membership_share", quantity("membership_share").name, "#DDDDDD", None),
        ("population_share", quantity("population_share").name, "#999999", None),
        ("seat_share", quantity("seat_share").name, "white", "///"),
        ("power_share", "Share of Banzhaf power", None, None),
    ]
    n = len(series)
    barw = 0.8 / n
    xs = list(range(len(rows)))
    for j, (key, label, colour, hatch) in enumerate(series):
        vals = [r.get(key) or 0.0 for r in rows]
        pos = [x - 0.4 + barw * (j + 0.5) for x in xs]
        if colour is None:  # power: each group in its own colour
            colours = [style.group_colour(r["group"]) for r in rows]
            ax.bar(pos, vals, barw, color=colours, edgecolor="black", linewidth=0.6, label=label)
        else:
            ax.bar(pos, vals, barw, color=colour, edgecolor="#555555", linewidth=0.6,
                   hatch=hatch, label=label)
        if key == "power_share":
            for p, v in zip(pos, vals):
                ax.text(p, v + 0.008, f"{v:.1%}", ha="center", va="bottom", fontsize=6.5)
    ax.set_xticks(xs, [f"{r['group']}\n{_SHORT_GROUP.get(r['group'], '')}" for r in rows],
                  fontsize=7.5)
    ax.set_ylabel("Share of the whole")
    percent_axis(ax.yaxis)
    top = max([r.get(k) or 0 for r in rows for k, *_ in series] + [0.1])
    ax.set_ylim(0, top * 1.12)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=4, fontsize=7.5,
              handlelength=1.5, columnspacing=1.2, borderaxespad=0.3)
    ax.set_title(title or f"{design['name']}: power by regional group", loc="left", pad=24)
    style.add_caption(
        fig,
        "Power: normalised Banzhaf index of each seat (binary a-priori model), summed over the "
        f"states of a group; unnamed seats: {occupancy_words(view)}; permanent "
        "members counted in their own group. Population: World Bank SP.POP.TOTL (latest year); "
        f"groups: UN regional groups (mledoze/countries). Design: {design['id']}. "
        f"Figure: unsclab {version()}.",
    )
    return fig


_SHORT_GROUP = {
    "AG": "African",
    "APG": "Asia-Pacific",
    "EEG": "Eastern European",
    "GRULAC": "Latin American\n& Caribbean",
    "WEOG": "Western European\n& others",
}


def pareto_front(points: Sequence[tuple[float, float]]) -> list[int]:
    """Indices of the points not dominated when both coordinates are to be maximised.

    A point is dominated when another is at least as good on both coordinates and better on
    one. Returned in increasing order of the first coordinate.

    >>> pareto_front([(0.1, 0.9), (0.2, 0.5), (0.05, 0.95), (0.1, 0.4)])
    [2, 0, 1]
    """
    keep = []
    for i, (x, y) in enumerate(points):
        dominated = any(
            (x2 >= x and y2 >= y) and (x2 > x or y2 > y) for j, (x2, y2) in enumerate(points)
            if j != i
        )
        if not dominated:
            keep.append(i)
    return sorted(keep, key=lambda i: (points[i][0], -points[i][1]))


def act_vs_equality(views: Sequence[Mapping[str, Any]], *, title: str | None = None,
                    width: float = 7.0):
    """Designs on power to act (x) against the distance from Penrose's ideal (y, reversed so
    that up is fairer), with the Pareto front.

    Power to act is Coleman's (1971) power of the collectivity to act; the distance is the
    Penrose square-root distance of :mod:`unsclab.metrics` (0: every citizen of the world has
    the same indirect power). The front joins the designs that no other design beats on both:
    more power to act and a smaller distance.
    """
    plt = plt_()
    pts, labels = [], []
    for v in views:
        act = (v.get("power") or {}).get("ability_to_act")
        dist = (v.get("representation") or {}).get("penrose_distance")
        if act is None or dist is None:
            continue
        key = (round(act, 12), round(dist, 12))
        same = [i for i, p in enumerate(pts) if (round(p[0], 12), round(p[1], 12)) == key]
        if same:  # identical results: one point, both names
            labels[same[0]] += ", " + v["design"]["id"]
            continue
        pts.append((act, dist))
        labels.append(v["design"]["id"])
    fig, ax = plt.subplots(figsize=(width, width * 0.62))
    front = pareto_front([(x, -y) for x, y in pts])
    if len(front) > 1:
        ax.plot([pts[i][0] for i in front], [pts[i][1] for i in front], color=style.ACCENT,
                linewidth=1.5, zorder=1, label="Pareto front")
    on_front = set(front)
    for i, (x, y) in enumerate(pts):
        ax.scatter([x], [y], s=42, zorder=3,
                   color=style.ACCENT if i in on_front else "#555555",
                   edgecolors="black", linewidths=0.6)
    if pts:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        dx = (max(xs) - min(xs)) or max(xs) or 0.01
        dy = (max(ys) - min(ys)) or 0.05
        ax.set_xlim(max(0, min(xs) - 0.08 * dx), max(xs) + 0.25 * dx)
        ax.set_ylim(max(ys) + 0.1 * dy, min(ys) - 0.15 * dy)  # reversed: fairer is higher
    label_points(ax, pts, labels)
    if front:
        ax.scatter([], [], s=42, color=style.ACCENT, edgecolors="black", linewidths=0.6,
                   label="On the front")
        ax.scatter([], [], s=42, color="#555555", edgecolors="black", linewidths=0.6,
                   label="Dominated")
    ax.set_xlabel(f"{quantity('coleman_act').name} (%)")
    ax.set_ylabel(f"{quantity('penrose_distance').name} (0 = fairest)")
    percent_axis(ax.xaxis)
    if not pts:
        ax.text(0.5, 0.5, "No design with power results", transform=ax.transAxes,
                ha="center", va="center", color="#777777")
    ax.grid(True, color="#EEEEEE", linewidth=0.6)
    ax.legend(loc="best")
    ax.set_title(title or "Power to act against representation", loc="left")
    style.add_caption(
        fig,
        "Power to act: Coleman (1971), the share of the 2^n yes/no profiles of the seats that "
        "adopt a substantive decision. Distance from Penrose's ideal: Penrose (1946) "
        "square-root law, half the sum of the differences between states' Banzhaf power "
        "shares and their shares of √population (World Bank SP.POP.TOTL); unnamed seats: "
        f"{occupancy_words(views[0]) if views else '—'}. The vertical axis is reversed: up and "
        f"right is better on both. Figure: unsclab {version()}.",
    )
    return fig
