"""What every figure shares: pyplot on Agg in the unsclab style, PNG/SVG output, axis
formatters that never repeat a tick label, point labels that do not collide, and the check
that no two texts of a figure overlap (used by the tests)."""

from __future__ import annotations

__all__ = ["plt_", "to_png", "to_svg", "version", "design_source", "occupancy_words",
           "percent_axis", "label_points", "overlapping_texts", "duplicate_ticks",
           "KIND_RANK"]

import io
from collections.abc import Mapping
from typing import Any

from unsclab.designs.model import Design
from unsclab.report import style

KIND_RANK = {"permanent": 0, "long-term": 1, "elected": 2}


def plt_():
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


def version() -> str:
    from unsclab._version import __version__

    return __version__


def design_source(design: Design) -> str:
    cites = [s.symbol or s.title for s in design.sources[:2]]
    more = f" and {len(design.sources) - 2} more" if len(design.sources) > 2 else ""
    return f"{design.name} ({design.id}); sources: {'; '.join(cites)}{more}"



def occupancy_words(view: Mapping[str, Any]) -> str:
    """How the view filled unnamed seats, in words (with the draws and seed of its replay)."""
    from unsclab.views import DRAWS, SEED, occupancy_text

    rp = view.get("replay") or {}
    return occupancy_text(view.get("occupancy_method"), rp.get("draws", DRAWS),
                          rp.get("seed", SEED))



class _UniquePercent:
    """Percentages with as few decimals as keep every tick label distinct (no "2.4%, 2.4%")."""

    def __new__(cls, xmax: float = 1.0):
        from matplotlib.ticker import Formatter

        class UniquePercent(Formatter):
            def __call__(self, x, pos=None):
                return self.format_ticks([x])[0]

            def format_ticks(self, values):
                for decimals in range(0, 7):
                    labels = [f"{100 * v / xmax:.{decimals}f}%" for v in values]
                    if len(set(labels)) == len(labels):
                        return labels
                return labels

        return UniquePercent()


def percent_axis(axis, xmax: float = 1.0) -> None:
    """Write ``axis`` (``ax.xaxis`` / ``ax.yaxis``) in percent, without repeated labels."""
    axis.set_major_formatter(_UniquePercent(xmax))


def label_points(ax, pts, labels) -> None:
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



def duplicate_ticks(fig) -> list[str]:
    """Tick labels shown twice on one axis, as "axis: label" (drawn first)."""
    fig.canvas.draw()
    out = []
    for ax in (a for a in fig.axes if a.axison):
        for name, labels in (("x", ax.get_xticklabels()), ("y", ax.get_yticklabels())):
            texts = [t.get_text() for t in labels if t.get_visible() and t.get_text()]
            out += [f"{name}: {t}" for t in sorted(set(texts)) if texts.count(t) > 1]
    return out


def overlapping_texts(fig, pad: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of visible texts of ``fig`` whose bounding boxes intersect (drawn first).

    Texts of one legend, and a text with itself, are not compared twice; empty texts are
    skipped. ``pad`` (pixels) shrinks each box so that touching is not overlapping.
    """
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    hidden = {id(lab) for ax in fig.axes if not ax.axison for axis in (ax.xaxis, ax.yaxis)
              for tick in (*axis.get_major_ticks(), *axis.get_minor_ticks())
              for lab in (tick.label1, tick.label2)}  # an axis switched off draws no ticks
    boxes = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip() or t.get_alpha() == 0:
            continue
        if id(t) in hidden:
            continue
        b = t.get_window_extent(renderer)
        if b.width <= 0 or b.height <= 0:
            continue
        boxes.append((t.get_text(), b.x0 + pad, b.y0 + pad, b.x1 - pad, b.y1 - pad))
    out = []
    for i, (ta, ax0, ay0, ax1, ay1) in enumerate(boxes):
        for tb, bx0, by0, bx1, by1 in boxes[i + 1:]:
            if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                out.append((ta, tb))
    return out
