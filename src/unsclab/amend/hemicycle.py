"""A seat map of the General Assembly coloured by predicted support (self-contained SVG).

The 193 members sit on concentric arcs, ordered from the most to the least likely to vote yes
(left to right), so the two-thirds line falls where the 129th seat is. Colour runs from blue
(likely yes) through grey (even) to red (likely no); each seat's tooltip gives the state and its
probability. No plotting library: the page and the report embed the string as it is.
"""

from __future__ import annotations

__all__ = ["hemicycle_svg"]

import math
from html import escape


def _colour(p: float) -> str:
    """Blue (p = 1) – grey (0.5) – red (0): a diverging scale readable in greyscale too."""
    grey, blue, red = (0.80, 0.80, 0.80), (0.13, 0.40, 0.67), (0.79, 0.19, 0.16)
    end, t = (blue, (p - 0.5) * 2) if p >= 0.5 else (red, (0.5 - p) * 2)
    rgb = [round(255 * (g + (e - g) * t)) for g, e in zip(grey, end)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _seats(n: int, rows: int) -> list[tuple[float, float, float]]:
    """(x, y, angle) of ``n`` seats on ``rows`` arcs, seats shared by arc length, ordered by
    angle from the left end (π) to the right end (0)."""
    radii = [0.45 + 0.55 * r / (rows - 1) for r in range(rows)]
    total = sum(radii)
    counts = [round(n * r / total) for r in radii]
    counts[-1] += n - sum(counts)
    seats = []
    for r, k in zip(radii, counts):
        for j in range(k):
            a = math.pi * (1 - (j + 0.5) / k)
            seats.append((r * math.cos(a), r * math.sin(a), a))
    seats.sort(key=lambda s: -s[2])
    return seats


def hemicycle_svg(states: list[str], p_yes: list[float], threshold: int,
                  names: dict[str, str] | None = None, title: str = "") -> str:
    """The SVG string; ``states`` and ``p_yes`` in any order (sorted here by support)."""
    order = sorted(range(len(states)), key=lambda i: (-p_yes[i], states[i]))
    rows = 8
    seats = _seats(len(states), rows)
    w, h, pad = 640, 350, 20
    scale = (w - 2 * pad) / 2
    cx, cy = w / 2, h - 30
    dot = 0.55 * scale / (len(states) / rows) * math.pi / 2.6
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" '
             f'aria-label="{escape(title or "General Assembly seat map")}">'),
             f'<title>{escape(title or "General Assembly seat map")}</title>']
    names = names or {}
    for rank, (i, (x, y, _)) in enumerate(zip(order, seats), start=1):
        s = states[i]
        label = f"{names.get(s, s)} ({s}): P(yes) {100 * p_yes[i]:.0f}%, rank {rank}"
        parts.append(f'<circle cx="{cx + x * scale:.1f}" cy="{cy - y * scale:.1f}" r="{dot:.1f}" '
                     f'fill="{_colour(p_yes[i])}"><title>{escape(label)}</title></circle>')
    if 0 < threshold <= len(seats):
        # the threshold sits between the threshold-th and the next seat in the order of support
        a = (seats[threshold - 1][2] + seats[min(threshold, len(seats) - 1)][2]) / 2
        x0, y0 = cx + 0.40 * scale * math.cos(a), cy - 0.40 * scale * math.sin(a)
        x1, y1 = cx + 1.05 * scale * math.cos(a), cy - 1.05 * scale * math.sin(a)
        parts.append(f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" '
                     'stroke="#222" stroke-width="2" stroke-dasharray="5 3"/>')
        parts.append(f'<text x="{x1:.1f}" y="{y1 - 6:.1f}" font-size="12" text-anchor="middle" '
                     f'font-family="sans-serif">{threshold} needed</text>')
    expected = sum(p_yes)
    parts.append(f'<text x="{cx}" y="{h - 8}" font-size="13" text-anchor="middle" '
                 f'font-family="sans-serif">expected yes {expected:.1f} of {len(states)} · '
                 'blue: likely yes · grey: even · red: likely no</text>')
    parts.append("</svg>")
    return "\n".join(parts)
