"""Publication figures of designs and their results (matplotlib, Agg backend).

Every function returns a :class:`matplotlib.figure.Figure` drawn in the one style of
:mod:`unsclab.report.style`, with a title, labelled axes, a legend where colours carry meaning,
and a source caption under the plot. :func:`to_png` / :func:`to_svg` turn a figure into bytes /
text (and close it). matplotlib is imported inside the functions, with the non-interactive Agg
backend, so importing this module is cheap and never opens a window.

Figures
-------
- :func:`seat_diagram` — a design's seats on the Council's horseshoe table.
- :func:`group_power` — power by regional group against membership and population shares.
- :func:`act_vs_equality` — designs on ability to act against equality, with the Pareto front.
- :func:`years_per_decade` — a state's expected years on the Council per decade, by design.
- :func:`replay_adoption` — adoption rate over time by design (from replay results).

See ``docs/figures.md`` for each figure and the command that makes it.
"""

from __future__ import annotations

__all__ = [
    "seat_diagram",
    "group_power",
    "act_vs_equality",
    "pareto_front",
    "years_per_decade",
    "replay_adoption",
    "to_png",
    "to_svg",
]

import io
import math
from collections.abc import Mapping, Sequence
from typing import Any

from unsclab.designs.model import Design
from unsclab.report import style

_KIND_RANK = {"permanent": 0, "long-term": 1, "elected": 2}


def _plt():
    """pyplot on the Agg backend with the unsclab style applied."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams.update(style.rc())
    return plt


def to_png(fig, dpi: int = 150) -> bytes:
    """The figure as PNG bytes; the figure is closed."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    try:
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.15)
    finally:
        plt.close(fig)
    return buf.getvalue()


def to_svg(fig) -> str:
    """The figure as SVG text (fonts as text, so it stays small and searchable); closed."""
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    try:
        fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=0.15)
    finally:
        plt.close(fig)
    text = buf.getvalue()
    return text[text.find("<svg"):]


def _version() -> str:
    from unsclab._version import __version__

    return __version__


def _design_source(design: Design) -> str:
    cites = [s.symbol or s.title for s in design.sources[:2]]
    more = f" and {len(design.sources) - 2} more" if len(design.sources) > 2 else ""
    return f"{design.name} ({design.id}); sources: {'; '.join(cites)}{more}"


# ---------------------------------------------------------------------------------------------
# seat diagram


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
    by_kind: dict[str, list] = {k: [] for k in _KIND_RANK}
    for seat in design.seat_list():
        by_kind[seat.kind].append(seat)
    left: list = []
    right: list = []
    from unsclab.groups import GROUPS

    order = {g: i for i, g in enumerate((*GROUPS, "open"))}
    for kind in _KIND_RANK:
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
    plt = _plt()
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

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
    label_size = 7 if n <= 30 else 5.5
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
    ax.text(0, -0.25, _rule_text(design), ha="center", va="center", fontsize=8,
            color="#333333", linespacing=1.5)
    ax.axis("off")
    ax.set_title(title or f"{design.name}: {design.size} seats", loc="left")

    # legend: groups present, kinds present, veto outlines present
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
    kinds = [k for k in _KIND_RANK if any(s.kind == k for s in seats)]
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
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), handlelength=1.2,
              borderaxespad=0.2)
    style.add_caption(
        fig,
        f"Source: {_design_source(design)}. Schematic placement by kind and group (the Council "
        "seats members in English alphabetical order). Unnamed seats are filled by election "
        f"within their group. Figure: unsclab {_version()}.",
    )
    return fig


# ---------------------------------------------------------------------------------------------
# power by regional group


