"""The figure of ``unsclab compare --plot``: power by regional group, and ability to act
against Penrose fairness, for several designs (one consistent style: :mod:`unsclab.report.style`).
"""

from __future__ import annotations

__all__ = ["compare_figure", "compare_axes"]

import os
from pathlib import Path

from unsclab._files import output_file
from unsclab.groups import GROUP_NAMES, GROUPS
from unsclab.quantities import quantity
from unsclab.report import style
from unsclab.report.figures.common import label_points, percent_axis


def compare_figure(evaluations, path: str | os.PathLike[str], state: str | None = None) -> Path:
    """Write :func:`compare_axes` of ``evaluations`` to ``path`` (PNG, SVG or PDF by suffix),
    atomically."""
    import matplotlib.pyplot as plt

    target = Path(path)
    if target.suffix.lower() not in (".png", ".svg", ".pdf"):
        from unsclab.errors import UnsclabError

        raise UnsclabError("expected a .png, .svg or .pdf file name", field="--plot", file=str(target))
    fig = compare_axes(evaluations, state=state)
    try:
        with output_file(target, field="--plot", suffix=target.suffix) as tmp:
            fig.savefig(tmp, bbox_inches="tight", pad_inches=0.2)
    finally:
        plt.close(fig)
    return target


def compare_axes(evaluations, state: str | None = None):
    """The comparison figure of ``evaluations`` (from :func:`unsclab.evaluate.evaluate_design`).

    Left: each design's normalised Banzhaf power by regional group (stacked; the P5 counted in
    their own groups), with the P5's share marked. Right: power to act (Coleman; log scale)
    against the distance from Penrose's ideal (0 = every citizen's indirect power equal), each
    design with its own colour and marker. With ``state``, the state's expected years on the
    Council per decade are written beside its design's bar.
    """
    from unsclab.report.figures.common import plt_

    plt = plt_()
    n = len(evaluations)
    fig, (ax_bar, ax_sc) = plt.subplots(1, 2, figsize=(12, 0.42 * n + 2.4),
                                        gridspec_kw={"width_ratios": [1.35, 1], "wspace": 0.75})
    labels = [ev.design.id for ev in evaluations]
    ys = list(range(n))[::-1]
    for ev, y in zip(evaluations, ys, strict=True):
        left = 0.0
        shares = {g["group"]: g["power_share"] for g in ev.groups}
        for g in GROUPS:
            ax_bar.barh(y, shares[g], left=left, color=style.group_colour(g), height=0.7,
                        edgecolor="white", linewidth=0.5, label=GROUP_NAMES[g] if y == ys[0] else None)
            left += shares[g]
        note = f"P5 {ev.representation['p5_power_share']:.1%}"
        if state:
            note += f" · {state} {ev.state(state)['years_per_decade']:.2f} yr/decade"
        ax_bar.text(1.01, y, note, va="center", fontsize=7.5)
    ax_bar.set_yticks(ys, labels)
    ax_bar.set_xlim(0, 1)
    percent_axis(ax_bar.xaxis)
    ax_bar.set_xlabel("Share of Banzhaf power, by regional group (%)")
    ax_bar.set_title("Who holds the power")
    ax_bar.legend(loc="upper center", bbox_to_anchor=(0.5, -0.5 / max(n, 4) - 0.06), ncol=3)

    points: dict[tuple[float, float], list[str]] = {}
    for i, ev in enumerate(evaluations):
        x = round(ev.representation["penrose_distance"], 6)
        y = float(ev.coleman_act)
        ax_sc.scatter([x], [y], color=style.design_colour(i), marker=style.design_marker(i),
                      s=30, zorder=3)
        points.setdefault((x, y), []).append(ev.design.id)
    ax_sc.set_yscale("log")
    percent_axis(ax_sc.yaxis)
    ax_sc.invert_xaxis()
    label_points(ax_sc, list(points), [", ".join(v) for v in points.values()])
    ax_sc.set_xlabel(f"{quantity('penrose_distance').name} (0 = fairest)")
    ax_sc.set_ylabel(f"{quantity('coleman_act').name} (%, log scale)")
    ax_sc.set_title("Able to act, and fair?")

    method = evaluations[0].occupancy.method if evaluations else ""
    filled = ("the elections model calibrated on 1946–2025 Council service (Monte Carlo)"
              if method == "elections" else method)
    style.add_caption(fig, "Source: unsclab, exact a-priori indices on each design's compiled game "
                      f"(binary model); unnamed seats filled by {filled}. Population: World Bank "
                      "SP.POP.TOTL (latest year). Regional groups: mledoze/countries.")
    return fig
