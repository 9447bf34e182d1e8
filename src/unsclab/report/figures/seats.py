"""The seat diagram: a design's seats on the Council's horseshoe table."""

from __future__ import annotations

import math
from typing import Any

from unsclab.designs.model import Design
from unsclab.report import style
from unsclab.report.figures.common import KIND_RANK, design_source, plt_, version

__all__ = ["seat_diagram"]


def _seat_group(seat) -> str:
    """A seat's colour group: the named holder's regional group, else the class's group."""
    if seat.holder:
        from unsclab import states

        if states.known_state(seat.holder):
            group = states.state(seat.holder).group
            if group:
                return group
    return seat.group


def _horseshoe_order(design: Design) -> list:
    """Seats in their place along the horseshoe, left end to right end.

    Permanent seats sit at the centre of the curve, then long-term seats, then elected seats
    towards the two ends; within a kind, seats are sorted by regional group so that each group
    reads as a block. Each kind is split in two halves, one on each side, to keep the figure
    symmetric.
    """
    by_kind: dict[str, list] = {k: [] for k in KIND_RANK}
    for seat in design.seat_list():
        by_kind[seat.kind].append(seat)
    left: list = []
    right: list = []
    from unsclab.groups import GROUPS

    order = {g: i for i, g in enumerate((*GROUPS, "open"))}
    for kind in KIND_RANK:
        seats = sorted(by_kind[kind], key=lambda s: (not s.holder, order.get(_seat_group(s), 9),
                                                     s.seat_class, s.index))
        half = len(seats) // 2
        left = list(reversed(seats[:half])) + left
        right = right + seats[half:]
    return left + right


def _horseshoe_points(n: int, radius: float = 1.0, arm: float = 0.9):
    """``n`` evenly spaced points along a U open at the bottom (arms, then the top curve).

    Returns (x, y, nx, ny): positions and outward unit normals.
    """
    total = 2 * arm + math.pi * radius
    step = total / n
    out = []
    for i in range(n):
        s = (i + 0.5) * step
        if s < arm:  # left arm, going up
            x, y, nx, ny = -radius, -arm + s, -1.0, 0.0
        elif s < arm + math.pi * radius:  # the curve, left to right over the top
            t = (s - arm) / radius  # 0 .. pi
            angle = math.pi - t
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            nx, ny = math.cos(angle), math.sin(angle)
        else:  # right arm, going down
            x, y, nx, ny = radius, -(s - arm - math.pi * radius), 1.0, 0.0
        out.append((x, y, nx, ny))
    return out


def _rule_text(design: Design) -> str:
    rule = design.rule
    veto = rule.veto
    lines = [f"{design.size} seats", f"quota {rule.quota} of {design.size}"]
    if rule.weighted_quota is not None:
        lines.append(f"and weight {rule.weighted_quota} of {design.total_weight}")
    if veto.classes:
        holders = sum(c.count for c in design.seats if c.id in veto.classes)
        need = "1 negative vote" if veto.negatives == 1 else f"{veto.negatives} negative votes"
        lines.append(f"veto: {holders} holders, {need}")
    else:
        lines.append("no veto")
    if veto.deferred:
        deferred = sum(c.count for c in design.seats if c.id in veto.deferred)
        lines.append(f"{deferred} vetoes deferred\n(review after {veto.review_after_years} years)")
    for maj in rule.majorities:
        lines.append(f"+ {maj.at_least} of {', '.join(maj.classes)}")
    return "\n".join(lines)