def group_power(view: Mapping[str, Any], *, title: str | None = None, width: float = 7.0):
    """Power by UN regional group against membership and population shares (grouped bars).

    ``view`` is :func:`unsclab.views.design_view` of one design: its ``groups`` rows
    give each group's share of UN membership, of the member states' population, of the seats
    (expected) and of normalised Banzhaf power (expected; unnamed seats filled as the view's
    ``occupancy_method`` says, named in the caption).
    """
    plt = _plt()

    rows = view.get("groups") or []
    design = view["design"]
    fig, ax = plt.subplots(figsize=(width, width * 0.5))
    series = [
        ("membership_share", "Share of UN members", "#DDDDDD", None),
        ("population_share", "Share of population", "#999999", None),
        ("seat_share", "Share of seats", "white", "///"),
        ("power_share", "Share of power (Banzhaf)", None, None),
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
                ax.text(p, v + 0.008, f"{v:.0%}", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(xs, [f"{r['group']}\n{_SHORT_GROUP.get(r['group'], '')}" for r in rows],
                  fontsize=7.5)
    ax.set_ylabel("Share of the whole")
    ax.yaxis.set_major_formatter(_percent())
    top = max([r.get(k) or 0 for r in rows for k, *_ in series] + [0.1])
    ax.set_ylim(0, top * 1.12)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=4, fontsize=7.5,
              handlelength=1.5, columnspacing=1.2, borderaxespad=0.3)
    ax.set_title(title or f"{design['name']}: power by regional group", loc="left", pad=24)
    style.add_caption(
        fig,
        "Power: normalised Banzhaf index of each seat (binary a-priori model), summed over the "
        f"states of a group; unnamed seats: {_occupancy(view)}; permanent "
        "members counted in their own group. Population: World Bank SP.POP.TOTL (latest year); "
        f"groups: UN regional groups (data/SOURCES.md). Design: {design['id']}. "
        f"Figure: unsclab {_version()}.",
    )
    return fig


_SHORT_GROUP = {
    "AG": "African",
    "APG": "Asia-Pacific",
    "EEG": "Eastern European",
    "GRULAC": "Latin American\n& Caribbean",
    "WEOG": "Western European\n& others",
}


def _percent(decimals: int = 0):
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(1.0, decimals=decimals)


# ---------------------------------------------------------------------------------------------
# ability to act vs equality


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


def _label_points(ax, pts, labels) -> None:
    """Label points, nudging a label down when it would overlap one already placed."""
    if not pts:
        return
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    ax.set_xlim(ax.get_xlim())
    ax.set_ylim(ax.get_ylim())
    placed: list[tuple[float, float, float]] = []  # (x, y, width) in display points
    fig = ax.figure
    to_pt = 72 / fig.dpi
    order = sorted(range(len(pts)), key=lambda i: (-ys[i], xs[i]))
    box = ax.get_window_extent()
    dots = [tuple(v * to_pt for v in ax.transData.transform(p)) for p in pts]
    for i in order:
        px, py = dots[i]
        w = 4.6 * len(labels[i])
        candidates = [(5, 4), (5, -11), (-5 - w, 4), (-5 - w, -11)]
        candidates += [(8, 4 - 10 * k) for k in range(2, 10)] + [(8, 4 + 10 * k) for k in range(2, 6)]

        def clash(ox, oy, px=px, py=py, w=w, me=i):
            x0, y0 = px + ox, py + oy
            if x0 < box.x0 * to_pt or x0 + w > box.x1 * to_pt:
                return True
            if any(abs(y0 - qy) < 9 and x0 < qx + qw and qx < x0 + w for qx, qy, qw in placed):
                return True
            # keep clear of the other points' dots (radius ~4 pt)
            return any(j != me and x0 - 4 < dx < x0 + w + 4 and y0 - 4 < dy < y0 + 12
                       for j, (dx, dy) in enumerate(dots))

        ox, oy = next((c for c in candidates if not clash(*c)), candidates[0])
        placed.append((px + ox, py + oy, w))
        leader = (ox, oy) not in candidates[:4]
        ax.annotate(labels[i], pts[i], xytext=(ox, oy), textcoords="offset points",
                    fontsize=7.5, va="bottom",
                    arrowprops=dict(arrowstyle="-", color="#999999", linewidth=0.6,
                                    shrinkA=0, shrinkB=4) if leader else None)


def _occupancy(view: Mapping[str, Any]) -> str:
    """How the view filled unnamed seats, in words (with the draws and seed of its replay)."""
    from unsclab.views import DRAWS, SEED, occupancy_text

    rp = view.get("replay") or {}
    return occupancy_text(view.get("occupancy_method"), rp.get("draws", DRAWS),
                          rp.get("seed", SEED))


def equality_of(view: Mapping[str, Any]) -> float | None:
    """Equality of a design: 1 − the Penrose square-root distance (1 = Penrose's ideal)."""
    rep = view.get("representation") or {}
    d = rep.get("penrose_distance")
    return None if d is None else 1.0 - d


def act_vs_equality(views: Sequence[Mapping[str, Any]], *, title: str | None = None,
                    width: float = 7.0):
    """Designs on Coleman's power to act (x) against equality (y), with the Pareto front.

    Equality is 1 − the Penrose square-root distance of :mod:`unsclab.metrics` (1: every
    citizen of the world has the same indirect power). The front joins the designs that no
    other design beats on both.
    """
    plt = _plt()
    pts, labels = [], []
    for v in views:
        act = (v.get("power") or {}).get("ability_to_act")
        eq = equality_of(v)
        if act is None or eq is None:
            continue
        key = (round(act, 12), round(eq, 12))
        same = [i for i, p in enumerate(pts) if (round(p[0], 12), round(p[1], 12)) == key]
        if same:  # identical results: one point, both names
            labels[same[0]] += ", " + v["design"]["id"]
            continue
        pts.append((act, eq))
        labels.append(v["design"]["id"])
    fig, ax = plt.subplots(figsize=(width, width * 0.62))
    front = pareto_front(pts)
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
        ax.set_ylim(min(ys) - 0.1 * dy, max(ys) + 0.15 * dy)
    _label_points(ax, pts, labels)
    if front:
        ax.scatter([], [], s=42, color=style.ACCENT, edgecolors="black", linewidths=0.6,
                   label="On the front")
        ax.scatter([], [], s=42, color="#555555", edgecolors="black", linewidths=0.6,
                   label="Dominated")
    ax.set_xlabel("Ability to act (Coleman): share of vote profiles that adopt")
    ax.set_ylabel("Equality: 1 − Penrose square-root distance")
    ax.xaxis.set_major_formatter(_percent(1))
    if not pts:
        ax.text(0.5, 0.5, "No design with power results", transform=ax.transAxes,
                ha="center", va="center", color="#777777")
    ax.grid(True, color="#EEEEEE", linewidth=0.6)
    ax.legend(loc="best")
    ax.set_title(title or "Ability to act against equality", loc="left")
    style.add_caption(
        fig,
        "Ability to act: Coleman (1971), share of the 2^n yes/no profiles of the seats that "
        "adopt a substantive decision. Equality: Penrose (1946) square-root law, distance "
        "between states' Banzhaf power shares and their shares of √population (World Bank "
        f"SP.POP.TOTL); unnamed seats: {_occupancy(views[0]) if views else '—'}. Up and right "
        f"is better on both. Figure: unsclab {_version()}.",
    )
    return fig


# ---------------------------------------------------------------------------------------------
# a state's years on the Council


def years_per_decade(designs: Sequence[Design], iso3: str, *, title: str | None = None,
                     width: float = 7.0, occupancy=None, occupancy_note: str | None = None):
    """Expected years per decade that state ``iso3`` sits on the Council, by design.

    ``occupancy`` is a function ``design -> Occupancy``; by default uniform rotation within
    the seat pools (:func:`unsclab.occupancy.uniform_occupancy`). The caption names the method
    (``occupancy_note`` where given, e.g. with the draws and seed of the elections model). A
    named holder of a permanent seat sits 10 years in 10.
    """
    plt = _plt()
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
    ax.set_xlabel("Expected years on the Council per decade")
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
        f"Groups: UN regional groups (data/SOURCES.md). Figure: unsclab {_version()}.",
    )
    return fig


# ---------------------------------------------------------------------------------------------
# replay


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
    plt = _plt()

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
                label=design_id, marker="o" if len(pts) < 15 else None, markersize=3, zorder=2)
    if recorded:
        rec = sorted(recorded)
        low = min(low, min(p[1] for p in rec))
        ax.plot([p[0] for p in rec], [p[1] for p in rec], color="black", linewidth=1.1,
                linestyle=(0, (4, 2)), label="Recorded (history)", zorder=3)
    if since is not None:
        ax.axvline(since, color="#999999", linewidth=0.8, linestyle=":", zorder=1)
        ax.annotate(f"totals from {since} →", (since, 0.02), xytext=(-3, 0),
                    textcoords="offset points", xycoords=("data", "axes fraction"),
                    fontsize=7, color="#555555", va="bottom", ha="right")
    bottom = max(0.0, math.floor(low * 10) / 10 - 0.05) if series or recorded else 0.0
    ax.set_ylim(bottom, 1.02)
    ax.yaxis.set_major_formatter(_percent())
    ax.set_xlabel("Year")
    ax.set_ylabel("Drafts adopted")
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
        f"Figure: unsclab {_version()}.",
    )
    return fig