def seat_diagram(design: Design, *, title: str | None = None, width: float = 7.0):
    """The design's seats on the Council's horseshoe table.

    Seats are coloured by UN regional group (a named holder by its own group), shaped by kind
    (square permanent, diamond long-term, circle elected); veto holders have a thick black
    outline, deferred vetoes a dashed one. Named holders are labelled with their ISO3 code.
    The placement is schematic: the Council seats its members in English alphabetical order,
    starting from the month's President.
    """
    plt = plt_()

    seats = _horseshoe_order(design)
    n = len(seats)
    radius, arm = 1.0, 0.9
    points = _horseshoe_points(n, radius, arm)
    step = (2 * arm + math.pi * radius) / n
    fig, ax = plt.subplots(figsize=(width, width * 0.5))
    ax.set_xlim(-radius - 0.45, radius + 0.45)
    ax.set_ylim(-arm - 0.2, radius + 0.3)
    ax.set_aspect("equal")
    fig.subplots_adjust(left=0.0, right=0.6, top=0.9, bottom=0.03)
    ax.apply_aspect()
    # marker size: a seat takes ~65% of the spacing between seats, in points
    bbox = ax.get_window_extent()
    pt_per_unit = bbox.width / (2 * (radius + 0.45)) * 72 / fig.dpi
    diameter_pt = max(3.0, min(22.0, 0.78 * step * pt_per_unit))
    # the table: a thick grey U inside the ring of seats
    inner = radius - 0.2
    ts = [i / 200 for i in range(201)]
    tx = ([-inner] * 2 + [inner * math.cos(math.pi - t * math.pi) for t in ts] + [inner] * 2)
    ty = ([-arm, 0] + [inner * math.sin(math.pi - t * math.pi) for t in ts] + [0, -arm])
    ax.plot(tx, ty, color="#E4E4E4", linewidth=0.1 * pt_per_unit, solid_capstyle="round", zorder=1)

    veto = design.rule.veto
    _draw_seats(ax, seats, points, veto, diameter_pt, pt_per_unit)
    ax.text(0, -0.25, _rule_text(design), ha="center", va="center", fontsize=8,
            color="#333333", linespacing=1.5)
    ax.axis("off")
    ax.set_title(title or f"{design.name}: {design.size} seats", loc="left")

    handles = _legend_handles(seats, veto)
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), handlelength=1.2,
              borderaxespad=0.2)
    style.add_caption(
        fig,
        f"Source: {design_source(design)}. Schematic placement by kind and group (the Council "
        "seats members in English alphabetical order). Unnamed seats are filled by election "
        f"within their group. Figure: unsclab {version()}.",
    )
    return fig


def _draw_seats(ax, seats, points, veto, diameter_pt: float, pt_per_unit: float) -> None:
    """One marker per seat: colour by group, shape by kind, outline by veto; named holders
    labelled outside the ring."""
    label_size = 7 if len(seats) <= 30 else 5.5
    for seat, (x, y, nx, ny) in zip(seats, points):
        colour = style.group_colour(_seat_group(seat))
        marker = style.KIND_MARKERS[seat.kind]
        size = diameter_pt * (0.85 if marker == "D" else 1.0)
        if seat.seat_class in veto.classes:
            edge, lw, ls = "black", 2.2, "-"
        elif seat.seat_class in veto.deferred:
            edge, lw, ls = "black", 1.6, (0, (2, 1.5))
        else:
            edge, lw, ls = "white", 0.8, "-"
        ax.scatter([x], [y], s=size**2, marker=marker, c=colour, edgecolors=edge,
                   linewidths=lw, linestyles=ls, zorder=3)
        if seat.holder:
            off = diameter_pt / pt_per_unit * 0.5 + 0.09
            ax.text(x + nx * off, y + ny * off, seat.holder, ha="center", va="center",
                    fontsize=label_size, color="#222222", zorder=4)


def _legend_handles(seats, veto) -> list[Any]:
    """Legend entries: the groups present, the kinds present, the veto outlines present."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    present_groups = []
    for s in seats:
        g = _seat_group(s)
        if g not in present_groups:
            present_groups.append(g)
    from unsclab.groups import GROUP_NAMES, GROUPS

    ordered = [g for g in (*GROUPS, "open") if g in present_groups]
    handles: list[Any] = [
        Patch(facecolor=style.group_colour(g), edgecolor="none",
              label=GROUP_NAMES.get(g, "Any group (open seat)")) for g in ordered
    ]
    kinds = [k for k in KIND_RANK if any(s.kind == k for s in seats)]
    handles += [
        Line2D([], [], linestyle="none", marker=style.KIND_MARKERS[k], markersize=8,
               markerfacecolor="#DDDDDD", markeredgecolor="#777777", label=style.KIND_LABELS[k])
        for k in kinds
    ]
    if veto.classes:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=9,
                              markerfacecolor="white", markeredgecolor="black",
                              markeredgewidth=2.2, label="Holds a veto"))
    if veto.deferred:
        handles.append(Patch(facecolor="white", edgecolor="black", linewidth=1.6,
                             linestyle=(0, (2, 1.5)), label="Veto deferred (not exercised)"))
    return handles
